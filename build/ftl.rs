//! Compiles the Fluent messages of `locales/` into plain Rust functions.
//!
//! `build.rs` runs this on every `locales/{es,en}/*.ftl` and writes the
//! result to `$OUT_DIR/messages.rs`, which `src/i18n.rs` includes; the
//! integration test `tests/ftl_compiler.rs` runs it on small inline sources.
//! So the browser ships the text and a little branching code, and no Fluent
//! parser, bundle or plural-rule tables.
//!
//! What comes out, for each message (and each attribute, as `message_attr`):
//! - with no variables: `pub(crate) fn events_heading(lang: Lang) -> &'static str`;
//! - with variables: `pub(crate) fn results_count_filtered(lang: Lang, shown: usize,
//!   total: usize) -> String`, parameters in the order they first appear in
//!   the Spanish message (references to other messages followed where they
//!   stand). A variable is a `usize` when, in either language, it is selected
//!   on with plural-category (`zero one two few many other`) or number keys,
//!   or passed to `NUMBER()`; any other variable is a `&str`.
//!
//! Semantics follow `fluent-bundle` with `set_use_isolating(false)` (the
//! equivalence test in `src/i18n/tests.rs` checks every message of
//! `locales/` and of `tests/fixtures/ftl/` against it), with numbers shown as
//! digits with `,` between thousands (as `Intl` does for es-MX and en-US).
//!
//! Supported: text, with Fluent's indentation and blank-line rules (the
//! parser's); variables; string literals (with escapes) and number literals;
//! `NUMBER($var)` and `NUMBER(literal)` without options; references to
//! messages and their attributes (seeing the same arguments) and to terms and
//! their attributes (`-brand`, `-brand(case: "upper")`, `-brand.gender` as a
//! selector), all resolved at build time; selects on a variable, on
//! `NUMBER($var)` and on literals, nested anywhere: on numbers, exact whole
//! number keys, then CLDR plural categories, then the default; on text, exact
//! keys, then the default.
//!
//! Whatever this cannot compile exactly is an error naming the file and line
//! and what to do, never a silent difference: other functions (`DATETIME`),
//! `NUMBER` options, non-whole number keys, an exact number key after the
//! plural category that already takes it, terms given arguments that refer to
//! other terms, and term variables their reference does not pass. So are a
//! message in one language only, different attributes or variables in the
//! two languages, references that point nowhere or in a cycle, a variable
//! that is a number in one place and text (selected with text keys) in
//! another, duplicates, syntax errors and names that collide in Rust.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use fluent_syntax::ast;

/// The languages, as (directory under `locales/`, variant of `crate::data::Lang`).
/// The first is the one whose messages decide the order of parameters.
pub const LANGS: [(&str, &str); 2] = [("es", "Es"), ("en", "En")];

/// One `.ftl` file.
pub struct Source {
    /// The language directory it comes from: `es` or `en`.
    pub lang: String,
    /// The path shown in errors, e.g. `locales/es/app.ftl`.
    pub path: String,
    pub text: String,
}

/// What the compiler wrote, and what it wants said but need not stop for.
pub struct Output {
    pub code: String,
    pub warnings: Vec<String>,
}

/// Compiles the sources of every language into one Rust file, or explains
/// every problem found, each as `path:line: what is wrong, and what to do`.
pub fn compile(sources: &[Source]) -> Result<Output, Vec<String>> {
    let mut errors = Vec::new();
    let mut resources = Vec::new();
    for (index, source) in sources.iter().enumerate() {
        let resource = match fluent_syntax::parser::parse(source.text.as_str()) {
            Ok(resource) => resource,
            Err((resource, parse_errors)) => {
                for e in parse_errors {
                    // The entry that is broken, and where the parser gave up.
                    let entry = e.slice.as_ref().map_or(e.pos.start, |s| s.start);
                    errors.push(format!(
                        "{}:{}: Fluent syntax error (at line {}): {}",
                        source.path,
                        line_at(&source.text, entry),
                        line_at(&source.text, e.pos.start),
                        e.kind
                    ));
                }
                resource
            }
        };
        resources.push((index, resource));
    }
    let catalog = Catalog::new(sources, &resources, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    let units = catalog.units(&mut errors);
    let mut code = String::new();
    let mut table = String::new();
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    for unit in &units {
        if let Some(f) = unit.function(&catalog, &mut errors) {
            if let Some(other) = names.insert(f.name.clone(), unit.what()) {
                errors.push(format!(
                    "{}: {} and {} both become the Rust function `{}`: rename one",
                    unit.place(&catalog),
                    other,
                    unit.what(),
                    f.name
                ));
            }
            f.emit(unit, &catalog, &mut code, &mut table);
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut out = String::from(HEADER);
    out.push_str(&code);
    out.push_str(
        "\n/// Every generated function, for the equivalence test against fluent-bundle.\n",
    );
    out.push_str("#[cfg(test)]\npub(crate) static GENERATED: &[tests::Generated] = &[\n");
    out.push_str(&table);
    out.push_str("];\n");
    Ok(Output { code: out, warnings: catalog.unused_terms() })
}

const HEADER: &str = "// Generated by build.rs from locales/*/*.ftl: edit those, not this.\n\
// Each function is one Fluent message (or attribute); see src/i18n.rs.\n\n";

/// The 1-based line of a byte offset.
fn line_at(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())].split(|&b| b == b'\n').count()
}

/// Every entry of every language, by language index (into [`LANGS`]).
struct Catalog<'s> {
    sources: &'s [Source],
    locales: Vec<Locale<'s>>,
}

