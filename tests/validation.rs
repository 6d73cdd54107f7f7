//! Every validation rule, each with a bad file: the message, the line and the column.

use belarus_timeline::model::error::Severity;
use belarus_timeline::model::{Assets, Diagnostic, LoadError, load_str};

/// A small valid file; `{EVENT}` is replaced by the event under test.
const TEMPLATE: &str = r##"Timeline(
    title: {"en": "Test"},
    categories: [
        Category(id: "protest", name: {"en": "Protest"}, colour: "#c8102e"),
    ],
    places: [Place(id: "minsk", name: {"en": "Minsk"}, lat: 53.9, lon: 27.56)],
    actors: [Actor(id: "nexta", kind: Media, name: {"en": "NEXTA"})],
    events: [
        Event(
            id: "first",
            start: "2020-08-09",
            category: "protest",
            importance: 1,
            title: {"en": "First"},
            summary: {"en": "Summary"},
            sources: [Source(title: "T", publisher: "P", url: "https://example.org/a")],
        ),
{EVENT}
    ],
    tours: [
        Tour(id: "tour", title: {"en": "Tour"}, steps: [TourStep(event: "first", note: {"en": "Note"})]),
    ],
)"##;

/// The event placed at line 18 of the template.
fn event(fields: &str) -> String {
    format!("        Event(\n{fields}\n        ),")
}

