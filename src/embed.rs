//! Embedding the timeline in other sites: the height messages a framed
//! timeline sends to its host, the links out of the frame, and the HTML
//! snippet the embed code generator offers. Plain Rust, tested natively;
//! the browser glue is in `browser/frame.rs` and the embed generator's
//! components.
//!
//! The host side is `public/embed.js`, which accepts only [`amp_message`]
//! objects from the frames it placed. pym.js hosts get [`pym_message`];
//! WordPress, which frames a pasted link (see `oembed`), gets
//! [`wordpress_message`]s.

use std::fmt::Write;

use crate::address::{Address, Page, View};
use crate::data::Lang;
use crate::timeline::Filter;

/// Tallest height reported or accepted, in CSS pixels; `embed.js` clamps to
/// the same value.
pub const MAX_HEIGHT: u32 = 20_000;
/// The height a snippet gives its iframe before the first report, and the
/// preview's height in automatic mode.
pub const INITIAL_HEIGHT: u32 = 600;
/// The range of fixed heights the generator accepts.
pub const MIN_FIXED_HEIGHT: u32 = 200;
pub const MAX_FIXED_HEIGHT: u32 = 5_000;

/// The AMP `embed-size` request, as JSON text: `{"sentinel":"amp",
/// "type":"embed-size","height":N}`. AMP's `amp-iframe`, `embed.js` and
/// many CMS embed blocks understand it.
pub fn amp_message(height: u32) -> String {
    format!(r#"{{"sentinel":"amp","type":"embed-size","height":{height}}}"#)
}

/// pym.js's height message for the child frame `id` (the host's `childId`,
/// which the address only keeps when it is made of `[A-Za-z0-9_-]`).
pub fn pym_message(id: &str, height: u32) -> String {
    format!("pymxPYMx{id}xPYMxheightxPYMx{height}")
}

/// The secret WordPress gives the frame it makes from an oEmbed response,
/// in the fragment of its `src` (`#?secret=<letters and digits>`): its
/// messages must carry it. `None` for any other fragment.
pub fn wordpress_secret(hash: &str) -> Option<String> {
    let secret = hash.strip_prefix("#?secret=")?;
    let secret = secret.split('&').next().unwrap_or_default();
    (!secret.is_empty() && secret.len() <= 64 && secret.bytes().all(|b| b.is_ascii_alphanumeric()))
        .then(|| secret.to_string())
}

/// A message to WordPress's `wp-embed.js` about the frame with `secret`:
/// `height` (a number) or `link` (an address, which WordPress opens in the
/// whole window when it is on the frame's own host), as JSON text.
pub fn wordpress_message(secret: &str, message: WordPress) -> String {
    let (kind, value) = match message {
        WordPress::Height(height) => ("height", serde_json::Value::from(height)),
        WordPress::Link(url) => ("link", serde_json::Value::from(url)),
    };
    serde_json::json!({ "secret": secret, "message": kind, "value": value }).to_string()
}

/// What a frame tells WordPress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WordPress {
    Height(u32),
    Link(String),
}

/// Where a link followed in WordPress's frame should lead. The frame may
/// not open windows (its sandbox lacks `allow-popups`) nor move the page
/// itself: WordPress opens an address for it, in the whole window, only
/// when it is on the frame's own host.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FramedLink {
    /// Followed inside the frame: the timeline's own pages.
    Stay,
    /// Asked of WordPress, which opens it in the whole window.
    Top(String),
}

/// How to follow `href` (absolute) clicked in WordPress's frame. `own_host`
/// is the frame's `host`; `new_tab` says the link opens elsewhere
/// (`target="_blank"`); `full_page` is the page shown, outside the frame.
/// A link to another site (a source) cannot be opened from the frame, so
/// it leads to the full page, where the same link opens normally.
pub fn framed_link(href: &str, own_host: &str, new_tab: bool, full_page: &str) -> FramedLink {
    let host =
        href.split_once("://").map(|(_, rest)| rest.split(['/', '?', '#']).next().unwrap_or(""));
    match host {
        Some(host) if host.eq_ignore_ascii_case(own_host) => {
            if new_tab {
                FramedLink::Top(href.to_string())
            } else {
                FramedLink::Stay
            }
        }
        Some(_) => FramedLink::Top(full_page.to_string()),
        // `mailto:`, `javascript:` and the like: nothing to open.
        None => FramedLink::Stay,
    }
}

