//! When the one-pass read stops at a mistake: every element that does not fit its type is
//! reported (not only the first), and the text is mended so that the builder can check the
//! rest of the file (dates, references, links) instead of stopping there.
//!
//! Mending keeps every byte offset: an unknown field is renamed to the field it most likely
//! means (`titel` → `title`) when the name fits in place, else blanked with spaces; an element
//! that still does not fit its type is replaced by a stand-in with its id, padded with spaces,
//! whose own problems are not reported. A syntax error outside any element (or one that
//! breaks the structure, like a string that is not closed) cannot be mended: then only the
//! reader's errors are reported, placed where they start.

use ron::error::SpannedError;

use super::locate::{self, LineIndex};
use super::{check_as, describe};
use crate::model::build::{Mended, ReadFailure};
use crate::model::check::did_you_mean;
use crate::model::error::Diagnostic;
use crate::model::file;
use crate::model::problem::Path;

/// How many unknown fields of one element are renamed or blanked before it is given up.
const MAX_MENDS_PER_ELEMENT: usize = 8;

/// A list of the file, its element type and the stand-in for an element that cannot be read.
struct List {
    name: &'static str,
    check: fn(&str) -> Result<(), SpannedError>,
    /// The stand-in, given the element's id as written (with its quotes).
    stand_in: fn(&str) -> String,
}

const LISTS: [List; 6] = [
    List {
        name: "categories",
        check: check_as::<file::Category>,
        stand_in: |id| format!("Category(id:{id},name:{{}},colour:\"\")"),
    },
    List {
        name: "places",
        check: check_as::<file::Place>,
        stand_in: |id| format!("Place(id:{id},name:{{}},lat:0,lon:0)"),
    },
    List {
        name: "actors",
        check: check_as::<file::Actor>,
        stand_in: |id| format!("Actor(id:{id},kind:Person,name:{{}})"),
    },
    List {
        name: "eras",
        check: check_as::<file::Era>,
        stand_in: |id| format!("Era(id:{id},start:\"\",end:\"\",name:{{}})"),
    },
    List {
        name: "events",
        check: check_event,
        stand_in: |id| {
            format!(
                "Event(id:{id},start:\"\",category:\"\",importance:1,title:{{}},summary:{{}},sources:[])"
            )
        },
    },
    List {
        name: "tours",
        check: check_as::<file::Tour>,
        stand_in: |id| format!("Tour(id:{id},title:{{}},steps:[])"),
    },
];

/// Checks one event as the one-pass reader reads it, its strings borrowed: no copies of the
/// texts of a hundred thousand events only to find the few that do not fit.
fn check_event(text: &str) -> Result<(), SpannedError> {
    super::ron_options()
        .from_str::<crate::model::build::RawEvent<'_>>(text)
        .map(drop)
}

