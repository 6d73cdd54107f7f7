//! The map panel: the bundled base map, a marker per place with events in the timeline's
//! visible range (or the whole period), linked with the timeline both ways, and the playback
//! controls. One painter for the map; each marker is also a small widget, so that Tab reaches
//! it, Enter and Space click it and a screen reader names it ("Minsk, 113 events").

use std::sync::{Arc, Mutex};

use egui::{Align2, FontId, Id, Pos2, Rect, Sense, Shape, Stroke, Vec2, pos2, vec2};

use crate::i18n::{dates, t, tr};
use crate::map::basemap::Fill;
use crate::map::cluster::{self, Marker};
use crate::map::projection::plane_from_geo;
use crate::map::view::PlaneRect;
use crate::map::{BaseMap, Geo, MapView, Plane};
use crate::model::date::date_from_seconds;
use crate::model::{Lang, Timeline};
use crate::timeline::playback::SPEEDS;

use super::base_mesh::{BaseMesh, MapColours};
use super::command::{Command, FilterCommand, MapCommand};
use super::frame::FrameCtx;

/// A marker holds one colour when this share of its events is of one category.
const DOMINANT_SHARE: f64 = 0.75;
/// Markers smaller than this are one colour, whatever their mix.
const RING_RADIUS: f32 = 9.0;
/// Points kept free around what a fit shows.
const FIT_MARGIN: f64 = 36.0;
/// Markers of far places sit this far inside the canvas's edge.
const EDGE_INSET: f32 = 22.0;
/// A click on merged markers zooms in by this factor.
const SPLIT_ZOOM: f64 = 3.0;

/// Where a drawn marker is.
#[derive(Clone, Debug, PartialEq)]
pub struct DrawnMarker {
    /// Its places and counts.
    pub marker: Marker,
    /// Its places lie beyond the base map: it sits at the edge, pointing at them.
    pub far: bool,
    /// Its widget (stable while its first place stays its first).
    pub id: Id,
    /// Its accessible name and tooltip heading.
    pub name: String,
    /// It holds a place of the event hovered or selected on the timeline.
    pub linked: bool,
}

/// The map panel and what it drew last frame.
#[derive(Clone, Debug)]
pub struct MapPanel {
    /// Markers drawn last frame, biggest first (for hit-testing, keyboard focus and tests).
    pub markers: Vec<DrawnMarker>,
    /// Where the last frame drew the map.
    pub canvas: Rect,
    /// The places of the marker under the pointer last frame.
    hovered: Vec<u32>,
    /// The base map tessellated at one scale, reused while the scale stays.
    base: Option<BaseMesh>,
}

impl Default for MapPanel {
    fn default() -> Self {
        Self {
            markers: Vec::new(),
            canvas: Rect::NOTHING,
            hovered: Vec::new(),
            base: None,
        }
    }
}

/// The plane area a fresh map shows: Belarus with its neighbours, Berlin to Moscow.
pub fn default_area() -> PlaneRect {
    let corners = [
        (52.52, 13.4),  // Berlin
        (55.76, 37.62), // Moscow
        (56.95, 24.1),  // Riga
        (50.45, 30.52), // Kyiv
        (52.23, 21.01), // Warsaw
    ];
    PlaneRect::around(
        corners
            .iter()
            .map(|&(lat, lon)| plane_from_geo(Geo { lat, lon })),
    )
    .unwrap_or(PlaneRect {
        min: Plane::new(-800.0, -500.0),
        max: Plane::new(800.0, 500.0),
    })
}

/// The screen middle of `rect`, in f64.
fn mid_of(rect: Rect) -> [f64; 2] {
    [f64::from(rect.center().x), f64::from(rect.center().y)]
}

/// Where the projection's centre is on screen: the base mesh's shift.
fn offset_of(view: &MapView, mid: [f64; 2]) -> Vec2 {
    vec2(
        (mid[0] - view.x / view.km_per_point) as f32,
        (mid[1] + view.y / view.km_per_point) as f32,
    )
}

fn pos(s: [f64; 2]) -> Pos2 {
    pos2(s[0] as f32, s[1] as f32)
}

