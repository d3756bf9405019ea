use leptos::prelude::*;

use super::translated;
use crate::data::Lang;
use crate::i18n as msg;
use crate::state::PageState;

/// A link to this page in each language, each named in its own language.
/// Without the app, the links lead to the other language's page; with it,
/// a click switches everything in place, keeping the filters and the
/// scroll, and the address moves to the other page through history.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let state = PageState::from_context();
    let links = Lang::ALL
        .into_iter()
        .map(|lang| {
            let active = move || state.lang.get() == lang;
            let href = move || state.href(&crate::address::Page { lang, event: state.event.get() });
            let switch = move |ev: leptos::ev::MouseEvent| {
                if ev.ctrl_key()
                    || ev.meta_key()
                    || ev.shift_key()
                    || ev.alt_key()
                    || ev.button() != 0
                {
                    return;
                }
                ev.prevent_default();
                if state.lang.get_untracked() != lang {
                    state.lang.set(lang);
                }
                remember(lang);
            };
            view! {
                <a
                    href=href
                    lang=lang.code()
                    hreflang=lang.code()
                    aria-current=move || active().then_some("page")
                    on:click=switch
                >
                    {msg::language_name(lang)}
                </a>
            }
        })
        .collect_view();
    view! {
        <nav class="language-switch" aria-label=translated(msg::language_switch_label)>
            {links}
        </nav>
    }
}

/// Keeps the reader's choice for their next visit to the home page, in
/// place of the language a link gave this visit (see `route.js`). Storage
/// may be refused (a sandboxed iframe, a private window): then the choice
/// lasts this visit.
fn remember(lang: Lang) {
    if let Ok(Some(storage)) = window().local_storage() {
        let _ = storage.set_item("lang", lang.code());
    }
    if let Ok(Some(storage)) = window().session_storage() {
        let _ = storage.remove_item("lang");
    }
}
