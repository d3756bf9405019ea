//! Any text, JSON-ish text, any JSON, and the small and real data edited
//! at random: each loads or is refused, and nothing is lost on the way.

use cronologia::data::{check, parse, skipped_events};
use proptest::prelude::*;
use serde_json::Value;

use crate::common::generators::config;
use crate::{REAL, REAL_VALUE, SMALL, assert_invariants};

/// Keys of the format, so that generated objects sometimes look like data.
const KEYS: &[&str] = &[
    "version",
    "updated",
    "title",
    "eras",
    "topics",
    "actors",
    "events",
    "id",
    "date",
    "end",
    "status",
    "era",
    "es",
    "en",
    "summary",
    "body",
    "sources",
    "url",
    "publisher",
    "lang",
    "name",
    "start",
    "quotes",
    "text",
    "translation",
    "speaker",
    "amount_usd",
    "place",
    "caveat",
    "role",
    "country",
    "$schema",
    "__proto__",
];

/// Strings that are sometimes meaningful to the format.
fn json_string() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-z0-9-]{0,12}",
        "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?",
        prop::sample::select(vec![
            "es",
            "en",
            "mx",
            "us",
            "other",
            "held",
            "announced",
            "unconfirmed",
            "merida",
            "since-2021",
            "diplomacy",
            "fentanyl",
            "sre",
            "https://example.org/a",
            "javascript:alert(1)",
            "<script>__pwned()</script>",
            "",
        ])
        .prop_map(str::to_string),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        (0u32..3).prop_map(Value::from),
        json_string().prop_map(Value::from),
    ];
    leaf.prop_recursive(5, 96, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec(
                (
                    prop_oneof![
                        prop::sample::select(KEYS).prop_map(str::to_string),
                        any::<String>()
                    ],
                    inner
                ),
                0..8
            )
            .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
}

/// Text made of JSON's own tokens, mostly not quite JSON.
fn json_ish() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        prop::sample::select(vec![
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            "\"",
            "\\",
            "\\u",
            "\\ud800",
            "null",
            "true",
            "-",
            "1e400",
            "0",
            "1",
            " ",
            "\n",
            "\u{feff}",
            "\"version\"",
            "\"events\"",
            "\"id\"",
            "\"es\"",
            "\"en\"",
            "\"title\"",
        ])
        .prop_map(str::to_string),
        json_string().prop_map(|s| serde_json::to_string(&s).unwrap()),
    ];
    prop::collection::vec(token, 0..64).prop_map(|tokens| tokens.concat())
}

/// One edit of a text: delete, insert, duplicate or cut at a place.
#[derive(Clone, Debug)]
enum Edit {
    Delete { at: f64, len: usize },
    Insert { at: f64, text: String },
    Duplicate { at: f64, len: usize },
    Truncate { at: f64 },
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0.0..1.0, 1usize..64).prop_map(|(at, len)| Edit::Delete { at, len }),
        (0.0..1.0, json_ish()).prop_map(|(at, text)| Edit::Insert { at, text }),
        (0.0..1.0, 1usize..2000).prop_map(|(at, len)| Edit::Duplicate { at, len }),
        (0.0..1.0).prop_map(|at| Edit::Truncate { at }),
    ]
}

fn boundary(text: &str, at: f64) -> usize {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, clippy::cast_precision_loss)]
    let mut i = ((text.len() as f64) * at) as usize;
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(text: &mut String, edit: &Edit) {
    match edit {
        Edit::Delete { at, len } => {
            let start = boundary(text, *at);
            let end =
                (start..=text.len().min(start + len)).rev().find(|&i| text.is_char_boundary(i));
            text.replace_range(start..end.unwrap_or(start), "");
        }
        Edit::Insert { at, text: piece } => text.insert_str(boundary(text, *at), piece),
        Edit::Duplicate { at, len } => {
            let start = boundary(text, *at);
            let end = (start..=text.len().min(start + len))
                .rev()
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(start);
            let piece = text[start..end].to_string();
            text.insert_str(end, &piece);
        }
        Edit::Truncate { at } => text.truncate(boundary(text, *at)),
    }
}

/// A path into a JSON value, as indices chosen at random.
fn replace_at(value: &mut Value, path: &[usize], new: Value) {
    let child = match value {
        Value::Array(items) if !items.is_empty() => {
            let i = path.first().map_or(0, |i| i % items.len());
            Some(&mut items[i])
        }
        Value::Object(map) if !map.is_empty() => {
            let i = path.first().map_or(0, |i| i % map.len());
            map.values_mut().nth(i)
        }
        _ => None,
    };
    match (child, path.split_first()) {
        (Some(child), Some((_, rest))) if !rest.is_empty() => replace_at(child, rest, new),
        (Some(child), _) => *child = new,
        (None, _) => *value = new,
    }
}

/// Parses, and checks what must hold of any result; `events` is the length
/// of the document's `events` array, when it has one.
fn load_counted(text: &str, events: Option<usize>) {
    match parse(text) {
        Ok(timeline) => {
            assert_invariants(&timeline);
            if let Some(events) = events {
                assert_eq!(
                    timeline.events.len() + skipped_events(&timeline.problems),
                    events,
                    "an event was neither shown nor reported"
                );
            }
        }
        Err(err) => {
            assert!(!err.to_string().is_empty());
            assert_eq!(check(text).len(), 1);
        }
    }
}

fn load(text: &str) {
    let events = serde_json::from_str::<Value>(text.trim_start_matches('\u{feff}'))
        .ok()
        .and_then(|v| v["events"].as_array().map(Vec::len));
    load_counted(text, events);
}

fn load_value(doc: &Value) {
    load_counted(&doc.to_string(), doc["events"].as_array().map(Vec::len));
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn any_text_loads_or_is_refused(text in any::<String>()) {
        load(&text);
    }

    #[test]
    fn json_ish_text_loads_or_is_refused(text in json_ish()) {
        load(&text);
    }

    #[test]
    fn any_json_loads_or_is_refused(value in json_value()) {
        load_value(&value);
    }

    /// The small fixture with random values put anywhere in it.
    #[test]
    fn small_data_with_random_values(
        changes in prop::collection::vec((prop::collection::vec(any::<usize>(), 1..6), json_value()), 1..4)
    ) {
        let mut doc: Value = serde_json::from_str(&SMALL).unwrap();
        for (path, new) in changes {
            replace_at(&mut doc, &path, new);
        }
        load_value(&doc);
    }
}

proptest! {
    #![proptest_config(config(16))]

    /// The real data, edited at random as text (a hand edit gone wrong).
    #[test]
    fn real_data_edited_as_text(edits in prop::collection::vec(edit(), 1..6)) {
        let mut text = REAL.clone();
        for edit in &edits {
            apply(&mut text, edit);
        }
        load(&text);
    }

    /// The real data with random values put anywhere in it.
    #[test]
    fn real_data_with_random_values(
        changes in prop::collection::vec((prop::collection::vec(any::<usize>(), 1..6), json_value()), 1..4)
    ) {
        let mut doc = REAL_VALUE.clone();
        for (path, new) in changes {
            replace_at(&mut doc, &path, new);
        }
        load_value(&doc);
    }
}
