//! Where events go in their lanes: importance by zoom, clusters, row packing and density strips.

use super::{RankGrid, TimeView};
use crate::model::date::DAY;
use crate::model::{Seconds, Timeline};

/// The filtered events of each category (lane), in time order, with their start times for
/// binary search. Built once per filter change, never per frame.
///
/// To find what overlaps a window, each lane's events are also split by how long they last
/// (classes growing fourfold, from points to years): within a class the search only has to
/// reach back by that class's longest event, so one long range does not drag a month of short
/// events into every query.
#[derive(Clone, Debug, Default)]
pub struct LaneIndex {
    /// Event indices per lane.
    pub events: Vec<Vec<u32>>,
    starts: Vec<Vec<Seconds>>,
    /// Per lane, a grid over `starts` for counting them in density strips.
    grids: Vec<RankGrid>,
    /// Per lane, the starts of its key, notable and detail events.
    starts_by_importance: Vec<[Vec<Seconds>; 3]>,
    classes: Vec<Vec<Class>>,
    /// Different for every index built, so that what is computed from one can be cached.
    pub generation: u64,
}

/// The events of one lane whose length falls in one class.
#[derive(Clone, Debug, Default)]
struct Class {
    events: Vec<Candidate>,
    starts: Vec<Seconds>,
    longest: Seconds,
}

/// What laying out needs to know of an event, kept beside its start: a lane's events are
/// spread over the whole timeline, and reaching into each one costs a cache miss per event
/// per frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Candidate {
    /// Index into the timeline's events.
    pub index: u32,
    /// Its start, in seconds.
    pub start: Seconds,
    /// Its end, in seconds (see [`crate::model::Event::end_seconds`]).
    pub end: Seconds,
    /// Its importance (1 key, 2 notable, 3 detail).
    pub importance: u8,
    /// Whether its time of day is known.
    pub timed: bool,
    /// Whether it has an end (drawn as a bar when wide enough).
    pub range: bool,
}

/// The bucket of `buckets` intervals of `dt` from `from` that holds `t` (which is in one):
/// the `b` with `from + b * dt <= t < from + (b + 1) * dt`, those bounds computed exactly as
/// [`LaneIndex::counts`] computes them, so that both agree to the last bit.
#[inline]
fn bucket_of(t: Seconds, from: Seconds, dt: Seconds, per_second: f64, buckets: usize) -> usize {
    let mut b = (((t - from) * per_second) as usize).min(buckets - 1);
    // The estimate is at most one off near a bound; farther only with absurd `dt`. (As two
    // loops, the common case compiled to a third of the speed.)
    #[cold]
    #[inline(never)]
    fn settle(t: Seconds, from: Seconds, dt: Seconds, mut b: usize, buckets: usize) -> usize {
        while b > 0 && t < from + b as f64 * dt {
            b -= 1;
        }
        while b + 1 < buckets && t >= from + (b + 1) as f64 * dt {
            b += 1;
        }
        b
    }
    if b > 0 && t < from + b as f64 * dt {
        b -= 1;
        if b > 0 && t < from + b as f64 * dt {
            return settle(t, from, dt, b, buckets);
        }
    } else if b + 1 < buckets && t >= from + (b + 1) as f64 * dt {
        b += 1;
        if b + 1 < buckets && t >= from + (b + 1) as f64 * dt {
            return settle(t, from, dt, b, buckets);
        }
    }
    b
}

/// Upper bounds of the length classes: instants, then up to an hour, and fourfold from there.
const CLASS_BOUNDS: [Seconds; 10] = [
    0.0,
    3_600.0,
    14_400.0,
    DAY,
    4.0 * DAY,
    16.0 * DAY,
    64.0 * DAY,
    256.0 * DAY,
    1024.0 * DAY,
    f64::INFINITY,
];

