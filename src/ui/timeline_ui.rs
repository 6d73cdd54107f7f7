//! The zoomable timeline canvas: one painter, one interaction response, hit-testing by hand.

use egui::{
    Align2, Color32, CursorIcon, FontId, Rect, Sense, Stroke, StrokeKind, Vec2, pos2, vec2,
};

use crate::i18n::dates;
use crate::model::{Lang, Seconds, Timeline};
use crate::timeline::TimeView;
use crate::timeline::layout::{self, Item, LaneIndex, LaneLayout, Metrics};
use crate::timeline::ticks::{self, LABEL_PAD};

use super::Command;
use super::theme::Palette;

/// Width of the column of lane names.
pub const LANE_HEADER: f32 = 150.0;
/// Height of the axis (context row and tick row).
const AXIS_HEIGHT: f32 = 42.0;
/// Height of the era row under the axis.
const ERA_HEIGHT: f32 = 20.0;
/// Height of one row in a lane.
const ROW_HEIGHT: f32 = 22.0;
/// Height of a collapsed lane.
const COLLAPSED_HEIGHT: f32 = 16.0;
/// Longest label beside a marker.
const MAX_LABEL_WIDTH: f32 = 260.0;

/// The view and its animation, the lanes' state and what is under the pointer.
#[derive(Clone, Debug)]
pub struct TimelineState {
    /// The time range shown.
    pub view: TimeView,
    /// A running jump: from, to, and when it started (egui time).
    pub animation: Option<(TimeView, TimeView, f64)>,
    /// Collapsed lanes, by category index.
    pub collapsed: Vec<bool>,
    /// The filtered events split into lanes.
    pub lanes: LaneIndex,
    /// The bounds the view may move in: the data with a margin.
    pub limits: (Seconds, Seconds),
    /// What the last frame drew where, topmost last: for hit-testing and for tests.
    pub drawn: Vec<(Rect, Hit)>,
    /// Where the last frame drew the time axis: the canvas right of the lane names.
    pub canvas: Rect,
    /// Density counts of the last frames, reused while the view and the lanes stay the same
    /// (a still view costs nothing however many events it holds).
    pub densities: DensityCache,
    /// The events matching the search, in lanes, while the others are dimmed; with their own
    /// density cache.
    pub matched_lanes: Option<LaneIndex>,
    pub matched_densities: DensityCache,
}

/// Counts per bucket, by what they were computed from.
#[derive(Clone, Debug, Default)]
pub struct DensityCache {
    entries: Vec<(DensityKey, Vec<u32>)>,
}

/// What a density depends on: the lanes (their generation), which lane (or all of them), the
/// time range and the buckets.
#[derive(Clone, Copy, Debug, PartialEq)]
struct DensityKey {
    generation: u64,
    lane: Option<usize>,
    from: f64,
    dt: f64,
    buckets: usize,
}

impl DensityCache {
    /// The counts of `lane` (or of all lanes, summed) in `buckets` intervals of `dt` from
    /// `from`, computed only when they are not already known.
    pub fn counts(
        &mut self,
        lanes: &LaneIndex,
        lane: Option<usize>,
        from: f64,
        dt: f64,
        buckets: usize,
    ) -> &[u32] {
        let key = DensityKey {
            generation: lanes.generation,
            lane,
            from,
            dt,
            buckets,
        };
        let position = match self.entries.iter().position(|(k, _)| *k == key) {
            Some(position) => position,
            None => {
                let counts = match lane {
                    Some(lane) => lanes.counts(lane, from, dt, buckets),
                    None => {
                        let mut sum = vec![0; buckets];
                        for lane in 0..lanes.events.len() {
                            for (s, c) in sum.iter_mut().zip(lanes.counts(lane, from, dt, buckets))
                            {
                                *s += c;
                            }
                        }
                        sum
                    }
                };
                // Keep one frame's worth: the lanes of this view and the overview's total.
                self.entries.retain(|(k, _)| {
                    k.generation == key.generation
                        && (k.lane.is_some() != lane.is_some()
                            || (k.from, k.dt, k.buckets) == (from, dt, buckets))
                });
                self.entries.push((key, counts));
                self.entries.len() - 1
            }
        };
        &self.entries[position].1
    }
}

