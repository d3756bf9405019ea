//! The overview's geometry: where events, eras, years and the chosen
//! period are drawn, in whole [`FULL`]ths of the axis, through types that
//! cannot be reversed or wrap. The overview's components only draw what
//! these functions return, and do no arithmetic on positions of their own.

mod axis;
mod scale;
mod span;

pub use axis::{Bar, HEIGHT, MarkPlace, TICKS_Y, Tick, bars, mark_places, ticks};
pub use scale::Scale;
pub use span::{Period, Span};

use crate::data::Timeline;

/// Positions along the overview are in ten-thousandths of its width, whole
/// numbers, so that styles are written without float formatting.
pub const FULL: u32 = 10_000;

/// Topics are told apart by a colour and a shape; `public/style.css`
/// defines this many pairs (`[data-topic="0"]` and on), and further topics
/// reuse them in order.
pub const PALETTE: usize = 8;

/// The colour and shape of topic number `topic`.
pub fn palette(topic: usize) -> usize {
    topic % PALETTE
}

/// Eras alternate between the colours `public/style.css` defines for
/// `[data-era]`, so that neighbours always differ.
const ERA_COLOURS: usize = 4;

/// The colour of era number `era`.
pub fn era_colour(era: usize) -> usize {
    era % ERA_COLOURS
}

/// Above this many events the overview draws no mark per event, only the
/// bars of events per year: thousands of marks stacked in lanes cannot be
/// told apart or clicked, and each is a link that the browser has to build,
/// lay out and update on every filter change and language switch.
pub const MAX_MARKS: usize = 400;

/// Where a pointer at `client_x` falls on an axis whose box starts at
/// `left` and is `width` wide (all in CSS pixels): always on the axis,
/// whatever the browser reports.
pub fn pointer_position(client_x: f64, left: f64, width: f64) -> u32 {
    let share = ((client_x - left) / width.max(1.0)).clamp(0.0, 1.0);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // 0..=FULL; NaN is 0
    let position = (share * f64::from(FULL)) as u32;
    position.min(FULL)
}

/// The band of the chosen period: the stretch being dragged while the
/// reader drags (`drag`, where it started and where it is), else the
/// chosen `range`; `None` when neither.
pub fn brush(scale: &Scale, drag: Option<(u32, u32)>, range: Option<Period>) -> Option<Span> {
    match drag {
        Some((a, b)) => Some(Span::between(a, b)),
        None => Some(scale.span(range?)),
    }
}

/// Stacks marks that would overlap on the overview into lanes: each mark
/// (by position, in order) takes the lowest lane whose last mark is at
/// least `gap` before it, up to `max_lanes`; when every lane is crowded,
/// the one that has waited longest.
pub fn lanes(positions: &[u32], gap: u32, max_lanes: usize) -> Vec<usize> {
    let mut last_in_lane: Vec<Option<u32>> = Vec::new();
    positions
        .iter()
        .map(|&x| {
            let free = last_in_lane.iter().position(|last| last.is_none_or(|l| x >= l + gap));
            let lane = match free {
                Some(lane) => lane,
                None if last_in_lane.len() < max_lanes.max(1) => {
                    last_in_lane.push(None);
                    last_in_lane.len() - 1
                }
                None => last_in_lane
                    .iter()
                    .enumerate()
                    .min_by_key(|(_, last)| **last)
                    .map_or(0, |(i, _)| i),
            };
            last_in_lane[lane] = Some(x);
            lane
        })
        .collect()
}

/// Zooms a period around its middle: `narrower` halves it, otherwise it
/// doubles. The result lies inside the scale; `None` when it covers the
/// whole scale. Never narrower than a month.
pub fn zoom(scale: &Scale, range: Option<Period>, narrower: bool) -> Option<Period> {
    let (first, last) = (scale.first_day(), scale.last_day());
    let range = range.unwrap_or_else(|| scale.period());
    let half = if narrower { range.length() / 4 } else { range.length() };
    let half = half.max(15).min(last - first);
    // A period beyond the scale is zoomed from the scale's nearest end.
    let middle = (range.first() + range.length() / 2).clamp(first, last);
    let (mut from, mut to) = (middle - half, middle + half);
    if from < first {
        to += first - from;
        from = first;
    }
    if to > last {
        from -= to - last;
        to = last;
    }
    let zoomed = Period::between(from.max(first), to.min(last));
    (zoomed != scale.period()).then_some(zoomed)
}

