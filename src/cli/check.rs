//! `check [PATH] [--strict]`: a summary of a file that loads (after its warnings), or every
//! error of one that does not.

use std::path::Path;
use std::process::ExitCode;

use belarus_timeline::model::error::{capped_lines, thousands};

use super::{MAX_SHOWN, load, print_out, report, write_lines};

/// Checks the file at `path` (the bundled one without a path): prints its warnings and a
/// summary, or every error and fails. With `strict`, warnings fail too.
pub fn check(path: Option<&Path>, strict: bool) -> ExitCode {
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
            let warnings = &timeline.warnings;
            write_lines(
                &mut std::io::stderr().lock(),
                capped_lines(warnings, MAX_SHOWN),
            );
            let warned = match warnings.len() {
                0 => String::new(),
                1 => ", 1 warning".to_owned(),
                n => format!(", {} warnings", thousands(n)),
            };
            let printed = print_out(&format!(
                "{name}: ok: {} events, {} sources, {} categories, {} places, {} actors, {} eras, {} tours{tours}{span}{warned}\n",
                timeline.events.len(),
                timeline.source_count(),
                timeline.categories.len(),
                timeline.places.len(),
                timeline.actors.len(),
                timeline.eras.len(),
                timeline.tours.len(),
            ));
            if strict && !warnings.is_empty() {
                ExitCode::FAILURE
            } else {
                printed
            }
        }
        (Err(err), _) => report(&err),
    }
}
