//! Every message and term of every language, found by id, with the place
//! each came from.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;

use super::{LANGS, Source, line_at};

/// Every entry of every language, by language index (into [`LANGS`]).
pub(super) struct Catalog<'s> {
    sources: &'s [Source],
    pub(super) locales: Vec<Locale<'s>>,
}

#[derive(Default)]
pub(super) struct Locale<'s> {
    /// Message id -> (source index, message), and the ids in file order.
    pub(super) messages: BTreeMap<&'s str, (usize, &'s ast::Message<&'s str>)>,
    pub(super) order: Vec<&'s str>,
    pub(super) terms: BTreeMap<&'s str, (usize, &'s ast::Term<&'s str>)>,
    pub(super) used_terms: RefCell<BTreeSet<&'s str>>,
}

impl<'s> Catalog<'s> {
    pub(super) fn new(
        sources: &'s [Source],
        resources: &'s [(usize, ast::Resource<&'s str>)],
        errors: &mut Vec<String>,
    ) -> Self {
        let mut catalog =
            Catalog { sources, locales: LANGS.iter().map(|_| Locale::default()).collect() };
        let mut seen = BTreeSet::new();
        for (index, resource) in resources {
            let source = &sources[*index];
            let Some(lang) = LANGS.iter().position(|(code, _)| *code == source.lang) else {
                errors.push(format!(
                    "{}: unknown language `{}`: the app knows {}; add it to crate::data::Lang, \
                     to LANGS in build/ftl.rs and to the plural rules in build/ftl/numbers.rs",
                    source.path,
                    source.lang,
                    LANGS.map(|l| l.0).join(" and ")
                ));
                continue;
            };
            seen.insert(lang);
            catalog.locales[lang].add(sources, *index, resource, errors);
        }
        for (lang, (code, _)) in LANGS.iter().enumerate() {
            if !seen.contains(&lang) {
                errors.push(format!("locales/{code}: no .ftl files for this language"));
            }
        }
        catalog
    }

    /// `path:line` of a slice of a source.
    pub(super) fn place(&self, source: usize, s: &str) -> String {
        catalog_place(self.sources, source, s)
    }

    pub(super) fn unused_terms(&self) -> Vec<String> {
        let mut warnings = Vec::new();
        for locale in &self.locales {
            let used = locale.used_terms.borrow();
            for (name, (src, _)) in &locale.terms {
                if !used.contains(name) {
                    warnings
                        .push(format!("{}: term `-{name}` is never used", self.place(*src, name)));
                }
            }
        }
        warnings
    }
}

impl<'s> Locale<'s> {
    /// The messages and terms of one file, refusing a second definition.
    fn add(
        &mut self,
        sources: &[Source],
        index: usize,
        resource: &'s ast::Resource<&'s str>,
        errors: &mut Vec<String>,
    ) {
        for entry in &resource.body {
            match entry {
                ast::Entry::Message(m) => {
                    if let Some((other, first)) = self.messages.get(m.id.name) {
                        errors.push(format!(
                            "{}: message `{}` is defined twice (also at {}): keep one",
                            catalog_place(sources, index, m.id.name),
                            m.id.name,
                            catalog_place(sources, *other, first.id.name),
                        ));
                        continue;
                    }
                    self.messages.insert(m.id.name, (index, m));
                    self.order.push(m.id.name);
                }
                ast::Entry::Term(t) => {
                    if let Some((other, first)) = self.terms.get(t.id.name) {
                        errors.push(format!(
                            "{}: term `-{}` is defined twice (also at {}): keep one",
                            catalog_place(sources, index, t.id.name),
                            t.id.name,
                            catalog_place(sources, *other, first.id.name),
                        ));
                        continue;
                    }
                    self.terms.insert(t.id.name, (index, t));
                }
                // Junk comes with a parser error, already reported.
                _ => {}
            }
        }
    }
}

/// `path:line` of `s`, a slice of source `source` (line 0 if it is not).
fn catalog_place(sources: &[Source], source: usize, s: &str) -> String {
    let text = &sources[source].text;
    let start = text.as_ptr() as usize;
    let at = s.as_ptr() as usize;
    let line = if at >= start && at <= start + text.len() { line_at(text, at - start) } else { 0 };
    format!("{}:{line}", sources[source].path)
}
