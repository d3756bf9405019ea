//! What the reader sees of the timeline, computed in plain Rust: which
//! events pass the filters, how they group into chapters and years, which
//! slice of a long list is rendered, where events sit on the overview, how
//! their status reads today, and where the arrow keys go.

use std::sync::{Mutex, OnceLock};

use crate::data::{Event, Id, Lang, Status, Timeline};
use crate::dates::{PartialDate, from_days_since_epoch};
use crate::search::{Folded, Query, fold};

/// The reader's filters. Within topics any chosen one matches; the kinds of
/// filter combine with "and".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub topics: Vec<String>,
    /// One actor at a time.
    pub actor: Option<String>,
    pub query: String,
    /// Inclusive: an event shows when any of its days falls inside.
    pub from: Option<PartialDate>,
    pub to: Option<PartialDate>,
    /// Only the key moments.
    pub key: bool,
}

impl Filter {
    pub fn is_active(&self) -> bool {
        !self.topics.is_empty()
            || self.actor.is_some()
            || !Query::new(&self.query).is_empty()
            || self.from.is_some()
            || self.to.is_some()
            || self.key
    }

    /// How many filters are in use: each topic, the actor, the search, the
    /// period and the key moments count one.
    pub fn active_count(&self) -> usize {
        self.topics.len()
            + usize::from(self.actor.is_some())
            + usize::from(!Query::new(&self.query).is_empty())
            + usize::from(self.from.is_some() || self.to.is_some())
            + usize::from(self.key)
    }

    /// Whether every event that passes `self` also passed `before`, so that
    /// only `before`'s results need testing again: the usual case of typing
    /// one more letter. Each earlier word is then still there, the last
    /// one perhaps longer, so whatever matches now matched before.
    pub fn narrows(&self, before: &Filter) -> bool {
        let (now, then) = (fold(&self.query), fold(&before.query));
        now.starts_with(&then)
            && self.topics == before.topics
            && self.actor == before.actor
            && self.from == before.from
            && self.to == before.to
            && self.key == before.key
    }

    /// Toggles a topic in the filter.
    pub fn toggle_topic(&mut self, id: &str) {
        if let Some(pos) = self.topics.iter().position(|t| t == id) {
            self.topics.remove(pos);
        } else {
            self.topics.push(id.to_string());
        }
    }
}

/// The folded text each event is searched by, in one language, built once
/// so that a keystroke only scans prepared strings, and only those that
/// the text's filter of byte pairs does not rule out (see [`Folded`]).
/// Built the first time a search needs it (or ahead of time with
/// [`SearchIndex::prepare`]), so that loading a long timeline does not
/// wait for a search nobody has typed yet.
///
/// It holds the texts of one language at a time: a reader who switches
/// language searches in the new one, and the old texts are dropped before
/// the new ones are built. For 5,000 events each language's texts take
/// about 2 MB (and their filters 160 KB), and the app's memory, once
/// grown, never shrinks.
///
/// It also holds each event's topics as bits, built on the first topic
/// filter: testing one number per event, instead of comparing topic ids,
/// keeps a topic filter over 5,000 events to a fraction of a millisecond.
#[derive(Debug, Default)]
pub struct SearchIndex {
    // A mutex only because contexts must be `Sync`; the browser has one
    // thread, so it is never contended.
    texts: Mutex<Option<(Lang, Vec<Folded>)>>,
    topics: OnceLock<Vec<u64>>,
}

impl SearchIndex {
    /// Builds the texts of `lang` now, if they are not built yet.
    pub fn prepare(&self, timeline: &Timeline, lang: Lang) {
        self.with_texts(timeline, lang, |_| ());
    }

    /// Each event's topics as bits: bit `n` for `timeline.topics[n]`.
    /// `None` when there are more topics than bits.
    fn topic_bits(&self, timeline: &Timeline) -> Option<&[u64]> {
        if timeline.topics.len() > 64 {
            return None;
        }
        let bits = self.topics.get_or_init(|| {
            timeline
                .events
                .iter()
                .map(|e| topic_bits(timeline, e.topics.iter().map(Id::as_str)))
                .collect()
        });
        Some(bits)
    }

    /// Runs `f` with the texts of `lang`, built first if need be.
    fn with_texts<R>(&self, timeline: &Timeline, lang: Lang, f: impl FnOnce(&[Folded]) -> R) -> R {
        let mut slot = self.texts.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if slot.as_ref().is_none_or(|(built, _)| *built != lang) {
            *slot = None;
            *slot = Some((lang, folded_texts(timeline, lang)));
        }
        f(slot.as_ref().map_or(&[], |(_, texts)| texts))
    }
}

