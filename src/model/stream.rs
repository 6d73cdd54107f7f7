//! Reading an events file in one pass, event by event, into the compact [`Event`]s.
//!
//! A million events would not fit in memory as owned strings (about 2 GB of small allocations
//! for a 680 MB file), so each event is read into borrowed views of the file's text, checked,
//! and kept only as spans of that text. References to places, actors, categories and tags are
//! interned as they come, because the lists they refer to may come later in the file; they are
//! resolved once the whole file has been read.

use std::fmt;
use std::sync::Arc;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::date::{FuzzyDate, Precision, parse_time};
use super::file;
use super::load::{Assets, FastMap, Validator, check_image_path};
use super::locate::Path;
use super::timeline::{Event, SourceSpans, Span, Strings};
use super::{Lang, Text};

/// A string of the file: borrowed when it has no escapes, owned when `ron` had to unescape it.
pub(super) enum Str<'a> {
    Borrowed(&'a str),
    Owned(String),
}

impl Str<'_> {
    fn as_str(&self) -> &str {
        match self {
            Str::Borrowed(s) => s,
            Str::Owned(s) => s,
        }
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Str<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct StrVisitor;

        impl<'de> Visitor<'de> for StrVisitor {
            type Value = Str<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }

            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Str::Borrowed(v))
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Str::Owned(v.to_owned()))
            }

            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(Str::Owned(v))
            }
        }

        deserializer.deserialize_string(StrVisitor)
    }
}

/// [`Text`], borrowed.
#[derive(Default)]
pub(super) struct TextIn<'a> {
    parts: [Option<Str<'a>>; 3],
}

impl TextIn<'_> {
    /// An owned copy.
    pub(super) fn into_owned(self) -> Text {
        let [en, be, ru] = self.parts.map(|part| part.map(|s| s.as_str().to_owned()));
        Text { en, be, ru }
    }

    fn has_english(&self) -> bool {
        self.parts[0]
            .as_ref()
            .is_some_and(|s| !s.as_str().trim().is_empty())
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for TextIn<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;

        impl<'de> Visitor<'de> for TextVisitor {
            type Value = TextIn<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    r#"a map from language code to text, like {"en": "…", "be": "…", "ru": "…"}"#,
                )
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut text = TextIn::default();
                while let Some(key) = map.next_key::<Str<'de>>()? {
                    let key = key.as_str();
                    let Some(slot) = Lang::ALL.iter().position(|l| l.code() == key) else {
                        return Err(de::Error::custom(format!(
                            "unknown language `{key}`, expected one of `en`, `be`, `ru`"
                        )));
                    };
                    if text.parts[slot].is_some() {
                        return Err(de::Error::custom(format!(
                            "language `{key}` is given twice"
                        )));
                    }
                    text.parts[slot] = Some(map.next_value()?);
                }
                Ok(text)
            }
        }

        deserializer.deserialize_map(TextVisitor)
    }
}

/// [`file::Source`], borrowed.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Source")]
struct SourceIn<'a> {
    #[serde(borrow)]
    title: Str<'a>,
    #[serde(borrow)]
    publisher: Str<'a>,
    #[serde(default, borrow)]
    published: Option<Str<'a>>,
    #[serde(default, borrow)]
    url: Option<Str<'a>>,
}

/// [`file::EventRecord`], borrowed: the same fields in the same order, so `ron`'s messages are
/// the same.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Event")]
struct EventIn<'a> {
    #[serde(borrow)]
    id: Str<'a>,
    #[serde(borrow)]
    start: Str<'a>,
    #[serde(default, borrow)]
    end: Option<Str<'a>>,
    #[serde(default, borrow)]
    time: Option<Str<'a>>,
    #[serde(borrow)]
    category: Str<'a>,
    importance: u8,
    #[serde(borrow)]
    title: TextIn<'a>,
    #[serde(borrow)]
    summary: TextIn<'a>,
    #[serde(default, borrow)]
    places: Vec<Str<'a>>,
    #[serde(default, borrow)]
    actors: Vec<Str<'a>>,
    #[serde(default, borrow)]
    tags: Vec<Str<'a>>,
    #[serde(default)]
    image: Option<file::Image>,
    #[serde(borrow)]
    sources: Vec<SourceIn<'a>>,
}

/// Ids as they were written, each once, numbered in order of first use.
#[derive(Default)]
pub(super) struct Interner {
    ids: FastMap<Box<str>, u32>,
    pub(super) names: Vec<Box<str>>,
}

impl Interner {
    fn intern(&mut self, id: &str) -> u32 {
        if let Some(&n) = self.ids.get(id) {
            return n;
        }
        let n = self.names.len() as u32;
        self.names.push(id.into());
        self.ids.insert(id.into(), n);
        n
    }
}

