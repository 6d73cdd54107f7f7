//! Benchmark: load, frame, search and filter times on generated files of several sizes.
//!
//! `cargo run --release --example bench -- [--sizes 1000,10000,100000,1000000] [--quick]
//! [--only frame,zoom]`
//!
//! `--views all,hour` keeps just those views; `--frames N` times N frames (and zoom steps)
//! per view instead of 120 (20 with `--quick`).
//!
//! `--only` runs just the rows named (`load`, `errors`, `startup` with its `reopen` row,
//! `frame` with its `pan` rows, `zoom`, `map` with its `map_moves` row, `search` with its
//! `filter` rows), for profiling one thing at a time.
//!
//! Prints one JSON object per line on stdout and nothing else; progress goes to stderr.
//!
//! Without `--quick`, the `first_frame` and `reopen` rows start the real window
//! (`target/release/belarus-timeline --bench-startup`, a hidden hook that prints when the
//! first frame, the timeline and the search index are ready, then closes) on each file, with
//! an empty cache and then with the cache it wrote. They need a display: `$DISPLAY`, else an
//! `Xvfb` the bench starts; without either they are skipped with a message.

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use belarus_timeline::model::{self, Lang, Timeline};
use belarus_timeline::query::Filter;
use belarus_timeline::timeline::TimeView;
use belarus_timeline::ui::{App, FilterCommand, Loaded};

// The window's allocator (see src/main.rs), so that frames cost here what they cost there.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const WIDTH: f32 = 1600.0;
const HEIGHT: f32 = 900.0;

fn main() {
    // The window's pages too (see src/memory.rs).
    belarus_timeline::memory::prefer_small_pages();
    let args: Vec<String> = std::env::args().skip(1).collect();
    // The load is measured in a child process of its own, so that its peak memory is its own.
    if let [flag, path] = args.as_slice()
        && (flag == "--child-load" || flag == "--child-parse")
    {
        child(flag == "--child-load", std::path::Path::new(path));
        return;
    }
    if let [flag, path] = args.as_slice()
        && flag == "--child-check"
    {
        child_check(std::path::Path::new(path));
        return;
    }
    let quick = args.iter().any(|a| a == "--quick");
    let sizes: Vec<usize> = args
        .iter()
        .position(|a| a == "--sizes")
        .and_then(|i| args.get(i + 1))
        .map(|list| {
            list.split(',')
                .filter_map(|s| s.trim().parse().ok())
                .collect()
        })
        .unwrap_or_else(|| {
            if quick {
                vec![1_000, 10_000]
            } else {
                vec![1_000, 10_000, 30_000, 100_000, 1_000_000]
            }
        });
    let _ = ONLY.set(list_arg(&args, "--only"));
    let _ = VIEWS.set(list_arg(&args, "--views"));
    let frames = args
        .iter()
        .position(|a| a == "--frames")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(if quick { 20 } else { 120 });
    let dir = std::env::temp_dir().join(format!("belarus-timeline-bench-{}", std::process::id()));
    if let Err(err) = std::fs::create_dir_all(&dir) {
        eprintln!("cannot create {}: {err}", dir.display());
        std::process::exit(1);
    }
    for &n in &sizes {
        if let Err(err) = bench_size(n, frames, &dir, quick) {
            eprintln!("size {n}: {err}");
            std::process::exit(1);
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The comma-separated list after `flag`, or none.
fn list_arg(args: &[String], flag: &str) -> Vec<String> {
    args.iter()
        .position(|a| a == flag)
        .and_then(|i| args.get(i + 1))
        .map(|list| list.split(',').map(|s| s.trim().to_owned()).collect())
        .unwrap_or_default()
}

/// The rows `--only` asks for (empty: all of them).
static ONLY: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();

/// The views `--views` asks for (empty: all of them).
static VIEWS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();

/// Whether the rows of `kind` run.
fn wants(kind: &str) -> bool {
    ONLY.get()
        .is_none_or(|only| only.is_empty() || only.iter().any(|o| o == kind))
}

fn ms(since: Instant) -> f64 {
    (since.elapsed().as_secs_f64() * 1000.0 * 1000.0).round() / 1000.0
}

/// The process's peak resident memory so far, in MB (Linux), or 0.
fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| {
                    l.split_whitespace()
                        .nth(1)
                        .and_then(|kb| kb.parse::<f64>().ok())
                })
        })
        .map_or(0.0, |kb| (kb / 1024.0).round())
}

