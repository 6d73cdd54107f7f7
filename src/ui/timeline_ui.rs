//! The zoomable timeline canvas: one painter, one interaction response, hit-testing by hand.

use egui::{
    Align2, Color32, CursorIcon, FontId, Rect, Sense, Stroke, StrokeKind, Vec2, pos2, vec2,
};

use crate::i18n::dates;
use crate::model::Seconds;
use crate::timeline::layout::{self, Item, Metrics};
use crate::timeline::{DensityCache, LabelKey, LaneHeights, LaneSizes, ScreenMapping, TimeView};

use super::a11y;
use super::axis_ui::{AXIS_HEIGHT, paint_axis};
use super::command::{Command, SelectionCommand, ViewCommand};
use super::frame::FrameCtx;
use super::labels::LabelCache;

/// Width of the column of lane names.
pub const LANE_HEADER: f32 = 150.0;
/// Height of the era row under the axis.
const ERA_HEIGHT: f32 = 20.0;
/// Height of one row in a lane.
const ROW_HEIGHT: f32 = 22.0;
/// Sizes of the lanes.
const LANE_SIZES: LaneSizes = LaneSizes {
    row: ROW_HEIGHT,
    collapsed: 16.0,
    padding: 6.0,
    max_rows: 6,
};
/// Longest label beside a marker.
const MAX_LABEL_WIDTH: f32 = 260.0;
/// Size of the labels beside markers and inside bars.
const LABEL_SIZE: f32 = 13.0;
/// Points per column of a density strip.
const DENSITY_BUCKET: f64 = 2.0;

/// How long a jump takes, in seconds.
pub const ANIMATION_SECONDS: f64 = 0.25;

/// A thing drawn on the canvas that the pointer can hit.
#[derive(Clone, Debug, PartialEq)]
pub enum Hit {
    /// An event, by index.
    Event(usize),
    /// A cluster badge: its time span and how many events it holds.
    Cluster(Seconds, Seconds, usize),
    /// A lane's name, by category index.
    Lane(usize),
    /// The count of a lane's events wholly off screen at one side (`later`: the right).
    Edge {
        /// Category index.
        lane: usize,
        /// The events after the view (else before it).
        later: bool,
        /// How many.
        count: usize,
    },
}

/// The timeline panel: what it drew last frame (for hit-testing and tests) and its caches.
#[derive(Clone, Debug)]
pub struct TimelinePanel {
    /// What the last frame drew where, topmost last.
    pub drawn: Vec<(Rect, Hit)>,
    /// Where the last frame drew the time axis: the canvas right of the lane names.
    pub canvas: Rect,
    /// Density counts, reused while the view and the lanes stay the same.
    densities: DensityCache,
    /// Density counts of the search matches, while the others are dimmed.
    matched_densities: DensityCache,
    /// The event under the pointer last frame.
    hovered: Option<usize>,
    /// Whether lane names can be clicked to collapse them (not while presenting).
    pub fixed_lanes: bool,
    /// The members of each cluster drawn last frame, in the order of their hits.
    pub clusters: Vec<Vec<usize>>,
    /// Events left as a tick last frame (their importance is not drawn at this zoom).
    pub traced: Vec<usize>,
    /// Label widths and laid-out labels, reused while zooming and panning.
    labels: LabelCache,
}

impl Default for TimelinePanel {
    fn default() -> Self {
        Self {
            drawn: Vec::new(),
            canvas: Rect::NOTHING,
            densities: DensityCache::default(),
            matched_densities: DensityCache::default(),
            hovered: None,
            fixed_lanes: false,
            clusters: Vec::new(),
            traced: Vec::new(),
            labels: LabelCache::default(),
        }
    }
}

/// What painting needs, instead of a dozen arguments (like puffin's `Info`).
struct Paint<'a, 'f> {
    ctx: &'a FrameCtx<'f>,
    /// Clipped to the canvas: everything in time.
    painter: egui::Painter,
    /// Clipped to the whole panel: lane names and lines.
    header_painter: egui::Painter,
    rect: Rect,
    canvas: Rect,
    mapping: ScreenMapping,
}

