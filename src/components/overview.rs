//! The overview: the whole period at a glance, one component per file.
//! Every position comes from `crate::timeline`'s geometry; these files only
//! draw it.

mod axis;
mod density;
mod era_bands;
mod era_buttons;
mod marks;
mod range_controls;

use std::sync::Arc;

use leptos::prelude::*;

use super::translated;
use crate::data::Lang;
use crate::format::format_date;
use crate::i18n as msg;
use crate::state::{PageState, Results};
use crate::timeline::{Period, Scale, mark_places};
use axis::Axis;
use range_controls::RangeControls;

/// The whole period at a glance: eras as bands, one mark per event (colour
/// and shape by topic), events per year, and the chosen period, which can
/// be set by dragging, by era, or with the zoom buttons. Busy years are
/// drawn wider than quiet ones (see [`Scale`]).
///
/// The axis is SVG: every position is an attribute, so the prerendered page
/// draws it without inline styles, which the Content Security Policy
/// refuses.
#[component]
pub fn Overview() -> impl IntoView {
    let state = PageState::from_context();
    let loaded = Results::from_context();
    // No events, no axis.
    let scale = Arc::new(Scale::of(&loaded.timeline)?);
    let lang = state.lang;
    let range = {
        let scale = scale.clone();
        Memo::new(move |_| state.filter.with(|f| scale.range(f.from, f.to)))
    };
    let set_range = move |period: Option<Period>| {
        state.filter.update(|f| {
            f.from = period.map(Period::first_date);
            f.to = period.map(Period::last_date);
        });
    };
    let range_text = move || {
        let lang = lang.get();
        match range.get() {
            None => msg::overview_range_all(lang).to_string(),
            Some(period) => msg::overview_range(
                lang,
                &format_date(lang, period.first_date(), None),
                &format_date(lang, period.last_date(), None),
            ),
        }
    };
    let marks = mark_places(&loaded.timeline, &scale);
    let with_marks = marks.is_some();
    let help = move || {
        if with_marks {
            msg::overview_description(lang.get())
        } else {
            msg::overview_description_dense(lang.get())
        }
    };
    Some(view! {
        <section class="overview" aria-labelledby="overview-heading">
            <h2 id="overview-heading">{translated(msg::overview_heading)}</h2>
            <p class="overview-help" id="overview-help">{help}</p>
            <Axis scale=scale.clone() range set_range marks />
            // Its own `lang`, as the result count's (see `FilterBar`).
            <p class="range" aria-live="polite" lang=translated(Lang::code)>{range_text}</p>
            <RangeControls scale range set_range />
        </section>
    })
}

/// The overview as the browser draws it for an address: with the address's
/// filters applied to the data (the prerendered pages have none), beside
/// the list and the open event, as on the page.
#[cfg(all(test, feature = "ssr"))]
mod tests;
