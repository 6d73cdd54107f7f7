//! Label widths measured once per event, so that packing a lane while zooming lays out no text.

/// What a measured width depends on besides the event: the data, the language, the font and
/// the scale. A different key forgets every width.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelKey {
    /// The generation of the data (it changes whenever the data does).
    pub data: u64,
    /// The language of the titles.
    pub lang: crate::model::Lang,
    /// The font size, in points.
    pub font_size: f32,
    /// Physical pixels per point (glyphs are placed on the pixel grid).
    pub pixels_per_point: f32,
}

/// Each event's label width, measured the first time it is asked for and kept while the
/// [`LabelKey`] stays the same.
#[derive(Clone, Debug, Default)]
pub struct LabelWidths {
    key: Option<LabelKey>,
    /// By event index; NaN where not measured yet.
    widths: Vec<f32>,
}

impl LabelWidths {
    /// Makes ready for `events` events measured under `key`: the widths known stay when the
    /// key is the same, all are forgotten when it is not.
    pub fn prepare(&mut self, key: LabelKey, events: usize) {
        if self.key != Some(key) {
            self.key = Some(key);
            self.widths.clear();
        }
        self.widths.resize(events, f32::NAN);
    }

    /// The width of event `index`'s label: known, or `measure`d now and kept.
    pub fn width(&mut self, index: usize, measure: impl FnOnce() -> f32) -> f32 {
        match self.widths.get_mut(index) {
            Some(known) if !known.is_nan() => *known,
            Some(unknown) => {
                *unknown = measure();
                *unknown
            }
            // Not prepared for this many events: measured, not kept.
            None => measure(),
        }
    }

    /// How many widths are known.
    pub fn known(&self) -> usize {
        self.widths.iter().filter(|w| !w.is_nan()).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;
    use proptest::prelude::*;

    fn key(data: u64, lang: Lang) -> LabelKey {
        LabelKey {
            data,
            lang,
            font_size: 13.0,
            pixels_per_point: 1.0,
        }
    }

    /// A stand-in for laying the text out: depends on the event and the key's language.
    fn measured(index: usize, lang: Lang) -> f32 {
        (index % 97) as f32 * 3.5 + if lang == Lang::En { 0.0 } else { 1.25 }
    }

    proptest! {
        #[test]
        fn a_width_kept_is_the_width_measured(
            asks in prop::collection::vec((0usize..300, any::<bool>()), 1..400),
        ) {
            let mut widths = LabelWidths::default();
            // What should be known: the events asked for since the language last changed.
            let mut model: (Option<Lang>, std::collections::HashSet<usize>) = (None, Default::default());
            for (index, english) in asks {
                let lang = if english { Lang::En } else { Lang::Be };
                widths.prepare(key(7, lang), 300);
                if model.0 != Some(lang) {
                    model = (Some(lang), Default::default());
                }
                let mut measured_now = false;
                let width = widths.width(index, || {
                    measured_now = true;
                    measured(index, lang)
                });
                prop_assert_eq!(width, measured(index, lang));
                prop_assert_eq!(measured_now, model.1.insert(index));
                prop_assert_eq!(widths.known(), model.1.len());
            }
        }
    }

    #[test]
    fn each_event_is_measured_once_per_key() {
        let mut widths = LabelWidths::default();
        let mut calls = 0;
        widths.prepare(key(1, Lang::En), 10);
        for _ in 0..3 {
            for index in 0..10 {
                widths.width(index, || {
                    calls += 1;
                    measured(index, Lang::En)
                });
            }
        }
        assert_eq!(calls, 10);
        assert_eq!(widths.known(), 10);
        // Another data generation forgets them all.
        widths.prepare(key(2, Lang::En), 10);
        assert_eq!(widths.known(), 0);
        // An index beyond the prepared events is measured, not kept.
        assert_eq!(widths.width(12, || 5.0), 5.0);
        assert_eq!(widths.known(), 0);
    }
}
