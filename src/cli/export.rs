//! `export --format …`: the events a filter or a tour picks, written to standard output.

use std::path::Path;
use std::process::ExitCode;

use belarus_timeline::export::{self, Format};
use belarus_timeline::model::Lang;
use belarus_timeline::query::{Filter, IndexCell};

use super::{find_tour, load, report};

/// Writes the events of the file at `path` that `filter` shows (or the steps of `tour`, with
/// their notes) in `format`.
pub fn export(
    path: Option<&Path>,
    format: Format,
    filter: &Filter,
    tour: Option<&str>,
    lang: Lang,
) -> ExitCode {
    let timeline = match load(path) {
        (Ok(timeline), _) => timeline,
        (Err(err), _) => return report(&err),
    };
    let (indices, notes): (Vec<usize>, Option<Vec<&belarus_timeline::model::Text>>) = match tour {
        Some(id) => match find_tour(&timeline, id) {
            Ok(t) => {
                let steps = &timeline.tours[t].steps;
                (
                    steps.iter().map(|(i, _)| *i).collect(),
                    Some(steps.iter().map(|(_, n)| n).collect()),
                )
            }
            Err(err) => {
                eprintln!("error: {err}");
                return ExitCode::from(2);
            }
        },
        None => match filter.compile(&timeline, &IndexCell::default()) {
            Ok(compiled) => (compiled.apply(), None),
            Err(err) => {
                eprintln!("error: {err}");
                return ExitCode::from(2);
            }
        },
    };
    match export::export(&timeline, &indices, notes.as_deref(), format, lang) {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}