fn bench_size(n: usize, frames: usize, dir: &std::path::Path, quick: bool) -> Result<(), String> {
    let path = dir.join(format!("events-{n}.ron"));
    {
        let file = std::fs::File::create(&path).map_err(|e| e.to_string())?;
        let mut writer = std::io::BufWriter::new(file);
        belarus_timeline::generate::write(&mut writer, n, 42).map_err(|e| e.to_string())?;
        std::io::Write::flush(&mut writer).map_err(|e| e.to_string())?;
    }
    let bytes = std::fs::metadata(&path).map_err(|e| e.to_string())?.len();
    eprintln!("{n} events, {bytes} bytes");

    let mut ron_parse_ms = None;
    if wants("load") {
        let (parse_ms, _) = in_child("--child-parse", &path)?;
        let (load_ms, peak_rss_mb) = in_child("--child-load", &path)?;
        println!(
            r#"{{"bench":"load","events":{n},"bytes":{bytes},"load_ms":{load_ms},"ron_parse_ms":{parse_ms},"peak_rss_mb":{peak_rss_mb}}}"#
        );
        ron_parse_ms = Some(parse_ms);
    }
    if wants("errors") {
        errors_bench(n, &path)?;
    }
    if wants("startup") && !quick {
        let parse_ms = match ron_parse_ms {
            Some(ms) => ms,
            None => in_child("--child-parse", &path)?.0,
        };
        startup_bench(n, &path, bytes, parse_ms)?;
    }
    let timeline = model::load_path(&path).map_err(|e| e.to_string())?;
    let _ = std::fs::remove_file(&path);

    let timeline = Arc::new(timeline);
    if wants("frame") {
        frames_bench(&timeline, n, frames);
    }
    if wants("zoom") {
        zoom_bench(&timeline, n, frames.max(ZOOM_STEPS));
    }
    if wants("map") {
        map_bench(&timeline, n, frames);
    }
    if wants("search") {
        search_and_filter_bench(&timeline, n);
    }
    Ok(())
}

/// Runs this program again to time one load or one bare parse; returns (ms, peak RSS in MB).
fn in_child(flag: &str, path: &std::path::Path) -> Result<(f64, f64), String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let output = std::process::Command::new(exe)
        .arg(flag)
        .arg(path)
        .output()
        .map_err(|e| e.to_string())?;
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).into_owned());
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let mut numbers = text
        .split_whitespace()
        .filter_map(|n| n.parse::<f64>().ok());
    match (numbers.next(), numbers.next()) {
        (Some(ms), Some(mb)) => Ok((ms, mb)),
        _ => Err(format!("unexpected output from {flag}: {text}")),
    }
}

