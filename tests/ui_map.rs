//! The map panel, driven as a user would with egui_kittest: markers filter, the timeline and
//! the map point at each other, playback sweeps the view; and the map's look in snapshots.

mod common;
use belarus_timeline::map::MapView;
use belarus_timeline::model::{Lang, load_bundled};
use belarus_timeline::timeline::TimeView;
use belarus_timeline::ui::map_ui::DrawnMarker;
use belarus_timeline::ui::{App, Loaded, MapCommand};
use common::{click_at, day};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn app() -> App {
    let timeline = load_bundled().expect("bundled data loads");
    let mut app = App::new(
        Loaded::Timeline(std::sync::Arc::new(timeline), "events.ron".into()),
        Lang::En,
    );
    app.state.map = true;
    app
}

/// The window with the map, showing August 2020.
fn harness() -> Harness<'static, App> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1600.0, 900.0))
        .with_max_steps(40)
        .build_ui_state(|ui, app: &mut App| app.show(ui), app());
    harness
        .state_mut()
        .set_view(TimeView::new(day(2020, 8, 1), day(2020, 9, 1)));
    harness.run();
    harness
}

fn markers(harness: &Harness<'static, App>) -> Vec<DrawnMarker> {
    harness.state().panels.map.markers.clone()
}

fn place_id(harness: &Harness<'static, App>, place: u32) -> String {
    harness.state().timeline().unwrap().places[place as usize]
        .id
        .clone()
}

fn centre(marker: &DrawnMarker) -> egui::Pos2 {
    egui::pos2(marker.marker.at[0] as f32, marker.marker.at[1] as f32)
}

#[test]
fn the_map_counts_the_places_of_the_visible_range() {
    let mut harness = harness();
    // Zoomed out to all of Europe: no place of the map is off screen.
    harness.state_mut().runtime.queued.push(
        MapCommand::SetView(MapView {
            x: -500.0,
            y: -600.0,
            km_per_point: 8.0,
        })
        .into(),
    );
    harness.run();
    let markers = markers(&harness);
    let total: usize = markers.iter().map(|m| m.marker.total).sum();
    let timeline = harness.state().timeline().unwrap().clone();
    // Every place of every event that starts in August 2020 is counted once.
    let expected: usize = timeline
        .events
        .iter()
        .filter(|e| (day(2020, 8, 1)..day(2020, 9, 1)).contains(&e.start_seconds()))
        .map(|e| e.places().len())
        .sum();
    assert_eq!(total, expected);
    let biggest = &markers[0];
    assert!(
        biggest.name.starts_with("Minsk"),
        "Minsk leads: {}",
        biggest.name
    );
    assert!(markers.len() > 5, "the protests reached the regions");
}

#[test]
fn clicking_a_marker_filters_by_its_place() {
    let mut harness = harness();
    let single = markers(&harness)
        .into_iter()
        .find(|m| m.marker.places.len() == 1 && !m.far)
        .expect("a marker of one place");
    let id = place_id(&harness, single.marker.places[0]);
    click_at(&mut harness, centre(&single));
    assert!(
        harness.state().state.filter.places.contains(&id),
        "the {id} chip is on"
    );
    // Only that place's events are shown now, on the map too.
    let markers = markers(&harness);
    assert!(
        markers
            .iter()
            .any(|m| m.marker.places.contains(&single.marker.places[0]))
    );
}

#[test]
fn clicking_merged_markers_zooms_in_until_they_split() {
    let mut harness = harness();
    let Some(merged) = markers(&harness)
        .into_iter()
        .find(|m| m.marker.places.len() > 1 && !m.far)
    else {
        panic!("at the opening zoom, Minsk and its neighbours merge");
    };
    let before = harness.state().state.map_view;
    click_at(&mut harness, centre(&merged));
    let after = harness.state().state.map_view.expect("the map moved");
    assert!(before.is_none_or(|b| after.km_per_point < b.km_per_point));
    assert!(harness.state().state.filter.places.is_empty());
    let count = markers(&harness)
        .iter()
        .filter(|m| {
            m.marker
                .places
                .iter()
                .any(|p| merged.marker.places.contains(p))
        })
        .count();
    assert!(count > 1, "the merged places came apart");
}

