//! Painting a time axis: any time-aware view can call [`paint_axis`] with its mapping.

use egui::{Align2, Color32, FontId, Rect, Stroke, pos2};

use crate::model::Lang;
use crate::timeline::ScreenMapping;
use crate::timeline::ticks::{self, LABEL_PAD};

use super::theme::Palette;

/// Height of the axis (context row and tick row).
pub const AXIS_HEIGHT: f32 = 42.0;

/// Paints the axis band at the top of `rect` and its tick lines down to `rect`'s bottom:
/// `band` paints the background across the whole width, `painter` (clipped to the canvas) the
/// ticks and labels.
pub fn paint_axis(
    ui: &egui::Ui,
    band: &egui::Painter,
    painter: &egui::Painter,
    rect: Rect,
    mapping: &ScreenMapping,
    palette: &Palette,
    lang: Lang,
) {
    let font = FontId::proportional(12.5);
    let mut measure = |text: &str| {
        f64::from(ui.fonts_mut(|f| {
            f.layout_no_wrap(text.to_owned(), font.clone(), Color32::WHITE)
                .size()
                .x
        }))
    };
    let axis = ticks::axis(mapping, lang, &mut measure);
    let context_places = ticks::place_context(&axis.context, mapping, &mut measure);
    band.rect_filled(
        Rect::from_min_max(rect.min, pos2(rect.right(), rect.top() + AXIS_HEIGHT)),
        0.0,
        palette.axis_bg,
    );
    for tick in &axis.ticks {
        let x = tick.x as f32;
        let stroke = if tick.emphasised {
            palette.tick_strong
        } else {
            palette.tick
        };
        painter.line_segment(
            [pos2(x, rect.top() + 22.0), pos2(x, rect.bottom())],
            Stroke::new(1.0, stroke),
        );
        let colour = if tick.emphasised {
            palette.text_strong
        } else {
            palette.text_weak
        };
        painter.text(
            pos2(x + LABEL_PAD as f32, rect.top() + 24.0),
            Align2::LEFT_TOP,
            &tick.label,
            font.clone(),
            colour,
        );
    }
    for tick in &axis.context {
        let x = tick.x as f32;
        if x >= mapping.left as f32 {
            painter.line_segment(
                [pos2(x, rect.top()), pos2(x, rect.bottom())],
                Stroke::new(1.5, palette.tick_strong),
            );
        }
    }
    for (x, i) in context_places {
        painter.text(
            pos2(x as f32, rect.top() + 4.0),
            Align2::LEFT_TOP,
            &axis.context[i].label,
            FontId::proportional(13.5),
            palette.text_strong,
        );
    }
}
