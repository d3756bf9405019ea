use leptos::html;
use leptos::prelude::*;

use super::copy_button::{Copied, CopyButton, CopyLabels};
use crate::i18n as msg;

/// "Copy link", for a link also shown in `field`: without a clipboard, the
/// link is focused and selected there for the reader to copy.
#[component]
pub fn CopyLinkButton(
    text: impl Fn() -> String + 'static,
    field: NodeRef<html::Input>,
    copied: RwSignal<Option<Copied>>,
) -> impl IntoView {
    let select = select_in(field);
    let labels = CopyLabels {
        button: msg::share_copy_link,
        done: msg::share_copied,
        manual: msg::share_copy_manual,
    };
    view! { <CopyButton text labels copied select /> }
}

/// Focuses `field` and selects its text, if it is still there: `try_`, as
/// the field may be gone by the time the clipboard has answered.
pub fn select_in(field: NodeRef<html::Input>) -> impl Fn() + Copy + 'static {
    move || {
        if let Some(input) = field.try_get_untracked().flatten() {
            let _ = input.focus();
            input.select();
        }
    }
}