#[derive(Default)]
struct Locale<'s> {
    /// Message id -> (source index, message), and the ids in file order.
    messages: BTreeMap<&'s str, (usize, &'s ast::Message<&'s str>)>,
    order: Vec<&'s str>,
    terms: BTreeMap<&'s str, (usize, &'s ast::Term<&'s str>)>,
    used_terms: std::cell::RefCell<BTreeSet<&'s str>>,
}

impl<'s> Catalog<'s> {
    fn new(
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
                    "{}: unknown language `{}`: the app knows {}; add it to crate::data::Lang and \
                     to LANGS and the plural rules in build/ftl.rs",
                    source.path,
                    source.lang,
                    LANGS.map(|l| l.0).join(" and ")
                ));
                continue;
            };
            seen.insert(lang);
            let locale = &mut catalog.locales[lang];
            for entry in &resource.body {
                match entry {
                    ast::Entry::Message(m) => {
                        if let Some((other, first)) = locale.messages.get(m.id.name) {
                            errors.push(format!(
                                "{}: message `{}` is defined twice (also at {}): keep one",
                                catalog_place(sources, *index, m.id.name),
                                m.id.name,
                                catalog_place(sources, *other, first.id.name),
                            ));
                            continue;
                        }
                        locale.messages.insert(m.id.name, (*index, m));
                        locale.order.push(m.id.name);
                    }
                    ast::Entry::Term(t) => {
                        if let Some((other, first)) = locale.terms.get(t.id.name) {
                            errors.push(format!(
                                "{}: term `-{}` is defined twice (also at {}): keep one",
                                catalog_place(sources, *index, t.id.name),
                                t.id.name,
                                catalog_place(sources, *other, first.id.name),
                            ));
                            continue;
                        }
                        locale.terms.insert(t.id.name, (*index, t));
                    }
                    // Junk comes with a parser error, already reported.
                    _ => {}
                }
            }
        }
        for (lang, (code, _)) in LANGS.iter().enumerate() {
            if !seen.contains(&lang) {
                errors.push(format!("locales/{code}: no .ftl files for this language"));
            }
        }
        catalog
    }

    /// `path:line` of a slice of a source.
    fn place(&self, source: usize, s: &str) -> String {
        catalog_place(self.sources, source, s)
    }

    /// The messages and attributes to compile, in the Spanish files' order,
    /// after checking that both languages define the same ones.
    fn units(&self, errors: &mut Vec<String>) -> Vec<Unit<'s>> {
        let mut units = Vec::new();
        let mut ids: Vec<&'s str> = self.locales[0].order.clone();
        for locale in &self.locales[1..] {
            ids.extend(
                locale.order.iter().filter(|id| !self.locales[0].messages.contains_key(*id)),
            );
        }
        for id in ids {
            let found: Vec<_> = self.locales.iter().map(|l| l.messages.get(id).copied()).collect();
            if found.iter().any(Option::is_none) {
                let (have, lacking): (Vec<_>, Vec<_>) =
                    (0..LANGS.len()).partition(|&l| found[l].is_some());
                let (src, m) = found[have[0]].expect("present");
                errors.push(format!(
                    "{}: message `{id}` exists in {} but not in {}: add it to locales/{}/ \
                     (or remove it here)",
                    self.place(src, m.id.name),
                    names(&have),
                    names(&lacking),
                    LANGS[lacking[0]].0,
                ));
                continue;
            }
            let found: Vec<_> = found.into_iter().map(|f| f.expect("checked")).collect();
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
            for a in &found[0].1.attributes {
                if found.iter().all(|(_, m)| m.attributes.iter().any(|b| b.id.name == a.id.name)) {
                    units.push(Unit { id, attr: Some(a.id.name), found: found.clone() });
                }
            }
        }
        units
    }

    fn unused_terms(&self) -> Vec<String> {
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

fn catalog_place(sources: &[Source], source: usize, s: &str) -> String {
    let text = &sources[source].text;
    let start = text.as_ptr() as usize;
    let at = s.as_ptr() as usize;
    let line = if at >= start && at <= start + text.len() { line_at(text, at - start) } else { 0 };
    format!("{}:{line}", sources[source].path)
}

fn names(langs: &[usize]) -> String {
    langs.iter().map(|&l| LANGS[l].0).collect::<Vec<_>>().join(" and ")
}

/// A message's value or one of its attributes: one generated function.
struct Unit<'s> {
    id: &'s str,
    attr: Option<&'s str>,
    /// (source index, message) in each language.
    found: Vec<(usize, &'s ast::Message<&'s str>)>,
}

impl<'s> Unit<'s> {
    fn what(&self) -> String {
        match self.attr {
            Some(attr) => format!("attribute `{}.{attr}`", self.id),
            None => format!("message `{}`", self.id),
        }
    }