impl TimelinePanel {
    /// Draws the timeline in the remaining space of `ui`; returns what the user asked for.
    #[must_use]
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &FrameCtx<'_>) -> Vec<Command> {
        let mut commands = Vec::new();
        let (_, rect) = ui.allocate_space(ui.available_size());
        let response = ui.interact(rect, canvas_id(), Sense::click_and_drag());
        focus_ui(ui, &response);
        let canvas = Rect::from_min_max(pos2(rect.left() + LANE_HEADER, rect.top()), rect.max);
        ui.painter_at(rect)
            .rect_filled(rect, 0.0, ctx.palette.canvas);
        let mapping = ScreenMapping::new(
            ctx.view,
            f64::from(canvas.left()),
            f64::from(canvas.width().max(1.0)),
        );
        // Input first: this frame already shows its effect, and the command tells the rest.
        let view = view_input(ui, &response, &mapping, ctx.shown.limits);
        if view != ctx.view {
            commands.push(ViewCommand::Set(view).into());
        }
        let paint = Paint {
            ctx,
            painter: ui.painter_at(canvas),
            header_painter: ui.painter_at(rect),
            rect,
            canvas,
            mapping: mapping.with_view(view),
        };
        paint_eras(&paint);
        paint_axis(
            ui,
            &paint.header_painter,
            &paint.painter,
            rect,
            &paint.mapping,
            &ctx.palette,
            ctx.lang,
        );
        paint_era_labels(&paint);
        let hits = self.paint_lanes(ui, &paint);
        if response.has_focus() {
            paint_focus(&paint);
        }
        a11y::canvas_nodes(
            ui,
            canvas_id(),
            ctx,
            &paint.mapping.view,
            &hits,
            rect.right(),
        );
        if let Some(k) = a11y::requested_hit(ui, canvas_id(), &hits) {
            commands.extend(self.activate(&hits, k, ctx));
        }
        commands.extend(self.pointer(ui, response, &hits, ctx));
        self.drawn = hits;
        self.canvas = canvas;
        commands
    }

    /// Every lane: its header, then its events, clusters or density strip.
    fn paint_lanes(&mut self, ui: &egui::Ui, paint: &Paint<'_, '_>) -> Vec<(Rect, Hit)> {
        let ctx = paint.ctx;
        let timeline = ctx.timeline;
        let lanes_top = paint.rect.top() + AXIS_HEIGHT + ERA_HEIGHT;
        let collapsed: Vec<bool> = (0..timeline.categories.len())
            .map(|lane| ctx.is_collapsed(lane))
            .collect();
        let heights = LaneHeights::new(
            &collapsed,
            paint.rect.bottom() - lanes_top - 2.0,
            LANE_SIZES,
        );
        let metrics = Metrics {
            radius: 5.5,
            gap: 3.0,
            label_pad: 5.0,
            rows: heights.rows,
            keep: ctx.selected,
            promote: ctx.shown.promote,
        };
        let label_font = FontId::proportional(LABEL_SIZE);
        let egui_ctx = ui.ctx();
        self.labels.begin_frame(
            egui_ctx,
            LabelKey {
                data: ctx.shown.data_generation,
                lang: ctx.lang,
                font_size: LABEL_SIZE,
                pixels_per_point: egui_ctx.pixels_per_point(),
            },
            timeline.events.len(),
        );
        let mut hits: Vec<(Rect, Hit)> = Vec::new();
        self.clusters.clear();
        self.traced.clear();
        let mut y = lanes_top;
        for (lane, &height) in heights.heights.iter().enumerate() {
            let collapsed = collapsed[lane];
            paint_lane_header(paint, lane, y, height, collapsed, &mut hits);
            let category = &timeline.categories[lane];
            let colour = ctx.palette.marker(category.rgb);
            let band = (y + 3.0, y + height - 3.0);
            let view = paint.mapping.view;
            let dense =
                layout::is_dense(&ctx.shown.lanes, lane, &view, paint.mapping.width, &metrics);
            if collapsed || dense {
                self.paint_density(paint, lane, band, colour);
            } else {
                let first_hidden = self.traced.len();
                let items = layout::layout_items(
                    timeline,
                    &ctx.shown.lanes,
                    lane,
                    &view,
                    (paint.mapping.left, paint.mapping.width),
                    metrics,
                    &mut |index| {
                        let title = || timeline.events[index].title().get(ctx.lang);
                        let width = self.labels.width(egui_ctx, index, title, &label_font);
                        f64::from(width.min(MAX_LABEL_WIDTH))
                    },
                    &mut self.traced,
                );
                paint_hidden(paint, &self.traced[first_hidden..], y + height, colour);
                for (row, item) in items {
                    let cy = y + 3.0 + row as f32 * ROW_HEIGHT + ROW_HEIGHT / 2.0;
                    paint_item(
                        paint,
                        &mut self.labels,
                        &item,
                        cy,
                        colour,
                        &label_font,
                        &mut hits,
                    );
                    if let Item::Cluster { members, .. } = item {
                        self.clusters.push(members);
                    }
                }
            }
            let outside = ctx
                .shown
                .lanes
                .outside(lane, view.min, view.max(), timeline.ends());
            paint_edges(
                paint,
                &mut self.labels,
                lane,
                (y, height),
                outside,
                colour,
                &mut hits,
            );
            y += height;
        }
        hits
    }

    /// A lane too dense (or collapsed) to draw event by event; while a search dims the others,
    /// all events faint and the matches strong on top.
    fn paint_density(
        &mut self,
        paint: &Paint<'_, '_>,
        lane: usize,
        band: (f32, f32),
        colour: Color32,
    ) {
        let shown = paint.ctx.shown;
        let mapping = &paint.mapping;
        let buckets = (mapping.width / DENSITY_BUCKET).ceil().max(1.0) as usize;
        let dt = mapping.view.span * DENSITY_BUCKET / mapping.width;
        let left = paint.canvas.left();
        let bucket = DENSITY_BUCKET as f32;
        let counts = self
            .densities
            .counts(&shown.lanes, Some(lane), mapping.view.min, dt, buckets);
        match &shown.matched_lanes {
            Some(matched) => {
                let faint = colour.gamma_multiply(0.22);
                paint_density(&paint.painter, counts, left, bucket, band, faint);
                let counts = self.matched_densities.counts(
                    matched,
                    Some(lane),
                    mapping.view.min,
                    dt,
                    buckets,
                );
                paint_density(&paint.painter, counts, left, bucket, band, colour);
            }
            None => paint_density(&paint.painter, counts, left, bucket, band, colour),
        }
    }

    /// Tooltip, click and double-click on what is under the pointer.
    fn pointer(
        &mut self,
        ui: &egui::Ui,
        response: egui::Response,
        hits: &[(Rect, Hit)],
        ctx: &FrameCtx<'_>,
    ) -> Vec<Command> {
        let mut commands = Vec::new();
        let lang = ctx.lang;
        let hovered_index = response
            .hover_pos()
            .and_then(|p| hits.iter().rposition(|(r, _)| r.contains(p)));
        let hovered_hit = hovered_index.map(|k| hits[k].1.clone());
        // A hovered cluster that zooming cannot split (all on the same days), with its members.
        let hovered_cluster = hovered_index.and_then(|k| self.unsplittable(hits, k, ctx));
        let hovered_event = match hovered_hit {
            Some(Hit::Event(index)) => Some(index),
            _ => None,
        };
        if hovered_event != self.hovered {
            self.hovered = hovered_event;
            commands.push(SelectionCommand::Hover(hovered_event).into());
        }
        let response = match &hovered_hit {
            Some(Hit::Event(index)) => {
                ui.ctx().set_cursor_icon(CursorIcon::PointingHand);
                let event = &ctx.timeline.events[*index];
                response.on_hover_ui_at_pointer(|ui| {
                    ui.strong(event.title().get(lang));
                    ui.label(dates::span(lang, event.start, event.end));
                    if let Some(key) = dates::precision_note(event.start.precision) {
                        ui.label(crate::i18n::t(lang, key));
                    }
                    if !event.has_source() {
                        ui.colored_label(
                            ui.visuals().warn_fg_color,
                            crate::i18n::t(lang, "timeline-no-source"),
                        );
                    }
                })
            }
            Some(Hit::Cluster(_, _, count)) => {
                let (icon, message) = match &hovered_cluster {
                    Some(_) => (CursorIcon::PointingHand, "cluster-list-tooltip"),
                    None => (CursorIcon::ZoomIn, "cluster-tooltip"),
                };
                ui.ctx().set_cursor_icon(icon);
                let count = *count;
                response.on_hover_ui_at_pointer(|ui| {
                    ui.label(crate::i18n::tr(
                        lang,
                        message,
                        &[("count", count.to_string())],
                    ));
                })
            }
            Some(Hit::Edge { lane, later, count }) => {
                ui.ctx().set_cursor_icon(CursorIcon::PointingHand);
                let text = super::a11y::edge_name(ctx, *lane, *later, *count);
                response.on_hover_text_at_pointer(text)
            }
            _ => response,
        };
        if response.double_clicked() && hovered_hit.is_none() {
            commands.push(ViewCommand::FitAll.into());
        } else if response.clicked()
            && let Some(k) = hovered_index
        {
            commands.extend(self.activate(hits, k, ctx));
        }
        commands
    }

    /// What clicking a drawn thing (with the pointer or a screen reader) asks for.
    /// What a click (or a screen reader's action) on hit `k` does: select an event, zoom
    /// into a cluster (or list it, when zooming cannot split it), fold a lane.
    fn activate(&self, hits: &[(Rect, Hit)], k: usize, ctx: &FrameCtx<'_>) -> Option<Command> {
        match hits.get(k)?.1 {
            Hit::Event(index) => Some(SelectionCommand::Select(Some(index)).into()),
            Hit::Cluster(t0, t1, _) => Some(match self.unsplittable(hits, k, ctx) {
                Some(members) => SelectionCommand::List(Some(members)).into(),
                None => ViewCommand::ZoomInto(t0, t1).into(),
            }),
            Hit::Lane(lane) => (!self.fixed_lanes).then(|| ViewCommand::ToggleLane(lane).into()),
            // The nearest of the events off screen at that side: selecting it brings it in.
            Hit::Edge { lane, later, .. } => {
                let (before, after) = ctx.shown.lanes.nearest_outside(
                    lane,
                    ctx.view.min,
                    ctx.view.max(),
                    ctx.timeline.ends(),
                );
                let nearest = if later { after } else { before };
                nearest.map(|index| SelectionCommand::Select(Some(index)).into())
            }
        }
    }
}

