//! Application state and the one place where commands change it.

use std::sync::Arc;

use crate::i18n::{t, tr};
use crate::model::date::{DAY, seconds_from_date};
use crate::model::{FuzzyDate, Lang, LoadError, Seconds, Timeline};
use crate::query::Filter;
use crate::timeline::TimeView;
use crate::timeline::layout::{DETAIL_SPAN, shown_at};

use super::theme::Theme;
use super::timeline_ui::{TimelineState, timeline_ui};

/// What was loaded: a timeline, or the errors that kept a file from loading.
pub enum Loaded {
    /// A checked timeline, and the name of its file.
    Timeline(Arc<Timeline>, String),
    /// The file's errors, one `file:line:col: message` per line.
    Errors(Vec<String>),
}

impl Loaded {
    /// From the result of a load.
    pub fn from_result(result: Result<Timeline, LoadError>, name: &str) -> Self {
        match result {
            Ok(timeline) => Loaded::Timeline(Arc::new(timeline), name.to_owned()),
            Err(err) => Loaded::Errors(err.lines()),
        }
    }
}

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

/// Something the user asked for. Panels return commands; [`App::apply`] carries them out.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Select the event at this index (or none), bringing it into view.
    Select(Option<usize>),
    /// Select the next (+1) or previous (−1) shown event.
    Step(i32),
    /// Select the first shown event.
    First,
    /// Select the last shown event.
    Last,
    /// Open a link in the system browser (checked to be http or https first).
    OpenUrl(String),
    /// Fit the whole timeline.
    FitAll,
    /// Zoom to a time span (with a margin).
    ZoomTo(Seconds, Seconds),
    /// Zoom by a factor around the centre.
    Zoom(f64),
    /// A zoom preset around the selection or the centre.
    Preset(Preset),
    /// Show this day.
    GoTo(FuzzyDate),
    /// Collapse or expand a lane.
    ToggleLane(usize),
    /// Put text on the clipboard.
    Copy(String),
    /// Show only events with this place.
    FilterPlace(String),
    /// Show only events with this actor.
    FilterActor(String),
    /// Change the language.
    SetLang(Lang),
    /// Change the theme.
    SetTheme(Theme),
    /// Replace the filter.
    SetFilter(Filter),
    /// Hide events that do not match the search (instead of dimming them).
    HideUnmatched(bool),
    /// Ask for an events file with the system's file dialog.
    ChooseFile,
    /// Load an events file; on errors the last good data stays and a banner lists them.
    Load(std::path::PathBuf),
    /// Start presenting a tour (or, with `None`, the events the filters show) at a step.
    StartPresentation {
        /// Tour index.
        tour: Option<usize>,
        /// Step, from 0.
        step: usize,
    },
    /// Leave the presentation.
    StopPresentation,
    /// Go to a step of the presentation.
    PresentStep(usize),
    /// Blank the screen, or bring it back.
    Blank(bool),
    /// A digit typed for "number + Enter".
    TypeDigit(u8),
    /// Choose the tour the Present button starts.
    ChooseTour(Option<usize>),
    /// Save what is on screen as a PNG file the user chooses.
    SavePng,
}

/// What is remembered across restarts (eframe persistence).
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Saved {
    /// Interface language.
    pub lang: Option<Lang>,
    /// Theme.
    pub theme: Theme,
    /// Filter, search included.
    pub filter: Filter,
    /// Hide instead of dim non-matching events.
    pub hide_unmatched: bool,
    /// Visible range.
    pub view: Option<TimeView>,
    /// Selected event, by id.
    pub selected: Option<String>,
    /// Collapsed lanes, by category id.
    pub collapsed: Vec<String>,
    /// Text scale (egui zoom factor).
    pub zoom: Option<f32>,
}

/// The key under which [`Saved`] is stored.
pub const SAVED_KEY: &str = "belarus-timeline-state";

