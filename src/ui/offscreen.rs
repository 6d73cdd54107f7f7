//! Drawing the window's view to a PNG without a window: offscreen with wgpu, which runs on the
//! software renderer of a machine without a GPU.

use std::sync::Arc;

use egui_kittest::Harness;

use crate::model::Timeline;

use super::{App, Loaded};

/// Why a render failed.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The layout was not that of a window of the asked size.
    #[error("the view is {points} points wide at zoom {zoom}, not {width} pixels")]
    Scale {
        /// Points laid out across.
        points: f32,
        /// The text scale.
        zoom: f32,
        /// Pixels asked for.
        width: u32,
    },
    /// The offscreen renderer failed.
    #[error("{0}")]
    Renderer(String),
}

/// Why a screenshot could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum SavePngError {
    /// The pixels did not match the image's size.
    #[error("the screenshot had an unexpected size")]
    Size,
    /// Encoding or writing failed.
    #[error(transparent)]
    Image(#[from] image::ImageError),
}

/// Renders `app` (already set up with its commands queued) to an image of exactly
/// `width` × `height` pixels: what a window of that size shows, presentation's zoom included
/// (the app sets it; egui then lays out `width / zoom` points at `zoom` pixels each).
pub fn render(app: App, width: u32, height: u32) -> Result<image::RgbaImage, RenderError> {
    let size = egui::vec2(width as f32, height as f32);
    let mut harness = Harness::builder()
        .with_size(size)
        .with_pixels_per_point(1.0)
        .with_max_steps(64)
        .with_accessibility_check(false)
        .allow_missing_glyphs()
        .wgpu()
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    // Let jumps finish: each step advances the clock by a quarter of a second.
    harness.run_steps(6);
    // The layout must be that of a window of this size: `width / zoom` points across.
    let zoom = harness.ctx.zoom_factor();
    let points = harness.ctx.content_rect().width();
    if (points * zoom - width as f32).abs() > 1.0 {
        return Err(RenderError::Scale {
            points,
            zoom,
            width,
        });
    }
    let image = harness.render().map_err(RenderError::Renderer)?;
    if image.dimensions() == (width, height) {
        Ok(image)
    } else {
        // Rounding of the scaled size can leave a pixel over or under.
        Ok(image::imageops::resize(
            &image,
            width,
            height,
            image::imageops::FilterType::Nearest,
        ))
    }
}

/// A window-less app on `timeline`, for `render`.
pub fn app_for(timeline: Arc<Timeline>, name: &str, lang: crate::model::Lang) -> App {
    let mut app = App::new(Loaded::Timeline(timeline, name.to_owned()), lang);
    app.runtime.offscreen = true;
    app
}

/// Encodes an egui image as PNG with the image crate.
pub fn save_png(image: &egui::ColorImage, path: &std::path::Path) -> Result<(), SavePngError> {
    let [w, h] = image.size;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
    let buffer = image::RgbaImage::from_raw(w as u32, h as u32, bytes).ok_or(SavePngError::Size)?;
    buffer.save_with_format(path, image::ImageFormat::Png)?;
    Ok(())
}
