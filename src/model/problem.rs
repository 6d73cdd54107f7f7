//! What the builder finds wrong, and where: a path into the data, not a position in a file.
//!
//! The builder knows no file format, so it names the value a problem is about as a path like
//! `events[3].sources[0].url`: the lists in the order the reader gave them, then the fields of
//! the file's types ([`super::file`]). Each reader turns paths into positions of its own format
//! (the RON reader into line and column).

/// One step of a path into the data.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Seg {
    /// A named field of a struct, or a key of a map.
    Key(String),
    /// An element of a list.
    Index(usize),
}

/// A path from the top of the data to a value, such as `events[3].sources[0].url`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Path(pub Vec<Seg>);

impl Path {
    /// The top of the data.
    pub fn root() -> Self {
        Self(Vec::new())
    }

    /// This path, then a field or map key.
    #[must_use]
    pub fn key(&self, key: &str) -> Self {
        let mut segs = self.0.clone();
        segs.push(Seg::Key(key.to_owned()));
        Self(segs)
    }

    /// Whether this path is `prefix` or lies under it.
    pub fn starts_with(&self, prefix: &Path) -> bool {
        self.0.starts_with(&prefix.0)
    }

    /// This path, then a list index.
    #[must_use]
    pub fn index(&self, index: usize) -> Self {
        let mut segs = self.0.clone();
        segs.push(Seg::Index(index));
        Self(segs)
    }
}

/// Which part of a field a problem points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The value (a bad date, an unknown id).
    Value,
    /// The field's name, for a problem with the field as a whole (an empty list, no source with
    /// a URL).
    Key,
}

/// How bad a problem is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The file does not load.
    #[default]
    Error,
    /// The file loads, and the problem is shown (a missing optional image, an invisible
    /// character in a text); `check --strict` fails on it.
    Warning,
}

/// A problem found by the builder, before a reader gives it a position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The value the problem is about.
    pub path: Path,
    /// Its value or its field name.
    pub part: Part,
    /// An error or a warning.
    pub severity: Severity,
    /// What is wrong and what was expected.
    pub message: String,
}