    fn place(&self, catalog: &Catalog<'s>) -> String {
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
    fn function(&self, catalog: &Catalog<'s>, errors: &mut Vec<String>) -> Option<Function> {
        let before = errors.len();
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
        // The same variables in every language.
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
        // One type per variable, across languages.
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
            for body in &bodies {
                text_keys(body, &u.name, &mut keys);
            }
            params.push(Param {
                fluent: u.name.clone(),
                rust: rust_name(&u.name, true),
                number: number.is_some(),
                keys: keys.into_iter().collect(),
            });
        }
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

/// `events-heading` -> `events_heading`; `$userName` -> `user_name`. Rust
/// keywords, and for parameters `lang` and `out` (taken by the generated
/// code), get a trailing `_`.
fn rust_name(fluent: &str, parameter: bool) -> String {
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

/// How a pattern uses a variable of the message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Use {
    /// Placed in the text as it is.
    Show,
    /// As a number: in `NUMBER()`, or selected on with plural or number keys.
    Number(&'static str),
    /// Selected on with text keys.
    TextKeys,
}

struct VarUse {
    name: String,
    kind: Use,
    at: String,
}

/// A resolved pattern: fixed text, and what depends on the arguments.
#[derive(Clone, Debug, PartialEq)]
enum Node {
    Text(String),
    /// A variable as it is (a number is shown with thousands separators).
    Show(String),
    Select {
        var: String,
        /// Selecting a number (plural categories and exact numbers), or text.
        number: bool,
        variants: Vec<(Key, Vec<Node>)>,
        default: usize,
    },
}

#[derive(Clone, Debug, PartialEq)]
enum Key {
    Number(u64),
    Name(String),
}

/// A literal value passed to a term, or selected on.
#[derive(Clone, Debug)]
enum Lit {
    Text(String),
    /// A number literal as written.
    Number(String),
    /// A term argument the reference does not pass.
    Missing,
}

enum Selector<'s> {
    /// A variable of the message, perhaps in `NUMBER()`.
    Var { name: &'s str, number_fn: bool },
    /// A value known at build time.
    Known(Lit),
}

/// Where variables come from: the message's arguments, or a term's literal
/// arguments (a term never sees the message's).
enum Env<'e> {
    Message,
    Term { args: &'e BTreeMap<String, Lit>, term: String },
}

const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// CLDR cardinal plural category of a whole number in a language.
fn category(lang: usize, n: u64) -> &'static str {
    if n == 1 {
        "one"
    } else if LANGS[lang].0 == "es" && n != 0 && n.is_multiple_of(1_000_000) {
        "many"
    } else {
        "other"
    }
}

/// The same rule as Rust code over `v`, or `None` when no number is in the category.
fn category_condition(lang: usize, cat: &str, v: &str) -> Option<String> {
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
fn number_literal(raw: &str) -> Option<String> {
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

struct Resolver<'a, 's> {
    catalog: &'a Catalog<'s>,
    lang: usize,
    errors: &'a mut Vec<String>,
    /// What is being resolved, outermost first, to explain and to stop cycles.
    stack: Vec<String>,
    uses: Vec<VarUse>,
}

impl<'s> Resolver<'_, 's> {
    fn place(&self, src: usize, s: &str) -> String {
        self.catalog.place(src, s)
    }

    fn error(&mut self, src: usize, at: &str, what: &str) {
        let place = self.place(src, at);
        let inside = self.stack.join(" → ");
        self.errors.push(format!("{place}: in {inside}: {what}"));
    }

    fn pattern(&mut self, src: usize, pattern: &'s ast::Pattern<&'s str>, env: &Env) -> Vec<Node> {
        let mut out = Vec::new();
        for element in &pattern.elements {
            match element {
                ast::PatternElement::TextElement { value } => push_text(&mut out, value),
                ast::PatternElement::Placeable { expression } => {
                    self.expression(src, expression, env, &mut out);
                }
            }
        }
        out
    }

    fn expression(
        &mut self,
        src: usize,
        expression: &'s ast::Expression<&'s str>,
        env: &Env,
        out: &mut Vec<Node>,
    ) {
        match expression {
            ast::Expression::Inline(inline) => self.inline(src, inline, env, out),
            ast::Expression::Select { selector, variants } => {
                self.select(src, selector, variants, env, out);
            }
        }
    }

    fn inline(
        &mut self,
        src: usize,
        inline: &'s ast::InlineExpression<&'s str>,
        env: &Env,
        out: &mut Vec<Node>,
    ) {
        use ast::InlineExpression as I;
        match inline {
            I::StringLiteral { value } => {
                push_text(out, &fluent_syntax::unicode::unescape_unicode_to_string(value));
            }
            I::NumberLiteral { value } => match number_literal(value) {
                Some(text) => push_text(out, &text),
                None => self.error(src, value, &format!("cannot read the number {value}")),
            },
            I::VariableReference { id } => match env {
                Env::Message => {
                    self.record(src, id.name, Use::Show);
                    out.push(Node::Show(id.name.to_string()));
                }
                Env::Term { .. } => {
                    if let Some(lit) = self.term_arg(src, id.name, env) {
                        match lit {
                            Lit::Text(t) => push_text(out, &t),
                            Lit::Number(n) => push_text(out, &number_literal(&n).unwrap_or(n)),
                            Lit::Missing => {}
                        }
                    }
                }
            },
            I::FunctionReference { id, arguments } => {
                let Some(arg) = self.number_function(src, id.name, arguments) else { return };
                match arg {
                    I::VariableReference { id } => match env {
                        Env::Message => {
                            self.record(src, id.name, Use::Number("NUMBER()"));
                            out.push(Node::Show(id.name.to_string()));
                        }
                        Env::Term { .. } => match self.term_arg(src, id.name, env) {
                            Some(Lit::Number(n)) => {
                                push_text(out, &number_literal(&n).unwrap_or(n));
                            }
                            Some(Lit::Text(_) | Lit::Missing) => self.error(
                                src,
                                id.name,
                                &format!(
                                    "NUMBER(${}) is given text, which Fluent cannot format",
                                    id.name
                                ),
                            ),
                            None => {}
                        },
                    },
                    I::NumberLiteral { value } => {
                        push_text(
                            out,
                            &number_literal(value).unwrap_or_else(|| (*value).to_string()),
                        );
                    }
                    _ => self.error(
                        src,
                        id.name,
                        "NUMBER() takes a variable or a number literal here",
                    ),
                }
            }
            I::MessageReference { id, attribute } => {
                let Some(pattern) = self.message_pattern(src, id.name, attribute.as_ref()) else {
                    return;
                };
                let (msrc, _) = self.catalog.locales[self.lang].messages[id.name];
                let label = match attribute {
                    Some(a) => format!("message `{}.{}`", id.name, a.name),
                    None => format!("message `{}`", id.name),
                };
                if self.stack.contains(&label) {
                    let cycle = format!("{} → {label}", self.stack.join(" → "));
                    self.error(
                        src,
                        id.name,
                        &format!("messages refer to each other in a cycle: {cycle}"),
                    );
                    return;
                }
                self.stack.push(label);
                // Fluent: a referenced message sees the same arguments.
                let nodes = self.pattern(msrc, pattern, env);
                self.stack.pop();
                extend(out, nodes);
            }
            I::TermReference { id, attribute, arguments } => {
                if let Some(attr) = attribute {
                    self.error(
                        src,
                        attr.name,
                        "a term's attribute can only be a selector, not shown: use the term itself",
                    );
                    return;
                }
                let Some(nodes) = self.term(src, id.name, None, arguments.as_ref()) else { return };
                extend(out, nodes);
            }
            I::Placeable { expression } => self.expression(src, expression, env, out),
        }
    }

    /// The single positional argument of `NUMBER(…)`, the only function supported.
    fn number_function(
        &mut self,
        src: usize,
        name: &'s str,
        arguments: &'s ast::CallArguments<&'s str>,
    ) -> Option<&'s ast::InlineExpression<&'s str>> {
        if name != "NUMBER" {
            self.error(
                src,
                name,
                &format!(
                    "the function {name}() is not supported: only NUMBER($var) is; format dates \
                     and amounts in Rust (src/format.rs) and pass the text as a variable"
                ),
            );
            return None;
        }
        if !arguments.named.is_empty() {
            self.error(
                src,
                arguments.named[0].name.name,
                "NUMBER() options are not supported: numbers are whole, with thousands separators",
            );
            return None;
        }
        if arguments.positional.len() != 1 {
            self.error(src, name, "NUMBER() takes exactly one argument");
            return None;
        }
        Some(&arguments.positional[0])
    }

    fn term_arg(&mut self, src: usize, var: &str, env: &Env) -> Option<Lit> {
        let Env::Term { args, term } = env else { return None };
        if let Some(lit) = args.get(var) {
            return Some(lit.clone());
        }
        let term = term.clone();
        self.error(
            src,
            var,
            &format!(
                "term `-{term}` uses ${var}, which its reference does not pass: a term sees only \
                 its own arguments, e.g. {{ -{term}({var}: \"…\") }}"
            ),
        );
        None
    }

    fn message_pattern(
        &mut self,
        src: usize,
        id: &'s str,
        attribute: Option<&ast::Identifier<&'s str>>,
    ) -> Option<&'s ast::Pattern<&'s str>> {
        let lang = LANGS[self.lang].0;
        let Some((_, message)) = self.catalog.locales[self.lang].messages.get(id) else {
            self.error(src, id, &format!("the message `{id}` does not exist in locales/{lang}/"));
            return None;
        };
        if let Some(attr) = attribute {
            let found = message.attributes.iter().find(|a| a.id.name == attr.name);
            if found.is_none() {
                self.error(
                    src,
                    attr.name,
                    &format!(
                        "the message `{id}` has no attribute `.{}` in locales/{lang}/",
                        attr.name
                    ),
                );
            }
            found.map(|a| &a.value)
        } else {
            if message.value.is_none() {
                self.error(
                    src,
                    id,
                    &format!("the message `{id}` has no value, only attributes: refer to one"),
                );
            }
            message.value.as_ref()
        }
    }

    /// Resolves a term (or one of its attributes) with its literal arguments.
    fn term(
        &mut self,
        src: usize,
        id: &'s str,
        attribute: Option<&'s str>,
        arguments: Option<&'s ast::CallArguments<&'s str>>,
    ) -> Option<Vec<Node>> {
        let lang = LANGS[self.lang].0;
        let Some(&(tsrc, term)) = self.catalog.locales[self.lang].terms.get(id) else {
            self.error(src, id, &format!("the term `-{id}` does not exist in locales/{lang}/"));
            return None;
        };
        self.catalog.locales[self.lang].used_terms.borrow_mut().insert(id);
        let mut args = BTreeMap::new();
        if let Some(arguments) = arguments {
            if !arguments.positional.is_empty() {
                self.error(
                    src,
                    id,
                    "terms take only named arguments, e.g. -brand(case: \"genitive\")",
                );
                return None;
            }
            for named in &arguments.named {
                let lit = match &named.value {
                    ast::InlineExpression::StringLiteral { value } => Lit::Text(
                        fluent_syntax::unicode::unescape_unicode_to_string(value).into_owned(),
                    ),
                    ast::InlineExpression::NumberLiteral { value } => {
                        Lit::Number((*value).to_string())
                    }
                    _ => {
                        self.error(src, named.name.name, "a term's arguments must be literals");
                        return None;
                    }
                };
                args.insert(named.name.name.to_string(), lit);
            }
        }
        let pattern = match attribute {
            Some(attr) => {
                if let Some(a) = term.attributes.iter().find(|a| a.id.name == attr) {
                    &a.value
                } else {
                    self.error(src, attr, &format!("the term `-{id}` has no attribute `.{attr}`"));
                    return None;
                }
            }
            None => &term.value,
        };
        let label = match attribute {
            Some(attr) => format!("term `-{id}.{attr}`"),
            None => format!("term `-{id}`"),
        };
        if self.stack.contains(&label) {
            let cycle = format!("{} → {label}", self.stack.join(" → "));
            self.error(src, id, &format!("terms refer to each other in a cycle: {cycle}"));
            return None;
        }
        if !args.is_empty() && refers_to_term(pattern) {
            // fluent-bundle forgets a term's arguments once it has resolved
            // another term inside it, so the result would depend on order.
            self.error(
                tsrc,
                term.id.name,
                &format!(
                    "term `-{id}` is given arguments and refers to another term: not supported"
                ),
            );
            return None;
        }
        self.stack.push(label);
        let env = Env::Term { args: &args, term: id.to_string() };
        let nodes = self.pattern(tsrc, pattern, &env);
        self.stack.pop();
        Some(nodes)
    }

    fn record(&mut self, src: usize, name: &str, kind: Use) {
        let at = self.place(src, name);
        self.uses.push(VarUse { name: name.to_string(), kind, at });
    }

    /// What a select's selector is: a variable of the message, or a value
    /// known at build time (a literal, a term attribute, a term's argument).
    fn selector(
        &mut self,
        src: usize,
        selector: &'s ast::InlineExpression<&'s str>,
        variants: &'s [ast::Variant<&'s str>],
        env: &Env,
    ) -> Option<Selector<'s>> {
        use ast::InlineExpression as I;
        let (var, number_fn) = match selector {
            I::VariableReference { id } => (id.name, false),
            I::FunctionReference { id, arguments } => {
                match self.number_function(src, id.name, arguments)? {
                    I::VariableReference { id } => (id.name, true),
                    I::NumberLiteral { value } => {
                        return Some(Selector::Known(Lit::Number((*value).to_string())));
                    }
                    _ => {
                        let what = "NUMBER() takes a variable or a number literal here";
                        self.error(src, id.name, what);
                        return None;
                    }
                }
            }
            I::StringLiteral { value } => {
                let text = fluent_syntax::unicode::unescape_unicode_to_string(value).into_owned();
                return Some(Selector::Known(Lit::Text(text)));
            }
            I::NumberLiteral { value } => {
                return Some(Selector::Known(Lit::Number((*value).to_string())));
            }
            I::TermReference { id, attribute: Some(attr), arguments } => {
                let nodes = self.term(src, id.name, Some(attr.name), arguments.as_ref())?;
                let text = static_text(&nodes).expect("terms resolve to text");
                return Some(Selector::Known(Lit::Text(text)));
            }
            _ => {
                self.error(
                    src,
                    key_text(&variants[0]),
                    "this selector is not supported: select on a variable, NUMBER($var), a \
                     literal or a term attribute",
                );
                return None;
            }
        };
        if let Env::Term { args, .. } = env {
            // A term selecting on an argument its reference does not pass
            // takes the default variant (`{ -brand }` beside
            // `{ -brand(case: "genitive") }`).
            let lit = args.get(var).cloned().unwrap_or(Lit::Missing);
            if number_fn && matches!(lit, Lit::Text(_)) {
                self.error(src, var, "NUMBER() is given text, which Fluent cannot select on");
                return None;
            }
            return Some(Selector::Known(lit));
        }
        Some(Selector::Var { name: var, number_fn })
    }

    fn select(
        &mut self,
        src: usize,
        selector: &'s ast::InlineExpression<&'s str>,
        variants: &'s [ast::Variant<&'s str>],
        env: &Env,
        out: &mut Vec<Node>,
    ) {
        let default = variants.iter().position(|v| v.default).unwrap_or(0);
        let keys = self.keys(src, variants);
        let (var, number_fn) = match self.selector(src, selector, variants, env) {
            None => return,
            Some(Selector::Known(lit)) => {
                return self.static_select(src, &lit, variants, &keys, default, env, out);
            }
            Some(Selector::Var { name, number_fn }) => (name, number_fn),
        };
        let numeric = keys.iter().any(|k| matches!(k, Key::Number(_)));
        let textual =
            keys.iter().any(|k| matches!(k, Key::Name(n) if !CATEGORIES.contains(&n.as_str())));
        if numeric && textual {
            self.error(
                src,
                var,
                &format!("the select on ${var} mixes number keys with text keys: a variable is either a number or text"),
            );
            return;
        }
        let number = number_fn || !textual;
        if number_fn && textual {
            self.error(
                src,
                var,
                "NUMBER() is selected on with text keys, which never match a number",
            );
            return;
        }
        let kind = if number_fn {
            Use::Number("NUMBER()")
        } else if number {
            Use::Number("a select with plural or number keys")
        } else {
            Use::TextKeys
        };
        self.record(src, var, kind);
        if number {
            self.check_order(src, var, variants, &keys);
        }
        let variants = variants
            .iter()
            .zip(keys)
            .map(|(v, key)| (key, self.pattern(src, &v.value, env)))
            .collect();
        out.push(Node::Select { var: var.to_string(), number, variants, default });
    }

