//! The timeline's correctness checks at a million events. Slow in a debug build, so ignored by
//! default; run them with `cargo test --release --test scale -- --ignored`.

use std::sync::Arc;

use belarus_timeline::model::{Assets, Timeline, load::load_owned};
use belarus_timeline::query::{Filter, IndexCell, haystack};
use belarus_timeline::timeline::layout::{self, DENSITY_THRESHOLD, shown_at};
use belarus_timeline::timeline::{Item, LaneIndex, LaneLayout, Metrics, TimeView};
use belarus_timeline::ui::{App, Loaded, ViewCommand};

const EVENTS: usize = 1_000_000;
const DAY: f64 = 86_400.0;

fn million() -> Timeline {
    let mut text = Vec::new();
    belarus_timeline::generate::write(&mut text, EVENTS, 7).expect("generates");
    let text = String::from_utf8(text).expect("UTF-8");
    load_owned(text, "million.ron", &Assets::default()).expect("a generated file loads")
}

/// Every layout invariant of one lane in one view.
fn check_lane(timeline: &Timeline, lanes: &LaneIndex, lane: usize, view: &TimeView) {
    let metrics = Metrics {
        radius: 5.0,
        gap: 4.0,
        label_pad: 4.0,
        rows: 3,
        keep: None,
        promote: 0,
    };
    let width = 1200.0;
    let label = |i: usize| 40.0 + (i % 7) as f64 * 10.0;
    let layout = layout::layout_lane(
        timeline,
        lanes,
        lane,
        view,
        (0.0, width),
        metrics,
        &mut |i| label(i),
    );
    let in_view = |i: usize| {
        let e = &timeline.events[i];
        usize::from(e.category) == lane
            && e.end_seconds() >= view.min
            && e.start_seconds() <= view.max()
    };
    match layout {
        LaneLayout::Density { counts, bucket } => {
            let dt = view.span * bucket / width;
            let total: u32 = counts.iter().sum();
            let end = view.min + dt * counts.len() as f64;
            // A plain scan of the timeline, not of the lane index the strip was counted from.
            let scanned = timeline
                .range(view.min, end)
                .filter(|&i| {
                    let e = &timeline.events[i];
                    usize::from(e.category) == lane && (view.min..end).contains(&e.start_seconds())
                })
                .count();
            assert!(
                scanned > 0,
                "lane {lane}: a density strip over no events in {view:?}"
            );
            assert_eq!(
                total as usize, scanned,
                "density of lane {lane} counts every event that starts in it"
            );
            let starting = lanes.count(lane, view.min, end);
            assert_eq!(
                total as usize, starting,
                "density of lane {lane} counts every start"
            );
        }
        LaneLayout::Items(items) => {
            let mut drawn: Vec<usize> = items
                .iter()
                .flat_map(|(_, item)| match item {
                    Item::Event { index, .. } => vec![*index],
                    Item::Cluster { members, .. } => members.clone(),
                })
                .collect();
            drawn.sort_unstable();
            let range = timeline.range(view.min, view.max());
            let expected: Vec<usize> = range
                .filter(|&i| in_view(i) && shown_at(timeline.events[i].importance, view))
                .collect();
            assert_eq!(
                drawn, expected,
                "lane {lane}: every event in view drawn once"
            );
            for row in 0..metrics.rows {
                let mut extents: Vec<(f64, f64)> = items
                    .iter()
                    .filter(|(r, _)| *r == row)
                    .map(|(_, item)| {
                        let end = match item {
                            Item::Event {
                                index,
                                x1,
                                labelled: true,
                                bar: false,
                                ..
                            } => x1 + metrics.label_pad + label(*index),
                            other => other.x1(),
                        };
                        (item.x0(), end)
                    })
                    .collect();
                extents.sort_by(|a, b| a.0.total_cmp(&b.0));
                for pair in extents.windows(2) {
                    assert!(
                        pair[0].1 <= pair[1].0 + 1e-9,
                        "lane {lane} row {row}: {pair:?}"
                    );
                }
            }
        }
    }
}

