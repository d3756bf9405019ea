//! The checks behind both the forgiving loader and the strict validator.
//!
//! Types check what a single value can get wrong (an id, a date) as the
//! data is read; here are the checks across values: references between
//! events and the header, dates against eras and against the day the data
//! was checked, sources, and texts in both languages.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fmt;

use super::{Event, Id, Lenient, LoadError, Source, Status, Text, Timeline, read_json};
use crate::dates::{PartialDate, Precision};

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

/// `merida-2007`: lowercase ASCII words joined by single hyphens.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.split('-').all(|w| {
            !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Accepts only web addresses: a `javascript:` or `data:` link must never
/// reach an `href`.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or("");
        !host.is_empty() && !url.chars().any(char::is_whitespace)
    })
}

/// The host of a web address, lowercased, without port or credentials.
pub fn web_host(url: &str) -> Option<String> {
    let lower = url.trim().to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"))?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?.split(':').next()?;
    (!host.is_empty()).then(|| host.to_string())
}

/// Government hosts, whose pages are the primary texts of official acts.
fn is_government_host(host: &str) -> bool {
    [".gov", ".gob.mx", ".mil"].iter().any(|suffix| host.ends_with(suffix))
}

fn is_primary(source: &Source) -> bool {
    source.primary || web_host(&source.url).is_some_and(|h| is_government_host(&h))
}

