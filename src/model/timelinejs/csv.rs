//! The TimelineJS Google Sheets template, downloaded as CSV: the columns Year, Month, Day,
//! Time, End Year, End Month, End Day, End Time, Display Date, Headline, Text, Media, Media
//! Credit, Media Caption, Media Thumbnail, Type, Group, Background. A row of Type `title` is the
//! title slide, of Type `era` an era; the others are events. Columns are found by their
//! names, in any order; names are compared without case.

use super::date::{DateMapError, DateParts};
use super::{Document, Located, Media, Slide, SlideSpans, diagnostics, emit, file_title, located};
use crate::model::build::{Builder, ReadFailure, Reader};
use crate::model::error::Diagnostic;
use crate::model::problem::Problem;

/// Reads the TimelineJS sheet as CSV.
#[derive(Clone, Copy, Debug, Default)]
pub struct TimelineJsCsv;

/// The columns of the template, as named in its header.
const COLUMNS: &[&str] = &[
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Type",
    "Group",
    "Background",
];

/// A byte order mark is allowed before the text, and skipped.
fn body(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// The byte offset where each field of the record at `start` begins.
fn field_starts(text: &[u8], start: usize) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut i = start;
    loop {
        starts.push(i);
        if text.get(i) == Some(&b'"') {
            i += 1;
            while let Some(&b) = text.get(i) {
                i += 1;
                if b == b'"' {
                    if text.get(i) == Some(&b'"') {
                        i += 1;
                    } else {
                        break;
                    }
                }
            }
        }
        while text
            .get(i)
            .is_some_and(|b| !matches!(b, b',' | b'\n' | b'\r'))
        {
            i += 1;
        }
        if text.get(i) == Some(&b',') {
            i += 1;
        } else {
            return starts;
        }
    }
}

/// The document in `text`, or the mistakes that stop the reading, each at its offset.
fn document(text: &str) -> Result<Document, Vec<Located>> {
    let body = body(text);
    let bom = text.len() - body.len();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(true)
        .from_reader(body.as_bytes());
    let csv_error = |err: csv::Error| -> Located {
        let at = err.position().map_or(0, |p| p.byte() as usize);
        (bom + at, format!("the CSV cannot be read: {err}"))
    };
    let headers = reader
        .headers()
        .map_err(|err| vec![csv_error(err)])?
        .clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let missing: Vec<&str> = ["Year", "Headline"]
        .into_iter()
        .filter(|name| column(name).is_none())
        .collect();
    if !missing.is_empty() {
        return Err(vec![(
            bom,
            format!(
                "this CSV is not a TimelineJS sheet: it has no column {} (the sheet's columns are {})",
                missing
                    .iter()
                    .map(|m| format!("`{m}`"))
                    .collect::<Vec<_>>()
                    .join(" or "),
                COLUMNS.join(", ")
            ),
        )]);
    }
    let index = |name: &str| column(name);
    let (year, month, day, time) = (index("Year"), index("Month"), index("Day"), index("Time"));
    let (end_year, end_month, end_day, end_time) = (
        index("End Year"),
        index("End Month"),
        index("End Day"),
        index("End Time"),
    );
    let (display, headline, body_text) = (index("Display Date"), index("Headline"), index("Text"));
    let (media, credit, caption) = (
        index("Media"),
        index("Media Credit"),
        index("Media Caption"),
    );
    let (kind, group) = (index("Type"), index("Group"));

    let mut document = Document::default();
    let mut errors = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|err| vec![csv_error(err)])?;
        // The reader may place a record at the line break that ends the one before.
        let mut start = record.position().map_or(0, |p| p.byte() as usize);
        while matches!(body.as_bytes().get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        let starts = field_starts(body.as_bytes(), start);
        let at =
            |col: Option<usize>| bom + col.and_then(|c| starts.get(c).copied()).unwrap_or(start);
        let get = |col: Option<usize>| {
            col.and_then(|c| record.get(c))
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
        };
        if record.iter().all(|field| field.trim().is_empty()) {
            continue;
        }
        let mut date = |y, m, d, t: Option<usize>| -> Option<DateParts> {
            let mut parts = DateParts {
                year: get(y),
                month: get(m),
                day: get(d),
                ..DateParts::default()
            };
            if let Err(err) = parts.set_clock(&get(t).unwrap_or_default()) {
                let err: DateMapError = err;
                errors.push((at(t), format!("row {}, `Time`: {err}", row_number(&record))));
            }
            let given = [&parts.year, &parts.month, &parts.day, &parts.hour]
                .iter()
                .any(|p| p.is_some());
            given.then_some(parts)
        };
        let start_date = date(year, month, day, time);
        let end_date = date(end_year, end_month, end_day, end_time);
        let mut spans = SlideSpans::at(bom + start);
        spans.start = at(year);
        spans.end = at(end_year);
        spans.headline = at(headline);
        spans.text = at(body_text);
        spans.media = at(media);
        spans.group = at(group);
        let slide = Slide {
            start: start_date,
            end: end_date,
            display_date: get(display),
            headline: get(headline),
            text: get(body_text),
            media: get(media).map(|url| Media {
                url: Some(url),
                caption: get(caption),
                credit: get(credit),
            }),
            group: get(group),
            unique_id: None,
            at: spans,
        };
        match get(kind).map(|k| k.to_ascii_lowercase()).as_deref() {
            Some("title") => {
                document.title.get_or_insert(slide);
            }
            Some("era") => document.eras.push(slide),
            _ => document.events.push(slide),
        }
    }
    if errors.is_empty() {
        Ok(document)
    } else {
        Err(errors)
    }
}