/// The application: loaded data plus the reader's state.
pub struct App {
    /// What is shown.
    pub loaded: Loaded,
    /// The interface and data language.
    pub lang: Lang,
    /// The theme.
    pub theme: Theme,
    /// The current filter.
    pub filter: Filter,
    /// Index of the selected event.
    pub selected: Option<usize>,
    /// The timeline's view state (for a loaded timeline).
    pub timeline_state: Option<TimelineState>,
    /// Indices of the events that pass the filter, in time order.
    visible: Vec<usize>,
    /// Text of the "go to date" field.
    goto_text: String,
    /// An error to show under the "go to date" field.
    goto_error: bool,
    /// When the citation was copied (egui time), for a short confirmation.
    copied_at: Option<f64>,
    /// Hide events that do not match the search.
    pub hide_unmatched: bool,
    /// Events matching the search (within the other filters), in time order.
    search_results: Vec<usize>,
    /// Per event: matches the search (for dimming the others).
    matches: Vec<bool>,
    /// The highlighted search result.
    search_cursor: usize,
    /// A query is waiting for the search index of a large file to be built.
    search_waiting: bool,
    /// The search index of the loaded timeline, built on a thread.
    search_index: crate::query::IndexCell,
    /// Counts per category, place, actor and tag.
    facets: super::filters_ui::Facets,
    /// Errors of a file that did not load while other data stays on screen.
    pub banner: Vec<String>,
    /// The text scale to apply on the next frame (restored state).
    pending_zoom: Option<f32>,
    /// The text scale of the last frame, for saving.
    last_zoom: f32,
    /// A running presentation.
    pub presentation: Option<super::present_ui::Presentation>,
    /// The tour the Present button starts.
    pub chosen_tour: Option<usize>,
    /// The text scale before presenting, restored after.
    zoom_before_presenting: Option<f32>,
    /// The collapsed lanes before presenting, restored after.
    collapsed_before_presenting: Option<Vec<bool>>,
    /// Watches the open file for changes.
    pub watcher: Option<crate::reload::Watcher>,
    /// A changed file is being read.
    pub reloading: bool,
    /// Event images, decoded off the UI thread.
    images: super::images::Images,
    /// Commands queued from outside (the command line, `render`), applied on the next frame.
    pub queued: Vec<Command>,
    /// A short message in the toolbar (a saved file, a failed save), set from the screenshot
    /// callback.
    pub status: Arc<std::sync::Mutex<Option<String>>>,
}

impl App {
    /// An application showing `loaded`.
    pub fn new(loaded: Loaded, lang: Lang) -> Self {
        Self::with_search_index(loaded, lang, Default::default())
    }

    /// An application showing `loaded`, with the search index of its timeline (built already,
    /// or shared with another user of the same timeline).
    pub fn with_search_index(
        loaded: Loaded,
        lang: Lang,
        search_index: crate::query::IndexCell,
    ) -> Self {
        let mut app = Self {
            loaded,
            lang,
            theme: Theme::Dark,
            filter: Filter::default(),
            selected: None,
            timeline_state: None,
            visible: Vec::new(),
            goto_text: String::new(),
            goto_error: false,
            copied_at: None,
            hide_unmatched: false,
            search_results: Vec::new(),
            matches: Vec::new(),
            search_cursor: 0,
            search_waiting: false,
            search_index,
            facets: Default::default(),
            banner: Vec::new(),
            pending_zoom: None,
            last_zoom: 1.0,
            presentation: None,
            chosen_tour: None,
            zoom_before_presenting: None,
            collapsed_before_presenting: None,
            status: Arc::default(),
            queued: Vec::new(),
            images: Default::default(),
            watcher: None,
            reloading: false,
        };
        if let Some(timeline) = app.timeline().cloned() {
            app.facets = super::filters_ui::Facets::new(&timeline);
            warm_search_index(&timeline, &app.search_index);
        }
        app.refilter();
        app
    }

    /// Restores remembered state; ids that no longer exist are dropped.
    pub fn restore(&mut self, saved: Saved) {
        if let Some(lang) = saved.lang {
            self.lang = lang;
        }
        self.theme = saved.theme;
        self.hide_unmatched = saved.hide_unmatched;
        self.pending_zoom = saved.zoom;
        if let Some(timeline) = self.timeline().cloned() {
            let mut filter = saved.filter;
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
            self.filter = filter;
            self.selected = saved.selected.and_then(|id| timeline.event_index(&id));
            self.refilter();
            if let Some(state) = &mut self.timeline_state {
                if let Some(view) = saved.view {
                    state.set_view(view);
                }
                for (lane, category) in timeline.categories.iter().enumerate() {
                    state.collapsed[lane] = saved.collapsed.contains(&category.id);
                }
            }
        }
    }

    /// What to remember.
    pub fn saved(&self, zoom: f32) -> Saved {
        let timeline = self.timeline();
        Saved {
            lang: Some(self.lang),
            theme: self.theme,
            filter: self.filter.clone(),
            hide_unmatched: self.hide_unmatched,
            view: self.view(),
            selected: self
                .selected
                .zip(timeline)
                .map(|(i, t)| t.events[i].id().to_owned()),
            collapsed: match (&self.timeline_state, timeline) {
                (Some(state), Some(timeline)) => timeline
                    .categories
                    .iter()
                    .zip(&state.collapsed)
                    .filter(|(_, c)| **c)
                    .map(|(category, _)| category.id.clone())
                    .collect(),
                _ => Vec::new(),
            },
            zoom: Some(zoom),
        }
    }

    /// The loaded timeline, if the file loaded.
    pub fn timeline(&self) -> Option<&Arc<Timeline>> {
        match &self.loaded {
            Loaded::Timeline(timeline, _) => Some(timeline),
            Loaded::Errors(_) => None,
        }
    }

    /// The events that pass the filter.
    pub fn visible(&self) -> &[usize] {
        &self.visible
    }

    /// The current view, if a timeline is shown.
    pub fn view(&self) -> Option<TimeView> {
        self.timeline_state.as_ref().map(|s| s.view)
    }

