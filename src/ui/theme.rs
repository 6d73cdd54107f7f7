//! Colours of the timeline for the dark, light and high-contrast themes.

use egui::Color32;
use serde::{Deserialize, Serialize};

use super::contrast;

/// A theme the reader can choose.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    /// Dark grey.
    #[default]
    Dark,
    /// Light grey.
    Light,
    /// Black and white with strong colours, for projectors and low vision.
    HighContrast,
}

impl Theme {
    /// Every theme.
    pub const ALL: [Theme; 3] = [Theme::Dark, Theme::Light, Theme::HighContrast];

    /// egui's visuals for this theme.
    pub fn visuals(self) -> egui::Visuals {
        match self {
            Theme::Dark => egui::Visuals::dark(),
            Theme::Light => egui::Visuals::light(),
            Theme::HighContrast => {
                let mut visuals = egui::Visuals::dark();
                visuals.override_text_color = Some(Color32::WHITE);
                visuals.panel_fill = Color32::BLACK;
                visuals.window_fill = Color32::BLACK;
                visuals.extreme_bg_color = Color32::BLACK;
                visuals.hyperlink_color = Color32::from_rgb(0x7f, 0xd0, 0xff);
                visuals.selection.bg_fill = Color32::from_rgb(0xff, 0xd4, 0x00);
                visuals.selection.stroke.color = Color32::BLACK;
                visuals.widgets.noninteractive.bg_stroke.color = Color32::WHITE;
                visuals.widgets.inactive.bg_stroke = egui::Stroke::new(1.0, Color32::WHITE);
                visuals
            }
        }
    }

    /// The timeline's colours for this theme.
    pub fn palette(self) -> Palette {
        let panel = self.visuals().panel_fill;
        match self {
            Theme::Dark => Palette {
                canvas: Color32::from_rgb(0x1b, 0x1e, 0x24),
                axis_bg: Color32::from_rgb(0x24, 0x28, 0x30),
                header_bg: Color32::from_rgb(0x22, 0x25, 0x2c),
                era_a: Color32::from_rgb(0x20, 0x24, 0x2c),
                era_b: Color32::from_rgb(0x1b, 0x1e, 0x24),
                era_text: Color32::from_rgb(0x9a, 0xa4, 0xb5),
                tick: Color32::from_rgb(0x2c, 0x31, 0x3a),
                tick_strong: Color32::from_rgb(0x4a, 0x52, 0x60),
                lane_line: Color32::from_rgb(0x30, 0x35, 0x3f),
                text_strong: Color32::from_rgb(0xe8, 0xea, 0xee),
                text_weak: Color32::from_rgb(0x9a, 0xa0, 0xab),
                marker_ring: Color32::from_rgb(0xf5, 0xf5, 0xf5),
                selection: Color32::from_rgb(0xff, 0xd4, 0x3b),
                window: Color32::from_rgba_unmultiplied(0xff, 0xd4, 0x3b, 40),
                panel,
                text_min: contrast::AA_TEXT,
                marker_min: contrast::AA_GRAPHICS,
                day_strength: 0.55,
                cluster_strength: 0.85,
            },
            Theme::Light => Palette {
                canvas: Color32::from_rgb(0xfa, 0xfa, 0xf8),
                axis_bg: Color32::from_rgb(0xee, 0xef, 0xf2),
                header_bg: Color32::from_rgb(0xf0, 0xf1, 0xf4),
                era_a: Color32::from_rgb(0xf1, 0xf3, 0xf7),
                era_b: Color32::from_rgb(0xfa, 0xfa, 0xf8),
                era_text: Color32::from_rgb(0x5a, 0x63, 0x72),
                tick: Color32::from_rgb(0xe2, 0xe4, 0xe9),
                tick_strong: Color32::from_rgb(0xb4, 0xb9, 0xc4),
                lane_line: Color32::from_rgb(0xd8, 0xdb, 0xe2),
                text_strong: Color32::from_rgb(0x1d, 0x21, 0x28),
                text_weak: Color32::from_rgb(0x5d, 0x64, 0x70),
                marker_ring: Color32::from_rgb(0x20, 0x20, 0x20),
                selection: Color32::from_rgb(0xd9, 0x6a, 0x00),
                window: Color32::from_rgba_unmultiplied(0xd9, 0x6a, 0x00, 40),
                panel,
                text_min: contrast::AA_TEXT,
                marker_min: contrast::AA_GRAPHICS,
                day_strength: 0.55,
                cluster_strength: 0.85,
            },
            Theme::HighContrast => Palette {
                canvas: Color32::BLACK,
                axis_bg: Color32::BLACK,
                header_bg: Color32::BLACK,
                era_a: Color32::from_rgb(0x14, 0x14, 0x14),
                era_b: Color32::BLACK,
                era_text: Color32::WHITE,
                tick: Color32::from_rgb(0x55, 0x55, 0x55),
                tick_strong: Color32::from_rgb(0xaa, 0xaa, 0xaa),
                lane_line: Color32::from_rgb(0x88, 0x88, 0x88),
                text_strong: Color32::WHITE,
                text_weak: Color32::from_rgb(0xdd, 0xdd, 0xdd),
                marker_ring: Color32::WHITE,
                selection: Color32::from_rgb(0xff, 0xe0, 0x00),
                window: Color32::from_rgba_unmultiplied(0xff, 0xe0, 0x00, 60),
                panel,
                // Text at AAA; markers bright enough that black text on a bar reaches AAA too,
                // and day bars dark enough that white text on them does.
                text_min: contrast::AAA_TEXT,
                marker_min: contrast::AAA_TEXT,
                day_strength: 0.3,
                cluster_strength: 1.0,
            },
        }
    }
}