/// Checking the same file without mistakes and with one systematic mistake made in every
/// event of one lane (about one event in eight): an unknown category (found by the builder)
/// and an unknown field (which stops `ron`, and is mended). What `check` does: load, and on
/// errors the capped report; each in a child process, with its peak memory.
fn errors_bench(n: usize, path: &std::path::Path) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let lane = r#"category: "protest","#;
    let unknown_category = text.replace(lane, r#"category: "protests","#);
    let unknown_field: String = text
        .split_inclusive('\n')
        .map(|line| {
            if line.contains(lane) {
                line.replacen("tags:", "tagz:", 1)
            } else {
                line.to_owned()
            }
        })
        .collect();
    let mut clean_ms = 0.0;
    for (mistake, text) in [
        ("none", None),
        ("unknown-category", Some(unknown_category)),
        ("unknown-field", Some(unknown_field)),
    ] {
        let checked = match text {
            None => path.to_path_buf(),
            Some(text) => {
                let other = path.with_extension(format!("{mistake}.ron"));
                std::fs::write(&other, text).map_err(|e| e.to_string())?;
                other
            }
        };
        let (check_ms, peak_rss_mb, errors) = in_child_check(&checked)?;
        if checked != path {
            let _ = std::fs::remove_file(&checked);
        }
        if mistake == "none" {
            clean_ms = check_ms;
        }
        let ratio = if clean_ms > 0.0 {
            (check_ms / clean_ms * 100.0).round() / 100.0
        } else {
            0.0
        };
        println!(
            r#"{{"bench":"errors","events":{n},"mistake":"{mistake}","errors":{errors},"check_ms":{check_ms},"peak_rss_mb":{peak_rss_mb},"vs_clean":{ratio}}}"#
        );
    }
    Ok(())
}

/// Runs this program again to time one check; returns (ms, peak RSS in MB, errors).
fn in_child_check(path: &std::path::Path) -> Result<(f64, f64, usize), String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let output = std::process::Command::new(exe)
        .arg("--child-check")
        .arg(path)
        .output()
        .map_err(|e| e.to_string())?;
    let text = String::from_utf8_lossy(&output.stdout);
    let numbers: Vec<f64> = text
        .split_whitespace()
        .filter_map(|n| n.parse::<f64>().ok())
        .collect();
    match numbers[..] {
        [ms, mb, errors] if output.status.success() => Ok((ms, mb, errors as usize)),
        _ => Err(format!(
            "unexpected output from --child-check: {text} {}",
            String::from_utf8_lossy(&output.stderr)
        )),
    }
}

/// In the child: what `check` does with a file (load; on errors, every error located and the
/// first thousand formatted with the count of the rest). Prints the time, the peak memory and
/// the number of errors.
fn child_check(path: &std::path::Path) {
    let start = Instant::now();
    let errors = match model::load_path(path) {
        Ok(timeline) => {
            std::hint::black_box(timeline.events.len());
            0
        }
        Err(model::LoadError::Invalid(diagnostics)) => {
            let lines = model::error::capped_lines(&diagnostics, 1000);
            let bytes: usize = lines.iter().map(String::len).sum();
            std::hint::black_box(bytes);
            diagnostics.len()
        }
        Err(err) => {
            eprintln!("{err}");
            std::process::exit(1);
        }
    };
    println!("{} {} {errors}", ms(start), peak_rss_mb());
}

/// In the child: the bare `ron::from_str` of the file into the file's types (what any program
/// reading this format pays), or the program's whole load (read, parse, check, index). Prints
/// the time and the process's peak memory.
fn child(load: bool, path: &std::path::Path) {
    // Timed without reading the file for the bare parse, with it for the load, and without
    // freeing the result in both.
    let timed = if load {
        let start = Instant::now();
        model::load_path(path)
            .map(|timeline| (ms(start), timeline.events.len()))
            .map_err(|e| e.to_string())
    } else {
        std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|text| {
                let start = Instant::now();
                ron::Options::default()
                    .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
                    .from_str::<model::file::TimelineFile>(&text)
                    .map(|file| (ms(start), file.events.len()))
                    .map_err(|e| e.to_string())
            })
    };
    let ok = timed.map(|(elapsed, _)| elapsed);
    match ok {
        Ok(elapsed) => println!("{elapsed} {}", peak_rss_mb()),
        Err(err) => {
            eprintln!("{err}");
            std::process::exit(1);
        }
    }
}