    fn refilter(&mut self) {
        let Some(timeline) = self.timeline().cloned() else {
            self.visible.clear();
            return;
        };
        let everything = || (0..timeline.events.len()).collect::<Vec<_>>();
        // Without the search, for dimming; with it, for the results and for hiding.
        let without_search = Filter {
            search: String::new(),
            ..self.filter.clone()
        };
        let base = if without_search.is_empty() {
            everything()
        } else {
            without_search
                .compile(&timeline, &self.search_index)
                .map_or_else(|_| everything(), |c| c.apply())
        };
        self.matches.clear();
        self.search_results.clear();
        // A large file's index is built on a thread: until it is ready, the query waits and
        // the window stays fluid (small files build it on the spot, in milliseconds).
        self.search_waiting = !self.filter.search.trim().is_empty()
            && !self.search_index.is_ready()
            && timeline.events.len() > SYNC_INDEX_EVENTS;
        if !self.filter.search.trim().is_empty()
            && !self.search_waiting
            && let Ok(compiled) = self.filter.compile(&timeline, &self.search_index)
            && let Some(mask) = compiled.search_mask()
        {
            self.matches = mask.to_vec();
            self.search_results = base.iter().copied().filter(|&i| mask[i]).collect();
        }
        if self.matches.is_empty() {
            self.matches = vec![true; timeline.events.len()];
        }
        self.search_cursor = self
            .search_cursor
            .min(self.search_results.len().saturating_sub(1));
        let visible = if self.hide_unmatched && !self.filter.search.trim().is_empty() {
            self.search_results.clone()
        } else {
            base
        };
        // Typing a query only dims: the lanes stay as they are.
        let unchanged = visible == self.visible && self.timeline_state.is_some();
        self.visible = visible;
        let state = match &mut self.timeline_state {
            Some(state) => {
                if !unchanged {
                    state.lanes = crate::timeline::LaneIndex::new(&timeline, &self.visible);
                }
                state
            }
            None => self
                .timeline_state
                .insert(TimelineState::new(&timeline, &self.visible)),
        };
        // Dimmed, not hidden: the matches get lanes of their own, so that density strips can
        // show where they are among the rest.
        let dimming = !self.hide_unmatched && !self.filter.search.trim().is_empty();
        state.matched_lanes = (dimming && !self.search_waiting)
            .then(|| crate::timeline::LaneIndex::new(&timeline, &self.search_results));
    }

    /// Loads another file (and watches it). A file that does not load leaves the current data
    /// on screen and lists its errors in a banner.
    pub fn load_file(&mut self, path: &std::path::Path) {
        let result = crate::model::load_path(path);
        self.accept(result, &path.display().to_string());
    }

    /// Takes a freshly loaded file: on success it replaces the data, keeping the selection and
    /// the visible range where their events still exist; on failure the last good data stays
    /// and a banner lists every error.
    pub fn accept(&mut self, result: Result<Timeline, crate::model::LoadError>, name: &str) {
        match result {
            Ok(timeline) => {
                let selected_id = self
                    .selected
                    .zip(self.timeline())
                    .map(|(i, t)| t.events[i].id().to_owned());
                let view = self.view();
                let collapsed = self.timeline_state.as_ref().map(|s| s.collapsed.clone());
                self.facets = super::filters_ui::Facets::new(&timeline);
                let timeline = Arc::new(timeline);
                self.search_index = Default::default();
                warm_search_index(&timeline, &self.search_index);
                self.loaded = Loaded::Timeline(timeline, name.to_owned());
                self.images.clear();
                self.timeline_state = None;
                self.banner.clear();
                self.selected =
                    selected_id.and_then(|id| self.timeline().and_then(|t| t.event_index(&id)));
                self.refilter();
                if let Some(state) = &mut self.timeline_state {
                    if let Some(view) = view {
                        state.set_view(view);
                    }
                    if let Some(collapsed) = collapsed.filter(|c| c.len() == state.collapsed.len())
                    {
                        state.collapsed = collapsed;
                    }
                }
            }
            Err(err) => match self.loaded {
                Loaded::Timeline(..) => self.banner = err.lines(),
                Loaded::Errors(_) => self.loaded = Loaded::Errors(err.lines()),
            },
        }
    }

    /// Watches `path` and reloads it when it changes.
    pub fn watch(&mut self, path: &std::path::Path, ctx: &egui::Context) {
        let repaint = ctx.clone();
        match crate::reload::Watcher::new(path, move || repaint.request_repaint()) {
            Ok(watcher) => self.watcher = Some(watcher),
            Err(err) => eprintln!("warning: {err}; the file will not be reloaded when it changes"),
        }
    }

    /// Takes what the watcher reported.
    fn poll_watcher(&mut self) {
        let Some(watcher) = &self.watcher else {
            return;
        };
        let name = watcher.path().display().to_string();
        for news in watcher.poll() {
            match news {
                crate::reload::Reload::Started => self.reloading = true,
                crate::reload::Reload::Finished(result) => {
                    self.reloading = false;
                    self.accept(*result, &name);
                }
            }
        }
    }

