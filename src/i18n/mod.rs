//! The three languages: dates here; interface strings in the Fluent catalogue.

pub mod dates;
