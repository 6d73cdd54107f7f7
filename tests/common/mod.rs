//! Helpers shared by the window's tests.

use belarus_timeline::model::date::seconds_from_date;
use belarus_timeline::ui::App;
use egui_kittest::Harness;

/// Midnight at the start of a day, in timeline seconds.
pub fn day(y: i32, m: u32, d: u32) -> f64 {
    seconds_from_date(chrono::NaiveDate::from_ymd_opt(y, m, d).expect("a real date"))
}

/// A click as a hand makes it: the pointer moves there, presses and releases.
pub fn click_at(harness: &mut Harness<'static, App>, pos: egui::Pos2) {
    harness.hover_at(pos);
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    harness.run();
}
