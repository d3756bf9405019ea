use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

use crate::embed::{HeightReport, amp_message, pym_message};
use crate::state::PageState;

/// In a frame, tells the host page the document's height whenever it
/// changes (a `ResizeObserver`, no timer), as an AMP `embed-size` object
/// and, when the URL has a pym.js `childId`, as a pym.js string. Renders
/// nothing; does nothing in a top-level window. The app never listens to
/// messages from its host.
#[component]
pub fn EmbedHeight() -> impl IntoView {
    let state = expect_context::<PageState>();
    if let Some(parent) = host_window() {
        observe(parent, state.child_id.get_value());
    }
}

/// The parent window when this page is framed.
fn host_window() -> Option<web_sys::Window> {
    let own = window();
    let parent = own.parent().ok()??;
    let (a, b): (&wasm_bindgen::JsValue, &wasm_bindgen::JsValue) = (parent.as_ref(), own.as_ref());
    (a != b).then_some(parent)
}

fn observe(parent: web_sys::Window, child_id: Option<String>) {
    let Some(root) = document().document_element() else { return };
    let measured = root.clone();
    let mut report = HeightReport::default();
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        if let Some(height) = report.changed(measured.get_bounding_client_rect().height()) {
            post(&parent, height, child_id.as_deref());
        }
    });
    let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) else {
        return;
    };
    // Observing reports the first height at once.
    observer.observe(&root);
    let kept = StoredValue::new_local((observer, on_resize));
    on_cleanup(move || kept.with_value(|(observer, _)| observer.disconnect()));
}

/// Posts with target origin `"*"`: the message holds only a height, which
/// anyone who can frame the page can measure anyway, and the host may be
/// any site, whose origin the frame cannot know in advance.
fn post(parent: &web_sys::Window, height: u32, child_id: Option<&str>) {
    if let Ok(amp) = js_sys::JSON::parse(&amp_message(height)) {
        let _ = parent.post_message(&amp, "*");
    }
    if let Some(id) = child_id {
        let _ = parent.post_message(&pym_message(id, height).into(), "*");
    }
}
