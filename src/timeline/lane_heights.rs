//! How tall each lane is: collapsed lanes thin, open ones sharing what is left.

/// Sizes of lanes, in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LaneSizes {
    /// One row of markers.
    pub row: f32,
    /// A collapsed lane.
    pub collapsed: f32,
    /// Padding above and below the rows of an open lane.
    pub padding: f32,
    /// The most rows an open lane takes.
    pub max_rows: usize,
}

/// The lanes' heights and how many rows an open lane holds.
#[derive(Clone, Debug, PartialEq)]
pub struct LaneHeights {
    /// Per lane, top to bottom.
    pub heights: Vec<f32>,
    /// Rows of an open lane.
    pub rows: usize,
}

impl LaneHeights {
    /// Lanes sharing `room` points: collapsed ones `sizes.collapsed` tall, the open ones the
    /// rest, each at least one row and at most `sizes.max_rows`.
    pub fn new(collapsed: &[bool], room: f32, sizes: LaneSizes) -> Self {
        let open = collapsed.iter().filter(|c| !**c).count().max(1) as f32;
        let closed = (collapsed.len() as f32 - open).max(0.0);
        let room = (room - closed * sizes.collapsed).max(sizes.row);
        let min = sizes.row + sizes.padding;
        let max = sizes.max_rows as f32 * sizes.row + sizes.padding;
        let open_height = (room / open).clamp(min, max.max(min));
        let rows = ((open_height - sizes.padding) / sizes.row).floor().max(1.0) as usize;
        let heights = collapsed
            .iter()
            .map(|&c| if c { sizes.collapsed } else { open_height })
            .collect();
        Self { heights, rows }
    }

    /// Sum of the heights.
    pub fn total(&self) -> f32 {
        self.heights.iter().sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const SIZES: LaneSizes = LaneSizes {
        row: 22.0,
        collapsed: 16.0,
        padding: 6.0,
        max_rows: 6,
    };

    proptest! {
        #[test]
        fn lanes_fit_when_there_is_room(collapsed in proptest::collection::vec(any::<bool>(), 1..12),
                                        room in 0.0f32..2000.0) {
            let lanes = LaneHeights::new(&collapsed, room, SIZES);
            prop_assert_eq!(lanes.heights.len(), collapsed.len());
            prop_assert!(lanes.rows >= 1 && lanes.rows <= SIZES.max_rows);
            let open = collapsed.iter().filter(|c| !**c).count() as f32;
            let closed = collapsed.len() as f32 - open;
            let least = closed * SIZES.collapsed + open * (SIZES.row + SIZES.padding);
            if room >= least {
                prop_assert!(lanes.total() <= room + 0.01, "{} > {room}", lanes.total());
            }
            for (h, c) in lanes.heights.iter().zip(&collapsed) {
                if !c {
                    prop_assert!(*h >= lanes.rows as f32 * SIZES.row + SIZES.padding - 0.01);
                }
            }
        }
    }
}