/// Colours used when painting the timeline.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    /// Behind the lanes.
    pub canvas: Color32,
    /// Behind the axis.
    pub axis_bg: Color32,
    /// Behind the lane names.
    pub header_bg: Color32,
    /// Every other era band.
    pub era_a: Color32,
    /// The bands between.
    pub era_b: Color32,
    /// Era names.
    pub era_text: Color32,
    /// Fine tick lines.
    pub tick: Color32,
    /// Month, year and Sunday lines.
    pub tick_strong: Color32,
    /// Lines between lanes.
    pub lane_line: Color32,
    /// Labels.
    pub text_strong: Color32,
    /// Secondary labels.
    pub text_weak: Color32,
    /// Ring around key events.
    pub marker_ring: Color32,
    /// The selected event's outline.
    pub selection: Color32,
    /// The visible window in the overview.
    pub window: Color32,
    /// Behind the side panels (egui's panel fill for this theme).
    pub panel: Color32,
    /// The contrast ratio text must reach (4.5, or 7 in the high-contrast theme).
    pub text_min: f64,
    /// The contrast ratio markers and bars must reach against the canvas and the eras.
    pub marker_min: f64,
    /// How strongly a day bar (an event without hours) is drawn, against a span's full colour.
    pub day_strength: f32,
    /// How strongly a cluster badge is drawn.
    pub cluster_strength: f32,
}

impl Palette {
    /// A category's colour as markers and bars show it: adjusted, if needed, to stand out
    /// from the canvas and both era bands.
    pub fn marker(&self, rgb: [u8; 3]) -> Color32 {
        contrast::legible(
            Color32::from_rgb(rgb[0], rgb[1], rgb[2]),
            &[self.canvas, self.era_a, self.era_b],
            self.marker_min,
        )
    }

    /// The fill of a bar in `marker` colour: a span in full, a day lighter.
    pub fn bar_fill(&self, marker: Color32, range: bool) -> Color32 {
        if range {
            marker
        } else {
            marker.gamma_multiply(self.day_strength)
        }
    }

    /// The fill of a cluster badge in `marker` colour.
    pub fn cluster_fill(&self, marker: Color32) -> Color32 {
        marker.gamma_multiply(self.cluster_strength)
    }

