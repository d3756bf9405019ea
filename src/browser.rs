//! The browser side: load the data, take over the prerendered page, and
//! from then on keep the address bar, the document's title and language,
//! and an embedding page's frame height in step with the state.
//!
//! The page arrives complete (see `prerender`): readable, with working
//! links, before any of this runs. Taking it over means hydrating it, so
//! that every element the reader sees stays the same node, with its focus,
//! scroll position and typed text; only when the data differs from what
//! the page was built from (an editor changed it without a rebuild) is the
//! page rendered afresh.

use std::sync::Arc;

use leptos::mount::{hydrate_from, mount_to};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::address::{Address, Page, View};
use crate::components::LoadErrorView;
use crate::data::{self, Lang};
use crate::dates::{PartialDate, day_of_unix_millis};
use crate::embed::{
    FramedLink, HeightReport, WordPress, amp_message, framed_link, pym_message, wordpress_message,
    wordpress_secret,
};
use crate::i18n as t;
use crate::meta::{feed_path, page_meta};
use crate::state::{Loaded, PageState, Start};
use crate::{App, panic};

/// Where the data is, relative to the site's base.
const DATA_URL: &str = "data/events.json";

/// Starts the app: called by `main` once the WebAssembly is running.
pub fn start() {
    panic::install();
    // The data loads before anything is mounted (which sets up Leptos's
    // executor), so this first future runs on wasm-bindgen's own.
    wasm_bindgen_futures::spawn_local(load_and_start());
}

async fn load_and_start() {
    let Some(root) = document().get_element_by_id("app") else { return };
    let root: web_sys::HtmlElement = root.unchecked_into();
    match data::load(DATA_URL).await {
        Ok((timeline, fingerprint)) => {
            // Reading the data and taking the page over are separate tasks,
            // so that neither holds the page for the time of both.
            next_task().await;
            run(root, Arc::new(timeline), &fingerprint);
        }
        Err(error) => show_load_error(error),
    }
}

/// Resolves in a later task, letting the browser handle input and paint
/// in between.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The site's base path (`<base href>`, written by Trunk), ending in `/`.
fn base() -> String {
    document()
        .query_selector("base")
        .ok()
        .flatten()
        .and_then(|b| b.get_attribute("href"))
        .filter(|href| href.starts_with('/') && href.ends_with('/'))
        .unwrap_or_else(|| "/".into())
}

/// The address in the address bar, relative to the base.
fn current_address(base: &str) -> (String, Address) {
    let location = window().location();
    let pathname = location.pathname().unwrap_or_default();
    let path = pathname.strip_prefix(base).unwrap_or_default().to_string();
    let address = Address::parse(&path, &location.search().unwrap_or_default());
    (path, address)
}

fn run(root: web_sys::HtmlElement, timeline: Arc<data::Timeline>, fingerprint: &str) {
    for problem in &timeline.problems {
        leptos::logging::warn!("events.json: {problem}");
    }
    let base = base();
    let (path, mut address) = current_address(&base);
    // The page as prerendered: its path, the build's day.
    let built_on = root.get_attribute("data-today").and_then(|d| PartialDate::parse(&d).ok());
    let prerendered = root.get_attribute("data-fingerprint").as_deref() == Some(fingerprint)
        && root.first_element_child().is_some();
    if prerendered {
        // Hydration leaves the search box as it is, with what the reader
        // typed before the app started (or types until it has): the app
        // takes that text when it applies the address (`apply_and_follow`).
        let start =
            Start { page: Page::from_path(&path), base, today: built_on.unwrap_or_else(today) };
        hydrate_from(root, move || view! { <App timeline start then=Some(address) /> }).forget();
    } else {
        // A new page replaces the prerendered one, and its box: the text
        // typed in the old box is carried over.
        if let Some(typed) = search_box_value().filter(|q| !q.is_empty()) {
            address.view.filter.query = typed;
        }
        root.set_inner_html("");
        let start = Start { page: address.page.clone(), base, today: today() };
        mount_to(root, move || view! { <App timeline start then=Some(address) /> }).forget();
    }
}

fn search_box_value() -> Option<String> {
    let input = document().get_element_by_id("search")?;
    Some(input.dyn_into::<web_sys::HtmlInputElement>().ok()?.value())
}

