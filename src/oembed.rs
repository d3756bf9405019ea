//! oEmbed (<https://oembed.com>): what a CMS receives when an author pastes
//! the link of one of the timeline's pages on a line of its own. WordPress
//! (since 4.4, for any site) and Ghost find the page's
//! `<link rel="alternate" type="application/json+oembed">`, fetch the
//! response it names and put its `html` in the post.
//!
//! The site is static, so each page has its response file beside it,
//! written by the prerendering: `oembed.json` in the page's directory. A
//! consumer's `maxwidth`, `maxheight` and `url` query parameters are
//! ignored (a static host serves the file whatever the query): the frame
//! takes the width it is given and reports its height itself.
//!
//! The `html` is what WordPress keeps from a provider it does not know
//! (`wp_filter_oembed_result`): a `<blockquote>` with a link, then an
//! `<iframe>` with only `src width height frameborder marginwidth
//! marginheight scrolling title`. The blockquote makes WordPress load its
//! resizing script and is what readers see where the frame cannot load.

use serde::Serialize;

use crate::embed::{INITIAL_HEIGHT, escape_attr};

/// How long a consumer may keep a response, in seconds: a day, so that a
/// corrected title reaches posts within one. The frame itself always shows
/// the current data.
pub const CACHE_AGE: u32 = 86_400;
/// The width the response states. The iframe itself is `width="100%"`:
/// it fills the column it is put in, and a CMS that sizes embeds by their
/// aspect ratio (the block editor) finds none to force on it.
pub const WIDTH: u32 = 600;
/// The name of the response file in each page's directory.
pub const FILE: &str = "oembed.json";
/// The discovery link's type.
pub const LINK_TYPE: &str = "application/json+oembed";

/// A preview image of the page (the spec wants all three or none).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Thumbnail {
    #[serde(rename = "thumbnail_url")]
    pub url: String,
    #[serde(rename = "thumbnail_width")]
    pub width: u32,
    #[serde(rename = "thumbnail_height")]
    pub height: u32,
}

/// What one page's response says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Embed<'a> {
    /// The page's title, as its `<title>`.
    pub title: &'a str,
    /// The page's public address.
    pub page_url: &'a str,
    /// The framed page: the page's address with `?embed=1`.
    pub embed_url: &'a str,
    /// The iframe's accessible name, in the page's language.
    pub frame_title: &'a str,
    /// The site's name and address, in the page's language.
    pub provider_name: &'a str,
    pub provider_url: &'a str,
    pub thumbnail: Option<Thumbnail>,
}

/// The response, in the order of the spec's fields.
#[derive(Serialize)]
struct Response<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    version: &'static str,
    title: &'a str,
    provider_name: &'a str,
    provider_url: &'a str,
    cache_age: u32,
    html: String,
    width: u32,
    height: u32,
    #[serde(flatten)]
    thumbnail: Option<&'a Thumbnail>,
}

impl Embed<'_> {
    /// The HTML a consumer puts in the post. Every value is escaped for its
    /// attribute or element.
    pub fn html(&self) -> String {
        format!(
            "<blockquote class=\"wp-embedded-content\"><a href=\"{}\">{}</a></blockquote>\
             <iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{INITIAL_HEIGHT}\" \
             frameborder=\"0\" marginwidth=\"0\" marginheight=\"0\"></iframe>",
            escape_attr(self.page_url),
            escape_attr(self.title),
            escape_attr(self.embed_url),
            escape_attr(self.frame_title),
        )
    }

    /// The response file's text: a `rich` oEmbed 1.0 response, as JSON.
    pub fn json(&self) -> String {
        let response = Response {
            kind: "rich",
            version: "1.0",
            title: self.title,
            provider_name: self.provider_name,
            provider_url: self.provider_url,
            cache_age: CACHE_AGE,
            html: self.html(),
            width: WIDTH,
            height: INITIAL_HEIGHT,
            thumbnail: self.thumbnail.as_ref(),
        };
        serde_json::to_string_pretty(&response).expect("strings and numbers serialize")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn embed() -> Embed<'static> {
        Embed {
            title: "Mérida Initiative · Timeline",
            page_url: "https://example.org/c/en/events/merida-2007/",
            embed_url: "https://example.org/c/en/events/merida-2007/?embed=1",
            frame_title: "Timeline of US–Mexico security cooperation, 2007–2026",
            provider_name: "Mexico and the United States: security cooperation",
            provider_url: "https://example.org/c/en/",
            thumbnail: None,
        }
    }

    #[test]
    fn a_rich_response_with_every_required_field() {
        let json: serde_json::Value = serde_json::from_str(&embed().json()).unwrap();
        assert_eq!(json["type"], "rich");
        assert_eq!(json["version"], "1.0");
        assert_eq!(json["width"], WIDTH);
        assert_eq!(json["height"], INITIAL_HEIGHT);
        assert_eq!(json["cache_age"], CACHE_AGE);
        assert_eq!(json["title"], "Mérida Initiative · Timeline");
        assert_eq!(json["provider_url"], "https://example.org/c/en/");
        assert!(json.get("thumbnail_url").is_none(), "all three thumbnail fields or none");
        assert_eq!(
            json["html"],
            concat!(
                r#"<blockquote class="wp-embedded-content"><a href="https://example.org/c/en/events/merida-2007/">Mérida Initiative · Timeline</a></blockquote>"#,
                r#"<iframe src="https://example.org/c/en/events/merida-2007/?embed=1" title="Timeline of US–Mexico security cooperation, 2007–2026" "#,
                r#"width="100%" height="600" frameborder="0" marginwidth="0" marginheight="0"></iframe>"#,
            )
        );
    }

    #[test]
    fn a_thumbnail_comes_with_its_size() {
        let mut e = embed();
        e.thumbnail =
            Some(Thumbnail { url: "https://example.org/c/p.png".into(), width: 1200, height: 630 });
        let json: serde_json::Value = serde_json::from_str(&e.json()).unwrap();
        assert_eq!(json["thumbnail_url"], "https://example.org/c/p.png");
        assert_eq!(json["thumbnail_width"], 1200);
        assert_eq!(json["thumbnail_height"], 630);
    }

    #[test]
    fn text_from_the_data_stays_text_in_the_html_and_the_json() {
        let mut e = embed();
        e.title = r#"</a><script>alert(1)</script> "q" & <b>"#;
        e.page_url = r#"https://e.org/"><img src=x>"#;
        let html = e.html();
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        assert_eq!(html.matches('<').count(), 6, "blockquote, a, iframe and their ends: {html}");
        let json: serde_json::Value = serde_json::from_str(&e.json()).unwrap();
        assert_eq!(json["title"], r#"</a><script>alert(1)</script> "q" & <b>"#);
        assert_eq!(json["html"], html);
    }
}