/// Everything read from a file, before references are resolved.
pub(super) struct Parsed {
    pub(super) title: Option<Text>,
    pub(super) description: Text,
    pub(super) categories: Option<Vec<file::Category>>,
    pub(super) places: Vec<file::Place>,
    pub(super) actors: Vec<file::Actor>,
    pub(super) eras: Vec<file::Era>,
    pub(super) tours: Vec<file::Tour>,
    /// The events, with `category` and `refs` holding interned ids, and no strings attached yet.
    pub(super) events: Vec<Event>,
    pub(super) event_categories: Interner,
    pub(super) event_places: Interner,
    pub(super) event_actors: Interner,
    pub(super) event_tags: Interner,
    /// Unescaped strings that could not be borrowed from the file.
    pub(super) extra: String,
}

/// Reads `text` (which starts `offset` bytes into the file's whole text) in one pass. Problems
/// with single events go to `v`; a syntax or type error stops the read and is returned.
pub(super) fn read(
    whole: &str,
    offset: usize,
    v: &mut Validator,
    assets: &Assets,
) -> Result<Parsed, ron::error::SpannedError> {
    let reader = Reader {
        whole,
        v,
        assets,
        placeholder: Arc::new(Strings::default()),
    };
    super::load::ron_options().from_str_seed(&whole[offset..], reader)
}

const FIELDS: &[&str] = &[
    "title",
    "description",
    "categories",
    "places",
    "actors",
    "eras",
    "events",
    "tours",
];

#[derive(Clone, Copy, Deserialize)]
#[serde(field_identifier, rename_all = "lowercase")]
enum Field {
    Title,
    Description,
    Categories,
    Places,
    Actors,
    Eras,
    Events,
    Tours,
}

struct Reader<'r, 'w> {
    whole: &'w str,
    v: &'r mut Validator,
    assets: &'r Assets,
    placeholder: Arc<Strings>,
}

impl<'de> DeserializeSeed<'de> for Reader<'_, '_> {
    type Value = Parsed;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Parsed, D::Error> {
        deserializer.deserialize_struct("Timeline", FIELDS, self)
    }
}

impl<'de> Visitor<'de> for Reader<'_, '_> {
    type Value = Parsed;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("struct Timeline")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Parsed, A::Error> {
        let mut parsed = Parsed {
            title: None,
            description: Text::default(),
            categories: None,
            places: Vec::new(),
            actors: Vec::new(),
            eras: Vec::new(),
            tours: Vec::new(),
            events: Vec::new(),
            event_categories: Interner::default(),
            event_places: Interner::default(),
            event_actors: Interner::default(),
            event_tags: Interner::default(),
            extra: String::new(),
        };
        let mut seen = [false; 8];
        let Reader {
            whole,
            v,
            assets,
            placeholder,
        } = self;
        while let Some(field) = map.next_key::<Field>()? {
            let slot = field as usize;
            if std::mem::replace(&mut seen[slot], true) {
                return Err(de::Error::duplicate_field(FIELDS[slot]));
            }
            match field {
                Field::Title => parsed.title = Some(map.next_value()?),
                Field::Description => parsed.description = map.next_value()?,
                Field::Categories => parsed.categories = Some(map.next_value()?),
                Field::Places => parsed.places = map.next_value()?,
                Field::Actors => parsed.actors = map.next_value()?,
                Field::Eras => parsed.eras = map.next_value()?,
                Field::Tours => parsed.tours = map.next_value()?,
                Field::Events => map.next_value_seed(EventsSeed {
                    parsed: &mut parsed,
                    whole,
                    v: &mut *v,
                    assets,
                    placeholder: &placeholder,
                })?,
            }
        }
        if parsed.title.is_none() {
            return Err(de::Error::missing_field("title"));
        }
        if parsed.categories.is_none() {
            return Err(de::Error::missing_field("categories"));
        }
        if !seen[Field::Events as usize] {
            return Err(de::Error::missing_field("events"));
        }
        Ok(parsed)
    }
}

struct EventsSeed<'p, 'w> {
    parsed: &'p mut Parsed,
    whole: &'w str,
    v: &'p mut Validator,
    assets: &'p Assets,
    placeholder: &'p Arc<Strings>,
}

impl<'de> DeserializeSeed<'de> for EventsSeed<'_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for EventsSeed<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of events")
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        while let Some(record) = seq.next_element::<EventIn<'de>>()? {
            let index = self.parsed.events.len();
            let event = self.event(record, index);
            self.parsed.events.push(event);
        }
        Ok(())
    }
}

impl EventsSeed<'_, '_> {
    /// Where a string lives: its place in the file when it was borrowed, else a copy.
    fn span(&mut self, s: &Str<'_>) -> Span {
        if let Str::Borrowed(b) = s {
            let base = self.whole.as_ptr() as usize;
            let at = (b.as_ptr() as usize).wrapping_sub(base);
            if at <= self.whole.len() && at + b.len() <= self.whole.len() {
                return Span::file(at, b.len());
            }
        }
        let extra = &mut self.parsed.extra;
        let start = extra.len();
        extra.push_str(s.as_str());
        Span::extra(start, s.as_str().len())
    }

