//! The details of the selected event: text, places, actors and sources.

use crate::i18n::dates;
use crate::model::{Lang, Timeline};

use super::Command;

/// Shows the event at `selected`, or a hint when nothing is selected.
pub fn details_ui(
    ui: &mut egui::Ui,
    timeline: &Timeline,
    selected: Option<usize>,
    lang: Lang,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let Some(event) = selected.and_then(|i| timeline.events.get(i)) else {
        ui.label("Select an event to read about it.");
        return commands;
    };
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.heading(event.title.get(lang));
        ui.label(dates::long_date(lang, event.start, event.time));
        ui.label(
            timeline.categories[usize::from(event.category)]
                .name
                .get(lang),
        );
        ui.separator();
        ui.label(event.summary.get(lang));
        ui.separator();
        for source in &event.sources {
            let text = format!("{} — {}", source.publisher, source.title);
            match &source.url {
                Some(url) => {
                    if ui.link(text).on_hover_text(url).clicked() {
                        commands.push(Command::OpenUrl(url.clone()));
                    }
                }
                None => {
                    ui.label(text);
                }
            }
        }
    });
    commands
}
