//! Reading, checking and indexing an events file.
//!
//! Parsing is `ron`'s; everything the format cannot say by itself (ids unique, references
//! known, dates real, links safe) is checked here, and every problem of a file is reported
//! together with its line and column.

use std::collections::HashMap;
use std::path::{Component, Path as FsPath, PathBuf};

use serde::de::DeserializeOwned;

use std::sync::Arc;

use super::date::FuzzyDate;
use super::error::{Diagnostic, LoadError};
use super::file;
use super::locate::{Node, Path, line_col};
use super::stream;
use super::timeline::{self, Event, Strings, Timeline};
use super::{Lang, Text};

/// Files larger than this are refused before they are read. A million realistic events take
/// well under a gigabyte.
pub const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024 * 1024;

/// The events file that ships inside the binary.
pub const BUNDLED_EVENTS: &str = include_str!("../../events.ron");

/// The name the bundled file goes by in messages.
pub const BUNDLED_NAME: &str = "events.ron (bundled)";

/// Where image paths of a file are looked up.
#[derive(Clone, Debug)]
pub enum Assets {
    /// The `assets/` folder beside the events file.
    Dir(PathBuf),
    /// Files compiled into the binary, by path under `assets/`.
    Embedded(&'static [(&'static str, &'static [u8])]),
}

impl Default for Assets {
    fn default() -> Self {
        Assets::Embedded(&[])
    }
}

impl Assets {
    /// The `assets/` folder that belongs to an events file at `path`.
    pub fn beside(path: &FsPath) -> Self {
        let dir = path.parent().unwrap_or_else(|| FsPath::new("."));
        Assets::Dir(dir.join("assets"))
    }
}

/// Images that ship inside the binary for the bundled events file.
pub const BUNDLED_ASSETS: &[(&str, &[u8])] = &[(
    "images/flag-white-red-white.png",
    include_bytes!("../../assets/images/flag-white-red-white.png"),
)];

/// Loads the events file compiled into the binary.
pub fn load_bundled() -> Result<Timeline, LoadError> {
    load_str(
        BUNDLED_EVENTS,
        BUNDLED_NAME,
        &Assets::Embedded(BUNDLED_ASSETS),
    )
}

/// Reads, checks and indexes the events file at `path`. Refuses files over [`MAX_FILE_BYTES`]
/// before reading them.
pub fn load_path(path: &FsPath) -> Result<Timeline, LoadError> {
    let file = path.display().to_string();
    let read_error = |source| LoadError::Read {
        file: file.clone(),
        source,
    };
    let size = std::fs::metadata(path).map_err(read_error)?.len();
    if size > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            file,
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    let bytes = std::fs::read(path).map_err(read_error)?;
    match String::from_utf8(bytes) {
        Ok(text) => load_owned(text, &file, &Assets::beside(path)),
        Err(err) => Err(not_utf8(err.as_bytes(), &file)),
    }
}

/// Checks and indexes the bytes of an events file; `file` names it in messages.
pub fn load_bytes(bytes: &[u8], file: &str, assets: &Assets) -> Result<Timeline, LoadError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => load_owned(text.to_owned(), file, assets),
        Err(_) => Err(not_utf8(bytes, file)),
    }
}

fn not_utf8(bytes: &[u8], file: &str) -> LoadError {
    let valid_up_to = match std::str::from_utf8(bytes) {
        Ok(_) => bytes.len(),
        Err(err) => err.valid_up_to(),
    };
    let valid = std::str::from_utf8(&bytes[..valid_up_to]).unwrap_or_default();
    let (line, col) = line_col(valid, valid.len());
    LoadError::Invalid(vec![Diagnostic {
        file: file.to_owned(),
        line,
        col,
        message: format!(
            "the file is not valid UTF-8 (bad byte at offset {valid_up_to}): save it as UTF-8 text"
        ),
    }])
}

/// Checks and indexes the text of an events file; `file` names it in messages.
pub fn load_str(text: &str, file: &str, assets: &Assets) -> Result<Timeline, LoadError> {
    load_owned(text.to_owned(), file, assets)
}

