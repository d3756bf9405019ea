//! Both languages must say the same things: the same message ids, each with
//! the same variables. leptos-fluent checks at build time that every id the
//! code uses exists; this checks the locales against each other, including
//! messages the code does not name directly.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

type Messages = BTreeMap<String, BTreeSet<String>>;

fn messages(lang: &str) -> Messages {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales").join(lang);
    let mut out = Messages::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    for path in files.into_iter().filter(|p| p.extension().is_some_and(|e| e == "ftl")) {
        let text = std::fs::read_to_string(&path).unwrap();
        let resource = fluent_syntax::parser::parse(text.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
        for entry in resource.body {
            if let Entry::Message(message) = entry {
                let mut vars = BTreeSet::new();
                if let Some(pattern) = &message.value {
                    pattern_vars(pattern, &mut vars);
                }
                let id = message.id.name.to_string();
                assert!(out.insert(id.clone(), vars).is_none(), "{lang}: {id} is defined twice");
            }
        }
    }
    out
}

fn pattern_vars(pattern: &Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(expression: &Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for variant in variants {
                pattern_vars(&variant.value, vars);
            }
        }
        Expression::Inline(inline) => inline_vars(inline, vars),
    }
}

fn inline_vars(inline: &InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        InlineExpression::FunctionReference { arguments, .. } => {
            for arg in &arguments.positional {
                inline_vars(arg, vars);
            }
        }
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
    for id in messages("es").keys() {
        assert!(
            id.split('-').count() >= 2
                && id.split('-').all(|w| !w.is_empty()
                    && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())),
            "{id} should be kebab-case with a feature prefix, e.g. filters-clear"
        );
    }
}
