//! The format-neutral builder: every reader hands it what it read, and it checks, interns,
//! resolves and sorts, and builds the [`Timeline`].
//!
//! A reader implements [`Reader`]: it reads its format into a [`Builder`] (the lists, and the
//! events one by one, in any order) and gives the builder's [`Problem`]s, which name a value in
//! the data (`events[3].sources[0].url`), a position in its own format (line and column). The
//! builder checks everything a format cannot say by itself (ids unique, references known,
//! dates real, links safe), so every reader gets the same checks and the same messages.
//!
//! A million events would not fit in memory as owned strings (about 2 GB of small allocations
//! for a 680 MB file), so each event is checked as it comes and kept only as spans of the
//! source text (copied only when the reader could not borrow a string from it). References to
//! places, actors, categories and tags are interned as they come, because the lists they refer
//! to may come later; they are resolved once everything has been read.

use std::fmt;
use std::sync::Arc;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use super::check::{FastMap, Validator, check_image_path, check_url, index_of};
use super::date::{FuzzyDate, Precision, parse_time};
use super::error::{Diagnostic, LoadError};
use super::file;
use super::load::{Assets, MAX_FILE_BYTES};
use super::problem::{Path, Problem, Severity};
use super::progress::{Phase, Progress};
use super::timeline::{self, Event, SourceSpans, Span, Strings, Timeline};
use super::{Lang, Text};

/// A file format: reads its text into a [`Builder`] and places the builder's problems in it.
pub trait Reader {
    /// Reads `text` into `builder`. A mistake that stops the reading (bad syntax, a value of the
    /// wrong type) is returned with its position; the problems the builder finds, it keeps.
    /// `file` names the file in diagnostics.
    fn read<'s>(
        &self,
        text: &'s str,
        file: &str,
        builder: &mut Builder<'s>,
    ) -> Result<(), ReadFailure>;

    /// Gives each of the builder's problems its position in `text`, in file order.
    fn locate(&self, text: &str, file: &str, problems: Vec<Problem>) -> Vec<Diagnostic>;
}

/// Why a reader stopped: the mistakes that stopped it, and perhaps a mended text on which the
/// builder can still check everything else, so that one mistake does not hide the others.
#[derive(Debug, Default)]
pub struct ReadFailure {
    /// The mistakes that stopped the reading, with their positions.
    pub diagnostics: Vec<Diagnostic>,
    /// The text with those mistakes mended, if the reader could mend them.
    pub mended: Option<Mended>,
}

impl From<Vec<Diagnostic>> for ReadFailure {
    fn from(diagnostics: Vec<Diagnostic>) -> Self {
        Self {
            diagnostics,
            mended: None,
        }
    }
}

/// A text in which a reader mended what stopped it: every byte offset of the original text
/// still names the same place (values are renamed or replaced in place, padded with spaces),
/// so that the builder's problems on it are placed in the original.
#[derive(Debug)]
pub struct Mended {
    /// The mended text.
    pub text: String,
    /// The values replaced by stand-ins (`events[12]`): their problems are not reported, since
    /// the stand-in is not what the file says.
    pub replaced: Vec<Path>,
}

/// Reads `text` with `reader`, checks it and builds the timeline, keeping `text`: the events'
/// strings are slices of it. `file` names the file in diagnostics; images are looked up in
/// `assets`. The timeline carries the warnings; any error fails the build with every problem
/// of the file, warnings included.
pub fn build(
    text: String,
    file: &str,
    assets: &Assets,
    reader: &impl Reader,
) -> Result<Timeline, LoadError> {
    build_with(text, file, assets, reader, None)
}

/// [`build`], telling `progress` how far into the text the reader has come.
pub fn build_with(
    text: String,
    file: &str,
    assets: &Assets,
    reader: &impl Reader,
    progress: Option<&Progress>,
) -> Result<Timeline, LoadError> {
    // Events keep 31-bit offsets into the text.
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            file: file.to_owned(),
            size: text.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    if let Some(progress) = progress {
        progress.start(Phase::Checking, text.len() as u64);
    }
    let mut builder = Builder::new(&text, assets);
    builder.progress = progress;
    if let Err(failure) = reader.read(&text, file, &mut builder) {
        drop(builder);
        return Err(LoadError::Invalid(recover(
            &text, file, assets, reader, failure,
        )));
    }
    let mut data = builder.data;
    let extra = std::mem::take(&mut data.extra);
    let strings = Arc::new(Strings::new(text, extra));
    let (timeline, problems) = data.resolve(&strings);
    let diagnostics = if problems.is_empty() {
        Vec::new()
    } else {
        reader.locate(strings.file(), file, problems)
    };
    match timeline {
        Some(mut timeline) => {
            timeline.assets = assets.clone();
            timeline.warnings = diagnostics;
            Ok(timeline)
        }
        None => Err(LoadError::Invalid(diagnostics)),
    }
}

