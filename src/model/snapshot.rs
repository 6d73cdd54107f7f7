//! A checked timeline as bytes, for the open-file cache, and back.
//!
//! The file's text is not in the bytes: an event's strings are spans of it, and whoever reads
//! a snapshot has read the file anyway (its content hash says whether the snapshot belongs to
//! it). Everything read back is checked (every span names a string of the text, every
//! reference an entry of its list, every date a real date), so that a damaged snapshot is an
//! error and never a panic or a wrong timeline.

use std::sync::Arc;

use chrono::{Datelike as _, NaiveDate, NaiveTime, Timelike as _};

use super::bytes::{Corrupt, Reader, Writer};
use super::date::{FuzzyDate, Precision};
use super::error::{Diagnostic, Severity};
use super::file::{Actor, ActorKind, Image, Place};
use super::load::Assets;
use super::timeline::{Category, Era, Event, SourceSpans, Span, Strings, Timeline, Tour};

/// Writes everything of `timeline` but its file's text.
pub fn encode(timeline: &Timeline, w: &mut Writer) {
    let extra = timeline
        .events
        .first()
        .map_or("", |event| event.strings.extra());
    w.str(extra);
    w.text(&timeline.title);
    w.text(&timeline.description);
    w.len(timeline.categories.len());
    for c in &timeline.categories {
        w.str(&c.id);
        w.text(&c.name);
        c.rgb.iter().for_each(|&b| w.u8(b));
    }
    w.len(timeline.places.len());
    for p in &timeline.places {
        w.str(&p.id);
        w.text(&p.name);
        w.strs(&p.aliases);
        w.f64(p.lat);
        w.f64(p.lon);
    }
    w.len(timeline.actors.len());
    for a in &timeline.actors {
        w.str(&a.id);
        w.u8(a.kind as u8);
        w.text(&a.name);
        w.strs(&a.aliases);
    }
    w.len(timeline.eras.len());
    for e in &timeline.eras {
        w.str(&e.id);
        w.text(&e.name);
        date(w, e.start);
        date(w, e.end);
    }
    w.strs(&timeline.tags);
    w.len(timeline.tours.len());
    for t in &timeline.tours {
        w.str(&t.id);
        w.text(&t.title);
        w.len(t.steps.len());
        for (event, note) in &t.steps {
            w.len(*event);
            w.text(note);
        }
    }
    w.len(timeline.warnings.len());
    for d in &timeline.warnings {
        w.str(&d.file);
        w.len(d.line);
        w.len(d.col);
        w.str(&d.message);
        w.u8(d.severity as u8);
    }
    w.len(timeline.events.len());
    for event in &timeline.events {
        encode_event(event, w);
    }
}

fn span(w: &mut Writer, span: Span) {
    let (start, len) = span.to_raw();
    w.u32(start);
    w.u32(len);
}

fn date(w: &mut Writer, date: FuzzyDate) {
    w.i32(date.date.num_days_from_ce());
    w.u8(date.precision as u8);
}

fn encode_event(event: &Event, w: &mut Writer) {
    span(w, event.id);
    event.title.iter().for_each(|&s| span(w, s));
    event.summary.iter().for_each(|&s| span(w, s));
    date(w, event.start);
    match event.end {
        Some(end) => {
            w.u8(1);
            date(w, end);
        }
        None => w.u8(0),
    }
    match event.time {
        Some(time) => {
            w.u8(1);
            w.u32(time.num_seconds_from_midnight());
            w.u32(time.nanosecond());
        }
        None => w.u8(0),
    }
    w.u16(event.category);
    w.u8(event.importance);
    w.u16(event.places_len);
    w.u16(event.actors_len);
    w.u32s(&event.refs);
    w.len(event.sources.len());
    for s in event.sources.iter() {
        for part in [s.title, s.publisher, s.published, s.url] {
            span(w, part);
        }
    }
    match &event.image {
        Some(image) => {
            w.u8(1);
            w.str(&image.path);
            w.text(&image.caption);
            w.str(&image.credit);
            w.str(&image.licence);
        }
        None => w.u8(0),
    }
}

