//! Hostile input, natively: a corpus of tricky data files (each run through
//! the parser and the checker, with the outcome it must have), and property
//! tests of data parsing, search folding and URL state.
//!
//! The property tests run a moderate number of cases so that `cargo test`
//! stays quick; `PROPTEST_CASES=5000 cargo test --test hostile` runs more.
//! The browser side of the same inputs is `end2end/tests/hostile.spec.ts`.

#[path = "../common/mod.rs"]
mod common;

mod address;
mod corpus;
mod events;
mod json;
mod search;

use std::sync::LazyLock;

use cronologia::data::Timeline;
use serde_json::Value;

use common::read;

static REAL: LazyLock<String> = LazyLock::new(|| read("public/data/events.json"));
static REAL_VALUE: LazyLock<Value> = LazyLock::new(|| serde_json::from_str(&REAL).unwrap());
static SMALL: LazyLock<String> = LazyLock::new(|| read("tests/fixtures/small.json"));

/// What holds for any timeline the loader returns.
fn assert_invariants(timeline: &Timeline) {
    for event in &timeline.events {
        for source in &event.sources {
            let url = source.url.to_ascii_lowercase();
            assert!(
                url.starts_with("https://") || url.starts_with("http://"),
                "a non-web link got through: {:?}",
                source.url
            );
            assert!(!source.url.chars().any(char::is_whitespace), "{:?}", source.url);
        }
        assert!(!event.topics.is_empty());
        assert!(timeline.topic(&event.topics[0]).is_some());
    }
    let ids: Vec<&str> = timeline.events.iter().map(|e| e.id.as_str()).collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "duplicate ids shown");
    assert!(timeline.events.windows(2).all(|w| w[0].date <= w[1].date), "not in order");
}
