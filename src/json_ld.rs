//! Structured data for search engines: schema.org in JSON-LD, one block in
//! each page, after its content.
//!
//! An event's page is an `Article` about the event (a schema.org `Event`
//! with its dates and place): the page is a sourced account of something
//! that happened, not a listing of something to attend, and it is the
//! article that has sources (`citation`), a day it was last checked
//! (`dateModified`) and corrections (`correction`, each a
//! `CorrectionComment`). A home page is a `CollectionPage` whose main entity
//! is the record as an `ItemList` of its events' pages, in date order.
//!
//! The block is data, not script: the Content Security Policy's
//! `script-src` does not apply to it. Text from the data cannot end the
//! element: `<`, `>` and `&` are written as JSON escapes.

use serde_json::{Value, json};

use crate::address::Page;
use crate::data::{Event, Lang, Timeline};
use crate::i18n as msg;
use crate::meta::{IMAGE_HEIGHT, IMAGE_WIDTH, page_meta};

/// The `<script type="application/ld+json">` element of `page`, for a site
/// at `site_url` (ending in `/`).
pub fn script(timeline: &Timeline, page: &Page, site_url: &str) -> String {
    let data = match page.event.as_deref().and_then(|id| timeline.event(id)) {
        Some(event) => article(timeline, event, page.lang, site_url),
        None => collection(timeline, page.lang, site_url),
    };
    format!("<script type=\"application/ld+json\">{}</script>", to_html_json(&data))
}

fn image(timeline: &Timeline, page: &Page, site_url: &str) -> Value {
    // schema.org's width and height are a distance or a quantity, not a
    // bare number: pixels are UN/CEFACT unit E37.
    let pixels = |n: u32| json!({ "@type": "QuantitativeValue", "value": n, "unitCode": "E37" });
    json!({
        "@type": "ImageObject",
        "url": format!("{site_url}{}", page_meta(timeline, page).image),
        "width": pixels(IMAGE_WIDTH),
        "height": pixels(IMAGE_HEIGHT),
    })
}

fn website(lang: Lang, site_url: &str) -> Value {
    json!({
        "@type": "WebSite",
        "name": msg::app_title(lang),
        "url": format!("{site_url}{}", Page::home(lang).path()),
        "inLanguage": lang.code(),
    })
}

fn article(timeline: &Timeline, event: &Event, lang: Lang, site_url: &str) -> Value {
    let page = Page::event(lang, &event.id);
    let url = format!("{site_url}{}", page.path());
    let mut about = json!({
        "@type": "Event",
        "name": event.title.get(lang),
        "startDate": event.date.to_string(),
    });
    if let Some(end) = event.end {
        about["endDate"] = end.to_string().into();
    }
    if let Some(place) = &event.place {
        about["location"] = json!({ "@type": "Place", "name": place.get(lang) });
    }
    let citations: Vec<Value> = event
        .sources
        .iter()
        .map(|s| {
            let mut source = json!({
                "@type": "CreativeWork",
                "name": s.title,
                "url": s.url,
                "publisher": { "@type": "Organization", "name": s.publisher },
                "inLanguage": s.lang.code(),
            });
            if let Some(date) = s.date {
                source["datePublished"] = date.to_string().into();
            }
            source
        })
        .collect();
    let mut article = json!({
        "@context": "https://schema.org",
        "@type": "Article",
        "@id": format!("{url}#article"),
        "url": url,
        "mainEntityOfPage": url,
        "headline": event.title.get(lang),
        "description": event.summary.get(lang),
        "inLanguage": lang.code(),
        "image": image(timeline, &page, site_url),
        "dateModified": event.checked.unwrap_or(timeline.updated).to_string(),
        "isPartOf": website(lang, site_url),
        "publisher": { "@type": "Organization", "name": msg::app_title(lang), "url": format!("{site_url}{}", Page::home(lang).path()) },
        "about": about,
        "citation": citations,
    });
    if !event.corrections.is_empty() {
        article["correction"] = event
            .corrections
            .iter()
            .map(|c| {
                json!({
                    "@type": "CorrectionComment",
                    "datePublished": c.date.to_string(),
                    "text": c.text.get(lang),
                })
            })
            .collect();
    }
    article
}

