//! `check [PATH]`: a summary of a file that loads, or every error of one that does not.

use std::path::Path;
use std::process::ExitCode;

use super::load;

/// Checks the file at `path` (the bundled one without a path): prints a summary, or every error
/// and fails.
pub fn check(path: Option<&Path>) -> ExitCode {
    match load(path) {
        (Ok(timeline), name) => {
            let span = timeline
                .events
                .first()
                .zip(
                    timeline
                        .events
                        .iter()
                        .map(|e| e.end.unwrap_or(e.start))
                        .max_by_key(|d| d.date),
                )
                .map(|(first, last)| format!(", {} to {}", first.start, last))
                .unwrap_or_default();
            let tours: Vec<&str> = timeline.tours.iter().map(|t| t.id.as_str()).collect();
            let tours = if tours.is_empty() {
                String::new()
            } else {
                format!(" ({})", tours.join(", "))
            };
            println!(
                "{name}: ok: {} events, {} sources, {} categories, {} places, {} actors, {} eras, {} tours{tours}{span}",
                timeline.events.len(),
                timeline.source_count(),
                timeline.categories.len(),
                timeline.places.len(),
                timeline.actors.len(),
                timeline.eras.len(),
                timeline.tours.len(),
            );
            ExitCode::SUCCESS
        }
        (Err(err), _) => {
            for line in err.lines() {
                eprintln!("{line}");
            }
            ExitCode::FAILURE
        }
    }
}