/// The id of the canvas widget: it takes the keyboard focus (Tab reaches it).
pub fn canvas_id() -> egui::Id {
    egui::Id::unique("timeline-canvas")
}

/// A click focuses the canvas; while it has the focus, the arrow keys and Escape stay with it
/// (they select events) instead of moving the focus to another widget.
fn focus_ui(ui: &egui::Ui, response: &egui::Response) {
    if response.clicked() || response.drag_started() {
        response.request_focus();
        // The lock below takes hold a frame after the focus arrives: draw that frame now, so
        // that an arrow key pressed next does not move the focus away.
        ui.ctx().request_repaint();
    }
    if response.gained_focus() {
        ui.ctx().request_repaint();
    }
    if response.has_focus() {
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                response.id,
                egui::EventFilter {
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    escape: true,
                    tab: false,
                },
            );
        });
    }
}

/// A visible focus ring around the canvas while it has the keyboard focus.
fn paint_focus(paint: &Paint<'_, '_>) {
    paint.header_painter.rect_stroke(
        paint.rect.shrink(1.0),
        0.0,
        Stroke::new(2.0, paint.ctx.palette.selection),
        StrokeKind::Inside,
    );
}

impl TimelinePanel {
    /// The members of the cluster hit `k` when zooming in cannot split it: its span is already
    /// half the view or more (events that all share their day, seen at day zoom).
    fn unsplittable(
        &self,
        hits: &[(Rect, Hit)],
        k: usize,
        ctx: &FrameCtx<'_>,
    ) -> Option<Vec<usize>> {
        let Hit::Cluster(t0, t1, _) = hits.get(k)?.1 else {
            return None;
        };
        let ordinal = hits[..k]
            .iter()
            .filter(|(_, h)| matches!(h, Hit::Cluster(..)))
            .count();
        let members = self.clusters.get(ordinal)?;
        ((t1 - t0) * 1.3 >= ctx.view.span / 2.0).then(|| members.clone())
    }
}

