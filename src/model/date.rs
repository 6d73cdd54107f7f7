//! Dates as curators write them: `"2020-08-09"` (a day), `"2020-09"` (only the month is known) or
//! `"0650"` (only the year is known, as for many dates of older history).

use std::fmt;

use chrono::{Datelike as _, NaiveDate, NaiveTime, Weekday};

/// Seconds since 1970-01-01 00:00 in local (Minsk) time, the unit of the whole timeline.
///
/// f64 keeps sub-second precision over thousands of years, so zooming to minutes over a
/// multi-year span loses nothing.
pub type Seconds = f64;

/// Seconds in a day.
pub const DAY: Seconds = 86_400.0;

/// How precisely a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// The day is known.
    Day,
    /// Only the month is known; the date stands for the whole month.
    Month,
    /// Only the year is known; the date stands for the whole year.
    Year,
}

/// Why a text is not a date.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not in the form `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    #[error(
        "`{0}` is not a date: expected `YYYY-MM-DD`, or `YYYY-MM` when only the month is known, or `YYYY` when only the year is known"
    )]
    Form(String),
    /// A month outside 1 to 12.
    #[error("`{text}` is not a date: there is no month {month}")]
    NoMonth {
        /// The text.
        text: String,
        /// The month it gives.
        month: u32,
    },
    /// A day the month does not have.
    #[error("`{text}` is not a date: {month} has no day {day}")]
    NoDay {
        /// The text.
        text: String,
        /// The month and year, like "February 2020".
        month: String,
        /// The day it gives.
        day: u32,
    },
}

/// Why a text is not a time of day.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a time: expected `HH:MM` from 00:00 to 23:59")]
pub struct TimeError(pub String);

/// A calendar date with its precision. For month precision `date` is the first of the month, for
/// year precision the first of January.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FuzzyDate {
    /// The day, or the first day of the month (or year) when only the month (or year) is known.
    pub date: NaiveDate,
    /// How much of `date` is known.
    pub precision: Precision,
}

impl FuzzyDate {
    /// A date known to the day.
    pub fn day(date: NaiveDate) -> Self {
        Self {
            date,
            precision: Precision::Day,
        }
    }

    /// A date known to the year only: it stands for the whole of `year` (1 to 9999).
    pub fn year(year: i32) -> Option<Self> {
        if !(1..=9999).contains(&year) {
            return None;
        }
        Some(Self {
            date: NaiveDate::from_ymd_opt(year, 1, 1)?,
            precision: Precision::Year,
        })
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, explaining what is wrong otherwise.
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let mut split = text.splitn(4, '-');
        let parts: [Option<&str>; 4] = [split.next(), split.next(), split.next(), split.next()];
        let bad_form = || DateError::Form(text.to_owned());
        let no_month = |month| DateError::NoMonth {
            text: text.to_owned(),
            month,
        };
        let number = |part: &str, len: usize| -> Result<u32, DateError> {
            if part.len() == len && part.bytes().all(|b| b.is_ascii_digit()) {
                part.parse().map_err(|_| bad_form())
            } else {
                Err(bad_form())
            }
        };
        match parts {
            [Some(y), None, None, None] => {
                let year = number(y, 4)?;
                FuzzyDate::year(year as i32).ok_or_else(bad_form)
            }
            [Some(y), Some(m), None, None] => {
                let (year, month) = (number(y, 4)?, number(m, 2)?);
                let date = NaiveDate::from_ymd_opt(year as i32, month, 1)
                    .ok_or_else(|| no_month(month))?;
                Ok(Self {
                    date,
                    precision: Precision::Month,
                })
            }
            [Some(y), Some(m), Some(d), None] => {
                let (year, month, day) = (number(y, 4)?, number(m, 2)?, number(d, 2)?);
                let date = NaiveDate::from_ymd_opt(year as i32, month, day).ok_or_else(|| {
                    if (1..=12).contains(&month) {
                        DateError::NoDay {
                            text: text.to_owned(),
                            month: month_year(year, month),
                            day,
                        }
                    } else {
                        no_month(month)
                    }
                })?;
                Ok(Self::day(date))
            }
            _ => Err(bad_form()),
        }
    }

    /// The first instant this date covers.
    pub fn start_seconds(&self) -> Seconds {
        seconds_from_date(self.date)
    }

    /// The instant just after the last moment this date covers (the next day or next month).
    pub fn end_seconds(&self) -> Seconds {
        match self.precision {
            Precision::Day => self.start_seconds() + DAY,
            Precision::Month => seconds_from_date(first_of_next_month(self.date)),
            Precision::Year => seconds_from_date(first_of_next_year(self.date)),
        }
    }

    /// The day of the week, when the day is known.
    pub fn weekday(&self) -> Option<Weekday> {
        (self.precision == Precision::Day).then(|| self.date.weekday())
    }
}

impl fmt::Display for FuzzyDate {
    /// The same form the file uses.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision {
            Precision::Day => write!(f, "{}", self.date.format("%Y-%m-%d")),
            Precision::Month => write!(f, "{}", self.date.format("%Y-%m")),
            Precision::Year => write!(f, "{}", self.date.format("%Y")),
        }
    }
}

