//! The window, driven as a user would with egui_kittest, and its look in snapshots.

mod common;
use belarus_timeline::model::{Lang, load_bundled};
use belarus_timeline::timeline::TimeView;
use belarus_timeline::ui::timeline_ui::Hit;
use belarus_timeline::ui::{App, Loaded};
use common::{click_at, day};
use egui::{Pos2, Rect};

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

fn app(lang: Lang) -> App {
    let timeline = load_bundled().expect("bundled data loads");
    App::new(
        Loaded::Timeline(std::sync::Arc::new(timeline), "events.ron".into()),
        lang,
    )
}

fn harness(lang: Lang) -> Harness<'static, App> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1600.0, 900.0))
        .with_max_steps(40)
        .build_ui_state(|ui, app: &mut App| app.show(ui), app(lang));
    harness.run();
    harness
}

fn set_view(harness: &mut Harness<'static, App>, view: TimeView) {
    harness.state_mut().set_view(view);
    harness.run();
}

fn index_of(harness: &Harness<'static, App>, id: &str) -> usize {
    harness.state().timeline().unwrap().event_index(id).unwrap()
}

fn drawn(harness: &Harness<'static, App>) -> Vec<(Rect, Hit)> {
    harness.state().panels.timeline.drawn.clone()
}

#[test]
fn clicking_an_event_shows_its_title_and_sources() {
    let mut harness = harness(Lang::En);
    set_view(
        &mut harness,
        TimeView::new(day(2020, 8, 12), day(2020, 8, 21)),
    );
    let march = index_of(&harness, "march-for-freedom-minsk");
    let rect = drawn(&harness)
        .into_iter()
        .find_map(|(rect, hit)| (hit == Hit::Event(march)).then_some(rect))
        .expect("the march of 16 August is drawn");
    click_at(&mut harness, rect.left_center() + egui::vec2(4.0, 0.0));
    assert_eq!(harness.state().selected(), Some(march));
    harness.get_by_label("March for Freedom becomes the largest protest in Belarusian history");
    harness.get_by_label("Sunday, 16 August 2020");
    let source = harness.get_all_by_label_contains("RFE/RL").count();
    assert!(source >= 1, "the sources are listed as links");
}

#[test]
fn arrow_keys_step_through_events_in_time_order() {
    let mut harness = harness(Lang::En);
    let first = harness.state().visible()[10];
    harness.state_mut().set_selected(Some(first));
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    assert_eq!(
        harness.state().selected(),
        Some(harness.state().visible()[11])
    );
    harness.key_press(egui::Key::ArrowLeft);
    harness.key_press(egui::Key::ArrowLeft);
    harness.run();
    assert_eq!(
        harness.state().selected(),
        Some(harness.state().visible()[9])
    );
    harness.key_press(egui::Key::End);
    harness.run();
    assert_eq!(
        harness.state().selected(),
        harness.state().visible().last().copied()
    );
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert_eq!(harness.state().selected(), None);
}

#[test]
fn selecting_brings_the_event_into_view() {
    let mut harness = harness(Lang::En);
    let last = *harness.state().visible().last().unwrap();
    harness.key_press(egui::Key::End);
    harness.run();
    let event_start = harness.state().timeline().unwrap().events[last].start_seconds();
    let view = harness.state().view().unwrap();
    assert!(
        view.min <= event_start && event_start <= view.max(),
        "{view:?}"
    );
}

#[test]
fn double_click_fits_everything() {
    let mut harness = harness(Lang::En);
    set_view(
        &mut harness,
        TimeView::new(day(2020, 8, 9), day(2020, 8, 10)),
    );
    // Empty space: the bottom right corner of the canvas, below the last row of the last lane.
    let canvas = harness.state().panels.timeline.canvas;
    let empty = canvas.right_bottom() - egui::vec2(20.0, 3.0);
    assert!(drawn(&harness).iter().all(|(r, _)| !r.contains(empty)));
    harness.hover_at(empty);
    harness.run();
    // Both clicks in one frame, as a quick double-click arrives.
    for _ in 0..2 {
        for pressed in [true, false] {
            let event = egui::Event::PointerButton {
                pos: empty,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: egui::Modifiers::NONE,
            };
            harness.input_mut().events.push(event);
        }
    }
    harness.run();
    let app = harness.state();
    assert_eq!(app.view().unwrap(), app.shown.as_ref().unwrap().fit_all());
}

