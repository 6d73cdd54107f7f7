//! Pure geometry of the timeline: the time↔screen mapping, ticks, lanes, clusters, hit-testing.
//! Nothing here paints; `ui` does.

pub mod density;
pub mod fit;
pub mod labels;
pub mod lane_heights;
pub mod layout;
pub mod mapping;
pub mod playback;
pub mod rank;
pub mod ticks;
pub mod view;

pub use density::DensityCache;
pub use labels::{LabelKey, LabelWidths};
pub use lane_heights::{LaneHeights, LaneSizes};
pub use layout::{Item, LaneIndex, LaneLayout, Metrics};
pub use mapping::ScreenMapping;
pub use rank::RankGrid;
pub use view::TimeView;
