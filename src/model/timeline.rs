//! The checked, in-memory timeline: events sorted by time, references resolved to indices.

use std::collections::HashMap;

use chrono::NaiveTime;

use super::Text;
use super::date::{FuzzyDate, Seconds, seconds_from_time};
use super::file::{Actor, Image, Place, Source};

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

/// One event, checked, with its references resolved to indices into the timeline's lists.
#[derive(Clone, Debug)]
pub struct Event {
    /// Stable slug.
    pub id: String,
    /// First day (or month).
    pub start: FuzzyDate,
    /// Last day (or month), for events that last.
    pub end: Option<FuzzyDate>,
    /// Local time, when known.
    pub time: Option<NaiveTime>,
    /// Index into [`Timeline::categories`].
    pub category: u16,
    /// 1 = key event, 2 = notable, 3 = detail.
    pub importance: u8,
    /// Title per language.
    pub title: Text,
    /// Summary per language.
    pub summary: Text,
    /// Indices into [`Timeline::places`].
    pub places: Vec<u32>,
    /// Indices into [`Timeline::actors`].
    pub actors: Vec<u32>,
    /// Indices into [`Timeline::tags`].
    pub tags: Vec<u32>,
    /// An image, its path checked.
    pub image: Option<Image>,
    /// Sources, their URLs checked.
    pub sources: Vec<Source>,
}

impl Event {
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
    /// Built on first use (or ahead, on a thread): see [`Timeline::search_index`].
    pub(super) search_index: std::sync::Arc<std::sync::OnceLock<crate::query::index::SearchIndex>>,
    /// Start times of `events`, in the same order, for binary search.
    pub(super) starts: Vec<Seconds>,
    /// The longest duration of any event, to find events that start before a range but reach it.
    pub(super) longest: Seconds,
    /// The latest end of any event.
    pub(super) latest_end: Seconds,
    /// Event index by id, built on first lookup (lookups are rare: tours, saved state, reload).
    pub(super) by_id:
        std::sync::Arc<std::sync::OnceLock<HashMap<String, usize, foldhash::fast::RandomState>>>,
}

impl Timeline {
    /// Builds the index from events already sorted by start time.
    pub(crate) fn new(mut timeline: Timeline) -> Self {
        timeline.starts = timeline.events.iter().map(Event::start_seconds).collect();
        timeline.longest = timeline
            .events
            .iter()
            .map(|e| e.end_seconds() - e.start_seconds())
            .fold(0.0, f64::max);
        timeline.latest_end = timeline
            .events
            .iter()
            .map(Event::end_seconds)
            .fold(f64::MIN, f64::max);
        timeline.by_id = Default::default();
        timeline
    }

    /// The folded text of every event, for search; built once, on first use. Another thread
    /// asking meanwhile waits for the same build.
    pub fn search_index(&self) -> &crate::query::index::SearchIndex {
        self.search_index
            .get_or_init(|| crate::query::index::SearchIndex::build(self))
    }

    /// The index of the event with this id.
    pub fn event_index(&self, id: &str) -> Option<usize> {
        self.by_id
            .get_or_init(|| {
                let mut map = HashMap::with_capacity_and_hasher(
                    self.events.len(),
                    foldhash::fast::RandomState::default(),
                );
                for (i, event) in self.events.iter().enumerate() {
                    map.insert(event.id.clone(), i);
                }
                map
            })
            .get(id)
            .copied()
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
        self.events.iter().map(|e| e.sources.len()).sum()
    }
}
