//! The reader's filters and the events that pass them.

use crate::data::{Event, Lang, Timeline};
use crate::dates::PartialDate;
use crate::search::{Folded, Query, fold};

use super::search_index::{SearchIndex, topic_bits};

/// The reader's filters. Within topics any chosen one matches; the kinds of
/// filter combine with "and".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub topics: Vec<String>,
    /// One actor at a time.
    pub actor: Option<String>,
    pub query: String,
    /// Inclusive: an event shows when any of its days falls inside.
    pub from: Option<PartialDate>,
    pub to: Option<PartialDate>,
    /// Only the key moments.
    pub key: bool,
}

impl Filter {
    pub fn is_active(&self) -> bool {
        !self.topics.is_empty()
            || self.actor.is_some()
            || !Query::new(&self.query).is_empty()
            || self.from.is_some()
            || self.to.is_some()
            || self.key
    }

    /// How many filters are in use: each topic, the actor, the search, the
    /// period and the key moments count one.
    pub fn active_count(&self) -> usize {
        self.topics.len()
            + usize::from(self.actor.is_some())
            + usize::from(!Query::new(&self.query).is_empty())
            + usize::from(self.from.is_some() || self.to.is_some())
            + usize::from(self.key)
    }

    /// Whether every event that passes `self` also passed `before`, so that
    /// only `before`'s results need testing again: the usual case of typing
    /// one more letter. Each earlier word is then still there, the last
    /// one perhaps longer, so whatever matches now matched before.
    pub fn narrows(&self, before: &Filter) -> bool {
        let (now, then) = (fold(&self.query), fold(&before.query));
        now.starts_with(&then)
            && self.topics == before.topics
            && self.actor == before.actor
            && self.from == before.from
            && self.to == before.to
            && self.key == before.key
    }

    /// Toggles a topic in the filter.
    pub fn toggle_topic(&mut self, id: &str) {
        if let Some(pos) = self.topics.iter().position(|t| t == id) {
            self.topics.remove(pos);
        } else {
            self.topics.push(id.to_string());
        }
    }
}

/// Positions in `timeline.events` of the events that pass `filter`, in
/// order. With `within`, only those positions are tested (see
/// [`Filter::narrows`]).
pub fn apply(
    timeline: &Timeline,
    index: &SearchIndex,
    filter: &Filter,
    lang: Lang,
    within: Option<&[usize]>,
) -> Vec<usize> {
    let query = Query::new(&filter.query);
    let bits = if filter.topics.is_empty() { None } else { index.topic_bits(timeline) };
    let wanted = topic_bits(timeline, filter.topics.iter().map(String::as_str));
    let passes = |i: usize, texts: &[Folded]| {
        let e = &timeline.events[i];
        (filter.topics.is_empty()
            || match bits {
                Some(bits) => bits[i] & wanted != 0,
                None => e.topics.iter().any(|t| filter.topics.iter().any(|f| f == t.as_str())),
            })
            && filter.actor.as_ref().is_none_or(|a| e.actors.iter().any(|x| x.as_str() == a))
            && (!filter.key || e.key)
            && in_range(e, filter.from, filter.to)
            && (query.is_empty() || texts.get(i).is_some_and(|folded| query.matches(folded)))
    };
    let select = |texts: &[Folded]| match within {
        Some(candidates) => candidates.iter().copied().filter(|&i| passes(i, texts)).collect(),
        None => (0..timeline.events.len()).filter(|&i| passes(i, texts)).collect(),
    };
    // Only a search needs the folded texts.
    if query.is_empty() { select(&[]) } else { index.with_texts(timeline, lang, select) }
}

