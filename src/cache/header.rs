//! The fixed-size head of a cache file: what it is, which program wrote it, which file it
//! belongs to, and the length and hash of what follows.

use crate::model::bytes::{Corrupt, Reader, Writer};

/// What a cache file starts with.
const MAGIC: &[u8; 8] = b"BTLCACHE";

/// The layout's version: raised whenever the bytes of [`crate::model::snapshot`] or of the
/// search index change, or the content hash does (2: hashed in pieces,
/// [`crate::model::pieces::content_hash`]).
pub const FORMAT: u32 = 2;

/// The header's size in bytes.
pub const LEN: usize = 72;

/// The writing program: its version and the layout's, hashed. A cache of another version is
/// not read.
pub fn program() -> u64 {
    xxhash_rust::xxh3::xxh3_64(
        format!(
            "belarus-timeline {} cache {FORMAT}",
            env!("CARGO_PKG_VERSION")
        )
        .as_bytes(),
    )
}

/// What says which file a cache belongs to, without reading the file: its size and time of
/// last change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    /// Size in bytes.
    pub size: u64,
    /// Modification time: seconds since 1970 (negative before), and nanoseconds.
    pub modified: (i64, u32),
}

impl Stamp {
    /// The stamp of a file from its metadata.
    pub fn of(metadata: &std::fs::Metadata) -> std::io::Result<Self> {
        let modified = metadata.modified()?;
        let modified = match modified.duration_since(std::time::UNIX_EPOCH) {
            Ok(after) => (after.as_secs() as i64, after.subsec_nanos()),
            Err(before) => {
                let before = before.duration();
                (-(before.as_secs() as i64), before.subsec_nanos())
            }
        };
        Ok(Self {
            size: metadata.len(),
            modified,
        })
    }
}

/// The head of a cache file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Header {
    /// The program that wrote it ([`program`]).
    pub program: u64,
    /// The file it was made from.
    pub stamp: Stamp,
    /// The xxh3 hash of that file's bytes.
    pub content: u64,
    /// The length of the payload that follows.
    pub payload_len: u64,
    /// The xxh3 hash of the payload.
    pub payload_hash: u64,
}

impl Header {
    /// Its bytes.
    pub fn write(&self, w: &mut Writer) {
        w.buf.extend_from_slice(MAGIC);
        w.u32(FORMAT);
        w.u32(0);
        w.u64(self.program);
        w.u64(self.stamp.size);
        w.u64(self.stamp.modified.0 as u64);
        w.u32(self.stamp.modified.1);
        w.u32(0);
        w.u64(self.content);
        w.u64(self.payload_len);
        w.u64(self.payload_hash);
    }

    /// Reads a header; another layout's is an error.
    pub fn read(bytes: &[u8]) -> Result<Self, Corrupt> {
        let mut r = Reader::new(bytes);
        if r.take(MAGIC.len())? != MAGIC {
            return Err(Corrupt("it is not a cache file"));
        }
        if r.u32()? != FORMAT {
            return Err(Corrupt("it has another layout"));
        }
        r.u32()?;
        let program = r.u64()?;
        let size = r.u64()?;
        let modified = (r.u64()? as i64, r.u32()?);
        r.u32()?;
        Ok(Self {
            program,
            stamp: Stamp { size, modified },
            content: r.u64()?,
            payload_len: r.u64()?,
            payload_hash: r.u64()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_reads_back_and_has_its_length() {
        let header = Header {
            program: program(),
            stamp: Stamp {
                size: 12,
                modified: (-5, 7),
            },
            content: 1,
            payload_len: 2,
            payload_hash: 3,
        };
        let mut w = Writer::default();
        header.write(&mut w);
        assert_eq!(w.buf.len(), LEN);
        assert_eq!(Header::read(&w.buf), Ok(header));
        w.buf[0] = b'X';
        assert!(Header::read(&w.buf).is_err());
    }
}
