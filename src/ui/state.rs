//! What the reader chose and the window remembers across restarts.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::map::MapView;
use crate::model::{Lang, Timeline};
use crate::query::Filter;
use crate::timeline::TimeView;

use super::theme::Theme;

/// The reader's choices: persisted with eframe (`#[serde(default)]`, so an older or partial
/// file still loads). Events, lanes and tours are named by id, so the choices survive a reload
/// of the data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    /// Interface and data language.
    pub lang: Lang,
    /// Theme.
    pub theme: Theme,
    /// Filter, search included.
    pub filter: Filter,
    /// Hide instead of dim non-matching events.
    pub hide_unmatched: bool,
    /// The visible range (`None` until data has been shown).
    pub view: Option<TimeView>,
    /// The selected event, by id.
    pub selected: Option<String>,
    /// Collapsed lanes, by category id.
    pub collapsed: BTreeSet<String>,
    /// Text scale of the window (never the presentation's).
    pub zoom: Option<f32>,
    /// The tour the Present button starts, by id.
    pub tour: Option<String>,
    /// Jumps of the view happen at once, without animation.
    pub reduce_motion: bool,
    /// Presenting opens the presenter window too (a teacher with two screens).
    pub presenter_window: bool,
    /// Where the teacher last put the presenter window (its outer top-left, in points), so
    /// that it opens on their own screen again.
    pub presenter_position: Option<[f32; 2]>,
    /// The map is shown.
    pub map: bool,
    /// The part of the map shown (`None`: Belarus and its neighbours, fitted to the panel).
    pub map_view: Option<MapView>,
    /// The map counts the whole period, not the visible range.
    pub map_whole_period: bool,
    /// Playback speed, an index into [`crate::timeline::playback::SPEEDS`].
    pub play_speed: usize,
}

impl Default for State {
    fn default() -> Self {
        Self {
            lang: Lang::En,
            theme: Theme::default(),
            filter: Filter::default(),
            hide_unmatched: false,
            view: None,
            selected: None,
            collapsed: BTreeSet::new(),
            zoom: None,
            tour: None,
            reduce_motion: false,
            presenter_window: false,
            presenter_position: None,
            map: false,
            map_view: None,
            map_whole_period: false,
            play_speed: crate::timeline::playback::DEFAULT_SPEED,
        }
    }
}

impl State {
    /// Drops what `timeline` does not have: ids of events, categories, places, actors, tags and
    /// tours that no longer exist.
    pub fn retain_known(&mut self, timeline: &Timeline) {
        let filter = &mut self.filter;
        filter
            .categories
            .retain(|id| timeline.categories.iter().any(|c| &c.id == id));
        filter
            .places
            .retain(|id| timeline.places.iter().any(|p| &p.id == id));
        filter
            .actors
            .retain(|id| timeline.actors.iter().any(|a| &a.id == id));
        filter.tags.retain(|id| timeline.tags.contains(id));
        self.collapsed
            .retain(|id| timeline.categories.iter().any(|c| &c.id == id));
        if self
            .selected
            .as_deref()
            .is_some_and(|id| timeline.event_index(id).is_none())
        {
            self.selected = None;
        }
        if self
            .tour
            .as_deref()
            .is_some_and(|id| timeline.tour(id).is_none())
        {
            self.tour = None;
        }
    }

    /// The selected event's index in `timeline`.
    pub fn selected_index(&self, timeline: &Timeline) -> Option<usize> {
        self.selected
            .as_deref()
            .and_then(|id| timeline.event_index(id))
    }

    /// The chosen tour's index in `timeline`.
    pub fn tour_index(&self, timeline: &Timeline) -> Option<usize> {
        self.tour
            .as_deref()
            .and_then(|id| timeline.tours.iter().position(|t| t.id == id))
    }

    /// Whether the lane of category `id` is collapsed.
    pub fn is_collapsed(&self, id: &str) -> bool {
        self.collapsed.contains(id)
    }
}
