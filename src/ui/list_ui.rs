//! The plain list of events.

use crate::i18n::dates;
use crate::model::{Lang, Timeline};

use super::Command;

/// A scrolling list of the events at `visible`, one row each; clicking selects.
pub fn list_ui(
    ui: &mut egui::Ui,
    timeline: &Timeline,
    visible: &[usize],
    selected: Option<usize>,
    lang: Lang,
) -> Option<Command> {
    let mut command = None;
    let row_height = ui.spacing().interact_size.y;
    egui::ScrollArea::vertical().auto_shrink(false).show_rows(
        ui,
        row_height,
        visible.len(),
        |ui, rows| {
            for &index in &visible[rows] {
                let event = &timeline.events[index];
                let text = format!(
                    "{}  {}",
                    dates::span(lang, event.start, event.end),
                    event.title.get(lang)
                );
                if ui.selectable_label(selected == Some(index), text).clicked() {
                    command = Some(Command::Select(Some(index)));
                }
            }
        },
    );
    command
}
