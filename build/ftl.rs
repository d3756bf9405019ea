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

use std::collections::BTreeMap;

use fluent_syntax::ast;

// build.rs and tests/ftl_compiler.rs include this file by `#[path]`, which
// makes Rust look for its modules beside it rather than in `ftl/`, so each
// module names its file.

/// Every entry of every language, as parsed.
#[path = "ftl/catalog.rs"]
mod catalog;
/// The messages both languages define alike, and their parameters' types.
#[path = "ftl/checks.rs"]
mod checks;
/// Rust code for each function, and its line in the test table.
#[path = "ftl/emit.rs"]
mod emit;
/// Fluent names as Rust names.
#[path = "ftl/names.rs"]
mod names;
/// What a resolved pattern is made of.
#[path = "ftl/nodes.rs"]
mod nodes;
/// Numbers as Fluent shows them and selects on them.
#[path = "ftl/numbers.rs"]
mod numbers;
/// Patterns resolved at build time: text, variables, references.
#[path = "ftl/resolve.rs"]
mod resolve;
/// Selects, resolved at build time or kept as branches.
#[path = "ftl/select.rs"]
mod select;

use catalog::Catalog;
use checks::Unit;
// Only tests/ftl_compiler.rs calls it from outside; build.rs does not.
#[allow(unused_imports)]
pub use numbers::group_digits;

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
    let resources = parse(sources, &mut errors);
    let catalog = Catalog::new(sources, &resources, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    let units = catalog.units(&mut errors);
    let (code, table) = functions(&units, &catalog, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Output { code: assemble(&code, &table), warnings: catalog.unused_terms() })
}

/// Every source's syntax tree, by source index. A file with syntax errors
/// still gives the entries the parser could read, so that one run reports
/// the other problems too.
fn parse<'s>(
    sources: &'s [Source],
    errors: &mut Vec<String>,
) -> Vec<(usize, ast::Resource<&'s str>)> {
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
    resources
}

/// The functions' code and their lines in the test table, checking that no
/// two units become the same Rust name.
fn functions<'s>(
    units: &[Unit<'s>],
    catalog: &Catalog<'s>,
    errors: &mut Vec<String>,
) -> (String, String) {
    let mut code = String::new();
    let mut table = String::new();
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    for unit in units {
        if let Some(f) = unit.function(catalog, errors) {
            if let Some(other) = names.insert(f.name.clone(), unit.what()) {
                errors.push(format!(
                    "{}: {} and {} both become the Rust function `{}`: rename one",
                    unit.place(catalog),
                    other,
                    unit.what(),
                    f.name
                ));
            }
            f.emit(unit, catalog, &mut code, &mut table);
        }
    }
    (code, table)
}

/// The whole generated file: header, functions, then the test table.
fn assemble(code: &str, table: &str) -> String {
    let mut out = String::from(HEADER);
    out.push_str(code);
    out.push_str(
        "\n/// Every generated function, for the equivalence test against fluent-bundle.\n",
    );
    out.push_str("#[cfg(test)]\npub(crate) static GENERATED: &[tests::Generated] = &[\n");
    out.push_str(table);
    out.push_str("];\n");
    out
}

const HEADER: &str = "// Generated by build.rs from locales/*/*.ftl: edit those, not this.\n\
// Each function is one Fluent message (or attribute); see src/i18n.rs.\n\n";

/// The 1-based line of a byte offset.
fn line_at(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())].split(|&b| b == b'\n').count()
}
