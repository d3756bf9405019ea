//! Nothing valid breaks the build: whatever `check` accepts, the
//! prerendering draws, every page of it, natively and in-process.

use std::path::Path;
use std::sync::{Arc, LazyLock};

use cronologia::address::Page;
use cronologia::data::{Lang, Timeline, check, fingerprint, parse};
use cronologia::dates::PartialDate;
use cronologia::prerender::{Prerender, Site};

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
