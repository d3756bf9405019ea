//! What the timeline's tests share: the small fixture and its shorthands.

use super::{Filter, SearchIndex, apply};
use crate::data::{Lang, Timeline, parse};
use crate::dates::PartialDate;

pub fn sample() -> Timeline {
    parse(include_str!("../../tests/fixtures/small.json")).expect("fixture loads")
}

pub fn ids(t: &Timeline, shown: &[usize]) -> Vec<String> {
    shown.iter().map(|&i| t.events[i].id.to_string()).collect()
}

pub fn d(s: &str) -> PartialDate {
    PartialDate::parse(s).unwrap()
}

pub fn filtered(t: &Timeline, f: &Filter, lang: Lang) -> Vec<String> {
    ids(t, &apply(t, &SearchIndex::default(), f, lang, None))
}
