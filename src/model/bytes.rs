//! A little-endian binary layout for the open-file cache: a writer that appends fixed-size
//! numbers and length-prefixed runs, and a reader that checks every length against what is
//! left, so that a truncated or damaged buffer is an error, never a panic.

use crate::model::Text;

/// Why bytes could not be read back: they are not what a writer of this layout wrote.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the cache is damaged: {0}")]
pub struct Corrupt(pub &'static str);

/// Appends values to a buffer.
#[derive(Debug, Default)]
pub struct Writer {
    /// What has been written.
    pub buf: Vec<u8>,
}

impl Writer {
    /// One byte.
    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }

    /// Two bytes.
    pub fn u16(&mut self, v: u16) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    /// Four bytes.
    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    /// Four bytes, signed.
    pub fn i32(&mut self, v: i32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    /// Eight bytes.
    pub fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    /// A length or index, as eight bytes.
    pub fn len(&mut self, v: usize) {
        self.u64(v as u64);
    }

    /// A float, bit for bit.
    pub fn f64(&mut self, v: f64) {
        self.u64(v.to_bits());
    }

    /// A run of bytes, with its length.
    pub fn bytes(&mut self, v: &[u8]) {
        self.len(v.len());
        self.buf.extend_from_slice(v);
    }

    /// A string, with its length.
    pub fn str(&mut self, v: &str) {
        self.bytes(v.as_bytes());
    }

    /// A string that may be absent.
    pub fn opt_str(&mut self, v: Option<&str>) {
        match v {
            Some(s) => {
                self.u8(1);
                self.str(s);
            }
            None => self.u8(0),
        }
    }

    /// A text in the three languages.
    pub fn text(&mut self, text: &Text) {
        for part in [&text.en, &text.be, &text.ru] {
            self.opt_str(part.as_deref());
        }
    }

    /// A list of strings.
    pub fn strs<S: AsRef<str>>(&mut self, list: &[S]) {
        self.len(list.len());
        for s in list {
            self.str(s.as_ref());
        }
    }

    /// A run of numbers, with its length.
    pub fn u32s(&mut self, v: &[u32]) {
        self.len(v.len());
        self.buf.reserve(v.len() * 4);
        for n in v {
            self.buf.extend_from_slice(&n.to_le_bytes());
        }
    }
}

/// Reads values back, in the order they were written, checking every length.
#[derive(Debug)]
pub struct Reader<'a> {
    buf: &'a [u8],
}

impl<'a> Reader<'a> {
    /// Reads `buf` from its start.
    pub fn new(buf: &'a [u8]) -> Self {
        Self { buf }
    }

    /// Whether everything has been read.
    pub fn is_done(&self) -> bool {
        self.buf.is_empty()
    }

    /// The next `n` bytes.
    pub fn take(&mut self, n: usize) -> Result<&'a [u8], Corrupt> {
        if n > self.buf.len() {
            return Err(Corrupt("it ends early"));
        }
        let (head, rest) = self.buf.split_at(n);
        self.buf = rest;
        Ok(head)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], Corrupt> {
        let mut out = [0; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }

    /// One byte.
    pub fn u8(&mut self) -> Result<u8, Corrupt> {
        Ok(self.array::<1>()?[0])
    }

    /// Two bytes.
    pub fn u16(&mut self) -> Result<u16, Corrupt> {
        self.array().map(u16::from_le_bytes)
    }

    /// Four bytes.
    pub fn u32(&mut self) -> Result<u32, Corrupt> {
        self.array().map(u32::from_le_bytes)
    }

    /// Four bytes, signed.
    pub fn i32(&mut self) -> Result<i32, Corrupt> {
        self.array().map(i32::from_le_bytes)
    }

    /// Eight bytes.
    pub fn u64(&mut self) -> Result<u64, Corrupt> {
        self.array().map(u64::from_le_bytes)
    }

    /// A length or index. A count of items of at least `min_item_bytes` each (0 for a plain
    /// number) must fit in what is left, so that a damaged count cannot ask for more memory
    /// than the buffer could describe.
    pub fn len(&mut self, min_item_bytes: usize) -> Result<usize, Corrupt> {
        let n = usize::try_from(self.u64()?).map_err(|_| Corrupt("a length is too large"))?;
        if min_item_bytes > 0 && n.saturating_mul(min_item_bytes) > self.buf.len() {
            return Err(Corrupt("a length is larger than what is left"));
        }
        Ok(n)
    }

    /// A float.
    pub fn f64(&mut self) -> Result<f64, Corrupt> {
        self.u64().map(f64::from_bits)
    }

    /// A run of bytes.
    pub fn bytes(&mut self) -> Result<&'a [u8], Corrupt> {
        let n = self.len(1)?;
        self.take(n)
    }

    /// A string.
    pub fn str(&mut self) -> Result<&'a str, Corrupt> {
        std::str::from_utf8(self.bytes()?).map_err(|_| Corrupt("a string is not UTF-8"))
    }

    /// An owned string.
    pub fn string(&mut self) -> Result<String, Corrupt> {
        self.str().map(str::to_owned)
    }

    /// A string that may be absent.
    pub fn opt_string(&mut self) -> Result<Option<String>, Corrupt> {
        match self.u8()? {
            0 => Ok(None),
            1 => self.string().map(Some),
            _ => Err(Corrupt("an optional value has a bad tag")),
        }
    }

    /// A text in the three languages.
    pub fn text(&mut self) -> Result<Text, Corrupt> {
        Ok(Text {
            en: self.opt_string()?,
            be: self.opt_string()?,
            ru: self.opt_string()?,
        })
    }

    /// A list of strings.
    pub fn strings(&mut self) -> Result<Vec<String>, Corrupt> {
        let n = self.len(8)?;
        (0..n).map(|_| self.string()).collect()
    }

    /// A run of numbers.
    pub fn u32s(&mut self) -> Result<Vec<u32>, Corrupt> {
        let n = self.len(4)?;
        let bytes = self.take(n * 4)?;
        Ok(bytes
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_back_and_a_short_buffer_is_an_error() {
        let mut w = Writer::default();
        w.u8(7);
        w.u16(300);
        w.i32(-5);
        w.f64(1.5);
        w.text(&Text {
            en: Some("a".into()),
            be: None,
            ru: Some("б".into()),
        });
        w.u32s(&[1, 2, u32::MAX]);
        let mut r = Reader::new(&w.buf);
        assert_eq!(r.u8(), Ok(7));
        assert_eq!(r.u16(), Ok(300));
        assert_eq!(r.i32(), Ok(-5));
        assert_eq!(r.f64(), Ok(1.5));
        let text = r.text().unwrap();
        assert_eq!(
            (text.en.as_deref(), text.be, text.ru.as_deref()),
            (Some("a"), None, Some("б"))
        );
        assert_eq!(r.u32s(), Ok(vec![1, 2, u32::MAX]));
        assert!(r.is_done());
        for cut in 0..w.buf.len() {
            let mut r = Reader::new(&w.buf[..cut]);
            let all = (|| {
                r.u8()?;
                r.u16()?;
                r.i32()?;
                r.f64()?;
                r.text()?;
                r.u32s()
            })();
            assert!(all.is_err(), "cut at {cut}");
        }
    }
}
