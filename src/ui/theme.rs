//! Colours of the timeline for the dark, light and high-contrast themes.

use egui::Color32;
use serde::{Deserialize, Serialize};

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
                on_colour: Color32::WHITE,
                window: Color32::from_rgba_unmultiplied(0xff, 0xd4, 0x3b, 40),
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
                on_colour: Color32::WHITE,
                window: Color32::from_rgba_unmultiplied(0xd9, 0x6a, 0x00, 40),
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
                on_colour: Color32::BLACK,
                window: Color32::from_rgba_unmultiplied(0xff, 0xe0, 0x00, 60),
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
    /// Text on a category colour.
    pub on_colour: Color32,
    /// The visible window in the overview.
    pub window: Color32,
}
