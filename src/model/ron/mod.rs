//! The RON reader: `events.ron` as curators write it, read in one pass into the
//! [`Builder`], with every error placed at its line and column.

pub mod locate;
mod stream;

use serde::de::DeserializeOwned;

use super::build::{Builder, Reader};
use super::check::did_you_mean;
use super::error::Diagnostic;
use super::file;
use super::problem::{Part, Path, Problem};
use locate::{Node, line_col};

/// Reads RON (`Timeline(title: …, categories: […], events: […], …)`).
#[derive(Clone, Copy, Debug, Default)]
pub struct Ron;

/// A byte order mark is allowed before the text, and skipped.
fn body(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

impl Reader for Ron {
    fn read<'s>(
        &self,
        text: &'s str,
        file: &str,
        builder: &mut Builder<'s>,
    ) -> Result<(), Vec<Diagnostic>> {
        let body = body(text);
        if body.trim().is_empty() {
            return Err(vec![Diagnostic {
                file: file.to_owned(),
                line: 1,
                col: 1,
                message:
                    "the file is empty: expected `Timeline(title: …, categories: […], events: […])`"
                        .into(),
            }]);
        }
        stream::read(body, builder).map_err(|err| parse_problems(body, file, &err))
    }

    fn locate(&self, text: &str, file: &str, problems: Vec<Problem>) -> Vec<Diagnostic> {
        let text = body(text);
        let root = Node::parse(text);
        let mut diagnostics: Vec<Diagnostic> = problems
            .into_iter()
            .map(|problem| {
                let (line, col) = match (problem.part, &root) {
                    (Part::Value, Some(root)) => {
                        line_col(text, root.find(&problem.path).span.start)
                    }
                    (Part::Key, Some(root)) => line_col(text, root.find_key(&problem.path)),
                    (_, None) => (1, 1),
                };
                Diagnostic {
                    file: file.to_owned(),
                    line,
                    col,
                    message: problem.message,
                }
            })
            .collect();
        diagnostics.sort_by_key(|d| (d.line, d.col));
        diagnostics
    }
}

/// Every element that does not fit its type, not only the first: `whole_error` is `ron`'s
/// error for the whole file, and each list element is parsed again on its own.
fn parse_problems(
    text: &str,
    file: &str,
    whole_error: &ron::error::SpannedError,
) -> Vec<Diagnostic> {
    let at = |line, col, message| Diagnostic {
        file: file.to_owned(),
        line,
        col,
        message,
    };
    let mut problems = Vec::new();
    if let Some(root) = Node::parse(text) {
        let mut each =
            |field: &str, check: &dyn Fn(&str) -> Result<(), ron::error::SpannedError>| {
                for element in root.find(&Path::root().key(field)).elements() {
                    if let Err(err) = check(&text[element.span.clone()]) {
                        let (line, col) = line_col(text, element.span.start);
                        let (err_line, err_col) = (err.span.start.line, err.span.start.col);
                        let col = if err_line == 1 {
                            col + err_col - 1
                        } else {
                            err_col
                        };
                        problems.push(at(line + err_line - 1, col, describe(&err.code)));
                    }
                }
            };
        each("categories", &check_as::<file::Category>);
        each("places", &check_as::<file::Place>);
        each("actors", &check_as::<file::Actor>);
        each("eras", &check_as::<file::Era>);
        each("events", &check_as::<file::EventRecord>);
        each("tours", &check_as::<file::Tour>);
    }
    let (line, col) = (whole_error.span.start.line, whole_error.span.start.col);
    if !problems.iter().any(|p| (p.line, p.col) == (line, col)) {
        problems.push(at(line, col, describe(&whole_error.code)));
    }
    problems.sort_by_key(|d| (d.line, d.col));
    problems
}

fn check_as<T: DeserializeOwned>(text: &str) -> Result<(), ron::error::SpannedError> {
    ron_options().from_str::<T>(text).map(drop)
}

pub fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(64)
}

/// A clearer message than `ron`'s for the mistakes people make by hand.
fn describe(code: &ron::Error) -> String {
    use ron::Error as E;
    let outer_name = |outer: &Option<String>| {
        outer
            .as_deref()
            .map(|o| format!(" in `{o}`"))
            .unwrap_or_default()
    };
    match code {
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let hint = did_you_mean(found, expected.iter().copied())
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            format!(
                "unknown field `{found}`{}{hint} (expected one of: {})",
                outer_name(outer),
                expected.join(", ")
            )
        }
        E::MissingStructField { field, outer } => {
            format!("missing field `{field}`{}", outer_name(outer))
        }
        E::DuplicateStructField { field, outer } => {
            format!("field `{field}` is given twice{}", outer_name(outer))
        }
        E::NoSuchEnumVariant {
            expected, found, ..
        } => {
            let hint = did_you_mean(found, expected.iter().copied())
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            format!(
                "unknown value `{found}`{hint} (expected one of: {})",
                expected.join(", ")
            )
        }
        E::ExpectedDifferentStructName { expected, found } => {
            format!("expected `{expected}(…)`, found `{found}(…)`")
        }
        E::ExceededRecursionLimit => {
            "the brackets are nested too deeply (more than 64 levels): check for unclosed brackets"
                .into()
        }
        E::Eof => "the file ends too early: a bracket or quote is not closed".into(),
        other => {
            let text = other.to_string();
            let mut chars = text.chars();
            chars
                .next()
                .map(|c| c.to_lowercase().collect::<String>() + chars.as_str())
                .unwrap_or(text)
        }
    }
}
