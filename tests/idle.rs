//! Idle: the window asks for no frames while nothing changes, and stops asking once a jump
//! has finished animating.

use std::sync::Arc;
use std::time::Duration;

use belarus_timeline::model::{Lang, load_bundled};
use belarus_timeline::ui::{App, Loaded, ViewCommand};

/// Runs one frame at `time` seconds; returns whether egui was asked for another frame soon.
fn frame(ctx: &egui::Context, app: &mut App, time: f64) -> bool {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1600.0, 900.0),
        )),
        time: Some(time),
        ..Default::default()
    };
    let mut output = ctx.run_ui(input, |ui| app.show(ui));
    // No GPU here: the font atlas updates go nowhere.
    output.textures_delta.clear();
    output
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .is_some_and(|v| v.repaint_delay < Duration::from_secs(1))
}

#[test]
fn no_frames_are_requested_while_nothing_changes() {
    let ctx = egui::Context::default();
    let timeline = Arc::new(load_bundled().expect("bundled data loads"));
    let mut app = App::new(Loaded::Timeline(timeline, "events.ron".into()), Lang::En);
    // Let the first frames settle (fonts, panel sizes).
    let mut time = 0.0;
    for _ in 0..5 {
        frame(&ctx, &mut app, time);
        time += 0.016;
    }
    let requested = (0..30)
        .filter(|_| {
            time += 0.016;
            frame(&ctx, &mut app, time)
        })
        .count();
    assert_eq!(requested, 0, "frames requested while idle");

    // A jump animates for a quarter of a second, then asks for nothing more.
    app.apply(&ctx, ViewCommand::FitAll);
    let mut animating = 0;
    for _ in 0..60 {
        time += 0.016;
        if frame(&ctx, &mut app, time) {
            animating += 1;
        } else {
            break;
        }
    }
    assert!(animating >= 5, "the jump animates ({animating} frames)");
    assert!(animating < 60, "the animation ends");
    let requested = (0..30)
        .filter(|_| {
            time += 0.016;
            frame(&ctx, &mut app, time)
        })
        .count();
    assert_eq!(requested, 0, "frames requested after the jump");
}
