//! The link-preview image of a page (`og:image`): a 1200×630 card with the
//! site's name, the page's title and its date, on its era's colour, drawn
//! at build time from SVG by `resvg` with the committed `DejaVu` fonts
//! (`assets/fonts/`), so that every build draws the same pixels, with no
//! browser, no system font and no network.
//!
//! The title is wrapped here (SVG text does not wrap), measured with the
//! same fonts that draw it. Text from the data is XML-escaped into the SVG.

use std::fmt::Write as _;
use std::sync::Arc;

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{self, fontdb};

pub use crate::meta::{IMAGE_HEIGHT as HEIGHT, IMAGE_WIDTH as WIDTH};

const REGULAR: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../assets/fonts/DejaVuSans-Bold.ttf");
const FAMILY: &str = "DejaVu Sans";

/// A small count or size as a float (counts past 65,535 are taken as that).
fn float(n: impl TryInto<u16>) -> f32 {
    f32::from(n.try_into().unwrap_or(u16::MAX))
}

/// Left and right margin of the text.
const MARGIN: f32 = 80.0;
/// The widest a line of the title may be.
const TEXT_WIDTH: f32 = 1200.0 - 2.0 * MARGIN;
/// Title sizes to try, largest first: a long title gets a smaller size
/// before it is cut. Even the smallest stays readable in a chat app's
/// preview, about 300 pixels wide: a quarter of the card.
const TITLE_SIZES: [f32; 4] = [68.0, 60.0, 52.0, 46.0];
const TITLE_LINES: usize = 4;

/// The stylesheet the colours come from: the site has one owner of them.
const STYLE_CSS: &str = include_str!("../public/style.css");

/// What a card shows.
#[derive(Clone, Debug)]
pub struct Card {
    /// The site's name, at the top.
    pub site: String,
    pub title: String,
    /// The date as the page writes it, or the record's "checked as of".
    pub date: String,
    /// The background: one era's colour, or all eras' as a strip along the
    /// foot (a home page's card).
    pub colours: Vec<String>,
    /// The language of the text, for its shaping.
    pub lang: &'static str,
}

/// Draws cards; holds the fonts, loaded once.
pub struct Renderer {
    options: usvg::Options<'static>,
}

impl Default for Renderer {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for Renderer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Renderer")
    }
}

impl Renderer {
    pub fn new() -> Self {
        let mut fonts = fontdb::Database::new();
        fonts.load_font_data(REGULAR.to_vec());
        fonts.load_font_data(BOLD.to_vec());
        let options = usvg::Options {
            font_family: FAMILY.into(),
            fontdb: Arc::new(fonts),
            ..usvg::Options::default()
        };
        Self { options }
    }

    /// The card as a PNG file.
    pub fn png(&self, card: &Card) -> Result<Vec<u8>, String> {
        let tree =
            usvg::Tree::from_str(&self.svg(card), &self.options).map_err(|e| e.to_string())?;
        let mut pixmap = Pixmap::new(WIDTH, HEIGHT).ok_or("no pixmap")?;
        resvg::render(&tree, Transform::default(), &mut pixmap.as_mut());
        pixmap.encode_png().map_err(|e| e.to_string())
    }

