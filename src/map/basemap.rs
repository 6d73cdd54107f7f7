//! The base map bundled with the program (`assets/basemap.bin`, made from Natural Earth by
//! `tools/basemap/make-basemap.mjs`, which describes the format): country fills as triangles,
//! coastlines and borders as lines, all projected once when first used.

use std::sync::OnceLock;

use super::projection::{Geo, Plane, plane_from_geo};
use super::view::PlaneRect;

/// The bundled base map's bytes: no network at run time, ever.
const BUNDLED: &[u8] = include_bytes!("../../assets/basemap.bin");
const MAGIC: &[u8; 8] = b"BTMAP\0\x01\0";

/// Why base map data could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BaseMapError {
    /// The data does not start with the format's signature.
    #[error("not a base map (the file does not start with \"BTMAP\" and version 1)")]
    Signature,
    /// The data stops in the middle of a value.
    #[error("the base map is cut short at byte {0}")]
    Truncated(usize),
    /// A number does not fit where it is read.
    #[error("a number at byte {0} is too large")]
    Overflow(usize),
    /// A layer of a kind this program does not know.
    #[error("unknown layer kind {kind} at byte {at}")]
    Kind {
        /// The kind read.
        kind: u8,
        /// Where.
        at: usize,
    },
    /// A triangle names a vertex the layer does not have.
    #[error("a triangle at byte {0} names a vertex that does not exist")]
    Vertex(usize),
}

/// Triangles on the plane.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Fill {
    /// Vertices, projected.
    pub vertices: Vec<Plane>,
    /// Three vertex indices per triangle.
    pub indices: Vec<u32>,
}

/// A line on the plane, with its bounds to skip it when off screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// Its points, projected.
    pub points: Vec<Plane>,
    /// The rectangle around them.
    pub bounds: PlaneRect,
}

/// Lines are cut into pieces of at most this many points (each piece starting where the last
/// ended), so that a view draws the pieces it shows, not every long coastline whole.
pub const PIECE_POINTS: usize = 64;

impl Fill {
    /// The triangles whose bounds meet `area`, with the vertices they use alone: what a view
    /// of `area` has to draw.
    pub fn clipped(&self, area: &PlaneRect) -> Fill {
        let mut index_of = vec![u32::MAX; self.vertices.len()];
        let mut clipped = Fill::default();
        for triangle in self.indices.chunks_exact(3) {
            let corners = triangle
                .iter()
                .filter_map(|&i| self.vertices.get(i as usize));
            let meets = PlaneRect::around(corners.copied()).is_some_and(|b| b.intersects(area));
            if !meets {
                continue;
            }
            for &i in triangle {
                let slot = &mut index_of[i as usize];
                if *slot == u32::MAX {
                    *slot = clipped.vertices.len() as u32;
                    clipped.vertices.push(self.vertices[i as usize]);
                }
                clipped.indices.push(*slot);
            }
        }
        clipped
    }
}

/// `points` as pieces of at most [`PIECE_POINTS`] points, each starting at the last one's end.
fn pieces(points: Vec<Plane>) -> Vec<Line> {
    let lines: Vec<&[Plane]> = if points.len() <= PIECE_POINTS {
        vec![&points]
    } else {
        (0..points.len() - 1)
            .step_by(PIECE_POINTS - 1)
            .map(|start| &points[start..(start + PIECE_POINTS).min(points.len())])
            .collect()
    };
    lines
        .into_iter()
        .filter_map(|piece| {
            PlaneRect::around(piece.iter().copied()).map(|bounds| Line {
                points: piece.to_vec(),
                bounds,
            })
        })
        .collect()
}

/// The decoded base map.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BaseMap {
    /// Every country but Belarus.
    pub land: Fill,
    /// Belarus.
    pub home: Fill,
    /// Coastlines.
    pub coasts: Vec<Line>,
    /// Land borders between countries.
    pub borders: Vec<Line>,
    /// Belarus's border.
    pub home_border: Vec<Line>,
}

impl BaseMap {
    /// The bundled base map, decoded on first use.
    pub fn bundled() -> Result<&'static BaseMap, &'static BaseMapError> {
        static MAP: OnceLock<Result<BaseMap, BaseMapError>> = OnceLock::new();
        MAP.get_or_init(|| BaseMap::decode(BUNDLED)).as_ref()
    }

