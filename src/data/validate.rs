//! The checks behind both the forgiving loader and the strict validator.

use std::collections::HashSet;
use std::fmt;

use super::{Entry, Event, Lenient, LoadError, Status, Text, Timeline};
use crate::dates::PartialDate;

/// One thing wrong with the data, said so an editor can find and fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The line of the event (or the document) in `events.json`, when known.
    pub line: Option<usize>,
    /// The JSON path of the fault, e.g. `events[12].summary.en`.
    pub path: String,
    /// The id of the event left out because of this, when it has one.
    pub event: Option<String>,
    pub message: String,
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
            if let Some(id) = &self.event {
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
    line: Option<usize>,
    path: String,
    event: Option<String>,
    count_before: usize,
}

impl<'a> Report<'a> {
    fn new(
        problems: &'a mut Vec<Problem>,
        path: String,
        line: Option<usize>,
        event: Option<String>,
    ) -> Self {
        let count_before = problems.len();
        Self { problems, line, path, event, count_before }
    }

    fn add(&mut self, field: &str, message: impl Into<String>) {
        let path =
            if field.is_empty() { self.path.clone() } else { format!("{}.{field}", self.path) };
        self.problems.push(Problem {
            line: self.line,
            path,
            event: self.event.clone(),
            message: message.into(),
        });
    }

    fn text(&mut self, field: &str, text: &Text) {
        for (lang, value) in [("es", &text.es), ("en", &text.en)] {
            if value.trim().is_empty() {
                let name = if lang == "es" { "Spanish" } else { "English" };
                self.add(&format!("{field}.{lang}"), format!("the {name} text is empty"));
            }
        }
    }

    fn date(&mut self, field: &str, value: &str) -> Option<PartialDate> {
        match PartialDate::parse(value) {
            Ok(date) => Some(date),
            Err(err) => {
                self.add(field, format!("\"{value}\" is not a valid date: {err}"));
                None
            }
        }
    }

    fn slug(&mut self, field: &str, id: &str) {
        if !is_slug(id) {
            self.add(
                field,
                format!("\"{id}\" is not a valid id: use lowercase letters a-z, digits and single hyphens, at most 64 characters"),
            );
        }
    }

    fn clean(&self) -> bool {
        self.problems.len() == self.count_before
    }
}

