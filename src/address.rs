//! The address of a view: what the URL holds, so that any view can be
//! shared as a link on any static host and inside an iframe.
//!
//! The language and the open event are the path of a prerendered page:
//! `/` and `/en/` are the two home pages, `/eventos/<id>/` and
//! `/en/events/<id>/` an event's. Filters and modes are in the query:
//! `?topic=fentanyl,extradition&actor=sre&q=armas&from=2012&to=2018&key=1
//! &embed=1&childId=tl-1`. Old links (`?lang=en&event=<id>`) still work:
//! the query's `lang` and `event` win over the path.
//!
//! Values of any content, length or encoding are accepted and reduced to
//! something safe; nothing here can fail. A period given backwards
//! (`?from=2020&to=2010`) is read the right way round.
//!
//! This module is the one definition of the scheme. `public/route.js` and
//! the e2e helpers are checked against it case by case (`tests/route_table.rs`);
//! the nginx and Netlify rules are written from it (`cargo xtask deploy-config`).

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use crate::data::Lang;
use crate::dates::PartialDate;
use crate::timeline::Filter;

/// Longest search kept from a URL; longer text is cut, not refused.
pub const MAX_QUERY_CHARS: usize = 200;
/// Longest event id kept, so that a "not found" message stays short.
pub const MAX_ID_CHARS: usize = 80;
/// Most topics kept from a URL.
const MAX_LIST: usize = 32;

/// The query's parameters that name the page, from links made before pages
/// had their own paths; and the key moments' switch.
pub const LANG_PARAM: &str = "lang";
pub const EVENT_PARAM: &str = "event";
pub const KEY_PARAM: &str = "key";
/// The values that turn a switch (`key`, `embed`) off; any other value, or
/// none, turns it on. The hosts' rules (`cargo xtask deploy-config`) are
/// written from this list.
pub const OFF_VALUES: [&str; 3] = ["0", "false", "no"];
/// The file beside each home page's `index.html` with the key-moments
/// view's head, which the hosts serve for the home page with `key` on.
pub const KEY_MOMENTS_FILE: &str = "key-moments.html";

/// Everything but the unreserved characters is escaped; `,` is kept so
/// that topic lists stay readable.
const ESCAPED: &AsciiSet =
    &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~').remove(b',');

/// A page and the view of it that the reader chose.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Address {
    pub page: Page,
    pub view: View,
}

/// What the path says: one of the prerendered pages.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    pub lang: Lang,
    /// The open event's id, as written in the address (it may not exist).
    pub event: Option<String>,
}

/// What the query says: how the page is filtered and shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct View {
    pub filter: Filter,
    /// Embedded in another site (`?embed=1`): the compact layout.
    pub embed: bool,
    /// The id pym.js gives its child frame, echoed in its height messages.
    pub child_id: Option<String>,
}

impl Page {
    pub fn home(lang: Lang) -> Self {
        Self { lang, event: None }
    }

    pub fn event(lang: Lang, id: &str) -> Self {
        Self { lang, event: Some(id.to_string()) }
    }

    /// The page's path, relative to the site's base (which ends in `/`):
    /// `""`, `"en/"`, `"eventos/<id>/"`, `"en/events/<id>/"`.
    pub fn path(&self) -> String {
        match (&self.event, self.lang) {
            (None, Lang::Es) => String::new(),
            (None, Lang::En) => "en/".into(),
            (Some(id), Lang::Es) => format!("eventos/{}/", encode(id)),
            (Some(id), Lang::En) => format!("en/events/{}/", encode(id)),
        }
    }

    /// Reads a path relative to the base. Anything else (a page that does
    /// not exist, a trailing `index.html`) falls back to the nearest home.
    pub fn from_path(path: &str) -> Self {
        let path = path.strip_suffix("index.html").unwrap_or(path);
        let parts: Vec<String> = path.split('/').filter(|p| !p.is_empty()).map(decode).collect();
        match parts.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
            ["en", "events", id] => Self::event(Lang::En, &trimmed(id, MAX_ID_CHARS)),
            ["eventos", id] => Self::event(Lang::Es, &trimmed(id, MAX_ID_CHARS)),
            ["en", ..] => Self::home(Lang::En),
            _ => Self::home(Lang::Es),
        }
        .without_empty_event()
    }

    fn without_empty_event(mut self) -> Self {
        if self.event.as_deref().is_some_and(|id| !is_id(id)) {
            self.event = None;
        }
        self
    }

    /// The same page in the other language.
    #[must_use]
    pub fn twin(&self) -> Self {
        Self { lang: self.lang.other(), event: self.event.clone() }
    }
}