    /// The variant keys, checked: whole numbers, no repeats.
    fn keys(&mut self, src: usize, variants: &'s [ast::Variant<&'s str>]) -> Vec<Key> {
        let mut keys = Vec::new();
        for v in variants {
            let key = match v.key {
                ast::VariantKey::Identifier { name } => Key::Name(name.to_string()),
                ast::VariantKey::NumberLiteral { value } => {
                    if let Ok(n) = value.parse::<u64>() {
                        Key::Number(n)
                    } else {
                        self.error(
                            src,
                            value,
                            &format!("the key [{value}] is not supported: number keys must be whole numbers such as [0]"),
                        );
                        Key::Name(value.to_string())
                    }
                }
            };
            if keys.contains(&key) {
                let name = match &key {
                    Key::Number(n) => n.to_string(),
                    Key::Name(n) => n.clone(),
                };
                self.error(
                    src,
                    key_text(v),
                    &format!("the key [{name}] appears twice in one select"),
                );
            }
            keys.push(key);
        }
        keys
    }

    /// fluent-bundle takes the first variant that matches; an exact number
    /// after a plural category that already takes it would never be chosen.
    fn check_order(
        &mut self,
        src: usize,
        var: &str,
        variants: &'s [ast::Variant<&'s str>],
        keys: &[Key],
    ) {
        for (j, key) in keys.iter().enumerate() {
            let Key::Number(n) = key else { continue };
            let cat = category(self.lang, *n);
            if keys[..j].iter().any(|k| matches!(k, Key::Name(c) if c == cat)) {
                self.error(
                    src,
                    key_text(&variants[j]),
                    &format!("in the select on ${var}, [{n}] comes after [{cat}], which already matches {n}: put exact numbers first"),
                );
            }
        }
    }

    /// A select whose selector is known at build time: keep the variant
    /// fluent-bundle would choose.
    #[allow(clippy::too_many_arguments)]
    fn static_select(
        &mut self,
        src: usize,
        selector: &Lit,
        variants: &'s [ast::Variant<&'s str>],
        keys: &[Key],
        default: usize,
        env: &Env,
        out: &mut Vec<Node>,
    ) {
        let mut chosen = None;
        for (i, key) in keys.iter().enumerate() {
            let matches = match (key, selector) {
                (Key::Name(k), Lit::Text(s)) => k == s,
                // Equal numbers, written with no fraction digits.
                (Key::Number(k), Lit::Number(raw)) => raw.parse::<u64>().ok() == Some(*k),
                (Key::Name(k), Lit::Number(raw)) if CATEGORIES.contains(&k.as_str()) => {
                    if let Ok(n) = raw.parse::<u64>() {
                        category(self.lang, n) == k
                    } else {
                        self.error(
                            src,
                            key_text(&variants[i]),
                            &format!(
                                "plural categories of {raw} are not supported: select on whole numbers"
                            ),
                        );
                        return;
                    }
                }
                _ => false,
            };
            if matches {
                chosen = Some(i);
                break;
            }
        }
        let chosen = chosen.unwrap_or(default);
        // Every variant is checked, but only the chosen one's variables are the message's.
        for (i, v) in variants.iter().enumerate() {
            let uses = self.uses.len();
            let nodes = self.pattern(src, &v.value, env);
            if i == chosen {
                extend(out, nodes);
            } else {
                self.uses.truncate(uses);
            }
        }
    }
}

