//! What a page tells search engines and link previews: its title, its
//! description, its address and its twin in the other language, and the
//! whole `<head>` made of them ([`head`]). The prerendering writes that head
//! into each page; the browser applies the same head to the live document
//! as the reader moves between pages, so the two cannot drift apart.

use std::fmt::Write as _;

use crate::address::{Address, Page, View, encode};
use crate::data::{Lang, Timeline};
use crate::format::format_date;
use crate::i18n as msg;
use crate::oembed;
use crate::timeline::Filter;

/// The metadata of one page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageMeta {
    pub title: String,
    pub description: String,
    /// The page's path, relative to the site's address.
    pub path: String,
    /// Every language's version of the page, this one included.
    pub alternates: Vec<(Lang, String)>,
    /// Whether the page is one event's (an article) or a home page.
    pub is_event: bool,
    /// Its preview image (`og:image`), relative to the site's address,
    /// and the image's description.
    pub image: String,
    pub image_alt: String,
    /// Its oEmbed response, relative to the site's address.
    pub oembed: String,
}

/// The preview images' size, in pixels.
pub const IMAGE_WIDTH: u32 = 1200;
pub const IMAGE_HEIGHT: u32 = 630;

/// The metadata of `page`. An event page whose event does not exist gets
/// the home page's.
pub fn page_meta(timeline: &Timeline, page: &Page) -> PageMeta {
    view_meta(timeline, page, false)
}

/// The metadata of `page` in the key-moments view (`?key=1`) when
/// `key_moments` is on: a home page's then has its own title, address,
/// image and oEmbed response; an event page's stays the event's.
pub fn view_meta(timeline: &Timeline, page: &Page, key_moments: bool) -> PageMeta {
    let lang = page.lang;
    let event = page.event.as_deref().and_then(|id| timeline.event(id));
    if event.is_none() && key_moments {
        return key_moments_meta(lang);
    }
    let (title, description, image, image_alt) = match event {
        Some(e) => (
            msg::app_event_document_title(lang, e.title.get(lang)),
            e.summary.get(lang).to_string(),
            event_image(lang, &e.id),
            msg::share_image_alt_event(lang, e.title.get(lang), &format_date(lang, e.date, e.end)),
        ),
        None => (
            msg::app_document_title(lang).to_string(),
            msg::app_meta_description(lang).to_string(),
            home_image(lang),
            msg::share_image_alt_home(lang).to_string(),
        ),
    };
    let page = if event.is_some() { page.clone() } else { Page::home(lang) };
    let alternates = Lang::ALL
        .iter()
        .map(|&l| (l, Page { lang: l, event: page.event.clone() }.path()))
        .collect();
    PageMeta {
        title,
        description,
        oembed: format!("{}{}", page.path(), oembed::FILE),
        path: page.path(),
        alternates,
        is_event: event.is_some(),
        image,
        image_alt,
    }
}

/// A home page's key-moments view: its address is the one `address`
/// writes for it, and its oEmbed response sits beside the home page's.
fn key_moments_meta(lang: Lang) -> PageMeta {
    let (image, image_alt) = key_moments_image(lang);
    PageMeta {
        title: msg::app_key_moments_document_title(lang).to_string(),
        description: msg::app_key_moments_meta_description(lang).to_string(),
        path: key_moments_path(lang),
        alternates: Lang::ALL.iter().map(|&l| (l, key_moments_path(l))).collect(),
        is_event: false,
        image,
        image_alt: image_alt.to_string(),
        oembed: format!("{}{KEY_MOMENTS_OEMBED}", Page::home(lang).path()),
    }
}

/// The key-moments view's address, relative to the site's address.
pub fn key_moments_path(lang: Lang) -> String {
    key_moments_address(lang, false).href()
}

/// The key-moments view of `lang`'s home page, framed or not.
pub fn key_moments_address(lang: Lang, embed: bool) -> Address {
    let filter = Filter { key: true, ..Filter::default() };
    Address { page: Page::home(lang), view: View { filter, embed, child_id: None } }
}

/// The prerendered key-moments page, and its oEmbed response, beside each
/// home page: a static host serves the file for `?key=1`.
pub const KEY_MOMENTS_FILE: &str = "key-moments.html";
pub const KEY_MOMENTS_OEMBED: &str = "key-moments.oembed.json";

/// The Atom feed of a language (`crate::feed`), relative to the site's
/// address: beside its home page.
pub fn feed_path(lang: Lang) -> String {
    format!("{}feed.xml", Page::home(lang).path())
}

/// The preview image of an event's page, relative to the site's address.
pub fn event_image(lang: Lang, id: &str) -> String {
    format!("previews/{}/events/{}.png", lang.code(), encode(id))
}

/// The preview image of a home page.
pub fn home_image(lang: Lang) -> String {
    format!("previews/{}/home.png", lang.code())
}

