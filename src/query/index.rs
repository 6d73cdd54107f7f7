//! A search index: every distinct folded word of all events, each with the list of events
//! that contain it.
//!
//! A query word matches every indexed word that contains it (so "hrodn" finds "hrodna" and
//! "hrodnenskaia"). The words are few next to the events (a million events of a realistic file
//! hold about a million distinct words, most of them numbers), so one SIMD scan of the word list
//! finds the matching words, and their event lists give the events: the cost follows the
//! number of hits, not the size of the file.

mod snapshot;

use std::sync::{Arc, OnceLock};

use crate::model::Timeline;

/// The search index of one timeline, built once, on first use or ahead on a thread.
///
/// Clones share the same index, so a thread can build it while the window keeps a handle to
/// ask whether it is ready. A cell belongs to one timeline: make a new one for a new timeline.
#[derive(Clone, Debug, Default)]
pub struct IndexCell(Arc<OnceLock<SearchIndex>>);

impl IndexCell {
    /// The index of `timeline`, built now if it is not yet. Another thread asking meanwhile
    /// waits for the same build.
    pub fn get_or_build(&self, timeline: &Timeline) -> &SearchIndex {
        let index = self.0.get_or_init(|| SearchIndex::build(timeline));
        debug_assert_eq!(index.len, timeline.events.len(), "a cell per timeline");
        index
    }

    /// Whether the index has been built.
    pub fn is_ready(&self) -> bool {
        self.0.get().is_some()
    }

    /// A cell holding `index`, built before (read from the cache).
    pub fn ready(index: SearchIndex) -> Self {
        Self(Arc::new(OnceLock::from(index)))
    }

    /// The index, if it has been built.
    pub fn get(&self) -> Option<&SearchIndex> {
        self.0.get()
    }
}

/// Words and, per word, the events that contain it.
#[derive(Debug, Default)]
pub struct SearchIndex {
    /// Every distinct word, each followed by `\n`.
    words: Vec<u8>,
    /// Where each word starts in `words`; one entry more than there are words.
    word_starts: Vec<u32>,
    /// `events[postings[w]..postings[w + 1]]` are the events (ascending) that contain word `w`.
    postings: Vec<u32>,
    events: Vec<u32>,
    /// The events of each actor and of each place, the same way.
    actors: Postings,
    places: Postings,
    /// How many events the index was built for.
    len: usize,
}

/// Lists of event indices, one per key, in one buffer.
#[derive(Debug, Default)]
struct Postings {
    starts: Vec<u32>,
    events: Vec<u32>,
}

impl Postings {
    /// From (key, event) pairs in event order, for keys below `keys`.
    fn build(keys: usize, pairs: impl Iterator<Item = (u32, u32)> + Clone) -> Self {
        let mut starts = vec![0u32; keys + 1];
        for (k, _) in pairs.clone() {
            if let Some(count) = starts.get_mut(k as usize + 1) {
                *count += 1;
            }
        }
        for k in 0..keys {
            starts[k + 1] += starts[k];
        }
        let mut next = starts.clone();
        let mut events = vec![0u32; starts[keys] as usize];
        for (k, e) in pairs {
            if let Some(slot) = next.get_mut(k as usize) {
                events[*slot as usize] = e;
                *slot += 1;
            }
        }
        Self { starts, events }
    }

    fn of(&self, key: usize) -> &[u32] {
        match (self.starts.get(key), self.starts.get(key + 1)) {
            (Some(&a), Some(&b)) => &self.events[a as usize..b as usize],
            _ => &[],
        }
    }

    fn mark(&self, key: usize, marks: &mut [bool]) {
        for &event in self.of(key) {
            if let Some(mark) = marks.get_mut(event as usize) {
                *mark = true;
            }
        }
    }
}

/// The words of a run of events: numbered in order of first use, and (word, event) pairs in
/// event order.
#[derive(Default)]
struct Run {
    ids: crate::model::check::FastMap<Box<str>, u32>,
    words: Vec<u8>,
    word_starts: Vec<u32>,
    pairs: Vec<(u32, u32)>,
}

impl Run {
    fn build(timeline: &Timeline, events: std::ops::Range<usize>) -> Self {
        let mut run = Run {
            pairs: Vec::with_capacity(events.len() * 24),
            ..Run::default()
        };
        let mut seen: Vec<u32> = Vec::new();
        for e in events {
            let text = super::haystack(timeline, &timeline.events[e]);
            seen.clear();
            seen.extend(text.split(' ').filter(|w| !w.is_empty()).map(|w| run.id(w)));
            seen.sort_unstable();
            seen.dedup();
            run.pairs.extend(seen.iter().map(|&w| (w, e as u32)));
        }
        run
    }

    /// The number of `word`, given now if it is new.
    fn id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.word_starts.len() as u32;
        self.word_starts.push(self.words.len() as u32);
        self.words.extend_from_slice(word.as_bytes());
        self.words.push(b'\n');
        self.ids.insert(word.into(), id);
        id
    }

    /// Adds the run of the events that follow this one's.
    fn append(&mut self, next: Run) {
        let ends = next.word_starts.iter().skip(1).map(|&s| s as usize - 1);
        let ends = ends.chain(std::iter::once(next.words.len().saturating_sub(1)));
        let renumber: Vec<u32> = next
            .word_starts
            .iter()
            .zip(ends)
            .map(|(&start, end)| {
                let word = std::str::from_utf8(&next.words[start as usize..end]).unwrap_or("");
                self.id(word)
            })
            .collect();
        self.pairs.extend(
            next.pairs
                .into_iter()
                .map(|(w, e)| (renumber[w as usize], e)),
        );
    }
}

