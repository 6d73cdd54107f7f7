//! The TimelineJS3 JSON reader: `{"title": {…}, "events": [{…}], "eras": [{…}]}`.
//!
//! `serde_json` reads the values and places mistakes of syntax and type; a small scanner
//! then finds where each slide and its parts start in the text, in one pass over each slide,
//! so that every problem is placed at its line and column in the file the user wrote.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use super::date::DateParts;
use super::{Document, Media, Slide, SlideSpans, diagnostics, emit, file_title, located};
use crate::model::build::{Builder, ReadFailure, Reader};
use crate::model::error::Diagnostic;
use crate::model::problem::Problem;

/// Reads TimelineJS3 JSON.
#[derive(Clone, Copy, Debug, Default)]
pub struct TimelineJsJson;

#[derive(Deserialize)]
#[serde(expecting = "a TimelineJS timeline: {\"title\": {…}, \"events\": […]}")]
struct JsonFile {
    #[serde(default)]
    title: Option<JsonSlide>,
    events: Vec<JsonSlide>,
    #[serde(default)]
    eras: Vec<JsonSlide>,
}

#[derive(Deserialize, Default)]
#[serde(
    default,
    expecting = "a slide: {\"start_date\": {…}, \"text\": {…}, …}"
)]
struct JsonSlide {
    start_date: Option<JsonDate>,
    end_date: Option<JsonDate>,
    text: Option<JsonText>,
    media: Option<JsonMedia>,
    group: Option<Part>,
    display_date: Option<String>,
    unique_id: Option<Part>,
}

