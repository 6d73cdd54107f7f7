//! WCAG 2.2 contrast: relative luminance, contrast ratios, and colours picked or adjusted to
//! reach a ratio. Pure colour arithmetic, no painting.

use egui::Color32;

/// Text of normal size needs this ratio against its background (WCAG 2.2 AA, 1.4.3).
pub const AA_TEXT: f64 = 4.5;
/// Text in the high-contrast theme (WCAG 2.2 AAA, 1.4.6).
pub const AAA_TEXT: f64 = 7.0;
/// Graphics that carry meaning: markers, bars, outlines (WCAG 2.2 AA, 1.4.11).
pub const AA_GRAPHICS: f64 = 3.0;

/// One sRGB channel (0–255) as linear light, from a table: panels ask for contrasts every
/// frame, and a power per channel showed in frame profiles.
fn linear(channel: u8) -> f64 {
    static TABLE: std::sync::LazyLock<[f64; 256]> = std::sync::LazyLock::new(|| {
        std::array::from_fn(|channel| {
            let c = channel as f64 / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        })
    });
    TABLE[usize::from(channel)]
}

/// The relative luminance of an opaque colour, from 0 (black) to 1 (white).
pub fn luminance(colour: Color32) -> f64 {
    0.2126 * linear(colour.r()) + 0.7152 * linear(colour.g()) + 0.0722 * linear(colour.b())
}

/// The contrast ratio of two opaque colours, from 1 to 21.
pub fn ratio(a: Color32, b: Color32) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// What the eye sees of `fill` (premultiplied, possibly translucent) painted over an opaque
/// `background`: egui blends premultiplied colours in gamma space.
pub fn over(fill: Color32, background: Color32) -> Color32 {
    let through = 1.0 - f32::from(fill.a()) / 255.0;
    let channel = |f: u8, b: u8| (f32::from(f) + f32::from(b) * through).round().min(255.0) as u8;
    Color32::from_rgb(
        channel(fill.r(), background.r()),
        channel(fill.g(), background.g()),
        channel(fill.b(), background.b()),
    )
}

/// Black or white, whichever reads better on the opaque `fill` (one of them always reaches
/// 4.58:1).
pub fn readable_on(fill: Color32) -> Color32 {
    if ratio(Color32::BLACK, fill) >= ratio(Color32::WHITE, fill) {
        Color32::BLACK
    } else {
        Color32::WHITE
    }
}

/// `colour` mixed step by step towards white (on dark backgrounds) or black (on light ones)
/// until it reaches `min` against every one of `backgrounds`; unchanged if it already does.
pub fn legible(colour: Color32, backgrounds: &[Color32], min: f64) -> Color32 {
    let enough = |c: Color32| backgrounds.iter().all(|&b| ratio(c, b) >= min);
    let dark_backgrounds = backgrounds.iter().all(|&b| luminance(b) < 0.18);
    let target = if dark_backgrounds {
        Color32::WHITE
    } else {
        Color32::BLACK
    };
    (0..=20)
        .map(|step| lerp(colour, target, step as f32 / 20.0))
        .find(|&c| enough(c))
        .unwrap_or(target)
}

/// The opaque colour a `t` of the way from `a` to `b`, per sRGB channel.
fn lerp(a: Color32, b: Color32, t: f32) -> Color32 {
    let channel = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * t).round() as u8;
    Color32::from_rgb(
        channel(a.r(), b.r()),
        channel(a.g(), b.g()),
        channel(a.b(), b.b()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_match_the_wcag_examples() {
        assert!((ratio(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 1e-9);
        assert!((ratio(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 1e-9);
        // #767676 is the lightest grey that passes AA on white.
        let grey = Color32::from_rgb(0x76, 0x76, 0x76);
        assert!(ratio(grey, Color32::WHITE) >= 4.5);
        assert!(ratio(Color32::from_rgb(0x77, 0x77, 0x77), Color32::WHITE) < 4.5);
    }

    #[test]
    fn black_or_white_always_reaches_aa() {
        for v in 0..=255u8 {
            for fill in [
                Color32::from_rgb(v, 0, 0),
                Color32::from_rgb(0, v, 0),
                Color32::from_rgb(0, 0, v),
                Color32::from_rgb(v, v, v),
            ] {
                assert!(ratio(readable_on(fill), fill) >= AA_TEXT, "{fill:?}");
            }
        }
    }

    #[test]
    fn legible_colours_reach_the_ratio() {
        let dark = [Color32::from_rgb(0x1b, 0x1e, 0x24)];
        let navy = Color32::from_rgb(0x20, 0x30, 0x70);
        assert!(ratio(legible(navy, &dark, 3.0), dark[0]) >= 3.0);
        let light = [Color32::from_rgb(0xfa, 0xfa, 0xf8)];
        let yellow = Color32::from_rgb(0xf0, 0xd0, 0x40);
        assert!(ratio(legible(yellow, &light, 3.0), light[0]) >= 3.0);
        // Already legible: unchanged.
        assert_eq!(legible(Color32::WHITE, &dark, 3.0), Color32::WHITE);
    }

    #[test]
    fn translucent_fills_blend_with_what_is_under_them() {
        let half_white = Color32::WHITE.gamma_multiply(0.5);
        let grey = over(half_white, Color32::BLACK);
        assert!((i32::from(grey.r()) - 128).abs() <= 1, "{grey:?}");
        assert_eq!(over(Color32::RED, Color32::BLUE), Color32::RED);
    }
}
