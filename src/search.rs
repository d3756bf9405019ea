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

/// A search query, folded once and split into words; every word must occur.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    words: Vec<String>,
}

impl Query {
    pub fn new(text: &str) -> Self {
        Self {
            words: fold(text).split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether every word of the query occurs in `folded` (a [`fold`]ed text).
    pub fn matches(&self, folded: &str) -> bool {
        self.words.iter().all(|w| folded.contains(w.as_str()))
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
        let hay = fold("Operación Rápido y Furioso: la ATF pierde la pista de armas");
        assert!(Query::new("rapido y furioso").matches(&hay));
        assert!(Query::new("FURIOSO rápido").matches(&hay));
        assert!(Query::new("armas atf").matches(&hay));
        assert!(!Query::new("rapido drones").matches(&hay));
        assert!(Query::new("reunion").matches(&fold("Reunión")));
    }

    #[test]
    fn empty_query_matches_all() {
        assert!(Query::new("  ¿? ").is_empty());
        assert!(Query::new("").matches("anything"));
    }
}
