//! TimelineJS (Knight Lab) files: its JSON ([`json::TimelineJsJson`]) and its Google Sheets
//! template as CSV ([`csv::TimelineJsCsv`]).
//!
//! Both readers read their file into the same [`Document`] of slides, each slide with the byte
//! offsets of its parts in the file; [`emit`] hands the document to the [`Builder`] and
//! [`offset_of`] places the builder's problems back in the file. A TimelineJS file knows
//! nothing of the trust rule of curated files, so the builder is told it is
//! [imported](Builder::imported): events without a source open, with a warning.
//!
//! What maps to what: `start_date`/`end_date` → the dates (a year alone is year precision, a
//! year and month month precision; hours and minutes the time of day); `text.headline` → the
//! title; `display_date` and `text.text` → the summary (HTML dropped, paragraphs kept); each
//! link of the text and the `media` URL → a source; `group` → the category; `unique_id` → the
//! id (made unique and slug-shaped); `eras` → eras; the `title` slide → the timeline's title
//! and description. `background` is ignored.

pub mod csv;
pub mod date;
pub mod html;
pub mod json;

use std::collections::HashSet;

use super::build::{Builder, RawEvent, RawStr, RawText};
use super::check::check_url;
use super::error::Diagnostic;
use super::file;
use super::problem::{Path, Problem, Seg};
use super::ron::locate::LineIndex;
use super::{Lang, Text};
use date::DateParts;

/// A slide's media: a web image or video, kept as a link and never fetched.
#[derive(Clone, Debug, Default)]
pub struct Media {
    /// Its address.
    pub url: Option<String>,
    /// Its caption (HTML).
    pub caption: Option<String>,
    /// Who made it (HTML).
    pub credit: Option<String>,
}

/// Where the parts of a slide are in the file, as byte offsets; a part that is not there
/// points at the slide itself.
#[derive(Clone, Copy, Debug, Default)]
pub struct SlideSpans {
    /// The slide (its `{` or its row).
    pub slide: usize,
    /// Its start date.
    pub start: usize,
    /// Its end date.
    pub end: usize,
    /// Its headline.
    pub headline: usize,
    /// Its text.
    pub text: usize,
    /// Its media.
    pub media: usize,
    /// Its group.
    pub group: usize,
    /// Its `unique_id`.
    pub unique_id: usize,
}

impl SlideSpans {
    /// Every part at the slide itself.
    pub fn at(slide: usize) -> Self {
        Self {
            slide,
            start: slide,
            end: slide,
            headline: slide,
            text: slide,
            media: slide,
            group: slide,
            unique_id: slide,
        }
    }
}

/// One slide of a TimelineJS timeline: an event, the title or an era.
#[derive(Clone, Debug, Default)]
pub struct Slide {
    /// When it starts (`None` when the file gives no start date).
    pub start: Option<DateParts>,
    /// When it ends.
    pub end: Option<DateParts>,
    /// The date as the slide shows it, like "Summer 1943".
    pub display_date: Option<String>,
    /// The headline (HTML).
    pub headline: Option<String>,
    /// The text (HTML).
    pub text: Option<String>,
    /// The media.
    pub media: Option<Media>,
    /// The group: the lane it is drawn in.
    pub group: Option<String>,
    /// Its id.
    pub unique_id: Option<String>,
    /// Where its parts are.
    pub at: SlideSpans,
}

/// A TimelineJS timeline as read from its file.
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// The title slide.
    pub title: Option<Slide>,
    /// The events, in file order.
    pub events: Vec<Slide>,
    /// The eras, in file order.
    pub eras: Vec<Slide>,
}

/// A mistake in a slide that stops the reading, at a byte offset of the file.
pub type Located = (usize, String);

/// The lane of events without a group.
const UNGROUPED: &str = "events";

/// Lane colours, in order of first use.
const PALETTE: &[&str] = &[
    "#2f6db3", "#c8412d", "#3c8c4a", "#d9822b", "#7a4fa3", "#1f8a8a", "#b0457e", "#6b6b2a",
];