/// How many events the problems left out: an event may have several
/// problems, and one without a readable id is still counted.
pub fn skipped_events(problems: &[Problem]) -> usize {
    let mut events: Vec<&str> = problems
        .iter()
        .filter_map(|p| p.path.strip_prefix("events[")?.split_once(']').map(|(i, _)| i))
        .collect();
    events.sort_unstable();
    events.dedup();
    events.len()
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

fn is_primary(source: &super::Source) -> bool {
    source.primary || web_host(&source.url).is_some_and(|h| is_government_host(&h))
}

/// Preview, staging and local servers: pages there move or vanish, and
/// readers cannot rely on them.
fn is_staging_host(host: &str) -> bool {
    let labels_hint = host.split(['.', '-']).any(|label| {
        matches!(label, "stage" | "staging" | "preview" | "dev" | "test" | "localhost")
    });
    let ip = host.bytes().all(|b| b.is_ascii_digit() || b == b'.') || host.starts_with('[');
    labels_hint || ip
}

/// Checks the header and each event; returns the timeline of the good events.
pub(super) fn build(doc: Lenient, text: &str) -> Result<Timeline, LoadError> {
    let mut problems = Vec::new();
    let updated = {
        let mut r = Report::new(&mut problems, String::new(), None, None);
        r.date("updated", &doc.updated)
    }
    .ok_or_else(|| LoadError::Shape {
        path: "updated".into(),
        message: format!("\"{}\" is not a valid date", doc.updated),
    })?;
    {
        let mut r = Report::new(&mut problems, "title".into(), None, None);
        r.text("", &doc.title);
    }

    // Header lists: a broken or repeated item is reported and left out, so
    // that events pointing at it are reported too.
    let mut eras = Vec::new();
    let mut era_ranges = Vec::new();
    for (i, era) in doc.eras.into_iter().enumerate() {
        let mut r = Report::new(&mut problems, format!("eras[{i}]"), None, None);
        r.slug("id", &era.id);
        r.text("name", &era.name);
        r.text("summary", &era.summary);
        let start = r.date("start", &era.start);
        let end = era.end.as_deref().and_then(|e| r.date("end", e));
        if let (Some(s), Some(e)) = (start, end)
            && e.last_day() < s.first_day()
        {
            r.add("end", "the era ends before it starts");
        }
        if eras.iter().any(|e: &super::Era| e.id == era.id) {
            r.add("id", format!("the era id \"{}\" is used twice", era.id));
        }
        if r.clean()
            && let Some(s) = start
        {
            era_ranges.push((era.id.clone(), s, end));
            eras.push(era);
        }
    }
    let mut topics = Vec::new();
    for (i, topic) in doc.topics.into_iter().enumerate() {
        let mut r = Report::new(&mut problems, format!("topics[{i}]"), None, None);
        r.slug("id", &topic.id);
        r.text("name", &topic.name);
        if topics.iter().any(|t: &super::Topic| t.id == topic.id) {
            r.add("id", format!("the topic id \"{}\" is used twice", topic.id));
        }
        if r.clean() {
            topics.push(topic);
        }
    }
    let mut actors = Vec::new();
    for (i, actor) in doc.actors.into_iter().enumerate() {
        let mut r = Report::new(&mut problems, format!("actors[{i}]"), None, None);
        r.slug("id", &actor.id);
        r.text("name", &actor.name);
        r.text("role", &actor.role);
        if actors.iter().any(|a: &super::Actor| a.id == actor.id) {
            r.add("id", format!("the actor id \"{}\" is used twice", actor.id));
        }
        if r.clean() {
            actors.push(actor);
        }
    }

    let topic_ids: HashSet<&str> = topics.iter().map(|t| t.id.as_str()).collect();
    let actor_ids: HashSet<&str> = actors.iter().map(|a| a.id.as_str()).collect();
    let mut seen_ids = HashSet::new();
    let mut entries = Vec::new();
    let ctx = Context { topic_ids: &topic_ids, actor_ids: &actor_ids, eras: &era_ranges, updated };
    for (i, raw) in doc.events.into_iter().enumerate() {
        let id_hint = IdHint::read(raw.get());
        let first_problem = problems.len();
        let mut r = Report::new(&mut problems, format!("events[{i}]"), None, id_hint.clone());
        if let Some(entry) = read_event(&mut r, raw.get(), text, &ctx, &mut seen_ids)? {
            entries.push(entry);
        }
        // Only an event with a problem needs its line: finding it scans the
        // text from the top, which for every event of a long file would
        // take time growing with the square of its length.
        if problems.len() > first_problem {
            let line = id_hint.as_deref().and_then(|id| line_of_id(text, id));
            for problem in &mut problems[first_problem..] {
                problem.line = line;
            }
        }
    }
    // Editors may add events anywhere in the file; the timeline is in order.
    // Ids are unique here (duplicates were left out above), so the order is
    // total and an unstable sort gives the same result as a stable one, with
    // less code: the stable sort's merge code is not needed for this type.
    entries
        .sort_unstable_by(|a, b| a.start.cmp(&b.start).then_with(|| a.event.id.cmp(&b.event.id)));

    Ok(Timeline { title: doc.title, updated, eras, topics, actors, entries, problems })
}

/// Reads and checks one event from its JSON text. `Ok(None)` leaves it out,
/// its problems reported in `r`; `Err` refuses the whole document.
fn read_event(
    r: &mut Report,
    json: &str,
    text: &str,
    ctx: &Context,
    seen_ids: &mut HashSet<String>,
) -> Result<Option<Entry>, LoadError> {
    let de = &mut serde_json::Deserializer::from_str(json);
    let event: Event = match serde_path_to_error::deserialize(de) {
        Ok(event) => event,
        Err(err) => {
            // Some faults of the JSON itself (a number out of range, nesting
            // too deep) show only when values are read, and the typed read
            // may stop at a wrong field first. Broken JSON refuses the whole
            // document, as when the document was read as JSON values before
            // anything else.
            if let Some(fault) = json_fault(text, json) {
                return Err(fault);
            }
            let field = err.path().to_string();
            let field = if field == "." { String::new() } else { field };
            r.add(&field, super::strip_position(&err.into_inner().to_string()));
            return Ok(None);
        }
    };
    let entry = check_event(r, event, ctx);
    if entry.as_ref().is_some_and(|e| !seen_ids.insert(e.event.id.clone())) {
        r.add("id", "this id is already used by an earlier event; ids must be unique");
    }
    Ok(entry.filter(|_| r.clean()))
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
/// that its problems can name the event and its line.
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
    topic_ids: &'a HashSet<&'a str>,
    actor_ids: &'a HashSet<&'a str>,
    eras: &'a [(String, PartialDate, Option<PartialDate>)],
    updated: PartialDate,
}

fn check_event(r: &mut Report, event: Event, ctx: &Context) -> Option<Entry> {
    r.slug("id", &event.id);
    let start = r.date("date", &event.date);
    let end = event.end.as_deref().and_then(|e| r.date("end", e));
    if let (Some(s), Some(e)) = (start, end) {
        if e.precision() != s.precision() {
            r.add("end", "the end must be written in the same form as the date (both days, both months or both years)");
        } else if e <= s {
            r.add("end", "the end must come after the date");
        }
    }
    if let Some(start) = start {
        let last = end.unwrap_or(start).last_day();
        if event.status == Status::Announced && last < ctx.updated {
            r.add(
                "status",
                "the event is \"announced\" but its date passed before the data was last updated: mark it \"held\" if sources show it took place, or \"unconfirmed\"",
            );
        }
        match ctx.eras.iter().find(|(id, ..)| *id == event.era) {
            None => r.add("era", format!("there is no era \"{}\"", event.era)),
            Some((_, era_start, era_end)) => {
                let before = start.first_day() < era_start.first_day();
                let after = era_end.is_some_and(|e| start.first_day() > e.last_day());
                if before || after {
                    r.add("era", format!("the date {start} is outside the era \"{}\"", event.era));
                }
            }
        }
    }
    if event.topics.is_empty() {
        r.add("topics", "an event needs at least one topic");
    }
    for (i, topic) in event.topics.iter().enumerate() {
        if !ctx.topic_ids.contains(topic.as_str()) {
            r.add(&format!("topics[{i}]"), format!("there is no topic \"{topic}\""));
        }
    }
    for (i, actor) in event.actors.iter().enumerate() {
        if !ctx.actor_ids.contains(actor.as_str()) {
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
        }
        if source.publisher.trim().is_empty() {
            r.add(&format!("sources[{i}].publisher"), "the publisher is empty");
        }
        if source.title.trim().is_empty() {
            r.add(&format!("sources[{i}].title"), "the title is empty");
        }
        if let Some(host) = web_host(&source.url)
            && is_staging_host(&host)
        {
            r.add(
                &format!("sources[{i}].url"),
                format!("\"{host}\" looks like a staging or test server: cite the outlet's public address"),
            );
        }
        if let Some(date) = &source.date
            && let Some(date) = r.date(&format!("sources[{i}].date"), date)
            && date.first_day() > ctx.updated
        {
            r.add(
                &format!("sources[{i}].date"),
                format!("the source is dated {date}, after the day the data was checked ({}): correct the date or \"updated\"", ctx.updated),
            );
        }
    }
    if event.official && !event.sources.iter().any(is_primary) {
        r.add(
            "sources",
            "an official act needs at least one primary source: the text on a .gov, .gob.mx or .mil site, or a source marked \"primary\": true",
        );
    }
    for (i, correction) in event.corrections.iter().enumerate() {
        let field = format!("corrections[{i}]");
        if let Some(date) = r.date(&format!("{field}.date"), &correction.date) {
            if date.precision() != crate::dates::Precision::Day {
                r.add(&format!("{field}.date"), "a correction is dated to the day: YYYY-MM-DD");
            } else if date > ctx.updated {
                r.add(
                    &format!("{field}.date"),
                    format!(
                        "the correction is dated {date}, after the day the data was checked ({})",
                        ctx.updated
                    ),
                );
            }
        }
        r.text(&format!("{field}.text"), &correction.text);
    }
    Some(Entry { start: start?, end, event })
}

/// The line where an event's `"id": "…"` stands, so that editors can jump
/// to it. A plain text search is enough: ids are unique slugs.
fn line_of_id(text: &str, id: &str) -> Option<usize> {
    let needle = format!("\"{id}\"");
    let mut from = 0;
    while let Some(pos) = text[from..].find(&needle) {
        let at = from + pos;
        let before = text[..at].trim_end();
        if before.ends_with(':') && before[..before.len() - 1].trim_end().ends_with("\"id\"") {
            return Some(text[..at].matches('\n').count() + 1);
        }
        from = at + needle.len();
    }
    None
}
