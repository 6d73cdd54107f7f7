//! Reading a file from a path: only a regular file, and never more than a limit.
//!
//! The size in a file's metadata says nothing for a device (`/dev/zero`), a pipe or a file that
//! grows while it is read, and opening a named pipe with no writer waits forever. So the kind of
//! file is checked before it is opened, and the bytes are read through a reader that stops one
//! byte past the limit, whatever the metadata said.

use std::fs::{File, FileType};
use std::io::Read;
use std::path::Path;

use super::progress::{Counting, Phase, Progress};

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file could not be opened or read.
    #[error("cannot read the file: {0}")]
    Io(#[from] std::io::Error),
    /// Not a regular file: refused before it was opened.
    #[error("this is {kind}, not a regular file: give the path of a file")]
    NotAFile {
        /// What it is instead ("a directory", "a named pipe" …).
        kind: &'static str,
    },
    /// Over the limit: reading stopped there.
    #[error("{}, larger than the limit of {limit} bytes; it was not read", size_text(*.size))]
    TooLarge {
        /// The size the metadata gave, if it gave one.
        size: Option<u64>,
        /// The limit.
        limit: u64,
    },
}

fn size_text(size: Option<u64>) -> String {
    match size {
        Some(size) => format!("the file is {size} bytes"),
        None => "the file goes on".into(),
    }
}

/// What a file that is not a regular file is, in words.
pub fn kind_of(file_type: &FileType) -> &'static str {
    if file_type.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a named pipe";
        }
        if file_type.is_socket() {
            return "a socket";
        }
        if file_type.is_char_device() {
            return "a character device";
        }
        if file_type.is_block_device() {
            return "a block device";
        }
    }
    "not a regular file"
}

/// Reads the regular file at `path` (following symbolic links), refusing anything else before
/// opening it, and stopping at `limit` bytes.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    read_bounded_with(path, limit, None)
}

/// [`read_bounded`], counting the bytes read into `progress` as they come.
pub fn read_bounded_with(
    path: &Path,
    limit: u64,
    progress: Option<&Progress>,
) -> Result<Vec<u8>, ReadError> {
    let metadata = std::fs::metadata(path)?;
    if !metadata.is_file() {
        return Err(ReadError::NotAFile {
            kind: kind_of(&metadata.file_type()),
        });
    }
    if metadata.len() > limit {
        return Err(ReadError::TooLarge {
            size: Some(metadata.len()),
            limit,
        });
    }
    let file = File::open(path)?;
    // The path may have been replaced between the check and the opening.
    let opened = file.metadata()?;
    if !opened.is_file() {
        return Err(ReadError::NotAFile {
            kind: kind_of(&opened.file_type()),
        });
    }
    match progress {
        Some(progress) => {
            progress.start(Phase::Reading, opened.len());
            read_limited(
                Counting {
                    inner: file,
                    progress,
                },
                limit,
                Some(opened.len()),
            )
        }
        None => read_limited(file, limit, Some(opened.len())),
    }
}

/// `bytes` as text, or back if they are not UTF-8. Checked with SIMD: a million events' file
/// is 680 MB, and std's check took 0.4–0.6 s of every open of it here, simdutf8's 0.08 s.
pub fn into_string(bytes: Vec<u8>) -> Result<String, Vec<u8>> {
    if simdutf8::basic::from_utf8(&bytes).is_err() {
        return Err(bytes);
    }
    // SAFETY: simdutf8 has just checked that `bytes` are UTF-8, all that this asks.
    Ok(unsafe { String::from_utf8_unchecked(bytes) })
}

/// How much is read at a time.
const CHUNK: u64 = 1 << 20;

/// Reads everything `reader` gives, up to `limit` bytes; more is an error. `hint` is the
/// expected size, used only to reserve memory.
pub fn read_limited(
    reader: impl Read,
    limit: u64,
    hint: Option<u64>,
) -> Result<Vec<u8>, ReadError> {
    let reserve = usize::try_from(hint.unwrap_or(0).min(limit)).unwrap_or(0);
    // Zeroed up front (fresh pages from the system, zero already): read straight into them.
    // `read_to_end` through a wrapping reader zeroes its spare room before every read, a
    // `memset` of the whole file (5% of reopening a million events).
    let mut bytes = vec![0u8; reserve.saturating_add(1)];
    let mut len = 0;
    let mut reader = reader.take(limit.saturating_add(1));
    // In steps, so that a progress bar fed by the reader moves.
    let step = usize::try_from(CHUNK).unwrap_or(usize::MAX);
    loop {
        if len == bytes.len() {
            // More than the hint said (a file that grew, or no hint): room for another step.
            bytes.resize(len.saturating_add(step), 0);
        }
        let end = len.saturating_add(step).min(bytes.len());
        let n = match reader.read(&mut bytes[len..end]) {
            Ok(0) => break,
            Ok(n) => n,
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err.into()),
        };
        len += n;
    }
    bytes.truncate(len);
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { size: None, limit });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn text_is_what_std_says_is_text(
            bytes in prop::collection::vec(any::<u8>(), 0..200),
            text in ".{0,100}",
            cut in 0usize..400,
        ) {
            prop_assert_eq!(into_string(bytes.clone()).ok(), String::from_utf8(bytes).ok());
            prop_assert_eq!(into_string(text.clone().into_bytes()).ok(), Some(text.clone()));
            // Cut anywhere, even inside a character.
            let cut = text.as_bytes()[..cut.min(text.len())].to_vec();
            prop_assert_eq!(into_string(cut.clone()).ok(), String::from_utf8(cut).ok());
        }
    }

    #[test]
    fn stops_one_byte_past_the_limit_of_an_endless_reader() {
        let endless = std::io::repeat(b'x');
        let err = read_limited(endless, 1000, None).unwrap_err();
        assert!(matches!(
            err,
            ReadError::TooLarge {
                size: None,
                limit: 1000
            }
        ));
        let exact = read_limited(&b"abc"[..], 3, Some(3)).unwrap();
        assert_eq!(exact, b"abc");
    }

    #[test]
    fn refuses_a_directory_before_opening_it() {
        let dir = std::env::temp_dir();
        let err = read_bounded(&dir, 10).unwrap_err();
        assert!(
            matches!(
                err,
                ReadError::NotAFile {
                    kind: "a directory"
                }
            ),
            "{err}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn refuses_a_device_and_a_pipe_at_once() {
        let err = read_bounded(Path::new("/dev/zero"), 10).unwrap_err();
        assert!(
            matches!(
                err,
                ReadError::NotAFile {
                    kind: "a character device"
                }
            ),
            "{err}"
        );
    }
}
