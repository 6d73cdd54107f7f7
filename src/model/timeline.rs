//! The checked, in-memory timeline: events sorted by time, references resolved to indices.

use std::sync::Arc;

use chrono::NaiveTime;

use super::Lang;
use super::Text;
use super::date::{FuzzyDate, Seconds, seconds_from_time};
use super::file::{Actor, Image, Place};

/// A category (a lane), with its colour parsed.
#[derive(Clone, Debug)]
pub struct Category {
    /// Slug.
    pub id: String,
    /// Name per language.
    pub name: Text,
    /// Colour as red, green, blue.
    pub rgb: [u8; 3],
}

/// A named period, with its days resolved.
#[derive(Clone, Debug)]
pub struct Era {
    /// Slug.
    pub id: String,
    /// Name per language.
    pub name: Text,
    /// First day.
    pub start: FuzzyDate,
    /// Last day (inclusive).
    pub end: FuzzyDate,
}

impl Era {
    /// The time span it covers, `[start, end)`.
    pub fn seconds(&self) -> (Seconds, Seconds) {
        (self.start.start_seconds(), self.end.end_seconds())
    }
}

/// Where the strings of a timeline's events live: the file's own text (an event's strings are
/// slices of it, so loading copies no text) and the few strings that needed unescaping.
#[derive(Debug, Default)]
pub struct Strings {
    file: String,
    extra: String,
}

impl Strings {
    pub(crate) fn new(file: String, extra: String) -> Self {
        Self { file, extra }
    }

    /// The file's whole text.
    pub(super) fn file(&self) -> &str {
        &self.file
    }

    /// The strings that needed unescaping.
    pub(super) fn extra(&self) -> &str {
        &self.extra
    }

    fn get(&self, span: Span) -> &str {
        if span.is_none() {
            return "";
        }
        let (text, start) = if span.start & Span::EXTRA != 0 {
            (&self.extra, span.start & !Span::EXTRA)
        } else {
            (&self.file, span.start)
        };
        let start = start as usize;
        text.get(start..start + span.len as usize)
            .unwrap_or_default()
    }
}

/// A string of an event: where it is in [`Strings`]. Files are at most 2 GiB, so the top bit of
/// `start` is free to say which of the two buffers holds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Span {
    start: u32,
    len: u32,
}

impl Span {
    const EXTRA: u32 = 1 << 31;
    /// No string (an absent optional field).
    pub(super) const NONE: Span = Span {
        start: u32::MAX,
        len: 0,
    };

    /// A slice of the file's text.
    pub(super) fn file(start: usize, len: usize) -> Self {
        Self {
            start: start as u32,
            len: len as u32,
        }
    }

    /// A slice of the buffer of unescaped strings.
    pub(super) fn extra(start: usize, len: usize) -> Self {
        Self {
            start: start as u32 | Self::EXTRA,
            len: len as u32,
        }
    }

    fn is_none(self) -> bool {
        self == Self::NONE
    }

    /// Where it starts in the file's text, when it is a slice of it.
    pub(super) fn file_start(self) -> Option<u32> {
        (!self.is_none() && self.start & Self::EXTRA == 0).then_some(self.start)
    }

    /// Its two numbers, as stored.
    pub(super) fn to_raw(self) -> (u32, u32) {
        (self.start, self.len)
    }

    /// From its two numbers, if they name a string within a file of `file_len` bytes or of
    /// `extra` (or none): a span read from outside (the cache) is checked before it is used.
    /// A span of the file is checked against its length only, without reading the text: one
    /// that does not fall on character boundaries reads as empty ([`Strings`]), never panics.
    pub(super) fn from_raw((start, len): (u32, u32), file_len: usize, extra: &str) -> Option<Self> {
        let span = Self { start, len };
        if span.is_none() {
            return Some(span);
        }
        if start & Self::EXTRA != 0 {
            let at = (start & !Self::EXTRA) as usize;
            return extra.get(at..at + len as usize).map(|_| span);
        }
        (start as usize + len as usize <= file_len).then_some(span)
    }
}

/// The spans of one source.
#[derive(Clone, Copy, Debug)]
pub(super) struct SourceSpans {
    pub(super) title: Span,
    pub(super) publisher: Span,
    pub(super) published: Span,
    pub(super) url: Span,
}

/// An event, compact: a million of them must fit in memory next to the file they came from.
/// Its strings are read through the accessors; its dates and references are plain fields.
#[derive(Clone, Debug)]
pub struct Event {
    pub(super) strings: Arc<Strings>,
    pub(super) id: Span,
    pub(super) title: [Span; 3],
    pub(super) summary: [Span; 3],
    /// The first day, or the month.
    pub start: FuzzyDate,
    /// The last day or month of a range.
    pub end: Option<FuzzyDate>,
    /// The time of day, when known.
    pub time: Option<NaiveTime>,
    /// Index into [`Timeline::categories`].
    pub category: u16,
    /// 1 (key event), 2 (notable) or 3 (detail).
    pub importance: u8,
    /// Places, then actors, then tags (indices into the timeline's lists).
    pub(super) refs: Box<[u32]>,
    pub(super) places_len: u16,
    pub(super) actors_len: u16,
    pub(super) image: Option<Box<Image>>,
    pub(super) sources: Box<[SourceSpans]>,
}