impl View {
    /// The query string for this view, starting with `?`, or empty. Keys
    /// come in a fixed order so that equal views give equal links.
    pub fn query(&self) -> String {
        let mut parts = Vec::new();
        let f = &self.filter;
        if !f.topics.is_empty() {
            parts.push(format!("topic={}", encode(&f.topics.join(","))));
        }
        if let Some(actor) = &f.actor {
            parts.push(format!("actor={}", encode(actor)));
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
        if f.key {
            parts.push("key=1".into());
        }
        if self.embed {
            parts.push("embed=1".into());
        }
        if let Some(id) = &self.child_id {
            parts.push(format!("childId={}", encode(id)));
        }
        if parts.is_empty() { String::new() } else { format!("?{}", parts.join("&")) }
    }

    /// The full page's view for a framed one: the same filters, without
    /// `embed` and `childId`.
    #[must_use]
    pub fn outside_frame(&self) -> Self {
        Self { filter: self.filter.clone(), embed: false, child_id: None }
    }
}

impl Address {
    /// Reads a path relative to the site's base and a query string (with or
    /// without its `?`). The query's `lang` and `event`, from links made
    /// before pages had their own paths, win over the path.
    pub fn parse(path: &str, query: &str) -> Self {
        let mut address = Self { page: Page::from_path(path), view: View::default() };
        let (page, view) = (&mut address.page, &mut address.view);
        for (key, value) in pairs(query) {
            match key.as_ref() {
                LANG_PARAM => page.lang = Lang::from_code(&value).unwrap_or(page.lang),
                EVENT_PARAM => {
                    page.event = Some(trimmed(&value, MAX_ID_CHARS)).filter(|s| is_id(s));
                }
                "topic" => view.filter.topics = list(&value),
                // One actor at a time: the first of an old `a,b` list.
                "actor" => view.filter.actor = list(&value).into_iter().next(),
                "q" => view.filter.query = truncate(&value, MAX_QUERY_CHARS),
                "from" => view.filter.from = PartialDate::parse(value.trim()).ok(),
                "to" => view.filter.to = PartialDate::parse(value.trim()).ok(),
                KEY_PARAM => view.filter.key = is_on(&value),
                "embed" => view.embed = is_on(&value),
                "childId" => view.child_id = Some(value.into_owned()).filter(|v| is_child_id(v)),
                _ => {}
            }
        }
        let filter = &mut address.view.filter;
        if let (Some(from), Some(to)) = (filter.from, filter.to)
            && from.first_day() > to.last_day()
        {
            (filter.from, filter.to) = (Some(to), Some(from));
        }
        address
    }

    /// The address relative to the site's base: path, then query.
    pub fn href(&self) -> String {
        format!("{}{}", self.page.path(), self.view.query())
    }
}

/// `?key`, `?key=1`, `?key=true`: on; `0`, `false`, `no`: off.
pub fn is_on(value: &str) -> bool {
    !OFF_VALUES.contains(&value)
}

/// An id a page's path can hold: not empty, nor `.` or `..`, which the
/// browser resolves away (escaped or not), leaving another page.
fn is_id(id: &str) -> bool {
    !matches!(id, "" | "." | "..")
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

/// [`truncate`]d, then trimmed: trimming last keeps `parse(href(a)) == a`
/// (an id cut after a space, or with a control character next to a space,
/// must not come back different).
fn trimmed(s: &str, max: usize) -> String {
    truncate(s.trim(), max).trim().to_string()
}

/// Splits a query string into decoded pairs, as `URLSearchParams` does
/// (`+` is a space; invalid escapes and bytes are kept as text).
pub fn pairs(query: &str) -> form_urlencoded::Parse<'_> {
    form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
}

/// Percent-decodes a path segment; invalid bytes become U+FFFD.
pub fn decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s).decode_utf8_lossy().into_owned()
}