/// The key of a variant as written, to point at it.
fn key_text<'s>(variant: &ast::Variant<&'s str>) -> &'s str {
    match variant.key {
        ast::VariantKey::Identifier { name } | ast::VariantKey::NumberLiteral { value: name } => {
            name
        }
    }
}

/// Whether a term's pattern refers to another term anywhere.
fn refers_to_term(pattern: &ast::Pattern<&str>) -> bool {
    fn expr(e: &ast::Expression<&str>) -> bool {
        match e {
            ast::Expression::Inline(i) => inline(i),
            ast::Expression::Select { selector, variants } => {
                inline(selector) || variants.iter().any(|v| refers_to_term(&v.value))
            }
        }
    }
    fn inline(i: &ast::InlineExpression<&str>) -> bool {
        match i {
            ast::InlineExpression::TermReference { .. } => true,
            ast::InlineExpression::Placeable { expression } => expr(expression),
            _ => false,
        }
    }
    pattern.elements.iter().any(|e| match e {
        ast::PatternElement::Placeable { expression } => expr(expression),
        ast::PatternElement::TextElement { .. } => false,
    })
}

fn push_text(out: &mut Vec<Node>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(Node::Text(last)) = out.last_mut() {
        last.push_str(text);
    } else {
        out.push(Node::Text(text.to_string()));
    }
}

