//! Help: every shortcut, read from the one shortcut table, and what this program is.

use crate::i18n::t;

use super::command::{AppCommand, Command};
use super::frame::FrameCtx;
use super::shortcuts::{self, Shortcut};

/// The help window (F1 or ?).
#[derive(Clone, Debug, Default)]
pub struct HelpPanel;

impl HelpPanel {
    /// Shows the help while it is open.
    #[must_use]
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &FrameCtx<'_>) -> Vec<Command> {
        let mut commands = Vec::new();
        if !ctx.help {
            return commands;
        }
        let lang = ctx.lang;
        let mut open = true;
        egui::Window::new(t(lang, "help-title"))
            .id(egui::Id::unique("help"))
            .open(&mut open)
            .collapsible(false)
            .default_width(520.0)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ui.ctx(), |ui| {
                egui::ScrollArea::vertical()
                    .max_height(520.0)
                    .show(ui, |ui| {
                        ui.strong(t(lang, "help-window"));
                        table_ui(ui, "help-window-keys", shortcuts::WINDOW, ctx);
                        ui.label(t(lang, "keys-hint"));
                        ui.add_space(8.0);
                        ui.strong(t(lang, "help-presenting"));
                        table_ui(ui, "help-present-keys", shortcuts::PRESENTATION, ctx);
                        ui.add_space(8.0);
                        ui.strong(t(lang, "help-legend"));
                        for id in [
                            "legend-key",
                            "legend-range",
                            "legend-day",
                            "legend-month",
                            "legend-hidden",
                            "legend-cluster",
                        ] {
                            ui.label(format!("• {}", t(lang, id)));
                        }
                        ui.add_space(8.0);
                        ui.separator();
                        ui.strong(t(lang, "help-about"));
                        ui.label(format!(
                            "belarus-timeline {} · {}",
                            env!("CARGO_PKG_VERSION"),
                            env!("CARGO_PKG_LICENSE")
                        ));
                        ui.label(format!("{}: {}", t(lang, "help-data"), ctx.file_name));
                        ui.label(ctx.timeline.title.get(lang));
                    });
            });
        if !open {
            commands.push(AppCommand::ToggleHelp.into());
        }
        commands
    }
}

fn table_ui(ui: &mut egui::Ui, id: &str, table: &[Shortcut], ctx: &FrameCtx<'_>) {
    egui::Grid::new(id)
        .num_columns(2)
        .spacing([16.0, 4.0])
        .striped(true)
        .show(ui, |ui| {
            for shortcut in table {
                ui.monospace(shortcuts::keys_text(shortcut));
                ui.label(t(ctx.lang, shortcut.help));
                ui.end_row();
            }
        });
}
