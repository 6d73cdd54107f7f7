//! A search index: every event's searchable text, folded once, in one buffer that a word is
//! found in with one SIMD scan.

use crate::model::Timeline;

/// The folded text of all events, end to end, with where each event's part starts.
#[derive(Debug, Default)]
pub struct SearchIndex {
    text: Vec<u8>,
    /// `starts[i]..starts[i + 1]` is event `i`'s text; one entry more than there are events.
    starts: Vec<usize>,
}

impl SearchIndex {
    /// Folds every event's text. Linear in the size of the file; built once per timeline.
    pub fn build(timeline: &Timeline) -> Self {
        let mut text = Vec::with_capacity(timeline.events.len() * 160);
        let mut starts = Vec::with_capacity(timeline.events.len() + 1);
        for event in &timeline.events {
            starts.push(text.len());
            text.extend_from_slice(super::haystack(timeline, event).as_bytes());
            // A separator no folded text contains, so no match spans two events.
            text.push(b'\n');
        }
        starts.push(text.len());
        Self { text, starts }
    }

    /// Marks, per event, whether its text contains any of `needles` (folded words).
    pub fn mark(&self, needles: &[String], marks: &mut [bool]) {
        for needle in needles.iter().filter(|n| !n.is_empty()) {
            let finder = memchr::memmem::Finder::new(needle.as_bytes());
            // Hits come in order, so the event that holds each one is found by walking forward.
            let mut event = 0;
            let mut from = 0;
            while let Some(found) = finder.find(&self.text[from..]) {
                let at = from + found;
                while self.starts.get(event + 1).is_some_and(|&next| next <= at) {
                    event += 1;
                }
                if let Some(mark) = marks.get_mut(event) {
                    *mark = true;
                }
                // One hit per event is enough: go on from the next event's text.
                from = match self.starts.get(event + 1) {
                    Some(&next) if next < self.text.len() => next,
                    _ => break,
                };
            }
        }
    }
}
