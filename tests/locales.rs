//! Both languages must say the same things: the same message ids and
//! attributes, each with the same variables. `build.rs` refuses to compile
//! locales that break this (see `build/ftl.rs`); this is a second, plain
//! reading of the files with fluent-syntax, which also checks messages
//! reached only through references and the ids' form.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Message, Pattern, PatternElement};

/// `id` or `id.attr` -> the variables it uses, following references.
type Messages = BTreeMap<String, BTreeSet<String>>;

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

fn messages(lang: &str) -> Messages {
    let parsed = parse(lang);
    let mut patterns: BTreeMap<String, &Pattern<String>> = BTreeMap::new();
    for (id, message) in &parsed {
        if let Some(value) = &message.value {
            assert!(patterns.insert(id.clone(), value).is_none(), "{lang}: {id} is defined twice");
        }
        for attr in &message.attributes {
            patterns.insert(format!("{id}.{}", attr.id.name), &attr.value);
        }
    }
    let mut out = Messages::new();
    for key in patterns.keys() {
        let mut vars = BTreeSet::new();
        pattern_vars(patterns[key], &patterns, &mut vars, &mut vec![key.clone()]);
        out.insert(key.clone(), vars);
    }
    // Messages with attributes only.
    for (id, message) in &parsed {
        if message.value.is_none() {
            out.entry(format!("{id}.")).or_default();
        }
    }
    out
}

type Patterns<'a> = BTreeMap<String, &'a Pattern<String>>;

fn pattern_vars(
    pattern: &Pattern<String>,
    all: &Patterns,
    vars: &mut BTreeSet<String>,
    path: &mut Vec<String>,
) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_vars(expression, all, vars, path);
        }
    }
}

fn expression_vars(
    expression: &Expression<String>,
    all: &Patterns,
    vars: &mut BTreeSet<String>,
    path: &mut Vec<String>,
) {
    match expression {
        Expression::Select { selector, variants } => {
            inline_vars(selector, all, vars, path);
            for variant in variants {
                pattern_vars(&variant.value, all, vars, path);
            }
        }
        Expression::Inline(inline) => inline_vars(inline, all, vars, path),
    }
}

fn inline_vars(
    inline: &InlineExpression<String>,
    all: &Patterns,
    vars: &mut BTreeSet<String>,
    path: &mut Vec<String>,
) {
    match inline {
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name.clone());
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, all, vars, path),
        InlineExpression::FunctionReference { arguments, .. } => {
            for arg in &arguments.positional {
                inline_vars(arg, all, vars, path);
            }
        }
        // A referenced message sees the same arguments.
        InlineExpression::MessageReference { id, attribute } => {
            let key = match attribute {
                Some(a) => format!("{}.{}", id.name, a.name),
                None => id.name.clone(),
            };
            let target = all.get(&key).unwrap_or_else(|| panic!("{key} does not exist"));
            assert!(!path.contains(&key), "cycle: {path:?} -> {key}");
            path.push(key);
            pattern_vars(target, all, vars, path);
            path.pop();
        }
        // Terms see only their own arguments, which are literals.
        _ => {}
    }
}

#[test]
fn both_languages_define_the_same_messages_with_the_same_variables() {
    let (es, en) = (messages("es"), messages("en"));
    let spanish_only: Vec<_> = es.keys().filter(|k| !en.contains_key(*k)).collect();
    let english_only: Vec<_> = en.keys().filter(|k| !es.contains_key(*k)).collect();
    assert!(
        spanish_only.is_empty() && english_only.is_empty(),
        "only in es: {spanish_only:?}; only in en: {english_only:?}"
    );
    for (id, vars) in &es {
        assert_eq!(vars, &en[id], "message {id} uses different variables in es and en");
    }
    assert!(es.len() > 40, "only {} messages found", es.len());
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
