//! TimelineJS dates (`{"year": "1815", "month": "12", "day": "10", "hour": "9", …}`, or the
//! Year, Month, Day and Time columns of the sheet) as the model's dates.
//!
//! Any part may be empty. A date with only a year is known to the year, one with a year and a
//! month to the month; hours and minutes are kept as the time of day of a date known to the
//! day (seconds are read and checked, and dropped: the model keeps minutes).

use chrono::{NaiveDate, NaiveTime};

use crate::model::date::{FuzzyDate, Precision};

/// The parts of a date as the file gives them, each possibly empty.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DateParts {
    /// The year.
    pub year: Option<String>,
    /// The month, 1 to 12.
    pub month: Option<String>,
    /// The day of the month.
    pub day: Option<String>,
    /// The hour, 0 to 23.
    pub hour: Option<String>,
    /// The minute.
    pub minute: Option<String>,
    /// The second.
    pub second: Option<String>,
}

/// A date of the model, with its time of day when the file gives one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MappedDate {
    /// The date and how precisely it is known.
    pub date: FuzzyDate,
    /// The time of day, only for a date known to the day.
    pub time: Option<NaiveTime>,
}

/// Why the parts of a date do not make a date that can be shown.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateMapError {
    /// No year.
    #[error("the date has no year")]
    NoYear,
    /// A year before 1 or after 9999.
    #[error("year {0} is outside 1 to 9999: only years of the common era up to 9999 can be shown")]
    YearOutOfRange(i64),
    /// A part that is not a whole number.
    #[error("`{text}` is not a {part}: expected a whole number")]
    NotANumber {
        /// Which part ("month").
        part: &'static str,
        /// What it says.
        text: String,
    },
    /// A month outside 1 to 12.
    #[error("there is no month {0}: expected 1 to 12")]
    NoMonth(i64),
    /// A day the month does not have.
    #[error("month {month} of year {year} has no day {day}")]
    NoDay {
        /// The year.
        year: i64,
        /// The month.
        month: i64,
        /// The day.
        day: i64,
    },
    /// A day without a month.
    #[error("the date has a day but no month: give the month, or leave the day empty")]
    DayWithoutMonth,
    /// A time of day that does not exist.
    #[error("`{0}` is not a time of day: expected hours 0 to 23 and minutes and seconds 0 to 59")]
    BadTime(String),
}

/// A part of a date as a number: `None` when empty. Numbers may be written `"06"`, `6` or `6.0`.
fn number(part: &'static str, text: Option<&str>) -> Result<Option<i64>, DateMapError> {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    let digits = text.strip_suffix(".0").unwrap_or(text);
    digits
        .parse::<i64>()
        .map(Some)
        .map_err(|_| DateMapError::NotANumber {
            part,
            text: text.to_owned(),
        })
}

impl DateParts {
    /// The model's date for these parts.
    pub fn map(&self) -> Result<MappedDate, DateMapError> {
        let year = number("year", self.year.as_deref())?.ok_or(DateMapError::NoYear)?;
        let month = number("month", self.month.as_deref())?;
        let day = number("day", self.day.as_deref())?;
        if !(1..=9999).contains(&year) {
            return Err(DateMapError::YearOutOfRange(year));
        }
        let Some(month) = month else {
            if day.is_some() {
                return Err(DateMapError::DayWithoutMonth);
            }
            let date = FuzzyDate::year(year as i32).ok_or(DateMapError::YearOutOfRange(year))?;
            return Ok(MappedDate { date, time: None });
        };
        if !(1..=12).contains(&month) {
            return Err(DateMapError::NoMonth(month));
        }
        let Some(day) = day else {
            let date = NaiveDate::from_ymd_opt(year as i32, month as u32, 1)
                .ok_or(DateMapError::NoMonth(month))?;
            let date = FuzzyDate {
                date,
                precision: Precision::Month,
            };
            return Ok(MappedDate { date, time: None });
        };
        let date = u32::try_from(day)
            .ok()
            .and_then(|d| NaiveDate::from_ymd_opt(year as i32, month as u32, d))
            .ok_or(DateMapError::NoDay { year, month, day })?;
        Ok(MappedDate {
            date: FuzzyDate::day(date),
            time: self.time()?,
        })
    }

    /// The time of day, if an hour is given.
    fn time(&self) -> Result<Option<NaiveTime>, DateMapError> {
        let bad = || {
            let parts = [&self.hour, &self.minute, &self.second];
            let shown: Vec<&str> = parts
                .iter()
                .map(|p| p.as_deref().unwrap_or("0").trim())
                .collect();
            DateMapError::BadTime(shown.join(":"))
        };
        let Some(hour) = number("hour", self.hour.as_deref())? else {
            return Ok(None);
        };
        let minute = number("minute", self.minute.as_deref())?.unwrap_or(0);
        let second = number("second", self.second.as_deref())?.unwrap_or(0);
        if !(0..=59).contains(&second) {
            return Err(bad());
        }
        let (Ok(hour), Ok(minute)) = (u32::try_from(hour), u32::try_from(minute)) else {
            return Err(bad());
        };
        NaiveTime::from_hms_opt(hour, minute, 0)
            .map(Some)
            .ok_or_else(bad)
    }

