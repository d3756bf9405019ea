//! What the reader sees of the timeline, computed in plain Rust: which
//! events pass the filters, how they group by year, where they sit on the
//! overview, and how their status reads today.

use std::sync::OnceLock;

use crate::data::{Entry, Lang, Status, Timeline};
use crate::dates::PartialDate;
use crate::search::{Query, fold};

/// The reader's filters. Within topics (and within actors) any chosen one
/// matches; the kinds of filter combine with "and".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub topics: Vec<String>,
    pub actors: Vec<String>,
    pub query: String,
    /// Inclusive: an event shows when any of its days falls inside.
    pub from: Option<PartialDate>,
    pub to: Option<PartialDate>,
}

impl Filter {
    pub fn is_active(&self) -> bool {
        !self.topics.is_empty()
            || !self.actors.is_empty()
            || !Query::new(&self.query).is_empty()
            || self.from.is_some()
            || self.to.is_some()
    }
}

/// The folded text each event is searched by, per language, built once
/// per load so that a keystroke only scans prepared strings. Each
/// language's texts are built the first time they are needed (or ahead of
/// time with [`SearchIndex::prepare`]), so that loading a long timeline
/// does not wait for a search nobody has typed yet.
#[derive(Debug, Default)]
pub struct SearchIndex {
    es: OnceLock<Vec<String>>,
    en: OnceLock<Vec<String>>,
}

impl SearchIndex {
    /// Builds the texts of `lang` now, if they are not built yet.
    pub fn prepare(&self, timeline: &Timeline, lang: Lang) {
        self.texts(timeline, lang);
    }

    fn texts(&self, timeline: &Timeline, lang: Lang) -> &[String] {
        let cell = match lang {
            Lang::Es => &self.es,
            Lang::En => &self.en,
        };
        cell.get_or_init(|| {
            timeline
                .entries
                .iter()
                .map(|entry| {
                    let e = &entry.event;
                    let mut text = String::new();
                    let mut push = |s: &str| {
                        text.push_str(s);
                        text.push('\n');
                    };
                    push(e.title.get(lang));
                    push(e.summary.get(lang));
                    if let Some(place) = &e.place {
                        push(place.get(lang));
                    }
                    for actor in e.actors.iter().filter_map(|id| timeline.actor(id)) {
                        push(actor.name.get(lang));
                    }
                    fold(&text)
                })
                .collect()
        })
    }
}

/// Indices into `timeline.entries` of the events that pass `filter`, in order.
pub fn apply(timeline: &Timeline, index: &SearchIndex, filter: &Filter, lang: Lang) -> Vec<usize> {
    let query = Query::new(&filter.query);
    // Only a search needs the folded texts.
    let texts = if query.is_empty() { &[][..] } else { index.texts(timeline, lang) };
    timeline
        .entries
        .iter()
        .enumerate()
        .filter(|(i, entry)| {
            let e = &entry.event;
            (filter.topics.is_empty() || e.topics.iter().any(|t| filter.topics.contains(t)))
                && (filter.actors.is_empty() || e.actors.iter().any(|a| filter.actors.contains(a)))
                && in_range(entry, filter.from, filter.to)
                && (query.is_empty() || query.matches(texts.get(*i).map_or("", String::as_str)))
        })
        .map(|(i, _)| i)
        .collect()
}

fn in_range(entry: &Entry, from: Option<PartialDate>, to: Option<PartialDate>) -> bool {
    from.is_none_or(|f| entry.last_day() >= f.first_day())
        && to.is_none_or(|t| entry.start.first_day() <= t.last_day())
}

/// Events grouped under their year, keeping order.
pub fn group_by_year(timeline: &Timeline, shown: &[usize]) -> Vec<(i32, Vec<usize>)> {
    let mut groups: Vec<(i32, Vec<usize>)> = Vec::new();
    for &i in shown {
        let year = timeline.entries[i].start.year;
        match groups.last_mut() {
            Some((y, items)) if *y == year => items.push(i),
            _ => groups.push((year, vec![i])),
        }
    }
    groups
}

/// The status to show on `today`: an announced event whose dates have all
/// passed is shown as not confirmed, never as held, until an editor says
/// otherwise.
pub fn status_on(entry: &Entry, today: PartialDate) -> Status {
    match entry.event.status {
        Status::Announced if entry.last_day() < today.first_day() => Status::Unconfirmed,
        status => status,
    }
}