/// Checks and indexes the text of an events file, keeping the text: the events' strings are
/// slices of it.
pub fn load_owned(text: String, file: &str, assets: &Assets) -> Result<Timeline, LoadError> {
    // Events keep 31-bit offsets into the text.
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            file: file.to_owned(),
            size: text.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    let offset = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let diagnose =
        |text: &str, problems: Vec<Problem>| LoadError::Invalid(locate(text, file, problems));
    if text[offset..].trim().is_empty() {
        return Err(diagnose(
            "",
            vec![Problem::at_line_col(
                1,
                1,
                "the file is empty: expected `Timeline(title: …, categories: […], events: […])`"
                    .into(),
            )],
        ));
    }
    let mut v = Validator::default();
    let mut parsed = match stream::read(&text, offset, &mut v, assets) {
        Ok(parsed) => parsed,
        Err(err) => {
            let body = &text[offset..];
            return Err(diagnose(body, parse_problems(body, &err)));
        }
    };
    let strings = Arc::new(Strings::new(text, std::mem::take(&mut parsed.extra)));
    let mut timeline = validate(parsed, v, &strings)
        .map_err(|problems| diagnose(&strings.file()[offset..], problems))?;
    timeline.assets = assets.clone();
    Ok(timeline)
}

/// Every element that does not fit its type, not only the first: `whole_error` is `ron`'s
/// error for the whole file, and each list element is parsed again on its own.
fn parse_problems(text: &str, whole_error: &ron::error::SpannedError) -> Vec<Problem> {
    let mut problems = Vec::new();
    if let Some(root) = Node::parse(text) {
        let mut each =
            |field: &str, check: &dyn Fn(&str) -> Result<(), ron::error::SpannedError>| {
                for element in root.find(&Path::root().key(field)).elements() {
                    if let Err(err) = check(&text[element.span.clone()]) {
                        let (line, col) = line_col(text, element.span.start);
                        let (err_line, err_col) = (err.span.start.line, err.span.start.col);
                        let col = if err_line == 1 {
                            col + err_col - 1
                        } else {
                            err_col
                        };
                        problems.push(Problem::at_line_col(
                            line + err_line - 1,
                            col,
                            describe(&err.code),
                        ));
                    }
                }
            };
        each("categories", &check_as::<file::Category>);
        each("places", &check_as::<file::Place>);
        each("actors", &check_as::<file::Actor>);
        each("eras", &check_as::<file::Era>);
        each("events", &check_as::<file::EventRecord>);
        each("tours", &check_as::<file::Tour>);
    }
    let whole = Problem::at_line_col(
        whole_error.span.start.line,
        whole_error.span.start.col,
        describe(&whole_error.code),
    );
    if !problems.iter().any(|p| p.at == whole.at) {
        problems.push(whole);
    }
    problems
}

fn check_as<T: DeserializeOwned>(text: &str) -> Result<(), ron::error::SpannedError> {
    ron_options().from_str::<T>(text).map(drop)
}

pub(super) fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(64)
}

/// A problem before it is given a line and column.
#[derive(Debug)]
pub struct Problem {
    at: Where,
    message: String,
}

#[derive(Debug, PartialEq)]
enum Where {
    /// At the value of this path.
    Value(Path),
    /// At the key (field name) of this path.
    Key(Path),
    /// Already placed.
    LineCol(usize, usize),
}

impl Problem {
    fn value(path: Path, message: String) -> Self {
        Self {
            at: Where::Value(path),
            message,
        }
    }

    fn key(path: Path, message: String) -> Self {
        Self {
            at: Where::Key(path),
            message,
        }
    }

    fn at_line_col(line: usize, col: usize, message: String) -> Self {
        Self {
            at: Where::LineCol(line, col),
            message,
        }
    }
}

fn locate(text: &str, file: &str, problems: Vec<Problem>) -> Vec<Diagnostic> {
    let needs_tree = problems.iter().any(|p| !matches!(p.at, Where::LineCol(..)));
    let root = if needs_tree { Node::parse(text) } else { None };
    let mut diagnostics: Vec<Diagnostic> = problems
        .into_iter()
        .map(|problem| {
            let (line, col) = match (&problem.at, &root) {
                (Where::LineCol(line, col), _) => (*line, *col),
                (Where::Value(path), Some(root)) => line_col(text, root.find(path).span.start),
                (Where::Key(path), Some(root)) => line_col(text, root.find_key(path)),
                (_, None) => (1, 1),
            };
            Diagnostic {
                file: file.to_owned(),
                line,
                col,
                message: problem.message,
            }
        })
        .collect();
    diagnostics.sort_by_key(|d| (d.line, d.col));
    diagnostics
}

