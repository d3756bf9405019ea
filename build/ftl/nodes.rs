//! What resolving a pattern gives: fixed text, and the parts that depend on
//! the arguments; and how a pattern uses each variable.

use std::collections::BTreeMap;

use fluent_syntax::ast;

/// How a pattern uses a variable of the message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Use {
    /// Placed in the text as it is.
    Show,
    /// As a number: in `NUMBER()`, or selected on with plural or number keys.
    Number(&'static str),
    /// Selected on with text keys.
    TextKeys,
}

/// One use of a variable, and where it is, for errors.
pub(super) struct VarUse {
    pub(super) name: String,
    pub(super) kind: Use,
    pub(super) at: String,
}

/// A resolved pattern: fixed text, and what depends on the arguments.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Node {
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
pub(super) enum Key {
    Number(u64),
    Name(String),
}

/// A literal value passed to a term, or selected on.
#[derive(Clone, Debug)]
pub(super) enum Lit {
    Text(String),
    /// A number literal as written.
    Number(String),
    /// A term argument the reference does not pass.
    Missing,
}

/// Where variables come from: the message's arguments, or a term's literal
/// arguments (a term never sees the message's).
pub(super) enum Env<'e> {
    Message,
    Term { args: &'e BTreeMap<String, Lit>, term: String },
}

/// Appends text, joining it to the text before.
pub(super) fn push_text(out: &mut Vec<Node>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(Node::Text(last)) = out.last_mut() {
        last.push_str(text);
    } else {
        out.push(Node::Text(text.to_string()));
    }
}

pub(super) fn extend(out: &mut Vec<Node>, nodes: Vec<Node>) {
    for node in nodes {
        match node {
            Node::Text(t) => push_text(out, &t),
            other => out.push(other),
        }
    }
}

/// The text of nodes that depend on no argument.
pub(super) fn static_text(nodes: &[Node]) -> Option<String> {
    let mut text = String::new();
    for node in nodes {
        match node {
            Node::Text(t) => text.push_str(t),
            _ => return None,
        }
    }
    Some(text)
}

/// The key of a variant as written, to point at it.
pub(super) fn key_text<'s>(variant: &ast::Variant<&'s str>) -> &'s str {
    match variant.key {
        ast::VariantKey::Identifier { name } | ast::VariantKey::NumberLiteral { value: name } => {
            name
        }
    }
}
