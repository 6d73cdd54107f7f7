//! The visible part of the map and its mapping to the screen, in f64 like
//! [`crate::timeline::TimeView`]: a value that pans and zooms into a new value.

use super::projection::{Geo, Plane, geo_from_plane, plane_from_geo};

/// Closest zoom: 50 metres a point, a town across the panel.
pub const MIN_KM_PER_POINT: f64 = 0.05;
/// Furthest zoom: all of Europe on a small panel.
pub const MAX_KM_PER_POINT: f64 = 40.0;

/// A rectangle of the plane, in kilometres.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlaneRect {
    /// South-west corner.
    pub min: Plane,
    /// North-east corner.
    pub max: Plane,
}

impl PlaneRect {
    /// The smallest rectangle holding every point (`None` without points).
    pub fn around(points: impl IntoIterator<Item = Plane>) -> Option<Self> {
        let mut points = points.into_iter();
        let first = points.next()?;
        Some(points.fold(
            Self {
                min: first,
                max: first,
            },
            |r, p| Self {
                min: Plane::new(r.min.x.min(p.x), r.min.y.min(p.y)),
                max: Plane::new(r.max.x.max(p.x), r.max.y.max(p.y)),
            },
        ))
    }

    /// Its centre.
    pub fn centre(&self) -> Plane {
        Plane::new(
            (self.min.x + self.max.x) / 2.0,
            (self.min.y + self.max.y) / 2.0,
        )
    }

    /// Whether the two share any point (touching edges count).
    pub fn intersects(&self, other: &Self) -> bool {
        self.min.x <= other.max.x
            && other.min.x <= self.max.x
            && self.min.y <= other.max.y
            && other.min.y <= self.max.y
    }

    /// Whether `other` lies wholly inside.
    pub fn contains_rect(&self, other: &Self) -> bool {
        self.min.x <= other.min.x
            && other.max.x <= self.max.x
            && self.min.y <= other.min.y
            && other.max.y <= self.max.y
    }

    /// Grown by `fraction` of its width and height on every side.
    #[must_use]
    pub fn grown(&self, fraction: f64) -> Self {
        let dx = (self.max.x - self.min.x) * fraction;
        let dy = (self.max.y - self.min.y) * fraction;
        Self {
            min: Plane::new(self.min.x - dx, self.min.y - dy),
            max: Plane::new(self.max.x + dx, self.max.y + dy),
        }
    }
}

/// What part of the plane is shown: the point at the middle of the canvas and the scale.
/// Screen y grows downwards, the plane's y northwards.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct MapView {
    /// Kilometres east of the projection's centre, at the middle of the canvas.
    pub x: f64,
    /// Kilometres north of it.
    pub y: f64,
    /// Kilometres per screen point.
    pub km_per_point: f64,
}

impl MapView {
    /// The view that shows `area` whole on a canvas of `size` points, with `margin` points
    /// kept free around it.
    pub fn fit(area: PlaneRect, size: [f64; 2], margin: f64) -> Self {
        let width = (size[0] - 2.0 * margin).max(1.0);
        let height = (size[1] - 2.0 * margin).max(1.0);
        let km_per_point = ((area.max.x - area.min.x) / width)
            .max((area.max.y - area.min.y) / height)
            .clamp(MIN_KM_PER_POINT, MAX_KM_PER_POINT);
        let centre = area.centre();
        Self {
            x: centre.x,
            y: centre.y,
            km_per_point,
        }
    }

    /// Screen position of a plane point, for a canvas whose middle is at `mid`.
    pub fn screen_from_plane(&self, p: Plane, mid: [f64; 2]) -> [f64; 2] {
        [
            mid[0] + (p.x - self.x) / self.km_per_point,
            mid[1] - (p.y - self.y) / self.km_per_point,
        ]
    }

    /// The part of the plane a canvas of `size` points shows.
    pub fn visible(&self, size: [f64; 2]) -> PlaneRect {
        let (half_x, half_y) = (
            size[0] / 2.0 * self.km_per_point,
            size[1] / 2.0 * self.km_per_point,
        );
        PlaneRect {
            min: Plane::new(self.x - half_x, self.y - half_y),
            max: Plane::new(self.x + half_x, self.y + half_y),
        }
    }

    /// The plane point at a screen position.
    pub fn plane_from_screen(&self, s: [f64; 2], mid: [f64; 2]) -> Plane {
        Plane::new(
            self.x + (s[0] - mid[0]) * self.km_per_point,
            self.y - (s[1] - mid[1]) * self.km_per_point,
        )
    }

    /// Screen position of a place on the Earth.
    pub fn screen_from_geo(&self, geo: Geo, mid: [f64; 2]) -> [f64; 2] {
        self.screen_from_plane(plane_from_geo(geo), mid)
    }

    /// The place on the Earth at a screen position.
    pub fn geo_from_screen(&self, s: [f64; 2], mid: [f64; 2]) -> Geo {
        geo_from_plane(self.plane_from_screen(s, mid))
    }

    /// Zoomed by `factor` (> 1 zooms in) around the screen point `at`, which keeps showing
    /// the same place. Kept within the zoom limits.
    #[must_use]
    pub fn zoom_at(&self, at: [f64; 2], mid: [f64; 2], factor: f64) -> Self {
        let factor = if factor.is_finite() && factor > 0.0 {
            factor
        } else {
            1.0
        };
        let km_per_point = (self.km_per_point / factor).clamp(MIN_KM_PER_POINT, MAX_KM_PER_POINT);
        let anchor = self.plane_from_screen(at, mid);
        // The anchor stays at `at`: x = anchor − (at − mid)·scale.
        Self {
            x: anchor.x - (at[0] - mid[0]) * km_per_point,
            y: anchor.y + (at[1] - mid[1]) * km_per_point,
            km_per_point,
        }
    }