/// The base map, or an empty one if the bundled data did not decode (then the markers still
/// show, on a plain background).
fn base_map() -> &'static BaseMap {
    static EMPTY: BaseMap = BaseMap {
        land: Fill {
            vertices: Vec::new(),
            indices: Vec::new(),
        },
        home: Fill {
            vertices: Vec::new(),
            indices: Vec::new(),
        },
        coasts: Vec::new(),
        borders: Vec::new(),
        home_border: Vec::new(),
    };
    BaseMap::bundled().unwrap_or(&EMPTY)
}

/// The bounds the map's middle may move in, and beyond which places count as far away.
fn limits() -> PlaneRect {
    base_map().bounds().unwrap_or_else(default_area)
}

impl MapPanel {
    /// Whether `id` is one of the markers drawn last frame (it has the keyboard focus, say).
    pub fn is_marker(&self, id: Id) -> bool {
        self.markers.iter().any(|m| m.id == id)
    }

    /// The map with its controls in the remaining space of `ui`; returns what the user asked
    /// for.
    #[must_use]
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &FrameCtx<'_>) -> Vec<Command> {
        let mut commands = Vec::new();
        if !ctx.offscreen {
            commands.extend(controls_ui(ui, ctx));
        }
        let (_, rect) = ui.allocate_space(ui.available_size());
        commands.extend(self.map_ui(ui, ctx, rect));
        commands
    }

    fn map_ui(&mut self, ui: &mut egui::Ui, ctx: &FrameCtx<'_>, rect: Rect) -> Vec<Command> {
        let mut commands = Vec::new();
        let canvas_id = Id::unique("map-canvas");
        let response = ui.interact(rect, canvas_id, Sense::click_and_drag());
        let mid = mid_of(rect);
        let size = [f64::from(rect.width()), f64::from(rect.height())];
        let fallback = MapView::fit(default_area(), size, FIT_MARGIN);
        let view = ctx.state.map_view.unwrap_or(fallback);
        let limits = limits();
        let mut next = view_input(ui, &response, view, mid).clamped(limits, fallback);
        let colours = MapColours::of(ctx.state.theme);
        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 0.0, colours.sea);
        let pixels_per_point = ui.ctx().pixels_per_point();
        let theme = ctx.state.theme;
        let visible = next.visible(size);
        let base = BaseMesh::kept(
            &mut self.base,
            base_map(),
            visible,
            next.km_per_point,
            theme,
            pixels_per_point,
        );
        painter.add(Shape::mesh(
            base.placed(offset_of(&next, mid), next.km_per_point),
        ));

        let (from, to) = if ctx.state.map_whole_period {
            (f64::NEG_INFINITY, f64::INFINITY)
        } else {
            (ctx.view.min, ctx.view.max())
        };
        let counts = ctx.shown.places.in_range(from, to);
        let on_map = |place: u32| -> Option<Plane> {
            let p = ctx.timeline.places.get(place as usize)?;
            let plane = plane_from_geo(Geo {
                lat: p.lat,
                lon: p.lon,
            });
            let inside = (limits.min.x..=limits.max.x).contains(&plane.x)
                && (limits.min.y..=limits.max.y).contains(&plane.y);
            inside.then_some(plane)
        };
        if response.double_clicked() && self.hovered.is_empty() {
            let area = PlaneRect::around(counts.iter().filter_map(|c| on_map(c.place)));
            // A single place is fitted with its surroundings, not to a point.
            next = match area {
                Some(a) if a.max.x - a.min.x + a.max.y - a.min.y > 50.0 => {
                    MapView::fit(a, size, FIT_MARGIN * 2.0)
                }
                _ => fallback,
            };
        }
        if Some(next) != ctx.state.map_view && (next != view || response.double_clicked()) {
            commands.push(MapCommand::SetView(next).into());
        }

        let largest = counts.iter().map(|c| c.total).max().unwrap_or(1);
        let visible = rect.expand(40.0);
        let near = cluster::cluster(
            &counts,
            |place| {
                let s = next.screen_from_plane(on_map(place)?, mid);
                visible.contains(pos(s)).then_some(s)
            },
            largest,
        );
        let edge = rect.shrink(EDGE_INSET);
        let far = cluster::cluster(
            &counts,
            |place| {
                if on_map(place).is_some() {
                    return None;
                }
                let p = ctx.timeline.places.get(place as usize)?;
                let s = next.screen_from_geo(
                    Geo {
                        lat: p.lat,
                        lon: p.lon,
                    },
                    mid,
                );
                Some(on_edge(edge, pos(s)))
            },
            largest,
        );
        let lang = ctx.lang;
        let linked = linked_places(ctx);
        self.markers = near
            .into_iter()
            .map(|m| (m, false))
            .chain(far.into_iter().map(|m| (m, true)))
            .map(|(marker, far)| DrawnMarker {
                id: canvas_id.with(("marker", marker.places[0])),
                name: marker_name(ctx.timeline, &marker, lang),
                linked: marker.places.iter().any(|p| linked.contains(p)),
                marker,
                far,
            })
            .collect();

        let mut labels: Vec<Rect> = Vec::new();
        for drawn in &self.markers {
            let centre = pos(drawn.marker.at);
            let highlighted =
                drawn.linked || drawn.marker.places.iter().any(|p| self.hovered.contains(p));
            paint_marker(&painter, ctx, &drawn.marker, centre, highlighted);
            if drawn.far {
                paint_arrow(&painter, rect, centre, drawn.marker.radius as f32, ctx);
            }
        }
        // Labels after every marker, biggest first, where they overlap nothing drawn.
        for drawn in &self.markers {
            let label = short_name(ctx.timeline, &drawn.marker.places, lang);
            label_ui(
                &painter,
                ctx,
                &colours,
                drawn,
                &label,
                &self.markers,
                &mut labels,
            );
        }
        if ctx.offscreen {
            paint_caption(&painter, rect, ctx, from, to);
        }

        commands.extend(self.markers_ui(ui, ctx, &next, mid));
        ui.ctx().accesskit_node_builder(canvas_id, |node| {
            node.set_role(egui::accesskit::Role::Figure);
            node.set_label(tr(
                lang,
                "a11y-map",
                &[("count", self.markers.len().to_string())],
            ));
        });
        self.canvas = rect;
        commands
    }

    /// A widget per marker: hover, tooltip, click, keyboard focus and its accessible name.
    fn markers_ui(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &FrameCtx<'_>,
        view: &MapView,
        mid: [f64; 2],
    ) -> Vec<Command> {
        let mut commands = Vec::new();
        let mut hovered = Vec::new();
        for drawn in &self.markers {
            let centre = pos(drawn.marker.at);
            let r = drawn.marker.radius as f32;
            let response = ui
                .interact(
                    Rect::from_center_size(centre, vec2(2.0 * r, 2.0 * r)),
                    drawn.id,
                    Sense::click(),
                )
                .on_hover_cursor(egui::CursorIcon::PointingHand);
            let name = drawn.name.clone();
            response
                .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name.clone()));
            if response.has_focus() {
                ui.painter().circle_stroke(
                    centre,
                    r + 4.0,
                    Stroke::new(2.0, ui.visuals().selection.stroke.color),
                );
            }
            if response.hovered() || response.has_focus() {
                hovered.clone_from(&drawn.marker.places);
            }
            let merged = drawn.marker.places.len() > 1;
            let response = response.on_hover_ui(|ui| tooltip_ui(ui, ctx, drawn, merged));
            if response.clicked() {
                commands.push(if merged && !drawn.far {
                    MapCommand::SetView(view.zoom_at(drawn.marker.at, mid, SPLIT_ZOOM)).into()
                } else {
                    // Far markers merge only at the edge: zooming would not split them.
                    let ids =
                        drawn.marker.places.iter().filter_map(|&p| {
                            ctx.timeline.places.get(p as usize).map(|p| p.id.clone())
                        });
                    match ids.collect::<Vec<_>>().as_slice() {
                        [one] => FilterCommand::Place(one.clone()).into(),
                        many => {
                            let mut filter = ctx.state.filter.clone();
                            filter.places.extend(many.iter().cloned());
                            FilterCommand::Set(filter).into()
                        }
                    }
                });
            }
        }
        if hovered != self.hovered {
            self.hovered.clone_from(&hovered);
            commands.push(MapCommand::Hover(hovered).into());
        }
        commands
    }
}

