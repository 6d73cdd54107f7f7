//! The visible time range and its mapping to screen x, in f64.

use crate::model::Seconds;

/// The time range shown across a given screen width: `[min, min + span)` over `[left, left + width)`.
///
/// Values are f64 seconds: zoomed in to minutes over a multi-year span, f32 would jitter.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TimeView {
    /// Time at the left edge.
    pub min: Seconds,
    /// Time across the whole width.
    pub span: Seconds,
}

/// Closest zoom: about an hour across the screen.
pub const MIN_SPAN: Seconds = 3_600.0;

impl TimeView {
    /// A view of `[min, max]`.
    pub fn new(min: Seconds, max: Seconds) -> Self {
        Self {
            min,
            span: (max - min).max(MIN_SPAN),
        }
    }

    /// Time at the right edge.
    pub fn max(&self) -> Seconds {
        self.min + self.span
    }

    /// Screen x of time `t`, for a canvas from `left` of `width` points.
    pub fn screen_from_time(&self, t: Seconds, left: f64, width: f64) -> f64 {
        left + (t - self.min) / self.span * width
    }

    /// Time at screen x.
    pub fn time_from_screen(&self, x: f64, left: f64, width: f64) -> Seconds {
        self.min + (x - left) / width * self.span
    }

    /// Seconds per screen point.
    pub fn seconds_per_point(&self, width: f64) -> f64 {
        self.span / width.max(1.0)
    }

    /// Shifted by `dt` seconds.
    #[must_use]
    pub fn pan(&self, dt: Seconds) -> Self {
        Self {
            min: self.min + dt,
            span: self.span,
        }
    }

    /// Zoomed by `factor` (> 1 zooms in) around time `anchor`, which stays at the same screen x.
    #[must_use]
    pub fn zoom_at(&self, anchor: Seconds, factor: f64) -> Self {
        let factor = if factor.is_finite() && factor > 0.0 {
            factor
        } else {
            1.0
        };
        let span = self.span / factor;
        let fraction = (anchor - self.min) / self.span;
        Self {
            min: anchor - fraction * span,
            span,
        }
    }

    /// Kept within zoom limits: not closer than [`MIN_SPAN`], not further out than `limits`
    /// (the data with a margin), and not panned entirely away from it.
    #[must_use]
    pub fn clamped(&self, limits: (Seconds, Seconds)) -> Self {
        let (lo, hi) = limits;
        let max_span = (hi - lo).max(MIN_SPAN);
        let mut view = *self;
        if !view.span.is_finite() || !view.min.is_finite() {
            return Self::new(lo, hi);
        }
        if view.span < MIN_SPAN {
            let center = view.min + view.span / 2.0;
            view = Self {
                min: center - MIN_SPAN / 2.0,
                span: MIN_SPAN,
            };
        }
        if view.span > max_span {
            let center = view.min + view.span / 2.0;
            view = Self {
                min: center - max_span / 2.0,
                span: max_span,
            };
        }
        view.min = view.min.clamp(lo, (hi - view.span).max(lo));
        view
    }

    /// Linear blend towards `other`, in log space for the span so zooms feel even.
    #[must_use]
    pub fn lerp(&self, other: &Self, t: f64) -> Self {
        let t = t.clamp(0.0, 1.0);
        let span = (self.span.ln() * (1.0 - t) + other.span.ln() * t).exp();
        let center_a = self.min + self.span / 2.0;
        let center_b = other.min + other.span / 2.0;
        let center = center_a + (center_b - center_a) * t;
        Self {
            min: center - span / 2.0,
            span,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn zoom_keeps_the_anchor_under_the_pointer(
            min in 1.5e9f64..1.7e9, span in 3600.0f64..1e9, x in 0.0f64..1600.0, factor in 0.01f64..100.0,
        ) {
            let view = TimeView { min, span };
            let anchor = view.time_from_screen(x, 0.0, 1600.0);
            let zoomed = view.zoom_at(anchor, factor);
            let x_after = zoomed.screen_from_time(anchor, 0.0, 1600.0);
            prop_assert!((x_after - x).abs() < 1e-3, "{x} -> {x_after}");
        }

        #[test]
        fn pan_then_inverse_pan_returns(min in 1.5e9f64..1.7e9, span in 3600.0f64..1e9, dt in -1e9f64..1e9) {
            let view = TimeView { min, span };
            let back = view.pan(dt).pan(-dt);
            prop_assert!((back.min - view.min).abs() < 1e-3);
            prop_assert_eq!(back.span, view.span);
        }

        #[test]
        fn clamped_stays_in_limits(min in -1e10f64..1e10, span in 1.0f64..1e11) {
            let limits = (1.5e9, 1.6e9);
            let view = TimeView { min, span }.clamped(limits);
            prop_assert!(view.span >= MIN_SPAN);
            prop_assert!(view.span <= limits.1 - limits.0 + 1e-6);
            prop_assert!(view.min >= limits.0 - 1e-6 && view.max() <= limits.1 + 1e-6);
        }
    }

    #[test]
    fn screen_and_time_are_inverse() {
        let view = TimeView::new(1.596e9, 1.597e9);
        let t = 1.5965e9;
        let x = view.screen_from_time(t, 10.0, 800.0);
        assert!((view.time_from_screen(x, 10.0, 800.0) - t).abs() < 1e-6);
    }
}
