//! The RON reader: `events.ron` as curators write it, read in one pass into the
//! [`Builder`], with every error placed at its line and column.

pub mod locate;
mod recover;
mod stream;

use serde::de::DeserializeOwned;

use super::build::{Builder, ReadFailure, Reader};
use super::check::did_you_mean;
use super::error::Diagnostic;
use super::problem::{Part, Path, Problem};
use locate::LineIndex;

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
    ) -> Result<(), ReadFailure> {
        let body = body(text);
        if body.trim().is_empty() {
            return Err(vec![Diagnostic::error(
                file,
                1,
                1,
                "the file is empty: expected `Timeline(title: …, categories: […], events: […])`"
                    .into(),
            )]
            .into());
        }
        stream::read(body, builder).map_err(|err| {
            let bom = text.len() - body.len();
            let mut failure = recover::parse_problems(body, file, &err);
            if let Some(mended) = &mut failure.mended {
                mended.text.insert_str(0, &text[..bom]);
            }
            failure
        })
    }

    fn locate(&self, text: &str, file: &str, problems: Vec<Problem>) -> Vec<Diagnostic> {
        let text = body(text);
        let requests: Vec<(&Path, Part)> = problems.iter().map(|p| (&p.path, p.part)).collect();
        let offsets = locate::locate(text, &requests);
        let lines = LineIndex::new(text);
        let mut diagnostics: Vec<Diagnostic> = problems
            .into_iter()
            .zip(offsets)
            .map(|(problem, offset)| Diagnostic::located(file, lines.line_col(offset), problem))
            .collect();
        diagnostics.sort_by_key(|d| (d.line, d.col));
        diagnostics
    }
}

pub(super) fn check_as<T: DeserializeOwned>(text: &str) -> Result<(), ron::error::SpannedError> {
    ron_options().from_str::<T>(text).map(drop)
}

pub fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(64)
}

/// A clearer message than `ron`'s for the mistakes people make by hand.
pub(super) fn describe(code: &ron::Error) -> String {
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