/// The view after this frame's wheel, pinch and drag on the canvas.
fn view_input(
    ui: &egui::Ui,
    response: &egui::Response,
    mapping: &ScreenMapping,
    limits: (Seconds, Seconds),
) -> TimeView {
    let mut view = mapping.view;
    if response.hovered() {
        let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
        if let Some(pointer) = response.hover_pos() {
            let factor = f64::from(zoom) * (f64::from(scroll.y) * 0.003).exp();
            if (factor - 1.0).abs() > 1e-6 {
                view = mapping
                    .with_view(view)
                    .zoomed_at(f64::from(pointer.x), factor)
                    .clamped(limits);
            }
        }
        if scroll.x != 0.0 {
            view = mapping
                .with_view(view)
                .dragged(f64::from(scroll.x))
                .clamped(limits);
        }
    }
    if response.dragged() {
        view = mapping
            .with_view(view)
            .dragged(f64::from(response.drag_delta().x))
            .clamped(limits);
        ui.ctx().set_cursor_icon(CursorIcon::Grabbing);
    }
    view
}

/// Eras: bands behind everything, names in their own row.
fn paint_eras(paint: &Paint<'_, '_>) {
    let (rect, canvas, palette) = (paint.rect, paint.canvas, &paint.ctx.palette);
    for (i, era) in paint.ctx.timeline.eras.iter().enumerate() {
        let (x0, x1) = era_xs(paint, era);
        if x1 < canvas.left() || x0 > canvas.right() {
            continue;
        }
        let band = Rect::from_x_y_ranges(
            x0.max(canvas.left())..=x1.min(canvas.right()),
            rect.top() + AXIS_HEIGHT..=rect.bottom(),
        );
        paint.painter.rect_filled(band, 0.0, era_fill(palette, i));
    }
}

