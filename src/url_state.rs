//! The page state kept in the URL query, so that any view can be shared as
//! a link on any static host and inside an iframe.
//!
//! `?lang=en&event=merida-2007&topic=fentanyl,extradition&actor=sre&q=armas
//! &from=2012&to=2018&embed=1`. Values of any content, length or encoding
//! are accepted and reduced to something safe; nothing here can fail.

use std::fmt::Write;

use crate::data::Lang;
use crate::dates::PartialDate;
use crate::timeline::Filter;

/// Longest search kept from a URL; longer text is cut, not refused.
pub const MAX_QUERY_CHARS: usize = 200;
/// Longest event id kept, so that a "not found" message stays short.
pub const MAX_ID_CHARS: usize = 80;
/// Most topics or actors kept from a URL.
const MAX_LIST: usize = 32;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UrlState {
    /// `None` when absent or unknown: the language then comes from elsewhere.
    pub lang: Option<Lang>,
    pub event: Option<String>,
    pub filter: Filter,
    pub embed: bool,
    /// The id pym.js gives its child frame, echoed in its height messages.
    pub child_id: Option<String>,
}

impl UrlState {
    /// Reads a query string, with or without its leading `?`.
    pub fn parse(query: &str) -> Self {
        let mut state = Self::default();
        for (key, value) in pairs(query) {
            match key.as_str() {
                "lang" => state.lang = Lang::from_code(&value),
                "event" => {
                    state.event = Some(trimmed(&value, MAX_ID_CHARS)).filter(|s| !s.is_empty());
                }
                "topic" => state.filter.topics = list(&value),
                "actor" => state.filter.actors = list(&value),
                "q" => state.filter.query = truncate(&value, MAX_QUERY_CHARS),
                "from" => state.filter.from = PartialDate::parse(value.trim()).ok(),
                "to" => state.filter.to = PartialDate::parse(value.trim()).ok(),
                "embed" => state.embed = !matches!(value.as_str(), "0" | "false" | "no"),
                "childId" => state.child_id = Some(value).filter(|v| is_child_id(v)),
                _ => {}
            }
        }
        state
    }

    /// The query string for this state, starting with `?`, or empty. Keys
    /// come in a fixed order so that equal states give equal links.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(lang) = self.lang {
            parts.push(format!("lang={}", lang.code()));
        }
        if let Some(event) = &self.event {
            parts.push(format!("event={}", encode(event)));
        }
        let f = &self.filter;
        if !f.topics.is_empty() {
            parts.push(format!("topic={}", encode(&f.topics.join(","))));
        }
        if !f.actors.is_empty() {
            parts.push(format!("actor={}", encode(&f.actors.join(","))));
        }
        if !f.query.is_empty() {
            parts.push(format!("q={}", encode(&f.query)));
        }
        if let Some(from) = f.from {
            parts.push(format!("from={from}"));
        }
        if let Some(to) = f.to {
            parts.push(format!("to={to}"));
        }
        if self.embed {
            parts.push("embed=1".into());
        }
        if let Some(id) = &self.child_id {
            parts.push(format!("childId={}", encode(id)));
        }
        if parts.is_empty() { String::new() } else { format!("?{}", parts.join("&")) }
    }
}

/// pym.js ids end up inside a message string; keep them plain.
fn is_child_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn list(value: &str) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    for item in value.split(',') {
        let item = trimmed(item, MAX_ID_CHARS);
        if !item.is_empty() && !items.contains(&item) && items.len() < MAX_LIST {
            items.push(item);
        }
    }
    items
}

fn truncate(s: &str, max: usize) -> String {
    s.chars().filter(|c| !c.is_control()).take(max).collect()
}

/// [`truncate`]d, then trimmed: trimming last keeps `parse(to_query(s)) == s`
/// (an id cut after a space, or with a control character next to a space,
/// must not come back different).
fn trimmed(s: &str, max: usize) -> String {
    truncate(s.trim(), max).trim().to_string()
}

/// Splits a query string into decoded pairs, as `URLSearchParams` does.
pub fn pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query.trim_start_matches('?').split('&').filter(|p| !p.is_empty()).map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (decode(k), decode(v))
    })
}

/// Percent-decodes, with `+` as a space; invalid escapes and bytes that are
/// not UTF-8 are kept as text rather than refused.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Percent-encodes all but the unreserved characters (and `,`, which keeps
/// topic lists readable).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b',') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_parameter() {
        let s = UrlState::parse(
            "?lang=en&event=merida-2007&topic=fentanyl,extradition&actor=sre&q=r%C3%A1pido+y+furioso&from=2012&to=2018-06&embed=1&childId=tl-1",
        );
        assert_eq!(s.lang, Some(Lang::En));
        assert_eq!(s.event.as_deref(), Some("merida-2007"));
        assert_eq!(s.filter.topics, ["fentanyl", "extradition"]);
        assert_eq!(s.filter.actors, ["sre"]);
        assert_eq!(s.filter.query, "rápido y furioso");
        assert_eq!(s.filter.from, PartialDate::parse("2012").ok());
        assert_eq!(s.filter.to, PartialDate::parse("2018-06").ok());
        assert!(s.embed);
        assert_eq!(s.child_id.as_deref(), Some("tl-1"));
    }

    #[test]
    fn round_trips() {
        let s = UrlState::parse(
            "?lang=es&event=a-b&topic=x,y&q=%C2%BFqu%C3%A9%3F%20%26%20m%C3%A1s&from=2020-01-05&embed=1",
        );
        assert_eq!(UrlState::parse(&s.to_query()), s);
        assert_eq!(UrlState::default().to_query(), "");
        assert_eq!(
            s.to_query(),
            "?lang=es&event=a-b&topic=x,y&q=%C2%BFqu%C3%A9%3F%20%26%20m%C3%A1s&from=2020-01-05&embed=1"
        );
    }

    #[test]
    fn hostile_values_are_reduced_not_refused() {
        let s = UrlState::parse(
            "lang=fr&event=%3Cscript%3E&q=%ZZ%&from=2026-02-30&embed=0&childId=a%22b&topic=,,,",
        );
        assert_eq!(s.lang, None);
        assert_eq!(s.event.as_deref(), Some("<script>"));
        assert_eq!(s.filter.query, "%ZZ%");
        assert_eq!(s.filter.from, None);
        assert!(!s.embed);
        assert_eq!(s.child_id, None);
        assert!(s.filter.topics.is_empty());
        let long = "x".repeat(10_000);
        let s = UrlState::parse(&format!("q={long}&event={long}&topic={}", "t,".repeat(500)));
        assert_eq!(s.filter.query.chars().count(), MAX_QUERY_CHARS);
        assert_eq!(s.event.unwrap().chars().count(), MAX_ID_CHARS);
        assert_eq!(s.filter.topics.len(), 1);
        assert_eq!(decode("%FF%FE"), "\u{FFFD}\u{FFFD}");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%4"), "%4");
    }

    #[test]
    fn language_codes_with_regions() {
        assert_eq!(UrlState::parse("lang=en-US").lang, Some(Lang::En));
        assert_eq!(UrlState::parse("lang=ES").lang, Some(Lang::Es));
    }
}