/// The number of a row as a spreadsheet shows it (the header is row 1).
fn row_number(record: &csv::StringRecord) -> u64 {
    record.position().map_or(0, |p| p.line())
}

impl Reader for TimelineJsCsv {
    fn read<'s>(
        &self,
        text: &'s str,
        file: &str,
        builder: &mut Builder<'s>,
    ) -> Result<(), ReadFailure> {
        if body(text).trim().is_empty() {
            return Err(vec![Diagnostic::error(
                file,
                1,
                1,
                format!(
                    "the file is empty: expected a TimelineJS sheet with the columns {}",
                    COLUMNS.join(", ")
                ),
            )]
            .into());
        }
        let document = document(text).map_err(|errors| located(text, file, errors))?;
        let errors = emit(&document, &file_title(file), builder);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(located(text, file, errors).into())
        }
    }

    fn locate(&self, text: &str, file: &str, problems: Vec<Problem>) -> Vec<Diagnostic> {
        match document(text) {
            Ok(document) => diagnostics(&document, text, file, problems),
            Err(errors) => located(text, file, errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_found_in_quoted_and_multi_line_records() {
        let text = "a,\"b,\"\"c\"\"\nd\",e\nf,g\n";
        let starts = field_starts(text.as_bytes(), 0);
        assert_eq!(starts.len(), 3);
        assert_eq!(&text[starts[2]..starts[2] + 1], "e");
        let next = text.find("f,").unwrap();
        assert_eq!(field_starts(text.as_bytes(), next), vec![next, next + 2]);
    }

    #[test]
    fn rows_become_slides_by_type() {
        let text = "Year,Month,Day,Time,Headline,Text,Type,Group\n\
                    ,,,,My title,<p>About</p>,title,\n\
                    1943,7,,,War years,,era,\n\
                    1951,,,9:30,A year,Some text,,Science\n";
        let document = document(text).unwrap();
        assert_eq!(
            document.title.as_ref().unwrap().headline.as_deref(),
            Some("My title")
        );
        assert_eq!(document.eras.len(), 1);
        assert_eq!(document.events.len(), 1);
        let event = &document.events[0];
        assert_eq!(event.group.as_deref(), Some("Science"));
        assert_eq!(event.start.as_ref().unwrap().hour.as_deref(), Some("9"));
        assert_eq!(&text[event.at.headline..event.at.headline + 6], "A year");
    }

    #[test]
    fn a_csv_that_is_not_the_sheet_says_so() {
        let errors = document("title,count,description\na,1,b\n").unwrap_err();
        assert!(
            errors[0].1.contains("no column `Year` or `Headline`"),
            "{}",
            errors[0].1
        );
    }
}