/// Every element that does not fit its type, and the text mended where it can be. `whole` is
/// `ron`'s error for the whole file.
pub(super) fn parse_problems(text: &str, file: &str, whole: &SpannedError) -> ReadFailure {
    let lines = LineIndex::new(text);
    let whole_at = lines.offset(whole.span.start.line, whole.span.start.col);
    let names: Vec<&str> = LISTS.iter().map(|l| l.name).collect();
    let (lists, complete) = locate::list_elements(text, &names);
    let mut diagnostics = Vec::new();
    let mut mended = complete.then(|| text.to_owned().into_bytes());
    let mut replaced = Vec::new();
    let mut whole_inside = false;
    for (name, elements) in &lists {
        let Some(list) = LISTS.iter().find(|l| l.name == name) else {
            continue;
        };
        for (i, span) in elements.iter().enumerate() {
            let element = &text[span.clone()];
            let Err(err) = (list.check)(element) else {
                continue;
            };
            whole_inside |= span.contains(&whole_at);
            let at = |err: &SpannedError| {
                let (line, col) = lines.line_col(span.start);
                let (err_line, err_col) = (err.span.start.line, err.span.start.col);
                let col = if err_line == 1 {
                    col + err_col - 1
                } else {
                    err_col
                };
                (line + err_line - 1, col)
            };
            let (line, col) = at(&err);
            diagnostics.push(Diagnostic::error(file, line, col, describe(&err.code)));
            let mend = mend_fields(element, err, list.check);
            for later in &mend.unknown_fields {
                let (line, col) = at(later);
                diagnostics.push(Diagnostic::error(file, line, col, describe(&later.code)));
            }
            let Some(bytes) = &mut mended else {
                continue;
            };
            match mend.text {
                Some(fixed) => bytes[span.clone()].copy_from_slice(fixed.as_bytes()),
                None => match stand_in(element, list) {
                    Some(stand_in) => {
                        bytes[span.clone()].copy_from_slice(stand_in.as_bytes());
                        replaced.push(Path::root().key(name).index(i));
                    }
                    None => mended = None,
                },
            }
        }
    }
    if !whole_inside {
        diagnostics.push(whole_problem(text, &lines, file, whole, whole_at));
        // The mistake that stopped the reading is outside the lists' elements: an unknown
        // field of the timeline itself is mended like one of an element; anything else (a
        // bracket, a string that swallowed the rest) cannot be got past.
        let top_level = match (&whole.code, &mut mended) {
            (
                ron::Error::NoSuchStructField {
                    expected, found, ..
                }
                | ron::Error::NoSuchEnumVariant {
                    expected, found, ..
                },
                Some(bytes),
            ) => find_field(text, found, whole_at).map(|field| {
                mend_field(bytes, &field, did_you_mean(found, expected.iter().copied()));
            }),
            _ => None,
        };
        if top_level.is_none() {
            mended = None;
        }
    }
    diagnostics.sort_by_key(|d| (d.line, d.col));
    diagnostics.dedup();
    ReadFailure {
        diagnostics,
        mended: mended
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .map(|text| Mended { text, replaced }),
    }
}

/// The whole file's error, said plainly where `ron`'s words would mislead: a string that was
/// not closed shows up as a missing comma somewhere after it.
fn whole_problem(
    text: &str,
    lines: &LineIndex<'_>,
    file: &str,
    whole: &SpannedError,
    whole_at: usize,
) -> Diagnostic {
    use ron::Error as E;
    let syntax = matches!(
        whole.code,
        E::Eof
            | E::ExpectedComma
            | E::ExpectedArrayEnd
            | E::ExpectedMapEnd
            | E::ExpectedMapColon
            | E::ExpectedStructLikeEnd
            | E::ExpectedStringEnd
            | E::ExpectedOptionEnd
            | E::ExpectedIdentifier
            | E::UnexpectedChar(_)
            | E::TrailingCharacters
    );
    if syntax && let Some(start) = locate::unclosed_string(text, whole_at) {
        let (line, col) = lines.line_col(start);
        return Diagnostic::error(
            file,
            line,
            col,
            format!(
                "the string starting at {line}:{col} is not closed: add the closing `\"` where the text ends"
            ),
        );
    }
    let (line, col) = (whole.span.start.line, whole.span.start.col);
    Diagnostic::error(file, line, col, describe(&whole.code))
}

/// What mending the unknown fields of one element gave.
struct FieldMend {
    /// The element with its unknown fields renamed or blanked, if that made it fit its type.
    text: Option<String>,
    /// The unknown fields found after the first one, positioned in the element.
    unknown_fields: Vec<SpannedError>,
}

