//! `events.ron` again, from any timeline: an imported TimelineJS file becomes a file a curator
//! can complete (sources, summaries, places) and `check`. A curated file written back is the
//! same timeline: every field, every language.

use std::collections::HashSet;

use super::ExportError;
use crate::model::file::{Category, Era, EventRecord, Source, TimelineFile, Tour, TourStep};
use crate::model::{Lang, Text, Timeline};

/// The RON form of `timeline` with the events at `indices`; tour steps of events left out are
/// left out too, and tours left without steps.
pub fn timeline(timeline: &Timeline, indices: &[usize]) -> Result<String, ExportError> {
    let kept: HashSet<usize> = indices.iter().copied().collect();
    let file = TimelineFile {
        title: timeline.title.clone(),
        description: timeline.description.clone(),
        categories: timeline
            .categories
            .iter()
            .map(|c| Category {
                id: c.id.clone(),
                name: c.name.clone(),
                colour: format!("#{:02x}{:02x}{:02x}", c.rgb[0], c.rgb[1], c.rgb[2]),
            })
            .collect(),
        places: timeline.places.clone(),
        actors: timeline.actors.clone(),
        eras: timeline
            .eras
            .iter()
            .map(|e| Era {
                id: e.id.clone(),
                start: e.start.to_string(),
                end: e.end.to_string(),
                name: e.name.clone(),
            })
            .collect(),
        events: indices.iter().map(|&i| event(timeline, i)).collect(),
        tours: timeline
            .tours
            .iter()
            .filter_map(|tour| {
                let steps: Vec<TourStep> = tour
                    .steps
                    .iter()
                    .filter(|(index, _)| kept.contains(index))
                    .map(|(index, note)| TourStep {
                        event: timeline.events[*index].id().to_owned(),
                        note: note.clone(),
                    })
                    .collect();
                (!steps.is_empty()).then(|| Tour {
                    id: tour.id.clone(),
                    title: tour.title.clone(),
                    steps,
                })
            })
            .collect(),
    };
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME);
    let mut text = ron::ser::to_string_pretty(&file, config)?;
    text.push('\n');
    Ok(text)
}

fn event(timeline: &Timeline, index: usize) -> EventRecord {
    let e = &timeline.events[index];
    let ids = super::Ids::of(timeline, e);
    let text = |t: crate::model::timeline::TextRef<'_>| {
        let t = t.to_text();
        Text {
            en: t.exact(Lang::En).map(str::to_owned),
            be: t.exact(Lang::Be).map(str::to_owned),
            ru: t.exact(Lang::Ru).map(str::to_owned),
        }
    };
    EventRecord {
        id: e.id().to_owned(),
        start: e.start.to_string(),
        end: e.end.map(|d| d.to_string()),
        time: e.time.map(|t| t.format("%H:%M").to_string()),
        category: timeline.categories[usize::from(e.category)].id.clone(),
        importance: e.importance,
        title: text(e.title()),
        summary: text(e.summary()),
        places: ids.places,
        actors: ids.actors,
        tags: ids.tags,
        image: e.image().cloned(),
        sources: e
            .sources()
            .map(|s| Source {
                title: s.title.to_owned(),
                publisher: s.publisher.to_owned(),
                published: s.published.map(str::to_owned),
                url: s.url.map(str::to_owned),
            })
            .collect(),
    }
}
