//! Reading a regular file of known size in pieces, by as many threads as have time: each piece
//! is hashed and checked to be UTF-8 as soon as it is read, while it is still in the
//! processor's cache.
//!
//! Reopening a large file from the open-file cache reads the whole file (its text is what the
//! events' strings are slices of, and its hash says whether the cache belongs to it). On a
//! 2-core machine one thread reads it while the other decodes the cache; the decoder then
//! helps with the pieces left, so neither core waits for the other.
//!
//! The hash is xxh3 of the pieces' xxh3 hashes ([`content_hash`]): pieces hash in any order.

use std::fs::File;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use xxhash_rust::xxh3::xxh3_64;

use super::progress::Progress;

/// The size of a piece: part of [`content_hash`]'s definition (a cache records hashes made
/// with it).
pub const PIECE: usize = 4 << 20;

/// The hash of `bytes` that [`read_text_beside`] gives: xxh3 of the length and of each
/// [`PIECE`]-sized piece's xxh3.
pub fn content_hash(bytes: &[u8]) -> u64 {
    combine(bytes.len(), bytes.chunks(PIECE).map(xxh3_64))
}

fn combine(len: usize, hashes: impl Iterator<Item = u64>) -> u64 {
    let mut all = (len as u64).to_le_bytes().to_vec();
    hashes.for_each(|h| all.extend_from_slice(&h.to_le_bytes()));
    xxh3_64(&all)
}

/// What reading and checking one piece found.
#[derive(Clone, Copy, Debug, Default)]
struct Piece {
    /// Done.
    read: bool,
    hash: u64,
    /// Where (in the piece) its first character starts: before it are up to 3 continuation
    /// bytes of the character the previous piece ends with.
    head: usize,
    /// Where (in the piece) a character that the piece cuts starts; the piece's length if
    /// none is cut. Between `head` and here the piece is UTF-8.
    tail: usize,
    /// Not UTF-8 between `head` and `tail`.
    broken: bool,
}

/// A file read whole by [`read_text_beside`].
#[derive(Debug)]
pub struct TextRead {
    /// The text, or the bytes if they are not UTF-8.
    pub text: Result<String, Vec<u8>>,
    /// [`content_hash`] of the bytes.
    pub hash: u64,
}

/// Reads the `len` bytes of the regular file `file` on this thread and on one more, which
/// first does `other` and then helps with the pieces left; hashes them and checks that they
/// are text as they come. Returns the file (or the first error reading it) and what `other`
/// gave. A file shorter than `len` is an error; one that is longer is read to `len` (check its
/// length again afterwards).
pub fn read_text_beside<R: Send>(
    file: &File,
    len: usize,
    progress: Option<&Progress>,
    other: impl FnOnce() -> R + Send,
) -> (std::io::Result<TextRead>, R) {
    // Zeroed fresh pages from the system, read straight into.
    let mut bytes = vec![0u8; len];
    let (read, other) = {
        let pieces = Pieces::new(file, &mut bytes, progress);
        let other = std::thread::scope(|scope| {
            let helper = scope.spawn(|| {
                let other = other();
                pieces.work();
                other
            });
            pieces.work();
            helper
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        });
        (pieces.finish(), other)
    };
    let read = read.map(|(hash, pieces)| {
        let text = if stitched(&bytes, &pieces, PIECE) {
            // SAFETY: every byte is in one of the ranges `stitched` and `check` found UTF-8:
            // each piece from its head to its tail, and each seam from one piece's tail to the
            // next one's head (or the end). The ranges follow one another from the first byte
            // to the last, each begins and ends at a character's edge, so the whole is UTF-8.
            // `pieces` were made from these very bytes (`bytes` is private to this function).
            Ok(unsafe { String::from_utf8_unchecked(bytes) })
        } else {
            Err(bytes)
        };
        TextRead { text, hash }
    });
    (read, other)
}

