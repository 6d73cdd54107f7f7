//! The overview strip: the whole span with its density, and the visible window as a rectangle
//! that can be dragged and resized.

use egui::{Color32, CursorIcon, Rect, Sense, Stroke, StrokeKind, pos2};

use crate::timeline::{DensityCache, ScreenMapping, TimeView};

use super::command::{Command, ViewCommand};
use super::frame::FrameCtx;
use super::timeline_ui::LANE_HEADER;

/// What a drag on the overview does, decided when it starts.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Drag {
    Move,
    Left,
    Right,
}

/// How close to an edge of the window a drag resizes it.
const EDGE: f32 = 6.0;

/// The overview panel: its density cache and the drag in progress.
#[derive(Clone, Debug, Default)]
pub struct OverviewPanel {
    densities: DensityCache,
    matched_densities: DensityCache,
    drag: Option<Drag>,
}

impl OverviewPanel {
    /// Draws the overview under the timeline; dragging or clicking it moves the view.
    #[must_use]
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &FrameCtx<'_>) -> Vec<Command> {
        let mut commands = Vec::new();
        let palette = &ctx.palette;
        let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
        let response = response.on_hover_text(crate::i18n::t(ctx.lang, "overview-hint"));
        ui.ctx().accesskit_node_builder(response.id, |node| {
            node.set_role(egui::accesskit::Role::ScrollBar);
            node.set_label(super::a11y::overview_name(
                ctx.lang,
                &ctx.shown.fit_all(),
                &ctx.view,
            ));
            node.set_description(crate::i18n::t(ctx.lang, "overview-hint"));
        });
        let painter = ui.painter_at(rect);
        let strip = Rect::from_min_max(
            pos2(rect.left() + LANE_HEADER, rect.top() + 4.0),
            pos2(rect.right() - 4.0, rect.bottom() - 4.0),
        );
        painter.rect_filled(strip, 2.0, palette.axis_bg);
        let whole = ScreenMapping::new(
            ctx.shown.fit_all(),
            f64::from(strip.left()),
            f64::from(strip.width().max(1.0)),
        );

        // Density of all shown events, one column per two points, log-scaled, in one mesh;
        // while a search dims the others, its matches are drawn over it in the selection
        // colour.
        let columns = (strip.width() / 2.0).max(1.0) as usize;
        let dt = whole.view.span / columns as f64;
        let counts = self
            .densities
            .counts(&ctx.shown.lanes, None, whole.view.min, dt, columns);
        let max = counts.iter().copied().max().unwrap_or(0).max(1) as f32;
        let bars = |counts: &[u32], colour: Color32| {
            let mut mesh = egui::Mesh::default();
            for (c, &count) in counts.iter().enumerate() {
                if count == 0 {
                    continue;
                }
                let h = (count as f32).ln_1p() / max.ln_1p() * (strip.height() - 4.0);
                let x = strip.left() + c as f32 * 2.0;
                mesh.add_colored_rect(
                    Rect::from_min_max(
                        pos2(x, strip.bottom() - h - 2.0),
                        pos2(x + 2.0, strip.bottom() - 2.0),
                    ),
                    colour,
                );
            }
            egui::Shape::mesh(mesh)
        };
        painter.add(bars(counts, palette.text_weak));
        if let Some(matched) = &ctx.shown.matched_lanes {
            let counts = self
                .matched_densities
                .counts(matched, None, whole.view.min, dt, columns);
            painter.add(bars(counts, palette.selection));
        }
        // Eras as ticks with their names hidden: a thin line at each start.
        for era in &ctx.timeline.eras {
            let x = whole.screen_from_time(era.seconds().0) as f32;
            painter.line_segment(
                [pos2(x, strip.top()), pos2(x, strip.bottom())],
                Stroke::new(1.0, palette.tick_strong),
            );
        }

        // The visible window.
        let view = ctx.view;
        let x0 = (whole.screen_from_time(view.min) as f32)
            .max(strip.left())
            .min(strip.right().max(strip.left()));
        let x1 = (whole.screen_from_time(view.max()) as f32)
            .max(strip.left())
            .min(strip.right().max(strip.left()));
        let window = Rect::from_x_y_ranges(x0..=x1.max(x0 + 2.0), strip.y_range());
        painter.rect_filled(window, 2.0, palette.window);
        painter.rect_stroke(
            window,
            2.0,
            Stroke::new(1.5, palette.selection),
            StrokeKind::Inside,
        );

        if let Some(pointer) = response.hover_pos() {
            let near_edge = (pointer.x - window.left()).abs() < EDGE
                || (pointer.x - window.right()).abs() < EDGE;
            ui.ctx().set_cursor_icon(if near_edge {
                CursorIcon::ResizeHorizontal
            } else if window.contains(pointer) {
                CursorIcon::Grab
            } else {
                CursorIcon::PointingHand
            });
        }
        let mut next = view;
        if response.drag_started()
            && let Some(pointer) = response.interact_pointer_pos()
        {
            let mode = if (pointer.x - window.left()).abs() < EDGE {
                Drag::Left
            } else if (pointer.x - window.right()).abs() < EDGE {
                Drag::Right
            } else {
                if !window.contains(pointer) {
                    next = centred_on(next, &whole, pointer.x);
                }
                Drag::Move
            };
            self.drag = Some(mode);
        }
        if response.dragged() {
            let dx = f64::from(response.drag_delta().x) * whole.seconds_per_point();
            next = match self.drag.unwrap_or(Drag::Move) {
                Drag::Move => next.pan(dx),
                Drag::Left => TimeView::new(next.min + dx, next.max()),
                Drag::Right => TimeView::new(next.min, next.max() + dx),
            };
        }
        if response.drag_stopped() {
            self.drag = None;
        }
        if response.clicked()
            && let Some(pointer) = response.interact_pointer_pos()
        {
            next = centred_on(next, &whole, pointer.x);
        }
        if next != view {
            commands.push(ViewCommand::Set(next).into());
        }
        commands
    }
}

/// `view` moved so that the time at overview x is in its middle.
fn centred_on(view: TimeView, whole: &ScreenMapping, x: f32) -> TimeView {
    let t = whole.time_from_screen(f64::from(x));
    view.pan(t - (view.min + view.span / 2.0))
}
