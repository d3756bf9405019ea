use leptos::prelude::*;

use super::{dynamic, tr};
use crate::address::{Address, Page, View};
use crate::format::format_date;
use crate::i18n as t;
use crate::state::{Loaded, PageState};
use crate::timeline::Filter;

/// The title, a one-line introduction with the rest behind "more", how
/// current the record is, and the way into the key moments. Short on purpose: on a phone, events start on the first screen.
#[component]
pub fn PageHeader() -> impl IntoView {
    let state = expect_context::<PageState>();
    let timeline = expect_context::<Loaded>().timeline;
    let lang = state.lang;
    let updated = timeline.updated;
    let key_moments = move || {
        let view = View { filter: Filter { key: true, ..Filter::default() }, ..View::default() };
        let address = Address { page: Page::home(lang.get()), view };
        format!("{}{}", state.base(), address.href())
    };
    let show_key_moments = move |ev: leptos::ev::MouseEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() || ev.button() != 0 {
            return;
        }
        ev.prevent_default();
        state.filter.set(Filter { key: true, ..Filter::default() });
        if let Some(list) = document().get_element_by_id("events-heading") {
            list.scroll_into_view();
        }
    };
    view! {
        <header class="page-header">
            <h1>{tr(t::app_title)}</h1>
            <p class="lead">{tr(t::app_subtitle)}</p>
            <p class="updated">
                {dynamic(move || t::app_updated(lang.get(), &format_date(lang.get(), updated, None)))}
            </p>
            <p class="key-moments-link">
                <a href=key_moments on:click=show_key_moments>{tr(t::app_key_moments)}</a>
            </p>
            <details class="intro-more">
                <summary>{tr(t::app_intro_more)}</summary>
                <p>{tr(t::app_intro_lead)}</p>
                <p>{tr(t::app_intro_why)}</p>
                <p>{tr(t::app_intro_how)}</p>
            </details>
        </header>
    }
}
