//! Lambert azimuthal equal-area, centred on Belarus: areas keep their proportions (a marker's
//! area can stand for a count anywhere on the map), and shapes near the centre are true.

/// Radius of the sphere, in kilometres.
const EARTH_RADIUS: f64 = 6371.0;
/// The centre of the projection: the middle of Belarus.
pub const CENTRE: Geo = Geo {
    lat: 53.7,
    lon: 27.9,
};

/// A point on the Earth, in degrees.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Geo {
    /// Latitude, −90 (south) to 90.
    pub lat: f64,
    /// Longitude, −180 (west) to 180.
    pub lon: f64,
}

/// A point on the projected plane, in kilometres from [`CENTRE`]: x east, y north.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Plane {
    /// Kilometres east of the centre.
    pub x: f64,
    /// Kilometres north of the centre.
    pub y: f64,
}

impl Plane {
    /// The point at `(x, y)`.
    pub const fn new(x: f64, y: f64) -> Self {
        Self { x, y }
    }
}

/// The plane's point for `geo`. The antipode of the centre, which has no single point, goes
/// to the rim of the disc the projection fills.
pub fn plane_from_geo(geo: Geo) -> Plane {
    let (lat, lon) = (geo.lat.to_radians(), (geo.lon - CENTRE.lon).to_radians());
    let lat0 = CENTRE.lat.to_radians();
    let denominator = 1.0 + lat0.sin() * lat.sin() + lat0.cos() * lat.cos() * lon.cos();
    let k = (2.0 / denominator.max(1e-12)).sqrt();
    Plane {
        x: EARTH_RADIUS * k * lat.cos() * lon.sin(),
        y: EARTH_RADIUS * k * (lat0.cos() * lat.sin() - lat0.sin() * lat.cos() * lon.cos()),
    }
}

/// The point on the Earth at `plane` (the inverse of [`plane_from_geo`]); points beyond the
/// projected disc are taken to its rim.
pub fn geo_from_plane(plane: Plane) -> Geo {
    let rho = plane.x.hypot(plane.y);
    if rho < 1e-9 {
        return CENTRE;
    }
    let lat0 = CENTRE.lat.to_radians();
    let c = 2.0 * (rho / (2.0 * EARTH_RADIUS)).min(1.0).asin();
    let lat = (c.cos() * lat0.sin() + plane.y * c.sin() * lat0.cos() / rho).clamp(-1.0, 1.0);
    let lon =
        (plane.x * c.sin()).atan2(rho * lat0.cos() * c.cos() - plane.y * lat0.sin() * c.sin());
    let mut lon = CENTRE.lon + lon.to_degrees();
    if lon > 180.0 {
        lon -= 360.0;
    } else if lon < -180.0 {
        lon += 360.0;
    }
    Geo {
        lat: lat.asin().to_degrees(),
        lon,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn round_trip(lat in -80.0f64..85.0, lon in -179.0f64..179.0) {
            // Away from the antipode (−53.7, −152.1), where every direction meets.
            let geo = Geo { lat, lon };
            prop_assume!((lat + 53.7).abs() > 5.0 || (lon + 152.1).abs() > 5.0);
            let back = geo_from_plane(plane_from_geo(geo));
            prop_assert!((back.lat - lat).abs() < 1e-7, "{geo:?} -> {back:?}");
            prop_assert!((back.lon - lon).abs() < 1e-7, "{geo:?} -> {back:?}");
        }

        #[test]
        fn areas_keep_their_proportions(lat in 35.0f64..70.0, lon in -20.0f64..60.0) {
            // A small cell of 0.1° × 0.1° covers R² cos(lat) dlat dlon on the sphere.
            let d = 0.1f64;
            let [a, b, c] = [
                plane_from_geo(Geo { lat, lon }),
                plane_from_geo(Geo { lat, lon: lon + d }),
                plane_from_geo(Geo { lat: lat + d, lon }),
            ];
            let projected = ((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)).abs();
            let sphere = EARTH_RADIUS.powi(2) * lat.to_radians().cos() * d.to_radians().powi(2);
            prop_assert!((projected / sphere - 1.0).abs() < 0.01, "{projected} vs {sphere}");
        }
    }

    #[test]
    fn the_centre_is_the_origin_north_is_up_and_east_is_right() {
        let origin = plane_from_geo(CENTRE);
        assert!(origin.x.abs() < 1e-9 && origin.y.abs() < 1e-9);
        let minsk = plane_from_geo(Geo {
            lat: 53.9,
            lon: 27.56,
        });
        let vitebsk = plane_from_geo(Geo {
            lat: 55.19,
            lon: 30.2,
        });
        let warsaw = plane_from_geo(Geo {
            lat: 52.23,
            lon: 21.01,
        });
        assert!(vitebsk.y > minsk.y && vitebsk.x > minsk.x);
        assert!(warsaw.x < minsk.x);
        // Minsk to Warsaw is about 475 km.
        let km = (minsk.x - warsaw.x).hypot(minsk.y - warsaw.y);
        assert!((460.0..490.0).contains(&km), "{km}");
        assert_eq!(geo_from_plane(Plane::default()), CENTRE);
    }
}