/// A small map at the right of the presentation's card with the step's `places` marked and
/// named: Belarus and its neighbours, widened to hold them (places beyond the map wait at its
/// edge). Returns the room left for the card; without places, all of it.
pub fn card_map_ui(ui: &mut egui::Ui, ctx: &FrameCtx<'_>, places: &[u32]) -> Rect {
    let room = ui.available_rect_before_wrap();
    if places.is_empty() || room.width() < 400.0 {
        return room;
    }
    let width = (room.width() * 0.3).min(room.height() * 1.3);
    let rect = Rect::from_min_size(
        pos2(room.right() - width, room.top() + 8.0),
        vec2(width, (width * 0.8).min(room.height() - 16.0)),
    );
    let limits = limits();
    let geo = |place: u32| {
        ctx.timeline.places.get(place as usize).map(|p| Geo {
            lat: p.lat,
            lon: p.lon,
        })
    };
    let inside = |p: Plane| {
        (limits.min.x..=limits.max.x).contains(&p.x) && (limits.min.y..=limits.max.y).contains(&p.y)
    };
    let area = default_area();
    let area = PlaneRect::around(
        [area.min, area.max].into_iter().chain(
            places
                .iter()
                .filter_map(|&p| geo(p).map(plane_from_geo))
                .filter(|&p| inside(p)),
        ),
    )
    .unwrap_or(area);
    let size = [f64::from(rect.width()), f64::from(rect.height())];
    let view = MapView::fit(area, size, 28.0);
    let mid = mid_of(rect);
    let colours = MapColours::of(ctx.state.theme);
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 6.0, colours.sea);
    // Kept between frames (the pointer moving over a slide repaints it) and made anew when
    // the step's places change the area.
    let (visible, theme, pixels_per_point) = (
        view.visible(size),
        ctx.state.theme,
        ui.ctx().pixels_per_point(),
    );
    let kept = ui.ctx().data_mut(|d| {
        d.get_temp_mut_or_default::<Arc<Mutex<Option<BaseMesh>>>>(Id::unique("card-base-map"))
            .clone()
    });
    let mut slot = kept.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let base = BaseMesh::kept(
        &mut slot,
        base_map(),
        visible,
        view.km_per_point,
        theme,
        pixels_per_point,
    );
    painter.add(Shape::mesh(
        base.placed(offset_of(&view, mid), view.km_per_point),
    ));
    drop(slot);
    let edge = rect.shrink(EDGE_INSET);
    let centres: Vec<(u32, Pos2, bool)> = places
        .iter()
        .filter_map(|&place| {
            let at = geo(place)?;
            let far = !inside(plane_from_geo(at));
            let screen = pos(view.screen_from_geo(at, mid));
            let centre = if far {
                pos(on_edge(edge, screen))
            } else {
                screen
            };
            Some((place, centre, far))
        })
        .collect();
    // Markers first, then each name beside its marker where it covers no marker and no name
    // already placed (right, left, above, below), so that close towns stay readable.
    let mut taken: Vec<Rect> = Vec::new();
    for &(_, centre, far) in &centres {
        painter.circle_filled(centre, 7.0, ctx.palette.selection);
        painter.circle_stroke(centre, 7.0, Stroke::new(1.5, ctx.palette.marker_ring));
        if far {
            paint_arrow(&painter, rect, centre, 7.0, ctx);
        }
        taken.push(Rect::from_center_size(centre, vec2(14.0, 14.0)));
    }
    for &(place, centre, _) in &centres {
        let name = place_name(ctx.timeline, place, ctx.lang);
        let galley =
            painter.layout_no_wrap(name, FontId::proportional(15.0), ctx.palette.text_strong);
        let size = galley.size();
        let candidates = [
            centre + vec2(11.0, -size.y / 2.0),
            centre + vec2(-11.0 - size.x, -size.y / 2.0),
            centre + vec2(-size.x / 2.0, -11.0 - size.y),
            centre + vec2(-size.x / 2.0, 11.0),
        ];
        let boxed = |at: Pos2| Rect::from_min_size(at - vec2(3.0, 1.0), size + vec2(6.0, 2.0));
        let fits = |at: Pos2| {
            let b = boxed(at);
            rect.contains_rect(b) && taken.iter().all(|t| !t.intersects(b))
        };
        let inside_card = |at: Pos2| rect.contains_rect(boxed(at));
        let Some(at) = candidates
            .iter()
            .copied()
            .find(|&at| fits(at))
            .or_else(|| candidates.iter().copied().find(|&at| inside_card(at)))
        else {
            continue;
        };
        painter.rect_filled(boxed(at), 3.0, colours.land.gamma_multiply(0.85));
        painter.galley(at, galley, ctx.palette.text_strong);
        taken.push(boxed(at));
    }
    room.with_max_x(rect.left() - 12.0)
}

