//! Linked views that route.js filters before the app starts (a stylesheet
//! over the cards' `data-topics`, `data-actors` and `key` class), each with
//! the events `timeline::apply` shows for it on the real data. The e2e spec
//! `prefilter.spec.ts` loads each prerendered page without the app and
//! checks that exactly those cards are visible.

use cronologia::address::{Address, Page};
use cronologia::data::{Lang, Timeline};
use cronologia::timeline::{SearchIndex, apply};
use serde_json::{Value, json};

/// The view of `path` (a home page) with `search`, and the ids the app
/// shows for it.
fn view(timeline: &Timeline, path: &str, search: &str) -> Value {
    let address = Address::parse(path, search);
    let lang = address.page.lang;
    let f = &address.view.filter;
    assert!(
        f.query.is_empty() && f.from.is_none() && f.to.is_none(),
        "{search}: route.js waits for the app"
    );
    let shown = apply(timeline, &SearchIndex::default(), f, lang, None);
    let ids: Vec<&str> = shown.iter().map(|&i| timeline.events[i].id.as_str()).collect();
    json!({ "path": path, "search": search, "lang": lang.code(), "ids": ids })
}

/// Every topic and actor alone, the key moments, and combinations of them
/// (among them some that show nothing, and the old forms the app still reads).
pub fn views(timeline: &Timeline) -> Vec<Value> {
    let topics: Vec<&str> = timeline.topics.iter().map(|t| t.id.as_str()).collect();
    let actors: Vec<&str> = timeline.actors.iter().map(|a| a.id.as_str()).collect();
    let mut searches: Vec<String> = Vec::new();
    searches.extend(topics.iter().map(|t| format!("?topic={t}")));
    searches.extend(actors.iter().map(|a| format!("?actor={a}")));
    for (i, t) in topics.iter().enumerate() {
        let next = topics[(i + 1) % topics.len()];
        let actor = actors[(i * 7) % actors.len()];
        searches.push(format!("?topic={t},{next}"));
        searches.push(format!("?topic={t}&key=1"));
        searches.push(format!("?topic={t}&actor={actor}"));
        searches.push(format!("?actor={actor}&key=true&topic={t},{next}"));
    }
    for a in actors.iter().step_by(5) {
        searches.push(format!("?actor={a}&key"));
    }
    searches.extend(
        [
            "?key=1",
            "?key",
            "?key=0&key=1",
            "?key=1&key=no",
            "?topic=no-such-topic",
            "?topic=%20fentanyl%20,,fentanyl",
            "?actor=no-such-actor",
            "?embed=1&topic=fentanyl",
            "?utm_source=x&topic=border&key=yes",
        ]
        .map(String::from),
    );
    searches.push(format!("?actor={},{}", actors[1], actors[0]));
    let mut views = Vec::new();
    for (n, search) in searches.iter().enumerate() {
        // Both languages for the first ones, then alternating.
        let langs: &[Lang] = if n < 20 { &Lang::ALL } else { &Lang::ALL[n % 2..=n % 2] };
        for lang in langs {
            views.push(view(timeline, &Page::home(*lang).path(), search));
        }
    }
    views
}