/// The source of [`LaneIndex::generation`].
static GENERATION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl LaneIndex {
    /// Splits `visible` (time-ordered event indices) into lanes by category.
    pub fn new(timeline: &Timeline, visible: &[usize]) -> Self {
        let lanes = timeline.categories.len();
        let mut index = Self {
            events: vec![Vec::new(); lanes],
            starts: vec![Vec::new(); lanes],
            grids: Vec::new(),
            starts_by_importance: vec![Default::default(); lanes],
            classes: vec![vec![Class::default(); CLASS_BOUNDS.len()]; lanes],
            generation: GENERATION.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        };
        let (starts, ends, categories) = (
            timeline.starts(),
            timeline.ends(),
            timeline.categories_of_events(),
        );
        for &i in visible {
            let lane = usize::from(categories[i]);
            let (start, end) = (starts[i], ends[i]);
            let event = &timeline.events[i];
            let candidate = Candidate {
                index: i as u32,
                start,
                end,
                importance: event.importance,
                timed: event.time.is_some(),
                range: event.is_range(),
            };
            index.events[lane].push(i as u32);
            index.starts[lane].push(start);
            index.starts_by_importance[lane][importance_slot(event.importance)].push(start);
            let length = (end - start).max(0.0);
            let class = CLASS_BOUNDS
                .iter()
                .position(|&bound| length <= bound)
                .unwrap_or(CLASS_BOUNDS.len() - 1);
            let class = &mut index.classes[lane][class];
            class.events.push(candidate);
            class.starts.push(start);
            class.longest = class.longest.max(length);
        }
        index.grids = index.starts.iter().map(|s| RankGrid::new(s)).collect();
        index
    }

    /// Per length class, the positions of the events that may overlap `[from, to]`.
    fn class_ranges(
        &self,
        lane: usize,
        from: Seconds,
        to: Seconds,
    ) -> impl Iterator<Item = (&Class, std::ops::Range<usize>)> {
        self.classes
            .get(lane)
            .into_iter()
            .flatten()
            .map(move |class| {
                let first = class.starts.partition_point(|&s| s < from - class.longest);
                let last = class.starts.partition_point(|&s| s <= to);
                (class, first..last.max(first))
            })
    }

    /// At most this many events of `lane` overlap `[from, to]` (a few may end before `from`).
    pub fn candidate_count(&self, lane: usize, from: Seconds, to: Seconds) -> usize {
        self.class_ranges(lane, from, to)
            .map(|(_, r)| r.len())
            .sum()
    }

    /// The events of `lane` that may overlap `[from, to]`, in time order: all that do, and a
    /// few that end before `from`.
    pub fn candidates(&self, lane: usize, from: Seconds, to: Seconds) -> Vec<u32> {
        self.candidate_events(lane, from, to)
            .into_iter()
            .map(|c| c.index)
            .collect()
    }

    /// [`LaneIndex::candidates`] with what laying them out needs.
    pub fn candidate_events(&self, lane: usize, from: Seconds, to: Seconds) -> Vec<Candidate> {
        let mut found: Vec<Candidate> = Vec::with_capacity(self.candidate_count(lane, from, to));
        for (class, range) in self.class_ranges(lane, from, to) {
            found.extend_from_slice(&class.events[range]);
        }
        // Event indices are in time order.
        found.sort_unstable_by_key(|c| c.index);
        found
    }

    /// How many events of `lane` start in each of `buckets` consecutive intervals of length
    /// `dt` from `from`: a rank per bound, each a lookup in the lane's grid, so the cost grows
    /// with the buckets, not with the events.
    pub fn counts(&self, lane: usize, from: Seconds, dt: Seconds, buckets: usize) -> Vec<u32> {
        let (Some(starts), Some(grid)) = (self.starts.get(lane), self.grids.get(lane)) else {
            return vec![0; buckets];
        };
        let mut before = grid.rank(starts, from);
        let last = grid.rank(starts, from + buckets as f64 * dt);
        // Fewer events than a few per bucket: one pass over them beats a rank per bound.
        if last - before <= 4 * buckets {
            let mut counts = vec![0; buckets];
            let per_second = 1.0 / dt;
            for &start in &starts[before..last] {
                counts[bucket_of(start, from, dt, per_second, buckets)] += 1;
            }
            return counts;
        }
        (0..buckets)
            .map(|b| {
                let next = grid.rank(starts, from + (b + 1) as f64 * dt);
                let count = next.saturating_sub(before);
                before = next;
                u32::try_from(count).unwrap_or(u32::MAX)
            })
            .collect()
    }

    /// The event of `lane` whose start is nearest to `t` (the earlier one on a tie).
    pub fn nearest(&self, lane: usize, t: Seconds) -> Option<usize> {
        let (events, starts) = (self.events.get(lane)?, self.starts.get(lane)?);
        let after = starts.partition_point(|&s| s < t);
        let before = after.checked_sub(1);
        let pick = match (before, starts.get(after)) {
            (Some(b), Some(&next)) if next - t < t - starts[b] => after,
            (Some(b), _) => b,
            (None, Some(_)) => after,
            (None, None) => return None,
        };
        events.get(pick).map(|&i| i as usize)
    }

    /// How many events of `lane` lie wholly before `from` (they end before it) and wholly after
    /// `to` (they start after it): what a view of `[from, to]` leaves off screen at each side.
    /// `ends` are the timeline's event ends, by event index.
    pub fn outside(
        &self,
        lane: usize,
        from: Seconds,
        to: Seconds,
        ends: &[Seconds],
    ) -> (usize, usize) {
        let Some(classes) = self.classes.get(lane) else {
            return (0, 0);
        };
        let mut before = 0;
        for class in classes {
            // Events that start a class's longest length before `from` surely end before it;
            // the few that start closer are checked one by one.
            let sure = class.starts.partition_point(|&s| s < from - class.longest);
            let near = class.starts.partition_point(|&s| s < from);
            before += sure
                + class.events[sure..near]
                    .iter()
                    .filter(|c| ends.get(c.index as usize).is_some_and(|&e| e < from))
                    .count();
        }
        let starts = &self.starts[lane];
        let after = starts.len() - starts.partition_point(|&s| s <= to);
        (before, after)
    }

    /// The event of `lane` nearest `from` among those wholly before it, and the one nearest
    /// `to` among those wholly after it.
    pub fn nearest_outside(
        &self,
        lane: usize,
        from: Seconds,
        to: Seconds,
        ends: &[Seconds],
    ) -> (Option<usize>, Option<usize>) {
        let (Some(events), Some(starts)) = (self.events.get(lane), self.starts.get(lane)) else {
            return (None, None);
        };
        let near = starts.partition_point(|&s| s < from);
        let before = events[..near]
            .iter()
            .rev()
            .find(|&&i| ends.get(i as usize).is_some_and(|&e| e < from))
            .map(|&i| i as usize);
        let after = events
            .get(starts.partition_point(|&s| s <= to))
            .map(|&i| i as usize);
        (before, after)
    }

    /// How many events of `lane` that `view` draws (by their importance, lifted by `promote`)
    /// start in it.
    pub fn drawn_starting(&self, lane: usize, view: &TimeView, promote: u8) -> usize {
        let Some(levels) = self.starts_by_importance.get(lane) else {
            return 0;
        };
        (1..=3u8)
            .filter(|&importance| shown_at(drawn_importance(importance, promote), view))
            .map(|importance| {
                let starts = &levels[importance_slot(importance)];
                starts.partition_point(|&s| s <= view.max())
                    - starts.partition_point(|&s| s < view.min)
            })
            .sum()
    }

    /// How many events of `lane` start in `[from, to)`.
    pub fn count(&self, lane: usize, from: Seconds, to: Seconds) -> usize {
        let starts = &self.starts[lane];
        starts.partition_point(|&s| s < to) - starts.partition_point(|&s| s < from)
    }
}