/// Points per column of a density strip.
const DENSITY_BUCKET: f64 = 2.0;

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
    let max = counts.iter().copied().max().unwrap_or(0).max(1) as f32;
    let mut mesh = egui::Mesh::default();
    mesh.reserve_triangles(counts.len() * 2);
    mesh.reserve_vertices(counts.len() * 4);
    for (b, &count) in counts.iter().enumerate() {
        if count == 0 {
            continue;
        }
        let x = left + b as f32 * bucket;
        let strength = ((count as f32).ln_1p() / max.ln_1p()).clamp(0.15, 1.0);
        mesh.add_colored_rect(
            Rect::from_min_max(pos2(x, top), pos2(x + bucket, bottom)),
            colour.gamma_multiply(strength),
        );
    }
    painter.add(egui::Shape::mesh(mesh));
}

/// How long a jump takes, in seconds.
pub const ANIMATION_SECONDS: f64 = 0.25;

impl TimelineState {
    /// A state showing the whole timeline.
    pub fn new(timeline: &Timeline, visible: &[usize]) -> Self {
        let (start, end) = timeline.span().unwrap_or((0.0, 86_400.0));
        let margin = ((end - start) * 0.04).max(86_400.0);
        let limits = (start - margin, end + margin);
        // Open on the key events (the protests themselves), not on the sparse context years.
        let key = timeline.events.iter().filter(|e| e.importance == 1);
        let first = key
            .clone()
            .map(|e| e.start_seconds())
            .fold(f64::INFINITY, f64::min);
        let last = key
            .map(|e| e.end_seconds())
            .fold(f64::NEG_INFINITY, f64::max);
        let view = if first < last {
            let margin = (last - first) * 0.05;
            TimeView::new(first - margin, last + margin).clamped(limits)
        } else {
            TimeView::new(limits.0, limits.1)
        };
        Self {
            view,
            animation: None,
            collapsed: vec![false; timeline.categories.len()],
            lanes: LaneIndex::new(timeline, visible),
            densities: DensityCache::default(),
            matched_lanes: None,
            matched_densities: DensityCache::default(),
            limits,
            drawn: Vec::new(),
            canvas: Rect::NOTHING,
        }
    }

    /// The view that shows everything.
    pub fn fit_all(&self) -> TimeView {
        TimeView::new(self.limits.0, self.limits.1)
    }

    /// Starts a smooth jump to `target` (kept within limits).
    pub fn animate_to(&mut self, target: TimeView, now: f64) {
        let target = target.clamped(self.limits);
        self.animation = Some((self.view, target, now));
    }

    /// Jumps at once (user input in progress cancels any animation).
    pub fn set_view(&mut self, view: TimeView) {
        self.animation = None;
        self.view = view.clamped(self.limits);
    }

    /// Advances a running animation; true while it still runs.
    pub fn tick(&mut self, now: f64) -> bool {
        let Some((from, to, start)) = self.animation else {
            return false;
        };
        let t = ((now - start) / ANIMATION_SECONDS).clamp(0.0, 1.0);
        let eased = 1.0 - (1.0 - t).powi(3);
        self.view = from.lerp(&to, eased);
        if t >= 1.0 {
            self.view = to;
            self.animation = None;
        }
        self.animation.is_some()
    }
}

/// A thing drawn on the canvas that the pointer can hit.
#[derive(Clone, Debug, PartialEq)]
pub enum Hit {
    /// An event, by index.
    Event(usize),
    /// A cluster badge: its time span and how many events it holds.
    Cluster(Seconds, Seconds, usize),
    /// A lane's name, by category index.
    Lane(usize),
}

