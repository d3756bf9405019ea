//! Search folding: idempotent, lowercase, accents gone, and a query
//! matches its own text.

use cronologia::search::{Folded, Query, fold};
use proptest::prelude::*;

use crate::common::generators::config;

/// Latin letters with and without accents, decomposed accents, spaces and
/// punctuation.
fn latin() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        "[a-zA-Z0-9]",
        prop::sample::select(
            "áàâäãåāéèêëēíìîïīóòôöõōúùûüūñçýÿÁÀÂÄÃÅĀÉÈÊËĒÍÌÎÏĪÓÒÔÖÕŌÚÙÛÜŪÑÇÝ"
                .chars()
                .map(String::from)
                .collect::<Vec<_>>()
        ),
        prop::sample::select(vec!["\u{301}", "\u{300}", "\u{303}", "\u{308}", "\u{327}"])
            .prop_map(str::to_string),
        prop::sample::select(vec![" ", "-", ".", ",", "¿", "?", "«", "»", "–", "\n"])
            .prop_map(str::to_string),
    ];
    prop::collection::vec(pieces, 0..40).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn fold_is_idempotent(text in any::<String>()) {
        let once = fold(&text);
        prop_assert_eq!(fold(&once), once);
    }

    #[test]
    fn fold_is_lowercase_and_spaced(text in any::<String>()) {
        let folded = fold(&text);
        prop_assert_eq!(folded.to_lowercase(), folded.clone());
        prop_assert!(!folded.starts_with(' ') && !folded.ends_with(' ') && !folded.contains("  "));
    }

    #[test]
    fn fold_strips_latin_accents(text in latin()) {
        let folded = fold(&text);
        prop_assert!(folded.is_ascii(), "{:?} folds to {:?}", text, folded);
    }

    /// A query matches the text it came from, and any piece of it.
    #[test]
    fn a_query_matches_its_own_text(text in any::<String>(), a in any::<prop::sample::Index>(), b in any::<prop::sample::Index>()) {
        let folded = Folded::new(&text);
        prop_assert!(Query::new(&text).matches(&folded));
        let chars: Vec<char> = text.chars().collect();
        let (i, j) = if chars.is_empty() { (0, 0) } else { (a.index(chars.len()), b.index(chars.len())) };
        let piece: String = chars[i.min(j)..i.max(j)].iter().collect();
        prop_assert!(Query::new(&piece).matches(&folded), "{:?} in {:?}", piece, text);
    }

    /// Accents typed as separate combining marks fold like precomposed ones.
    #[test]
    fn decomposed_accents_fold_like_composed(letters in prop::collection::vec((0usize..10, any::<bool>(), "[a-z ]{0,3}"), 0..12)) {
        const PAIRS: [(&str, &str); 10] = [
            ("á", "a\u{301}"), ("é", "e\u{301}"), ("í", "i\u{301}"), ("ó", "o\u{301}"),
            ("ú", "u\u{301}"), ("ñ", "n\u{303}"), ("ü", "u\u{308}"), ("ç", "c\u{327}"),
            ("À", "A\u{300}"), ("Ñ", "N\u{303}"),
        ];
        let (mut composed, mut decomposed) = (String::new(), String::new());
        for (i, upper, tail) in letters {
            let (c, d) = PAIRS[i];
            let (c, d) = if upper { (c.to_uppercase(), d.to_uppercase()) } else { (c.to_string(), d.to_string()) };
            composed += &(c + &tail);
            decomposed += &(d + &tail);
        }
        prop_assert_eq!(fold(&decomposed), fold(&composed));
    }

    /// Case and accents do not matter.
    #[test]
    fn queries_ignore_case_and_accents(text in latin()) {
        let folded = Folded::new(&text);
        prop_assert!(Query::new(&text.to_uppercase()).matches(&folded), "{:?}", text);
        prop_assert!(Query::new(&fold(&text)).matches(&Folded::new(&text.to_lowercase())));
    }
}
