//! Writing events out: JSON, CSV, Markdown handouts, iCalendar, TimelineJS and `events.ron`.

mod html;
mod ics;
mod markdown;
mod ron;
mod timelinejs;

use serde::Serialize;

use crate::model::{Lang, Text, Timeline};

/// An output format of `export`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// An array of event objects.
    Json,
    /// One row per event, for spreadsheets.
    Csv,
    /// A printable handout.
    Markdown,
    /// A printable, self-contained HTML page.
    Html,
    /// Calendar events (RFC 5545).
    Ics,
    /// TimelineJS3 JSON, for Knight Lab's TimelineJS: one slide per event.
    Timelinejs,
    /// `events.ron`, for a curator to complete and `check`.
    Ron,
}

/// Who a handout is for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Audience {
    /// With the tour's teaching notes.
    #[default]
    Teacher,
    /// Without them: for the class.
    Students,
}

/// What a handout is: a tour's (named after it, with its notes) or the filter's events.
#[derive(Clone, Copy, Debug, Default)]
pub struct Handout<'t> {
    /// The tour whose steps these are.
    pub tour: Option<&'t crate::model::Tour>,
    /// Who reads it.
    pub audience: Audience,
}

impl<'t> Handout<'t> {
    /// The heading: the tour's title, or the timeline's.
    fn title(&self, timeline: &'t Timeline, lang: Lang) -> &'t str {
        match self.tour {
            Some(tour) => tour.title.get(lang),
            None => timeline.title.get(lang),
        }
    }

    /// The teaching notes to print, one per step: none for students.
    fn notes(&self) -> Option<Vec<&'t Text>> {
        match (self.tour, self.audience) {
            (Some(tour), Audience::Teacher) => Some(tour.steps.iter().map(|(_, n)| n).collect()),
            _ => None,
        }
    }
}

/// Writes the events at `indices` (in that order) in `format`, texts in `lang` where a format
/// has room for one language only. A tour's handouts are named after it and number its steps;
/// for the teacher they print its notes.
pub fn export(
    timeline: &Timeline,
    indices: &[usize],
    handout: Handout<'_>,
    format: Format,
    lang: Lang,
) -> Result<String, ExportError> {
    match format {
        Format::Json => json(timeline, indices),
        Format::Csv => csv(timeline, indices, lang),
        Format::Markdown => Ok(markdown::handout(timeline, indices, &handout, lang)),
        Format::Html => Ok(html::handout(timeline, indices, &handout, lang)),
        Format::Ics => Ok(ics::calendar(timeline, indices, lang)),
        Format::Timelinejs => timelinejs::timeline(timeline, indices, &handout, lang),
        Format::Ron => ron::timeline(timeline, indices),
    }
}

/// What a handout prints for one event, the same in every handout format.
struct Entry<'t> {
    event: &'t crate::model::Event,
    category: &'t str,
    /// "Sunday, 16 August 2020", or a span.
    date: String,
    /// "3. " in a tour, empty otherwise.
    number: String,
    note: Option<&'t str>,
}

/// The entries of a handout: the events at `indices`, with the tour's notes when given.
fn entries<'t>(
    timeline: &'t Timeline,
    indices: &'t [usize],
    handout: &Handout<'t>,
    lang: Lang,
) -> impl Iterator<Item = Entry<'t>> {
    let numbered = handout.tour.is_some();
    let notes = handout.notes();
    indices.iter().enumerate().map(move |(step, &index)| {
        let event = &timeline.events[index];
        Entry {
            event,
            category: timeline.categories[usize::from(event.category)]
                .name
                .get(lang),
            date: match event.end {
                Some(_) => crate::i18n::dates::span(lang, event.start, event.end),
                None => crate::i18n::dates::long_date(lang, event.start, event.time),
            },
            number: if numbered {
                format!("{}. ", step + 1)
            } else {
                String::new()
            },
            note: notes
                .as_ref()
                .and_then(|n| n.get(step))
                .and_then(|n| n.exact(lang).or(n.exact(Lang::En))),
        }
    })
}

/// The timeline's description in `lang`, or in English.
fn description(timeline: &Timeline, lang: Lang) -> Option<&str> {
    timeline
        .description
        .exact(lang)
        .or(timeline.description.exact(Lang::En))
}

