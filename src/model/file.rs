//! The `events.ron` format exactly as curators write it.
//!
//! These types are only the shape of the data: every reader hands them to the
//! [`super::build::Builder`], which checks them and builds the [`super::Timeline`] that the
//! rest of the program uses. Every optional field may be left out; `Option` fields are written
//! without `Some(…)` (RON's `implicit_some` is on).

use serde::{Deserialize, Serialize};

use super::Text;

/// The whole file: `Timeline(title: …, categories: […], events: […], …)`.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Timeline")]
pub struct TimelineFile {
    /// The timeline's title, shown as the window title.
    pub title: Text,
    /// A paragraph that introduces the timeline.
    #[serde(default)]
    pub description: Text,
    /// The lanes of the timeline: every event belongs to one category.
    pub categories: Vec<Category>,
    /// Places that events refer to by id.
    #[serde(default)]
    pub places: Vec<Place>,
    /// People, organisations, media and state bodies that events refer to by id.
    #[serde(default)]
    pub actors: Vec<Actor>,
    /// Named periods drawn as bands behind the events.
    #[serde(default)]
    pub eras: Vec<Era>,
    /// The events themselves, in any order.
    pub events: Vec<EventRecord>,
    /// Guided tours for the classroom: ordered steps through events.
    #[serde(default)]
    pub tours: Vec<Tour>,
}

/// A category, shown as one lane: `Category(id: "strike", name: {…}, colour: "#d9822b")`.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// Slug used by events: lowercase letters, digits and `-`.
    pub id: String,
    /// Name per language.
    pub name: Text,
    /// Colour as `#rrggbb`.
    pub colour: String,
}

/// A place with its coordinates: `Place(id: "minsk", name: {…}, lat: 53.9, lon: 27.56)`.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// Slug used by events.
    pub id: String,
    /// Name per language.
    pub name: Text,
    /// Other spellings (transliterations, historical names) that search should find.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Latitude in degrees, −90 to 90.
    pub lat: f64,
    /// Longitude in degrees, −180 to 180.
    pub lon: f64,
}

/// What kind of actor this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, Serialize)]
pub enum ActorKind {
    /// A person.
    Person,
    /// A company, party, movement or other organisation.
    Organisation,
    /// A newspaper, channel or other medium.
    Media,
    /// A ministry, court, commission or other body of a state.
    StateBody,
}

/// Someone who acts in events: `Actor(id: "kalesnikava", kind: Person, name: {…}, aliases: […])`.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// Slug used by events.
    pub id: String,
    /// Person, Organisation, Media or StateBody.
    pub kind: ActorKind,
    /// Name per language.
    pub name: Text,
    /// Other spellings that search should find ("Maria Kolesnikova").
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A named period: `Era(id: "campaign", start: "2020-05-09", end: "2020-08-08", name: {…})`.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Era {
    /// Slug.
    pub id: String,
    /// First day, `YYYY-MM-DD`.
    pub start: String,
    /// Last day (inclusive), `YYYY-MM-DD`.
    pub end: String,
    /// Name per language.
    pub name: Text,
}

/// One event of the timeline.
///
/// The one definition of an event's shape. Its strings are `S` and its texts `T`: owned
/// (`String`, [`Text`]) by default, or borrowed from the file's text
/// ([`super::build::RawEvent`]) when a reader hands events to the builder one by one.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(
    deny_unknown_fields,
    rename = "Event",
    bound(deserialize = "S: Deserialize<'de>, T: Deserialize<'de>")
)]
pub struct EventRecord<S = String, T = Text> {
    /// Stable slug (lowercase letters, digits, `-`), used in links, tours and saved state.
    pub id: S,
    /// `YYYY-MM-DD`, or `YYYY-MM` when only the month is confirmed.
    pub start: S,
    /// Last day of an event that lasts several days (inclusive), same form as `start`.
    #[serde(default)]
    pub end: Option<S>,
    /// Local (Minsk) time `HH:MM`, when a source states it.
    #[serde(default)]
    pub time: Option<S>,
    /// Category id.
    pub category: S,
    /// 1 = key event, 2 = notable, 3 = detail.
    pub importance: u8,
    /// Title per language; English is required.
    pub title: T,
    /// Summary per language; English is required.
    pub summary: T,
    /// Place ids.
    #[serde(default)]
    pub places: Vec<S>,
    /// Actor ids.
    #[serde(default)]
    pub actors: Vec<S>,
    /// Free tags (slugs), shared between events.
    #[serde(default)]
    pub tags: Vec<S>,
    /// An honest image: a path under `assets/`, with caption, credit and licence.
    #[serde(default)]
    pub image: Option<Image>,
    /// Where the facts come from. At least one source must have a URL.
    pub sources: Vec<Source<S>>,
}

/// An image of an event, stored under `assets/`.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Image {
    /// Path relative to `assets/`, such as `"images/flag.png"`.
    pub path: String,
    /// Caption per language.
    #[serde(default)]
    pub caption: Text,
    /// Who made it.
    pub credit: String,
    /// Its licence, such as "CC BY-SA 4.0".
    pub licence: String,
}

/// A source: `Source(title: …, publisher: "BBC News", published: "2020-08-10", url: "https://…")`.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, bound(deserialize = "S: Deserialize<'de>"))]
pub struct Source<S = String> {
    /// The title of the article or page.
    pub title: S,
    /// Who published it.
    pub publisher: S,
    /// When it was published, `YYYY-MM-DD` (left out for encyclopedia pages with no single date).
    #[serde(default)]
    pub published: Option<S>,
    /// http or https address; left out only for a print or offline citation.
    #[serde(default)]
    pub url: Option<S>,
}

/// A guided tour for the classroom.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Tour {
    /// Slug, used by `--tour`.
    pub id: String,
    /// Title per language.
    pub title: Text,
    /// The steps, in the order they are shown.
    pub steps: Vec<TourStep>,
}

/// One step of a tour: an event and a short teaching note.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TourStep {
    /// The event's id.
    pub event: String,
    /// One or two sentences for the teacher to say or the class to read.
    #[serde(default)]
    pub note: Text,
}