/// Applies, once the page is the app's, what only the browser knows: the
/// address's filters and modes, the reader's today; enables the controls;
/// and keeps the address, the document and an embedding frame in step from
/// then on. Called by `App` in the browser.
pub fn take_over(state: PageState, address: Address) {
    let Address { page, view: View { filter, embed, child_id } } = address;
    state.embed.set_value(embed);
    state.child_id.set_value(child_id);
    let first = Page { lang: state.lang.get_untracked(), event: state.event.get_untracked() };
    // After the first render (the hydration), in a task of its own, as
    // ordinary state changes. The page looks the same until then: a linked
    // view's list stays filtered by route.js's style rule, or hidden.
    let owner = Owner::current();
    set_timeout(
        move || {
            let Some(owner) = owner else { return };
            owner.with(|| apply_and_follow(state, &first, page, filter));
        },
        std::time::Duration::ZERO,
    );
}

/// What `take_over` does once the page is the app's. The page's handlers
/// are the app's from the hydration on, a task before this: a language or
/// an event the reader chose since (the `first` page is what it rendered)
/// is theirs, and wins over the address, as does text they typed.
fn apply_and_follow(
    state: PageState,
    first: &Page,
    page: Page,
    mut filter: crate::timeline::Filter,
) {
    if let Some(typed) = search_box_value().filter(|q| !q.is_empty()) {
        filter.query = typed;
    }
    // Only what differs from the prerendered page: a signal set to its own
    // value still reruns everything that reads it, and the browser would
    // repaint every text of the page.
    if state.lang.get_untracked() == first.lang {
        set_if_changed(state.lang, page.lang);
    }
    if state.event.with_untracked(|event| *event == first.event) {
        set_if_changed(state.event, page.event);
    }
    set_if_changed(state.filter, filter);
    set_if_changed(state.today, today());
    state.started.set(true);
    sync_address(state);
    sync_document(state);
    if state.embed.get_value() {
        // WordPress's secret is in the fragment the frame was loaded with.
        let secret = wordpress_secret(&window().location().hash().unwrap_or_default());
        if let Some(secret) = &secret {
            follow_links_through_wordpress(state, secret.clone());
        }
        report_height(state.child_id.get_value(), secret);
    }
    prepare_search(state);
    mark_started();
}

fn set_if_changed<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    if signal.with_untracked(|now| *now != value) {
        signal.set(value);
    }
}

/// Today's date on the reader's clock, for deciding whether an announced
/// date has passed.
fn today() -> PartialDate {
    day_of_unix_millis(js_sys::Date::now())
}

/// Tells `route.js`'s styles that the app runs: the view is the app's now,
/// so the style rules that filtered the prerendered list go, and the tests
/// and the benchmark can wait for `data-app="ready"`.
fn mark_started() {
    let document = document();
    let _ = js_sys::Reflect::set(&document, &"adoptedStyleSheets".into(), &js_sys::Array::new());
    if let Some(html) = document.document_element() {
        let _ = html.class_list().remove_1("view-pending");
        let _ = html.set_attribute("data-app", "ready");
    }
}

/// Keeps the address bar in step with the state, and the state with the
/// address when the reader goes back or forward. Opening an event or
/// switching language moves to another page's address, as a new history
/// entry; filters replace the current one, so Back does not replay every
/// keystroke.
///
/// A filter's address is written in the next task, not with the results:
/// writing it costs the browser up to 2 ms the first time, and the reader
/// is waiting for the results, not for the address bar. Only the latest
/// address waits (`pending`), so a burst of keystrokes writes one. Before a
/// move to another page is written, a waiting address is written first, so
/// that the entry left behind keeps its last filters; after Back or
/// Forward, none is written over the entry reached.
pub(crate) fn sync_address(state: PageState) {
    let address = move || format!("{}{}", state.href(&state.page()), state.view().query());
    let pending = StoredValue::new(None::<String>);
    let flush = move || {
        if let Some(href) = pending.try_update_value(Option::take).flatten() {
            write_address(&href, false);
        }
    };
    // The first time, the page is compared with the address bar's: the
    // reader may have moved to another page as the app took over.
    let loaded = current_address(&state.base()).1.page;
    Effect::new(move |previous: Option<Page>| {
        let page = state.page();
        let moved = *previous.as_ref().unwrap_or(&loaded) != page;
        if moved {
            flush();
            write_address(&address(), true);
        } else {
            pending.set_value(Some(address()));
            set_timeout(flush, std::time::Duration::ZERO);
        }
        page
    });
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        pending.set_value(None);
        let (_, address) = current_address(&state.base());
        set_if_changed(state.lang, address.page.lang);
        set_if_changed(state.event, address.page.event);
        set_if_changed(state.filter, address.view.filter);
    });
    on_cleanup(move || handle.remove());
}