/// The eras' names, over the grid lines (each on a patch of its era's colour, so that no tick
/// line strikes through it).
fn paint_era_labels(paint: &Paint<'_, '_>) {
    let (rect, canvas, palette) = (paint.rect, paint.canvas, &paint.ctx.palette);
    for (i, era) in paint.ctx.timeline.eras.iter().enumerate() {
        let (x0, x1) = era_xs(paint, era);
        if x1 < canvas.left() || x0 > canvas.right() {
            continue;
        }
        let name = era.name.get(paint.ctx.lang);
        let galley = paint.painter.layout_no_wrap(
            name.to_owned(),
            FontId::proportional(12.0),
            palette.era_text,
        );
        let x = (x0.max(canvas.left()) + 4.0).min(x1 - galley.size().x - 4.0);
        if x >= canvas.left() - 1.0 && galley.size().x + 8.0 <= x1 - x0.max(canvas.left()) {
            let pos = pos2(x, rect.top() + AXIS_HEIGHT + 3.0);
            let patch = Rect::from_min_size(pos, galley.size()).expand2(Vec2::new(3.0, 1.0));
            paint.painter.rect_filled(patch, 2.0, era_fill(palette, i));
            paint.painter.galley(pos, galley, palette.era_text);
        }
    }
}

/// An era's left and right screen x.
fn era_xs(paint: &Paint<'_, '_>, era: &crate::model::Era) -> (f32, f32) {
    let (a, b) = era.seconds();
    (
        paint.mapping.screen_from_time(a) as f32,
        paint.mapping.screen_from_time(b) as f32,
    )
}

/// Eras alternate two fills.
fn era_fill(palette: &super::theme::Palette, i: usize) -> Color32 {
    if i.is_multiple_of(2) {
        palette.era_a
    } else {
        palette.era_b
    }
}

/// A lane's line, colour chip, collapse arrow, name and count.
fn paint_lane_header(
    paint: &Paint<'_, '_>,
    lane: usize,
    y: f32,
    height: f32,
    collapsed: bool,
    hits: &mut Vec<(Rect, Hit)>,
) {
    let (rect, palette, painter) = (paint.rect, &paint.ctx.palette, &paint.header_painter);
    let category = &paint.ctx.timeline.categories[lane];
    let colour = palette.marker(category.rgb);
    painter.line_segment(
        [
            pos2(rect.left(), y + height),
            pos2(rect.right(), y + height),
        ],
        Stroke::new(1.0, palette.lane_line),
    );
    let header = Rect::from_min_max(
        pos2(rect.left(), y),
        pos2(rect.left() + LANE_HEADER, y + height),
    );
    painter.rect_filled(header, 0.0, palette.header_bg);
    painter.rect_filled(
        Rect::from_min_size(header.min + vec2(0.0, 1.0), vec2(4.0, height - 2.0)),
        0.0,
        colour,
    );
    // A painted triangle rather than a glyph: it looks the same in every font.
    let tip = pos2(header.left() + 13.0, header.top() + 10.0);
    let triangle = if collapsed {
        vec![
            tip + vec2(-3.0, -4.5),
            tip + vec2(3.0, 0.0),
            tip + vec2(-3.0, 4.5),
        ]
    } else {
        vec![
            tip + vec2(-4.5, -3.0),
            tip + vec2(4.5, -3.0),
            tip + vec2(0.0, 3.0),
        ]
    };
    painter.add(egui::Shape::convex_polygon(
        triangle,
        palette.text_weak,
        Stroke::NONE,
    ));
    let count = paint.ctx.shown.lanes.events.get(lane).map_or(0, Vec::len);
    painter.text(
        pos2(header.left() + 22.0, header.top() + 3.0),
        Align2::LEFT_TOP,
        format!(
            "{}  {}",
            category.name.get(paint.ctx.lang),
            crate::i18n::number(paint.ctx.lang, count)
        ),
        FontId::proportional(if collapsed { 11.5 } else { 13.0 }),
        palette.text_strong,
    );
    hits.push((header, Hit::Lane(lane)));
}

