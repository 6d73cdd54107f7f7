//! Choosing tick marks and labels for the time axis, from years down to hours.

use chrono::{Datelike as _, Duration, NaiveDate, Weekday};

use super::ScreenMapping;
use crate::i18n::dates;
use crate::model::Lang;
use crate::model::date::{DAY, date_from_seconds, first_of_next_month, seconds_from_date};

/// A mark on the axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Its time.
    pub time: f64,
    /// Its screen x.
    pub x: f64,
    /// Its label, drawn just right of the mark.
    pub label: String,
    /// A Sunday at day zoom (the marches were on Sundays), drawn stronger.
    pub emphasised: bool,
}

/// The axis: fine ticks with labels, and coarser context labels above them ("August 2020").
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Axis {
    /// Fine ticks.
    pub ticks: Vec<Tick>,
    /// Coarse boundaries with their labels.
    pub context: Vec<Tick>,
}

/// Space between one label's end and the next mark.
pub const LABEL_GAP: f64 = 8.0;
/// Space between a mark and its label.
pub const LABEL_PAD: f64 = 3.0;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Step {
    Hours(i64),
    Days(i64),
    Weeks,
    Months(u32),
    Years(i32),
}

/// From hours to millennia: an imported timeline may span centuries (years 1 to 9999).
const STEPS: [Step; 17] = [
    Step::Hours(1),
    Step::Hours(3),
    Step::Hours(6),
    Step::Hours(12),
    Step::Days(1),
    Step::Weeks,
    Step::Months(1),
    Step::Months(3),
    Step::Years(1),
    Step::Years(5),
    Step::Years(10),
    Step::Years(25),
    Step::Years(50),
    Step::Years(100),
    Step::Years(250),
    Step::Years(500),
    Step::Years(1000),
];

impl Step {
    fn approx_seconds(self) -> f64 {
        match self {
            Step::Hours(h) => h as f64 * 3600.0,
            Step::Days(d) => d as f64 * DAY,
            Step::Weeks => 7.0 * DAY,
            Step::Months(m) => f64::from(m) * 30.4 * DAY,
            Step::Years(y) => f64::from(y) * 365.25 * DAY,
        }
    }

    /// The tick times from before `from` to after `to`.
    fn times(self, from: f64, to: f64) -> Vec<f64> {
        let mut out = Vec::new();
        let first_day = date_from_seconds(from);
        match self {
            Step::Hours(h) => {
                let step = h as f64 * 3600.0;
                let mut t = seconds_from_date(first_day);
                while t <= to {
                    if t >= from - step {
                        out.push(t);
                    }
                    t += step;
                }
            }
            Step::Days(d) => {
                let mut t = seconds_from_date(first_day);
                while t <= to {
                    out.push(t);
                    t += d as f64 * DAY;
                }
            }
            Step::Weeks => {
                let back = i64::from(first_day.weekday().num_days_from_monday());
                let mut date = first_day - Duration::days(back);
                while seconds_from_date(date) <= to {
                    out.push(seconds_from_date(date));
                    date += Duration::days(7);
                }
            }
            Step::Months(m) => {
                let month0 = (first_day.month0() / m) * m;
                let mut date =
                    NaiveDate::from_ymd_opt(first_day.year(), month0 + 1, 1).unwrap_or(first_day);
                while seconds_from_date(date) <= to {
                    out.push(seconds_from_date(date));
                    for _ in 0..m {
                        date = first_of_next_month(date);
                    }
                }
            }
            Step::Years(y) => {
                let year = first_day.year().div_euclid(y) * y;
                let mut year = year;
                while let Some(date) = NaiveDate::from_ymd_opt(year, 1, 1) {
                    if seconds_from_date(date) > to {
                        break;
                    }
                    out.push(seconds_from_date(date));
                    year += y;
                }
            }
        }
        out
    }

