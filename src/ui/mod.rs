//! Everything egui: the application state, its panels, and painting the timeline.

pub mod app;
pub mod details_ui;
pub mod filters_ui;
pub mod images;
mod overview_ui;
pub mod present_ui;
pub mod theme;
pub mod timeline_ui;

pub use app::{App, Command, Loaded, Preset, Saved, read_saved};
