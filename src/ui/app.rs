//! The application: the reader's [`State`], the derived [`Shown`], the panels, and the one
//! place where commands change them.

use std::path::Path;
use std::sync::{Arc, Mutex};

use crate::i18n::{t, tr};
use crate::model::date::{DAY, date_from_seconds, seconds_from_date};
use crate::model::{LoadError, Timeline};
use crate::query::IndexCell;
use crate::timeline::TimeView;

use super::command::{
    AppCommand, Command, FileCommand, FilterCommand, MapCommand, PresentCommand, Preset,
    SelectionCommand, ViewCommand,
};
use super::frame::FrameCtx;
use super::loading::{Loading, Poll};
use super::panels::Panels;
use super::path_dialog_ui::{PathDialog, Purpose};
use super::present_ui::{Autoplay, Presentation, present_zoom};
use super::shortcuts::{self, Action};
use super::shown::Shown;
use super::state::State;
use super::timeline_ui::ANIMATION_SECONDS;

/// What was loaded: a timeline, or the errors that kept a file from loading.
pub enum Loaded {
    /// A checked timeline, and the name of its file.
    Timeline(Arc<Timeline>, String),
    /// The file's errors, one `file:line:col: message` per line.
    Errors(Vec<String>),
    /// A large file being opened on a thread: the window shows its progress meanwhile.
    Loading(Loading),
}

impl Loaded {
    /// From the result of a load.
    pub fn from_result(result: Result<Timeline, LoadError>, name: &str) -> Self {
        match result {
            Ok(timeline) => Loaded::Timeline(Arc::new(timeline), name.to_owned()),
            Err(err) => Loaded::Errors(err.lines_capped(MAX_SHOWN_ERRORS)),
        }
    }
}

/// How many errors of a file are listed one by one; the rest are counted by kind.
pub const MAX_SHOWN_ERRORS: usize = 1000;

/// How soon a file dialog that shows nothing comes back: quicker than anyone can cancel one,
/// so the system has no file dialog (no portal, no zenity) and the built-in one is offered.
const NO_DIALOG_WITHIN: std::time::Duration = std::time::Duration::from_millis(300);

/// The key under which [`State`] is stored.
pub const SAVED_KEY: &str = "belarus-timeline-state";

/// Seconds per step when autoplay is started with a key rather than `--autoplay`.
pub const DEFAULT_AUTOPLAY_SECONDS: f64 = 12.0;

/// The smallest text scale (a zoom factor of the whole window).
pub const MIN_TEXT_SCALE: f32 = 0.5;
/// The largest text scale.
pub const MAX_TEXT_SCALE: f32 = 3.0;

/// A smooth jump of the view.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Animation {
    from: TimeView,
    to: TimeView,
    /// egui time when it started.
    start: f64,
}

/// What lives only while the program runs: resources, not choices.
pub struct Runtime {
    /// A running presentation.
    pub presentation: Option<Presentation>,
    /// Commands queued from outside (the command line, `render`), applied on the next frame.
    pub queued: Vec<Command>,
    /// Errors of a file that did not load while other data stays on screen.
    pub banner: Vec<String>,
    /// Watches the open file for changes.
    pub watcher: Option<crate::reload::Watcher>,
    /// A changed file is being read.
    pub reloading: bool,
    /// A short message in the toolbar (a saved file, a failed save), set from the screenshot
    /// callback.
    pub status: Arc<Mutex<Option<String>>>,
    /// A running jump of the view.
    animation: Option<Animation>,
    /// The window's context, once it has drawn: a search index built on a thread wakes it.
    repaint: Option<egui::Context>,
    /// The event under the pointer in any view.
    hovered: Option<usize>,
    /// When the citation was copied (egui time), for a short confirmation.
    copied_at: Option<f64>,
    /// The text scale to apply on the next frame (restored state).
    pending_zoom: Option<f32>,
    /// Counts loads, so that panels can drop caches of the old data.
    data_generation: u64,
    /// Events shown as a list to pick from (a cluster zooming cannot split).
    listing: Option<Vec<usize>>,
    /// The help is open.
    help: bool,
    /// Drawn to an image, not a window: no live hints such as the keys' footer.
    pub offscreen: bool,
    /// The built-in path dialog, when the system has no file dialog.
    pub path_dialog: Option<super::path_dialog_ui::PathDialog>,
    /// The places of the map marker under the pointer.
    pub hovered_places: Vec<u32>,
    /// While playback runs: the egui time of its last step.
    pub playing_since: Option<f64>,
    /// Only the map is drawn (`render --map`).
    pub map_only: bool,
    /// What to do once a file that is loading has loaded (go to the event given on the
    /// command line, start a presentation): commands, or a message for the banner.
    pub on_loaded: Option<OnLoaded>,
}

/// Commands that need the timeline, made once it has loaded.
pub type OnLoaded = Box<dyn FnOnce(&Timeline) -> Result<Vec<Command>, String> + Send>;

impl Runtime {
    /// The events shown as a list to pick from, if a list is open.
    pub fn listing(&self) -> Option<&[usize]> {
        self.listing.as_deref()
    }
}

/// The application.
pub struct App {
    /// What was loaded.
    pub loaded: Loaded,
    /// The reader's choices, remembered across restarts.
    pub state: State,
    /// What the choices show (for a loaded timeline).
    pub shown: Option<Shown>,
    /// The panels, each with its own widget state.
    pub panels: Panels,
    /// Resources of this run.
    pub runtime: Runtime,
}

impl App {
    /// An application showing `loaded`.
    pub fn new(loaded: Loaded, lang: crate::model::Lang) -> Self {
        Self::with_search_index(loaded, lang, IndexCell::default())
    }

