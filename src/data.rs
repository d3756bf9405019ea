//! The event data: its serde types, the parser that turns `events.json` into
//! a [`Timeline`], and (in the browser) the loader that fetches it.
//!
//! Loading is forgiving and checking is strict, from the same code: the app
//! leaves out an event that fails a check and shows the rest, while
//! `cargo xtask check-data` and the tests report every problem.

mod validate;

use serde::{Deserialize, Serialize};

use crate::dates::PartialDate;
pub use validate::{Problem, skipped_events, web_host};

/// The format version this build reads.
pub const FORMAT_VERSION: u32 = 1;

/// The two languages of the product.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Es,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Es, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Es => "es",
            Lang::En => "en",
        }
    }

    /// Reads a language code, ignoring case and region ("en-US" is English).
    pub fn from_code(code: &str) -> Option<Self> {
        let base = code.split(['-', '_']).next()?.to_ascii_lowercase();
        match base.as_str() {
            "es" => Some(Lang::Es),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    #[must_use]
    pub fn other(self) -> Self {
        match self {
            Lang::Es => Lang::En,
            Lang::En => Lang::Es,
        }
    }
}

/// A text written in both languages.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub es: String,
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Es => &self.es,
            Lang::En => &self.en,
        }
    }
}

/// A period of the relationship, drawn as a band on the overview.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Era {
    /// A readable slug, e.g. `merida`.
    #[cfg_attr(
        any(test, feature = "schema"),
        schemars(pattern(r"^[a-z0-9]+(-[a-z0-9]+)*$"), length(max = 64))
    )]
    pub id: String,
    /// First day, `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`).
    #[cfg_attr(any(test, feature = "schema"), schemars(pattern(r"^\d{4}(-\d{2}(-\d{2})?)?$")))]
    pub start: String,
    /// Last day, inclusive; absent while the era goes on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(any(test, feature = "schema"), schemars(pattern(r"^\d{4}(-\d{2}(-\d{2})?)?$")))]
    pub end: Option<String>,
    pub name: Text,
    pub summary: Text,
}

/// A subject events are filed under; an event may have several.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Topic {
    #[cfg_attr(
        any(test, feature = "schema"),
        schemars(pattern(r"^[a-z0-9]+(-[a-z0-9]+)*$"), length(max = 64))
    )]
    pub id: String,
    pub name: Text,
}

/// Which side an actor belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Country {
    Mx,
    Us,
    Other,
}

/// A person or an institution that takes part in events.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Actor {
    #[cfg_attr(
        any(test, feature = "schema"),
        schemars(pattern(r"^[a-z0-9]+(-[a-z0-9]+)*$"), length(max = 64))
    )]
    pub id: String,
    pub country: Country,
    pub name: Text,
    pub role: Text,
}

/// Whether an event took place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// It took place, and the sources say so.
    Held,
    /// Announced or scheduled for a date still ahead.
    Announced,
    /// Announced, but no source shows that it took place.
    Unconfirmed,
}

/// Words quoted in their original language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Quote {
    /// Verbatim, in the original language.
    pub text: String,
    /// The original language.
    pub lang: Lang,
    /// The quote in the other language.
    pub translation: String,
    pub speaker: Text,
}

/// A published source for an event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// An `http` or `https` address.
    #[cfg_attr(any(test, feature = "schema"), schemars(pattern(r"^https?://")))]
    pub url: String,
    pub publisher: String,
    pub title: String,
    /// Publication date, `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(any(test, feature = "schema"), schemars(pattern(r"^\d{4}(-\d{2}(-\d{2})?)?$")))]
    pub date: Option<String>,
    /// The language the source is written in.
    pub lang: Lang,
    /// The primary text of an official act (a ruling, a treaty, a statement)
    /// on a host that is not a government's. Sources on `.gov`, `.gob.mx`
    /// and `.mil` hosts count as primary without it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub primary: bool,
}