#[test]
fn clicking_a_cluster_zooms_to_its_span() {
    let mut harness = harness(Lang::En);
    let (rect, t0, t1) = drawn(&harness)
        .into_iter()
        .find_map(|(rect, hit)| match hit {
            Hit::Cluster(t0, t1, _) => Some((rect, t0, t1)),
            _ => None,
        })
        .expect("the opening view has clusters");
    let before = harness.state().view().unwrap();
    click_at(&mut harness, rect.center());
    let after = harness.state().view().unwrap();
    assert!(after.span < before.span / 2.0, "{before:?} -> {after:?}");
    assert!(after.min <= t0 && t1 <= after.max());
}

#[test]
fn the_wheel_zooms_at_the_pointer() {
    let mut harness = harness(Lang::En);
    set_view(
        &mut harness,
        TimeView::new(day(2020, 6, 1), day(2020, 12, 1)),
    );
    let pointer = Pos2::new(700.0, 400.0);
    harness.hover_at(pointer);
    harness.run();
    let canvas = harness.state().panels.timeline.canvas;
    let (left, width) = (f64::from(canvas.left()), f64::from(canvas.width()));
    let before = harness.state().view().unwrap();
    let t = before.time_from_screen(f64::from(pointer.x), left, width);
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, 120.0),
        modifiers: egui::Modifiers::NONE,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
    });
    harness.run();
    let after = harness.state().view().unwrap();
    assert!(
        after.span < before.span * 0.9,
        "zoomed in: {before:?} -> {after:?}"
    );
    let x_after = after.screen_from_time(t, left, width);
    assert!(
        (x_after - f64::from(pointer.x)).abs() < 1.0,
        "the time under the pointer moved to {x_after}"
    );
}

#[test]
fn the_language_changes_the_labels() {
    let harness = harness(Lang::Be);
    harness.get_by_label("Усё");
    harness.get_by_label("Выгляд");
    harness.get_by_label("Паказ (F5)");
    let mut harness_ru = self::harness(Lang::Ru);
    harness_ru.get_by_label("Всё");
    harness_ru.state_mut().state.lang = Lang::En;
    harness_ru.run();
    harness_ru.get_by_label("All");
}

fn snapshot_at(name: &str, view: TimeView, select: Option<&str>) {
    let mut harness = harness(Lang::En);
    set_view(&mut harness, view);
    if let Some(id) = select {
        let index = index_of(&harness, id);
        harness.state_mut().set_selected(Some(index));
        harness.run();
    }
    harness.snapshot(name);
}

#[test]
fn snapshot_whole_period() {
    let harness = harness(Lang::En);
    let all = harness.state().shown.as_ref().unwrap().fit_all();
    drop(harness);
    snapshot_at("timeline_all", all, None);
}

#[test]
fn snapshot_august_2020() {
    snapshot_at(
        "timeline_month",
        TimeView::new(day(2020, 8, 1), day(2020, 9, 1)),
        Some("march-for-freedom-minsk"),
    );
}

#[test]
fn snapshot_election_evening() {
    snapshot_at(
        "timeline_day",
        TimeView::new(
            day(2020, 8, 9) + 12.0 * 3600.0,
            day(2020, 8, 10) + 6.0 * 3600.0,
        ),
        Some("election-day-2020"),
    );
}

#[test]
fn typing_in_the_search_field_narrows_the_timeline() {
    let mut harness = harness(Lang::En);
    let all = harness.state().visible().len();
    harness.key_press(egui::Key::Slash);
    harness.run();
    harness.event(egui::Event::Text("PandaDoc".into()));
    harness.run();
    assert_eq!(
        harness.state().state.filter.search,
        "PandaDoc",
        "the slash focused the field and was not typed"
    );
    // Dimming keeps every event; hiding shows only matches.
    assert_eq!(harness.state().visible().len(), all);
    harness
        .get_by_label("Hide events that do not match")
        .click();
    harness.run();
    let shown = harness.state().visible().to_vec();
    assert!(
        !shown.is_empty() && shown.len() < all / 4,
        "{} of {all}",
        shown.len()
    );
    let timeline = harness.state().timeline().unwrap().clone();
    let raid = timeline.event_index("pandadoc-office-raid").unwrap();
    assert!(shown.contains(&raid));
}