fn good_fields() -> Vec<(&'static str, &'static str)> {
    vec![
        ("id", r#""second""#),
        ("start", r#""2020-08-10""#),
        ("category", r#""protest""#),
        ("importance", "2"),
        ("title", r#"{"en": "Second"}"#),
        ("summary", r#"{"en": "Summary"}"#),
        (
            "sources",
            r#"[Source(title: "T", publisher: "P", url: "https://example.org/b")]"#,
        ),
    ]
}

/// The second event with one field replaced (or added); its fields start at line 19, one per line.
fn with_field(name: &str, value: &str) -> String {
    let mut fields = good_fields();
    match fields.iter_mut().find(|(n, _)| *n == name) {
        Some(field) => field.1 = value,
        None => fields.push((
            Box::leak(name.to_owned().into_boxed_str()),
            Box::leak(value.to_owned().into_boxed_str()),
        )),
    }
    let lines: Vec<String> = fields
        .iter()
        .map(|(n, v)| format!("            {n}: {v},"))
        .collect();
    TEMPLATE.replace("{EVENT}", &event(&lines.join("\n")))
}

fn errors(text: &str) -> Vec<Diagnostic> {
    errors_with(text, &Assets::Embedded(&[]))
}

fn errors_with(text: &str, assets: &Assets) -> Vec<Diagnostic> {
    match load_str(text, "test.ron", assets) {
        Ok(_) => panic!("expected errors, the file loaded"),
        Err(LoadError::Invalid(diagnostics)) => diagnostics,
        Err(other) => panic!("expected diagnostics, got {other}"),
    }
}

/// Asserts exactly one error, at `line:col`, whose message contains `needle`.
#[track_caller]
fn assert_one(text: &str, line: usize, col: usize, needle: &str) {
    let found = errors(text);
    assert_eq!(found.len(), 1, "{found:#?}");
    let d = &found[0];
    assert!(
        d.message.contains(needle),
        "message {:?} lacks {needle:?}",
        d.message
    );
    assert_eq!((d.line, d.col), (line, col), "{d}");
    assert_eq!(d.file, "test.ron");
}

/// Line of field `name` in [`with_field`] output.
fn line_of(name: &str) -> usize {
    19 + good_fields()
        .iter()
        .position(|(n, _)| *n == name)
        .unwrap_or(good_fields().len())
}

/// Column of a field's value: 13 spaces of indent + `name: `.
fn value_col(name: &str) -> usize {
    13 + name.len() + 2
}

#[test]
fn template_is_valid() {
    let text = with_field("id", r#""second""#);
    let timeline = load_str(&text, "test.ron", &Assets::Embedded(&[])).unwrap();
    assert_eq!(timeline.events.len(), 2);
}

#[test]
fn syntax_error() {
    let text = with_field("importance", "2 2");
    let found = errors(&text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].line, line_of("importance"));
    assert!(found[0].message.contains("comma"), "{}", found[0].message);
}

#[test]
fn duplicate_id() {
    assert_one(
        &with_field("id", r#""first""#),
        line_of("id"),
        value_col("id"),
        "duplicate event id `first`",
    );
}

#[test]
fn unknown_category() {
    assert_one(
        &with_field("category", r#""protests""#),
        line_of("category"),
        value_col("category"),
        "unknown category `protests`; did you mean `protest`?",
    );
}

#[test]
fn unknown_place_and_actor() {
    let text = with_field("places", r#"["minsk", "pinsk"]"#);
    assert_one(
        &text,
        line_of("places"),
        value_col("places") + 10,
        "unknown place `pinsk`",
    );
    let text = with_field("actors", r#"["nekhta"]"#);
    assert_one(
        &text,
        line_of("actors"),
        value_col("actors") + 1,
        "unknown actor `nekhta`",
    );
}

#[test]
fn unknown_event_in_tour() {
    let text = with_field("id", r#""second""#)
        .replace(r#"TourStep(event: "first""#, r#"TourStep(event: "frist""#);
    let found = errors(&text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0]
            .message
            .contains("unknown event `frist`; did you mean `first`?"),
        "{}",
        found[0]
    );
    assert_eq!((found[0].line, found[0].col), (29, 73), "{}", found[0]);
}

#[test]
fn impossible_date() {
    assert_one(
        &with_field("start", r#""2020-02-30""#),
        line_of("start"),
        value_col("start"),
        "February 2020 has no day 30",
    );
}

#[test]
fn end_before_start() {
    assert_one(
        &with_field("end", r#""2020-08-01""#),
        26,
        value_col("end"),
        "`end` 2020-08-01 is before `start` 2020-08-10",
    );
}

#[test]
fn no_source_with_url() {
    assert_one(
        &with_field("sources", r#"[Source(title: "Book", publisher: "Print")]"#),
        line_of("sources"),
        13,
        "no source with a URL",
    );
}

#[test]
fn url_schemes_and_credentials() {
    for (url, needle) in [
        ("javascript:alert(1)", "scheme `javascript:` is not allowed"),
        ("file:///etc/passwd", "scheme `file:` is not allowed"),
        ("data:text/html,hi", "scheme `data:` is not allowed"),
        ("https://user:pw@example.org/", "user name or password"),
        ("https://exa mple.org/", "invisible or space character"),
        (
            "https://example.org/\u{202e}gpj.exe",
            "invisible or space character",
        ),
    ] {
        let sources = format!(
            r#"[Source(title: "T", publisher: "P", url: "https://ok.org/"), Source(title: "T", publisher: "P", url: "{url}")]"#
        );
        let col = value_col("sources") + sources.find(&format!("\"{url}")).unwrap_or(0);
        assert_one(
            &with_field("sources", &sources),
            line_of("sources"),
            col,
            needle,
        );
    }
}

#[test]
fn image_paths() {
    let dir = tempfile::tempdir().unwrap();
    let assets = dir.path().join("assets");
    std::fs::create_dir_all(assets.join("images")).unwrap();
    std::fs::write(assets.join("images/ok.png"), b"png").unwrap();
    std::fs::write(dir.path().join("secret.png"), b"png").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        dir.path().join("secret.png"),
        assets.join("images/link.png"),
    )
    .unwrap();
    let image = |path: &str| {
        with_field(
            "image",
            &format!(r#"Image(path: "{path}", credit: "C", licence: "CC0")"#),
        )
    };
    let col = value_col("image") + 12;
    let assets = Assets::Dir(assets);
    let cases = [
        ("/etc/passwd.png", "is absolute"),
        ("../secret.png", "leaves assets/"),
        ("images/notes.txt", "must be a .png"),
        #[cfg(unix)]
        ("images/link.png", "through a symbolic link"),
    ];
    for (path, needle) in cases {
        let found = errors_with(&image(path), &assets);
        assert_eq!(found.len(), 1, "{path}: {found:#?}");
        assert!(found[0].message.contains(needle), "{path}: {}", found[0]);
        assert_eq!(
            (found[0].line, found[0].col),
            (26, col),
            "{path}: {}",
            found[0]
        );
    }
    assert!(load_str(&image("images/ok.png"), "test.ron", &assets).is_ok());

    // A missing image, or a folder where the image should be, is a warning: the file loads.
    std::fs::create_dir_all(dir.path().join("assets/images/folder.png")).unwrap();
    for (path, needle) in [
        ("images/missing.png", "does not exist"),
        ("images/folder.png", "is not a file"),
    ] {
        let timeline = load_str(&image(path), "test.ron", &assets).unwrap();
        let warnings = &timeline.warnings;
        assert_eq!(warnings.len(), 1, "{path}: {warnings:#?}");
        assert_eq!(warnings[0].severity, Severity::Warning);
        assert!(warnings[0].message.contains(needle), "{}", warnings[0]);
        assert_eq!((warnings[0].line, warnings[0].col), (26, col));
        assert!(warnings[0].to_string().contains(":26:"), "{}", warnings[0]);
        assert!(warnings[0].to_string().contains(": warning: "));
    }
    // With an error elsewhere, the warning is listed with it.
    let both = image("images/missing.png").replace("2020-08-10", "2020-02-30");
    let found = errors_with(&both, &assets);
    let severities: Vec<Severity> = found.iter().map(|d| d.severity).collect();
    assert_eq!(
        severities,
        [Severity::Error, Severity::Warning],
        "{found:#?}"
    );
}

#[test]
fn invisible_characters_are_errors_in_ids_and_warnings_in_texts() {
    // An id with a right-to-left override.
    let text = with_field("id", "\"sec\u{202e}dnoc\"");
    let found = errors(&text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].message.contains("U+202E (right-to-left override)"),
        "{}",
        found[0]
    );
    assert!(found[0].message.contains("sec<U+202E>dnoc"), "{}", found[0]);
    assert_eq!(
        (found[0].line, found[0].col),
        (line_of("id"), value_col("id"))
    );

    // A title with an override, a summary with a zero-width space and a source title with a
    // control character: the file loads, with a warning for each.
    let text = with_field("title", "{\"en\": \"Second \u{202e}txet\"}");
    let text = text.replace(
        r#"summary: {"en": "Summary"},
            sources"#,
        "summary: {\"en\": \"Sum\u{200b}mary\"},\n            sources",
    );
    let timeline = load_str(&text, "test.ron", &Assets::Embedded(&[])).unwrap();
    let warnings: Vec<String> = timeline.warnings.iter().map(ToString::to_string).collect();
    // (both events' summaries were given the zero-width space)
    assert_eq!(warnings.len(), 3, "{warnings:#?}");
    assert!(warnings[1].contains("U+202E"), "{}", warnings[1]);
    assert!(warnings[1].starts_with(&format!("test.ron:{}:", line_of("title"))));
    for i in [0, 2] {
        assert!(
            warnings[i].contains("U+200B (zero-width space)"),
            "{}",
            warnings[i]
        );
    }
    // Line breaks and tabs in a text are fine; other control characters are not.
    let text = with_field("summary", "{\"en\": \"One\\ntwo\\tthree\"}");
    let timeline = load_str(&text, "test.ron", &Assets::Embedded(&[])).unwrap();
    assert!(timeline.warnings.is_empty(), "{:#?}", timeline.warnings);
    let text = with_field("summary", "{\"en\": \"bell\\u{7}\"}");
    let timeline = load_str(&text, "test.ron", &Assets::Embedded(&[])).unwrap();
    assert_eq!(timeline.warnings.len(), 1, "{:#?}", timeline.warnings);
    assert!(
        timeline.warnings[0]
            .message
            .contains("U+0007 (control character)")
    );
}

#[test]
fn an_unknown_field_hides_nothing_else() {
    // Three mistakes in three events: a misspelt field, an impossible date, an unknown category.
    let text = TEMPLATE.replace(
        "{EVENT}",
        &[
            event(r#"            id: "a", start: "2020-08-10", category: "protest", importance: 1, titel: {"en": "x"}, summary: {"en": "x"}, sources: [Source(title: "T", publisher: "P", url: "https://example.org/")]"#),
            event(r#"            id: "b", start: "2020-02-30", category: "protest", importance: 1, title: {"en": "x"}, summary: {"en": "x"}, sources: [Source(title: "T", publisher: "P", url: "https://example.org/")]"#),
            event(r#"            id: "c", start: "2020-08-10", category: "strikes", importance: 1, title: {"en": "x"}, summary: {"en": "x"}, sources: [Source(title: "T", publisher: "P", url: "https://example.org/")]"#),
        ]
        .join("\n"),
    );
    let found = errors(&text);
    let lines: Vec<String> = found.iter().map(ToString::to_string).collect();
    assert_eq!(found.len(), 3, "{lines:#?}");
    assert!(lines[0].contains("unknown field `titel`"), "{}", lines[0]);
    assert!(lines[1].contains("2020-02-30"), "{}", lines[1]);
    assert!(
        lines[2].contains("unknown category `strikes`"),
        "{}",
        lines[2]
    );
    assert_eq!((found[1].line, found[2].line), (22, 25));

    // The same three in one event, with a second unknown field and a missing one elsewhere.
    let text = TEMPLATE.replace(
        "{EVENT}",
        &[
            event(r#"            id: "a", start: "2020-02-30", category: "strikes", importance: 1, titel: {"en": "x"}, sumary: {"en": "x"}, sources: [Source(title: "T", publisher: "P", url: "https://example.org/")]"#),
            event(r#"            id: "b", start: "2020-08-10", importance: 1, title: {"en": "x"}, summary: {"en": "x"}, sources: []"#),
            event(r#"            id: "c", start: "2020-13-01", category: "protest", importance: 1, title: {"en": "x"}, summary: {"en": "x"}, sources: [Source(title: "T", publisher: "P", url: "https://example.org/")]"#),
        ]
        .join("\n"),
    );
    let found = errors(&text);
    let lines: Vec<String> = found.iter().map(ToString::to_string).collect();
    for needle in [
        "unknown field `titel`",
        "unknown field `sumary`",
        "2020-02-30",
        "unknown category `strikes`",
        "missing field `category`",
        "2020-13-01",
    ] {
        assert_eq!(
            lines.iter().filter(|l| l.contains(needle)).count(),
            1,
            "{needle}: {lines:#?}"
        );
    }
    // Nothing is said about the stand-in for the event that could not be read.
    assert_eq!(found.len(), 6, "{lines:#?}");
}

#[test]
fn a_string_that_is_not_closed_is_named_where_it_starts() {
    let text = with_field("title", r#"{"en": "Second}"#);
    let found = errors(&text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].message.contains(&format!(
            "string starting at {}:{} is not closed",
            line_of("title"),
            value_col("title") + 7
        )),
        "{}",
        found[0]
    );
    assert_eq!(
        (found[0].line, found[0].col),
        (line_of("title"), value_col("title") + 7)
    );
    // At the end of the file too.
    let base = with_field("id", r#""second""#);
    let text = format!(
        "{}\n    description: {{\"en\": \"open",
        &base[..base.len() - 2]
    );
    let found = errors(&text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0]
            .message
            .contains("string starting at 31:25 is not closed"),
        "{found:#?}"
    );
}

#[test]
fn thousands_of_errors_are_capped_with_a_count_by_kind() {
    let mut events = String::new();
    for i in 0..1500 {
        let category = if i % 3 == 0 { "protests" } else { "protest" };
        let start = if i % 5 == 0 {
            "2020-02-30"
        } else {
            "2020-08-10"
        };
        events.push_str(&format!(
            "        Event(id: \"e{i}\", start: \"{start}\", category: \"{category}\", importance: 1, title: {{\"en\": \"x\"}}, summary: {{\"en\": \"x\"}}, sources: [Source(title: \"T\", publisher: \"P\", url: \"https://example.org/\")]),\n",
        ));
    }
    let text = TEMPLATE.replace("{EVENT}", &events);
    let err = load_str(&text, "test.ron", &Assets::Embedded(&[])).unwrap_err();
    let all = err.lines();
    assert_eq!(all.len(), 500 + 300, "{:#?}", &all[..3]);
    let capped = err.lines_capped(100);
    assert_eq!(capped.len(), 101);
    assert_eq!(capped[..100], all[..100]);
    let last = &capped[100];
    assert!(
        last.starts_with("… and 700 more of the same kinds: "),
        "{last}"
    );
    assert!(
        last.contains("unknown category `…`; did you mean `…`?"),
        "{last}"
    );
    assert!(last.contains("× "), "{last}");
    // The counts add up to the rest.
    let counted: usize = last
        .split(": ")
        .skip(1)
        .collect::<Vec<_>>()
        .join(": ")
        .split("; ")
        .filter_map(|part| part.split(" × ").next())
        .filter_map(|n| n.replace(',', "").parse::<usize>().ok())
        .sum();
    assert_eq!(counted, 700, "{last}");
    // Every error line is at its own event's line.
    let first_bad = all.iter().find(|l| l.contains("`protests`")).unwrap();
    assert!(first_bad.starts_with("test.ron:18:"), "{first_bad}");
}

#[test]
fn missing_english_title() {
    assert_one(
        &with_field("title", r#"{"be": "Другое"}"#),
        line_of("title"),
        value_col("title"),
        "missing English title",
    );
}

#[test]
fn unknown_field_suggests_the_right_one() {
    assert_one(
        &with_field("titel", r#"{"en": "x"}"#),
        26,
        13,
        "unknown field `titel` in `Event`; did you mean `title`?",
    );
}

#[test]
fn missing_field_is_named() {
    let text = TEMPLATE.replace(
        "{EVENT}",
        &event(r#"            id: "second", start: "2020-08-10","#),
    );
    let found = errors(&text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].message.contains("missing field `category`"),
        "{}",
        found[0]
    );
    assert_eq!(found[0].line, 20);
}

#[test]
fn all_errors_are_reported_together() {
    let bad_event = |id: &str, start: &str| {
        event(&format!(
            r#"            id: "{id}", start: "{start}", category: "nope", importance: 7, title: {{"en": "x"}}, summary: {{"en": "x"}}, sources: []"#
        ))
    };
    let text = TEMPLATE.replace(
        "{EVENT}",
        &format!(
            "{}\n{}",
            bad_event("a", "2020-13-01"),
            bad_event("b", "2021-02-29")
        ),
    );
    let found = errors(&text);
    let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(found.len(), 8, "{messages:#?}");
    assert!(
        found
            .windows(2)
            .all(|w| (w[0].line, w[0].col) <= (w[1].line, w[1].col))
    );
    // Type errors in separate events are all found too, not only the first.
    let text = TEMPLATE.replace(
        "{EVENT}",
        &format!(
            "{}\n{}",
            event(r#"            id: "a", start: 5,"#),
            event(r#"            id: "b", start: "2020-01-01", importance: "high","#)
        ),
    );
    assert_eq!(errors(&text).len(), 2, "{:#?}", errors(&text));
}

#[test]
fn bom_and_crlf_simply_work() {
    let text = format!(
        "\u{feff}{}",
        with_field("id", r#""second""#).replace('\n', "\r\n")
    );
    assert!(load_str(&text, "test.ron", &Assets::Embedded(&[])).is_ok());
    let broken = with_field("category", r#""x""#).replace('\n', "\r\n");
    let found = errors(&broken);
    assert_eq!(
        (found[0].line, found[0].col),
        (line_of("category"), value_col("category"))
    );
}

#[test]
fn hostile_input_never_panics() {
    let deep = format!("Timeline(title: {})", "[".repeat(100_000));
    let long_line = format!("Timeline(title: {{\"en\": \"{}\"}})", "x".repeat(5_000_000));
    for text in [
        "",
        "   \n",
        "\0\0\0garbage\u{1}",
        "Timeline(",
        &deep,
        &long_line,
        "Timeline(title: {\"en\": \"T\"}, categories: [], events: [])",
    ] {
        match load_str(text, "test.ron", &Assets::Embedded(&[])) {
            Ok(_) => panic!("should not load"),
            Err(LoadError::Invalid(found)) => {
                assert!(!found.is_empty());
                assert!(found.iter().all(|d| d.line >= 1 && d.col >= 1));
            }
            Err(other) => panic!("{other}"),
        }
    }
}

#[test]
fn escaped_strings_are_read_exactly() {
    let text = with_field(
        "title",
        r#"{"en": "A \"quoted\" word", "be": "Радок\nдругі", "ru": "\u{416}"}"#,
    )
    .replace(
        r#"publisher: "P", url: "https://example.org/b""#,
        r#"publisher: "P\\Q", url: "https://example.org/b""#,
    );
    let timeline = load_str(&text, "test.ron", &Assets::Embedded(&[])).unwrap();
    let event = &timeline.events[1];
    assert_eq!(event.id(), "second");
    use belarus_timeline::model::Lang;
    assert_eq!(event.title().get(Lang::En), "A \"quoted\" word");
    assert_eq!(event.title().get(Lang::Be), "Радок\nдругі");
    assert_eq!(event.title().get(Lang::Ru), "Ж");
    assert_eq!(event.summary().get(Lang::En), "Summary");
    let source = event.sources().next().unwrap();
    assert_eq!(source.publisher, "P\\Q");
    assert_eq!(source.url, Some("https://example.org/b"));
    assert_eq!(source.published, None);
}

#[test]
fn lists_may_come_after_the_events_that_use_them() {
    let text = r##"Timeline(
    title: {"en": "Test"},
    events: [
        Event(id: "b", start: "2020-08-10", category: "protest", importance: 1, title: {"en": "B"}, summary: {"en": "S"}, places: ["minsk"], actors: ["nexta"], tags: ["z", "a"], sources: [Source(title: "T", publisher: "P", url: "https://example.org/a")]),
        Event(id: "a", start: "2020-08-09", category: "protest", importance: 1, title: {"en": "A"}, summary: {"en": "S"}, tags: ["a"], sources: [Source(title: "T", publisher: "P", url: "https://example.org/a")]),
    ],
    categories: [Category(id: "protest", name: {"en": "Protest"}, colour: "#c8102e")],
    places: [Place(id: "minsk", name: {"en": "Minsk"}, lat: 53.9, lon: 27.56)],
    actors: [Actor(id: "nexta", kind: Media, name: {"en": "NEXTA"})],
)"##;
    let timeline = load_str(text, "test.ron", &Assets::Embedded(&[])).unwrap();
    assert_eq!(timeline.tags, ["a", "z"]);
    let ids: Vec<&str> = timeline.events.iter().map(|e| e.id()).collect();
    assert_eq!(ids, ["a", "b"]);
    let b = &timeline.events[1];
    assert_eq!(b.places(), [0]);
    assert_eq!(b.actors(), [0]);
    assert_eq!(b.tags(), [1, 0]);
    assert_eq!(timeline.events[0].tags(), [0]);
}

#[test]
fn unknown_references_are_reported_where_they_are_used() {
    let text = with_field("places", r#"["minsk", "pinsk"]"#).replace(
        r#"category: "protest",
            importance: 2"#,
        r#"category: "protets",
            importance: 2"#,
    );
    let found = errors(&text);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found[0]
            .message
            .starts_with("unknown category `protets`; did you mean `protest`?"),
        "{found:#?}"
    );
    assert_eq!((found[0].line, found[0].col), (21, 23));
    assert!(
        found[1].message.starts_with("unknown place `pinsk`"),
        "{found:#?}"
    );
    assert_eq!((found[1].line, found[1].col), (26, 31));
}