/// A dated note of what was corrected in an event, shown with it as a
/// newsroom shows its corrections.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Correction {
    /// The day of the correction, `YYYY-MM-DD`.
    #[cfg_attr(any(test, feature = "schema"), schemars(pattern(r"^\d{4}-\d{2}-\d{2}$")))]
    pub date: String,
    /// What was wrong and what is right.
    pub text: Text,
}

/// One event of the timeline, as written in `events.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// A stable, readable slug used in `?event=` links; never reuse one.
    #[cfg_attr(
        any(test, feature = "schema"),
        schemars(pattern(r"^[a-z0-9]+(-[a-z0-9]+)*$"), length(max = 64))
    )]
    pub id: String,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: the form is the precision.
    #[cfg_attr(any(test, feature = "schema"), schemars(pattern(r"^\d{4}(-\d{2}(-\d{2})?)?$")))]
    pub date: String,
    /// Last day of an event that spans days, in the same form as `date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(any(test, feature = "schema"), schemars(pattern(r"^\d{4}(-\d{2}(-\d{2})?)?$")))]
    pub end: Option<String>,
    pub status: Status,
    /// The era the event belongs to; its date must lie inside it.
    pub era: String,
    /// Topic ids, at least one.
    pub topics: Vec<String>,
    /// Actor ids.
    #[serde(default)]
    pub actors: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Text>,
    pub title: Text,
    pub summary: Text,
    /// Longer context; paragraphs separated by a blank line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<Text>,
    /// Where sources disagree or a fact is uncertain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caveat: Option<Text>,
    /// U.S. funds for Mexico only, in dollars (never a total that includes
    /// other countries).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_usd: Option<u64>,
    /// One of the milestones that tell the story ("key moments").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub key: bool,
    /// An official act (an agreement, an order, a designation, a ruling, a
    /// joint statement): it must cite at least one primary source.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub official: bool,
    /// Corrections made to this event, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<Quote>,
    /// At least one.
    pub sources: Vec<Source>,
}

/// The whole `events.json` document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Lets editors' tools find the JSON Schema.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The format version; this build reads version 1.
    pub version: u32,
    /// The day the content was last checked, `YYYY-MM-DD`.
    #[cfg_attr(any(test, feature = "schema"), schemars(pattern(r"^\d{4}(-\d{2}(-\d{2})?)?$")))]
    pub updated: String,
    pub title: Text,
    pub eras: Vec<Era>,
    pub topics: Vec<Topic>,
    pub actors: Vec<Actor>,
    pub events: Vec<Event>,
}

/// The document with only its header typed: events stay raw so that one
/// broken event cannot stop the others from loading.
///
/// Each event is kept as its JSON text (`RawValue`, borrowed from the
/// document) rather than as a `serde_json::Value`, and is then read with the
/// same string deserializer as the header. That way the derived
/// deserializers are compiled once, for one deserializer type, and the
/// app's wasm carries no `Value` tree code.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Lenient<'a> {
    #[serde(rename = "$schema", default)]
    _schema: Option<String>,
    version: u32,
    updated: String,
    title: Text,
    eras: Vec<Era>,
    topics: Vec<Topic>,
    actors: Vec<Actor>,
    #[serde(borrow)]
    events: Vec<&'a serde_json::value::RawValue>,
}

/// An event that passed every check, with its dates parsed.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub event: Event,
    pub start: PartialDate,
    pub end: Option<PartialDate>,
}

impl Entry {
    /// The last day the event may cover: used for ranges and for deciding
    /// whether an announced date has passed.
    pub fn last_day(&self) -> PartialDate {
        self.end.unwrap_or(self.start).last_day()
    }
}

/// The loaded timeline: header, the events that passed, and the problems
/// found in the ones left out.
#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    pub title: Text,
    pub updated: PartialDate,
    pub eras: Vec<Era>,
    pub topics: Vec<Topic>,
    pub actors: Vec<Actor>,
    /// Sorted by start date, then id.
    pub entries: Vec<Entry>,
    /// Every problem found; events with a problem are not in `entries`.
    pub problems: Vec<Problem>,
}