/// A density strip: one column per bucket, stronger where more events are, all in one mesh
/// (hundreds of separate rectangles would cost more to tessellate than the whole lane).
fn paint_density(
    painter: &egui::Painter,
    counts: &[u32],
    left: f32,
    bucket: f32,
    (top, bottom): (f32, f32),
    colour: Color32,
) {
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    let scale = 1.0 / ln_1p(max);
    let mut mesh = egui::Mesh::default();
    mesh.reserve_triangles(counts.len() * 2);
    mesh.reserve_vertices(counts.len() * 4);
    // Neighbouring buckets of the same count are one column: far fewer vertices to
    // tessellate where a lane is sparse or evenly busy, and the same picture.
    let mut b = 0;
    while b < counts.len() {
        let count = counts[b];
        let first = b;
        while b < counts.len() && counts[b] == count {
            b += 1;
        }
        if count == 0 {
            continue;
        }
        let strength = (ln_1p(count) * scale).clamp(0.15, 1.0);
        mesh.add_colored_rect(
            Rect::from_min_max(
                pos2(left + first as f32 * bucket, top),
                pos2(left + b as f32 * bucket, bottom),
            ),
            colour.gamma_multiply(strength),
        );
    }
    painter.add(egui::Shape::mesh(mesh));
}

/// `ln(1 + count)`, from a table for the small counts most buckets hold (a strip has a
/// logarithm per bucket, and a zoom frame hundreds of buckets per lane).
fn ln_1p(count: u32) -> f32 {
    static TABLE: std::sync::LazyLock<Vec<f32>> =
        std::sync::LazyLock::new(|| (0..1024u16).map(|c| f32::from(c).ln_1p()).collect());
    match TABLE.get(count as usize) {
        Some(&value) => value,
        None => (count as f32).ln_1p(),
    }
}

/// Hatching over a bar whose day is not known, in one mesh (a bar too narrow to hatch is
/// already faint). Its edge is drawn by the caller.
fn paint_uncertain(painter: &egui::Painter, bar: Rect, colour: Color32) {
    if bar.width() < 12.0 || !bar.is_positive() {
        return;
    }
    let colour = colour.gamma_multiply(0.8);
    let mut mesh = egui::Mesh::default();
    let mut x = bar.left() + 2.0;
    while x + 2.0 < bar.right() {
        // A short slanted stripe as a thin quad: cheap to tessellate.
        let (top, bottom) = (bar.top() + 1.0, bar.bottom() - 1.0);
        let slant = (bottom - top) * 0.5;
        let base = mesh.vertices.len() as u32;
        for p in [
            pos2(x, bottom),
            pos2(x + 1.2, bottom),
            pos2(x + 1.2 + slant, top),
            pos2(x + slant, top),
        ] {
            mesh.colored_vertex(p, colour);
        }
        mesh.add_triangle(base, base + 1, base + 2);
        mesh.add_triangle(base, base + 2, base + 3);
        x += 7.0;
    }
    painter.add(egui::Shape::mesh(mesh));
    painter.rect_stroke(bar, 3.0, Stroke::new(1.0, colour), StrokeKind::Inside);
}

/// Events of lower importance than this zoom draws: a short tick each along the lane's
/// bottom edge, so that every event in view leaves a trace (zoom in to read them). Ticks that
/// fall in the same two-point column are one, and all of them are one mesh: thousands of
/// hidden events cost what a few hundred rectangles do.
fn paint_hidden(paint: &Paint<'_, '_>, hidden: &[usize], bottom: f32, colour: Color32) {
    if hidden.is_empty() {
        return;
    }
    let timeline = paint.ctx.timeline;
    let left = paint.canvas.left();
    let columns = (paint.canvas.width() / 2.0).ceil().max(1.0) as usize;
    // Per column: 0 nothing, 1 only dimmed (search non-matches), 2 at least one match.
    let mut column = vec![0u8; columns];
    let (starts, ends) = (timeline.starts(), timeline.ends());
    for &index in hidden {
        let x = paint
            .mapping
            .screen_from_time((starts[index] + ends[index]) / 2.0) as f32;
        let c = ((x - left) / 2.0).floor();
        if c < 0.0 || c as usize >= columns {
            continue;
        }
        let strength = if paint.ctx.is_highlighted(index) {
            2
        } else {
            1
        };
        let slot = &mut column[c as usize];
        *slot = (*slot).max(strength);
    }
    // Neighbouring columns of the same strength are one rectangle: where hidden events are
    // dense the ticks become a band, and the mesh stays small.
    let mut mesh = egui::Mesh::default();
    let mut c = 0;
    while c < columns {
        let strength = column[c];
        let start = c;
        while c < columns && column[c] == strength {
            c += 1;
        }
        if strength == 0 {
            continue;
        }
        let fill = if strength == 2 {
            colour
        } else {
            colour.gamma_multiply(0.3)
        };
        let (x0, x1) = (left + start as f32 * 2.0, left + c as f32 * 2.0);
        mesh.add_colored_rect(
            Rect::from_min_max(pos2(x0, bottom - 6.0), pos2(x1, bottom - 1.0)),
            fill,
        );
    }
    paint.painter.add(egui::Shape::mesh(mesh));
}