    /// An application showing `loaded`, whose search index is (or is being) built in `index`.
    pub fn with_search_index(loaded: Loaded, lang: crate::model::Lang, index: IndexCell) -> Self {
        let mut app = Self {
            loaded,
            state: State {
                lang,
                ..State::default()
            },
            shown: None,
            panels: Panels::default(),
            runtime: Runtime {
                presentation: None,
                queued: Vec::new(),
                banner: Vec::new(),
                watcher: None,
                reloading: false,
                status: Arc::default(),
                animation: None,
                repaint: None,
                hovered: None,
                copied_at: None,
                // The window's own scale, whatever egui remembered (a presentation's, say).
                pending_zoom: Some(1.0),
                data_generation: 0,
                listing: None,
                help: false,
                offscreen: false,
                path_dialog: None,
                hovered_places: Vec::new(),
                playing_since: None,
                map_only: false,
                on_loaded: None,
            },
        };
        app.data_changed(index);
        app
    }

    /// Restores remembered state; ids that no longer exist are dropped.
    pub fn restore(&mut self, mut state: State) {
        if let Some(timeline) = self.timeline() {
            state.retain_known(timeline);
        }
        self.runtime.pending_zoom = Some(state.zoom.unwrap_or(1.0));
        self.state = state;
        self.refilter();
        let view = self.view();
        if let Some(view) = view {
            self.set_view(view);
        }
    }

    /// What to remember: the state, with the window's text scale (never the presentation's).
    pub fn saved(&self, zoom: f32) -> State {
        State {
            zoom: Some(zoom),
            ..self.state.clone()
        }
    }

    /// The loaded timeline, if the file loaded.
    pub fn timeline(&self) -> Option<&Arc<Timeline>> {
        match &self.loaded {
            Loaded::Timeline(timeline, _) => Some(timeline),
            Loaded::Errors(_) | Loaded::Loading(_) => None,
        }
    }

    /// The events that pass the filter.
    pub fn visible(&self) -> &[usize] {
        self.shown.as_ref().map_or(&[], |s| &s.visible)
    }

    /// The current view, if a timeline is shown.
    pub fn view(&self) -> Option<TimeView> {
        let shown = self.shown.as_ref()?;
        Some(self.state.view.unwrap_or(shown.opening_view))
    }

    /// The selected event's index.
    pub fn selected(&self) -> Option<usize> {
        self.timeline()
            .and_then(|timeline| self.state.selected_index(timeline))
    }

    /// The command line that opens the window on this view and selection.
    pub fn link(&self) -> String {
        let mut link = String::from("belarus-timeline");
        if let Loaded::Timeline(_, name) = &self.loaded
            && name != crate::model::load::BUNDLED_NAME
        {
            link.push_str(&format!(" --events '{}'", name.replace('\'', "'\\''")));
        }
        if let Some(view) = self.view() {
            let from = date_from_seconds(view.min);
            let to = date_from_seconds(view.max() - 1.0);
            link.push_str(&format!(" --from {from} --to {to}"));
        }
        if let Some(id) = &self.state.selected {
            link.push_str(&format!(" --event {id}"));
        }
        link
    }

    /// Selects event `index` (or nothing) without moving the view.
    pub fn set_selected(&mut self, index: Option<usize>) {
        self.state.selected = index
            .zip(self.timeline())
            .and_then(|(i, t)| t.events.get(i))
            .map(|e| e.id().to_owned());
    }

    /// Shows `view` at once (kept within the data's limits), ending any jump.
    pub fn set_view(&mut self, view: TimeView) {
        self.runtime.animation = None;
        if let Some(shown) = &self.shown {
            self.state.view = Some(view.clamped(shown.limits));
        }
    }

    /// Starts a smooth jump to `target` (kept within limits); with reduced motion, shows it at
    /// once.
    fn animate_to(&mut self, target: TimeView, now: f64) {
        if self.state.reduce_motion {
            self.set_view(target);
            return;
        }
        let (Some(shown), Some(from)) = (&self.shown, self.view()) else {
            return;
        };
        let to = target.clamped(shown.limits);
        self.runtime.animation = Some(Animation {
            from,
            to,
            start: now,
        });
    }

    /// Where the view is going: the end of a running jump, or the view itself.
    fn target_view(&self) -> Option<TimeView> {
        self.runtime.animation.map(|a| a.to).or_else(|| self.view())
    }

    /// Advances a running jump; true while it still runs.
    fn tick(&mut self, now: f64) -> bool {
        let Some(animation) = self.runtime.animation else {
            return false;
        };
        let t = ((now - animation.start) / ANIMATION_SECONDS).clamp(0.0, 1.0);
        let eased = 1.0 - (1.0 - t).powi(3);
        self.state.view = Some(animation.from.lerp(&animation.to, eased));
        if t >= 1.0 {
            self.state.view = Some(animation.to);
            self.runtime.animation = None;
        }
        self.runtime.animation.is_some()
    }

    /// The data changed: derive everything anew and warm the search index in `index` (a new
    /// cell for a new timeline).
    fn data_changed(&mut self, index: IndexCell) {
        self.runtime.data_generation += 1;
        self.shown = self
            .timeline()
            .map(|timeline| Shown::new(timeline, self.runtime.data_generation, index.clone()));
        if let Some(timeline) = self.timeline().cloned() {
            warm_search_index(&timeline, &index, self.runtime.repaint.clone());
            self.state.retain_known(&timeline);
        }
        self.refilter();
        if let Some(view) = self.view() {
            self.set_view(view);
        }
    }

    /// The filter or the search changed: the one place [`Shown`] is rebuilt.
    fn refilter(&mut self) {
        let Loaded::Timeline(timeline, _) = &self.loaded else {
            return;
        };
        if let Some(shown) = &mut self.shown {
            shown.rebuild(timeline, &self.state);
        }
    }

    /// Loads another file (and watches it). A file that does not load leaves the current data
    /// on screen and lists its errors in a banner.
    pub fn load_file(&mut self, path: &Path) {
        let result = crate::model::load_path(path);
        self.accept(result, &path.display().to_string());
    }

    /// Takes a freshly loaded file: on success it replaces the data, keeping the selection,
    /// the filter and the visible range where their ids still exist; on failure the last good
    /// data stays and a banner lists every error.
    pub fn accept(&mut self, result: Result<Timeline, LoadError>, name: &str) {
        self.accept_indexed(result.map(Arc::new), name, IndexCell::default());
    }