#[test]
fn a_category_check_box_hides_that_lane() {
    let mut harness = harness(Lang::En);
    let timeline = harness.state().timeline().unwrap().clone();
    let strike = timeline
        .categories
        .iter()
        .position(|c| c.id == "strike")
        .unwrap();
    let strikes = timeline
        .events
        .iter()
        .filter(|e| usize::from(e.category) == strike)
        .count();
    harness.get_by_label(&format!("Strike ({strikes})")).click();
    harness.run();
    let visible = harness.state().visible();
    assert_eq!(visible.len(), timeline.events.len() - strikes);
    assert!(
        visible
            .iter()
            .all(|&i| usize::from(timeline.events[i].category) != strike)
    );
    // Its chip removes the filter again.
    assert!(harness.state().state.filter.categories.len() == timeline.categories.len() - 1);
    harness.get_by_label("Clear all").click();
    harness.run();
    assert_eq!(harness.state().visible().len(), timeline.events.len());
}

#[test]
fn state_round_trips_through_persistence() {
    let mut harness = harness(Lang::Be);
    set_view(
        &mut harness,
        TimeView::new(day(2020, 9, 1), day(2020, 9, 20)),
    );
    let march = index_of(&harness, "march-for-freedom-minsk");
    harness.state_mut().set_selected(Some(march));
    harness.state_mut().state.filter.search = "Minsk".into();
    let saved = harness.state().saved(1.25);
    let text = ron::to_string(&saved).unwrap();
    let restored: belarus_timeline::ui::State = ron::from_str(&text).unwrap();
    let mut fresh = app(Lang::En);
    fresh.restore(restored);
    assert_eq!(fresh.state.lang, Lang::Be);
    assert_eq!(fresh.selected(), Some(march));
    assert_eq!(fresh.state.filter.search, "Minsk");
    assert_eq!(fresh.view(), harness.state().view());
}

fn presenting(tour: &str) -> Harness<'static, App> {
    let mut harness = harness(Lang::En);
    let tour = harness
        .state()
        .timeline()
        .unwrap()
        .tours
        .iter()
        .position(|t| t.id == tour);
    harness
        .state_mut()
        .runtime
        .queued
        .push(belarus_timeline::ui::PresentCommand::Start { tour, step: 0 }.into());
    harness.run();
    harness
}

fn step(harness: &Harness<'static, App>) -> usize {
    harness
        .state()
        .runtime
        .presentation
        .as_ref()
        .expect("presenting")
        .step
}

#[test]
fn clicker_keys_drive_the_presentation() {
    let mut harness = presenting("it-sector");
    assert_eq!(step(&harness), 0);
    harness.get_by_label("1 / 15");
    for key in [
        egui::Key::PageDown,
        egui::Key::ArrowRight,
        egui::Key::Space,
        egui::Key::Enter,
    ] {
        harness.key_press(key);
        harness.run();
    }
    assert_eq!(step(&harness), 4);
    harness.get_by_label("5 / 15");
    harness.key_press(egui::Key::PageUp);
    harness.run();
    harness.key_press(egui::Key::Backspace);
    harness.run();
    assert_eq!(step(&harness), 2);
    // The selected event follows the step.
    let timeline = harness.state().timeline().unwrap().clone();
    let tour = timeline.tour("it-sector").unwrap();
    assert_eq!(harness.state().selected(), Some(tour.steps[2].0));
    // Number + Enter jumps.
    harness.key_press(egui::Key::Num1);
    harness.key_press(egui::Key::Num2);
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(step(&harness), 11);
    harness.key_press(egui::Key::End);
    harness.run();
    assert_eq!(step(&harness), 14);
    harness.key_press(egui::Key::Home);
    harness.run();
    assert_eq!(step(&harness), 0);
}

