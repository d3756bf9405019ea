//! The event data: its serde types, the parser that turns `events.json` into
//! a [`Timeline`], and (in the browser) the loader that fetches it.
//!
//! Loading is forgiving and checking is strict, from the same code: the app
//! leaves out an event that fails a check and shows the rest, while
//! `cargo xtask check-data` and the tests report every problem.

#[cfg(any(test, feature = "hydrate"))]
mod split;
mod validate;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::dates::PartialDate;
pub use validate::{EventRef, Problem, skipped_events, web_host};

/// The format version this build reads.
pub const FORMAT_VERSION: u32 = 1;

/// The two languages of the product.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
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

/// A readable, stable identifier: lowercase ASCII words and digits joined
/// by single hyphens, such as `merida-2007`. Checked when read, so that
/// every id in a [`Timeline`] is one.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Id(String);

impl Id {
    /// The id, if `s` is a valid one.
    pub fn new(s: &str) -> Option<Self> {
        validate::is_slug(s).then(|| Self(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Id {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for Id {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        if validate::is_slug(&s) {
            Ok(Self(s))
        } else {
            Err(serde::de::Error::custom(format_args!(
                "\"{s}\" is not a valid id: use lowercase letters a-z, digits and single hyphens, at most 64 characters"
            )))
        }
    }
}

#[cfg(any(test, feature = "schema"))]
impl schemars::JsonSchema for Id {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Id".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A readable, stable slug: lowercase letters and digits joined by single hyphens, e.g. `merida-2007`. Never reuse or rename one: links use it.",
            "type": "string",
            "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
            "maxLength": 64
        })
    }
}

/// Dates are written `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: the form is the
/// precision. Checked when read.
impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        PartialDate::parse(&s).map_err(|err| {
            serde::de::Error::custom(format_args!("\"{s}\" is not a valid date: {err}"))
        })
    }
}

impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(any(test, feature = "schema"))]
impl schemars::JsonSchema for PartialDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PartialDate".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A date to the precision known: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.",
            "type": "string",
            "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"
        })
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

/// A period of the relationship: a band on the overview, a chapter of the
/// list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Era {
    pub id: Id,
    /// First day.
    pub start: PartialDate,
    /// Last day, inclusive; absent while the era goes on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
    pub name: Text,
    pub summary: Text,
}

impl Era {
    /// Whether `date` (its first day) falls inside the era.
    pub fn contains(&self, date: PartialDate) -> bool {
        date.first_day() >= self.start.first_day()
            && self.end.is_none_or(|end| date.first_day() <= end.last_day())
    }
}

/// A subject events are filed under; an event may have several.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: Id,
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
    pub id: Id,
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
    #[cfg_attr(any(test, feature = "schema"), schemars(regex(pattern = r"^https?://")))]
    pub url: String,
    pub publisher: String,
    /// The headline or title as published.
    pub title: String,
    /// Publication date, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
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
    pub date: PartialDate,
    /// What was wrong and what is right.
    pub text: Text,
}

/// One event of the timeline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Used in the event's page address; never reuse or rename one.
    pub id: Id,
    /// The form is the precision: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub date: PartialDate,
    /// Last day of an event that spans days, in the same form as `date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
    pub status: Status,
    /// The era the event belongs to; its date must lie inside it.
    pub era: Id,
    /// Topic ids, at least one.
    pub topics: Vec<Id>,
    /// Actor ids.
    #[serde(default)]
    pub actors: Vec<Id>,
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
    /// How many people Mexico handed over to U.S. authorities in this
    /// event, for a group sent at once (a transfer or an extradition).
    /// These events make the transfers figure, so the count must be the
    /// one the sources give.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub people_sent: Option<u32>,
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<Quote>,
    /// At least one.
    pub sources: Vec<Source>,
}

