//! A list of events to pick from: a cluster that zooming cannot split opens as one.

use crate::i18n::{dates, t, tr};

use super::command::{Command, SelectionCommand};
use super::frame::FrameCtx;

/// The floating list of a cluster's events.
#[derive(Clone, Debug, Default)]
pub struct ListPanel;

impl ListPanel {
    /// Shows the list while there is one; a click selects an event and closes it.
    #[must_use]
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &FrameCtx<'_>) -> Vec<Command> {
        let mut commands = Vec::new();
        let Some(members) = ctx.listing else {
            return commands;
        };
        let lang = ctx.lang;
        let title = tr(lang, "list-title", &[("count", members.len().to_string())]);
        let mut open = true;
        egui::Window::new(title)
            .id(egui::Id::unique("event-list"))
            .open(&mut open)
            .collapsible(false)
            .default_width(420.0)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ui.ctx(), |ui| {
                let row = ui.spacing().interact_size.y;
                egui::ScrollArea::vertical().max_height(360.0).show_rows(
                    ui,
                    row,
                    members.len(),
                    |ui, rows| {
                        for &index in &members[rows] {
                            let event = &ctx.timeline.events[index];
                            let label = format!(
                                "{}  {}",
                                dates::short_date(lang, event.start),
                                event.title().get(lang)
                            );
                            if ui
                                .selectable_label(ctx.selected == Some(index), label)
                                .clicked()
                            {
                                commands.push(SelectionCommand::Select(Some(index)).into());
                                commands.push(SelectionCommand::List(None).into());
                            }
                        }
                    },
                );
                if ui.button(t(lang, "list-close")).clicked() {
                    commands.push(SelectionCommand::List(None).into());
                }
            });
        if !open || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            commands.push(SelectionCommand::List(None).into());
        }
        commands
    }
}