#[test]
fn b_blanks_and_any_key_returns_and_escape_leaves() {
    let mut harness = presenting("women-at-the-front");
    harness.key_press(egui::Key::B);
    harness.run();
    assert!(harness.state().runtime.presentation.as_ref().unwrap().blank);
    harness.key_press(egui::Key::A);
    harness.run();
    let presentation = harness.state().runtime.presentation.as_ref().unwrap();
    assert!(!presentation.blank);
    assert_eq!(
        presentation.step, 0,
        "the key that ends the blank does nothing else"
    );
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.state().runtime.presentation.is_none());
    harness.get_by_label("Present (F5)");
}

#[test]
fn without_a_tour_it_steps_through_the_filtered_events() {
    let mut harness = harness(Lang::En);
    harness
        .state_mut()
        .runtime
        .queued
        .push(belarus_timeline::ui::Command::Filter(
            belarus_timeline::ui::FilterCommand::Set(belarus_timeline::query::Filter {
                categories: ["strike".to_owned()].into(),
                ..Default::default()
            }),
        ));
    harness.run();
    harness.key_press(egui::Key::F5);
    harness.run();
    let visible = harness.state().visible().to_vec();
    assert_eq!(harness.state().selected(), Some(visible[0]));
    harness.key_press(egui::Key::PageDown);
    harness.run();
    assert_eq!(harness.state().selected(), Some(visible[1]));
}

#[test]
fn snapshot_presentation_slide() {
    let mut harness = presenting("election-first-nights");
    harness.key_press(egui::Key::PageDown);
    harness.run();
    harness.snapshot("presentation_slide");
}

/// The label of the node the accessibility tree marks as selected.
fn selected_label(harness: &Harness<'static, App>) -> Option<String> {
    harness
        .query_by(|node| node.is_selected() == Some(true))
        .and_then(|node| node.accesskit_node().label())
}

#[test]
fn the_events_in_view_are_in_the_accessibility_tree() {
    let harness = harness(Lang::En);
    let timeline = harness.state().timeline().unwrap().clone();
    let events: Vec<usize> = drawn(&harness)
        .into_iter()
        .filter_map(|(_, hit)| match hit {
            Hit::Event(index) => Some(index),
            _ => None,
        })
        .collect();
    assert!(events.len() > 20, "{} events drawn", events.len());
    for index in events {
        let title = timeline.events[index].title().get(Lang::En);
        harness.get_by_label_contains(title);
    }
    harness.get_by_label_contains("Timeline, ");
    harness.get_by_label_contains("events shown");
    let shown = harness.state().shown.as_ref().unwrap();
    for (lane, category) in timeline.categories.iter().enumerate() {
        let count = shown.lanes.events[lane].len();
        let name = format!("{}, {count} events", category.name.get(Lang::En));
        let node = harness.get_by_label(&name);
        assert_eq!(node.accesskit_node().role(), egui::accesskit::Role::Group);
    }
}

#[test]
fn a_cluster_is_read_with_its_count_and_dates() {
    let harness = harness(Lang::En);
    let count = drawn(&harness)
        .into_iter()
        .find_map(|(_, hit)| match hit {
            Hit::Cluster(_, _, count) => Some(count),
            _ => None,
        })
        .expect("the opening view has clusters");
    let name = format!("{count} events, ");
    let labels: Vec<String> = harness
        .get_all_by_label_contains(&name)
        .filter_map(|node| node.accesskit_node().label())
        .filter(|label| label.starts_with(&name))
        .collect();
    assert!(!labels.is_empty());
    assert!(
        labels
            .iter()
            .all(|l| l.contains(" 2020") || l.contains(" 2021")),
        "{labels:?}"
    );
}

#[test]
fn the_arrow_keys_move_the_selected_node_and_it_is_focused() {
    let mut harness = harness(Lang::En);
    set_view(
        &mut harness,
        TimeView::new(day(2020, 8, 12), day(2020, 8, 21)),
    );
    let march = index_of(&harness, "march-for-freedom-minsk");
    let rect = drawn(&harness)
        .into_iter()
        .find_map(|(rect, hit)| (hit == Hit::Event(march)).then_some(rect))
        .expect("the march of 16 August is drawn");
    click_at(&mut harness, rect.left_center() + egui::vec2(4.0, 0.0));
    let canvas = belarus_timeline::ui::timeline_ui::canvas_id();
    assert_eq!(harness.ctx.memory(|m| m.focused()), Some(canvas));
    let before = selected_label(&harness).expect("a selected node");
    assert!(before.contains("March for Freedom"), "{before}");
    // The canvas has the focus; its active descendant, the selected event, is what a screen
    // reader announces.
    let focused = harness.get_by(|node| node.is_focused());
    assert_eq!(focused.accesskit_node().label(), Some(before.clone()));
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    let after = selected_label(&harness).expect("a selected node");
    assert_ne!(before, after);
    let next = harness.state().selected().unwrap();
    let title = harness.state().timeline().unwrap().events[next]
        .title()
        .get(Lang::En)
        .to_owned();
    assert!(after.contains(&title), "{after}");
    assert_eq!(
        harness.ctx.memory(|m| m.focused()),
        Some(canvas),
        "the arrow keys stay with the canvas"
    );
}

