//! Why a cache was not used or not written.

/// Why the cache of a file was not used (the file is then read), or not written.
#[derive(Debug, thiserror::Error)]
pub enum CacheError {
    /// There is no cache of this file yet.
    #[error("no cache of this file yet")]
    Missing,
    /// The cache could not be read or written.
    #[error("cache file: {0}")]
    Io(#[from] std::io::Error),
    /// The cache was written by another version of the program.
    #[error("the cache is of another version of the program")]
    OtherVersion,
    /// The file changed since the cache was written.
    #[error("the file changed since the cache was written ({0})")]
    Stale(&'static str),
    /// The cache is damaged (cut short, bits flipped).
    #[error(transparent)]
    Corrupt(#[from] crate::model::bytes::Corrupt),
    /// The cache would be larger than the file: not worth it.
    #[error("the cache would be larger than the file ({cache} bytes for {file})")]
    TooLarge {
        /// The cache's size.
        cache: u64,
        /// The file's size.
        file: u64,
    },
}
