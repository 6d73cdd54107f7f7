//! The read-only context of one frame, handed to every panel (like Rerun's `ViewerContext`).

use crate::model::{Lang, Timeline};
use crate::timeline::TimeView;

use super::present_ui::Presentation;
use super::shown::Shown;
use super::state::State;
use super::theme::Palette;

/// Everything a panel may read this frame. Panels change nothing through it: they return
/// commands.
pub struct FrameCtx<'a> {
    /// The data.
    pub timeline: &'a Timeline,
    /// What the filters and the search show.
    pub shown: &'a Shown,
    /// The reader's choices.
    pub state: &'a State,
    /// Colours of the theme.
    pub palette: Palette,
    /// The interface and data language.
    pub lang: Lang,
    /// The visible range this frame.
    pub view: TimeView,
    /// The selected event.
    pub selected: Option<usize>,
    /// The event under the pointer in any view (last frame's), for the others to highlight.
    pub hovered: Option<usize>,
    /// A running presentation.
    pub presentation: Option<&'a Presentation>,
    /// The tour the Present button starts.
    pub tour: Option<usize>,
    /// A changed file is being read.
    pub reloading: bool,
    /// A short message for the toolbar (a saved file, a failed save).
    pub status: Option<String>,
    /// A citation was copied a moment ago.
    pub copied: bool,
    /// Errors of a file that did not load while the last good data stays on screen.
    pub banner: &'a [String],
    /// Events shown as a list to pick from.
    pub listing: Option<&'a [usize]>,
    /// The help is open.
    pub help: bool,
    /// Drawn to an image (`render`), not a window.
    pub offscreen: bool,
    /// The name of the data file.
    pub file_name: &'a str,
    /// The places of the map marker under the pointer: the timeline marks their events.
    pub hovered_places: &'a [u32],
    /// Playback is sweeping the view through time.
    pub playing: bool,
    /// Only the map is drawn (`render --map`).
    pub map_only: bool,
}

impl FrameCtx<'_> {
    /// Whether lane `lane` is collapsed: by the reader's choice, or, while presenting, every
    /// lane but the current event's (so the whole timeline fits above the card).
    pub fn is_collapsed(&self, lane: usize) -> bool {
        match (self.presentation, self.selected) {
            (Some(_), Some(selected)) => {
                usize::from(self.timeline.events[selected].category) != lane
            }
            _ => self
                .timeline
                .categories
                .get(lane)
                .is_some_and(|c| self.state.is_collapsed(&c.id)),
        }
    }

    /// The step number (from 1) of event `index` in the chosen tour, while the window (not a
    /// presentation) shows that tour's steps.
    pub fn tour_step(&self, index: usize) -> Option<usize> {
        if self.presentation.is_some() {
            return None;
        }
        let tour = self.timeline.tours.get(self.tour?)?;
        tour.steps
            .iter()
            .position(|(i, _)| *i == index)
            .map(|n| n + 1)
    }

    /// Whether event `index` happened at a place of the hovered map marker.
    pub fn is_at_hovered_place(&self, index: usize) -> bool {
        !self.hovered_places.is_empty()
            && self.timeline.events[index]
                .places()
                .iter()
                .any(|p| self.hovered_places.contains(p))
    }

    /// Whether event `index` is drawn at full strength.
    pub fn is_highlighted(&self, index: usize) -> bool {
        self.shown.is_highlighted(index)
    }
}
