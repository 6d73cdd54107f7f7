//! Pure geometry of the timeline: the time↔screen mapping, ticks, lanes, clusters, hit-testing.
//! Nothing here paints; `ui` does.

pub mod view;

pub use view::TimeView;