    /// [`App::accept`], with the search index of the new timeline (built, being built, or
    /// empty).
    fn accept_indexed(
        &mut self,
        result: Result<Arc<Timeline>, LoadError>,
        name: &str,
        index: IndexCell,
    ) {
        match result {
            Ok(timeline) => {
                self.loaded = Loaded::Timeline(timeline, name.to_owned());
                self.runtime.banner.clear();
                self.runtime.animation = None;
                self.runtime.listing = None;
                self.data_changed(index);
            }
            Err(err) => match self.loaded {
                Loaded::Timeline(..) => self.runtime.banner = err.lines_capped(MAX_SHOWN_ERRORS),
                Loaded::Errors(_) | Loaded::Loading(_) => {
                    self.loaded = Loaded::Errors(err.lines_capped(MAX_SHOWN_ERRORS));
                }
            },
        }
    }

    /// Takes what the loader of a large file sent, if it has: the timeline replaces the
    /// loading page and the commands waiting for it run.
    fn poll_loading(&mut self, ctx: &egui::Context) {
        let Loaded::Loading(loading) = &self.loaded else {
            return;
        };
        let name = loading.name.clone();
        let finished = match loading.poll() {
            Poll::Pending => return,
            Poll::Finished(finished) => finished,
            Poll::Lost => {
                self.loaded = Loaded::Errors(vec![format!(
                    "{name}: the file could not be read (the loader stopped)"
                )]);
                return;
            }
        };
        let from_cache = finished.source == crate::cache::Source::Cache;
        self.accept_indexed(finished.result, &name, finished.index);
        let Some(timeline) = self.timeline().cloned() else {
            return;
        };
        ctx.send_viewport_cmd(egui::ViewportCommand::Title(
            timeline.title.get(self.state.lang).to_owned(),
        ));
        if from_cache {
            self.say(tr(
                self.state.lang,
                "loading-opened-cache",
                &[("seconds", format!("{:.1}", finished.seconds))],
            ));
        }
        if let Some(on_loaded) = self.runtime.on_loaded.take() {
            match on_loaded(&timeline) {
                Ok(commands) => self.runtime.queued.extend(commands),
                Err(message) => self.runtime.banner = vec![message],
            }
        }
        ctx.request_repaint();
    }

    /// Watches `path` and reloads it when it changes.
    pub fn watch(&mut self, path: &Path, ctx: &egui::Context) {
        let repaint = ctx.clone();
        match crate::reload::Watcher::new(path, move || repaint.request_repaint()) {
            Ok(watcher) => self.runtime.watcher = Some(watcher),
            Err(err) => {
                self.runtime.watcher = None;
                self.say(tr(
                    self.state.lang,
                    "watch-failed",
                    &[
                        ("file", path.display().to_string()),
                        ("reason", err.to_string()),
                    ],
                ));
            }
        }
    }

    /// A short message in the status line.
    fn say(&self, message: String) {
        if let Ok(mut status) = self.runtime.status.lock() {
            *status = Some(message);
        }
    }

    /// Takes what the watcher reported.
    fn poll_watcher(&mut self) {
        let Some(watcher) = &self.runtime.watcher else {
            return;
        };
        let name = watcher.path().display().to_string();
        for news in watcher.poll() {
            match news {
                crate::reload::Reload::Failed(reason) => self.say(tr(
                    self.state.lang,
                    "watch-failed",
                    &[("file", name.clone()), ("reason", reason)],
                )),
                crate::reload::Reload::Started => self.runtime.reloading = true,
                crate::reload::Reload::Finished(result) => {
                    self.runtime.reloading = false;
                    self.accept(*result, &name);
                }
            }
        }
    }

    /// Carries out a command.
    pub fn apply(&mut self, ctx: &egui::Context, command: impl Into<Command>) {
        let now = ctx.input(|i| i.time);
        match command.into() {
            Command::View(command) => self.apply_view(command, now),
            Command::Selection(command) => self.apply_selection(command, now),
            Command::Filter(command) => {
                match command {
                    FilterCommand::Set(filter) => self.state.filter = filter,
                    FilterCommand::Place(id) => {
                        self.state.filter.places.insert(id);
                    }
                    FilterCommand::Actor(id) => {
                        self.state.filter.actors.insert(id);
                    }
                    FilterCommand::HideUnmatched(hide) => self.state.hide_unmatched = hide,
                }
                self.refilter();
            }
            Command::Present(command) => self.apply_present(ctx, command, now),
            Command::File(command) => self.apply_file(ctx, command),
            Command::Map(command) => self.apply_map(command, now),
            Command::App(command) => match command {
                AppCommand::OpenUrl(url) => {
                    if crate::model::load::check_url(&url).is_ok() {
                        ctx.open_url(egui::OpenUrl::new_tab(url));
                    }
                }
                AppCommand::Copy(text) => {
                    ctx.copy_text(text);
                    self.runtime.copied_at = Some(now);
                }
                AppCommand::SetLang(lang) => self.state.lang = lang,
                AppCommand::SetTheme(theme) => self.state.theme = theme,
                AppCommand::ToggleHelp => self.runtime.help = !self.runtime.help,
                AppCommand::ReduceMotion(reduce) => {
                    self.state.reduce_motion = reduce;
                    if reduce && let Some(animation) = self.runtime.animation {
                        self.set_view(animation.to);
                    }
                }
                AppCommand::SetTextScale(scale) => {
                    let scale = scale.clamp(MIN_TEXT_SCALE, MAX_TEXT_SCALE);
                    ctx.set_zoom_factor(scale);
                    self.state.zoom = Some(scale);
                }
                AppCommand::FocusSearch => {
                    ctx.memory_mut(|m| m.request_focus(super::filters_ui::search_field_id()));
                }
            },
        }
    }