/// The row above the map: play or pause, step, speed, whole period, hide.
fn controls_ui(ui: &mut egui::Ui, ctx: &FrameCtx<'_>) -> Vec<Command> {
    let lang = ctx.lang;
    let mut commands = Vec::new();
    ui.horizontal_wrapped(|ui| {
        let play = if ctx.playing {
            t(lang, "map-pause")
        } else {
            t(lang, "map-play")
        };
        if ui.button(play).clicked() {
            commands.push(MapCommand::Play(!ctx.playing).into());
        }
        if ui
            .button("«")
            .on_hover_text(t(lang, "map-step-back"))
            .clicked()
        {
            commands.push(MapCommand::Step(-1).into());
        }
        if ui
            .button("»")
            .on_hover_text(t(lang, "map-step-forward"))
            .clicked()
        {
            commands.push(MapCommand::Step(1).into());
        }
        let current = ctx.state.play_speed.min(SPEEDS.len() - 1);
        egui::ComboBox::from_id_salt("play-speed")
            .selected_text(t(lang, SPEEDS[current].1))
            .show_ui(ui, |ui| {
                for (i, (_, message)) in SPEEDS.iter().enumerate() {
                    if ui
                        .selectable_label(i == current, t(lang, message))
                        .clicked()
                    {
                        commands.push(MapCommand::Speed(i as i32 - current as i32).into());
                    }
                }
            })
            .response
            .on_hover_text(t(lang, "map-speed"));
        let mut whole = ctx.state.map_whole_period;
        if ui
            .checkbox(&mut whole, t(lang, "map-whole-period"))
            .on_hover_text(t(lang, "map-whole-period-hint"))
            .changed()
        {
            commands.push(MapCommand::WholePeriod(whole).into());
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("×").on_hover_text(t(lang, "map-close")).clicked() {
                commands.push(MapCommand::Show(false).into());
            }
        });
    });
    commands
}