/// A clearer message than `ron`'s for the mistakes people make by hand.
fn describe(code: &ron::Error) -> String {
    use ron::Error as E;
    let outer_name = |outer: &Option<String>| {
        outer
            .as_deref()
            .map(|o| format!(" in `{o}`"))
            .unwrap_or_default()
    };
    match code {
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let hint = did_you_mean(found, expected.iter().copied())
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            format!(
                "unknown field `{found}`{}{hint} (expected one of: {})",
                outer_name(outer),
                expected.join(", ")
            )
        }
        E::MissingStructField { field, outer } => {
            format!("missing field `{field}`{}", outer_name(outer))
        }
        E::DuplicateStructField { field, outer } => {
            format!("field `{field}` is given twice{}", outer_name(outer))
        }
        E::NoSuchEnumVariant {
            expected, found, ..
        } => {
            let hint = did_you_mean(found, expected.iter().copied())
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            format!(
                "unknown value `{found}`{hint} (expected one of: {})",
                expected.join(", ")
            )
        }
        E::ExpectedDifferentStructName { expected, found } => {
            format!("expected `{expected}(…)`, found `{found}(…)`")
        }
        E::ExceededRecursionLimit => {
            "the brackets are nested too deeply (more than 64 levels): check for unclosed brackets"
                .into()
        }
        E::Eof => "the file ends too early: a bracket or quote is not closed".into(),
        other => {
            let text = other.to_string();
            let mut chars = text.chars();
            chars
                .next()
                .map(|c| c.to_lowercase().collect::<String>() + chars.as_str())
                .unwrap_or(text)
        }
    }
}

/// The candidate closest to `found`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(found: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .map(|c| (strsim::osa_distance(found, c), c))
        .filter(|(distance, c)| *distance <= (c.chars().count() / 3).max(1))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c)
}

