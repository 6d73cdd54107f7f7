//! The filter panel: search, categories, importance, dates, eras, places, actors and tags.

use std::collections::BTreeSet;

use egui::RichText;

use crate::i18n::{dates, t, tr};
use crate::model::date::date_from_seconds;
use crate::model::{Lang, Timeline};
use crate::query::{Filter, fold};

use super::command::SelectionCommand;
use super::command::{Command, FilterCommand, ViewCommand};
use super::frame::FrameCtx;

/// The id of the search field, so that Ctrl+F and `/` can focus it.
pub fn search_field_id() -> egui::Id {
    egui::Id::unique("search-field")
}

/// The filter panel: search with its results, then every facet.
#[derive(Clone, Debug, Default)]
pub struct FiltersPanel {
    /// The highlighted search result (walked with the arrow keys).
    cursor: usize,
    /// The query the cursor belongs to.
    query: String,
}

impl FiltersPanel {
    /// Draws the panel; returns the commands the user gave.
    #[must_use]
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &FrameCtx<'_>) -> Vec<Command> {
        let mut commands = Vec::new();
        let filter = &ctx.state.filter;
        if filter.search != self.query {
            self.query = filter.search.clone();
            self.cursor = 0;
        }
        self.cursor = self
            .cursor
            .min(ctx.shown.search_results.len().saturating_sub(1));
        let mut next = filter.clone();
        self.search_ui(ui, ctx, &mut next, &mut commands);
        ui.separator();
        facets_ui(ui, ctx, &mut next, &mut commands);
        if next != *filter {
            commands.push(FilterCommand::Set(next).into());
        }
        commands
    }

    /// The search field and its results.
    fn search_ui(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &FrameCtx<'_>,
        next: &mut Filter,
        commands: &mut Vec<Command>,
    ) {
        let (timeline, filter, lang) = (ctx.timeline, &ctx.state.filter, ctx.lang);
        let results = &ctx.shown.search_results;
        // Search, with its results.
        let mut text = filter.search.clone();
        let field = egui::TextEdit::singleline(&mut text)
            .id(search_field_id())
            .hint_text(t(lang, "search-hint"))
            .desired_width(f32::INFINITY);
        let response = ui.add(field).on_hover_text(t(lang, "search-focus-hint"));
        if response.changed() {
            next.search = text;
        }
        if ctx.shown.search_waiting && !filter.search.trim().is_empty() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(tr(
                    lang,
                    "search-indexing",
                    &[("count", timeline.events.len().to_string())],
                ));
            });
        } else if !filter.search.trim().is_empty() {
            let mut moved = false;
            if response.has_focus() {
                ui.input_mut(|i| {
                    if i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown) {
                        self.cursor = (self.cursor + 1).min(results.len().saturating_sub(1));
                        moved = true;
                    }
                    if i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp) {
                        self.cursor = self.cursor.saturating_sub(1);
                        moved = true;
                    }
                });
            }
            if response.lost_focus()
                && ui.input(|i| i.key_pressed(egui::Key::Enter))
                && let Some(&index) = results.get(self.cursor)
            {
                commands.push(SelectionCommand::Select(Some(index)).into());
            }
            ui.horizontal_wrapped(|ui| {
                ui.label(tr(
                    lang,
                    "search-results",
                    &[("count", results.len().to_string())],
                ));
                let mut hide = ctx.state.hide_unmatched;
                if ui
                    .checkbox(&mut hide, t(lang, "search-hide-others"))
                    .changed()
                {
                    commands.push(FilterCommand::HideUnmatched(hide).into());
                }
            });
            // Only the rows in sight are laid out: a query can match a million events.
            let row_height = ui.spacing().interact_size.y;
            let mut area = egui::ScrollArea::vertical()
                .id_salt("results")
                .max_height(180.0);
            if moved {
                // Keep the highlighted row in sight, a third of the way down.
                let row = row_height + ui.spacing().item_spacing.y;
                area = area.vertical_scroll_offset((self.cursor as f32 * row - 60.0).max(0.0));
            }
            area.show_rows(ui, row_height, results.len(), |ui, rows| {
                for (position, &index) in
                    results.iter().enumerate().skip(rows.start).take(rows.len())
                {
                    let event = &timeline.events[index];
                    let label = format!(
                        "{}  {}",
                        dates::short_date(lang, event.start),
                        event.title().get(lang)
                    );
                    // Ellipsised, so that a long title never widens the panel (and shifts the
                    // timeline); the whole title is in the tooltip.
                    let response = ui
                        .add(
                            egui::Button::selectable(position == self.cursor, label.as_str())
                                .truncate(),
                        )
                        .on_hover_text(&label);
                    if position == self.cursor && response.has_focus() {
                        response.scroll_to_me(None);
                    }
                    if response.clicked() {
                        self.cursor = position;
                        commands.push(SelectionCommand::Select(Some(index)).into());
                    }
                }
            });
        }
    }
}

