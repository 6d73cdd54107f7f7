//! Where each panel goes: the one place a new view is added (one field, one line).

use crate::i18n::t;

use super::command::Command;
use super::details_ui::DetailsPanel;
use super::filters_ui::{FiltersPanel, chips_ui};
use super::frame::FrameCtx;
use super::help_ui::HelpPanel;
use super::list_ui::ListPanel;
use super::map_ui::MapPanel;
use super::overview_ui::OverviewPanel;
use super::present_ui::PresentPanel;
use super::presenter_ui::{self, PresenterPanel};
use super::timeline_ui::TimelinePanel;
use super::toolbar_ui::ToolbarPanel;
use super::tour_ui::TourPanel;

/// Every panel of the window, each with its own state.
#[derive(Default)]
pub struct Panels {
    /// Title, menus, presets, go to date.
    pub toolbar: ToolbarPanel,
    /// Search and facets.
    pub filters: FiltersPanel,
    /// The selected event.
    pub details: DetailsPanel,
    /// The zoomable timeline.
    pub timeline: TimelinePanel,
    /// The whole span under the timeline.
    pub overview: OverviewPanel,
    /// The classroom presentation.
    pub present: PresentPanel,
    /// The teacher's own window while presenting.
    pub presenter: PresenterPanel,
    /// A cluster's events to pick from.
    pub list: ListPanel,
    /// The chosen tour's steps.
    pub tour: TourPanel,
    /// Every shortcut, and what this program is.
    pub help: HelpPanel,
    /// The places of the events on a map.
    pub map: MapPanel,
}

/// A central area at least this wide puts the map beside the timeline; a narrower one, below.
const MAP_BESIDE_WIDTH: f32 = 1000.0;

impl Panels {
    /// Lays out the window (or the presentation) and returns what the user asked for.
    #[must_use]
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &FrameCtx<'_>) -> Vec<Command> {
        if let Some(presentation) = ctx.presentation {
            let mut commands = self.present.ui(ui, ctx);
            if presentation.presenter && !ctx.offscreen {
                let mut builder = egui::ViewportBuilder::default()
                    .with_title(t(ctx.lang, "presenter-title"))
                    .with_app_id("belarus-timeline-presenter")
                    .with_inner_size([1000.0, 640.0])
                    .with_min_inner_size([480.0, 320.0]);
                // Where the teacher last put it: on their own screen.
                if let Some([x, y]) = ctx.state.presenter_position {
                    builder = builder.with_position([x, y]);
                }
                let presenter = &mut self.presenter;
                let total = presentation.steps(ctx.timeline, &ctx.shown.visible).len();
                commands.extend(ui.ctx().show_viewport_immediate(
                    presenter_ui::viewport_id(),
                    builder,
                    |ui, class| {
                        let mut commands = presenter.ui(ui, ctx);
                        // In its own native window, the presenter's keys drive the slides too
                        // (embedded, the main window already read them).
                        if class != egui::ViewportClass::EmbeddedWindow {
                            commands.extend(super::present_ui::keys(ui.ctx(), presentation, total));
                        }
                        commands
                    },
                ));
            }
            return commands;
        }
        let mut commands = Vec::new();
        if ctx.map_only {
            egui::CentralPanel::no_frame().show(ui, |ui| commands.extend(self.map.ui(ui, ctx)));
            return commands;
        }
        egui::Panel::top("toolbar").show(ui, |ui| {
            commands.extend(self.toolbar.ui(ui, ctx));
        });
        if !ctx.banner.is_empty() {
            egui::Panel::top("banner").show(ui, |ui| banner_ui(ui, ctx));
        }
        egui::Panel::left("filters")
            .default_size(280.0)
            .size_range(200.0..=520.0)
            .resizable(true)
            .show(ui, |ui| commands.extend(self.filters.ui(ui, ctx)));
        // The details take room only when there is something to read: an event, or the steps
        // of the chosen tour.
        if ctx.selected.is_some() || ctx.tour.is_some() {
            egui::Panel::right("details")
                .default_size(420.0)
                .size_range(280.0..=900.0)
                .resizable(true)
                .show(ui, |ui| {
                    commands.extend(self.tour.ui(ui, ctx));
                    if ctx.selected.is_some() {
                        commands.extend(self.details.ui(ui, ctx));
                    }
                });
        }
        egui::Panel::bottom("overview")
            .exact_size(64.0)
            .show(ui, |ui| commands.extend(self.overview.ui(ui, ctx)));
        if ctx.state.map {
            let room = ui.available_rect_before_wrap();
            if room.width() >= MAP_BESIDE_WIDTH {
                egui::Panel::right("map")
                    .default_size(room.width() * 0.42)
                    .size_range(280.0..=room.width() * 0.7)
                    .resizable(true)
                    .show(ui, |ui| commands.extend(self.map.ui(ui, ctx)));
            } else {
                egui::Panel::bottom("map-below")
                    .default_size(room.height() * 0.45)
                    .size_range(160.0..=room.height() * 0.75)
                    .resizable(true)
                    .show(ui, |ui| commands.extend(self.map.ui(ui, ctx)));
            }
        }
        egui::Panel::top("chips").show(ui, |ui| commands.extend(chips_ui(ui, ctx)));
        egui::CentralPanel::no_frame().show(ui, |ui| commands.extend(self.timeline.ui(ui, ctx)));
        commands.extend(self.list.ui(ui, ctx));
        commands.extend(self.help.ui(ui, ctx));
        commands
    }
}

/// The errors of a reload that failed, over the last good data.
fn banner_ui(ui: &mut egui::Ui, ctx: &FrameCtx<'_>) {
    ui.colored_label(ui.visuals().warn_fg_color, t(ctx.lang, "reload-errors"));
    for line in ctx.banner.iter().take(12) {
        ui.label(
            egui::RichText::new(line)
                .monospace()
                .color(ui.visuals().error_fg_color),
        );
    }
}
