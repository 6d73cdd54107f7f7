//! What is shown: one filter type for the window, `export` and `render`.

pub mod facets;
pub mod fold;
pub mod index;

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::date::{DAY, seconds_from_date};
use crate::model::{Event, Lang, Timeline};

pub use fold::fold;
pub use index::IndexCell;

/// A selection of events. Within one facet any listed value matches (categories A or B); across
/// facets all must match (category A and place P). An empty facet does not restrict.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filter {
    /// Category ids.
    pub categories: BTreeSet<String>,
    /// Importance levels (1, 2, 3).
    pub importance: BTreeSet<u8>,
    /// Place ids.
    pub places: BTreeSet<String>,
    /// Actor ids.
    pub actors: BTreeSet<String>,
    /// Tags.
    pub tags: BTreeSet<String>,
    /// First day shown.
    pub from: Option<NaiveDate>,
    /// Last day shown (inclusive).
    pub to: Option<NaiveDate>,
    /// Free text, in any language and spelling; every word must match.
    pub search: String,
}

/// An id in a filter that the timeline does not know.
#[derive(Debug, thiserror::Error)]
#[error("unknown {kind} `{id}`{hint}")]
pub struct UnknownId {
    /// category, place, actor or tag.
    pub kind: &'static str,
    /// The id given.
    pub id: String,
    /// A suggestion and the known ids.
    pub hint: String,
}

impl Filter {
    /// True when nothing is filtered out.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// Resolves the filter against a timeline, for fast matching. A search query uses the
    /// timeline's `index`, building it if it is not built yet.
    pub fn compile<'t>(
        &self,
        timeline: &'t Timeline,
        index: &IndexCell,
    ) -> Result<Compiled<'t>, UnknownId> {
        let resolve = |kind: &'static str, ids: &BTreeSet<String>, known: Vec<&str>| {
            ids.iter()
                .map(|id| {
                    known
                        .iter()
                        .position(|k| k == id)
                        .map(|i| i as u32)
                        .ok_or_else(|| {
                            let suggestion =
                                crate::model::check::did_you_mean(id, known.iter().copied())
                                    .map(|s| format!("; did you mean `{s}`?"))
                                    .unwrap_or_default();
                            let listed = if known.len() <= 40 {
                                format!(" (known: {})", known.join(", "))
                            } else {
                                String::new()
                            };
                            UnknownId {
                                kind,
                                id: id.clone(),
                                hint: format!("{suggestion}{listed}"),
                            }
                        })
                })
                .collect::<Result<Vec<u32>, _>>()
        };
        let categories = resolve(
            "category",
            &self.categories,
            timeline.categories.iter().map(|c| c.id.as_str()).collect(),
        )?;
        let places = resolve(
            "place",
            &self.places,
            timeline.places.iter().map(|p| p.id.as_str()).collect(),
        )?;
        let actors = resolve(
            "actor",
            &self.actors,
            timeline.actors.iter().map(|a| a.id.as_str()).collect(),
        )?;
        let tags = resolve(
            "tag",
            &self.tags,
            timeline.tags.iter().map(String::as_str).collect(),
        )?;
        Ok(Compiled {
            timeline,
            categories,
            importance: self.importance.iter().copied().collect(),
            places,
            actors,
            tags,
            from: self.from.map(seconds_from_date),
            to: self.to.map(|d| seconds_from_date(d) + DAY),
            search: Search::new(timeline, index, &self.search),
        })
    }
}

/// A filter resolved against one timeline.
pub struct Compiled<'t> {
    timeline: &'t Timeline,
    categories: Vec<u32>,
    importance: Vec<u8>,
    places: Vec<u32>,
    actors: Vec<u32>,
    tags: Vec<u32>,
    from: Option<f64>,
    to: Option<f64>,
    search: Search,
}

impl Compiled<'_> {
    /// Whether the event at `index` passes every facet.
    pub fn matches(&self, index: usize) -> bool {
        let event = &self.timeline.events[index];
        let any = |wanted: &[u32], have: &[u32]| {
            wanted.is_empty() || have.iter().any(|h| wanted.contains(h))
        };
        (self.categories.is_empty() || self.categories.contains(&u32::from(event.category)))
            && (self.importance.is_empty() || self.importance.contains(&event.importance))
            && any(&self.places, event.places())
            && any(&self.actors, event.actors())
            && any(&self.tags, event.tags())
            && self
                .from
                .is_none_or(|from| event.end_seconds().max(event.start_seconds() + 1.0) > from)
            && self.to.is_none_or(|to| event.start_seconds() < to)
            && self.search.matches(index)
    }

    /// Indices of the matching events, in time order.
    pub fn apply(&self) -> Vec<usize> {
        let range = match (self.from, self.to) {
            (None, None) => 0..self.timeline.events.len(),
            (from, to) => self
                .timeline
                .range(from.unwrap_or(f64::MIN), to.unwrap_or(f64::MAX)),
        };
        range.filter(|&i| self.matches(i)).collect()
    }

    /// Per event, whether the search part matches it; `None` without a query.
    pub fn search_mask(&self) -> Option<&[bool]> {
        self.search.matched.as_deref()
    }
}

