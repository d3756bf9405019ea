//! Every page, rendered at build time from the same components the browser
//! runs: a home page per language and a page per event and language, each
//! complete without JavaScript, with its own head (`meta::head`), preview
//! image (`preview`), structured data (`json_ld`) and oEmbed response; the
//! key-moments view of each home page; plus an Atom feed per language
//! (`feed`), `sitemap.xml`, `robots.txt` and a `404.html` in both languages
//! (`files`).
//!
//! The template is the page Trunk builds (`index.html`, kept as
//! `shell.html`): its `<head>` links the hashed styles and scripts, and its
//! `<div id="app">` receives the rendered page (`html`). The browser then
//! takes that markup over (see `browser`).

mod files;
mod html;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use hydration_context::SsrSharedContext;
use leptos::prelude::*;

use crate::address::Page;
use crate::data::{Lang, Timeline};
use crate::dates::PartialDate;
use crate::i18n as msg;
use crate::meta::{
    IMAGE_HEIGHT, IMAGE_WIDTH, KEY_MOMENTS_FILE, head, key_moments_address, view_meta,
};
use crate::oembed;
use crate::state::Start;
use crate::{App, DATA_FILE, json_ld};

pub use html::shell;
use html::{escape_attr, head_html, insert_head, replace_app, with_lang};

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
    let html = owner.with(move || view! { <App timeline start /> }.to_html());
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
    /// Writes every page (or only the home pages) into `dist`, with their
    /// oEmbed responses, each home page's key-moments view, and the rest
    /// (`write_files`). Returns the pages' paths.
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
        for lang in Lang::ALL {
            let home = Page::home(lang);
            let meta = view_meta(&self.timeline, &home, true);
            std::fs::write(dist.join(home.path()).join(KEY_MOMENTS_FILE), self.html(&home, true)?)?;
            std::fs::write(dist.join(meta.oembed), self.view_oembed(&home, true))?;
        }
        self.write_files(dist, &all)?;
        Ok(written)
    }

    /// One page: the template with the page's language, head and markup;
    /// an error when the template has no place for the markup.
    pub fn page(&self, page: &Page) -> std::io::Result<String> {
        self.html(page, false)
    }

    /// A page in the key-moments view (`key_moments`) or not. Both views
    /// have the same body, rendered from the same unfiltered `Start` the
    /// browser hydrates; only the head differs.
    fn html(&self, page: &Page, key_moments: bool) -> std::io::Result<String> {
        let body = render(&self.timeline, page, &self.site.base, self.today);
        // The structured data after the page's content: search engines read
        // it anywhere, and a long record's list then never holds up the
        // first paint, as it would in the `<head>`. `data-events` names the
        // data file for `boot.js`, which preloads it.
        let app = format!(
            r#"<div id="app" data-fingerprint="{}" data-today="{}" data-events="{}">{body}</div>{}"#,
            self.fingerprint,
            self.today,
            escape_attr(DATA_FILE),
            json_ld::script(&self.timeline, page, &self.site.url)
        );
        let html = with_lang(self.template, page.lang);
        let html = replace_app(&html, &app)?;
        let head = head(&self.timeline, page, key_moments, &self.site.url);
        Ok(insert_head(&html, &head_html(&head)))
    }

    /// The page's oEmbed response (see `oembed`): the page in a frame, for
    /// a CMS where an author pasted its link.
    pub fn oembed(&self, page: &Page) -> String {
        self.view_oembed(page, false)
    }

    /// The oEmbed response of a page, or of its key-moments view.
    fn view_oembed(&self, page: &Page, key_moments: bool) -> String {
        let meta = view_meta(&self.timeline, page, key_moments);
        let page_url = format!("{}{}", self.site.url, meta.path);
        let embed_url = if key_moments && page.event.is_none() {
            format!("{}{}", self.site.url, key_moments_address(page.lang, true).href())
        } else {
            format!("{page_url}?embed=1")
        };
        let provider_url = format!("{}{}", self.site.url, Page::home(page.lang).path());
        oembed::Embed {
            title: &meta.title,
            page_url: &page_url,
            embed_url: &embed_url,
            frame_title: msg::embed_iframe_title(page.lang),
            provider_name: msg::app_title(page.lang),
            provider_url: &provider_url,
            thumbnail: Some(oembed::Thumbnail {
                url: format!("{}{}", self.site.url, meta.image),
                width: IMAGE_WIDTH,
                height: IMAGE_HEIGHT,
            }),
        }
        .json()
    }
}