    /// The colour of text over `fill` (which may be translucent over the canvas).
    pub fn label_on(&self, fill: Color32) -> Color32 {
        contrast::readable_on(contrast::over(fill, self.canvas))
    }

    /// A category's colour for its name written on the side panels.
    pub fn category_text(&self, rgb: [u8; 3]) -> Color32 {
        contrast::legible(
            Color32::from_rgb(rgb[0], rgb[1], rgb[2]),
            &[self.panel],
            self.text_min,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use contrast::{AA_GRAPHICS, over, ratio};

    /// Every pair of colours the timeline paints on each other in `theme`: (what, foreground,
    /// background, the ratio it must reach). Dimmed search non-matches are left out on purpose:
    /// they are meant to recede.
    fn pairs(theme: Theme) -> Vec<(String, Color32, Color32, f64)> {
        let p = theme.palette();
        let text = p.text_min;
        let mut pairs = Vec::new();
        let grounds = [
            ("canvas", p.canvas),
            ("axis", p.axis_bg),
            ("lane names", p.header_bg),
            ("era a", p.era_a),
            ("era b", p.era_b),
        ];
        for (name, fg) in [
            ("strong text", p.text_strong),
            ("weak text", p.text_weak),
            ("era names", p.era_text),
        ] {
            for (ground, bg) in grounds {
                pairs.push((format!("{name} on {ground}"), fg, bg, text));
            }
        }
        let visuals = theme.visuals();
        pairs.push((
            "panel text".into(),
            visuals.text_color(),
            visuals.panel_fill,
            text,
        ));
        for (name, fg) in [
            ("key-event ring", p.marker_ring),
            ("selection", p.selection),
        ] {
            for (ground, bg) in [("canvas", p.canvas), ("era a", p.era_a), ("era b", p.era_b)] {
                pairs.push((format!("{name} on {ground}"), fg, bg, AA_GRAPHICS));
            }
        }
        pairs.push((
            "overview window".into(),
            p.selection,
            p.axis_bg,
            AA_GRAPHICS,
        ));
        let timeline = crate::model::load_bundled().expect("the bundled file loads");
        for category in &timeline.categories {
            let marker = p.marker(category.rgb);
            let id = &category.id;
            pairs.push((
                format!("{id} name on panels"),
                p.category_text(category.rgb),
                p.panel,
                text,
            ));
            for (ground, bg) in [("canvas", p.canvas), ("era a", p.era_a), ("era b", p.era_b)] {
                pairs.push((format!("{id} marker on {ground}"), marker, bg, AA_GRAPHICS));
                // Labels inside bars (spans and days) and cluster badges; their colour is
                // chosen once against the canvas, the era bands behind differ slightly.
                for (what, fill) in [
                    ("span bar", p.bar_fill(marker, true)),
                    ("day bar", p.bar_fill(marker, false)),
                    ("cluster", p.cluster_fill(marker)),
                ] {
                    pairs.push((
                        format!("label on {id} {what} over {ground}"),
                        p.label_on(fill),
                        over(fill, bg),
                        text,
                    ));
                }
            }
        }
        pairs
    }

    #[test]
    fn every_colour_pair_meets_wcag_in_every_theme() {
        let mut failures = Vec::new();
        for theme in Theme::ALL {
            let pairs = pairs(theme);
            let (mut text_min, mut graphics_min) = (f64::INFINITY, f64::INFINITY);
            for (what, fg, bg, needed) in &pairs {
                let measured = ratio(*fg, *bg);
                if *needed > AA_GRAPHICS {
                    text_min = text_min.min(measured);
                } else {
                    graphics_min = graphics_min.min(measured);
                }
                if measured < *needed {
                    failures.push(format!(
                        "{theme:?}: {what} is {measured:.2}:1, needs {needed}"
                    ));
                }
            }
            println!(
                "{theme:?}: {} pairs, text at least {text_min:.2}:1, graphics at least {graphics_min:.2}:1",
                pairs.len()
            );
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
