//! Generated documents: a plan in plain numbers, and the document it
//! makes, valid by construction in most cases.

use cronologia::data::{
    Actor, Correction, Country, Document, Era, Event, Id, Lang, Quote, Source, Status, Text, Topic,
};
use cronologia::dates::{PartialDate, Precision, from_days_since_epoch};
use proptest::prelude::*;

use crate::common::{lang, text, words};

/// A document's plan in plain numbers; [`Plan::document`] makes it a
/// document, valid by construction in most cases.
#[derive(Clone, Debug)]
pub struct Plan {
    /// The first year, its span in years (edge years included: 0000, 9999).
    first_year: i32,
    years: i32,
    /// Where each era after the first starts, in millionths of the span,
    /// and whether the last era is closed.
    era_starts: Vec<u32>,
    last_era_ends: bool,
    /// An era after the newest event, prepared ahead.
    era_ahead: bool,
    /// Where `updated` falls, in millionths of the span and a year after
    /// it, and its precision.
    updated: (u32, u8),
    topics: usize,
    actors: usize,
    events: Vec<EventPlan>,
}

#[derive(Clone, Debug)]
struct EventPlan {
    at: u32,
    precision: u8,
    /// Days, months or years after the date, in its precision.
    end: Option<u8>,
    /// 0-3 held, 4-6 unconfirmed, 7-8 announced where that is still
    /// possible (else held), 9 announced even when it has passed (which
    /// the checks refuse).
    status: u8,
    topics: Vec<usize>,
    actors: Vec<usize>,
    key: bool,
    people_sent: Option<u32>,
    amount_usd: Option<u64>,
    texts: (Text, Text, Option<Text>, Option<Text>, Option<Text>),
    quotes: Vec<(String, Lang, String, Text)>,
    corrected: bool,
    sources: usize,
}

pub const MILLION: u32 = 1_000_000;

/// An event's plan; `texts` false gives every event the same texts (for
/// the tests of geometry, which need only dates and go faster without).
fn event_plan(texts: bool) -> impl Strategy<Value = EventPlan> {
    let text = move || if texts { text().boxed() } else { Just(named("Text")).boxed() };
    let quotes = if texts { 0..2 } else { 0..1 };
    (
        (0..=MILLION, 0u8..3, prop::option::of(1u8..=3), 0u8..10),
        (prop::collection::vec(0usize..10, 1..4), prop::collection::vec(0usize..3, 0..3)),
        (
            any::<bool>(),
            prop::option::weighted(0.3, 1..=u32::MAX),
            prop::option::of(prop_oneof![Just(0u64), Just(u64::MAX), any::<u64>()]),
        ),
        (text(), text(), prop::option::of(text()), prop::option::of(text())),
        (
            prop::option::of(text()),
            prop::collection::vec((words(), lang(), words(), text()), quotes),
            any::<bool>(),
            1usize..3,
        ),
    )
        .prop_map(
            |(
                (at, precision, end, status),
                (topics, actors),
                (key, people_sent, amount_usd),
                (title, summary, place, body),
                (caveat, quotes, corrected, sources),
            )| EventPlan {
                at,
                precision,
                end,
                status,
                topics,
                actors,
                key,
                people_sent,
                amount_usd,
                texts: (title, summary, place, body, caveat),
                quotes,
                corrected,
                sources,
            },
        )
}

pub fn plan(texts: bool) -> impl Strategy<Value = Plan> {
    (
        (prop_oneof![Just(0), 0..=3, 1950..2030, 9990..=9999], prop_oneof![Just(0), 0..=3, 4..=30]),
        (prop::collection::vec(0..=MILLION, 0..4), any::<bool>(), any::<bool>()),
        ((0..=MILLION, 0u8..3), 1usize..=10, 0usize..=3),
        prop::collection::vec(event_plan(texts), 0..10),
    )
        .prop_map(
            |(
                (first_year, years),
                (era_starts, last_era_ends, era_ahead),
                (updated, topics, actors),
                events,
            )| Plan {
                first_year,
                years: years.min(9999 - first_year),
                era_starts,
                last_era_ends,
                era_ahead,
                updated,
                topics,
                actors,
                events,
            },
        )
}

/// The date `at` millionths into the days from `first` to `last`, known to
/// `precision` (0 a year, 1 a month, 2 a day).
pub fn date_at(first: i64, last: i64, at: u32, precision: u8) -> PartialDate {
    let day = first + (last - first) * i64::from(at) / i64::from(MILLION);
    to_precision(from_days_since_epoch(day), precision)
}

fn to_precision(d: PartialDate, precision: u8) -> PartialDate {
    match precision {
        0 => PartialDate { month: 0, day: 0, ..d },
        1 => PartialDate { day: 0, ..d },
        _ => d,
    }
}

/// `date` moved `n` of its own units later, within the year 9999.
fn later(date: PartialDate, n: u8) -> PartialDate {
    let n = i32::from(n);
    let moved = match date.precision() {
        Precision::Year => PartialDate { year: date.year + n, ..date },
        Precision::Month => {
            let months = date.year * 12 + i32::from(date.month) - 1 + n;
            PartialDate { year: months / 12, month: u8::try_from(months % 12 + 1).unwrap(), day: 0 }
        }
        Precision::Day => from_days_since_epoch(date.days_since_epoch() + i64::from(n)),
    };
    if moved.year > 9999 { date } else { moved }
}

