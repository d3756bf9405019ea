//! The files beside the pages: preview images, feeds, the sitemap,
//! robots.txt and the 404 page.

use std::fmt::Write as _;
use std::path::Path;

use super::Prerender;
use super::html::{escape_attr, escape_text, stylesheets};
use crate::address::Page;
use crate::data::Lang;
use crate::feed;
use crate::format::{format_date, format_record_dates};
use crate::i18n as msg;
use crate::meta::{feed_path, key_moments_image, page_meta};
use crate::preview::{Card, Renderer, era_colour};

impl Prerender<'_> {
    /// Everything but the pages: each page's preview image, the feeds, the
    /// sitemap of `pages`, robots.txt and the 404 page.
    pub(super) fn write_files(&self, dist: &Path, pages: &[Page]) -> std::io::Result<()> {
        self.write_previews(dist, pages)?;
        for lang in Lang::ALL {
            std::fs::write(
                dist.join(feed_path(lang)),
                feed::atom(&self.timeline, lang, &self.site.url),
            )?;
        }
        std::fs::write(dist.join("sitemap.xml"), self.sitemap(pages))?;
        std::fs::write(
            dist.join("robots.txt"),
            format!("User-agent: *\nAllow: /\n\nSitemap: {}sitemap.xml\n", self.site.url),
        )?;
        std::fs::write(dist.join("404.html"), self.not_found())
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
            card.title = msg::share_card_key_moments(lang).to_string();
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
                msg::app_subtitle(lang).to_string(),
                format_record_dates(
                    lang,
                    timeline.newest_fact().unwrap_or(timeline.updated),
                    timeline.updated,
                ),
                (0..timeline.eras.len().max(1)).map(|n| era_colour(n).to_string()).collect(),
            ),
        };
        Card { site: msg::app_title(lang).into(), title, date, colours, lang: lang.code() }
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
                escape_text(msg::not_found_title(lang)),
                escape_text(msg::not_found_message(lang)),
                Page::home(lang).path(),
                escape_text(msg::not_found_home(lang)),
            );
        }
        format!(
            "<!doctype html><html lang=\"es\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <meta name=\"robots\" content=\"noindex\">\
             <title>{} · {}</title>{styles}</head>\
             <body class=\"not-found-page\"><main>{body}</main></body></html>",
            escape_text(msg::not_found_title(Lang::Es)),
            escape_text(msg::not_found_title(Lang::En)),
        )
    }
}