    fn label(self, t: f64, lang: Lang) -> String {
        let date = date_from_seconds(t);
        match self {
            Step::Hours(_) => {
                let secs = (t - seconds_from_date(date)).round() as i64;
                format!("{:02}:{:02}", secs / 3600, (secs % 3600) / 60)
            }
            Step::Days(_) => format!(
                "{} {}",
                dates::weekday_short(lang, date.weekday()),
                date.day()
            ),
            Step::Weeks => dates::day_month_short(lang, date),
            Step::Months(_) => dates::month_short(lang, date.month()),
            Step::Years(_) => date.year().to_string(),
        }
    }

    /// The coarser unit that gives context to this one.
    fn context(self) -> Option<Step> {
        match self {
            Step::Hours(_) => Some(Step::Days(1)),
            Step::Days(_) | Step::Weeks => Some(Step::Months(1)),
            Step::Months(_) => Some(Step::Years(1)),
            Step::Years(_) => None,
        }
    }

    fn context_label(self, t: f64, lang: Lang) -> String {
        let date = date_from_seconds(t);
        match self {
            Step::Days(_) => {
                let weekday = dates::weekday_name(lang, date.weekday());
                format!("{weekday}, {}", dates::day_month_year(lang, date))
            }
            Step::Months(_) => {
                let month = dates::month_year(lang, date);
                let mut chars = month.chars();
                chars
                    .next()
                    .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
                    .unwrap_or(month)
            }
            _ => date.year().to_string(),
        }
    }
}

/// Picks the finest step whose labels all fit without touching, on `mapping`'s screen range;
/// `measure` gives a label's width in points. Every tick carries its screen x.
pub fn axis(mapping: &ScreenMapping, lang: Lang, measure: &mut dyn FnMut(&str) -> f64) -> Axis {
    let view = mapping.view;
    for step in STEPS {
        // Too dense to be worth trying: under 20 points per tick.
        if step.approx_seconds() / mapping.seconds_per_point() < 20.0 {
            continue;
        }
        let times = step.times(view.min, view.max());
        let ticks: Vec<Tick> = times
            .iter()
            .map(|&t| Tick {
                time: t,
                x: mapping.screen_from_time(t),
                label: step.label(t, lang),
                emphasised: matches!(step, Step::Days(1))
                    && date_from_seconds(t).weekday() == Weekday::Sun,
            })
            .collect();
        let widths: Vec<f64> = ticks.iter().map(|t| measure(&t.label)).collect();
        let fits = (1..ticks.len())
            .all(|i| ticks[i - 1].x + LABEL_PAD + widths[i - 1] + LABEL_GAP <= ticks[i].x);
        if !fits {
            continue;
        }
        let context = step
            .context()
            .map(|coarse| {
                coarse
                    .times(view.min, view.max())
                    .into_iter()
                    .map(|t| Tick {
                        time: t,
                        x: mapping.screen_from_time(t),
                        label: coarse.context_label(t, lang),
                        emphasised: false,
                    })
                    .collect()
            })
            .unwrap_or_default();
        return Axis { ticks, context };
    }
    Axis::default()
}

