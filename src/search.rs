//! Accent- and case-insensitive text search.
//!
//! Readers type "reunion" for "Reunión" and "rapido y furioso" for "Rápido y
//! Furioso". Folding the few Latin letters that Spanish and English use is a
//! small table; a full Unicode normalisation crate would add tens of
//! kilobytes to every phone's download for no gain here.

/// Lowercases and removes diacritics from Latin letters; other characters
/// are kept lowercased. Runs of non-alphanumeric characters become one space.
/// Combining accents (text typed or pasted in decomposed form, "e\u{301}")
/// are dropped without breaking the word.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if is_combining_mark(c) {
            continue;
        }
        // Most text is ASCII: it skips the Unicode tables (folding thousands
        // of events at load is otherwise slow).
        let alphanumeric =
            if c.is_ascii() { c.is_ascii_alphanumeric() } else { c.is_alphanumeric() };
        if !alphanumeric {
            pending_space = true;
            continue;
        }
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        for lower in c.to_lowercase().map(strip_accent) {
            // "İ" lowercases to "i" and a combining dot: keep the letter.
            if lower.is_alphanumeric() && !is_combining_mark(lower) {
                out.push(lower);
            }
        }
    }
    out
}

/// The blocks of combining diacritical marks.
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

fn strip_accent(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'ē' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'ī' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ō' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'ū' => 'u',
        'ñ' => 'n',
        'ç' => 'c',
        'ý' | 'ÿ' => 'y',
        _ => c,
    }
}

/// A text folded for searching (see [`fold`]), with a filter of the pairs
/// of adjacent bytes it holds. A text that holds a word holds each of the
/// word's pairs, so a text whose filter lacks one of them cannot hold the
/// word and is not scanned: over thousands of events, a search rules most
/// of them out by testing four numbers each.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Folded {
    text: String,
    pairs: Pairs,
}

impl Folded {
    pub fn new(text: &str) -> Self {
        let text = fold(text);
        let pairs = Pairs::of(&text);
        Self { text, pairs }
    }
}

/// The pairs of adjacent bytes of a text, each as one of 256 bits (so
/// different pairs may share a bit: the filter can let a text through
/// that lacks a word, never rule out one that has it).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Pairs([u64; 4]);

impl Pairs {
    fn of(text: &str) -> Self {
        let mut bits = [0; 4];
        for pair in text.as_bytes().windows(2) {
            let bit = pair_bit(pair[0], pair[1]);
            bits[bit / 64] |= 1 << (bit % 64);
        }
        Self(bits)
    }

    fn union(self, other: Self) -> Self {
        Self(std::array::from_fn(|n| self.0[n] | other.0[n]))
    }

    /// Whether every pair of `self` may be in `other`.
    fn within(self, other: Self) -> bool {
        self.0.iter().zip(other.0).all(|(&mine, theirs)| mine & theirs == mine)
    }
}

/// The bit of the pair `a`, `b`: bits 24 to 31 of a multiplicative
/// (Fibonacci) hash, the same on 32- and 64-bit machines.
fn pair_bit(a: u8, b: u8) -> usize {
    let pair = usize::from(a) << 8 | usize::from(b);
    (pair.wrapping_mul(0x9E37_79B9) >> 24) & 0xFF
}

/// A search query, folded once and split into words; every word must occur.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    words: Vec<String>,
    /// The pairs of all the words, which a matching text holds.
    pairs: Pairs,
}

impl Query {
    pub fn new(text: &str) -> Self {
        let words: Vec<String> =
            fold(text).split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect();
        let pairs = words.iter().fold(Pairs::default(), |all, w| all.union(Pairs::of(w)));
        Self { words, pairs }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether every word of the query occurs in `folded`.
    pub fn matches(&self, folded: &Folded) -> bool {
        self.pairs.within(folded.pairs)
            && self.words.iter().all(|w| folded.text.contains(w.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_and_case() {
        assert_eq!(fold("Reunión Ministerial"), "reunion ministerial");
        assert_eq!(fold("Operación «Rápido y Furioso»"), "operacion rapido y furioso");
        assert_eq!(fold("PEÑA NIETO, Zúñiga"), "pena nieto zuniga");
        assert_eq!(fold("  EE. UU.–México  "), "ee uu mexico");
        assert_eq!(fold("Reunio\u{301}n"), "reunion");
        assert_eq!(fold("İSTANBUL"), "istanbul");
    }

    #[test]
    fn matches_every_word_anywhere() {
        let hay = Folded::new("Operación Rápido y Furioso: la ATF pierde la pista de armas");
        assert!(Query::new("rapido y furioso").matches(&hay));
        assert!(Query::new("FURIOSO rápido").matches(&hay));
        assert!(Query::new("armas atf").matches(&hay));
        assert!(!Query::new("rapido drones").matches(&hay));
        assert!(Query::new("reunion").matches(&Folded::new("Reunión")));
    }

    #[test]
    fn empty_query_matches_all() {
        assert!(Query::new("  ¿? ").is_empty());
        assert!(Query::new("").matches(&Folded::new("anything")));
        assert!(Query::new("").matches(&Folded::new("")));
    }

    /// The filter never rules out a text that holds the word (every piece
    /// of a text is let through), and does rule out most texts that lack
    /// it, which is what it is for.
    #[test]
    fn the_pair_filter_lets_through_every_piece_and_rules_out_others() {
        let text =
            Folded::new("Reunión de seguridad: México y Estados Unidos acuerdan extradiciones");
        let t = &text.text;
        for i in (0..t.len()).filter(|&i| t.is_char_boundary(i)) {
            for j in (i..=t.len()).filter(|&j| t.is_char_boundary(j)) {
                assert!(Pairs::of(&t[i..j]).within(text.pairs), "{:?}", &t[i..j]);
            }
        }
        let words = ["fentanilo", "huachicol", "drones", "zambada", "kilogramos", "pqxz"];
        let ruled_out = words.iter().filter(|w| !Pairs::of(w).within(text.pairs)).count();
        assert!(ruled_out >= words.len() - 1, "only {ruled_out} of {} ruled out", words.len());
    }
}
