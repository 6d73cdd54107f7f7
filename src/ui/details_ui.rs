//! The details of the selected event: text, places, actors, image and sources.

use crate::i18n::{dates, t, tr};
use crate::model::{Event, Lang, Timeline};

use super::command::{AppCommand, Command, FilterCommand, SelectionCommand};
use super::frame::FrameCtx;

/// The details panel: the selected event's text, facts, image and sources.
#[derive(Default)]
pub struct DetailsPanel {
    /// Event images, decoded off the UI thread.
    images: super::images::Images,
    /// The data the images belong to.
    data_generation: u64,
}

impl DetailsPanel {
    /// Shows the selected event, or a hint when nothing is selected.
    #[must_use]
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &FrameCtx<'_>) -> Vec<Command> {
        if ctx.shown.data_generation != self.data_generation {
            self.images.clear();
            self.data_generation = ctx.shown.data_generation;
        }
        details_ui(ui, ctx, &mut self.images)
    }
}

fn details_ui(
    ui: &mut egui::Ui,
    ctx: &FrameCtx<'_>,
    images: &mut super::images::Images,
) -> Vec<Command> {
    let (timeline, selected, lang, copied) = (ctx.timeline, ctx.selected, ctx.lang, ctx.copied);
    let visible = &ctx.shown.visible;
    let mut commands = Vec::new();
    let Some(event) = selected.and_then(|i| timeline.events.get(i)) else {
        ui.add_space(8.0);
        ui.label(t(lang, "details-empty"));
        return commands;
    };
    let position = selected.and_then(|s| visible.iter().position(|&v| v == s));
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        let has_previous = position.is_some_and(|p| p > 0);
        let has_next = position.is_some_and(|p| p + 1 < visible.len());
        if ui
            .add_enabled(has_previous, egui::Button::new(t(lang, "details-previous")))
            .clicked()
        {
            commands.push(SelectionCommand::Step(-1).into());
        }
        if ui
            .add_enabled(has_next, egui::Button::new(t(lang, "details-next")))
            .clicked()
        {
            commands.push(SelectionCommand::Step(1).into());
        }
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            let (title, title_fallback) = event.title().get_with_fallback(lang);
            // The title is the strongest text of the panel, never dimmer than the date.
            ui.label(
                egui::RichText::new(title)
                    .heading()
                    .color(ctx.palette.text_strong),
            );
            let mut date = dates::long_date(lang, event.start, event.time);
            if let Some(end) = event.end {
                date = format!("{date} – {}", dates::long_date(lang, end, None));
            }
            if let Some(key) = dates::precision_note(event.start.precision) {
                date = format!("{date} ({})", t(lang, key));
            }
            ui.label(egui::RichText::new(date).strong());
            egui::Grid::new("facts")
                .num_columns(2)
                .spacing([12.0, 4.0])
                .show(ui, |ui| {
                    let category = &timeline.categories[usize::from(event.category)];
                    ui.label(t(lang, "details-category"));
                    ui.horizontal(|ui| {
                        let (rect, _) =
                            ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                        ui.painter().circle_filled(
                            rect.center(),
                            5.0,
                            ctx.palette.marker(category.rgb),
                        );
                        ui.label(category.name.get(lang));
                    });
                    ui.end_row();
                    if let Some(era) = timeline.era_at(event.start_seconds()) {
                        ui.label(t(lang, "details-era"));
                        ui.label(era.name.get(lang));
                        ui.end_row();
                    }
                    ui.label(t(lang, "details-importance"));
                    ui.label(t(
                        lang,
                        &format!("importance-{}", event.importance.clamp(1, 3)),
                    ));
                    ui.end_row();
                });
            ui.add_space(6.0);
            people_and_places_ui(ui, timeline, event, lang, &mut commands);
            ui.separator();
            let (summary, summary_fallback) = event.summary().get_with_fallback(lang);
            if title_fallback || summary_fallback {
                ui.label(
                    egui::RichText::new(t(lang, "details-translation-missing"))
                        .italics()
                        .small(),
                );
            }
            ui.label(egui::RichText::new(summary).size(15.0));
            if let Some(image) = event.image() {
                image_ui(ui, timeline, image, lang, images);
            }
            ui.separator();
            ui.strong(t(lang, "details-sources"));
            if !event.has_source() {
                ui.colored_label(ui.visuals().warn_fg_color, t(lang, "details-no-source"));
            }
            for source in event.sources() {
                let published = dates::published(lang, source.published)
                    .map(|d| format!(" — {d}"))
                    .unwrap_or_default();
                let text = format!("{} — {}{published}", source.publisher, source.title);
                match source.url {
                    Some(url) => {
                        if ui.add(egui::Link::new(text)).clicked() {
                            commands.push(AppCommand::OpenUrl(url.to_owned()).into());
                        }
                        // The address in full under its link, rather than in a tooltip that
                        // would cover the next source.
                        ui.label(egui::RichText::new(url).size(11.5).weak());
                    }
                    None => {
                        ui.label(text);
                    }
                }
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button(t(lang, "details-copy-citation")).clicked() {
                    commands.push(
                        AppCommand::Copy(citation(
                            timeline,
                            event,
                            lang,
                            chrono::Local::now().date_naive(),
                        ))
                        .into(),
                    );
                }
                if copied {
                    ui.label(t(lang, "details-copied"));
                }
            });
        });
    commands
}