/// The font of a cluster's count.
fn count_font() -> FontId {
    FontId::proportional(11.5)
}

/// One event or cluster at row centre `cy`.
fn paint_item(
    paint: &Paint<'_, '_>,
    labels: &mut LabelCache,
    item: &Item,
    cy: f32,
    colour: Color32,
    label_font: &FontId,
    hits: &mut Vec<(Rect, Hit)>,
) {
    match item {
        Item::Event {
            index,
            x0,
            x1,
            labelled,
            bar,
        } => {
            let hit = paint_event(
                paint,
                labels,
                *index,
                (*x0 as f32, *x1 as f32),
                *bar,
                *labelled,
                cy,
                colour,
                label_font,
            );
            hits.push((hit, Hit::Event(*index)));
        }
        Item::Cluster {
            members,
            x0,
            x1,
            t0,
            t1,
        } => {
            let (ctx, palette) = (paint.ctx, &paint.ctx.palette);
            let badge = Rect::from_x_y_ranges(
                *x0 as f32..=(*x1 as f32).max(*x0 as f32 + 18.0),
                cy - 8.0..=cy + 8.0,
            );
            let dimmed = members.iter().all(|&m| !ctx.is_highlighted(m));
            let fill = if dimmed {
                colour.gamma_multiply(0.25)
            } else {
                palette.cluster_fill(colour)
            };
            paint.painter.rect_filled(badge, 8.0, fill);
            paint.painter.rect_stroke(
                badge,
                8.0,
                Stroke::new(1.0, palette.marker_ring),
                StrokeKind::Inside,
            );
            let count = labels.short_text(
                paint.painter.ctx(),
                members.len().to_string(),
                &count_font(),
            );
            let at = Align2::CENTER_CENTER
                .anchor_size(badge.intersect(paint.canvas).center(), count.size());
            paint.painter.galley(at.min, count, palette.label_on(fill));
            if members.iter().any(|m| Some(*m) == ctx.selected) {
                paint.painter.rect_stroke(
                    badge.expand(3.0),
                    8.0,
                    Stroke::new(2.5, palette.selection),
                    StrokeKind::Outside,
                );
            }
            hits.push((badge.expand(2.0), Hit::Cluster(*t0, *t1, members.len())));
        }
    }
}

/// At each side of a lane, how many of its shown events lie wholly off screen there: nothing
/// the filters show goes unaccounted for. A click goes to the nearest of them.
fn paint_edges(
    paint: &Paint<'_, '_>,
    labels: &mut LabelCache,
    lane: usize,
    (top, height): (f32, f32),
    (before, after): (usize, usize),
    colour: Color32,
    hits: &mut Vec<(Rect, Hit)>,
) {
    let palette = &paint.ctx.palette;
    let font = FontId::proportional(11.0);
    let cy = top + height / 2.0;
    for (count, later) in [(before, false), (after, true)] {
        if count == 0 {
            continue;
        }
        let text = if later {
            format!("{} ›", crate::i18n::number(paint.ctx.lang, count))
        } else {
            format!("‹ {}", crate::i18n::number(paint.ctx.lang, count))
        };
        let galley = labels.short_text(paint.painter.ctx(), text, &font);
        let size = galley.size() + Vec2::new(10.0, 4.0);
        let rect = if later {
            Rect::from_min_size(
                pos2(paint.canvas.right() - size.x - 2.0, cy - size.y / 2.0),
                size,
            )
        } else {
            Rect::from_min_size(pos2(paint.canvas.left() + 2.0, cy - size.y / 2.0), size)
        };
        paint.painter.rect_filled(rect, 6.0, palette.axis_bg);
        paint
            .painter
            .rect_stroke(rect, 6.0, Stroke::new(1.0, colour), StrokeKind::Inside);
        paint.painter.galley(
            rect.center() - galley.size() / 2.0,
            galley,
            palette.text_strong,
        );
        hits.push((rect, Hit::Edge { lane, later, count }));
    }
}

