//! The presenter window: what the teacher sees on their own screen while the audience sees
//! the slide. The current step with its teaching note, the next step, every step of the tour,
//! the time since the start, and the keys.

use egui::RichText;

use crate::i18n::{dates, t, tr};
use crate::model::{Event, Lang, Timeline};

use super::command::{Command, PresentCommand};
use super::frame::FrameCtx;
use super::present_ui::Presentation;
use super::shortcuts;

/// The id of the presenter's native window (an egui viewport).
pub fn viewport_id() -> egui::ViewportId {
    egui::ViewportId::from_hash_of("belarus-timeline-presenter")
}

/// The presenter window's contents.
#[derive(Default)]
pub struct PresenterPanel {
    /// The step list scrolls to the current step when it changes.
    scrolled_to: Option<usize>,
}

impl PresenterPanel {
    /// Draws the presenter view of the running presentation into `ui` (its own window).
    #[must_use]
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &FrameCtx<'_>) -> Vec<Command> {
        let mut commands = Vec::new();
        let Some(presentation) = ctx.presentation else {
            return commands;
        };
        let lang = ctx.lang;
        let steps = presentation.steps(ctx.timeline, &ctx.shown.visible);
        let total = steps.len();
        let now = ui.input(|i| i.time);
        // The clock ticks once a second.
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(500));

        egui::Panel::top("presenter-head").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading(tour_title(ctx.timeline, presentation, lang));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(
                        RichText::new(clock(now - presentation.started))
                            .monospace()
                            .size(22.0),
                    )
                    .on_hover_text(t(lang, "presenter-elapsed"));
                    ui.label(
                        RichText::new(tr(
                            lang,
                            "present-progress",
                            &[
                                ("step", (presentation.step + 1).to_string()),
                                ("total", total.to_string()),
                            ],
                        ))
                        .size(22.0)
                        .strong(),
                    );
                });
            });
            ui.horizontal_wrapped(|ui| {
                if ui.button(t(lang, "presenter-previous")).clicked() {
                    commands.push(PresentCommand::Step(presentation.step.saturating_sub(1)).into());
                }
                if ui.button(t(lang, "presenter-next")).clicked() {
                    commands.push(
                        PresentCommand::Step((presentation.step + 1).min(total.saturating_sub(1)))
                            .into(),
                    );
                }
                let mut notes = presentation.audience_notes;
                if ui
                    .checkbox(&mut notes, t(lang, "presenter-audience-notes"))
                    .changed()
                {
                    commands.push(PresentCommand::AudienceNotes(notes).into());
                }
                let playing = presentation.autoplay.is_some_and(|a| a.due.is_some());
                let play = if playing {
                    t(lang, "presenter-pause")
                } else {
                    t(lang, "presenter-play")
                };
                if ui.button(play).clicked() {
                    commands.push(PresentCommand::Autoplay(!playing).into());
                }
                if let Some(autoplay) = presentation.autoplay.filter(|_| playing) {
                    let left = autoplay.due.map_or(0.0, |due| (due - now).max(0.0));
                    ui.label(tr(
                        lang,
                        "presenter-next-in",
                        &[("seconds", format!("{}", left.ceil() as u64))],
                    ));
                }
                if ui.button(t(lang, "presenter-blank")).clicked() {
                    commands.push(PresentCommand::Blank(!presentation.blank).into());
                }
                if ui.button(t(lang, "presenter-leave")).clicked() {
                    commands.push(PresentCommand::Stop.into());
                }
            });
        });

        egui::Panel::bottom("presenter-keys").show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                for shortcut in shortcuts::PRESENTATION {
                    ui.label(
                        RichText::new(shortcuts::keys_text(shortcut))
                            .monospace()
                            .small(),
                    );
                    ui.label(RichText::new(t(lang, shortcut.help)).small().weak());
                    ui.add_space(8.0);
                }
            });
        });

        egui::Panel::right("presenter-steps")
            .default_size(300.0)
            .resizable(true)
            .show(ui, |ui| {
                ui.strong(t(lang, "presenter-steps"));
                egui::ScrollArea::vertical().show(ui, |ui| {
                    for (n, &(index, _)) in steps.iter().enumerate() {
                        let event = &ctx.timeline.events[index];
                        let current = n == presentation.step;
                        let label = format!(
                            "{}. {} — {}",
                            n + 1,
                            dates::short_date(lang, event.start),
                            event.title().get(lang)
                        );
                        let response = ui.selectable_label(current, label);
                        if current && self.scrolled_to != Some(n) {
                            response.scroll_to_me(Some(egui::Align::Center));
                            self.scrolled_to = Some(n);
                        }
                        if response.clicked() {
                            commands.push(PresentCommand::Step(n).into());
                        }
                    }
                });
            });

        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                match steps.get(presentation.step) {
                    Some(&(index, note)) => {
                        let event = &ctx.timeline.events[index];
                        ui.label(RichText::new(t(lang, "presenter-now")).small().weak());
                        step_ui(ui, ctx, event, lang, true);
                        let note = note.and_then(|n| n.exact(lang).or(n.exact(Lang::En)));
                        ui.add_space(8.0);
                        egui::Frame::group(ui.style())
                            .fill(ctx.palette.axis_bg)
                            .show(ui, |ui| {
                                ui.set_width(ui.available_width());
                                ui.label(RichText::new(t(lang, "presenter-note")).strong());
                                ui.label(
                                    RichText::new(note.map_or_else(
                                        || t(lang, "presenter-no-note"),
                                        str::to_owned,
                                    ))
                                    .size(20.0)
                                    .color(ctx.palette.text_strong),
                                );
                                if note.is_some() {
                                    let shown = if presentation.audience_notes {
                                        "presenter-note-shown"
                                    } else {
                                        "presenter-note-hidden"
                                    };
                                    ui.label(RichText::new(t(lang, shown)).small().weak());
                                }
                            });
                    }
                    None => {
                        ui.label(t(lang, "presenter-no-steps"));
                    }
                }
                ui.add_space(14.0);
                ui.separator();
                ui.label(RichText::new(t(lang, "presenter-up-next")).small().weak());
                match steps.get(presentation.step + 1) {
                    Some(&(index, _)) => {
                        step_ui(ui, ctx, &ctx.timeline.events[index], lang, false);
                    }
                    None => {
                        ui.label(t(lang, "presenter-last"));
                    }
                }
            });
        });

        // Remember where the teacher puts the window (a second screen), for the next time.
        let position = ui.input(|i| i.viewport().outer_rect.map(|r| [r.min.x, r.min.y]));
        if let Some(position) = position
            && Some(position) != ctx.state.presenter_position
        {
            commands.push(PresentCommand::PresenterMoved(position).into());
        }
        // Closing the presenter's window closes only it; the audience view goes on.
        if ui.input(|i| i.viewport().close_requested()) {
            commands.push(PresentCommand::Presenter(false).into());
        }
        commands
    }
}