/// A folded query, resolved once into the events it matches.
struct Search {
    /// Per event, whether every word of the query matches it; `None` without a query. A word
    /// matches an event whose text contains one of the word's stems (from the search index):
    /// the word's own, plus the surnames of the actors and the names of the places it matched,
    /// in every spelling (so "Тихановская" also finds a text that says "Tsikhanouskaya's"),
    /// or an event that names one of those actors or places.
    matched: Option<Vec<bool>>,
}

/// Drops trailing vowels so that inflected forms meet: "cihanouskaia" and "cihanouskai"
/// (Ціханоўская, Ціханоўскай) both give "cihanousk"; "hrodna" and "hrodno" give "hrodn".
pub fn stem(folded: &str) -> &str {
    let mut end = folded.len();
    while end > 4
        && folded.as_bytes()[end - 1].is_ascii()
        && b"aeiou".contains(&folded.as_bytes()[end - 1])
    {
        end -= 1;
    }
    &folded[..end]
}

impl Search {
    fn new(timeline: &Timeline, index: &IndexCell, query: &str) -> Self {
        fn spellings<'a>(
            name: &'a crate::model::Text,
            aliases: &'a [String],
        ) -> impl Iterator<Item = &'a str> {
            name.iter()
                .map(|(_, n)| n)
                .chain(aliases.iter().map(String::as_str))
        }
        let matched = fold(query)
            .split(' ')
            .filter(|t| !t.is_empty())
            .map(|folded| {
                let mut stems = vec![stem(folded).to_owned()];
                let mut matched = |names: &mut dyn Iterator<Item = &str>| {
                    let names: Vec<String> = names.map(fold).collect();
                    let hit = names.iter().any(|n| n.contains(folded));
                    if hit {
                        for name in &names {
                            if let Some(last) = name.rsplit(' ').next().filter(|w| w.len() >= 4) {
                                stems.push(stem(last).to_owned());
                            }
                        }
                    }
                    hit
                };
                let actors: Vec<u32> = (0..timeline.actors.len() as u32)
                    .filter(|&i| {
                        let actor = &timeline.actors[i as usize];
                        matched(&mut spellings(&actor.name, &actor.aliases))
                    })
                    .collect();
                let places: Vec<u32> = (0..timeline.places.len() as u32)
                    .filter(|&i| {
                        let place = &timeline.places[i as usize];
                        matched(&mut spellings(&place.name, &place.aliases))
                    })
                    .collect();
                stems.sort();
                stems.dedup();
                let index = index.get_or_build(timeline);
                let mut marks = vec![false; timeline.events.len()];
                index.mark(&stems, &mut marks);
                for actor in actors {
                    index.mark_actor(actor, &mut marks);
                }
                for place in places {
                    index.mark_place(place, &mut marks);
                }
                marks
            })
            .reduce(|mut all, term| {
                for (a, t) in all.iter_mut().zip(term) {
                    *a &= t;
                }
                all
            });
        Self { matched }
    }

    fn matches(&self, index: usize) -> bool {
        self.matched
            .as_ref()
            .is_none_or(|m| m.get(index).copied().unwrap_or(false))
    }
}

/// Everything about an event that search looks at, folded.
pub fn haystack(timeline: &Timeline, event: &Event) -> String {
    let mut text = String::new();
    for lang in Lang::ALL {
        for part in [event.title().exact(lang), event.summary().exact(lang)]
            .into_iter()
            .flatten()
        {
            text.push_str(part);
            text.push(' ');
        }
    }
    for &tag in event.tags() {
        if let Some(tag) = timeline.tags.get(tag as usize) {
            text.push_str(&tag.replace('-', " "));
            text.push(' ');
        }
    }
    for source in event.sources() {
        text.push_str(source.publisher);
        text.push(' ');
    }
    text.push_str(&event.id().replace('-', " "));
    fold(&text)
}