    fn apply_view(&mut self, command: ViewCommand, now: f64) {
        let Some(shown) = &self.shown else {
            return;
        };
        match command {
            ViewCommand::Set(view) => self.set_view(view),
            ViewCommand::AnimateTo(view) => self.animate_to(view, now),
            ViewCommand::FitAll => {
                let all = shown.fit_all();
                self.animate_to(all, now);
            }
            ViewCommand::ZoomTo(t0, t1) => {
                let margin = ((t1 - t0) * 0.15).max(3.0 * 3600.0);
                self.animate_to(TimeView::new(t0 - margin, t1 + margin), now);
            }
            ViewCommand::ZoomInto(t0, t1) => {
                let margin = ((t1 - t0) * 0.15).max(3.0 * 3600.0);
                let mut next = TimeView::new(t0 - margin, t1 + margin);
                // "Click to zoom in" never zooms out: at least halve the span.
                if let Some(view) = self.target_view()
                    && next.span > view.span / 2.0
                {
                    let centre = (t0 + t1) / 2.0;
                    next = TimeView {
                        min: centre - view.span / 4.0,
                        span: view.span / 2.0,
                    };
                }
                self.animate_to(next, now);
            }
            ViewCommand::Zoom(factor) => {
                if let Some(view) = self.target_view() {
                    let centre = view.min + view.span / 2.0;
                    self.animate_to(view.zoom_at(centre, factor), now);
                }
            }
            ViewCommand::Preset(preset) => self.preset(preset, now),
            ViewCommand::GoTo(date) => {
                let (a, b) = (date.start_seconds(), date.end_seconds());
                let margin = (b - a) * 0.25;
                self.animate_to(TimeView::new(a - margin, b + margin), now);
            }
            ViewCommand::ToggleLane(lane) => {
                if let Some(category) = self.timeline().and_then(|t| t.categories.get(lane)) {
                    let id = category.id.clone();
                    if !self.state.collapsed.remove(&id) {
                        self.state.collapsed.insert(id);
                    }
                }
            }
        }
    }

    fn apply_selection(&mut self, command: SelectionCommand, now: f64) {
        let visible = self.visible();
        let pick = match command {
            SelectionCommand::Select(index) => index,
            SelectionCommand::Step(delta) => {
                let position = self
                    .selected()
                    .and_then(|s| visible.iter().position(|&v| v == s));
                let next = match (position, delta) {
                    (Some(p), d) if d > 0 => (p + 1).min(visible.len().saturating_sub(1)),
                    (Some(p), _) => p.saturating_sub(1),
                    (None, d) => self.first_in_view(d > 0),
                };
                match visible.get(next) {
                    Some(&index) => Some(index),
                    None => return,
                }
            }
            SelectionCommand::Lane(delta) => match self.nearest_in_lane(delta) {
                Some(index) => Some(index),
                None => return,
            },
            SelectionCommand::First => match visible.first() {
                Some(&index) => Some(index),
                None => return,
            },
            SelectionCommand::Last => match visible.last() {
                Some(&index) => Some(index),
                None => return,
            },
            SelectionCommand::Hover(index) => {
                self.runtime.hovered = index;
                return;
            }
            SelectionCommand::List(members) => {
                self.runtime.listing = members;
                return;
            }
        };
        self.select(pick, now);
    }

    /// The event nearest in time to the selected one in the next expanded lane with events,
    /// `delta` lanes down (or up); without a selection, the first event in view.
    fn nearest_in_lane(&self, delta: i32) -> Option<usize> {
        if delta == 0 {
            return None;
        }
        let (timeline, shown) = (self.timeline()?, self.shown.as_ref()?);
        let Some(selected) = self.selected() else {
            return self.visible().get(self.first_in_view(true)).copied();
        };
        let event = timeline.events.get(selected)?;
        let lanes = timeline.categories.len() as i64;
        let mut lane = i64::from(event.category);
        loop {
            lane += i64::from(delta.signum());
            if !(0..lanes).contains(&lane) {
                return None;
            }
            let expanded = timeline
                .categories
                .get(lane as usize)
                .is_some_and(|c| !self.state.is_collapsed(&c.id));
            if expanded
                && let Some(index) = shown.lanes.nearest(lane as usize, event.start_seconds())
            {
                return Some(index);
            }
        }
    }

    /// Selects `index` (or nothing) and brings it into view.
    fn select(&mut self, index: Option<usize>, now: f64) {
        let Some(timeline) = self.timeline().cloned() else {
            return;
        };
        self.state.selected = index.map(|i| timeline.events[i].id().to_owned());
        if let Some(index) = index {
            self.bring_into_view(&timeline, index, now);
        }
    }

