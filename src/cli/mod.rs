//! What each subcommand does; `main.rs` only parses the command line and calls one of these.

pub mod check;
pub mod export;
pub mod generate;
pub mod render;
pub mod window;

use std::io::Write;
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

/// Prints every error of a file that did not load (the first [`MAX_SHOWN`], then a count of
/// the rest by kind).
pub fn report(err: &LoadError) -> ExitCode {
    write_lines(&mut std::io::stderr().lock(), err.lines_capped(MAX_SHOWN));
    ExitCode::FAILURE
}

/// How many problems are printed one by one; the rest are counted by kind.
pub const MAX_SHOWN: usize = 1000;

/// Writes `text` to standard output. A reader that has gone away (`export … | head`) ends the
/// output quietly: that is not a failure of the program.
pub fn print_out(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            write_lines(
                &mut std::io::stderr().lock(),
                [format!("error: cannot write to standard output: {err}")],
            );
            ExitCode::FAILURE
        }
    }
}

/// Writes lines to `out`, stopping quietly when it is closed (`check … 2>&1 | head`).
pub fn write_lines(out: &mut impl Write, lines: impl IntoIterator<Item = String>) {
    for line in lines {
        if writeln!(out, "{line}").is_err() {
            return;
        }
    }
    let _ = out.flush();
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
#[derive(Clone, Debug)]
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
