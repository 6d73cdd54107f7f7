//! `export --format …`: the events a filter or a tour picks, written to standard output.

use std::path::Path;
use std::process::ExitCode;

use belarus_timeline::export::{self, Audience, Format, Handout};
use belarus_timeline::model::Lang;
use belarus_timeline::query::{Filter, IndexCell};

use super::{find_tour, load, print_out, report};

/// Writes the events of the file at `path` that `filter` shows (or the steps of `tour`, with
/// their notes) in `format`.
pub fn export(
    path: Option<&Path>,
    format: Format,
    filter: &Filter,
    tour: Option<&str>,
    audience: Audience,
    lang: Lang,
) -> ExitCode {
    let timeline = match load(path) {
        (Ok(timeline), _) => timeline,
        (Err(err), _) => return report(&err),
    };
    let (indices, tour) = match tour {
        Some(id) => match find_tour(&timeline, id) {
            Ok(t) => {
                let tour = &timeline.tours[t];
                (tour.steps.iter().map(|(i, _)| *i).collect(), Some(tour))
            }
            Err(err) => {
                eprintln!("error: {err}");
                return ExitCode::from(2);
            }
        },
        None => match filter.compile(&timeline, &IndexCell::default()) {
            Ok(compiled) => (compiled.apply(), None::<&belarus_timeline::model::Tour>),
            Err(err) => {
                eprintln!("error: {err}");
                return ExitCode::from(2);
            }
        },
    };
    let handout = Handout { tour, audience };
    match export::export(&timeline, &indices, handout, format, lang) {
        Ok(text) => print_out(&text),
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}