#[derive(Deserialize, Default)]
#[serde(default, expecting = "a date: {\"year\": …, \"month\": …, \"day\": …}")]
struct JsonDate {
    year: Option<Part>,
    month: Option<Part>,
    day: Option<Part>,
    hour: Option<Part>,
    minute: Option<Part>,
    second: Option<Part>,
    display_date: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct JsonText {
    headline: Option<String>,
    text: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct JsonMedia {
    url: Option<String>,
    caption: Option<String>,
    credit: Option<String>,
}

/// A value written as text or as a number (`"1815"` or `1815`), read as text.
struct Part(String);

impl<'de> Deserialize<'de> for Part {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PartVisitor;

        impl Visitor<'_> for PartVisitor {
            type Value = Part;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number or a text")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Part, E> {
                Ok(Part(v.to_owned()))
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Part, E> {
                Ok(Part(v.to_string()))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Part, E> {
                Ok(Part(v.to_string()))
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Part, E> {
                Ok(Part(v.to_string()))
            }
        }

        deserializer.deserialize_any(PartVisitor)
    }
}

fn part(p: Option<Part>) -> Option<String> {
    p.map(|p| p.0)
}

impl JsonSlide {
    fn into_slide(self, at: SlideSpans) -> Slide {
        let date = |d: JsonDate| {
            let display = d.display_date;
            let parts = DateParts {
                year: part(d.year),
                month: part(d.month),
                day: part(d.day),
                hour: part(d.hour),
                minute: part(d.minute),
                second: part(d.second),
            };
            (parts, display)
        };
        let (start, start_display) = self.start_date.map(date).unzip();
        let (end, _) = self.end_date.map(date).unzip();
        let text = self.text.unwrap_or_default();
        Slide {
            start,
            end,
            display_date: self
                .display_date
                .or(start_display.flatten())
                .filter(|d| !d.trim().is_empty()),
            headline: text.headline,
            text: text.text,
            media: self.media.map(|m| Media {
                url: m.url,
                caption: m.caption,
                credit: m.credit,
            }),
            group: part(self.group),
            unique_id: part(self.unique_id),
            at,
        }
    }
}

/// A byte order mark is allowed before the text, and skipped.
fn body(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// The document in `text`, or the mistake that stops `serde_json`, at its line and column.
fn document(text: &str, file: &str) -> Result<Document, Diagnostic> {
    let body = body(text);
    let bom = text.len() - body.len();
    if body.trim().is_empty() {
        return Err(Diagnostic::error(
            file,
            1,
            1,
            "the file is empty: expected a TimelineJS timeline, {\"title\": {…}, \"events\": […]}"
                .into(),
        ));
    }
    let parsed: JsonFile = serde_json::from_str(body).map_err(|err| {
        let message = err.to_string();
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(m, _)| m)
            .to_owned();
        Diagnostic::error(file, err.line().max(1), err.column().max(1), message)
    })?;
    let scan = Scan(body.as_bytes());
    let root = scan.members(scan.ws(0));
    let value_of = |members: &[(&[u8], usize)], key: &str| {
        members
            .iter()
            .find(|(k, _)| *k == key.as_bytes())
            .map(|&(_, at)| at)
    };
    let slides = |key: &str| -> Vec<usize> {
        value_of(&root, key).map_or_else(Vec::new, |at| scan.elements(at))
    };
    let spans = |at: usize| -> SlideSpans {
        let members = scan.members(at);
        let mut spans = SlideSpans::at(at);
        let field = |key: &str| value_of(&members, key);
        let inner = |key: &str, inner: &str| {
            field(key).map(|at| value_of(&scan.members(at), inner).unwrap_or(at))
        };
        spans.start = inner("start_date", "year").unwrap_or(at);
        spans.end = inner("end_date", "year").unwrap_or(at);
        spans.headline = inner("text", "headline").unwrap_or(at);
        spans.text = inner("text", "text").unwrap_or(spans.headline);
        spans.media = inner("media", "url").unwrap_or(at);
        spans.group = field("group").unwrap_or(at);
        spans.unique_id = field("unique_id").unwrap_or(at);
        spans
    };
    let with_spans = |slides: Vec<JsonSlide>, at: Vec<usize>| -> Vec<Slide> {
        slides
            .into_iter()
            .enumerate()
            .map(|(i, slide)| {
                let at = at.get(i).map_or(SlideSpans::at(0), |&a| spans(a));
                slide.into_slide(at)
            })
            .collect()
    };
    let mut document = Document {
        title: parsed.title.map(|t| {
            let at = value_of(&root, "title").map_or(SlideSpans::at(0), spans);
            t.into_slide(at)
        }),
        events: with_spans(parsed.events, slides("events")),
        eras: with_spans(parsed.eras, slides("eras")),
    };
    // Offsets into the text, not its body.
    for slide in document
        .title
        .iter_mut()
        .chain(&mut document.events)
        .chain(&mut document.eras)
    {
        let at = &mut slide.at;
        for offset in [
            &mut at.slide,
            &mut at.start,
            &mut at.end,
            &mut at.headline,
            &mut at.text,
            &mut at.media,
            &mut at.group,
            &mut at.unique_id,
        ] {
            *offset += bom;
        }
    }
    Ok(document)
}

impl Reader for TimelineJsJson {
    fn read<'s>(
        &self,
        text: &'s str,
        file: &str,
        builder: &mut Builder<'s>,
    ) -> Result<(), ReadFailure> {
        let document = document(text, file).map_err(|d| ReadFailure::from(vec![d]))?;
        let errors = emit(&document, &file_title(file), builder);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(located(text, file, errors).into())
        }
    }

    fn locate(&self, text: &str, file: &str, problems: Vec<Problem>) -> Vec<Diagnostic> {
        match document(text, file) {
            Ok(document) => diagnostics(&document, text, file, problems),
            Err(diagnostic) => vec![diagnostic],
        }
    }
}

/// Finds where values start in JSON that `serde_json` has already read without error.
struct Scan<'t>(&'t [u8]);

