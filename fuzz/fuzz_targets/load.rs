//! Fuzz the loader: any bytes give a timeline or located errors, never a panic, hang or
//! unbounded memory.
#![no_main]

use belarus_timeline::model::{Assets, LoadError, load::load_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match load_bytes(data, "fuzz.ron", &Assets::Embedded(&[])) {
        Ok(_) => {}
        Err(LoadError::Invalid(diagnostics)) => {
            assert!(!diagnostics.is_empty());
            for d in diagnostics {
                assert!(d.line >= 1 && d.col >= 1, "{d}");
            }
        }
        Err(other) => panic!("unexpected error kind for in-memory bytes: {other}"),
    }
});