fn extend(out: &mut Vec<Node>, nodes: Vec<Node>) {
    for node in nodes {
        match node {
            Node::Text(t) => push_text(out, &t),
            other => out.push(other),
        }
    }
}

/// The text of nodes that depend on no argument.
fn static_text(nodes: &[Node]) -> Option<String> {
    let mut text = String::new();
    for node in nodes {
        match node {
            Node::Text(t) => text.push_str(t),
            _ => return None,
        }
    }
    Some(text)
}

struct Param {
    fluent: String,
    rust: String,
    number: bool,
    /// Keys a text parameter is compared with (samples for the tests).
    keys: Vec<String>,
}

struct Function {
    name: String,
    params: Vec<Param>,
    /// The resolved pattern in each language.
    bodies: Vec<Vec<Node>>,
    /// Whether the first language selects on `many` (CLDR rules newer than
    /// fluent-bundle's, which the equivalence test allows for).
    many: bool,
}

impl Function {
    fn emit(&self, unit: &Unit, catalog: &Catalog, code: &mut String, table: &mut String) {
        let _ = writeln!(code, "// {}", unit.what());
        let (_, first) = unit.found[0];
        if let (Some(comment), None) = (&first.comment, unit.attr) {
            for line in &comment.content {
                let _ = writeln!(code, "//   {line}");
            }
        }
        for (lang, (src, m)) in unit.found.iter().enumerate() {
            let at = match unit.attr {
                Some(attr) => {
                    m.attributes.iter().find(|a| a.id.name == attr).map_or(m.id.name, |a| a.id.name)
                }
                None => m.id.name,
            };
            let _ = writeln!(code, "//   {}: {}", LANGS[lang].0, catalog.place(*src, at));
        }
        if self.params.is_empty() {
            self.emit_static(code);
        } else {
            self.emit_dynamic(code);
        }
        self.emit_entry(unit, table);
    }