    /// Carries out a command.
    pub fn apply(&mut self, ctx: &egui::Context, command: Command) {
        let now = ctx.input(|i| i.time);
        match command {
            Command::Select(index) => {
                self.selected = index;
                if let Some(index) = index {
                    self.bring_into_view(index, now);
                }
            }
            Command::Step(delta) => {
                let position = self
                    .selected
                    .and_then(|s| self.visible.iter().position(|&v| v == s));
                let next = match (position, delta) {
                    (Some(p), d) if d > 0 => (p + 1).min(self.visible.len().saturating_sub(1)),
                    (Some(p), _) => p.saturating_sub(1),
                    (None, d) => self.first_in_view(d > 0),
                };
                if let Some(&index) = self.visible.get(next) {
                    self.apply(ctx, Command::Select(Some(index)));
                }
            }
            Command::First => {
                if let Some(&index) = self.visible.first() {
                    self.apply(ctx, Command::Select(Some(index)));
                }
            }
            Command::Last => {
                if let Some(&index) = self.visible.last() {
                    self.apply(ctx, Command::Select(Some(index)));
                }
            }
            Command::OpenUrl(url) => {
                if crate::model::load::check_url(&url).is_ok() {
                    ctx.open_url(egui::OpenUrl::new_tab(url));
                }
            }
            Command::FitAll => {
                if let Some(state) = &mut self.timeline_state {
                    let all = state.fit_all();
                    state.animate_to(all, now);
                }
            }
            Command::ZoomTo(t0, t1) => {
                if let Some(state) = &mut self.timeline_state {
                    let margin = ((t1 - t0) * 0.15).max(3.0 * 3600.0);
                    state.animate_to(TimeView::new(t0 - margin, t1 + margin), now);
                }
            }
            Command::Zoom(factor) => {
                if let Some(state) = &mut self.timeline_state {
                    let view = state.animation.map_or(state.view, |(_, to, _)| to);
                    let centre = view.min + view.span / 2.0;
                    state.animate_to(view.zoom_at(centre, factor), now);
                }
            }
            Command::Preset(preset) => self.preset(preset, now),
            Command::GoTo(date) => {
                if let Some(state) = &mut self.timeline_state {
                    let (a, b) = (date.start_seconds(), date.end_seconds());
                    let margin = (b - a) * 0.25;
                    state.animate_to(TimeView::new(a - margin, b + margin), now);
                }
            }
            Command::ToggleLane(lane) => {
                if let Some(state) = &mut self.timeline_state
                    && let Some(collapsed) = state.collapsed.get_mut(lane)
                {
                    *collapsed = !*collapsed;
                }
            }
            Command::Copy(text) => {
                ctx.copy_text(text);
                self.copied_at = Some(now);
            }
            Command::FilterPlace(id) => {
                self.filter.places.insert(id);
                self.refilter();
            }
            Command::FilterActor(id) => {
                self.filter.actors.insert(id);
                self.refilter();
            }
            Command::SetLang(lang) => self.lang = lang,
            Command::SetTheme(theme) => self.theme = theme,
            Command::SetFilter(filter) => {
                if filter.search != self.filter.search {
                    self.search_cursor = 0;
                }
                self.filter = filter;
                self.refilter();
            }
            Command::HideUnmatched(hide) => {
                self.hide_unmatched = hide;
                self.refilter();
            }
            Command::ChooseFile => {
                let picked = rfd::FileDialog::new()
                    .add_filter("RON", &["ron"])
                    .set_title(t(self.lang, "menu-open"))
                    .pick_file();
                if let Some(path) = picked {
                    self.load_file(&path);
                    self.watch(&path, ctx);
                }
            }
            Command::Load(path) => {
                self.load_file(&path);
                self.watch(&path, ctx);
            }
            Command::StartPresentation { tour, step } => {
                self.presentation = Some(super::present_ui::Presentation {
                    tour,
                    step,
                    ..Default::default()
                });
                self.zoom_before_presenting = Some(ctx.zoom_factor());
                ctx.set_zoom_factor(crate::export::png::PRESENT_ZOOM);
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
                self.focus_step(now);
            }
            Command::StopPresentation => {
                self.presentation = None;
                if let (Some(collapsed), Some(state)) = (
                    self.collapsed_before_presenting.take(),
                    &mut self.timeline_state,
                ) {
                    state.collapsed = collapsed;
                }
                if let Some(zoom) = self.zoom_before_presenting.take() {
                    ctx.set_zoom_factor(zoom);
                }
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
            }
            Command::PresentStep(step) => {
                if let Some(p) = &mut self.presentation {
                    p.step = step;
                    p.typed.clear();
                }
                self.focus_step(now);
            }
            Command::Blank(blank) => {
                if let Some(p) = &mut self.presentation {
                    p.blank = blank;
                }
            }
            Command::TypeDigit(digit) => {
                if let Some(p) = &mut self.presentation
                    && p.typed.len() < 4
                {
                    p.typed.push(char::from(b'0' + digit));
                }
            }
            Command::ChooseTour(tour) => self.chosen_tour = tour,
            Command::SavePng => {
                let picked = rfd::FileDialog::new()
                    .add_filter("PNG", &["png"])
                    .set_file_name("belarus-timeline.png")
                    .save_file();
                if let Some(path) = picked {
                    let status = Arc::clone(&self.status);
                    let lang = self.lang;
                    let repaint = ctx.clone();
                    ctx.request_screenshot(move |image| {
                        let message = match save_png(&image, &path) {
                            Ok(()) => tr(
                                lang,
                                "present-saved",
                                &[("path", path.display().to_string())],
                            ),
                            Err(err) => format!("{}: {err}", path.display()),
                        };
                        if let Ok(mut status) = status.lock() {
                            *status = Some(message);
                        }
                        repaint.request_repaint();
                    });
                }
            }
        }
    }

