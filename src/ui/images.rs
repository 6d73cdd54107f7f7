//! Event images: read and decoded off the UI thread with the image crate's limits, shown with a
//! placeholder while loading and the reason when they cannot be shown.

use std::collections::HashMap;
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::model::Assets;

/// Largest image file read.
const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;
/// Largest width or height decoded.
const MAX_SIDE: u32 = 8192;
/// Most memory the decoder may allocate.
const MAX_ALLOC: u64 = 256 * 1024 * 1024;

enum State {
    Loading,
    Ready(egui::TextureHandle),
    Failed(String),
}

/// The images of the open timeline, by path under `assets/`.
pub struct Images {
    states: HashMap<String, State>,
    sender: Sender<(String, Result<egui::ColorImage, String>)>,
    receiver: Receiver<(String, Result<egui::ColorImage, String>)>,
}

impl Default for Images {
    fn default() -> Self {
        let (sender, receiver) = channel();
        Self {
            states: HashMap::new(),
            sender,
            receiver,
        }
    }
}

/// Decodes a PNG or JPEG within the limits.
pub fn decode(bytes: &[u8]) -> Result<egui::ColorImage, String> {
    let mut reader = image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| e.to_string())?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let image = reader.decode().map_err(|e| e.to_string())?.to_rgba8();
    let size = [image.width() as usize, image.height() as usize];
    Ok(egui::ColorImage::from_rgba_unmultiplied(
        size,
        image.as_raw(),
    ))
}

fn read(assets: &Assets, path: &str) -> Result<Vec<u8>, String> {
    match assets {
        Assets::Embedded(files) => files
            .iter()
            .find(|(name, _)| *name == path)
            .map(|(_, bytes)| bytes.to_vec())
            .ok_or_else(|| format!("{path} is not among the bundled images")),
        Assets::Dir(dir) => crate::model::read::read_bounded(&dir.join(path), MAX_FILE_BYTES)
            .map_err(|e| e.to_string()),
    }
}

impl Images {
    /// Forgets every image (another file was opened).
    pub fn clear(&mut self) {
        self.states.clear();
    }

    /// Shows the image at `path`: a spinner while it loads, the picture, or why it failed.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        assets: &Assets,
        path: &str,
        max_height: f32,
        failed_text: impl Fn(&str) -> String,
    ) {
        for (key, result) in self.receiver.try_iter() {
            let state = match result {
                Ok(image) => State::Ready(ui.ctx().load_texture(
                    format!("event-image:{key}"),
                    image,
                    egui::TextureOptions::LINEAR,
                )),
                Err(reason) => State::Failed(reason),
            };
            self.states.insert(key, state);
        }
        let state = self.states.entry(path.to_owned()).or_insert_with(|| {
            let sender = self.sender.clone();
            let (assets, key, ctx) = (assets.clone(), path.to_owned(), ui.ctx().clone());
            let spawned = std::thread::Builder::new()
                .name("image".into())
                .spawn(move || {
                    let result = read(&assets, &key).and_then(|bytes| decode(&bytes));
                    let _ = sender.send((key, result));
                    ctx.request_repaint();
                });
            match spawned {
                Ok(_) => State::Loading,
                Err(err) => State::Failed(err.to_string()),
            }
        });
        match state {
            State::Loading => {
                ui.spinner();
            }
            State::Ready(texture) => {
                let size = texture.size_vec2();
                let scale = (ui.available_width() / size.x)
                    .min(max_height / size.y)
                    .min(1.0);
                ui.image((texture.id(), size * scale));
            }
            State::Failed(reason) => {
                ui.colored_label(ui.visuals().warn_fg_color, failed_text(reason));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corrupt_truncated_and_huge_images_fail_with_a_reason() {
        let png = crate::model::load::BUNDLED_ASSETS[0].1;
        assert!(decode(png).is_ok());
        assert!(decode(b"not an image at all").is_err());
        assert!(decode(&png[..png.len() / 2]).is_err(), "truncated");
        // A PNG header that declares 100000 x 100000 pixels.
        let mut huge = png[..33].to_vec();
        huge[16..20].copy_from_slice(&100_000u32.to_be_bytes());
        huge[20..24].copy_from_slice(&100_000u32.to_be_bytes());
        let err = decode(&huge).unwrap_err();
        assert!(!err.is_empty());
    }
}