fn raw_input(pointer: Option<egui::Pos2>) -> egui::RawInput {
    let mut input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(WIDTH, HEIGHT),
        )),
        ..Default::default()
    };
    if let Some(pos) = pointer {
        input.events.push(egui::Event::PointerMoved(pos));
    }
    input
}

/// One whole frame: the app's UI, egui's layout and tessellation. Returns (shapes, vertices).
fn frame(ctx: &egui::Context, app: &mut App, pointer: Option<egui::Pos2>) -> (usize, usize) {
    let mut output = ctx.run_ui(raw_input(pointer), |ui| app.show(ui));
    // No GPU here: the font atlas updates are not uploaded anywhere.
    output.textures_delta.clear();
    let shapes = output.shapes.len();
    let meshes = ctx.tessellate(output.shapes, output.pixels_per_point);
    let vertices = meshes
        .iter()
        .map(|m| match &m.primitive {
            egui::epaint::Primitive::Mesh(mesh) => mesh.vertices.len(),
            egui::epaint::Primitive::Callback(_) => 0,
        })
        .sum();
    (shapes, vertices)
}

fn frames_bench(timeline: &Arc<Timeline>, n: usize, frames: usize) {
    let ctx = egui::Context::default();
    let mut app = steady_app(timeline);
    // Warm up fonts and panels once.
    frame(&ctx, &mut app, None);
    frame(&ctx, &mut app, None);
    let views = views(&app, timeline);
    for (name, view) in views {
        let Some(view) = view else { continue };
        app.set_view(view);
        let start = Instant::now();
        frame(&ctx, &mut app, None);
        let cold_ms = ms(start);
        let mut times = Vec::with_capacity(frames);
        let mut counts = (0, 0);
        for f in 0..frames {
            let x = 450.0 + (f as f32 * 7.0) % 600.0;
            let start = Instant::now();
            counts = frame(
                &ctx,
                &mut app,
                Some(egui::pos2(x, 300.0 + (f % 5) as f32 * 60.0)),
            );
            times.push(start.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        let median = times[times.len() / 2];
        let p95 = times[(times.len() * 95 / 100).min(times.len() - 1)];
        println!(
            r#"{{"bench":"frame","events":{n},"view":"{name}","cold_ms":{cold_ms},"median_ms":{:.3},"p95_ms":{:.3},"shapes":{},"vertices":{}}}"#,
            median, p95, counts.0, counts.1
        );
        // The same view moving: every frame pans by 0.5% of the span, so nothing computed
        // for one frame can be reused by the next.
        let mut times = Vec::with_capacity(frames);
        for f in 0..frames {
            if let Some(view) = app.view() {
                let step = if (f / 40) % 2 == 0 { 0.005 } else { -0.005 };
                app.set_view(TimeView::new(
                    view.min + view.span * step,
                    view.max() + view.span * step,
                ));
            }
            let start = Instant::now();
            frame(&ctx, &mut app, Some(egui::pos2(700.0, 400.0)));
            times.push(start.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        println!(
            r#"{{"bench":"pan","events":{n},"view":"{name}","median_ms":{:.3},"p95_ms":{:.3}}}"#,
            times[times.len() / 2],
            times[(times.len() * 95 / 100).min(times.len() - 1)]
        );
    }
}

/// The fewest zoom steps a `zoom` row measures.
const ZOOM_STEPS: usize = 60;

/// What users do most: zooming with the wheel. From each view (first zoomed in twice, so that
/// zooming out never meets the limits of the whole range), every frame zooms 5% in or out,
/// alternately, about a point that drifts across the canvas with the pointer over it: the
/// view moves a little every frame and no frame repeats an earlier one.
fn zoom_bench(timeline: &Arc<Timeline>, n: usize, steps: usize) {
    let ctx = egui::Context::default();
    let mut app = steady_app(timeline);
    frame(&ctx, &mut app, None);
    frame(&ctx, &mut app, None);
    for (name, view) in views(&app, timeline) {
        let Some(view) = view else { continue };
        let centre = view.min + view.span / 2.0;
        app.set_view(view.zoom_at(centre, 1.05 * 1.05));
        frame(&ctx, &mut app, None);
        let mut times = Vec::with_capacity(steps);
        for step in 0..steps {
            // Where the wheel turns, as a fraction of the view: wandering over its middle.
            let fraction = 0.5 + 0.35 * (step as f64 * 0.7).sin();
            if let Some(view) = app.view() {
                let factor = if step % 2 == 0 { 1.0 / 1.05 } else { 1.05 };
                app.set_view(view.zoom_at(view.min + view.span * fraction, factor));
            }
            let pointer = egui::pos2(
                LANE_LEFT + (WIDTH - LANE_LEFT) * fraction as f32,
                300.0 + (step % 5) as f32 * 60.0,
            );
            let start = Instant::now();
            frame(&ctx, &mut app, Some(pointer));
            times.push(start.elapsed().as_secs_f64() * 1000.0);
        }
        let (median, p95) = median_p95(times);
        println!(
            r#"{{"bench":"zoom","events":{n},"view":"{name}","steps":{steps},"median_ms":{median:.3},"p95_ms":{p95:.3}}}"#
        );
    }
}

/// About where the timeline's canvas begins, right of the lane names (for the pointer).
const LANE_LEFT: f32 = 400.0;

/// A window on `timeline` whose search index is already built: the window builds it on both
/// cores right after loading, and frames timed meanwhile would measure that, not themselves.
fn steady_app(timeline: &Arc<Timeline>) -> App {
    let index = belarus_timeline::query::IndexCell::default();
    index.get_or_build(timeline);
    App::with_search_index(
        Loaded::Timeline(Arc::clone(timeline), "bench".into()),
        Lang::En,
        index,
    )
}

/// The views every frame bench runs: everything, the busiest month, week, day and hour.
fn views(app: &App, timeline: &Timeline) -> Vec<(&'static str, Option<TimeView>)> {
    let (first, _) = timeline.span().unwrap_or((0.0, 1.0));
    let busiest = busiest_day(timeline).unwrap_or(first);
    let day = 86_400.0;
    let mut views = vec![
        ("all", app.shown.as_ref().map(|s| s.fit_all())),
        (
            "month",
            Some(TimeView::new(busiest - 15.0 * day, busiest + 16.0 * day)),
        ),
        (
            "week",
            Some(TimeView::new(busiest - 3.0 * day, busiest + 4.0 * day)),
        ),
        ("day", Some(TimeView::new(busiest, busiest + day))),
        // One evening hour of the busiest day: even at a million events, single events with
        // their labels (the views above are density strips there).
        (
            "hour",
            Some(TimeView::new(
                busiest + 18.0 * 3600.0,
                busiest + 19.0 * 3600.0,
            )),
        ),
    ];
    if let Some(chosen) = VIEWS.get().filter(|chosen| !chosen.is_empty()) {
        views.retain(|(name, _)| chosen.iter().any(|c| c == name));
    }
    views
}

/// The median and 95th percentile of `times`, in ms.
fn median_p95(mut times: Vec<f64>) -> (f64, f64) {
    times.sort_by(f64::total_cmp);
    (
        times[times.len() / 2],
        times[(times.len() * 95 / 100).min(times.len() - 1)],
    )
}

/// The map: building the per-place index (once per filter change), counting a range (every
/// frame), and whole frames with the map open, still and with the view moving every frame (as
/// playback moves it).
fn map_bench(timeline: &Arc<Timeline>, n: usize, frames: usize) {
    use belarus_timeline::map::PlaceCounts;
    let all: Vec<usize> = (0..timeline.events.len()).collect();
    let start = Instant::now();
    let counts = PlaceCounts::new(timeline, &all);
    let index_ms = ms(start);
    let (first, last) = timeline.span().unwrap_or((0.0, 1.0));
    let mut times = Vec::with_capacity(frames);
    let mut places = 0;
    for f in 0..frames {
        let from = first + (last - first) * (f as f64 / frames as f64) * 0.9;
        let start = Instant::now();
        places = counts.in_range(from, from + 31.0 * 86_400.0).len();
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    let (count_median, count_p95) = median_p95(times);
    println!(
        r#"{{"bench":"map_counts","events":{n},"index_ms":{index_ms},"count_median_ms":{count_median:.4},"count_p95_ms":{count_p95:.4},"places":{places}}}"#
    );

    let ctx = egui::Context::default();
    let mut app = steady_app(timeline);
    app.state.map = true;
    frame(&ctx, &mut app, None);
    frame(&ctx, &mut app, None);
    // Everything, and the busiest month.
    for (name, view) in views(&app, timeline).into_iter().take(2) {
        let Some(view) = view else { continue };
        app.set_view(view);
        frame(&ctx, &mut app, None);
        let mut still = Vec::with_capacity(frames);
        let mut moving = Vec::with_capacity(frames);
        for f in 0..frames {
            // The pointer wanders over the map (its markers' hover and tooltips).
            let pointer = egui::pos2(
                1050.0 + (f as f32 * 11.0) % 500.0,
                250.0 + (f % 7) as f32 * 70.0,
            );
            let start = Instant::now();
            frame(&ctx, &mut app, Some(pointer));
            still.push(start.elapsed().as_secs_f64() * 1000.0);
        }
        let (_, vertices) = frame(&ctx, &mut app, None);
        for _ in 0..frames {
            if let Some(view) = app.view() {
                app.set_view(view.pan(view.span * 0.005));
            }
            let start = Instant::now();
            frame(&ctx, &mut app, Some(egui::pos2(1200.0, 450.0)));
            moving.push(start.elapsed().as_secs_f64() * 1000.0);
        }
        let (median, p95) = median_p95(still);
        let (moving_median, moving_p95) = median_p95(moving);
        println!(
            r#"{{"bench":"map_frame","events":{n},"view":"{name}","median_ms":{median:.3},"p95_ms":{p95:.3},"moving_median_ms":{moving_median:.3},"moving_p95_ms":{moving_p95:.3},"vertices":{vertices}}}"#
        );
    }
    map_moves_bench(&ctx, &mut app, n, frames);
}

/// The map itself moving, at the busiest month: zooming 5% in and out alternately about a
/// drifting point (every frame a new scale, so the base map is tessellated anew), and
/// dragging (the base map is moved, and tessellated anew only past its margin).
fn map_moves_bench(ctx: &egui::Context, app: &mut App, n: usize, frames: usize) {
    use belarus_timeline::map::MapView;
    let steps = frames.max(60);
    let start_view = MapView {
        x: 0.0,
        y: 0.0,
        km_per_point: 3.0,
    };
    app.state.map_view = Some(start_view);
    frame(ctx, app, None);
    let mid = [1200.0, 450.0];
    let mut zoom = Vec::with_capacity(steps);
    for step in 0..steps {
        if let Some(view) = app.state.map_view {
            let factor = if step % 2 == 0 { 1.05 } else { 1.0 / 1.05 };
            let at = [
                1000.0 + (step % 40) as f64 * 8.0,
                300.0 + (step % 13) as f64 * 20.0,
            ];
            app.state.map_view = Some(view.zoom_at(at, mid, factor));
        }
        let start = Instant::now();
        frame(ctx, app, Some(egui::pos2(1200.0, 450.0)));
        zoom.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    app.state.map_view = Some(start_view);
    frame(ctx, app, None);
    let mut drag = Vec::with_capacity(steps);
    for step in 0..steps {
        if let Some(view) = app.state.map_view {
            let dx = if (step / 30) % 2 == 0 { 6.0 } else { -6.0 };
            app.state.map_view = Some(view.pan(dx, 2.0));
        }
        let start = Instant::now();
        frame(ctx, app, Some(egui::pos2(1200.0, 450.0)));
        drag.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    let (zoom_median, zoom_p95) = median_p95(zoom);
    let (drag_median, drag_p95) = median_p95(drag);
    println!(
        r#"{{"bench":"map_moves","events":{n},"view":"month","zoom_median_ms":{zoom_median:.3},"zoom_p95_ms":{zoom_p95:.3},"drag_median_ms":{drag_median:.3},"drag_p95_ms":{drag_p95:.3}}}"#
    );
}

/// The start of the day with the most events.
fn busiest_day(timeline: &Timeline) -> Option<f64> {
    let mut counts = std::collections::HashMap::new();
    for start in timeline.starts() {
        *counts
            .entry((start / 86_400.0).floor() as i64)
            .or_insert(0usize) += 1;
    }
    counts
        .into_iter()
        .max_by_key(|(day, c)| (*c, -day))
        .map(|(day, _)| day as f64 * 86_400.0)
}

fn search_and_filter_bench(timeline: &Arc<Timeline>, n: usize) {
    // The window builds the search index on a thread right after loading (the frames above
    // may already have done so); here one build is timed on its own.
    let start = Instant::now();
    let index = belarus_timeline::query::IndexCell::default();
    index.get_or_build(timeline);
    let build_ms = ms(start);
    println!(r#"{{"bench":"search_index","events":{n},"ms":{build_ms}}}"#);
    let ctx = egui::Context::default();
    let mut app = App::with_search_index(
        Loaded::Timeline(Arc::clone(timeline), "bench".into()),
        Lang::En,
        index,
    );
    for query in ["Activist 17", "Мінск", "strike hrodna"] {
        let start = Instant::now();
        app.apply(
            &ctx,
            FilterCommand::Set(Filter {
                search: query.into(),
                ..Filter::default()
            }),
        );
        let elapsed = ms(start);
        println!(r#"{{"bench":"search","events":{n},"query":"{query}","ms":{elapsed}}}"#);
    }
    app.apply(&ctx, FilterCommand::Set(Filter::default()));
    let start = Instant::now();
    app.apply(
        &ctx,
        FilterCommand::Set(Filter {
            categories: ["protest".to_owned()].into(),
            ..Filter::default()
        }),
    );
    println!(r#"{{"bench":"filter","events":{n},"ms":{}}}"#, ms(start));
}

/// The real window on `path`, started twice: with an empty cache (`first_frame`: what a first
/// open costs, against the bare RON parse) and with the cache the first start wrote
/// (`reopen`). Each row: milliseconds from launch to the first frame, to the timeline, and to
/// the search index being ready, with the load average at the time.
fn startup_bench(n: usize, path: &Path, bytes: u64, ron_parse_ms: f64) -> Result<(), String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let Some(program) = exe
        .parent()
        .and_then(|examples| examples.parent())
        .map(|dir| dir.join(format!("belarus-timeline{}", std::env::consts::EXE_SUFFIX)))
        .filter(|program| program.exists())
    else {
        eprintln!("first_frame, reopen: skipped: build the program first (cargo build --release)");
        return Ok(());
    };
    let Some(display) = Display::find() else {
        eprintln!("first_frame, reopen: skipped: no display ($DISPLAY unset and no Xvfb)");
        return Ok(());
    };
    let scratch = path.with_extension("startup");
    let cache = scratch.join("cache");
    let _ = std::fs::remove_dir_all(&scratch);
    for run in ["first_frame", "reopen"] {
        let times = start_window(&program, path, &display.name, &scratch)?;
        let cache_bytes: u64 = std::fs::read_dir(&cache)
            .map(|dir| {
                dir.filter_map(Result::ok)
                    .filter_map(|e| e.metadata().ok())
                    .map(|m| m.len())
                    .sum()
            })
            .unwrap_or(0);
        let vs_ron_parse = if ron_parse_ms > 0.0 {
            (times.timeline / ron_parse_ms * 100.0).round() / 100.0
        } else {
            0.0
        };
        println!(
            r#"{{"bench":"{run}","events":{n},"bytes":{bytes},"first_frame_ms":{:.1},"timeline_ms":{:.1},"search_ready_ms":{:.1},"vs_ron_parse":{vs_ron_parse},"cache_bytes":{cache_bytes},"loadavg":{}}}"#,
            times.first_frame,
            times.timeline,
            times.search_ready,
            loadavg()
        );
    }
    let _ = std::fs::remove_dir_all(&scratch);
    Ok(())
}

/// Milliseconds from launch to each step of a window's start.
struct Startup {
    first_frame: f64,
    timeline: f64,
    search_ready: f64,
}

/// Starts the window on `path` with its cache and data folders under `scratch`, and times
/// the lines its `--bench-startup` hook prints.
fn start_window(
    program: &Path,
    path: &Path,
    display: &str,
    scratch: &Path,
) -> Result<Startup, String> {
    use std::io::BufRead as _;
    let start = Instant::now();
    let mut child = std::process::Command::new(program)
        .args(["--reset", "--bench-startup", "--events"])
        .arg(path)
        .env("DISPLAY", display)
        .env("BELARUS_TIMELINE_CACHE_DIR", scratch.join("cache"))
        // The window's remembered geometry goes here, not to the user's folder.
        .env("XDG_DATA_HOME", scratch.join("data"))
        .stdout(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    let mut times = [None; 3];
    if let Some(stdout) = child.stdout.take() {
        for line in std::io::BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            let at = start.elapsed().as_secs_f64() * 1000.0;
            let slot = match line.split_whitespace().next() {
                Some("first-frame") => 0,
                Some("timeline") => 1,
                Some("search-ready") => 2,
                _ => continue,
            };
            times[slot] = Some(at);
        }
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    match times {
        [Some(first_frame), Some(timeline), Some(search_ready)] => Ok(Startup {
            first_frame,
            timeline,
            search_ready,
        }),
        _ => Err(format!(
            "the window did not report its start ({status}); is the display usable?"
        )),
    }
}

/// The first number of /proc/loadavg, or 0.
fn loadavg() -> f64 {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|text| text.split_whitespace().next()?.parse().ok())
        .unwrap_or(0.0)
}

/// A display for the window: `$DISPLAY`, or an Xvfb started for the bench (stopped when
/// dropped).
struct Display {
    name: String,
    xvfb: Option<std::process::Child>,
}

impl Display {
    fn find() -> Option<Self> {
        if let Some(name) = std::env::var("DISPLAY").ok().filter(|d| !d.is_empty()) {
            return Some(Self { name, xvfb: None });
        }
        // Xvfb picks a free display and writes its number once it accepts connections.
        let mut xvfb = std::process::Command::new("Xvfb")
            .args(["-displayfd", "1", "-screen", "0", "1600x900x24"])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .ok()?;
        let mut line = String::new();
        let read = xvfb
            .stdout
            .take()
            .map(|out| std::io::BufRead::read_line(&mut std::io::BufReader::new(out), &mut line));
        match read {
            Some(Ok(_)) if line.trim().parse::<u32>().is_ok() => Some(Self {
                name: format!(":{}", line.trim()),
                xvfb: Some(xvfb),
            }),
            _ => {
                let _ = xvfb.kill();
                let _ = xvfb.wait();
                None
            }
        }
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        if let Some(xvfb) = &mut self.xvfb {
            // Asked to end (SIGTERM), Xvfb removes its lock and socket; killed, it would not.
            let asked = std::process::Command::new("kill")
                .arg(xvfb.id().to_string())
                .status()
                .is_ok_and(|s| s.success());
            if !asked {
                let _ = xvfb.kill();
            }
            let _ = xvfb.wait();
        }
    }
}
