//! Live reload: a file edited while the window shows it, including broken saves and
//! rename-style saves.

use std::path::Path;
use std::time::{Duration, Instant};

use belarus_timeline::model::{Lang, load_path};
use belarus_timeline::ui::{App, Loaded};
use egui_kittest::Harness;

fn file(title: &str, extra_event: bool) -> String {
    let event = |id: &str, day: u32| {
        format!(
            r#"Event(id: "{id}", start: "2020-08-{day:02}", category: "protest", importance: 1, title: {{"en": "{id}"}}, summary: {{"en": "s"}}, sources: [Source(title: "t", publisher: "p", url: "https://example.org/")]),"#
        )
    };
    format!(
        r##"Timeline(title: {{"en": "{title}"}}, categories: [Category(id: "protest", name: {{"en": "Protest"}}, colour: "#c8102e")], events: [{}{}])"##,
        event("first", 9),
        if extra_event {
            event("second", 16)
        } else {
            String::new()
        }
    )
}

fn save_by_rename(path: &Path, text: &str) {
    let temporary = path.with_extension("ron.tmp");
    std::fs::write(&temporary, text).unwrap();
    std::fs::rename(&temporary, path).unwrap();
}

/// Steps the window until `done` holds, or fails after a few seconds.
fn wait_for(harness: &mut Harness<'static, App>, what: &str, done: impl Fn(&App) -> bool) {
    let start = Instant::now();
    while !done(harness.state()) {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(50));
        harness.step();
    }
}

fn title(app: &App) -> String {
    app.timeline()
        .map(|t| t.title.get(Lang::En).to_owned())
        .unwrap_or_default()
}

#[test]
fn edits_reload_broken_saves_keep_the_last_good_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.ron");
    std::fs::write(&path, file("One", false)).unwrap();
    let loaded = Loaded::from_result(load_path(&path), "events.ron");
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 800.0))
        .build_ui_state(|ui, app: &mut App| app.show(ui), App::new(loaded, Lang::En));
    let ctx = harness.ctx.clone();
    harness.state_mut().watch(&path, &ctx);
    harness.step();
    harness.state_mut().set_selected(Some(0));

    // A plain save.
    std::fs::write(&path, file("Two", true)).unwrap();
    wait_for(&mut harness, "the edit", |app| title(app) == "Two");
    assert_eq!(harness.state().timeline().unwrap().events.len(), 2);
    assert_eq!(
        harness.state().selected(),
        Some(0),
        "the selection survives"
    );

    // A broken save: the data stays, a banner lists the error with its position.
    std::fs::write(
        &path,
        file("Three", true).replace("importance: 1", "importance: one"),
    )
    .unwrap();
    wait_for(&mut harness, "the banner", |app| {
        !app.runtime.banner.is_empty()
    });
    assert_eq!(title(harness.state()), "Two");
    assert!(
        harness.state().runtime.banner[0].contains("events.ron:1:"),
        "{:?}",
        harness.state().runtime.banner
    );

    // Fixed again, saved the way many editors do: a new file renamed over the old one.
    save_by_rename(&path, &file("Four", true));
    wait_for(&mut harness, "the fix", |app| title(app) == "Four");
    assert!(harness.state().runtime.banner.is_empty());

    // Deleted and recreated.
    std::fs::remove_file(&path).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    harness.step();
    assert_eq!(
        title(harness.state()),
        "Four",
        "a deleted file leaves the data on screen"
    );
    std::fs::write(&path, file("Five", false)).unwrap();
    wait_for(&mut harness, "the recreated file", |app| {
        title(app) == "Five"
    });
}
