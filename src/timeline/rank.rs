//! How many of a sorted list of times fall before a given time, answered from a uniform grid
//! over the list instead of a binary search over all of it: a density strip asks this at every
//! bucket bound of every lane, every zoom frame, and at a million events the searches' cache
//! misses were most of the frame.

use crate::model::Seconds;

/// For sorted times, the index of the first time at or after each of `cells + 1` bounds
/// spaced evenly from the first time to just past the last. A rank is then one lookup and a
/// search among the few times of one cell.
#[derive(Clone, Debug, Default)]
pub struct RankGrid {
    origin: Seconds,
    width: Seconds,
    /// `1 / width`.
    per_second: f64,
    /// `first[c]`: how many times are before bound `c` (`origin + c * width`).
    first: Vec<u32>,
}

impl RankGrid {
    /// The grid of `times` (sorted, finite): about one cell per eight times, so that the grid
    /// of a lane stays in cache (a quarter of its times' size... see `bench --only zoom`).
    pub fn new(times: &[Seconds]) -> Self {
        let (Some(&origin), Some(&last)) = (times.first(), times.last()) else {
            return Self::default();
        };
        let cells = (times.len() / 8).clamp(1, 1 << 20);
        // Wide enough that the last bound lies past the last time, whatever the rounding.
        let width = ((last - origin) / cells as f64).max(f64::MIN_POSITIVE) * (1.0 + 1e-9);
        let mut grid = Self {
            origin,
            width,
            per_second: 1.0 / width,
            first: Vec::with_capacity(cells + 1),
        };
        let mut at = 0;
        for c in 0..=cells {
            let bound = grid.bound(c);
            while at < times.len() && times[at] < bound {
                at += 1;
            }
            grid.first.push(u32::try_from(at).unwrap_or(u32::MAX));
        }
        // Times past the last bound (only if rounding defeated the margin) stay countable.
        if let Some(end) = grid.first.last_mut() {
            *end = u32::try_from(times.len()).unwrap_or(u32::MAX);
        }
        grid
    }

    fn bound(&self, c: usize) -> Seconds {
        self.origin + c as f64 * self.width
    }

    fn cells(&self) -> usize {
        self.first.len().saturating_sub(1)
    }

    /// How many of `times` (the list this grid was built from) are before `t`: exactly
    /// `times.partition_point(|&s| s < t)`.
    pub fn rank(&self, times: &[Seconds], t: Seconds) -> usize {
        let cells = self.cells();
        if cells == 0 || times.len() != self.first[cells] as usize {
            return times.partition_point(|&s| s < t);
        }
        if t.is_nan() {
            return times.partition_point(|&s| s < t);
        }
        if t <= self.origin {
            return 0;
        }
        // The cell whose bounds hold `t`; the estimate is settled against the same bounds the
        // grid was built with.
        // `t` is past the origin, so truncating is flooring (and saturates when huge).
        let mut c = (((t - self.origin) * self.per_second) as usize).min(cells - 1);
        while c > 0 && t < self.bound(c) {
            c -= 1;
        }
        while c + 1 < cells && t >= self.bound(c + 1) {
            c += 1;
        }
        let (lo, hi) = (self.first[c] as usize, self.first[c + 1] as usize);
        if c + 1 == cells && t >= self.bound(cells) {
            // Past the last bound: only the last cell's times may still be after `t`.
            return lo + times[lo..].partition_point(|&s| s < t);
        }
        lo + times[lo..hi].partition_point(|&s| s < t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn ranks_equal_a_binary_search(
            mut times in prop::collection::vec(-1.0e6f64..1.0e6, 0..400),
            clumped in prop::collection::vec(0.0f64..10.0, 0..200),
            queries in prop::collection::vec(-1.2e6f64..1.2e6, 1..100),
        ) {
            times.extend(clumped);
            times.sort_by(f64::total_cmp);
            let grid = RankGrid::new(&times);
            let mut queries = queries;
            // Every time itself, and its neighbours, are bounds of some bucket.
            queries.extend(times.iter().flat_map(|&t| [t, t.next_down(), t.next_up()]));
            for t in queries {
                prop_assert_eq!(grid.rank(&times, t), times.partition_point(|&s| s < t), "t = {}", t);
            }
        }
    }

    #[test]
    fn equal_times_and_large_times_rank_exactly() {
        let times = vec![1.6e9; 50];
        let grid = RankGrid::new(&times);
        assert_eq!(grid.rank(&times, 1.6e9), 0);
        assert_eq!(grid.rank(&times, 1.6e9_f64.next_up()), 50);
        let times: Vec<f64> = (0..1000).map(|i| 1.6e9 + f64::from(i) * 0.25).collect();
        let grid = RankGrid::new(&times);
        for (i, &t) in times.iter().enumerate() {
            assert_eq!(grid.rank(&times, t), i);
            assert_eq!(grid.rank(&times, t.next_up()), i + 1);
        }
        assert_eq!(grid.rank(&times, f64::INFINITY), 1000);
        assert_eq!(grid.rank(&times, f64::NEG_INFINITY), 0);
        assert_eq!(RankGrid::new(&[]).rank(&[], 5.0), 0);
    }
}
