//! The command line: opens the window, or runs `check` / `export`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use belarus_timeline::export::{self, Format};
use belarus_timeline::model::date::seconds_from_date;
use belarus_timeline::model::{self, Lang, LoadError, Timeline};
use belarus_timeline::query::{Filter, IndexCell};
use belarus_timeline::ui::theme::Theme;
use belarus_timeline::ui::{App, Command as UiCommand, Loaded};

/// Explore a curated, sourced timeline of the 2020–2021 Belarusian protests.
///
/// Without a subcommand, opens the window on the bundled events (or on --events PATH).
#[derive(Parser)]
#[command(version, about, long_about)]
struct Cli {
    /// An events file to open instead of the bundled one (watched: edits reload).
    #[arg(long, value_name = "PATH")]
    events: Option<PathBuf>,

    /// Language of the interface and the texts: en, be or ru (default: the system's).
    #[arg(long, value_name = "LANG", global = true, value_parser = parse_lang)]
    lang: Option<Lang>,

    /// Start fresh: ignore the remembered language, filters, view and selection.
    #[arg(long)]
    reset: bool,

    /// Open in presentation mode (full screen, large type, clicker keys).
    #[arg(long, global = true)]
    present: bool,

    /// The tour to present, render or export (`check` lists the tour ids).
    #[arg(long, value_name = "ID", global = true)]
    tour: Option<String>,

    /// The step of the tour to start at, from 1.
    #[arg(long, value_name = "N", global = true, value_parser = clap::value_parser!(u32).range(1..))]
    step: Option<u32>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Check an events file and print a summary, or every error as PATH:LINE:COL: message.
    Check {
        /// The file to check (default: the bundled events.ron).
        path: Option<PathBuf>,
    },
    /// Write events to standard output as JSON, CSV, a Markdown or HTML handout, or iCalendar.
    ///
    /// With --tour, the handout follows the tour's steps with their teaching notes.
    Export {
        /// The output format.
        #[arg(long, value_enum)]
        format: Format,
        /// The events file (default: the bundled one).
        #[arg(long, value_name = "PATH")]
        events: Option<PathBuf>,
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// Write a synthetic but realistic events file, for testing at scale.
    Generate {
        /// How many events.
        #[arg(long = "events", value_name = "N")]
        count: usize,
        /// Seed: the same seed gives the same file.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The file to write (default: standard output).
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
    },
    /// Draw the window's view to a PNG without a window (for slides).
    ///
    /// Works on a machine without a display or GPU (software rendering).
    Render {
        /// The PNG file to write; with --all-steps, the folder for one PNG per step.
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
        /// Width in pixels.
        #[arg(long, default_value_t = 1920, value_parser = clap::value_parser!(u32).range(320..=8192))]
        width: u32,
        /// Height in pixels.
        #[arg(long, default_value_t = 1080, value_parser = clap::value_parser!(u32).range(240..=8192))]
        height: u32,
        /// Select this event and bring it into view.
        #[arg(long, value_name = "ID")]
        event: Option<String>,
        /// With --tour: write every step, numbered, into the --out folder.
        #[arg(long)]
        all_steps: bool,
        /// Colour theme.
        #[arg(long, value_enum, default_value_t = ThemeArg::Light)]
        theme: ThemeArg,
        /// The events file (default: the bundled one).
        #[arg(long, value_name = "PATH")]
        events: Option<PathBuf>,
        #[command(flatten)]
        filter: FilterArgs,
    },
}

/// Themes on the command line.
#[derive(Clone, Copy, clap::ValueEnum)]
enum ThemeArg {
    Light,
    Dark,
    Contrast,
}

impl ThemeArg {
    fn theme(self) -> Theme {
        match self {
            ThemeArg::Light => Theme::Light,
            ThemeArg::Dark => Theme::Dark,
            ThemeArg::Contrast => Theme::HighContrast,
        }
    }
}

/// Which events to include; the same filter as the window's.
#[derive(Args, Default)]
struct FilterArgs {
    /// Only this category (repeatable).
    #[arg(long, value_name = "ID")]
    category: Vec<String>,
    /// Only events with this tag (repeatable).
    #[arg(long, value_name = "TAG")]
    tag: Vec<String>,
    /// Only events at this place (repeatable).
    #[arg(long, value_name = "ID")]
    place: Vec<String>,
    /// Only events with this actor (repeatable).
    #[arg(long, value_name = "ID")]
    actor: Vec<String>,
    /// Only this importance: 1 key, 2 notable, 3 detail (repeatable).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=3))]
    importance: Vec<u8>,
    /// Only events on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    from: Option<chrono::NaiveDate>,
    /// Only events on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    to: Option<chrono::NaiveDate>,
    /// Only events matching this text, in any language or spelling.
    #[arg(long, value_name = "TEXT")]
    search: Option<String>,
}

impl FilterArgs {
    fn to_filter(&self) -> Filter {
        Filter {
            categories: self.category.iter().cloned().collect(),
            importance: self.importance.iter().copied().collect(),
            places: self.place.iter().cloned().collect(),
            actors: self.actor.iter().cloned().collect(),
            tags: self.tag.iter().cloned().collect(),
            from: self.from,
            to: self.to,
            search: self.search.clone().unwrap_or_default(),
        }
    }
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::from_code(text).ok_or_else(|| format!("`{text}` is not a language: use en, be or ru"))
}

fn parse_date(text: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date: use YYYY-MM-DD"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli.lang.unwrap_or_else(system_lang);
    let present = Present {
        on: cli.present,
        tour: cli.tour.clone(),
        step: cli.step.map_or(0, |s| s as usize - 1),
    };
    match cli.command {
        None => run_window(cli.events.as_deref(), cli.lang, lang, cli.reset, &present),
        Some(Command::Check { path }) => check(path.as_deref().or(cli.events.as_deref())),
        Some(Command::Export {
            format,
            events,
            filter,
        }) => run_export(
            events.as_deref().or(cli.events.as_deref()),
            format,
            &filter.to_filter(),
            cli.tour.as_deref(),
            lang,
        ),
        Some(Command::Generate { count, seed, out }) => run_generate(count, seed, out.as_deref()),
        Some(Command::Render {
            out,
            width,
            height,
            event,
            all_steps,
            theme,
            events,
            filter,
        }) => run_render(
            events.as_deref().or(cli.events.as_deref()),
            &RenderArgs {
                out,
                width,
                height,
                event,
                all_steps,
                theme: theme.theme(),
                filter: filter.to_filter(),
                lang,
            },
            &present,
        ),
    }
}

/// The language of the system's locale, or English.
fn system_lang() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|var| std::env::var(var).ok())
        .find(|value| !value.is_empty())
        .and_then(|value| Lang::from_code(&value))
        .unwrap_or(Lang::En)
}