/// The preview image of the key moments (a home page's `?key=1` view),
/// and its description.
pub fn key_moments_image(lang: Lang) -> (String, &'static str) {
    (format!("previews/{}/key-moments.png", lang.code()), msg::share_image_alt_key_moments(lang))
}

/// Open Graph's name for a language's locale.
pub fn og_locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Es => "es_MX",
        Lang::En => "en_US",
    }
}

/// A page's `<head>` as data: the document's language and title, and its
/// tags. The prerendering serialises it; the browser finds each tag by its
/// key and sets its attributes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Head {
    pub lang: Lang,
    pub title: String,
    pub tags: Vec<Tag>,
}

/// One `<meta>` or `<link>` of the head.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tag {
    pub element: &'static str,
    /// In the order they are written.
    pub attrs: Vec<(&'static str, String)>,
    /// How many of the first attributes identify the tag in a head.
    key: usize,
}

impl Tag {
    /// A tag whose first `key` attributes identify it. The attributes are
    /// borrowed here and copied once, so that building a head stays small
    /// code in the browser.
    fn new(element: &'static str, key: usize, attrs: &[(&'static str, &str)]) -> Self {
        let attrs = attrs.iter().map(|&(name, value)| (name, value.to_string())).collect();
        Self { element, attrs, key }
    }

    /// The CSS selector that finds the tag in a head. Keys are names and
    /// types, never text from the data, so they need no escaping.
    pub fn selector(&self) -> String {
        let mut selector = self.element.to_string();
        for (name, value) in &self.attrs[..self.key] {
            let _ = write!(selector, "[{name}=\"{value}\"]");
        }
        selector
    }
}