fn in_range(event: &Event, from: Option<PartialDate>, to: Option<PartialDate>) -> bool {
    from.is_none_or(|f| event.last_day() >= f.first_day())
        && to.is_none_or(|t| event.date.first_day() <= t.last_day())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::fixture::{d, filtered, sample};

    #[test]
    fn no_filter_shows_everything_in_order() {
        let t = sample();
        let shown = apply(&t, &SearchIndex::default(), &Filter::default(), Lang::Es, None);
        assert_eq!(shown.len(), t.events.len());
        assert!(shown.windows(2).all(|w| t.events[w[0]].date <= t.events[w[1]].date));
    }

    #[test]
    fn topics_combine_with_or_and_kinds_with_and() {
        let t = sample();
        let f = |topics: &[&str], q: &str| Filter {
            topics: topics.iter().map(|s| (*s).to_string()).collect(),
            query: q.into(),
            ..Filter::default()
        };
        assert_eq!(
            filtered(&t, &f(&["arms-trafficking"], ""), Lang::Es),
            ["fast-and-furious", "call-2026-01-11"]
        );
        assert_eq!(filtered(&t, &f(&["arms-trafficking", "agreements"], ""), Lang::Es).len(), 3);
        assert_eq!(
            filtered(&t, &f(&["arms-trafficking"], "rapido y furioso"), Lang::Es),
            ["fast-and-furious"]
        );
    }

    /// Topics are tested as bits; past 64 topics, by their ids. Both give
    /// the same events, and an unknown topic matches none.
    #[test]
    fn topics_as_bits_and_as_ids_agree() {
        let few = sample();
        let mut many = sample();
        for n in 0..64 {
            let mut extra = many.topics[0].clone();
            extra.id = crate::data::Id::new(&format!("extra-{n}")).unwrap();
            many.topics.insert(0, extra);
        }
        assert!(many.topics.len() > 64);
        for topics in [
            &["arms-trafficking"][..],
            &["agreements", "fentanyl"],
            &["unknown"],
            &["unknown", "agreements"],
        ] {
            let f = Filter {
                topics: topics.iter().map(|s| (*s).to_string()).collect(),
                ..Filter::default()
            };
            assert_eq!(filtered(&few, &f, Lang::Es), filtered(&many, &f, Lang::Es), "{topics:?}");
        }
        let unknown = Filter { topics: vec!["unknown".into()], ..Filter::default() };
        assert_eq!(filtered(&few, &unknown, Lang::Es), Vec::<String>::new());
    }

    #[test]
    fn one_actor_and_key_moments() {
        let t = sample();
        let f = Filter { actor: Some("sre".into()), ..Filter::default() };
        assert_eq!(filtered(&t, &f, Lang::Es), ["ministerial-2026-02"]);
        let f = Filter { actor: Some("marco-rubio".into()), ..Filter::default() };
        assert_eq!(filtered(&t, &f, Lang::Es), ["call-2026-01-11", "ministerial-2026-02"]);
        let f = Filter { key: true, ..Filter::default() };
        assert_eq!(filtered(&t, &f, Lang::Es), Vec::<String>::new());
        let mut keyed = t.clone();
        keyed.events[1].key = true;
        assert_eq!(filtered(&keyed, &f, Lang::Es), [keyed.events[1].id.to_string()]);
    }

    #[test]
    fn a_longer_query_narrows_and_searching_within_gives_the_same() {
        let t = sample();
        let index = SearchIndex::default();
        let f = |q: &str| Filter { query: q.into(), ..Filter::default() };
        assert!(f("rub").narrows(&f("ru")));
        assert!(f("rubio llam").narrows(&f("rubio")));
        assert!(f("Rubio ").narrows(&f("rubio")));
        assert!(!f("ru").narrows(&f("rub")));
        assert!(!f("arubio").narrows(&f("rubio")));
        let topic = Filter { topics: vec!["diplomacy".into()], ..f("rub") };
        assert!(!topic.narrows(&f("ru")));
        let before = apply(&t, &index, &f("r"), Lang::Es, None);
        for q in ["ru", "rub", "rubio", "rubio ll"] {
            let whole = apply(&t, &index, &f(q), Lang::Es, None);
            assert_eq!(apply(&t, &index, &f(q), Lang::Es, Some(&before)), whole, "{q}");
        }
    }

    #[test]
    fn range_keeps_events_that_overlap_it() {
        let t = sample();
        let f = Filter { from: Some(d("2026")), to: Some(d("2026")), ..Filter::default() };
        assert_eq!(filtered(&t, &f, Lang::Es), ["call-2026-01-11", "ministerial-2026-02"]);
        // A month-precision event overlaps a range that ends inside its month.
        let f = Filter { from: Some(d("2026-02-20")), ..Filter::default() };
        assert_eq!(filtered(&t, &f, Lang::Es), ["ministerial-2026-02"]);
        let f = Filter { to: Some(d("2007-12")), ..Filter::default() };
        assert_eq!(filtered(&t, &f, Lang::Es), ["merida-2007"]);
    }
}
