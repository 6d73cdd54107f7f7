//! Density counts cached across frames: a still view costs nothing however many events it holds.

use super::LaneIndex;

/// Counts per bucket, by what they were computed from.
#[derive(Clone, Debug, Default)]
pub struct DensityCache {
    entries: Vec<(DensityKey, Vec<u32>)>,
}

/// What a density depends on: the lanes (their generation), which lane (or all of them), the
/// time range and the buckets.
#[derive(Clone, Copy, Debug, PartialEq)]
struct DensityKey {
    generation: u64,
    lane: Option<usize>,
    from: f64,
    dt: f64,
    buckets: usize,
}

impl DensityCache {
    /// The counts of `lane` (or of all lanes, summed) in `buckets` intervals of `dt` from
    /// `from`, computed only when they are not already known.
    pub fn counts(
        &mut self,
        lanes: &LaneIndex,
        lane: Option<usize>,
        from: f64,
        dt: f64,
        buckets: usize,
    ) -> &[u32] {
        let key = DensityKey {
            generation: lanes.generation,
            lane,
            from,
            dt,
            buckets,
        };
        let position = match self.entries.iter().position(|(k, _)| *k == key) {
            Some(position) => position,
            None => {
                let counts = match lane {
                    Some(lane) => lanes.counts(lane, from, dt, buckets),
                    None => {
                        let mut sum = vec![0; buckets];
                        for lane in 0..lanes.events.len() {
                            for (s, c) in sum.iter_mut().zip(lanes.counts(lane, from, dt, buckets))
                            {
                                *s += c;
                            }
                        }
                        sum
                    }
                };
                // Keep one frame's worth: the lanes of this view and the overview's total.
                self.entries.retain(|(k, _)| {
                    k.generation == key.generation
                        && (k.lane.is_some() != lane.is_some()
                            || (k.from, k.dt, k.buckets) == (from, dt, buckets))
                });
                self.entries.push((key, counts));
                self.entries.len() - 1
            }
        };
        &self.entries[position].1
    }
}
