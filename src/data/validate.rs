//! The checks behind both the forgiving loader and the strict validator.
//!
//! Types check what a single value can get wrong (an id, a date) as the
//! data is read; here are the checks across values: references between
//! events and the header, dates against eras and against the day the data
//! was checked, sources, and texts in both languages.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fmt;

mod json;
mod rules;

use super::{Actor, Era, Event, Id, Lenient, LoadError, Text, Timeline, Topic, read_json};
use crate::dates::PartialDate;
use json::{IdHint, json_fault};
#[cfg(test)]
pub use rules::is_web_url;
use rules::{Context, check_event};
pub use rules::{is_slug, web_host};

/// One thing wrong with the data, said so an editor can find and fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The line in `events.json` where the faulty event (or the fault in
    /// the document) starts, when known; for a fault of an event's id, the
    /// id's own line.
    pub line: Option<usize>,
    /// The JSON path of the fault, e.g. `events[12].summary.en`.
    pub path: String,
    /// The event left out because of this, if the fault is in one.
    pub event: Option<EventRef>,
    pub message: String,
}

/// Which event a problem is in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventRef {
    /// Its position in the file's `events`.
    pub index: usize,
    /// Its id, when it has a readable one.
    pub id: Option<String>,
}

impl Problem {
    pub(super) fn fatal(err: &LoadError) -> Self {
        let (line, path) = match err {
            LoadError::Syntax { line, .. } => (Some(*line), String::new()),
            LoadError::Shape { path, .. } => (None, path.clone()),
            _ => (None, String::new()),
        };
        Self { line, path, event: None, message: err.to_string() }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(line) = self.line {
            write!(f, "line {line}: ")?;
        }
        if !self.path.is_empty() {
            write!(f, "{}", self.path)?;
            if let Some(id) = self.event.as_ref().and_then(|e| e.id.as_ref()) {
                write!(f, " (event \"{id}\")")?;
            }
            f.write_str(": ")?;
        }
        f.write_str(&self.message)
    }
}

/// Collects the problems of one part of the document under its path.
struct Report<'a> {
    problems: &'a mut Vec<Problem>,
    path: String,
    event: Option<EventRef>,
    count_before: usize,
}

impl<'a> Report<'a> {
    fn new(problems: &'a mut Vec<Problem>, path: String, event: Option<EventRef>) -> Self {
        let count_before = problems.len();
        Self { problems, path, event, count_before }
    }

    fn add(&mut self, field: &str, message: impl Into<String>) {
        let path = match (self.path.as_str(), field) {
            (path, "") => path.to_string(),
            ("", field) => field.to_string(),
            (path, field) => format!("{path}.{field}"),
        };
        self.problems.push(Problem {
            line: None,
            path,
            event: self.event.clone(),
            message: message.into(),
        });
    }

    fn text(&mut self, field: &str, text: &Text) {
        for (lang, value) in [("es", &text.es), ("en", &text.en)] {
            if value.trim().is_empty() {
                let name = if lang == "es" { "Spanish" } else { "English" };
                let field =
                    if field.is_empty() { lang.to_string() } else { format!("{field}.{lang}") };
                self.add(&field, format!("the {name} text is empty"));
            }
        }
    }

    /// A date that may not be after the day the data was checked. An
    /// `updated` known only to the month (or year) may be any day of it,
    /// so a date in that month passes.
    fn not_after(&mut self, field: &str, what: &str, date: PartialDate, updated: PartialDate) {
        if date.first_day() > updated.last_day() {
            self.add(
                field,
                format!("{what} is dated {date}, after the day the data was checked ({updated}): correct the date or \"updated\""),
            );
        }
    }

    fn clean(&self) -> bool {
        self.problems.len() == self.count_before
    }
}

/// How many events the problems left out: an event may have several, and
/// [`build`] lists them together, in the events' order.
pub fn skipped_events(problems: &[Problem]) -> usize {
    let mut last = None;
    problems
        .iter()
        .filter_map(|p| p.event.as_ref().map(|e| e.index))
        .filter(|&index| last.replace(index) != Some(index))
        .count()
}

