//! Classroom presentation: a large card for one event at a time, driven by a clicker.

use egui::{Color32, RichText};

use crate::i18n::{dates, t, tr};
use crate::model::{Lang, Text, Timeline};

use super::Command;
use super::theme::Palette;

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

/// What a key does in a presentation.
pub fn keys(ctx: &egui::Context, presentation: &Presentation, total: usize) -> Vec<Command> {
    use egui::Key;
    let mut commands = Vec::new();
    let pressed: Vec<(Key, egui::Modifiers)> = ctx.input(|i| {
        i.events
            .iter()
            .filter_map(|e| match e {
                egui::Event::Key {
                    key,
                    pressed: true,
                    modifiers,
                    ..
                } => Some((*key, *modifiers)),
                _ => None,
            })
            .collect()
    });
    if pressed.is_empty() {
        return commands;
    }
    if presentation.blank {
        commands.push(Command::Blank(false));
        return commands;
    }
    let last = total.saturating_sub(1);
    for (key, _) in pressed {
        let step = presentation.step;
        match key {
            Key::Escape => commands.push(Command::StopPresentation),
            Key::ArrowRight | Key::PageDown | Key::Space => {
                commands.push(Command::PresentStep((step + 1).min(last)))
            }
            Key::Enter => match presentation.typed.parse::<usize>() {
                Ok(n) if n >= 1 => commands.push(Command::PresentStep((n - 1).min(last))),
                _ => commands.push(Command::PresentStep((step + 1).min(last))),
            },
            Key::ArrowLeft | Key::PageUp | Key::Backspace => {
                commands.push(Command::PresentStep(step.saturating_sub(1)))
            }
            Key::Home => commands.push(Command::PresentStep(0)),
            Key::End => commands.push(Command::PresentStep(last)),
            Key::B => commands.push(Command::Blank(true)),
            other => {
                if let Some(digit) = other.name().parse::<u8>().ok().filter(|d| *d <= 9) {
                    commands.push(Command::TypeDigit(digit));
                }
            }
        }
    }
    commands
}

/// The card of the current step: date, title, summary, image credit, note and sources.
pub fn card_ui(
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
    let colour = Color32::from_rgb(category.rgb[0], category.rgb[1], category.rgb[2]);
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
