//! Errors of loading an events file.

use std::fmt;

/// One problem in a file, at a line and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file as the user named it (or `events.ron (bundled)`).
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
    /// What is wrong and what was expected.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.col, self.message
        )
    }
}

/// Why a file could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read at all.
    #[error("{file}: cannot read the file: {source}")]
    Read {
        /// The file.
        file: String,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// The file is larger than the loader accepts; it was not read.
    #[error(
        "{file}: the file is {size} bytes, larger than the limit of {limit} bytes; it was not read"
    )]
    TooLarge {
        /// The file.
        file: String,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The file is in a format that cannot be read yet.
    #[error(
        "{file}: this is a {format} file, which cannot be read yet: open an events file in {readable}"
    )]
    Unsupported {
        /// The file.
        file: String,
        /// The format its content or extension shows.
        format: &'static str,
        /// The formats that can be read.
        readable: String,
    },
    /// Neither the file's content nor its extension shows a known format.
    #[error("{file}: not an events file this program can read: open an events file in {readable}")]
    UnknownFormat {
        /// The file.
        file: String,
        /// The formats that can be read.
        readable: String,
    },
    /// The file was read but has errors: all of them, in file order.
    #[error("{}", join_lines(.0))]
    Invalid(Vec<Diagnostic>),
}

impl LoadError {
    /// Every error as one `file:line:col: message` line (or `file: message` without a position).
    pub fn lines(&self) -> Vec<String> {
        match self {
            LoadError::Invalid(diagnostics) => {
                diagnostics.iter().map(ToString::to_string).collect()
            }
            other => vec![other.to_string()],
        }
    }
}

fn join_lines(diagnostics: &[Diagnostic]) -> String {
    diagnostics
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}
