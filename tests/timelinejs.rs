//! TimelineJS files through the real binary: files written here with every field, the Knight Lab
//! example files (`tests/fixtures/timelinejs/`, origin in its README), mistakes placed at their
//! line and column, and the exports back to TimelineJS and to RON.

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use belarus_timeline::export::JsonEvent;
use predicates::prelude::*;

fn bin() -> Command {
    let mut command = Command::cargo_bin("belarus-timeline").expect("the binary is built");
    command.timeout(Duration::from_secs(60));
    command
}

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("temp file");
    path
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/timelinejs")
        .join(name)
}

/// The events of a file as `export --format json` writes them.
fn events_of(path: &Path) -> Vec<JsonEvent> {
    let output = bin()
        .args(["export", "--format", "json", "--lang", "en", "--events"])
        .arg(path)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

fn by_id<'e>(events: &'e [JsonEvent], id: &str) -> &'e JsonEvent {
    events
        .iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("no event `{id}`"))
}

/// Every field of the format, written as TimelineJS writes it (numbers as text or as numbers,
/// empty parts, HTML in texts).
const EVERY_FIELD: &str = r##"{
  "title": {
    "text": {"headline": "Belarus <i>in</i> brief", "text": "<p>A test timeline.</p>"},
    "media": {"url": "https://example.org/cover.jpg"}
  },
  "eras": [
    {"start_date": {"year": "1918"}, "end_date": {"year": "1921"},
     "text": {"headline": "Independence years"}}
  ],
  "events": [
    {
      "unique_id": "BNR Proclaimed",
      "start_date": {"year": "1918", "month": "3", "day": "25", "hour": "14", "minute": "5", "second": "30"},
      "end_date": {"year": 1918, "month": 3, "day": 26},
      "display_date": "Spring 1918",
      "text": {
        "headline": "The BNR is <b>proclaimed</b>",
        "text": "<p>First paragraph, see <a href=\"https://en.wikipedia.org/wiki/Belarusian_Democratic_Republic\">the BNR</a>.</p><p>Second &amp; last.<script>alert('x')</script></p>"
      },
      "media": {"url": "//upload.wikimedia.org/flag.png", "caption": "The <i>flag</i>", "credit": "Wikimedia Commons"},
      "group": "Politics",
      "background": {"color": "#ffffff"}
    },
    {
      "unique_id": "bnr-proclaimed",
      "start_date": {"year": "1921", "month": "", "day": ""},
      "text": {"headline": "Riga", "text": ""},
      "group": "Politics"
    },
    {
      "start_date": {"year": "862"},
      "text": {"headline": "Polotsk first named"},
      "group": "Chronicles"
    },
    {
      "start_date": {"year": "1517", "month": "8"},
      "text": {"text": "Skaryna prints the Psalter in Prague. https://en.wikipedia.org/wiki/Francysk_Skaryna"}
    }
  ]
}
"##;

