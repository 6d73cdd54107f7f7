//! How many shown events each place has in a time range: per place and category, the start
//! times of the shown events, sorted, so that a range costs two binary searches per list and
//! not a pass over the events.

use crate::model::{Seconds, Timeline};

/// The shown events of each place, by category, ready to count over any time range.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlaceCounts {
    /// `[place][category]`: start times, sorted.
    starts: Vec<Vec<Vec<Seconds>>>,
}

/// One place's count over a range.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlaceCount {
    /// The place's index in [`Timeline::places`].
    pub place: u32,
    /// Events in the range.
    pub total: usize,
    /// Of those, per category (indexed like [`Timeline::categories`]).
    pub by_category: Vec<usize>,
}

impl PlaceCounts {
    /// Indexes the events `shown` (in time order, as [`crate::query::Compiled::apply`] gives
    /// them) by place and category.
    pub fn new(timeline: &Timeline, shown: &[usize]) -> Self {
        let categories = timeline.categories.len();
        let mut starts = vec![vec![Vec::new(); categories]; timeline.places.len()];
        let event_starts = timeline.starts();
        let event_categories = timeline.categories_of_events();
        for &index in shown {
            let category = usize::from(event_categories[index]);
            for &place in timeline.events[index].places() {
                if let Some(list) = starts
                    .get_mut(place as usize)
                    .and_then(|p| p.get_mut(category))
                {
                    list.push(event_starts[index]);
                }
            }
        }
        // Already in order when `shown` is; a caller's other order is put right.
        for list in starts.iter_mut().flatten() {
            if !list.is_sorted() {
                list.sort_by(f64::total_cmp);
            }
        }
        Self { starts }
    }

    /// How many shown events of `place` start in `[from, to)`.
    pub fn count(&self, place: u32, from: Seconds, to: Seconds) -> usize {
        self.starts
            .get(place as usize)
            .map_or(0, |lists| lists.iter().map(|l| count_in(l, from, to)).sum())
    }

    /// Every place with shown events starting in `[from, to)`, with its counts by category.
    pub fn in_range(&self, from: Seconds, to: Seconds) -> Vec<PlaceCount> {
        self.starts
            .iter()
            .enumerate()
            .filter_map(|(place, lists)| {
                let by_category: Vec<usize> = lists.iter().map(|l| count_in(l, from, to)).collect();
                let total = by_category.iter().sum();
                (total > 0).then_some(PlaceCount {
                    place: place as u32,
                    total,
                    by_category,
                })
            })
            .collect()
    }
}

/// How many of the sorted `starts` lie in `[from, to)`.
fn count_in(starts: &[Seconds], from: Seconds, to: Seconds) -> usize {
    let first = starts.partition_point(|&s| s < from);
    let last = starts.partition_point(|&s| s < to);
    last.saturating_sub(first)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::query::{Filter, IndexCell};
    use proptest::prelude::*;

    fn timeline() -> &'static Timeline {
        static TIMELINE: std::sync::OnceLock<Timeline> = std::sync::OnceLock::new();
        TIMELINE.get_or_init(|| crate::model::load_bundled().expect("the bundled file loads"))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn counts_per_place_are_the_filters_counts(
            categories in proptest::collection::btree_set(0usize..8, 0..3),
            importance in proptest::collection::btree_set(1u8..=3, 0..2),
            from in 1.45e9f64..1.65e9,
            days in 1.0f64..1500.0,
        ) {
            let timeline = timeline();
            let filter = Filter {
                categories: categories
                    .iter()
                    .filter_map(|&c| timeline.categories.get(c).map(|c| c.id.clone()))
                    .collect::<BTreeSet<_>>(),
                importance,
                ..Filter::default()
            };
            let shown = filter
                .compile(timeline, &IndexCell::default())
                .expect("known ids")
                .apply();
            let counts = PlaceCounts::new(timeline, &shown);
            let to = from + days * 86_400.0;
            let listed = counts.in_range(from, to);
            for place in 0..timeline.places.len() as u32 {
                let expected = shown
                    .iter()
                    .filter(|&&i| {
                        let event = &timeline.events[i];
                        event.places().contains(&place)
                            && (from..to).contains(&event.start_seconds())
                    })
                    .count();
                prop_assert_eq!(counts.count(place, from, to), expected);
                let in_list = listed.iter().find(|c| c.place == place);
                prop_assert_eq!(in_list.map_or(0, |c| c.total), expected);
                if let Some(c) = in_list {
                    prop_assert_eq!(c.by_category.iter().sum::<usize>(), c.total);
                }
            }
        }
    }

    #[test]
    fn minsk_has_most_events_in_august_2020() {
        let timeline = timeline();
        let all: Vec<usize> = (0..timeline.events.len()).collect();
        let counts = PlaceCounts::new(timeline, &all);
        let day = |d: u32| {
            crate::model::date::seconds_from_date(
                chrono::NaiveDate::from_ymd_opt(2020, 8, d).expect("a day"),
            )
        };
        let august = counts.in_range(day(1), day(31) + 86_400.0);
        let top = august
            .iter()
            .max_by_key(|c| c.total)
            .expect("events in August");
        assert_eq!(timeline.places[top.place as usize].id, "minsk");
        assert!(august.len() > 3, "the protests reached other towns");
        assert_eq!(counts.count(top.place, day(1), day(1)), 0, "an empty range");
    }
}