#[test]
#[ignore = "a million events: run with --release -- --ignored"]
fn a_million_events_keep_every_invariant() {
    let timeline = Arc::new(million());
    assert_eq!(timeline.events.len(), EVENTS);

    // Sorted by time, and `range` finds exactly the events that overlap a window.
    let starts = timeline.starts();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "sorted by start");
    let (first, last) = timeline.span().expect("not empty");
    let busiest = {
        let mut per_day = std::collections::HashMap::new();
        for s in starts {
            *per_day.entry((s / DAY).floor() as i64).or_insert(0usize) += 1;
        }
        per_day
            .into_iter()
            .max_by_key(|&(d, c)| (c, -d))
            .map(|(d, _)| d as f64 * DAY)
            .expect("a busiest day")
    };
    let views = [
        TimeView::new(first, last),
        TimeView::new(busiest - 15.0 * DAY, busiest + 16.0 * DAY),
        TimeView::new(busiest - 3.0 * DAY, busiest + 4.0 * DAY),
        TimeView::new(busiest, busiest + DAY),
        TimeView::new(busiest + 12.0 * 3600.0, busiest + 13.0 * 3600.0),
        TimeView::new(busiest + 12.0 * 3600.0, busiest + 12.0 * 3600.0 + 300.0),
        TimeView::new(first + 100.0 * DAY, first + 100.5 * DAY),
    ];
    for view in &views {
        let found: Vec<usize> = timeline
            .range(view.min, view.max())
            .filter(|&i| {
                let e = &timeline.events[i];
                e.end_seconds() >= view.min && e.start_seconds() <= view.max()
            })
            .collect();
        let scanned: Vec<usize> = (0..EVENTS)
            .filter(|&i| {
                let e = &timeline.events[i];
                e.end_seconds() >= view.min && e.start_seconds() <= view.max()
            })
            .collect();
        assert_eq!(found, scanned, "range of {view:?}");
    }

    // Lanes hold every event once; each lane's layout keeps its invariants in every view.
    let visible: Vec<usize> = (0..EVENTS).collect();
    let lanes = LaneIndex::new(&timeline, &visible);
    assert_eq!(lanes.events.iter().map(Vec::len).sum::<usize>(), EVENTS);
    let mut items_views = 0;
    for view in &views {
        for lane in 0..timeline.categories.len() {
            check_lane(&timeline, &lanes, lane, view);
            if lanes.candidate_count(lane, view.min, view.max()) <= DENSITY_THRESHOLD {
                items_views += 1;
            }
        }
        // Counting in one pass agrees with counting bucket by bucket.
        let dt = view.span / 600.0;
        for lane in 0..timeline.categories.len() {
            let counts = lanes.counts(lane, view.min, dt, 600);
            for (b, &c) in counts.iter().enumerate() {
                let from = view.min + b as f64 * dt;
                assert_eq!(
                    c as usize,
                    lanes.count(lane, from, view.min + (b + 1) as f64 * dt)
                );
            }
        }
    }
    assert!(
        items_views > 0,
        "some views are sparse enough to draw single events"
    );

    // Search agrees with a plain scan of every event's text; a category filter with a count.
    let index = IndexCell::default();
    for (query, needle) in [
        ("Hrodna", "hrodn"),
        ("Забастоўка", "zabastouk"),
        ("e99999", "e99999"),
    ] {
        let compiled = Filter {
            search: query.into(),
            ..Filter::default()
        }
        .compile(&timeline, &index)
        .expect("compiles");
        let mask = compiled.search_mask().expect("a query").to_vec();
        for (i, event) in timeline.events.iter().enumerate() {
            if haystack(&timeline, event).contains(needle) {
                assert!(mask[i], "{query}: {} has {needle}", event.id());
            }
        }
        assert!(mask.iter().any(|&m| m), "{query} finds something");
    }
    let strikes = Filter {
        categories: ["strike".to_owned()].into(),
        ..Filter::default()
    }
    .compile(&timeline, &index)
    .expect("compiles")
    .apply();
    let category = timeline
        .categories
        .iter()
        .position(|c| c.id == "strike")
        .expect("a strike category") as u16;
    assert_eq!(
        strikes.len(),
        timeline
            .events
            .iter()
            .filter(|e| e.category == category)
            .count()
    );

    // The whole window, headless, in every view: what it draws stays on the canvas.
    let ctx = egui::Context::default();
    let mut app = App::new(
        Loaded::Timeline(Arc::clone(&timeline), "million".into()),
        belarus_timeline::model::Lang::En,
    );
    for view in &views {
        app.set_view(*view);
        for _ in 0..2 {
            let mut output = ctx.run_ui(
                egui::RawInput {
                    screen_rect: Some(egui::Rect::from_min_size(
                        egui::Pos2::ZERO,
                        egui::vec2(1600.0, 900.0),
                    )),
                    ..Default::default()
                },
                |ui| app.show(ui),
            );
            output.textures_delta.clear();
        }
        let drawn = &app.panels.timeline;
        for (rect, _) in &drawn.drawn {
            assert!(
                rect.intersects(drawn.canvas.expand(200.0)),
                "{rect:?} off the canvas"
            );
        }
    }
    app.apply(&ctx, ViewCommand::FitAll);
    // Frames a second apart: the jump ends.
    for second in 1..4 {
        let mut output = ctx.run_ui(
            egui::RawInput {
                time: Some(1000.0 + f64::from(second)),
                ..Default::default()
            },
            |ui| app.show(ui),
        );
        output.textures_delta.clear();
    }
    let fitted = app.view().expect("a view");
    assert!(
        fitted.min <= first && fitted.max() >= last,
        "after FitAll, {fitted:?} shows the whole span {first}..{last}"
    );
}
