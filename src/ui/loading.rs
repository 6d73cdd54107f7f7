//! A large file opening on a thread, and the page the window shows meanwhile: a progress bar
//! fed by the loader.
//!
//! The loader opens the file through the open-file cache ([`crate::cache`]), hands the
//! timeline to the window at once, and only then (the window already showing it) builds the
//! search index, if the cache did not have it, and writes the cache.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::sync::{Arc, OnceLock};
use std::time::Instant;

use crate::cache::{Cache, Source};
use crate::i18n::tr;
use crate::model::progress::{Phase, Progress};
use crate::model::{Lang, LoadError, Timeline};
use crate::query::IndexCell;

/// A file that has been opened: the timeline or its errors, its search index (ready when it
/// came from the cache), and where it came from.
pub struct Finished {
    /// The timeline, or why the file did not load.
    pub result: Result<Arc<Timeline>, LoadError>,
    /// Its search index, built or being built.
    pub index: IndexCell,
    /// The cache or the file.
    pub source: Source,
    /// Seconds from the start of the loading to now.
    pub seconds: f64,
}

/// A file being opened.
pub struct Loading {
    /// The file's name, as given.
    pub name: String,
    /// How far the loader has come.
    pub progress: Arc<Progress>,
    finished: Receiver<Finished>,
    waker: Arc<OnceLock<egui::Context>>,
}

/// The loader's end of a [`Loading`]: where it reports progress and sends the result.
pub struct LoaderEnd {
    /// Where the loader counts its bytes.
    pub progress: Arc<Progress>,
    /// Where the loader sends what it opened.
    finished: Sender<Finished>,
    /// The window's context, once it has shown the loading page: woken when the timeline is
    /// sent, so that it shows at once.
    waker: Arc<OnceLock<egui::Context>>,
}

impl LoaderEnd {
    /// Sends what was opened and wakes the window; false when the window has gone.
    pub fn send(&self, finished: Finished) -> bool {
        let sent = self.finished.send(finished).is_ok();
        if let Some(ctx) = self.waker.get() {
            ctx.request_repaint();
        }
        sent
    }
}

/// The thread that opens a file and then writes its cache.
pub struct LoaderThread {
    handle: std::thread::JoinHandle<()>,
    writing: Arc<AtomicBool>,
}

impl LoaderThread {
    /// Called when the window has closed: waits for the cache being written, if it is (a
    /// cache cut off would only be a temporary file left behind, but the next open would not
    /// be quick), and leaves a loading that has not finished to end with the program.
    pub fn finish(self) {
        if self.writing.load(Ordering::Acquire) {
            let _ = self.handle.join();
        }
    }
}

/// Whether the loading has ended.
pub enum Poll {
    /// Still loading.
    Pending,
    /// Done.
    Finished(Finished),
    /// The loader went away without a result (it panicked).
    Lost,
}

impl Loading {
    /// A loading of `name` whose loader is the returned end (a thread, or a test).
    pub fn new(name: String) -> (Self, LoaderEnd) {
        let progress = Arc::new(Progress::default());
        let (sender, finished) = channel();
        let waker = Arc::new(OnceLock::new());
        let end = LoaderEnd {
            progress: Arc::clone(&progress),
            finished: sender,
            waker: Arc::clone(&waker),
        };
        (
            Self {
                name,
                progress,
                finished,
                waker,
            },
            end,
        )
    }

    /// Opens the file at `path` on a thread, through `cache` when there is one; then builds
    /// the search index and writes the cache, after the window has the timeline.
    pub fn spawn(path: PathBuf, cache: Option<Cache>) -> std::io::Result<(Self, LoaderThread)> {
        let (loading, end) = Self::new(path.display().to_string());
        let writing = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&writing);
        let handle = std::thread::Builder::new()
            .name("open-file".into())
            .spawn(move || load(&path, cache.as_ref(), &end, &flag))?;
        Ok((loading, LoaderThread { handle, writing }))
    }

    /// What the loader has sent, if anything.
    pub fn poll(&self) -> Poll {
        match self.finished.try_recv() {
            Ok(finished) => Poll::Finished(finished),
            Err(TryRecvError::Empty) => Poll::Pending,
            Err(TryRecvError::Disconnected) => Poll::Lost,
        }
    }

    /// The loading page: the file's name, what is being done, and a progress bar.
    pub fn ui(&self, ui: &mut egui::Ui, lang: Lang) {
        let (phase, done, total) = self.progress.get();
        let mb = |bytes: u64| format!("{:.0}", bytes as f64 / 1e6);
        let text = match phase {
            Phase::Reading => tr(
                lang,
                "loading-reading",
                &[("done", mb(done)), ("total", mb(total))],
            ),
            Phase::Checking => tr(
                lang,
                "loading-checking",
                &[(
                    "percent",
                    format!("{:.0}", self.progress.fraction() * 100.0),
                )],
            ),
            Phase::Cache => tr(lang, "loading-cache", &[]),
        };
        egui::CentralPanel::default().show(ui, |ui| {
            ui.vertical_centered(|ui| {
                ui.add_space((ui.available_height() * 0.4 - 40.0).max(0.0));
                ui.heading(tr(lang, "loading-title", &[("file", self.name.clone())]));
                ui.add_space(12.0);
                ui.add(
                    egui::ProgressBar::new(self.progress.fraction())
                        .desired_width(ui.available_width().min(560.0))
                        .text(text),
                );
            });
        });
        // The bar moves without input, once a second: a repaint can be dear (with software
        // rendering a frame took about 0.2 s of processor time here, and ten a second made a
        // million events' first open take 1.6 times as long as the same load in a process of
        // its own). The loader wakes the window when it is done.
        let _ = self.waker.set(ui.ctx().clone());
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_secs(1));
    }
}

/// The loader thread: opens, hands over, then finishes the cache.
fn load(path: &std::path::Path, cache: Option<&Cache>, end: &LoaderEnd, writing: &AtomicBool) {
    let started = Instant::now();
    let opened = crate::cache::open(path, cache, &end.progress);
    let result = opened.result.map(Arc::new);
    let timeline = result.as_ref().ok().map(Arc::clone);
    let finished = Finished {
        result,
        index: opened.index.clone(),
        source: opened.source,
        seconds: started.elapsed().as_secs_f64(),
    };
    if !end.send(finished) {
        // The window has gone.
        return;
    }
    if let (Some(cache), Some(stamp), Some(timeline)) = (cache, opened.to_write, timeline) {
        writing.store(true, Ordering::Release);
        // The window builds the index on a thread of its own; this waits for the same build.
        let index = opened.index.get_or_build(&timeline);
        match cache.write(path, stamp, &timeline, index) {
            Ok(_) | Err(crate::cache::CacheError::TooLarge { .. }) => {}
            Err(err) => eprintln!(
                "warning: the cache of {} was not written: {err}",
                path.display()
            ),
        }
    }
}