/// Draws the timeline in the remaining space of `ui` and handles its input.
pub fn timeline_ui(
    ui: &mut egui::Ui,
    timeline: &Timeline,
    state: &mut TimelineState,
    selected: Option<usize>,
    highlight: Option<&dyn Fn(usize) -> bool>,
    lang: Lang,
    palette: &Palette,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    let canvas = Rect::from_min_max(pos2(rect.left() + LANE_HEADER, rect.top()), rect.max);
    ui.painter_at(rect).rect_filled(rect, 0.0, palette.canvas);
    // Everything in time is clipped to the canvas; lane names are drawn by `header_painter`.
    let painter = ui.painter_at(canvas);
    let header_painter = ui.painter_at(rect);
    let (left, width) = (f64::from(canvas.left()), f64::from(canvas.width().max(1.0)));

    // Input first, so this frame already shows its effect.
    let now = ui.input(|i| i.time);
    if response.hovered() {
        let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
        if let Some(pointer) = response.hover_pos() {
            let anchor = state
                .view
                .time_from_screen(f64::from(pointer.x), left, width);
            let factor = f64::from(zoom) * (f64::from(scroll.y) * 0.003).exp();
            if (factor - 1.0).abs() > 1e-6 {
                state.set_view(state.view.zoom_at(anchor, factor));
            }
        }
        if scroll.x != 0.0 {
            let dt = -f64::from(scroll.x) * state.view.seconds_per_point(width);
            state.set_view(state.view.pan(dt));
        }
    }
    if response.dragged() {
        let dt = -f64::from(response.drag_delta().x) * state.view.seconds_per_point(width);
        state.set_view(state.view.pan(dt));
        ui.ctx().set_cursor_icon(CursorIcon::Grabbing);
    }
    if state.tick(now) {
        ui.ctx().request_repaint();
    }
    let view = state.view;

    // Lane geometry.
    let lanes_top = rect.top() + AXIS_HEIGHT + ERA_HEIGHT;
    let lane_count = timeline.categories.len();
    let expanded = state.collapsed.iter().filter(|c| !**c).count().max(1) as f32;
    let collapsed_total = (lane_count as f32 - expanded).max(0.0) * COLLAPSED_HEIGHT;
    let room = (rect.bottom() - lanes_top - collapsed_total - 2.0).max(ROW_HEIGHT);
    let expanded_height = (room / expanded).clamp(ROW_HEIGHT + 6.0, 6.0 * ROW_HEIGHT + 6.0);
    let rows = ((expanded_height - 6.0) / ROW_HEIGHT).floor().max(1.0) as usize;
    let lane_height = |lane: usize| {
        if state.collapsed.get(lane).copied().unwrap_or(false) {
            COLLAPSED_HEIGHT
        } else {
            expanded_height
        }
    };

    // Eras: bands behind everything, names in their own row.
    for (i, era) in timeline.eras.iter().enumerate() {
        let (a, b) = era.seconds();
        let x0 = view.screen_from_time(a, left, width) as f32;
        let x1 = view.screen_from_time(b, left, width) as f32;
        if x1 < canvas.left() || x0 > canvas.right() {
            continue;
        }
        let band = Rect::from_x_y_ranges(
            x0.max(canvas.left())..=x1.min(canvas.right()),
            rect.top() + AXIS_HEIGHT..=rect.bottom(),
        );
        painter.rect_filled(
            band,
            0.0,
            if i % 2 == 0 {
                palette.era_a
            } else {
                palette.era_b
            },
        );
        let name = era.name.get(lang);
        let galley = painter.layout_no_wrap(
            name.to_owned(),
            FontId::proportional(12.0),
            palette.era_text,
        );
        let x = (x0.max(canvas.left()) + 4.0).min(x1 - galley.size().x - 4.0);
        if x >= canvas.left() - 1.0 && galley.size().x + 8.0 <= x1 - x0.max(canvas.left()) {
            painter.galley(
                pos2(x, rect.top() + AXIS_HEIGHT + 3.0),
                galley,
                palette.era_text,
            );
        }
    }

    // Axis.
    let font = FontId::proportional(12.5);
    let mut measure = |text: &str| {
        f64::from(ui.fonts_mut(|f| {
            f.layout_no_wrap(text.to_owned(), font.clone(), Color32::WHITE)
                .size()
                .x
        }))
    };
    let axis = ticks::axis(&view, left, width, lang, &mut measure);
    let context_places = ticks::place_context(&axis.context, &view, left, width, &mut measure);
    header_painter.rect_filled(
        Rect::from_min_max(rect.min, pos2(rect.right(), rect.top() + AXIS_HEIGHT)),
        0.0,
        palette.axis_bg,
    );
    for tick in &axis.ticks {
        let x = view.screen_from_time(tick.time, left, width) as f32;
        let stroke = if tick.emphasised {
            palette.tick_strong
        } else {
            palette.tick
        };
        painter.line_segment(
            [pos2(x, rect.top() + 22.0), pos2(x, rect.bottom())],
            Stroke::new(1.0, stroke),
        );
        let colour = if tick.emphasised {
            palette.text_strong
        } else {
            palette.text_weak
        };
        painter.text(
            pos2(x + LABEL_PAD as f32, rect.top() + 24.0),
            Align2::LEFT_TOP,
            &tick.label,
            font.clone(),
            colour,
        );
    }
    for tick in &axis.context {
        let x = view.screen_from_time(tick.time, left, width) as f32;
        if x >= canvas.left() {
            painter.line_segment(
                [pos2(x, rect.top()), pos2(x, rect.bottom())],
                Stroke::new(1.5, palette.tick_strong),
            );
        }
    }
    for (x, i) in context_places {
        painter.text(
            pos2(x as f32, rect.top() + 4.0),
            Align2::LEFT_TOP,
            &axis.context[i].label,
            FontId::proportional(13.5),
            palette.text_strong,
        );
    }

    // Lanes.
    let metrics = Metrics {
        radius: 5.5,
        gap: 3.0,
        label_pad: 5.0,
        rows,
        keep: selected,
    };
    let label_font = FontId::proportional(13.0);
    let mut hits: Vec<(Rect, Hit)> = Vec::new();
    let mut y = lanes_top;
    for lane in 0..lane_count {
        let height = lane_height(lane);
        let lane_rect = Rect::from_min_max(pos2(rect.left(), y), pos2(rect.right(), y + height));
        let category = &timeline.categories[lane];
        let colour = Color32::from_rgb(category.rgb[0], category.rgb[1], category.rgb[2]);
        header_painter.line_segment(
            [
                pos2(rect.left(), y + height),
                pos2(rect.right(), y + height),
            ],
            Stroke::new(1.0, palette.lane_line),
        );
        // Header: colour chip, name, collapse arrow.
        let header = Rect::from_min_max(
            lane_rect.min,
            pos2(rect.left() + LANE_HEADER, lane_rect.bottom()),
        );
        header_painter.rect_filled(header, 0.0, palette.header_bg);
        header_painter.rect_filled(
            Rect::from_min_size(header.min + vec2(0.0, 1.0), vec2(4.0, height - 2.0)),
            0.0,
            colour,
        );
        let collapsed = state.collapsed.get(lane).copied().unwrap_or(false);
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
        header_painter.add(egui::Shape::convex_polygon(
            triangle,
            palette.text_weak,
            Stroke::NONE,
        ));
        let count = state.lanes.events.get(lane).map_or(0, Vec::len);
        header_painter.text(
            pos2(header.left() + 22.0, header.top() + 3.0),
            Align2::LEFT_TOP,
            format!("{}  {count}", category.name.get(lang)),
            FontId::proportional(if collapsed { 11.5 } else { 13.0 }),
            palette.text_strong,
        );
        hits.push((header, Hit::Lane(lane)));

        let dense = collapsed
            || state.lanes.candidate_count(lane, view.min, view.max()) > layout::DENSITY_THRESHOLD;
        let layout = if dense {
            let bucket = DENSITY_BUCKET;
            let buckets = (width / bucket).ceil().max(1.0) as usize;
            let dt = view.span * bucket / width;
            let band = (y + 3.0, y + height - 3.0);
            let left = canvas.left();
            let counts = state
                .densities
                .counts(&state.lanes, Some(lane), view.min, dt, buckets);
            match &state.matched_lanes {
                // A search dims the others: all events faint, the matches strong on top.
                Some(matched) => {
                    let faint = colour.gamma_multiply(0.22);
                    paint_density(&painter, counts, left, bucket as f32, band, faint);
                    let counts =
                        state
                            .matched_densities
                            .counts(matched, Some(lane), view.min, dt, buckets);
                    paint_density(&painter, counts, left, bucket as f32, band, colour);
                }
                None => paint_density(&painter, counts, left, bucket as f32, band, colour),
            }
            None
        } else {
            Some(layout::layout_lane(
                timeline,
                &state.lanes,
                lane,
                &view,
                (left, width),
                metrics,
                &mut |index| {
                    let title = timeline.events[index].title().get(lang);
                    let w = ui.fonts_mut(|f| {
                        f.layout_no_wrap(title.to_owned(), label_font.clone(), Color32::WHITE)
                            .size()
                            .x
                    });
                    f64::from(w.min(MAX_LABEL_WIDTH))
                },
            ))
        };
        match layout {
            None => {}
            Some(LaneLayout::Density { bucket, counts }) => paint_density(
                &painter,
                &counts,
                canvas.left(),
                bucket as f32,
                (y + 3.0, y + height - 3.0),
                colour,
            ),
            Some(LaneLayout::Items(items)) => {
                for (row, item) in &items {
                    let cy = y + 3.0 + *row as f32 * ROW_HEIGHT + ROW_HEIGHT / 2.0;
                    paint_item(
                        &painter,
                        timeline,
                        item,
                        cy,
                        colour,
                        selected,
                        highlight,
                        lang,
                        &label_font,
                        palette,
                        canvas,
                        &mut hits,
                    );
                }
            }
        }
        y += height;
    }

    // Pointer: tooltip, click, double-click.
    let hovered_hit = response.hover_pos().and_then(|p| {
        hits.iter()
            .rev()
            .find(|(r, _)| r.contains(p))
            .map(|(_, h)| h.clone())
    });
    let response = match &hovered_hit {
        Some(Hit::Event(index)) => {
            ui.ctx().set_cursor_icon(CursorIcon::PointingHand);
            let event = &timeline.events[*index];
            response.on_hover_ui_at_pointer(|ui| {
                ui.strong(event.title().get(lang));
                ui.label(dates::span(lang, event.start, event.end));
            })
        }
        Some(Hit::Cluster(_, _, count)) => {
            ui.ctx().set_cursor_icon(CursorIcon::ZoomIn);
            let count = *count;
            response.on_hover_ui_at_pointer(|ui| {
                ui.label(crate::i18n::tr(
                    lang,
                    "cluster-tooltip",
                    &[("count", count.to_string())],
                ));
            })
        }
        _ => response,
    };
    if response.double_clicked() && hovered_hit.is_none() {
        commands.push(Command::FitAll);
    } else if response.clicked() {
        match hovered_hit {
            Some(Hit::Event(index)) => commands.push(Command::Select(Some(index))),
            Some(Hit::Cluster(t0, t1, _)) => commands.push(Command::ZoomTo(t0, t1)),
            Some(Hit::Lane(lane)) => commands.push(Command::ToggleLane(lane)),
            None => {}
        }
    }
    state.drawn = hits;
    state.canvas = canvas;
    commands
}