/// Checks everything `ron` cannot and builds the indexed timeline. The events were checked one
/// by one as they were read (their problems are in `v`); here their references are resolved.
fn validate(
    parsed: stream::Parsed,
    mut v: Validator,
    strings: &Arc<Strings>,
) -> Result<Timeline, Vec<Problem>> {
    let root = Path::root();
    let title = parsed.title.unwrap_or_default();
    v.require_english(&title, || root.key("title"), "title");
    let file_categories = parsed.categories.unwrap_or_default();
    let categories = v.categories(&file_categories);
    let places = parsed.places;
    let actors = parsed.actors;
    v.ids(
        places.iter().map(|p| p.id.as_str()),
        &root.key("places"),
        "place",
    );
    for (i, place) in places.iter().enumerate() {
        let path = root.key("places").index(i);
        v.require_english(&place.name, || path.key("name"), "name");
        if !(-90.0..=90.0).contains(&place.lat) {
            v.value(
                path.key("lat"),
                format!("latitude {} is outside −90 to 90", place.lat),
            );
        }
        if !(-180.0..=180.0).contains(&place.lon) {
            v.value(
                path.key("lon"),
                format!("longitude {} is outside −180 to 180", place.lon),
            );
        }
    }
    v.ids(
        actors.iter().map(|a| a.id.as_str()),
        &root.key("actors"),
        "actor",
    );
    for (i, actor) in actors.iter().enumerate() {
        v.require_english(
            &actor.name,
            || root.key("actors").index(i).key("name"),
            "name",
        );
    }
    let eras = v.eras(&parsed.eras);

    // The tags are every tag used, sorted.
    let mut tags: Vec<String> = parsed
        .event_tags
        .names
        .iter()
        .map(|t| t.to_string())
        .collect();
    tags.sort_unstable();
    let tag_ids = index_of(tags.iter().map(String::as_str));
    let tag_map: Vec<u32> = parsed
        .event_tags
        .names
        .iter()
        .map(|t| tag_ids.get(&**t).copied().unwrap_or(u32::MAX))
        .collect();

    // Interned ids to indices into the lists, or `u32::MAX` when the list lacks them.
    let resolve = |interner: &stream::Interner, known: &FastMap<&str, u32>| -> Vec<u32> {
        interner
            .names
            .iter()
            .map(|name| known.get(&**name).copied().unwrap_or(u32::MAX))
            .collect()
    };
    let category_ids = index_of(file_categories.iter().map(|c| c.id.as_str()));
    let place_ids = index_of(places.iter().map(|p| p.id.as_str()));
    let actor_ids = index_of(actors.iter().map(|a| a.id.as_str()));
    let category_map = resolve(&parsed.event_categories, &category_ids);
    let place_map = resolve(&parsed.event_places, &place_ids);
    let actor_map = resolve(&parsed.event_actors, &actor_ids);

    let mut events = parsed.events;
    for (i, event) in events.iter_mut().enumerate() {
        event.strings = Arc::clone(strings);
        let path = || root.key("events").index(i);
        let interned = event.category;
        match category_map.get(usize::from(interned)) {
            Some(&index) if index != u32::MAX => event.category = index as u16,
            _ => v.unknown(
                path().key("category"),
                "category",
                parsed
                    .event_categories
                    .names
                    .get(usize::from(interned))
                    .map_or("", |n| &**n),
                category_ids.keys().copied(),
            ),
        }
        let (n_places, n_actors) = (usize::from(event.places_len), usize::from(event.actors_len));
        for (j, r) in event.refs.iter_mut().enumerate() {
            let (map, interner, field, kind, known, k) = if j < n_places {
                (
                    &place_map,
                    &parsed.event_places,
                    "places",
                    "place",
                    &place_ids,
                    j,
                )
            } else if j < n_places + n_actors {
                (
                    &actor_map,
                    &parsed.event_actors,
                    "actors",
                    "actor",
                    &actor_ids,
                    j - n_places,
                )
            } else {
                (
                    &tag_map,
                    &parsed.event_tags,
                    "tags",
                    "tag",
                    &tag_ids,
                    j - n_places - n_actors,
                )
            };
            match map.get(*r as usize) {
                Some(&index) if index != u32::MAX => *r = index,
                _ => v.unknown(
                    path().key(field).index(k),
                    kind,
                    interner.names.get(*r as usize).map_or("", |n| &**n),
                    known.keys().copied(),
                ),
            }
        }
    }
    v.ids(events.iter().map(Event::id), &root.key("events"), "event");

    // Only tours refer to events by id.
    let event_ids = if parsed.tours.is_empty() {
        FastMap::default()
    } else {
        index_of(events.iter().map(Event::id))
    };
    v.ids(
        parsed.tours.iter().map(|t| t.id.as_str()),
        &root.key("tours"),
        "tour",
    );
    let mut tours = Vec::new();
    for (i, tour) in parsed.tours.into_iter().enumerate() {
        let path = root.key("tours").index(i);
        v.require_english(&tour.title, || path.key("title"), "title");
        if tour.steps.is_empty() {
            v.key(path.key("steps"), "a tour needs at least one step".into());
        }
        let mut steps = Vec::with_capacity(tour.steps.len());
        for (j, step) in tour.steps.into_iter().enumerate() {
            match event_ids.get(step.event.as_str()) {
                Some(&index) => steps.push((index as usize, step.note)),
                None => v.unknown(
                    path.key("steps").index(j).key("event"),
                    "event",
                    &step.event,
                    event_ids.keys().copied(),
                ),
            }
        }
        tours.push(timeline::Tour {
            id: tour.id,
            title: tour.title,
            steps,
        });
    }
    drop(event_ids);

    if !v.problems.is_empty() {
        return Err(v.problems);
    }

    // Sort by time; tours refer to events by index, so remap them.
    let keys: Vec<(f64, u8)> = events
        .iter()
        .map(|e| (e.start_seconds(), e.importance))
        .collect();
    let mut order: Vec<usize> = (0..events.len()).collect();
    order.sort_by(|&a, &b| {
        keys[a]
            .0
            .total_cmp(&keys[b].0)
            .then_with(|| keys[a].1.cmp(&keys[b].1))
            .then_with(|| a.cmp(&b))
    });
    let mut new_index = vec![0; events.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    // Apply the permutation in place, following its cycles: no second copy of the events.
    let mut target = new_index.clone();
    for i in 0..events.len() {
        while target[i] != i {
            let j = target[i];
            events.swap(i, j);
            target.swap(i, j);
        }
    }
    for tour in &mut tours {
        for step in &mut tour.steps {
            step.0 = new_index[step.0];
        }
    }

    Ok(Timeline::new(Timeline {
        title,
        description: parsed.description,
        categories,
        places,
        actors,
        eras,
        tags,
        events,
        tours,
        ..Timeline::default()
    }))
}

/// A map with a fast hasher: ids come from the curator's own file, not from an attacker who
/// could choose colliding keys to slow a server down.
pub type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

fn index_of<'a>(ids: impl Iterator<Item = &'a str>) -> FastMap<&'a str, u32> {
    let mut map = FastMap::default();
    for (i, id) in ids.enumerate() {
        map.entry(id).or_insert(i as u32);
    }
    map
}