fn load(path: Option<&Path>) -> (Result<Timeline, LoadError>, String) {
    match path {
        Some(path) => (model::load_path(path), path.display().to_string()),
        None => (model::load_bundled(), model::load::BUNDLED_NAME.to_owned()),
    }
}

fn check(path: Option<&Path>) -> ExitCode {
    match load(path) {
        (Ok(timeline), name) => {
            let span = timeline
                .events
                .first()
                .zip(
                    timeline
                        .events
                        .iter()
                        .map(|e| e.end.unwrap_or(e.start))
                        .max_by_key(|d| d.date),
                )
                .map(|(first, last)| format!(", {} to {}", first.start, last))
                .unwrap_or_default();
            let tours: Vec<&str> = timeline.tours.iter().map(|t| t.id.as_str()).collect();
            let tours = if tours.is_empty() {
                String::new()
            } else {
                format!(" ({})", tours.join(", "))
            };
            println!(
                "{name}: ok: {} events, {} sources, {} categories, {} places, {} actors, {} eras, {} tours{tours}{span}",
                timeline.events.len(),
                timeline.source_count(),
                timeline.categories.len(),
                timeline.places.len(),
                timeline.actors.len(),
                timeline.eras.len(),
                timeline.tours.len(),
            );
            ExitCode::SUCCESS
        }
        (Err(err), _) => {
            for line in err.lines() {
                eprintln!("{line}");
            }
            ExitCode::FAILURE
        }
    }
}

fn report(err: &LoadError) -> ExitCode {
    for line in err.lines() {
        eprintln!("{line}");
    }
    ExitCode::FAILURE
}

/// The tour named on the command line, or an error message listing the tours.
fn find_tour(timeline: &Timeline, id: &str) -> Result<usize, String> {
    timeline
        .tours
        .iter()
        .position(|t| t.id == id)
        .ok_or_else(|| {
            let known: Vec<&str> = timeline.tours.iter().map(|t| t.id.as_str()).collect();
            format!("unknown tour `{id}` (known: {})", known.join(", "))
        })
}

