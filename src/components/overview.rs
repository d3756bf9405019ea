use std::sync::Arc;

use leptos::prelude::*;
use leptos::svg;
use wasm_bindgen::JsCast;

use super::{localized, tr, until_started};
use crate::data::Lang;
use crate::dates::{PartialDate, from_days_since_epoch};
use crate::format::format_date;
use crate::i18n as t;
use crate::state::{Loaded, PageState};
use crate::timeline::{
    FULL, PALETTE, Period, Scale, Span, draws_marks, era_periods, key_target, lanes, palette,
    per_year, percent, tab_stop, zoom,
};

/// Marks closer than this (in ten-thousandths of the axis) stack into lanes.
const MARK_GAP: u32 = 110;
const MAX_LANES: usize = 6;
/// The axis's geometry in CSS pixels: its height, the height of a lane of
/// marks and the space under the lowest, the height of the density bars
/// (taller when they replace the marks), and where the year labels sit.
const HEIGHT: u32 = 144;
const LANE: u32 = 15;
const LANE_BASE: u32 = 44;
const BARS: u32 = 32;
const BARS_DENSE: u32 = 96;
const TICKS_Y: u32 = HEIGHT + 16;

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
    let state = expect_context::<PageState>();
    let loaded = expect_context::<Loaded>();
    // No events, no axis.
    let scale = Scale::of(&loaded.timeline)?;
    let scale = Arc::new(scale);
    let lang = state.lang;
    let range = {
        let scale = scale.clone();
        Memo::new(move |_| state.filter.with(|f| scale.range(f.from, f.to)))
    };
    let set_range = move |period: Option<Period>| {
        state.filter.update(|f| {
            f.from = period.map(|p| from_days_since_epoch(p.first()));
            f.to = period.map(|p| from_days_since_epoch(p.last()));
        });
    };
    let range_text = move || {
        let lang = lang.get();
        match range.get() {
            None => t::overview_range_all(lang).to_string(),
            Some(period) => t::overview_range(
                lang,
                &format_date(lang, from_days_since_epoch(period.first()), None),
                &format_date(lang, from_days_since_epoch(period.last()), None),
            ),
        }
    };
    let with_marks = draws_marks(loaded.timeline.events.len());
    let help = move || {
        if with_marks {
            t::overview_description(lang.get())
        } else {
            t::overview_description_dense(lang.get())
        }
    };
    Some(view! {
        <section class="overview" aria-labelledby="overview-heading">
            <h2 id="overview-heading">{tr(t::overview_heading)}</h2>
            <p class="overview-help" id="overview-help">{help}</p>
            <Axis scale=scale.clone() range set_range with_marks />
            // Its own `lang`, as the result count's (see `FilterBar`).
            <p class="range" aria-live="polite" lang=tr(Lang::code)>{range_text}</p>
            <RangeControls scale range set_range />
        </section>
    })
}

/// The axis: era bands, events per year, the chosen period, the marks and
/// the years. Dragging across it chooses a period.
#[component]
fn Axis(
    scale: Arc<Scale>,
    range: Memo<Option<Period>>,
    set_range: impl Fn(Option<Period>) + Copy + 'static,
    with_marks: bool,
) -> impl IntoView {
    let state = expect_context::<PageState>();
    let lang = state.lang;
    let drag = Drag { from: RwSignal::new(None), to: RwSignal::new(None) };
    let axis = NodeRef::<svg::Svg>::new();
    let years = scale.years();
    let (first, last) = (years.start().to_string(), years.end().to_string());
    let brush = {
        let scale = scale.clone();
        move || {
            let span = if let (Some(a), Some(b)) = (drag.from.get(), drag.to.get()) {
                Span::between(a, b)
            } else {
                scale.span(range.get()?)
            };
            Some(view! {
                <rect class="brush" x=percent(span.start()) width=percent(span.width()) y="0" height=HEIGHT aria-hidden="true"></rect>
            })
        }
    };
    let finish = {
        let scale = scale.clone();
        move || {
            if let (Some(a), Some(b)) = (drag.from.get_untracked(), drag.to.get_untracked())
                && let Some(period) = scale.dragged(a, b)
            {
                set_range(Some(period));
            }
            drag.cancel();
        }
    };
    view! {
        <svg
            class="axis"
            class:dense=!with_marks
            width="100%"
            height=TICKS_Y + 4
            node_ref=axis
            role="group"
            aria-label=move || t::overview_axis_label(lang.get(), &first, &last)
            aria-describedby="overview-help"
            on:pointerdown=move |ev| drag.start(&ev)
            on:pointermove=move |ev| drag.extend(&ev)
            on:pointerup=move |_| finish()
            on:pointercancel=move |_| drag.cancel()
            on:keydown=move |ev| move_between_marks(&ev, axis)
        >
            <defs>{shapes()}</defs>
            <EraBands scale=scale.clone() />
            <g class="density" aria-hidden="true"><Density scale=scale.clone() dense=!with_marks /></g>
            {brush}
            {with_marks.then(|| view! { <Marks scale=scale.clone() /> })}
            <line class="baseline" x1="0" x2="100%" y1=HEIGHT y2=HEIGHT aria-hidden="true"></line>
            <g class="ticks" aria-hidden="true">{ticks(&scale)}</g>
        </svg>
    }
}

