//! Nothing valid breaks the build (issue 24): whatever `check` accepts,
//! the prerendering draws, natively and in-process, and what it cannot
//! draw `check` refuses in words; the overview's geometry never wraps,
//! whatever the data and the chosen period. Property tests over generated
//! documents: eras (empty ones, one prepared ahead of the events), dates
//! at every precision, edge years, statuses, texts of any characters.
//! Any address on the page is tested in `src/components/overview/tests.rs`.

use std::cell::Cell;
use std::path::Path;
use std::sync::{Arc, LazyLock};

use cronologia::address::Page;
use cronologia::data::{
    Actor, Correction, Country, Document, Era, Event, Id, Lang, Quote, Source, Status, Text,
    Timeline, Topic, check, fingerprint, parse,
};
use cronologia::dates::{PartialDate, Precision, from_days_since_epoch};
use cronologia::prerender::{Prerender, Site};
use cronologia::timeline::{FULL, Scale, Span, era_periods, zoom};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

const TEMPLATE: &str = "<!doctype html><html lang=es><head><meta charset=utf-8><title>Shell</title></head><body><div id=app></div></body></html>";

fn read(path: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

static SMALL: LazyLock<String> = LazyLock::new(|| read("tests/fixtures/small.json"));

fn prerender(text: &str) -> Prerender<'static> {
    let timeline = parse(text).unwrap();
    Prerender {
        template: TEMPLATE,
        timeline: Arc::new(timeline),
        fingerprint: fingerprint(text),
        site: Site { base: "/".into(), url: "https://example.org/".into() },
        today: PartialDate::parse("2026-01-20").unwrap(),
    }
}

/// Every page the build writes: both home pages and each event's.
fn all_pages(timeline: &Timeline) -> Vec<Page> {
    let mut pages = vec![Page::home(Lang::Es), Page::home(Lang::En)];
    for lang in Lang::ALL {
        pages.extend(timeline.events.iter().map(|e| Page::event(lang, &e.id)));
    }
    pages
}

/// `small.json` with `era` added after its eras.
fn with_era(era: &str) -> String {
    let eras_end = "\"summary\": { \"es\": \"La cooperación desde 2021.\", \"en\": \"Cooperation since 2021.\" } }";
    assert!(SMALL.contains(eras_end));
    SMALL.replacen(eras_end, &format!("{eras_end},\n    {era}"), 1)
}

/// An era prepared ahead for the next period, starting after the newest
/// event: the checks accept it, so the build must draw it (issue 24, 1).
#[test]
fn an_era_after_the_last_event_is_drawn() {
    let text = with_era(
        r#"{ "id": "next", "start": "2027-01-01",
      "name": { "es": "Lo que sigue", "en": "What comes next" },
      "summary": { "es": "El periodo siguiente.", "en": "The next period." } }"#,
    );
    assert_eq!(check(&text), vec![], "the checks accept it");
    let p = prerender(&text);
    for page in all_pages(&p.timeline) {
        let html = p.page(&page).unwrap();
        assert!(html.contains("class=\"era-band\""), "{page:?}");
    }
}

/// The widest span the dates can write, from the year 0000 (a leap year)
/// to the last day of 9999: drawn, every mark and bar on the axis.
#[test]
fn the_widest_span_of_years_is_drawn() {
    let text = SMALL
        .replacen("\"start\": \"2007-01-01\"", "\"start\": \"0000-01-01\"", 1)
        .replacen("\"date\": \"2007-10-22\", \"status\"", "\"date\": \"0000-02-29\", \"status\"", 1)
        .replacen("\"date\": \"2026-01-11\"", "\"date\": \"9999-12-31\"", 1);
    assert_eq!(check(&text), vec![], "the checks accept it");
    let p = prerender(&text);
    assert_eq!(p.timeline.events.last().unwrap().date.to_string(), "9999-12-31");
    for page in [Page::home(Lang::Es), Page::event(Lang::En, "merida-2007")] {
        assert_drawn_on_the_axis(&p.page(&page).unwrap());
    }
}

// ------------------------------------------------------- generated data

/// `cases` unless `PROPTEST_CASES` says otherwise; no regression files (a
/// case found goes into a test above by hand).
fn config(cases: u32) -> Config {
    let mut config = Config::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = cases;
    }
    config.failure_persistence = None;
    config
}

/// A document's plan in plain numbers; [`Plan::document`] makes it a
/// document, valid by construction in most cases.
#[derive(Clone, Debug)]
struct Plan {
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

const MILLION: u32 = 1_000_000;

fn words() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-zA-Z0-9 áéíóúñ,.¿?]{1,24}",
        1 => "[<>&\"'!\\-/ a-z\n]{1,16}",
        1 => any::<String>(),
    ]
    .prop_filter("not blank", |s| !s.trim().is_empty())
}

fn text() -> impl Strategy<Value = Text> {
    (words(), words()).prop_map(|(es, en)| Text { es, en })
}

fn lang() -> impl Strategy<Value = Lang> {
    prop::sample::select(Lang::ALL.to_vec())
}

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

