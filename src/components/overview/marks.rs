use leptos::prelude::*;

use crate::format::format_date;
use crate::i18n as msg;
use crate::state::{PageState, Results};
use crate::timeline::{MarkPlace, PALETTE, palette, percent, tab_stop};

/// One link per event to its page, where `places` puts it. Only one is in
/// the tab order (the open event while it is shown, else the first shown:
/// see [`tab_stop`]); arrow keys reach the others. Each has a larger
/// invisible circle around it, so that a finger finds it.
#[component]
pub(super) fn Marks(places: Vec<MarkPlace>) -> impl IntoView {
    let state = PageState::from_context();
    let loaded = Results::from_context();
    let (timeline, shown) = (loaded.timeline, loaded.shown);
    let stop = {
        let timeline = timeline.clone();
        Memo::new(move |_| {
            let open = state.event.with(|id| timeline.position(id.as_deref()?));
            shown.with(|s| tab_stop(s, open))
        })
    };
    let marks = timeline
        .events
        .iter()
        .zip(places)
        .enumerate()
        .map(|(i, (event, place))| {
            let id = event.id.to_string();
            let topic =
                palette(event.topics.first().and_then(|t| timeline.topic_index(t)).unwrap_or(0));
            let visible = move || shown.with(|s| s.binary_search(&i).is_ok());
            let is_open = {
                let id = id.clone();
                move || state.is_open(&id)
            };
            let tabindex = move || if stop.get() == Some(i) { "0" } else { "-1" };
            let label = {
                let timeline = timeline.clone();
                move || {
                    let lang = state.lang.get();
                    let event = &timeline.events[i];
                    msg::overview_mark_label(
                        lang,
                        &format_date(lang, event.date, None),
                        event.title.get(lang),
                    )
                }
            };
            let href = state.event_href(id.clone());
            let (x, y) = (percent(place.x), place.y);
            view! {
                <g>
                    <a
                        class="mark"
                        class:dim=move || !visible()
                        class:current=is_open
                        class:key=event.key
                        data-topic=topic
                        href=href
                        tabindex=tabindex
                        aria-label=label
                        aria-hidden=move || (!visible()).then_some("true")
                        on:click=state.open_on_click(id)
                    >
                        <circle class="hit" cx=x.clone() cy=y r="12"></circle>
                        <use href=format!("#shape-{topic}") x=x y=y></use>
                    </a>
                </g>
            }
        })
        .collect_view();
    view! { <g class="marks">{marks}</g> }
}

/// The shape of each topic's marks, centred on the origin, as on the
/// swatches in `style.css`: circle, square, triangle, diamond, pentagon,
/// hexagon, inverted triangle, cross.
const SHAPES: [&str; PALETTE] = [
    "M-8,0a8,8 0 1,0 16,0a8,8 0 1,0 -16,0Z",
    "M-7,-7H7V7H-7Z",
    "M0,-8L8,8H-8Z",
    "M0,-8L8,0L0,8L-8,0Z",
    "M0,-8L8,-1.9L5.1,8H-5.1L-8,-1.9Z",
    "M-4,-8H4L8,0L4,8H-4L-8,0Z",
    "M-8,-8H8L0,8Z",
    "M-2.4,-8H2.4V-2.4H8V2.4H2.4V8H-2.4V2.4H-8V-2.4H-2.4Z",
];

/// The shapes, defined once for every mark to use.
pub(super) fn shapes() -> impl IntoView {
    SHAPES
        .iter()
        .enumerate()
        .map(|(n, d)| {
            view! {
                <symbol id=format!("shape-{n}") overflow="visible"><path d=*d></path></symbol>
            }
        })
        .collect_view()
}
