use leptos::prelude::*;

use crate::components::translated;
use crate::data::Lang;
use crate::embed::EmbedOptions;
use crate::i18n as msg;

/// The embed's language; each named in its own language.
#[component]
pub fn LanguageField(chosen: RwSignal<Option<Lang>>, options: Memo<EmbedOptions>) -> impl IntoView {
    let choices = Lang::ALL
        .into_iter()
        .map(|lang| {
            let selected = move || options.with(|o| o.lang == lang);
            view! {
                <option value=lang.code() lang=lang.code() prop:selected=selected>{msg::language_name(lang)}</option>
            }
        })
        .collect_view();
    view! {
        <div class="embed-field">
            <label for="embed-lang">{translated(msg::embed_language)}</label>
            <select id="embed-lang" on:change=move |ev| chosen.set(Lang::from_code(&event_target_value(&ev)))>
                {choices}
            </select>
        </div>
    }
}
