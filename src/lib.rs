//! belarus-timeline: a curated, sourced, zoomable timeline of the 2020–2021 Belarusian protests.
//!
//! Data flows one way: file → [`model`] → [`query`] (what is shown) → [`timeline`] geometry
//! (where) → [`ui`] (paint, input) → commands → state.

pub mod cache;
pub mod export;
pub mod generate;
pub mod i18n;
pub mod map;
pub mod memory;
pub mod model;
pub mod query;
pub mod reload;
pub mod timeline;
pub mod ui;
