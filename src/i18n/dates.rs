//! Dates and month names in each language, from the CLDR/glibc data in `pure-rust-locales`.

use chrono::{Datelike as _, NaiveDate, NaiveTime, Weekday};
use pure_rust_locales::{be_BY, en_GB, ru_RU};

use crate::model::{FuzzyDate, Lang, Precision};

/// Month names as they stand alone ("August", "жнівень", "август"), January first.
fn months_standalone(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => en_GB::LC_TIME::MON,
        Lang::Be => be_BY::LC_TIME::ALT_MON.unwrap_or(be_BY::LC_TIME::MON),
        Lang::Ru => ru_RU::LC_TIME::ALT_MON.unwrap_or(ru_RU::LC_TIME::MON),
    }
}

/// Month names as they follow a day number ("9 August", "9 жніўня", "9 августа").
fn months_after_day(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => en_GB::LC_TIME::MON,
        Lang::Be => be_BY::LC_TIME::MON,
        Lang::Ru => ru_RU::LC_TIME::MON,
    }
}

fn weekdays(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => en_GB::LC_TIME::DAY,
        Lang::Be => be_BY::LC_TIME::DAY,
        Lang::Ru => ru_RU::LC_TIME::DAY,
    }
}

fn weekdays_short(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => en_GB::LC_TIME::ABDAY,
        Lang::Be => be_BY::LC_TIME::ABDAY,
        Lang::Ru => ru_RU::LC_TIME::ABDAY,
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

fn lowercase_in(lang: Lang, word: &str) -> String {
    match lang {
        Lang::En => word.to_owned(),
        Lang::Be | Lang::Ru => word.to_lowercase(),
    }
}

/// "August", "Жнівень", "Август".
pub fn month_name(lang: Lang, month: u32) -> String {
    let index = (month.clamp(1, 12) - 1) as usize;
    capitalised(
        months_standalone(lang)
            .get(index)
            .copied()
            .unwrap_or_default(),
    )
}

/// Three-letter month for tight tick labels: "Aug", "жні", "авг".
pub fn month_short(lang: Lang, month: u32) -> String {
    let name = month_name(lang, month);
    let short: String = name.chars().take(3).collect();
    match lang {
        Lang::En => short,
        _ => short.to_lowercase(),
    }
}

/// A day and a short month for tight tick labels, the month in the case a date takes after its
/// day: "31 May", "31 тра", "31 мая".
pub fn day_month_short(lang: Lang, date: NaiveDate) -> String {
    let month: String = months_after_day(lang)
        .get(date.month0() as usize)
        .copied()
        .unwrap_or_default()
        .chars()
        .take(3)
        .collect();
    let month = match lang {
        Lang::En => capitalised(&month),
        _ => month.to_lowercase(),
    };
    format!("{} {month}", date.day())
}

/// "Sunday", "нядзеля", "воскресенье" (lowercase inside a sentence in be and ru).
pub fn weekday_name(lang: Lang, weekday: Weekday) -> String {
    let index = weekday.num_days_from_sunday() as usize;
    lowercase_in(lang, weekdays(lang).get(index).copied().unwrap_or_default())
}

/// "Sun", "Няд", "Вс".
pub fn weekday_short(lang: Lang, weekday: Weekday) -> &'static str {
    let index = weekday.num_days_from_sunday() as usize;
    weekdays_short(lang).get(index).copied().unwrap_or_default()
}

/// "9 August 2020", "9 жніўня 2020", "9 августа 2020".
pub fn day_month_year(lang: Lang, date: NaiveDate) -> String {
    let month = months_after_day(lang)
        .get(date.month0() as usize)
        .copied()
        .unwrap_or_default();
    format!("{} {} {}", date.day(), month, date.year())
}

/// "August 2020", "жнівень 2020", "август 2020".
pub fn month_year(lang: Lang, date: NaiveDate) -> String {
    let name = month_name(lang, date.month());
    let name = if lang == Lang::En {
        name
    } else {
        name.to_lowercase()
    };
    format!("{name} {}", date.year())
}

/// The date in full: "Sunday, 9 August 2020, 21:30"; for month precision "August 2020".
pub fn long_date(lang: Lang, date: FuzzyDate, time: Option<NaiveTime>) -> String {
    match date.precision {
        Precision::Year => year(date.date),
        Precision::Month => capitalised(&month_year(lang, date.date)),
        Precision::Day => {
            let weekday = capitalised(&weekday_name(lang, date.date.weekday()));
            let time = time
                .map(|t| format!(", {}", t.format("%H:%M")))
                .unwrap_or_default();
            format!("{weekday}, {}{time}", day_month_year(lang, date.date))
        }
    }
}

/// A compact date for lists: "9 August 2020" or "August 2020".
pub fn short_date(lang: Lang, date: FuzzyDate) -> String {
    match date.precision {
        Precision::Year => year(date.date),
        Precision::Month => capitalised(&month_year(lang, date.date)),
        Precision::Day => day_month_year(lang, date.date),
    }
}

/// A year alone, as written in every language: "650", "2020".
fn year(date: NaiveDate) -> String {
    date.year().to_string()
}

/// The message key that says how little of a date is known, for dates less precise than a day.
pub fn precision_note(precision: Precision) -> Option<&'static str> {
    match precision {
        Precision::Day => None,
        Precision::Month => Some("details-month-precision"),
        Precision::Year => Some("details-year-precision"),
    }
}

/// When a source was published, in `lang` ("17 August 2020"), if it gives a readable date.
pub fn published(lang: Lang, published: Option<&str>) -> Option<String> {
    let date = FuzzyDate::parse(published?).ok()?;
    Some(short_date(lang, date))
}

/// A date range for lists: "9 – 12 August 2020" style kept simple and unambiguous.
pub fn span(lang: Lang, start: FuzzyDate, end: Option<FuzzyDate>) -> String {
    match end {
        Some(end) if end != start => {
            format!("{} – {}", short_date(lang, start), short_date(lang, end))
        }
        _ => short_date(lang, start),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> FuzzyDate {
        FuzzyDate::day(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    #[test]
    fn a_year_alone_is_its_number() {
        let year = FuzzyDate::parse("0650").unwrap();
        for lang in Lang::ALL {
            assert_eq!(long_date(lang, year, None), "650");
            assert_eq!(span(lang, year, None), "650");
        }
        assert_eq!(precision_note(Precision::Day), None);
        assert_eq!(
            precision_note(Precision::Year),
            Some("details-year-precision")
        );
    }

    #[test]
    fn long_dates_in_three_languages() {
        let date = day(2020, 8, 9);
        assert_eq!(long_date(Lang::En, date, None), "Sunday, 9 August 2020");
        assert_eq!(long_date(Lang::Be, date, None), "Нядзеля, 9 жніўня 2020");
        assert_eq!(
            long_date(Lang::Ru, date, None),
            "Воскресенье, 9 августа 2020"
        );
        let month = FuzzyDate::parse("2020-09").unwrap();
        assert_eq!(long_date(Lang::Be, month, None), "Верасень 2020");
        assert_eq!(long_date(Lang::Ru, month, None), "Сентябрь 2020");
    }
}