#[test]
fn a_timelinejs_file_with_every_field_opens_with_its_dates_texts_and_links() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "brief.json", EVERY_FIELD);
    let events = events_of(&path);
    assert_eq!(events.len(), 4);

    let bnr = by_id(&events, "bnr-proclaimed");
    assert_eq!(
        (bnr.start.as_str(), bnr.precision.as_str()),
        ("1918-03-25", "day")
    );
    assert_eq!(bnr.time.as_deref(), Some("14:05"));
    assert_eq!(bnr.end.as_deref(), Some("1918-03-26"));
    assert_eq!(bnr.title["en"], "The BNR is proclaimed");
    assert_eq!(
        bnr.summary["en"],
        "Spring 1918\n\nFirst paragraph, see the BNR.\n\nSecond & last."
    );
    assert_eq!(bnr.category, "politics");
    let urls: Vec<&str> = bnr
        .sources
        .iter()
        .filter_map(|s| s.url.as_deref())
        .collect();
    assert_eq!(
        urls,
        vec![
            "https://en.wikipedia.org/wiki/Belarusian_Democratic_Republic",
            "https://upload.wikimedia.org/flag.png"
        ]
    );
    assert_eq!(bnr.sources[0].title, "the BNR");
    assert_eq!(bnr.sources[0].publisher, "en.wikipedia.org");
    assert_eq!(bnr.sources[1].title, "The flag");
    assert_eq!(bnr.sources[1].publisher, "Wikimedia Commons");

    // The same id again is made unique; an empty month is year precision.
    let riga = by_id(&events, "bnr-proclaimed-2");
    assert_eq!(
        (riga.start.as_str(), riga.precision.as_str()),
        ("1921-01-01", "year")
    );
    assert!(riga.sources.is_empty());

    // Years below 1000; no unique_id: the id is made from the headline.
    let polotsk = by_id(&events, "polotsk-first-named");
    assert_eq!(
        (polotsk.start.as_str(), polotsk.precision.as_str()),
        ("0862-01-01", "year")
    );
    assert_eq!(polotsk.category, "chronicles");

    // No headline: the title is the text's first line; no group: the lane of ungrouped events.
    let skaryna = &events
        .iter()
        .find(|e| e.start == "1517-08-01")
        .expect("the 1517 event");
    assert_eq!(skaryna.precision, "month");
    assert!(skaryna.title["en"].starts_with("Skaryna prints the Psalter"));
    assert_eq!(skaryna.category, "events");
    assert_eq!(
        skaryna.sources[0].url.as_deref(),
        Some("https://en.wikipedia.org/wiki/Francysk_Skaryna")
    );
}

#[test]
fn events_without_a_source_are_warnings_placed_in_the_file_and_strict_fails() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "brief.json", EVERY_FIELD);
    let line_of = |needle: &str| {
        EVERY_FIELD
            .lines()
            .position(|l| l.contains(needle))
            .unwrap()
            + 1
    };
    let riga = line_of("\"unique_id\": \"bnr-proclaimed\"") - 1;
    let polotsk = line_of("\"year\": \"862\"") - 1;
    bin()
        .arg("check")
        .arg(&path)
        .assert()
        .code(0)
        .stderr(predicate::str::contains(format!(
            "brief.json:{riga}:5: warning: no source"
        )))
        .stderr(predicate::str::contains(format!(
            "brief.json:{polotsk}:5: warning: no source"
        )))
        .stdout(predicate::str::contains("4 events").and(predicate::str::contains("2 warnings")));
    bin()
        .args(["check", "--strict"])
        .arg(&path)
        .assert()
        .code(1);
}

#[test]
fn a_year_outside_one_to_9999_is_an_error_naming_the_event() {
    let dir = tempfile::tempdir().unwrap();
    let text = "{\"events\": [\n  {\"start_date\": {\"year\": \"1900\"}, \"text\": {\"headline\": \"Fine\"}},\n  {\"start_date\": {\"year\": \"-500\"}, \"text\": {\"headline\": \"Athens\"}}\n]}\n";
    let path = write(&dir, "bc.json", text);
    bin()
        .arg("check")
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "bc.json:3:27: event 2 (“Athens”), `start_date`: year -500 is outside 1 to 9999",
        ));
}

#[test]
fn json_mistakes_are_placed_in_the_file_the_user_wrote() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        &dir,
        "broken.json",
        "{\"events\": [\n  {\"start_date\": {\"year\": \"1900\"}\n  {\"start_date\": {\"year\": \"1901\"}}\n]}\n",
    );
    bin()
        .arg("check")
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "broken.json:3:3: expected `,` or `}`",
        ));
    let path = write(
        &dir,
        "day.json",
        "{\"events\": [{\"start_date\": {\"year\": 2021, \"month\": 2, \"day\": 29}}]}",
    );
    bin()
        .arg("check")
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "day.json:1:37: event 1, `start_date`: month 2 of year 2021 has no day 29",
        ));
}

