//! A large file opening: the window shows a loading page with a progress bar fed by the
//! loader, then the timeline, and then carries out what waited for it.

use std::sync::Arc;

use belarus_timeline::cache::Source;
use belarus_timeline::model::progress::Phase;
use belarus_timeline::model::{Lang, load_bundled};
use belarus_timeline::query::IndexCell;
use belarus_timeline::ui::loading::Finished;
use belarus_timeline::ui::{App, Loaded, Loading, SelectionCommand};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

fn progress_value(harness: &Harness<'static, App>) -> Option<f64> {
    harness
        .get_by_role(Role::ProgressIndicator)
        .accesskit_node()
        .numeric_value()
}

#[test]
fn the_loading_page_shows_progress_then_the_timeline_follows() {
    let (loading, end) = Loading::new("big.ron".into());
    let mut app = App::new(Loaded::Loading(loading), Lang::En);
    // The command line's event, selected once the timeline is there.
    app.runtime.on_loaded = Some(Box::new(|timeline| {
        let index = timeline
            .event_index("march-for-freedom-minsk")
            .ok_or("no march")?;
        Ok(vec![SelectionCommand::Select(Some(index)).into()])
    }));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 720.0))
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    harness.run_steps(2);
    harness.get_by_label("Opening big.ron");
    end.progress.start(Phase::Reading, 200_000_000);
    end.progress.set(50_000_000);
    harness.run_steps(2);
    assert_eq!(progress_value(&harness), Some(25.0));
    harness.get_by_label_contains("Reading the file: 50 of 200 MB");
    end.progress.start(Phase::Checking, 1000);
    end.progress.set(800);
    harness.run_steps(2);
    assert_eq!(progress_value(&harness), Some(80.0));
    harness.get_by_label_contains("checking the events: 80");
    assert!(harness.state().timeline().is_none());

    let timeline = Arc::new(load_bundled().expect("bundled data loads"));
    let sent = end.send(Finished {
        result: Ok(timeline),
        index: IndexCell::default(),
        source: Source::File,
        seconds: 1.0,
    });
    assert!(sent, "the window listens");
    harness.run_steps(4);
    assert!(harness.state().timeline().is_some());
    assert!(harness.query_by_role(Role::ProgressIndicator).is_none());
    let march = harness
        .state()
        .timeline()
        .and_then(|t| t.event_index("march-for-freedom-minsk"));
    assert_eq!(harness.state().selected(), march);
    harness.get_by_label("March for Freedom becomes the largest protest in Belarusian history");
}

#[test]
fn a_loader_that_stops_without_a_result_shows_an_error() {
    let (loading, end) = Loading::new("big.ron".into());
    let app = App::new(Loaded::Loading(loading), Lang::En);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 720.0))
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    harness.run_steps(1);
    drop(end);
    harness.run_steps(2);
    assert!(matches!(harness.state().loaded, Loaded::Errors(_)));
    harness.get_by_label_contains("the loader stopped");
}