fn collection(timeline: &Timeline, lang: Lang, site_url: &str) -> Value {
    let home = Page::home(lang);
    let url = format!("{site_url}{}", home.path());
    let items: Vec<Value> = timeline
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            json!({
                "@type": "ListItem",
                "position": i + 1,
                "url": format!("{site_url}{}", Page::event(lang, &e.id).path()),
            })
        })
        .collect();
    json!({
        "@context": "https://schema.org",
        "@type": "CollectionPage",
        "@id": format!("{url}#page"),
        "url": url,
        "name": msg::app_document_title(lang),
        "description": msg::app_meta_description(lang),
        "inLanguage": lang.code(),
        "image": image(timeline, &home, site_url),
        "dateModified": timeline.updated.to_string(),
        "isPartOf": website(lang, site_url),
        "mainEntity": {
            "@type": "ItemList",
            "name": timeline.title.get(lang),
            "numberOfItems": items.len(),
            "itemListOrder": "https://schema.org/ItemListOrderAscending",
            "itemListElement": items,
        },
    })
}

/// JSON that can stand inside a `<script>` element: no `<` (which could
/// start `</script>` or `<!--`), `>` or `&` as themselves, nor the two
/// line separators old parsers of JavaScript refuse.
fn to_html_json(value: &Value) -> String {
    let mut out = String::new();
    for c in value.to_string().chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Correction, Text, parse};
    use crate::dates::PartialDate;

    const SITE: &str = "https://example.org/sub/";

    fn timeline() -> Timeline {
        parse(include_str!("../tests/fixtures/small.json")).unwrap()
    }

    /// The block's JSON.
    fn data(script: &str) -> Value {
        let inner = script
            .strip_prefix("<script type=\"application/ld+json\">")
            .and_then(|s| s.strip_suffix("</script>"))
            .unwrap();
        serde_json::from_str(inner).unwrap()
    }

    #[test]
    fn an_event_page_is_an_article_about_the_event_with_its_sources() {
        let mut t = timeline();
        let e = t.events.iter_mut().find(|e| e.id == *"merida-2007").unwrap();
        e.corrections.push(Correction {
            date: PartialDate::parse("2026-12-01").unwrap(),
            text: Text {
                es: "Se corrigió la fecha.".into(), en: "The date was corrected.".into()
            },
        });
        e.checked = Some(PartialDate::parse("2026-12-02").unwrap());
        let d = data(&script(&t, &Page::event(Lang::En, "merida-2007"), SITE));
        assert_eq!(d["@type"], "Article");
        assert_eq!(d["url"], "https://example.org/sub/en/events/merida-2007/");
        assert_eq!(d["headline"], "Joint statement on the Mérida Initiative");
        assert_eq!(d["inLanguage"], "en");
        assert_eq!(d["about"]["@type"], "Event");
        assert_eq!(d["about"]["startDate"], "2007-10-22");
        assert_eq!(d["dateModified"], "2026-12-02");
        assert_eq!(d["image"]["url"], "https://example.org/sub/previews/en/events/merida-2007.png");
        assert_eq!(d["citation"][0]["url"], "https://example.org/b");
        assert_eq!(d["citation"][0]["name"], "Joint statement");
        assert_eq!(d["citation"][0]["datePublished"], "2007-10-22");
        assert_eq!(d["correction"][0]["@type"], "CorrectionComment");
        assert_eq!(d["correction"][0]["datePublished"], "2026-12-01");
        assert_eq!(d["correction"][0]["text"], "The date was corrected.");
        // Spanish, and without `checked`: the record's day.
        let d = data(&script(&timeline(), &Page::event(Lang::Es, "merida-2007"), SITE));
        assert_eq!(d["headline"], "Declaración conjunta sobre la Iniciativa Mérida");
        assert_eq!(d["dateModified"], "2026-01-20");
        assert!(d.get("correction").is_none());
    }

    #[test]
    fn a_home_page_lists_every_event_page_in_order() {
        let t = timeline();
        let d = data(&script(&t, &Page::home(Lang::Es), SITE));
        assert_eq!(d["@type"], "CollectionPage");
        let list = &d["mainEntity"];
        assert_eq!(list["@type"], "ItemList");
        assert_eq!(list["numberOfItems"], t.events.len());
        let items = list["itemListElement"].as_array().unwrap();
        assert_eq!(items.len(), t.events.len());
        for (i, (item, event)) in items.iter().zip(&t.events).enumerate() {
            assert_eq!(item["position"], i + 1);
            assert_eq!(item["url"], format!("{SITE}eventos/{}/", event.id));
        }
    }

    #[test]
    fn text_from_the_data_cannot_end_the_element() {
        let mut t = timeline();
        t.events[0].title.en = "</script><script>alert(1)</script> <!-- & \u{2028}".into();
        let id = t.events[0].id.to_string();
        let s = script(&t, &Page::event(Lang::En, &id), SITE);
        let inner = &s["<script type=\"application/ld+json\">".len()..s.len() - "</script>".len()];
        assert!(!inner.contains('<') && !inner.contains('>') && !inner.contains('&'), "{inner}");
        assert_eq!(data(&s)["headline"], "</script><script>alert(1)</script> <!-- & \u{2028}");
    }
}