/// Writing failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// JSON serialisation failed.
    #[error("could not write JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// CSV serialisation failed.
    #[error("could not write CSV: {0}")]
    Csv(#[from] csv::Error),
    /// RON serialisation failed.
    #[error("could not write RON: {0}")]
    Ron(#[from] ::ron::Error),
    /// The CSV writer's buffer could not be taken.
    #[error("could not write CSV: {0}")]
    CsvBuffer(String),
}

/// One event as exported to JSON.
#[derive(Serialize, serde::Deserialize, Debug, PartialEq)]
pub struct JsonEvent {
    /// Slug.
    pub id: String,
    /// `YYYY-MM-DD` (the first of the month for month precision).
    pub start: String,
    /// `YYYY-MM-DD` or null.
    pub end: Option<String>,
    /// `day`, `month` or `year`.
    pub precision: String,
    /// `HH:MM` or null.
    pub time: Option<String>,
    /// Category id.
    pub category: String,
    /// 1, 2 or 3.
    pub importance: u8,
    /// Language code → text.
    pub title: std::collections::BTreeMap<String, String>,
    /// Language code → text.
    pub summary: std::collections::BTreeMap<String, String>,
    /// Place ids.
    pub places: Vec<String>,
    /// Actor ids.
    pub actors: Vec<String>,
    /// Tags.
    pub tags: Vec<String>,
    /// Sources.
    pub sources: Vec<JsonSource>,
}

/// A source as exported to JSON.
#[derive(Serialize, serde::Deserialize, Debug, PartialEq)]
pub struct JsonSource {
    /// Title.
    pub title: String,
    /// Publisher.
    pub publisher: String,
    /// `YYYY-MM-DD` or null.
    pub published: Option<String>,
    /// URL or null.
    pub url: Option<String>,
}

/// The ids of an event's places, actors and tags, as a file names them.
pub(crate) struct Ids {
    pub places: Vec<String>,
    pub actors: Vec<String>,
    pub tags: Vec<String>,
}

impl Ids {
    pub(crate) fn of(timeline: &Timeline, e: &crate::model::Event) -> Self {
        Self {
            places: e
                .places()
                .iter()
                .map(|&p| timeline.places[p as usize].id.clone())
                .collect(),
            actors: e
                .actors()
                .iter()
                .map(|&a| timeline.actors[a as usize].id.clone())
                .collect(),
            tags: e
                .tags()
                .iter()
                .map(|&t| timeline.tags[t as usize].clone())
                .collect(),
        }
    }
}

fn text_map(text: &Text) -> std::collections::BTreeMap<String, String> {
    text.iter()
        .map(|(l, t)| (l.code().to_owned(), t.to_owned()))
        .collect()
}

/// The JSON form of one event.
pub fn json_event(timeline: &Timeline, index: usize) -> JsonEvent {
    let e = &timeline.events[index];
    let ids = Ids::of(timeline, e);
    JsonEvent {
        id: e.id().to_owned(),
        start: e.start.date.format("%Y-%m-%d").to_string(),
        end: e.end.map(|d| d.date.format("%Y-%m-%d").to_string()),
        precision: match e.start.precision {
            crate::model::Precision::Day => "day".into(),
            crate::model::Precision::Month => "month".into(),
            crate::model::Precision::Year => "year".into(),
        },
        time: e.time.map(|t| t.format("%H:%M").to_string()),
        category: timeline.categories[usize::from(e.category)].id.clone(),
        importance: e.importance,
        title: text_map(&e.title().to_text()),
        summary: text_map(&e.summary().to_text()),
        places: ids.places,
        actors: ids.actors,
        tags: ids.tags,
        sources: e
            .sources()
            .map(|s| JsonSource {
                title: s.title.to_owned(),
                publisher: s.publisher.to_owned(),
                published: s.published.map(str::to_owned),
                url: s.url.map(str::to_owned),
            })
            .collect(),
    }
}

fn json(timeline: &Timeline, indices: &[usize]) -> Result<String, ExportError> {
    let events: Vec<JsonEvent> = indices.iter().map(|&i| json_event(timeline, i)).collect();
    let mut text = serde_json::to_string_pretty(&events)?;
    text.push('\n');
    Ok(text)
}

fn csv(timeline: &Timeline, indices: &[usize], lang: Lang) -> Result<String, ExportError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record([
        "id",
        "start",
        "end",
        "time",
        "category",
        "importance",
        "title",
        "summary",
        "places",
        "actors",
        "tags",
        "sources",
    ])?;
    for &i in indices {
        let e = json_event(timeline, i);
        let event = &timeline.events[i];
        let sources: Vec<String> = e
            .sources
            .iter()
            .map(|s| {
                format!(
                    "{} — {}{}",
                    s.publisher,
                    s.title,
                    s.url
                        .as_ref()
                        .map(|u| format!(" <{u}>"))
                        .unwrap_or_default()
                )
            })
            .collect();
        writer.write_record([
            e.id,
            e.start,
            e.end.unwrap_or_default(),
            e.time.unwrap_or_default(),
            e.category,
            e.importance.to_string(),
            event.title().get(lang).to_owned(),
            event.summary().get(lang).to_owned(),
            e.places.join(";"),
            e.actors.join(";"),
            e.tags.join(";"),
            sources.join(" | "),
        ])?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| ExportError::CsvBuffer(e.to_string()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
