//! Watching an events file and reloading it off the UI thread when it changes.
//!
//! The folder is watched rather than the file, so that editors that save by writing a new file
//! and renaming it over the old one, or that delete and recreate it, are noticed too.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};

use crate::model::{LoadError, Timeline, load_path};

/// What the watcher reports.
pub enum Reload {
    /// The file changed and is being read.
    Started,
    /// The file was read: the new timeline, or why it did not load.
    Finished(Box<Result<Timeline, LoadError>>),
    /// The watcher itself failed (the folder went away, too many watches): changes may not be
    /// followed until the file is opened again.
    Failed(String),
}

/// Why a file cannot be watched.
#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    /// The path cannot be made absolute.
    #[error("{path}: {source}")]
    Path {
        /// The path as given.
        path: String,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// The folder cannot be watched.
    #[error("cannot watch {folder}: {source}")]
    Watch {
        /// The folder of the file.
        folder: String,
        /// What the watcher said.
        #[source]
        source: notify_debouncer_mini::notify::Error,
    },
}

/// Watches one events file.
pub struct Watcher {
    path: PathBuf,
    events: Receiver<Reload>,
    _debouncer: Debouncer<RecommendedWatcher>,
}

/// How long the file must be quiet before it is read: editors often write in several steps.
pub const QUIET: Duration = Duration::from_millis(150);

impl Watcher {
    /// Starts watching `path`; `wake` is called from the watcher's thread whenever there is news
    /// (to repaint the window).
    pub fn new(path: &Path, wake: impl Fn() + Send + 'static) -> Result<Self, WatchError> {
        let path = std::path::absolute(path).map_err(|source| WatchError::Path {
            path: path.display().to_string(),
            source,
        })?;
        let folder = path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        let (sender, events) = channel();
        let file = path.clone();
        let mut debouncer = new_debouncer(QUIET, move |result: DebounceEventResult| {
            let changes = match result {
                Ok(changes) => changes,
                Err(err) => {
                    if sender.send(Reload::Failed(err.to_string())).is_ok() {
                        wake();
                    }
                    return;
                }
            };
            if !changes.iter().any(|change| change.path == file) || !file.exists() {
                return;
            }
            if sender.send(Reload::Started).is_err() {
                return;
            }
            wake();
            let _ = sender.send(Reload::Finished(Box::new(load_path(&file))));
            wake();
        })
        .map_err(|source| WatchError::Watch {
            folder: folder.display().to_string(),
            source,
        })?;
        debouncer
            .watcher()
            .watch(&folder, RecursiveMode::NonRecursive)
            .map_err(|source| WatchError::Watch {
                folder: folder.display().to_string(),
                source,
            })?;
        Ok(Self {
            path,
            events,
            _debouncer: debouncer,
        })
    }

    /// The watched file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Everything reported since the last call.
    pub fn poll(&self) -> Vec<Reload> {
        self.events.try_iter().collect()
    }
}