/// The view after this frame's wheel, pinch and drag on the map.
fn view_input(ui: &egui::Ui, response: &egui::Response, view: MapView, mid: [f64; 2]) -> MapView {
    let mut view = view;
    if response.contains_pointer()
        && let Some(pointer) = response.hover_pos()
    {
        let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
        let factor = f64::from(zoom) * (f64::from(scroll.y) * 0.003).exp();
        if (factor - 1.0).abs() > 1e-6 {
            view = view.zoom_at([f64::from(pointer.x), f64::from(pointer.y)], mid, factor);
        }
        if scroll.x != 0.0 {
            view = view.pan(f64::from(scroll.x), 0.0);
        }
    }
    if response.dragged() {
        let delta = response.drag_delta();
        view = view.pan(f64::from(delta.x), f64::from(delta.y));
        ui.ctx().set_cursor_icon(egui::CursorIcon::Grabbing);
    }
    view
}

/// The places of the event under the pointer in the timeline, and of the selected event.
fn linked_places(ctx: &FrameCtx<'_>) -> Vec<u32> {
    [ctx.hovered, ctx.selected]
        .into_iter()
        .flatten()
        .filter_map(|i| ctx.timeline.events.get(i))
        .flat_map(|e| e.places().iter().copied())
        .collect()
}

/// A marker: one colour when a category dominates, else a ring of segments, one per category
/// in proportion; the count inside when it fits; a ring when it is linked to the timeline.
fn paint_marker(
    painter: &egui::Painter,
    ctx: &FrameCtx<'_>,
    marker: &Marker,
    centre: Pos2,
    highlighted: bool,
) {
    let palette = &ctx.palette;
    let r = marker.radius as f32;
    let colour_of = |category: usize| {
        ctx.timeline
            .categories
            .get(category)
            .map_or(palette.text_weak, |c| palette.marker(c.rgb))
    };
    // A small marker has no room for a ring: its most frequent category colours it.
    let share = if r < RING_RADIUS { 0.0 } else { DOMINANT_SHARE };
    let fill = match cluster::dominant(&marker.by_category, share) {
        Some(category) => {
            let fill = colour_of(category);
            painter.circle_filled(centre, r, fill.gamma_multiply(0.85));
            fill
        }
        None => {
            let fill = palette.panel;
            painter.circle_filled(centre, r, fill.gamma_multiply(0.9));
            let width = (r * 0.38).max(2.5);
            let total = marker.total.max(1) as f32;
            let mut angle = -std::f32::consts::FRAC_PI_2;
            for (category, &n) in marker.by_category.iter().enumerate() {
                if n == 0 {
                    continue;
                }
                let sweep = std::f32::consts::TAU * n as f32 / total;
                let steps = ((sweep * r / 3.0).ceil() as usize).max(2);
                let points = (0..=steps)
                    .map(|k| {
                        let a = angle + sweep * k as f32 / steps as f32;
                        centre + (r - width / 2.0) * vec2(a.cos(), a.sin())
                    })
                    .collect();
                painter.add(Shape::line(points, Stroke::new(width, colour_of(category))));
                angle += sweep;
            }
            fill
        }
    };
    painter.circle_stroke(centre, r, Stroke::new(1.0, palette.marker_ring));
    if r >= 10.0 {
        let text = crate::i18n::number(ctx.lang, marker.total);
        let font = FontId::proportional((r * 0.7).clamp(10.0, 14.0));
        painter.text(
            centre,
            Align2::CENTER_CENTER,
            text,
            font,
            palette.label_on(fill),
        );
    }
    if highlighted {
        painter.circle_stroke(centre, r + 3.0, Stroke::new(2.5, palette.selection));
    }
}