/// Puts `href` in the address bar, as a new history entry (`push`) or in
/// place of the current one, unless it is there already (as after Back).
/// A frame sandboxed without `allow-same-origin` (WordPress's) has an
/// opaque origin, where the browser refuses to rewrite the address: there
/// the state lives in the page alone.
fn write_address(href: &str, push: bool) {
    if window().origin() == "null" {
        return;
    }
    let Ok(history) = window().history() else { return };
    let location = window().location();
    let now = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if href == now {
        return;
    }
    let result = if push {
        history.push_state_with_url(&JsValue::NULL, "", Some(href))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(href))
    };
    if result.is_err() {
        // A sandboxed frame may refuse; the page still works.
        leptos::logging::warn!("could not update the address bar");
    }
}

/// Keeps the document's language, title, description, links to its twin
/// page and its feed, and its preview image in step with the page shown.
/// The other sharing tags and the structured data stay as served: crawlers
/// and link previews read each page's own prerendered `<head>` and run no
/// script, so they never see a head this changed.
///
/// A new `<html lang>` makes the browser restyle the whole page and shape
/// every text again for the new locale: 4 to 6 ms with thousands of events
/// shown, on top of drawing the new texts. So after a switch it is set once
/// the frame with the new texts has been drawn, as the search texts are
/// folded (see `prepare_search`). Meanwhile the live regions, which announce
/// the switch's new counts, carry their language themselves.
fn sync_document(state: PageState) {
    let timeline = expect_context::<Loaded>().timeline;
    Effect::new(move |previous: Option<Lang>| {
        let page = state.page();
        let meta = page_meta(&timeline, &page);
        let document = document();
        document.set_title(&meta.title);
        let lang = page.lang;
        if previous.is_some_and(|before| before != lang) {
            request_animation_frame(move || {
                set_timeout(move || set_document_lang(lang), std::time::Duration::ZERO);
            });
        } else {
            set_document_lang(lang);
        }
        let set = |selector: &str, attribute: &str, value: &str| {
            if let Ok(Some(el)) = document.query_selector(selector) {
                let _ = el.set_attribute(attribute, value);
            }
        };
        let site = format!("{}{}", window().location().origin().unwrap_or_default(), state.base());
        set("meta[name=description]", "content", &meta.description);
        set("link[rel=canonical]", "href", &format!("{site}{}", meta.path));
        let oembed = format!("link[type=\"{}\"]", crate::oembed::LINK_TYPE);
        set(&oembed, "href", &format!("{site}{}{}", meta.path, crate::oembed::FILE));
        set(&oembed, "title", &meta.title);
        for (twin, path) in &meta.alternates {
            set(
                &format!("link[rel=alternate][hreflang={}]", twin.code()),
                "href",
                &format!("{site}{path}"),
            );
        }
        set("meta[property='og:image']", "content", &format!("{site}{}", meta.image));
        set("meta[property='og:image:alt']", "content", &meta.image_alt);
        set("meta[name='twitter:image:alt']", "content", &meta.image_alt);
        let feed = "link[rel=alternate][type='application/atom+xml']";
        set(feed, "href", &format!("{site}{}", feed_path(lang)));
        set(feed, "title", t::feed_title(lang));
        lang
    });
}

/// Sets `<html lang>`, unless it is set already (as on the page first shown).
fn set_document_lang(lang: Lang) {
    if let Some(html) = document().document_element()
        && html.get_attribute("lang").as_deref() != Some(lang.code())
    {
        let _ = html.set_attribute("lang", lang.code());
    }
}

/// Folds the search texts of the page's language after the first paint
/// (a timeout queued from an animation frame runs after that frame), so
/// that neither the first paint nor the first keystroke waits for them.
fn prepare_search(state: PageState) {
    let loaded = expect_context::<Loaded>();
    Effect::new(move |_| {
        let lang: Lang = state.lang.get();
        let (index, timeline) = (loaded.index.clone(), loaded.timeline.clone());
        request_animation_frame(move || {
            set_timeout(move || index.prepare(&timeline, lang), std::time::Duration::ZERO);
        });
    });
}

