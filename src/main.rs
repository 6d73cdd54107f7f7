//! The command line: parses it, then opens the window or runs a subcommand ([`cli`]).

mod cli;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use belarus_timeline::export::{Audience, Format};
use belarus_timeline::model::Lang;
use belarus_timeline::query::Filter;
use belarus_timeline::ui::theme::Theme;

use cli::Present;
use cli::render::RenderArgs;

// Frames allocate and free a few large buffers (the tessellated meshes): the system allocator
// returns them to the kernel and faults them back in every frame, which cost the map panel
// two thirds of its frame (measured in examples/bench.rs). mimalloc keeps them, as Rerun's
// viewer does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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

    /// While presenting, also open the presenter window (teaching notes, next step, clock),
    /// for a second screen.
    #[arg(long)]
    presenter: bool,

    /// Present, stepping on by itself every SECONDS and looping at the end (an exhibition);
    /// any key pauses, A plays again.
    #[arg(long, value_name = "SECONDS", value_parser = parse_autoplay)]
    autoplay: Option<f64>,

    /// The tour to present, render or export (`check` lists the tour ids).
    #[arg(long, value_name = "ID", global = true)]
    tour: Option<String>,

    /// The step of the tour to start at, from 1.
    #[arg(long, value_name = "N", global = true, value_parser = clap::value_parser!(u32).range(1..))]
    step: Option<u32>,

    /// Open the window on this event, selected (File → Copy link to this view writes these).
    #[arg(long, value_name = "ID")]
    event: Option<String>,

    /// Open the window showing the days from this one (YYYY-MM-DD)…
    #[arg(long, value_name = "DATE", requires = "to")]
    from: Option<chrono::NaiveDate>,

    /// …to this one.
    #[arg(long, value_name = "DATE", requires = "from")]
    to: Option<chrono::NaiveDate>,

    /// Show the map of the events' places beside the timeline (M in the window; remembered).
    #[arg(long)]
    map: bool,

    /// A hook for the benchmark (examples/bench.rs), not for users: print when the first
    /// frame, the timeline and the search index are ready, then close.
    #[arg(long, hide = true)]
    bench_startup: bool,

    #[command(subcommand)]
    command: Option<Command>,
}

/// When the program started, for `--bench-startup`.
fn started() -> std::time::Instant {
    static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    *STARTED.get_or_init(std::time::Instant::now)
}

#[derive(Subcommand)]
enum Command {
    /// Check an events file and print a summary, or every error as PATH:LINE:COL: message.
    Check {
        /// The file to check (default: the bundled events.ron).
        path: Option<PathBuf>,
        /// Fail on warnings too (a missing image, an invisible character in a text).
        #[arg(long)]
        strict: bool,
    },
    /// Write events to standard output as JSON, CSV, a Markdown or HTML handout, iCalendar,
    /// TimelineJS JSON or `events.ron`.
    ///
    /// With --tour, the handout follows the tour's steps with their teaching notes.
    Export {
        /// The output format.
        #[arg(long, value_enum)]
        format: Format,
        /// The events file (default: the bundled one).
        #[arg(long, value_name = "PATH")]
        events: Option<PathBuf>,
        /// Who a tour's handout is for: the teacher (with the teaching notes) or the students
        /// (without them).
        #[arg(long, value_enum, default_value = "teacher")]
        audience: Audience,
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
        /// Draw the map of the events' places instead of the window, with the filters applied
        /// and --from/--to as the range counted (default: the whole period).
        #[arg(long)]
        map: bool,
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
    started();
    belarus_timeline::memory::prefer_small_pages();
    let cli = Cli::parse();
    let lang = cli.lang.unwrap_or_else(cli::system_lang);
    let present = Present {
        on: cli.present,
        tour: cli.tour.clone(),
        step: cli.step.map_or(0, |s| s as usize - 1),
        presenter: cli.presenter,
        autoplay: cli.autoplay,
    };
    match cli.command {
        None => cli::window::window(
            cli.events.as_deref(),
            cli.lang,
            lang,
            cli.reset,
            &present,
            &cli::window::Place {
                event: cli.event,
                range: cli.from.zip(cli.to),
                map: cli.map,
            },
            cli.bench_startup,
        ),
        Some(Command::Check { path, strict }) => {
            cli::check::check(path.as_deref().or(cli.events.as_deref()), strict)
        }
        Some(Command::Export {
            format,
            events,
            audience,
            filter,
        }) => cli::export::export(
            events.as_deref().or(cli.events.as_deref()),
            format,
            &filter.to_filter(),
            cli.tour.as_deref(),
            audience,
            lang,
        ),
        Some(Command::Generate { count, seed, out }) => {
            cli::generate::generate(count, seed, out.as_deref())
        }
        Some(Command::Render {
            out,
            width,
            height,
            event,
            all_steps,
            theme,
            events,
            map,
            filter,
        }) => cli::render::render(
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
                map,
            },
            &present,
        ),
    }
}

/// Seconds per autoplay step: a number from 2 to 3600.
fn parse_autoplay(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(seconds) if (2.0..=3600.0).contains(&seconds) => Ok(seconds),
        Ok(_) => Err("seconds per step must be from 2 to 3600".to_owned()),
        Err(_) => Err(format!("`{text}` is not a number of seconds")),
    }
}