    /// The card as SVG text.
    pub fn svg(&self, card: &Card) -> String {
        let (size, lines) = self.title_lines(&card.title, card.lang);
        let line_height = size * 1.2;
        let (width, height) = (float(WIDTH), float(HEIGHT));
        // The title and the date, centred in the space between the site's
        // name and the foot.
        let date_size = 38.0;
        let block = line_height * float(lines.len()) + 24.0 + date_size;
        let (top, bottom) = (150.0, height - 70.0);
        let first_baseline = top + ((bottom - top - block) / 2.0).max(0.0) + size;
        let mut svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" \
             viewBox=\"0 0 {WIDTH} {HEIGHT}\" font-family=\"{FAMILY}\" xml:lang=\"{}\">",
            escape(card.lang)
        );
        let background = match card.colours.as_slice() {
            [one] => one.as_str(),
            _ => css_colour("--bg").unwrap_or("#ffffff"),
        };
        let _ = write!(
            svg,
            "<rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"{}\"/>",
            escape(background)
        );
        if card.colours.len() > 1 {
            let band = width / float(card.colours.len());
            for (i, colour) in card.colours.iter().enumerate() {
                let _ = write!(
                    svg,
                    "<rect x=\"{:.1}\" y=\"{}\" width=\"{:.1}\" height=\"48\" fill=\"{}\"/>",
                    band * float(i),
                    HEIGHT - 48,
                    band + 1.0,
                    escape(colour)
                );
            }
        }
        let accent = css_colour("--accent").unwrap_or("#0b5d4b");
        let fg = css_colour("--fg").unwrap_or("#1b1f23");
        let muted = css_colour("--muted").unwrap_or("#4e5660");
        let _ = write!(
            svg,
            "<rect width=\"24\" height=\"{HEIGHT}\" fill=\"{accent}\"/>\
             <text x=\"{MARGIN}\" y=\"100\" font-size=\"34\" font-weight=\"bold\" fill=\"{accent}\">{}</text>\
             <text font-size=\"{size}\" font-weight=\"bold\" fill=\"{fg}\">",
            escape(&self.fit(&card.site, 34.0, true, card.lang))
        );
        for (i, line) in lines.iter().enumerate() {
            let _ = write!(
                svg,
                "<tspan x=\"{MARGIN}\" y=\"{:.1}\">{}</tspan>",
                first_baseline + line_height * float(i),
                escape(line)
            );
        }
        let date_baseline =
            first_baseline + line_height * (float(lines.len()) - 1.0) + 24.0 + date_size + 10.0;
        let _ = write!(
            svg,
            "</text><text x=\"{MARGIN}\" y=\"{date_baseline:.1}\" font-size=\"{date_size}\" fill=\"{muted}\">{}</text></svg>",
            escape(&self.fit(&card.date, date_size, false, card.lang))
        );
        svg
    }

    /// The title in lines at the largest size that holds it in
    /// [`TITLE_LINES`] lines; at the smallest, cut with "…".
    fn title_lines(&self, title: &str, lang: &str) -> (f32, Vec<String>) {
        let words: Vec<&str> = title.split_whitespace().collect();
        let smallest = TITLE_SIZES[TITLE_SIZES.len() - 1];
        for size in TITLE_SIZES {
            let lines = self.wrap(&words, size, lang);
            if lines.len() <= TITLE_LINES {
                return (size, lines);
            }
        }
        let mut lines = self.wrap(&words, smallest, lang);
        lines.truncate(TITLE_LINES);
        if let Some(last) = lines.last_mut() {
            *last = self.fit(&format!("{last} …"), smallest, true, lang);
        }
        (smallest, lines)
    }

    /// Greedy wrapping: as many words on each line as fit.
    fn wrap(&self, words: &[&str], size: f32, lang: &str) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        let mut line = String::new();
        for word in words {
            let candidate =
                if line.is_empty() { (*word).to_string() } else { format!("{line} {word}") };
            if line.is_empty() || self.width(&candidate, size, true, lang) <= TEXT_WIDTH {
                line = candidate;
            } else {
                lines.push(std::mem::replace(&mut line, (*word).to_string()));
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        // A single word wider than the card is cut.
        lines.into_iter().map(|l| self.fit(&l, size, true, lang)).collect()
    }

    /// `text` as it is if it fits one line, else cut and ended with "…".
    fn fit(&self, text: &str, size: f32, bold: bool, lang: &str) -> String {
        if self.width(text, size, bold, lang) <= TEXT_WIDTH {
            return text.to_string();
        }
        let mut chars: Vec<char> = text.chars().collect();
        while !chars.is_empty() {
            chars.pop();
            let cut: String = chars.iter().collect::<String>().trim_end().to_string() + "…";
            if self.width(&cut, size, bold, lang) <= TEXT_WIDTH {
                return cut;
            }
        }
        "…".into()
    }

    /// How wide `text` is drawn, in pixels.
    fn width(&self, text: &str, size: f32, bold: bool, lang: &str) -> f32 {
        let svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" font-family=\"{FAMILY}\" xml:lang=\"{}\">\
             <text x=\"0\" y=\"{HEIGHT}\" font-size=\"{size}\" font-weight=\"{}\">{}</text></svg>",
            escape(lang),
            if bold { "bold" } else { "normal" },
            escape(text)
        );
        usvg::Tree::from_str(&svg, &self.options)
            .map_or(f32::MAX, |tree| tree.root().abs_bounding_box().right())
    }
}

/// Escapes text for SVG (XML) content and attribute values, and leaves out
/// the control characters XML cannot hold.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A colour of the light theme in `public/style.css` (its first
/// definition: the `:root` rule), such as `--era-0` or `--accent`.
pub fn css_colour(name: &str) -> Option<&'static str> {
    let at = STYLE_CSS.find(&format!("{name}:"))? + name.len() + 1;
    let value = STYLE_CSS[at..].split(';').next()?.trim();
    (value.starts_with('#') && value.len() == 7).then_some(value)
}