/// In a frame, tells the host page the document's height whenever it
/// changes (a `ResizeObserver`, no timer), as an AMP `embed-size` object,
/// when the address has a pym.js `childId` as a pym.js string, and in
/// WordPress's frame (with its `secret`) as WordPress's `height` message.
/// WordPress asks again with `ready` when its script loads after the
/// frame: the only message from the host the app listens to.
fn report_height(child_id: Option<String>, secret: Option<String>) {
    let own = window();
    let Ok(Some(parent)) = own.parent() else { return };
    let (a, b): (&JsValue, &JsValue) = (parent.as_ref(), own.as_ref());
    if a == b {
        return;
    }
    let Some(root) = document().document_element() else { return };
    let measured = root.clone();
    let report = StoredValue::new(HeightReport::default());
    // Posts with target origin "*": the message holds only a height, which
    // anyone who can frame the page can measure anyway, and the host may be
    // any site, whose origin the frame cannot know in advance.
    let send = {
        let (parent, secret) = (parent.clone(), secret.clone());
        move |height: u32| {
            if let Ok(amp) = js_sys::JSON::parse(&amp_message(height)) {
                let _ = parent.post_message(&amp, "*");
            }
            if let Some(id) = &child_id {
                let _ = parent.post_message(&JsValue::from_str(&pym_message(id, height)), "*");
            }
            if let Some(secret) = &secret
                && let Ok(message) =
                    js_sys::JSON::parse(&wordpress_message(secret, WordPress::Height(height)))
            {
                let _ = parent.post_message(&message, "*");
            }
        }
    };
    let measure = move || root.get_bounding_client_rect().height();
    let check = {
        let (send, measure) = (send.clone(), measure.clone());
        move || {
            if let Some(height) = report.try_update_value(|r| r.changed(measure())).flatten() {
                send(height);
            }
        }
    };
    let on_resize = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(check.clone());
    let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) else {
        return;
    };
    observer.observe(&measured);
    // The observer lives as long as the page.
    on_resize.forget();
    std::mem::forget(observer);
    // A frame its host hides until it first speaks (WordPress's) is not
    // rendered, so its observer reports nothing yet: measuring lays it out.
    check();
    if let Some(secret) = secret {
        let handle = window_event_listener(leptos::ev::message, move |ev| {
            let from_host = ev.source().is_some_and(|source| {
                let (source, parent): (&JsValue, &JsValue) = (source.as_ref(), parent.as_ref());
                source == parent
            });
            let data = ev.data();
            let field = |name: &str| {
                js_sys::Reflect::get(&data, &name.into()).ok().and_then(|v| v.as_string())
            };
            if from_host
                && field("message").as_deref() == Some("ready")
                && field("secret").as_deref() == Some(secret.as_str())
            {
                report.update_value(|r| {
                    r.changed(measure());
                });
                if let Some(height) = report.with_value(HeightReport::last) {
                    send(height);
                }
            }
        });
        // As long as the page.
        std::mem::forget(handle);
    }
}

/// In WordPress's frame, which may not open windows, links that would
/// (the link back to the full page, the sources) are asked of WordPress,
/// which opens addresses on the frame's own host in the whole window (see
/// `embed::framed_link`). Runs after the app's own click handlers: a link
/// they took care of (an event, the language) is left alone.
fn follow_links_through_wordpress(state: PageState, secret: String) {
    let handle = window_event_listener(leptos::ev::click, move |ev| {
        if ev.default_prevented() {
            return;
        }
        let Some(link) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href]").ok().flatten())
            .and_then(|el| el.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        let location = window().location();
        let (origin, host) =
            (location.origin().unwrap_or_default(), location.host().unwrap_or_default());
        let full_page = {
            let address = Address { page: state.page(), view: state.view().outside_frame() };
            format!("{origin}{}{}", state.base(), address.href())
        };
        let new_tab = link.target() == "_blank";
        if let FramedLink::Top(url) = framed_link(&link.href(), &host, new_tab, &full_page) {
            ev.prevent_default();
            let message = wordpress_message(&secret, WordPress::Link(url));
            if let (Ok(Some(parent)), Ok(message)) =
                (window().parent(), js_sys::JSON::parse(&message))
            {
                let _ = parent.post_message(&message, "*");
            }
        }
    });
    // As long as the page.
    std::mem::forget(handle);
}

/// The data could not be loaded: the prerendered page stays readable, and
/// a translated message with a retry button says why its interactive
/// features are missing.
fn show_load_error(error: data::LoadError) {
    leptos::logging::error!("could not load the timeline data: {error}");
    let document = document();
    // A linked view the app was to show (a search, a period) cannot be
    // shown: the whole list is, rather than none.
    if let Some(html) = document.document_element() {
        let _ = html.class_list().remove_1("view-pending");
    }
    let lang = document
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_default();
    let Ok(slot) = document.create_element("div") else { return };
    slot.set_class_name("load-error-slot");
    if let Some(body) = document.body() {
        let _ = body.prepend_with_node_1(&slot);
    }
    let slot: web_sys::HtmlElement = slot.unchecked_into();
    let remove = slot.clone();
    let retry = move || {
        remove.remove();
        wasm_bindgen_futures::spawn_local(load_and_start());
    };
    mount_to(slot, move || view! { <LoadErrorView lang error retry /> }).forget();
}