fn plan(texts: bool) -> impl Strategy<Value = Plan> {
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
fn date_at(first: i64, last: i64, at: u32, precision: u8) -> PartialDate {
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
    fn document(&self) -> Document {
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

/// Every percentage the overview draws with (`x="12.34%"`, `width="…%"`)
/// lies on the axis: a wrapped subtraction would show as a huge one.
fn assert_drawn_on_the_axis(html: &str) {
    assert!(html.contains("<div id=\"app\""));
    let Some(start) = html.find("<svg") else { return };
    let axis = &html[start..start + html[start..].find("</svg>").unwrap()];
    for attribute in [" x=\"", " width=\"", " cx=\""] {
        for (at, _) in axis.match_indices(attribute) {
            let value = &axis[at + attribute.len()..];
            let Some(value) = value[..value.find('"').unwrap()].strip_suffix('%') else { continue };
            let value: f64 = value.parse().unwrap();
            assert!((0.0..=100.0).contains(&value), "{attribute}{value}%");
        }
    }
}

/// The pages a document's test renders: a home page, and an event's page
/// in the other language (rendering each of a document's pages would take
/// minutes for a few thousand documents, and adds little: every event is
/// on the home page).
fn pages(timeline: &Timeline, pick: prop::sample::Index) -> Vec<Page> {
    let lang = Lang::ALL[pick.index(2)];
    let mut pages = vec![Page::home(lang)];
    if !timeline.events.is_empty() {
        pages.push(Page::event(
            lang.other(),
            &timeline.events[pick.index(timeline.events.len())].id,
        ));
    }
    pages
}

/// Whatever `check` accepts, the prerendering draws, every page of it;
/// what it refuses, it says in words. A document with problems is still
/// built from its good events (with a warning, as the build does), and
/// those pages are drawn too.
#[test]
fn whatever_the_checks_accept_is_drawn() {
    const CASES: u32 = 1000;
    let (clean, with_problems, pages_drawn) = (Cell::new(0), Cell::new(0), Cell::new(0));
    let mut runner = TestRunner::new(config(CASES));
    runner
        .run(&(plan(true), any::<prop::sample::Index>()), |(plan, pick)| {
            let doc = plan.document();
            let text = serde_json::to_string_pretty(&doc).unwrap();
            let problems = check(&text);
            for problem in &problems {
                prop_assert!(problem.to_string().len() > problem.path.len() + 10, "{problem:?}");
            }
            let timeline = parse(&text);
            prop_assert!(timeline.is_ok() || !problems.is_empty());
            let Ok(timeline) = timeline else { return Ok(()) };
            if problems.is_empty() {
                clean.set(clean.get() + 1);
                prop_assert_eq!(timeline.events.len(), doc.events.len());
            } else {
                with_problems.set(with_problems.get() + 1);
            }
            let prerender = Prerender { timeline: Arc::new(timeline), ..prerender(&SMALL) };
            for page in pages(&prerender.timeline, pick) {
                let html = prerender.page(&page).unwrap();
                assert_drawn_on_the_axis(&html);
                pages_drawn.set(pages_drawn.get() + 1);
            }
            Ok(())
        })
        .unwrap();
    let (clean, with_problems) = (clean.get(), with_problems.get());
    eprintln!(
        "{clean} clean documents, {with_problems} with problems, {} pages drawn",
        pages_drawn.get()
    );
    // Most generated documents are clean, so the property is about them.
    assert!(clean > 2 * with_problems, "{clean} clean, {with_problems} with problems");
}

// ------------------------------------------------------------ geometry

/// Any date the address or the data may hold: every precision, edge years.
fn any_date() -> impl Strategy<Value = PartialDate> {
    (prop_oneof![0..=9999, 1990..2040], 0u32..=MILLION, 0u8..3).prop_map(|(year, at, precision)| {
        let jan_first = |year| PartialDate { year, month: 1, day: 1 }.days_since_epoch();
        date_at(jan_first(year), jan_first(year + 1) - 1, at, precision)
    })
}

proptest! {
    #![proptest_config(config(3000))]

    /// The overview's spans and periods are never reversed, lie on the
    /// axis and inside the scale, whatever the data and the chosen period.
    #[test]
    fn the_overview_geometry_never_wraps(
        plan in plan(false),
        from in prop::option::of(any_date()),
        to in prop::option::of(any_date()),
        (a, b) in (any::<u32>(), 0..=FULL + 10),
        narrower in any::<bool>(),
    ) {
        let text = serde_json::to_string(&plan.document()).unwrap();
        let Ok(timeline) = parse(&text) else { return Ok(()) };
        let Some(scale) = Scale::of(&timeline) else { return Ok(()) };
        let drawn = scale.period();
        prop_assert!(drawn.first() <= drawn.last());
        let on_axis = |span: Span| span.start() <= span.end() && span.end() <= FULL;
        for (n, period) in era_periods(&timeline, &scale) {
            prop_assert!(n < timeline.eras.len());
            prop_assert_eq!(period.within(drawn), Some(period));
            prop_assert!(on_axis(scale.span(period)));
        }
        let range = scale.range(from, to);
        prop_assert_eq!(range.is_none(), from.is_none() && to.is_none());
        if let Some(range) = range {
            prop_assert!(range.first() <= range.last());
            prop_assert!(on_axis(scale.span(range)));
        }
        if let Some(zoomed) = zoom(&scale, range, narrower) {
            prop_assert_eq!(zoomed.within(drawn), Some(zoomed), "{:?} from {:?}", zoomed, range);
            prop_assert!(zoomed.length() >= 30.min(drawn.length()));
        }
        prop_assert!(on_axis(Span::between(a, b)));
        if let Some(dragged) = scale.dragged(a, b) {
            prop_assert_eq!(dragged.within(drawn), Some(dragged));
        }
        // Positions grow with the days, from one end of the axis to the other.
        let (first, last) = (drawn.first(), drawn.last());
        let days = [first - 1, first, first + (last - first) / 3, last, last + 1];
        let positions: Vec<u32> = days.iter().map(|&d| scale.position(d)).collect();
        prop_assert!(positions.windows(2).all(|w| w[0] <= w[1]), "{:?}", positions);
        prop_assert_eq!((positions[0], positions[4]), (0, FULL));
    }
}
