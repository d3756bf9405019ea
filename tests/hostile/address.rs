//! URL state: any path and query string is read, bounded, and written
//! back in a form that reads the same.

use cronologia::address::{Address, MAX_ID_CHARS, MAX_QUERY_CHARS, Page, decode};
use cronologia::dates::PartialDate;
use proptest::prelude::*;

use crate::common::generators::{config, query_text};
use crate::common::lang;

/// An item of an id list, as `parse` keeps it: trimmed, no comma or control
/// character, 1 to `MAX_ID_CHARS` characters.
fn list_item() -> impl Strategy<Value = String> {
    chars_without(&[','], 1..=MAX_ID_CHARS)
        .prop_filter("trimmed", |s| !s.trim().is_empty() && s.trim() == s)
}

/// Text of any characters but control ones and those in `except`.
fn chars_without(
    except: &'static [char],
    len: std::ops::RangeInclusive<usize>,
) -> impl Strategy<Value = String> {
    let c = prop_oneof![
        any::<char>(),
        prop::sample::select(vec![' ', '&', '=', '%', '+', '#', '?', 'é', '<', '"']),
    ];
    prop::collection::vec(
        c.prop_filter("no control", move |c| !c.is_control() && !except.contains(c)),
        len,
    )
    .prop_map(String::from_iter)
}

fn address() -> impl Strategy<Value = Address> {
    let date = (1000i32..9999, 0u8..=12, 0u8..=28).prop_map(|(y, m, d)| {
        let text = match (m, d) {
            (0, _) => format!("{y}"),
            (m, 0) => format!("{y}-{m:02}"),
            (m, d) => format!("{y}-{m:02}-{d:02}"),
        };
        PartialDate::parse(&text).unwrap()
    });
    (
        lang(),
        prop::option::of(list_item()),
        prop::collection::vec(list_item(), 0..5),
        prop::option::of(list_item()),
        chars_without(&[], 0..=MAX_QUERY_CHARS),
        (prop::option::of(date.clone()), prop::option::of(date)),
        (any::<bool>(), any::<bool>()),
        prop::option::of("[A-Za-z0-9_-]{1,64}"),
    )
        .prop_map(|(lang, event, topics, actor, query, (from, to), (key, embed), child_id)| {
            let mut address = Address { page: Page { lang, event }, ..Address::default() };
            let view = &mut address.view;
            for topic in topics {
                if !view.filter.topics.contains(&topic) {
                    view.filter.topics.push(topic);
                }
            }
            view.filter.actor = actor;
            view.filter.query = query;
            // A period is read the right way round.
            let backwards = from.zip(to).is_some_and(|(a, b)| a.first_day() > b.last_day());
            (view.filter.from, view.filter.to) = if backwards { (to, from) } else { (from, to) };
            view.filter.key = key;
            view.embed = embed;
            view.child_id = child_id;
            address
        })
}

/// Reads an address back from the link it writes.
fn reread(address: &Address) -> Address {
    let href = address.href();
    let (path, query) = href.split_once('?').unwrap_or((&href, ""));
    Address::parse(path, query)
}

fn assert_bounded(address: &Address) {
    let filter = &address.view.filter;
    assert!(filter.query.chars().count() <= MAX_QUERY_CHARS);
    assert!(filter.query.chars().all(|c| !c.is_control()));
    let ids = address.page.event.iter().chain(&filter.topics).chain(&filter.actor);
    for id in ids {
        assert!(!id.is_empty() && id.chars().count() <= MAX_ID_CHARS);
        assert_eq!(id.trim(), id);
    }
    assert!(filter.topics.len() <= 32);
    assert!(filter.topics.iter().all(|t| !t.contains(',')));
    if let Some(id) = &address.view.child_id {
        assert!(
            id.len() <= 64
                && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        );
    }
}

proptest! {
    #![proptest_config(config(128))]

    /// Any path and query string is read, bounded, and read the same way
    /// again once written back (the app rewrites the address to that form
    /// at start).
    #[test]
    fn any_address_is_reduced(
        path in prop_oneof![Just(String::new()), "(en/)?(events|eventos)/[^?#]{0,20}/", any::<String>()],
        query in prop_oneof![query_text().prop_map(|q| format!("?{q}")), any::<String>()],
    ) {
        let address = Address::parse(&path, &query);
        assert_bounded(&address);
        let canonical = address.href();
        prop_assert_eq!(reread(&address).href(), canonical.clone());
        prop_assert_eq!(reread(&address), address);
        prop_assert!(canonical.is_ascii());
    }

    #[test]
    fn addresses_round_trip(address in address()) {
        prop_assert_eq!(reread(&address), address);
    }

    #[test]
    fn decoding_never_fails(text in any::<String>()) {
        let _ = decode(&text);
    }
}

/// Huge and badly encoded values from the issue, kept as regression tests.
#[test]
fn hostile_query_values() {
    let long = "é".repeat(10_000);
    for query in [
        "?q=%E0%A4%A".to_string(),
        "?q=%00&event=%00".to_string(),
        "?event=%E0%A4%A&topic=%00,%E0,,".to_string(),
        "?lang=%00&lang=xx".to_string(),
        format!("?q={long}&event={long}&topic={long}&lang={long}"),
        format!("?{}", "&".repeat(10_000)),
        format!("?q={}", "%".repeat(10_000)),
        "?event=%20%01%20x".to_string(),
        "?topic=%20a%01%20,a".to_string(),
    ] {
        let address = Address::parse("", &query);
        assert_bounded(&address);
        assert_eq!(reread(&address), address, "{query:.80}");
    }
    assert_eq!(Address::parse("", "?event=%20%01%20x").page.event.as_deref(), Some("x"));
    assert_eq!(Address::parse("", "?topic=%20a%01%20,a").view.filter.topics, ["a"]);
    assert_eq!(Address::parse("", "?q=%E0%A4%A").view.filter.query, "\u{FFFD}%A");
    let page = Address::parse(&format!("eventos/{}/", "%2F".repeat(100)), "").page;
    assert_eq!(page.event.as_deref(), Some("/".repeat(MAX_ID_CHARS).as_str()));
}