#[test]
fn the_knight_lab_examples_open() {
    for (name, events, eras, warnings) in [
        ("seventh_century.json", 21, 0, 1),
        ("eras.json", 20, 3, 1),
        ("houston.json", 18, 0, 4),
        ("group_sample.json", 7, 0, 7),
        ("my-own-timeline.csv", 10, 0, 1),
    ] {
        bin()
            .arg("check")
            .arg(fixture(name))
            .assert()
            .code(0)
            .stdout(
                predicate::str::contains(format!(": ok: {events} events"))
                    .and(predicate::str::contains(format!("{eras} eras")))
                    .and(predicate::str::contains(format!("{warnings} warning"))),
            );
    }
    let seventh = events_of(&fixture("seventh_century.json"));
    let tang = seventh
        .iter()
        .find(|e| e.title["en"] == "Tang Dynasty in China")
        .unwrap();
    assert_eq!(
        (tang.start.as_str(), tang.end.as_deref()),
        ("0618-06-18", Some("0907-06-01"))
    );
    let groups = events_of(&fixture("group_sample.json"));
    assert_eq!(groups[0].time.as_deref(), Some("09:30"));
    assert_eq!(
        groups[0].category,
        "group-1-1st-interview-1st-interview-technical"
    );
}

#[test]
fn the_sheet_template_as_csv_opens_with_years_months_and_days_right() {
    let events = events_of(&fixture("my-own-timeline.csv"));
    let ada = events
        .iter()
        .find(|e| e.title["en"] == "Ada Lovelace")
        .unwrap();
    assert_eq!(
        (
            ada.start.as_str(),
            ada.precision.as_str(),
            ada.end.as_deref()
        ),
        ("1815-12-10", "day", Some("1852-11-27"))
    );
    assert!(
        ada.sources
            .iter()
            .any(|s| s.url.as_deref() == Some("https://en.wikipedia.org/wiki/Ada_Lovelace"))
    );
    let precision = |start: &str| {
        events
            .iter()
            .filter(|e| e.start == start)
            .map(|e| e.precision.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(precision("1943-07-01"), vec!["month"]);
    assert_eq!(precision("1951-01-01"), vec!["year"]);
    // The title row is the timeline's title, not an event.
    assert!(!events.iter().any(|e| e.title["en"] == "MY OWN CSV"));
}

#[test]
fn a_csv_mistake_is_placed_at_its_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        &dir,
        "sheet.csv",
        "Year,Month,Day,Time,Headline,Text\n1990,7,27,,Declaration,\n1991,13,,,Bad month,\n",
    );
    bin()
        .arg("check")
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "sheet.csv:3:1: event 2 (“Bad month”), `start_date`: there is no month 13",
        ));
}

#[test]
fn timelinejs_files_are_told_by_their_content_not_their_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "timeline.txt", EVERY_FIELD);
    bin().arg("check").arg(&path).assert().code(0);
    let csv = std::fs::read_to_string(fixture("my-own-timeline.csv")).unwrap();
    let path = write(&dir, "download", &csv);
    bin().arg("check").arg(&path).assert().code(0);
}

