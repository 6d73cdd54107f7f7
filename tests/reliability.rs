//! The real binary on inputs beyond the ordinary: every kind of path, every size of mistake,
//! a pipe closed early. Each answers at once, with a clear message, never a hang or a panic.

use std::io::Read;
use std::process::Stdio;
use std::time::Duration;

use assert_cmd::Command;
use belarus_timeline::model::load::BUNDLED_EVENTS;
use predicates::prelude::*;

/// Longer than any of these cases takes; a hang fails the test instead of stalling the suite.
const PATIENCE: Duration = Duration::from_secs(60);

fn bin() -> Command {
    let mut command = Command::cargo_bin("belarus-timeline").expect("the binary is built");
    command.timeout(PATIENCE);
    command
}

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("temp file");
    path
}

#[test]
fn a_folder_is_refused_with_its_kind() {
    let dir = tempfile::tempdir().unwrap();
    bin()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "this is a directory, not a regular file",
        ));
}

#[cfg(unix)]
#[test]
fn a_device_a_pipe_and_a_socket_are_refused_before_they_are_opened() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("events.ron");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let socket = dir.path().join("socket.ron");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    for (path, kind) in [
        (std::path::PathBuf::from("/dev/zero"), "a character device"),
        (fifo.clone(), "a named pipe"),
        (socket, "a socket"),
    ] {
        let shown = path.display().to_string();
        // A named pipe with no writer would block the opening forever; /dev/zero would fill
        // memory: both are answered at once.
        bin()
            .arg("check")
            .arg(&path)
            .assert()
            .code(1)
            .stderr(predicate::str::contains(format!(
                "{shown}: this is {kind}, not a regular file"
            )));
    }
    // `--events` and export go through the same loading.
    bin()
        .args(["--events", "/dev/zero", "export", "--format", "json"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("a character device"));
    bin()
        .arg("export")
        .arg("--format")
        .arg("csv")
        .arg("--events")
        .arg(&fifo)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("a named pipe"));
}

/// The generated file of `events` events with one systematic mistake: every event of the
/// `protest` lane has the category `protests`.
fn generated_with_typo(events: usize) -> (String, usize) {
    let mut bytes = Vec::new();
    belarus_timeline::generate::write(&mut bytes, events, 7).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let right = r#"category: "protest","#;
    let count = text.matches(right).count();
    (text.replace(right, r#"category: "protests","#), count)
}

#[test]
fn a_hundred_thousand_events_with_one_systematic_mistake_are_reported_in_full() {
    let dir = tempfile::tempdir().unwrap();
    let (text, mistakes) = generated_with_typo(100_000);
    assert!(mistakes > 10_000, "{mistakes}");
    let path = write(&dir, "big.ron", &text);
    let output = bin().arg("check").arg(&path).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    // The first thousand one by one, each at its own line, then the rest counted.
    assert_eq!(lines.len(), 1001, "{}", &stderr[..500]);
    let shown = path.display().to_string();
    for line in &lines[..1000] {
        assert!(line.starts_with(&format!("{shown}:")), "{line}");
        assert!(
            line.contains(": unknown category `protests`; did you mean `protest`? (known: "),
            "{line}"
        );
    }
    let lines_of: Vec<usize> = lines[..1000]
        .iter()
        .map(|l| {
            l[shown.len() + 1..]
                .split(':')
                .next()
                .unwrap()
                .parse()
                .unwrap()
        })
        .collect();
    assert!(lines_of.windows(2).all(|w| w[0] < w[1]), "in file order");
    let rest = mistakes - 1000;
    let counted = format!(
        "… and {} more of the same kinds: {} × unknown category `…`; did you mean `…`?",
        belarus_timeline::model::error::thousands(rest),
        belarus_timeline::model::error::thousands(rest)
    );
    assert_eq!(lines[1000], counted);
}

#[test]
fn every_problem_at_once_even_after_an_unknown_field() {
    let dir = tempfile::tempdir().unwrap();
    // In the first event, and in the timeline itself.
    let first_event = BUNDLED_EVENTS.find("Event(").unwrap();
    let text = format!(
        "{}{}",
        &BUNDLED_EVENTS[..first_event],
        BUNDLED_EVENTS[first_event..].replacen("title:", "titel:", 1)
    );
    let text = text
        .replacen("description:", "descripton:", 1)
        .replacen(r#"start: "2020-08-09""#, r#"start: "2020-02-30""#, 1)
        .replacen(r#"category: "strike""#, r#"category: "strikes""#, 1);
    let path = write(&dir, "three.ron", &text);
    let output = bin().arg("check").arg(&path).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    for needle in [
        "unknown field `descripton` in `Timeline`; did you mean `description`?",
        "unknown field `titel`",
        "`2020-02-30` is not a date",
        "unknown category `strikes`; did you mean `strike`?",
    ] {
        assert_eq!(stderr.matches(needle).count(), 1, "{needle}: {stderr}");
    }
    // … and the warning for the image, which is not beside this copy.
    assert_eq!(stderr.lines().count(), 5, "{stderr}");
    assert_eq!(stderr.matches(": warning: image").count(), 1, "{stderr}");
}

#[test]
fn a_string_that_is_not_closed_is_named_where_it_starts() {
    let dir = tempfile::tempdir().unwrap();
    // The first event's English title loses its closing quote.
    let at = BUNDLED_EVENTS.find("title: {\"en\": \"").unwrap() + "title: {\"en\": \"".len();
    let close = at + BUNDLED_EVENTS[at..].find('"').unwrap();
    let text = format!(
        "{}{}",
        &BUNDLED_EVENTS[..close],
        &BUNDLED_EVENTS[close + 1..]
    );
    let before = &text[..at - 1];
    let line = before.matches('\n').count() + 1;
    let col = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    let path = write(&dir, "unclosed.ron", &text);
    bin()
        .arg("check")
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            ":{line}:{col}: the string starting at {line}:{col} is not closed"
        )));
}

#[test]
fn a_copy_of_the_bundled_file_elsewhere_loads_with_a_warning_for_its_image() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "events.ron", BUNDLED_EVENTS);
    bin()
        .arg("check")
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains(": ok: ").and(predicate::str::contains(", 1 warning")))
        .stderr(
            predicate::str::contains(
                ": warning: image `images/flag-white-red-white.png` does not exist in",
            )
            .and(predicate::str::contains("panicked").not()),
        );
    bin()
        .arg("check")
        .arg("--strict")
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(": warning: image"));
    // The image in place: no warning.
    let images = dir.path().join("assets/images");
    std::fs::create_dir_all(&images).unwrap();
    std::fs::write(
        images.join("flag-white-red-white.png"),
        belarus_timeline::model::load::BUNDLED_ASSETS[0].1,
    )
    .unwrap();
    bin()
        .arg("check")
        .arg("--strict")
        .arg(&path)
        .assert()
        .success()
        .stderr("");
}

