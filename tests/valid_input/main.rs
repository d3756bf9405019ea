//! Nothing valid breaks the build (issue 24): whatever `check` accepts,
//! the prerendering draws, natively and in-process, and what it cannot
//! draw `check` refuses in words; the overview's geometry never wraps,
//! whatever the data and the chosen period. Property tests over generated
//! documents: eras (empty ones, one prepared ahead of the events), dates
//! at every precision, edge years, statuses, texts of any characters.
//! Any address on the page is tested in `src/components/overview/tests.rs`.

#[path = "../common/mod.rs"]
mod common;
mod plan;

use std::cell::Cell;
use std::sync::{Arc, LazyLock};

use cronologia::address::Page;
use cronologia::data::{Lang, Timeline, check, fingerprint, parse};
use cronologia::dates::PartialDate;
use cronologia::prerender::{Prerender, Site};
use cronologia::timeline::{FULL, Scale, Span, era_periods, zoom};
use proptest::prelude::*;
use proptest::test_runner::TestRunner;

use common::generators::config;
use common::read;
use plan::{MILLION, date_at, plan};

const TEMPLATE: &str = "<!doctype html><html lang=es><head><meta charset=utf-8><title>Shell</title></head><body><div id=app></div></body></html>";

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
