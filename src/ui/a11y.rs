//! The canvas in the accessibility tree: what a screen reader hears for the timeline, its
//! lanes, the events and clusters drawn, and the overview.
//!
//! Only what the last paint put on screen gets a node (the canvas's `drawn` list), so the tree
//! stays small however many events the file holds. The names are plain text built here, so
//! that they can be tested without egui.

use egui::accesskit::{self, Role};
use egui::{Id, Rect, Sense, UiBuilder};

use crate::i18n::{dates, t, tr};
use crate::model::date::date_from_seconds;
use crate::model::{FuzzyDate, Lang, Seconds, Timeline};
use crate::timeline::TimeView;

use super::frame::FrameCtx;
use super::timeline_ui::Hit;

/// "9 August 2020" for a moment in seconds.
fn day_at(lang: Lang, t: Seconds) -> String {
    dates::day_month_year(lang, date_from_seconds(t))
}

/// "Timeline, 1 August 2020 to 31 August 2020, 43 events shown".
pub fn timeline_name(lang: Lang, view: &TimeView, count: usize) -> String {
    tr(
        lang,
        "a11y-timeline",
        &[
            ("from", day_at(lang, view.min)),
            ("to", day_at(lang, view.max())),
            ("count", count.to_string()),
        ],
    )
}

/// "Protest, 38 events".
pub fn lane_name(lang: Lang, name: &str, count: usize) -> String {
    tr(
        lang,
        "a11y-lane",
        &[("name", name.to_owned()), ("count", count.to_string())],
    )
}

/// "12 events, 10 August 2020 – 14 August 2020".
pub fn cluster_name(lang: Lang, (t0, t1): (Seconds, Seconds), count: usize) -> String {
    let start = FuzzyDate::day(date_from_seconds(t0));
    let end = FuzzyDate::day(date_from_seconds(t1));
    tr(
        lang,
        "a11y-cluster",
        &[
            ("count", count.to_string()),
            ("dates", dates::span(lang, start, Some(end))),
        ],
    )
}

/// "Sunday, 16 August 2020 — March for Freedom becomes … (Protest, key event)".
pub fn event_name(timeline: &Timeline, index: usize, lang: Lang) -> String {
    let Some(event) = timeline.events.get(index) else {
        return String::new();
    };
    let when = match event.end {
        Some(end) if end != event.start => dates::span(lang, event.start, Some(end)),
        _ => dates::long_date(lang, event.start, event.time),
    };
    let category = timeline
        .categories
        .get(usize::from(event.category))
        .map(|c| c.name.get(lang))
        .unwrap_or_default();
    let importance = t(lang, &format!("importance-{}", event.importance));
    format!(
        "{when} — {} ({category}, {importance})",
        event.title().get(lang)
    )
}

/// "Overview, 17 February 2017 to 31 July 2021; shown: 1 August 2020 to 31 August 2020".
pub fn overview_name(lang: Lang, whole: &TimeView, view: &TimeView) -> String {
    tr(
        lang,
        "a11y-overview",
        &[
            ("from", day_at(lang, whole.min)),
            ("to", day_at(lang, whole.max())),
            ("shown_from", day_at(lang, view.min)),
            ("shown_to", day_at(lang, view.max())),
        ],
    )
}

/// The node id of a drawn event or cluster (stable while it stays on screen).
pub fn hit_id(canvas: Id, hit: &Hit) -> Id {
    match hit {
        Hit::Event(index) => canvas.with(("event", *index)),
        Hit::Cluster(t0, t1, count) => canvas.with(("cluster", t0.to_bits(), t1.to_bits(), *count)),
        Hit::Lane(lane) => canvas.with(("lane", *lane)),
        Hit::Edge { lane, later, .. } => canvas.with(("edge", *lane, *later)),
    }
}

/// Fills `node` with an accesskit rectangle.
fn set_bounds(node: &mut accesskit::Node, rect: Rect) {
    node.set_bounds(accesskit::Rect {
        x0: rect.min.x.into(),
        y0: rect.min.y.into(),
        x1: rect.max.x.into(),
        y1: rect.max.y.into(),
    });
}

/// How many shown events start in `view`.
pub fn count_in_view(ctx: &FrameCtx<'_>, view: &TimeView) -> usize {
    (0..ctx.shown.lanes.events.len())
        .map(|lane| ctx.shown.lanes.count(lane, view.min, view.max()))
        .sum()
}

