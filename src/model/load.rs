//! Loading an events file: from a path, from bytes or text, or the bundled one.
//!
//! The file's reader ([`super::ron`], or [`super::timelinejs`] for TimelineJS files) feeds the [`super::build`]er, which checks everything
//! and builds the timeline; every problem of a file is reported together with its line and
//! column.

use std::path::{Path as FsPath, PathBuf};

use super::build::{build, build_with};
use super::error::{Diagnostic, LoadError};
use super::format::Format;
use super::progress::Progress;
use super::read::read_bounded_with;
use super::ron::{Ron, locate::line_col};
use super::timeline::Timeline;
use super::timelinejs::{csv::TimelineJsCsv, json::TimelineJsJson};

pub use super::check::{FastMap, check_image_path, check_url, did_you_mean};

/// Files larger than this are refused before they are read. A million realistic events take
/// well under a gigabyte.
pub const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024 * 1024;

/// The events file that ships inside the binary.
pub const BUNDLED_EVENTS: &str = include_str!("../../events.ron");

/// The name the bundled file goes by in messages.
pub const BUNDLED_NAME: &str = "events.ron (bundled)";

/// Where image paths of a file are looked up.
#[derive(Clone, Debug)]
pub enum Assets {
    /// The `assets/` folder beside the events file.
    Dir(PathBuf),
    /// Files compiled into the binary, by path under `assets/`.
    Embedded(&'static [(&'static str, &'static [u8])]),
}

impl Default for Assets {
    fn default() -> Self {
        Assets::Embedded(&[])
    }
}

impl Assets {
    /// The `assets/` folder that belongs to an events file at `path`.
    pub fn beside(path: &FsPath) -> Self {
        let dir = path.parent().unwrap_or_else(|| FsPath::new("."));
        Assets::Dir(dir.join("assets"))
    }
}

/// Images that ship inside the binary for the bundled events file.
pub const BUNDLED_ASSETS: &[(&str, &[u8])] = &[(
    "images/flag-white-red-white.png",
    include_bytes!("../../assets/images/flag-white-red-white.png"),
)];

/// Loads the events file compiled into the binary.
pub fn load_bundled() -> Result<Timeline, LoadError> {
    load_str(
        BUNDLED_EVENTS,
        BUNDLED_NAME,
        &Assets::Embedded(BUNDLED_ASSETS),
    )
}

/// Reads, checks and indexes the events file at `path`, in the format its content (else its
/// extension) shows. Refuses what is not a regular file (a directory, a device, a pipe) before
/// opening it, stops reading at [`MAX_FILE_BYTES`] whatever the metadata says, and refuses
/// formats that cannot be read yet.
pub fn load_path(path: &FsPath) -> Result<Timeline, LoadError> {
    load_path_with(path, None)
}

/// [`load_path`], telling `progress` how much has been read, then checked.
pub fn load_path_with(path: &FsPath, progress: Option<&Progress>) -> Result<Timeline, LoadError> {
    let file = path.display().to_string();
    let bytes =
        read_bounded_with(path, MAX_FILE_BYTES, progress).map_err(|source| LoadError::Read {
            file: file.clone(),
            source,
        })?;
    load_read(bytes, path, progress)
}

/// Checks and indexes `bytes`, read from the file at `path`.
pub fn load_read(
    bytes: Vec<u8>,
    path: &FsPath,
    progress: Option<&Progress>,
) -> Result<Timeline, LoadError> {
    let file = path.display().to_string();
    let Some(format) = Format::detect(&bytes, path) else {
        return Err(LoadError::UnknownFormat {
            file,
            readable: Format::readable(),
        });
    };
    match super::read::into_string(bytes) {
        Ok(text) => load_as_with(format, text, &file, &Assets::beside(path), progress),
        Err(bytes) => Err(not_utf8(&bytes, &file)),
    }
}

/// Checks and indexes the bytes of an events file in any readable format, told by its content
/// (else by the extension of `file`); `file` names it in messages.
pub fn load_bytes(bytes: &[u8], file: &str, assets: &Assets) -> Result<Timeline, LoadError> {
    let Some(format) = Format::detect(bytes, FsPath::new(file)) else {
        return Err(LoadError::UnknownFormat {
            file: file.to_owned(),
            readable: Format::readable(),
        });
    };
    match std::str::from_utf8(bytes) {
        Ok(text) => load_as(format, text.to_owned(), file, assets),
        Err(_) => Err(not_utf8(bytes, file)),
    }
}

/// Checks and indexes `text` as a file in `format`.
pub fn load_as(
    format: Format,
    text: String,
    file: &str,
    assets: &Assets,
) -> Result<Timeline, LoadError> {
    load_as_with(format, text, file, assets, None)
}

fn load_as_with(
    format: Format,
    text: String,
    file: &str,
    assets: &Assets,
    progress: Option<&Progress>,
) -> Result<Timeline, LoadError> {
    match format {
        Format::Ron => build_with(text, file, assets, &Ron, progress),
        Format::Json => build_with(text, file, assets, &TimelineJsJson, progress),
        Format::Csv => build_with(text, file, assets, &TimelineJsCsv, progress),
    }
}

fn not_utf8(bytes: &[u8], file: &str) -> LoadError {
    let valid_up_to = match std::str::from_utf8(bytes) {
        Ok(_) => bytes.len(),
        Err(err) => err.valid_up_to(),
    };
    let valid = std::str::from_utf8(&bytes[..valid_up_to]).unwrap_or_default();
    let (line, col) = line_col(valid, valid.len());
    LoadError::Invalid(vec![Diagnostic::error(
        file,
        line,
        col,
        format!(
            "the file is not valid UTF-8 (bad byte at offset {valid_up_to}): save it as UTF-8 text"
        ),
    )])
}

/// Checks and indexes the text of a RON events file; `file` names it in messages.
pub fn load_str(text: &str, file: &str, assets: &Assets) -> Result<Timeline, LoadError> {
    load_owned(text.to_owned(), file, assets)
}

/// Checks and indexes the text of a RON events file, keeping the text: the events' strings are
/// slices of it.
pub fn load_owned(text: String, file: &str, assets: &Assets) -> Result<Timeline, LoadError> {
    build(text, file, assets, &Ron)
}
