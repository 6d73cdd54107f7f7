//! Application state and the one place where commands change it.

use std::sync::Arc;

use crate::model::{Lang, LoadError, Timeline};
use crate::query::Filter;

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

/// Something the user asked for. Panels return commands; [`App::apply`] carries them out.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Select the event at this index (or none).
    Select(Option<usize>),
    /// Open a link in the system browser (checked to be http or https first).
    OpenUrl(String),
}

/// The application: loaded data plus the reader's state.
pub struct App {
    /// What is shown.
    pub loaded: Loaded,
    /// The interface and data language.
    pub lang: Lang,
    /// The current filter.
    pub filter: Filter,
    /// Index of the selected event.
    pub selected: Option<usize>,
    /// Indices of the events that pass the filter, in time order.
    visible: Vec<usize>,
}

impl App {
    /// An application showing `loaded`.
    pub fn new(loaded: Loaded, lang: Lang) -> Self {
        let mut app = Self {
            loaded,
            lang,
            filter: Filter::default(),
            selected: None,
            visible: Vec::new(),
        };
        app.refilter();
        app
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

    fn refilter(&mut self) {
        self.visible = match self.timeline() {
            Some(timeline) => match self.filter.compile(timeline) {
                Ok(compiled) => compiled.apply(),
                Err(_) => (0..timeline.events.len()).collect(),
            },
            None => Vec::new(),
        };
    }

    /// Carries out a command.
    pub fn apply(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Select(index) => self.selected = index,
            Command::OpenUrl(url) => {
                if crate::model::load::check_url(&url).is_ok() {
                    ctx.open_url(egui::OpenUrl::new_tab(url));
                }
            }
        }
    }

    /// The whole interface.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let mut commands = Vec::new();
        match &self.loaded {
            Loaded::Errors(lines) => errors_ui(ui, lines),
            Loaded::Timeline(timeline, name) => {
                let timeline = Arc::clone(timeline);
                egui::Panel::top("top_bar").show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.heading(timeline.title.get(self.lang));
                        ui.label(format!("— {name}"));
                    });
                });
                egui::Panel::right("details")
                    .default_size(420.0)
                    .resizable(true)
                    .show(ui, |ui| {
                        commands.extend(super::details_ui::details_ui(
                            ui,
                            &timeline,
                            self.selected,
                            self.lang,
                        ));
                    });
                egui::CentralPanel::default().show(ui, |ui| {
                    commands.extend(super::list_ui::list_ui(
                        ui,
                        &timeline,
                        &self.visible,
                        self.selected,
                        self.lang,
                    ));
                });
            }
        }
        let ctx = ui.ctx().clone();
        for command in commands {
            self.apply(&ctx, command);
        }
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }
}

/// The file did not load: say why, every error with its line and column.
fn errors_ui(ui: &mut egui::Ui, lines: &[String]) {
    egui::CentralPanel::default().show(ui, |ui| {
        ui.heading("The events file could not be loaded");
        ui.label("Fix these errors in the file and open it again:");
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