/// A small arrow beside an edge marker, pointing out of the map towards its places.
fn paint_arrow(painter: &egui::Painter, rect: Rect, centre: Pos2, r: f32, ctx: &FrameCtx<'_>) {
    let out = (centre - rect.center()).normalized();
    let tip = centre + out * (r + 9.0);
    let base = centre + out * (r + 3.0);
    let side = vec2(-out.y, out.x) * 4.0;
    painter.add(Shape::convex_polygon(
        vec![tip, base + side, base - side],
        ctx.palette.text_strong,
        Stroke::NONE,
    ));
}

/// Where the ray from the middle of `edge` towards `target` leaves it.
fn on_edge(edge: Rect, target: Pos2) -> [f64; 2] {
    let centre = edge.center();
    let d = target - centre;
    if d.length() < 1e-3 {
        return [f64::from(centre.x), f64::from(centre.y)];
    }
    let tx = if d.x.abs() > 1e-6 {
        edge.width() / 2.0 / d.x.abs()
    } else {
        f32::INFINITY
    };
    let ty = if d.y.abs() > 1e-6 {
        edge.height() / 2.0 / d.y.abs()
    } else {
        f32::INFINITY
    };
    let p = centre + d * tx.min(ty).min(1.0);
    [f64::from(p.x), f64::from(p.y)]
}

/// A place's name in the interface language.
fn place_name(timeline: &Timeline, place: u32, lang: Lang) -> String {
    timeline
        .places
        .get(place as usize)
        .map(|p| p.name.get(lang).to_owned())
        .unwrap_or_default()
}

/// "Minsk", or "Minsk +2" for merged markers.
fn short_name(timeline: &Timeline, places: &[u32], lang: Lang) -> String {
    let first = places
        .first()
        .map_or(String::new(), |&p| place_name(timeline, p, lang));
    match places.len() {
        0 | 1 => first,
        n => format!("{first} +{}", n - 1),
    }
}

/// "Minsk, 113 events"; merged: "Minsk, Barysau and 2 more, 130 events".
pub fn marker_name(timeline: &Timeline, marker: &Marker, lang: Lang) -> String {
    let names: Vec<String> = marker
        .places
        .iter()
        .take(2)
        .map(|&p| place_name(timeline, p, lang))
        .collect();
    let names = if marker.places.len() > 2 {
        tr(
            lang,
            "map-more",
            &[
                ("names", names.join(", ")),
                ("count", (marker.places.len() - 2).to_string()),
            ],
        )
    } else {
        names.join(", ")
    };
    tr(
        lang,
        "map-marker",
        &[("name", names), ("count", marker.total.to_string())],
    )
}

