//! The base map as one mesh for a view: fills and lines, in points from the projection's
//! centre at one scale, for an area a little larger than the view.

use std::sync::Arc;

use egui::{Color32, Shape, Stroke, Vec2, pos2};

use crate::map::basemap::simplify;
use crate::map::view::PlaneRect;
use crate::map::{BaseMap, Plane};

use super::theme::Theme;

/// How much more than the view a mesh covers on each side, as a share of the view's size:
/// a drag moves the map over what is already there and only a longer one tessellates anew.
const MARGIN: f64 = 0.15;

/// Meshes are made at scales this many steps apart per doubling (9% apart) and drawn a
/// little larger or smaller up to a step away, so that zooming tessellates anew every other
/// step of the wheel, not at every frame (and zooming in and out by a little, never);
/// strokes differ from their width by 9% at most.
const SCALES_PER_DOUBLING: f64 = 8.0;

/// The scale a mesh for a view at `km_per_point` is made at.
fn rung(km_per_point: f64) -> f64 {
    ((km_per_point.log2() * SCALES_PER_DOUBLING).round() / SCALES_PER_DOUBLING).exp2()
}

/// Lines are simplified to this share of a point: finer detail is lost in the stroke.
const DETAIL_POINTS: f64 = 1.0 / 3.0;

/// The base map tessellated at one scale for one area. Moving the map within the area, or
/// zooming by less than a step of scale, only shifts and scales it; a larger zoom, another
/// theme or leaving the area tessellates anew. What is outside
/// the area (Norway's fjords when Belarus is shown) is neither kept nor copied each frame.
#[derive(Clone, Debug)]
pub struct BaseMesh {
    /// The scale it is made at (a [`rung`]).
    km_per_point: f64,
    theme: Theme,
    pixels_per_point: f32,
    area: PlaneRect,
    mesh: egui::Mesh,
    /// The mesh placed on screen last (its shift and scale): reused while the map holds still.
    placed: Option<(Vec2, f32, Arc<egui::Mesh>)>,
}

impl BaseMesh {
    /// The base map for a view showing `visible` at `km_per_point`.
    pub fn new(
        map: &BaseMap,
        visible: PlaneRect,
        km_per_point: f64,
        theme: Theme,
        pixels_per_point: f32,
    ) -> Self {
        let km_per_point = rung(km_per_point);
        let area = visible.grown(MARGIN);
        let colours = MapColours::of(theme);
        let at = |p: &Plane| pos2((p.x / km_per_point) as f32, (-p.y / km_per_point) as f32);
        let mut mesh = egui::Mesh::default();
        for (fill, colour) in [(&map.land, colours.land), (&map.home, colours.home)] {
            let fill = fill.clipped(&area);
            let first = mesh.vertices.len() as u32;
            for p in &fill.vertices {
                mesh.colored_vertex(at(p), colour);
            }
            mesh.indices.extend(fill.indices.iter().map(|i| first + i));
        }
        let mut tessellator = egui::epaint::Tessellator::new(
            pixels_per_point,
            egui::epaint::TessellationOptions::default(),
            [1, 1],
            Vec::new(),
        );
        let layers = [
            (&map.coasts, Stroke::new(0.8, colours.coast)),
            (&map.borders, Stroke::new(0.8, colours.border)),
            (&map.home_border, Stroke::new(1.6, colours.home_border)),
        ];
        for (lines, stroke) in layers {
            for line in lines.iter().filter(|l| l.bounds.intersects(&area)) {
                let points = simplify(&line.points, km_per_point * DETAIL_POINTS)
                    .iter()
                    .map(at)
                    .collect();
                tessellator.tessellate_shape(Shape::line(points, stroke), &mut mesh);
            }
        }
        Self {
            km_per_point,
            theme,
            pixels_per_point,
            area,
            mesh,
            placed: None,
        }
    }

    /// The mesh kept in `slot` when it serves the view (see [`BaseMesh::serves`]), else a new
    /// one of `map`, kept there in its place.
    pub fn kept<'a>(
        slot: &'a mut Option<Self>,
        map: &BaseMap,
        visible: PlaneRect,
        km_per_point: f64,
        theme: Theme,
        pixels_per_point: f32,
    ) -> &'a mut Self {
        if !slot
            .as_ref()
            .is_some_and(|base| base.serves(&visible, km_per_point, theme, pixels_per_point))
        {
            *slot = None;
        }
        slot.get_or_insert_with(|| Self::new(map, visible, km_per_point, theme, pixels_per_point))
    }

    /// Whether it can draw a view showing `visible` at this scale, theme and pixel density.
    pub fn serves(
        &self,
        visible: &PlaneRect,
        km_per_point: f64,
        theme: Theme,
        pixels_per_point: f32,
    ) -> bool {
        (km_per_point / self.km_per_point).log2().abs() <= 1.0 / SCALES_PER_DOUBLING
            && self.theme == theme
            && self.pixels_per_point == pixels_per_point
            && self.area.contains_rect(visible)
    }

    /// The mesh on screen for a view at `km_per_point` whose projection centre is at
    /// `offset`: shared with the last frame's when the map has not moved.
    pub fn placed(&mut self, offset: Vec2, km_per_point: f64) -> Arc<egui::Mesh> {
        let scale = (self.km_per_point / km_per_point) as f32;
        match &self.placed {
            Some((at, s, mesh)) if *at == offset && *s == scale => Arc::clone(mesh),
            _ => {
                let mut mesh = self.mesh.clone();
                for vertex in &mut mesh.vertices {
                    vertex.pos = (vertex.pos.to_vec2() * scale + offset).to_pos2();
                }
                let mesh = Arc::new(mesh);
                self.placed = Some((offset, scale, Arc::clone(&mesh)));
                mesh
            }
        }
    }
}

