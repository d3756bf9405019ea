//! Where the overview's marks, bars and year labels go. Across the axis in
//! [`FULL`]ths of its width; up it in CSS pixels, from the top.

use crate::data::Timeline;

use super::{MAX_MARKS, Scale, Span, lanes};

/// The axis's height in CSS pixels, down to its baseline.
pub const HEIGHT: u32 = 144;
/// Where the year labels sit, under the baseline.
pub const TICKS_Y: u32 = HEIGHT + 16;
/// Marks closer than this (in [`FULL`]ths) stack into lanes.
const MARK_GAP: u32 = 110;
const MAX_LANES: usize = 6;
/// The height of a lane of marks, and the space under the lowest.
const LANE: u32 = 15;
const LANE_BASE: u32 = 44;
/// The tallest density bar: short under the marks, taller when the bars
/// replace them.
const BARS: u32 = 32;
const BARS_DENSE: u32 = 96;

/// Where an event's mark is drawn: `x` across, `y` down.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MarkPlace {
    pub x: u32,
    pub y: u32,
}

/// Each event's mark, stacked into lanes where crowded; `None` when there
/// are too many events for a mark each (see [`MAX_MARKS`]), and the
/// overview draws only bars.
pub fn mark_places(timeline: &Timeline, scale: &Scale) -> Option<Vec<MarkPlace>> {
    if timeline.events.len() > MAX_MARKS {
        return None;
    }
    let xs: Vec<u32> =
        timeline.events.iter().map(|e| scale.position(e.date.days_since_epoch())).collect();
    let lane_of = lanes(&xs, MARK_GAP, MAX_LANES);
    let places = xs.iter().zip(lane_of).map(|(&x, lane)| MarkPlace { x, y: lane_y(lane) });
    Some(places.collect())
}

/// The height of lane `lane`'s marks; lanes past the last share it.
fn lane_y(lane: usize) -> u32 {
    let lane = u32::try_from(lane.min(MAX_LANES - 1)).unwrap_or(0);
    HEIGHT - LANE_BASE - lane * LANE
}

/// A year's density bar: drawn across `span`, `height` pixels tall, its top
/// at `y`, standing on the baseline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bar {
    pub span: Span,
    pub height: u32,
    pub y: u32,
}

/// A bar per year of the scale, as tall as its share of the shown events
/// (the busiest year's the tallest); `dense` when no marks are drawn.
pub fn bars(timeline: &Timeline, shown: &[usize], scale: &Scale, dense: bool) -> Vec<Bar> {
    let tallest = if dense { BARS_DENSE } else { BARS };
    let counts = per_year(timeline, shown, scale);
    let max = counts.iter().map(|(_, c)| *c).max().unwrap_or(1).max(1);
    counts
        .into_iter()
        .map(|(year, count)| {
            let height = u32::try_from(count * tallest as usize / max).unwrap_or(tallest);
            Bar { span: scale.year_span(year), height, y: HEIGHT - height }
        })
        .collect()
}

/// How many events fall in each year of the scale.
fn per_year(timeline: &Timeline, shown: &[usize], scale: &Scale) -> Vec<(i32, usize)> {
    let mut counts: Vec<(i32, usize)> = scale.years().map(|y| (y, 0)).collect();
    for &i in shown {
        let year = timeline.events[i].date.year;
        if let Some(slot) = counts.iter_mut().find(|(y, _)| *y == year) {
            slot.1 += 1;
        }
    }
    counts
}

/// A year's label: where it starts, and whether phones hide it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tick {
    pub year: i32,
    pub x: u32,
    pub minor: bool,
}

/// Year labels every other year; on phones every fourth (the `minor` ones
/// are hidden there), so that they never overlap.
pub fn ticks(scale: &Scale) -> Vec<Tick> {
    let first = *scale.years().start();
    scale
        .years()
        .filter(|y| (y - first) % 2 == 0)
        .map(|year| Tick { year, x: scale.year_span(year).start(), minor: (year - first) % 4 != 0 })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::FULL;
    use crate::timeline::fixture::sample;

    /// One mark per event up to the limit, and none past it, where the
    /// overview draws only bars, taller.
    #[test]
    fn marks_while_they_can_be_told_apart_and_bars_after() {
        let mut t = sample();
        let scale = Scale::of(&t).unwrap();
        let places = mark_places(&t, &scale).unwrap();
        assert_eq!(places.len(), t.events.len());
        let template = t.events[0].clone();
        while t.events.len() < MAX_MARKS {
            let mut e = template.clone();
            e.id = crate::data::Id::new(&format!("copy-{}", t.events.len())).unwrap();
            t.events.insert(0, e);
        }
        let places = mark_places(&t, &scale).unwrap();
        // Crowded marks stack up to the top lane, and stay under the axis's top.
        let top = lane_y(MAX_LANES - 1);
        assert!(places.iter().all(|p| p.x <= FULL && p.y >= top && p.y < HEIGHT));
        assert_eq!(places.iter().map(|p| p.y).min(), Some(top));
        t.events.push(template);
        assert_eq!(mark_places(&t, &scale), None);
        let all: Vec<usize> = (0..t.events.len()).collect();
        let tallest = |dense| bars(&t, &all, &scale, dense).iter().map(|b| b.height).max();
        assert!(tallest(true) > tallest(false));
    }

    #[test]
    fn bars_count_the_shown_events_of_each_year() {
        let t = sample();
        let scale = Scale::of(&t).unwrap();
        let all: Vec<usize> = (0..t.events.len()).collect();
        let drawn = bars(&t, &all, &scale, false);
        assert_eq!(drawn.len(), scale.years().count());
        // 2026 has two events, the busiest year: the tallest bar.
        let of = |bars: &[Bar], year: i32| bars[usize::try_from(year - 2007).unwrap()];
        assert_eq!(of(&drawn, 2026).height, BARS);
        assert_eq!(of(&drawn, 2007).height, BARS / 2);
        assert_eq!(of(&drawn, 2015).height, 0);
        assert!(drawn.iter().all(|b| b.y + b.height == HEIGHT));
        assert!(drawn.windows(2).all(|w| w[0].span.end() == w[1].span.start()));
        // Nothing shown: no bar, and no division by zero.
        assert!(bars(&t, &[], &scale, true).iter().all(|b| b.height == 0));
    }

    #[test]
    fn years_are_labelled_every_other_year_and_every_fourth_on_phones() {
        let scale = Scale::of(&sample()).unwrap();
        let ticks = ticks(&scale);
        let years: Vec<i32> = ticks.iter().map(|t| t.year).collect();
        assert_eq!(years, (2007..=2026).step_by(2).collect::<Vec<_>>());
        let shown_on_phones: Vec<i32> = ticks.iter().filter(|t| !t.minor).map(|t| t.year).collect();
        assert_eq!(shown_on_phones, [2007, 2011, 2015, 2019, 2023]);
        assert_eq!(ticks[0].x, 0);
        assert!(ticks.windows(2).all(|w| w[0].x < w[1].x));
    }
}