/// The colour of era number `n` (in the data's order), as its chapter and
/// band show it: the stylesheet has four, and repeats them.
pub fn era_colour(n: usize) -> &'static str {
    css_colour(&format!("--era-{}", n % 4)).unwrap_or("#ffffff")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(title: &str, colours: &[&str]) -> Card {
        Card {
            site: "México y Estados Unidos: cooperación en seguridad".into(),
            title: title.into(),
            date: "15 de enero de 2026".into(),
            colours: colours.iter().map(ToString::to_string).collect(),
            lang: "es",
        }
    }

    #[test]
    fn colours_come_from_the_stylesheet() {
        assert_eq!(era_colour(0), "#e8f1ee");
        assert_eq!(era_colour(5), era_colour(1));
        assert_eq!(css_colour("--accent"), Some("#0b5d4b"));
        assert_eq!(css_colour("--no-such-colour"), None);
    }

    #[test]
    fn a_card_is_a_1200_by_630_png_under_100_kb() {
        let r = Renderer::new();
        let png = r
            .png(&card(
                "Declaración conjunta sobre la Iniciativa Mérida – año “uno”, ñandú",
                &[era_colour(0)],
            ))
            .unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        // IHDR: width and height, big-endian, after the signature and the
        // chunk's length and type.
        assert_eq!(u32::from_be_bytes(png[16..20].try_into().unwrap()), WIDTH);
        assert_eq!(u32::from_be_bytes(png[20..24].try_into().unwrap()), HEIGHT);
        assert!(png.len() < 100_000, "{} bytes", png.len());
    }

    #[test]
    fn the_fonts_have_every_letter_of_both_languages() {
        let r = Renderer::new();
        // A letter the font lacks is drawn as nothing (no fallback font):
        // each of these must widen the text.
        let base = r.width("a", 40.0, true, "es");
        for c in [
            "ñ", "Ñ", "á", "é", "í", "ó", "ú", "ü", "¿", "¡", "–", "—", "“", "”", "«", "»", "·",
            "…", "’",
        ] {
            assert!(r.width(&format!("a{c}"), 40.0, true, "es") > base + 2.0, "{c} is not drawn");
            assert!(
                r.width(&format!("a{c}"), 40.0, false, "es")
                    > r.width("a", 40.0, false, "es") + 2.0
            );
        }
    }

    #[test]
    fn long_titles_wrap_then_shrink_then_are_cut() {
        let r = Renderer::new();
        let (size, lines) = r.title_lines("Rápido y Furioso", "es");
        assert!((size - TITLE_SIZES[0]).abs() < f32::EPSILON);
        assert_eq!(lines.len(), 1);
        let long = "palabra ".repeat(40);
        let (size, lines) = r.title_lines(&long, "es");
        assert!((size - TITLE_SIZES[TITLE_SIZES.len() - 1]).abs() < f32::EPSILON);
        assert_eq!(lines.len(), TITLE_LINES);
        assert!(lines[TITLE_LINES - 1].ends_with('…'));
        for line in &lines {
            assert!(r.width(line, size, true, "es") <= TEXT_WIDTH, "{line}");
        }
        let word = "x".repeat(200);
        let (_, lines) = r.title_lines(&word, "es");
        assert!(lines[0].ends_with('…'));
    }

    #[test]
    fn text_from_the_data_is_escaped() {
        let r = Renderer::new();
        let title = "</text><script>alert(1)</script> & <b>\"co\"</b> 'x' \u{1}";
        let svg = r.svg(&card(title, &["#e8f1ee\"/><script>"]));
        assert!(!svg.contains("<script"), "{svg}");
        assert!(!svg.contains("<b>"));
        assert!(svg.contains("&lt;/text&gt;&lt;script&gt;alert(1)"), "{svg}");
        assert!(svg.contains("&amp;"));
        // It still parses and draws.
        let png = r.png(&card(title, &[era_colour(1)])).unwrap();
        assert!(png.len() > 1000);
    }

    #[test]
    fn a_home_card_shows_every_era() {
        let r = Renderer::new();
        let colours: Vec<&str> = (0..4).map(era_colour).collect();
        let svg = r.svg(&card("Cronología", &colours));
        for c in colours {
            assert!(svg.contains(&format!("fill=\"{c}\"")), "{c}");
        }
    }
}