impl SearchIndex {
    /// Folds and splits every event's text. Linear in the size of the file; built once per
    /// timeline, on a thread of its own in the window.
    pub fn build(timeline: &Timeline) -> Self {
        // Folding and splitting the texts is most of the work: each core takes a run of the
        // events with a dictionary of its own, and the runs' words are then numbered in the
        // order of first use over all events, as one pass would number them.
        let parts = if timeline.events.len() < 20_000 {
            1
        } else {
            std::thread::available_parallelism().map_or(1, |p| p.get().min(4))
        };
        Self::build_in(timeline, parts)
    }

    /// [`SearchIndex::build`] on `parts` threads.
    fn build_in(timeline: &Timeline, parts: usize) -> Self {
        let n = timeline.events.len();
        let parts = parts.max(1);
        let step = n.div_ceil(parts).max(1);
        let runs: Vec<Run> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..n)
                .step_by(step)
                .map(|from| scope.spawn(move || Run::build(timeline, from..(from + step).min(n))))
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                })
                .collect()
        });
        let mut runs = runs.into_iter();
        let mut all = runs.next().unwrap_or_default();
        for run in runs {
            all.append(run);
        }
        let Run {
            ids,
            mut words,
            mut word_starts,
            pairs,
        } = all;
        drop(ids);
        word_starts.push(words.len() as u32);
        words.shrink_to_fit();
        let word_count = word_starts.len() - 1;
        let Postings {
            starts: postings,
            events,
        } = Postings::build(word_count, pairs.iter().copied());
        drop(pairs);
        let refs = |list: fn(&crate::model::Event) -> &[u32]| {
            timeline
                .events
                .iter()
                .enumerate()
                .flat_map(move |(e, event)| list(event).iter().map(move |&k| (k, e as u32)))
        };
        Self {
            words,
            word_starts,
            postings,
            events,
            actors: Postings::build(timeline.actors.len(), refs(crate::model::Event::actors)),
            places: Postings::build(timeline.places.len(), refs(crate::model::Event::places)),
            len: timeline.events.len(),
        }
    }

    /// Marks the events of actor `actor`.
    pub fn mark_actor(&self, actor: u32, marks: &mut [bool]) {
        self.actors.mark(actor as usize, marks);
    }

    /// Marks the events of place `place`.
    pub fn mark_place(&self, place: u32, marks: &mut [bool]) {
        self.places.mark(place as usize, marks);
    }

    /// How many distinct words there are.
    pub fn word_count(&self) -> usize {
        self.word_starts.len().saturating_sub(1)
    }

    /// Marks, per event, whether its text contains any of `needles` (folded words, no spaces).
    pub fn mark(&self, needles: &[String], marks: &mut [bool]) {
        debug_assert_eq!(marks.len(), self.len);
        for needle in needles.iter().filter(|n| !n.is_empty()) {
            let finder = memchr::memmem::Finder::new(needle.as_bytes());
            let mut from = 0;
            while let Some(found) = finder.find(&self.words[from..]) {
                let at = from + found;
                // The word that holds the hit: the last one starting at or before it.
                let word = self.word_starts.partition_point(|&s| s as usize <= at) - 1;
                let range = self.postings[word] as usize..self.postings[word + 1] as usize;
                for &event in &self.events[range] {
                    if let Some(mark) = marks.get_mut(event as usize) {
                        *mark = true;
                    }
                }
                // One hit per word is enough: go on from the next word.
                match self.word_starts.get(word + 1) {
                    Some(&next) if (next as usize) < self.words.len() => from = next as usize,
                    _ => break,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn threads_build_the_same_index_as_one_pass() {
        let mut text = Vec::new();
        crate::generate::write(&mut text, 900, 3).expect("generate");
        let text = String::from_utf8(text).expect("UTF-8");
        let timeline = crate::model::load_str(&text, "g.ron", &Default::default()).expect("loads");
        let one = SearchIndex::build_in(&timeline, 1);
        for parts in [2, 3, 7] {
            let many = SearchIndex::build_in(&timeline, parts);
            assert_eq!(many.words, one.words, "{parts}");
            assert_eq!(many.word_starts, one.word_starts);
            assert_eq!(many.postings, one.postings);
            assert_eq!(many.events, one.events);
        }
        assert!(one.word_count() > 100);
    }

    #[test]
    fn words_and_their_events() {
        let timeline = crate::model::load_bundled().expect("bundled data loads");
        let index = SearchIndex::build(&timeline);
        assert!(index.word_count() > 1000);
        // The index agrees with a plain scan of each event's text, for words, parts of words
        // and words that are nowhere.
        for needle in ["minsk", "hrodn", "strik", "ciha", "zzzzq", "1", "e"] {
            let mut marks = vec![false; timeline.events.len()];
            index.mark(&[needle.to_owned()], &mut marks);
            for (i, event) in timeline.events.iter().enumerate() {
                let text = crate::query::haystack(&timeline, event);
                assert_eq!(
                    marks[i],
                    text.contains(needle),
                    "{needle} in {}",
                    event.id()
                );
            }
        }
    }
}