#[test]
fn hovering_a_marker_marks_its_events_and_selecting_an_event_marks_its_marker() {
    let mut harness = harness();
    let minsk = markers(&harness)
        .into_iter()
        .find(|m| m.name.starts_with("Minsk"))
        .expect("Minsk has a marker");
    harness.hover_at(centre(&minsk));
    harness.run();
    assert_eq!(harness.state().runtime.hovered_places, minsk.marker.places);
    harness.hover_at(egui::pos2(5.0, 890.0));
    harness.run();
    assert!(harness.state().runtime.hovered_places.is_empty());

    // The other way: an event in Hrodna, selected on the timeline, rings Hrodna's marker.
    let timeline = harness.state().timeline().unwrap().clone();
    let hrodna = timeline
        .places
        .iter()
        .position(|p| p.id == "hrodna")
        .unwrap() as u32;
    let event = timeline
        .events
        .iter()
        .position(|e| {
            e.places() == [hrodna]
                && (day(2020, 8, 1)..day(2020, 9, 1)).contains(&e.start_seconds())
        })
        .expect("an event in Hrodna in August 2020");
    harness.state_mut().set_selected(Some(event));
    harness.run();
    let linked: Vec<DrawnMarker> = markers(&harness).into_iter().filter(|m| m.linked).collect();
    assert_eq!(linked.len(), 1);
    assert!(linked[0].marker.places.contains(&hrodna));
}

#[test]
fn markers_are_named_for_screen_readers_and_work_with_the_keyboard() {
    let mut harness = harness();
    let first = markers(&harness).remove(0);
    let node = harness.get_by_label(&first.name);
    node.focus();
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    let state = &harness.state().state;
    if first.marker.places.len() == 1 {
        let id = place_id(&harness, first.marker.places[0]);
        assert!(state.filter.places.contains(&id));
    } else {
        assert!(state.map_view.is_some(), "merged markers zoom in");
    }
    harness.get_by_label_contains("Map, ");
}

#[test]
fn playback_sweeps_the_view_forward_and_pauses() {
    let mut harness = harness();
    let before = harness.state().view().unwrap();
    harness.key_press(egui::Key::P);
    harness.run_steps(8);
    let during = harness.state().view().unwrap();
    assert!(during.min > before.min, "the window moved forward");
    assert!(
        (during.span - before.span).abs() < 1.0,
        "and kept its width"
    );
    harness.key_press(egui::Key::P);
    harness.run_steps(2);
    let paused = harness.state().view().unwrap();
    harness.run_steps(4);
    assert_eq!(harness.state().view().unwrap(), paused, "paused");
    // A step moves one speed unit: a day at a day per second.
    harness.key_press(egui::Key::Period);
    harness.run();
    let stepped = harness.state().view().unwrap();
    assert!((stepped.min - paused.min - 86_400.0).abs() < 1.0);
}

#[test]
fn the_m_key_hides_and_shows_the_map() {
    let mut harness = harness();
    harness.key_press(egui::Key::M);
    harness.run();
    assert!(!harness.state().state.map);
    assert!(harness.query_by_label_contains("Map, ").is_none());
    harness.key_press(egui::Key::M);
    harness.run();
    assert!(harness.state().state.map);
}

/// The map alone (as `render --map` draws it) at 900 × 640.
fn map_only(view: Option<MapView>) -> Harness<'static, App> {
    let mut app = app();
    app.runtime.map_only = true;
    app.runtime.offscreen = true;
    app.state.theme = belarus_timeline::ui::theme::Theme::Light;
    let mut harness = Harness::builder()
        .with_size(egui::vec2(900.0, 640.0))
        .with_max_steps(40)
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    harness
        .state_mut()
        .set_view(TimeView::new(day(2020, 8, 9), day(2020, 8, 23)));
    if let Some(view) = view {
        harness
            .state_mut()
            .runtime
            .queued
            .push(MapCommand::SetView(view).into());
    }
    harness.run();
    harness
}

#[test]
fn snapshot_map_default_view() {
    map_only(None).snapshot("map_default");
}

#[test]
fn snapshot_map_zoomed_on_minsk() {
    let minsk = belarus_timeline::map::projection::plane_from_geo(belarus_timeline::map::Geo {
        lat: 53.9,
        lon: 27.56,
    });
    let view = MapView {
        x: minsk.x + 60.0,
        y: minsk.y - 40.0,
        km_per_point: 0.45,
    };
    map_only(Some(view)).snapshot("map_zoomed");
}