/// The span the overview draws: from the first day of the first event's
/// year to the last day of the last event's year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub first: i64,
    pub last: i64,
}

impl Span {
    pub fn of(timeline: &Timeline) -> Option<Self> {
        let first = timeline.entries.first()?.start.year;
        let last = timeline.entries.iter().map(|e| e.last_day().year).max()?;
        Some(Self {
            first: PartialDate { year: first, month: 1, day: 1 }.days_since_epoch(),
            last: PartialDate { year: last, month: 12, day: 31 }.days_since_epoch(),
        })
    }

    /// Where a day falls, from 0.0 (first) to 1.0 (last), clamped.
    #[allow(clippy::cast_precision_loss)] // day counts are far below 2^52
    pub fn position(self, day: i64) -> f64 {
        let width = (self.last - self.first).max(1) as f64;
        ((day - self.first) as f64 / width).clamp(0.0, 1.0)
    }

    pub fn years(self) -> std::ops::RangeInclusive<i32> {
        year_of(self.first)..=year_of(self.last)
    }
}

/// The year a day count falls in; enough for axis labels.
fn year_of(days: i64) -> i32 {
    let mut year = 1970 + i32::try_from(days / 366).unwrap_or(0);
    while (PartialDate { year: year + 1, month: 1, day: 1 }).days_since_epoch() <= days {
        year += 1;
    }
    year
}

/// How many events fall in each year of the span, for the density strip.
pub fn per_year(timeline: &Timeline, shown: &[usize], span: Span) -> Vec<(i32, usize)> {
    span.years()
        .map(|year| {
            (year, shown.iter().filter(|&&i| timeline.entries[i].start.year == year).count())
        })
        .collect()
}

/// The index among `shown` of the event before or after `current`, for
/// arrow-key movement; stays put at the ends.
pub fn step(shown: &[usize], current: usize, forward: bool) -> Option<usize> {
    let pos = shown.iter().position(|&i| i == current)?;
    let next = if forward { pos + 1 } else { pos.checked_sub(1)? };
    shown.get(next).copied()
}

/// How many events a long list renders at first, and adds at a time. A
/// long list is rendered in slices: building and laying out thousands of
/// cards at once takes the browser far longer than the reader can see, so
/// the list shows a slice (several screens of cards) and grows as the
/// reader scrolls or asks for more. A keystroke in the search box rebuilds
/// at most one slice, so its size is what a keystroke costs.
pub const CHUNK: usize = 50;

/// Lists up to this long are rendered whole at once, as the real data (67
/// events) always is: slicing would save little and change what readers
/// of the real timeline get.
pub const WHOLE_LIST: usize = 120;

/// The slice of the shown events that the list renders: positions
/// `start..end` in `shown`. The count of results always comes from `shown`
/// itself, never from the slice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListWindow {
    pub start: usize,
    pub end: usize,
}

impl ListWindow {
    /// The first chunk of a list of `len` events (all of a short one).
    pub fn first(len: usize) -> Self {
        Self { start: 0, end: if len <= WHOLE_LIST { len } else { CHUNK } }
    }

    /// Everything, for printing.
    pub fn all(len: usize) -> Self {
        Self { start: 0, end: len }
    }

    /// This window, kept inside a list of `len` events and never empty
    /// while the list is not.
    #[must_use]
    pub fn clamp(self, len: usize) -> Self {
        let end = self.end.min(len);
        let start = self.start.min(end);
        if start == end { Self::first(len) } else { Self { start, end } }
    }

    /// One more chunk after the end.
    #[must_use]
    pub fn more(self, len: usize) -> Self {
        Self { start: self.start, end: (self.end + CHUNK).min(len) }.clamp(len)
    }

    /// One more chunk before the start.
    #[must_use]
    pub fn earlier(self, len: usize) -> Self {
        Self { start: self.start.saturating_sub(CHUNK), end: self.end }.clamp(len)
    }

    pub fn contains(self, pos: usize) -> bool {
        (self.start..self.end).contains(&pos)
    }