#[test]
fn invisible_characters_are_errors_in_ids_and_urls_and_warnings_in_texts() {
    let dir = tempfile::tempdir().unwrap();
    let title_at = BUNDLED_EVENTS.find("title: {\"en\": \"").unwrap() + "title: {\"en\": \"".len();
    let in_title = format!(
        "{}\u{202E}{}",
        &BUNDLED_EVENTS[..title_at],
        &BUNDLED_EVENTS[title_at..]
    );
    let path = write(&dir, "title.ron", &in_title);
    bin()
        .arg("check")
        .arg(&path)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "warning: the text contains the invisible character U+202E (right-to-left override)",
        ));
    let id_at = BUNDLED_EVENTS.find("Event(").unwrap();
    let id_at = id_at + BUNDLED_EVENTS[id_at..].find("id: \"").unwrap() + "id: \"".len();
    let in_id = format!(
        "{}\u{2066}{}",
        &BUNDLED_EVENTS[..id_at],
        &BUNDLED_EVENTS[id_at..]
    );
    let path = write(&dir, "id.ron", &in_id);
    bin()
        .arg("check")
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "contains the invisible character U+2066 (left-to-right isolate)",
        ));
    let url_at = BUNDLED_EVENTS.find("url: \"https://").unwrap() + "url: \"https://".len();
    let in_url = format!(
        "{}\u{200F}{}",
        &BUNDLED_EVENTS[..url_at],
        &BUNDLED_EVENTS[url_at..]
    );
    let path = write(&dir, "url.ron", &in_url);
    bin()
        .arg("check")
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "the URL contains a control, invisible or space character",
        ));
}

#[test]
fn export_into_a_pipe_closed_early_ends_quietly() {
    // Far more than a pipe holds, so that the writer meets the closed end.
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = Vec::new();
    belarus_timeline::generate::write(&mut bytes, 3000, 1).unwrap();
    let path = dir.path().join("many.ron");
    std::fs::write(&path, bytes).unwrap();
    for format in ["json", "csv", "markdown", "html", "ics"] {
        let mut child =
            std::process::Command::new(assert_cmd::cargo::cargo_bin("belarus-timeline"))
                .args(["export", "--format", format, "--events"])
                .arg(&path)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
        // Read a little, like `head -c 100`, then close the pipe.
        let mut stdout = child.stdout.take().unwrap();
        let mut start = [0u8; 100];
        stdout.read_exact(&mut start).unwrap();
        drop(stdout);
        let status = child.wait().unwrap();
        let mut stderr = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut stderr)
            .unwrap();
        assert!(status.success(), "{format}: {status:?} {stderr}");
        assert!(!stderr.contains("panicked"), "{format}: {stderr}");
        assert_eq!(stderr, "", "{format}");
    }
}