/// A step's date and title, the current one large (its text is on the audience's screen).
fn step_ui(ui: &mut egui::Ui, ctx: &FrameCtx<'_>, event: &Event, lang: Lang, current: bool) {
    let size = if current { 1.0 } else { 0.8 };
    let category = &ctx.timeline.categories[usize::from(event.category)];
    ui.label(
        RichText::new(format!(
            "{}  ·  {}",
            dates::span(lang, event.start, event.end),
            category.name.get(lang)
        ))
        .size(16.0 * size)
        .color(ctx.palette.category_text(category.rgb)),
    );
    ui.label(
        RichText::new(event.title().get(lang))
            .size(24.0 * size)
            .strong()
            .color(ctx.palette.text_strong),
    );
}

/// The tour's title, or what a presentation without a tour steps through.
fn tour_title(timeline: &Timeline, presentation: &Presentation, lang: Lang) -> String {
    presentation
        .tour
        .and_then(|i| timeline.tours.get(i))
        .map_or_else(
            || t(lang, "present-no-tour"),
            |tour| tour.title.get(lang).to_owned(),
        )
}

/// Elapsed time as "m:ss", or "h:mm:ss" past an hour.
pub fn clock(seconds: f64) -> String {
    let total = seconds.max(0.0) as u64;
    let (h, m, s) = (total / 3600, total / 60 % 60, total % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::clock;

    #[test]
    fn the_clock_reads_minutes_and_seconds() {
        assert_eq!(clock(0.0), "0:00");
        assert_eq!(clock(59.9), "0:59");
        assert_eq!(clock(61.0), "1:01");
        assert_eq!(clock(3725.0), "1:02:05");
        assert_eq!(clock(-3.0), "0:00");
    }
}