#[test]
fn up_and_down_move_to_the_nearest_event_in_the_next_lane() {
    let mut harness = harness(Lang::En);
    let timeline = harness.state().timeline().unwrap().clone();
    let march = index_of(&harness, "march-for-freedom-minsk");
    harness.state_mut().set_selected(Some(march));
    harness.run();
    let lane_of = |i: usize| usize::from(timeline.events[i].category);
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    let below = harness.state().selected().unwrap();
    assert_eq!(lane_of(below), lane_of(march) + 1);
    let gap =
        (timeline.events[below].start_seconds() - timeline.events[march].start_seconds()).abs();
    let shown = harness.state().shown.as_ref().unwrap();
    assert!(
        shown.lanes.events[lane_of(below)].iter().all(|&i| {
            (timeline.events[i as usize].start_seconds() - timeline.events[march].start_seconds())
                .abs()
                >= gap
        }),
        "the nearest in time"
    );
    harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::ArrowUp);
    harness.run();
    assert_eq!(lane_of(harness.state().selected().unwrap()), lane_of(march));
}

#[test]
fn with_reduced_motion_the_view_jumps_at_once() {
    let mut harness = harness(Lang::En);
    set_view(
        &mut harness,
        TimeView::new(day(2020, 8, 9), day(2020, 8, 10)),
    );
    harness.state_mut().state.reduce_motion = true;
    harness
        .state_mut()
        .runtime
        .queued
        .push(belarus_timeline::ui::ViewCommand::FitAll.into());
    harness.step();
    let app = harness.state();
    assert_eq!(app.view().unwrap(), app.shown.as_ref().unwrap().fit_all());
}

#[test]
fn the_view_menu_sets_motion_and_text_size() {
    let mut harness = harness(Lang::En);
    // The menu closes after each click, as menus do.
    let mut choose = |label: &str| {
        if harness.query_by_label(label).is_none() {
            harness.get_by_label("View").click();
            harness.run();
        }
        harness.get_by_label(label).click();
        harness.run();
        harness.ctx.zoom_factor()
    };
    choose("Reduce motion");
    assert!((choose("A+") - 1.1).abs() < 1e-3);
    assert!((choose("110 %") - 1.0).abs() < 1e-3);
    assert!((choose("A−") - 0.9).abs() < 1e-3);
    assert!(harness.state().state.reduce_motion);
    assert_eq!(harness.state().state.zoom, Some(0.9));
}

#[test]
fn the_presenter_window_has_the_note_and_the_next_step_and_the_audience_does_not() {
    let mut harness = presenting("it-sector");
    let timeline = harness.state().timeline().unwrap().clone();
    let tour = timeline.tour("it-sector").unwrap();
    let note = tour.steps[0].1.get(Lang::En).to_owned();
    let next_title = timeline.events[tour.steps[1].0]
        .title()
        .get(Lang::En)
        .to_owned();
    // One screen: the note is on the slide.
    assert_eq!(harness.query_all_by_label(&note).count(), 1);
    harness.key_press(egui::Key::P);
    harness.run();
    let presentation = harness.state().runtime.presentation.clone().unwrap();
    assert!(presentation.presenter && !presentation.audience_notes);
    // The presenter's window (embedded in the test) shows the note and what comes next; the
    // slide no longer shows the note.
    harness.get_by_label("Teaching note");
    harness.get_by_label("Up next");
    assert!(harness.query_all_by_label_contains(&next_title).count() >= 1);
    assert_eq!(
        harness.query_all_by_label(&note).count(),
        1,
        "the note is the presenter's alone"
    );
    // N shows it to the audience too.
    harness.key_press(egui::Key::N);
    harness.run();
    assert_eq!(harness.query_all_by_label(&note).count(), 2);
    // The step list of the presenter steps the slides.
    harness
        .get_by_label_contains(&format!(
            "3. {}",
            belarus_timeline::i18n::dates::short_date(
                Lang::En,
                timeline.events[tour.steps[2].0].start
            )
        ))
        .click();
    harness.run();
    assert_eq!(step(&harness), 2);
    // Remembered: the next presentation opens the presenter window again.
    assert!(harness.state().state.presenter_window);
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.state().runtime.presentation.is_none());
    assert_eq!(harness.state().state.tour.as_deref(), Some("it-sector"));
}