/// Preview, staging and local servers: pages there move or vanish, and
/// readers cannot rely on them.
fn is_staging_host(host: &str) -> bool {
    // `front.` is a CMS's editing front end, not the outlet's public site.
    let front_end = host.starts_with("front.");
    let labels_hint = host.split(['.', '-']).any(|label| {
        matches!(label, "stage" | "staging" | "preview" | "dev" | "test" | "localhost")
    });
    let ip = host.bytes().all(|b| b.is_ascii_digit() || b == b'.') || host.starts_with('[');
    front_end || labels_hint || ip
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

    // Header lists: a repeated or half-written item is reported and left
    // out, so that events pointing at it are reported too.
    let mut eras: Vec<super::Era> = Vec::new();
    for (i, era) in doc.eras.into_iter().enumerate() {
        let mut r = Report::new(&mut problems, format!("eras[{i}]"), None);
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
    let mut topics: Vec<super::Topic> = Vec::new();
    for (i, topic) in doc.topics.into_iter().enumerate() {
        let mut r = Report::new(&mut problems, format!("topics[{i}]"), None);
        r.text("name", &topic.name);
        if topics.iter().any(|t| t.id == topic.id) {
            r.add("id", format!("the topic id \"{}\" is used twice", topic.id));
        }
        if r.clean() {
            topics.push(topic);
        }
    }
    let mut actors: Vec<super::Actor> = Vec::new();
    for (i, actor) in doc.actors.into_iter().enumerate() {
        let mut r = Report::new(&mut problems, format!("actors[{i}]"), None);
        r.text("name", &actor.name);
        r.text("role", &actor.role);
        if actors.iter().any(|a| a.id == actor.id) {
            r.add("id", format!("the actor id \"{}\" is used twice", actor.id));
        }
        if r.clean() {
            actors.push(actor);
        }
    }

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

/// Reads any JSON as `serde_json::Value` does (`deserialize_any` all the
/// way down), so it finds the same faults, but keeps nothing: the app needs
/// no `Value` tree code for it.
struct JsonCheck;

impl<'de> serde::Deserialize<'de> for JsonCheck {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(JsonCheck)
    }
}

impl<'de> serde::de::Visitor<'de> for JsonCheck {
    type Value = JsonCheck;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_str<E>(self, _: &str) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_unit<E>(self) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self, A::Error> {
        while seq.next_element::<JsonCheck>()?.is_some() {}
        Ok(self)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self, A::Error> {
        while map.next_entry::<JsonCheck, JsonCheck>()?.is_some() {}
        Ok(self)
    }
}

/// The first fault of the JSON in `event`, a slice of the document `text`,
/// where a parser reading the whole document would report it: its line and
/// column in the document, counted as `serde_json` counts them (lines from
/// 1, columns in bytes from the start of the line).
fn json_fault(text: &str, event: &str) -> Option<LoadError> {
    // An event stands two levels deep (the document, its `events`), which
    // counts towards `serde_json`'s nesting limit: wrap it as deep.
    let wrapped = format!("[[{event}]]");
    let err = serde_json::from_str::<JsonCheck>(&wrapped).err()?;
    // Byte `k` of `wrapped` stands at byte `start + k` of the document.
    let start = (event.as_ptr() as usize).saturating_sub(text.as_ptr() as usize + 2);
    let line_start: usize =
        wrapped.split_inclusive('\n').take(err.line().saturating_sub(1)).map(str::len).sum();
    let index = (start + line_start + err.column()).min(text.len());
    let before = &text.as_bytes()[..index];
    let start_of_line = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let line = 1 + text[..start_of_line].matches('\n').count();
    let column = index - start_of_line;
    let message =
        format!("{} at line {line} column {column}", super::strip_position(&err.to_string()));
    Some(LoadError::Syntax { line, column, message })
}

/// Just the `id` of an event, read even when the rest of it is broken, so
/// that its problems can name the event.
#[derive(serde::Deserialize)]
struct IdHint {
    id: Option<String>,
}

impl IdHint {
    /// The id when it is a string; `None` when it is missing or not a string
    /// (or the event is not an object).
    fn read(json: &str) -> Option<String> {
        serde_json::from_str::<IdHint>(json).ok()?.id
    }
}

struct Context<'a> {
    topics: &'a [super::Topic],
    actors: &'a [super::Actor],
    eras: &'a [super::Era],
    updated: PartialDate,
}

fn check_event(r: &mut Report, event: &Event, ctx: &Context) {
    let start = event.date;
    if let Some(end) = event.end {
        if end.precision() != start.precision() {
            r.add("end", "the end must be written in the same form as the date (both days, both months or both years)");
        } else if end <= start {
            r.add("end", "the end must come after the date");
        }
    }
    // Likewise only a date that passed before `updated`'s first day surely
    // had passed when the data was checked.
    if event.status == Status::Announced && event.last_day() < ctx.updated.first_day() {
        r.add(
            "status",
            "the event is \"announced\" but its date passed before the data was last updated: mark it \"held\" if sources show it took place, or \"unconfirmed\"",
        );
    }
    match ctx.eras.iter().find(|era| era.id == event.era) {
        None => r.add("era", format!("there is no era \"{}\"", event.era)),
        Some(era) if !era.contains(start) => {
            r.add("era", format!("the date {start} is outside the era \"{}\"", event.era));
        }
        Some(_) => {}
    }
    if event.topics.is_empty() {
        r.add("topics", "an event needs at least one topic");
    }
    for (i, topic) in event.topics.iter().enumerate() {
        if !ctx.topics.iter().any(|t| t.id == *topic) {
            r.add(&format!("topics[{i}]"), format!("there is no topic \"{topic}\""));
        }
    }
    for (i, actor) in event.actors.iter().enumerate() {
        if !ctx.actors.iter().any(|a| a.id == *actor) {
            r.add(&format!("actors[{i}]"), format!("there is no actor \"{actor}\""));
        }
    }
    r.text("title", &event.title);
    r.text("summary", &event.summary);
    for (field, text) in [("place", &event.place), ("body", &event.body), ("caveat", &event.caveat)]
    {
        if let Some(text) = text {
            r.text(field, text);
        }
    }
    for (i, quote) in event.quotes.iter().enumerate() {
        if quote.text.trim().is_empty() {
            r.add(&format!("quotes[{i}].text"), "the quote is empty");
        }
        if quote.translation.trim().is_empty() {
            r.add(&format!("quotes[{i}].translation"), "the translation is empty");
        }
        r.text(&format!("quotes[{i}].speaker"), &quote.speaker);
    }
    if event.people_sent == Some(0) {
        r.add(
            "people_sent",
            "a group sent counts at least one person: leave the field out instead",
        );
    }
    match event.checked {
        None => r.add(
            "checked",
            "the event has no \"checked\" day: have someone who did not write it verify it against its sources, record what they found in verification/, and add the day as \"checked\": \"YYYY-MM-DD\"",
        ),
        Some(day) if day.precision() != Precision::Day => {
            r.add("checked", "the day of the check is written YYYY-MM-DD");
        }
        Some(day) if day > ctx.updated.last_day() => r.add(
            "checked",
            format!("the event was checked on {day}, after the record's review day ({}): correct \"checked\" or \"updated\"", ctx.updated),
        ),
        Some(_) => {}
    }
    check_sources(r, event, ctx.updated);
    for (i, correction) in event.corrections.iter().enumerate() {
        let field = format!("corrections[{i}]");
        if correction.date.precision() != Precision::Day {
            r.add(&format!("{field}.date"), "a correction is dated to the day: YYYY-MM-DD");
        }
        r.not_after(&format!("{field}.date"), "the correction", correction.date, ctx.updated);
        r.text(&format!("{field}.text"), &correction.text);
    }
}

fn check_sources(r: &mut Report, event: &Event, updated: PartialDate) {
    if event.sources.is_empty() {
        r.add("sources", "every event needs at least one source");
    }
    for (i, source) in event.sources.iter().enumerate() {
        if !is_web_url(&source.url) {
            r.add(
                &format!("sources[{i}].url"),
                format!(
                    "\"{}\" is not a web address: sources must start with http:// or https://",
                    source.url
                ),
            );
        } else if let Some(host) = web_host(&source.url).filter(|h| is_staging_host(h)) {
            r.add(
                &format!("sources[{i}].url"),
                format!("\"{host}\" looks like a staging or test server: cite the outlet's public address"),
            );
        }
        if source.publisher.trim().is_empty() {
            r.add(&format!("sources[{i}].publisher"), "the publisher is empty");
        }
        if source.title.trim().is_empty() {
            r.add(&format!("sources[{i}].title"), "the title is empty");
        }
        if let Some(date) = source.date {
            r.not_after(&format!("sources[{i}].date"), "the source", date, updated);
        }
    }
    if event.official && !event.sources.iter().any(is_primary) {
        r.add(
            "sources",
            "an official act needs at least one primary source: the text on a .gov, .gob.mx or .mil site, or a source marked \"primary\": true",
        );
    }
}
