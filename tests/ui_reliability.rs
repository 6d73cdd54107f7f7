//! The window never fails silently: a mistyped date says so and keeps the filter; a file that
//! does not load leaves a page from which another file can be opened or dropped.

use belarus_timeline::model::{Lang, load_bundled};
use belarus_timeline::ui::{App, Loaded};
use egui_kittest::Harness;
use egui_kittest::kittest::{Queryable as _, by};

fn harness(app: App) -> Harness<'static, App> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1600.0, 900.0))
        .with_max_steps(40)
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    harness.run();
    harness
}

fn loaded_app() -> App {
    let timeline = load_bundled().expect("bundled data loads");
    App::new(
        Loaded::Timeline(std::sync::Arc::new(timeline), "events.ron".into()),
        Lang::En,
    )
}

/// Replaces the text of the date field that shows `value` with `typed`, and leaves it.
fn retype(harness: &mut Harness<'static, App>, value: &str, typed: &str) {
    harness
        .get(by().role(egui::accesskit::Role::TextInput).value(value))
        .click();
    harness.run();
    for _ in 0..value.chars().count() + 2 {
        harness.key_press(egui::Key::Delete);
        harness.key_press(egui::Key::Backspace);
    }
    harness.event(egui::Event::Text(typed.into()));
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
}

#[test]
fn a_mistyped_date_keeps_the_filter_and_says_so_beside_the_field() {
    let mut app = loaded_app();
    let august = chrono::NaiveDate::from_ymd_opt(2020, 8, 9);
    app.state.filter.from = august;
    let mut harness = harness(app);
    let shown = harness.state().visible().len();
    retype(&mut harness, "2020-08-09", "2020-13-45");
    assert_eq!(
        harness.state().state.filter.from,
        august,
        "the last valid date stays"
    );
    assert_eq!(harness.state().visible().len(), shown);
    harness.get_by_label_contains("“2020-13-45” is not a date");
    // Corrected, the error goes and the filter follows.
    retype(&mut harness, "2020-13-45", "2020-09-01");
    assert_eq!(
        harness.state().state.filter.from,
        chrono::NaiveDate::from_ymd_opt(2020, 9, 1)
    );
    assert!(
        harness.query_by_label_contains("is not a date").is_none(),
        "the error is gone"
    );
    // Emptied, the field removes the date filter: that is a choice, not a mistake.
    retype(&mut harness, "2020-09-01", "");
    assert_eq!(harness.state().state.filter.from, None);
}

/// A file dropped on the window, as the windowing integration hands it over.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn the_error_page_offers_another_file_and_takes_a_dropped_one() {
    let lines = vec!["bad.ron:3:7: unknown field `titel` in `Event`".to_owned()];
    let mut harness = harness(App::new(Loaded::Errors(lines), Lang::En));
    harness.get_by_label("bad.ron:3:7: unknown field `titel` in `Event`");
    harness.get_by_label("Open another file…");
    harness.get_by_label("Or drop an events file on this window.");
    // A good file dropped on the page opens.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.ron");
    std::fs::write(&path, belarus_timeline::model::load::BUNDLED_EVENTS).unwrap();
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path)));
    harness.run();
    assert!(
        matches!(harness.state().loaded, Loaded::Timeline(..)),
        "the dropped file replaced the error page"
    );
}
