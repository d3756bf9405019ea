//! Generators that need no type of the crate: the property tests' config,
//! and addresses as text. The integration tests use this file through
//! `tests/common/mod.rs`; the crate's own `src/components/overview/tests.rs`
//! includes it with `#[path]`, so there is one copy of each.

use proptest::prelude::*;
use proptest::test_runner::Config;

/// `cases` unless `PROPTEST_CASES` says otherwise; no regression files are
/// written (a tricky input found goes into a plain test by hand).
pub fn config(cases: u32) -> Config {
    let mut config = Config::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = cases;
    }
    config.failure_persistence = None;
    config
}

/// Pieces that break naive readers of an address: periods backwards, out
/// of range or impossible, edge and huge numbers, ids of the data and near
/// them, non-ASCII, percent-encoded lone surrogates and broken UTF-8, bad
/// escapes, controls, separators.
const PIECES: &[&str] = &[
    "2027",
    "2020",
    "2010",
    "1990",
    "0000",
    "9999",
    "99999",
    "2026-02",
    "2026-02-30",
    "2026-13",
    "2010-03-04",
    "2020-02-30",
    "-2010",
    "18446744073709551616",
    "1e9",
    "NaN",
    "en",
    "es",
    "EN-us",
    "en-US",
    "fr",
    "1",
    "0",
    "true",
    "x",
    "a-b",
    "fentanyl",
    "diplomacy",
    "sre",
    "marco-rubio",
    "merida-2007",
    "call-2026-01-11",
    "unknown",
    "%ED%A0%80",
    "%ED%B0%80",
    "%F0%9F%98",
    "%FF",
    "%FF%FE",
    "%C3",
    "%C3%A1",
    "%E0%A4%A",
    "%ZZ",
    "%",
    "%00",
    "%01",
    "%20",
    "%2C",
    "%26",
    "%3D",
    "%2F",
    "%23",
    "+",
    "=",
    ",",
    ",,",
    " ",
    "\t",
    "\u{0}",
    "é",
    "ñ",
    "\u{202e}",
    "\u{200b}",
    "\u{fffd}",
    "\u{1f600}",
    "a\u{301}",
    "<script>",
    "\"'",
    "&amp;",
];

/// A value of an address: a date, or [`PIECES`], runs and any text
/// run together.
pub fn value() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        prop::sample::select(PIECES).prop_map(str::to_string),
        "[a-z0-9 ,-]{0,12}",
        "[0-9]{1,30}",
        "[a-z ]{70,90}",
        any::<String>(),
    ];
    prop_oneof![
        2 => date_text(),
        3 => prop::collection::vec(piece, 0..6).prop_map(|p| p.concat()),
    ]
}

/// A date as an address writes it, at any precision, often impossible
/// (month 13, day 31 of a short month) or out of the data's years.
pub fn date_text() -> impl Strategy<Value = String> {
    (prop_oneof![0u32..=9999, 2000u32..2030], 0u8..=13, 0u8..=31).prop_map(|(y, m, d)| {
        match (m, d) {
            (0, _) => format!("{y:04}"),
            (m, 0) => format!("{y:04}-{m:02}"),
            (m, d) => format!("{y:04}-{m:02}-{d:02}"),
        }
    })
}

/// A query string (without `?`) of the address's keys, and sometimes any
/// text as a key, with [`value`]s.
pub fn query_text() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        6 => prop::sample::select(vec![
            "from", "to", "q", "topic", "actor", "key", "event", "lang", "embed", "childId",
        ])
        .prop_map(str::to_string),
        1 => any::<String>(),
    ];
    prop::collection::vec((key, value()), 0..8).prop_map(|pairs| {
        pairs.into_iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&")
    })
}

/// A path (the site's own, and event pages with any id) and a query string.
pub fn address_text() -> impl Strategy<Value = (String, String)> {
    let path = prop_oneof![
        Just(String::new()),
        Just("en/".to_string()),
        value().prop_map(|id| format!("eventos/{id}/")),
        value().prop_map(|id| format!("en/events/{id}/")),
        prop::sample::select(vec!["eventos/merida-2007/", "en/events/call-2026-01-11/"])
            .prop_map(str::to_string),
    ];
    (path, query_text())
}
