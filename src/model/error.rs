//! Errors of loading an events file.

use std::fmt;

pub use super::problem::Severity;

/// One problem in a file, at a line and column.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file as the user named it (or `events.ron (bundled)`).
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
    /// What is wrong and what was expected.
    pub message: String,
    /// An error (the file does not load) or a warning.
    pub severity: Severity,
}

impl Diagnostic {
    /// An error at `line:col` of `file`.
    pub fn error(file: &str, line: usize, col: usize, message: String) -> Self {
        Self {
            file: file.to_owned(),
            line,
            col,
            message,
            severity: Severity::Error,
        }
    }

    /// A builder's `problem`, located by its reader at `line:col` of `file`.
    pub fn located(
        file: &str,
        (line, col): (usize, usize),
        problem: super::problem::Problem,
    ) -> Self {
        Self {
            file: file.to_owned(),
            line,
            col,
            message: problem.message,
            severity: problem.severity,
        }
    }

    /// What kind of problem this is, for counting many of them: the message with what is
    /// quoted in it (ids, values) and numbers left out, so that `unknown category `protests``
    /// in ten thousand events is one kind.
    pub fn kind(&self) -> String {
        let mut kind = String::with_capacity(self.message.len());
        let mut quoted = false;
        let mut digits = false;
        for c in self.message.chars() {
            if c == '`' {
                if !quoted {
                    kind.push_str("`…`");
                }
                quoted = !quoted;
                digits = false;
            } else if quoted {
            } else if c.is_ascii_digit() {
                if !digits {
                    kind.push('N');
                }
                digits = true;
            } else {
                digits = false;
                kind.push(c);
            }
        }
        if let Some(cut) = kind
            .find(" (known: ")
            .or_else(|| kind.find(" (expected one of: "))
        {
            kind.truncate(cut);
        }
        kind
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "",
            Severity::Warning => "warning: ",
        };
        write!(
            f,
            "{}:{}:{}: {severity}{}",
            self.file, self.line, self.col, self.message
        )
    }
}

/// The first `max` diagnostics as lines, then one line that counts the rest by kind, most
/// frequent first: `… and 11,500 more: 11,000 × unknown category `…`; 500 × …`.
pub fn capped_lines(diagnostics: &[Diagnostic], max: usize) -> Vec<String> {
    let mut lines: Vec<String> = diagnostics
        .iter()
        .take(max)
        .map(ToString::to_string)
        .collect();
    let rest = diagnostics.get(max..).unwrap_or_default();
    if !rest.is_empty() {
        lines.push(format!(
            "… and {} more of the same kinds: {}",
            thousands(rest.len()),
            count_kinds(rest)
        ));
    }
    lines
}

/// `11,000 × unknown category `…`; 500 × duplicate event id `…`` for the given problems.
pub fn count_kinds(diagnostics: &[Diagnostic]) -> String {
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for d in diagnostics {
        let kind = match d.severity {
            Severity::Error => d.kind(),
            Severity::Warning => format!("warning: {}", d.kind()),
        };
        *counts.entry(kind).or_default() += 1;
    }
    let mut counts: Vec<(String, usize)> = counts.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    counts
        .iter()
        .map(|(kind, n)| format!("{} × {kind}", thousands(*n)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// `11500` as `11,500`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Why a file could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read at all: not a regular file, over the size limit, or the
    /// system refused.
    #[error("{file}: {source}")]
    Read {
        /// The file.
        file: String,
        /// Why.
        #[source]
        source: super::read::ReadError,
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

    /// Like [`LoadError::lines`], but at most `max` problems one by one, then a line that
    /// counts the rest by kind.
    pub fn lines_capped(&self, max: usize) -> Vec<String> {
        match self {
            LoadError::Invalid(diagnostics) => capped_lines(diagnostics, max),
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