/// Text in the three languages, borrowed from an event.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TextRef<'a> {
    parts: [&'a str; 3],
}

impl<'a> TextRef<'a> {
    /// The text in `lang`, if it is given and not blank.
    pub fn exact(&self, lang: Lang) -> Option<&'a str> {
        let text = match lang {
            Lang::En => self.parts[0],
            Lang::Be => self.parts[1],
            Lang::Ru => self.parts[2],
        };
        Some(text).filter(|s| !s.trim().is_empty())
    }

    /// The text in `lang`, or the English text with `true` when `lang` has none.
    pub fn get_with_fallback(&self, lang: Lang) -> (&'a str, bool) {
        match self.exact(lang) {
            Some(text) => (text, false),
            None => (self.exact(Lang::En).unwrap_or_default(), lang != Lang::En),
        }
    }

    /// The text in `lang`, falling back to English.
    pub fn get(&self, lang: Lang) -> &'a str {
        self.get_with_fallback(lang).0
    }

    /// The languages that have text, with their text.
    pub fn iter(&self) -> impl Iterator<Item = (Lang, &'a str)> + use<'a> {
        let this = *self;
        Lang::ALL
            .into_iter()
            .filter_map(move |lang| this.exact(lang).map(|text| (lang, text)))
    }

    /// An owned copy.
    pub fn to_text(&self) -> Text {
        let owned = |lang| self.exact(lang).map(str::to_owned);
        Text {
            en: owned(Lang::En),
            be: owned(Lang::Be),
            ru: owned(Lang::Ru),
        }
    }
}

/// A source of an event, borrowed from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SourceRef<'a> {
    /// The headline or title of the page.
    pub title: &'a str,
    /// Who published it.
    pub publisher: &'a str,
    /// When, as written in the file (`YYYY-MM-DD` or `YYYY-MM`).
    pub published: Option<&'a str>,
    /// The http or https address.
    pub url: Option<&'a str>,
}

impl Event {
    /// The event's unique slug.
    pub fn id(&self) -> &str {
        self.strings.get(self.id)
    }

    /// The headline.
    pub fn title(&self) -> TextRef<'_> {
        self.text(&self.title)
    }

    /// What happened, in a few sentences.
    pub fn summary(&self) -> TextRef<'_> {
        self.text(&self.summary)
    }

    fn text(&self, spans: &[Span; 3]) -> TextRef<'_> {
        TextRef {
            parts: spans.map(|span| self.strings.get(span)),
        }
    }

    /// Indices into [`Timeline::places`].
    pub fn places(&self) -> &[u32] {
        &self.refs[..usize::from(self.places_len)]
    }

    /// Indices into [`Timeline::actors`].
    pub fn actors(&self) -> &[u32] {
        let from = usize::from(self.places_len);
        &self.refs[from..from + usize::from(self.actors_len)]
    }

    /// Indices into [`Timeline::tags`].
    pub fn tags(&self) -> &[u32] {
        &self.refs[usize::from(self.places_len) + usize::from(self.actors_len)..]
    }

    /// The picture, if the event has one.
    pub fn image(&self) -> Option<&Image> {
        self.image.as_deref()
    }

    /// How many sources the event has.
    pub fn source_count(&self) -> usize {
        self.sources.len()
    }

    /// Whether a source with a URL says where the event's facts come from. Always true in a
    /// curated file; an imported file's events may have none, and are marked "no source".
    pub fn has_source(&self) -> bool {
        self.sources.iter().any(|s| !s.url.is_none())
    }

    /// The sources, in the file's order.
    pub fn sources(&self) -> impl ExactSizeIterator<Item = SourceRef<'_>> {
        self.sources.iter().map(|s| {
            let optional = |span: Span| (!span.is_none()).then(|| self.strings.get(span));
            SourceRef {
                title: self.strings.get(s.title),
                publisher: self.strings.get(s.publisher),
                published: optional(s.published),
                url: optional(s.url),
            }
        })
    }

    /// The instant the event starts: its day (or month), plus its time when known.
    pub fn start_seconds(&self) -> Seconds {
        self.start.start_seconds() + self.time.map_or(0.0, seconds_from_time)
    }

    /// The instant just after the event: the end of its last day (or month).
    pub fn end_seconds(&self) -> Seconds {
        match self.end {
            Some(end) => end.end_seconds(),
            None if self.time.is_some() => self.start_seconds(),
            None => self.start.end_seconds(),
        }
    }

    /// True for events with an `end`, drawn as bars.
    pub fn is_range(&self) -> bool {
        self.end.is_some()
    }
}

/// A tour, its steps resolved to event indices.
#[derive(Clone, Debug)]
pub struct Tour {
    /// Slug.
    pub id: String,
    /// Title per language.
    pub title: Text,
    /// Steps: the index of the event in [`Timeline::events`], and the teaching note.
    pub steps: Vec<(usize, Text)>,
}