/// Checks the header and each event; returns the timeline of the good events.
///
/// `event_texts` are the events' JSON texts. When they are slices of the
/// document `text`, each problem gets the line of its event and a fault of
/// the JSON refuses the document where a whole-document parser would; texts
/// read one at a time (the browser reads the file in pieces, `fetch.rs`)
/// have no line.
pub(super) fn build<'t>(
    doc: Lenient,
    text: Option<&str>,
    event_texts: impl Iterator<Item = Cow<'t, str>>,
) -> Result<Timeline, LoadError> {
    let mut problems = Vec::new();
    let updated = doc.updated;
    Report::new(&mut problems, "title".into(), None).text("", &doc.title);
    let (eras, topics, actors) = header_lists(&mut problems, doc.eras, doc.topics, doc.actors);
    let mut seen_ids = BTreeSet::new();
    // Room for them all at once when their number is known: growing by
    // doubling leaves, for a long timeline, the app's memory (which never
    // shrinks) larger by a copy.
    let mut events = Vec::with_capacity(event_texts.size_hint().0);
    let ctx = Context { topics: &topics, actors: &actors, eras: &eras, updated };
    for (index, json) in event_texts.enumerate() {
        let first_problem = problems.len();
        let event = EventRef { index, id: None };
        let mut r = Report::new(&mut problems, format!("events[{index}]"), Some(event));
        if let Some(event) = read_event(&mut r, &json, text, &ctx, &mut seen_ids)? {
            events.push(event);
        }
        // Only an event with a problem needs its id read on its own (even
        // when the rest of it is broken) and its line: where its text starts
        // in the document.
        // A problem with the id itself points at the id's own line, where an
        // editor fixes it.
        if problems.len() > first_problem {
            let id = IdHint::read(&json);
            let line = text.map(|text| line_at(text, &json));
            let id_path = format!("events[{index}].id");
            let id_line = text.zip(key_offset(&json, "id")).map(|(t, at)| line_at(t, &json[at..]));
            for problem in &mut problems[first_problem..] {
                if let Some(event) = &mut problem.event {
                    event.id.clone_from(&id);
                }
                problem.line = if problem.path == id_path { id_line.or(line) } else { line };
            }
        }
    }
    // Editors may add events anywhere in the file; the timeline is in order.
    // Ids are unique here (duplicates were left out above), so the order is
    // total and an unstable sort gives the same result as a stable one, with
    // less code.
    events.sort_unstable_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));

    let sources_until = doc.sources_until;
    if sources_until.is_some_and(|date| date.first_day() > updated) {
        Report::new(&mut problems, "sources_until".into(), None).add(
            "",
            format!("the sources cannot reach past the day the record was reviewed ({updated}): correct \"sources_until\" or \"updated\""),
        );
    }
    Ok(Timeline {
        title: doc.title,
        updated,
        sources_until,
        eras,
        topics,
        actors,
        events,
        problems,
    })
}

/// The header's lists: a repeated or half-written item is reported and left
/// out, so that events pointing at it are reported too.
fn header_lists(
    problems: &mut Vec<Problem>,
    doc_eras: Vec<Era>,
    doc_topics: Vec<Topic>,
    doc_actors: Vec<Actor>,
) -> (Vec<Era>, Vec<Topic>, Vec<Actor>) {
    let mut eras: Vec<Era> = Vec::new();
    for (i, era) in doc_eras.into_iter().enumerate() {
        let mut r = Report::new(problems, format!("eras[{i}]"), None);
        r.text("name", &era.name);
        r.text("summary", &era.summary);
        if era.end.is_some_and(|end| end.last_day() < era.start.first_day()) {
            r.add("end", "the era ends before it starts");
        }
        if eras.iter().any(|e| e.id == era.id) {
            r.add("id", format!("the era id \"{}\" is used twice", era.id));
        }
        if r.clean() {
            eras.push(era);
        }
    }
    let mut topics: Vec<Topic> = Vec::new();
    for (i, topic) in doc_topics.into_iter().enumerate() {
        let mut r = Report::new(problems, format!("topics[{i}]"), None);
        r.text("name", &topic.name);
        if topics.iter().any(|t| t.id == topic.id) {
            r.add("id", format!("the topic id \"{}\" is used twice", topic.id));
        }
        if r.clean() {
            topics.push(topic);
        }
    }
    let mut actors: Vec<Actor> = Vec::new();
    for (i, actor) in doc_actors.into_iter().enumerate() {
        let mut r = Report::new(problems, format!("actors[{i}]"), None);
        r.text("name", &actor.name);
        r.text("role", &actor.role);
        if actors.iter().any(|a| a.id == actor.id) {
            r.add("id", format!("the actor id \"{}\" is used twice", actor.id));
        }
        if r.clean() {
            actors.push(actor);
        }
    }
    (eras, topics, actors)
}

/// The line where `part`, a slice of the document `text`, starts.
fn line_at(text: &str, part: &str) -> usize {
    let offset = (part.as_ptr() as usize).saturating_sub(text.as_ptr() as usize).min(text.len());
    1 + text[..offset].matches('\n').count()
}

/// Where the key `key` of the JSON object `json` starts (its opening
/// quote), when the object has it at its own level.
pub(super) fn key_offset(json: &str, key: &str) -> Option<usize> {
    let bytes = json.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth = depth.saturating_sub(1),
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                let name = json.get(start + 1..i.min(json.len()))?;
                let after = json.get(i + 1..).unwrap_or("").trim_start();
                if depth == 1 && name == key && after.starts_with(':') {
                    return Some(start);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Reads and checks one event from its JSON text. `Ok(None)` leaves it out,
/// its problems reported in `r`; `Err` refuses the whole document.
fn read_event(
    r: &mut Report,
    json: &str,
    text: Option<&str>,
    ctx: &Context,
    seen_ids: &mut BTreeSet<Id>,
) -> Result<Option<Event>, LoadError> {
    let event: Event = match read_json(json) {
        Ok(event) => event,
        Err((path, err)) => {
            // Some faults of the JSON itself (a number out of range, nesting
            // too deep) show only when values are read, and the typed read
            // may stop at a wrong field first. Broken JSON refuses the whole
            // document, as a parser reading it whole would.
            if let Some(fault) = text.and_then(|text| json_fault(text, json)) {
                return Err(fault);
            }
            let field = if path == "." { String::new() } else { path };
            r.add(&field, super::strip_position(&err.to_string()));
            return Ok(None);
        }
    };
    check_event(r, &event, ctx);
    if r.clean() && !seen_ids.insert(event.id.clone()) {
        r.add("id", "this id is already used by an earlier event; ids must be unique");
    }
    Ok(r.clean().then_some(event))
}