    /// Selects the presentation's current event and moves the view to it with context around.
    fn focus_step(&mut self, now: f64) {
        let (Some(timeline), Some(p)) = (self.timeline().cloned(), &self.presentation) else {
            return;
        };
        let steps = p.steps(&timeline, &self.visible);
        let Some(&(index, _)) = steps.get(p.step) else {
            return;
        };
        self.selected = Some(index);
        let event = &timeline.events[index];
        let (a, b) = (event.start_seconds(), event.end_seconds());
        let span = ((b - a) * 3.0).max(28.0 * DAY);
        if let Some(state) = &mut self.timeline_state {
            // Only the event's own lane open: the others shrink to density strips, so the whole
            // timeline fits above the card.
            if self.collapsed_before_presenting.is_none() {
                self.collapsed_before_presenting = Some(state.collapsed.clone());
            }
            for (lane, collapsed) in state.collapsed.iter_mut().enumerate() {
                *collapsed = lane != usize::from(event.category);
            }
            let centre = (a + b) / 2.0;
            state.animate_to(TimeView::new(centre - span / 2.0, centre + span / 2.0), now);
        }
    }

    /// The position in `visible` of the first (or last) event in the current view.
    fn first_in_view(&self, forward: bool) -> usize {
        let (Some(timeline), Some(view)) = (self.timeline(), self.view()) else {
            return 0;
        };
        // Prefer events that start in view; else any that reach into it.
        let starts_in_view =
            |i: &usize| (view.min..=view.max()).contains(&timeline.events[*i].start_seconds());
        let overlaps = |i: &usize| {
            let e = &timeline.events[*i];
            e.end_seconds() >= view.min && e.start_seconds() <= view.max()
        };
        let find = |test: &dyn Fn(&usize) -> bool| {
            if forward {
                self.visible.iter().position(test)
            } else {
                self.visible.iter().rposition(test)
            }
        };
        find(&starts_in_view)
            .or_else(|| find(&overlaps))
            .unwrap_or(0)
    }

    /// Pans (and if needed zooms) so that the event is shown and has context around it.
    fn bring_into_view(&mut self, index: usize, now: f64) {
        let Some(timeline) = self.timeline().cloned() else {
            return;
        };
        let Some(state) = &mut self.timeline_state else {
            return;
        };
        let event = &timeline.events[index];
        let (a, b) = (
            event.start_seconds(),
            event.end_seconds().max(event.start_seconds() + 3600.0),
        );
        let target = state.animation.map_or(state.view, |(_, to, _)| to);
        let mut view = target;
        if !shown_at(event.importance, &view) || (b - a) > view.span * 0.8 {
            let span = ((b - a) * 3.0).clamp(DETAIL_SPAN / 3.0, DETAIL_SPAN * 0.9);
            view = TimeView::new((a + b) / 2.0 - span / 2.0, (a + b) / 2.0 + span / 2.0);
        } else {
            let margin = view.span * 0.1;
            if a < view.min + margin || b > view.max() - margin {
                view = view.pan((a + b) / 2.0 - (view.min + view.span / 2.0));
            }
        }
        if view != target {
            state.animate_to(view, now);
        }
    }

    fn preset(&mut self, preset: Preset, now: f64) {
        let centre = match (self.selected, self.timeline()) {
            (Some(i), Some(timeline)) => {
                let e = &timeline.events[i];
                (e.start_seconds() + e.end_seconds()) / 2.0
            }
            _ => self.view().map_or(0.0, |v| v.min + v.span / 2.0),
        };
        let Some(state) = &mut self.timeline_state else {
            return;
        };
        let span = match preset {
            Preset::All => {
                let all = state.fit_all();
                state.animate_to(all, now);
                return;
            }
            Preset::Month => 31.0 * DAY,
            Preset::Week => 7.5 * DAY,
            Preset::Day => DAY,
        };
        let min = if preset == Preset::Day {
            seconds_from_date(crate::model::date::date_from_seconds(centre))
        } else {
            centre - span / 2.0
        };
        state.animate_to(TimeView { min, span }, now);
    }

