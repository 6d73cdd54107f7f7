//! Which range "All" shows: every event, or, when a few early events stretch the range over
//! mostly empty years, the dense part (the canvas counts the rest at its edge).

use crate::model::Seconds;
use crate::model::date::DAY;

use super::TimeView;

/// The events a fit is for, as (start, end, is a key event).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Span {
    /// Start, in seconds.
    pub start: Seconds,
    /// End, in seconds (the start for an instant).
    pub end: Seconds,
    /// Importance 1: the events the story is about.
    pub key: bool,
}

/// The two ranges a fit chooses between.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fit {
    /// Every event, with a small margin.
    pub whole: TimeView,
    /// From the first key event to the last event, when the events before it are few and
    /// would take much of the width; else the same as `whole`.
    pub dense: TimeView,
}

/// At most this share of the events may be left to the edge counts…
const MOST_LEFT_OUT: f64 = 0.05;
/// …and only if they would take at least this share of the width.
const LEAST_WIDTH_SAVED: f64 = 0.2;

/// The fit of `spans` (in any order); `None` without events.
pub fn fit(spans: impl IntoIterator<Item = Span>) -> Option<Fit> {
    let mut first = f64::INFINITY;
    let mut last = f64::NEG_INFINITY;
    let mut first_key = f64::INFINITY;
    let mut starts = Vec::new();
    for span in spans {
        first = first.min(span.start);
        last = last.max(span.end.max(span.start));
        if span.key {
            first_key = first_key.min(span.start);
        }
        starts.push(span.start);
    }
    if starts.is_empty() {
        return None;
    }
    let whole = with_margin(first, last);
    let before_key = starts.iter().filter(|&&s| s < first_key).count();
    let whole_span = (last - first).max(DAY);
    let dense = if first_key.is_finite()
        && before_key > 0
        && (before_key as f64) <= (starts.len() as f64 * MOST_LEFT_OUT).max(1.0)
        && (first_key - first) / whole_span >= LEAST_WIDTH_SAVED
    {
        with_margin(first_key, last)
    } else {
        whole
    };
    Some(Fit { whole, dense })
}

/// `[a, b]` with 3 % (at least a day) either side.
fn with_margin(a: Seconds, b: Seconds) -> TimeView {
    let margin = ((b - a) * 0.03).max(DAY);
    TimeView::new(a - margin, b + margin)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn span(day: f64, key: bool) -> Span {
        Span {
            start: day * DAY,
            end: day * DAY,
            key,
        }
    }

    #[test]
    fn a_sparse_head_is_left_to_the_edge() {
        // Four context events over three years, then a hundred events in one year.
        let mut spans = vec![
            span(0.0, false),
            span(400.0, false),
            span(800.0, false),
            span(1000.0, false),
        ];
        spans.extend((0..100).map(|i| span(1100.0 + f64::from(i) * 3.0, i % 10 == 0)));
        let fit = fit(spans).unwrap();
        assert!(fit.whole.min < 0.0);
        assert!(fit.dense.min > 1000.0 * DAY && fit.dense.min < 1100.0 * DAY);
        let last = (1100.0 + 99.0 * 3.0) * DAY;
        assert!(fit.dense.max() > last && fit.whole.max() > last);
    }

    #[test]
    fn many_early_events_are_not_left_out() {
        let mut spans: Vec<Span> = (0..50).map(|i| span(f64::from(i) * 20.0, false)).collect();
        spans.extend((0..50).map(|i| span(1100.0 + f64::from(i), true)));
        let fit = fit(spans).unwrap();
        assert_eq!(fit.dense, fit.whole);
    }

    #[test]
    fn without_key_events_everything_is_fitted() {
        let spans: Vec<Span> = (0..30).map(|i| span(f64::from(i * i), false)).collect();
        let fit = fit(spans).unwrap();
        assert_eq!(fit.dense, fit.whole);
        assert!(super::fit(Vec::new()).is_none());
    }

    proptest! {
        #[test]
        fn the_dense_fit_shows_every_key_event_and_the_last_one(
            days in proptest::collection::vec((0.0f64..5000.0, 0.0f64..30.0, any::<bool>()), 1..200)
        ) {
            let spans: Vec<Span> = days
                .iter()
                .map(|&(d, len, key)| Span { start: d * DAY, end: (d + len) * DAY, key })
                .collect();
            let fit = fit(spans.iter().copied()).unwrap();
            let left_out = spans.iter().filter(|s| s.end < fit.dense.min).count();
            prop_assert!(left_out as f64 <= (spans.len() as f64 * MOST_LEFT_OUT).max(1.0));
            for s in &spans {
                prop_assert!(s.start >= fit.whole.min && s.end <= fit.whole.max());
                if s.key {
                    prop_assert!(s.start >= fit.dense.min);
                }
                prop_assert!(s.end <= fit.dense.max());
            }
            prop_assert!(fit.dense.span <= fit.whole.span);
        }
    }
}
