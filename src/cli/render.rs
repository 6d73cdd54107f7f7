//! `render --out …`: the window's view drawn to PNG files without a window.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use belarus_timeline::model::Lang;
use belarus_timeline::model::date::seconds_from_date;
use belarus_timeline::query::{Filter, IndexCell};
use belarus_timeline::timeline::TimeView;
use belarus_timeline::ui::theme::Theme;
use belarus_timeline::ui::{
    App, FilterCommand, PresentCommand, SelectionCommand, ViewCommand, offscreen,
};

use super::{Present, find_tour, load, report};

/// What to draw, and where.
pub struct RenderArgs {
    /// The PNG file, or with `all_steps` the folder.
    pub out: PathBuf,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The event to select.
    pub event: Option<String>,
    /// Every step of the tour, one file each.
    pub all_steps: bool,
    /// The colour theme.
    pub theme: Theme,
    /// Which events to show.
    pub filter: Filter,
    /// The language.
    pub lang: Lang,
    /// Draw the map alone, counting the events from `--from` to `--to`.
    pub map: bool,
}

/// Draws the view of the file at `path` that `args` and `present` describe.
pub fn render(path: Option<&Path>, args: &RenderArgs, present: &Present) -> ExitCode {
    let (timeline, name) = match load(path) {
        (Ok(timeline), name) => (std::sync::Arc::new(timeline), name),
        (Err(err), _) => return report(&err),
    };
    // Only the ids are checked here: the window resolves the search with its own index.
    let ids_only = Filter {
        search: String::new(),
        ..args.filter.clone()
    };
    if let Err(err) = ids_only.compile(&timeline, &IndexCell::default()) {
        eprintln!("error: {err}");
        return ExitCode::from(2);
    }
    let tour = match present
        .tour
        .as_deref()
        .map(|id| find_tour(&timeline, id))
        .transpose()
    {
        Ok(tour) => tour,
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::from(2);
        }
    };
    let event = match args.event.as_deref() {
        Some(id) => match timeline.event_index(id) {
            Some(index) => Some(index),
            None => {
                eprintln!("error: unknown event `{id}`");
                return ExitCode::from(2);
            }
        },
        None => None,
    };
    let presenting = present.on || args.all_steps || tour.is_some();
    let setup = |step: usize| {
        let mut app = offscreen::app_for(std::sync::Arc::clone(&timeline), &name, args.lang);
        app.state.theme = args.theme;
        app.runtime
            .queued
            .push(FilterCommand::Set(args.filter.clone()).into());
        if args.map {
            app.state.map = true;
            app.runtime.map_only = true;
            // The range counted is the days asked for, exactly; without them, everything.
            let range = (args.filter.from, args.filter.to);
            if let (Some(from), Some(to)) = range {
                let (a, b) = (seconds_from_date(from), seconds_from_date(to) + 86_400.0);
                app.runtime
                    .queued
                    .push(ViewCommand::Set(TimeView::new(a, b)).into());
            } else {
                app.state.map_whole_period = true;
            }
        } else if let (Some(from), Some(to)) = (args.filter.from, args.filter.to) {
            let (a, b) = (seconds_from_date(from), seconds_from_date(to) + 86_400.0);
            app.runtime.queued.push(ViewCommand::ZoomTo(a, b).into());
        }
        if let Some(index) = event {
            app.runtime
                .queued
                .push(SelectionCommand::Select(Some(index)).into());
        }
        if presenting {
            app.runtime
                .queued
                .push(PresentCommand::Start { tour, step }.into());
        }
        app
    };
    if args.all_steps {
        let Some(t) = tour else {
            eprintln!("error: --all-steps needs --tour ID");
            return ExitCode::from(2);
        };
        if let Err(err) = std::fs::create_dir_all(&args.out) {
            eprintln!("error: cannot create {}: {err}", args.out.display());
            return ExitCode::FAILURE;
        }
        let steps = timeline.tours[t].steps.len();
        for step in 0..steps {
            let file = args
                .out
                .join(format!("{}-{:02}.png", timeline.tours[t].id, step + 1));
            if let Err(err) = render_one(setup(step), args, &file) {
                eprintln!("error: {}: {err}", file.display());
                return ExitCode::FAILURE;
            }
            super::write_lines(&mut std::io::stdout().lock(), [file.display().to_string()]);
        }
        return ExitCode::SUCCESS;
    }
    match render_one(setup(present.step), args, &args.out) {
        Ok(()) => {
            super::write_lines(
                &mut std::io::stdout().lock(),
                [args.out.display().to_string()],
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {}: {err}", args.out.display());
            ExitCode::FAILURE
        }
    }
}

/// Why one image was not written.
#[derive(Debug, thiserror::Error)]
enum RenderError {
    /// Drawing failed.
    #[error(transparent)]
    Draw(#[from] offscreen::RenderError),
    /// Encoding or writing the PNG failed.
    #[error(transparent)]
    Save(#[from] image::ImageError),
}

fn render_one(app: App, args: &RenderArgs, file: &Path) -> Result<(), RenderError> {
    let image = offscreen::render(app, args.width, args.height)?;
    image.save_with_format(file, image::ImageFormat::Png)?;
    Ok(())
}
