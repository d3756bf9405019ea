//! What a page tells search engines and link previews: its title, its
//! description, its address and its twin in the other language. The
//! prerendering writes these into each page's `<head>`; the browser keeps
//! the title and language in step as the reader moves between pages.

use crate::address::{Page, encode};
use crate::data::{Lang, Timeline};
use crate::format::format_date;
use crate::i18n as t;

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
}

/// The preview images' size, in pixels.
pub const IMAGE_WIDTH: u32 = 1200;
pub const IMAGE_HEIGHT: u32 = 630;

/// The metadata of `page`. An event page whose event does not exist gets
/// the home page's.
pub fn page_meta(timeline: &Timeline, page: &Page) -> PageMeta {
    let lang = page.lang;
    let event = page.event.as_deref().and_then(|id| timeline.event(id));
    let (title, description, image, image_alt) = match event {
        Some(e) => (
            t::app_event_document_title(lang, e.title.get(lang)),
            e.summary.get(lang).to_string(),
            event_image(lang, &e.id),
            t::share_image_alt_event(lang, e.title.get(lang), &format_date(lang, e.date, e.end)),
        ),
        None => (
            t::app_document_title(lang).to_string(),
            t::app_meta_description(lang).to_string(),
            home_image(lang),
            t::share_image_alt_home(lang).to_string(),
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
        path: page.path(),
        alternates,
        is_event: event.is_some(),
        image,
        image_alt,
    }
}

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
    (format!("previews/{}/key-moments.png", lang.code()), t::share_image_alt_key_moments(lang))
}

/// Open Graph's name for a language's locale.
pub fn og_locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Es => "es_MX",
        Lang::En => "en_US",
    }
}

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
        assert_eq!(home.title, t::app_document_title(Lang::Es));
        assert_eq!(home.path, "");
        assert!(!home.is_event);
        assert_eq!(home.image, "previews/es/home.png");
        assert_eq!(key_moments_image(Lang::En).0, "previews/en/key-moments.png");
        assert_eq!(page_meta(&t, &Page::event(Lang::Es, "no-such-event")), home);
    }
}