    /// Moved with a drag of `(dx, dy)` points: the map follows the pointer.
    #[must_use]
    pub fn pan(&self, dx: f64, dy: f64) -> Self {
        Self {
            x: self.x - dx * self.km_per_point,
            y: self.y + dy * self.km_per_point,
            ..*self
        }
    }

    /// Kept within `limits`: the middle of the canvas stays over them, and the scale within
    /// the zoom limits. A view that is not finite becomes `fallback`.
    #[must_use]
    pub fn clamped(&self, limits: PlaneRect, fallback: Self) -> Self {
        if !(self.x.is_finite() && self.y.is_finite() && self.km_per_point.is_finite()) {
            return fallback;
        }
        Self {
            x: self.x.clamp(limits.min.x, limits.max.x),
            y: self.y.clamp(limits.min.y, limits.max.y),
            km_per_point: self.km_per_point.clamp(MIN_KM_PER_POINT, MAX_KM_PER_POINT),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn view() -> impl Strategy<Value = MapView> {
        (
            -2000.0f64..2000.0,
            -2000.0f64..2000.0,
            MIN_KM_PER_POINT..MAX_KM_PER_POINT,
        )
            .prop_map(|(x, y, km_per_point)| MapView { x, y, km_per_point })
    }

    proptest! {
        #[test]
        fn screen_and_geo_round_trip(v in view(), sx in 0.0f64..1600.0, sy in 0.0f64..900.0) {
            let mid = [800.0, 450.0];
            // Within the projected disc (radius 2R), away from its rim, the antipode.
            let plane = v.plane_from_screen([sx, sy], mid);
            prop_assume!(plane.x.hypot(plane.y) < 9000.0);
            let geo = v.geo_from_screen([sx, sy], mid);
            let back = v.screen_from_geo(geo, mid);
            prop_assert!((back[0] - sx).abs() < 1e-3 && (back[1] - sy).abs() < 1e-3,
                "{sx},{sy} -> {geo:?} -> {back:?}");
        }

        #[test]
        fn the_place_under_the_pointer_stays_when_zooming(
            v in view(), sx in 0.0f64..1600.0, sy in 0.0f64..900.0, factor in 0.05f64..20.0,
        ) {
            let mid = [700.0, 400.0];
            let before = v.plane_from_screen([sx, sy], mid);
            let zoomed = v.zoom_at([sx, sy], mid, factor);
            let after = zoomed.screen_from_plane(before, mid);
            prop_assert!((after[0] - sx).abs() < 1e-6 && (after[1] - sy).abs() < 1e-6,
                "{sx},{sy} -> {after:?}");
            prop_assert!((MIN_KM_PER_POINT..=MAX_KM_PER_POINT).contains(&zoomed.km_per_point));
        }

        #[test]
        fn panning_moves_the_map_with_the_pointer(v in view(), dx in -900.0f64..900.0, dy in -900.0f64..900.0) {
            let mid = [500.0, 300.0];
            let p = v.plane_from_screen([100.0, 200.0], mid);
            let moved = v.pan(dx, dy).screen_from_plane(p, mid);
            prop_assert!((moved[0] - (100.0 + dx)).abs() < 1e-6);
            prop_assert!((moved[1] - (200.0 + dy)).abs() < 1e-6);
        }

        #[test]
        fn the_visible_area_is_what_the_canvas_corners_show(v in view(), w in 1.0f64..2000.0, h in 1.0f64..2000.0) {
            let mid = [w / 2.0, h / 2.0];
            let area = v.visible([w, h]);
            let top_left = v.plane_from_screen([0.0, 0.0], mid);
            let bottom_right = v.plane_from_screen([w, h], mid);
            let close = |a: f64, b: f64| (a - b).abs() < 1e-6 * (1.0 + a.abs());
            prop_assert!(close(area.min.x, top_left.x) && close(area.max.y, top_left.y));
            prop_assert!(close(area.max.x, bottom_right.x) && close(area.min.y, bottom_right.y));
            prop_assert!(area.grown(0.5).contains_rect(&area) && area.intersects(&area.grown(0.5)));
        }

        #[test]
        fn a_fitted_area_is_on_screen(x0 in -3000.0f64..3000.0, y0 in -3000.0f64..3000.0,
                                      w in 10.0f64..3000.0, h in 10.0f64..3000.0) {
            let area = PlaneRect { min: Plane::new(x0, y0), max: Plane::new(x0 + w, y0 + h) };
            let mid = [400.0, 300.0];
            let v = MapView::fit(area, [800.0, 600.0], 20.0);
            for corner in [area.min, area.max] {
                let [sx, sy] = v.screen_from_plane(corner, mid);
                prop_assert!((19.9..=780.1).contains(&sx) && (19.9..=580.1).contains(&sy), "{sx},{sy}");
            }
        }
    }

    #[test]
    fn a_view_that_is_not_finite_falls_back() {
        let limits = PlaneRect {
            min: Plane::new(-100.0, -100.0),
            max: Plane::new(100.0, 100.0),
        };
        let fallback = MapView {
            x: 0.0,
            y: 0.0,
            km_per_point: 2.0,
        };
        let broken = MapView {
            x: f64::NAN,
            ..fallback
        };
        assert_eq!(broken.clamped(limits, fallback), fallback);
        let far = MapView {
            x: 1e6,
            y: -1e6,
            km_per_point: 1e9,
        }
        .clamped(limits, fallback);
        assert_eq!(
            (far.x, far.y, far.km_per_point),
            (100.0, -100.0, MAX_KM_PER_POINT)
        );
    }
}
