//! What a reader meets: every event accounted for at every zoom, selection that keeps its
//! place, clusters that open as lists, eras that go somewhere, honest counts, help.

mod common;
use common::{click_at, day};
use std::sync::Arc;

use belarus_timeline::model::{Assets, Lang, load_bundled, load_str};
use belarus_timeline::query::Filter;
use belarus_timeline::timeline::TimeView;
use belarus_timeline::ui::timeline_ui::Hit;
use belarus_timeline::ui::{App, FilterCommand, Loaded, PresentCommand};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn harness_on(timeline: belarus_timeline::model::Timeline) -> Harness<'static, App> {
    let app = App::new(
        Loaded::Timeline(Arc::new(timeline), "events.ron".into()),
        Lang::En,
    );
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1600.0, 900.0))
        .with_max_steps(40)
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    harness.run();
    harness
}

fn bundled() -> Harness<'static, App> {
    harness_on(load_bundled().expect("bundled data loads"))
}

/// Events drawn alone, inside clusters, or left as ticks, against the visible events in view.
fn accounted(harness: &Harness<'static, App>) -> (usize, usize) {
    let app = harness.state();
    let timeline = app.timeline().expect("a timeline");
    let view = app.view().expect("a view");
    let panel = &app.panels.timeline;
    let alone = panel
        .drawn
        .iter()
        .filter(|(_, h)| matches!(h, Hit::Event(_)))
        .count();
    let clustered: usize = panel
        .drawn
        .iter()
        .filter_map(|(_, h)| match h {
            Hit::Cluster(_, _, n) => Some(*n),
            _ => None,
        })
        .sum();
    let in_view = app
        .visible()
        .iter()
        .filter(|&&i| {
            let e = &timeline.events[i];
            e.end_seconds() >= view.min && e.start_seconds() <= view.max()
        })
        .count();
    (alone + clustered + panel.traced.len(), in_view)
}

#[test]
fn every_shown_event_is_accounted_for_at_every_zoom() {
    let mut harness = bundled();
    let views = [
        harness.state().shown.as_ref().map(|s| s.fit_all()),
        Some(TimeView::new(day(2020, 8, 1), day(2020, 9, 1))),
        Some(TimeView::new(day(2020, 8, 9), day(2020, 8, 16))),
        Some(TimeView::new(day(2020, 8, 9), day(2020, 8, 10))),
    ];
    let filters = [
        Filter::default(),
        Filter {
            importance: [3].into(),
            ..Filter::default()
        },
        Filter {
            places: ["hrodna".to_owned()].into(),
            ..Filter::default()
        },
    ];
    for filter in filters {
        harness
            .state_mut()
            .runtime
            .queued
            .push(FilterCommand::Set(filter.clone()).into());
        harness.run();
        for view in views.iter().flatten() {
            harness.state_mut().set_view(*view);
            harness.run();
            let (drawn, in_view) = accounted(&harness);
            assert_eq!(drawn, in_view, "{filter:?} at {view:?}");
        }
    }
}

#[test]
fn selecting_at_day_zoom_keeps_the_zoom() {
    let mut harness = bundled();
    let view = TimeView::new(day(2020, 8, 16), day(2020, 8, 17));
    harness.state_mut().set_view(view);
    harness.run();
    let (rect, index) = harness
        .state()
        .panels
        .timeline
        .drawn
        .iter()
        .find_map(|(r, h)| match h {
            Hit::Event(i) => Some((*r, *i)),
            _ => None,
        })
        .expect("an event on 16 August");
    let rect = rect.intersect(harness.state().panels.timeline.canvas);
    click_at(&mut harness, rect.center());
    assert_eq!(harness.state().selected(), Some(index));
    let after = harness.state().view().expect("a view");
    assert!(
        (after.span - view.span).abs() < 1.0,
        "the zoom changed: {view:?} -> {after:?}"
    );
}

/// Twelve protests on one day: at day zoom they share the day and cannot be split.
fn crowded_day() -> belarus_timeline::model::Timeline {
    let events: String = (0..12)
        .map(|i| {
            format!(
                r#"Event(id: "e{i}", start: "2020-08-16", category: "protest", importance: 1,
                title: {{"en": "Protest number {i}"}}, summary: {{"en": "A protest."}},
                places: ["minsk"], sources: [Source(title: "T", publisher: "P{i}", url: "https://example.org/{i}"),
                Source(title: "U", publisher: "Q{i}", url: "https://example.com/{i}")]),"#
            )
        })
        .collect();
    let text = format!(
        r##"Timeline(title: {{"en": "Crowded"}}, description: {{"en": "One busy day."}},
        categories: [Category(id: "protest", name: {{"en": "Protest"}}, colour: "#d64545")],
        places: [Place(id: "minsk", name: {{"en": "Minsk"}}, lat: 53.9, lon: 27.56)],
        events: [{events}])"##
    );
    load_str(&text, "crowded.ron", &Assets::default()).expect("the crowded file loads")
}