fn month_year(year: u32, month: u32) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    format!("{} {year}", MONTHS[(month as usize).saturating_sub(1) % 12])
}

/// The first day of the month after `date`'s month.
pub fn first_of_next_month(date: NaiveDate) -> NaiveDate {
    let (year, month) = if date.month() == 12 {
        (date.year() + 1, 1)
    } else {
        (date.year(), date.month() + 1)
    };
    NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(date)
}

/// The first of January of the year after `date`'s year.
pub fn first_of_next_year(date: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(date.year() + 1, 1, 1).unwrap_or(date)
}

/// The first day after what `date` stands for: the next day, month or year.
pub fn after(date: FuzzyDate) -> NaiveDate {
    match date.precision {
        Precision::Day => date.date.succ_opt().unwrap_or(date.date),
        Precision::Month => first_of_next_month(date.date),
        Precision::Year => first_of_next_year(date.date),
    }
}

/// Parses a local time `HH:MM`.
pub fn parse_time(text: &str) -> Result<NaiveTime, TimeError> {
    let valid_form = text.len() == 5 && text.as_bytes()[2] == b':';
    valid_form
        .then(|| NaiveTime::parse_from_str(text, "%H:%M").ok())
        .flatten()
        .ok_or_else(|| TimeError(text.to_owned()))
}

/// Seconds since the epoch at the start of `date`.
pub fn seconds_from_date(date: NaiveDate) -> Seconds {
    let days = date.signed_duration_since(NaiveDate::default()).num_days();
    days as f64 * DAY
}

/// The calendar date that contains `seconds`.
pub fn date_from_seconds(seconds: Seconds) -> NaiveDate {
    let days = (seconds / DAY).floor();
    let clamped = days.clamp(-3_000_000.0, 3_000_000.0) as i64;
    NaiveDate::default()
        .checked_add_signed(chrono::TimeDelta::days(clamped))
        .unwrap_or_default()
}

/// Seconds since midnight of a time of day.
pub fn seconds_from_time(time: NaiveTime) -> Seconds {
    use chrono::Timelike as _;
    f64::from(time.num_seconds_from_midnight())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_days_and_months() {
        let day = FuzzyDate::parse("2020-08-09").unwrap();
        assert_eq!(day.precision, Precision::Day);
        assert_eq!(day.weekday(), Some(Weekday::Sun));
        assert_eq!(day.end_seconds() - day.start_seconds(), DAY);
        let month = FuzzyDate::parse("2020-09").unwrap();
        assert_eq!(month.precision, Precision::Month);
        assert_eq!((month.end_seconds() - month.start_seconds()) / DAY, 30.0);
        assert_eq!(month.to_string(), "2020-09");
    }

    #[test]
    fn parses_years_down_to_the_first() {
        let year = FuzzyDate::parse("0650").unwrap();
        assert_eq!(year.precision, Precision::Year);
        assert_eq!(year.date, NaiveDate::from_ymd_opt(650, 1, 1).unwrap());
        assert_eq!(year.weekday(), None);
        assert_eq!((year.end_seconds() - year.start_seconds()) / DAY, 365.0);
        assert_eq!(year.to_string(), "0650");
        assert_eq!(FuzzyDate::parse("2020").unwrap().to_string(), "2020");
        assert_eq!(FuzzyDate::parse("0001").unwrap().date.year(), 1);
        assert!(FuzzyDate::parse("0000").is_err());
        assert!(FuzzyDate::parse("650").is_err());
        assert_eq!(FuzzyDate::year(10_000), None);
        assert_eq!(
            after(FuzzyDate::parse("0999").unwrap()),
            NaiveDate::from_ymd_opt(1000, 1, 1).unwrap()
        );
    }

    #[test]
    fn rejects_impossible_dates_with_a_reason() {
        let err = FuzzyDate::parse("2020-02-30").unwrap_err().to_string();
        assert!(err.contains("February 2020 has no day 30"), "{err}");
        assert!(
            FuzzyDate::parse("2020-13-01")
                .unwrap_err()
                .to_string()
                .contains("no month 13")
        );
        assert!(
            FuzzyDate::parse("9 Aug 2020")
                .unwrap_err()
                .to_string()
                .contains("YYYY-MM-DD")
        );
        assert!(FuzzyDate::parse("2020-8-9").is_err());
    }

    #[test]
    fn times() {
        assert!(parse_time("21:30").is_ok());
        assert!(parse_time("24:00").is_err());
        assert!(parse_time("9:30").is_err());
    }

    #[test]
    fn seconds_round_trip() {
        let date = NaiveDate::from_ymd_opt(2020, 8, 9).unwrap();
        assert_eq!(date_from_seconds(seconds_from_date(date) + 3600.0), date);
        assert_eq!(
            date_from_seconds(seconds_from_date(date) - 1.0),
            date.pred_opt().unwrap()
        );
    }
}