fn folded_texts(timeline: &Timeline, lang: Lang) -> Vec<Folded> {
    timeline
        .events
        .iter()
        .map(|e| {
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
            Folded::new(&text)
        })
        .collect()
}

/// Positions in `timeline.events` of the events that pass `filter`, in
/// order. With `within`, only those positions are tested (see
/// [`Filter::narrows`]).
pub fn apply(
    timeline: &Timeline,
    index: &SearchIndex,
    filter: &Filter,
    lang: Lang,
    within: Option<&[usize]>,
) -> Vec<usize> {
    let query = Query::new(&filter.query);
    let bits = if filter.topics.is_empty() { None } else { index.topic_bits(timeline) };
    let wanted = topic_bits(timeline, filter.topics.iter().map(String::as_str));
    let passes = |i: usize, texts: &[Folded]| {
        let e = &timeline.events[i];
        (filter.topics.is_empty()
            || match bits {
                Some(bits) => bits[i] & wanted != 0,
                None => e.topics.iter().any(|t| filter.topics.iter().any(|f| f == t.as_str())),
            })
            && filter.actor.as_ref().is_none_or(|a| e.actors.iter().any(|x| x.as_str() == a))
            && (!filter.key || e.key)
            && in_range(e, filter.from, filter.to)
            && (query.is_empty() || texts.get(i).is_some_and(|folded| query.matches(folded)))
    };
    let select = |texts: &[Folded]| match within {
        Some(candidates) => candidates.iter().copied().filter(|&i| passes(i, texts)).collect(),
        None => (0..timeline.events.len()).filter(|&i| passes(i, texts)).collect(),
    };
    // Only a search needs the folded texts.
    if query.is_empty() { select(&[]) } else { index.with_texts(timeline, lang, select) }
}

/// The bits of `topics` (ids), as [`SearchIndex::topic_bits`] sets them;
/// an unknown id sets none.
fn topic_bits<'a>(timeline: &Timeline, topics: impl Iterator<Item = &'a str>) -> u64 {
    topics
        .filter_map(|id| timeline.topic_index(id))
        .filter(|&n| n < 64)
        .fold(0, |bits, n| bits | 1 << n)
}

fn in_range(event: &Event, from: Option<PartialDate>, to: Option<PartialDate>) -> bool {
    from.is_none_or(|f| event.last_day() >= f.first_day())
        && to.is_none_or(|t| event.date.first_day() <= t.last_day())
}

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

/// The index among `shown` of the event before or after `current`, for the
/// detail's previous and next; `None` at the ends.
pub fn step(shown: &[usize], current: usize, forward: bool) -> Option<usize> {
    let pos = shown.iter().position(|&i| i == current)?;
    let next = if forward { pos + 1 } else { pos.checked_sub(1)? };
    shown.get(next).copied()
}

/// Which shown event holds the one tab stop of a row (the overview's
/// marks): the open event while it is shown, else the first shown. A
/// hidden item never holds it: it is out of the tab order and of the
/// arrow keys' reach, so nothing in the row could be reached.
pub fn tab_stop(shown: &[usize], open: Option<usize>) -> Option<usize> {
    open.filter(|i| shown.binary_search(i).is_ok()).or_else(|| shown.first().copied())
}

/// Where a key moves focus in a row of `count` items (marks on the
/// overview, cards in the list), from `current`. `back` and `forward` are
/// the keys that step (arrows), Home and End go to the ends.
pub fn key_target(
    key: &str,
    current: Option<usize>,
    count: usize,
    back: &str,
    forward: &str,
) -> Option<usize> {
    let last = count.checked_sub(1)?;
    match (key, current) {
        (k, Some(i)) if k == forward => Some((i + 1).min(last)),
        (k, Some(i)) if k == back => Some(i.saturating_sub(1)),
        ("Home", _) => Some(0),
        ("End", _) => Some(last),
        _ => None,
    }
}

// ------------------------------------------------------------ long lists

/// How many events a long list renders at first, and adds at a time. A
/// long list is rendered in slices: building and laying out thousands of
/// cards at once takes the browser far longer than the reader can see, so
/// the list shows a slice (a few screens of cards) and grows as the
/// reader scrolls or asks for more. A keystroke in the search box rebuilds
/// at most one slice, so its size is what a keystroke costs.
pub const CHUNK: usize = 8;

