//! The toolbar: title, File menu, presenting, zoom presets, go to date, View menu.

use crate::i18n::{t, tr};
use crate::model::{FuzzyDate, Lang};

use super::app::{MAX_TEXT_SCALE, MIN_TEXT_SCALE};
use super::command::{
    AppCommand, Command, FileCommand, MapCommand, PresentCommand, Preset, ViewCommand,
};
use super::frame::FrameCtx;
use super::theme::Theme;

/// How much A− and A+ change the text scale.
const TEXT_SCALE_STEP: f32 = 0.1;

/// The toolbar and its "go to date" field.
#[derive(Clone, Debug, Default)]
pub struct ToolbarPanel {
    /// Text of the "go to date" field.
    goto_text: String,
    /// The field holds something that is not a date.
    goto_error: bool,
}

impl ToolbarPanel {
    /// Draws the toolbar; returns what the user asked for.
    #[must_use]
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &FrameCtx<'_>) -> Vec<Command> {
        let (lang, timeline) = (ctx.lang, ctx.timeline);
        let mut commands = Vec::new();
        ui.horizontal_wrapped(|ui| {
            // On a laptop screen the controls need the row: the title is in the window's title
            // bar anyway.
            if ui.available_width() >= 1450.0 {
                ui.heading(timeline.title.get(lang));
                ui.separator();
            }
            ui.menu_button(t(lang, "menu-file"), |ui| {
                if ui.button(t(lang, "menu-open")).clicked() {
                    commands.push(FileCommand::Choose.into());
                }
                if ui.button(t(lang, "present-save-png")).clicked() {
                    commands.push(FileCommand::SavePng.into());
                }
                if ui.button(t(lang, "menu-copy-link")).clicked() {
                    commands.push(FileCommand::CopyLink.into());
                }
            });
            ui.separator();
            // The tour and the button that presents it read as one control: "Tour: [...] Present".
            let tour_name = |tour: Option<usize>| match tour.and_then(|i| timeline.tours.get(i)) {
                Some(tour) => format!(
                    "{} ({})",
                    tour.title.get(lang),
                    tr(
                        lang,
                        "present-steps",
                        &[("count", tour.steps.len().to_string())]
                    )
                ),
                None => t(lang, "present-no-tour"),
            };
            ui.label(format!("{}:", t(lang, "present-tour")));
            // The chosen tour's name, shortened so the toolbar keeps to one row; whole in the
            // list and the tooltip.
            let chosen = tour_name(ctx.tour);
            let short = if chosen.chars().count() > 28 {
                format!(
                    "{}…",
                    chosen.chars().take(27).collect::<String>().trim_end()
                )
            } else {
                chosen.clone()
            };
            let picker = egui::ComboBox::from_id_salt("tour-picker")
                .selected_text(short)
                .width(190.0)
                .truncate()
                .show_ui(ui, |ui| {
                    for option in std::iter::once(None).chain((0..timeline.tours.len()).map(Some)) {
                        if ui
                            .selectable_label(option == ctx.tour, tour_name(option))
                            .clicked()
                        {
                            commands.push(PresentCommand::ChooseTour(option).into());
                        }
                    }
                });
            let _ = picker
                .response
                .on_hover_text(chosen)
                .accessible_name(t(lang, "present-tour"));
            if ui.button(t(lang, "present-start")).clicked() {
                commands.push(
                    PresentCommand::Start {
                        tour: ctx.tour,
                        step: 0,
                    }
                    .into(),
                );
            }
            if ctx.reloading {
                ui.spinner();
                ui.label(t(lang, "reloading"));
            }
            if let Some(status) = &ctx.status {
                ui.label(egui::RichText::new(status).small());
            }
            ui.separator();
            for (preset, id) in [
                (Preset::All, "zoom-all"),
                (Preset::Month, "zoom-month"),
                (Preset::Week, "zoom-week"),
                (Preset::Day, "zoom-day"),
            ] {
                if ui.button(t(lang, id)).clicked() {
                    commands.push(ViewCommand::Preset(preset).into());
                }
            }
            if ui.button("–").on_hover_text(t(lang, "zoom-out")).clicked() {
                commands.push(ViewCommand::Zoom(0.5).into());
            }
            if ui.button("+").on_hover_text(t(lang, "zoom-in")).clicked() {
                commands.push(ViewCommand::Zoom(2.0).into());
            }
            ui.separator();
            let field = egui::TextEdit::singleline(&mut self.goto_text)
                .hint_text(t(lang, "goto-hint"))
                .desired_width(96.0);
            let response = ui.add(field).on_hover_text(t(lang, "goto-date"));
            let submitted = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if submitted && !self.goto_text.trim().is_empty() {
                match FuzzyDate::parse(self.goto_text.trim()) {
                    Ok(date) => {
                        self.goto_error = false;
                        commands.push(ViewCommand::GoTo(date).into());
                    }
                    Err(_) => self.goto_error = true,
                }
            }
            if self.goto_error {
                ui.colored_label(ui.visuals().error_fg_color, t(lang, "goto-invalid"));
            }
            ui.separator();
            ui.menu_button(t(lang, "menu-view"), |ui| {
                ui.label(t(lang, "menu-language"));
                for option in Lang::ALL {
                    if ui.radio(option == lang, option.native_name()).clicked() {
                        commands.push(AppCommand::SetLang(option).into());
                    }
                }
                ui.separator();
                ui.label(t(lang, "menu-theme"));
                for option in Theme::ALL {
                    let name = match option {
                        Theme::Dark => t(lang, "theme-dark"),
                        Theme::Light => t(lang, "theme-light"),
                        Theme::HighContrast => t(lang, "theme-contrast"),
                    };
                    if ui.radio(option == ctx.state.theme, name).clicked() {
                        commands.push(AppCommand::SetTheme(option).into());
                    }
                }
                ui.separator();
                let mut map = ctx.state.map;
                if ui.checkbox(&mut map, t(lang, "menu-map")).changed() {
                    commands.push(MapCommand::Show(map).into());
                }
                let mut reduce = ctx.state.reduce_motion;
                if ui.checkbox(&mut reduce, t(lang, "menu-motion")).changed() {
                    commands.push(AppCommand::ReduceMotion(reduce).into());
                }
                ui.separator();
                let mut presenter = ctx.state.presenter_window;
                if ui
                    .checkbox(&mut presenter, t(lang, "present-with-presenter"))
                    .on_hover_text(t(lang, "present-with-presenter-hint"))
                    .changed()
                {
                    commands.push(PresentCommand::Presenter(presenter).into());
                }
                ui.separator();
                commands.extend(text_size_ui(ui, lang));
            });
            if ui.button(t(lang, "menu-help")).clicked() {
                commands.push(AppCommand::ToggleHelp.into());
            }
        });
        commands
    }
}

/// The text size: smaller, the current percentage (a click restores 100 %), larger.
fn text_size_ui(ui: &mut egui::Ui, lang: Lang) -> Option<Command> {
    let scale = ui.ctx().zoom_factor();
    let mut asked = None;
    ui.label(t(lang, "menu-text-size"));
    ui.horizontal(|ui| {
        let smaller = ui.add_enabled(scale > MIN_TEXT_SCALE + 0.01, egui::Button::new("A−"));
        if smaller.on_hover_text(t(lang, "text-smaller")).clicked() {
            asked = Some(scale - TEXT_SCALE_STEP);
        }
        let percent = format!("{:.0} %", scale * 100.0);
        if ui
            .button(percent)
            .on_hover_text(t(lang, "text-reset"))
            .clicked()
        {
            asked = Some(1.0);
        }
        let larger = ui.add_enabled(scale < MAX_TEXT_SCALE - 0.01, egui::Button::new("A+"));
        if larger.on_hover_text(t(lang, "text-larger")).clicked() {
            asked = Some(scale + TEXT_SCALE_STEP);
        }
    });
    asked.map(|scale| AppCommand::SetTextScale((scale * 10.0).round() / 10.0).into())
}
