//! The overview as the browser draws it for an address: the address's
//! filters applied to the data (the prerendered pages have none), beside
//! the list and the open event, as on the page; rendered natively.

use std::sync::{Arc, LazyLock};

use hydration_context::SsrSharedContext;
use leptos::prelude::*;
use proptest::prelude::*;

use crate::address::Address;
use crate::components::TimelineView;
use crate::data::{Timeline, parse};
use crate::dates::PartialDate;
use crate::state::{PageState, Results, Start};
use crate::timeline::{FULL, ListWindow, Scale, SearchIndex, apply};

/// The generators the integration tests use, one copy for both.
#[allow(dead_code)]
#[path = "../../../tests/common/generators.rs"]
mod generators;
use generators::{address_text, config};

fn render(timeline: &Arc<Timeline>, href: &str) -> String {
    let (path, query) = href.split_once('?').unwrap_or((href, ""));
    render_address(timeline, Address::parse(path, query))
}

fn render_address(timeline: &Arc<Timeline>, address: Address) -> String {
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
    let timeline = timeline.clone();
    let html = owner.with(move || {
        let today = PartialDate::parse("2026-01-20").unwrap();
        let state = PageState::new(&Start { page: address.page, base: "/".into(), today });
        state.filter.set(address.view.filter);
        provide_context(state);
        provide_context(Results::new(timeline, state));
        view! { <TimelineView /> }.to_html()
    });
    owner.unset();
    html
}

static SMALL: LazyLock<Arc<Timeline>> =
    LazyLock::new(|| Arc::new(parse(include_str!("../../../tests/fixtures/small.json")).unwrap()));
static REAL: LazyLock<Arc<Timeline>> =
    LazyLock::new(|| Arc::new(parse(include_str!("../../../public/data/events.json")).unwrap()));

fn small() -> Arc<Timeline> {
    SMALL.clone()
}

/// The `x` and `width` of the `<rect>`s of class `class`, in
/// hundredths of a percent.
fn rects(html: &str, class: &str) -> Vec<(u32, u32)> {
    let marker = format!("class=\"{class}\"");
    let attr = |tag: &str, name: &str| -> u32 {
        let value = tag.split(&format!(" {name}=\"")).nth(1).unwrap().split('%').next().unwrap();
        value.replace('.', "").parse().unwrap()
    };
    html.match_indices(&marker)
        .map(|(i, _)| {
            let tag = &html[html[..i].rfind("<rect").unwrap()..i];
            (attr(tag, "x"), attr(tag, "width"))
        })
        .collect()
}

/// The tags of the overview's marks.
fn marks(html: &str) -> Vec<&str> {
    html.split("<a ").skip(1).filter(|tag| tag.contains("class=\"mark")).collect()
}

/// An open event filtered out is hidden from screen readers, so it
/// leaves the tab order to a mark that is shown (issue 24, 3).
#[test]
fn the_tab_stop_is_a_mark_shown() {
    let timeline = small();
    for href in ["eventos/merida-2007/?topic=fentanyl", "eventos/nothing/", "?topic=fentanyl"] {
        let html = render(&timeline, href);
        let stops: Vec<&str> =
            marks(&html).into_iter().filter(|m| m.contains("tabindex=\"0\"")).collect();
        assert_eq!(stops.len(), 1, "{href}: {stops:?}");
        assert!(!stops[0].contains("aria-hidden"), "{href}: {stops:?}");
    }
    let html = render(&timeline, "eventos/merida-2007/");
    let stop = marks(&html).into_iter().find(|m| m.contains("tabindex=\"0\"")).unwrap();
    assert!(stop.contains("href=\"/eventos/merida-2007/\""), "{stop}");
}

/// The brush of a period after the last event, or given backwards
/// (issue 24, 2).
#[test]
fn the_brush_of_any_period_is_inside_the_axis() {
    let timeline = small();
    // Where the brush starts: at an end of the axis, or inside it.
    for (href, starts) in [
        ("?from=2027", Some(10_000)),
        ("?from=2020&to=2010", None),
        ("?to=1990", Some(0)),
        ("?from=2026-02&to=2026", None),
    ] {
        let html = render(&timeline, href);
        let brush = rects(&html, "brush");
        let [(x, width)] = brush[..] else { panic!("{href}: {brush:?}") };
        assert!(x + width <= 10_000, "{href}: {brush:?}");
        match starts {
            Some(at) => assert_eq!(x, at, "{href}"),
            None => assert!(0 < x && x < 10_000 && width > 0, "{href}: {brush:?}"),
        }
    }
}

// ------------------------------------------------------------ any address

/// Any address: read, applied to the data, its period placed, its list
/// sliced and (with `draw`) its page rendered, without a panic.
fn any_address_renders(timeline: &Arc<Timeline>, (path, query): &(String, String), draw: bool) {
    let address = Address::parse(path, query);
    let f = &address.view.filter;
    if let (Some(from), Some(to)) = (f.from, f.to) {
        assert!(from.first_day() <= to.last_day(), "{query}: {from} to {to}");
    }
    let shown = apply(timeline, &SearchIndex::default(), f, address.page.lang, None);
    assert!(shown.windows(2).all(|w| w[0] < w[1]));
    assert!(shown.last().is_none_or(|&i| i < timeline.events.len()));
    if let Some(scale) = Scale::of(timeline)
        && let Some(period) = scale.range(f.from, f.to)
    {
        let span = scale.span(period);
        assert!(span.start() <= span.end() && span.end() <= FULL);
    }
    let open = address.page.event.as_deref().and_then(|id| timeline.position(id));
    let open_shown = open.and_then(|i| shown.iter().position(|&s| s == i));
    let window = ListWindow::choose(shown.len(), None, open_shown);
    assert!(window.start <= window.end && window.end <= shown.len());
    assert!(open_shown.is_none_or(|pos| window.contains(pos)));
    if !draw {
        return;
    }
    let brushes = usize::from(f.from.is_some() || f.to.is_some());
    let html = render_address(timeline, address.clone());
    assert!(html.contains("class=\"axis"), "{path}?{query}");
    assert_eq!(html.matches("class=\"brush\"").count(), brushes, "{path}?{query}");
}

proptest! {
    #![proptest_config(config(1000))]

    /// Drawn on a small timeline.
    #[test]
    fn any_address_renders_on_small_data(address in address_text()) {
        any_address_renders(&small(), &address, true);
    }
}

proptest! {
    #![proptest_config(config(2000))]

    /// Applied to the real data.
    #[test]
    fn any_address_applies_to_the_real_data(address in address_text()) {
        any_address_renders(&REAL, &address, false);
    }
}

proptest! {
    #![proptest_config(config(64))]

    /// Drawn on the real data: fewer cases, as each page draws every event.
    #[test]
    fn any_address_renders_on_the_real_data(address in address_text()) {
        any_address_renders(&REAL, &address, true);
    }
}
