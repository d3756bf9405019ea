use leptos::prelude::*;

use crate::components::{translated, until_started};
use crate::i18n as msg;
use crate::search::fold;
use crate::state::{PageState, Results};

/// One actor at a time, in alphabetical order for the page's language. The
/// options change only with the language, not with each keystroke.
#[component]
pub fn ActorSelect() -> impl IntoView {
    let state = PageState::from_context();
    let timeline = Results::from_context().timeline;
    let lang = state.lang;
    let order = Memo::new(move |_| {
        let lang = lang.get();
        let mut order: Vec<usize> = (0..timeline.actors.len()).collect();
        order.sort_by_cached_key(|&i| fold(timeline.actors[i].name.get(lang)));
        order
    });
    let timeline = Results::from_context().timeline;
    let options = move || {
        let lang = lang.get();
        order
            .get()
            .into_iter()
            .map(|i| {
                let actor = &timeline.actors[i];
                let id = actor.id.to_string();
                let selected = {
                    let id = id.clone();
                    move || state.filter.with(|f| f.actor.as_deref() == Some(id.as_str()))
                };
                view! { <option value=id prop:selected=selected>{actor.name.get(lang).to_string()}</option> }
            })
            .collect_view()
    };
    view! {
        <select
            id="actor"
            disabled=until_started()
            on:change=move |ev| {
                let id = event_target_value(&ev);
                state.filter.update(|f| f.actor = (!id.is_empty()).then_some(id));
            }
        >
            <option value="" prop:selected=move || state.filter.with(|f| f.actor.is_none())>
                {translated(msg::filters_actors_all)}
            </option>
            {options}
        </select>
    }
}
