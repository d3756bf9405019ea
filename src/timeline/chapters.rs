//! The list's chapters by era and year, the tally of people sent, and how
//! an event's status reads on the reader's day.

use crate::data::{Event, Status, Timeline};
use crate::dates::PartialDate;

use super::FULL;

/// A chapter of the list: the events of one era, by year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chapter {
    /// Position of the era in `timeline.eras`.
    pub era: usize,
    pub years: Vec<(i32, Vec<usize>)>,
}

/// The events at positions `shown`, in order, grouped into chapters by era
/// and within them by year. A year that spans two eras appears in both.
pub fn chapters(timeline: &Timeline, shown: &[usize]) -> Vec<Chapter> {
    let mut chapters: Vec<Chapter> = Vec::new();
    for &i in shown {
        let event = &timeline.events[i];
        let era = timeline.eras.iter().position(|e| e.id == event.era).unwrap_or(0);
        let year = event.date.year;
        if chapters.last().is_none_or(|c| c.era != era) {
            chapters.push(Chapter { era, years: Vec::new() });
        }
        let years = &mut chapters.last_mut().expect("just pushed").years;
        match years.last_mut() {
            Some((y, items)) if *y == year => items.push(i),
            _ => years.push((year, vec![i])),
        }
    }
    chapters
}

/// The most rows the people-sent figure draws: beyond that a table of bars
/// is no longer a picture that says it faster, and the events speak for
/// themselves in the list.
pub const MAX_FIGURE_ROWS: usize = 12;

/// The people Mexico sent to the U.S. in groups, from the events that count
/// them (`people_sent`): the figure's rows and total.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tally {
    /// Event position, people sent, and the bar's length in [`FULL`]ths of
    /// the largest count; in date order.
    pub rows: Vec<(usize, u32, u32)>,
    pub total: u64,
    /// The era of the latest row: its chapter shows the figure.
    pub era: usize,
}

/// The tally of people sent, when there are between two and
/// [`MAX_FIGURE_ROWS`] counts to compare.
pub fn people_sent(timeline: &Timeline) -> Option<Tally> {
    let counted: Vec<(usize, u32)> =
        timeline.events.iter().enumerate().filter_map(|(i, e)| Some((i, e.people_sent?))).collect();
    if !(2..=MAX_FIGURE_ROWS).contains(&counted.len()) {
        return None;
    }
    let largest = u64::from(counted.iter().map(|&(_, n)| n).max()?.max(1));
    let rows = counted
        .iter()
        .map(|&(i, n)| {
            // At most FULL, since no count exceeds the largest.
            let share = u64::from(n) * u64::from(FULL) / largest;
            (i, n, u32::try_from(share).unwrap_or(FULL))
        })
        .collect();
    let total = counted.iter().map(|&(_, n)| u64::from(n)).sum();
    let last = &timeline.events[counted.last()?.0];
    let era = timeline.eras.iter().position(|e| e.id == last.era).unwrap_or(0);
    Some(Tally { rows, total, era })
}

/// The status to show on `today`: an announced event whose dates have all
/// passed is shown as not confirmed, never as held, until an editor says
/// otherwise.
pub fn status_on(event: &Event, today: PartialDate) -> Status {
    match event.status {
        Status::Announced if event.last_day() < today.first_day() => Status::Unconfirmed,
        status => status,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::fixture::{d, sample};

    #[test]
    fn chapters_by_era_then_year() {
        let t = sample();
        let all: Vec<usize> = (0..t.events.len()).collect();
        let shape: Vec<(String, Vec<(i32, usize)>)> = chapters(&t, &all)
            .into_iter()
            .map(|c| {
                (
                    t.eras[c.era].id.to_string(),
                    c.years.into_iter().map(|(y, v)| (y, v.len())).collect(),
                )
            })
            .collect();
        assert_eq!(
            shape,
            [
                ("merida".to_string(), vec![(2007, 1), (2010, 1)]),
                ("since-2021".to_string(), vec![(2026, 2)])
            ]
        );
        assert!(chapters(&t, &[]).is_empty());
    }

    #[test]
    fn a_passed_announcement_is_never_shown_as_held() {
        let t = sample();
        let ministerial = t.event("ministerial-2026-02").unwrap();
        assert_eq!(ministerial.status, Status::Announced);
        assert_eq!(status_on(ministerial, d("2026-01-20")), Status::Announced);
        assert_eq!(status_on(ministerial, d("2026-02-28")), Status::Announced);
        assert_eq!(status_on(ministerial, d("2026-03-01")), Status::Unconfirmed);
        assert_eq!(status_on(t.event("merida-2007").unwrap(), d("2026-03-01")), Status::Held);
    }

    #[test]
    fn people_sent_are_tallied_between_two_and_twelve_counts() {
        let mut t = sample();
        assert_eq!(people_sent(&t), None, "no counts, no figure");
        let pos = |t: &Timeline, id: &str| t.position(id).unwrap();
        let (a, b) = (pos(&t, "merida-2007"), pos(&t, "call-2026-01-11"));
        t.events[a].people_sent = Some(29);
        assert_eq!(people_sent(&t), None, "one count is no comparison");
        t.events[b].people_sent = Some(37);
        let tally = people_sent(&t).unwrap();
        // In date order, the largest count is the full bar.
        assert_eq!(tally.rows, [(a, 29, 29 * FULL / 37), (b, 37, FULL)]);
        assert_eq!(tally.total, 66);
        // The chapter of the latest count shows it.
        assert_eq!(t.eras[tally.era].id.as_str(), "since-2021");
        let mut many = t.clone();
        let template = many.events[b].clone();
        for n in 0..MAX_FIGURE_ROWS {
            let mut e = template.clone();
            e.id = crate::data::Id::new(&format!("sent-{n}")).unwrap();
            many.events.push(e);
        }
        assert_eq!(people_sent(&many), None, "more rows than a figure can show");
    }
}
