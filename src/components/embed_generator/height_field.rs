use leptos::prelude::*;

use crate::components::translated;
use crate::embed::{MAX_FIXED_HEIGHT, MIN_FIXED_HEIGHT};
use crate::i18n as msg;

/// Automatic height (with `embed.js`) or a fixed number of pixels.
#[component]
pub fn HeightField(auto: RwSignal<bool>, pixels: RwSignal<String>) -> impl IntoView {
    view! {
        <fieldset class="embed-height">
            <legend>{translated(msg::embed_height)}</legend>
            <label>
                <input type="radio" name="embed-height" prop:checked=move || auto.get() on:change=move |_| auto.set(true) />
                {translated(msg::embed_height_auto)}
            </label>
            <label>
                <input type="radio" name="embed-height" prop:checked=move || !auto.get() on:change=move |_| auto.set(false) />
                {translated(msg::embed_height_fixed)}
            </label>
            <label class="embed-pixels">
                {translated(msg::embed_height_pixels)}
                <input
                    type="number"
                    inputmode="numeric"
                    min=MIN_FIXED_HEIGHT
                    max=MAX_FIXED_HEIGHT
                    step="10"
                    disabled=move || auto.get()
                    prop:value=move || pixels.get()
                    on:input=move |ev| pixels.set(event_target_value(&ev))
                />
            </label>
        </fieldset>
    }
}
