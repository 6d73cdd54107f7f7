//! The open-file cache: a large file opens again in a second.
//!
//! Reading and checking a million events takes many seconds; the checked, indexed timeline
//! (search index included) is kept in the user's cache folder, one file per events file,
//! written on a thread after the window shows the timeline (to a temporary file renamed into
//! place, so a reader never sees half of one). On the next open, the cache is used only if
//! its header names this program version and layout, the file's size and modification time,
//! and the hash of the file's bytes (the file is read and hashed anyway: its text is what
//! the events' strings are slices of; [`crate::model::pieces`] reads it on both cores), and
//! the hash of its payload matches; everything read from it is then checked again as it is
//! decoded, and the file's size and time once more after it is read. Anything else (stale,
//! other version, cut short, flipped bits) is ignored and the file is read as if there were
//! no cache.
//!
//! Only the window uses the cache: live reload and `check` always read the file itself.

mod error;
pub mod header;

use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::xxh3_64;

use crate::model::bytes::{Corrupt, Reader, Writer};
use crate::model::pieces::{content_hash, read_text_beside};
use crate::model::progress::{Phase, Progress};
use crate::model::snapshot::{self, Decoded};
use crate::model::{Assets, LoadError, Timeline, load};
use crate::query::IndexCell;
use crate::query::index::SearchIndex;

pub use error::CacheError;
pub use header::{Header, Stamp};

/// Where the cache lives, or where tests put it.
pub const DIR_VAR: &str = "BELARUS_TIMELINE_CACHE_DIR";
/// Files smaller than this many bytes (by default [`DEFAULT_MIN_BYTES`]) are read each time.
pub const MIN_BYTES_VAR: &str = "BELARUS_TIMELINE_CACHE_MIN_BYTES";
/// Set to `off` to never use the cache.
pub const SWITCH_VAR: &str = "BELARUS_TIMELINE_CACHE";
/// Below this size a file reads in well under a second: no cache.
pub const DEFAULT_MIN_BYTES: u64 = 16 << 20;

/// Where cache files are kept and which files get one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cache {
    /// The folder.
    pub dir: PathBuf,
    /// Files smaller than this are not cached.
    pub min_bytes: u64,
}

/// Where an opened timeline came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The cache, checked against the file.
    Cache,
    /// The file, read and checked.
    File,
}

/// A file opened by [`Cache::open`]: the timeline (or why it did not load), its search index
/// (ready when it came from the cache), and what to write to the cache afterwards.
pub struct Opened {
    /// The timeline, or the file's errors.
    pub result: Result<Timeline, LoadError>,
    /// The search index: ready when read from the cache, else to be built.
    pub index: IndexCell,
    /// Where the timeline came from.
    pub source: Source,
    /// Why the cache was not used, if there was one to use.
    pub miss: Option<CacheError>,
    /// The file's stamp when it was read, if a cache should be written for it.
    pub to_write: Option<Stamp>,
}

impl Cache {
    /// The cache the environment asks for: `BELARUS_TIMELINE_CACHE_DIR`, else
    /// `$XDG_CACHE_HOME/belarus-timeline`, else `~/.cache/belarus-timeline`; none when
    /// `BELARUS_TIMELINE_CACHE=off` or no folder is known.
    pub fn from_env() -> Option<Self> {
        Self::from_vars(|name| std::env::var_os(name))
    }

    /// [`Cache::from_env`] with the variables given by `get`.
    pub fn from_vars(get: impl Fn(&str) -> Option<std::ffi::OsString>) -> Option<Self> {
        let var = |name| get(name).filter(|v| !v.is_empty());
        if var(SWITCH_VAR).is_some_and(|v| v == "off") {
            return None;
        }
        let dir = var(DIR_VAR).map(PathBuf::from).or_else(|| {
            var("XDG_CACHE_HOME")
                .map(PathBuf::from)
                .or_else(|| var("HOME").map(|home| PathBuf::from(home).join(".cache")))
                .map(|dir| dir.join("belarus-timeline"))
        })?;
        let min_bytes = var(MIN_BYTES_VAR)
            .and_then(|v| v.to_str().and_then(|v| v.trim().parse().ok()))
            .unwrap_or(DEFAULT_MIN_BYTES);
        Some(Self { dir, min_bytes })
    }

    /// The cache file of the events file at `path` (made absolute): its name is the hash of
    /// the path.
    pub fn entry(&self, path: &Path) -> PathBuf {
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let key = xxh3_64(absolute.as_os_str().as_encoded_bytes());
        self.dir.join(format!("{key:016x}.cache"))
    }

