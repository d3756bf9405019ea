//! Selects: resolved at build time when the selector is known there (a
//! literal, a term attribute, a term's argument), kept as branches on the
//! message's variable otherwise.

use fluent_syntax::ast;
use fluent_syntax::unicode::unescape_unicode_to_string;

use super::nodes::{Env, Key, Lit, Node, Use, extend, key_text, static_text};
use super::numbers::{CATEGORIES, category};
use super::resolve::Resolver;

enum Selector<'s> {
    /// A variable of the message, perhaps in `NUMBER()`.
    Var { name: &'s str, number_fn: bool },
    /// A value known at build time.
    Known(Lit),
}

impl<'s> Resolver<'_, 's> {
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
                let text = unescape_unicode_to_string(value).into_owned();
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

    pub(super) fn select(
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
