//! The page's HTML around the rendered app: the template's language and
//! `<head>`, the head's tags written out, and the app's place.

use std::borrow::Cow;
use std::fmt::Write as _;

use crate::data::Lang;
// Attributes are escaped by the function the browser ships too (for the
// embed code); text only here, by the crate, which costs readers nothing.
pub(super) use crate::embed::escape_attr;
use crate::meta::Head;

/// Escapes text for an HTML element.
pub(super) fn escape_text(text: &str) -> Cow<'_, str> {
    html_escape::encode_text(text)
}

/// The head's title and tags as HTML, every value escaped.
pub(super) fn head_html(head: &Head) -> String {
    let mut html = format!("<title>{}</title>", escape_text(&head.title));
    for tag in &head.tags {
        html.push('<');
        html.push_str(tag.element);
        for (name, value) in &tag.attrs {
            let _ = write!(html, " {name}=\"{}\"", escape_attr(value));
        }
        html.push('>');
    }
    html
}

/// The template as the app's page without content (`shell.html`): with
/// its `<head>` start tag, so that it is valid HTML too. The browser
/// renders the app into it afresh.
pub fn shell(template: &str) -> String {
    with_lang(template, Lang::Es)
}

/// The template with `<html lang>` set to `lang`, and its `<head>` start
/// tag, which the minifier leaves out (browsers imply it; validators
/// want it, since `</head>` stays).
pub(super) fn with_lang(template: &str, lang: Lang) -> String {
    let Some(start) = template.find("<html") else { return template.to_string() };
    let Some(len) = template[start..].find('>') else { return template.to_string() };
    let rest = &template[start + len + 1..];
    let head = if rest.trim_start().starts_with("<head") { "" } else { "<head>" };
    format!("{}<html lang=\"{}\">{head}{rest}", &template[..start], lang.code())
}

/// The template with its `<title>` replaced by `head`'s tags, which go at
/// the end of `<head>`.
pub(super) fn insert_head(template: &str, head: &str) -> String {
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
pub(super) fn replace_app(template: &str, app: &str) -> std::io::Result<String> {
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
pub(super) fn stylesheets(template: &str) -> String {
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