    /// Sets the hour, minute and second from a clock time as the sheet's Time column writes
    /// it: `9:30`, `09:30:15`, `9:30 PM`, `9 am`. Empty leaves them empty.
    pub fn set_clock(&mut self, text: &str) -> Result<(), DateMapError> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(());
        }
        let lower = text.to_ascii_lowercase();
        let (clock, offset) = if let Some(clock) = lower.strip_suffix("pm") {
            (clock.trim(), 12)
        } else if let Some(clock) = lower.strip_suffix("am") {
            (clock.trim(), 0)
        } else {
            (lower.as_str(), -1)
        };
        let bad = || DateMapError::BadTime(text.to_owned());
        let mut parts = clock.split(':');
        let mut next = || -> Result<Option<i64>, DateMapError> {
            match parts.next() {
                None => Ok(None),
                Some(p)
                    if p.len() <= 2 && !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) =>
                {
                    p.parse().map(Some).map_err(|_| bad())
                }
                Some(_) => Err(bad()),
            }
        };
        let mut hour = next()?.ok_or_else(bad)?;
        let minute = next()?;
        let second = next()?;
        if next()?.is_some() {
            return Err(bad());
        }
        if offset >= 0 {
            if !(1..=12).contains(&hour) {
                return Err(bad());
            }
            hour = hour % 12 + offset;
        }
        self.hour = Some(hour.to_string());
        self.minute = minute.map(|m| m.to_string());
        self.second = second.map(|s| s.to_string());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(year: &str, month: &str, day: &str) -> DateParts {
        let part = |s: &str| Some(s.to_owned());
        DateParts {
            year: part(year),
            month: part(month),
            day: part(day),
            ..DateParts::default()
        }
    }

    #[test]
    fn empty_parts_set_the_precision() {
        let year = parts("1951", "", "").map().unwrap();
        assert_eq!(year.date.to_string(), "1951");
        assert_eq!(year.date.precision, Precision::Year);
        let month = parts("1943", "7", " ").map().unwrap();
        assert_eq!(month.date.to_string(), "1943-07");
        assert_eq!(month.date.precision, Precision::Month);
        let day = parts("1815", "12", "10").map().unwrap();
        assert_eq!(day.date.to_string(), "1815-12-10");
        assert_eq!(day.time, None);
        let missing = DateParts {
            year: Some("2016".into()),
            ..DateParts::default()
        };
        assert_eq!(missing.map().unwrap().date.precision, Precision::Year);
    }

    #[test]
    fn years_below_a_thousand_and_the_range() {
        let early = parts("602", "", "").map().unwrap();
        assert_eq!(early.date.to_string(), "0602");
        assert_eq!(
            parts("1", "1", "1").map().unwrap().date.to_string(),
            "0001-01-01"
        );
        assert_eq!(
            parts("9999", "", "").map().unwrap().date.to_string(),
            "9999"
        );
        assert_eq!(
            parts("0", "", "").map(),
            Err(DateMapError::YearOutOfRange(0))
        );
        assert_eq!(
            parts("-500", "", "").map(),
            Err(DateMapError::YearOutOfRange(-500))
        );
        assert_eq!(
            parts("10000", "", "").map(),
            Err(DateMapError::YearOutOfRange(10_000))
        );
        assert!(
            DateMapError::YearOutOfRange(-500)
                .to_string()
                .contains("outside 1 to 9999")
        );
    }

    #[test]
    fn hours_and_minutes_are_the_time_of_day() {
        let mut date = parts("2016", "11", "13");
        date.hour = Some("9".into());
        date.minute = Some("30".into());
        date.second = Some("".into());
        let mapped = date.map().unwrap();
        assert_eq!(mapped.time, NaiveTime::from_hms_opt(9, 30, 0));
        date.minute = None;
        assert_eq!(date.map().unwrap().time, NaiveTime::from_hms_opt(9, 0, 0));
        date.hour = Some("24".into());
        assert!(matches!(date.map(), Err(DateMapError::BadTime(_))));
        // A time without a day has nothing to belong to.
        let mut month = parts("2016", "11", "");
        month.hour = Some("9".into());
        assert_eq!(month.map().unwrap().time, None);
    }

    #[test]
    fn impossible_dates_say_why() {
        assert_eq!(
            parts("2020", "13", "1").map(),
            Err(DateMapError::NoMonth(13))
        );
        assert_eq!(
            parts("2021", "2", "29").map(),
            Err(DateMapError::NoDay {
                year: 2021,
                month: 2,
                day: 29
            })
        );
        assert_eq!(
            parts("2021", "", "5").map(),
            Err(DateMapError::DayWithoutMonth)
        );
        assert_eq!(parts("", "", "").map(), Err(DateMapError::NoYear));
        assert!(matches!(
            parts("20x1", "", "").map(),
            Err(DateMapError::NotANumber { part: "year", .. })
        ));
        assert_eq!(
            parts("2020.0", "6.0", "").map().unwrap().date.to_string(),
            "2020-06"
        );
    }

    #[test]
    fn clock_times_of_the_sheet() {
        let time = |text: &str| {
            let mut date = parts("2020", "8", "9");
            date.set_clock(text)
                .and_then(|()| date.map())
                .map(|d| d.time)
        };
        assert_eq!(time("9:30"), Ok(NaiveTime::from_hms_opt(9, 30, 0)));
        assert_eq!(time("21:05:59"), Ok(NaiveTime::from_hms_opt(21, 5, 0)));
        assert_eq!(time("9:30 PM"), Ok(NaiveTime::from_hms_opt(21, 30, 0)));
        assert_eq!(time("12 am"), Ok(NaiveTime::from_hms_opt(0, 0, 0)));
        assert_eq!(time(""), Ok(None));
        assert!(time("noon").is_err());
        assert!(time("13 pm").is_err());
        assert!(time("25:00").is_err());
    }
}
