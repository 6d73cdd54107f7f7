//! What the user asked for, grouped by domain. Panels return commands; [`super::App::apply`]
//! carries them out in one place, so every view can react to every change.

use std::path::PathBuf;

use crate::map::MapView;
use crate::model::{FuzzyDate, Lang, Seconds};
use crate::query::Filter;
use crate::timeline::TimeView;

use super::theme::Theme;

/// A zoom preset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    /// Everything.
    All,
    /// About a month.
    Month,
    /// About a week.
    Week,
    /// One day.
    Day,
}

/// Something the user asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Change what time range is shown.
    View(ViewCommand),
    /// Change the selected or hovered event.
    Selection(SelectionCommand),
    /// Change what events are shown.
    Filter(FilterCommand),
    /// Drive the classroom presentation.
    Present(PresentCommand),
    /// Open, load or save files.
    File(FileCommand),
    /// Language, theme, clipboard, links.
    App(AppCommand),
    /// The map and playback.
    Map(MapCommand),
}

/// Changes of the visible time range. Wheel, drag and the overview set the view at once;
/// buttons, keys and presets animate to it.
#[derive(Clone, Debug, PartialEq)]
pub enum ViewCommand {
    /// Show this range now (direct manipulation: wheel, drag, pinch, overview).
    Set(TimeView),
    /// Move smoothly to this range.
    AnimateTo(TimeView),
    /// Fit the whole timeline.
    FitAll,
    /// Show a time span (with a margin), zooming in or out.
    ZoomTo(Seconds, Seconds),
    /// Zoom in on a time span (a cluster): never out, at least by half.
    ZoomInto(Seconds, Seconds),
    /// Zoom by a factor around the centre.
    Zoom(f64),
    /// A zoom preset around the selection or the centre.
    Preset(Preset),
    /// Show this day.
    GoTo(FuzzyDate),
    /// Collapse or expand a lane.
    ToggleLane(usize),
}

/// Changes of the selected or hovered event.
#[derive(Clone, Debug, PartialEq)]
pub enum SelectionCommand {
    /// Select the event at this index (or none), bringing it into view.
    Select(Option<usize>),
    /// Select the next (+1) or previous (−1) shown event.
    Step(i32),
    /// Select the event nearest in time to the selected one in the next lane down (+1) or up
    /// (−1) that shows events.
    Lane(i32),
    /// Select the first shown event.
    First,
    /// Select the last shown event.
    Last,
    /// The pointer is over this event (or none) in some view: the others highlight it.
    Hover(Option<usize>),
    /// Show these events as a list to pick from (a cluster zooming cannot split), or close it.
    List(Option<Vec<usize>>),
}

/// Changes of the filter.
#[derive(Clone, Debug, PartialEq)]
pub enum FilterCommand {
    /// Replace the filter.
    Set(Filter),
    /// Show only events with this place.
    Place(String),
    /// Show only events with this actor.
    Actor(String),
    /// Hide events that do not match the search (instead of dimming them).
    HideUnmatched(bool),
}

/// The classroom presentation.
#[derive(Clone, Debug, PartialEq)]
pub enum PresentCommand {
    /// Start presenting a tour (or, with `None`, the events the filters show) at a step.
    Start {
        /// Tour index.
        tour: Option<usize>,
        /// Step, from 0.
        step: usize,
    },
    /// Leave the presentation.
    Stop,
    /// Go to a step.
    Step(usize),
    /// Blank the screen, or bring it back.
    Blank(bool),
    /// A digit typed for "number + Enter".
    TypeDigit(u8),
    /// Choose the tour the Present button starts (and highlight its steps in the window).
    ChooseTour(Option<usize>),
    /// Open or close the presenter window (notes, next step, clock) beside the audience view.
    Presenter(bool),
    /// The presenter window was moved here (outer top-left, in points).
    PresenterMoved([f32; 2]),
    /// Show or hide the teaching note on the audience view.
    AudienceNotes(bool),
    /// Play (step on every few seconds, looping) or pause.
    Autoplay(bool),
    /// Step on by itself every this many seconds, from now.
    AutoplayEvery(f64),
}

/// Files.
#[derive(Clone, Debug, PartialEq)]
pub enum FileCommand {
    /// Ask for an events file with the system's file dialog.
    Choose,
    /// Load an events file; on errors the last good data stays and a banner lists them.
    Load(PathBuf),
    /// Save what is on screen as a PNG file the user chooses.
    SavePng,
    /// Save what is on screen as a PNG file at this path (typed in the built-in path dialog).
    SavePngTo(PathBuf),
    /// Put the command line that opens this view on the clipboard.
    CopyLink,
}

/// The application itself.
#[derive(Clone, Debug, PartialEq)]
pub enum AppCommand {
    /// Open a link in the system browser (checked to be http or https first).
    OpenUrl(String),
    /// Put text on the clipboard (a citation).
    Copy(String),
    /// Change the language.
    SetLang(Lang),
    /// Change the theme.
    SetTheme(Theme),
    /// Focus the search field.
    FocusSearch,
    /// Show or hide the help with every shortcut.
    ToggleHelp,
    /// Show view changes at once instead of animating them (and no other animation).
    ReduceMotion(bool),
    /// Scale all text and controls by this factor (1.0 is normal).
    SetTextScale(f32),
}

/// The map panel and the playback that sweeps the timeline's window through time.
#[derive(Clone, Debug, PartialEq)]
pub enum MapCommand {
    /// Show or hide the map.
    Show(bool),
    /// Show this part of the map (wheel, drag, double-click, a click on merged markers).
    SetView(MapView),
    /// The pointer is over a marker of these places (or none): the timeline marks their events.
    Hover(Vec<u32>),
    /// Count the whole period instead of the visible range.
    WholePeriod(bool),
    /// Start (`true`) or pause playback.
    Play(bool),
    /// Move the window one playback step forward (+1) or back (−1).
    Step(i32),
    /// Play faster (+1) or slower (−1).
    Speed(i32),
}

impl From<MapCommand> for Command {
    fn from(command: MapCommand) -> Self {
        Command::Map(command)
    }
}

impl From<ViewCommand> for Command {
    fn from(command: ViewCommand) -> Self {
        Command::View(command)
    }
}

impl From<SelectionCommand> for Command {
    fn from(command: SelectionCommand) -> Self {
        Command::Selection(command)
    }
}

impl From<FilterCommand> for Command {
    fn from(command: FilterCommand) -> Self {
        Command::Filter(command)
    }
}

impl From<PresentCommand> for Command {
    fn from(command: PresentCommand) -> Self {
        Command::Present(command)
    }
}

impl From<FileCommand> for Command {
    fn from(command: FileCommand) -> Self {
        Command::File(command)
    }
}

impl From<AppCommand> for Command {
    fn from(command: AppCommand) -> Self {
        Command::App(command)
    }
}
