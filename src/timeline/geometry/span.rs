//! Stretches of the axis and periods of days, neither of which can be
//! reversed or wrap.

use crate::dates::{PartialDate, from_days_since_epoch};

use super::FULL;

/// A stretch of the overview's axis, in [`FULL`]ths of its width: inside
/// the axis, and never reversed, so that its width cannot wrap (a band
/// drawn from a later position to an earlier one would).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    start: u32,
    end: u32,
}

impl Span {
    /// The stretch between two positions, in either order, cut to the axis.
    pub fn between(a: u32, b: u32) -> Self {
        let (a, b) = (a.min(FULL), b.min(FULL));
        Self { start: a.min(b), end: a.max(b) }
    }

    pub fn start(self) -> u32 {
        self.start
    }

    pub fn end(self) -> u32 {
        self.end
    }

    pub fn width(self) -> u32 {
        self.end - self.start
    }
}

/// A period in days since 1970, both ends included, its first day never
/// after its last: the overview's chosen period, an era's days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    first: i64,
    last: i64,
}

impl Period {
    /// The days from `first` to `last`; `None` when `last` comes first.
    pub fn new(first: i64, last: i64) -> Option<Self> {
        (first <= last).then_some(Self { first, last })
    }

    /// The days between two days, in either order.
    pub fn between(a: i64, b: i64) -> Self {
        Self { first: a.min(b), last: a.max(b) }
    }

    pub fn first(self) -> i64 {
        self.first
    }

    pub fn last(self) -> i64 {
        self.last
    }

    /// The first day, as a date.
    pub fn first_date(self) -> PartialDate {
        from_days_since_epoch(self.first)
    }

    /// The last day, as a date.
    pub fn last_date(self) -> PartialDate {
        from_days_since_epoch(self.last)
    }

    /// How many days after the first the last is.
    pub fn length(self) -> i64 {
        self.last.saturating_sub(self.first)
    }

    /// The part of this period inside `outer`; `None` when they do not meet.
    #[must_use]
    pub fn within(self, outer: Period) -> Option<Self> {
        Self::new(self.first.max(outer.first), self.last.min(outer.last))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_and_periods_are_never_reversed() {
        assert_eq!(Span::between(7000, 2000), Span::between(2000, 7000));
        assert_eq!(Span::between(2000, 7000).width(), 5000);
        assert_eq!(Span::between(FULL + 5, u32::MAX), Span::between(FULL, FULL));
        assert_eq!(Period::new(5, 3), None);
        assert_eq!(Period::between(5, 3), Period::new(3, 5).unwrap());
        assert_eq!(Period::between(i64::MIN, i64::MAX).length(), i64::MAX);
        let p = Period::new(10, 20).unwrap();
        assert_eq!(p.within(Period::new(15, 30).unwrap()), Period::new(15, 20));
        assert_eq!(p.within(Period::new(21, 30).unwrap()), None);
        let days = |s: &str| PartialDate::parse(s).unwrap().days_since_epoch();
        let p = Period::new(days("2010-02-01"), days("2012-11-30")).unwrap();
        assert_eq!(
            (p.first_date().to_string(), p.last_date().to_string()),
            ("2010-02-01".into(), "2012-11-30".into())
        );
    }
}
