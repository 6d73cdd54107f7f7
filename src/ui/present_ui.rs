//! Classroom presentation: a large card for one event at a time, driven by a clicker.

use egui::{Color32, Key, RichText};

use crate::i18n::{dates, t, tr};
use crate::model::{Lang, Text, Timeline};

use super::command::{Command, PresentCommand};
use super::frame::FrameCtx;
use super::shortcuts::{self, Action};
use super::theme::Palette;
use super::timeline_ui::TimelinePanel;

/// The text scale of presentation mode.
pub const PRESENT_ZOOM: f32 = 1.6;

/// A running presentation.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Presentation {
    /// The tour shown, by index; `None` steps through the events the filters show.
    pub tour: Option<usize>,
    /// The current step, from 0.
    pub step: usize,
    /// The screen is blanked (B); any key brings it back.
    pub blank: bool,
    /// Digits typed so far, for "number + Enter".
    pub typed: String,
}

impl Presentation {
    /// The steps: event index and teaching note.
    pub fn steps<'t>(
        &self,
        timeline: &'t Timeline,
        visible: &[usize],
    ) -> Vec<(usize, Option<&'t Text>)> {
        match self.tour.and_then(|t| timeline.tours.get(t)) {
            Some(tour) => tour
                .steps
                .iter()
                .map(|(index, note)| (*index, Some(note)))
                .collect(),
            None => visible.iter().map(|&i| (i, None)).collect(),
        }
    }
}

/// What the keys pressed this frame do in a presentation (see [`shortcuts::PRESENTATION`]).
pub fn keys(ctx: &egui::Context, presentation: &Presentation, total: usize) -> Vec<Command> {
    let mut commands = Vec::new();
    let pressed: Vec<Key> = ctx.input(|i| {
        i.events
            .iter()
            .filter_map(|e| match e {
                egui::Event::Key {
                    key, pressed: true, ..
                } => Some(*key),
                _ => None,
            })
            .collect()
    });
    if pressed.is_empty() {
        return commands;
    }
    if presentation.blank {
        commands.push(PresentCommand::Blank(false).into());
        return commands;
    }
    let last = total.saturating_sub(1);
    let step = presentation.step;
    for key in pressed {
        let command = match shortcuts::action_of(shortcuts::PRESENTATION, key) {
            Some(Action::Leave) => PresentCommand::Stop,
            Some(Action::NextStep) => PresentCommand::Step((step + 1).min(last)),
            Some(Action::TypedOrNextStep) => match presentation.typed.parse::<usize>() {
                Ok(n) if n >= 1 => PresentCommand::Step((n - 1).min(last)),
                _ => PresentCommand::Step((step + 1).min(last)),
            },
            Some(Action::PreviousStep) => PresentCommand::Step(step.saturating_sub(1)),
            Some(Action::FirstStep) => PresentCommand::Step(0),
            Some(Action::LastStep) => PresentCommand::Step(last),
            Some(Action::Blank) => PresentCommand::Blank(true),
            _ => match key.name().parse::<u8>().ok().filter(|d| *d <= 9) {
                Some(digit) => PresentCommand::TypeDigit(digit),
                None => continue,
            },
        };
        commands.push(command.into());
    }
    commands
}

/// The presentation: the timeline across the top, the current step's card below.
#[derive(Default)]
pub struct PresentPanel {
    /// The timeline band, with only the current event's lane open.
    timeline: TimelinePanel,
    /// Event images, decoded off the UI thread.
    images: super::images::Images,
    /// The data the images belong to.
    data_generation: u64,
}