/// The era buttons, all of the period, and zoom.
#[component]
fn RangeControls(
    scale: Arc<Scale>,
    range: Memo<Option<Period>>,
    set_range: impl Fn(Option<Period>) + Copy + 'static,
) -> impl IntoView {
    let disabled = until_started();
    let zoom_by = |narrower: bool| {
        let scale = scale.clone();
        move |_| set_range(zoom(&scale, range.get_untracked(), narrower))
    };
    view! {
        <div class="range-controls" role="group" aria-label=tr(t::overview_eras_label)>
            <EraButtons scale=scale.clone() range set_range />
            <button type="button" disabled=disabled aria-pressed=move || range.get().is_none().to_string() on:click=move |_| set_range(None)>
                {tr(t::overview_range_all)}
            </button>
            <button type="button" disabled=disabled on:click=zoom_by(true)>
                {tr(t::overview_zoom_in)}
            </button>
            <button type="button" disabled=move || disabled() || range.get().is_none() on:click=zoom_by(false)>
                {tr(t::overview_zoom_out)}
            </button>
        </div>
    }
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

fn shapes() -> impl IntoView {
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

/// Each era as a band. Its name is on its button below the axis, where it
/// is never cut short.
#[component]
fn EraBands(scale: Arc<Scale>) -> impl IntoView {
    let timeline = expect_context::<Loaded>().timeline;
    era_periods(&timeline, &scale)
        .into_iter()
        .map(|(n, period)| {
            let span = scale.span(period);
            view! {
                <rect class="era-band" data-era=n % 4 x=percent(span.start()) width=percent(span.width()) y="0" height=HEIGHT></rect>
            }
        })
        .collect_view()
}

/// A button per era that chooses its period, coloured as its band.
#[component]
fn EraButtons(
    scale: Arc<Scale>,
    range: Memo<Option<Period>>,
    set_range: impl Fn(Option<Period>) + Copy + 'static,
) -> impl IntoView {
    let timeline = expect_context::<Loaded>().timeline;
    era_periods(&timeline, &scale)
        .into_iter()
        .map(|(n, period)| {
            let days = Some(period);
            let timeline = timeline.clone();
            view! {
                <button
                    type="button"
                    class="era-button"
                    data-era=n % 4
                    disabled=until_started()
                    aria-pressed=move || (range.get() == days).to_string()
                    on:click=move |_| set_range(days)
                >
                    {localized(timeline.eras[n].name.clone())}
                </button>
            }
        })
        .collect_view()
}

/// One link per event to its page, stacked where crowded. Only one is in
/// the tab order (the open event while it is shown, else the first shown:
/// see [`tab_stop`]); arrow keys reach the others. Each has a larger invisible circle around it, so that a finger
/// finds it.
#[component]
fn Marks(scale: Arc<Scale>) -> impl IntoView {
    let state = expect_context::<PageState>();
    let loaded = expect_context::<Loaded>();
    let (timeline, shown) = (loaded.timeline, loaded.shown);
    let positions: Vec<u32> =
        timeline.events.iter().map(|e| scale.position(e.date.days_since_epoch())).collect();
    let lane_of = lanes(&positions, MARK_GAP, MAX_LANES);
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
        .enumerate()
        .map(|(i, event)| {
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
                    t::overview_mark_label(
                        lang,
                        &format_date(lang, event.date, None),
                        event.title.get(lang),
                    )
                }
            };
            let href = state.event_href(id.clone());
            let x = percent(positions[i]);
            let y = HEIGHT - LANE_BASE - u32::try_from(lane_of[i]).unwrap_or(0) * LANE;
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

/// Bars of events per year among those shown.
#[component]
fn Density(scale: Arc<Scale>, dense: bool) -> impl IntoView {
    let loaded = expect_context::<Loaded>();
    let (timeline, shown) = (loaded.timeline, loaded.shown);
    let tallest = if dense { BARS_DENSE } else { BARS };
    move || {
        let counts = shown.with(|s| per_year(&timeline, s, &scale));
        let max = counts.iter().map(|(_, c)| *c).max().unwrap_or(1).max(1);
        counts
            .into_iter()
            .map(|(year, count)| {
                let span = Span::between(
                    scale.position(jan_first(year)),
                    scale.position(jan_first(year + 1)),
                );
                let height = u32::try_from(count * tallest as usize / max).unwrap_or(tallest);
                view! {
                    <rect class="bar" x=percent(span.start()) width=percent(span.width()) y=HEIGHT - height height=height></rect>
                }
            })
            .collect_view()
    }
}

fn jan_first(year: i32) -> i64 {
    PartialDate { year, month: 1, day: 1 }.days_since_epoch()
}

/// Year labels every other year; on phones every fourth (the `minor` ones
/// are hidden there), so that they never overlap.
fn ticks(scale: &Scale) -> impl IntoView + use<> {
    let first = *scale.years().start();
    scale
        .years()
        .filter(|y| (y - first) % 2 == 0)
        .map(|year| {
            let minor = (year - first) % 4 != 0;
            view! {
                <text class="tick" class:minor=minor x=percent(scale.position(jan_first(year))) y=TICKS_Y>
                    {year}
                </text>
            }
        })
        .collect_view()
}

/// Dragging across the axis chooses a period; positions in ten-thousandths.
#[derive(Clone, Copy)]
struct Drag {
    from: RwSignal<Option<u32>>,
    to: RwSignal<Option<u32>>,
}

impl Drag {
    /// Where the pointer is along the axis.
    fn position(ev: &leptos::ev::PointerEvent) -> Option<u32> {
        let target = ev.current_target()?.dyn_into::<web_sys::Element>().ok()?;
        let rect = target.get_bounding_client_rect();
        let share =
            ((f64::from(ev.client_x()) - rect.left()) / rect.width().max(1.0)).clamp(0.0, 1.0);
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // clamped to 0..=1
        Some((share * f64::from(FULL)) as u32)
    }

    fn start(self, ev: &leptos::ev::PointerEvent) {
        let on_mark = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest(".mark").ok().flatten());
        if ev.button() != 0 || on_mark.is_some() {
            return;
        }
        if let Some(p) = Self::position(ev) {
            self.from.set(Some(p));
            self.to.set(Some(p));
            if let Some(el) =
                ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                let _ = el.set_pointer_capture(ev.pointer_id());
            }
        }
    }

    fn extend(self, ev: &leptos::ev::PointerEvent) {
        if self.from.get_untracked().is_some() {
            self.to.set(Self::position(ev));
        }
    }

    fn cancel(self) {
        self.from.set(None);
        self.to.set(None);
    }
}

/// Left and Right (and Home, End) move focus between the visible marks of
/// this axis.
fn move_between_marks(ev: &leptos::ev::KeyboardEvent, axis: NodeRef<svg::Svg>) {
    let Some(marks) =
        axis.get_untracked().and_then(|a| a.query_selector_all(".mark:not(.dim)").ok())
    else {
        return;
    };
    let active = document().active_element();
    let current = (0..marks.length())
        .find(|&i| marks.item(i).is_some_and(|n| n.is_same_node(active.as_deref())))
        .map(|i| i as usize);
    let count = marks.length() as usize;
    let Some(target) = key_target(&ev.key(), current, count, "ArrowLeft", "ArrowRight") else {
        return;
    };
    let mark = u32::try_from(target).ok().and_then(|n| marks.item(n));
    if let Some(mark) = mark.and_then(|n| n.dyn_into::<web_sys::SvgElement>().ok()) {
        ev.prevent_default();
        let _ = mark.focus();
    }
}

/// The overview as the browser draws it for an address: with the address's
/// filters applied to the data (the prerendered pages have none), beside
/// the list and the open event, as on the page.
#[cfg(all(test, feature = "ssr"))]
mod tests;
