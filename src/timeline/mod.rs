//! Pure geometry of the timeline: the time↔screen mapping, ticks, lanes, clusters, hit-testing.
//! Nothing here paints; `ui` does.

pub mod layout;
pub mod ticks;
pub mod view;

pub use layout::{Item, LaneIndex, LaneLayout, Metrics};
pub use view::TimeView;