#[test]
fn a_cluster_that_zooming_cannot_split_opens_as_a_list() {
    let mut harness = harness_on(crowded_day());
    harness
        .state_mut()
        .set_view(TimeView::new(day(2020, 8, 16), day(2020, 8, 17)));
    harness.run();
    let (rect, count) = harness
        .state()
        .panels
        .timeline
        .drawn
        .iter()
        .find_map(|(r, h)| match h {
            Hit::Cluster(_, _, n) => Some((*r, *n)),
            _ => None,
        })
        .expect("a cluster of the day's events");
    let rect = rect.intersect(harness.state().panels.timeline.canvas);
    let before = harness.state().view().expect("a view");
    click_at(&mut harness, rect.center());
    assert_eq!(harness.state().view(), Some(before), "it did not zoom");
    let members = harness
        .state()
        .runtime
        .listing()
        .expect("a list opens")
        .to_vec();
    assert_eq!(members.len(), count);
    let last = *members.last().expect("members");
    let title = harness.state().timeline().expect("a timeline").events[last]
        .title()
        .get(Lang::En)
        .to_owned();
    harness.get_by_label_contains(&title).click();
    harness.run();
    assert_eq!(harness.state().selected(), Some(last));
    assert!(
        harness.state().runtime.listing().is_none(),
        "picking closes the list"
    );
}

#[test]
fn an_era_button_filters_and_zooms_to_the_era() {
    let mut harness = bundled();
    harness.get_by_label("Mass marches").click();
    harness.run();
    let app = harness.state();
    let era = app
        .timeline()
        .expect("a timeline")
        .eras
        .iter()
        .find(|e| e.id == "marches")
        .expect("the era");
    let (a, b) = era.seconds();
    assert_eq!(app.state.filter.from, Some(era.start.date));
    let view = app.view().expect("a view");
    assert!(view.min <= a && b <= view.max(), "{view:?}");
    assert!(view.span < (b - a) * 1.5, "zoomed to the era: {view:?}");
}

#[test]
fn a_search_counts_its_matches_among_what_is_shown() {
    let mut harness = bundled();
    harness.state_mut().runtime.queued.push(
        FilterCommand::Set(Filter {
            search: "PandaDoc".into(),
            ..Filter::default()
        })
        .into(),
    );
    harness.run();
    let matches = harness
        .state()
        .shown
        .as_ref()
        .expect("shown")
        .search_results
        .len();
    let shown = harness.state().visible().len();
    assert!(matches > 0 && matches < shown);
    harness.get_by_label(&format!("{matches} matches of {shown} shown"));
}

#[test]
fn f1_opens_the_help_from_the_shortcut_table() {
    let mut harness = bundled();
    harness.key_press(egui::Key::F1);
    harness.run();
    harness.get_by_label("Show or hide this help");
    harness.get_by_label("Next event");
    harness.get_by_label("Blank the screen (any key brings it back)");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.query_by_label("Next event").is_none());
}

#[test]
fn the_details_take_room_only_when_something_is_selected() {
    let mut harness = bundled();
    let empty_canvas = harness.state().panels.timeline.canvas.width();
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    let with_details = harness.state().panels.timeline.canvas.width();
    assert!(
        with_details < empty_canvas - 200.0,
        "{empty_canvas} -> {with_details}"
    );
    assert!(empty_canvas > 900.0);
}

#[test]
fn presenting_never_leaks_its_text_scale_into_the_window() {
    let mut harness = bundled();
    harness.state_mut().runtime.queued.push(
        PresentCommand::Start {
            tour: Some(0),
            step: 0,
        }
        .into(),
    );
    harness.run();
    assert!(harness.ctx.zoom_factor() > 1.2);
    // What a window closed now would remember: the window's own scale.
    let saved = harness.state().saved(harness.ctx.zoom_factor());
    assert_eq!(harness.state().state.zoom, Some(1.0));
    assert!(saved.zoom.is_some());
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert_eq!(harness.ctx.zoom_factor(), 1.0);
}