/// Where an importance's events are kept: key, notable, detail.
fn importance_slot(importance: u8) -> usize {
    usize::from(importance.clamp(1, 3)) - 1
}

/// Importance 2 shows when less than this is in view.
pub const NOTABLE_SPAN: Seconds = 550.0 * DAY;
/// Importance 3 shows when less than this is in view.
pub const DETAIL_SPAN: Seconds = 75.0 * DAY;
/// A lane with more candidates than this in view is drawn as a density strip whatever would
/// fit: laying out more events (most of them ticks) would cost too much in a frame.
pub const DENSITY_THRESHOLD: usize = 1500;

/// Whether an event of this importance is shown at this zoom.
pub fn shown_at(importance: u8, view: &TimeView) -> bool {
    match importance {
        1 => true,
        2 => view.span <= NOTABLE_SPAN,
        _ => view.span <= DETAIL_SPAN,
    }
}

/// The view nearest `view` that shows the event `[a, b]` of `importance`: zoomed in (never
/// out) until that importance is drawn, panned only if the event is off screen or, when it
/// fits, within a tenth of an edge.
pub fn view_showing(view: TimeView, importance: u8, a: f64, b: f64) -> TimeView {
    let centre = (a + b) / 2.0;
    if !shown_at(importance, &view) {
        let most = match importance {
            1 => view.span,
            2 => NOTABLE_SPAN * 0.9,
            _ => DETAIL_SPAN * 0.9,
        };
        let span = ((b - a) * 3.0)
            .clamp(DETAIL_SPAN / 3.0, most)
            .min(view.span);
        return TimeView::new(centre - span / 2.0, centre + span / 2.0);
    }
    let on_screen = b > view.min && a < view.max();
    let margin = view.span * 0.1;
    let fits = b - a <= view.span - 2.0 * margin;
    let near_edge = a < view.min + margin || b > view.max() - margin;
    if !on_screen || (fits && near_edge) {
        if fits {
            return view.pan(centre - (view.min + view.span / 2.0));
        }
        // Longer than the view: its start a tenth in from the left.
        return view.pan(a - margin - view.min);
    }
    view
}

/// One thing drawn in a lane.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// One event: a marker, or a bar for events with an end.
    Event {
        /// Index into the timeline's events.
        index: usize,
        /// Screen extent of its marker or bar.
        x0: f64,
        /// Screen extent of its marker or bar.
        x1: f64,
        /// Whether its title is drawn: beside a marker, or inside a bar.
        labelled: bool,
        /// Drawn as a bar across its time span (events with an end, and days wide enough to
        /// show that the time of day is not known).
        bar: bool,
    },
    /// Several events too close to tell apart at this zoom.
    Cluster {
        /// Indices into the timeline's events.
        members: Vec<usize>,
        /// Screen extent of the badge.
        x0: f64,
        /// Screen extent of the badge.
        x1: f64,
        /// Time span of the members.
        t0: Seconds,
        /// Time span of the members.
        t1: Seconds,
    },
}

impl Item {
    /// Left edge on screen.
    pub fn x0(&self) -> f64 {
        match self {
            Item::Event { x0, .. } | Item::Cluster { x0, .. } => *x0,
        }
    }

    /// Right edge on screen (without label).
    pub fn x1(&self) -> f64 {
        match self {
            Item::Event { x1, .. } | Item::Cluster { x1, .. } => *x1,
        }
    }

    /// How many events it stands for.
    pub fn count(&self) -> usize {
        match self {
            Item::Event { .. } => 1,
            Item::Cluster { members, .. } => members.len(),
        }
    }
}

/// How a lane looks at this zoom.
#[derive(Clone, Debug, PartialEq)]
pub enum LaneLayout {
    /// Items, each in a row.
    Items(Vec<(usize, Item)>),
    /// Too dense: counts per bucket of `bucket` points from the canvas's left edge.
    Density {
        /// Width of one bucket, in points.
        bucket: f64,
        /// Count per bucket.
        counts: Vec<u32>,
    },
}

/// Sizes that packing needs.
#[derive(Clone, Copy, Debug)]
pub struct Metrics {
    /// Marker radius.
    pub radius: f64,
    /// Space kept between items in a row.
    pub gap: f64,
    /// Space between a marker and its label.
    pub label_pad: f64,
    /// Rows a lane may use.
    pub rows: usize,
    /// An event that must stand alone (the selected one): placed first, never clustered.
    pub keep: Option<usize>,
    /// Importance levels to promote: with only notable (or only detail) events filtered in,
    /// they are drawn at every zoom as key events are (see [`promotion`]).
    pub promote: u8,
}

