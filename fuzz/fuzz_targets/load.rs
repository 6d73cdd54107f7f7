//! Fuzz the loader: any bytes give a timeline or located errors, never a panic, hang or
//! unbounded memory.
#![no_main]

use belarus_timeline::model::{Assets, LoadError, load::load_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match load_bytes(data, "fuzz.ron", &Assets::Embedded(&[])) {
        Ok(timeline) => {
            // Warnings point inside the file, like errors.
            for w in &timeline.warnings {
                assert!(w.line >= 1 && w.col >= 1, "{w}");
            }
            // Every string of every event is a valid slice, and every event is found by its id.
            for (i, event) in timeline.events.iter().enumerate() {
                assert_eq!(timeline.event_index(event.id()), Some(i));
                let _ = event.title().iter().count() + event.summary().iter().count();
                for source in event.sources() {
                    let _ = (source.title.len(), source.publisher.len(), source.url, source.published);
                }
                let _ = (event.places(), event.actors(), event.tags());
            }
        }
        Err(LoadError::Invalid(diagnostics)) => {
            assert!(!diagnostics.is_empty());
            assert!(diagnostics.windows(2).all(|w| (w[0].line, w[0].col) <= (w[1].line, w[1].col)));
            let _ = belarus_timeline::model::error::capped_lines(&diagnostics, 10);
            for d in diagnostics {
                assert!(d.line >= 1 && d.col >= 1, "{d}");
            }
        }
        Err(other) => panic!("unexpected error kind for in-memory bytes: {other}"),
    }
});
