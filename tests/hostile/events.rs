//! A valid event, generated against the header of
//! `tests/fixtures/small.json`, survives being written and read back.

use cronologia::data::{Document, Event, Id, parse};
use cronologia::dates::PartialDate;
use proptest::prelude::*;
use serde_json::Value;

use crate::SMALL;
use crate::common::generators::config;
use crate::common::{lang, text};

fn non_blank() -> impl Strategy<Value = String> {
    any::<String>().prop_filter("not blank", |s| !s.trim().is_empty())
}

/// A date of the Mérida era (2007-01-01 to 2021-10-07), and a later end in
/// the same form.
fn dates() -> impl Strategy<Value = (PartialDate, Option<PartialDate>)> {
    (2008i32..2021, 1u8..=11, 1u8..=23, 0u8..3, prop::option::of(1u8..=5))
        .prop_map(|(year, month, day, form, end)| match form {
            0 => (format!("{year}"), end.map(|n| format!("{}", year + i32::from(n)))),
            1 => (format!("{year}-{month:02}"), end.map(|_| format!("{year}-{:02}", month + 1))),
            _ => (
                format!("{year}-{month:02}-{day:02}"),
                end.map(|n| format!("{year}-{month:02}-{:02}", day + n)),
            ),
        })
        .prop_map(|(date, end)| {
            let read = |s: &str| PartialDate::parse(s).unwrap();
            (read(&date), end.as_deref().map(read))
        })
}

fn source() -> impl Strategy<Value = cronologia::data::Source> {
    (
        "https?://[a-z0-9]{1,12}(\\.[a-z]{2,6}){1,2}(/[a-zA-Z0-9/?&=%<>\"'().~_é-]{0,40})?",
        non_blank(),
        non_blank(),
        prop::option::of(Just(PartialDate::parse("2020-02-29").unwrap())),
        lang(),
    )
        .prop_map(|(url, publisher, title, date, lang)| cronologia::data::Source {
            url,
            publisher,
            title,
            date,
            lang,
            primary: false,
        })
}

fn valid_event() -> impl Strategy<Value = Event> {
    let topics = prop::sample::subsequence(
        vec!["agreements", "arms-trafficking", "diplomacy", "fentanyl"],
        1..=4,
    );
    let actors = prop::sample::subsequence(vec!["marco-rubio", "sre"], 0..=2);
    let quote = (non_blank(), lang(), non_blank(), text()).prop_map(
        |(text, lang, translation, speaker)| cronologia::data::Quote {
            text,
            lang,
            translation,
            speaker,
        },
    );
    (
        (
            "p-[a-z0-9]{1,10}(-[a-z0-9]{1,10}){0,3}",
            dates(),
            prop::sample::select(vec!["held", "unconfirmed"]),
        ),
        (topics, actors, prop::option::of(text()), text(), text()),
        (
            prop::option::of(text()),
            prop::option::of(text()),
            prop::option::of(any::<u64>()),
            prop::option::of(1..=u32::MAX),
        ),
        (prop::collection::vec(quote, 0..3), prop::collection::vec(source(), 1..4)),
    )
        .prop_map(
            |(
                (id, (date, end), status),
                (topics, actors, place, title, summary),
                (body, caveat, amount_usd, people_sent),
                (quotes, sources),
            )| {
                Event {
                    id: Id::new(&id).unwrap(),
                    date,
                    end,
                    status: serde_json::from_value(Value::from(status)).unwrap(),
                    era: Id::new("merida").unwrap(),
                    topics: topics.into_iter().filter_map(Id::new).collect(),
                    actors: actors.into_iter().filter_map(Id::new).collect(),
                    place,
                    title,
                    summary,
                    body,
                    caveat,
                    amount_usd,
                    people_sent,
                    key: false,
                    official: false,
                    corrections: vec![],
                    checked: Some(PartialDate::parse("2026-01-20").unwrap()),
                    quotes,
                    sources,
                }
            },
        )
}

proptest! {
    #![proptest_config(config(32))]

    /// A valid event survives being written out and read back, alone and in
    /// a document, and passes every check.
    #[test]
    fn valid_events_round_trip(event in valid_event()) {
        let json = serde_json::to_string(&event).unwrap();
        prop_assert_eq!(&serde_json::from_str::<Event>(&json).unwrap(), &event);

        let mut doc: Document = serde_json::from_str(&SMALL).unwrap();
        doc.events.push(event.clone());
        let timeline = parse(&serde_json::to_string_pretty(&doc).unwrap()).unwrap();
        prop_assert!(timeline.problems.is_empty(), "{:?}", timeline.problems);
        prop_assert_eq!(timeline.event(&event.id).unwrap(), &event);
    }
}

// ------------------------------------------------------------- search
