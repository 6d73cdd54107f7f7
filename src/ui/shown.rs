//! Everything derived from the data and the reader's choices: what the filters show, the
//! search matches, the lanes and the counts. One function rebuilds it; nothing patches it.

use std::sync::Arc;

use crate::map::PlaceCounts;
use crate::model::{Seconds, Timeline};
use crate::query::facets::Facets;
use crate::query::{Filter, IndexCell};
use crate::timeline::{LaneIndex, TimeView};

use super::state::State;

/// Files up to this many events build their search index when it is first needed; larger ones
/// wait for the index, which is built on a thread after loading.
pub const SYNC_INDEX_EVENTS: usize = 50_000;

/// What is shown, derived from the timeline and [`State`] by [`Shown::rebuild`].
#[derive(Clone, Debug)]
pub struct Shown {
    /// Changes whenever the data does, so that panels can drop their caches.
    pub data_generation: u64,
    /// Indices of the events that pass the filter, in time order.
    pub visible: Vec<usize>,
    /// Importance levels lifted when drawing (see [`crate::timeline::layout::promotion`]):
    /// the shown events' most important level is drawn at every zoom.
    pub promote: u8,
    /// Per event: matches the search (all true without a search).
    pub matches: Vec<bool>,
    /// Events matching the search (within the other filters), in time order.
    pub search_results: Vec<usize>,
    /// A query is waiting for the search index of a large file to be built.
    pub search_waiting: bool,
    /// A search dims the events that do not match it.
    pub dimming: bool,
    /// The visible events split into lanes.
    pub lanes: LaneIndex,
    /// The events matching the search, in lanes, while the others are dimmed.
    pub matched_lanes: Option<LaneIndex>,
    /// Counts per category, place, actor and tag, over the whole file.
    pub facets: Facets,
    /// The visible events by place, to count over any time range (the map's markers).
    pub places: PlaceCounts,
    /// The bounds the view may move in: the data with a margin.
    pub limits: (Seconds, Seconds),
    /// The view a fresh start opens on: the key events.
    pub opening_view: TimeView,
    /// The timeline's search index, built on a thread after loading.
    pub search_index: IndexCell,
}

impl Shown {
    /// Derived data of a freshly loaded timeline (call [`Shown::rebuild`] next), with the
    /// cell its search index is (or will be) built in.
    pub fn new(timeline: &Timeline, data_generation: u64, search_index: IndexCell) -> Self {
        let (start, end) = timeline.span().unwrap_or((0.0, 86_400.0));
        let margin = ((end - start) * 0.04).max(86_400.0);
        let limits = (start - margin, end + margin);
        // Open on the key events (the protests themselves) through the last event, not on the
        // sparse context years (their count shows at the edge). The counts over the whole
        // file at the same time, on another core: at a million events each takes a while.
        let (opening_view, facets) = std::thread::scope(|scope| {
            let facets = scope.spawn(|| Facets::new(timeline));
            let opening_view = events_fit(timeline, 0..timeline.events.len())
                .map_or(TimeView::new(limits.0, limits.1), |fit| {
                    fit.dense.clamped(limits)
                });
            let facets = facets.join().unwrap_or_else(|_| Facets::new(timeline));
            (opening_view, facets)
        });
        Self {
            data_generation,
            visible: Vec::new(),
            promote: 0,
            matches: Vec::new(),
            search_results: Vec::new(),
            search_waiting: false,
            dimming: false,
            lanes: LaneIndex::new(timeline, &[]),
            matched_lanes: None,
            facets,
            places: PlaceCounts::default(),
            limits,
            opening_view,
            search_index,
        }
    }

    /// Recomputes what the filter and the search show. The lanes are rebuilt only when the
    /// visible events change: typing a query that only dims keeps them.
    pub fn rebuild(&mut self, timeline: &Arc<Timeline>, state: &State) {
        let everything = || (0..timeline.events.len()).collect::<Vec<_>>();
        let searching = !state.filter.search.trim().is_empty();
        // Without the search, for dimming; with it, for the results and for hiding.
        let without_search = Filter {
            search: String::new(),
            ..state.filter.clone()
        };
        let base = if without_search.is_empty() {
            everything()
        } else {
            without_search
                .compile(timeline, &self.search_index)
                .map_or_else(|_| everything(), |c| c.apply())
        };
        self.matches.clear();
        self.search_results.clear();
        // A large file's index is built on a thread: until it is ready, the query waits and
        // the window stays fluid (small files build it on the spot, in milliseconds).
        self.search_waiting =
            searching && !self.search_index.is_ready() && timeline.events.len() > SYNC_INDEX_EVENTS;
        if searching
            && !self.search_waiting
            && let Ok(compiled) = state.filter.compile(timeline, &self.search_index)
            && let Some(mask) = compiled.search_mask()
        {
            self.matches = mask.to_vec();
            self.search_results = base.iter().copied().filter(|&i| mask[i]).collect();
        }
        if self.matches.is_empty() {
            self.matches = vec![true; timeline.events.len()];
        }
        let visible = if state.hide_unmatched && searching {
            self.search_results.clone()
        } else {
            base
        };
        if visible != self.visible || self.lanes.events.len() != timeline.categories.len() {
            // The lanes on this core, the places and the levels on another.
            let places_and_levels = || {
                (
                    PlaceCounts::new(timeline, &visible),
                    crate::timeline::layout::promotion(
                        visible.iter().map(|&i| timeline.events[i].importance).min(),
                    ),
                )
            };
            let (lanes, (places, promote)) = std::thread::scope(|scope| {
                let places = scope.spawn(places_and_levels);
                let lanes = LaneIndex::new(timeline, &visible);
                (lanes, places.join().unwrap_or_else(|_| places_and_levels()))
            });
            self.lanes = lanes;
            self.places = places;
            self.promote = promote;
        }
        self.visible = visible;
        // Dimmed, not hidden: the matches get lanes of their own, so that density strips can
        // show where they are among the rest.
        self.dimming = searching && !state.hide_unmatched;
        self.matched_lanes = (self.dimming && !self.search_waiting)
            .then(|| LaneIndex::new(timeline, &self.search_results));
    }

    /// The view that shows everything.
    pub fn fit_all(&self) -> TimeView {
        TimeView::new(self.limits.0, self.limits.1)
    }

    /// Whether event `index` is drawn at full strength (it matches the search, or nothing is
    /// searched).
    pub fn is_highlighted(&self, index: usize) -> bool {
        !self.dimming || self.matches.get(index).copied().unwrap_or(true)
    }

    /// The position of event `index` among the visible events.
    pub fn position(&self, index: usize) -> Option<usize> {
        self.visible.iter().position(|&v| v == index)
    }
}

/// The fit of events `indices` of `timeline` (see [`crate::timeline::fit`]).
pub fn events_fit(
    timeline: &Timeline,
    indices: impl IntoIterator<Item = usize>,
) -> Option<crate::timeline::fit::Fit> {
    let (starts, ends) = (timeline.starts(), timeline.ends());
    crate::timeline::fit::fit(indices.into_iter().map(|i| crate::timeline::fit::Span {
        start: starts[i],
        end: ends[i],
        key: timeline.events[i].importance == 1,
    }))
}