/// Remembers the last height sent, so that a frame reports only changes.
#[derive(Debug, Default)]
pub struct HeightReport {
    last: Option<u32>,
}

impl HeightReport {
    /// The height to report for a measured one (CSS pixels, rounded up and
    /// clamped), or `None` when it is unchanged or not a real height.
    pub fn changed(&mut self, measured: f64) -> Option<u32> {
        if !measured.is_finite() || measured <= 0.0 {
            return None;
        }
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // clamped first
        let height = measured.ceil().min(f64::from(MAX_HEIGHT)) as u32;
        (self.last != Some(height)).then(|| {
            self.last = Some(height);
            height
        })
    }

    /// The last height reported, for a host that asks again.
    pub fn last(&self) -> Option<u32> {
        self.last
    }
}

/// The absolute link to one event's page, in `lang`. `site` is the
/// site's address, ending in `/`, e.g. `https://example.org/cronologia/`.
pub fn event_link(site: &str, lang: Lang, id: &str) -> String {
    format!("{site}{}", Page::event(lang, id).path())
}

/// Where `embed.js` lives: at the top of the site.
pub fn script_url(site: &str) -> String {
    format!("{site}embed.js")
}

/// How tall the embedded iframe is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Height {
    /// Follows the timeline's content, with `embed.js`.
    Auto,
    /// A fixed number of CSS pixels; the timeline scrolls inside.
    Fixed(u32),
}

impl Height {
    /// Reads the generator's pixel field: digits only, clamped to the range
    /// a page can use; anything else is `None`.
    pub fn parse_fixed(text: &str) -> Option<Self> {
        let n: u64 = text.trim().parse().ok()?;
        let n = u32::try_from(n).unwrap_or(u32::MAX);
        Some(Self::Fixed(n.clamp(MIN_FIXED_HEIGHT, MAX_FIXED_HEIGHT)))
    }

    /// The iframe's `height` attribute: the fixed height, or the initial one.
    pub fn pixels(self) -> u32 {
        match self {
            Self::Auto => INITIAL_HEIGHT,
            Self::Fixed(n) => n,
        }
    }
}

/// What a newsroom chose in the embed code generator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbedOptions {
    pub lang: Lang,
    /// The event open when the timeline loads.
    pub event: Option<String>,
    pub topics: Vec<String>,
    pub height: Height,
}

impl EmbedOptions {
    /// The link to paste where a CMS turns links into embeds (oEmbed:
    /// WordPress, Ghost): the page of this language and event. Its
    /// response file is per page, so topics and height need the code.
    pub fn link(&self, site: &str) -> String {
        format!("{site}{}", Page { lang: self.lang, event: self.event.clone() }.path())
    }

    /// The iframe's `src`: the page of this language and event, with these
    /// topics and `embed=1`.
    pub fn src(&self, site: &str) -> String {
        let address = Address {
            page: Page { lang: self.lang, event: self.event.clone() },
            view: View {
                filter: Filter { topics: self.topics.clone(), ..Filter::default() },
                embed: true,
                child_id: None,
            },
        };
        format!("{site}{}", address.href())
    }

