//! Everything egui: the application state, its panels, and painting the timeline.

pub mod app;
mod details_ui;
mod list_ui;

pub use app::{App, Command, Loaded};
