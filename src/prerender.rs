//! Every page, rendered at build time from the same components the browser
//! runs: a home page per language and a page per event and language, each
//! complete without JavaScript, with its own title, description, sharing
//! metadata, preview image (`preview`), structured data (`json_ld`) and
//! links to its twin in the other language; plus an Atom feed per language
//! (`feed`), `sitemap.xml`, `robots.txt` and a `404.html` in both languages.
//!
//! The template is the page Trunk builds (`index.html`, kept as
//! `shell.html`): its `<head>` links the hashed styles and scripts, and its
//! `<div id="app">` receives the rendered page. The browser then takes that
//! markup over (see `browser`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use hydration_context::SsrSharedContext;
use leptos::prelude::*;

use crate::App;
use crate::address::Page;
use crate::data::{Lang, Timeline};
use crate::dates::PartialDate;
use crate::embed::escape_attr;
use crate::format::{format_date, format_record_dates};
use crate::i18n as t;
use crate::meta::{IMAGE_HEIGHT, IMAGE_WIDTH, feed_path, key_moments_image, og_locale, page_meta};
use crate::oembed;
use crate::preview::{Card, Renderer, era_colour};
use crate::state::Start;
use crate::{feed, json_ld};

/// Where and how the site is published.
#[derive(Clone, Debug)]
pub struct Site {
    /// The base path every link starts with, ending in `/` (Trunk's public
    /// URL): `/`, or `/repo/` on a sub-path.
    pub base: String,
    /// The site's public address, ending in `/`, for canonical links, link
    /// previews and the sitemap: `https://example.org/cronologia/`.
    pub url: String,
}

/// Which pages to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pages {
    All,
    /// Only the two home pages (the benchmark's thousands of events).
    Homes,
}

/// Renders `page` to the markup of `<div id="app">`.
pub fn render(timeline: &Arc<Timeline>, page: &Page, base: &str, today: PartialDate) -> String {
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
    let start = Start { page: page.clone(), base: base.to_string(), today };
    let timeline = timeline.clone();
    let html = owner.with(move || view! { <App timeline start then=None /> }.to_html());
    owner.unset();
    // Leptos marks places in the markup with `<!>`, which HTML parses as an
    // empty comment but counts as a parse error; `<!---->` is the same
    // empty comment, written validly. Text from the data cannot contain
    // it: its `<` is escaped.
    html.replace("<!>", "<!---->")
}

/// The prerendered site: the template and what fills it.
pub struct Prerender<'a> {
    pub template: &'a str,
    pub timeline: Arc<Timeline>,
    pub fingerprint: String,
    pub site: Site,
    pub today: PartialDate,
}