/// A file being read into `bytes` in pieces: [`Pieces::work`] from any number of threads,
/// then [`Pieces::finish`].
struct Pieces<'a> {
    file: &'a File,
    progress: Option<&'a Progress>,
    len: usize,
    next: Mutex<std::iter::Enumerate<std::slice::ChunksMut<'a, u8>>>,
    pieces: Mutex<Vec<Piece>>,
    failed: Mutex<Option<std::io::Error>>,
    stop: AtomicBool,
}

impl<'a> Pieces<'a> {
    /// Reads `file` into `bytes` (as many as there are), counting them into `progress`.
    fn new(file: &'a File, bytes: &'a mut [u8], progress: Option<&'a Progress>) -> Self {
        let len = bytes.len();
        Self {
            file,
            progress,
            len,
            next: Mutex::new(bytes.chunks_mut(PIECE).enumerate()),
            pieces: Mutex::new(vec![Piece::default(); len.div_ceil(PIECE)]),
            failed: Mutex::new(None),
            stop: AtomicBool::new(false),
        }
    }

    /// Reads, hashes and checks pieces until none is left (or one failed).
    fn work(&self) {
        while !self.stop.load(Ordering::Relaxed) {
            let next = self.next.lock().map(|mut next| next.next()).ok().flatten();
            let Some((i, bytes)) = next else { return };
            match read_at(self.file, bytes, (i * PIECE) as u64) {
                Ok(()) => {
                    let piece = check(bytes, i == 0);
                    if let Ok(mut pieces) = self.pieces.lock() {
                        pieces[i] = piece;
                    }
                    if let Some(progress) = self.progress {
                        progress.add(bytes.len() as u64);
                    }
                }
                Err(err) => {
                    self.stop.store(true, Ordering::Relaxed);
                    if let Ok(mut failed) = self.failed.lock() {
                        failed.get_or_insert(err);
                    }
                }
            }
        }
    }

    /// The hash of the bytes and what each piece found, once every piece is read; the first
    /// error otherwise.
    fn finish(self) -> std::io::Result<(u64, Vec<Piece>)> {
        if let Some(err) = self.failed.into_inner().ok().flatten() {
            return Err(err);
        }
        let pieces = self
            .pieces
            .into_inner()
            .map_err(|_| std::io::Error::other("a reading thread failed"))?;
        if pieces.iter().any(|p| !p.read) {
            return Err(std::io::Error::other("a piece of the file was not read"));
        }
        Ok((combine(self.len, pieces.iter().map(|p| p.hash)), pieces))
    }
}

/// Fills `bytes` from `file` at `offset`; a file shorter than that is an error.
fn read_at(file: &File, bytes: &mut [u8], offset: u64) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileExt as _;
        file.read_exact_at(bytes, offset)
    }
    #[cfg(windows)]
    {
        use std::os::windows::fs::FileExt as _;
        let mut done = 0;
        while done < bytes.len() {
            match file.seek_read(&mut bytes[done..], offset + done as u64) {
                Ok(0) => return Err(std::io::ErrorKind::UnexpectedEof.into()),
                Ok(n) => done += n,
                Err(err) if err.kind() == std::io::ErrorKind::Interrupted => {}
                Err(err) => return Err(err),
            }
        }
        Ok(())
    }
}

/// Hashes one piece and checks it between its first character and the character it cuts.
fn check(bytes: &[u8], first: bool) -> Piece {
    // A character is at most 4 bytes: its continuation bytes in this piece are at most 3.
    let head = if first {
        0
    } else {
        bytes
            .iter()
            .take(4)
            .position(|&b| !is_continuation(b))
            .unwrap_or(bytes.len().min(4))
    };
    let (tail, broken) = match simdutf8::compat::from_utf8(&bytes[head..]) {
        Ok(_) => (bytes.len(), false),
        Err(err) if err.error_len().is_none() => (head + err.valid_up_to(), false),
        Err(_) => (bytes.len(), true),
    };
    Piece {
        read: true,
        hash: xxh3_64(bytes),
        head,
        tail,
        broken,
    }
}

fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// Whether `bytes`, read as `pieces` of `size` bytes, are UTF-8: each piece is between its
/// head and tail, and so must be each seam, from one piece's tail to the next piece's head
/// (over any piece of continuation bytes only, whose head is its end), and the last seam to
/// the end.
fn stitched(bytes: &[u8], pieces: &[Piece], size: usize) -> bool {
    if pieces.iter().any(|p| p.broken) {
        return false;
    }
    let valid = |from: usize, to: usize| simdutf8::basic::from_utf8(&bytes[from..to]).is_ok();
    let mut from = 0;
    for (i, piece) in pieces.iter().enumerate() {
        let start = i * size;
        let len = size.min(bytes.len() - start);
        if i > 0 && piece.head == len {
            continue;
        }
        if !valid(from, start + piece.head) {
            return false;
        }
        from = start + piece.tail;
    }
    valid(from, bytes.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Checks `bytes` piece by piece as [`read_text_beside`] does, with pieces of `size`.
    fn utf8_in_pieces(bytes: &[u8], size: usize) -> bool {
        let pieces: Vec<Piece> = bytes
            .chunks(size)
            .enumerate()
            .map(|(i, piece)| check(piece, i == 0))
            .collect();
        stitched(bytes, &pieces, size)
    }

    proptest! {
        #[test]
        fn pieces_are_text_exactly_when_the_whole_is(
            bytes in prop::collection::vec(prop_oneof![
                Just(0x41u8), Just(0xD0), Just(0x91), Just(0xE2), Just(0x80), Just(0x94),
                Just(0xF0), Just(0x9F), Just(0x98), Just(0xFF), any::<u8>(),
            ], 0..60),
            text in ".{0,30}",
            size in 1usize..9,
        ) {
            let whole = std::str::from_utf8(&bytes).is_ok();
            prop_assert_eq!(utf8_in_pieces(&bytes, size), whole);
            prop_assert!(utf8_in_pieces(text.as_bytes(), size));
        }
    }

    fn read_file(text: &[u8], len: usize) -> (std::io::Result<TextRead>, u32) {
        let dir = tempfile::tempdir().expect("a folder");
        let path = dir.path().join("f.txt");
        std::fs::write(&path, text).expect("written");
        let file = File::open(&path).expect("opened");
        let progress = Progress::default();
        read_text_beside(&file, len, Some(&progress), || 7)
    }

    #[test]
    fn a_file_read_by_two_threads_is_the_file() {
        // Almost two pieces of two-byte characters, so that one is cut at the seam.
        let text = "ё".repeat(PIECE - 1) + "a";
        let (read, other) = read_file(text.as_bytes(), text.len());
        let read = read.expect("read");
        assert_eq!(other, 7, "the other work is done");
        assert_eq!(read.text.as_deref(), Ok(text.as_str()));
        assert_eq!(read.hash, content_hash(text.as_bytes()));
        assert_ne!(read.hash, content_hash(&text.as_bytes()[1..]));
    }

    #[test]
    fn bytes_that_are_not_text_come_back_and_a_short_file_is_an_error() {
        let mut bytes = "ё".repeat(PIECE).into_bytes();
        // A character's first byte, at the start of a piece, replaced: its second half is alone.
        bytes[PIECE] = b'a';
        let (read, _) = read_file(&bytes, bytes.len());
        let read = read.expect("read");
        assert_eq!(read.text, Err(bytes.clone()));
        assert_eq!(read.hash, content_hash(&bytes));
        let (short, _) = read_file(b"abc", 4);
        assert_eq!(
            short.map(|_| ()).map_err(|e| e.kind()),
            Err(std::io::ErrorKind::UnexpectedEof)
        );
    }
}
