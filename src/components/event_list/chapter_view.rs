use leptos::prelude::*;

use crate::components::{EventCard, PeopleSentFigure, localized};
use crate::state::Results;
use crate::timeline::Chapter;

/// One era's chapter: its name and summary, then its events by year. It
/// reads its years from `groups` by position, so that a filter change
/// updates the chapter in place.
#[component]
pub fn ChapterView(position: usize, groups: Memo<Vec<Chapter>>) -> impl IntoView {
    let Results { timeline, tally, .. } = Results::from_context();
    let era = groups.with_untracked(|g| g[position].era);
    let heading_id = format!("chapter-{position}");
    let years = move || {
        groups
            .with(|g| g.get(position).map(|c| c.years.iter().map(|(y, _)| *y).collect::<Vec<_>>()))
            .unwrap_or_default()
    };
    let events_of = move |year: i32| {
        groups
            .with(|g| {
                g.get(position)
                    .and_then(|c| c.years.iter().find(|(y, _)| *y == year).map(|(_, v)| v.clone()))
            })
            .unwrap_or_default()
    };
    let name = localized(timeline.eras[era].name.clone());
    let summary = localized(timeline.eras[era].summary.clone());
    let labelled_by = heading_id.clone();
    // The figure opens the chapter of the era its latest count belongs to.
    let figure = tally
        .get_value()
        .filter(|t| t.era == era)
        .map(|tally| view! { <PeopleSentFigure tally /> });
    view! {
        <li class="chapter" data-era=era % 4 aria-labelledby=labelled_by>
            <header class="chapter-header">
                <h3 id=heading_id>{name}</h3>
                <p class="chapter-summary">{summary}</p>
                {figure}
            </header>
            <ol class="years">
                <For each=years key=|year| *year let:year>
                    <li class="year">
                        <h4 class="year-heading">{year}</h4>
                        <ol class="event-list">
                            <For each=move || events_of(year) key=|i| *i let:index>
                                <EventCard index />
                            </For>
                        </ol>
                    </li>
                </For>
            </ol>
        </li>
    }
}