impl Prerender<'_> {
    /// Writes every page (or only the home pages) into `dist`, and the
    /// sitemap, robots.txt and 404 page. Returns the pages' paths.
    pub fn write(&self, dist: &Path, pages: Pages) -> std::io::Result<Vec<PathBuf>> {
        let mut written = Vec::new();
        let mut all = vec![Page::home(Lang::Es), Page::home(Lang::En)];
        if pages == Pages::All {
            for lang in Lang::ALL {
                all.extend(self.timeline.events.iter().map(|e| Page::event(lang, &e.id)));
            }
        }
        for page in &all {
            let file = dist.join(page.path()).join("index.html");
            if let Some(dir) = file.parent() {
                std::fs::create_dir_all(dir)?;
            }
            std::fs::write(&file, self.page(page)?)?;
            std::fs::write(file.with_file_name(oembed::FILE), self.oembed(page))?;
            written.push(file);
        }
        self.write_previews(dist, &all)?;
        for lang in Lang::ALL {
            std::fs::write(
                dist.join(feed_path(lang)),
                feed::atom(&self.timeline, lang, &self.site.url),
            )?;
        }
        std::fs::write(dist.join("sitemap.xml"), self.sitemap(&all))?;
        std::fs::write(
            dist.join("robots.txt"),
            format!("User-agent: *\nAllow: /\n\nSitemap: {}sitemap.xml\n", self.site.url),
        )?;
        std::fs::write(dist.join("404.html"), self.not_found())?;
        Ok(written)
    }

    /// The preview image of each page in `pages`, and of each language's
    /// key moments.
    fn write_previews(&self, dist: &Path, pages: &[Page]) -> std::io::Result<()> {
        let renderer = Renderer::new();
        let mut images: Vec<(String, Card)> = pages
            .iter()
            .map(|page| (page_meta(&self.timeline, page).image, self.card(page)))
            .collect();
        for lang in Lang::ALL {
            let mut card = self.card(&Page::home(lang));
            card.title = t::share_card_key_moments(lang).to_string();
            images.push((key_moments_image(lang).0, card));
        }
        for (path, card) in images {
            let png = renderer.png(&card).map_err(std::io::Error::other)?;
            let file = dist.join(path);
            if let Some(dir) = file.parent() {
                std::fs::create_dir_all(dir)?;
            }
            std::fs::write(file, png)?;
        }
        Ok(())
    }

    /// What a page's preview image shows: an event's title, date and era;
    /// a home page's subtitle, the day the record was checked and every
    /// era.
    fn card(&self, page: &Page) -> Card {
        let lang = page.lang;
        let timeline = &self.timeline;
        let event = page.event.as_deref().and_then(|id| timeline.event(id));
        let (title, date, colours) = match event {
            Some(e) => {
                let era = timeline.eras.iter().position(|era| era.id == e.era).unwrap_or(0);
                (
                    e.title.get(lang).to_string(),
                    format_date(lang, e.date, e.end),
                    vec![era_colour(era).to_string()],
                )
            }
            None => (
                t::app_subtitle(lang).to_string(),
                format_record_dates(
                    lang,
                    timeline.newest_fact().unwrap_or(timeline.updated),
                    timeline.updated,
                ),
                (0..timeline.eras.len().max(1)).map(|n| era_colour(n).to_string()).collect(),
            ),
        };
        Card { site: t::app_title(lang).into(), title, date, colours, lang: lang.code() }
    }

    /// One page: the template with the page's language, metadata and
    /// markup; an error when the template has no place for the markup.
    pub fn page(&self, page: &Page) -> std::io::Result<String> {
        let body = render(&self.timeline, page, &self.site.base, self.today);
        // The structured data after the page's content: search engines read
        // it anywhere, and a long record's list then never holds up the
        // first paint, as it would in the `<head>`.
        let app = format!(
            r#"<div id="app" data-fingerprint="{}" data-today="{}">{body}</div>{}"#,
            self.fingerprint,
            self.today,
            json_ld::script(&self.timeline, page, &self.site.url)
        );
        let html = with_lang(self.template, page.lang);
        let html = replace_app(&html, &app)?;
        Ok(insert_head(&html, &self.head(page)))
    }

    /// The page's oEmbed response (see `oembed`): the page in a frame, for
    /// a CMS where an author pasted its link.
    pub fn oembed(&self, page: &Page) -> String {
        let meta = page_meta(&self.timeline, page);
        let page_url = format!("{}{}", self.site.url, meta.path);
        let embed_url = format!("{page_url}?embed=1");
        let provider_url = format!("{}{}", self.site.url, Page::home(page.lang).path());
        oembed::Embed {
            title: &meta.title,
            page_url: &page_url,
            embed_url: &embed_url,
            frame_title: t::embed_iframe_title(page.lang),
            provider_name: t::app_title(page.lang),
            provider_url: &provider_url,
            thumbnail: Some(oembed::Thumbnail {
                url: format!("{}{}", self.site.url, meta.image),
                width: IMAGE_WIDTH,
                height: IMAGE_HEIGHT,
            }),
        }
        .json()
    }

    /// The page's title, description, canonical address, language twins,
    /// oEmbed discovery link, sharing metadata and feed.
    fn head(&self, page: &Page) -> String {
        let meta = page_meta(&self.timeline, page);
        let url = |path: &str| escape_attr(&format!("{}{path}", self.site.url));
        let (title, description) = (escape_attr(&meta.title), escape_attr(&meta.description));
        let image_alt = escape_attr(&meta.image_alt);
        let mut head = format!(
            "<title>{title}</title>\
             <meta name=\"description\" content=\"{description}\">\
             <link rel=\"canonical\" href=\"{}\">\
             <link rel=\"alternate\" type=\"{}\" href=\"{}\" title=\"{title}\">",
            url(&meta.path),
            oembed::LINK_TYPE,
            url(&format!("{}{}", meta.path, oembed::FILE)),
        );
        for (lang, path) in &meta.alternates {
            let _ = write!(
                head,
                "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">",
                lang.code(),
                url(path)
            );
        }
        let home = Page { lang: Lang::Es, event: page.event.clone() };
        let default =
            meta.alternates.iter().find(|(l, _)| *l == home.lang).map_or("", |(_, p)| p.as_str());
        let _ = write!(
            head,
            "<link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\">\
             <meta property=\"og:type\" content=\"{}\">\
             <meta property=\"og:site_name\" content=\"{}\">\
             <meta property=\"og:title\" content=\"{title}\">\
             <meta property=\"og:description\" content=\"{description}\">\
             <meta property=\"og:url\" content=\"{}\">\
             <meta property=\"og:locale\" content=\"{}\">\
             <meta property=\"og:locale:alternate\" content=\"{}\">\
             <meta property=\"og:image\" content=\"{}\">\
             <meta property=\"og:image:type\" content=\"image/png\">\
             <meta property=\"og:image:width\" content=\"{IMAGE_WIDTH}\">\
             <meta property=\"og:image:height\" content=\"{IMAGE_HEIGHT}\">\
             <meta property=\"og:image:alt\" content=\"{image_alt}\">\
             <meta name=\"twitter:card\" content=\"summary_large_image\">\
             <meta name=\"twitter:title\" content=\"{title}\">\
             <meta name=\"twitter:description\" content=\"{description}\">\
             <meta name=\"twitter:image:alt\" content=\"{image_alt}\">\
             <link rel=\"alternate\" type=\"application/atom+xml\" title=\"{}\" href=\"{}\">",
            url(default),
            if meta.is_event { "article" } else { "website" },
            escape_attr(t::app_title(page.lang)),
            url(&meta.path),
            og_locale(page.lang),
            og_locale(page.lang.other()),
            url(&meta.image),
            escape_attr(t::feed_title(page.lang)),
            url(&feed_path(page.lang)),
        );
        head
    }

    fn sitemap(&self, pages: &[Page]) -> String {
        let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
        );
        for page in pages {
            let _ = writeln!(
                xml,
                "  <url>\n    <loc>{}</loc>",
                escape_attr(&format!("{}{}", self.site.url, page.path()))
            );
            for lang in Lang::ALL {
                let twin = Page { lang, event: page.event.clone() };
                let _ = writeln!(
                    xml,
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                    lang.code(),
                    escape_attr(&format!("{}{}", self.site.url, twin.path()))
                );
            }
            xml.push_str("  </url>\n");
        }
        xml.push_str("</urlset>\n");
        xml
    }

    /// A page for addresses that do not exist, in both languages, with
    /// links to both home pages. It runs no script: there is nothing to
    /// take over.
    fn not_found(&self) -> String {
        let styles = stylesheets(self.template);
        let base = escape_attr(&self.site.base);
        let mut body = String::new();
        for lang in Lang::ALL {
            let _ = write!(
                body,
                "<section lang=\"{}\"><h1>{}</h1><p>{}</p><p><a href=\"{base}{}\">{}</a></p></section>",
                lang.code(),
                escape_text(t::not_found_title(lang)),
                escape_text(t::not_found_message(lang)),
                Page::home(lang).path(),
                escape_text(t::not_found_home(lang)),
            );
        }
        format!(
            "<!doctype html><html lang=\"es\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <meta name=\"robots\" content=\"noindex\">\
             <title>{} · {}</title>{styles}</head>\
             <body class=\"not-found-page\"><main>{body}</main></body></html>",
            escape_text(t::not_found_title(Lang::Es)),
            escape_text(t::not_found_title(Lang::En)),
        )
    }
}