#[derive(Default)]
pub(super) struct Validator {
    problems: Vec<Problem>,
}

impl Validator {
    pub(super) fn value(&mut self, path: Path, message: String) {
        self.problems.push(Problem::value(path, message));
    }

    pub(super) fn key(&mut self, path: Path, message: String) {
        self.problems.push(Problem::key(path, message));
    }

    fn require_english(&mut self, text: &Text, path: impl FnOnce() -> Path, what: &str) {
        if text.exact(Lang::En).is_none() {
            self.missing_english(path(), what);
        }
    }

    pub(super) fn missing_english(&mut self, path: Path, what: &str) {
        self.value(
            path,
            format!("missing English {what}: add `\"en\": \"…\"` (English is required; `be` and `ru` are optional)"),
        );
    }

    /// Ids are slugs and unique within their list.
    fn ids<'a>(&mut self, ids: impl Iterator<Item = &'a str>, list: &Path, kind: &str) {
        let mut first_use: FastMap<&str, usize> = FastMap::default();
        for (i, id) in ids.enumerate() {
            let path = list.index(i).key("id");
            if !is_slug(id) {
                self.value(
                    path.clone(),
                    format!("{kind} id `{id}` is not a slug: use lowercase letters, digits and single `-` between them"),
                );
            }
            if let Some(&first) = first_use.get(id) {
                self.value(
                    path,
                    format!("duplicate {kind} id `{id}`: it is already used by {kind} number {} of the list", first + 1),
                );
            } else {
                first_use.insert(id, i);
            }
        }
    }

    fn unknown<'a>(
        &mut self,
        path: Path,
        kind: &str,
        found: &str,
        known: impl Iterator<Item = &'a str>,
    ) {
        let mut known: Vec<&str> = known.collect();
        known.sort_unstable();
        let hint = did_you_mean(found, known.iter().copied())
            .map(|s| format!("; did you mean `{s}`?"))
            .unwrap_or_default();
        let listed = if known.len() <= 12 {
            format!(" (known: {})", known.join(", "))
        } else {
            String::new()
        };
        self.value(path, format!("unknown {kind} `{found}`{hint}{listed}"));
    }

    fn categories(&mut self, list: &[file::Category]) -> Vec<timeline::Category> {
        let root = Path::root().key("categories");
        if list.is_empty() {
            self.key(root.clone(), "there must be at least one category".into());
        }
        self.ids(list.iter().map(|c| c.id.as_str()), &root, "category");
        list.iter()
            .enumerate()
            .map(|(i, c)| {
                let path = root.index(i);
                self.require_english(&c.name, || path.key("name"), "name");
                let rgb = parse_colour(&c.colour).unwrap_or_else(|| {
                    self.value(
                        path.key("colour"),
                        format!(
                            "`{}` is not a colour: expected `#rrggbb`, like `#d9822b`",
                            c.colour
                        ),
                    );
                    [128, 128, 128]
                });
                timeline::Category {
                    id: c.id.clone(),
                    name: c.name.clone(),
                    rgb,
                }
            })
            .collect()
    }

    fn eras(&mut self, list: &[file::Era]) -> Vec<timeline::Era> {
        let root = Path::root().key("eras");
        self.ids(list.iter().map(|e| e.id.as_str()), &root, "era");
        let mut eras: Vec<timeline::Era> = list
            .iter()
            .enumerate()
            .filter_map(|(i, era)| {
                let path = root.index(i);
                self.require_english(&era.name, || path.key("name"), "name");
                let start = self.date(&era.start, || path.key("start"))?;
                let end = self.date(&era.end, || path.key("end"))?;
                if end.date < start.date {
                    self.value(
                        path.key("end"),
                        format!("`end` {end} is before `start` {start}"),
                    );
                }
                Some(timeline::Era {
                    id: era.id.clone(),
                    name: era.name.clone(),
                    start,
                    end,
                })
            })
            .collect();
        eras.sort_by_key(|era| era.start.date);
        eras
    }

    pub(super) fn date(&mut self, text: &str, path: impl FnOnce() -> Path) -> Option<FuzzyDate> {
        FuzzyDate::parse(text)
            .map_err(|message| self.value(path(), message))
            .ok()
    }
}

fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn parse_colour(text: &str) -> Option<[u8; 3]> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([channel(0)?, channel(2)?, channel(4)?])
}

/// Accepts only plain http and https addresses with a host and without credentials, so that a
/// link can never run something or leak a password.
pub fn check_url(text: &str) -> Result<(), String> {
    if let Some(c) = text.chars().find(|c| c.is_control() || c.is_whitespace()) {
        return Err(format!(
            "the URL contains a control or space character ({c:?}): write it without spaces or line breaks"
        ));
    }
    let Some((scheme, rest)) = text.split_once(':') else {
        return Err(format!(
            "`{text}` is not a URL: expected http:// or https:// followed by an address"
        ));
    };
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return Err(format!(
            "URL scheme `{scheme}:` is not allowed: only http and https links are accepted"
        ));
    }
    let Some(rest) = rest.strip_prefix("//") else {
        return Err(format!(
            "`{text}` is not a URL: expected `{scheme}://` followed by an address"
        ));
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return Err("the URL contains a user name or password: remove the credentials".into());
    }
    let host = authority
        .rsplit_once(':')
        .map_or(authority, |(host, port)| {
            if port.bytes().all(|b| b.is_ascii_digit()) {
                host
            } else {
                authority
            }
        });
    let host = host.trim_start_matches('[').trim_end_matches(']');
    let valid_host = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | ':'))
        && !host.starts_with('.');
    if !valid_host {
        return Err(format!("`{text}` has no valid host name"));
    }
    Ok(())
}

/// An image path must stay inside `assets/` and name an existing PNG or JPEG file.
pub fn check_image_path(path: &str, assets: &Assets) -> Result<(), String> {
    let relative = FsPath::new(path);
    let looks_absolute = relative.is_absolute()
        || path.starts_with(['/', '\\'])
        || path.as_bytes().get(1) == Some(&b':');
    if looks_absolute {
        return Err(format!(
            "image path `{path}` is absolute: write it relative to assets/, like `images/map.png`"
        ));
    }
    if relative.components().any(|c| {
        matches!(
            c,
            Component::ParentDir | Component::RootDir | Component::Prefix(_)
        )
    }) || path.contains('\\')
    {
        return Err(format!(
            "image path `{path}` leaves assets/: `..` and backslashes are not allowed"
        ));
    }
    let lower = path.to_ascii_lowercase();
    if ![".png", ".jpg", ".jpeg"]
        .iter()
        .any(|ext| lower.ends_with(ext))
    {
        return Err(format!("image `{path}` must be a .png, .jpg or .jpeg file"));
    }
    match assets {
        Assets::Embedded(files) => files
            .iter()
            .any(|(name, _)| *name == path)
            .then_some(())
            .ok_or_else(|| format!("image `{path}` is not among the bundled assets")),
        Assets::Dir(dir) => {
            let full = dir.join(relative);
            let missing = || format!("image `{path}` does not exist in {}", dir.display());
            let real = full.canonicalize().map_err(|_| missing())?;
            let root = dir.canonicalize().map_err(|_| missing())?;
            if !real.starts_with(&root) {
                return Err(format!(
                    "image path `{path}` leads outside assets/ through a symbolic link"
                ));
            }
            if !real.is_file() {
                return Err(format!("image `{path}` is not a file"));
            }
            Ok(())
        }
    }
}