    /// Reads base map data (see the format in `tools/basemap/make-basemap.mjs`).
    pub fn decode(bytes: &[u8]) -> Result<Self, BaseMapError> {
        if bytes.get(..MAGIC.len()) != Some(MAGIC.as_slice()) {
            return Err(BaseMapError::Signature);
        }
        let mut reader = Reader {
            bytes,
            at: MAGIC.len(),
            previous: (0, 0),
        };
        let quantum = reader.varint()?.max(1) as f64;
        let layers = reader.varint()?;
        let mut map = BaseMap::default();
        for _ in 0..layers {
            let at = reader.at;
            let kind = reader.byte()?;
            reader.previous = (0, 0);
            match kind {
                1 => map.land = reader.fill(quantum)?,
                2 => map.home = reader.fill(quantum)?,
                3 => map.coasts = reader.lines(quantum)?,
                4 => map.borders = reader.lines(quantum)?,
                5 => map.home_border = reader.lines(quantum)?,
                kind => return Err(BaseMapError::Kind { kind, at }),
            }
        }
        Ok(map)
    }

    /// The rectangle around everything on the map.
    pub fn bounds(&self) -> Option<PlaneRect> {
        PlaneRect::around(
            self.land
                .vertices
                .iter()
                .chain(&self.home.vertices)
                .copied(),
        )
    }
}

/// The points of `points` that a line needs to stay within `tolerance` of it (Douglas–Peucker):
/// at low zoom most of a coastline's points fall within a fraction of a pixel of their
/// neighbours' line. The ends are always kept.
pub fn simplify(points: &[Plane], tolerance: f64) -> Vec<Plane> {
    if points.len() <= 2 {
        return points.to_vec();
    }
    let mut keep = vec![false; points.len()];
    keep[0] = true;
    keep[points.len() - 1] = true;
    let mut stack = vec![(0, points.len() - 1)];
    while let Some((a, b)) = stack.pop() {
        let (pa, pb) = (points[a], points[b]);
        let (dx, dy) = (pb.x - pa.x, pb.y - pa.y);
        let length = dx.hypot(dy);
        let mut worst = (0.0, 0);
        for (i, p) in points.iter().enumerate().take(b).skip(a + 1) {
            let d = if length == 0.0 {
                (p.x - pa.x).hypot(p.y - pa.y)
            } else {
                (dy * p.x - dx * p.y + pb.x * pa.y - pb.y * pa.x).abs() / length
            };
            if d > worst.0 {
                worst = (d, i);
            }
        }
        if worst.0 > tolerance {
            keep[worst.1] = true;
            stack.push((a, worst.1));
            stack.push((worst.1, b));
        }
    }
    points
        .iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(*p))
        .collect()
}

