//! Resolves a pattern at build time into [`Node`]s: text, literals and
//! references to messages and terms become fixed text, and what is left
//! depends only on the message's arguments.

use std::collections::BTreeMap;

use fluent_syntax::ast;
use fluent_syntax::unicode::unescape_unicode_to_string;

use super::LANGS;
use super::catalog::Catalog;
use super::nodes::{Env, Lit, Node, Use, VarUse, extend, push_text};
use super::numbers::number_literal;

pub(super) struct Resolver<'a, 's> {
    pub(super) catalog: &'a Catalog<'s>,
    pub(super) lang: usize,
    pub(super) errors: &'a mut Vec<String>,
    /// What is being resolved, outermost first, to explain and to stop cycles.
    pub(super) stack: Vec<String>,
    pub(super) uses: Vec<VarUse>,
}

impl<'s> Resolver<'_, 's> {
    fn place(&self, src: usize, s: &str) -> String {
        self.catalog.place(src, s)
    }

    pub(super) fn error(&mut self, src: usize, at: &str, what: &str) {
        let place = self.place(src, at);
        let inside = self.stack.join(" → ");
        self.errors.push(format!("{place}: in {inside}: {what}"));
    }

    pub(super) fn record(&mut self, src: usize, name: &str, kind: Use) {
        let at = self.place(src, name);
        self.uses.push(VarUse { name: name.to_string(), kind, at });
    }

    pub(super) fn pattern(
        &mut self,
        src: usize,
        pattern: &'s ast::Pattern<&'s str>,
        env: &Env,
    ) -> Vec<Node> {
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
            I::StringLiteral { value } => push_text(out, &unescape_unicode_to_string(value)),
            I::NumberLiteral { value } => match number_literal(value) {
                Some(text) => push_text(out, &text),
                None => self.error(src, value, &format!("cannot read the number {value}")),
            },
            I::VariableReference { id } => self.variable(src, id.name, env, out),
            I::FunctionReference { id, arguments } => {
                self.number_call(src, id.name, arguments, env, out);
            }
            I::MessageReference { id, attribute } => {
                self.message_reference(src, id.name, attribute.as_ref(), env, out);
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

    /// `{ $var }`: the message's argument, or a term's literal argument.
    fn variable(&mut self, src: usize, name: &str, env: &Env, out: &mut Vec<Node>) {
        match env {
            Env::Message => {
                self.record(src, name, Use::Show);
                out.push(Node::Show(name.to_string()));
            }
            Env::Term { .. } => {
                if let Some(lit) = self.term_arg(src, name, env) {
                    match lit {
                        Lit::Text(t) => push_text(out, &t),
                        Lit::Number(n) => push_text(out, &number_literal(&n).unwrap_or(n)),
                        Lit::Missing => {}
                    }
                }
            }
        }
    }

    /// `{ NUMBER(…) }` shown in the text.
    fn number_call(
        &mut self,
        src: usize,
        name: &'s str,
        arguments: &'s ast::CallArguments<&'s str>,
        env: &Env,
        out: &mut Vec<Node>,
    ) {
        use ast::InlineExpression as I;
        let Some(arg) = self.number_function(src, name, arguments) else { return };
        match arg {
            I::VariableReference { id } => self.number_variable(src, id.name, env, out),
            I::NumberLiteral { value } => {
                push_text(out, &number_literal(value).unwrap_or_else(|| (*value).to_string()));
            }
            _ => self.error(src, name, "NUMBER() takes a variable or a number literal here"),
        }
    }

    /// `{ NUMBER($var) }`: a number argument of the message, or a term's
    /// number literal.
    fn number_variable(&mut self, src: usize, var: &str, env: &Env, out: &mut Vec<Node>) {
        match env {
            Env::Message => {
                self.record(src, var, Use::Number("NUMBER()"));
                out.push(Node::Show(var.to_string()));
            }
            Env::Term { .. } => match self.term_arg(src, var, env) {
                Some(Lit::Number(n)) => push_text(out, &number_literal(&n).unwrap_or(n)),
                Some(Lit::Text(_) | Lit::Missing) => self.error(
                    src,
                    var,
                    &format!("NUMBER(${var}) is given text, which Fluent cannot format"),
                ),
                None => {}
            },
        }
    }

    /// The single positional argument of `NUMBER(…)`, the only function supported.
    pub(super) fn number_function(
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

    /// `{ message }` or `{ message.attr }`, resolved where it stands.
    fn message_reference(
        &mut self,
        src: usize,
        id: &'s str,
        attribute: Option<&ast::Identifier<&'s str>>,
        env: &Env,
        out: &mut Vec<Node>,
    ) {
        let Some(pattern) = self.message_pattern(src, id, attribute) else { return };
        let (msrc, _) = self.catalog.locales[self.lang].messages[id];
        let label = match attribute {
            Some(a) => format!("message `{id}.{}`", a.name),
            None => format!("message `{id}`"),
        };
        if self.stack.contains(&label) {
            let cycle = format!("{} → {label}", self.stack.join(" → "));
            self.error(src, id, &format!("messages refer to each other in a cycle: {cycle}"));
            return;
        }
        self.stack.push(label);
        // Fluent: a referenced message sees the same arguments.
        let nodes = self.pattern(msrc, pattern, env);
        self.stack.pop();
        extend(out, nodes);
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
    pub(super) fn term(
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
        let args = self.term_args(src, id, arguments)?;
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

    /// A term reference's arguments, which must be named literals.
    fn term_args(
        &mut self,
        src: usize,
        id: &'s str,
        arguments: Option<&'s ast::CallArguments<&'s str>>,
    ) -> Option<BTreeMap<String, Lit>> {
        let mut args = BTreeMap::new();
        let Some(arguments) = arguments else { return Some(args) };
        if !arguments.positional.is_empty() {
            self.error(src, id, "terms take only named arguments, e.g. -brand(case: \"genitive\")");
            return None;
        }
        for named in &arguments.named {
            let lit = match &named.value {
                ast::InlineExpression::StringLiteral { value } => {
                    Lit::Text(unescape_unicode_to_string(value).into_owned())
                }
                ast::InlineExpression::NumberLiteral { value } => Lit::Number((*value).to_string()),
                _ => {
                    self.error(src, named.name.name, "a term's arguments must be literals");
                    return None;
                }
            };
            args.insert(named.name.name.to_string(), lit);
        }
        Some(args)
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