    /// A message with no variables: its text in each language.
    fn emit_static(&self, code: &mut String) {
        let texts: Vec<String> =
            self.bodies.iter().map(|b| static_text(b).expect("no variables")).collect();
        let _ = writeln!(code, "pub(crate) fn {}(lang: Lang) -> &'static str {{", self.name);
        if texts.iter().all(|t| *t == texts[0]) {
            let _ = writeln!(code, "    let _ = lang;\n    {:?}", texts[0]);
        } else {
            code.push_str("    match lang {\n");
            for (lang, text) in texts.iter().enumerate() {
                let _ = writeln!(code, "        Lang::{} => {text:?},", LANGS[lang].1);
            }
            code.push_str("    }\n");
        }
        code.push_str("}\n\n");
    }

    /// A message with variables: appends its parts to a `String`.
    fn emit_dynamic(&self, code: &mut String) {
        let params = self.params.iter().fold(String::new(), |mut s, p| {
            let _ = write!(s, ", {}: {}", p.rust, if p.number { "usize" } else { "&str" });
            s
        });
        let bodies: Vec<String> = self
            .bodies
            .iter()
            .enumerate()
            .map(|(lang, nodes)| {
                let mut s = String::new();
                emit_nodes(&mut s, nodes, lang, &self.params, 2);
                s
            })
            .collect();
        let mut allows = Vec::new();
        if self.bodies.iter().flatten().any(|n| matches!(n, Node::Select { .. })) {
            allows.extend(["clippy::if_same_then_else", "clippy::if_not_else"]);
        }
        if self.params.len() > 6 {
            allows.push("clippy::too_many_arguments");
        }
        if bodies.iter().map(|b| b.lines().count()).sum::<usize>() > 80 {
            allows.push("clippy::too_many_lines");
        }
        if !allows.is_empty() {
            let _ = writeln!(code, "#[allow({})]", allows.join(", "));
        }
        let capacity = self.bodies.iter().map(|b| estimate(b)).max().unwrap_or(16).clamp(16, 256);
        let _ = writeln!(code, "pub(crate) fn {}(lang: Lang{params}) -> String {{", self.name);
        let _ = writeln!(code, "    let mut out = String::with_capacity({capacity});");
        if bodies.iter().all(|b| *b == bodies[0]) {
            code.push_str("    let _ = lang;\n");
            for line in bodies[0].lines() {
                let _ = writeln!(code, "{}", &line[4..]);
            }
        } else {
            code.push_str("    match lang {\n");
            for (lang, body) in bodies.iter().enumerate() {
                let _ = writeln!(code, "        Lang::{} => {{", LANGS[lang].1);
                for line in body.lines() {
                    let _ = writeln!(code, "    {line}");
                }
                code.push_str("        }\n");
            }
            code.push_str("    }\n");
        }
        code.push_str("    out\n}\n\n");
    }