/// Renames or blanks the unknown fields of `element` one by one, as long as that is what
/// stops it from fitting its type.
fn mend_fields(
    element: &str,
    first: SpannedError,
    check: fn(&str) -> Result<(), SpannedError>,
) -> FieldMend {
    let mut current = element.to_owned();
    let mut err = first;
    let mut unknown_fields = Vec::new();
    for _ in 0..MAX_MENDS_PER_ELEMENT {
        let ron::Error::NoSuchStructField {
            expected, found, ..
        } = &err.code
        else {
            break;
        };
        let at = LineIndex::new(&current).offset(err.span.start.line, err.span.start.col);
        let Some(field) = find_field(&current, found, at) else {
            break;
        };
        let suggestion = did_you_mean(found, expected.iter().copied());
        let mut bytes = std::mem::take(&mut current).into_bytes();
        mend_field(&mut bytes, &field, suggestion);
        let Ok(text) = String::from_utf8(bytes) else {
            break;
        };
        current = text;
        match check(&current) {
            Ok(()) => {
                return FieldMend {
                    text: Some(current),
                    unknown_fields,
                };
            }
            Err(next) => {
                if matches!(next.code, ron::Error::NoSuchStructField { .. }) {
                    unknown_fields.push(next.clone());
                }
                err = next;
            }
        }
    }
    FieldMend {
        text: None,
        unknown_fields,
    }
}

/// Renames the field to `suggestion` when the name fits before its value, else blanks it.
fn mend_field(bytes: &mut [u8], field: &locate::FieldSpan, suggestion: Option<&str>) {
    match suggestion {
        Some(name) if name.len() < field.value.start - field.name.start => {
            let room = &mut bytes[field.name.start..field.value.start];
            room.fill(b' ');
            room[..name.len()].copy_from_slice(name.as_bytes());
            room[name.len()] = b':';
        }
        _ => blank(&mut bytes[field.whole.clone()]),
    }
}

/// The field named `name` nearest to byte `at` of `text`: its name, value and whole extent
/// with its comma.
fn find_field(text: &str, name: &str, at: usize) -> Option<locate::FieldSpan> {
    let bytes = text.as_bytes();
    memchr::memmem::find_iter(bytes, name.as_bytes())
        .filter(|&start| {
            let before = start.checked_sub(1).map(|i| bytes[i]);
            !before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'"')
        })
        .filter_map(|start| {
            let after = &text[start + name.len()..];
            let colon = after.len() - after.trim_start().len();
            after[colon..].starts_with(':').then_some(())?;
            let value_start = start + name.len() + colon + 1;
            let value_start =
                value_start + (text[value_start..].len() - text[value_start..].trim_start().len());
            let value_end = locate::skip_value(text, value_start)?;
            let rest = &text[value_end..];
            let gap = rest.len() - rest.trim_start().len();
            let whole_end = if rest[gap..].starts_with(',') {
                value_end + gap + 1
            } else {
                value_end
            };
            Some(locate::FieldSpan {
                name: start..start + name.len(),
                value: value_start..value_end,
                whole: start..whole_end,
            })
        })
        .min_by_key(|field| field.name.start.abs_diff(at))
}

/// Spaces over `bytes`, keeping its line breaks.
fn blank(bytes: &mut [u8]) {
    for b in bytes {
        if *b != b'\n' {
            *b = b' ';
        }
    }
}

/// The stand-in for an element that cannot be read, with its id, padded to its length; `None`
/// when it does not fit.
fn stand_in(element: &str, list: &List) -> Option<String> {
    let id = locate::struct_fields(element, 0..element.len())
        .and_then(|fields| {
            fields
                .into_iter()
                .find(|f| &element[f.name.clone()] == "id")
                .map(|f| &element[f.value])
        })
        .filter(|id| id.starts_with('"') && id.ends_with('"') && id.len() >= 2)
        .unwrap_or("\"\"");
    let mut text = (list.stand_in)(id);
    if text.len() > element.len() {
        return None;
    }
    let newlines = element.bytes().filter(|&b| b == b'\n').count();
    let padding = element.len() - text.len();
    if padding < newlines {
        text.push_str(&" ".repeat(padding));
    } else {
        // Keep the element's line count, so that the mended text reads like the original.
        text.push_str(&"\n".repeat(newlines));
        text.push_str(&" ".repeat(padding - newlines));
    }
    Some(text)
}