/// How many importance levels to lift, given the most important level among the shown events:
/// none when key events are shown, else enough that the most important shown level is drawn
/// as key events are (filtering to details alone, or an imported file with no key events,
/// never leaves a canvas of ticks).
pub fn promotion(most_important_shown: Option<u8>) -> u8 {
    most_important_shown.map_or(0, |most| most.saturating_sub(1))
}

/// The importance an event is drawn at, after `promote`.
pub fn drawn_importance(importance: u8, promote: u8) -> u8 {
    importance.saturating_sub(promote).max(1)
}

/// Lays out one lane for the canvas `[left, left + width)` on screen. `label_width(index)` measures an
/// event's title; it is only called for events that might get a label.
pub fn layout_lane(
    timeline: &Timeline,
    lanes: &LaneIndex,
    lane: usize,
    view: &TimeView,
    (left, width): (f64, f64),
    metrics: Metrics,
    label_width: &mut dyn FnMut(usize) -> f64,
) -> LaneLayout {
    if is_dense(lanes, lane, view, width, &metrics) {
        return density(lanes, lane, view, width, 2.0);
    }
    LaneLayout::Items(layout_items(
        timeline,
        lanes,
        lane,
        view,
        (left, width),
        metrics,
        label_width,
        &mut Vec::new(),
    ))
}

/// Whether a lane has too many events in view to draw one by one, for a canvas `width` points
/// wide: more of the events this zoom draws start in view than would fill half the markers
/// that fit side by side in its rows, or more candidates than a frame can lay out. The one
/// place this is decided.
///
/// Half, because events fall where they happened, not evenly spaced: at half the slots about
/// one event in four is already only a count on a cluster badge, at three quarters two in
/// five, and a density strip shows where they are more truly, at a fraction of the cost (the
/// test `past_half_the_slots_many_events_are_only_counts` measures this).
pub fn is_dense(
    lanes: &LaneIndex,
    lane: usize,
    view: &TimeView,
    width: f64,
    metrics: &Metrics,
) -> bool {
    lanes.candidate_count(lane, view.min, view.max()) > DENSITY_THRESHOLD
        || lanes.drawn_starting(lane, view, metrics.promote) as f64
            > marker_slots(width, metrics) / 2.0
}

/// How many markers fit side by side in a lane's rows across `width` points.
pub fn marker_slots(width: f64, metrics: &Metrics) -> f64 {
    metrics.rows.max(1) as f64 * width.max(0.0) / (2.0 * metrics.radius + metrics.gap).max(1.0)
}

/// The items of a lane that [`is_dense`] says can be drawn one by one. The events in view
/// that this zoom does not draw because of their importance go to `hidden`, so that the canvas
/// can leave a trace of each (found in the same pass over the candidates).
#[allow(clippy::too_many_arguments)]
pub fn layout_items(
    timeline: &Timeline,
    lanes: &LaneIndex,
    lane: usize,
    view: &TimeView,
    (left, width): (f64, f64),
    metrics: Metrics,
    label_width: &mut dyn FnMut(usize) -> f64,
    hidden: &mut Vec<usize>,
) -> Vec<(usize, Item)> {
    let r = metrics.radius;
    // Candidates: shown at this zoom, with their screen extent.
    let mut candidates: Vec<(usize, f64, f64, bool)> = Vec::new();
    // From the lane index, not the events: their dates would be converted to times (the
    // most of a zoom frame once) and each event read is a cache miss.
    let found = lanes.candidate_events(lane, view.min, view.max());
    candidates.reserve(found.len());
    for c in found {
        let (i, t0, t1) = (c.index, c.start, c.end);
        if t1 < view.min || t0 > view.max() {
            continue;
        }
        if !shown_at(drawn_importance(c.importance, metrics.promote), view) {
            hidden.push(i as usize);
            continue;
        }
        let x0 = view.screen_from_time(t0, left, width);
        let x1 = view.screen_from_time(t1, left, width);
        let wide_day = !c.timed && x1 - x0 > 12.0 * r;
        if (c.range && x1 - x0 > 2.0 * r) || wide_day {
            candidates.push((i as usize, x0, x1, true));
        } else {
            // A point: centred on its day (or its time).
            let x = if c.timed { x0 } else { (x0 + x1) / 2.0 };
            candidates.push((i as usize, x - r, x + r, false));
        }
    }
    candidates.sort_by(|a, b| a.1.total_cmp(&b.1));
    // The selected event is packed like the others when that leaves it alone and labelled, so
    // that selecting does not reorder the rows; only otherwise does it go first, in row 0.
    if let Some(keep) = metrics.keep {
        let unkept = Metrics {
            keep: None,
            ..metrics
        };
        let plain = pack(
            timeline,
            candidates.clone(),
            unkept,
            left,
            width,
            label_width,
        );
        let alone = plain.iter().any(
            |(_, item)| matches!(item, Item::Event { index, labelled: true, .. } if *index == keep),
        );
        if alone || candidates.iter().all(|c| c.0 != keep) {
            return plain;
        }
    }
    pack(timeline, candidates, metrics, left, width, label_width)
}

