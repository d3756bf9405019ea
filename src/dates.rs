//! Partial calendar dates: "2026", "2026-02" or "2026-01-15".
//!
//! Historical events are known to different precisions, and the timeline
//! must never pretend to know a day it does not. The precision is the form
//! of the string, so an editor cannot write a day and claim a month.

use std::fmt;

/// How much of a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A date known to a year, a month or a day.
///
/// Orders by its first possible day, so "2026-01" sorts with the 1st of
/// January and before "2026-01-15".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: i32,
    /// 1 to 12; 0 when only the year is known.
    pub month: u8,
    /// 1 to 31; 0 when the day is not known.
    pub day: u8,
}

/// Why a date string was refused, in words an editor understands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    Form,
    Month(u8),
    Day { day: u8, month: u8, year: i32 },
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Form => {
                f.write_str("write dates as YYYY, YYYY-MM or YYYY-MM-DD (for example 2026-01-15)")
            }
            Self::Month(m) => write!(f, "there is no month {m}"),
            Self::Day { day, month, year } => write!(
                f,
                "{year}-{month:02} has {} days, so day {day} does not exist",
                days_in_month(*year, *month)
            ),
        }
    }
}

impl PartialDate {
    /// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" and checks that the date
    /// exists in the calendar.
    pub fn parse(s: &str) -> Result<Self, DateError> {
        let parts: Vec<&str> = s.split('-').collect();
        let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
        let ok_form = match parts.as_slice() {
            [y] => digits(y, 4),
            [y, m] => digits(y, 4) && digits(m, 2),
            [y, m, d] => digits(y, 4) && digits(m, 2) && digits(d, 2),
            _ => false,
        };
        if !ok_form {
            return Err(DateError::Form);
        }
        let num = |i: usize| parts.get(i).map_or(0, |p| p.parse::<u16>().unwrap_or(0));
        let year = i32::from(num(0));
        let month = u8::try_from(num(1)).unwrap_or(0);
        let day = u8::try_from(num(2)).unwrap_or(0);
        if parts.len() >= 2 && !(1..=12).contains(&month) {
            return Err(DateError::Month(month));
        }
        if parts.len() == 3 && (day == 0 || day > days_in_month(year, month)) {
            return Err(DateError::Day { day, month, year });
        }
        Ok(Self { year, month, day })
    }

    pub fn precision(self) -> Precision {
        match (self.month, self.day) {
            (0, _) => Precision::Year,
            (_, 0) => Precision::Month,
            _ => Precision::Day,
        }
    }

    /// The last day this date may stand for: the 31st of December for a
    /// year, the month's last day for a month.
    #[must_use]
    pub fn last_day(self) -> Self {
        match self.precision() {
            Precision::Year => Self { year: self.year, month: 12, day: 31 },
            Precision::Month => Self { day: days_in_month(self.year, self.month), ..self },
            Precision::Day => self,
        }
    }

    /// The first day this date may stand for.
    #[must_use]
    pub fn first_day(self) -> Self {
        Self { year: self.year, month: self.month.max(1), day: self.day.max(1) }
    }

    /// Days since 1970-01-01 of the first day, for placing dates on an axis.
    pub fn days_since_epoch(self) -> i64 {
        let d = self.first_day();
        days_from_civil(d.year, d.month, d.day)
    }
}

/// The ISO form, as used by `<time datetime>`: "2026", "2026-02", "2026-01-15".
impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision() {
            Precision::Year => write!(f, "{:04}", self.year),
            Precision::Month => write!(f, "{:04}-{:02}", self.year, self.month),
            Precision::Day => {
                write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
            }
        }
    }
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The day `days` after 1970-01-01 (the inverse of
/// [`PartialDate::days_since_epoch`]), with day precision.
pub fn from_days_since_epoch(days: i64) -> PartialDate {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    PartialDate {
        year: i32::try_from(year).unwrap_or(i32::MAX),
        month: u8::try_from(month).unwrap_or(1),
        day: u8::try_from(day).unwrap_or(1),
    }
}

/// Howard Hinnant's `days_from_civil`: exact for the proleptic Gregorian
/// calendar, with no date library to ship to phones.
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    #[test]
    fn parses_each_precision() {
        assert_eq!(d("2026").precision(), Precision::Year);
        assert_eq!(d("2026-02").precision(), Precision::Month);
        assert_eq!(d("2026-01-15").precision(), Precision::Day);
        assert_eq!(d("2026-01-15").to_string(), "2026-01-15");
        assert_eq!(d("2026-02").to_string(), "2026-02");
    }

    #[test]
    fn refuses_dates_that_do_not_exist() {
        assert_eq!(
            PartialDate::parse("2026-02-30"),
            Err(DateError::Day { day: 30, month: 2, year: 2026 })
        );
        assert!(PartialDate::parse("2024-02-29").is_ok());
        assert!(PartialDate::parse("2025-02-29").is_err());
        assert!(PartialDate::parse("1900-02-29").is_err());
        assert!(PartialDate::parse("2000-02-29").is_ok());
        assert_eq!(PartialDate::parse("2026-13"), Err(DateError::Month(13)));
        assert_eq!(PartialDate::parse("2026-00-10"), Err(DateError::Month(0)));
        assert!(PartialDate::parse("2026-04-31").is_err());
    }

    #[test]
    fn refuses_other_forms() {
        for bad in [
            "",
            "26",
            "2026-1-5",
            "2026/01/05",
            "2026-01-05T00:00",
            "15-01-2026",
            "２０２６",
            "2026-01-1a",
        ] {
            assert_eq!(PartialDate::parse(bad), Err(DateError::Form), "{bad}");
        }
    }

    #[test]
    fn orders_by_first_possible_day() {
        assert!(d("2026-01") < d("2026-01-15"));
        // A year sorts before its own first day, and stands for it.
        assert!(d("2025") < d("2025-01-01"));
        assert_eq!(d("2025").first_day(), d("2025-01-01"));
        assert!(d("2025-12-31") < d("2026"));
        assert_eq!(d("2026-02").last_day(), d("2026-02-28"));
        assert_eq!(d("2024").last_day(), d("2024-12-31"));
    }

    #[test]
    fn counts_days_since_epoch() {
        assert_eq!(d("1970-01-01").days_since_epoch(), 0);
        assert_eq!(d("2000-03-01").days_since_epoch(), 11_017);
        assert_eq!(d("2026-01-15").days_since_epoch() - d("2026-01-11").days_since_epoch(), 4);
    }

    #[test]
    fn converts_day_counts_back_to_dates() {
        for s in ["1970-01-01", "2000-02-29", "2007-10-22", "2026-12-31", "1969-12-31"] {
            assert_eq!(from_days_since_epoch(d(s).days_since_epoch()), d(s));
        }
    }

    #[test]
    fn explains_errors_plainly() {
        let e = PartialDate::parse("2026-02-30").unwrap_err().to_string();
        assert_eq!(e, "2026-02 has 28 days, so day 30 does not exist");
    }
}