/// The categories of a document: each group once, in order of first use, with the index of
/// its first event; the lane of ungrouped events last, if there are any.
fn groups(document: &Document) -> Vec<(String, Option<String>, usize)> {
    let mut seen: Vec<(String, Option<String>, usize)> = Vec::new();
    let mut names: HashSet<String> = HashSet::new();
    let mut ungrouped = None;
    for (i, slide) in document.events.iter().enumerate() {
        match slide
            .group
            .as_deref()
            .map(str::trim)
            .filter(|g| !g.is_empty())
        {
            Some(group) => {
                if names.insert(group.to_owned()) {
                    seen.push((String::new(), Some(group.to_owned()), i));
                }
            }
            None => {
                ungrouped.get_or_insert(i);
            }
        }
    }
    if let Some(first) = ungrouped {
        seen.push((String::new(), None, first));
    }
    let mut ids = Ids::default();
    for (id, name, _) in &mut seen {
        *id = ids.unique(name.as_deref().map_or(UNGROUPED.into(), slug), UNGROUPED);
    }
    seen
}

/// Makes ids unique within one list.
#[derive(Default)]
struct Ids(HashSet<String>);

impl Ids {
    /// `wanted`, or `fallback` when it is empty, with `-2`, `-3` … until it is unused.
    fn unique(&mut self, wanted: String, fallback: &str) -> String {
        let base = if wanted.is_empty() {
            fallback.to_owned()
        } else {
            wanted
        };
        let mut id = base.clone();
        let mut n = 2;
        while self.0.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.0.insert(id.clone());
        id
    }
}