impl Event {
    /// The last day the event may cover: used for ranges and for deciding
    /// whether an announced date has passed.
    pub fn last_day(&self) -> PartialDate {
        self.end.unwrap_or(self.date).last_day()
    }
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
    /// The day the content was last checked.
    pub updated: PartialDate,
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
/// document) and then read with the same string deserializer as the
/// header, so the derived deserializers are compiled once.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Lenient<'a> {
    #[serde(rename = "$schema", default)]
    _schema: Option<String>,
    version: u32,
    updated: PartialDate,
    title: Text,
    eras: Vec<Era>,
    topics: Vec<Topic>,
    actors: Vec<Actor>,
    #[serde(borrow)]
    events: Vec<&'a serde_json::value::RawValue>,
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
    /// Sorted by date, then id.
    pub events: Vec<Event>,
    /// Every problem found; events with a problem are not in `events`.
    pub problems: Vec<Problem>,
}

impl Timeline {
    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == *id)
    }
    /// The topic's position among the topics: its colour and shape.
    pub fn topic_index(&self, id: &str) -> Option<usize> {
        self.topics.iter().position(|t| t.id == *id)
    }
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == *id)
    }
    pub fn era(&self, id: &str) -> Option<&Era> {
        self.eras.iter().find(|e| e.id == *id)
    }
    /// The position of event `id` in `events`.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.events.iter().position(|e| e.id == *id)
    }
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == *id)
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
    let mut doc = read_header(text)?;
    let events = std::mem::take(&mut doc.events);
    validate::build(doc, Some(text), events.into_iter().map(|raw| Cow::Borrowed(raw.get())))
}

/// Builds a timeline from a document whose events were taken out of it
/// (`header` ends with `"events": []}`) and are given one at a time, each
/// as its own JSON text. The browser reads files so, in pieces (`fetch.rs`,
/// `split.rs`), so that the file's text is never whole in the app's memory
/// beside its events. Its problems have no line: the browser reads a file
/// with problems again with [`parse`], which gives them their lines.
pub fn parse_parts(
    header: &str,
    events: impl Iterator<Item = String>,
) -> Result<Timeline, LoadError> {
    let doc = read_header(header)?;
    validate::build(doc, None, events.map(Cow::Owned))
}

/// Reads the document's header, its events left raw, and checks its
/// format version.
fn read_header(text: &str) -> Result<Lenient<'_>, LoadError> {
    let doc: Lenient = read_json(text).map_err(|(path, err)| {
        if err.is_syntax() || err.is_eof() {
            LoadError::Syntax { line: err.line(), column: err.column(), message: err.to_string() }
        } else {
            LoadError::Shape { path, message: strip_position(&err.to_string()) }
        }
    })?;
    if doc.version == FORMAT_VERSION { Ok(doc) } else { Err(LoadError::Version(doc.version)) }
}

/// Reads `T` from JSON text. On failure, also the JSON path of the fault,
/// such as `events[3].date`, for editors. The browser skips the path: a
/// reader needs to know which event was left out, not where in it the
/// fault is, and tracking paths would add its code to every phone's
/// download. There the path is `.`.
fn read_json<'a, T: Deserialize<'a>>(json: &'a str) -> Result<T, (String, serde_json::Error)> {
    let de = &mut serde_json::Deserializer::from_str(json);
    #[cfg(not(target_arch = "wasm32"))]
    let result = serde_path_to_error::deserialize(de).map_err(|err| {
        let path = err.path().to_string();
        (path, err.into_inner())
    });
    #[cfg(target_arch = "wasm32")]
    let result = T::deserialize(de).map_err(|err| (".".to_string(), err));
    result
}

/// A short fingerprint of a data file's text (64-bit FNV-1a, in hex). The
/// prerendered pages carry the fingerprint of the data they were rendered
/// from; the browser takes a page over only if the data it loads has the
/// same, and otherwise renders it afresh from what it loaded.
pub fn fingerprint(text: &str) -> String {
    let mut hasher = Fingerprint::default();
    hasher.write(text.as_bytes());
    hasher.finish()
}

/// A [`fingerprint`] fed in pieces (the browser reads the file's bytes so).
struct Fingerprint(u64);

impl Default for Fingerprint {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl Fingerprint {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = bytes
            .iter()
            .fold(self.0, |hash, &byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3));
    }

    fn finish(&self) -> String {
        format!("{:016x}", self.0)
    }
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

#[cfg(feature = "hydrate")]
mod fetch;
#[cfg(feature = "hydrate")]
pub use fetch::load;

#[cfg(test)]
mod tests;