/// A cursor over the bytes.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    /// The last point read, quantized: points are deltas from it.
    previous: (i64, i64),
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, BaseMapError> {
        let byte = *self
            .bytes
            .get(self.at)
            .ok_or(BaseMapError::Truncated(self.at))?;
        self.at += 1;
        Ok(byte)
    }

    /// An unsigned LEB128 number.
    fn varint(&mut self) -> Result<u64, BaseMapError> {
        let start = self.at;
        let mut value: u64 = 0;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(BaseMapError::Overflow(start))
    }

    /// A count of things each taking at least one byte: never more than the bytes left, so
    /// that a corrupted count cannot ask for a huge allocation.
    fn count(&mut self) -> Result<usize, BaseMapError> {
        let at = self.at;
        let count = self.varint()?;
        let left = (self.bytes.len() - self.at) as u64;
        if count > left {
            return Err(BaseMapError::Truncated(at));
        }
        Ok(count as usize)
    }

    fn point(&mut self, quantum: f64) -> Result<Plane, BaseMapError> {
        let at = self.at;
        let zigzag = |v: u64| (v >> 1) as i64 ^ -((v & 1) as i64);
        let dx = zigzag(self.varint()?);
        let dy = zigzag(self.varint()?);
        let x = self
            .previous
            .0
            .checked_add(dx)
            .ok_or(BaseMapError::Overflow(at))?;
        let y = self
            .previous
            .1
            .checked_add(dy)
            .ok_or(BaseMapError::Overflow(at))?;
        self.previous = (x, y);
        let geo = Geo {
            lat: (y as f64 / quantum).clamp(-90.0, 90.0),
            lon: (x as f64 / quantum).clamp(-180.0, 180.0),
        };
        Ok(plane_from_geo(geo))
    }

    fn fill(&mut self, quantum: f64) -> Result<Fill, BaseMapError> {
        let count = self.count()?;
        let vertices = (0..count)
            .map(|_| self.point(quantum))
            .collect::<Result<Vec<_>, _>>()?;
        let triangles = self.count()?;
        let mut indices = Vec::with_capacity(triangles * 3);
        for _ in 0..triangles * 3 {
            let at = self.at;
            let index = self.varint()?;
            if index >= vertices.len() as u64 {
                return Err(BaseMapError::Vertex(at));
            }
            indices.push(index as u32);
        }
        Ok(Fill { vertices, indices })
    }

    fn lines(&mut self, quantum: f64) -> Result<Vec<Line>, BaseMapError> {
        let count = self.count()?;
        let mut lines = Vec::with_capacity(count);
        for _ in 0..count {
            let length = self.count()?;
            let points = (0..length)
                .map(|_| self.point(quantum))
                .collect::<Result<Vec<_>, _>>()?;
            lines.extend(pieces(points));
        }
        Ok(lines)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_bundled_map_has_europe_and_belarus() {
        let map = BaseMap::bundled().expect("the bundled base map decodes");
        assert!(map.land.vertices.len() > 1000);
        assert!(map.land.indices.len().is_multiple_of(3) && !map.land.indices.is_empty());
        assert!(!map.home.indices.is_empty() && !map.coasts.is_empty());
        assert!(!map.borders.is_empty() && !map.home_border.is_empty());
        // Belarus's fill lies around the projection's centre: within ±400 km east–west.
        let home = PlaneRect::around(map.home.vertices.iter().copied()).expect("Belarus");
        assert!(home.min.x > -400.0 && home.max.x < 400.0, "{home:?}");
        assert!(home.min.x < -250.0 && home.max.x > 250.0, "{home:?}");
        // The map reaches London in the west and Moscow in the east.
        let all = map.bounds().expect("bounds");
        let london = plane_from_geo(Geo {
            lat: 51.5,
            lon: -0.13,
        });
        let moscow = plane_from_geo(Geo {
            lat: 55.76,
            lon: 37.62,
        });
        assert!(all.min.x < london.x && all.max.x > moscow.x, "{all:?}");
    }

    #[test]
    fn a_clipped_fill_keeps_the_triangles_that_meet_the_area_and_only_those() {
        let map = BaseMap::bundled().expect("the bundled base map decodes");
        let belarus = PlaneRect::around(map.home.vertices.iter().copied()).expect("Belarus");
        let clipped = map.land.clipped(&belarus);
        assert!(clipped.indices.len() < map.land.indices.len() / 2);
        let triangles = |fill: &Fill| -> Vec<[(u64, u64); 3]> {
            let key = |p: Plane| (p.x.to_bits(), p.y.to_bits());
            fill.indices
                .chunks_exact(3)
                .map(|t| [0, 1, 2].map(|k| key(fill.vertices[t[k] as usize])))
                .collect()
        };
        let kept = triangles(&clipped);
        let meets = |t: &[(u64, u64); 3]| {
            PlaneRect::around(
                t.iter()
                    .map(|&(x, y)| Plane::new(f64::from_bits(x), f64::from_bits(y))),
            )
            .is_some_and(|b| b.intersects(&belarus))
        };
        assert!(kept.iter().all(meets));
        let all = triangles(&map.land);
        assert_eq!(kept.len(), all.iter().filter(|t| meets(t)).count());
        // Poland and Lithuania, Belarus's neighbours, are among the kept.
        assert!(clipped.vertices.len() > 100);
        // Every vertex is used.
        let mut used = vec![false; clipped.vertices.len()];
        clipped
            .indices
            .iter()
            .for_each(|&i| used[i as usize] = true);
        assert!(used.iter().all(|&u| u));
    }

    #[test]
    fn broken_data_is_an_error() {
        assert_eq!(BaseMap::decode(b"PNG"), Err(BaseMapError::Signature));
        let cut = &BUNDLED[..BUNDLED.len() / 2];
        assert!(matches!(
            BaseMap::decode(cut),
            Err(BaseMapError::Truncated(_))
        ));
        let mut bad_kind = MAGIC.to_vec();
        bad_kind.extend([10, 1, 9]);
        assert_eq!(
            BaseMap::decode(&bad_kind),
            Err(BaseMapError::Kind { kind: 9, at: 10 })
        );
        // One vertex, one triangle naming vertex 5.
        let mut bad_vertex = MAGIC.to_vec();
        bad_vertex.extend([10, 1, 1, 1, 0, 0, 1, 0, 0, 5]);
        assert_eq!(BaseMap::decode(&bad_vertex), Err(BaseMapError::Vertex(17)));
    }

    #[test]
    fn simplifying_keeps_the_corners_and_drops_what_lies_on_the_line() {
        let p = |x: f64, y: f64| Plane::new(x, y);
        let line = [
            p(0.0, 0.0),
            p(1.0, 0.01),
            p(2.0, 0.0),
            p(3.0, 5.0),
            p(4.0, 0.0),
        ];
        assert_eq!(
            simplify(&line, 0.1),
            vec![p(0.0, 0.0), p(2.0, 0.0), p(3.0, 5.0), p(4.0, 0.0)]
        );
        assert_eq!(simplify(&line, 0.001), line.to_vec());
        assert_eq!(simplify(&line[..2], 10.0), line[..2].to_vec());
    }

    proptest! {
        #[test]
        fn simplified_lines_stay_within_the_tolerance(
            ys in proptest::collection::vec(-50.0f64..50.0, 2..60), tolerance in 0.1f64..20.0,
        ) {
            let line: Vec<Plane> =
                ys.iter().enumerate().map(|(i, &y)| Plane::new(i as f64 * 3.0, y)).collect();
            let kept = simplify(&line, tolerance);
            prop_assert_eq!(kept.first(), line.first());
            prop_assert_eq!(kept.last(), line.last());
            // Every dropped point is within the tolerance of the kept segment spanning it.
            for p in &line {
                let segment = kept.windows(2).find(|w| w[0].x <= p.x && p.x <= w[1].x);
                let Some(w) = segment else { continue };
                let t = if w[1].x > w[0].x { (p.x - w[0].x) / (w[1].x - w[0].x) } else { 0.0 };
                let y = w[0].y + t * (w[1].y - w[0].y);
                let (dx, dy) = (w[1].x - w[0].x, w[1].y - w[0].y);
                let distance = (p.y - y).abs() * dx / dx.hypot(dy).max(1e-12);
                prop_assert!(distance <= tolerance + 1e-9, "{p:?} is {distance} away");
            }
        }

        #[test]
        fn long_lines_become_joined_pieces(n in 0usize..400) {
            let points: Vec<Plane> = (0..n).map(|i| Plane::new(i as f64, (i * i % 7) as f64)).collect();
            let lines = pieces(points.clone());
            prop_assert!(lines.iter().all(|l| l.points.len() <= PIECE_POINTS));
            let mut joined: Vec<Plane> = Vec::new();
            for line in &lines {
                if let Some(last) = joined.last() {
                    prop_assert_eq!(Some(last), line.points.first());
                    joined.extend(&line.points[1..]);
                } else {
                    joined.extend(&line.points);
                }
                let inside = |p: &Plane| {
                    (line.bounds.min.x..=line.bounds.max.x).contains(&p.x)
                        && (line.bounds.min.y..=line.bounds.max.y).contains(&p.y)
                };
                prop_assert!(line.points.iter().all(inside));
            }
            prop_assert_eq!(joined, points);
        }

        #[test]
        fn any_bytes_decode_or_fail_without_panicking(tail in proptest::collection::vec(any::<u8>(), 0..200)) {
            let mut bytes = MAGIC.to_vec();
            bytes.extend(tail);
            let _ = BaseMap::decode(&bytes);
        }
    }
}
