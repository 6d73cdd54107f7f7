//! Classroom presentation: a large card for one event at a time, driven by a clicker.

use egui::{Color32, Key, RichText};

use crate::i18n::{dates, t, tr};
use crate::model::{Lang, Text, Timeline};

use super::command::{Command, PresentCommand};
use super::frame::FrameCtx;
use super::shortcuts::{self, Action};
use super::theme::Palette;
use super::timeline_ui::TimelinePanel;

/// The text scale of presentation mode on a 1080p screen.
pub const PRESENT_ZOOM: f32 = 1.6;

/// The text scale of presentation mode on a screen `pixels` tall: the type grows with the
/// screen, 1.6 at 1080p, 1.07 at 720p, 3.2 at 2160p.
pub fn present_zoom(pixels: f32) -> f32 {
    (PRESENT_ZOOM * pixels / 1080.0).clamp(1.0, 3.2)
}

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
    /// The presenter window (notes, next step, elapsed time) is open.
    pub presenter: bool,
    /// The audience sees the teaching note: yes with one screen, no once the presenter window
    /// shows it (N toggles).
    pub audience_notes: bool,
    /// When the presentation started (egui time), for the presenter's clock.
    pub started: f64,
    /// Stepping on by itself, for exhibitions.
    pub autoplay: Option<Autoplay>,
}

/// Stepping on by itself every `seconds`, looping at the end; any key pauses it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Autoplay {
    /// Seconds per step.
    pub seconds: f64,
    /// When the next step is due (egui time); `None` while paused.
    pub due: Option<f64>,
}

impl Autoplay {
    /// The step after `step` of `total`, looping back to the first.
    pub fn next_step(step: usize, total: usize) -> usize {
        if total == 0 || step + 1 >= total {
            0
        } else {
            step + 1
        }
    }
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
    let playing = presentation.autoplay.is_some_and(|a| a.due.is_some());
    for key in pressed {
        let action = shortcuts::action_of(shortcuts::PRESENTATION, key);
        // Any key pauses an exhibition's autoplay (and still does what it does).
        if playing && action != Some(Action::Autoplay) {
            commands.push(PresentCommand::Autoplay(false).into());
        }
        let command = match action {
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
            Some(Action::AudienceNotes) => {
                PresentCommand::AudienceNotes(!presentation.audience_notes)
            }
            Some(Action::PresenterWindow) => PresentCommand::Presenter(!presentation.presenter),
            Some(Action::Autoplay) => PresentCommand::Autoplay(!playing),
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
            // Every lane: the axis and eras, the closed lanes thin, the open one three rows tall;
            // never more than 45 % of the screen.
            let lanes = ctx.timeline.categories.len().max(1) as f32;
            let band = 42.0 + 20.0 + (lanes - 1.0) * 16.0 + 3.0 * 22.0 + 6.0 + 4.0;
            let height = band.min(ui.available_height() * 0.45).max(150.0);
            ui.allocate_ui(egui::vec2(ui.available_width(), height), |ui| {
                commands.extend(self.timeline.ui(ui, ctx));
            });
            let places = steps
                .get(presentation.step)
                .map_or(&[][..], |&(index, _)| ctx.timeline.events[index].places());
            let room = super::map_ui::card_map_ui(ui, ctx, places);
            ui.scope_builder(egui::UiBuilder::new().max_rect(room), |ui| {
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
        });
        commands
    }
}

/// The card of the current step, scaled to fit the room left under the timeline: date,
/// title, summary, note, image and sources always on screen, never cut.
#[allow(clippy::too_many_arguments)]
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
    let card = Card::new(timeline, presentation, steps.len(), event, note, lang);
    let scale = card.fitting_scale(ui, ui.available_width(), ui.available_height());
    card.ui(ui, timeline, palette, images, scale);
}

/// The texts of a card, in the order they are drawn, with their sizes at scale 1.
struct Card<'t> {
    tour: String,
    progress: String,
    typed: String,
    date: String,
    category: &'t crate::model::Category,
    title: &'t str,
    summary: &'t str,
    note: Option<&'t str>,
    image: Option<&'t crate::model::file::Image>,
    image_credit: String,
    sources: Vec<String>,
    lang: Lang,
}

/// Sizes at scale 1: tour line, progress, date, title, summary, note, image credit, sources.
const SIZES: [f32; 8] = [18.0, 22.0, 20.0, 28.0, 19.0, 18.0, 14.0, 15.0];
/// Height of an image at scale 1.
const IMAGE_HEIGHT: f32 = 220.0;