    /// Keys that work anywhere except while typing in a text field.
    fn keyboard(&self, ctx: &egui::Context) -> Vec<Command> {
        if let (Some(presentation), Some(timeline)) = (&self.presentation, self.timeline()) {
            let total = presentation.steps(timeline, &self.visible).len();
            let commands = super::present_ui::keys(ctx, presentation, total);
            // The keys are the presentation's alone: nothing else may act on them this frame.
            ctx.input_mut(|i| {
                i.events
                    .retain(|e| !matches!(e, egui::Event::Key { .. } | egui::Event::Text(_)))
            });
            return commands;
        }
        if !ctx.text_edit_focused()
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::F5))
        {
            return vec![Command::StartPresentation {
                tour: self.chosen_tour,
                step: 0,
            }];
        }
        let focus_search = ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::F));
        if ctx.text_edit_focused() {
            if focus_search {
                ctx.memory_mut(|m| m.request_focus(super::filters_ui::search_field_id()));
            }
            return Vec::new();
        }
        let slash = ctx.input_mut(|i| {
            let pressed = i.consume_key(egui::Modifiers::NONE, egui::Key::Slash);
            if pressed {
                // The same key also arrives as text; it must not land in the field it focuses.
                i.events
                    .retain(|e| !matches!(e, egui::Event::Text(t) if t == "/"));
            }
            pressed
        });
        if focus_search || slash {
            ctx.memory_mut(|m| m.request_focus(super::filters_ui::search_field_id()));
            return Vec::new();
        }
        use egui::Key;
        ctx.input_mut(|i| {
            let mut commands = Vec::new();
            let none = egui::Modifiers::NONE;
            if i.consume_key(none, Key::ArrowRight) {
                commands.push(Command::Step(1));
            }
            if i.consume_key(none, Key::ArrowLeft) {
                commands.push(Command::Step(-1));
            }
            if i.consume_key(none, Key::Home) {
                commands.push(Command::First);
            }
            if i.consume_key(none, Key::End) {
                commands.push(Command::Last);
            }
            if i.consume_key(none, Key::Escape) {
                commands.push(Command::Select(None));
            }
            if i.consume_key(none, Key::Plus)
                || i.consume_key(none, Key::Equals)
                || i.consume_key(egui::Modifiers::SHIFT, Key::Equals)
            {
                commands.push(Command::Zoom(2.0));
            }
            if i.consume_key(none, Key::Minus) {
                commands.push(Command::Zoom(0.5));
            }
            if i.consume_key(none, Key::Enter)
                && let Some(index) = self.selected
            {
                commands.push(Command::Select(Some(index)));
            }
            commands
        })
    }

    /// The whole interface.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        ctx.set_visuals(self.theme.visuals());
        // Behind everything, edge to edge (offscreen renders have no window background).
        let background = if self.presentation.as_ref().is_some_and(|p| p.blank) {
            egui::Color32::BLACK
        } else {
            ctx.global_style().visuals.panel_fill
        };
        ctx.layer_painter(egui::LayerId::background()).rect_filled(
            ctx.content_rect(),
            0.0,
            background,
        );
        if let Some(zoom) = self.pending_zoom.take() {
            ctx.set_zoom_factor(zoom.clamp(0.5, 3.0));
        }
        self.poll_watcher();
        if self.search_waiting {
            if self.search_index.is_ready() {
                self.refilter();
            } else {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
            }
        }
        let mut commands = std::mem::take(&mut self.queued);
        // A `.ron` file dropped on the window opens.
        let dropped: Vec<std::path::PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        commands.extend(dropped.into_iter().map(Command::Load));
        let Loaded::Timeline(timeline, _name) = &self.loaded else {
            if let Loaded::Errors(lines) = &self.loaded {
                let lines = lines.clone();
                errors_ui(ui, &lines, self.lang);
            }
            for command in commands {
                self.apply(&ctx, command);
            }
            return;
        };
        let timeline = Arc::clone(timeline);
        let lang = self.lang;
        commands.extend(self.keyboard(&ctx));
        if self.presentation.is_some() {
            commands.extend(self.presentation_ui(ui, &timeline));
            for command in commands {
                self.apply(&ctx, command);
            }
            return;
        }

        egui::Panel::top("toolbar").show(ui, |ui| {
            commands.extend(self.toolbar_ui(ui, &timeline));
        });
        if !self.banner.is_empty() {
            egui::Panel::top("banner").show(ui, |ui| {
                ui.colored_label(ui.visuals().warn_fg_color, t(lang, "reload-errors"));
                for line in self.banner.iter().take(12) {
                    ui.label(
                        egui::RichText::new(line)
                            .monospace()
                            .color(ui.visuals().error_fg_color),
                    );
                }
            });
        }
        egui::Panel::left("filters")
            .default_size(280.0)
            .size_range(200.0..=520.0)
            .resizable(true)
            .show(ui, |ui| {
                let search = super::filters_ui::SearchState {
                    results: &self.search_results,
                    cursor: &mut self.search_cursor,
                    hide_unmatched: self.hide_unmatched,
                    waiting: self.search_waiting,
                };
                commands.extend(super::filters_ui::filters_ui(
                    ui,
                    &timeline,
                    &self.filter,
                    &self.facets,
                    search,
                    lang,
                ));
            });
        egui::Panel::right("details")
            .default_size(420.0)
            .size_range(280.0..=900.0)
            .resizable(true)
            .show(ui, |ui| {
                let copied = self
                    .copied_at
                    .is_some_and(|at| ctx.input(|i| i.time) - at < 2.5);
                commands.extend(super::details_ui::details_ui(
                    ui,
                    &timeline,
                    self.selected,
                    &self.visible,
                    lang,
                    copied,
                    &mut self.images,
                ));
            });
        if let Some(state) = &mut self.timeline_state {
            egui::Panel::bottom("overview")
                .exact_size(64.0)
                .show(ui, |ui| {
                    commands.extend(super::overview_ui::overview_ui(
                        ui,
                        &timeline,
                        state,
                        &self.theme.palette(),
                        lang,
                    ));
                });
        }
        egui::Panel::top("chips").show(ui, |ui| {
            commands.extend(super::filters_ui::chips_ui(
                ui,
                &timeline,
                &self.filter,
                self.visible.len(),
                lang,
            ));
        });
        let palette = self.theme.palette();
        let selected = self.selected;
        let matches = &self.matches;
        let dim = !self.filter.search.trim().is_empty() && !self.hide_unmatched;
        let highlight = |i: usize| matches.get(i).copied().unwrap_or(true);
        if let Some(state) = &mut self.timeline_state {
            egui::CentralPanel::no_frame().show(ui, |ui| {
                let highlight: Option<&dyn Fn(usize) -> bool> =
                    if dim { Some(&highlight) } else { None };
                commands.extend(timeline_ui(
                    ui, &timeline, state, selected, highlight, lang, &palette,
                ));
            });
        }
        for command in commands {
            self.apply(&ctx, command);
        }
    }

    /// The presentation: the timeline across the top, the event's card below.
    fn presentation_ui(&mut self, ui: &mut egui::Ui, timeline: &Timeline) -> Vec<Command> {
        let mut commands = Vec::new();
        let Some(presentation) = self.presentation.clone() else {
            return commands;
        };
        let palette = self.theme.palette();
        if presentation.blank {
            egui::CentralPanel::no_frame().show(ui, |ui| {
                ui.painter()
                    .rect_filled(ui.max_rect(), 0.0, egui::Color32::BLACK);
                ui.allocate_space(ui.available_size());
            });
            return commands;
        }
        let steps = presentation.steps(timeline, &self.visible);
        let lang = self.lang;
        egui::Panel::bottom("present-keys").show(ui, |ui| {
            ui.label(egui::RichText::new(t(lang, "present-keys")).small().weak());
        });
        let selected = self.selected;
        egui::CentralPanel::default().show(ui, |ui| {
            let height = (ui.available_height() * 0.42).max(150.0);
            if let Some(state) = &mut self.timeline_state {
                ui.allocate_ui(egui::vec2(ui.available_width(), height), |ui| {
                    commands.extend(
                        timeline_ui(ui, timeline, state, selected, None, lang, &palette)
                            .into_iter()
                            .filter(|c| !matches!(c, Command::ToggleLane(_))),
                    );
                });
            }
            super::present_ui::card_ui(
                ui,
                timeline,
                &presentation,
                &steps,
                lang,
                &palette,
                &mut self.images,
            );
        });
        commands
    }

    fn toolbar_ui(&mut self, ui: &mut egui::Ui, timeline: &Timeline) -> Vec<Command> {
        let lang = self.lang;
        let mut commands = Vec::new();
        ui.horizontal_wrapped(|ui| {
            ui.heading(timeline.title.get(lang));
            ui.separator();
            ui.menu_button(t(lang, "menu-file"), |ui| {
                if ui.button(t(lang, "menu-open")).clicked() {
                    commands.push(Command::ChooseFile);
                }
                if ui.button(t(lang, "present-save-png")).clicked() {
                    commands.push(Command::SavePng);
                }
            });
            ui.separator();
            if ui.button(t(lang, "present-start")).clicked() {
                commands.push(Command::StartPresentation {
                    tour: self.chosen_tour,
                    step: 0,
                });
            }
            let tour_name = |tour: Option<usize>| match tour.and_then(|i| timeline.tours.get(i)) {
                Some(tour) => format!(
                    "{} ({})",
                    tour.title.get(lang),
                    tr(
                        lang,
                        "present-steps",
                        &[("count", tour.steps.len().to_string())]
                    )
                ),
                None => t(lang, "present-no-tour"),
            };
            egui::ComboBox::from_label(t(lang, "present-tour"))
                .selected_text(tour_name(self.chosen_tour))
                .width(190.0)
                .truncate()
                .show_ui(ui, |ui| {
                    for option in std::iter::once(None).chain((0..timeline.tours.len()).map(Some)) {
                        if ui
                            .selectable_label(option == self.chosen_tour, tour_name(option))
                            .clicked()
                        {
                            commands.push(Command::ChooseTour(option));
                        }
                    }
                });
            if self.reloading {
                ui.spinner();
                ui.label(t(lang, "reloading"));
            }
            if let Some(status) = self.status.lock().ok().and_then(|s| s.clone()) {
                ui.label(egui::RichText::new(status).small());
            }
            ui.separator();
            for (preset, id) in [
                (Preset::All, "zoom-all"),
                (Preset::Month, "zoom-month"),
                (Preset::Week, "zoom-week"),
                (Preset::Day, "zoom-day"),
            ] {
                if ui.button(t(lang, id)).clicked() {
                    commands.push(Command::Preset(preset));
                }
            }
            if ui.button("–").on_hover_text(t(lang, "zoom-out")).clicked() {
                commands.push(Command::Zoom(0.5));
            }
            if ui.button("+").on_hover_text(t(lang, "zoom-in")).clicked() {
                commands.push(Command::Zoom(2.0));
            }
            ui.separator();
            let field = egui::TextEdit::singleline(&mut self.goto_text)
                .hint_text(t(lang, "goto-hint"))
                .desired_width(96.0);
            let response = ui.add(field).on_hover_text(t(lang, "goto-date"));
            let submitted = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if submitted && !self.goto_text.trim().is_empty() {
                match FuzzyDate::parse(self.goto_text.trim()) {
                    Ok(date) => {
                        self.goto_error = false;
                        commands.push(Command::GoTo(date));
                    }
                    Err(_) => self.goto_error = true,
                }
            }
            if self.goto_error {
                ui.colored_label(ui.visuals().error_fg_color, t(lang, "goto-invalid"));
            }
            ui.separator();
            ui.menu_button(t(lang, "menu-view"), |ui| {
                ui.label(t(lang, "menu-language"));
                for option in Lang::ALL {
                    if ui.radio(option == lang, option.native_name()).clicked() {
                        commands.push(Command::SetLang(option));
                    }
                }
                ui.separator();
                ui.label(t(lang, "menu-theme"));
                for option in Theme::ALL {
                    let name = match option {
                        Theme::Dark => t(lang, "theme-dark"),
                        Theme::Light => t(lang, "theme-light"),
                        Theme::HighContrast => t(lang, "theme-contrast"),
                    };
                    if ui.radio(option == self.theme, name).clicked() {
                        commands.push(Command::SetTheme(option));
                    }
                }
            });
        });
        commands
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.last_zoom = ui.ctx().zoom_factor();
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        match ron::to_string(&self.saved(self.last_zoom)) {
            Ok(text) => storage.set_string(SAVED_KEY, text),
            Err(err) => eprintln!("warning: could not save the window state: {err}"),
        }
    }
}