/// A timeline read back by [`decode`] without its file's text: it can be read while the file
/// is.
pub struct Decoded {
    timeline: Timeline,
    extra: String,
    file_len: usize,
}

impl Decoded {
    /// The events, places and actors read, for what refers to them (the search index).
    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    /// The timeline, with the text of its file (of the length it was decoded for).
    pub fn attach(self, text: String, assets: Assets) -> Result<Timeline, Corrupt> {
        let Decoded {
            mut timeline,
            extra,
            file_len,
        } = self;
        if text.len() != file_len {
            return Err(Corrupt(
                "the file is not of the length the cache was made for",
            ));
        }
        let strings = Arc::new(Strings::new(text, extra));
        for event in &mut timeline.events {
            event.strings = Arc::clone(&strings);
        }
        timeline.assets = assets;
        Ok(timeline)
    }
}

/// Reads a timeline written by [`encode`] for a file of `file_len` bytes; [`Decoded::attach`]
/// gives it the file's text.
pub fn decode(r: &mut Reader<'_>, file_len: usize) -> Result<Decoded, Corrupt> {
    let extra = r.string()?;
    let title = r.text()?;
    let description = r.text()?;
    let categories = list(r, |r| {
        Ok(Category {
            id: r.string()?,
            name: r.text()?,
            rgb: [r.u8()?, r.u8()?, r.u8()?],
        })
    })?;
    let places = list(r, |r| {
        Ok(Place {
            id: r.string()?,
            name: r.text()?,
            aliases: r.strings()?,
            lat: r.f64()?,
            lon: r.f64()?,
        })
    })?;
    let actors = list(r, |r| {
        let id = r.string()?;
        let kind = match r.u8()? {
            0 => ActorKind::Person,
            1 => ActorKind::Organisation,
            2 => ActorKind::Media,
            3 => ActorKind::StateBody,
            _ => return Err(Corrupt("an actor's kind is unknown")),
        };
        Ok(Actor {
            id,
            kind,
            name: r.text()?,
            aliases: r.strings()?,
        })
    })?;
    let eras = list(r, |r| {
        Ok(Era {
            id: r.string()?,
            name: r.text()?,
            start: read_date(r)?,
            end: read_date(r)?,
        })
    })?;
    let tags = r.strings()?;
    let tours_read = list(r, |r| {
        let id = r.string()?;
        let title = r.text()?;
        let steps = list(r, |r| Ok((r.len(0)?, r.text()?)))?;
        Ok(Tour { id, title, steps })
    })?;
    let warnings = list(r, |r| {
        Ok(Diagnostic {
            file: r.string()?,
            line: r.len(0)?,
            col: r.len(0)?,
            message: r.string()?,
            severity: match r.u8()? {
                0 => Severity::Error,
                1 => Severity::Warning,
                _ => return Err(Corrupt("a warning's severity is unknown")),
            },
        })
    })?;
    let lists = Lists {
        file_len,
        extra: &extra,
        categories: categories.len(),
        places: places.len() as u32,
        actors: actors.len() as u32,
        tags: tags.len() as u32,
    };
    let placeholder = Arc::new(Strings::default());
    let events = list(r, |r| decode_event(r, &lists, &placeholder))?;
    if !r.is_done() {
        return Err(Corrupt("it goes on after the events"));
    }
    if tours_read
        .iter()
        .flat_map(|t| &t.steps)
        .any(|&(event, _)| event >= events.len())
    {
        return Err(Corrupt("a tour's step names no event"));
    }
    if events
        .windows(2)
        .any(|w| w[0].start_seconds() > w[1].start_seconds())
    {
        return Err(Corrupt("the events are not in time order"));
    }
    let mut timeline = Timeline::new(Timeline {
        title,
        description,
        categories,
        places,
        actors,
        eras,
        tags,
        events,
        tours: tours_read,
        ..Timeline::default()
    });
    timeline.warnings = warnings;
    Ok(Decoded {
        timeline,
        extra,
        file_len,
    })
}

