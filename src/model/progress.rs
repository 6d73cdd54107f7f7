//! How far the loading of a file has come, shared between the thread that loads it and the
//! window that shows a progress bar.

use std::sync::atomic::{AtomicU8, AtomicU64, Ordering};

/// What the loader is doing now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Reading the file's bytes.
    Reading,
    /// Reading and checking the events (the bytes are where the reader has come to).
    Checking,
    /// Reading the cache of a file opened before.
    Cache,
}

/// A loader's progress: its phase, and bytes done of a total. Written by the loading thread,
/// read by the window with relaxed atomics (a bar needs no more).
#[derive(Debug, Default)]
pub struct Progress {
    phase: AtomicU8,
    done: AtomicU64,
    total: AtomicU64,
}

impl Progress {
    /// Starts `phase` over `total` bytes.
    pub fn start(&self, phase: Phase, total: u64) {
        self.phase.store(phase as u8, Ordering::Relaxed);
        self.done.store(0, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
    }

    /// `done` bytes of the phase's total are done.
    pub fn set(&self, done: u64) {
        self.done.store(done, Ordering::Relaxed);
    }

    /// `more` bytes more are done.
    pub fn add(&self, more: u64) {
        self.done.fetch_add(more, Ordering::Relaxed);
    }

    /// The phase, the bytes done and the total.
    pub fn get(&self) -> (Phase, u64, u64) {
        let phase = match self.phase.load(Ordering::Relaxed) {
            1 => Phase::Checking,
            2 => Phase::Cache,
            _ => Phase::Reading,
        };
        let total = self.total.load(Ordering::Relaxed);
        (phase, self.done.load(Ordering::Relaxed).min(total), total)
    }

    /// The part done, from 0 to 1.
    pub fn fraction(&self) -> f32 {
        let (_, done, total) = self.get();
        if total == 0 {
            0.0
        } else {
            (done as f64 / total as f64) as f32
        }
    }
}

/// A reader that counts the bytes it gives into a [`Progress`].
pub struct Counting<'p, R> {
    /// What is read.
    pub inner: R,
    /// Where the count goes.
    pub progress: &'p Progress,
}

impl<R: std::io::Read> std::io::Read for Counting<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.progress.add(n as u64);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_what_is_read() {
        let progress = Progress::default();
        progress.start(Phase::Reading, 10);
        let mut out = Vec::new();
        let mut reader = Counting {
            inner: &b"hello"[..],
            progress: &progress,
        };
        std::io::Read::read_to_end(&mut reader, &mut out).unwrap();
        assert_eq!(progress.get(), (Phase::Reading, 5, 10));
        assert_eq!(progress.fraction(), 0.5);
        progress.start(Phase::Checking, 4);
        progress.set(9);
        assert_eq!(
            progress.get(),
            (Phase::Checking, 4, 4),
            "never past the total"
        );
    }
}
