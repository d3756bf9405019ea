//! Fluent ids and variables as Rust identifiers.

/// `events-heading` -> `events_heading`; `$userName` -> `user_name`. Rust
/// keywords, and for parameters `lang` and `out` (taken by the generated
/// code), get a trailing `_`.
pub(super) fn rust_name(fluent: &str, parameter: bool) -> String {
    let mut name = String::new();
    for c in fluent.chars() {
        if c == '-' {
            name.push('_');
        } else if c.is_ascii_uppercase() {
            if !name.is_empty() && !name.ends_with('_') {
                name.push('_');
            }
            name.push(c.to_ascii_lowercase());
        } else {
            name.push(c);
        }
    }
    if KEYWORDS.contains(&name.as_str()) || (parameter && (name == "lang" || name == "out")) {
        name.push('_');
    }
    name
}

/// Names a generated identifier may not take as they are.
const KEYWORDS: &[&str] = &[
    "as",
    "async",
    "await",
    "break",
    "const",
    "continue",
    "crate",
    "dyn",
    "else",
    "enum",
    "extern",
    "false",
    "fn",
    "for",
    "gen",
    "if",
    "impl",
    "in",
    "let",
    "loop",
    "match",
    "mod",
    "move",
    "mut",
    "pub",
    "ref",
    "return",
    "self",
    "static",
    "struct",
    "super",
    "trait",
    "true",
    "type",
    "unsafe",
    "use",
    "where",
    "while",
    "abstract",
    "become",
    "box",
    "do",
    "final",
    "macro",
    "override",
    "priv",
    "try",
    "typeof",
    "unsized",
    "virtual",
    "yield",
    // The generated module's own items.
    "support",
    "tests",
    "GENERATED",
    "Lang",
];
