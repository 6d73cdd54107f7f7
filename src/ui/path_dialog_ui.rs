//! A built-in path dialog: offered when the system has no file dialog (no desktop portal and
//! no zenity), so that File → Open and Save view as PNG never do nothing without a word.
//!
//! A text field for the path, checked before it is used: an events file must exist and be a
//! regular file; a PNG is saved into a folder that exists.

use std::path::{Path, PathBuf};

use super::command::{Command, FileCommand};
use crate::i18n::{t, tr};
use crate::model::Lang;

/// What the path is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Open an events file.
    Open,
    /// Save the view as a PNG file.
    SavePng,
}

/// Why a typed path cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathProblem {
    /// Nothing typed.
    Empty,
    /// No file there (to open).
    Missing(String),
    /// A folder, device or pipe (to open).
    NotAFile(String),
    /// The folder to save into does not exist.
    NoFolder(String),
}

impl PathProblem {
    /// The problem in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            PathProblem::Empty => t(lang, "path-dialog-empty"),
            PathProblem::Missing(path) => {
                tr(lang, "path-dialog-missing", &[("path", path.clone())])
            }
            PathProblem::NotAFile(path) => {
                tr(lang, "path-dialog-not-file", &[("path", path.clone())])
            }
            PathProblem::NoFolder(folder) => {
                tr(lang, "path-dialog-no-folder", &[("folder", folder.clone())])
            }
        }
    }
}

/// The path typed for `purpose`, if it can be used. A leading `~/` is the home folder.
pub fn check_path(purpose: Purpose, typed: &str) -> Result<PathBuf, PathProblem> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Err(PathProblem::Empty);
    }
    let path = match (typed.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(typed),
    };
    let shown = path.display().to_string();
    match purpose {
        Purpose::Open => match std::fs::metadata(&path) {
            Ok(metadata) if metadata.is_file() => Ok(path),
            Ok(_) => Err(PathProblem::NotAFile(shown)),
            Err(_) => Err(PathProblem::Missing(shown)),
        },
        Purpose::SavePng => {
            let folder = match path.parent() {
                Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
                _ => PathBuf::from("."),
            };
            if !folder.is_dir() {
                return Err(PathProblem::NoFolder(folder.display().to_string()));
            }
            if path.is_dir() {
                return Err(PathProblem::NotAFile(shown));
            }
            Ok(with_png_extension(&path))
        }
    }
}

fn with_png_extension(path: &Path) -> PathBuf {
    let is_png = path
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("png"));
    if is_png {
        path.to_path_buf()
    } else {
        let mut name = path.as_os_str().to_owned();
        name.push(".png");
        PathBuf::from(name)
    }
}

/// The dialog: open while the app holds it.
pub struct PathDialog {
    purpose: Purpose,
    typed: String,
    problem: Option<PathProblem>,
    focus: bool,
}

impl PathDialog {
    /// A dialog for `purpose`, its field filled with `start`.
    pub fn new(purpose: Purpose, start: String) -> Self {
        Self {
            purpose,
            typed: start,
            problem: None,
            focus: true,
        }
    }

    /// Shows the dialog over the window. Returns the commands a chosen path makes, and whether
    /// the dialog stays open.
    pub fn ui(&mut self, ctx: &egui::Context, lang: Lang) -> (Vec<Command>, bool) {
        let mut commands = Vec::new();
        let mut open = true;
        let (title, action) = match self.purpose {
            Purpose::Open => ("path-dialog-open-title", "path-dialog-open"),
            Purpose::SavePng => ("path-dialog-save-title", "path-dialog-save"),
        };
        let response = egui::Modal::new(egui::Id::unique("path-dialog")).show(ctx, |ui| {
            ui.set_width(420.0);
            ui.heading(t(lang, title));
            ui.label(t(lang, "path-dialog-no-system"));
            let label = ui.label(t(lang, "path-dialog-path"));
            let field = ui
                .add(egui::TextEdit::singleline(&mut self.typed).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            if std::mem::take(&mut self.focus) {
                field.request_focus();
            }
            if field.changed() {
                self.problem = None;
            }
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if let Some(problem) = &self.problem {
                ui.colored_label(ui.visuals().error_fg_color, problem.message(lang));
            }
            ui.horizontal(|ui| {
                let chosen = ui.button(t(lang, action)).clicked() || entered;
                if ui.button(t(lang, "path-dialog-cancel")).clicked() {
                    open = false;
                }
                if chosen {
                    match check_path(self.purpose, &self.typed) {
                        Ok(path) => {
                            commands.push(Command::File(match self.purpose {
                                Purpose::Open => FileCommand::Load(path),
                                Purpose::SavePng => FileCommand::SavePngTo(path),
                            }));
                            open = false;
                        }
                        Err(problem) => self.problem = Some(problem),
                    }
                }
            });
        });
        if response.should_close() {
            open = false;
        }
        (commands, open)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_to_open_must_be_a_regular_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("events.ron");
        std::fs::write(&file, "Timeline()").unwrap();
        let typed = file.display().to_string();
        assert_eq!(check_path(Purpose::Open, &format!("  {typed} ")), Ok(file));
        assert_eq!(check_path(Purpose::Open, ""), Err(PathProblem::Empty));
        let folder = dir.path().display().to_string();
        assert_eq!(
            check_path(Purpose::Open, &folder),
            Err(PathProblem::NotAFile(folder.clone()))
        );
        let missing = dir.path().join("nope.ron").display().to_string();
        assert_eq!(
            check_path(Purpose::Open, &missing),
            Err(PathProblem::Missing(missing.clone()))
        );
    }

    #[test]
    fn a_png_is_saved_into_a_folder_that_exists() {
        let dir = tempfile::tempdir().unwrap();
        let view = dir.path().join("view");
        assert_eq!(
            check_path(Purpose::SavePng, &view.display().to_string()),
            Ok(dir.path().join("view.png"))
        );
        let nowhere = dir.path().join("no-such-folder").join("view.png");
        assert!(matches!(
            check_path(Purpose::SavePng, &nowhere.display().to_string()),
            Err(PathProblem::NoFolder(_))
        ));
        for lang in Lang::ALL {
            assert!(!PathProblem::Empty.message(lang).is_empty());
        }
    }
}
