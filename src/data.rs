//! The event data: its serde types, the parser that turns `events.json` into
//! a [`Timeline`], and (in the browser) the loader that fetches it.
//!
//! Loading is forgiving and checking is strict, from the same code: the app
//! leaves out an event that fails a check and shows the rest, while
//! `cargo xtask check-data` and the tests report every problem.

#[cfg(any(test, feature = "hydrate"))]
mod split;
mod types;
mod validate;

use std::borrow::Cow;

use serde::Deserialize;

use crate::dates::PartialDate;
pub use types::{
    Actor, Correction, Country, Document, Era, Event, Id, Lang, Quote, Source, Status, Text, Topic,
};
pub use validate::{EventRef, Problem, skipped_events, web_host};

/// The format version this build reads.
pub const FORMAT_VERSION: u32 = 1;

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
    #[serde(default)]
    sources_until: Option<PartialDate>,
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
    pub sources_until: Option<PartialDate>,
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
    /// The date of the newest event that is a fact, not an announcement:
    /// how far the record reaches.
    pub fn newest_fact(&self) -> Option<PartialDate> {
        self.events.iter().rev().find(|e| e.status != Status::Announced).map(|e| e.date)
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

/// Documents larger than this are refused rather than frozen on, so that a
/// phone never parses a huge file by mistake; the limit leaves room for the
/// longest timeline the app is built to stay fast with.
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