/// The head of `page` (in the key-moments view when `key_moments` is on),
/// with absolute addresses under `site`, the site's address ending in `/`.
pub fn head(timeline: &Timeline, page: &Page, key_moments: bool, site: &str) -> Head {
    let meta = view_meta(timeline, page, key_moments);
    let lang = page.lang;
    let url = |path: &str| format!("{site}{path}");
    let (path, image) = (url(&meta.path), url(&meta.image));
    let (title, description, alt) = (&*meta.title, &*meta.description, &*meta.image_alt);
    let link = |key: usize, attrs: &[(&'static str, &str)]| Tag::new("link", key, attrs);
    let named =
        |name: &str, content: &str| Tag::new("meta", 1, &[("name", name), ("content", content)]);
    let og = |name: &str, content: &str| {
        Tag::new("meta", 1, &[("property", name), ("content", content)])
    };
    let mut tags = vec![
        named("description", description),
        link(1, &[("rel", "canonical"), ("href", &path)]),
        link(
            2,
            &[
                ("rel", "alternate"),
                ("type", oembed::LINK_TYPE),
                ("href", &url(&meta.oembed)),
                ("title", title),
            ],
        ),
    ];
    let default = meta.alternates.iter().find(|(l, _)| *l == Lang::Es);
    let twins = meta.alternates.iter().map(|(l, path)| (l.code(), path));
    for (code, twin) in twins.chain(default.map(|(_, path)| ("x-default", path))) {
        tags.push(link(2, &[("rel", "alternate"), ("hreflang", code), ("href", &url(twin))]));
    }
    tags.extend([
        og("og:type", if meta.is_event { "article" } else { "website" }),
        og("og:site_name", msg::app_title(lang)),
        og("og:title", title),
        og("og:description", description),
        og("og:url", &path),
        og("og:locale", og_locale(lang)),
        og("og:locale:alternate", og_locale(lang.other())),
        og("og:image", &image),
        og("og:image:type", "image/png"),
        og("og:image:width", &IMAGE_WIDTH.to_string()),
        og("og:image:height", &IMAGE_HEIGHT.to_string()),
        og("og:image:alt", alt),
        named("twitter:card", "summary_large_image"),
        named("twitter:title", title),
        named("twitter:description", description),
        named("twitter:image:alt", alt),
        link(
            2,
            &[
                ("rel", "alternate"),
                ("type", FEED_TYPE),
                ("title", msg::feed_title(lang)),
                ("href", &url(&feed_path(lang))),
            ],
        ),
    ]);
    Head { lang, title: meta.title, tags }
}

/// The Atom feed's type, in its discovery link.
pub const FEED_TYPE: &str = "application/atom+xml";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::parse;

    #[test]
    fn event_pages_carry_their_event() {
        let t = parse(include_str!("../tests/fixtures/small.json")).unwrap();
        let m = page_meta(&t, &Page::event(Lang::En, "merida-2007"));
        assert!(m.title.contains("Joint statement on the Mérida Initiative"), "{}", m.title);
        assert_eq!(m.description, "A new paradigm of cooperation.");
        assert_eq!(m.path, "en/events/merida-2007/");
        assert_eq!(
            m.alternates,
            [
                (Lang::Es, "eventos/merida-2007/".to_string()),
                (Lang::En, "en/events/merida-2007/".to_string())
            ]
        );
        assert!(m.is_event);
        assert_eq!(m.image, "previews/en/events/merida-2007.png");
        assert_eq!(
            m.image_alt,
            "Card from the Mexico–United States timeline with the title “Joint statement on the Mérida Initiative” and the date October 22, 2007"
        );
        let es = page_meta(&t, &Page::event(Lang::Es, "merida-2007"));
        assert_eq!(es.image, "previews/es/events/merida-2007.png");
        assert!(
            es.image_alt.contains(
                "«Declaración conjunta sobre la Iniciativa Mérida» y la fecha 22 de octubre de 2007"
            ),
            "{}",
            es.image_alt
        );
    }

    #[test]
    fn home_pages_and_missing_events_carry_the_timeline() {
        let t = parse(include_str!("../tests/fixtures/small.json")).unwrap();
        let home = page_meta(&t, &Page::home(Lang::Es));
        assert_eq!(home.title, msg::app_document_title(Lang::Es));
        assert_eq!(home.path, "");
        assert!(!home.is_event);
        assert_eq!(home.image, "previews/es/home.png");
        assert_eq!(key_moments_image(Lang::En).0, "previews/en/key-moments.png");
        assert_eq!(page_meta(&t, &Page::event(Lang::Es, "no-such-event")), home);
    }

    #[test]
    fn a_head_has_one_tag_per_key_each_found_by_its_key() {
        let t = parse(include_str!("../tests/fixtures/small.json")).unwrap();
        let site = "https://example.org/c/";
        for page in [Page::home(Lang::Es), Page::event(Lang::En, "merida-2007")] {
            for key_moments in [false, true] {
                let head = head(&t, &page, key_moments, site);
                let mut keys: Vec<_> = head.tags.iter().map(Tag::selector).collect();
                keys.sort();
                keys.dedup();
                assert_eq!(keys.len(), head.tags.len(), "{keys:?}");
                for tag in &head.tags {
                    // The key names the tag's own attributes, and not all.
                    let selector = tag.selector();
                    let mut parts = selector.trim_end_matches(']').split('[');
                    assert_eq!(parts.next(), Some(tag.element));
                    for part in parts {
                        let (name, value) = part.trim_end_matches(']').split_once('=').unwrap();
                        let value = value.trim_matches('"');
                        assert!(tag.attrs.iter().any(|(n, v)| *n == name && v == value), "{tag:?}");
                    }
                    assert!(tag.key >= 1 && tag.key < tag.attrs.len(), "{tag:?}");
                }
            }
        }
    }

    fn attr<'a>(head: &'a Head, selector: &str, name: &str) -> &'a str {
        let tag = head.tags.iter().find(|t| t.selector() == selector).expect(selector);
        &tag.attrs.iter().find(|(n, _)| *n == name).expect(name).1
    }

    #[test]
    fn the_key_moments_view_of_a_home_page_has_its_own_head() {
        let t = parse(include_str!("../tests/fixtures/small.json")).unwrap();
        let site = "https://example.org/c/";
        let en = head(&t, &Page::home(Lang::En), true, site);
        assert_eq!(en.title, msg::app_key_moments_document_title(Lang::En));
        assert_eq!(
            attr(&en, r#"link[rel="canonical"]"#, "href"),
            "https://example.org/c/en/?key=1"
        );
        assert_eq!(
            attr(&en, r#"meta[property="og:url"]"#, "content"),
            "https://example.org/c/en/?key=1"
        );
        assert_eq!(
            attr(&en, r#"link[rel="alternate"][hreflang="es"]"#, "href"),
            "https://example.org/c/?key=1"
        );
        assert_eq!(
            attr(&en, r#"link[rel="alternate"][hreflang="x-default"]"#, "href"),
            "https://example.org/c/?key=1"
        );
        assert_eq!(
            attr(&en, r#"meta[property="og:image"]"#, "content"),
            "https://example.org/c/previews/en/key-moments.png"
        );
        assert_eq!(
            attr(&en, r#"meta[property="og:image:alt"]"#, "content"),
            msg::share_image_alt_key_moments(Lang::En)
        );
        assert_eq!(
            attr(&en, r#"link[rel="alternate"][type="application/json+oembed"]"#, "href"),
            "https://example.org/c/en/key-moments.oembed.json"
        );
        assert_eq!(
            attr(&en, r#"meta[name="description"]"#, "content"),
            msg::app_key_moments_meta_description(Lang::En)
        );
        // An event's page keeps its own head in the view; the home page's
        // differs from its view's.
        let event = Page::event(Lang::Es, "merida-2007");
        assert_eq!(head(&t, &event, true, site), head(&t, &event, false, site));
        let home = head(&t, &Page::home(Lang::En), false, site);
        assert_eq!(attr(&home, r#"link[rel="canonical"]"#, "href"), "https://example.org/c/en/");
        assert_ne!(home.title, en.title);
    }
}
