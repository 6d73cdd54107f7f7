//! Everything egui: the application, its panels, and painting the timeline.
//!
//! A frame: [`App`] builds a read-only [`FrameCtx`] from its [`State`] and [`Shown`], every
//! panel draws from it and returns [`Command`]s, and [`App::apply`] carries them out.

mod a11y;
pub mod app;
mod axis_ui;
mod base_mesh;
pub mod command;
pub mod contrast;
pub mod details_ui;
pub mod filters_ui;
pub mod frame;
mod help_ui;
pub mod images;
mod labels;
mod list_ui;
pub mod loading;
pub mod map_ui;
pub mod offscreen;
mod overview_ui;
pub mod panels;
pub mod path_dialog_ui;
mod playback;
pub mod present_ui;
pub mod presenter_ui;
pub mod shortcuts;
pub mod shown;
pub mod state;
pub mod theme;
pub mod timeline_ui;
mod toolbar_ui;
mod tour_ui;

pub use app::{App, Loaded, OnLoaded, read_saved};
pub use command::{
    AppCommand, Command, FileCommand, FilterCommand, MapCommand, PresentCommand, Preset,
    SelectionCommand, ViewCommand,
};
pub use frame::FrameCtx;
pub use loading::Loading;
pub use shown::Shown;
pub use state::State;