fn run_export(
    path: Option<&Path>,
    format: Format,
    filter: &Filter,
    tour: Option<&str>,
    lang: Lang,
) -> ExitCode {
    let timeline = match load(path) {
        (Ok(timeline), _) => timeline,
        (Err(err), _) => return report(&err),
    };
    let (indices, notes): (Vec<usize>, Option<Vec<&belarus_timeline::model::Text>>) = match tour {
        Some(id) => match find_tour(&timeline, id) {
            Ok(t) => {
                let steps = &timeline.tours[t].steps;
                (
                    steps.iter().map(|(i, _)| *i).collect(),
                    Some(steps.iter().map(|(_, n)| n).collect()),
                )
            }
            Err(err) => {
                eprintln!("error: {err}");
                return ExitCode::from(2);
            }
        },
        None => match filter.compile(&timeline, &IndexCell::default()) {
            Ok(compiled) => (compiled.apply(), None),
            Err(err) => {
                eprintln!("error: {err}");
                return ExitCode::from(2);
            }
        },
    };
    match export::export(&timeline, &indices, notes.as_deref(), format, lang) {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}

/// `--present`, `--tour`, `--step`.
struct Present {
    on: bool,
    tour: Option<String>,
    step: usize,
}

struct RenderArgs {
    out: PathBuf,
    width: u32,
    height: u32,
    event: Option<String>,
    all_steps: bool,
    theme: Theme,
    filter: Filter,
    lang: Lang,
}

fn run_render(path: Option<&Path>, args: &RenderArgs, present: &Present) -> ExitCode {
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
        let mut app = export::png::app_for(std::sync::Arc::clone(&timeline), &name, args.lang);
        app.theme = args.theme;
        app.queued.push(UiCommand::SetFilter(args.filter.clone()));
        if let (Some(from), Some(to)) = (args.filter.from, args.filter.to) {
            let (a, b) = (seconds_from_date(from), seconds_from_date(to) + 86_400.0);
            app.queued.push(UiCommand::ZoomTo(a, b));
        }
        if let Some(index) = event {
            app.queued.push(UiCommand::Select(Some(index)));
        }
        if presenting {
            app.queued.push(UiCommand::StartPresentation { tour, step });
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
            println!("{}", file.display());
        }
        return ExitCode::SUCCESS;
    }
    match render_one(setup(present.step), args, &args.out) {
        Ok(()) => {
            println!("{}", args.out.display());
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {}: {err}", args.out.display());
            ExitCode::FAILURE
        }
    }
}

fn run_generate(count: usize, seed: u64, out: Option<&Path>) -> ExitCode {
    let result = match out {
        Some(path) => std::fs::File::create(path).and_then(|file| {
            let mut writer = std::io::BufWriter::new(file);
            belarus_timeline::generate::write(&mut writer, count, seed)?;
            std::io::Write::flush(&mut writer)
        }),
        None => {
            let stdout = std::io::stdout();
            let mut writer = std::io::BufWriter::new(stdout.lock());
            belarus_timeline::generate::write(&mut writer, count, seed)
                .and_then(|()| std::io::Write::flush(&mut writer))
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: cannot write the generated file: {err}");
            ExitCode::FAILURE
        }
    }
}

fn render_one(app: App, args: &RenderArgs, file: &Path) -> Result<(), String> {
    let image = export::png::render(app, args.width, args.height)?;
    image
        .save_with_format(file, image::ImageFormat::Png)
        .map_err(|e| e.to_string())
}

fn run_window(
    path: Option<&Path>,
    chosen_lang: Option<Lang>,
    lang: Lang,
    reset: bool,
    present: &Present,
) -> ExitCode {
    let (result, name) = load(path);
    let loaded = Loaded::from_result(result, &name);
    let watch = path.map(Path::to_path_buf);
    let start_presentation = match &loaded {
        Loaded::Timeline(timeline, _) if present.on || present.tour.is_some() => {
            match present
                .tour
                .as_deref()
                .map(|id| find_tour(timeline, id))
                .transpose()
            {
                Ok(tour) => Some(UiCommand::StartPresentation {
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
            if !reset && let Some(saved) = belarus_timeline::ui::read_saved(cc.storage) {
                app.restore(saved);
            }
            // A language given on the command line wins over the remembered one.
            if let Some(lang) = chosen_lang {
                app.lang = lang;
            }
            app.queued.extend(start_presentation);
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
        include_bytes!("../assets/icon.png"),
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
