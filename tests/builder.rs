//! A second reader, written only against the public builder API: what a new format (TimelineJS
//! JSON or CSV) needs to feed the model.

use belarus_timeline::model::build::{
    Builder, RawEvent, RawStr, RawText, ReadFailure, Reader, build,
};
use belarus_timeline::model::file::{Category, EventRecord, Source};
use belarus_timeline::model::problem::{Problem, Seg};
use belarus_timeline::model::{Assets, Diagnostic, Lang, LoadError, Text};

/// One event a line: `id|start|title|url`, all in the category `protest`.
struct Lines;

impl Reader for Lines {
    fn read<'s>(
        &self,
        text: &'s str,
        file: &str,
        builder: &mut Builder<'s>,
    ) -> Result<(), ReadFailure> {
        builder.title(Text::english("Lines"));
        builder.categories(vec![Category {
            id: "protest".into(),
            name: Text::english("Protest"),
            colour: "#d64545".into(),
        }]);
        for (i, line) in text.lines().enumerate() {
            let [id, start, title, url] = line.split('|').collect::<Vec<_>>()[..] else {
                return Err(vec![Diagnostic::error(
                    file,
                    i + 1,
                    1,
                    "expected `id|start|title|url`".into(),
                )]
                .into());
            };
            let mut text = RawText::default();
            text.set(Lang::En, RawStr::Borrowed(title));
            let event: RawEvent<'s> = EventRecord {
                id: RawStr::Borrowed(id),
                start: RawStr::Borrowed(start),
                end: None,
                time: None,
                category: RawStr::Owned("protest".into()),
                importance: 1,
                title: text.clone(),
                summary: text,
                places: Vec::new(),
                actors: Vec::new(),
                tags: Vec::new(),
                image: None,
                sources: vec![Source {
                    title: RawStr::Borrowed(title),
                    publisher: RawStr::Owned("Lines".into()),
                    published: None,
                    url: Some(RawStr::Borrowed(url)),
                }],
            };
            builder.event(event);
        }
        Ok(())
    }

    fn locate(&self, _text: &str, file: &str, problems: Vec<Problem>) -> Vec<Diagnostic> {
        problems
            .into_iter()
            .map(|problem| {
                let line = match problem.path.0.get(..2) {
                    Some([Seg::Key(list), Seg::Index(i)]) if list == "events" => i + 1,
                    _ => 1,
                };
                Diagnostic {
                    severity: problem.severity,
                    ..Diagnostic::error(file, line, 1, problem.message)
                }
            })
            .collect()
    }
}

#[test]
fn a_second_reader_builds_a_sorted_timeline() {
    let text = "later|2020-08-16|March|https://example.org/b\n\
                earlier|2020-08-09|Election|https://example.org/a\n";
    let timeline = build(text.to_owned(), "two.lines", &Assets::default(), &Lines)
        .expect("a valid file builds");
    let ids: Vec<&str> = timeline.events.iter().map(|e| e.id()).collect();
    assert_eq!(ids, ["earlier", "later"]);
    assert_eq!(timeline.events[0].title().get(Lang::En), "Election");
    assert_eq!(
        timeline.events[1].sources().next().and_then(|s| s.url),
        Some("https://example.org/b")
    );
}

#[test]
fn a_second_reader_gets_the_builders_checks_at_its_own_positions() {
    let text = "ok|2020-08-09|Fine|https://example.org/\n\
                ok|2020-02-30|Twice|javascript:alert(1)\n";
    let Err(LoadError::Invalid(diagnostics)) =
        build(text.to_owned(), "bad.lines", &Assets::default(), &Lines)
    else {
        panic!("the file has errors");
    };
    let lines: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    for expected in [
        "bad.lines:2:1: `2020-02-30` is not a date: February 2020 has no day 30",
        "bad.lines:2:1: URL scheme `javascript:` is not allowed",
        "bad.lines:2:1: duplicate event id `ok`",
    ] {
        assert!(
            lines.iter().any(|l| l.starts_with(expected)),
            "{expected} in {lines:#?}"
        );
    }
}