/// One event: a bar or a marker, its selection ring and its label. Returns its hit area.
#[allow(clippy::too_many_arguments)]
fn paint_event(
    paint: &Paint<'_, '_>,
    labels: &mut LabelCache,
    index: usize,
    (x0, x1): (f32, f32),
    bar: bool,
    labelled: bool,
    cy: f32,
    colour: Color32,
    label_font: &FontId,
) -> Rect {
    let (ctx, palette, painter, canvas) =
        (paint.ctx, &paint.ctx.palette, &paint.painter, paint.canvas);
    let event = &ctx.timeline.events[index];
    let dimmed = !ctx.is_highlighted(index);
    let fill = if dimmed {
        colour.gamma_multiply(0.25)
    } else {
        colour
    };
    let month_only = event.start.precision != crate::model::Precision::Day;
    // Text inside a bar: black or white, whichever reads on its fill.
    let mut bar_label = palette.text_strong;
    let shape_rect = if bar {
        // A day whose hour is unknown is drawn lighter than a span the sources give; a month
        // (or year) whose day is unknown lighter still and hatched: not a month-long event.
        let fill = if month_only {
            fill.gamma_multiply(0.3)
        } else {
            palette.bar_fill(fill, event.is_range())
        };
        let bar = Rect::from_x_y_ranges(x0..=x1, cy - 7.0..=cy + 7.0);
        painter.rect_filled(bar, 3.0, fill);
        bar_label = palette.label_on(fill);
        if month_only {
            paint_uncertain(painter, bar.intersect(canvas), colour);
        }
        if event.importance == 1 {
            painter.rect_stroke(
                bar,
                3.0,
                Stroke::new(1.0, palette.marker_ring),
                StrokeKind::Inside,
            );
        }
        bar
    } else {
        let cx = (x0 + x1) / 2.0;
        let r = match event.importance {
            1 => 6.5,
            2 => 5.0,
            _ => 3.8,
        };
        painter.circle_filled(pos2(cx, cy), r, fill);
        if event.importance == 1 {
            let ring = if dimmed {
                palette.marker_ring.gamma_multiply(0.25)
            } else {
                palette.marker_ring
            };
            painter.circle_stroke(pos2(cx, cy), r, Stroke::new(1.5, ring));
        }
        Rect::from_center_size(pos2(cx, cy), Vec2::splat(2.0 * r))
    };
    if let Some(step) = ctx.tour_step(index) {
        // The chosen tour's steps carry their number, above the mark.
        let centre = pos2(shape_rect.left() + 1.0, shape_rect.top() - 5.0);
        painter.circle_filled(centre, 7.0, palette.selection);
        painter.text(
            centre,
            Align2::CENTER_CENTER,
            step.to_string(),
            FontId::proportional(9.5),
            palette.label_on(palette.selection),
        );
    }
    if !event.has_source() {
        // An imported event nothing vouches for: a small hollow ring on its corner.
        let at = pos2(shape_rect.right() + 1.0, shape_rect.top() - 1.0);
        let ink = if dimmed {
            palette.text_strong.gamma_multiply(0.35)
        } else {
            palette.text_strong
        };
        painter.circle_filled(at, 2.8, palette.canvas);
        painter.circle_stroke(at, 2.8, Stroke::new(1.2, ink));
    }
    if ctx.selected == Some(index) {
        painter.rect_stroke(
            shape_rect.expand(3.0),
            4.0,
            Stroke::new(2.5, palette.selection),
            StrokeKind::Outside,
        );
    } else if ctx.is_at_hovered_place(index) {
        // Its place is under the pointer on the map.
        painter.rect_stroke(
            shape_rect.expand(2.5),
            4.0,
            Stroke::new(2.0, palette.selection.gamma_multiply(0.8)),
            StrokeKind::Outside,
        );
    }
    let mut hit_rect = shape_rect.expand(3.0);
    if labelled {
        let title = event.title().get(ctx.lang);
        let text_colour = if dimmed {
            palette.text_weak.gamma_multiply(0.6)
        } else {
            palette.text_strong
        };
        if bar {
            // Inside the bar, from its visible start, so it stays readable while the bar's
            // start is off screen.
            let visible = Rect::from_x_y_ranges(
                shape_rect.left().max(canvas.left())..=shape_rect.right().min(canvas.right()),
                shape_rect.y_range(),
            );
            let room = visible.width() - 10.0;
            if room > 30.0 {
                // A bar that does not match the search is dimmed, its label too.
                let on_bar = if dimmed {
                    bar_label.gamma_multiply(0.35)
                } else {
                    bar_label
                };
                let galley = labels.galley(painter.ctx(), index, title, label_font, room);
                painter.galley(
                    pos2(visible.left() + 5.0, cy - galley.size().y / 2.0),
                    galley,
                    on_bar,
                );
            }
        } else {
            // Ellipsised at the canvas's right edge rather than cut off by it.
            let room = (canvas.right() - shape_rect.right() - 9.0).min(MAX_LABEL_WIDTH);
            if room > 24.0 {
                let galley = labels.galley(painter.ctx(), index, title, label_font, room);
                let pos = pos2(shape_rect.right() + 5.0, cy - galley.size().y / 2.0);
                hit_rect = hit_rect.union(Rect::from_min_size(pos, galley.size()));
                painter.galley(pos, galley, text_colour);
            }
        }
    }
    hit_rect
}