/// Gives the canvas (the widget `canvas`, already focusable) its role and name, and adds a
/// group per lane with a node per event and cluster drawn in it. `drawn` is what this frame
/// painted; `right` is the canvas's right edge (lane rows reach it). The selected event is
/// the canvas's active descendant, so that a screen reader announces it when the selection
/// moves while the canvas has the focus.
pub fn canvas_nodes(
    ui: &mut egui::Ui,
    canvas: Id,
    ctx: &FrameCtx<'_>,
    view: &TimeView,
    drawn: &[(Rect, Hit)],
    right: f32,
) {
    let lang = ctx.lang;
    let selected = ctx
        .selected
        .filter(|s| drawn.iter().any(|(_, h)| *h == Hit::Event(*s)));
    let named = ui.ctx().accesskit_node_builder(canvas, |node| {
        node.set_role(Role::Region);
        node.set_label(timeline_name(lang, view, count_in_view(ctx, view)));
        if let Some(index) = selected {
            node.set_active_descendant(hit_id(canvas, &Hit::Event(index)).accesskit_id());
        }
    });
    if named.is_none() {
        // AccessKit is off: nothing to describe.
        return;
    }
    let lanes = drawn.iter().filter_map(|(rect, hit)| match hit {
        Hit::Lane(lane) => Some((*lane, rect.with_max_x(right))),
        _ => None,
    });
    for (lane, row) in lanes {
        let mut lane_ui = ui.new_child(
            UiBuilder::new()
                .id_salt(("a11y-lane", lane))
                .max_rect(row)
                .accessibility_parent(canvas),
        );
        let Some(category) = ctx.timeline.categories.get(lane) else {
            continue;
        };
        let count = ctx.shown.lanes.events.get(lane).map_or(0, Vec::len);
        let collapsed = ctx.is_collapsed(lane);
        ui.ctx()
            .accesskit_node_builder(lane_ui.unique_id(), |node| {
                node.set_role(Role::Group);
                node.set_label(lane_name(lang, category.name.get(lang), count));
                node.set_expanded(!collapsed);
                set_bounds(node, row);
            });
        // What lies in this lane's row, the lane's own header aside.
        let inside = drawn.iter().filter(|(rect, hit)| {
            !matches!(hit, Hit::Lane(_)) && row.y_range().contains(rect.center().y)
        });
        for (rect, hit) in inside {
            item_node(&mut lane_ui, canvas, ctx, *rect, hit);
        }
    }
}

/// The node of one event or cluster, as a child of `lane_ui`'s group.
fn item_node(lane_ui: &mut egui::Ui, canvas: Id, ctx: &FrameCtx<'_>, rect: Rect, hit: &Hit) {
    let id = hit_id(canvas, hit);
    // Registers the node's parent (the lane's group); senses nothing, so it takes no input.
    lane_ui.interact(rect, id, Sense::hover());
    lane_ui.ctx().accesskit_node_builder(id, |node| {
        set_bounds(node, rect);
        node.add_action(accesskit::Action::Click);
        match hit {
            Hit::Event(index) => {
                node.set_role(Role::ListItem);
                node.set_label(event_name(ctx.timeline, *index, ctx.lang));
                node.set_selected(ctx.selected == Some(*index));
            }
            Hit::Cluster(t0, t1, count) => {
                node.set_role(Role::Button);
                node.set_label(cluster_name(ctx.lang, (*t0, *t1), *count));
            }
            Hit::Edge { lane, later, count } => {
                node.set_role(Role::Button);
                node.set_label(edge_name(ctx, *lane, *later, *count));
            }
            Hit::Lane(_) => {}
        }
    });
}

/// "3 earlier events in Protest, off screen: go to the nearest".
pub fn edge_name(ctx: &FrameCtx<'_>, lane: usize, later: bool, count: usize) -> String {
    let lane_name = ctx
        .timeline
        .categories
        .get(lane)
        .map_or_else(String::new, |c| c.name.get(ctx.lang).to_owned());
    tr(
        ctx.lang,
        if later { "edge-later" } else { "edge-earlier" },
        &[("count", count.to_string()), ("lane", lane_name)],
    )
}

/// The drawn item a screen reader asked to click or focus this frame, if any.
pub fn requested_hit(ui: &egui::Ui, canvas: Id, drawn: &[(Rect, Hit)]) -> Option<usize> {
    ui.input(|input| {
        input.events.iter().find_map(|event| match event {
            egui::Event::AccessKitActionRequest(request)
                if matches!(
                    request.action,
                    accesskit::Action::Click | accesskit::Action::Focus
                ) =>
            {
                drawn
                    .iter()
                    .position(|(_, hit)| hit_id(canvas, hit).accesskit_id() == request.target_node)
            }
            _ => None,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Seconds {
        crate::model::date::seconds_from_date(
            chrono::NaiveDate::from_ymd_opt(y, m, d).expect("a real date"),
        )
    }

    #[test]
    fn names_read_as_sentences_in_three_languages() {
        let view = TimeView::new(day(2020, 8, 1), day(2020, 8, 31));
        assert_eq!(
            timeline_name(Lang::En, &view, 43),
            "Timeline, 1 August 2020 to 31 August 2020, 43 events shown"
        );
        assert_eq!(
            timeline_name(Lang::Ru, &view, 43),
            "Хронология, с 1 августа 2020 по 31 августа 2020, показано 43 события"
        );
        assert_eq!(lane_name(Lang::En, "Protest", 1), "Protest, 1 event");
        assert_eq!(lane_name(Lang::Be, "Пратэст", 5), "Пратэст, 5 падзей");
        assert_eq!(
            cluster_name(Lang::En, (day(2020, 8, 10), day(2020, 8, 14)), 12),
            "12 events, 10 August 2020 – 14 August 2020"
        );
    }

    #[test]
    fn an_event_is_named_by_date_title_category_and_importance() {
        let timeline = crate::model::load_bundled().expect("the bundled file loads");
        let march = timeline
            .event_index("march-for-freedom-minsk")
            .expect("the march is in the file");
        let name = event_name(&timeline, march, Lang::En);
        assert!(
            name.starts_with("Sunday, 16 August 2020 — March for Freedom"),
            "{name}"
        );
        assert!(name.ends_with("(Protest, key event)"), "{name}");
    }
}