fn people_and_places_ui(
    ui: &mut egui::Ui,
    timeline: &Timeline,
    event: &Event,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    if !event.places().is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("{}:", t(lang, "details-places")));
            for &p in event.places() {
                let place = &timeline.places[p as usize];
                let name = place.name.get(lang);
                let hover = tr(lang, "details-filter-by", &[("name", name.to_owned())]);
                if ui.small_button(name).on_hover_text(hover).clicked() {
                    commands.push(FilterCommand::Place(place.id.clone()).into());
                }
            }
        });
    }
    if !event.actors().is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("{}:", t(lang, "details-actors")));
            for &a in event.actors() {
                let actor = &timeline.actors[a as usize];
                let name = actor.name.get(lang);
                let hover = tr(lang, "details-filter-by", &[("name", name.to_owned())]);
                if ui.small_button(name).on_hover_text(hover).clicked() {
                    commands.push(FilterCommand::Actor(actor.id.clone()).into());
                }
            }
        });
    }
}

fn image_ui(
    ui: &mut egui::Ui,
    timeline: &Timeline,
    image: &crate::model::file::Image,
    lang: Lang,
    images: &mut super::images::Images,
) {
    ui.add_space(6.0);
    images.ui(ui, &timeline.assets, &image.path, 260.0, |reason| {
        tr(lang, "image-failed", &[("reason", reason.to_owned())])
    });
    if let Some(caption) = image.caption.exact(lang).or(image.caption.exact(Lang::En)) {
        ui.label(egui::RichText::new(caption).size(12.5));
    }
    ui.label(
        egui::RichText::new(tr(
            lang,
            "image-credit",
            &[
                ("credit", image.credit.clone()),
                ("licence", image.licence.clone()),
            ],
        ))
        .size(11.5)
        .weak(),
    );
}

/// The event and its sources as plain text, for pasting into a slide or a bibliography: dates
/// as the interface writes them, each source with its address and the day it was `accessed`.
pub fn citation(
    timeline: &Timeline,
    event: &Event,
    lang: Lang,
    accessed: chrono::NaiveDate,
) -> String {
    let (open, close) = match lang {
        Lang::En => ("“", "”"),
        Lang::Be | Lang::Ru => ("«", "»"),
    };
    let accessed = tr(
        lang,
        "citation-accessed",
        &[(
            "date",
            dates::short_date(lang, crate::model::FuzzyDate::day(accessed)),
        )],
    );
    let mut text = format!(
        "{} ({})\n{}\n",
        event.title().get(lang),
        dates::span(lang, event.start, event.end),
        event.summary().get(lang)
    );
    text.push_str(&format!("{}:\n", t(lang, "details-sources")));
    for source in event.sources() {
        text.push_str(&format!(
            "- {}, {open}{}{close}",
            source.publisher, source.title
        ));
        if let Some(published) = dates::published(lang, source.published) {
            text.push_str(&format!(", {published}"));
        }
        if let Some(url) = &source.url {
            text.push_str(&format!(". {url} ({accessed})"));
        }
        text.push('\n');
    }
    text.push_str(&format!("— {}\n", timeline.title.get(lang)));
    text
}