    /// A window that holds position `pos` (an opened event): this one grown
    /// by a chunk when `pos` is just outside it (the detail's "next" and
    /// "previous" step one at a time), otherwise a chunk that starts a few
    /// events before it, so that a deep link far down a long list does not
    /// have to render everything above it.
    #[must_use]
    pub fn including(self, pos: usize, len: usize) -> Self {
        if pos >= len || self.contains(pos) {
            return self;
        }
        if pos >= self.end && pos < self.end + CHUNK {
            return Self { start: self.start, end: (self.end + CHUNK).min(len).max(pos + 1) };
        }
        if pos < self.start && pos + CHUNK >= self.start {
            return Self { start: self.start.saturating_sub(CHUNK).min(pos), end: self.end };
        }
        let start = pos.saturating_sub(CHUNK / 10);
        Self { start, end: (start + CHUNK).min(len) }
    }

    /// How many events are left after the end, and before the start.
    pub fn left_after(self, len: usize) -> usize {
        len.saturating_sub(self.end)
    }
}

/// Above this many events the overview draws no mark per event, only the
/// bars of events per year: thousands of marks stacked six deep cannot be
/// told apart or clicked, and each is a link that the browser has to build,
/// lay out and update on every filter change and language switch.
pub const MAX_MARKS: usize = 400;

/// Whether the overview draws one mark per event for `count` events.
pub fn draws_marks(count: usize) -> bool {
    count <= MAX_MARKS
}

/// Stacks marks that would overlap on the overview into lanes: each mark
/// (by position from 0.0 to 1.0, in order) takes the lowest lane whose last
/// mark is at least `gap` before it, up to `max_lanes`.
pub fn lanes(positions: &[f64], gap: f64, max_lanes: usize) -> Vec<usize> {
    let mut last_in_lane: Vec<f64> = Vec::new();
    positions
        .iter()
        .map(|&x| {
            let free = last_in_lane.iter().position(|&last| x - last >= gap);
            let lane = match free {
                Some(lane) => lane,
                None if last_in_lane.len() < max_lanes.max(1) => {
                    last_in_lane.push(f64::NEG_INFINITY);
                    last_in_lane.len() - 1
                }
                // Every lane is crowded: use the one that has waited longest.
                None => last_in_lane
                    .iter()
                    .enumerate()
                    .min_by(|a, b| a.1.total_cmp(b.1))
                    .map_or(0, |(i, _)| i),
            };
            last_in_lane[lane] = x;
            lane
        })
        .collect()
}

