//! The overview's month-weighted scale: where each day is drawn.

use crate::data::Timeline;
use crate::dates::{PartialDate, from_days_since_epoch, jan_first, month_days};

use super::{FULL, Period, Span};

/// The overview's horizontal scale. Time is not drawn evenly: each month
/// gets a base width plus a share for each of its events, so that busy
/// months are wide enough to read and to click, while quiet years still
/// show. The weights come from all events, not the filtered ones, so the
/// axis holds still while filtering.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scale {
    first_year: i32,
    /// Where each month starts, in weight units, and the total at the end.
    starts: Vec<u32>,
}

/// Every month's share of the axis, and each event's, in weight units.
const MONTH_WEIGHT: u32 = 1;
const EVENT_WEIGHT: u32 = 3;

impl Scale {
    /// The scale from the first event's year to the last event's.
    pub fn of(timeline: &Timeline) -> Option<Self> {
        let first_year = timeline.events.first()?.date.year;
        let last_year = timeline.events.iter().map(|e| e.last_day().year).max()?;
        Self::weighted(first_year..=last_year, timeline.events.iter().map(|e| e.date))
    }

    /// The scale of `years`, each month weighted by the events that start
    /// in it (`dates`); `None` for no years.
    pub(super) fn weighted(
        years: std::ops::RangeInclusive<i32>,
        dates: impl Iterator<Item = PartialDate>,
    ) -> Option<Self> {
        let first_year = *years.start();
        let months = usize::try_from(i64::from(*years.end()) - i64::from(first_year) + 1)
            .ok()
            .filter(|&n| n > 0)?
            * 12;
        let mut weights = vec![MONTH_WEIGHT; months];
        for date in dates {
            if let Some(w) =
                month_index(first_year, date.first_day()).and_then(|m| weights.get_mut(m))
            {
                *w += EVENT_WEIGHT;
            }
        }
        let mut starts = Vec::with_capacity(months + 1);
        let mut total = 0;
        starts.push(0);
        for w in weights {
            total += w;
            starts.push(total);
        }
        Some(Self { first_year, starts })
    }

    pub fn years(&self) -> std::ops::RangeInclusive<i32> {
        let count = i32::try_from((self.starts.len() - 1) / 12).unwrap_or(0);
        self.first_year..=self.first_year + count - 1
    }

    /// The first day drawn and the last one, as days since 1970.
    pub fn first_day(&self) -> i64 {
        jan_first(self.first_year)
    }

    pub fn last_day(&self) -> i64 {
        jan_first(*self.years().end() + 1) - 1
    }

    /// Every day drawn.
    pub fn period(&self) -> Period {
        Period::between(self.first_day(), self.last_day())
    }

    /// Where `period` is drawn: from its first day to its last.
    pub fn span(&self, period: Period) -> Span {
        Span::between(self.position(period.first()), self.position(period.last()))
    }

    /// Where `year` is drawn: from its first day to the next year's.
    pub fn year_span(&self, year: i32) -> Span {
        Span::between(self.position(jan_first(year)), self.position(jan_first(year + 1)))
    }

    fn total(&self) -> i64 {
        i64::from(*self.starts.last().unwrap_or(&1)).max(1)
    }

    /// Where day `day` (since 1970) falls, in [`FULL`]ths of the width.
    pub fn position(&self, day: i64) -> u32 {
        if day > self.last_day() {
            return FULL;
        }
        let date = from_days_since_epoch(day.max(self.first_day()));
        let Some(i) = month_index(self.first_year, date) else { return 0 };
        let (from, to) = month_days(date.year, date.month);
        let (a, b) = (i64::from(self.starts[i]), i64::from(self.starts[i + 1]));
        let units = a * (to - from) + (b - a) * (day.max(from) - from);
        u32::try_from(units * i64::from(FULL) / (self.total() * (to - from))).unwrap_or(FULL)
    }

    /// The day at `position` (in [`FULL`]ths of the width): the inverse of
    /// [`Scale::position`], for dragging.
    pub fn day_at(&self, position: u32) -> i64 {
        // In units times FULL, to stay exact.
        let at = i64::from(position.min(FULL)) * self.total();
        let scaled = |i: usize| i64::from(self.starts[i]) * i64::from(FULL);
        let Some(i) = (0..self.starts.len() - 1).find(|&i| at < scaled(i + 1)) else {
            return self.last_day();
        };
        let year = self.first_year + i32::try_from(i / 12).unwrap_or(0);
        let month = u8::try_from(i % 12 + 1).unwrap_or(1);
        let (from, to) = month_days(year, month);
        from + (at - scaled(i)) * (to - from) / (scaled(i + 1) - scaled(i)).max(1)
    }