    /// The HTML a newsroom pastes into its article. `title` names the
    /// iframe for screen readers, in the chosen language. The referrer
    /// policy sends the host's origin (never its path) to the timeline's
    /// server; `clipboard-write` lets "Copy link" work inside the frame.
    pub fn snippet(&self, site: &str, title: &str) -> String {
        let mut html = format!(
            r#"<iframe src="{}" title="{}" height="{}" loading="lazy" style="width:100%;border:0" allow="clipboard-write" referrerpolicy="strict-origin-when-cross-origin" data-timeline-embed></iframe>"#,
            escape_attr(&self.src(site)),
            escape_attr(title),
            self.height.pixels(),
        );
        if self.height == Height::Auto {
            let _ = write!(
                html,
                "\n<script src=\"{}\" async></script>",
                escape_attr(&script_url(site))
            );
        }
        html
    }
}

/// Escapes text for a double-quoted HTML attribute value.
pub fn escape_attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "https://example.org/cronologia/";

    #[test]
    fn height_messages_in_both_formats() {
        assert_eq!(amp_message(812), r#"{"sentinel":"amp","type":"embed-size","height":812}"#);
        let parsed: serde_json::Value = serde_json::from_str(&amp_message(7)).unwrap();
        assert_eq!(
            parsed,
            serde_json::json!({"sentinel": "amp", "type": "embed-size", "height": 7})
        );
        assert_eq!(pym_message("tl-1", 812), "pymxPYMxtl-1xPYMxheightxPYMx812");
    }

    #[test]
    fn wordpress_messages() {
        let height: serde_json::Value =
            serde_json::from_str(&wordpress_message("Ab3", WordPress::Height(734))).unwrap();
        assert_eq!(height, serde_json::json!({"secret": "Ab3", "message": "height", "value": 734}));
        let link = wordpress_message("Ab3", WordPress::Link(r#"http://h/"x"</script>"#.into()));
        let link: serde_json::Value = serde_json::from_str(&link).unwrap();
        assert_eq!(link["value"], r#"http://h/"x"</script>"#);
        assert_eq!(link["message"], "link");
    }

    #[test]
    fn reads_wordpress_secret_only() {
        assert_eq!(wordpress_secret("#?secret=X7fk2LmQ9a").as_deref(), Some("X7fk2LmQ9a"));
        for other in ["", "#", "#?secret=", "#top", "#?secret=a\"b", "#?secret=a b", "?secret=abc"]
        {
            assert_eq!(wordpress_secret(other), None, "{other}");
        }
        assert_eq!(wordpress_secret(&format!("#?secret={}", "a".repeat(65))), None);
    }

    #[test]
    fn links_in_wordpress_frame() {
        let full = "http://127.0.0.1:4173/en/events/x/";
        let own = "127.0.0.1:4173";
        // The app's own pages stay in the frame; the link back to the full
        // page opens in the whole window.
        assert_eq!(
            framed_link("http://127.0.0.1:4173/en/events/y/", own, false, full),
            FramedLink::Stay
        );
        assert_eq!(
            framed_link("http://127.0.0.1:4173/en/?topic=a", own, true, full),
            FramedLink::Top("http://127.0.0.1:4173/en/?topic=a".into())
        );
        // Another site, even on the same machine: the full page instead.
        for other in ["https://www.gob.mx/sre", "http://127.0.0.1:4175/", "http://127.0.0.1/"] {
            assert_eq!(
                framed_link(other, own, true, full),
                FramedLink::Top(full.into()),
                "{other}"
            );
        }
        assert_eq!(framed_link("mailto:a@b.c", own, false, full), FramedLink::Stay);
    }

    #[test]
    fn reports_only_changes_and_real_heights() {
        let mut report = HeightReport::default();
        assert_eq!(report.changed(640.2), Some(641));
        assert_eq!(report.changed(640.9), None);
        assert_eq!(report.changed(641.0), None);
        assert_eq!(report.changed(300.0), Some(300));
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 0.0, -5.0] {
            assert_eq!(report.changed(bad), None);
        }
        assert_eq!(report.changed(1e12), Some(MAX_HEIGHT));
        assert_eq!(report.changed(1e13), None);
        assert_eq!(report.last(), Some(MAX_HEIGHT));
    }

    #[test]
    fn event_links_are_absolute_pretty_paths() {
        assert_eq!(
            event_link(PAGE, Lang::En, "merida-2007"),
            "https://example.org/cronologia/en/events/merida-2007/"
        );
        assert_eq!(event_link("http://h/", Lang::Es, "a b&c"), "http://h/eventos/a%20b%26c/");
    }

    #[test]
    fn script_sits_at_the_top_of_the_site() {
        assert_eq!(script_url(PAGE), "https://example.org/cronologia/embed.js");
        assert_eq!(script_url("http://127.0.0.1:4173/"), "http://127.0.0.1:4173/embed.js");
    }

    #[test]
    fn fixed_heights_are_clamped_digits() {
        assert_eq!(Height::parse_fixed(" 450 "), Some(Height::Fixed(450)));
        assert_eq!(Height::parse_fixed("10"), Some(Height::Fixed(MIN_FIXED_HEIGHT)));
        assert_eq!(Height::parse_fixed("99999999999999"), Some(Height::Fixed(MAX_FIXED_HEIGHT)));
        for bad in ["", "abc", "-300", "4.5", "1e3"] {
            assert_eq!(Height::parse_fixed(bad), None, "{bad}");
        }
        assert_eq!(Height::Auto.pixels(), INITIAL_HEIGHT);
    }

    #[test]
    fn escapes_attribute_values() {
        assert_eq!(escape_attr(r#"a&b "c" <d>"#), "a&amp;b &quot;c&quot; &lt;d&gt;");
        assert_eq!(escape_attr("Cronología «México»"), "Cronología «México»");
        assert_eq!(escape_attr("&amp;"), "&amp;amp;");
    }

    #[test]
    fn auto_height_snippet() {
        let options = EmbedOptions {
            lang: Lang::En,
            event: Some("merida-2007".into()),
            topics: vec!["arms-trafficking".into(), "fentanyl".into()],
            height: Height::Auto,
        };
        assert_eq!(
            options.src(PAGE),
            "https://example.org/cronologia/en/events/merida-2007/?topic=arms-trafficking,fentanyl&embed=1"
        );
        assert_eq!(options.link(PAGE), "https://example.org/cronologia/en/events/merida-2007/");
        assert_eq!(
            options.snippet(PAGE, r#"Timeline "A" & <B>"#),
            concat!(
                r#"<iframe src="https://example.org/cronologia/en/events/merida-2007/?topic=arms-trafficking,fentanyl&amp;embed=1" "#,
                r#"title="Timeline &quot;A&quot; &amp; &lt;B&gt;" height="600" loading="lazy" style="width:100%;border:0" "#,
                r#"allow="clipboard-write" referrerpolicy="strict-origin-when-cross-origin" data-timeline-embed></iframe>"#,
                "\n",
                r#"<script src="https://example.org/cronologia/embed.js" async></script>"#,
            )
        );
    }

    #[test]
    fn fixed_height_snippet_needs_no_script() {
        let options = EmbedOptions {
            lang: Lang::Es,
            event: None,
            topics: vec![],
            height: Height::Fixed(450),
        };
        let html = options.snippet(PAGE, "Cronología");
        assert!(html.contains(r#"src="https://example.org/cronologia/?embed=1""#));
        assert!(html.contains(r#" height="450" "#));
        assert!(!html.contains("<script"));
        assert!(!html.contains('\n'));
    }

    #[test]
    fn hostile_choices_stay_inside_their_attribute() {
        let options = EmbedOptions {
            lang: Lang::Es,
            event: Some(r#""><script>alert(1)</script>"#.into()),
            topics: vec![r#"x" onload="y"#.into()],
            height: Height::Auto,
        };
        let html = options.snippet(r#"https://e.org/"q"<>/"#, r#""><img src=x>"#);
        let iframe = html.lines().next().unwrap();
        assert_eq!(iframe.matches('"').count() % 2, 0);
        assert!(!html.contains("<script>alert"));
        assert!(!html.contains("<img"));
        assert_eq!(html.matches('<').count(), 4, "only the iframe and script tags: {html}");
    }
}
