//! The data: the file format, its readers, the builder that checks what they read, loading
//! with precise errors, and the time-sorted index.

pub mod build;
pub mod bytes;
pub mod check;
pub mod date;
pub mod error;
pub mod file;
pub mod format;
pub mod load;
pub mod pieces;
pub mod problem;
pub mod progress;
pub mod read;
pub mod ron;
pub mod snapshot;
pub mod text;
pub mod timeline;
pub mod timelinejs;

pub use date::{FuzzyDate, Precision, Seconds};
pub use error::{Diagnostic, LoadError};
pub use format::Format;
pub use load::{Assets, load_bundled, load_path, load_str};
pub use text::{Lang, Text};
pub use timeline::{Category, Era, Event, Timeline, Tour};
