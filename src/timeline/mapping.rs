//! A view on a screen range: the one place that turns time into x and back.

use crate::model::Seconds;

use super::TimeView;

/// A [`TimeView`] laid across the screen range `[left, left + width)`, like Rerun's
/// `TimeRangesUi`: every time-aware view maps through one of these.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScreenMapping {
    /// The time range shown.
    pub view: TimeView,
    /// Screen x of the view's start.
    pub left: f64,
    /// Screen width of the whole view (at least one point).
    pub width: f64,
}

impl ScreenMapping {
    /// `view` across `[left, left + width)`.
    pub fn new(view: TimeView, left: f64, width: f64) -> Self {
        Self {
            view,
            left,
            width: width.max(1.0),
        }
    }

    /// Screen x of time `t`.
    pub fn screen_from_time(&self, t: Seconds) -> f64 {
        self.view.screen_from_time(t, self.left, self.width)
    }

    /// Time at screen x.
    pub fn time_from_screen(&self, x: f64) -> Seconds {
        self.view.time_from_screen(x, self.left, self.width)
    }

    /// Seconds per screen point.
    pub fn seconds_per_point(&self) -> f64 {
        self.view.seconds_per_point(self.width)
    }

    /// Screen x of the right edge.
    pub fn right(&self) -> f64 {
        self.left + self.width
    }

    /// The same screen range showing another view.
    #[must_use]
    pub fn with_view(&self, view: TimeView) -> Self {
        Self { view, ..*self }
    }

    /// The view after the pointer at `x` zoomed by `factor` (> 1 zooms in): the time under the
    /// pointer stays under it.
    pub fn zoomed_at(&self, x: f64, factor: f64) -> TimeView {
        self.view.zoom_at(self.time_from_screen(x), factor)
    }

    /// The view after dragging by `dx` points (content follows the pointer).
    pub fn dragged(&self, dx: f64) -> TimeView {
        self.view.pan(-dx * self.seconds_per_point())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn round_trip(min in -1e10f64..1e10, span in 3600.0f64..1e10, left in -500.0f64..500.0,
                      width in 1.0f64..5000.0, x in -1000.0f64..6000.0) {
            let m = ScreenMapping::new(TimeView { min, span }, left, width);
            let back = m.screen_from_time(m.time_from_screen(x));
            prop_assert!((back - x).abs() < 1e-3, "{x} -> {back}");
        }

        #[test]
        fn the_pointer_stays_put_when_zooming(min in 1.4e9f64..1.7e9, span in 3600.0f64..4e8,
                      width in 100.0f64..3000.0, fraction in 0.0f64..1.0, factor in 0.1f64..10.0) {
            let m = ScreenMapping::new(TimeView { min, span }, 150.0, width);
            let x = 150.0 + fraction * width;
            let t = m.time_from_screen(x);
            let zoomed = m.with_view(m.zoomed_at(x, factor));
            prop_assert!((zoomed.time_from_screen(x) - t).abs() < span * 1e-9 + 1e-3);
        }

        #[test]
        fn dragging_moves_content_with_the_pointer(min in 1.4e9f64..1.7e9, span in 3600.0f64..4e8,
                      dx in -2000.0f64..2000.0) {
            let m = ScreenMapping::new(TimeView { min, span }, 0.0, 1000.0);
            let t = m.time_from_screen(400.0);
            let moved = m.with_view(m.dragged(dx));
            prop_assert!((moved.screen_from_time(t) - (400.0 + dx)).abs() < 1e-3);
        }
    }
}
