use super::*;
use crate::data::{fingerprint, parse};
use crate::meta::key_moments_image;
use crate::prerender::html::escape_text;

const TEMPLATE: &str = "<!doctype html><html lang=es><head><meta charset=utf-8><base href=/sub/><title>Shell</title><link rel=stylesheet href=/sub/style-0123456789abcdef.css></head><body><div id=app></div></body></html>";

fn prerender() -> Prerender<'static> {
    let text = include_str!("../../tests/fixtures/small.json");
    Prerender {
        template: TEMPLATE,
        timeline: Arc::new(parse(text).unwrap()),
        fingerprint: fingerprint(text),
        site: Site { base: "/sub/".into(), url: "https://example.org/sub/".into() },
        today: PartialDate::parse("2026-01-20").unwrap(),
    }
}

#[test]
fn an_event_page_is_complete_and_describes_its_event() {
    let html = prerender().page(&Page::event(Lang::En, "merida-2007")).unwrap();
    assert!(html.starts_with("<!doctype html><html lang=\"en\"><head>"), "{html:.200}");
    assert_eq!(html.matches("<title>").count(), 1);
    assert!(html.contains("<title>Joint statement on the Mérida Initiative"));
    assert!(
        html.contains(
            r#"<meta property="og:description" content="A new paradigm of cooperation.">"#
        )
    );
    assert!(html.contains(
        r#"<link rel="canonical" href="https://example.org/sub/en/events/merida-2007/">"#
    ));
    assert!(html.contains(r#"<link rel="alternate" hreflang="es" href="https://example.org/sub/eventos/merida-2007/">"#));
    assert!(html.contains(r#"<meta property="og:locale" content="en_US">"#));
    // The link preview: the event's own image, described in English.
    assert!(html.contains(r#"<meta property="og:image" content="https://example.org/sub/previews/en/events/merida-2007.png">"#));
    assert!(html.contains(r#"<meta property="og:image:width" content="1200"><meta property="og:image:height" content="630">"#));
    assert!(html.contains(r#"<meta property="og:image:alt" content="Card from the Mexico–United States timeline with the title “Joint statement on the Mérida Initiative” and the date October 22, 2007">"#));
    assert!(html.contains(r#"<meta name="twitter:card" content="summary_large_image">"#));
    assert!(html.contains(r#"<link rel="alternate" type="application/atom+xml" title="Mexico–United States timeline: events and corrections" href="https://example.org/sub/en/feed.xml">"#));
    assert_eq!(
        html.matches(r#"<script type="application/ld+json">{"@context":"https://schema.org""#)
            .count(),
        1
    );
    assert!(html.contains(r#""@type":"Article""#));
    assert!(html.contains(concat!(
        r#"<link rel="alternate" type="application/json+oembed" "#,
        r#"href="https://example.org/sub/en/events/merida-2007/oembed.json" "#,
        r#"title="Joint statement on the Mérida Initiative"#
    )));
    // The page itself: every event as a link to its page, the open
    // event's detail with its sources.
    assert!(html.contains(r#"<div id="app" data-fingerprint=""#));
    for id in ["merida-2007", "fast-and-furious", "call-2026-01-11", "ministerial-2026-02"] {
        assert!(html.contains(&format!(r#"href="/sub/en/events/{id}/""#)), "no link to {id}");
    }
    assert!(html.contains(r#"id="detail-heading""#));
    assert!(html.contains(r#"href="https://example.org/b""#), "the source's link");
    assert!(!html.contains("style="), "inline styles break the Content Security Policy");
    assert!(!html.contains("<!>"), "Leptos's markers, written as valid comments");
    assert!(html.contains("<html lang=\"en\"><head>"));
}

#[test]
fn the_home_page_links_its_twin_and_has_no_detail() {
    let html = prerender().page(&Page::home(Lang::Es)).unwrap();
    assert!(html.contains(r#"<link rel="canonical" href="https://example.org/sub/">"#));
    assert!(html.contains(r#"hreflang="en" href="https://example.org/sub/en/""#));
    assert!(!html.contains(r#"id="detail-heading""#));
    assert!(html.contains(r#"href="/sub/eventos/merida-2007/""#));
    assert!(html.contains(
        r#"<meta property="og:image" content="https://example.org/sub/previews/es/home.png">"#
    ));
    assert!(html.contains(r#"title="Cronología México–Estados Unidos: eventos y correcciones" href="https://example.org/sub/feed.xml">"#));
    assert!(
        html.contains(r#"<script type="application/ld+json">{"@context":"https://schema.org""#)
    );
    assert!(html.contains(r#""@type":"CollectionPage""#));
}

#[test]
fn text_from_the_data_is_escaped() {
    let mut p = prerender();
    let mut timeline = (*p.timeline).clone();
    timeline.events[0].title.es = "<img src=x onerror=alert(1)> & \"co\"".into();
    p.timeline = Arc::new(timeline);
    let id = p.timeline.events[0].id.to_string();
    let html = p.page(&Page::event(Lang::Es, &id)).unwrap();
    assert!(!html.contains("<img src=x"), "markup from the data must stay text");
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    // In the image's description and the structured data too.
    assert!(
        html.contains("con el título «&lt;img src=x onerror=alert(1)&gt; &amp; &quot;co&quot;»")
    );
    assert!(html.contains(r#""headline":"\u003cimg src=x onerror=alert(1)\u003e \u0026 \"co\"""#));
    let oembed: serde_json::Value =
        serde_json::from_str(&p.oembed(&Page::event(Lang::Es, &id))).unwrap();
    assert!(oembed["title"].as_str().unwrap().contains("<img src=x onerror=alert(1)> & \"co\""));
    assert!(!oembed["html"].as_str().unwrap().contains("<img"));
}

/// A template without the app's empty `<div>` (a changed index.html, a
/// minifier that writes it otherwise) would ship pages with nothing in
/// them: the build fails instead, saying why (issue 24, 10).
#[test]
fn a_template_without_the_app_fails_the_build() {
    let dir = std::env::temp_dir().join(format!("cronologia-no-app-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for template in [
        TEMPLATE.replace("<div id=app></div>", ""),
        TEMPLATE.replace("<div id=app></div>", "<div id=\"app\" class=x></div>"),
    ] {
        let p = Prerender { template: &template, ..prerender() };
        let err = p.write(&dir, Pages::Homes).unwrap_err();
        assert!(err.to_string().contains(r#"<div id="app"></div>"#), "{err}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn writes_every_page_the_sitemap_and_the_rest() {
    let dir = std::env::temp_dir().join(format!("cronologia-prerender-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let p = prerender();
    let written = p.write(&dir, Pages::All).unwrap();
    assert_eq!(written.len(), 2 + 2 * p.timeline.events.len());
    assert!(dir.join("en/events/merida-2007/index.html").is_file());
    assert!(dir.join("eventos/merida-2007/index.html").is_file());
    // Each page's oEmbed response beside it, naming the page and its
    // framed view in the page's language.
    for (path, lang) in [("", "es"), ("en/", "en"), ("eventos/merida-2007/", "es")] {
        let text = std::fs::read_to_string(dir.join(path).join("oembed.json")).unwrap();
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        let src = format!(r#"src="https://example.org/sub/{path}?embed=1""#);
        assert!(json["html"].as_str().unwrap().contains(&src), "{path}: {text}");
        let provider =
            if lang == "en" { "https://example.org/sub/en/" } else { "https://example.org/sub/" };
        assert_eq!(json["provider_url"], provider, "{path}");
    }
    let sitemap = std::fs::read_to_string(dir.join("sitemap.xml")).unwrap();
    assert_eq!(sitemap.matches("<loc>").count(), written.len());
    assert!(sitemap.contains("<loc>https://example.org/sub/en/events/merida-2007/</loc>"));
    let robots = std::fs::read_to_string(dir.join("robots.txt")).unwrap();
    assert!(robots.contains("Sitemap: https://example.org/sub/sitemap.xml"));
    let missing = std::fs::read_to_string(dir.join("404.html")).unwrap();
    assert!(missing.contains("<link rel=stylesheet href=/sub/style-0123456789abcdef.css>"));
    assert!(missing.contains(r#"href="/sub/en/""#));
    assert!(!missing.contains("<script"));
    // A preview image for every page, and the key moments'.
    for lang in Lang::ALL {
        let png = std::fs::read(dir.join(crate::meta::home_image(lang))).unwrap();
        assert_eq!(&png[1..4], b"PNG");
        assert!(dir.join(key_moments_image(lang).0).is_file());
        for e in &p.timeline.events {
            assert!(dir.join(crate::meta::event_image(lang, &e.id)).is_file(), "{}", e.id);
        }
    }
    // A feed per language.
    let feed = std::fs::read_to_string(dir.join("en/feed.xml")).unwrap();
    assert_eq!(feed.matches("<entry>").count(), p.timeline.events.len());
    assert!(std::fs::read_to_string(dir.join("feed.xml")).unwrap().contains("xml:lang=\"es\""));
    let homes = p.write(&dir, Pages::Homes).unwrap();
    assert_eq!(homes.len(), 2);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Beside each home page, its key-moments view: the home page's body (from
/// the same unfiltered `Start`), the view's head, and its own oEmbed
/// response framing the view.
#[test]
fn writes_the_key_moments_view_beside_each_home_page() {
    let dir = std::env::temp_dir().join(format!("cronologia-key-moments-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let p = prerender();
    p.write(&dir, Pages::Homes).unwrap();
    for (path, lang, view) in [("", Lang::Es, "?key=1"), ("en/", Lang::En, "en/?key=1")] {
        let html = std::fs::read_to_string(dir.join(path).join("key-moments.html")).unwrap();
        let home = p.page(&Page::home(lang)).unwrap();
        let body = |html: &str| html[html.find("<body>").unwrap()..].to_string();
        assert_eq!(body(&html), body(&home), "the home page's body");
        let url = format!("https://example.org/sub/{view}");
        assert!(html.contains(&format!(r#"<link rel="canonical" href="{url}">"#)), "{html:.3000}");
        assert!(html.contains(&format!(r#"<meta property="og:url" content="{url}">"#)));
        assert!(html.contains(&format!(
            "<title>{}</title>",
            escape_text(msg::app_key_moments_document_title(lang))
        )));
        assert!(html.contains(&format!(
            r#"<meta property="og:image" content="https://example.org/sub/previews/{}/key-moments.png">"#,
            lang.code()
        )));
        assert!(html.contains(&format!(
            r#"<meta property="og:image:alt" content="{}">"#,
            key_moments_image(lang).1
        )));
        let oembed_url = format!("https://example.org/sub/{path}key-moments.oembed.json");
        assert!(html.contains(&format!(r#"type="application/json+oembed" href="{oembed_url}""#)));
        assert_eq!(html.matches("<title>").count(), 1);
        let text = std::fs::read_to_string(dir.join(path).join("key-moments.oembed.json")).unwrap();
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!((&json["type"], &json["version"]), (&"rich".into(), &"1.0".into()));
        assert_eq!(json["title"], msg::app_key_moments_document_title(lang));
        let src = format!(r#"src="https://example.org/sub/{view}&amp;embed=1""#);
        assert!(json["html"].as_str().unwrap().contains(&src), "{text}");
        assert!(json["html"].as_str().unwrap().contains(&format!(r#"<a href="{url}">"#)));
        let thumbnail = format!("https://example.org/sub/previews/{}/key-moments.png", lang.code());
        assert_eq!(json["thumbnail_url"], thumbnail.as_str());
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