/// The colours of the map in a theme.
pub struct MapColours {
    /// Water.
    pub sea: Color32,
    /// Other countries.
    pub land: Color32,
    /// Belarus.
    pub home: Color32,
    /// Coastlines.
    pub coast: Color32,
    /// Borders between other countries.
    pub border: Color32,
    /// Belarus's border.
    pub home_border: Color32,
}

impl MapColours {
    /// The colours of `theme`.
    pub fn of(theme: Theme) -> Self {
        let rgb = Color32::from_rgb;
        match theme {
            Theme::Light => Self {
                sea: rgb(0xd3, 0xe2, 0xee),
                land: rgb(0xf4, 0xf2, 0xec),
                home: rgb(0xff, 0xf1, 0xcc),
                coast: rgb(0x86, 0xa3, 0xba),
                border: rgb(0xa6, 0xa2, 0x9a),
                home_border: rgb(0x8a, 0x66, 0x2a),
            },
            Theme::Dark => Self {
                sea: rgb(0x15, 0x1c, 0x25),
                land: rgb(0x2a, 0x2d, 0x33),
                home: rgb(0x3b, 0x37, 0x2b),
                coast: rgb(0x3d, 0x56, 0x6c),
                border: rgb(0x5c, 0x60, 0x69),
                home_border: rgb(0xc9, 0xa8, 0x68),
            },
            Theme::HighContrast => Self {
                sea: Color32::BLACK,
                land: rgb(0x1e, 0x1e, 0x1e),
                home: rgb(0x2e, 0x2a, 0x00),
                coast: rgb(0xd0, 0xd0, 0xd0),
                border: rgb(0xa0, 0xa0, 0xa0),
                home_border: rgb(0xff, 0xd4, 0x00),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::MapView;

    fn mesh_for(view: &MapView, size: [f64; 2]) -> BaseMesh {
        let map = BaseMap::bundled().expect("the bundled base map decodes");
        BaseMesh::new(
            map,
            view.visible(size),
            view.km_per_point,
            Theme::Light,
            1.0,
        )
    }

    #[test]
    fn small_zooms_and_drags_reuse_the_mesh_and_larger_ones_make_a_new_one() {
        let size = [600.0, 500.0];
        let view = MapView {
            x: 0.0,
            y: 0.0,
            km_per_point: 3.0,
        };
        let mesh = mesh_for(&view, size);
        let serves = |v: &MapView| mesh.serves(&v.visible(size), v.km_per_point, Theme::Light, 1.0);
        let mid = [300.0, 250.0];
        assert!(serves(&view));
        // Zooming 5% in and out about the middle, and dragging a little, keep it.
        assert!(serves(&view.zoom_at(mid, mid, 1.05)));
        assert!(serves(&view.zoom_at(mid, mid, 1.0 / 1.05)));
        assert!(serves(&view.pan(40.0, -30.0)));
        // Zooming in by a fifth, dragging past its margin, another theme or density do not.
        assert!(!serves(&view.zoom_at(mid, mid, 1.2)));
        assert!(!serves(&view.pan(200.0, 0.0)));
        assert!(!mesh.serves(&view.visible(size), 3.0, Theme::Dark, 1.0));
        assert!(!mesh.serves(&view.visible(size), 3.0, Theme::Light, 2.0));
    }

    #[test]
    fn a_mesh_holds_what_its_area_needs_and_not_the_rest_of_europe() {
        let size = [600.0, 500.0];
        let near = mesh_for(
            &MapView {
                x: 0.0,
                y: 0.0,
                km_per_point: 0.5,
            },
            size,
        );
        let europe = mesh_for(
            &MapView {
                x: 0.0,
                y: 0.0,
                km_per_point: 8.0,
            },
            size,
        );
        // Around Minsk at 500 m a point: Belarus's fill and border, a small share of Europe's.
        assert!(!near.mesh.vertices.is_empty());
        assert!(near.mesh.vertices.len() * 4 < europe.mesh.vertices.len());
        // Placed at the view's own scale it is only shifted; at another, scaled about the
        // projection's centre.
        let mut near = near;
        let shifted = near.placed(Vec2::new(300.0, 250.0), near.km_per_point);
        let scaled = near.placed(Vec2::new(300.0, 250.0), near.km_per_point / 1.05);
        let (a, b) = (shifted.vertices[0].pos, scaled.vertices[0].pos);
        assert!(((b.x - 300.0) - (a.x - 300.0) * 1.05).abs() < 1e-3);
        assert!(((b.y - 250.0) - (a.y - 250.0) * 1.05).abs() < 1e-3);
    }
}
