//! The window, on the bundled events or on a file that is then watched.

use std::path::Path;
use std::process::ExitCode;

use belarus_timeline::model::Lang;
use belarus_timeline::model::date::{DAY, seconds_from_date};
use belarus_timeline::ui::{
    App, Command, Loaded, MapCommand, PresentCommand, SelectionCommand, ViewCommand,
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
) -> ExitCode {
    let (result, name) = load(path);
    let loaded = Loaded::from_result(result, &name);
    let mut go_to: Vec<Command> = Vec::new();
    if place.map {
        go_to.push(MapCommand::Show(true).into());
    }
    if let Some((from, to)) = place.range {
        let (a, b) = (seconds_from_date(from), seconds_from_date(to) + DAY);
        go_to.push(ViewCommand::ZoomTo(a, b).into());
    }
    if let (Some(id), Loaded::Timeline(timeline, _)) = (&place.event, &loaded) {
        match timeline.event_index(id) {
            Some(index) => go_to.push(SelectionCommand::Select(Some(index)).into()),
            None => {
                eprintln!("error: unknown event `{id}`; `check` lists the file's events");
                return ExitCode::from(2);
            }
        }
    }
    let watch = path.map(Path::to_path_buf);
    let start_presentation = match &loaded {
        Loaded::Timeline(timeline, _)
            if present.on
                || present.presenter
                || present.tour.is_some()
                || present.autoplay.is_some() =>
        {
            match present
                .tour
                .as_deref()
                .map(|id| find_tour(timeline, id))
                .transpose()
            {
                Ok(tour) => Some(PresentCommand::Start {
                    tour,
                    step: present.step,
                }),
                Err(err) => {
                    eprintln!("error: {err}");
                    return ExitCode::from(2);
                }
            }
        }
        _ => None,
    };
    let (presenter, autoplay) = (present.presenter, present.autoplay);
    let title = match &loaded {
        Loaded::Timeline(timeline, _) => timeline.title.get(lang).to_owned(),
        Loaded::Errors(_) => "belarus-timeline".to_owned(),
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
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    let result = eframe::run_native(
        "belarus-timeline",
        options,
        Box::new(move |cc| {
            let mut app = App::new(loaded, lang);
            if reset {
                // egui keeps its own memory (text scale, panel sizes): a reset forgets it too.
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
            if let Some(start) = start_presentation {
                app.runtime.queued.push(start.into());
                if presenter {
                    app.runtime
                        .queued
                        .push(PresentCommand::Presenter(true).into());
                }
                if let Some(seconds) = autoplay {
                    app.runtime
                        .queued
                        .push(PresentCommand::AutoplayEvery(seconds).into());
                }
            }
            if let Some(path) = &watch {
                app.watch(path, &cc.egui_ctx);
            }
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: could not open the window: {err}");
            ExitCode::FAILURE
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