    /// Opens the events file at `path`: from its cache when the cache is valid, else by
    /// reading the file (then [`Opened::to_write`] says to write a cache). Never fails on the
    /// cache: a bad cache is a miss.
    pub fn open(&self, path: &Path, progress: &Progress) -> Opened {
        let stamp = std::fs::metadata(path)
            .ok()
            .filter(|m| m.is_file())
            .and_then(|m| Stamp::of(&m).ok());
        let Some(stamp) = stamp.filter(|s| s.size >= self.min_bytes) else {
            return Opened::read(path, progress, None, None);
        };
        match self.try_read(path, stamp, progress) {
            Ok(Hit::Timeline(timeline, index)) => Opened {
                result: Ok(*timeline),
                index: IndexCell::ready(*index),
                source: Source::Cache,
                miss: None,
                to_write: None,
            },
            Ok(Hit::Changed(bytes)) => {
                let result = load::load_read(bytes, path, Some(progress));
                Opened {
                    result,
                    index: IndexCell::default(),
                    source: Source::File,
                    miss: Some(CacheError::Stale("same size and time, other content")),
                    to_write: Some(stamp),
                }
            }
            Err(miss) => Opened::read(path, progress, Some(miss), Some(stamp)),
        }
    }

    /// The cache's timeline for the file, or the file's bytes when they are not what the
    /// cache was made from; an error when the cache is not there or not usable.
    fn try_read(&self, path: &Path, stamp: Stamp, progress: &Progress) -> Result<Hit, CacheError> {
        let entry = self.entry(path);
        let mut cache = match std::fs::File::open(&entry) {
            Ok(file) => file,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                return Err(CacheError::Missing);
            }
            Err(err) => return Err(err.into()),
        };
        let mut head = [0u8; header::LEN];
        cache.read_exact(&mut head)?;
        let header = Header::read(&head)?;
        if header.program != header::program() {
            return Err(CacheError::OtherVersion);
        }
        if header.stamp.size != stamp.size {
            return Err(CacheError::Stale("its size"));
        }
        if header.stamp.modified != stamp.modified {
            return Err(CacheError::Stale("its modification time"));
        }
        let file = std::fs::File::open(path)?;
        // The path may have been replaced since it was looked at.
        let opened = file.metadata()?;
        if !opened.is_file() || Stamp::of(&opened)? != stamp {
            return Err(CacheError::Stale("it changed as it was opened"));
        }
        let len = usize::try_from(stamp.size)
            .ok()
            .filter(|&len| len as u64 <= load::MAX_FILE_BYTES)
            .ok_or(CacheError::Stale("its size"))?;
        // The file is read, hashed and checked to be text on one core while the cache is
        // read, hashed and decoded on the other, which then helps with the rest of the file.
        progress.start(Phase::Reading, stamp.size);
        let (read, decoded) = read_text_beside(&file, len, Some(progress), || {
            read_payload(cache, &header).and_then(|payload| decode(&payload, &header))
        });
        let read = read?;
        // It may have grown or been written to while it was read.
        if Stamp::of(&file.metadata()?)? != stamp {
            return Err(CacheError::Stale("it changed while it was read"));
        }
        progress.start(Phase::Cache, 1);
        progress.set(1);
        let text = match read.text {
            Ok(text) if read.hash == header.content => text,
            // Not what the cache was made from (or, with a colliding hash, not text).
            Ok(text) => return Ok(Hit::Changed(text.into_bytes())),
            Err(bytes) => return Ok(Hit::Changed(bytes)),
        };
        let (decoded, index) = decoded?;
        let timeline = decoded.attach(text, Assets::beside(path))?;
        Ok(Hit::Timeline(Box::new(timeline), Box::new(index)))
    }

    /// Writes the cache of the file at `path`, read when it had `stamp`, as `timeline` and its
    /// `index`: to a temporary file, renamed into place. Returns the cache's size.
    pub fn write(
        &self,
        path: &Path,
        stamp: Stamp,
        timeline: &Timeline,
        index: &SearchIndex,
    ) -> Result<u64, CacheError> {
        let text = timeline.source_text();
        if text.len() as u64 != stamp.size {
            return Err(CacheError::Stale("it changed while it was read"));
        }
        let content = content_hash(text.as_bytes());
        let mut timeline_bytes = Writer::default();
        snapshot::encode(timeline, &mut timeline_bytes);
        let mut payload = Writer::default();
        payload.bytes(&timeline_bytes.buf);
        drop(timeline_bytes);
        index.encode(&mut payload);
        let size = (header::LEN + payload.buf.len()) as u64;
        if size > stamp.size {
            return Err(CacheError::TooLarge {
                cache: size,
                file: stamp.size,
            });
        }
        let mut head = Writer::default();
        Header {
            program: header::program(),
            stamp,
            content,
            payload_len: payload.buf.len() as u64,
            payload_hash: xxh3_64(&payload.buf),
        }
        .write(&mut head);
        std::fs::create_dir_all(&self.dir)?;
        let entry = self.entry(path);
        let temp = entry.with_extension(format!("tmp{}-{}", std::process::id(), fastrand::u32(..)));
        let written = (|| {
            let mut file = std::fs::File::create(&temp)?;
            file.write_all(&head.buf)?;
            file.write_all(&payload.buf)?;
            file.sync_all()?;
            std::fs::rename(&temp, &entry)
        })();
        if let Err(err) = written {
            let _ = std::fs::remove_file(&temp);
            return Err(err.into());
        }
        Ok(size)
    }
}

