//! What each subcommand does; `main.rs` only parses the command line and calls one of these.

pub mod check;
pub mod export;
pub mod generate;
pub mod render;
pub mod window;

use std::path::Path;
use std::process::ExitCode;

use belarus_timeline::model::{self, Lang, LoadError, Timeline};

/// The language of the system's locale, or English.
pub fn system_lang() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|var| std::env::var(var).ok())
        .find(|value| !value.is_empty())
        .and_then(|value| Lang::from_code(&value))
        .unwrap_or(Lang::En)
}

/// The timeline at `path` (the bundled one without a path), and the name it goes by.
pub fn load(path: Option<&Path>) -> (Result<Timeline, LoadError>, String) {
    match path {
        Some(path) => (model::load_path(path), path.display().to_string()),
        None => (model::load_bundled(), model::load::BUNDLED_NAME.to_owned()),
    }
}

/// Prints every error of a file that did not load.
pub fn report(err: &LoadError) -> ExitCode {
    for line in err.lines() {
        eprintln!("{line}");
    }
    ExitCode::FAILURE
}

/// A tour that the timeline does not have.
#[derive(Debug, thiserror::Error)]
#[error("unknown tour `{id}` (known: {known})")]
pub struct UnknownTour {
    /// The id given.
    pub id: String,
    /// The timeline's tours, comma-separated.
    pub known: String,
}

/// The tour named on the command line, or an error listing the tours.
pub fn find_tour(timeline: &Timeline, id: &str) -> Result<usize, UnknownTour> {
    timeline
        .tours
        .iter()
        .position(|t| t.id == id)
        .ok_or_else(|| {
            let known: Vec<&str> = timeline.tours.iter().map(|t| t.id.as_str()).collect();
            UnknownTour {
                id: id.to_owned(),
                known: known.join(", "),
            }
        })
}

/// `--present`, `--tour`, `--step`.
pub struct Present {
    /// Start presenting.
    pub on: bool,
    /// The tour to present.
    pub tour: Option<String>,
    /// The step to start at, from 0.
    pub step: usize,
    /// Open the presenter window too.
    pub presenter: bool,
    /// Step on by itself every this many seconds.
    pub autoplay: Option<f64>,
}