/// Zooms a range of days around its middle: `factor` below 1 narrows it,
/// above 1 widens it. Returns `None` when the result covers the whole span.
pub fn zoom(span: Span, range: Option<(i64, i64)>, factor: f64) -> Option<(i64, i64)> {
    let (from, to) = range.unwrap_or((span.first, span.last));
    #[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)] // day counts are small
    let half = (((to - from) as f64 * factor) / 2.0).round() as i64;
    let half = half.max(15);
    let middle = from + (to - from) / 2;
    let (mut from, mut to) = (middle - half, middle + half);
    if from < span.first {
        to += span.first - from;
        from = span.first;
    }
    if to > span.last {
        from -= to - span.last;
        to = span.last;
    }
    (from > span.first || to < span.last).then(|| (from.max(span.first), to))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::parse;

    fn sample() -> Timeline {
        parse(include_str!("../tests/fixtures/small.json")).expect("fixture loads")
    }

    fn ids(t: &Timeline, shown: &[usize]) -> Vec<String> {
        shown.iter().map(|&i| t.entries[i].event.id.clone()).collect()
    }

    #[test]
    fn no_filter_shows_everything_in_order() {
        let t = sample();
        let idx = SearchIndex::default();
        let shown = apply(&t, &idx, &Filter::default(), Lang::Es);
        assert_eq!(shown.len(), t.entries.len());
        assert!(shown.windows(2).all(|w| t.entries[w[0]].start <= t.entries[w[1]].start));
    }

    #[test]
    fn topics_combine_with_or_and_kinds_with_and() {
        let t = sample();
        let idx = SearchIndex::default();
        let f = |topics: &[&str], q: &str| Filter {
            topics: topics.iter().map(|s| (*s).to_string()).collect(),
            query: q.into(),
            ..Filter::default()
        };
        let arms = apply(&t, &idx, &f(&["arms-trafficking"], ""), Lang::Es);
        assert_eq!(ids(&t, &arms), ["fast-and-furious", "call-2026-01-11"]);
        let both = apply(&t, &idx, &f(&["arms-trafficking", "agreements"], ""), Lang::Es);
        assert_eq!(both.len(), 3);
        let narrowed = apply(&t, &idx, &f(&["arms-trafficking"], "rapido y furioso"), Lang::Es);
        assert_eq!(ids(&t, &narrowed), ["fast-and-furious"]);
    }

    #[test]
    fn search_ignores_accents_and_uses_the_active_language() {
        let t = sample();
        let idx = SearchIndex::default();
        let q = |q: &str, lang| {
            ids(&t, &apply(&t, &idx, &Filter { query: q.into(), ..Filter::default() }, lang))
        };
        assert_eq!(q("reunion", Lang::Es), ["ministerial-2026-02"]);
        assert_eq!(q("REUNIÓN", Lang::Es), ["ministerial-2026-02"]);
        assert_eq!(q("reunion", Lang::En), Vec::<String>::new());
        assert_eq!(q("ministerial meeting", Lang::En), ["ministerial-2026-02"]);
        // Actors' names and places are searched too.
        assert_eq!(q("rubio", Lang::Es), ["call-2026-01-11", "ministerial-2026-02"]);
        assert_eq!(q("washington", Lang::En), ["ministerial-2026-02"]);
    }

    #[test]
    fn range_keeps_events_that_overlap_it() {
        let t = sample();
        let idx = SearchIndex::default();
        let d = |s| PartialDate::parse(s).unwrap();
        let f = Filter { from: Some(d("2026")), to: Some(d("2026")), ..Filter::default() };
        assert_eq!(
            ids(&t, &apply(&t, &idx, &f, Lang::Es)),
            ["call-2026-01-11", "ministerial-2026-02"]
        );
        // A month-precision event overlaps a range that ends inside its month.
        let f = Filter { from: Some(d("2026-02-20")), to: None, ..Filter::default() };
        assert_eq!(ids(&t, &apply(&t, &idx, &f, Lang::Es)), ["ministerial-2026-02"]);
        let f = Filter { from: None, to: Some(d("2007-12")), ..Filter::default() };
        assert_eq!(ids(&t, &apply(&t, &idx, &f, Lang::Es)), ["merida-2007"]);
    }

    #[test]
    fn groups_by_year() {
        let t = sample();
        let all: Vec<usize> = (0..t.entries.len()).collect();
        let years: Vec<(i32, usize)> =
            group_by_year(&t, &all).into_iter().map(|(y, v)| (y, v.len())).collect();
        assert_eq!(years, [(2007, 1), (2010, 1), (2026, 2)]);
    }

    #[test]
    fn a_passed_announcement_is_never_shown_as_held() {
        let t = sample();
        let ministerial = t.entry("ministerial-2026-02").unwrap();
        assert_eq!(ministerial.event.status, Status::Announced);
        let d = |s| PartialDate::parse(s).unwrap();
        assert_eq!(status_on(ministerial, d("2026-01-20")), Status::Announced);
        assert_eq!(status_on(ministerial, d("2026-02-28")), Status::Announced);
        assert_eq!(status_on(ministerial, d("2026-03-01")), Status::Unconfirmed);
        assert_eq!(status_on(t.entry("merida-2007").unwrap(), d("2026-03-01")), Status::Held);
    }

    #[test]
    fn span_places_days_and_counts_years() {
        let t = sample();
        let span = Span::of(&t).unwrap();
        assert_eq!(span.years(), 2007..=2026);
        assert!((span.position(span.first)).abs() < f64::EPSILON);
        assert!((span.position(span.last) - 1.0).abs() < f64::EPSILON);
        let all: Vec<usize> = (0..t.entries.len()).collect();
        let counts = per_year(&t, &all, span);
        assert_eq!(counts.len(), 20);
        assert_eq!(counts.iter().find(|(y, _)| *y == 2026).unwrap().1, 2);
        assert_eq!(counts.iter().find(|(y, _)| *y == 2015).unwrap().1, 0);
    }

    #[test]
    fn marks_only_while_they_can_be_told_apart() {
        assert!(draws_marks(67));
        assert!(draws_marks(MAX_MARKS));
        assert!(!draws_marks(1000));
    }

    #[test]
    fn crowded_marks_stack_into_lanes() {
        assert_eq!(lanes(&[0.0, 0.5, 1.0], 0.1, 4), [0, 0, 0]);
        assert_eq!(lanes(&[0.50, 0.51, 0.52, 0.70], 0.05, 4), [0, 1, 2, 0]);
        // With every lane taken, the one that waited longest is reused.
        assert_eq!(lanes(&[0.50, 0.51, 0.52], 0.05, 2), [0, 1, 0]);
    }

    #[test]
    fn zoom_narrows_and_widens_inside_the_span() {
        let span = Span { first: 0, last: 1000 };
        assert_eq!(zoom(span, None, 0.5), Some((250, 750)));
        assert_eq!(zoom(span, Some((250, 750)), 2.0), None);
        // Near an end, the range slides back inside the span.
        assert_eq!(zoom(span, Some((0, 100)), 2.0), Some((0, 200)));
        assert_eq!(zoom(span, Some((900, 1000)), 0.5), Some((925, 975)));
        // Never narrower than a month.
        assert_eq!(zoom(span, Some((500, 510)), 0.5), Some((490, 520)));
    }

    #[test]
    fn the_list_window_starts_with_a_chunk_and_grows() {
        // The real data's 67 events are all rendered at once.
        assert_eq!(ListWindow::first(67), ListWindow { start: 0, end: 67 });
        assert_eq!(ListWindow::first(WHOLE_LIST), ListWindow { start: 0, end: WHOLE_LIST });
        let w = ListWindow::first(5000);
        assert_eq!(w, ListWindow { start: 0, end: CHUNK });
        assert_eq!(w.more(5000), ListWindow { start: 0, end: 2 * CHUNK });
        assert_eq!(w.more(CHUNK + 7), ListWindow { start: 0, end: CHUNK + 7 });
        assert_eq!(w.left_after(5000), 5000 - CHUNK);
        assert_eq!(ListWindow::all(5000), ListWindow { start: 0, end: 5000 });
        assert_eq!(ListWindow::first(0), ListWindow { start: 0, end: 0 });
    }

    #[test]
    fn the_list_window_shrinks_with_the_list_but_never_empties() {
        let w = ListWindow { start: 300, end: 400 };
        assert_eq!(w.clamp(350), ListWindow { start: 300, end: 350 });
        // Fewer results than the window's start: back to the first chunk.
        assert_eq!(w.clamp(20), ListWindow { start: 0, end: 20 });
        assert_eq!(w.earlier(5000), ListWindow { start: 300 - CHUNK, end: 400 });
        let near_top = ListWindow { start: CHUNK / 2, end: 2 * CHUNK };
        assert_eq!(near_top.earlier(5000), ListWindow { start: 0, end: 2 * CHUNK });
    }

    #[test]
    fn the_list_window_reaches_an_opened_event() {
        let w = ListWindow::first(5000);
        // Inside: unchanged.
        assert_eq!(w.including(CHUNK - 1, 5000), w);
        // Just after (the detail's "next"): one chunk more.
        assert_eq!(w.including(CHUNK, 5000), ListWindow { start: 0, end: 2 * CHUNK });
        // Far away (a deep link): a chunk starting a little before it.
        let far = w.including(4000, 5000);
        assert!(far.contains(4000));
        let start = 4000 - CHUNK / 10;
        assert_eq!(far, ListWindow { start, end: start + CHUNK });
        // Just before (the detail's "previous"): a chunk earlier.
        let earlier = ListWindow { start: start - CHUNK, end: start + CHUNK };
        assert_eq!(far.including(start - 1, 5000), earlier);
        // Near the end of the list, the window stops there.
        assert_eq!(w.including(4995, 5000), ListWindow { start: 4995 - CHUNK / 10, end: 5000 });
        // A position outside the list changes nothing.
        assert_eq!(w.including(5000, 5000), w);
    }

    #[test]
    fn steps_between_shown_events() {
        assert_eq!(step(&[2, 5, 9], 5, true), Some(9));
        assert_eq!(step(&[2, 5, 9], 5, false), Some(2));
        assert_eq!(step(&[2, 5, 9], 9, true), None);
        assert_eq!(step(&[2, 5, 9], 2, false), None);
        assert_eq!(step(&[2, 5, 9], 4, true), None);
    }
}