/// A slug of a text: ASCII lowercase letters and digits, single `-` between words, at most
/// 48 characters.
pub fn slug(text: &str) -> String {
    let ascii = deunicode::deunicode(&html::to_line(text)).to_ascii_lowercase();
    let mut slug = String::new();
    for word in ascii.split(|c: char| !c.is_ascii_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        if slug.len() + word.len() + 1 > 48 {
            if slug.is_empty() {
                slug.push_str(&word[..48]);
            }
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(word);
    }
    slug
}

/// The host of an address, without `www.`: who published it, as far as a link can say.
fn host(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = host.rsplit('@').next().unwrap_or(host);
    host.strip_prefix("www.").unwrap_or(host).to_owned()
}

/// An address a source can have: http or https, a protocol-relative `//host/…` read as https.
fn web_address(url: &str) -> Option<String> {
    let url = url.trim();
    let url = match url.strip_prefix("//") {
        Some(rest) => format!("https://{rest}"),
        None => url.to_owned(),
    };
    check_url(&url).is_ok().then_some(url)
}

/// How a slide is named in messages: `event 3 ("Battle of Tertry")`.
fn name(kind: &str, n: usize, slide: &Slide) -> String {
    let headline = slide
        .headline
        .as_deref()
        .map(html::to_line)
        .unwrap_or_default();
    if headline.is_empty() {
        format!("{kind} {n}")
    } else {
        format!("{kind} {n} (“{headline}”)")
    }
}

/// Hands `document` to `builder`. The timeline is titled `fallback_title` (the file's name)
/// when the document has no title slide. Mistakes the builder could not make sense of (dates
/// that are not dates) are returned, each at its place in the file.
pub fn emit(document: &Document, fallback_title: &str, builder: &mut Builder<'_>) -> Vec<Located> {
    builder.imported();
    let mut errors = Vec::new();
    if document.events.is_empty() {
        errors.push((
            document.title.as_ref().map_or(0, |t| t.at.slide),
            "the timeline has no events: a TimelineJS timeline needs at least one slide with a `start_date`".into(),
        ));
        return errors;
    }
    let title = document
        .title
        .as_ref()
        .and_then(|t| t.headline.as_deref())
        .map(html::to_line)
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| fallback_title.to_owned());
    builder.title(Text::english(title));
    if let Some(text) = document.title.as_ref().and_then(|t| t.text.as_deref()) {
        let text = html::to_text(text).text;
        if !text.is_empty() {
            builder.description(Text::english(text));
        }
    }
    let groups = groups(document);
    builder.categories(
        groups
            .iter()
            .enumerate()
            .map(|(i, (id, name, _))| file::Category {
                id: id.clone(),
                name: match name {
                    Some(name) => Text::english(html::to_line(name)),
                    None => Text {
                        en: Some("Events".into()),
                        be: Some("Падзеі".into()),
                        ru: Some("События".into()),
                    },
                },
                colour: PALETTE[i % PALETTE.len()].to_owned(),
            })
            .collect(),
    );

    let mut era_ids = Ids::default();
    let mut eras = Vec::new();
    for (i, era) in document.eras.iter().enumerate() {
        let what = name("era", i + 1, era);
        let start = mapped(
            era.start.as_ref(),
            &what,
            "start_date",
            era.at.start,
            &mut errors,
        );
        let end = mapped(era.end.as_ref(), &what, "end_date", era.at.end, &mut errors);
        let headline = era
            .headline
            .as_deref()
            .map(html::to_line)
            .unwrap_or_default();
        if let (Some(start), Some(end)) = (start, end) {
            let id = era_ids.unique(slug(&headline), &format!("era-{}", i + 1));
            let headline = if headline.is_empty() {
                id.clone()
            } else {
                headline
            };
            eras.push(file::Era {
                id,
                start: start.date.to_string(),
                end: end.date.to_string(),
                name: Text::english(headline),
            });
        }
    }
    builder.eras(eras);

    let mut event_ids = Ids::default();
    for (i, slide) in document.events.iter().enumerate() {
        let what = name("event", i + 1, slide);
        let Some(start) = mapped(
            slide.start.as_ref(),
            &what,
            "start_date",
            slide.at.start,
            &mut errors,
        ) else {
            continue;
        };
        let end = slide
            .end
            .as_ref()
            .and_then(|end| mapped(Some(end), &what, "end_date", slide.at.end, &mut errors));
        let text = slide.text.as_deref().map(html::to_text).unwrap_or_default();
        let headline = slide
            .headline
            .as_deref()
            .map(html::to_line)
            .unwrap_or_default();
        let display_date = slide
            .display_date
            .as_deref()
            .map(html::to_line)
            .unwrap_or_default();
        let title = [
            headline.clone(),
            text.text.lines().next().map(short).unwrap_or_default(),
            display_date.clone(),
        ]
        .into_iter()
        .find(|t| !t.is_empty())
        .unwrap_or_else(|| start.date.to_string());
        let summary = [display_date, text.text.clone()]
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join("\n\n");
        let wanted_id = slide
            .unique_id
            .as_deref()
            .map(slug)
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| slug(&headline));
        let id = event_ids.unique(wanted_id, &format!("event-{}", i + 1));

        let mut sources: Vec<file::Source<RawStr<'_>>> = Vec::new();
        let mut urls = HashSet::new();
        for link in &text.links {
            if let Some(url) = web_address(&link.url)
                && urls.insert(url.clone())
            {
                let title = short(&link.text.split_whitespace().collect::<Vec<_>>().join(" "));
                sources.push(source(&title, &host(&url), url));
            }
        }
        if let Some(media) = &slide.media
            && let Some(url) = media.url.as_deref().and_then(web_address)
            && urls.insert(url.clone())
        {
            let caption = media
                .caption
                .as_deref()
                .map(html::to_line)
                .unwrap_or_default();
            let credit = media
                .credit
                .as_deref()
                .map(html::to_line)
                .unwrap_or_default();
            let title = if caption.is_empty() {
                url.clone()
            } else {
                short(&caption)
            };
            let publisher = if credit.is_empty() {
                host(&url)
            } else {
                short(&credit)
            };
            sources.push(source(&title, &publisher, url));
        }

        let group = slide
            .group
            .as_deref()
            .map(str::trim)
            .filter(|g| !g.is_empty());
        let category = groups
            .iter()
            .find(|(_, name, _)| name.as_deref() == group)
            .map_or(UNGROUPED.to_owned(), |(id, _, _)| id.clone());
        let text_of = |s: String| {
            let mut text = RawText::default();
            if !s.is_empty() {
                text.set(Lang::En, RawStr::Owned(s));
            }
            text
        };
        builder.event(RawEvent {
            id: RawStr::Owned(id),
            start: RawStr::Owned(start.date.to_string()),
            end: end.map(|e| RawStr::Owned(e.date.to_string())),
            time: start
                .time
                .map(|t| RawStr::Owned(t.format("%H:%M").to_string())),
            category: RawStr::Owned(category),
            importance: 2,
            title: text_of(title),
            summary: text_of(summary),
            places: Vec::new(),
            actors: Vec::new(),
            tags: Vec::new(),
            image: None,
            sources,
        });
    }
    errors
}

fn source<'s>(title: &str, publisher: &str, url: String) -> file::Source<RawStr<'s>> {
    file::Source {
        title: RawStr::Owned(title.to_owned()),
        publisher: RawStr::Owned(publisher.to_owned()),
        published: None,
        url: Some(RawStr::Owned(url)),
    }
}