/// How many events a slice opened far down a long list (a deep link)
/// shows before the opened one, so that it does not start the list.
const BEFORE_OPENED: usize = CHUNK / 4;

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

    /// The window to render: the one the reader asked for (`asked`, if it
    /// was asked for these very results), else the first chunk; in either
    /// case grown to hold `open`, the position of the open event, so that
    /// the open event is always in the list and focus can return to it.
    pub fn choose(len: usize, asked: Option<Self>, open: Option<usize>) -> Self {
        let window = asked.map_or_else(|| Self::first(len), |w| w.clamp(len));
        match open {
            Some(pos) => window.including(pos, len),
            None => window,
        }
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
        let start = pos.saturating_sub(BEFORE_OPENED);
        Self { start, end: (start + CHUNK).min(len) }
    }

    /// How many events are left after the end of the window.
    pub fn left_after(self, len: usize) -> usize {
        len.saturating_sub(self.end)
    }
}

// ------------------------------------------------------------ overview

/// Topics are told apart by a colour and a shape; `public/style.css`
/// defines this many pairs (`[data-topic="0"]` to `[data-topic="7"]`), and
/// further topics reuse them in order.
pub const PALETTE: usize = 8;

/// The colour and shape of topic number `topic`.
pub fn palette(topic: usize) -> usize {
    topic % PALETTE
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

/// Positions along the overview are in ten-thousandths of its width, whole
/// numbers, so that styles are written without float formatting.
pub const FULL: u32 = 10_000;

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

/// The overview's horizontal scale. Time is not drawn evenly: each month
/// gets a base width plus a share for each of its events, so that busy
/// months (half the events fall in 2025–2026) are wide enough to read and
/// to click, while quiet years still show. The weights come from all
/// events, not the filtered ones, so the axis holds still while filtering.
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
        let months = usize::try_from(last_year - first_year + 1).ok()? * 12;
        let mut weights = vec![MONTH_WEIGHT; months];
        for event in &timeline.events {
            let first = event.date.first_day();
            if let Some(w) = month_index(first_year, first).and_then(|m| weights.get_mut(m)) {
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

/// The first day of a month and of the next, as days since 1970.
fn month_days(year: i32, month: u8) -> (i64, i64) {
    let from = PartialDate { year, month, day: 1 }.days_since_epoch();
    let next = if month == 12 {
        jan_first(year + 1)
    } else {
        PartialDate { year, month: month + 1, day: 1 }.days_since_epoch()
    };
    (from, next)
}

fn jan_first(year: i32) -> i64 {
    PartialDate { year, month: 1, day: 1 }.days_since_epoch()
}

/// How many events fall in each year of the scale, for the density bars.
pub fn per_year(timeline: &Timeline, shown: &[usize], scale: &Scale) -> Vec<(i32, usize)> {
    let mut counts: Vec<(i32, usize)> = scale.years().map(|y| (y, 0)).collect();
    for &i in shown {
        let year = timeline.events[i].date.year;
        if let Some(slot) = counts.iter_mut().find(|(y, _)| *y == year) {
            slot.1 += 1;
        }
    }
    counts
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
    use super::*;
    use crate::data::parse;

    fn sample() -> Timeline {
        parse(include_str!("../tests/fixtures/small.json")).expect("fixture loads")
    }

    fn ids(t: &Timeline, shown: &[usize]) -> Vec<String> {
        shown.iter().map(|&i| t.events[i].id.to_string()).collect()
    }

    fn d(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    fn filtered(t: &Timeline, f: &Filter, lang: Lang) -> Vec<String> {
        ids(t, &apply(t, &SearchIndex::default(), f, lang, None))
    }

    #[test]
    fn no_filter_shows_everything_in_order() {
        let t = sample();
        let shown = apply(&t, &SearchIndex::default(), &Filter::default(), Lang::Es, None);
        assert_eq!(shown.len(), t.events.len());
        assert!(shown.windows(2).all(|w| t.events[w[0]].date <= t.events[w[1]].date));
    }

    #[test]
    fn topics_combine_with_or_and_kinds_with_and() {
        let t = sample();
        let f = |topics: &[&str], q: &str| Filter {
            topics: topics.iter().map(|s| (*s).to_string()).collect(),
            query: q.into(),
            ..Filter::default()
        };
        assert_eq!(
            filtered(&t, &f(&["arms-trafficking"], ""), Lang::Es),
            ["fast-and-furious", "call-2026-01-11"]
        );
        assert_eq!(filtered(&t, &f(&["arms-trafficking", "agreements"], ""), Lang::Es).len(), 3);
        assert_eq!(
            filtered(&t, &f(&["arms-trafficking"], "rapido y furioso"), Lang::Es),
            ["fast-and-furious"]
        );
    }

    /// Topics are tested as bits; past 64 topics, by their ids. Both give
    /// the same events, and an unknown topic matches none.
    #[test]
    fn topics_as_bits_and_as_ids_agree() {
        let few = sample();
        let mut many = sample();
        for n in 0..64 {
            let mut extra = many.topics[0].clone();
            extra.id = crate::data::Id::new(&format!("extra-{n}")).unwrap();
            many.topics.insert(0, extra);
        }
        assert!(many.topics.len() > 64);
        for topics in [
            &["arms-trafficking"][..],
            &["agreements", "fentanyl"],
            &["unknown"],
            &["unknown", "agreements"],
        ] {
            let f = Filter {
                topics: topics.iter().map(|s| (*s).to_string()).collect(),
                ..Filter::default()
            };
            assert_eq!(filtered(&few, &f, Lang::Es), filtered(&many, &f, Lang::Es), "{topics:?}");
        }
        let unknown = Filter { topics: vec!["unknown".into()], ..Filter::default() };
        assert_eq!(filtered(&few, &unknown, Lang::Es), Vec::<String>::new());
    }

    #[test]
    fn one_actor_and_key_moments() {
        let t = sample();
        let f = Filter { actor: Some("sre".into()), ..Filter::default() };
        assert_eq!(filtered(&t, &f, Lang::Es), ["ministerial-2026-02"]);
        let f = Filter { actor: Some("marco-rubio".into()), ..Filter::default() };
        assert_eq!(filtered(&t, &f, Lang::Es), ["call-2026-01-11", "ministerial-2026-02"]);
        let f = Filter { key: true, ..Filter::default() };
        assert_eq!(filtered(&t, &f, Lang::Es), Vec::<String>::new());
        let mut keyed = t.clone();
        keyed.events[1].key = true;
        assert_eq!(filtered(&keyed, &f, Lang::Es), [keyed.events[1].id.to_string()]);
    }

    #[test]
    fn search_ignores_accents_and_uses_the_active_language() {
        let t = sample();
        let q =
            |q: &str, lang| filtered(&t, &Filter { query: q.into(), ..Filter::default() }, lang);
        assert_eq!(q("reunion", Lang::Es), ["ministerial-2026-02"]);
        assert_eq!(q("REUNIÓN", Lang::Es), ["ministerial-2026-02"]);
        assert_eq!(q("reunion", Lang::En), Vec::<String>::new());
        assert_eq!(q("ministerial meeting", Lang::En), ["ministerial-2026-02"]);
        // Actors' names and places are searched too.
        assert_eq!(q("rubio", Lang::Es), ["call-2026-01-11", "ministerial-2026-02"]);
        assert_eq!(q("washington", Lang::En), ["ministerial-2026-02"]);
    }

    /// One index serves both languages in turn: it holds the texts of the
    /// language last searched and rebuilds them when the language changes.
    #[test]
    fn one_index_searches_each_language_in_turn() {
        let t = sample();
        let index = SearchIndex::default();
        let q = |text: &str, lang| {
            ids(
                &t,
                &apply(&t, &index, &Filter { query: text.into(), ..Filter::default() }, lang, None),
            )
        };
        for _ in 0..2 {
            assert_eq!(q("reunion ministerial", Lang::Es), ["ministerial-2026-02"]);
            assert_eq!(q("reunion", Lang::En), Vec::<String>::new());
            assert_eq!(q("ministerial meeting", Lang::En), ["ministerial-2026-02"]);
            assert_eq!(q("ministerial meeting", Lang::Es), Vec::<String>::new());
        }
    }

    #[test]
    fn a_longer_query_narrows_and_searching_within_gives_the_same() {
        let t = sample();
        let index = SearchIndex::default();
        let f = |q: &str| Filter { query: q.into(), ..Filter::default() };
        assert!(f("rub").narrows(&f("ru")));
        assert!(f("rubio llam").narrows(&f("rubio")));
        assert!(f("Rubio ").narrows(&f("rubio")));
        assert!(!f("ru").narrows(&f("rub")));
        assert!(!f("arubio").narrows(&f("rubio")));
        let topic = Filter { topics: vec!["diplomacy".into()], ..f("rub") };
        assert!(!topic.narrows(&f("ru")));
        let before = apply(&t, &index, &f("r"), Lang::Es, None);
        for q in ["ru", "rub", "rubio", "rubio ll"] {
            let whole = apply(&t, &index, &f(q), Lang::Es, None);
            assert_eq!(apply(&t, &index, &f(q), Lang::Es, Some(&before)), whole, "{q}");
        }
    }

    #[test]
    fn range_keeps_events_that_overlap_it() {
        let t = sample();
        let f = Filter { from: Some(d("2026")), to: Some(d("2026")), ..Filter::default() };
        assert_eq!(filtered(&t, &f, Lang::Es), ["call-2026-01-11", "ministerial-2026-02"]);
        // A month-precision event overlaps a range that ends inside its month.
        let f = Filter { from: Some(d("2026-02-20")), ..Filter::default() };
        assert_eq!(filtered(&t, &f, Lang::Es), ["ministerial-2026-02"]);
        let f = Filter { to: Some(d("2007-12")), ..Filter::default() };
        assert_eq!(filtered(&t, &f, Lang::Es), ["merida-2007"]);
    }

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
    fn steps_between_shown_events_and_stops_at_the_ends() {
        assert_eq!(step(&[2, 5, 9], 5, true), Some(9));
        assert_eq!(step(&[2, 5, 9], 5, false), Some(2));
        assert_eq!(step(&[2, 5, 9], 9, true), None);
        assert_eq!(step(&[2, 5, 9], 2, false), None);
        assert_eq!(step(&[2, 5, 9], 4, true), None);
    }

    #[test]
    fn the_tab_stop_is_on_a_shown_event() {
        assert_eq!(tab_stop(&[2, 5, 9], Some(5)), Some(5));
        assert_eq!(tab_stop(&[2, 5, 9], None), Some(2));
        // The open event is filtered out (issue 24, 3).
        assert_eq!(tab_stop(&[2, 5, 9], Some(4)), Some(2));
        assert_eq!(tab_stop(&[], Some(4)), None);
    }

    #[test]
    fn keys_move_along_a_row() {
        let go = |key, current| key_target(key, current, 5, "ArrowLeft", "ArrowRight");
        assert_eq!(go("ArrowRight", Some(1)), Some(2));
        assert_eq!(go("ArrowRight", Some(4)), Some(4));
        assert_eq!(go("ArrowLeft", Some(0)), Some(0));
        assert_eq!(go("Home", Some(3)), Some(0));
        assert_eq!(go("End", None), Some(4));
        assert_eq!(go("ArrowRight", None), None);
        assert_eq!(go("Enter", Some(1)), None);
        assert_eq!(key_target("End", None, 0, "a", "b"), None);
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
        let start = 4000 - BEFORE_OPENED;
        assert!(start < 4000, "the opened event does not start its slice");
        assert_eq!(far, ListWindow { start, end: start + CHUNK });
        // Just before (the detail's "previous"): a chunk earlier.
        let earlier = ListWindow { start: start - CHUNK, end: start + CHUNK };
        assert_eq!(far.including(start - 1, 5000), earlier);
        // Near the end of the list, the window stops there.
        assert_eq!(w.including(4995, 5000), ListWindow { start: 4995 - BEFORE_OPENED, end: 5000 });
        // A position outside the list changes nothing.
        assert_eq!(w.including(5000, 5000), w);
    }

    /// A filter change resets the window to the first chunk, but never
    /// drops the open event: it stays rendered, so focus can go back to it.
    #[test]
    fn the_chosen_window_always_holds_the_open_event() {
        let asked = ListWindow { start: 0, end: 3 * CHUNK };
        assert_eq!(ListWindow::choose(5000, Some(asked), None), asked);
        assert_eq!(ListWindow::choose(5000, None, None), ListWindow::first(5000));
        let w = ListWindow::choose(5000, None, Some(900));
        assert!(w.contains(900), "{w:?}");
        assert!(w.end - w.start <= CHUNK, "{w:?}");
        let next = 250 + CHUNK - 1;
        let w = ListWindow::choose(1000, Some(ListWindow { start: 0, end: 250 }), Some(next));
        assert!(w.contains(next) && w.contains(0), "{w:?}");
        assert_eq!(ListWindow::choose(67, None, Some(66)), ListWindow::first(67));
    }

    #[test]
    fn marks_only_while_they_can_be_told_apart() {
        assert!(draws_marks(67));
        assert!(draws_marks(MAX_MARKS));
        assert!(!draws_marks(1000));
    }

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
        let width = |y: i32| scale.position(jan_first(y + 1)) - scale.position(jan_first(y));
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
        let css = include_str!("../public/style.css");
        for n in 0..PALETTE {
            assert!(css.contains(&format!("[data-topic=\"{n}\"]")), "no style for topic {n}");
        }
        assert!(!css.contains(&format!("[data-topic=\"{PALETTE}\"]")));
        assert_eq!(palette(PALETTE + 3), 3);
    }

    #[test]
    fn percentages_need_no_floats() {
        assert_eq!(percent(0), "0.00%");
        assert_eq!(percent(1234), "12.34%");
        assert_eq!(percent(FULL), "100.00%");
        assert_eq!(percent(5), "0.05%");
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