    /// The function's line in the test table.
    fn emit_entry(&self, unit: &Unit, table: &mut String) {
        let params = self.params.iter().fold(String::new(), |mut s, p| {
            let _ = write!(
                s,
                "tests::Param {{ name: {:?}, number: {}, keys: &{:?} }}, ",
                p.fluent, p.number, p.keys
            );
            s
        });
        let args = self.params.iter().enumerate().fold(String::new(), |mut s, (i, p)| {
            let _ = write!(s, ", a.{}({i})", if p.number { "number" } else { "text" });
            s
        });
        let call = format!("{}(lang{args})", self.name);
        let (a, render) = if self.params.is_empty() {
            ("_", format!("String::from({call})"))
        } else {
            ("a", call)
        };
        let _ = writeln!(
            table,
            "    tests::Generated {{ id: {:?}, attr: {:?}, params: &[{params}], many: {}, \
             render: |lang, {a}| {render} }},",
            unit.id, unit.attr, self.many,
        );
    }
}

/// Bytes of fixed text plus a guess for each variable, for `with_capacity`.
fn estimate(nodes: &[Node]) -> usize {
    nodes
        .iter()
        .map(|n| match n {
            Node::Text(t) => t.len(),
            Node::Show(_) => 8,
            Node::Select { variants, .. } => {
                variants.iter().map(|(_, b)| estimate(b)).max().unwrap_or(0)
            }
        })
        .sum()
}

/// Writes statements that append `nodes` to `out`, for language `lang`.
fn emit_nodes(s: &mut String, nodes: &[Node], lang: usize, params: &[Param], depth: usize) {
    let pad = "    ".repeat(depth);
    for node in nodes {
        match node {
            Node::Text(t) => {
                let mut chars = t.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => {
                        let _ = writeln!(s, "{pad}out.push({c:?});");
                    }
                    _ => {
                        let _ = writeln!(s, "{pad}out.push_str({t:?});");
                    }
                }
            }
            Node::Show(var) => {
                let p = params.iter().find(|p| p.fluent == *var).expect("a parameter");
                if p.number {
                    let _ = writeln!(s, "{pad}support::push_number(&mut out, {});", p.rust);
                } else {
                    let _ = writeln!(s, "{pad}out.push_str({});", p.rust);
                }
            }
            Node::Select { var, variants, default, .. } => {
                let p = params.iter().find(|p| p.fluent == *var).expect("a parameter");
                // (condition, body) in fluent-bundle's order: first match wins.
                let mut chain: Vec<(String, &[Node])> = Vec::new();
                for (key, body) in variants {
                    let condition = match key {
                        Key::Number(n) if p.number => {
                            Some(format!("{} == {}", p.rust, rust_number(*n)))
                        }
                        Key::Name(name) if p.number => category_condition(lang, name, &p.rust),
                        Key::Name(name) => Some(format!("{} == {name:?}", p.rust)),
                        // A number key never matches text.
                        Key::Number(_) => None,
                    };
                    // A condition already tested (`[1]` then `[one]`) never holds here.
                    if let Some(condition) = condition
                        && !chain.iter().any(|(c, _)| *c == condition)
                    {
                        chain.push((condition, body));
                    }
                }
                let fallback: &[Node] = &variants[*default].1;
                while chain.last().is_some_and(|(_, body)| *body == fallback) {
                    chain.pop();
                }
                // Neighbours with the same text share one branch.
                let mut merged: Vec<(Vec<String>, &[Node])> = Vec::new();
                for (condition, body) in chain {
                    match merged.last_mut() {
                        Some((c, b)) if *b == body => c.push(condition),
                        _ => merged.push((vec![condition], body)),
                    }
                }
                let chain: Vec<(String, &[Node])> = merged
                    .into_iter()
                    .map(|(conditions, body)| {
                        let joined = if conditions.len() == 1 {
                            conditions[0].clone()
                        } else {
                            let parts: Vec<String> = conditions
                                .iter()
                                .map(
                                    |c| if c.contains("&&") { format!("({c})") } else { c.clone() },
                                )
                                .collect();
                            parts.join(" || ")
                        };
                        (joined, body)
                    })
                    .collect();
                if chain.is_empty() {
                    emit_nodes(s, fallback, lang, params, depth);
                    continue;
                }
                for (i, (condition, body)) in chain.iter().enumerate() {
                    let keyword = if i == 0 { format!("{pad}if") } else { " else if".to_string() };
                    let _ = writeln!(s, "{keyword} {condition} {{");
                    emit_nodes(s, body, lang, params, depth + 1);
                    s.push_str(&pad);
                    s.push('}');
                }
                if fallback.is_empty() {
                    s.push('\n');
                } else {
                    s.push_str(" else {\n");
                    emit_nodes(s, fallback, lang, params, depth + 1);
                    let _ = writeln!(s, "{pad}}}");
                }
            }
        }
    }
}

/// A number as a readable Rust literal: `1_000_000`.
fn rust_number(n: u64) -> String {
    group_digits(&n.to_string()).replace(',', "_")
}
