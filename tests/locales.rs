//! What `build.rs` does not check in `locales/`: the form of message ids,
//! and that each language is named in itself. (That both languages define
//! the same messages, attributes and variables, `build.rs` refuses to
//! compile otherwise; `tests/ftl_compiler.rs` tests that refusal.)

use std::path::Path;

use fluent_syntax::ast::{Entry, Message, PatternElement};

fn parse(lang: &str) -> Vec<(String, Message<String>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales").join(lang);
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let mut out = Vec::new();
    for path in files.into_iter().filter(|p| p.extension().is_some_and(|e| e == "ftl")) {
        let text = std::fs::read_to_string(&path).unwrap();
        let resource = fluent_syntax::parser::parse(text)
            .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
        for entry in resource.body {
            if let Entry::Message(message) = entry {
                out.push((message.id.name.clone(), message));
            }
        }
    }
    out
}

#[test]
fn ids_are_kebab_case_and_scoped() {
    for (id, _) in parse("es") {
        assert!(
            id.split('-').count() >= 2
                && id.split('-').all(|w| !w.is_empty()
                    && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())),
            "{id} should be kebab-case with a feature prefix, e.g. filters-clear"
        );
    }
}

/// The language switch names each language in itself.
#[test]
fn each_language_is_named_in_itself() {
    for (code, name) in [("es", "Español"), ("en", "English")] {
        let message = parse(code).into_iter().find(|(id, _)| id == "language-name").unwrap();
        let value = message.1.value.unwrap();
        let text: String = value
            .elements
            .iter()
            .map(|e| match e {
                PatternElement::TextElement { value } => value.clone(),
                PatternElement::Placeable { .. } => panic!("language-name should be plain text"),
            })
            .collect();
        assert_eq!(text, name, "language-name in locales/{code}/");
    }
}
