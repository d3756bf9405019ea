//! The prepared texts and topics that searching and filtering test.

use std::sync::{Mutex, OnceLock};

use crate::data::{Id, Lang, Timeline};
use crate::search::Folded;

/// The folded text each event is searched by, in one language, built once
/// so that a keystroke only scans prepared strings, and only those that
/// the text's filter of byte pairs does not rule out (see [`Folded`]).
/// Built the first time a search needs it (or ahead of time with
/// [`SearchIndex::prepare`]), so that loading a long timeline does not
/// wait for a search nobody has typed yet.
///
/// It holds the texts of one language at a time: a reader who switches
/// language searches in the new one, and the old texts are dropped before
/// the new ones are built, since the app's memory, once grown, never
/// shrinks.
///
/// It also holds each event's topics as bits, built on the first topic
/// filter: testing one number per event, instead of comparing topic ids,
/// keeps a topic filter fast on a long timeline.
#[derive(Debug, Default)]
pub struct SearchIndex {
    // A mutex only because contexts must be `Sync`; the browser has one
    // thread, so it is never contended.
    texts: Mutex<Option<(Lang, Vec<Folded>)>>,
    topics: OnceLock<Vec<u64>>,
}

impl SearchIndex {
    /// Builds the texts of `lang` now, if they are not built yet.
    pub fn prepare(&self, timeline: &Timeline, lang: Lang) {
        self.with_texts(timeline, lang, |_| ());
    }

    /// Each event's topics as bits: bit `n` for `timeline.topics[n]`.
    /// `None` when there are more topics than bits.
    pub(super) fn topic_bits(&self, timeline: &Timeline) -> Option<&[u64]> {
        if timeline.topics.len() > 64 {
            return None;
        }
        let bits = self.topics.get_or_init(|| {
            timeline
                .events
                .iter()
                .map(|e| topic_bits(timeline, e.topics.iter().map(Id::as_str)))
                .collect()
        });
        Some(bits)
    }

    /// Runs `f` with the texts of `lang`, built first if need be.
    pub(super) fn with_texts<R>(
        &self,
        timeline: &Timeline,
        lang: Lang,
        f: impl FnOnce(&[Folded]) -> R,
    ) -> R {
        let mut slot = self.texts.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if slot.as_ref().is_none_or(|(built, _)| *built != lang) {
            *slot = None;
            *slot = Some((lang, folded_texts(timeline, lang)));
        }
        f(slot.as_ref().map_or(&[], |(_, texts)| texts))
    }
}

fn folded_texts(timeline: &Timeline, lang: Lang) -> Vec<Folded> {
    timeline
        .events
        .iter()
        .map(|e| {
            let mut text = String::new();
            let mut push = |s: &str| {
                text.push_str(s);
                text.push('\n');
            };
            push(e.title.get(lang));
            push(e.summary.get(lang));
            if let Some(place) = &e.place {
                push(place.get(lang));
            }
            for actor in e.actors.iter().filter_map(|id| timeline.actor(id)) {
                push(actor.name.get(lang));
            }
            Folded::new(&text)
        })
        .collect()
}

/// The bits of `topics` (ids), as [`SearchIndex::topic_bits`] sets them;
/// an unknown id sets none.
pub(super) fn topic_bits<'a>(timeline: &Timeline, topics: impl Iterator<Item = &'a str>) -> u64 {
    topics
        .filter_map(|id| timeline.topic_index(id))
        .filter(|&n| n < 64)
        .fold(0, |bits, n| bits | 1 << n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::fixture::{filtered, ids, sample};
    use crate::timeline::{Filter, apply};

    #[test]
    fn search_ignores_accents_and_uses_the_active_language() {
        let t = sample();
        let q =
            |q: &str, lang| filtered(&t, &Filter { query: q.into(), ..Filter::default() }, lang);
        assert_eq!(q("reunion", Lang::Es), ["ministerial-2026-02"]);
        assert_eq!(q("REUNIÓN", Lang::Es), ["ministerial-2026-02"]);
        assert_eq!(q("reunion", Lang::En), Vec::<String>::new());
        assert_eq!(q("ministerial meeting", Lang::En), ["ministerial-2026-02"]);
        // Actors' names and places are searched too.
        assert_eq!(q("rubio", Lang::Es), ["call-2026-01-11", "ministerial-2026-02"]);
        assert_eq!(q("washington", Lang::En), ["ministerial-2026-02"]);
    }

    /// One index serves both languages in turn: it holds the texts of the
    /// language last searched and rebuilds them when the language changes.
    #[test]
    fn one_index_searches_each_language_in_turn() {
        let t = sample();
        let index = SearchIndex::default();
        let q = |text: &str, lang| {
            ids(
                &t,
                &apply(&t, &index, &Filter { query: text.into(), ..Filter::default() }, lang, None),
            )
        };
        for _ in 0..2 {
            assert_eq!(q("reunion ministerial", Lang::Es), ["ministerial-2026-02"]);
            assert_eq!(q("reunion", Lang::En), Vec::<String>::new());
            assert_eq!(q("ministerial meeting", Lang::En), ["ministerial-2026-02"]);
            assert_eq!(q("ministerial meeting", Lang::Es), Vec::<String>::new());
        }
    }
}