#[allow(clippy::too_many_arguments)]
fn paint_item(
    painter: &egui::Painter,
    timeline: &Timeline,
    item: &Item,
    cy: f32,
    colour: Color32,
    selected: Option<usize>,
    highlight: Option<&dyn Fn(usize) -> bool>,
    lang: Lang,
    label_font: &FontId,
    palette: &Palette,
    canvas: Rect,
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
            let event = &timeline.events[*index];
            let dimmed = highlight.is_some_and(|h| !h(*index));
            let fill = if dimmed {
                colour.gamma_multiply(0.25)
            } else {
                colour
            };
            let (x0, x1) = (*x0 as f32, *x1 as f32);
            let shape_rect = if *bar {
                // A day whose hour is unknown is drawn lighter than a span the sources give.
                let fill = if event.is_range() {
                    fill
                } else {
                    fill.gamma_multiply(0.55)
                };
                let bar = Rect::from_x_y_ranges(x0..=x1, cy - 7.0..=cy + 7.0);
                painter.rect_filled(bar, 3.0, fill);
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
            if selected == Some(*index) {
                painter.rect_stroke(
                    shape_rect.expand(3.0),
                    4.0,
                    Stroke::new(2.5, palette.selection),
                    StrokeKind::Outside,
                );
            }
            let mut hit_rect = shape_rect.expand(3.0);
            if *labelled {
                let title = event.title().get(lang);
                let text_colour = if dimmed {
                    palette.text_weak.gamma_multiply(0.6)
                } else {
                    palette.text_strong
                };
                if *bar {
                    // Inside the bar, from its visible start, so it stays readable while the
                    // bar's start is off screen.
                    let visible = Rect::from_x_y_ranges(
                        shape_rect.left().max(canvas.left())
                            ..=shape_rect.right().min(canvas.right()),
                        shape_rect.y_range(),
                    );
                    let room = visible.width() - 10.0;
                    if room > 30.0 {
                        let mut job = egui::text::LayoutJob::simple_singleline(
                            title.to_owned(),
                            label_font.clone(),
                            palette.on_colour,
                        );
                        job.wrap = egui::text::TextWrapping::truncate_at_width(room);
                        let galley = painter.layout_job(job);
                        painter.galley(
                            pos2(visible.left() + 5.0, cy - galley.size().y / 2.0),
                            galley,
                            palette.on_colour,
                        );
                    }
                } else {
                    let mut job = egui::text::LayoutJob::simple_singleline(
                        title.to_owned(),
                        label_font.clone(),
                        text_colour,
                    );
                    job.wrap = egui::text::TextWrapping::truncate_at_width(MAX_LABEL_WIDTH);
                    let galley = painter.layout_job(job);
                    let pos = pos2(shape_rect.right() + 5.0, cy - galley.size().y / 2.0);
                    if pos.x < canvas.right() {
                        hit_rect = hit_rect.union(Rect::from_min_size(pos, galley.size()));
                        painter.galley(pos, galley, text_colour);
                    }
                }
            }
            hits.push((hit_rect, Hit::Event(*index)));
        }
        Item::Cluster {
            members,
            x0,
            x1,
            t0,
            t1,
        } => {
            let badge = Rect::from_x_y_ranges(
                *x0 as f32..=(*x1 as f32).max(*x0 as f32 + 18.0),
                cy - 8.0..=cy + 8.0,
            );
            let dimmed = highlight.is_some_and(|h| members.iter().all(|&m| !h(m)));
            let fill = if dimmed {
                colour.gamma_multiply(0.25)
            } else {
                colour.gamma_multiply(0.85)
            };
            painter.rect_filled(badge, 8.0, fill);
            painter.rect_stroke(
                badge,
                8.0,
                Stroke::new(1.0, palette.marker_ring),
                StrokeKind::Inside,
            );
            painter.text(
                badge.intersect(canvas).center(),
                Align2::CENTER_CENTER,
                members.len().to_string(),
                FontId::proportional(11.5),
                palette.on_colour,
            );
            if members.iter().any(|m| Some(*m) == selected) {
                painter.rect_stroke(
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
