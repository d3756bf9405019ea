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

    /// This date known only to `precision` (or to its own, when coarser).
    #[must_use]
    pub fn to_precision(self, precision: Precision) -> Self {
        match precision {
            Precision::Year => Self { month: 0, day: 0, ..self },
            Precision::Month => Self { day: 0, ..self },
            Precision::Day => self,
        }
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

/// The first day of `year`, as days since 1970.
pub fn jan_first(year: i32) -> i64 {
    days_from_civil(year, 1, 1)
}

/// The first day of a month and the first of the next, as days since 1970.
pub fn month_days(year: i32, month: u8) -> (i64, i64) {
    let next = if month >= 12 { jan_first(year + 1) } else { days_from_civil(year, month + 1, 1) };
    (days_from_civil(year, month.clamp(1, 12), 1), next)
}

/// The UTC day of a clock reading in milliseconds since 1970, as the
/// browser's `Date.now()` gives it. Readings beyond what a JavaScript date
/// can hold are taken at its limits, so no reading can overflow.
pub fn day_of_unix_millis(millis: f64) -> PartialDate {
    // JavaScript dates reach 100,000,000 days either side of 1970.
    const LIMIT: f64 = 8.64e15;
    let days = (millis.clamp(-LIMIT, LIMIT) / 86_400_000.0).floor();
    #[allow(clippy::cast_possible_truncation)] // within ±100,000,000; NaN becomes 0
    from_days_since_epoch(days as i64)
}

/// The UTC day of a clock reading in seconds since 1970, as the system
/// clock gives it.
pub fn day_of_unix_seconds(seconds: u64) -> PartialDate {
    from_days_since_epoch(i64::try_from(seconds / 86_400).unwrap_or(0))
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
    fn months_and_years_start_where_the_calendar_says() {
        assert_eq!(jan_first(2026), d("2026-01-01").days_since_epoch());
        assert_eq!(jan_first(1970), 0);
        let feb = (d("2024-02-01").days_since_epoch(), d("2024-03-01").days_since_epoch());
        assert_eq!(month_days(2024, 2), feb);
        assert_eq!(month_days(2025, 12), (d("2025-12-01").days_since_epoch(), jan_first(2026)));
    }

    #[test]
    fn a_clock_reading_is_its_utc_day() {
        assert_eq!(day_of_unix_millis(0.0), d("1970-01-01"));
        assert_eq!(day_of_unix_millis(86_399_999.0), d("1970-01-01"));
        assert_eq!(day_of_unix_millis(-1.0), d("1969-12-31"));
        // 2026-01-20T23:59:59Z and a second later.
        assert_eq!(day_of_unix_millis(1_768_953_599_000.0), d("2026-01-20"));
        assert_eq!(day_of_unix_seconds(1_768_953_600), d("2026-01-21"));
        assert_eq!(day_of_unix_seconds(1_768_953_599), d("2026-01-20"));
        // A broken clock gives a day, not a panic: JavaScript's last or first.
        let last = PartialDate { year: 275_760, month: 9, day: 13 };
        assert_eq!(day_of_unix_millis(f64::INFINITY), last);
        assert_eq!(day_of_unix_millis(f64::MAX), last);
        assert_eq!(day_of_unix_millis(f64::NEG_INFINITY), day_of_unix_millis(-8.64e15));
        assert_eq!(day_of_unix_millis(f64::NAN), d("1970-01-01"));
        assert_eq!(day_of_unix_seconds(u64::MAX), day_of_unix_seconds(u64::MAX - 1));
    }

    #[test]
    fn a_date_keeps_only_the_precision_asked() {
        assert_eq!(d("2026-02-28").to_precision(Precision::Month), d("2026-02"));
        assert_eq!(d("2026-02-28").to_precision(Precision::Year), d("2026"));
        assert_eq!(d("2026-02").to_precision(Precision::Day), d("2026-02"));
    }

    #[test]
    fn explains_errors_plainly() {
        let e = PartialDate::parse("2026-02-30").unwrap_err().to_string();
        assert_eq!(e, "2026-02 has 28 days, so day 30 does not exist");
    }
}