/// The template as the app's page without content (`shell.html`): with
/// its `<head>` start tag, so that it is valid HTML too. The browser
/// renders the app into it afresh.
pub fn shell(template: &str) -> String {
    with_lang(template, Lang::Es)
}

/// Escapes text for an HTML element.
fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The template with `<html lang>` set to `lang`, and its `<head>` start
/// tag, which the minifier leaves out (browsers imply it; validators
/// want it, since `</head>` stays).
fn with_lang(template: &str, lang: Lang) -> String {
    let Some(start) = template.find("<html") else { return template.to_string() };
    let Some(len) = template[start..].find('>') else { return template.to_string() };
    let rest = &template[start + len + 1..];
    let head = if rest.trim_start().starts_with("<head") { "" } else { "<head>" };
    format!("{}<html lang=\"{}\">{head}{rest}", &template[..start], lang.code())
}

/// The template with its `<title>` replaced by `head`'s tags, which go at
/// the end of `<head>`.
fn insert_head(template: &str, head: &str) -> String {
    let mut html = template.to_string();
    if let (Some(a), Some(b)) = (html.find("<title>"), html.find("</title>")) {
        html.replace_range(a..b + "</title>".len(), "");
    }
    match html.find("</head>") {
        Some(i) => {
            html.insert_str(i, head);
            html
        }
        None => html,
    }
}

