//! The checks across languages: both define the same messages, attributes
//! and variables, and each variable has one type everywhere it is used.

use std::collections::BTreeSet;

use fluent_syntax::ast;

use super::LANGS;
use super::catalog::Catalog;
use super::emit::{Function, Param};
use super::names::rust_name;
use super::nodes::{Env, Key, Node, Use, VarUse};
use super::resolve::Resolver;

/// A message in every language: (source index, message), by language.
type Found<'s> = Vec<(usize, &'s ast::Message<&'s str>)>;

/// A message's value or one of its attributes: one generated function.
pub(super) struct Unit<'s> {
    pub(super) id: &'s str,
    pub(super) attr: Option<&'s str>,
    /// (source index, message) in each language.
    pub(super) found: Found<'s>,
}

impl<'s> Catalog<'s> {
    /// The messages and attributes to compile, in the Spanish files' order,
    /// after checking that both languages define the same ones.
    pub(super) fn units(&self, errors: &mut Vec<String>) -> Vec<Unit<'s>> {
        let mut units = Vec::new();
        for id in self.ids() {
            let Some(found) = self.found_in_all(id, errors) else { continue };
            // The value, then each attribute, as the first language lists them.
            let has_value: Vec<bool> = found.iter().map(|(_, m)| m.value.is_some()).collect();
            if has_value.iter().any(|v| *v != has_value[0]) {
                let (src, m) = found[has_value.iter().position(|v| !v).expect("one lacks")];
                errors.push(format!(
                    "{}: message `{id}` has a value in one language and only attributes in the \
                     other: give both the same shape",
                    self.place(src, m.id.name),
                ));
                continue;
            }
            if has_value[0] {
                units.push(Unit { id, attr: None, found: found.clone() });
            }
            self.check_attributes(id, &found, errors);
            for a in &found[0].1.attributes {
                if found.iter().all(|(_, m)| m.attributes.iter().any(|b| b.id.name == a.id.name)) {
                    units.push(Unit { id, attr: Some(a.id.name), found: found.clone() });
                }
            }
        }
        units
    }

    /// Every message id: the first language's in file order, then those
    /// only the others have.
    fn ids(&self) -> Vec<&'s str> {
        let mut ids: Vec<&'s str> = self.locales[0].order.clone();
        for locale in &self.locales[1..] {
            ids.extend(
                locale.order.iter().filter(|id| !self.locales[0].messages.contains_key(*id)),
            );
        }
        ids
    }

    /// The message in every language, or an error naming those that lack it.
    fn found_in_all(&self, id: &str, errors: &mut Vec<String>) -> Option<Found<'s>> {
        let found: Vec<_> = self.locales.iter().map(|l| l.messages.get(id).copied()).collect();
        if found.iter().any(Option::is_none) {
            let (have, lacking): (Vec<_>, Vec<_>) =
                (0..LANGS.len()).partition(|&l| found[l].is_some());
            let (src, m) = found[have[0]].expect("present");
            errors.push(format!(
                "{}: message `{id}` exists in {} but not in {}: add it to locales/{}/ \
                 (or remove it here)",
                self.place(src, m.id.name),
                lang_names(&have),
                lang_names(&lacking),
                LANGS[lacking[0]].0,
            ));
            return None;
        }
        Some(found.into_iter().map(|f| f.expect("checked")).collect())
    }

    /// The same attributes in every language as in the first.
    fn check_attributes(&self, id: &str, found: &Found<'s>, errors: &mut Vec<String>) {
        let attrs = |m: &ast::Message<&'s str>| -> BTreeSet<&'s str> {
            m.attributes.iter().map(|a| a.id.name).collect()
        };
        let first = attrs(found[0].1);
        for (lang, (src, m)) in found.iter().enumerate().skip(1) {
            let these = attrs(m);
            if these != first {
                let only = |a: &BTreeSet<&str>, b: &BTreeSet<&str>| {
                    a.difference(b).map(|x| format!(".{x}")).collect::<Vec<_>>().join(" ")
                };
                errors.push(format!(
                    "{}: message `{id}` has different attributes in {} and {}: only in {}: \
                     [{}]; only in {}: [{}]",
                    self.place(*src, m.id.name),
                    LANGS[0].0,
                    LANGS[lang].0,
                    LANGS[0].0,
                    only(&first, &these),
                    LANGS[lang].0,
                    only(&these, &first),
                ));
            }
        }
    }
}

fn lang_names(langs: &[usize]) -> String {
    langs.iter().map(|&l| LANGS[l].0).collect::<Vec<_>>().join(" and ")
}

impl<'s> Unit<'s> {
    pub(super) fn what(&self) -> String {
        match self.attr {
            Some(attr) => format!("attribute `{}.{attr}`", self.id),
            None => format!("message `{}`", self.id),
        }
    }

    pub(super) fn place(&self, catalog: &Catalog<'s>) -> String {
        let (src, m) = self.found[0];
        catalog.place(src, m.id.name)
    }

    fn pattern(&self, lang: usize) -> &'s ast::Pattern<&'s str> {
        let m = self.found[lang].1;
        match self.attr {
            Some(attr) => &m.attributes.iter().find(|a| a.id.name == attr).expect("checked").value,
            None => m.value.as_ref().expect("checked"),
        }
    }

