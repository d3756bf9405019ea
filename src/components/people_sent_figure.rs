use leptos::prelude::*;

use super::{DateText, reactive, translated};
use crate::i18n as msg;
use crate::state::{PageState, Results};
use crate::timeline::{Tally, percent};

/// The people Mexico sent to the U.S. in groups, as a table whose rows
/// carry a bar: screen readers get the table, everyone else sees the bars
/// too. Each date links to its event, which cites the sources; `current`
/// marks the open event's row.
#[component]
pub fn PeopleSentFigure(tally: Tally, #[prop(optional)] current: Option<usize>) -> impl IntoView {
    let state = PageState::from_context();
    let timeline = Results::from_context().timeline;
    let lang = state.lang;
    let rows = tally
        .rows
        .into_iter()
        .map(|(index, people, share)| {
            let event = &timeline.events[index];
            let id = event.id.to_string();
            let href = state.event_href(id.clone());
            let is_current = (current == Some(index)).then_some("true");
            view! {
                <tr class:current=is_current.is_some()>
                    <th scope="row">
                        <a href=href on:click=state.open_on_click(id) aria-current=is_current>
                            <DateText start=event.date end=event.end />
                        </a>
                    </th>
                    <td>
                        <svg class="figure-bar" aria-hidden="true" focusable="false">
                            <rect width=percent(share) height="100%"></rect>
                        </svg>
                        <span class="figure-value">
                            {reactive(move || msg::figure_sent_people_count(lang.get(), people as usize))}
                        </span>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let total = usize::try_from(tally.total).unwrap_or(usize::MAX);
    view! {
        <figure class="figure">
            <table>
                <caption>{translated(msg::figure_sent_title)}</caption>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{translated(msg::figure_sent_total)}</th>
                        <td>{reactive(move || msg::figure_sent_people_count(lang.get(), total))}</td>
                    </tr>
                </tfoot>
            </table>
            <figcaption>{translated(msg::figure_sent_note)}</figcaption>
        </figure>
    }
}