/// Percent-encodes all but the unreserved characters (and `,`).
pub fn encode(s: &str) -> String {
    utf8_percent_encode(s, ESCAPED).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(href: &str) -> Address {
        let (path, query) = href.split_once('?').unwrap_or((href, ""));
        Address::parse(path, query)
    }

    #[test]
    fn pages_have_one_path_each() {
        let cases = [
            (Page::home(Lang::Es), ""),
            (Page::home(Lang::En), "en/"),
            (Page::event(Lang::Es, "merida-2007"), "eventos/merida-2007/"),
            (Page::event(Lang::En, "merida-2007"), "en/events/merida-2007/"),
        ];
        for (page, path) in cases {
            assert_eq!(page.path(), path);
            assert_eq!(Page::from_path(path), page, "{path}");
            assert_eq!(Page::from_path(&format!("/{path}index.html")), page, "{path}");
        }
        assert_eq!(Page::event(Lang::Es, "x").twin(), Page::event(Lang::En, "x"));
    }

    #[test]
    fn unknown_paths_fall_back_to_a_home_page() {
        assert_eq!(Page::from_path("eventos/"), Page::home(Lang::Es));
        assert_eq!(Page::from_path("nada/que/ver"), Page::home(Lang::Es));
        assert_eq!(Page::from_path("en/otra/cosa"), Page::home(Lang::En));
        assert_eq!(Page::from_path("en/events/"), Page::home(Lang::En));
        assert_eq!(Page::from_path("eventos/%20/"), Page::home(Lang::Es));
        assert_eq!(Page::from_path("eventos/%2E/"), Page::home(Lang::Es));
        assert_eq!(parse("en/?event=..").page, Page::home(Lang::En));
    }

    #[test]
    fn reads_every_parameter() {
        let a = parse(
            "en/events/merida-2007/?topic=fentanyl,extradition&actor=sre&q=r%C3%A1pido+y+furioso&from=2012&to=2018-06&key=1&embed=1&childId=tl-1",
        );
        assert_eq!(a.page, Page::event(Lang::En, "merida-2007"));
        let f = &a.view.filter;
        assert_eq!(f.topics, ["fentanyl", "extradition"]);
        assert_eq!(f.actor.as_deref(), Some("sre"));
        assert_eq!(f.query, "rápido y furioso");
        assert_eq!(f.from, PartialDate::parse("2012").ok());
        assert_eq!(f.to, PartialDate::parse("2018-06").ok());
        assert!(f.key);
        assert!(a.view.embed);
        assert_eq!(a.view.child_id.as_deref(), Some("tl-1"));
    }

    #[test]
    fn old_links_name_the_same_pages() {
        assert_eq!(parse("?lang=en").page, Page::home(Lang::En));
        assert_eq!(parse("?event=merida-2007").page, Page::event(Lang::Es, "merida-2007"));
        assert_eq!(
            parse("index.html?lang=en&event=merida-2007&embed=1").href(),
            "en/events/merida-2007/?embed=1"
        );
        // The query wins over the path; an unknown language changes nothing.
        assert_eq!(parse("en/?lang=es").page, Page::home(Lang::Es));
        assert_eq!(parse("en/?lang=fr").page, Page::home(Lang::En));
        assert_eq!(parse("?lang=en-US").page.lang, Lang::En);
    }

    #[test]
    fn round_trips() {
        let a = parse(
            "eventos/a-b/?topic=x,y&q=%C2%BFqu%C3%A9%3F%20%26%20m%C3%A1s&from=2020-01-05&embed=1",
        );
        assert_eq!(parse(&a.href()), a);
        assert_eq!(Address::default().href(), "");
        assert_eq!(
            a.href(),
            "eventos/a-b/?topic=x,y&q=%C2%BFqu%C3%A9%3F%20%26%20m%C3%A1s&from=2020-01-05&embed=1"
        );
    }

    /// A period given backwards is the same period (issue 24, 2); one
    /// that only looks backwards, a month inside the year after it, is
    /// not backwards.
    #[test]
    fn the_period_is_read_in_order() {
        let period = |href: &str| {
            let f = parse(href).view.filter;
            (f.from.map(|d| d.to_string()), f.to.map(|d| d.to_string()))
        };
        let both = |a: &str, b: &str| (Some(a.to_string()), Some(b.to_string()));
        assert_eq!(period("?from=2020&to=2010"), both("2010", "2020"));
        assert_eq!(period("?to=2010-03-05&from=2010-03-04"), both("2010-03-04", "2010-03-05"));
        assert_eq!(period("?from=2010-05&to=2010"), both("2010-05", "2010"));
        assert_eq!(period("?from=2010&to=2010-05"), both("2010", "2010-05"));
        assert_eq!(period("?from=2027"), (Some("2027".to_string()), None));
        assert_eq!(parse("?from=2020&to=2010").href(), "?from=2010&to=2020");
    }

    #[test]
    fn the_actor_is_one_even_from_an_old_list() {
        assert_eq!(parse("?actor=sre,dea").view.filter.actor.as_deref(), Some("sre"));
        assert_eq!(parse("?actor=,,").view.filter.actor, None);
    }

    #[test]
    fn hostile_values_are_reduced_not_refused() {
        let a = parse(
            "?lang=fr&event=%3Cscript%3E&q=%ZZ%&from=2026-02-30&embed=0&childId=a%22b&topic=,,,",
        );
        assert_eq!(a.page.lang, Lang::Es);
        assert_eq!(a.page.event.as_deref(), Some("<script>"));
        assert_eq!(a.page.path(), "eventos/%3Cscript%3E/");
        assert_eq!(a.view.filter.query, "%ZZ%");
        assert_eq!(a.view.filter.from, None);
        assert!(!a.view.embed);
        assert_eq!(a.view.child_id, None);
        assert!(a.view.filter.topics.is_empty());
        let long = "x".repeat(10_000);
        let a = parse(&format!("?q={long}&event={long}&topic={}", "t,".repeat(500)));
        assert_eq!(a.view.filter.query.chars().count(), MAX_QUERY_CHARS);
        assert_eq!(a.page.event.unwrap().chars().count(), MAX_ID_CHARS);
        assert_eq!(a.view.filter.topics.len(), 1);
        assert_eq!(decode("%FF%FE"), "\u{FFFD}\u{FFFD}");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%4"), "%4");
    }

    #[test]
    fn the_full_page_keeps_the_filters_only() {
        let framed = parse("en/events/a-b/?topic=fentanyl&q=armas&embed=1&childId=tl-1");
        let outside = Address { page: framed.page.clone(), view: framed.view.outside_frame() };
        assert_eq!(outside.href(), "en/events/a-b/?topic=fentanyl&q=armas");
    }
}
