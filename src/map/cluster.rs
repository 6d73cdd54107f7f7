//! Markers on screen: one per place, merged with their neighbours where they would overlap
//! (at low zoom), apart again when zoomed in.

use super::counts::PlaceCount;

/// The largest marker's radius, in points.
pub const MAX_RADIUS: f64 = 26.0;
/// The smallest marker's radius, so that one event stays visible and clickable.
pub const MIN_RADIUS: f64 = 4.0;
/// Markers closer than their radii plus this gap merge.
const GAP: f64 = 2.0;

/// A marker: one place, or several merged.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    /// The places it stands for, the one with most events first.
    pub places: Vec<u32>,
    /// Screen position (the first place's).
    pub at: [f64; 2],
    /// Events in all its places.
    pub total: usize,
    /// Of those, per category.
    pub by_category: Vec<usize>,
    /// Its radius in points: its area is proportional to `total`.
    pub radius: f64,
}

/// Points of radius per square root of an event: the largest count gets [`MAX_RADIUS`], and
/// no marker grows bigger for few events than for many.
pub fn radius_scale(largest: usize) -> f64 {
    (MAX_RADIUS / (largest.max(1) as f64).sqrt()).min(6.0)
}

/// A marker's radius for `total` events at `scale` (see [`radius_scale`]).
pub fn radius(total: usize, scale: f64) -> f64 {
    (scale * (total as f64).sqrt()).max(MIN_RADIUS)
}

/// Markers for `counts`, each place at `position(place)` on screen (`None`: not drawn), merged
/// where they would overlap. The scale of the radii is that of the largest merged total, so
/// the sizes compare across the whole map. Biggest first.
pub fn cluster(
    counts: &[PlaceCount],
    position: impl Fn(u32) -> Option<[f64; 2]>,
    largest: usize,
) -> Vec<Marker> {
    let scale = radius_scale(largest);
    let mut order: Vec<&PlaceCount> = counts.iter().filter(|c| c.total > 0).collect();
    order.sort_by(|a, b| b.total.cmp(&a.total).then(a.place.cmp(&b.place)));
    let mut markers: Vec<Marker> = Vec::new();
    for count in order {
        let Some(at) = position(count.place) else {
            continue;
        };
        let own = radius(count.total, scale);
        let near = markers
            .iter_mut()
            .find(|m| (m.at[0] - at[0]).hypot(m.at[1] - at[1]) < m.radius + own + GAP);
        match near {
            Some(marker) => {
                marker.places.push(count.place);
                marker.total += count.total;
                for (sum, add) in marker.by_category.iter_mut().zip(&count.by_category) {
                    *sum += add;
                }
                marker.radius = radius(marker.total, scale);
            }
            None => markers.push(Marker {
                places: vec![count.place],
                at,
                total: count.total,
                by_category: count.by_category.clone(),
                radius: own,
            }),
        }
    }
    markers
}

/// The category most of a marker's events belong to, when it holds at least `share` of them
/// (one colour then; a ring of segments otherwise).
pub fn dominant(by_category: &[usize], share: f64) -> Option<usize> {
    let total: usize = by_category.iter().sum();
    let (category, &most) = by_category.iter().enumerate().max_by_key(|&(_, n)| *n)?;
    (total > 0 && most as f64 >= share * total as f64).then_some(category)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(place: u32, total: usize) -> PlaceCount {
        PlaceCount {
            place,
            total,
            by_category: vec![total, 0],
        }
    }

    #[test]
    fn near_markers_merge_and_split_when_zoomed_in() {
        let counts = [count(0, 100), count(1, 4), count(2, 9)];
        // Far out: 0 and 1 are 10 points apart, 2 is far away.
        let far = |scale: f64| {
            move |p: u32| Some([[0.0, 0.0], [10.0 * scale, 0.0], [400.0, 0.0]][p as usize])
        };
        let merged = cluster(&counts, far(1.0), 113);
        assert_eq!(merged.len(), 2);
        assert_eq!(merged[0].places, vec![0, 1]);
        assert_eq!(merged[0].total, 104);
        assert_eq!(merged[0].by_category, vec![104, 0]);
        assert_eq!(merged[1].places, vec![2]);
        // Zoomed in 20 times: apart.
        let split = cluster(&counts, far(20.0), 113);
        assert_eq!(split.len(), 3);
        assert_eq!(split.iter().map(|m| m.total).sum::<usize>(), 113);
    }

    #[test]
    fn areas_are_proportional_to_counts() {
        let scale = radius_scale(400);
        assert!((radius(400, scale) - MAX_RADIUS).abs() < 1e-9);
        let (a, b) = (radius(100, scale), radius(400, scale));
        assert!((b * b / (a * a) - 4.0).abs() < 1e-9);
        assert_eq!(radius(0, scale), MIN_RADIUS);
    }

    #[test]
    fn a_marker_has_one_colour_only_when_one_category_dominates() {
        assert_eq!(dominant(&[8, 1, 1], 0.75), Some(0));
        assert_eq!(dominant(&[5, 4, 1], 0.75), None);
        assert_eq!(dominant(&[0, 0], 0.75), None);
        assert_eq!(dominant(&[], 0.75), None);
    }

    #[test]
    fn places_without_a_position_are_left_out() {
        let counts = [count(0, 5), count(1, 5)];
        let markers = cluster(&counts, |p| (p == 1).then_some([0.0, 0.0]), 5);
        assert_eq!(markers.len(), 1);
        assert_eq!(markers[0].places, vec![1]);
    }
}