/// Where to draw each context label so that none collide: the label of the period that began
/// before the left edge sticks to the edge until the next one pushes it away. Returns
/// `(x, index)` pairs for the labels to draw.
pub fn place_context(
    context: &[Tick],
    mapping: &ScreenMapping,
    measure: &mut dyn FnMut(&str) -> f64,
) -> Vec<(f64, usize)> {
    let (left, right) = (mapping.left, mapping.right());
    let mut placed = Vec::new();
    for (i, tick) in context.iter().enumerate() {
        let w = measure(&tick.label);
        let x = tick.x.max(left) + LABEL_PAD;
        let limit = context.get(i + 1).map_or(f64::INFINITY, |next| next.x);
        let x = x.min(limit - w - LABEL_GAP);
        let clear_of_previous = placed.last().is_none_or(|&(px, pi): &(f64, usize)| {
            px + measure(&context[pi].label) + LABEL_GAP <= x
        });
        if x < right && clear_of_previous && x >= left {
            placed.push((x, i));
        }
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::TimeView;
    use proptest::prelude::*;

    fn measure(label: &str) -> f64 {
        label.chars().count() as f64 * 7.0
    }

    proptest! {
        #[test]
        fn centuries_have_ticks_too(
            first_year in 1i32..9000, years in 20.0f64..1000.0, width in 300.0f64..2500.0,
        ) {
            let start = crate::model::date::seconds_from_date(NaiveDate::from_ymd_opt(first_year, 1, 1).unwrap());
            let view = TimeView { min: start, span: years * 365.25 * DAY };
            let mapping = ScreenMapping::new(view, 0.0, width);
            let axis = axis(&mapping, Lang::En, &mut measure);
            prop_assert!(axis.ticks.len() >= 2, "{first_year} + {years} years: {:?}", axis.ticks.len());
            for pair in axis.ticks.windows(2) {
                prop_assert!(pair[0].x + LABEL_PAD + measure(&pair[0].label) + LABEL_GAP <= pair[1].x);
            }
        }

        #[test]
        fn ticks_never_collide_and_cover_the_view(
            min in 1.45e9f64..1.65e9, span in 3600.0f64..4e8, width in 300.0f64..2500.0, lang in 0usize..3,
        ) {
            let view = TimeView { min, span };
            let lang = Lang::ALL[lang];
            let mapping = ScreenMapping::new(view, 0.0, width);
            let axis = axis(&mapping, lang, &mut measure);
            prop_assert!(!axis.ticks.is_empty());
            let xs: Vec<f64> = axis.ticks.iter().map(|t| t.x).collect();
            prop_assert!(axis.ticks.iter().all(|t| t.x == view.screen_from_time(t.time, 0.0, width)));
            for i in 1..xs.len() {
                prop_assert!(xs[i - 1] + LABEL_PAD + measure(&axis.ticks[i - 1].label) + LABEL_GAP <= xs[i]);
            }
            // Cover: the first tick is at or before the left edge's step, the last at or past the right's.
            let step = xs.get(1).map_or(width, |x1| x1 - xs[0]);
            prop_assert!(xs[0] <= step + 1.0, "first tick at {}", xs[0]);
            prop_assert!(*xs.last().unwrap() >= width - 2.2 * step, "last tick at {}", xs.last().unwrap());
            let placed = place_context(&axis.context, &mapping, &mut measure);
            for pair in placed.windows(2) {
                let (x0, i0) = pair[0];
                prop_assert!(x0 + measure(&axis.context[i0].label) + LABEL_GAP <= pair[1].0 + 1e-9);
            }
        }
    }

    #[test]
    fn day_zoom_names_weekdays() {
        let start = seconds_from_date(NaiveDate::from_ymd_opt(2020, 8, 6).unwrap());
        let view = TimeView::new(start, start + 8.0 * DAY);
        let axis = axis(
            &ScreenMapping::new(view, 0.0, 600.0),
            Lang::En,
            &mut measure,
        );
        assert!(
            axis.ticks
                .iter()
                .any(|t| t.label == "Sun 9" && t.emphasised),
            "{:?}",
            axis.ticks
        );
        assert!(
            axis.context.iter().any(|t| t.label == "August 2020"),
            "{:?}",
            axis.context
        );
    }

    #[test]
    fn week_ticks_put_the_month_in_the_genitive() {
        let date = NaiveDate::from_ymd_opt(2020, 5, 31).unwrap();
        assert_eq!(dates::day_month_short(Lang::Ru, date), "31 мая");
        assert_eq!(dates::day_month_short(Lang::En, date), "31 May");
        let august = NaiveDate::from_ymd_opt(2020, 8, 3).unwrap();
        assert_eq!(dates::day_month_short(Lang::Be, august), "3 жні");
    }

    #[test]
    fn hour_zoom_on_election_evening() {
        let start = seconds_from_date(NaiveDate::from_ymd_opt(2020, 8, 9).unwrap()) + 18.0 * 3600.0;
        let view = TimeView::new(start, start + 6.0 * 3600.0);
        let axis = axis(
            &ScreenMapping::new(view, 0.0, 1200.0),
            Lang::Be,
            &mut measure,
        );
        assert!(
            axis.ticks.iter().any(|t| t.label == "21:00"),
            "{:?}",
            axis.ticks
        );
        assert!(
            axis.context
                .iter()
                .any(|t| t.label.contains("9 жніўня 2020")),
            "{:?}",
            axis.context
        );
    }
}
