//! The real binary: `check`, `export`, `--help`.

use assert_cmd::Command;
use belarus_timeline::export::JsonEvent;
use predicates::prelude::*;

fn bin() -> Command {
    Command::cargo_bin("belarus-timeline").expect("the binary is built")
}

fn write(dir: &tempfile::TempDir, name: &str, text: &[u8]) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("temp file");
    path
}

#[test]
fn check_bundled_prints_a_summary() {
    bin()
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::is_match(r"^events\.ron \(bundled\): ok: \d+ events, \d+ sources, 8 categories, .* tours( \([a-z0-9, -]+\))?, \d{4}-\d\d-\d\d to \d{4}-\d\d(-\d\d)?\n$").unwrap());
}

#[test]
fn check_bad_file_lists_every_error_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let text = r##"Timeline(
    title: {"en": "T"},
    categories: [Category(id: "protest", name: {"en": "Protest"}, colour: "#c8102e")],
    events: [
        Event(id: "a", start: "2020-02-30", category: "protest", importance: 1,
              title: {"en": "x"}, summary: {"en": "s"},
              sources: [Source(title: "t", publisher: "p", url: "javascript:alert(1)")]),
    ],
)"##;
    let path = write(&dir, "bad.ron", text.as_bytes());
    let shown = path.display().to_string();
    bin()
        .arg("check")
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "{shown}:5:31: `2020-02-30` is not a date"
        )))
        .stderr(predicate::str::contains(format!(
            "{shown}:7:65: URL scheme `javascript:` is not allowed"
        )));
}

#[test]
fn check_unreadable_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let nested = "[".repeat(50_000);
    let cases: [(&str, &[u8], &str); 4] = [
        ("empty.ron", b"", ":1:1: the file is empty"),
        (
            "latin1.ron",
            b"Timeline(title: {\"en\": \"Mi\xf1sk\"})",
            ":1:27: the file is not valid UTF-8",
        ),
        ("garbage.ron", &[0x00, 0xff, 0x13, 0x37], "not valid UTF-8"),
        ("nested.ron", nested.as_bytes(), ":1:"),
    ];
    for (name, bytes, needle) in cases {
        let path = write(&dir, name, bytes);
        bin()
            .arg("check")
            .arg(&path)
            .assert()
            .code(1)
            .stderr(predicate::str::contains(name).and(predicate::str::contains(needle)));
    }
    bin()
        .args(["check", "/no/such/file.ron"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "/no/such/file.ron: cannot read the file",
        ));
}

#[test]
fn check_names_formats_it_cannot_read() {
    let dir = tempfile::tempdir().unwrap();
    let json = write(&dir, "timeline.json", br#"{"events": []}"#);
    bin()
        .arg("check")
        .arg(&json)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "{}:1:1: the timeline has no events",
            json.display()
        )));
    let text = write(&dir, "notes.txt", b"hello");
    bin()
        .arg("check")
        .arg(&text)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "{}: not an events file this program can read",
            text.display()
        )));
}

#[test]
fn check_refuses_huge_files_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let file = std::fs::File::create(&path).unwrap();
    // Sparse: nothing is written, but the size says 3 GiB.
    file.set_len(3 * 1024 * 1024 * 1024).unwrap();
    bin().arg("check").arg(&path).assert().code(1).stderr(
        predicate::str::contains("larger than the limit")
            .and(predicate::str::contains("it was not read")),
    );
}