/// Files up to this many events build their search index when it is first needed.
const SYNC_INDEX_EVENTS: usize = 50_000;

/// Builds the search index on a thread, so that the first search does not block a frame.
fn warm_search_index(timeline: &Arc<Timeline>, index: &crate::query::IndexCell) {
    if index.is_ready() {
        return;
    }
    let timeline = Arc::clone(timeline);
    let index = index.clone();
    let spawned = std::thread::Builder::new()
        .name("search-index".into())
        .spawn(move || {
            index.get_or_build(&timeline);
        });
    if let Err(err) = spawned {
        eprintln!("warning: search index will be built on first search: {err}");
    }
}

/// Encodes an egui image as PNG with the image crate.
pub fn save_png(image: &egui::ColorImage, path: &std::path::Path) -> Result<(), String> {
    let [w, h] = image.size;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
    let buffer = image::RgbaImage::from_raw(w as u32, h as u32, bytes)
        .ok_or("the screenshot had an unexpected size")?;
    buffer
        .save_with_format(path, image::ImageFormat::Png)
        .map_err(|e| e.to_string())
}

/// Reads the remembered state; a corrupted one is ignored with a warning.
pub fn read_saved(storage: Option<&dyn eframe::Storage>) -> Option<Saved> {
    let text = storage?.get_string(SAVED_KEY)?;
    match ron::from_str(&text) {
        Ok(saved) => Some(saved),
        Err(err) => {
            eprintln!("warning: ignoring the saved window state, it could not be read: {err}");
            None
        }
    }
}

/// The file did not load: say why, every error with its line and column.
fn errors_ui(ui: &mut egui::Ui, lines: &[String], lang: Lang) {
    egui::CentralPanel::default().show(ui, |ui| {
        ui.heading(t(lang, "errors-title"));
        ui.label(t(lang, "errors-hint"));
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
}
