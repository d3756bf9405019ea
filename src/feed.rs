//! An Atom feed per language (`feed.xml`, `en/feed.xml`), so that a reader
//! who follows the story learns of new events and of corrections without
//! coming back to look: one entry per event, dated the day it was last
//! checked, and one per correction, dated the day it was made; newest first,
//! each linking to its event's page.
//!
//! The data has no day an event was added: an event's entry is dated by its
//! `checked` day, or the record's `updated` day when it has none, so a new
//! or rechecked event rises to the top. Text from the data is XML-escaped.

use std::fmt::Write as _;

use crate::address::Page;
use crate::data::{Event, Lang, Timeline};
use crate::dates::PartialDate;
use crate::i18n as msg;
use crate::meta::feed_path as path;

/// Feed readers show the latest; older entries are on the site.
pub const MAX_ENTRIES: usize = 200;

/// One entry: an event, or a correction made to it (its index).
struct Entry<'a> {
    day: PartialDate,
    event: &'a Event,
    correction: Option<usize>,
}

/// The Atom document of `lang`'s feed, for a site at `site_url` (ending in
/// `/`).
pub fn atom(timeline: &Timeline, lang: Lang, site_url: &str) -> String {
    let mut entries: Vec<Entry> = Vec::new();
    for event in &timeline.events {
        let day = event.checked.unwrap_or(timeline.updated).first_day();
        entries.push(Entry { day, event, correction: None });
        for (i, c) in event.corrections.iter().enumerate() {
            entries.push(Entry { day: c.date.first_day(), event, correction: Some(i) });
        }
    }
    // Newest first; on one day, corrections before events, then by id and
    // correction, so that every build writes the same feed.
    entries.sort_by(|a, b| {
        b.day
            .cmp(&a.day)
            .then(b.correction.is_some().cmp(&a.correction.is_some()))
            .then(a.event.id.cmp(&b.event.id))
            .then(a.correction.cmp(&b.correction))
    });
    entries.truncate(MAX_ENTRIES);
    let updated = entries.first().map_or(timeline.updated, |e| e.day).max(timeline.updated);
    let home = format!("{site_url}{}", Page::home(lang).path());
    let own = format!("{site_url}{}", path(lang));
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
         <feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n\
         \x20 <id>{}</id>\n\
         \x20 <title>{}</title>\n\
         \x20 <subtitle>{}</subtitle>\n\
         \x20 <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n\
         \x20 <link rel=\"alternate\" type=\"text/html\" hreflang=\"{}\" href=\"{}\"/>\n\
         \x20 <updated>{}</updated>\n\
         \x20 <author><name>{}</name><uri>{}</uri></author>\n",
        lang.code(),
        escape(&own),
        escape(msg::feed_title(lang)),
        escape(msg::feed_subtitle(lang)),
        escape(&own),
        lang.code(),
        escape(&home),
        timestamp(updated),
        escape(msg::app_title(lang)),
        escape(&home),
    );
    for entry in &entries {
        let event = entry.event;
        let url = format!("{site_url}{}", Page::event(lang, &event.id).path());
        let title = event.title.get(lang);
        let (id, title, summary) = match entry.correction {
            Some(i) => (
                format!("{url}#correction-{}", i + 1),
                msg::feed_entry_correction(lang, title),
                event.corrections[i].text.get(lang),
            ),
            None => (url.clone(), title.to_string(), event.summary.get(lang)),
        };
        let _ = write!(
            xml,
            "  <entry>\n\
             \x20   <id>{}</id>\n\
             \x20   <title>{}</title>\n\
             \x20   <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n\
             \x20   <updated>{}</updated>\n\
             \x20   <summary>{}</summary>\n\
             \x20 </entry>\n",
            escape(&id),
            escape(&title),
            escape(&url),
            timestamp(entry.day),
            escape(summary),
        );
    }
    xml.push_str("</feed>\n");
    xml
}

/// A day as an Atom date (RFC 3339): its start, in UTC.
fn timestamp(day: PartialDate) -> String {
    let d = day.first_day();
    format!("{:04}-{:02}-{:02}T00:00:00Z", d.year, d.month, d.day)
}

/// Escapes text for XML content and attribute values, leaving out the
/// control characters XML 1.0 cannot hold.
fn escape(text: &str) -> String {
    crate::preview::escape(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Correction, Text, parse};

    const SITE: &str = "https://example.org/sub/";

    fn timeline() -> Timeline {
        let mut t = parse(include_str!("../tests/fixtures/small.json")).unwrap();
        let e = t.events.iter_mut().find(|e| e.id == *"fast-and-furious").unwrap();
        e.checked = Some(PartialDate::parse("2026-03-01").unwrap());
        e.corrections.push(Correction {
            date: PartialDate::parse("2026-02-01").unwrap(),
            text: Text { es: "Se corrigió el año.".into(), en: "The year was corrected.".into() },
        });
        t
    }

    /// The values of `<tag>` in order.
    fn all<'a>(xml: &'a str, tag: &str) -> Vec<&'a str> {
        xml.split(&format!("<{tag}>"))
            .skip(1)
            .map(|s| s.split(&format!("</{tag}>")).next().unwrap())
            .collect()
    }

    #[test]
    fn entries_are_newest_first_and_link_their_event() {
        let xml = atom(&timeline(), Lang::En, SITE);
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">"));
        assert!(xml.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.org/sub/en/feed.xml\"/>"));
        let ids = all(&xml, "id");
        assert_eq!(ids[0], "https://example.org/sub/en/feed.xml");
        // The checked event, then its correction, then the rest on the
        // record's day, by id.
        assert_eq!(
            &ids[1..],
            [
                "https://example.org/sub/en/events/fast-and-furious/",
                "https://example.org/sub/en/events/fast-and-furious/#correction-1",
                "https://example.org/sub/en/events/call-2026-01-11/",
                "https://example.org/sub/en/events/merida-2007/",
                "https://example.org/sub/en/events/ministerial-2026-02/",
            ]
        );
        let updated = all(&xml, "updated");
        assert_eq!(updated[0], "2026-03-01T00:00:00Z", "the feed: its newest entry");
        assert_eq!(
            &updated[1..4],
            ["2026-03-01T00:00:00Z", "2026-02-01T00:00:00Z", "2026-01-20T00:00:00Z"]
        );
        let titles = all(&xml, "title");
        assert_eq!(titles[2], "Correction: Operation Fast and Furious");
        assert!(xml.contains("<summary>The year was corrected.</summary>"));
        let es = atom(&timeline(), Lang::Es, SITE);
        assert!(es.contains("<title>Corrección: Operación Rápido y Furioso</title>"));
        assert!(es.contains("href=\"https://example.org/sub/eventos/fast-and-furious/\""));
        assert_eq!(path(Lang::Es), "feed.xml");
    }

    #[test]
    fn text_from_the_data_is_escaped() {
        let mut t = timeline();
        t.events[0].title.en = "</title><script>x</script> & \"q\"".into();
        let xml = atom(&t, Lang::En, SITE);
        assert!(!xml.contains("<script>"));
        assert!(xml.contains("&lt;/title&gt;&lt;script&gt;x&lt;/script&gt; &amp; &quot;q&quot;"));
    }
}