    fn text(&mut self, text: &TextIn<'_>) -> [Span; 3] {
        let mut spans = [Span::NONE; 3];
        for (span, part) in spans.iter_mut().zip(&text.parts) {
            if let Some(part) = part {
                *span = self.span(part);
            }
        }
        spans
    }

    /// Checks one event and keeps it compact. An event with problems is kept too (with a
    /// stand-in date), so that its references can still be checked and reported.
    fn event(&mut self, record: EventIn<'_>, index: usize) -> Event {
        let path = || Path::root().key("events").index(index);
        let v = &mut *self.v;
        let start = v.date(record.start.as_str(), || path().key("start"));
        let end = record
            .end
            .as_ref()
            .and_then(|end| v.date(end.as_str(), || path().key("end")));
        if let (Some(start), Some(end)) = (start, end)
            && end.date < start.date
        {
            v.value(
                path().key("end"),
                format!("`end` {end} is before `start` {start}"),
            );
        }
        let time = record.time.as_ref().and_then(|time| {
            let parsed = parse_time(time.as_str())
                .map_err(|m| v.value(path().key("time"), m))
                .ok()?;
            if start.is_some_and(|s| s.precision == Precision::Month) {
                v.value(
                    path().key("time"),
                    "a time needs a start date with a day (`YYYY-MM-DD`)".into(),
                );
            }
            Some(parsed)
        });
        if !(1..=3).contains(&record.importance) {
            v.value(
                path().key("importance"),
                format!(
                    "importance must be 1 (key event), 2 (notable) or 3 (detail), not {}",
                    record.importance
                ),
            );
        }
        if !record.title.has_english() {
            v.missing_english(path().key("title"), "title");
        }
        if !record.summary.has_english() {
            v.missing_english(path().key("summary"), "summary");
        }
        if !record.sources.iter().any(|s| s.url.is_some()) {
            v.key(
                path().key("sources"),
                "no source with a URL: every event needs at least one source with an http or https `url`".into(),
            );
        }
        for (i, source) in record.sources.iter().enumerate() {
            let path = || path().key("sources").index(i);
            if source.title.as_str().trim().is_empty() {
                v.value(path().key("title"), "a source needs a title".into());
            }
            if source.publisher.as_str().trim().is_empty() {
                v.value(path().key("publisher"), "a source needs a publisher".into());
            }
            if let Some(published) = &source.published {
                v.date(published.as_str(), || path().key("published"));
            }
            if let Some(url) = &source.url
                && let Err(message) = super::load::check_url(url.as_str())
            {
                v.value(path().key("url"), message);
            }
        }
        if let Some(image) = &record.image
            && let Err(message) = check_image_path(&image.path, self.assets)
        {
            v.value(path().key("image").key("path"), message);
        }
        let too_many = |v: &mut Validator, list: &[Str<'_>], field: &str| {
            if list.len() > usize::from(u16::MAX) {
                v.key(
                    path().key(field),
                    format!("too many {field}: at most {} per event", u16::MAX),
                );
            }
        };
        too_many(v, &record.places, "places");
        too_many(v, &record.actors, "actors");

        let parsed = &mut *self.parsed;
        let category = parsed.event_categories.intern(record.category.as_str());
        let category = u16::try_from(category).unwrap_or_else(|_| {
            v.value(
                path().key("category"),
                format!("more than {} different categories are used", u16::MAX),
            );
            0
        });
        let mut refs =
            Vec::with_capacity(record.places.len() + record.actors.len() + record.tags.len());
        refs.extend(
            record
                .places
                .iter()
                .map(|p| parsed.event_places.intern(p.as_str())),
        );
        refs.extend(
            record
                .actors
                .iter()
                .map(|a| parsed.event_actors.intern(a.as_str())),
        );
        refs.extend(
            record
                .tags
                .iter()
                .map(|t| parsed.event_tags.intern(t.as_str())),
        );

        let sources = record
            .sources
            .iter()
            .map(|s| SourceSpans {
                title: self.span(&s.title),
                publisher: self.span(&s.publisher),
                published: s.published.as_ref().map_or(Span::NONE, |p| self.span(p)),
                url: s.url.as_ref().map_or(Span::NONE, |u| self.span(u)),
            })
            .collect();
        let fallback = FuzzyDate::day(chrono::NaiveDate::MIN);
        Event {
            strings: Arc::clone(self.placeholder),
            id: self.span(&record.id),
            title: self.text(&record.title),
            summary: self.text(&record.summary),
            start: start.unwrap_or(fallback),
            end,
            time,
            category,
            importance: record.importance,
            refs: refs.into_boxed_slice(),
            places_len: record.places.len().min(usize::from(u16::MAX)) as u16,
            actors_len: record.actors.len().min(usize::from(u16::MAX)) as u16,
            image: record.image.map(Box::new),
            sources,
        }
    }
}