impl Scan<'_> {
    /// The first offset from `at` that is not white space.
    fn ws(&self, mut at: usize) -> usize {
        while self.0.get(at).is_some_and(u8::is_ascii_whitespace) {
            at += 1;
        }
        at
    }

    /// The offset just after the string that starts at `at`.
    fn string_end(&self, at: usize) -> usize {
        let mut i = at + 1;
        while let Some(&b) = self.0.get(i) {
            match b {
                b'\\' => i += 2,
                b'"' => return i + 1,
                _ => i += 1,
            }
        }
        self.0.len()
    }

    /// The offset just after the value that starts at `at`.
    fn value_end(&self, at: usize) -> usize {
        match self.0.get(at) {
            Some(b'"') => self.string_end(at),
            Some(b'{' | b'[') => {
                let mut depth = 0usize;
                let mut i = at;
                while let Some(&b) = self.0.get(i) {
                    match b {
                        b'"' => {
                            i = self.string_end(i);
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                return i + 1;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                self.0.len()
            }
            _ => {
                let mut i = at;
                while self
                    .0
                    .get(i)
                    .is_some_and(|b| !matches!(b, b',' | b'}' | b']') && !b.is_ascii_whitespace())
                {
                    i += 1;
                }
                i
            }
        }
    }

    /// The keys (as written, without quotes) and value offsets of the object at `at`; none
    /// if it is not an object.
    fn members(&self, at: usize) -> Vec<(&[u8], usize)> {
        let mut members = Vec::new();
        if self.0.get(at) != Some(&b'{') {
            return members;
        }
        let mut i = self.ws(at + 1);
        while self.0.get(i) == Some(&b'"') {
            let key_end = self.string_end(i);
            let key = &self.0[i + 1..key_end.saturating_sub(1).max(i + 1)];
            i = self.ws(key_end);
            if self.0.get(i) != Some(&b':') {
                break;
            }
            let value = self.ws(i + 1);
            members.push((key, value));
            i = self.ws(self.value_end(value));
            if self.0.get(i) != Some(&b',') {
                break;
            }
            i = self.ws(i + 1);
        }
        members
    }

    /// The offsets of the elements of the array at `at`; none if it is not an array.
    fn elements(&self, at: usize) -> Vec<usize> {
        let mut elements = Vec::new();
        if self.0.get(at) != Some(&b'[') {
            return elements;
        }
        let mut i = self.ws(at + 1);
        while self.0.get(i).is_some_and(|&b| b != b']') {
            elements.push(i);
            i = self.ws(self.value_end(i));
            if self.0.get(i) != Some(&b',') {
                break;
            }
            i = self.ws(i + 1);
        }
        elements
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scanner_finds_members_and_elements() {
        let text = r#"{"a": [1, {"b": "x\"}"}, [2]], "c" : {"d":null}}"#;
        let scan = Scan(text.as_bytes());
        let root = scan.members(0);
        let keys: Vec<&[u8]> = root.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, vec![&b"a"[..], &b"c"[..]]);
        let elements = scan.elements(root[0].1);
        assert_eq!(elements.len(), 3);
        assert_eq!(&text[elements[1]..elements[1] + 5], "{\"b\":");
        let inner = scan.members(root[1].1);
        assert_eq!(&text[inner[0].1..inner[0].1 + 4], "null");
    }

    #[test]
    fn every_part_of_a_slide_is_placed() {
        let text = "\u{feff}{\"events\": [\n {\"start_date\": {\"year\": 1900},\n  \"text\": {\"headline\": \"H\"}, \"group\": \"G\"}]}";
        let document = document(text, "t.json").unwrap();
        let at = document.events[0].at;
        assert_eq!(&text[at.start..at.start + 4], "1900");
        assert_eq!(&text[at.headline..at.headline + 3], "\"H\"");
        assert_eq!(&text[at.group..at.group + 3], "\"G\"");
        assert_eq!(&text[at.slide..at.slide + 1], "{");
    }

    #[test]
    fn syntax_mistakes_are_placed_by_serde_json() {
        let err = document(
            "{\"events\": [\n  {\"start_date\": {\"year\": true}}]}",
            "t.json",
        )
        .unwrap_err();
        assert_eq!((err.line, err.file.as_str()), (2, "t.json"));
        assert!(
            err.message.contains("a number or a text"),
            "{}",
            err.message
        );
        let err = document("\"a timeline\"", "t.json").unwrap_err();
        assert!(
            err.message.contains("a TimelineJS timeline"),
            "{}",
            err.message
        );
    }
}