#[test]
fn export_json_round_trips() {
    let output = bin()
        .args(["export", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let events: Vec<JsonEvent> = serde_json::from_slice(&output).expect("valid JSON of events");
    let timeline = belarus_timeline::model::load_bundled().unwrap();
    assert_eq!(events.len(), timeline.events.len());
    for (exported, index) in events.iter().zip(0..) {
        assert_eq!(
            exported,
            &belarus_timeline::export::json_event(&timeline, index)
        );
        assert_eq!(exported.start.len(), 10);
        assert!(exported.title.contains_key("en"));
        assert!(!exported.sources.is_empty());
    }
    // Serialising what was read gives the same text again.
    let again = serde_json::to_string_pretty(&events).unwrap() + "\n";
    assert_eq!(again.as_bytes(), output.as_slice());
}

#[test]
fn export_formats_and_filters() {
    bin()
        .args(["export", "--format", "csv"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "id,start,end,time,category,importance,title",
        ));
    bin()
        .args(["export", "--format", "ics"])
        .assert()
        .success()
        .stdout(
            predicate::str::starts_with("BEGIN:VCALENDAR\r\n")
                .and(predicate::str::contains("BEGIN:VEVENT")),
        );
    bin()
        .args([
            "export",
            "--format",
            "markdown",
            "--category",
            "it",
            "--lang",
            "be",
        ])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("# Беларусь 2020–2021"));
    bin()
        .args(["export", "--format", "json", "--category", "strikes"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unknown category `strikes`; did you mean `strike`?",
        ));
}

#[test]
fn help_reads_well() {
    bin().arg("--help").assert().success().stdout(
        predicate::str::contains("check")
            .and(predicate::str::contains("export"))
            .and(predicate::str::contains("--events")),
    );
}

#[test]
fn render_writes_png_of_the_requested_size_and_steps_differ() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("view.png");
    bin()
        .args([
            "render",
            "--width",
            "800",
            "--height",
            "500",
            "--from",
            "2020-08-01",
            "--to",
            "2020-08-31",
            "--out",
        ])
        .arg(&out)
        .assert()
        .success();
    let image = image::open(&out).expect("a PNG").into_rgba8();
    assert_eq!(image.dimensions(), (800, 500));
    let first = image.get_pixel(0, 0);
    assert!(image.pixels().any(|p| p != first), "the image is not blank");

    let slides = dir.path().join("slides");
    bin()
        .args([
            "render",
            "--tour",
            "it-sector",
            "--all-steps",
            "--width",
            "640",
            "--height",
            "360",
            "--out",
        ])
        .arg(&slides)
        .assert()
        .success();
    let mut files: Vec<_> = std::fs::read_dir(&slides)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert_eq!(files.len(), 15);
    let one = image::open(&files[0]).unwrap().into_rgba8();
    let two = image::open(&files[1]).unwrap().into_rgba8();
    assert_eq!(one.dimensions(), (640, 360));
    assert_ne!(
        one.as_raw(),
        two.as_raw(),
        "two steps give two different slides"
    );
}

/// The share of pixels of exactly this colour.
fn share_of(image: &image::RgbaImage, rgb: [u8; 3]) -> f64 {
    let hits = image.pixels().filter(|p| p.0[..3] == rgb).count();
    hits as f64 / f64::from(image.width() * image.height())
}

#[test]
fn render_map_draws_the_map_with_the_filters_and_the_range() {
    let dir = tempfile::tempdir().unwrap();
    let render = |name: &str, extra: &[&str]| {
        let out = dir.path().join(name);
        bin()
            .args(["render", "--map", "--width", "800", "--height", "600"])
            .args(extra)
            .arg("--out")
            .arg(&out)
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .assert()
            .success();
        image::open(&out).expect("a PNG").into_rgba8()
    };
    let august = render(
        "august.png",
        &["--from", "2020-08-01", "--to", "2020-08-31"],
    );
    assert_eq!(august.dimensions(), (800, 600));
    // The light theme's sea, land and Belarus: a real map, not a blank canvas.
    assert!(share_of(&august, [0xd3, 0xe2, 0xee]) > 0.05, "sea");
    assert!(share_of(&august, [0xf4, 0xf2, 0xec]) > 0.2, "land");
    assert!(share_of(&august, [0xff, 0xf1, 0xcc]) > 0.05, "Belarus");
    let strikes = render(
        "strikes.png",
        &[
            "--from",
            "2020-08-01",
            "--to",
            "2020-08-31",
            "--category",
            "strike",
        ],
    );
    assert_ne!(
        august.as_raw(),
        strikes.as_raw(),
        "the filter changes the markers"
    );
    let other_month = render("march.png", &["--from", "2021-03-01", "--to", "2021-03-31"]);
    assert_ne!(
        august.as_raw(),
        other_month.as_raw(),
        "the range changes the counts"
    );
}