/// Categories, importance, dates, places, actors and tags.
fn facets_ui(
    ui: &mut egui::Ui,
    ctx: &FrameCtx<'_>,
    next: &mut Filter,
    commands: &mut Vec<Command>,
) {
    let (timeline, filter, lang, facets) =
        (ctx.timeline, &ctx.state.filter, ctx.lang, &ctx.shown.facets);
    egui::ScrollArea::vertical()
        .id_salt("filters")
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.strong(t(lang, "filter-categories"));
            for (i, category) in timeline.categories.iter().enumerate() {
                let mut on =
                    filter.categories.is_empty() || filter.categories.contains(&category.id);
                let colour = ctx.palette.category_text(category.rgb);
                let label = RichText::new(format!(
                    "{} ({})",
                    category.name.get(lang),
                    facets.categories[i]
                ))
                .color(colour);
                if ui.checkbox(&mut on, label).changed() {
                    toggle_in_all(
                        &mut next.categories,
                        &category.id,
                        on,
                        timeline.categories.iter().map(|c| c.id.clone()),
                    );
                }
            }
            ui.add_space(6.0);
            ui.strong(t(lang, "filter-importance"));
            for level in 1..=3u8 {
                let mut on = filter.importance.is_empty() || filter.importance.contains(&level);
                if ui
                    .checkbox(&mut on, t(lang, &format!("importance-{level}")))
                    .changed()
                {
                    let mut set: BTreeSet<String> =
                        next.importance.iter().map(|l| l.to_string()).collect();
                    toggle_in_all(
                        &mut set,
                        &level.to_string(),
                        on,
                        (1..=3u8).map(|l| l.to_string()),
                    );
                    next.importance = set.iter().filter_map(|l| l.parse().ok()).collect();
                }
            }
            ui.add_space(6.0);
            dates_ui(ui, timeline, filter, next, lang, commands);
            ui.add_space(6.0);
            let places: Vec<(String, String, usize)> = timeline
                .places
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    (
                        p.id.clone(),
                        p.name.get(lang).to_owned() + &aliases_for_search(&p.aliases),
                        facets.places[i],
                    )
                })
                .collect();
            list_ui(
                ui,
                "places",
                &t(lang, "filter-places"),
                &places,
                &mut next.places,
                lang,
            );
            let actors: Vec<(String, String, usize)> = timeline
                .actors
                .iter()
                .enumerate()
                .map(|(i, a)| {
                    (
                        a.id.clone(),
                        a.name.get(lang).to_owned() + &aliases_for_search(&a.aliases),
                        facets.actors[i],
                    )
                })
                .collect();
            list_ui(
                ui,
                "actors",
                &t(lang, "filter-actors"),
                &actors,
                &mut next.actors,
                lang,
            );
            let tags: Vec<(String, String, usize)> = timeline
                .tags
                .iter()
                .enumerate()
                .map(|(i, tag)| (tag.clone(), tag.clone(), facets.tags[i]))
                .collect();
            list_ui(
                ui,
                "tags",
                &t(lang, "filter-tags"),
                &tags,
                &mut next.tags,
                lang,
            );
        });
}

/// Names are shown without their aliases; aliases ride along after a separator only for matching.
fn aliases_for_search(aliases: &[String]) -> String {
    if aliases.is_empty() {
        String::new()
    } else {
        format!("\u{0}{}", aliases.join("\u{0}"))
    }
}

/// An empty set means "all". Unticking one of all keeps the others; ticking the last one
/// missing returns to "all".
fn toggle_in_all(
    set: &mut BTreeSet<String>,
    id: &str,
    on: bool,
    all: impl Iterator<Item = String>,
) {
    let all: BTreeSet<String> = all.collect();
    if set.is_empty() {
        *set = all.clone();
    }
    if on {
        set.insert(id.to_owned());
    } else {
        set.remove(id);
    }
    if *set == all {
        set.clear();
    }
}

