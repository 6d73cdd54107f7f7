//! The chosen tour in the window: its steps listed beside the timeline, each a click away,
//! while the timeline numbers the same events.

use egui::RichText;

use crate::i18n::{dates, t, tr};

use super::command::{Command, PresentCommand, SelectionCommand};
use super::frame::FrameCtx;

/// The chosen tour's steps.
#[derive(Clone, Debug, Default)]
pub struct TourPanel;

impl TourPanel {
    /// Lists the chosen tour's steps; a click selects a step's event. Nothing without a tour.
    #[must_use]
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &FrameCtx<'_>) -> Vec<Command> {
        let mut commands = Vec::new();
        let Some(tour) = ctx.tour.and_then(|i| ctx.timeline.tours.get(i)) else {
            return commands;
        };
        let lang = ctx.lang;
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.strong(tr(
                lang,
                "tour-panel-title",
                &[("title", tour.title.get(lang).to_owned())],
            ));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .small_button("×")
                    .on_hover_text(t(lang, "tour-panel-close"))
                    .clicked()
                {
                    commands.push(PresentCommand::ChooseTour(None).into());
                }
            });
        });
        if ui.button(t(lang, "tour-panel-present")).clicked() {
            commands.push(
                PresentCommand::Start {
                    tour: ctx.tour,
                    step: 0,
                }
                .into(),
            );
        }
        // With an event open below, the list keeps to the upper part.
        let height = if ctx.selected.is_some() {
            ui.available_height() * 0.35
        } else {
            ui.available_height()
        };
        egui::ScrollArea::vertical()
            .id_salt("tour-steps")
            .max_height(height)
            .show(ui, |ui| {
                for (n, (index, _)) in tour.steps.iter().enumerate() {
                    let event = &ctx.timeline.events[*index];
                    let label = format!(
                        "{}. {} — {}",
                        n + 1,
                        dates::short_date(lang, event.start),
                        event.title().get(lang)
                    );
                    let text = if ctx.shown.position(*index).is_some() {
                        RichText::new(label)
                    } else {
                        // A step the filters hide is still the tour's, but shown as such.
                        RichText::new(label).weak()
                    };
                    if ui
                        .selectable_label(ctx.selected == Some(*index), text)
                        .clicked()
                    {
                        commands.push(SelectionCommand::Select(Some(*index)).into());
                    }
                }
            });
        ui.separator();
        commands
    }
}