    fn apply_present(&mut self, ctx: &egui::Context, command: PresentCommand, now: f64) {
        match command {
            PresentCommand::Start { tour, step } => {
                let presenter = self.state.presenter_window;
                self.runtime.presentation = Some(Presentation {
                    tour,
                    step,
                    presenter,
                    audience_notes: !presenter,
                    started: now,
                    ..Default::default()
                });
                ctx.set_zoom_factor(present_zoom(screen_pixels(ctx)));
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
                self.focus_step(now);
            }
            PresentCommand::Stop => {
                // Leaving keeps the tour: the Present button starts it again.
                if let Some(p) = self.runtime.presentation.take() {
                    self.state.tour = p
                        .tour
                        .and_then(|i| self.timeline().and_then(|t| t.tours.get(i)))
                        .map(|tour| tour.id.clone());
                }
                ctx.set_zoom_factor(self.state.zoom.unwrap_or(1.0));
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
            }
            PresentCommand::Presenter(open) => {
                if let Some(p) = &mut self.runtime.presentation {
                    p.presenter = open;
                    // The notes move to the presenter's screen, and back.
                    p.audience_notes = !open;
                }
                self.state.presenter_window = open;
            }
            PresentCommand::PresenterMoved(position) => {
                self.state.presenter_position = Some(position);
            }
            PresentCommand::AudienceNotes(shown) => {
                if let Some(p) = &mut self.runtime.presentation {
                    p.audience_notes = shown;
                }
            }
            PresentCommand::Autoplay(play) => {
                if let Some(p) = &mut self.runtime.presentation {
                    let seconds = p.autoplay.map_or(DEFAULT_AUTOPLAY_SECONDS, |a| a.seconds);
                    p.autoplay = Some(Autoplay {
                        seconds,
                        due: play.then_some(now + seconds),
                    });
                }
            }
            PresentCommand::AutoplayEvery(seconds) => {
                if let Some(p) = &mut self.runtime.presentation {
                    let seconds = seconds.max(1.0);
                    p.autoplay = Some(Autoplay {
                        seconds,
                        due: Some(now + seconds),
                    });
                }
            }
            PresentCommand::Step(step) => {
                if let Some(p) = &mut self.runtime.presentation {
                    p.step = step;
                    p.typed.clear();
                }
                self.focus_step(now);
            }
            PresentCommand::Blank(blank) => {
                if let Some(p) = &mut self.runtime.presentation {
                    p.blank = blank;
                }
            }
            PresentCommand::TypeDigit(digit) => {
                if let Some(p) = &mut self.runtime.presentation
                    && p.typed.len() < 4
                {
                    p.typed.push(char::from(b'0' + digit));
                }
            }
            PresentCommand::ChooseTour(tour) => {
                let Some(timeline) = self.timeline().cloned() else {
                    return;
                };
                let chosen = tour.and_then(|i| timeline.tours.get(i));
                self.state.tour = chosen.map(|tour| tour.id.clone());
                // The view takes in the tour's steps, numbered on the timeline.
                if let Some(tour) = chosen {
                    let steps: Vec<usize> = tour.steps.iter().map(|(i, _)| *i).collect();
                    if let Some(view) = fit_events(&timeline, &steps) {
                        self.animate_to(view, now);
                    }
                }
            }
        }
    }

    fn apply_file(&mut self, ctx: &egui::Context, command: FileCommand) {
        match command {
            FileCommand::Choose => {
                let asked = std::time::Instant::now();
                let picked = rfd::FileDialog::new()
                    .add_filter("RON", &["ron"])
                    .set_title(t(self.state.lang, "menu-open"))
                    .pick_file();
                match picked {
                    Some(path) => {
                        self.load_file(&path);
                        self.watch(&path, ctx);
                    }
                    None if asked.elapsed() < NO_DIALOG_WITHIN => {
                        self.offer_path_dialog(Purpose::Open)
                    }
                    None => {}
                }
            }
            FileCommand::Load(path) => {
                self.load_file(&path);
                self.watch(&path, ctx);
            }
            FileCommand::CopyLink => {
                ctx.copy_text(self.link());
                if let Ok(mut status) = self.runtime.status.lock() {
                    *status = Some(t(self.state.lang, "link-copied"));
                }
            }
            FileCommand::SavePng => {
                let asked = std::time::Instant::now();
                let picked = rfd::FileDialog::new()
                    .add_filter("PNG", &["png"])
                    .set_file_name("belarus-timeline.png")
                    .save_file();
                match picked {
                    Some(path) => self.save_png(ctx, path),
                    None if asked.elapsed() < NO_DIALOG_WITHIN => {
                        self.offer_path_dialog(Purpose::SavePng);
                    }
                    None => {}
                }
            }
            FileCommand::SavePngTo(path) => self.save_png(ctx, path),
        }
    }