/// At most 120 characters of a text, cut at a word.
fn short(text: &str) -> String {
    if text.chars().count() <= 120 {
        return text.to_owned();
    }
    let cut: String = text.chars().take(119).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

/// The model's date for a slide's date, or `None` with the reason added to `errors`.
fn mapped(
    parts: Option<&DateParts>,
    what: &str,
    field: &str,
    at: usize,
    errors: &mut Vec<Located>,
) -> Option<date::MappedDate> {
    let Some(parts) = parts else {
        errors.push((
            at,
            format!("{what} has no `{field}`: every slide needs a date with a year"),
        ));
        return None;
    };
    parts
        .map()
        .map_err(|err| errors.push((at, format!("{what}, `{field}`: {err}"))))
        .ok()
}

/// Where in the file the value a problem is about is, as a byte offset.
pub fn offset_of(document: &Document, path: &Path) -> usize {
    let key = |i: usize| match path.0.get(i) {
        Some(Seg::Key(k)) => Some(k.as_str()),
        _ => None,
    };
    let index = |i: usize| match path.0.get(i) {
        Some(Seg::Index(n)) => Some(*n),
        _ => None,
    };
    let title = document.title.as_ref().map(|t| t.at);
    match (key(0), index(1)) {
        (Some("events"), Some(i)) => document.events.get(i).map_or(0, |slide| {
            let at = slide.at;
            match key(2) {
                Some("start" | "time") => at.start,
                Some("end") => at.end,
                Some("title") => at.headline,
                Some("summary") => at.text,
                Some("sources") => match index(3) {
                    Some(_) => at.text,
                    None => at.slide,
                },
                Some("category") => at.group,
                Some("id") => at.unique_id,
                _ => at.slide,
            }
        }),
        (Some("eras"), Some(i)) => document.eras.get(i).map_or(0, |era| match key(2) {
            Some("start") => era.at.start,
            Some("end") => era.at.end,
            Some("name" | "id") => era.at.headline,
            _ => era.at.slide,
        }),
        (Some("categories"), Some(k)) => groups(document)
            .get(k)
            .and_then(|(_, _, first)| document.events.get(*first))
            .map_or(0, |slide| slide.at.group),
        (Some("title"), _) => title.map_or(0, |t| t.headline),
        (Some("description"), _) => title.map_or(0, |t| t.text),
        _ => 0,
    }
}

/// The builder's problems placed in `text`, in file order.
fn diagnostics(
    document: &Document,
    text: &str,
    file: &str,
    problems: Vec<Problem>,
) -> Vec<Diagnostic> {
    let lines = LineIndex::new(text);
    let mut diagnostics: Vec<Diagnostic> = problems
        .into_iter()
        .map(|problem| {
            let at = lines.line_col(offset_of(document, &problem.path));
            Diagnostic::located(file, at, problem)
        })
        .collect();
    diagnostics.sort_by_key(|d| (d.line, d.col));
    diagnostics
}

/// The reader's own mistakes as diagnostics.
fn located(text: &str, file: &str, errors: Vec<Located>) -> Vec<Diagnostic> {
    let lines = LineIndex::new(text);
    errors
        .into_iter()
        .map(|(at, message)| {
            let (line, col) = lines.line_col(at);
            Diagnostic::error(file, line, col, message)
        })
        .collect()
}

/// The name of a file without its folder and extension, as a title for a timeline without one.
fn file_title(file: &str) -> String {
    let name = std::path::Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(file);
    if name.is_empty() {
        "Timeline".into()
    } else {
        name.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_unique_ids() {
        assert_eq!(slug("Ada Lovelace"), "ada-lovelace");
        assert_eq!(slug("  Group 1 - 1ST_INTERVIEW "), "group-1-1st-interview");
        assert_eq!(slug("Мінск, 2020"), "minsk-2020");
        assert_eq!(slug("<b>!!!</b>"), "");
        assert!(slug(&"word ".repeat(30)).len() <= 48);
        let mut ids = Ids::default();
        assert_eq!(ids.unique("a".into(), "x"), "a");
        assert_eq!(ids.unique("a".into(), "x"), "a-2");
        assert_eq!(ids.unique(String::new(), "x"), "x");
        assert_eq!(ids.unique(String::new(), "x"), "x-2");
    }

    #[test]
    fn addresses_and_hosts() {
        assert_eq!(
            web_address("//www.flickr.com/photos/x/").as_deref(),
            Some("https://www.flickr.com/photos/x/")
        );
        assert_eq!(web_address("/static/img/family.jpg"), None);
        assert_eq!(web_address("javascript:alert(1)"), None);
        assert_eq!(host("https://www.flickr.com/photos/x/"), "flickr.com");
        assert_eq!(host("https://en.wikipedia.org"), "en.wikipedia.org");
    }
}