/// Packs a lane's candidates (index, screen extent, drawn as a bar), sorted by their left
/// edge, into rows: each alone with its label where there is room, else unlabelled, else in a
/// cluster.
fn pack(
    timeline: &Timeline,
    mut candidates: Vec<(usize, f64, f64, bool)>,
    metrics: Metrics,
    left: f64,
    width: f64,
    label_width: &mut dyn FnMut(usize) -> f64,
) -> Vec<(usize, Item)> {
    let r = metrics.radius;
    let rows = metrics.rows.max(1);
    let mut row_end = vec![f64::NEG_INFINITY; rows];
    let mut placed: Vec<(usize, Item)> = Vec::new();
    // The last item placed in each row, by position in `placed`.
    let mut last_in_row: Vec<Option<usize>> = vec![None; rows];
    // The kept event goes first, in row 0, with its label; the rest pack around it.
    let kept_position = metrics.keep.and_then(|keep| {
        let at = candidates.iter().position(|c| c.0 == keep)?;
        let (index, x0, x1, bar) = candidates.remove(at);
        let label_end = x1 + metrics.label_pad + label_width(index);
        row_end[0] = if bar { x1 } else { label_end };
        last_in_row[0] = Some(0);
        placed.push((
            0,
            Item::Event {
                index,
                x0,
                x1,
                labelled: true,
                bar,
            },
        ));
        Some(0)
    });
    for (index, x0, x1, bar) in candidates {
        // A marker claims its label's room too; a bar carries its label inside.
        let mut claim = |row: usize,
                         row_end: &mut [f64],
                         last_in_row: &mut [Option<usize>],
                         placed: &mut Vec<(usize, Item)>| {
            let label_end = x1 + metrics.label_pad + label_width(index);
            let labelled = bar || label_end <= left + width + 200.0;
            row_end[row] = if labelled && !bar { label_end } else { x1 };
            last_in_row[row] = Some(placed.len());
            placed.push((
                row,
                Item::Event {
                    index,
                    x0,
                    x1,
                    labelled,
                    bar,
                },
            ));
        };
        if let Some(row) = row_end.iter().position(|&end| end + metrics.gap <= x0) {
            claim(row, &mut row_end, &mut last_in_row, &mut placed);
            continue;
        }
        // No row has room with the labels as they are: a label yields to a marker. Take the
        // row whose last item, without its label, ends earliest and still leaves room.
        // The kept event keeps its label.
        let yielding = (0..rows)
            .filter(|&row| kept_position.is_none() || last_in_row[row] != kept_position)
            .filter_map(|row| match &placed[last_in_row[row]?].1 {
                Item::Event {
                    x1: last_x1,
                    labelled: true,
                    bar: false,
                    ..
                } if last_x1 + metrics.gap <= x0 => Some((row, *last_x1)),
                _ => None,
            })
            .min_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((row, _)) = yielding {
            if let Some(Item::Event { labelled, .. }) = last_in_row[row].map(|p| &mut placed[p].1) {
                *labelled = false;
            }
            claim(row, &mut row_end, &mut last_in_row, &mut placed);
            continue;
        }
        // Markers truly overlap in every row: join the cluster (or start one) with the nearest last item.
        let row = (0..rows)
            .filter(|&r| kept_position.is_none() || last_in_row[r] != kept_position)
            .min_by(|&a, &b| row_end[a].total_cmp(&row_end[b]));
        let Some(position) = row.and_then(|row| last_in_row[row]) else {
            // Only the kept event's row is left: draw this one unlabelled beside it.
            placed.push((
                0,
                Item::Event {
                    index,
                    x0,
                    x1,
                    labelled: false,
                    bar,
                },
            ));
            continue;
        };
        let row = row.unwrap_or(0);
        let (starts, ends) = (timeline.starts(), timeline.ends());
        let (t0, t1) = (starts[index], ends[index]);
        let item = &mut placed[position].1;
        let merged = match item {
            Item::Event {
                index: first,
                x0: fx0,
                x1: fx1,
                ..
            } => Item::Cluster {
                members: vec![*first, index],
                x0: fx0.min(x0),
                x1: fx1.max(x1),
                t0: starts[*first].min(t0),
                t1: ends[*first].max(t1),
            },
            Item::Cluster {
                members,
                x0: cx0,
                x1: cx1,
                t0: ct0,
                t1: ct1,
            } => {
                members.push(index);
                Item::Cluster {
                    members: std::mem::take(members),
                    x0: cx0.min(x0),
                    x1: cx1.max(x1),
                    t0: ct0.min(t0),
                    t1: ct1.max(t1),
                }
            }
        };
        // A cluster badge needs room for its count.
        let x1_badge = merged.x1().max(merged.x0() + 3.0 * r);
        let merged = match merged {
            Item::Cluster {
                members,
                x0,
                t0,
                t1,
                ..
            } => Item::Cluster {
                members,
                x0,
                x1: x1_badge,
                t0,
                t1,
            },
            other => other,
        };
        row_end[row] = row_end[row].max(merged.x1());
        *item = merged;
    }
    placed
}

/// Counts per bucket of `bucket` points across the width.
pub fn density(
    lanes: &LaneIndex,
    lane: usize,
    view: &TimeView,
    width: f64,
    bucket: f64,
) -> LaneLayout {
    let buckets = (width / bucket).ceil().max(1.0) as usize;
    let dt = view.span * bucket / width.max(1.0);
    let counts = lanes.counts(lane, view.min, dt, buckets);
    LaneLayout::Density { bucket, counts }
}

