//! The command line: opens the window, or runs `check` / `export`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use belarus_timeline::export::{self, Format};
use belarus_timeline::model::{self, Lang, LoadError, Timeline};
use belarus_timeline::query::Filter;
use belarus_timeline::ui::{App, Loaded};

/// Explore a curated, sourced timeline of the 2020–2021 Belarusian protests.
///
/// Without a subcommand, opens the window on the bundled events (or on --events PATH).
#[derive(Parser)]
#[command(version, about, long_about)]
struct Cli {
    /// An events file to open instead of the bundled one.
    #[arg(long, value_name = "PATH", global = true)]
    events: Option<PathBuf>,

    /// Language of the interface and the texts: en, be or ru (default: the system's).
    #[arg(long, value_name = "LANG", global = true, value_parser = parse_lang)]
    lang: Option<Lang>,

    /// Start fresh: ignore the remembered language, filters, view and selection.
    #[arg(long)]
    reset: bool,

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
    /// Write events to standard output as JSON, CSV, a Markdown handout or iCalendar.
    Export {
        /// The output format.
        #[arg(long, value_enum)]
        format: Format,
        #[command(flatten)]
        filter: FilterArgs,
    },
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
    match cli.command {
        None => run_window(cli.events.as_deref(), cli.lang, lang, cli.reset),
        Some(Command::Check { path }) => check(path.as_deref().or(cli.events.as_deref())),
        Some(Command::Export { format, filter }) => {
            run_export(cli.events.as_deref(), format, &filter.to_filter(), lang)
        }
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
            println!(
                "{name}: ok: {} events, {} sources, {} categories, {} places, {} actors, {} eras, {} tours{span}",
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

fn run_export(path: Option<&Path>, format: Format, filter: &Filter, lang: Lang) -> ExitCode {
    let timeline = match load(path) {
        (Ok(timeline), _) => timeline,
        (Err(err), _) => {
            for line in err.lines() {
                eprintln!("{line}");
            }
            return ExitCode::FAILURE;
        }
    };
    let indices = match filter.compile(&timeline) {
        Ok(compiled) => compiled.apply(),
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::from(2);
        }
    };
    match export::export(&timeline, &indices, format, lang) {
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

fn run_window(path: Option<&Path>, chosen_lang: Option<Lang>, lang: Lang, reset: bool) -> ExitCode {
    let (result, name) = load(path);
    let loaded = Loaded::from_result(result, &name);
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
            egui_extras::install_image_loaders(&cc.egui_ctx);
            let mut app = App::new(loaded, lang);
            if !reset && let Some(saved) = belarus_timeline::ui::read_saved(cc.storage) {
                app.restore(saved);
            }
            // A language given on the command line wins over the remembered one.
            if let Some(lang) = chosen_lang {
                app.lang = lang;
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