    /// The period a drag from `a` to `b` (in [`FULL`]ths, either order)
    /// chooses; `None` for a click or a tiny drag, which choose nothing.
    pub fn dragged(&self, a: u32, b: u32) -> Option<Period> {
        let span = Span::between(a, b);
        (span.width() > FULL / 100)
            .then(|| Period::between(self.day_at(span.start()), self.day_at(span.end())))
    }

    /// The chosen period, from a filter's dates; `None` for all. An end
    /// left open is the scale's, or the other date's own when that lies
    /// beyond the scale (`?from=2030` is the year 2030); dates given in
    /// the wrong order are taken in the right one.
    pub fn range(&self, from: Option<PartialDate>, to: Option<PartialDate>) -> Option<Period> {
        let first = |d: PartialDate| d.days_since_epoch();
        let last = |d: PartialDate| d.last_day().days_since_epoch();
        match (from, to) {
            (None, None) => None,
            (Some(from), Some(to)) => Some(Period::between(first(from), last(to))),
            (Some(from), None) => {
                Some(Period::between(first(from), self.last_day().max(last(from))))
            }
            (None, Some(to)) => Some(Period::between(self.first_day().min(first(to)), last(to))),
        }
    }
}

/// The position of `date`'s month among the months from `first_year`.
fn month_index(first_year: i32, date: PartialDate) -> Option<usize> {
    let months = (date.year - first_year) * 12 + i32::from(date.month.max(1)) - 1;
    usize::try_from(months).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::fixture::{d, sample};
    use crate::timeline::zoom;

    #[test]
    fn the_scale_gives_busy_years_more_room_and_round_trips() {
        let t = sample();
        let scale = Scale::of(&t).unwrap();
        assert_eq!(scale.years(), 2007..=2026);
        assert_eq!(scale.position(scale.first_day()), 0);
        assert_eq!(scale.position(scale.last_day() + 1), FULL);
        assert_eq!(scale.position(scale.first_day() - 100), 0);
        // 2026 has two events, 2015 none: 2026 is wider; so is January 2026
        // (one event) than December 2025 (none).
        let width = |y: i32| scale.year_span(y).width();
        assert!(width(2026) > width(2015), "{} vs {}", width(2026), width(2015));
        assert!(width(2015).abs_diff(width(2016)) <= 1);
        let month = |y, m| {
            let (a, b) = month_days(y, m);
            scale.position(b) - scale.position(a)
        };
        assert!(month(2026, 1) > month(2025, 12), "{} vs {}", month(2026, 1), month(2025, 12));
        // Positions grow with the day, and dragging finds the day again.
        let days: Vec<i64> = (scale.first_day()..scale.last_day()).step_by(97).collect();
        assert!(days.windows(2).all(|w| scale.position(w[0]) <= scale.position(w[1])));
        for &day in &days {
            let back = scale.day_at(scale.position(day));
            assert!((back - day).abs() <= 2, "{day} came back as {back}");
        }
        assert_eq!(scale.day_at(FULL), scale.last_day());
    }

    #[test]
    fn a_drag_chooses_a_period_and_a_click_does_not() {
        let scale = Scale::of(&sample()).unwrap();
        assert_eq!(scale.dragged(5000, 5050), None);
        let period = scale.dragged(9000, 0).unwrap();
        assert_eq!(period.first(), d("2007-01-01").days_since_epoch());
        assert!(from_days_since_epoch(period.last()).year >= 2020, "{period:?}");
        assert_eq!(scale.range(None, None), None);
        assert_eq!(
            scale.range(Some(d("2010")), None),
            Period::new(d("2010").days_since_epoch(), scale.last_day())
        );
    }

    /// A period from an address may lie beyond the scale or come reversed:
    /// it is still a period, and drawn inside the axis (issue 24, 2).
    #[test]
    fn a_period_beyond_the_scale_or_reversed_is_still_ordered() {
        let scale = Scale::of(&sample()).unwrap();
        let days = |s: &str| d(s).days_since_epoch();
        let after = scale.range(Some(d("2027")), None).unwrap();
        assert_eq!(after, Period::new(days("2027-01-01"), days("2027-12-31")).unwrap());
        assert_eq!(scale.span(after), Span::between(FULL, FULL));
        let before = scale.range(None, Some(d("2000-05"))).unwrap();
        assert_eq!(before, Period::new(days("2000-05-01"), days("2000-05-31")).unwrap());
        assert_eq!(scale.span(before).width(), 0);
        let reversed = scale.range(Some(d("2020")), Some(d("2010"))).unwrap();
        assert_eq!(reversed, Period::new(days("2010-12-31"), days("2020-01-01")).unwrap());
        let span = scale.span(reversed);
        assert!(0 < span.start() && span.start() < span.end() && span.end() < FULL, "{span:?}");
        // Zooming from beyond the scale comes back inside it.
        let zoomed = zoom(&scale, Some(after), true).unwrap();
        assert_eq!(zoomed.within(scale.period()), Some(zoomed));
        assert_eq!(zoomed.last(), scale.last_day());
    }
}