fn dates_ui(
    ui: &mut egui::Ui,
    timeline: &Timeline,
    filter: &Filter,
    next: &mut Filter,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    ui.strong(t(lang, "filter-dates"));
    let Some((first, last)) = timeline.span() else {
        return;
    };
    let (first, last) = (date_from_seconds(first), date_from_seconds(last - 1.0));
    let total = (last - first).num_days().max(1);
    let mut from = filter
        .from
        .map_or(0, |d| (d - first).num_days().clamp(0, total));
    let mut to = filter
        .to
        .map_or(total, |d| (d - first).num_days().clamp(0, total));
    let show = |days: i64| dates::day_month_year(lang, first + chrono::Duration::days(days));
    // Typed dates (YYYY-MM-DD), for precision; the sliders below for speed. A mistyped date
    // keeps the last valid filter and says so beside the field, until it is corrected.
    let mut mistakes = Vec::new();
    // Two fields share the row, each wide enough for its whole "YYYY-MM-DD" hint.
    let field_width =
        ((ui.available_width() - ui.spacing().item_spacing.x) / 2.0 - 10.0).clamp(92.0, 160.0);
    ui.horizontal(|ui| {
        for (label, current, is_from) in [
            (t(lang, "filter-from"), filter.from, true),
            (t(lang, "filter-to"), filter.to, false),
        ] {
            let id = egui::Id::unique(("date-field", is_from));
            let error_id = id.with("error");
            let mut text: String = ui
                .data(|d| d.get_temp(id))
                .unwrap_or_else(|| current.map(|d| d.to_string()).unwrap_or_default());
            let response = ui
                .add(
                    egui::TextEdit::singleline(&mut text)
                        .hint_text(t(lang, "goto-hint"))
                        .desired_width(field_width),
                )
                .on_hover_text(label.clone());
            if response.changed() {
                ui.data_mut(|d| d.insert_temp(id, text.clone()));
            }
            if response.lost_focus() {
                match parse_date_field(&text) {
                    Ok(parsed) => {
                        if is_from {
                            next.from = parsed;
                        } else {
                            next.to = parsed;
                        }
                        ui.data_mut(|d| {
                            d.remove::<String>(id);
                            d.remove::<String>(error_id);
                        });
                    }
                    Err(NotADate) => {
                        ui.data_mut(|d| d.insert_temp(error_id, text.trim().to_owned()));
                    }
                }
            }
            if let Some(wrong) = ui.data(|d| d.get_temp::<String>(error_id)) {
                mistakes.push((label, wrong));
            }
        }
    });
    for (label, wrong) in mistakes {
        ui.colored_label(
            ui.visuals().error_fg_color,
            tr(
                lang,
                "filter-date-invalid",
                &[("field", label), ("text", wrong)],
            ),
        );
    }
    ui.horizontal(|ui| {
        ui.label(t(lang, "filter-from"));
        if ui
            .add(egui::Slider::new(&mut from, 0..=total).show_value(false))
            .on_hover_text(t(lang, "filter-from"))
            .changed()
        {
            next.from = (from > 0).then(|| first + chrono::Duration::days(from.min(to)));
        }
        ui.label(show(from));
    });
    ui.horizontal(|ui| {
        ui.label(t(lang, "filter-to"));
        if ui
            .add(egui::Slider::new(&mut to, 0..=total).show_value(false))
            .on_hover_text(t(lang, "filter-to"))
            .changed()
        {
            next.to = (to < total).then(|| first + chrono::Duration::days(to.max(from)));
        }
        ui.label(show(to));
    });
    ui.label(t(lang, "filter-eras"));
    ui.horizontal_wrapped(|ui| {
        for era in &timeline.eras {
            let selected = filter.from == Some(era.start.date) && filter.to == Some(era.end.date);
            if ui.selectable_label(selected, era.name.get(lang)).clicked() {
                if selected {
                    next.from = None;
                    next.to = None;
                } else {
                    next.from = Some(era.start.date);
                    next.to = Some(era.end.date);
                    // An era button also goes there.
                    let (a, b) = era.seconds();
                    commands.push(ViewCommand::ZoomTo(a, b).into());
                }
            }
        }
    });
}

/// A searchable list of check boxes with counts.
fn list_ui(
    ui: &mut egui::Ui,
    id: &str,
    title: &str,
    items: &[(String, String, usize)],
    chosen: &mut BTreeSet<String>,
    lang: Lang,
) {
    let query_id = egui::Id::unique(("list-query", id));
    let mut query: String = ui.data(|d| d.get_temp(query_id)).unwrap_or_default();
    egui::CollapsingHeader::new(format!("{title} ({})", items.len()))
        .id_salt(id)
        .show(ui, |ui| {
            let response = ui.add(
                egui::TextEdit::singleline(&mut query)
                    .hint_text(t(lang, "filter-list-hint"))
                    .desired_width(f32::INFINITY),
            );
            let response = response.on_hover_text(title);
            if response.changed() {
                ui.data_mut(|d| d.insert_temp(query_id, query.clone()));
            }
            let folded = fold(&query);
            let mut shown: Vec<&(String, String, usize)> = items
                .iter()
                .filter(|(_, name, _)| folded.is_empty() || fold(name).contains(&folded))
                .collect();
            shown.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.1.cmp(&b.1)));
            egui::ScrollArea::vertical()
                .id_salt(("list", id))
                .max_height(200.0)
                .show(ui, |ui| {
                    for (item_id, name, count) in shown {
                        let display = name.split('\u{0}').next().unwrap_or(name);
                        let mut on = chosen.contains(item_id);
                        if ui
                            .checkbox(&mut on, format!("{display} ({count})"))
                            .changed()
                        {
                            if on {
                                chosen.insert(item_id.clone());
                            } else {
                                chosen.remove(item_id);
                            }
                        }
                    }
                });
        });
}