/// The whole checked timeline.
#[derive(Clone, Debug, Default)]
pub struct Timeline {
    /// Title per language.
    pub title: Text,
    /// Description per language.
    pub description: Text,
    /// Categories in file order (the order of the lanes).
    pub categories: Vec<Category>,
    /// Places.
    pub places: Vec<Place>,
    /// Actors.
    pub actors: Vec<Actor>,
    /// Eras, sorted by start.
    pub eras: Vec<Era>,
    /// Every distinct tag, sorted.
    pub tags: Vec<String>,
    /// Events sorted by start time (then id).
    pub events: Vec<Event>,
    /// Tours in file order.
    pub tours: Vec<Tour>,
    /// Where the images of this timeline are.
    pub assets: super::Assets,
    /// What is wrong but does not stop the file from loading (a missing optional image), in
    /// file order.
    pub warnings: Vec<super::Diagnostic>,
    /// Start times of `events`, in the same order, for binary search.
    pub(super) starts: Vec<Seconds>,
    /// Every event's end, and its category, by index: read in tight loops over all events.
    pub(super) ends: Vec<Seconds>,
    pub(super) lanes: Vec<u16>,
    /// The longest duration of any event, to find events that start before a range but reach it.
    pub(super) longest: Seconds,
    /// The latest end of any event.
    pub(super) latest_end: Seconds,
    /// Event indices sorted by the hash of their id, built on first lookup (lookups are rare:
    /// tours, saved state, reload): 12 bytes an event instead of a copy of every id.
    pub(super) by_id: std::sync::Arc<std::sync::OnceLock<Vec<(u64, u32)>>>,
}

impl Timeline {
    /// Builds the index from events already sorted by start time.
    pub(super) fn new(mut timeline: Timeline) -> Self {
        timeline.starts = timeline.events.iter().map(Event::start_seconds).collect();
        timeline.ends = timeline.events.iter().map(Event::end_seconds).collect();
        timeline.lanes = timeline.events.iter().map(|e| e.category).collect();
        timeline.longest = timeline
            .starts
            .iter()
            .zip(&timeline.ends)
            .map(|(start, end)| end - start)
            .fold(0.0, f64::max);
        timeline.latest_end = timeline.ends.iter().copied().fold(f64::MIN, f64::max);
        timeline.by_id = Default::default();
        timeline
    }

    /// The index of the event with this id.
    pub fn event_index(&self, id: &str) -> Option<usize> {
        use std::hash::BuildHasher as _;
        let hasher = foldhash::fast::FixedState::with_seed(0x6265_6c61_7275_7321);
        let sorted = self.by_id.get_or_init(|| {
            let mut sorted: Vec<(u64, u32)> = self
                .events
                .iter()
                .enumerate()
                .map(|(i, event)| (hasher.hash_one(event.id()), i as u32))
                .collect();
            sorted.sort_unstable();
            sorted
        });
        let hash = hasher.hash_one(id);
        let first = sorted.partition_point(|&(h, _)| h < hash);
        sorted[first..]
            .iter()
            .take_while(|&&(h, _)| h == hash)
            .map(|&(_, i)| i as usize)
            .find(|&i| self.events[i].id() == id)
    }

    /// The text of the file the timeline was read from (empty without events): what the
    /// open-file cache hashes.
    pub fn source_text(&self) -> &str {
        self.events.first().map_or("", |event| event.strings.file())
    }

    /// The tour with this id.
    pub fn tour(&self, id: &str) -> Option<&Tour> {
        self.tours.iter().find(|t| t.id == id)
    }

    /// Indices of the events whose time span overlaps `[from, to]`, in time order.
    pub fn range(&self, from: Seconds, to: Seconds) -> std::ops::Range<usize> {
        let first = self.starts.partition_point(|&s| s < from - self.longest);
        let last = self.starts.partition_point(|&s| s <= to);
        first..last.max(first)
    }

    /// Start times of all events, in order.
    pub fn starts(&self) -> &[Seconds] {
        &self.starts
    }

    /// Every event's end, by index (as [`Event::end_seconds`]).
    pub fn ends(&self) -> &[Seconds] {
        &self.ends
    }

    /// Every event's category, by index.
    pub fn categories_of_events(&self) -> &[u16] {
        &self.lanes
    }

    /// The span from the first event's start to the latest event's end.
    pub fn span(&self) -> Option<(Seconds, Seconds)> {
        let first = *self.starts.first()?;
        Some((first, self.latest_end.max(first)))
    }

    /// The era that contains the instant `t`, if any.
    pub fn era_at(&self, t: Seconds) -> Option<&Era> {
        self.eras.iter().find(|era| {
            let (a, b) = era.seconds();
            a <= t && t < b
        })
    }

    /// Total number of sources over all events.
    pub fn source_count(&self) -> usize {
        self.events.iter().map(Event::source_count).sum()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_event_is_found_by_its_id() {
        let timeline = crate::model::load_bundled().expect("bundled data loads");
        for (i, event) in timeline.events.iter().enumerate() {
            assert_eq!(timeline.event_index(event.id()), Some(i));
        }
        assert_eq!(timeline.event_index("no-such-event"), None);
        assert_eq!(timeline.event_index(""), None);
    }
}