#[cfg(test)]
mod view_showing_tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn showing_an_event_never_zooms_out_and_shows_it(
            min in 1.5e9f64..1.7e9, span in 3600.0f64..4e8, importance in 1u8..=3,
            offset in -5e8f64..5e8, length in 0.0f64..1e8,
        ) {
            let view = TimeView { min, span };
            let a = min + offset;
            let b = a + length.max(3600.0);
            let next = view_showing(view, importance, a, b);
            prop_assert!(next.span <= view.span * (1.0 + 1e-9), "zoomed out: {view:?} -> {next:?}");
            prop_assert!(b > next.min && a < next.max(), "not shown: {a}..{b} in {next:?}");
            prop_assert!(shown_at(importance, &next));
            // Already on screen, drawn, and clear of the edges: nothing moves.
            let margin = view.span * 0.1;
            if shown_at(importance, &view) && a >= view.min + margin && b <= view.max() - margin {
                prop_assert_eq!(next, view);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Assets, load_str};
    use proptest::prelude::*;

    fn timeline(days: &[(u32, u8, Option<u32>)]) -> Timeline {
        let events: Vec<String> = days
            .iter()
            .enumerate()
            .map(|(i, (day, importance, end))| {
                let start = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Duration::days(i64::from(*day));
                let end = end
                    .map(|e| format!(r#"end: "{}","#, start + chrono::Duration::days(i64::from(e))))
                    .unwrap_or_default();
                format!(
                    r#"Event(id: "e{i}", start: "{start}", {end} category: "c", importance: {importance}, title: {{"en": "Event {i}"}}, summary: {{"en": "s"}}, sources: [Source(title: "t", publisher: "p", url: "https://example.org/")]),"#
                )
            })
            .collect();
        let text = format!(
            r##"Timeline(title: {{"en": "T"}}, categories: [Category(id: "c", name: {{"en": "C"}}, colour: "#ffffff")], events: [{}])"##,
            events.join("\n")
        );
        load_str(&text, "t.ron", &Assets::Embedded(&[])).unwrap()
    }

    const METRICS: Metrics = Metrics {
        radius: 5.0,
        gap: 2.0,
        label_pad: 4.0,
        rows: 3,
        keep: None,
        promote: 0,
    };

    #[test]
    fn filtering_to_lower_levels_draws_them_as_key_events() {
        assert_eq!(promotion(None), 0);
        assert_eq!(promotion(Some(1)), 0);
        assert_eq!(promotion(Some(2)), 1);
        assert_eq!(promotion(Some(3)), 2);
        assert_eq!(drawn_importance(3, 2), 1);
        assert_eq!(drawn_importance(3, 1), 2);
        assert_eq!(drawn_importance(1, 2), 1);
        // Details alone, seen over the whole period: drawn, none left as ticks.
        let timeline = timeline(&[(0, 3, None), (200, 3, None), (400, 3, None)]);
        let lanes = LaneIndex::new(&timeline, &[0, 1, 2]);
        let first = timeline.events[0].start_seconds();
        let view = TimeView::new(first - 10.0 * DAY, first + 420.0 * DAY);
        let promoted = Metrics {
            promote: 2,
            ..METRICS
        };
        let mut hidden = Vec::new();
        let items = layout_items(
            &timeline,
            &lanes,
            0,
            &view,
            (0.0, 1000.0),
            promoted,
            &mut |_| 40.0,
            &mut hidden,
        );
        assert_eq!(items.len(), 3);
        assert!(hidden.is_empty());
        let items = layout_items(
            &timeline,
            &lanes,
            0,
            &view,
            (0.0, 1000.0),
            METRICS,
            &mut |_| 40.0,
            &mut hidden,
        );
        assert!(items.is_empty() && hidden.len() == 3);
    }

    #[test]
    fn the_nearest_event_is_found_on_either_side() {
        let timeline = timeline(&[(0, 1, None), (10, 1, None), (20, 1, None)]);
        let lanes = LaneIndex::new(&timeline, &[0, 1, 2]);
        let at = |day: f64| timeline.events[0].start_seconds() + day * DAY;
        assert_eq!(lanes.nearest(0, at(-5.0)), Some(0));
        assert_eq!(lanes.nearest(0, at(4.0)), Some(0));
        assert_eq!(lanes.nearest(0, at(6.0)), Some(1));
        assert_eq!(lanes.nearest(0, at(15.0)), Some(1));
        assert_eq!(lanes.nearest(0, at(99.0)), Some(2));
        assert_eq!(LaneIndex::new(&timeline, &[]).nearest(0, at(0.0)), None);
        assert_eq!(lanes.nearest(7, at(0.0)), None);
    }

    proptest! {
        #[test]
        fn the_events_outside_a_view_are_counted_exactly(
            days in prop::collection::vec((0u32..400, 1u8..=3, prop::option::of(0u32..200)), 1..200),
            from in -50.0f64..450.0, span_days in 0.001f64..100.0,
        ) {
            let timeline = timeline(&days);
            let visible: Vec<usize> = (0..timeline.events.len()).collect();
            let lanes = LaneIndex::new(&timeline, &visible);
            let origin = crate::model::date::seconds_from_date(chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap());
            let (a, b) = (origin + from * DAY, origin + (from + span_days) * DAY);
            let ends = timeline.ends();
            let before: Vec<usize> = visible.iter().copied().filter(|&i| ends[i] < a).collect();
            let after: Vec<usize> = visible.iter().copied().filter(|&i| timeline.events[i].start_seconds() > b).collect();
            prop_assert_eq!(lanes.outside(0, a, b, ends), (before.len(), after.len()));
            let (near_before, near_after) = lanes.nearest_outside(0, a, b, ends);
            prop_assert_eq!(near_before, before.iter().copied().max_by(|&x, &y| {
                timeline.events[x].start_seconds().total_cmp(&timeline.events[y].start_seconds()).then(x.cmp(&y))
            }));
            prop_assert_eq!(near_after, after.first().copied());
        }

        #[test]
        fn candidates_hold_every_overlapping_event_in_time_order(
            days in prop::collection::vec((0u32..400, 1u8..=3, prop::option::of(0u32..200)), 1..300),
            from in -50.0f64..450.0, span_days in 0.001f64..100.0,
        ) {
            let timeline = timeline(&days);
            let visible: Vec<usize> = (0..timeline.events.len()).collect();
            let lanes = LaneIndex::new(&timeline, &visible);
            let origin = crate::model::date::seconds_from_date(chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap());
            let (from, to) = (origin + from * DAY, origin + (from + span_days) * DAY);
            let candidates = lanes.candidates(0, from, to);
            prop_assert_eq!(candidates.len(), lanes.candidate_count(0, from, to));
            prop_assert!(candidates.windows(2).all(|w| w[0] < w[1]));
            for (i, event) in timeline.events.iter().enumerate() {
                if event.end_seconds() >= from && event.start_seconds() <= to {
                    prop_assert!(candidates.contains(&(i as u32)), "event {} overlaps but is missing", i);
                }
            }
        }

        #[test]
        fn drawn_starts_are_counted_exactly(
            days in prop::collection::vec((0u32..400, 1u8..=3, prop::option::of(0u32..200)), 1..200),
            from in -50.0f64..450.0, span_days in 0.1f64..800.0, promote in 0u8..=2,
        ) {
            let timeline = timeline(&days);
            let visible: Vec<usize> = (0..timeline.events.len()).collect();
            let lanes = LaneIndex::new(&timeline, &visible);
            let origin = crate::model::date::seconds_from_date(chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap());
            let view = TimeView { min: origin + from * DAY, span: span_days * DAY };
            let scanned = timeline.events.iter().filter(|e| {
                shown_at(drawn_importance(e.importance, promote), &view)
                    && (view.min..=view.max()).contains(&e.start_seconds())
            }).count();
            prop_assert_eq!(lanes.drawn_starting(0, &view, promote), scanned);
        }

        #[test]
        fn counts_in_one_pass_equal_counts_one_by_one(
            days in prop::collection::vec((0u32..400, 1u8..=3, prop::option::of(0u32..10)), 1..300),
            from in -50.0f64..450.0, dt_days in 0.01f64..30.0, buckets in 1usize..400,
        ) {
            let timeline = timeline(&days);
            let visible: Vec<usize> = (0..timeline.events.len()).collect();
            let lanes = LaneIndex::new(&timeline, &visible);
            let origin = crate::model::date::seconds_from_date(chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap());
            let (from, dt) = (origin + from * DAY, dt_days * DAY);
            let counts = lanes.counts(0, from, dt, buckets);
            prop_assert_eq!(counts.len(), buckets);
            let mut at = from;
            for (b, &count) in counts.iter().enumerate() {
                let to = from + (b + 1) as f64 * dt;
                prop_assert_eq!(count as usize, lanes.count(0, at, to), "bucket {}", b);
                at = to;
            }
        }

        #[test]
        fn the_kept_event_always_stands_alone(
            days in prop::collection::vec((0u32..60, 1u8..=1, prop::option::of(0u32..10)), 2..150),
            pick in 0usize..150, rows in 1usize..4,
        ) {
            let timeline = timeline(&days);
            let visible: Vec<usize> = (0..timeline.events.len()).collect();
            let lanes = LaneIndex::new(&timeline, &visible);
            let (a, b) = timeline.span().unwrap();
            let view = TimeView::new(a, b);
            let keep = pick % timeline.events.len();
            let metrics = Metrics { rows, keep: Some(keep), ..METRICS };
            let LaneLayout::Items(items) = layout_lane(&timeline, &lanes, 0, &view, (0.0, 600.0), metrics, &mut |_| 80.0) else {
                return Ok(());
            };
            let alone = items.iter().any(|(_, item)| matches!(item, Item::Event { index, labelled: true, .. } if *index == keep));
            prop_assert!(alone, "the kept event is inside a cluster or lost its label");
            let drawn: usize = items.iter().map(|(_, item)| item.count()).sum();
            prop_assert_eq!(drawn, timeline.events.len());
        }

        #[test]
        fn rows_never_overlap_and_every_event_is_drawn_once(
            days in prop::collection::vec((0u32..700, 1u8..=3, prop::option::of(0u32..40)), 1..120),
            from in 0.0f64..600.0, span_days in 1.0f64..800.0, width in 200.0f64..1800.0,
        ) {
            let timeline = timeline(&days);
            let visible: Vec<usize> = (0..timeline.events.len()).collect();
            let lanes = LaneIndex::new(&timeline, &visible);
            let origin = crate::model::date::seconds_from_date(chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap());
            let view = TimeView { min: origin + from * DAY, span: span_days * DAY };
            let label = |i: usize| 40.0 + (i % 7) as f64 * 10.0;
            let LaneLayout::Items(items) = layout_lane(&timeline, &lanes, 0, &view, (0.0, width), METRICS, &mut |i| label(i)) else {
                return Ok(());
            };
            // Every event that is shown and in view appears exactly once.
            let mut drawn: Vec<usize> = items.iter().flat_map(|(_, item)| match item {
                Item::Event { index, .. } => vec![*index],
                Item::Cluster { members, .. } => members.clone(),
            }).collect();
            drawn.sort_unstable();
            let mut expected: Vec<usize> = timeline.events.iter().enumerate()
                .filter(|(_, e)| shown_at(e.importance, &view) && e.end_seconds() >= view.min && e.start_seconds() <= view.max())
                .map(|(i, _)| i).collect();
            expected.sort_unstable();
            prop_assert_eq!(drawn, expected);
            // Within a row, extents (with labels) never overlap.
            for row in 0..METRICS.rows {
                let mut extents: Vec<(f64, f64)> = items.iter().filter(|(r, _)| *r == row).map(|(_, item)| {
                    let end = match item {
                        Item::Event { index, x1, labelled: true, bar: false, .. } => x1 + METRICS.label_pad + label(*index),
                        other => other.x1(),
                    };
                    (item.x0(), end)
                }).collect();
                extents.sort_by(|a, b| a.0.total_cmp(&b.0));
                for pair in extents.windows(2) {
                    prop_assert!(pair[0].1 <= pair[1].0 + 1e-9, "{:?}", pair);
                }
            }
        }
    }

    /// The share of a lane's events that [`layout_items`] keeps alone (not in a cluster) when
    /// they fill `fill` of its marker slots, at random days over a year or so, averaged over
    /// several seeds.
    fn share_alone(fill: f64) -> f64 {
        let metrics = Metrics {
            radius: 5.5,
            gap: 3.0,
            label_pad: 5.0,
            rows: 3,
            keep: None,
            promote: 0,
        };
        let width = 1170.0;
        let n = (fill * marker_slots(width, &metrics)) as usize;
        let mut shares = Vec::new();
        for seed in 1..=8u64 {
            let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15);
            let mut next = move || {
                state ^= state.wrapping_shl(13);
                state ^= state >> 7;
                state ^= state.wrapping_shl(17);
                state
            };
            let days: Vec<(u32, u8, Option<u32>)> =
                (0..n).map(|_| ((next() % 400) as u32, 1, None)).collect();
            let timeline = timeline(&days);
            let visible: Vec<usize> = (0..timeline.events.len()).collect();
            let lanes = LaneIndex::new(&timeline, &visible);
            let (a, b) = timeline.span().unwrap();
            let items = layout_items(
                &timeline,
                &lanes,
                0,
                &TimeView::new(a, b),
                (0.0, width),
                metrics,
                &mut |_| 60.0,
                &mut Vec::new(),
            );
            let alone = items
                .iter()
                .filter(|(_, item)| matches!(item, Item::Event { .. }))
                .count();
            shares.push(alone as f64 / n as f64);
        }
        shares.iter().sum::<f64>() / shares.len() as f64
    }

    #[test]
    fn past_half_the_slots_many_events_are_only_counts() {
        let shares: Vec<(f64, f64)> = [0.25, 0.5, 0.75, 1.0]
            .into_iter()
            .map(|fill| (fill, share_alone(fill)))
            .collect();
        // A quarter full: nearly all alone. Half: about three in four. Beyond: far fewer.
        assert!(shares[0].1 > 0.9, "{shares:?}");
        assert!((0.7..0.85).contains(&shares[1].1), "{shares:?}");
        assert!(shares[2].1 < 0.65, "{shares:?}");
        assert!(shares[3].1 < 0.55, "{shares:?}");
    }

    #[test]
    fn a_lane_is_dense_when_its_markers_would_fill_half_its_rows() {
        // 300 key events: at 1200 points, three rows hold 3 * 1200 / 12 = 300 markers.
        let days: Vec<(u32, u8, Option<u32>)> = (0..300).map(|i| (i % 30, 1, None)).collect();
        let timeline = timeline(&days);
        let visible: Vec<usize> = (0..timeline.events.len()).collect();
        let lanes = LaneIndex::new(&timeline, &visible);
        let (a, b) = timeline.span().unwrap();
        let view = TimeView::new(a, b);
        assert_eq!(marker_slots(1200.0, &METRICS), 300.0);
        assert!(is_dense(&lanes, 0, &view, 1200.0, &METRICS));
        // Twice as wide: they fill half the slots, and are drawn one by one.
        assert!(!is_dense(&lanes, 0, &view, 2400.0, &METRICS));
        let layout = layout_lane(
            &timeline,
            &lanes,
            0,
            &view,
            (0.0, 1200.0),
            METRICS,
            &mut |_| 50.0,
        );
        let LaneLayout::Density { counts, .. } = layout else {
            panic!("expected density")
        };
        assert_eq!(counts.iter().map(|&c| c as usize).sum::<usize>(), 300);
    }

    #[test]
    fn dense_lanes_become_density_strips() {
        let days: Vec<(u32, u8, Option<u32>)> = (0..2000).map(|i| (i % 300, 1, None)).collect();
        let timeline = timeline(&days);
        let visible: Vec<usize> = (0..timeline.events.len()).collect();
        let lanes = LaneIndex::new(&timeline, &visible);
        let (a, b) = timeline.span().unwrap();
        let view = TimeView::new(a, b);
        let layout = layout_lane(
            &timeline,
            &lanes,
            0,
            &view,
            (0.0, 1000.0),
            METRICS,
            &mut |_| 50.0,
        );
        let LaneLayout::Density { counts, .. } = layout else {
            panic!("expected density")
        };
        assert_eq!(counts.iter().map(|&c| c as usize).sum::<usize>(), 2000);
    }
}