fn id(s: &str) -> Id {
    Id::new(s).unwrap()
}

fn named(name: &str) -> Text {
    Text { es: format!("{name} (es)"), en: format!("{name} (en)") }
}

impl Plan {
    pub fn document(&self) -> Document {
        let jan_first = |year| PartialDate { year, month: 1, day: 1 }.days_since_epoch();
        let first = jan_first(self.first_year);
        let last = jan_first(self.first_year + self.years + 1) - 1;
        // Eras: the first from the first day, the others where planned,
        // each ending the day before the next starts.
        let mut starts: Vec<i64> = self
            .era_starts
            .iter()
            .map(|&at| date_at(first, last, at, 2).days_since_epoch())
            .filter(|&d| d > first)
            .collect();
        starts.sort_unstable();
        starts.dedup();
        starts.insert(0, first);
        let mut eras: Vec<Era> = starts
            .iter()
            .enumerate()
            .map(|(n, &start)| {
                let next = starts.get(n + 1).map(|&s| s - 1);
                let end = next.or((self.last_era_ends).then_some(last));
                Era {
                    id: id(&format!("era-{n}")),
                    start: from_days_since_epoch(start),
                    end: end.map(from_days_since_epoch),
                    name: named(&format!("Era {n}")),
                    summary: named("Summary"),
                }
            })
            .collect();
        let year_9999 = PartialDate { year: 9999, month: 12, day: 31 }.days_since_epoch();
        let updated = date_at(first, (last + 366).min(year_9999), self.updated.0, self.updated.1);
        let topics: Vec<Topic> = (0..self.topics)
            .map(|n| Topic { id: id(&format!("topic-{n}")), name: named(&format!("Topic {n}")) })
            .collect();
        let actors: Vec<Actor> = (0..self.actors)
            .map(|n| Actor {
                id: id(&format!("actor-{n}")),
                country: [Country::Mx, Country::Us, Country::Other][n % 3],
                name: named(&format!("Actor {n}")),
                role: named("Role"),
            })
            .collect();
        let events: Vec<Event> = self
            .events
            .iter()
            .enumerate()
            .map(|(n, plan)| plan.event(n, (first, last), &eras, updated, self.topics, self.actors))
            .collect();
        if self.era_ahead {
            let newest = events.iter().map(Event::last_day).max().unwrap_or(updated);
            let start = from_days_since_epoch(newest.days_since_epoch() + 1);
            if start.year <= 9999 {
                eras.push(Era {
                    id: id("ahead"),
                    start,
                    end: None,
                    name: named("Ahead"),
                    summary: named("What comes next"),
                });
            }
        }
        Document {
            schema: None,
            version: 1,
            updated,
            sources_until: None,
            title: named("Generated"),
            eras,
            topics,
            actors,
            events,
        }
    }
}

impl EventPlan {
    fn event(
        &self,
        n: usize,
        (first, last): (i64, i64),
        eras: &[Era],
        updated: PartialDate,
        topics: usize,
        actors: usize,
    ) -> Event {
        let date = date_at(first, last, self.at, self.precision);
        let era = eras.iter().rev().find(|e| e.contains(date)).unwrap_or(&eras[0]);
        let (title, summary, place, body, caveat) = self.texts.clone();
        let source = |k: usize| Source {
            url: format!("https://example.org/{n}/{k}?a=1&b=<2>"),
            publisher: "Publisher".into(),
            title: format!("Source {k}"),
            date: (k == 0).then_some(updated),
            lang: Lang::ALL[k % 2],
            primary: k == 1,
        };
        let pick = |ids: &[usize], count: usize, prefix: &str| {
            let mut picked: Vec<Id> =
                ids.iter().filter(|&&i| i < count).map(|i| id(&format!("{prefix}-{i}"))).collect();
            picked.dedup();
            picked
        };
        let mut topics = pick(&self.topics, topics, "topic");
        if topics.is_empty() {
            topics.push(id("topic-0"));
        }
        let end = self.end.map(|k| later(date, k)).filter(|&end| end > date);
        let ahead = end.unwrap_or(date).last_day() >= updated.first_day();
        let status = match self.status {
            0..=3 => Status::Held,
            4..=6 => Status::Unconfirmed,
            7 | 8 if !ahead => Status::Held,
            _ => Status::Announced,
        };
        Event {
            id: id(&format!("event-{n}")),
            date,
            end,
            status,
            era: era.id.clone(),
            topics,
            actors: pick(&self.actors, actors, "actor"),
            place,
            title,
            summary,
            body,
            caveat,
            amount_usd: self.amount_usd,
            people_sent: self.people_sent,
            key: self.key,
            official: false,
            corrections: if self.corrected {
                vec![Correction { date: updated.first_day(), text: named("Corrected") }]
            } else {
                vec![]
            },
            // Checked on the review's first day: a check any later day of a
            // review dated to the month is as valid.
            checked: Some(updated.first_day()),
            quotes: self
                .quotes
                .iter()
                .map(|(text, lang, translation, speaker)| Quote {
                    text: text.clone(),
                    lang: *lang,
                    translation: translation.clone(),
                    speaker: speaker.clone(),
                })
                .collect(),
            sources: (0..self.sources).map(source).collect(),
        }
    }
}
