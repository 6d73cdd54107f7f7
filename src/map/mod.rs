//! Pure geometry of the map: the projection, the visible area and its mapping to the screen,
//! the bundled base map, the events counted per place over a time range, and markers merged
//! where they would overlap. Nothing here paints; `ui::map_ui` does.

pub mod basemap;
pub mod cluster;
pub mod counts;
pub mod projection;
pub mod view;

pub use basemap::BaseMap;
pub use cluster::{Marker, cluster};
pub use counts::PlaceCounts;
pub use projection::{Geo, Plane};
pub use view::MapView;