/// Every problem of a file whose reading stopped: the reader's, and the builder's on the text
/// the reader mended (except about the stand-ins), in file order.
fn recover(
    text: &str,
    file: &str,
    assets: &Assets,
    reader: &impl Reader,
    failure: ReadFailure,
) -> Vec<Diagnostic> {
    let ReadFailure {
        mut diagnostics,
        mended,
    } = failure;
    if let Some(Mended {
        text: mended,
        replaced,
    }) = mended
        && mended.len() == text.len()
    {
        let mut builder = Builder::new(&mended, assets);
        if reader.read(&mended, file, &mut builder).is_ok() {
            let mut data = builder.data;
            let extra = std::mem::take(&mut data.extra);
            let strings = Arc::new(Strings::new(mended, extra));
            let (_, problems) = data.resolve(&strings);
            drop(strings);
            let replaced: std::collections::HashSet<&[super::problem::Seg]> =
                replaced.iter().map(|p| p.0.as_slice()).collect();
            let problems: Vec<Problem> = problems
                .into_iter()
                .filter(|p| {
                    !p.path
                        .0
                        .get(..2)
                        .is_some_and(|head| replaced.contains(head))
                })
                .collect();
            diagnostics.extend(reader.locate(text, file, problems));
        }
    }
    diagnostics.sort_by_key(|d| (d.line, d.col));
    diagnostics.dedup();
    diagnostics
}

/// A string as a reader read it: borrowed from the file's text when it could be (a string
/// without escapes), owned when it had to be unescaped or made.
#[derive(Clone, Debug)]
pub enum RawStr<'a> {
    /// A slice of the text handed to the reader: kept as a span of it, not copied.
    Borrowed(&'a str),
    /// Anything else: copied into the timeline.
    Owned(String),
}

impl RawStr<'_> {
    /// The string.
    pub fn as_str(&self) -> &str {
        match self {
            RawStr::Borrowed(s) => s,
            RawStr::Owned(s) => s,
        }
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for RawStr<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct StrVisitor;

        impl<'de> Visitor<'de> for StrVisitor {
            type Value = RawStr<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }

            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(RawStr::Borrowed(v))
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(RawStr::Owned(v.to_owned()))
            }

            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(RawStr::Owned(v))
            }
        }

        deserializer.deserialize_string(StrVisitor)
    }
}

/// [`Text`] as a reader read it: each language's text borrowed or owned.
#[derive(Clone, Debug, Default)]
pub struct RawText<'a> {
    parts: [Option<RawStr<'a>>; 3],
}

impl<'a> RawText<'a> {
    /// Sets the text in `lang`.
    pub fn set(&mut self, lang: Lang, text: RawStr<'a>) {
        let slot = match lang {
            Lang::En => 0,
            Lang::Be => 1,
            Lang::Ru => 2,
        };
        self.parts[slot] = Some(text);
    }

    /// An owned copy.
    pub fn into_owned(self) -> Text {
        let [en, be, ru] = self.parts.map(|part| part.map(|s| s.as_str().to_owned()));
        Text { en, be, ru }
    }

    /// Each language's text that is given.
    pub fn parts(&self) -> impl Iterator<Item = (Lang, &str)> {
        Lang::ALL
            .into_iter()
            .zip(&self.parts)
            .filter_map(|(lang, part)| part.as_ref().map(|p| (lang, p.as_str())))
    }