    /// Steps an autoplaying presentation on when its step is due (looping at the end), and
    /// asks for a frame when the next one is.
    fn autoplay(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        let Some(timeline) = self.timeline().cloned() else {
            return;
        };
        let Some((seconds, due)) =
            self.runtime
                .presentation
                .as_ref()
                .and_then(|p| match p.autoplay {
                    Some(Autoplay {
                        seconds,
                        due: Some(due),
                    }) => Some((seconds, due)),
                    _ => None,
                })
        else {
            return;
        };
        if now < due {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(due - now));
            return;
        }
        // Counted only when a step is due: the shown events are the whole file at worst.
        let total = self
            .runtime
            .presentation
            .as_ref()
            .map_or(0, |p| p.steps(&timeline, self.visible()).len());
        let Some(p) = &mut self.runtime.presentation else {
            return;
        };
        p.step = Autoplay::next_step(p.step, total);
        p.typed.clear();
        p.autoplay = Some(Autoplay {
            seconds,
            due: Some(now + seconds),
        });
        self.focus_step(now);
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(seconds));
    }

    /// Opens the built-in path dialog, starting in the current folder.
    fn offer_path_dialog(&mut self, purpose: Purpose) {
        let folder = std::env::current_dir()
            .map(|dir| format!("{}{}", dir.display(), std::path::MAIN_SEPARATOR))
            .unwrap_or_default();
        let start = match purpose {
            Purpose::Open => folder,
            Purpose::SavePng => format!("{folder}belarus-timeline.png"),
        };
        self.runtime.path_dialog = Some(PathDialog::new(purpose, start));
    }

    /// Saves the next frame as a PNG at `path`; the status line says where, or why not.
    fn save_png(&self, ctx: &egui::Context, path: std::path::PathBuf) {
        let status = Arc::clone(&self.runtime.status);
        let lang = self.state.lang;
        let repaint = ctx.clone();
        ctx.request_screenshot(move |image| {
            let message = match super::offscreen::save_png(&image, &path) {
                Ok(()) => tr(
                    lang,
                    "present-saved",
                    &[(
                        "path",
                        std::path::absolute(&path)
                            .unwrap_or(path.clone())
                            .display()
                            .to_string(),
                    )],
                ),
                Err(err) => format!("{}: {err}", path.display()),
            };
            if let Ok(mut status) = status.lock() {
                *status = Some(message);
            }
            repaint.request_repaint();
        });
    }

    /// Selects the presentation's current event and moves the view to it with context around.
    fn focus_step(&mut self, now: f64) {
        let (Some(timeline), Some(p)) = (self.timeline().cloned(), &self.runtime.presentation)
        else {
            return;
        };
        let steps = p.steps(&timeline, self.visible());
        let Some(&(index, _)) = steps.get(p.step) else {
            return;
        };
        self.state.selected = Some(timeline.events[index].id().to_owned());
        let event = &timeline.events[index];
        let (a, b) = (event.start_seconds(), event.end_seconds());
        let span = ((b - a) * 3.0).max(28.0 * DAY);
        let centre = (a + b) / 2.0;
        self.animate_to(TimeView::new(centre - span / 2.0, centre + span / 2.0), now);
    }

    /// The position in `visible` of the first (or last) event in the current view.
    fn first_in_view(&self, forward: bool) -> usize {
        let (Some(timeline), Some(view)) = (self.timeline(), self.view()) else {
            return 0;
        };
        let visible = self.visible();
        // Prefer events that start in view; else any that reach into it.
        let starts_in_view =
            |i: &usize| (view.min..=view.max()).contains(&timeline.events[*i].start_seconds());
        let overlaps = |i: &usize| {
            let e = &timeline.events[*i];
            e.end_seconds() >= view.min && e.start_seconds() <= view.max()
        };
        let find = |test: &dyn Fn(&usize) -> bool| {
            if forward {
                visible.iter().position(test)
            } else {
                visible.iter().rposition(test)
            }
        };
        find(&starts_in_view)
            .or_else(|| find(&overlaps))
            .unwrap_or(0)
    }

    /// Brings the event into view without losing the reader's place: it zooms in only when
    /// the event's importance is not drawn at this zoom, never out; it pans only when the event
    /// is off screen (or, if it fits, hugs an edge).
    fn bring_into_view(&mut self, timeline: &Timeline, index: usize, now: f64) {
        let Some(target) = self.target_view() else {
            return;
        };
        let event = &timeline.events[index];
        let (a, b) = (
            event.start_seconds(),
            event.end_seconds().max(event.start_seconds() + 3600.0),
        );
        let promote = self.shown.as_ref().map_or(0, |s| s.promote);
        let importance = crate::timeline::layout::drawn_importance(event.importance, promote);
        let view = crate::timeline::layout::view_showing(target, importance, a, b);
        if view != target {
            self.animate_to(view, now);
        }
    }

    /// A zoom preset: "All" fits what the filters show; the others centre on the selection,
    /// else on the shown events nearest the middle of the view.
    fn preset(&mut self, preset: Preset, now: f64) {
        let (Some(timeline), Some(shown), Some(view)) =
            (self.timeline().cloned(), &self.shown, self.target_view())
        else {
            return;
        };
        let middle = view.min + view.span / 2.0;
        let centre = match self.selected() {
            Some(i) => {
                let e = &timeline.events[i];
                (e.start_seconds() + e.end_seconds()) / 2.0
            }
            None => nearest_start(&timeline, &shown.visible, middle).unwrap_or(middle),
        };
        let span = match preset {
            Preset::All => {
                // The dense part first (the few early events counted at the edge); pressed
                // again, everything.
                let fit = super::shown::events_fit(&timeline, shown.visible.iter().copied());
                let target = match fit {
                    Some(fit) if same_range(&view, &fit.dense) => fit.whole,
                    Some(fit) => fit.dense,
                    None => shown.fit_all(),
                };
                self.animate_to(target, now);
                return;
            }
            Preset::Month => 31.0 * DAY,
            Preset::Week => 7.5 * DAY,
            Preset::Day => DAY,
        };
        let min = if preset == Preset::Day {
            seconds_from_date(date_from_seconds(centre))
        } else {
            centre - span / 2.0
        };
        self.animate_to(TimeView { min, span }, now);
    }

    /// The keys pressed this frame, as commands (see [`shortcuts`]).
    fn keyboard(&self, ctx: &egui::Context) -> Vec<Command> {
        if let (Some(presentation), Some(timeline)) = (&self.runtime.presentation, self.timeline())
        {
            let total = presentation.steps(timeline, self.visible()).len();
            let commands = super::present_ui::keys(ctx, presentation, total);
            // The keys are the presentation's alone: nothing else may act on them this frame.
            ctx.input_mut(|i| {
                i.events
                    .retain(|e| !matches!(e, egui::Event::Key { .. } | egui::Event::Text(_)))
            });
            return commands;
        }
        if ctx.text_edit_focused() {
            // Typing: only Ctrl+F works, and keeps the focus in the search field.
            if ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::F)) {
                return vec![AppCommand::FocusSearch.into()];
            }
            return Vec::new();
        }
        // Esc that closes a menu or a popup does only that.
        let popup_open = egui::Popup::is_any_open(ctx);
        // Enter on a map marker with the keyboard focus clicks the marker.
        let on_marker = ctx
            .memory(|m| m.focused())
            .is_some_and(|id| self.panels.map.is_marker(id));
        let actions = ctx.input_mut(|i| {
            let actions = shortcuts::consume_window(i, |action| {
                (popup_open && action == Action::ClearSelection)
                    || (on_marker && action == Action::ShowSelected)
            });
            if actions.contains(&Action::FocusSearch) {
                // "/" also arrives as text; it must not land in the field it focuses.
                i.events
                    .retain(|e| !matches!(e, egui::Event::Text(t) if t == "/"));
            }
            actions
        });
        // Starting a presentation, or moving to the search field, is all a frame does.
        for only in [Action::Present, Action::FocusSearch] {
            if actions.contains(&only) {
                return self.command_for(only).into_iter().collect();
            }
        }
        actions
            .into_iter()
            .filter_map(|action| self.command_for(action))
            .collect()
    }

    /// What a window shortcut does now.
    fn command_for(&self, action: Action) -> Option<Command> {
        Some(match action {
            Action::Present => PresentCommand::Start {
                tour: self.timeline().and_then(|t| self.state.tour_index(t)),
                step: 0,
            }
            .into(),
            Action::FocusSearch => AppCommand::FocusSearch.into(),
            Action::Next => SelectionCommand::Step(1).into(),
            Action::Previous => SelectionCommand::Step(-1).into(),
            Action::LaneUp => SelectionCommand::Lane(-1).into(),
            Action::LaneDown => SelectionCommand::Lane(1).into(),
            Action::First => SelectionCommand::First.into(),
            Action::Last => SelectionCommand::Last.into(),
            // Esc closes what is open first: a list, then the selection.
            Action::ClearSelection if self.runtime.help => AppCommand::ToggleHelp.into(),
            Action::ClearSelection if self.runtime.listing.is_some() => {
                SelectionCommand::List(None).into()
            }
            Action::Help => AppCommand::ToggleHelp.into(),
            Action::ClearSelection => SelectionCommand::Select(None).into(),
            Action::ZoomIn => ViewCommand::Zoom(2.0).into(),
            Action::ZoomOut => ViewCommand::Zoom(0.5).into(),
            Action::ShowSelected => SelectionCommand::Select(Some(self.selected()?)).into(),
            Action::ToggleMap => MapCommand::Show(!self.state.map).into(),
            Action::Play => MapCommand::Play(self.runtime.playing_since.is_none()).into(),
            Action::PlayForward => MapCommand::Step(1).into(),
            Action::PlayBack => MapCommand::Step(-1).into(),
            Action::PlayFaster => MapCommand::Speed(1).into(),
            Action::PlaySlower => MapCommand::Speed(-1).into(),
            // The presentation's own keys go through its table.
            Action::Leave
            | Action::NextStep
            | Action::TypedOrNextStep
            | Action::PreviousStep
            | Action::FirstStep
            | Action::LastStep
            | Action::Blank
            | Action::AudienceNotes
            | Action::PresenterWindow
            | Action::Autoplay => return None,
        })
    }

    /// Everything that happens before the panels draw: remembered zoom, the watcher, the
    /// search index, the running jump, dropped files and the keys.
    fn begin_frame(&mut self, ctx: &egui::Context) -> Vec<Command> {
        if self.runtime.repaint.is_none() {
            self.runtime.repaint = Some(ctx.clone());
        }
        ctx.set_visuals(self.state.theme.visuals());
        // egui's own animations (menus, collapsing sections, scrolling) follow the choice too.
        let animation_time = if self.state.reduce_motion { 0.0 } else { 0.2 };
        ctx.all_styles_mut(|style| {
            style.animation_time = animation_time;
            style.scroll_animation = if self.state.reduce_motion {
                egui::style::ScrollAnimation::none()
            } else {
                egui::style::ScrollAnimation::default()
            };
        });
        // Behind everything, edge to edge (offscreen renders have no window background).
        let background = if self.runtime.presentation.as_ref().is_some_and(|p| p.blank) {
            egui::Color32::BLACK
        } else {
            ctx.global_style().visuals.panel_fill
        };
        ctx.layer_painter(egui::LayerId::background()).rect_filled(
            ctx.content_rect(),
            0.0,
            background,
        );
        if let Some(zoom) = self.runtime.pending_zoom.take() {
            ctx.set_zoom_factor(zoom.clamp(MIN_TEXT_SCALE, MAX_TEXT_SCALE));
        }
        if self.runtime.presentation.is_none() {
            self.state.zoom = Some(ctx.zoom_factor());
        } else {
            // The screen may change under a presentation (going full screen, another
            // projector): the type follows it.
            let zoom = present_zoom(screen_pixels(ctx));
            if (zoom - ctx.zoom_factor()).abs() > 0.01 {
                ctx.set_zoom_factor(zoom);
            }
        }
        self.poll_watcher();
        self.poll_loading(ctx);
        if self.shown.as_ref().is_some_and(|s| s.search_waiting) {
            if self
                .shown
                .as_ref()
                .is_some_and(|s| s.search_index.is_ready())
            {
                self.refilter();
            } else {
                // The index's thread wakes the window when it is done; this is only a
                // fallback, for an index whose thread started before the window had drawn.
                ctx.request_repaint_after(std::time::Duration::from_secs(1));
            }
        }
        if self.tick(ctx.input(|i| i.time)) {
            ctx.request_repaint();
        }
        self.autoplay(ctx);
        let mut commands = std::mem::take(&mut self.runtime.queued);
        commands.extend(self.playback_step(ctx.input(|i| i.time)));
        // A file dropped on the window opens.
        commands.extend(ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .map(|p| FileCommand::Load(p).into())
                .collect::<Vec<Command>>()
        }));
        if self.timeline().is_some() {
            commands.extend(self.keyboard(ctx));
        }
        commands
    }

    /// The whole interface.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let mut commands = self.begin_frame(&ctx);
        match (&self.loaded, &self.shown) {
            (Loaded::Timeline(timeline, file_name), Some(shown)) => {
                let now = ctx.input(|i| i.time);
                let frame = FrameCtx {
                    timeline,
                    shown,
                    state: &self.state,
                    palette: self.state.theme.palette(),
                    lang: self.state.lang,
                    view: self.state.view.unwrap_or(shown.opening_view),
                    selected: self.state.selected_index(timeline),
                    hovered: self.runtime.hovered,
                    presentation: self.runtime.presentation.as_ref(),
                    tour: self.state.tour_index(timeline),
                    reloading: self.runtime.reloading,
                    status: self.runtime.status.lock().ok().and_then(|s| s.clone()),
                    copied: self.runtime.copied_at.is_some_and(|at| now - at < 2.5),
                    banner: &self.runtime.banner,
                    listing: self.runtime.listing.as_deref(),
                    help: self.runtime.help,
                    offscreen: self.runtime.offscreen,
                    file_name,
                    hovered_places: &self.runtime.hovered_places,
                    playing: self.runtime.playing_since.is_some(),
                    map_only: self.runtime.map_only,
                };
                commands.extend(self.panels.ui(ui, &frame));
            }
            (Loaded::Errors(lines), _) => commands.extend(errors_ui(ui, lines, self.state.lang)),
            (Loaded::Loading(loading), _) => loading.ui(ui, self.state.lang),
            (Loaded::Timeline(..), None) => {}
        }
        if let Some(dialog) = &mut self.runtime.path_dialog {
            let (chosen, open) = dialog.ui(&ctx, self.state.lang);
            commands.extend(chosen);
            if !open {
                self.runtime.path_dialog = None;
            }
        }
        let changed = !commands.is_empty();
        for command in commands {
            self.apply(&ctx, command);
        }
        if changed {
            // What the commands changed shows on the next frame, in every window (a key in the
            // presenter's window changes the audience's slide).
            ctx.request_repaint_of(egui::ViewportId::ROOT);
            if self
                .runtime
                .presentation
                .as_ref()
                .is_some_and(|p| p.presenter)
            {
                ctx.request_repaint_of(super::presenter_ui::viewport_id());
            }
        }
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        match ron::to_string(&self.state) {
            Ok(text) => storage.set_string(SAVED_KEY, text),
            Err(err) => eprintln!("warning: could not save the window state: {err}"),
        }
        // eframe has just saved the window's geometry, full-screen flag included; a
        // presentation's full screen is not the window's, so the next start is not in it.
        if self.runtime.presentation.is_some()
            && let Some(settings) = storage.get_string(EFRAME_WINDOW_KEY)
        {
            storage.set_string(EFRAME_WINDOW_KEY, without_fullscreen(&settings));
        }
    }
}

