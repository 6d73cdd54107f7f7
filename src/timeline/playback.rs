//! Playback: the visible window sweeps forward through time at a chosen speed, so that a map
//! shows events spreading and fading. Pure: the app asks where the window is after a moment.

use crate::model::Seconds;
use crate::model::date::DAY;

use super::TimeView;

/// The speeds offered, in data seconds per real second, with their message ids.
pub const SPEEDS: [(Seconds, &str); 5] = [
    (DAY, "play-speed-day"),
    (3.0 * DAY, "play-speed-3days"),
    (7.0 * DAY, "play-speed-week"),
    (14.0 * DAY, "play-speed-2weeks"),
    (30.0 * DAY, "play-speed-month"),
];

/// The speed a fresh start plays at: a day per second.
pub const DEFAULT_SPEED: usize = 0;

/// The speed at `index`, within [`SPEEDS`].
pub fn speed(index: usize) -> Seconds {
    SPEEDS[index.min(SPEEDS.len() - 1)].0
}

/// The speed index `delta` steps faster (or slower, when negative), within [`SPEEDS`].
pub fn faster(index: usize, delta: i32) -> usize {
    (index as i64 + i64::from(delta)).clamp(0, SPEEDS.len() as i64 - 1) as usize
}

/// Where a sweep is after `elapsed` real seconds at `speed` data seconds per second: the
/// window moved forward, and whether it reached `end` (then it stops there, its right edge
/// on `end`).
pub fn advance(view: TimeView, elapsed: f64, speed: Seconds, end: Seconds) -> (TimeView, bool) {
    let moved = view.pan(elapsed.max(0.0) * speed);
    if moved.max() >= end {
        (
            TimeView {
                min: end - view.span,
                span: view.span,
            },
            true,
        )
    } else {
        (moved, false)
    }
}

/// The window a sweep starts from: the view itself, unless it already shows `end`; then it
/// starts again with its left edge on `start`.
pub fn start_from(view: TimeView, start: Seconds, end: Seconds) -> TimeView {
    if view.max() >= end - 1.0 {
        TimeView {
            min: start,
            span: view.span,
        }
    } else {
        view
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn a_sweep_moves_forward_keeps_its_span_and_stops_at_the_end(
            min in 1.5e9f64..1.6e9, span in 3600.0f64..1e8, elapsed in 0.0f64..100.0,
            speed_index in 0usize..5,
        ) {
            let view = TimeView { min, span };
            let end = 1.65e9;
            let (next, done) = advance(view, elapsed, speed(speed_index), end);
            prop_assert_eq!(next.span, span);
            prop_assert!(next.min >= view.min.min(end - span) - 1e-6);
            prop_assert!(next.max() <= end + 1e-6);
            prop_assert_eq!(done, view.max() + elapsed * speed(speed_index) >= end);
        }
    }

    #[test]
    fn a_day_per_second_moves_a_day_in_a_second() {
        let view = TimeView {
            min: 0.0,
            span: 7.0 * DAY,
        };
        let (next, done) = advance(view, 1.0, speed(DEFAULT_SPEED), 100.0 * DAY);
        assert_eq!(next.min, DAY);
        assert!(!done);
        assert_eq!(faster(0, -1), 0);
        assert_eq!(faster(0, 2), 2);
        assert_eq!(faster(3, 9), SPEEDS.len() - 1);
        assert_eq!(start_from(next, -5.0, 8.0 * DAY).min, -5.0);
        assert_eq!(start_from(next, -5.0, 9.0 * DAY), next);
    }
}
