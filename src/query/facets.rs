//! How many events each category, place, actor and tag has.

use crate::model::Timeline;

/// Counts per facet value, computed once per timeline.
#[derive(Clone, Debug, Default)]
pub struct Facets {
    /// Per category.
    pub categories: Vec<usize>,
    /// Per place.
    pub places: Vec<usize>,
    /// Per actor.
    pub actors: Vec<usize>,
    /// Per tag.
    pub tags: Vec<usize>,
}

impl Facets {
    /// Counts every event once per facet value.
    pub fn new(timeline: &Timeline) -> Self {
        let mut facets = Self {
            categories: vec![0; timeline.categories.len()],
            places: vec![0; timeline.places.len()],
            actors: vec![0; timeline.actors.len()],
            tags: vec![0; timeline.tags.len()],
        };
        for event in &timeline.events {
            facets.categories[usize::from(event.category)] += 1;
            for &p in event.places() {
                facets.places[p as usize] += 1;
            }
            for &a in event.actors() {
                facets.actors[a as usize] += 1;
            }
            for &t in event.tags() {
                facets.tags[t as usize] += 1;
            }
        }
        facets
    }
}
