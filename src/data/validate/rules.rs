//! The checks of one event across values: its references, dates and
//! sources, and which web addresses a source may have.

use super::Report;
use crate::data::{Actor, Era, Event, Source, Status, Topic};
use crate::dates::{PartialDate, Precision};

/// What an event's references and dates are checked against.
pub(super) struct Context<'a> {
    pub(super) topics: &'a [Topic],
    pub(super) actors: &'a [Actor],
    pub(super) eras: &'a [Era],
    pub(super) updated: PartialDate,
}

pub(super) fn check_event(r: &mut Report, event: &Event, ctx: &Context) {
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
    check_review(r, event, ctx.updated);
}

/// The event's `checked` day, its sources and its corrections, against the
/// day the record was reviewed.
fn check_review(r: &mut Report, event: &Event, updated: PartialDate) {
    match event.checked {
        None => r.add(
            "checked",
            "the event has no \"checked\" day: have someone who did not write it verify it against its sources, record what they found in verification/, and add the day as \"checked\": \"YYYY-MM-DD\"",
        ),
        Some(day) if day.precision() != Precision::Day => {
            r.add("checked", "the day of the check is written YYYY-MM-DD");
        }
        Some(day) if day > updated.last_day() => r.add(
            "checked",
            format!("the event was checked on {day}, after the record's review day ({updated}): correct \"checked\" or \"updated\""),
        ),
        Some(_) => {}
    }
    check_sources(r, event, updated);
    for (i, correction) in event.corrections.iter().enumerate() {
        let field = format!("corrections[{i}]");
        if correction.date.precision() != Precision::Day {
            r.add(&format!("{field}.date"), "a correction is dated to the day: YYYY-MM-DD");
        }
        r.not_after(&format!("{field}.date"), "the correction", correction.date, updated);
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