impl PresentPanel {
    /// Draws the presentation (or a black screen while blanked).
    #[must_use]
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &FrameCtx<'_>) -> Vec<Command> {
        let mut commands = Vec::new();
        let Some(presentation) = ctx.presentation else {
            return commands;
        };
        if ctx.shown.data_generation != self.data_generation {
            self.images.clear();
            self.data_generation = ctx.shown.data_generation;
        }
        if presentation.blank {
            egui::CentralPanel::no_frame().show(ui, |ui| {
                ui.painter().rect_filled(ui.max_rect(), 0.0, Color32::BLACK);
                ui.allocate_space(ui.available_size());
            });
            return commands;
        }
        let steps = presentation.steps(ctx.timeline, &ctx.shown.visible);
        // The keys are a hint for the live window, not part of a slide.
        if !ctx.offscreen {
            egui::Panel::bottom("present-keys").show(ui, |ui| {
                ui.label(RichText::new(t(ctx.lang, "present-keys")).small().weak());
            });
        }
        self.timeline.fixed_lanes = true;
        egui::CentralPanel::default().show(ui, |ui| {
            let height = (ui.available_height() * 0.42).max(150.0);
            ui.allocate_ui(egui::vec2(ui.available_width(), height), |ui| {
                commands.extend(self.timeline.ui(ui, ctx));
            });
            card_ui(
                ui,
                ctx.timeline,
                presentation,
                &steps,
                ctx.lang,
                &ctx.palette,
                &mut self.images,
            );
        });
        commands
    }
}

/// The card of the current step: date, title, summary, image credit, note and sources.
fn card_ui(
    ui: &mut egui::Ui,
    timeline: &Timeline,
    presentation: &Presentation,
    steps: &[(usize, Option<&Text>)],
    lang: Lang,
    palette: &Palette,
    images: &mut super::images::Images,
) {
    let Some(&(index, note)) = steps.get(presentation.step) else {
        return;
    };
    let event = &timeline.events[index];
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let tour_title = presentation
            .tour
            .and_then(|t| timeline.tours.get(t))
            .map_or_else(
                || t(lang, "present-no-tour"),
                |tour| tour.title.get(lang).to_owned(),
            );
        ui.label(
            RichText::new(tour_title)
                .size(18.0)
                .color(palette.text_weak),
        );
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let progress = tr(
                lang,
                "present-progress",
                &[
                    ("step", (presentation.step + 1).to_string()),
                    ("total", steps.len().to_string()),
                ],
            );
            ui.label(RichText::new(progress).size(22.0).strong());
            if !presentation.typed.is_empty() {
                ui.label(RichText::new(format!("#{}", presentation.typed)).size(18.0));
            }
        });
    });
    ui.separator();
    let category = &timeline.categories[usize::from(event.category)];
    let colour = palette.category_text(category.rgb);
    let date = match event.end {
        Some(end) => format!(
            "{} – {}",
            dates::long_date(lang, event.start, event.time),
            dates::long_date(lang, end, None)
        ),
        None => dates::long_date(lang, event.start, event.time),
    };
    ui.label(
        RichText::new(format!("{date}  ·  {}", category.name.get(lang)))
            .size(20.0)
            .color(colour),
    );
    ui.label(
        RichText::new(event.title().get(lang))
            .size(28.0)
            .strong()
            .color(palette.text_strong),
    );
    ui.add_space(6.0);
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.label(
                RichText::new(event.summary().get(lang))
                    .size(19.0)
                    .color(palette.text_strong),
            );
            if let Some(note) = note.and_then(|n| n.exact(lang).or(n.exact(Lang::En))) {
                ui.add_space(10.0);
                egui::Frame::group(ui.style())
                    .fill(palette.axis_bg)
                    .show(ui, |ui| {
                        ui.label(
                            RichText::new(note)
                                .size(18.0)
                                .italics()
                                .color(palette.text_strong),
                        );
                    });
            }
            if let Some(image) = event.image() {
                images.ui(ui, &timeline.assets, &image.path, 220.0, |reason| {
                    tr(lang, "image-failed", &[("reason", reason.to_owned())])
                });
                ui.label(
                    RichText::new(tr(
                        lang,
                        "image-credit",
                        &[
                            ("credit", image.credit.clone()),
                            ("licence", image.licence.clone()),
                        ],
                    ))
                    .size(14.0)
                    .weak(),
                );
            }
            ui.add_space(10.0);
            for source in event.sources() {
                let published = dates::published(lang, source.published)
                    .map(|d| format!(", {d}"))
                    .unwrap_or_default();
                ui.label(
                    RichText::new(format!("{}{published}: {}", source.publisher, source.title))
                        .size(15.0)
                        .color(palette.text_weak),
                );
            }
        });
}