/// What a readable cache gave.
enum Hit {
    /// The timeline and its index.
    Timeline(Box<Timeline>, Box<SearchIndex>),
    /// The file is not what the cache was made from: its bytes, read already.
    Changed(Vec<u8>),
}

/// The timeline (its strings in the file not checked yet) and the index in a payload.
fn decode(payload: &[u8], header: &Header) -> Result<(Decoded, SearchIndex), CacheError> {
    let file_len =
        usize::try_from(header.stamp.size).map_err(|_| Corrupt("the file is too large"))?;
    let mut r = Reader::new(payload);
    let decoded = snapshot::decode(&mut Reader::new(r.bytes()?), file_len)?;
    let index = SearchIndex::decode(&mut r, decoded.timeline())?;
    if !r.is_done() {
        return Err(Corrupt("it goes on after the index").into());
    }
    Ok((decoded, index))
}

/// The payload after the header, checked against the header's length and hash.
fn read_payload(mut cache: std::fs::File, header: &Header) -> Result<Vec<u8>, CacheError> {
    let len = cache.metadata()?.len();
    if len != header::LEN as u64 + header.payload_len {
        return Err(Corrupt("its length is not the one its header gives").into());
    }
    let mut payload = Vec::with_capacity(usize::try_from(header.payload_len).unwrap_or(0));
    cache.read_to_end(&mut payload)?;
    if payload.len() as u64 != header.payload_len {
        return Err(Corrupt("it is cut short").into());
    }
    if xxh3_64(&payload) != header.payload_hash {
        return Err(Corrupt("its bytes do not match their hash").into());
    }
    Ok(payload)
}

impl Opened {
    /// Reads the file itself.
    fn read(
        path: &Path,
        progress: &Progress,
        miss: Option<CacheError>,
        to_write: Option<Stamp>,
    ) -> Self {
        Self {
            result: load::load_path_with(path, Some(progress)),
            index: IndexCell::default(),
            source: Source::File,
            miss,
            to_write,
        }
    }
}

/// Opens `path` through `cache` when there is one, else reads it.
pub fn open(path: &Path, cache: Option<&Cache>, progress: &Progress) -> Opened {
    match cache {
        Some(cache) => cache.open(path, progress),
        None => Opened::read(path, progress, None, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(vars: &[(&str, &str)]) -> Option<Cache> {
        Cache::from_vars(|name| vars.iter().find(|(n, _)| *n == name).map(|(_, v)| v.into()))
    }

    #[test]
    fn the_folder_and_threshold_come_from_the_environment() {
        let home = with(&[("HOME", "/home/a")]).expect("a cache");
        assert_eq!(home.dir, Path::new("/home/a/.cache/belarus-timeline"));
        assert_eq!(home.min_bytes, DEFAULT_MIN_BYTES);
        let xdg = with(&[("HOME", "/home/a"), ("XDG_CACHE_HOME", "/c")]).expect("a cache");
        assert_eq!(xdg.dir, Path::new("/c/belarus-timeline"));
        let own = with(&[
            ("XDG_CACHE_HOME", "/c"),
            (DIR_VAR, "/t/x"),
            (MIN_BYTES_VAR, "10"),
        ])
        .expect("a cache");
        assert_eq!((own.dir.as_path(), own.min_bytes), (Path::new("/t/x"), 10));
        assert_eq!(with(&[("HOME", "/h"), (SWITCH_VAR, "off")]), None);
        assert_eq!(with(&[]), None, "no folder known");
    }

    #[test]
    fn each_path_has_its_own_entry() {
        let cache = Cache {
            dir: "/c".into(),
            min_bytes: 0,
        };
        assert_ne!(
            cache.entry(Path::new("/a.ron")),
            cache.entry(Path::new("/b.ron"))
        );
        assert_eq!(
            cache.entry(Path::new("/a.ron")),
            cache.entry(Path::new("/a.ron"))
        );
    }
}
