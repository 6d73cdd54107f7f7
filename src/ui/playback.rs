//! The map's commands and playback, carried out on the [`App`]: a runtime state that moves
//! the timeline's window forward a little every frame, through [`ViewCommand::Set`].

use crate::timeline::playback::{self, advance, faster, start_from};

use super::app::App;
use super::command::{Command, MapCommand, ViewCommand};

/// The longest time one frame of playback may cover: after a stall (a dragged window, a slow
/// frame) the sweep goes on where it was instead of leaping.
const MAX_FRAME_SECONDS: f64 = 0.25;

impl App {
    /// Carries out a map command at egui time `now`.
    pub(super) fn apply_map(&mut self, command: MapCommand, now: f64) {
        match command {
            MapCommand::Show(show) => {
                self.state.map = show;
                if !show {
                    self.runtime.hovered_places.clear();
                }
            }
            MapCommand::SetView(view) => self.state.map_view = Some(view),
            MapCommand::Hover(places) => self.runtime.hovered_places = places,
            MapCommand::WholePeriod(whole) => self.state.map_whole_period = whole,
            MapCommand::Play(true) => {
                let (Some(shown), Some(view)) = (&self.shown, self.view()) else {
                    return;
                };
                let (start, end) = shown.limits;
                self.set_view(start_from(view, start, end));
                self.runtime.playing_since = Some(now);
            }
            MapCommand::Play(false) => self.runtime.playing_since = None,
            MapCommand::Step(delta) => {
                if let Some(view) = self.view() {
                    let step = playback::speed(self.state.play_speed) * f64::from(delta);
                    self.set_view(view.pan(step));
                }
            }
            MapCommand::Speed(delta) => {
                self.state.play_speed = faster(self.state.play_speed, delta);
            }
        }
    }

    /// While playback runs, the view of this frame (at egui time `now`); at the end of the
    /// data, playback stops.
    pub(super) fn playback_step(&mut self, now: f64) -> Option<Command> {
        let last = self.runtime.playing_since?;
        let (Some(shown), Some(view)) = (&self.shown, self.view()) else {
            self.runtime.playing_since = None;
            return None;
        };
        let elapsed = (now - last).clamp(0.0, MAX_FRAME_SECONDS);
        let speed = playback::speed(self.state.play_speed);
        let (next, finished) = advance(view, elapsed, speed, shown.limits.1);
        self.runtime.playing_since = (!finished).then_some(now);
        Some(ViewCommand::Set(next).into())
    }
}