/// Every step of every bundled tour, presented on a screen `width` × `height` pixels: the note
/// and every source are laid out inside the screen.
fn every_note_and_source_fits(width: f32, height: f32) {
    let timeline = Arc::new(load_bundled().expect("bundled data loads"));
    for (tour_index, tour) in timeline.tours.iter().enumerate() {
        let app = App::new(
            Loaded::Timeline(Arc::clone(&timeline), "events.ron".into()),
            Lang::En,
        );
        let mut harness = Harness::builder()
            .with_size(egui::vec2(width, height))
            .with_pixels_per_point(1.0)
            .with_max_steps(40)
            .build_ui_state(|ui, app: &mut App| app.show(ui), app);
        harness.state_mut().runtime.queued.push(
            PresentCommand::Start {
                tour: Some(tour_index),
                step: 0,
            }
            .into(),
        );
        harness.run();
        let screen = harness.ctx.content_rect();
        for (step, (index, note)) in tour.steps.iter().enumerate() {
            if step > 0 {
                harness.key_press(egui::Key::PageDown);
                harness.run();
            }
            let mut texts = vec![note.get(Lang::En).to_owned()];
            texts.extend(
                timeline.events[*index]
                    .sources()
                    .map(|s| s.title.to_owned()),
            );
            for text in texts {
                // The same words may also name a marker on the timeline: one laid out
                // inside the screen is enough.
                let rects: Vec<egui::Rect> = harness
                    .get_all_by_label_contains(&text)
                    .map(|node| node.rect())
                    .collect();
                assert!(
                    rects.iter().any(|r| screen.contains_rect(*r)),
                    "{}: step {} at {width}×{height}: {text:.40} at {rects:?} outside {screen:?}",
                    tour.id,
                    step + 1
                );
            }
        }
    }
}

#[test]
fn every_tour_step_fits_a_720p_projector() {
    every_note_and_source_fits(1280.0, 720.0);
}

#[test]
fn every_tour_step_fits_a_1080p_projector() {
    every_note_and_source_fits(1920.0, 1080.0);
}

#[test]
fn copy_link_gives_the_command_line_of_this_view() {
    let mut harness = bundled();
    harness
        .state_mut()
        .set_view(TimeView::new(day(2020, 8, 1), day(2020, 9, 1)));
    let march = harness
        .state()
        .timeline()
        .expect("a timeline")
        .event_index("march-for-freedom-minsk")
        .expect("the march");
    harness.state_mut().set_selected(Some(march));
    harness.run();
    assert_eq!(
        harness.state().link(),
        "belarus-timeline --events 'events.ron' --from 2020-08-01 --to 2020-08-31 --event march-for-freedom-minsk"
    );
}

#[test]
fn events_off_screen_are_counted_at_the_lane_edges() {
    let mut harness = bundled();
    let views = [
        harness.state().view().expect("the opening view"),
        TimeView::new(day(2020, 8, 1), day(2020, 9, 1)),
        TimeView::new(day(2021, 5, 20), day(2021, 5, 27)),
    ];
    for view in views {
        harness.state_mut().set_view(view);
        harness.run();
        let (drawn, in_view) = accounted(&harness);
        assert_eq!(drawn, in_view);
        let edges: usize = harness
            .state()
            .panels
            .timeline
            .drawn
            .iter()
            .filter_map(|(_, h)| match h {
                Hit::Edge { count, .. } => Some(*count),
                _ => None,
            })
            .sum();
        assert_eq!(
            in_view + edges,
            harness.state().visible().len(),
            "at {view:?}"
        );
    }
    // The opening view leaves the sparse context years to the edge, and says so.
    harness.state_mut().set_view(views[0]);
    harness.run();
    assert!(harness.query_all_by_label_contains("earlier event").count() >= 1);
}

#[test]
fn all_fits_the_dense_part_then_everything() {
    let mut harness = bundled();
    harness
        .state_mut()
        .set_view(TimeView::new(day(2020, 8, 1), day(2020, 9, 1)));
    harness.run();
    let press_all = |harness: &mut Harness<'static, App>| {
        harness.get_by_label("All").click();
        for _ in 0..8 {
            harness.step();
        }
        harness.run();
        harness.state().view().unwrap()
    };
    let dense = press_all(&mut harness);
    let whole = press_all(&mut harness);
    let timeline = harness.state().timeline().unwrap().clone();
    let first = timeline.events[0].start_seconds();
    assert!(
        dense.min > first,
        "the dense fit leaves the context years out"
    );
    assert!(whole.min <= first, "pressed again, All shows everything");
    assert_eq!(press_all(&mut harness), dense, "and again the dense part");
}