fn export(args: &[&str]) -> String {
    let output = bin().arg("export").args(args).output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn the_bundled_timeline_as_timelinejs_reopens_with_the_same_events_dates_and_titles() {
    let dir = tempfile::tempdir().unwrap();
    let original: Vec<JsonEvent> =
        serde_json::from_str(&export(&["--format", "json", "--lang", "en"])).unwrap();
    let path = write(
        &dir,
        "bundled.json",
        &export(&["--format", "timelinejs", "--lang", "en"]),
    );
    let reopened = events_of(&path);
    assert_eq!(reopened.len(), original.len());
    for event in &original {
        let again = by_id(&reopened, &event.id);
        assert_eq!(
            (&again.start, &again.end, &again.precision, &again.time),
            (&event.start, &event.end, &event.precision, &event.time),
            "{}",
            event.id
        );
        assert_eq!(again.title["en"], event.title["en"], "{}", event.id);
        let urls = |e: &JsonEvent| -> Vec<Option<String>> {
            e.sources
                .iter()
                .filter(|s| s.url.is_some())
                .map(|s| s.url.clone())
                .collect()
        };
        assert_eq!(urls(again), urls(event), "{}", event.id);
    }
    // Every event has its sources, so nothing is marked "no source".
    bin()
        .args(["check", "--strict"])
        .arg(&path)
        .assert()
        .code(0);
}

#[test]
fn a_tour_as_timelinejs_is_its_steps_under_its_title() {
    let text = export(&[
        "--format",
        "timelinejs",
        "--lang",
        "en",
        "--tour",
        "women-at-the-front",
    ]);
    let document: serde_json::Value = serde_json::from_str(&text).unwrap();
    let handout = export(&["--format", "json", "--tour", "women-at-the-front"]);
    let steps: Vec<JsonEvent> = serde_json::from_str(&handout).unwrap();
    assert_eq!(document["events"].as_array().unwrap().len(), steps.len());
    assert_eq!(document["events"][0]["unique_id"], steps[0].id.as_str());
    assert_ne!(
        document["title"]["text"]["headline"],
        "Belarus 2020–2021: the protests"
    );
}

#[test]
fn ron_to_ron_is_lossless() {
    let dir = tempfile::tempdir().unwrap();
    let once = export(&["--format", "ron"]);
    let path = write(&dir, "events.ron", &once);
    let twice = export(&["--format", "ron", "--events", path.to_str().unwrap()]);
    assert_eq!(once, twice);
    assert_eq!(
        export(&["--format", "json", "--events", path.to_str().unwrap()]),
        export(&["--format", "json"])
    );
}

#[test]
fn an_imported_file_as_ron_is_a_file_for_the_curator_to_complete() {
    let dir = tempfile::tempdir().unwrap();
    let ron = export(&[
        "--format",
        "ron",
        "--events",
        fixture("seventh_century.json").to_str().unwrap(),
    ]);
    assert!(ron.contains("start: \"0618-06-18\""), "{ron}");
    let path = write(&dir, "events.ron", &ron);
    // The curated format keeps its rule: the one event without a source is an error, placed.
    bin()
        .arg("check")
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no source with a URL").count(1));
}

/// Whether a program is on the PATH.
fn found(program: &str) -> bool {
    std::process::Command::new("which")
        .arg(program)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The bundled timeline as TimelineJS JSON loads in the real TimelineJS (from the npm registry)
/// in headless Chromium: one slide per event plus the title slide, no error on the page.
/// Ignored by default (it needs Chromium, Node and the npm registry); `.ci/run` runs it when
/// Chromium and Node are installed.
#[test]
#[ignore = "needs chromium, node and the npm registry"]
fn the_bundled_export_loads_in_the_real_timelinejs_in_headless_chromium() {
    if !(found("chromium") && found("node") && found("npm")) {
        eprintln!("chromium, node or npm not found: not checked");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let text = export(&["--format", "timelinejs", "--lang", "en"]);
    let events = serde_json::from_str::<serde_json::Value>(&text).unwrap()["events"]
        .as_array()
        .unwrap()
        .len();
    let path = write(&dir, "bundled.json", &text);
    let script =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/timelinejs/check_in_chromium.sh");
    let output = std::process::Command::new(script)
        .arg(&path)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
    assert_eq!(report["slides"], events + 1, "{report}");
    assert_eq!(report["markers"], events, "{report}");
    assert_eq!(report["errors"], serde_json::json!([]), "{report}");
    assert_eq!(report["message"], serde_json::Value::Null, "{report}");
}