/// The key under which eframe saves the window's geometry.
const EFRAME_WINDOW_KEY: &str = "window";

/// eframe's saved window settings (RON) with full screen turned off.
pub fn without_fullscreen(settings: &str) -> String {
    settings
        .replace("fullscreen:true", "fullscreen:false")
        .replace("fullscreen: true", "fullscreen: false")
}

/// The start of the shown event nearest time `t`.
fn nearest_start(timeline: &Timeline, visible: &[usize], t: f64) -> Option<f64> {
    visible
        .iter()
        .map(|&i| timeline.events[i].start_seconds())
        .min_by(|x, y| (x - t).abs().total_cmp(&(y - t).abs()))
}

/// Whether two views show about the same range (within 1 % of the span).
fn same_range(a: &TimeView, b: &TimeView) -> bool {
    let tolerance = a.span.max(b.span) * 0.01;
    (a.min - b.min).abs() <= tolerance && (a.max() - b.max()).abs() <= tolerance
}

/// The view that fits the shown events, with a small margin.
fn fit_events(timeline: &Timeline, events: &[usize]) -> Option<TimeView> {
    let first = events
        .iter()
        .map(|&i| timeline.events[i].start_seconds())
        .reduce(f64::min)?;
    let last = events
        .iter()
        .map(|&i| timeline.events[i].end_seconds())
        .fold(f64::NEG_INFINITY, f64::max);
    let margin = ((last - first) * 0.03).max(DAY);
    Some(TimeView::new(first - margin, last + margin))
}