/// The template with its empty `<div id="app"></div>` (quoted or not, as
/// the minifier leaves it) replaced by `app`. Without one, an error: the
/// page would ship empty.
fn replace_app(template: &str, app: &str) -> std::io::Result<String> {
    for empty in [r#"<div id="app"></div>"#, "<div id=app></div>"] {
        if let Some(i) = template.find(empty) {
            return Ok(format!("{}{app}{}", &template[..i], &template[i + empty.len()..]));
        }
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::InvalidData,
        r#"the page template (index.html, kept as shell.html) has no empty <div id="app"></div> to render the pages into"#,
    ))
}

/// The template's stylesheet links, for the 404 page.
fn stylesheets(template: &str) -> String {
    let mut links = String::new();
    let mut rest = template;
    while let Some(i) = rest.find("<link") {
        let tag_end = rest[i..].find('>').map_or(rest.len(), |e| i + e + 1);
        let tag = &rest[i..tag_end];
        if tag.contains("stylesheet") {
            links.push_str(tag);
        }
        rest = &rest[tag_end..];
    }
    links
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{fingerprint, parse};

    const TEMPLATE: &str = "<!doctype html><html lang=es><head><meta charset=utf-8><base href=/sub/><title>Shell</title><link rel=stylesheet href=/sub/style-0123456789abcdef.css></head><body><div id=app></div></body></html>";

    fn prerender() -> Prerender<'static> {
        let text = include_str!("../tests/fixtures/small.json");
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
        assert!(html.contains(
            r#"<meta property="og:description" content="A new paradigm of cooperation.">"#
        ));
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
            html.contains(
                "con el título «&lt;img src=x onerror=alert(1)&gt; &amp; &quot;co&quot;»"
            )
        );
        assert!(
            html.contains(r#""headline":"\u003cimg src=x onerror=alert(1)\u003e \u0026 \"co\"""#)
        );
        let oembed: serde_json::Value =
            serde_json::from_str(&p.oembed(&Page::event(Lang::Es, &id))).unwrap();
        assert!(
            oembed["title"].as_str().unwrap().contains("<img src=x onerror=alert(1)> & \"co\"")
        );
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
            let provider = if lang == "en" {
                "https://example.org/sub/en/"
            } else {
                "https://example.org/sub/"
            };
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
}
