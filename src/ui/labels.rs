//! The timeline's labels laid out once per event and reused wherever the event moves: egui's
//! own galley cache keys on the text and the wrapping, which changes with the position, and
//! forgets what a frame did not use.

use std::collections::HashMap;
use std::sync::Arc;

use egui::text::{LayoutJob, TextWrapping};
use egui::{Color32, FontId, Galley};

use crate::timeline::{LabelKey, LabelWidths};

/// Label widths for packing (kept while the data, language, font and scale stay), and the
/// laid-out labels of the last frames for painting.
#[derive(Clone, Debug, Default)]
pub struct LabelCache {
    widths: LabelWidths,
    key: Option<LabelKey>,
    /// By event: its label in the placeholder colour (painted in any colour), and the frame
    /// that last used it.
    galleys: HashMap<usize, (Arc<Galley>, u64)>,
    /// Short texts that recur as the view moves (cluster counts, edge counts), by text and
    /// font size, in the placeholder colour. egui's cache would forget a count that was not
    /// drawn in the last frame.
    short_texts: HashMap<(String, u32), Arc<Galley>>,
    frame: u64,
    /// A text laid out through egui's own cache every frame: egui hands back the same galley
    /// until it empties its cache, which it does when the fonts, their options or the glyph
    /// atlas change. Then what is kept here is laid out with old fonts into an old atlas.
    probe: Option<Arc<Galley>>,
}

impl LabelCache {
    /// Starts a frame of `events` events' labels in `font`, in the language and data of
    /// `key`: forgets what that changes, and the labels the last frame did not use.
    pub fn begin_frame(&mut self, ctx: &egui::Context, key: LabelKey, events: usize) {
        let probe = ctx.fonts_mut(|f| {
            f.layout_job(LayoutJob::simple(
                "0".to_owned(),
                FontId::proportional(key.font_size),
                Color32::PLACEHOLDER,
                f32::INFINITY,
            ))
        });
        let same_fonts = self
            .probe
            .as_ref()
            .is_some_and(|old| Arc::ptr_eq(old, &probe));
        self.probe = Some(probe);
        if !same_fonts {
            self.widths = LabelWidths::default();
        }
        if self.key != Some(key) || !same_fonts || self.short_texts.len() > 4096 {
            self.galleys.clear();
            self.short_texts.clear();
        }
        self.key = Some(key);
        self.widths.prepare(key, events);
        let previous = self.frame;
        self.galleys.retain(|_, (_, used)| *used >= previous);
        self.frame += 1;
    }

    /// The width of event `index`'s label in `font`: measured the first time only (`title`
    /// is asked for then, not when the width is known).
    pub fn width<'t>(
        &mut self,
        ctx: &egui::Context,
        index: usize,
        title: impl FnOnce() -> &'t str,
        font: &FontId,
    ) -> f32 {
        let (galleys, frame) = (&mut self.galleys, self.frame);
        self.widths.width(index, || {
            let galley = galleys
                .entry(index)
                .or_insert_with(|| (lay_out(ctx, title(), font), frame));
            galley.1 = frame;
            galley.0.size().x
        })
    }

    /// Event `index`'s label `title` in `font`, as one line at most `room` wide (ellipsised
    /// when longer), in the placeholder colour: paint it with the colour as fallback. A label
    /// that fits is laid out once for every position; one cut short, at each.
    pub fn galley(
        &mut self,
        ctx: &egui::Context,
        index: usize,
        title: &str,
        font: &FontId,
        room: f32,
    ) -> Arc<Galley> {
        let frame = self.frame;
        let (galley, used) = self
            .galleys
            .entry(index)
            .or_insert_with(|| (lay_out(ctx, title, font), frame));
        *used = frame;
        if galley.size().x <= room {
            return Arc::clone(galley);
        }
        let mut job =
            LayoutJob::simple_singleline(title.to_owned(), font.clone(), Color32::PLACEHOLDER);
        job.wrap = TextWrapping::truncate_at_width(room);
        ctx.fonts_mut(|f| f.layout_job(job))
    }
}

impl LabelCache {
    /// `text` (a count, a few characters) in `font`, unwrapped, in the placeholder colour.
    pub fn short_text(&mut self, ctx: &egui::Context, text: String, font: &FontId) -> Arc<Galley> {
        let key = (text, font.size.to_bits());
        if let Some(galley) = self.short_texts.get(&key) {
            return Arc::clone(galley);
        }
        let job = LayoutJob::simple(
            key.0.clone(),
            font.clone(),
            Color32::PLACEHOLDER,
            f32::INFINITY,
        );
        let galley = ctx.fonts_mut(|f| f.layout_job(job));
        self.short_texts.insert(key, Arc::clone(&galley));
        galley
    }
}

/// `title` on one line, unwrapped.
fn lay_out(ctx: &egui::Context, title: &str, font: &FontId) -> Arc<Galley> {
    let job = LayoutJob::simple_singleline(title.to_owned(), font.clone(), Color32::PLACEHOLDER);
    ctx.fonts_mut(|f| f.layout_job(job))
}