#[test]
fn tour_handout_lists_every_source_of_the_tour() {
    let timeline = belarus_timeline::model::load_bundled().unwrap();
    let tour = timeline.tour("it-sector").unwrap();
    for format in ["markdown", "html"] {
        let output = bin()
            .args(["export", "--format", format, "--tour", "it-sector"])
            .output()
            .unwrap();
        assert!(output.status.success());
        let text = String::from_utf8(output.stdout).unwrap();
        for (index, note) in &tour.steps {
            let event = &timeline.events[*index];
            for source in event.sources() {
                if let Some(url) = &source.url {
                    let shown = if format == "html" {
                        url.replace('&', "&amp;")
                    } else {
                        url.to_string()
                    };
                    assert!(text.contains(&shown), "{format}: {url} missing");
                }
            }
            let note = note.get(belarus_timeline::model::Lang::En);
            let first_words: String = note.chars().take(30).collect();
            assert!(
                !first_words.trim().is_empty(),
                "step {index} of the tour has no note"
            );
            // Escaped as each format escapes text.
            let shown: String = first_words
                .chars()
                .map(|c| match (format, c) {
                    ("html", '&') => "&amp;".to_owned(),
                    ("html", '<') => "&lt;".to_owned(),
                    ("html", '>') => "&gt;".to_owned(),
                    ("html", '"') => "&quot;".to_owned(),
                    ("html", '\'') => "&#39;".to_owned(),
                    ("markdown", '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '\\') => {
                        format!("\\{c}")
                    }
                    _ => c.to_string(),
                })
                .collect();
            assert!(text.contains(&shown), "{format}: note missing: {shown}");
        }
    }
}

#[test]
fn a_tour_handout_is_named_after_its_tour_and_students_get_no_notes() {
    let timeline = belarus_timeline::model::load_bundled().unwrap();
    let tour = timeline.tour("it-sector").unwrap();
    let title = tour.title.get(belarus_timeline::model::Lang::En);
    let note = tour.steps[0].1.get(belarus_timeline::model::Lang::En);
    let first_words: String = note.chars().take(24).collect();
    let export = |format: &str, audience: &str| {
        let output = bin()
            .args(["export", "--format", format, "--tour", "it-sector"])
            .args(["--audience", audience])
            .output()
            .unwrap();
        assert!(output.status.success());
        String::from_utf8(output.stdout).unwrap()
    };
    let markdown = export("markdown", "teacher");
    assert!(
        markdown.starts_with(&format!("# {title}\n")),
        "{markdown:.200}"
    );
    assert!(markdown.contains(&first_words));
    let html = export("html", "teacher");
    assert!(html.contains(&format!("<title>{title}</title>")));
    assert!(html.contains(&format!("<h1>{title}</h1>")));
    for format in ["markdown", "html"] {
        let students = export(format, "students");
        assert!(students.contains(title), "{format}");
        assert!(
            !students.contains(&first_words),
            "{format}: a note for students"
        );
        // Every step is still there, numbered.
        assert!(
            students.contains(&format!("{}. ", tour.steps.len())),
            "{format}"
        );
    }
}

#[test]
fn a_deep_link_to_an_unknown_event_is_refused_before_any_window() {
    bin()
        .args(["--event", "no-such-event"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown event `no-such-event`"));
    bin()
        .args(["--from", "2020-08-01"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("--to"));
}

#[test]
fn autoplay_takes_a_sensible_number_of_seconds() {
    for (arg, message) in [
        ("1", "from 2 to 3600"),
        ("soon", "is not a number of seconds"),
    ] {
        bin()
            .args(["--autoplay", arg])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(message));
    }
    bin().arg("--help").assert().success().stdout(
        predicate::str::contains("--presenter").and(predicate::str::contains("--autoplay")),
    );
}