/// Builds the search index on a thread, so that the first search does not block a frame
/// (files up to [`super::shown::SYNC_INDEX_EVENTS`] events would build it on first use in milliseconds).
fn warm_search_index(timeline: &Arc<Timeline>, index: &IndexCell, repaint: Option<egui::Context>) {
    if index.is_ready() {
        return;
    }
    let (timeline, index) = (Arc::clone(timeline), index.clone());
    let spawned = std::thread::Builder::new()
        .name("search-index".into())
        .spawn(move || {
            index.get_or_build(&timeline);
            // A search typed meanwhile runs now (no polling: with software rendering, every
            // repaint takes time from this build).
            if let Some(ctx) = repaint {
                ctx.request_repaint();
            }
        });
    if let Err(err) = spawned {
        eprintln!("warning: search index will be built on first search: {err}");
    }
}

/// The screen's height in pixels at zoom 1 (the same whatever the text scale).
fn screen_pixels(ctx: &egui::Context) -> f32 {
    ctx.content_rect().height() * ctx.zoom_factor()
}

/// Reads the remembered state; a corrupted one is ignored with a warning.
pub fn read_saved(storage: Option<&dyn eframe::Storage>) -> Option<State> {
    let text = storage?.get_string(SAVED_KEY)?;
    match ron::from_str(&text) {
        Ok(saved) => Some(saved),
        Err(err) => {
            eprintln!("warning: ignoring the saved window state, it could not be read: {err}");
            None
        }
    }
}

/// The file did not load: say why, every error with its line and column, and offer another
/// file (File → Open, or a file dropped on the window).
fn errors_ui(ui: &mut egui::Ui, lines: &[String], lang: crate::model::Lang) -> Option<Command> {
    let mut command = None;
    egui::CentralPanel::default().show(ui, |ui| {
        ui.heading(t(lang, "errors-title"));
        ui.label(t(lang, "errors-hint"));
        ui.horizontal(|ui| {
            if ui.button(t(lang, "errors-open")).clicked() {
                command = Some(FileCommand::Choose.into());
            }
            ui.label(t(lang, "errors-drop"));
        });
        // With more problems than are listed, the count of the rest, by kind, comes first.
        if let Some(rest) = lines.last().filter(|line| line.starts_with('…')) {
            ui.label(
                egui::RichText::new(rest)
                    .strong()
                    .color(ui.visuals().warn_fg_color),
            );
        }
        ui.separator();
        egui::ScrollArea::vertical().show(ui, |ui| {
            for line in lines {
                ui.label(
                    egui::RichText::new(line)
                        .monospace()
                        .color(ui.visuals().error_fg_color),
                );
            }
        });
    });
    command
}

#[cfg(test)]
mod tests {
    use super::without_fullscreen;

    #[test]
    fn a_presentations_full_screen_is_not_saved_as_the_windows() {
        let saved = "(normal_geometry:(inner_position_pixels:Some((0,0)),outer_position_pixels:None,inner_size_points:Some((1400.0,860.0))),fullscreen:true,maximized:false)";
        let fixed = without_fullscreen(saved);
        assert!(fixed.contains("fullscreen:false"));
        assert!(fixed.contains("inner_size_points:Some((1400.0,860.0))"));
        assert_eq!(without_fullscreen(&fixed), fixed);
    }
}
