//! The window, on the bundled events or on a file that is then watched.

use std::path::Path;
use std::process::ExitCode;

use belarus_timeline::cache::Cache;
use belarus_timeline::model::Lang;
use belarus_timeline::model::Timeline;
use belarus_timeline::model::date::{DAY, seconds_from_date};
use belarus_timeline::ui::loading::LoaderThread;
use belarus_timeline::ui::{
    App, Command, Loaded, Loading, MapCommand, OnLoaded, PresentCommand, SelectionCommand,
    ViewCommand,
};

use super::{Present, find_tour, load};

/// Where the window opens: an event, a range of days (a deep link).
#[derive(Clone, Debug, Default)]
pub struct Place {
    /// The event to select, by id.
    pub event: Option<String>,
    /// The first and last day to show.
    pub range: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
    /// Show the map.
    pub map: bool,
}

/// Opens the window on the file at `path` (the bundled one without a path). `chosen_lang` is
/// the language given on the command line, `lang` the one to start with.
pub fn window(
    path: Option<&Path>,
    chosen_lang: Option<Lang>,
    lang: Lang,
    reset: bool,
    present: &Present,
    place: &Place,
    bench_startup: bool,
) -> ExitCode {
    let cache = Cache::from_env();
    let mut on_loaded: Option<OnLoaded> = None;
    let mut go_to: Vec<Command> = Vec::new();
    let mut loader = None;
    let loaded = match path.and_then(|path| loading(path, cache.as_ref())) {
        Some((loading, thread)) => {
            loader = Some(thread);
            let (place, present) = (place.clone(), present.clone());
            on_loaded = Some(Box::new(move |timeline: &Timeline| {
                opening_commands(timeline, &place, &present)
            }));
            Loaded::Loading(loading)
        }
        None => {
            let (result, name) = load(path);
            let loaded = Loaded::from_result(result, &name);
            if let Loaded::Timeline(timeline, _) = &loaded {
                match opening_commands(timeline, place, present) {
                    Ok(commands) => go_to = commands,
                    Err(err) => {
                        eprintln!("error: {err}");
                        return ExitCode::from(2);
                    }
                }
            }
            loaded
        }
    };
    let watch = path.map(Path::to_path_buf);
    let title = match &loaded {
        Loaded::Timeline(timeline, _) => timeline.title.get(lang).to_owned(),
        Loaded::Errors(_) | Loaded::Loading(_) => "belarus-timeline".to_owned(),
    };
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(&title)
        .with_app_id("belarus-timeline")
        .with_inner_size([1400.0, 860.0])
        .with_min_inner_size([640.0, 420.0]);
    match window_icon() {
        Ok(icon) => viewport = viewport.with_icon(icon),
        Err(err) => eprintln!("warning: window icon not loaded: {err}"),
    }
    // What the app starts with, taken by the renderer that starts (kept for the next one if
    // a renderer fails before it).
    let start = std::cell::RefCell::new(Some((loaded, go_to, on_loaded)));
    let renderers = renderers(std::env::var(RENDERER_VAR).ok().as_deref());
    let mut result = Ok(());
    for (i, &renderer) in renderers.iter().enumerate() {
        let options = eframe::NativeOptions {
            viewport: viewport.clone(),
            renderer,
            ..Default::default()
        };
        result = eframe::run_native(
            "belarus-timeline",
            options,
            Box::new(|cc| {
                let (loaded, go_to, on_loaded) = start
                    .borrow_mut()
                    .take()
                    .ok_or("the window started twice")?;
                let mut app = App::new(loaded, lang);
                if reset {
                    // egui keeps its own memory (text scale, panel sizes): a reset forgets it.
                    cc.egui_ctx
                        .memory_mut(|memory| *memory = Default::default());
                } else if let Some(saved) = belarus_timeline::ui::read_saved(cc.storage) {
                    app.restore(saved);
                }
                // A language given on the command line wins over the remembered one.
                if let Some(lang) = chosen_lang {
                    app.state.lang = lang;
                }
                app.runtime.queued.extend(go_to);
                app.runtime.on_loaded = on_loaded;
                if let Some(path) = &watch {
                    app.watch(path, &cc.egui_ctx);
                }
                if bench_startup {
                    return Ok(Box::new(StartupProbe::new(app)));
                }
                Ok(Box::new(app))
            }),
        );
        match (&result, renderers.get(i + 1)) {
            // The renderer could not start (no OpenGL, say): the next one may.
            (Err(err), Some(next)) if start.borrow().is_some() => {
                eprintln!("warning: the {renderer} renderer did not start ({err}); trying {next}");
            }
            _ => break,
        }
    }
    if let Some(loader) = loader {
        loader.finish();
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: could not open the window: {err}");
            ExitCode::FAILURE
        }
    }
}

/// Chooses the renderer: `glow` or `wgpu`.
pub const RENDERER_VAR: &str = "BELARUS_TIMELINE_RENDERER";