/// Each era's days on the overview: its position in `timeline.eras`, and
/// the part of it the scale draws. An era the scale does not reach (one
/// prepared ahead for a period with no events yet) has none.
pub fn era_periods(timeline: &Timeline, scale: &Scale) -> Vec<(usize, Period)> {
    timeline
        .eras
        .iter()
        .enumerate()
        .filter_map(|(n, era)| {
            let last = era.end.map_or(i64::MAX, |end| end.last_day().days_since_epoch());
            let days = Period::new(era.start.days_since_epoch(), last)?;
            Some((n, days.within(scale.period())?))
        })
        .collect()
}

/// A share written as a CSS percentage, from [`FULL`]ths: `1234` is
/// `12.34%`.
pub fn percent(position: u32) -> String {
    format!("{}.{:02}%", position / 100, position % 100)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::dates::PartialDate;
    use crate::timeline::fixture::{d, sample};

    /// A date of any precision in `years`, as data or an address may hold.
    fn date_in(years: std::ops::Range<i32>) -> impl Strategy<Value = PartialDate> {
        (years, 0u8..=12, 0u8..=28).prop_map(|(year, month, day)| PartialDate {
            year,
            month,
            day: if month == 0 { 0 } else { day },
        })
    }

    /// Whatever the events, the address and the pointer, no span the
    /// geometry returns is reversed or off the axis, and no period it
    /// returns is reversed or, where it says so, outside the scale.
    fn check_geometry(
        scale: &Scale,
        range: (Option<PartialDate>, Option<PartialDate>),
        drag: (u32, u32),
        pointer: (f64, f64, f64),
    ) -> Result<(), TestCaseError> {
        let on_axis = |span: Span| span.start() <= span.end() && span.end() <= FULL;
        let drawn = scale.period();
        let range = scale.range(range.0, range.1);
        for zoomed in [zoom(scale, range, true), zoom(scale, range, false)].into_iter().flatten() {
            prop_assert_eq!(zoomed.within(drawn), Some(zoomed), "{:?} from {:?}", zoomed, range);
        }
        if let Some(range) = range {
            prop_assert!(range.first() <= range.last() && on_axis(scale.span(range)));
        }
        if let Some(dragged) = scale.dragged(drag.0, drag.1) {
            prop_assert_eq!(dragged.within(drawn), Some(dragged));
        }
        for brushed in [brush(scale, Some(drag), range), brush(scale, None, range)] {
            prop_assert!(brushed.is_none_or(on_axis), "{:?}", brushed);
        }
        for year in scale.years() {
            prop_assert!(on_axis(scale.year_span(year)));
        }
        let ticks = ticks(scale);
        prop_assert!(ticks.windows(2).all(|w| w[0].x <= w[1].x && w[1].x <= FULL));
        prop_assert!(pointer_position(pointer.0, pointer.1, pointer.2) <= FULL);
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn no_span_is_reversed_or_wraps(
            (first_year, years) in (1900..2100i32, 0..40i32),
            offsets in prop::collection::vec(date_in(0..40), 0..40),
            from in prop::option::of(date_in(0..10_000)),
            to in prop::option::of(date_in(0..10_000)),
            drag in (any::<u32>(), prop_oneof![any::<u32>(), 0..=FULL + 10]),
            pointer in (any::<f64>(), -1e4..1e4f64, any::<f64>()),
        ) {
            let dates = offsets
                .into_iter()
                .map(|d| PartialDate { year: first_year + d.year % (years + 1), ..d });
            let scale = Scale::weighted(first_year..=first_year + years, dates).unwrap();
            check_geometry(&scale, (from, to), drag, pointer)?;
        }
    }

    /// An era the events have not reached yet is not drawn; one cut by the
    /// scale is drawn up to it (issue 24, 1).
    #[test]
    fn eras_are_drawn_inside_the_scale() {
        let mut t = sample();
        let mut next = t.eras[1].clone();
        next.id = crate::data::Id::new("next").unwrap();
        next.start = d("2027-01-01");
        t.eras[1].end = Some(d("2026-12-31"));
        t.eras.push(next);
        let scale = Scale::of(&t).unwrap();
        let eras = era_periods(&t, &scale);
        assert_eq!(eras.iter().map(|(n, _)| *n).collect::<Vec<_>>(), [0, 1]);
        assert_eq!(eras[0].1.first(), scale.first_day());
        assert_eq!(eras[1].1.last(), scale.last_day());
        for (_, period) in eras {
            assert_eq!(period.within(scale.period()), Some(period));
        }
    }

    #[test]
    fn crowded_marks_stack_into_lanes() {
        assert_eq!(lanes(&[0, 5000, 10_000], 1000, 4), [0, 0, 0]);
        assert_eq!(lanes(&[5000, 5100, 5200, 7000], 500, 4), [0, 1, 2, 0]);
        // With every lane taken, the one that waited longest is reused.
        assert_eq!(lanes(&[5000, 5100, 5200], 500, 2), [0, 1, 0]);
    }

    #[test]
    fn zoom_narrows_and_widens_inside_the_scale() {
        let scale = Scale::of(&sample()).unwrap();
        let (first, last) = (scale.first_day(), scale.last_day());
        let narrow = zoom(&scale, None, true).unwrap();
        assert!(narrow.first() > first && narrow.last() < last);
        assert!((narrow.length() - (last - first) / 2).abs() <= 2);
        assert_eq!(zoom(&scale, Some(narrow), false), None);
        // Near an end, the range slides back inside the scale.
        let edge = zoom(&scale, Period::new(first, first + 100), false).unwrap();
        assert_eq!(edge, Period::new(first, first + 200).unwrap());
        // Never narrower than a month.
        let tiny = zoom(&scale, Period::new(first + 500, first + 510), true).unwrap();
        assert_eq!(tiny.length(), 30);
    }

    #[test]
    fn the_stylesheet_has_a_colour_for_every_palette_entry() {
        let css = include_str!("../../../public/style.css");
        for n in 0..PALETTE {
            assert!(css.contains(&format!("[data-topic=\"{n}\"]")), "no style for topic {n}");
        }
        assert!(!css.contains(&format!("[data-topic=\"{PALETTE}\"]")));
        assert_eq!(palette(PALETTE + 3), 3);
        for n in 1..ERA_COLOURS {
            assert!(css.contains(&format!("[data-era=\"{n}\"]")), "no style for era {n}");
        }
        assert!(!css.contains(&format!("[data-era=\"{ERA_COLOURS}\"]")));
        assert_eq!(era_colour(ERA_COLOURS + 1), 1);
    }

    #[test]
    fn a_pointer_falls_on_the_axis_wherever_the_browser_says_it_is() {
        assert_eq!(pointer_position(150.0, 100.0, 200.0), FULL / 4);
        assert_eq!(pointer_position(50.0, 100.0, 200.0), 0);
        assert_eq!(pointer_position(900.0, 100.0, 200.0), FULL);
        // An axis with no width yet, or a pointer the browser cannot place.
        assert_eq!(pointer_position(100.5, 100.0, 0.0), FULL / 2);
        assert_eq!(pointer_position(f64::NAN, 100.0, 200.0), 0);
        assert_eq!(pointer_position(f64::INFINITY, 0.0, f64::NAN), FULL);
    }

    #[test]
    fn the_brush_follows_a_drag_else_the_chosen_period() {
        let scale = Scale::of(&sample()).unwrap();
        assert_eq!(brush(&scale, None, None), None);
        assert_eq!(brush(&scale, Some((7000, 2000)), None), Some(Span::between(2000, 7000)));
        let period = scale.range(Some(d("2010")), Some(d("2012"))).unwrap();
        assert_eq!(brush(&scale, None, Some(period)), Some(scale.span(period)));
        assert_eq!(brush(&scale, Some((1, 2)), Some(period)), Some(Span::between(1, 2)));
    }

    #[test]
    fn percentages_need_no_floats() {
        assert_eq!(percent(0), "0.00%");
        assert_eq!(percent(1234), "12.34%");
        assert_eq!(percent(FULL), "100.00%");
        assert_eq!(percent(5), "0.05%");
    }
}