/// What an event's numbers must stay within.
struct Lists<'a> {
    file_len: usize,
    extra: &'a str,
    categories: usize,
    places: u32,
    actors: u32,
    tags: u32,
}

impl Lists<'_> {
    fn span(&self, r: &mut Reader<'_>) -> Result<Span, Corrupt> {
        let raw = (r.u32()?, r.u32()?);
        Span::from_raw(raw, self.file_len, self.extra)
            .ok_or(Corrupt("a string is outside the text"))
    }
}

fn list<'a, T>(
    r: &mut Reader<'a>,
    mut item: impl FnMut(&mut Reader<'a>) -> Result<T, Corrupt>,
) -> Result<Vec<T>, Corrupt> {
    // Every item takes at least one byte: a damaged count cannot reserve more than that.
    let n = r.len(1)?;
    let mut items = Vec::with_capacity(n);
    for _ in 0..n {
        items.push(item(r)?);
    }
    Ok(items)
}

fn read_date(r: &mut Reader<'_>) -> Result<FuzzyDate, Corrupt> {
    let days = r.i32()?;
    let precision = match r.u8()? {
        0 => Precision::Day,
        1 => Precision::Month,
        2 => Precision::Year,
        _ => return Err(Corrupt("a date's precision is unknown")),
    };
    let date = NaiveDate::from_num_days_from_ce_opt(days).ok_or(Corrupt("a date is not real"))?;
    Ok(FuzzyDate { date, precision })
}

fn decode_event(
    r: &mut Reader<'_>,
    lists: &Lists<'_>,
    placeholder: &Arc<Strings>,
) -> Result<Event, Corrupt> {
    let id = lists.span(r)?;
    let title = [lists.span(r)?, lists.span(r)?, lists.span(r)?];
    let summary = [lists.span(r)?, lists.span(r)?, lists.span(r)?];
    let start = read_date(r)?;
    let end = match r.u8()? {
        0 => None,
        1 => Some(read_date(r)?),
        _ => return Err(Corrupt("an event's end has a bad tag")),
    };
    let time = match r.u8()? {
        0 => None,
        1 => Some(
            NaiveTime::from_num_seconds_from_midnight_opt(r.u32()?, r.u32()?)
                .ok_or(Corrupt("a time of day is not real"))?,
        ),
        _ => return Err(Corrupt("an event's time has a bad tag")),
    };
    let category = r.u16()?;
    if usize::from(category) >= lists.categories {
        return Err(Corrupt("an event's category is unknown"));
    }
    let importance = r.u8()?;
    if !(1..=3).contains(&importance) {
        return Err(Corrupt("an event's importance is not 1, 2 or 3"));
    }
    let (places_len, actors_len) = (r.u16()?, r.u16()?);
    let refs = r.u32s()?;
    let (places, actors) = (usize::from(places_len), usize::from(actors_len));
    if places + actors > refs.len() {
        return Err(Corrupt("an event has fewer references than it counts"));
    }
    let known = refs.iter().enumerate().all(|(i, &k)| {
        let limit = if i < places {
            lists.places
        } else if i < places + actors {
            lists.actors
        } else {
            lists.tags
        };
        k < limit
    });
    if !known {
        return Err(Corrupt("an event refers to an unknown entry"));
    }
    let sources = list(r, |r| {
        Ok(SourceSpans {
            title: lists.span(r)?,
            publisher: lists.span(r)?,
            published: lists.span(r)?,
            url: lists.span(r)?,
        })
    })?;
    let image = match r.u8()? {
        0 => None,
        1 => Some(Box::new(Image {
            path: r.string()?,
            caption: r.text()?,
            credit: r.string()?,
            licence: r.string()?,
        })),
        _ => return Err(Corrupt("an event's image has a bad tag")),
    };
    Ok(Event {
        strings: Arc::clone(placeholder),
        id,
        title,
        summary,
        start,
        end,
        time,
        category,
        importance,
        refs: refs.into_boxed_slice(),
        places_len,
        actors_len,
        image,
        sources: sources.into_boxed_slice(),
    })
}
