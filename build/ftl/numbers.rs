//! Numbers as fluent-bundle shows them and selects on them: CLDR plural
//! categories, digits grouped with `,`.

use super::LANGS;

pub(super) const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// CLDR cardinal plural category of a whole number in a language.
pub(super) fn category(lang: usize, n: u64) -> &'static str {
    if n == 1 {
        "one"
    } else if LANGS[lang].0 == "es" && n != 0 && n.is_multiple_of(1_000_000) {
        "many"
    } else {
        "other"
    }
}

/// The same rule as Rust code over `v`, or `None` when no number is in the category.
pub(super) fn category_condition(lang: usize, cat: &str, v: &str) -> Option<String> {
    match (LANGS[lang].0, cat) {
        (_, "one") => Some(format!("{v} == 1")),
        ("es", "many") => Some(format!("{v} != 0 && {v}.is_multiple_of(1_000_000)")),
        ("es", "other") => {
            Some(format!("{v} != 1 && ({v} == 0 || !{v}.is_multiple_of(1_000_000))"))
        }
        ("en", "other") => Some(format!("{v} != 1")),
        _ => None,
    }
}

/// A number literal as fluent-bundle shows it (its value, with the
/// fraction digits written), with thousands separators.
pub(super) fn number_literal(raw: &str) -> Option<String> {
    let value: f64 = raw.parse().ok()?;
    let mut text = value.to_string();
    if let Some(dot) = raw.find('.') {
        let wanted = raw.len() - dot - 1;
        let have = text.find('.').map_or(0, |d| text.len() - d - 1);
        if have == 0 {
            text.push('.');
        }
        for _ in have..wanted {
            text.push('0');
        }
    }
    Some(group_digits(&text))
}

/// `-12345.5` -> `-12,345.5`.
pub fn group_digits(number: &str) -> String {
    let (sign, rest) = number.strip_prefix('-').map_or(("", number), |r| ("-", r));
    let (int, frac) = rest.find('.').map_or((rest, ""), |d| rest.split_at(d));
    let mut out = String::from(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out.push_str(frac);
    out
}

/// A number as a readable Rust literal: `1_000_000`.
pub(super) fn rust_number(n: u64) -> String {
    group_digits(&n.to_string()).replace(',', "_")
}