impl<'t> Card<'t> {
    fn new(
        timeline: &'t Timeline,
        presentation: &Presentation,
        total: usize,
        event: &'t crate::model::Event,
        note: Option<&'t Text>,
        lang: Lang,
    ) -> Self {
        let date = match event.end {
            Some(end) => format!(
                "{} – {}",
                dates::long_date(lang, event.start, event.time),
                dates::long_date(lang, end, None)
            ),
            None => dates::long_date(lang, event.start, event.time),
        };
        let category = &timeline.categories[usize::from(event.category)];
        let image = event.image();
        Self {
            tour: presentation
                .tour
                .and_then(|t| timeline.tours.get(t))
                .map_or_else(
                    || t(lang, "present-no-tour"),
                    |tour| tour.title.get(lang).to_owned(),
                ),
            progress: tr(
                lang,
                "present-progress",
                &[
                    ("step", (presentation.step + 1).to_string()),
                    ("total", total.to_string()),
                ],
            ),
            typed: presentation.typed.clone(),
            date: format!("{date}  ·  {}", category.name.get(lang)),
            category,
            title: event.title().get(lang),
            summary: event.summary().get(lang),
            // With a presenter window, the note is the teacher's unless they show it (N).
            note: note
                .filter(|_| presentation.audience_notes)
                .and_then(|n| n.exact(lang).or(n.exact(Lang::En))),
            image,
            image_credit: image.map_or_else(String::new, |image| {
                tr(
                    lang,
                    "image-credit",
                    &[
                        ("credit", image.credit.clone()),
                        ("licence", image.licence.clone()),
                    ],
                )
            }),
            sources: event
                .sources()
                .map(|source| {
                    let published = dates::published(lang, source.published)
                        .map(|d| format!(", {d}"))
                        .unwrap_or_default();
                    let url = source.url.map(|u| format!(" · {u}")).unwrap_or_default();
                    format!("{}{published}: {}{url}", source.publisher, source.title)
                })
                .collect(),
            lang,
        }
    }

    /// Height of the card at `scale` in a column `width` points wide.
    fn height(&self, ui: &egui::Ui, width: f32, scale: f32) -> f32 {
        let spacing = ui.spacing().item_spacing.y;
        let text = |text: &str, size: f32, wrap: f32| {
            ui.fonts_mut(|f| {
                f.layout(
                    text.to_owned(),
                    egui::FontId::proportional(size * scale),
                    Color32::WHITE,
                    wrap,
                )
                .size()
                .y
            }) + spacing
        };
        let mut height = 8.0 + text(&self.tour, SIZES[1], width) + 8.0 + spacing;
        height += text(&self.date, SIZES[2], width);
        height += text(self.title, SIZES[3], width);
        height += 6.0 + text(self.summary, SIZES[4], width);
        if let Some(note) = self.note {
            // The note's frame: its margins and stroke.
            height += 10.0 * scale + text(note, SIZES[5], width - 16.0) + 16.0;
        }
        if self.image.is_some() {
            height += IMAGE_HEIGHT * scale + spacing + text(&self.image_credit, SIZES[6], width);
        }
        height += 10.0 * scale;
        for source in &self.sources {
            height += text(source, SIZES[7], width);
        }
        height
    }

    /// The largest scale, up to 1.3, at which the card fits; at least 0.4 (then text may run
    /// past a tiny screen, but stays in proportion).
    fn fitting_scale(&self, ui: &egui::Ui, width: f32, height: f32) -> f32 {
        let (mut low, mut high) = (0.4_f32, 1.3_f32);
        if self.height(ui, width, high) <= height {
            return high;
        }
        for _ in 0..12 {
            let mid = (low + high) / 2.0;
            if self.height(ui, width, mid) <= height {
                low = mid;
            } else {
                high = mid;
            }
        }
        low
    }

    fn ui(
        &self,
        ui: &mut egui::Ui,
        timeline: &Timeline,
        palette: &Palette,
        images: &mut super::images::Images,
        scale: f32,
    ) {
        let size = |i: usize| SIZES[i] * scale;
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(&self.tour)
                    .size(size(0))
                    .color(palette.text_weak),
            );
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(RichText::new(&self.progress).size(size(1)).strong());
                if !self.typed.is_empty() {
                    ui.label(RichText::new(format!("#{}", self.typed)).size(size(0)));
                }
            });
        });
        ui.separator();
        let colour = palette.category_text(self.category.rgb);
        ui.label(RichText::new(&self.date).size(size(2)).color(colour));
        ui.label(
            RichText::new(self.title)
                .size(size(3))
                .strong()
                .color(palette.text_strong),
        );
        ui.add_space(6.0);
        ui.label(
            RichText::new(self.summary)
                .size(size(4))
                .color(palette.text_strong),
        );
        if let Some(note) = self.note {
            ui.add_space(10.0 * scale);
            egui::Frame::group(ui.style())
                .fill(palette.axis_bg)
                .show(ui, |ui| {
                    ui.label(
                        RichText::new(note)
                            .size(size(5))
                            .italics()
                            .color(palette.text_strong),
                    );
                });
        }
        if let Some(image) = self.image {
            images.ui(
                ui,
                &timeline.assets,
                &image.path,
                IMAGE_HEIGHT * scale,
                |reason| tr(self.lang, "image-failed", &[("reason", reason.to_owned())]),
            );
            ui.label(RichText::new(&self.image_credit).size(size(6)).weak());
        }
        ui.add_space(10.0 * scale);
        for source in &self.sources {
            ui.label(RichText::new(source).size(size(7)).color(palette.text_weak));
        }
    }
}
