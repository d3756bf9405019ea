//! In a frame: the document's height for the host page (AMP, pym.js,
//! WordPress), and links asked of WordPress where the frame may not open
//! them.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::address::Address;
use crate::embed::{
    FramedLink, HeightReport, WordPress, amp_message, framed_link, pym_message, wordpress_message,
};
use crate::state::PageState;

/// In a frame, tells the host page the document's height whenever it
/// changes (a `ResizeObserver`, no timer), as an AMP `embed-size` object,
/// when the address has a pym.js `childId` as a pym.js string, and in
/// WordPress's frame (with its `secret`) as WordPress's `height` message.
/// WordPress asks again with `ready` when its script loads after the
/// frame: the only message from the host the app listens to.
pub(super) fn report_height(child_id: Option<String>, secret: Option<String>) {
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
pub(super) fn follow_links_through_wordpress(state: PageState, secret: String) {
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