/// The renderers to try, in order, for the value of [`RENDERER_VAR`]: OpenGL through glow
/// first, then wgpu. Where there is no graphics driver and Mesa draws on the processor
/// (llvmpipe: many school computers and virtual machines), a glow frame took about a fifth of
/// the processor time of a wgpu frame here, which a large file's loading shares.
fn renderers(chosen: Option<&str>) -> Vec<eframe::Renderer> {
    use eframe::Renderer::{Glow, Wgpu};
    match chosen.map(str::trim) {
        Some(name) if name.eq_ignore_ascii_case("wgpu") => vec![Wgpu, Glow],
        Some(name) if !name.is_empty() && !name.eq_ignore_ascii_case("glow") => {
            eprintln!("warning: {RENDERER_VAR}={name} is not `glow` or `wgpu`; using glow");
            vec![Glow, Wgpu]
        }
        _ => vec![Glow, Wgpu],
    }
}

/// Files at least this large (or as large as the cache's threshold, when lower) open on a
/// thread, with a progress bar: a smaller file reads in well under a second.
const LOADING_PAGE_MIN_BYTES: u64 = 4 << 20;

/// Starts opening the file at `path` on a thread, if it is large enough to need it.
fn loading(path: &Path, cache: Option<&Cache>) -> Option<(Loading, LoaderThread)> {
    let min = cache.map_or(LOADING_PAGE_MIN_BYTES, |c| {
        c.min_bytes.min(LOADING_PAGE_MIN_BYTES)
    });
    let metadata = std::fs::metadata(path).ok()?;
    if !metadata.is_file() || metadata.len() < min {
        return None;
    }
    match Loading::spawn(path.to_path_buf(), cache.cloned()) {
        Ok(loading) => Some(loading),
        Err(err) => {
            eprintln!("warning: reading the file on this thread ({err})");
            None
        }
    }
}

/// What the command line asks the window to do with the loaded timeline: show the map, a
/// range, an event, a presentation. An unknown event or tour is an error.
fn opening_commands(
    timeline: &Timeline,
    place: &Place,
    present: &Present,
) -> Result<Vec<Command>, String> {
    let mut commands: Vec<Command> = Vec::new();
    if place.map {
        commands.push(MapCommand::Show(true).into());
    }
    if let Some((from, to)) = place.range {
        let (a, b) = (seconds_from_date(from), seconds_from_date(to) + DAY);
        commands.push(ViewCommand::ZoomTo(a, b).into());
    }
    if let Some(id) = &place.event {
        match timeline.event_index(id) {
            Some(index) => commands.push(SelectionCommand::Select(Some(index)).into()),
            None => {
                return Err(format!(
                    "unknown event `{id}`; `check` lists the file's events"
                ));
            }
        }
    }
    if present.on || present.presenter || present.tour.is_some() || present.autoplay.is_some() {
        let tour = present
            .tour
            .as_deref()
            .map(|id| find_tour(timeline, id))
            .transpose()
            .map_err(|err| err.to_string())?;
        commands.push(
            PresentCommand::Start {
                tour,
                step: present.step,
            }
            .into(),
        );
        if present.presenter {
            commands.push(PresentCommand::Presenter(true).into());
        }
        if let Some(seconds) = present.autoplay {
            commands.push(PresentCommand::AutoplayEvery(seconds).into());
        }
    }
    Ok(commands)
}

/// The benchmark's hook (`--bench-startup`): the window as usual, printing on standard output
/// `first-frame MS`, `timeline MS` and `search-ready MS` (milliseconds since the program
/// started) as each happens, then closing. Nothing is saved.
struct StartupProbe {
    app: App,
    started: std::time::Instant,
    said: [bool; 3],
}

impl StartupProbe {
    fn new(app: App) -> Self {
        Self {
            app,
            started: crate::started(),
            said: [false; 3],
        }
    }

    fn say(&mut self, which: usize, what: &str) {
        if !self.said[which] {
            self.said[which] = true;
            let ms = self.started.elapsed().as_secs_f64() * 1000.0;
            println!("{what} {ms:.1}");
            let _ = std::io::Write::flush(&mut std::io::stdout());
        }
    }
}

impl eframe::App for StartupProbe {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.app.show(ui);
        self.say(0, "first-frame");
        if let Some(search_ready) = self.app.shown.as_ref().map(|s| s.search_index.is_ready()) {
            self.say(1, "timeline");
            if search_ready {
                self.say(2, "search-ready");
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            } else {
                // The index's thread wakes the window when it is done; this is a fallback
                // (polling often would take time from the build under software rendering).
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_secs(1));
            }
        }
    }
}

/// The window icon, decoded from the PNG in assets/ with the image crate.
fn window_icon() -> Result<egui::IconData, image::ImageError> {
    let image = image::load_from_memory_with_format(
        include_bytes!("../../assets/icon.png"),
        image::ImageFormat::Png,
    )?
    .into_rgba8();
    let (width, height) = image.dimensions();
    Ok(egui::IconData {
        rgba: image.into_raw(),
        width,
        height,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use eframe::Renderer::{Glow, Wgpu};

    #[test]
    fn glow_comes_first_unless_wgpu_is_asked_for() {
        assert_eq!(renderers(None), [Glow, Wgpu]);
        assert_eq!(renderers(Some("")), [Glow, Wgpu]);
        assert_eq!(renderers(Some("glow")), [Glow, Wgpu]);
        assert_eq!(renderers(Some(" WGPU ")), [Wgpu, Glow]);
        assert_eq!(
            renderers(Some("vulkan")),
            [Glow, Wgpu],
            "unknown: the default"
        );
    }
}
