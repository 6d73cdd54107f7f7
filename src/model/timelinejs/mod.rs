//! TimelineJS (Knight Lab) files: its JSON and its Google Sheets template as CSV.

pub mod date;
pub mod html;