/// The active filters as removable chips, the count of shown events and "clear all".
#[must_use]
pub fn chips_ui(ui: &mut egui::Ui, ctx: &FrameCtx<'_>) -> Vec<Command> {
    let (timeline, filter, lang) = (ctx.timeline, &ctx.state.filter, ctx.lang);
    let shown = ctx.shown.visible.len();
    let mut commands = Vec::new();
    ui.horizontal_wrapped(|ui| {
        let total = timeline.events.len().to_string();
        if ctx.shown.dimming && !ctx.shown.search_waiting {
            // While a search dims the rest, the count is of its matches among what is shown.
            ui.label(tr(
                lang,
                "showing-matches",
                &[
                    ("count", ctx.shown.search_results.len().to_string()),
                    ("shown", shown.to_string()),
                ],
            ));
        } else {
            ui.label(tr(
                lang,
                "showing-count",
                &[("shown", shown.to_string()), ("total", total)],
            ));
        }
        if ctx.selected.is_none() {
            ui.label(egui::RichText::new(t(lang, "details-empty")).weak());
        }
        if filter.is_empty() {
            return;
        }
        let mut chip = |ui: &mut egui::Ui, text: String, remove: Filter| {
            if ui
                .button(format!("{text}  ×"))
                .on_hover_text(t(lang, "filter-chip-remove"))
                .clicked()
            {
                commands.push(FilterCommand::Set(remove).into());
            }
        };
        for id in &filter.categories {
            if let Some(c) = timeline.categories.iter().find(|c| &c.id == id) {
                let mut next = filter.clone();
                next.categories.remove(id);
                chip(ui, c.name.get(lang).to_owned(), next);
            }
        }
        // The chip names what the importance filter takes away, not what it keeps.
        let removed: Vec<String> = (1..=3u8)
            .filter(|level| !filter.importance.is_empty() && !filter.importance.contains(level))
            .map(|level| t(lang, &format!("importance-{level}")))
            .collect();
        if !removed.is_empty() {
            let mut next = filter.clone();
            next.importance.clear();
            chip(
                ui,
                tr(
                    lang,
                    "filter-chip-without",
                    &[("levels", removed.join(", "))],
                ),
                next,
            );
        }
        for id in &filter.places {
            if let Some(p) = timeline.places.iter().find(|p| &p.id == id) {
                let mut next = filter.clone();
                next.places.remove(id);
                chip(ui, p.name.get(lang).to_owned(), next);
            }
        }
        for id in &filter.actors {
            if let Some(a) = timeline.actors.iter().find(|a| &a.id == id) {
                let mut next = filter.clone();
                next.actors.remove(id);
                chip(ui, a.name.get(lang).to_owned(), next);
            }
        }
        for tag in &filter.tags {
            let mut next = filter.clone();
            next.tags.remove(tag);
            chip(ui, format!("#{tag}"), next);
        }
        if filter.from.is_some() || filter.to.is_some() {
            let mut next = filter.clone();
            next.from = None;
            next.to = None;
            let from = filter
                .from
                .map(|d| dates::day_month_year(lang, d))
                .unwrap_or_default();
            let to = filter
                .to
                .map(|d| dates::day_month_year(lang, d))
                .unwrap_or_default();
            chip(ui, format!("{from} – {to}"), next);
        }
        if !filter.search.trim().is_empty() {
            let mut next = filter.clone();
            next.search.clear();
            chip(ui, format!("“{}”", filter.search.trim()), next);
        }
        if ui.button(t(lang, "filter-clear-all")).clicked() {
            commands.push(FilterCommand::Set(Filter::default()).into());
        }
    });
    commands
}

/// A From or To date that is not `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotADate;

/// A typed From or To date: empty for no limit, else `YYYY-MM-DD`; anything else is a mistake.
pub fn parse_date_field(text: &str) -> Result<Option<chrono::NaiveDate>, NotADate> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| NotADate)
}

#[cfg(test)]
mod date_field_tests {
    use super::parse_date_field;

    #[test]
    fn empty_clears_a_date_and_a_mistake_is_refused() {
        assert_eq!(parse_date_field("  "), Ok(None));
        assert_eq!(
            parse_date_field(" 2020-08-09 "),
            Ok(chrono::NaiveDate::from_ymd_opt(2020, 8, 9))
        );
        for wrong in ["2020-02-30", "9 Aug 2020", "2020-8", "20200809x"] {
            assert_eq!(parse_date_field(wrong), Err(super::NotADate), "{wrong}");
        }
    }
}