impl Timeline {
    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }
    pub fn era(&self, id: &str) -> Option<&Era> {
        self.eras.iter().find(|e| e.id == id)
    }
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.event.id == id)
    }
}

/// Why the document as a whole could not be read. Each maps to its own
/// translated message in the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The request did not reach the server, or the connection broke.
    Network,
    /// The server answered with an error status.
    Http(u16),
    /// The server took too long.
    Timeout,
    /// The file is empty.
    Empty,
    /// The file is larger than the app is willing to read.
    TooLarge(usize),
    /// The text is not JSON (often a file cut short).
    Syntax { line: usize, column: usize, message: String },
    /// JSON, but not a timeline document (or the header is broken).
    Shape { path: String, message: String },
    /// A document of a format version this build does not read.
    Version(u32),
}

/// Documents larger than this are refused rather than frozen on: the real
/// data is about 200 KB, and a phone should not parse 50 MB by mistake. The
/// app is built to stay fast at 5,000 events, which at the real events'
/// length weigh about 10 MB, so the limit leaves room for that.
pub const MAX_BYTES: usize = 16 * 1024 * 1024;

/// Reads a document leniently: header problems are fatal, while an event
/// with a problem is left out and reported in [`Timeline::problems`].
pub fn parse(text: &str) -> Result<Timeline, LoadError> {
    // Editors on Windows may save with a byte-order mark; browsers drop it.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    if text.len() > MAX_BYTES {
        return Err(LoadError::TooLarge(text.len()));
    }
    // `IgnoredAny` checks that the text is JSON without building it.
    if !text.trim_start().starts_with('{')
        && serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok()
    {
        return Err(LoadError::Shape {
            path: ".".into(),
            message: "the document must be a JSON object with version, updated, title, eras, topics, actors and events".into(),
        });
    }
    let de = &mut serde_json::Deserializer::from_str(text);
    let doc: Lenient = serde_path_to_error::deserialize(de).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        if inner.is_syntax() || inner.is_eof() {
            LoadError::Syntax {
                line: inner.line(),
                column: inner.column(),
                message: inner.to_string(),
            }
        } else {
            LoadError::Shape { path, message: strip_position(&inner.to_string()) }
        }
    })?;
    if doc.version != FORMAT_VERSION {
        return Err(LoadError::Version(doc.version));
    }
    validate::build(doc, text)
}

/// Checks a document strictly: every problem, in one list. Empty means the
/// document is good. Used by `cargo xtask check-data` and the tests.
pub fn check(text: &str) -> Vec<Problem> {
    match parse(text) {
        Ok(timeline) => timeline.problems,
        Err(err) => vec![Problem::fatal(&err)],
    }
}

/// `serde_json` appends " at line L column C" to messages; for events, read
/// from their own text, those numbers count from the event's start and would
/// mislead, so they are dropped (the problem carries the event's line).
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Network => f.write_str("the data could not be reached (network error)"),
            Self::Http(status) => write!(f, "the server answered HTTP {status}"),
            Self::Timeout => f.write_str("the server took too long to answer"),
            Self::Empty => f.write_str("the file is empty"),
            Self::TooLarge(n) => {
                write!(f, "the file is {n} bytes, more than the {MAX_BYTES} allowed")
            }
            Self::Syntax { line, column, message } => {
                write!(
                    f,
                    "line {line}, column {column}: not valid JSON ({})",
                    strip_position(message)
                )
            }
            Self::Shape { path, message } => write!(f, "at {path}: {message}"),
            Self::Version(v) => {
                write!(f, "format version {v}; this build reads version {FORMAT_VERSION}")
            }
        }
    }
}

/// The JSON Schema of `events.json`, derived from these types so the two
/// cannot drift; published as `public/data/events.schema.json`.
#[cfg(any(test, feature = "schema"))]
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Document);
    serde_json::to_string_pretty(&schema).expect("a schema serialises") + "\n"
}

#[cfg(feature = "app")]
mod fetch;
#[cfg(feature = "app")]
pub use fetch::load;

#[cfg(test)]
mod tests;