#[test]
fn autoplay_steps_on_loops_and_any_key_pauses() {
    let mut harness = presenting("women-at-the-front");
    let total = harness
        .state()
        .timeline()
        .unwrap()
        .tour("women-at-the-front")
        .unwrap()
        .steps
        .len();
    harness
        .state_mut()
        .runtime
        .queued
        .push(belarus_timeline::ui::PresentCommand::AutoplayEvery(2.0).into());
    harness.run();
    // A little more than a step's time (the harness's frames are 0.25 s apart).
    let mut seen = vec![step(&harness)];
    for _ in 0..(total + 2) {
        for _ in 0..9 {
            harness.step();
        }
        seen.push(step(&harness));
    }
    assert!(seen.windows(2).any(|w| w[1] == w[0] + 1), "{seen:?}");
    assert!(
        seen.windows(2).any(|w| w[0] == total - 1 && w[1] == 0),
        "loops back to the first step: {seen:?}"
    );
    harness.key_press(egui::Key::PageDown);
    harness.run();
    let paused = step(&harness);
    for _ in 0..40 {
        harness.step();
    }
    assert_eq!(step(&harness), paused, "a key pauses autoplay");
    let autoplay = harness
        .state()
        .runtime
        .presentation
        .as_ref()
        .unwrap()
        .autoplay
        .unwrap();
    assert!(autoplay.due.is_none());
}

#[test]
fn a_chosen_tour_is_listed_and_numbered_on_the_timeline() {
    let mut harness = harness(Lang::En);
    let timeline = harness.state().timeline().unwrap().clone();
    let tour_index = timeline
        .tours
        .iter()
        .position(|t| t.id == "strikes-and-ultimatum")
        .unwrap();
    harness
        .state_mut()
        .runtime
        .queued
        .push(belarus_timeline::ui::PresentCommand::ChooseTour(Some(tour_index)).into());
    for _ in 0..8 {
        harness.step();
    }
    harness.run();
    let tour = &timeline.tours[tour_index];
    harness.get_by_label_contains("Tour: ");
    // The view takes in every step.
    let view = harness.state().view().unwrap();
    for (index, _) in &tour.steps {
        let event = &timeline.events[*index];
        assert!(event.start_seconds() >= view.min && event.end_seconds() <= view.max());
    }
    // A step in the list selects its event.
    let (second, _) = tour.steps[1];
    harness
        .get_by_label_contains(&format!(
            "2. {}",
            belarus_timeline::i18n::dates::short_date(Lang::En, timeline.events[second].start)
        ))
        .click();
    harness.run();
    assert_eq!(harness.state().selected(), Some(second));
}

#[test]
fn a_citation_uses_the_interface_dates_and_says_when_it_was_accessed() {
    let timeline = load_bundled().unwrap();
    let event = timeline
        .events
        .iter()
        .find(|e| {
            e.sources()
                .any(|s| s.url.is_some() && s.published.is_some())
        })
        .unwrap();
    let accessed = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let en = belarus_timeline::ui::details_ui::citation(&timeline, event, Lang::En, accessed);
    assert!(en.contains("(accessed 30 November 2026)"), "{en}");
    assert!(!en.contains("2020-0"), "no ISO dates: {en}");
    let ru = belarus_timeline::ui::details_ui::citation(&timeline, event, Lang::Ru, accessed);
    assert!(ru.contains("дата обращения: 30 ноября 2026"), "{ru}");
    assert!(ru.contains('«'), "{ru}");
}
