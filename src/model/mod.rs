//! The data: the file format, loading with precise errors, and the time-sorted index.

pub mod date;
pub mod error;
pub mod file;
pub mod load;
pub mod locate;
mod stream;
pub mod text;
pub mod timeline;

pub use date::{FuzzyDate, Precision, Seconds};
pub use error::{Diagnostic, LoadError};
pub use load::{Assets, load_bundled, load_path, load_str};
pub use text::{Lang, Text};
pub use timeline::{Category, Era, Event, Timeline, Tour};