    /// Resolves the unit in every language and types its parameters.
    pub(super) fn function(
        &self,
        catalog: &Catalog<'s>,
        errors: &mut Vec<String>,
    ) -> Option<Function> {
        let before = errors.len();
        let (bodies, uses) = self.resolve(catalog, errors);
        self.check_same_variables(catalog, &uses, errors);
        let params = self.params(&bodies, &uses, errors);
        self.check_parameter_names(catalog, &params, errors);
        if errors.len() > before {
            return None;
        }
        let name = match self.attr {
            Some(attr) => rust_name(&format!("{}-{attr}", self.id), false),
            None => rust_name(self.id, false),
        };
        let many = bodies[0].iter().any(has_many_key);
        Some(Function { name, params, bodies, many })
    }

    /// The resolved pattern, and how it uses each variable, by language.
    fn resolve(
        &self,
        catalog: &Catalog<'s>,
        errors: &mut Vec<String>,
    ) -> (Vec<Vec<Node>>, Vec<Vec<VarUse>>) {
        let mut bodies = Vec::new();
        let mut uses = Vec::new();
        for lang in 0..LANGS.len() {
            let mut r = Resolver {
                catalog,
                lang,
                errors: &mut *errors,
                stack: vec![self.what()],
                uses: Vec::new(),
            };
            let src = self.found[lang].0;
            let body = r.pattern(src, self.pattern(lang), &Env::Message);
            uses.push(r.uses);
            bodies.push(body);
        }
        (bodies, uses)
    }

    /// The same variables in every language.
    fn check_same_variables(
        &self,
        catalog: &Catalog<'s>,
        uses: &[Vec<VarUse>],
        errors: &mut Vec<String>,
    ) {
        let sets: Vec<BTreeSet<&str>> =
            uses.iter().map(|u| u.iter().map(|v| v.name.as_str()).collect()).collect();
        for lang in 1..LANGS.len() {
            if sets[lang] != sets[0] {
                let list = |a: usize, b: usize| {
                    let names: Vec<_> =
                        sets[a].difference(&sets[b]).map(|v| format!("${v}")).collect();
                    if names.is_empty() { "none".to_string() } else { names.join(" ") }
                };
                errors.push(format!(
                    "{}: {} uses different variables in {} and {} (only in {}: {}; only in {}: {}): \
                     both languages must take the same arguments",
                    catalog.place(self.found[lang].0, self.found[lang].1.id.name),
                    self.what(),
                    LANGS[0].0,
                    LANGS[lang].0,
                    LANGS[0].0,
                    list(0, lang),
                    LANGS[lang].0,
                    list(lang, 0),
                ));
            }
        }
    }

    /// One parameter per variable, in the order the first language uses
    /// them, with one type across languages.
    fn params(
        &self,
        bodies: &[Vec<Node>],
        uses: &[Vec<VarUse>],
        errors: &mut Vec<String>,
    ) -> Vec<Param> {
        let mut params: Vec<Param> = Vec::new();
        for u in &uses[0] {
            if params.iter().any(|p| p.fluent == u.name) {
                continue;
            }
            let all = uses.iter().flatten().filter(|v| v.name == u.name);
            let number = all.clone().find(|v| matches!(v.kind, Use::Number(_)));
            let text = all.clone().find(|v| v.kind == Use::TextKeys);
            if let (Some(n), Some(t)) = (number, text) {
                let Use::Number(how) = n.kind else { unreachable!() };
                errors.push(format!(
                    "{}: {} selects on ${} with text keys, but {} uses it as a number ({how}): \
                     pick one type for ${} in both languages",
                    t.at,
                    self.what(),
                    u.name,
                    n.at,
                    u.name
                ));
            }
            let mut keys = BTreeSet::new();
            for body in bodies {
                text_keys(body, &u.name, &mut keys);
            }
            params.push(Param {
                fluent: u.name.clone(),
                rust: rust_name(&u.name, true),
                number: number.is_some(),
                keys: keys.into_iter().collect(),
            });
        }
        params
    }

    /// No two variables become the same Rust parameter.
    fn check_parameter_names(
        &self,
        catalog: &Catalog<'s>,
        params: &[Param],
        errors: &mut Vec<String>,
    ) {
        for (i, p) in params.iter().enumerate() {
            if let Some(q) = params[..i].iter().find(|q| q.rust == p.rust) {
                errors.push(format!(
                    "{}: variables ${} and ${} of {} both become the Rust parameter `{}`: rename one",
                    self.place(catalog),
                    q.fluent,
                    p.fluent,
                    self.what(),
                    p.rust
                ));
            }
        }
    }
}

/// The keys a body's selects compare a text variable with.
fn text_keys(nodes: &[Node], var: &str, keys: &mut BTreeSet<String>) {
    for node in nodes {
        if let Node::Select { var: v, number, variants, .. } = node {
            if v == var && !number {
                for (key, _) in variants {
                    if let Key::Name(k) = key {
                        keys.insert(k.clone());
                    }
                }
            }
            for (_, body) in variants {
                text_keys(body, var, keys);
            }
        }
    }
}

fn has_many_key(node: &Node) -> bool {
    match node {
        Node::Select { variants, .. } => variants.iter().any(|(key, body)| {
            matches!(key, Key::Name(k) if k == "many") || body.iter().any(has_many_key)
        }),
        _ => false,
    }
}