    fn has_english(&self) -> bool {
        self.parts[0]
            .as_ref()
            .is_some_and(|s| !s.as_str().trim().is_empty())
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for RawText<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;

        impl<'de> Visitor<'de> for TextVisitor {
            type Value = RawText<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    r#"a map from language code to text, like {"en": "…", "be": "…", "ru": "…"}"#,
                )
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut text = RawText::default();
                while let Some(key) = map.next_key::<RawStr<'de>>()? {
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

/// An event as a reader read it, its strings borrowed from the source text where they could be.
pub type RawEvent<'a> = file::EventRecord<RawStr<'a>, RawText<'a>>;

/// Ids as they were written, each once, numbered in order of first use.
#[derive(Default)]
struct Interner {
    ids: FastMap<Box<str>, u32>,
    names: Vec<Box<str>>,
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

/// Takes what a reader read, checks each part as it comes, and keeps events compact. Made by
/// [`build`], which hands it to a [`Reader`].
///
/// Problems are reported against paths into the data as given here: `title`, `categories[i]`,
/// `places[i]`, `actors[i]`, `eras[i]` and `tours[i]` (in the order of the list given), and
/// `events[i]` (the `i`-th call of [`Builder::event`]), then the fields of [`file`](mod@super::file)'s types.
pub struct Builder<'s> {
    /// The text being read: borrowed strings inside it are kept as spans of it.
    source: &'s str,
    assets: &'s Assets,
    /// Events point here until their strings are attached, once the text is owned.
    placeholder: Arc<Strings>,
    data: Collected,
    /// Told where in the text each event was.
    progress: Option<&'s Progress>,
}

/// Everything given to the builder, before references are resolved.
#[derive(Default)]
struct Collected {
    v: Validator,
    title: Option<Text>,
    description: Text,
    categories: Vec<file::Category>,
    places: Vec<file::Place>,
    actors: Vec<file::Actor>,
    eras: Vec<file::Era>,
    tours: Vec<file::Tour>,
    /// The events, with `category` and `refs` holding interned ids, and no strings attached yet.
    events: Vec<Event>,
    event_categories: Interner,
    event_places: Interner,
    event_actors: Interner,
    event_tags: Interner,
    /// Strings that could not be borrowed from the source text.
    extra: String,
    /// Whether the file comes from another tool (TimelineJS): its events may lack a source or
    /// a summary, which is a warning rather than an error.
    imported: bool,
}

impl<'s> Builder<'s> {
    fn new(source: &'s str, assets: &'s Assets) -> Self {
        Self {
            source,
            assets,
            placeholder: Arc::new(Strings::default()),
            data: Collected::default(),
            progress: None,
        }
    }

    /// The timeline's title (required, with English).
    pub fn title(&mut self, title: Text) {
        self.data.title = Some(title);
    }

    /// The paragraph that introduces the timeline.
    pub fn description(&mut self, description: Text) {
        self.data.description = description;
    }

    /// The categories, in the order of the lanes (at least one).
    pub fn categories(&mut self, categories: Vec<file::Category>) {
        self.data.categories = categories;
    }

    /// The places events refer to.
    pub fn places(&mut self, places: Vec<file::Place>) {
        self.data.places = places;
    }

    /// The actors events refer to.
    pub fn actors(&mut self, actors: Vec<file::Actor>) {
        self.data.actors = actors;
    }

    /// The named periods.
    pub fn eras(&mut self, eras: Vec<file::Era>) {
        self.data.eras = eras;
    }

    /// The guided tours, whose steps refer to events by id.
    pub fn tours(&mut self, tours: Vec<file::Tour>) {
        self.data.tours = tours;
    }

    /// Marks the file as made with another tool, which knows nothing of this program's trust
    /// rule: an event without a source with a URL, or without a summary, is a warning (shown
    /// as "no source"), not an error.
    pub fn imported(&mut self) {
        self.data.imported = true;
    }

    /// One more event: checked now, its references resolved at the end.
    pub fn event(&mut self, event: RawEvent<'s>) {
        let index = self.data.events.len();
        let event = self.compact(event, index);
        if let Some(progress) = self.progress
            && let Some(at) = event.id.file_start()
        {
            progress.set(at as u64);
        }
        self.data.events.push(event);
    }

    /// Where a string lives: its place in the source text when it was borrowed from it, else
    /// a copy.
    fn span(&mut self, s: &RawStr<'_>) -> Span {
        if let RawStr::Borrowed(b) = s {
            let base = self.source.as_ptr() as usize;
            let at = (b.as_ptr() as usize).wrapping_sub(base);
            if at <= self.source.len() && at + b.len() <= self.source.len() {
                return Span::file(at, b.len());
            }
        }
        let extra = &mut self.data.extra;
        let start = extra.len();
        extra.push_str(s.as_str());
        Span::extra(start, s.as_str().len())
    }

    fn text(&mut self, text: &RawText<'_>) -> [Span; 3] {
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
    fn compact(&mut self, record: RawEvent<'_>, index: usize) -> Event {
        let path = || Path::root().key("events").index(index);
        let data = &mut self.data;
        let imported = data.imported;
        let v = &mut data.v;
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
                .map_err(|err| v.value(path().key("time"), err.to_string()))
                .ok()?;
            if start.is_some_and(|s| s.precision != Precision::Day) {
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
        v.text_chars(record.title.parts(), || path().key("title"));
        v.text_chars(record.summary.parts(), || path().key("summary"));
        if !record.summary.has_english() && !imported {
            v.missing_english(path().key("summary"), "summary");
        }
        if !record.sources.iter().any(|s| s.url.is_some()) && imported {
            v.warn(
                path().key("sources"),
                "no source: nothing says where this event's facts come from; add a source with an http or https `url` (in the text as a link, or in `events.ron` after `export --format ron`)".into(),
            );
        } else if !record.sources.iter().any(|s| s.url.is_some()) {
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
            v.chars_in(source.title.as_str(), || path().key("title"));
            v.chars_in(source.publisher.as_str(), || path().key("publisher"));
            if let Some(published) = &source.published {
                v.date(published.as_str(), || path().key("published"));
            }
            if let Some(url) = &source.url
                && let Err(err) = check_url(url.as_str())
            {
                v.value(path().key("url"), err.to_string());
            }
        }
        if let Some(image) = &record.image
            && let Err(err) = check_image_path(&image.path, self.assets)
        {
            if err.is_unavailable() {
                v.warn(path().key("image").key("path"), err.to_string());
            } else {
                v.value(path().key("image").key("path"), err.to_string());
            }
        }
        let too_many = |v: &mut Validator, list: &[RawStr<'_>], field: &str| {
            if list.len() > usize::from(u16::MAX) {
                v.key(
                    path().key(field),
                    format!("too many {field}: at most {} per event", u16::MAX),
                );
            }
        };
        too_many(v, &record.places, "places");
        too_many(v, &record.actors, "actors");

        let category = data.event_categories.intern(record.category.as_str());
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
                .map(|p| data.event_places.intern(p.as_str())),
        );
        refs.extend(
            record
                .actors
                .iter()
                .map(|a| data.event_actors.intern(a.as_str())),
        );
        refs.extend(
            record
                .tags
                .iter()
                .map(|t| data.event_tags.intern(t.as_str())),
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
            strings: Arc::clone(&self.placeholder),
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

impl Collected {
    /// Checks the lists and resolves the events' references, then sorts the events by time and
    /// builds the indexed timeline. The events were checked one by one as they came (their
    /// problems are in `v` already). `strings` holds the source text and `extra`. No timeline
    /// when there is an error; the problems, warnings included, either way.
    fn resolve(self, strings: &Arc<Strings>) -> (Option<Timeline>, Vec<Problem>) {
        let Collected {
            mut v,
            title,
            description,
            categories: file_categories,
            places,
            actors,
            eras,
            tours: file_tours,
            events,
            event_categories,
            event_places,
            event_actors,
            event_tags,
            extra: _,
            imported: _,
        } = self;
        let root = Path::root();
        let title = title.unwrap_or_default();
        v.require_english(&title, || root.key("title"), "title");
        v.text_chars(title.iter(), || root.key("title"));
        v.text_chars(description.iter(), || root.key("description"));
        let categories = v.categories(&file_categories);
        v.ids(
            places.iter().map(|p| p.id.as_str()),
            &root.key("places"),
            "place",
        );
        for (i, place) in places.iter().enumerate() {
            let path = root.key("places").index(i);
            v.require_english(&place.name, || path.key("name"), "name");
            v.text_chars(place.name.iter(), || path.key("name"));
            if !(-90.0..=90.0).contains(&place.lat) {
                v.value(
                    path.key("lat"),
                    format!("latitude {} is outside −90 to 90", place.lat),
                );
            }
            if !(-180.0..=180.0).contains(&place.lon) {
                v.value(
                    path.key("lon"),
                    format!("longitude {} is outside −180 to 180", place.lon),
                );
            }
        }
        v.ids(
            actors.iter().map(|a| a.id.as_str()),
            &root.key("actors"),
            "actor",
        );
        for (i, actor) in actors.iter().enumerate() {
            let path = || root.key("actors").index(i).key("name");
            v.require_english(&actor.name, path, "name");
            v.text_chars(actor.name.iter(), path);
        }
        let eras = v.eras(&eras);

        // The tags are every tag used, sorted.
        let mut tags: Vec<String> = event_tags.names.iter().map(|t| t.to_string()).collect();
        tags.sort_unstable();
        let tag_ids = index_of(tags.iter().map(String::as_str));
        let tag_map: Vec<u32> = event_tags
            .names
            .iter()
            .map(|t| tag_ids.get(&**t).copied().unwrap_or(u32::MAX))
            .collect();

        // Interned ids to indices into the lists, or `u32::MAX` when the list lacks them.
        let resolve = |interner: &Interner, known: &FastMap<&str, u32>| -> Vec<u32> {
            interner
                .names
                .iter()
                .map(|name| known.get(&**name).copied().unwrap_or(u32::MAX))
                .collect()
        };
        let category_ids = index_of(file_categories.iter().map(|c| c.id.as_str()));
        let place_ids = index_of(places.iter().map(|p| p.id.as_str()));
        let actor_ids = index_of(actors.iter().map(|a| a.id.as_str()));
        let category_map = resolve(&event_categories, &category_ids);
        let place_map = resolve(&event_places, &place_ids);
        let actor_map = resolve(&event_actors, &actor_ids);

        let mut events = events;
        for (i, event) in events.iter_mut().enumerate() {
            event.strings = Arc::clone(strings);
            let path = || root.key("events").index(i);
            let interned = event.category;
            match category_map.get(usize::from(interned)) {
                Some(&index) if index != u32::MAX => event.category = index as u16,
                _ => v.unknown(
                    path().key("category"),
                    "category",
                    event_categories
                        .names
                        .get(usize::from(interned))
                        .map_or("", |n| &**n),
                    category_ids.keys().copied(),
                ),
            }
            let (n_places, n_actors) =
                (usize::from(event.places_len), usize::from(event.actors_len));
            for (j, r) in event.refs.iter_mut().enumerate() {
                let (map, interner, field, kind, known, k) = if j < n_places {
                    (&place_map, &event_places, "places", "place", &place_ids, j)
                } else if j < n_places + n_actors {
                    (
                        &actor_map,
                        &event_actors,
                        "actors",
                        "actor",
                        &actor_ids,
                        j - n_places,
                    )
                } else {
                    (
                        &tag_map,
                        &event_tags,
                        "tags",
                        "tag",
                        &tag_ids,
                        j - n_places - n_actors,
                    )
                };
                match map.get(*r as usize) {
                    Some(&index) if index != u32::MAX => *r = index,
                    _ => v.unknown(
                        path().key(field).index(k),
                        kind,
                        interner.names.get(*r as usize).map_or("", |n| &**n),
                        known.keys().copied(),
                    ),
                }
            }
        }
        v.ids(events.iter().map(Event::id), &root.key("events"), "event");

        // Only tours refer to events by id.
        let event_ids = if file_tours.is_empty() {
            FastMap::default()
        } else {
            index_of(events.iter().map(Event::id))
        };
        v.ids(
            file_tours.iter().map(|t| t.id.as_str()),
            &root.key("tours"),
            "tour",
        );
        let mut tours = Vec::new();
        for (i, tour) in file_tours.into_iter().enumerate() {
            let path = root.key("tours").index(i);
            v.require_english(&tour.title, || path.key("title"), "title");
            v.text_chars(tour.title.iter(), || path.key("title"));
            if tour.steps.is_empty() {
                v.key(path.key("steps"), "a tour needs at least one step".into());
            }
            let mut steps = Vec::with_capacity(tour.steps.len());
            for (j, step) in tour.steps.into_iter().enumerate() {
                v.text_chars(step.note.iter(), || path.key("steps").index(j).key("note"));
                match event_ids.get(step.event.as_str()) {
                    Some(&index) => steps.push((index as usize, step.note)),
                    None => v.unknown(
                        path.key("steps").index(j).key("event"),
                        "event",
                        &step.event,
                        event_ids.keys().copied(),
                    ),
                }
            }
            tours.push(timeline::Tour {
                id: tour.id,
                title: tour.title,
                steps,
            });
        }
        drop(event_ids);

        if v.problems.iter().any(|p| p.severity == Severity::Error) {
            return (None, v.problems);
        }

        // Sort by time; tours refer to events by index, so remap them.
        let keys: Vec<(f64, u8)> = events
            .iter()
            .map(|e| (e.start_seconds(), e.importance))
            .collect();
        let mut order: Vec<usize> = (0..events.len()).collect();
        order.sort_by(|&a, &b| {
            keys[a]
                .0
                .total_cmp(&keys[b].0)
                .then_with(|| keys[a].1.cmp(&keys[b].1))
                .then_with(|| a.cmp(&b))
        });
        let mut new_index = vec![0; events.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new;
        }
        // Apply the permutation in place, following its cycles: no second copy of the events.
        let mut target = new_index.clone();
        for i in 0..events.len() {
            while target[i] != i {
                let j = target[i];
                events.swap(i, j);
                target.swap(i, j);
            }
        }
        for tour in &mut tours {
            for step in &mut tour.steps {
                step.0 = new_index[step.0];
            }
        }

        let timeline = Timeline::new(Timeline {
            title,
            description,
            categories,
            places,
            actors,
            eras,
            tags,
            events,
            tours,
            ..Timeline::default()
        });
        (Some(timeline), v.problems)
    }
}
