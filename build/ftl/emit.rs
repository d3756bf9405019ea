//! The Rust code of each function, and its line in the table of every
//! generated function that the equivalence test walks.

use std::fmt::Write as _;

use super::LANGS;
use super::catalog::Catalog;
use super::checks::Unit;
use super::nodes::{Key, Node, static_text};
use super::numbers::{category_condition, rust_number};

/// A variable of the message as a parameter of its function.
pub(super) struct Param {
    pub(super) fluent: String,
    pub(super) rust: String,
    pub(super) number: bool,
    /// Keys a text parameter is compared with (samples for the tests).
    pub(super) keys: Vec<String>,
}

/// One generated function, checked and typed.
pub(super) struct Function {
    pub(super) name: String,
    pub(super) params: Vec<Param>,
    /// The resolved pattern in each language.
    pub(super) bodies: Vec<Vec<Node>>,
    /// Whether the first language selects on `many` (CLDR rules newer than
    /// fluent-bundle's, which the equivalence test allows for).
    pub(super) many: bool,
}

impl Function {
    pub(super) fn emit(
        &self,
        unit: &Unit,
        catalog: &Catalog,
        code: &mut String,
        table: &mut String,
    ) {
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
                let p = param(params, var);
                if p.number {
                    let _ = writeln!(s, "{pad}support::push_number(&mut out, {});", p.rust);
                } else {
                    let _ = writeln!(s, "{pad}out.push_str({});", p.rust);
                }
            }
            Node::Select { var, variants, default, .. } => {
                let fallback: &[Node] = &variants[*default].1;
                let chain = branches(param(params, var), variants, fallback, lang);
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

fn param<'p>(params: &'p [Param], var: &str) -> &'p Param {
    params.iter().find(|p| p.fluent == *var).expect("a parameter")
}

/// A select's `if`/`else if` branches before its fallback, as (condition,
/// body), in fluent-bundle's order: the first that matches wins.
fn branches<'n>(
    p: &Param,
    variants: &'n [(Key, Vec<Node>)],
    fallback: &[Node],
    lang: usize,
) -> Vec<(String, &'n [Node])> {
    let mut chain: Vec<(String, &[Node])> = Vec::new();
    for (key, body) in variants {
        let condition = match key {
            Key::Number(n) if p.number => Some(format!("{} == {}", p.rust, rust_number(*n))),
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
    // Branches at the end that give the fallback's text are the fallback.
    while chain.last().is_some_and(|(_, body)| *body == fallback) {
        chain.pop();
    }
    merge_neighbours(chain)
}

/// Neighbours with the same text share one branch, their conditions joined
/// by `||`.
fn merge_neighbours(chain: Vec<(String, &[Node])>) -> Vec<(String, &[Node])> {
    let mut merged: Vec<(Vec<String>, &[Node])> = Vec::new();
    for (condition, body) in chain {
        match merged.last_mut() {
            Some((c, b)) if *b == body => c.push(condition),
            _ => merged.push((vec![condition], body)),
        }
    }
    merged
        .into_iter()
        .map(|(conditions, body)| {
            let joined = if conditions.len() == 1 {
                conditions[0].clone()
            } else {
                let parts: Vec<String> = conditions
                    .iter()
                    .map(|c| if c.contains("&&") { format!("({c})") } else { c.clone() })
                    .collect();
                parts.join(" || ")
            };
            (joined, body)
        })
        .collect()
}