/// The label of a marker where it overlaps no other label and no other marker.
fn label_ui(
    painter: &egui::Painter,
    ctx: &FrameCtx<'_>,
    colours: &MapColours,
    drawn: &DrawnMarker,
    label: &str,
    markers: &[DrawnMarker],
    placed: &mut Vec<Rect>,
) {
    let centre = pos(drawn.marker.at);
    let r = drawn.marker.radius as f32;
    let galley = painter.layout_no_wrap(
        label.to_owned(),
        FontId::proportional(12.0),
        ctx.palette.text_strong,
    );
    let size = galley.size() + vec2(6.0, 2.0);
    // Right of the marker, else left of it.
    let candidates = [
        Rect::from_min_size(centre + vec2(r + 3.0, -size.y / 2.0), size),
        Rect::from_min_size(centre + vec2(-r - 3.0 - size.x, -size.y / 2.0), size),
    ];
    let clip = painter.clip_rect();
    let free = |rect: &Rect| {
        clip.contains_rect(*rect)
            && !placed.iter().any(|p| p.intersects(*rect))
            && !markers.iter().any(|m| {
                m.id != drawn.id && {
                    let c = pos(m.marker.at);
                    let rr = m.marker.radius as f32;
                    rect.expand(rr).contains(c)
                }
            })
    };
    let Some(rect) = candidates.into_iter().find(free) else {
        return;
    };
    painter.rect_filled(rect, 3.0, colours.land.gamma_multiply(0.8));
    painter.galley(rect.min + vec2(3.0, 1.0), galley, ctx.palette.text_strong);
    placed.push(rect);
}

/// The tooltip of a marker: its name, its events by category, and what a click does.
fn tooltip_ui(ui: &mut egui::Ui, ctx: &FrameCtx<'_>, drawn: &DrawnMarker, merged: bool) {
    let lang = ctx.lang;
    ui.strong(&drawn.name);
    let mut rows: Vec<(usize, usize)> = drawn
        .marker
        .by_category
        .iter()
        .copied()
        .enumerate()
        .filter(|&(_, n)| n > 0)
        .collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for (category, n) in rows {
        let Some(c) = ctx.timeline.categories.get(category) else {
            continue;
        };
        ui.horizontal(|ui| {
            let (dot, _) = ui.allocate_exact_size(vec2(10.0, 10.0), Sense::hover());
            ui.painter()
                .circle_filled(dot.center(), 4.5, ctx.palette.marker(c.rgb));
            ui.label(format!(
                "{}: {}",
                c.name.get(lang),
                crate::i18n::number(lang, n)
            ));
        });
    }
    let hint = if merged && !drawn.far {
        "map-click-zoom"
    } else {
        "map-click-filter"
    };
    ui.weak(t(lang, hint));
}

/// The range counted, written in the corner of a rendered map.
fn paint_caption(painter: &egui::Painter, rect: Rect, ctx: &FrameCtx<'_>, from: f64, to: f64) {
    let text = if from.is_finite() && to.is_finite() {
        let lang = ctx.lang;
        format!(
            "{} – {}",
            dates::day_month_year(lang, date_from_seconds(from)),
            dates::day_month_year(lang, date_from_seconds(to - 1.0))
        )
    } else {
        t(ctx.lang, "map-whole-period")
    };
    let galley = painter.layout_no_wrap(text, FontId::proportional(16.0), ctx.palette.text_strong);
    let at = rect.left_bottom() + vec2(12.0, -12.0 - galley.size().y);
    painter.rect_filled(
        Rect::from_min_size(at - vec2(6.0, 4.0), galley.size() + vec2(12.0, 8.0)),
        4.0,
        ctx.palette.panel.gamma_multiply(0.85),
    );
    painter.galley(at, galley, ctx.palette.text_strong);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn far_places_sit_on_the_edge_towards_them() {
        let edge = Rect::from_min_max(pos2(0.0, 0.0), pos2(200.0, 100.0));
        // Far to the west, a little north: on the left edge.
        let [x, y] = on_edge(edge, pos2(-5000.0, 0.0));
        assert!((x - 0.0).abs() < 1e-3 && (y - 49.0).abs() < 1.0, "{x},{y}");
        // Straight down: on the bottom edge.
        let [x, y] = on_edge(edge, pos2(100.0, 900.0));
        assert!((x - 100.0).abs() < 1e-3 && (y - 100.0).abs() < 1e-3);
        // Inside already: stays.
        assert_eq!(on_edge(edge, pos2(120.0, 60.0)), [120.0, 60.0]);
    }

    #[test]
    fn the_default_area_holds_the_neighbours() {
        let area = default_area();
        for (lat, lon) in [
            (53.9, 27.56),
            (54.69, 25.28),
            (52.23, 21.01),
            (55.76, 37.62),
        ] {
            let p = plane_from_geo(Geo { lat, lon });
            assert!(
                p.x >= area.min.x && p.x <= area.max.x && p.y >= area.min.y && p.y <= area.max.y
            );
        }
    }
}
