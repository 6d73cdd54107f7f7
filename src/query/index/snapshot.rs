//! A search index as bytes, for the open-file cache, and back, checked: every word start,
//! list bound and event number is within its range, so that a damaged cache cannot make a
//! search panic or find events that are not there.

use crate::model::Timeline;
use crate::model::bytes::{Corrupt, Reader, Writer};

use super::{Postings, SearchIndex};

impl SearchIndex {
    /// Writes the index.
    pub fn encode(&self, w: &mut Writer) {
        w.len(self.len);
        w.bytes(&self.words);
        w.u32s(&self.word_starts);
        w.u32s(&self.postings);
        w.u32s(&self.events);
        for postings in [&self.actors, &self.places] {
            w.u32s(&postings.starts);
            w.u32s(&postings.events);
        }
    }

    /// Reads an index written by [`SearchIndex::encode`] for `timeline`.
    pub fn decode(r: &mut Reader<'_>, timeline: &Timeline) -> Result<Self, Corrupt> {
        let len = r.len(0)?;
        if len != timeline.events.len() {
            return Err(Corrupt("the index is of another number of events"));
        }
        let words = r.bytes()?.to_vec();
        let word_starts = r.u32s()?;
        // The words, one after the other, each ended by a newline.
        let starts_ok = word_starts.first() == Some(&0)
            && word_starts.last() == Some(&(words.len() as u32))
            && word_starts.windows(2).all(|w| w[0] < w[1]);
        if !starts_ok {
            return Err(Corrupt("the index's words are out of order"));
        }
        let postings = r.u32s()?;
        let events = r.u32s()?;
        if postings.len() != word_starts.len() || !bounds_ok(&postings, events.len()) {
            return Err(Corrupt("the index's lists are out of order"));
        }
        if events.iter().any(|&e| e as usize >= len) {
            return Err(Corrupt("the index names an event that is not there"));
        }
        let actors = read_postings(r, timeline.actors.len(), len)?;
        let places = read_postings(r, timeline.places.len(), len)?;
        Ok(Self {
            words,
            word_starts,
            postings,
            events,
            actors,
            places,
            len,
        })
    }
}

/// Whether `starts` begins at 0, never goes back and ends at `total`.
fn bounds_ok(starts: &[u32], total: usize) -> bool {
    starts.first() == Some(&0)
        && starts.last().map(|&l| l as usize) == Some(total)
        && starts.windows(2).all(|w| w[0] <= w[1])
}

fn read_postings(r: &mut Reader<'_>, keys: usize, len: usize) -> Result<Postings, Corrupt> {
    let starts = r.u32s()?;
    let events = r.u32s()?;
    if starts.len() != keys + 1 || !bounds_ok(&starts, events.len()) {
        return Err(Corrupt(
            "the index's lists of places or actors are out of order",
        ));
    }
    if events.iter().any(|&e| e as usize >= len) {
        return Err(Corrupt("the index names an event that is not there"));
    }
    Ok(Postings { starts, events })
}
