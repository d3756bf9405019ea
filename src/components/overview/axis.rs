use std::sync::Arc;

use leptos::prelude::*;
use leptos::svg;
use wasm_bindgen::JsCast;

use super::density::Density;
use super::era_bands::EraBands;
use super::marks::{Marks, shapes};
use crate::i18n as msg;
use crate::state::PageState;
use crate::timeline::{
    HEIGHT, MarkPlace, Period, Scale, TICKS_Y, brush, key_target, percent, pointer_position, ticks,
};

/// The axis: era bands, events per year, the chosen period, the marks
/// (`None` when there are too many to draw) and the years. Dragging across
/// it chooses a period.
#[component]
pub(super) fn Axis(
    scale: Arc<Scale>,
    range: Memo<Option<Period>>,
    set_range: impl Fn(Option<Period>) + Copy + 'static,
    marks: Option<Vec<MarkPlace>>,
) -> impl IntoView {
    let state = PageState::from_context();
    let lang = state.lang;
    let drag = Drag { from: RwSignal::new(None), to: RwSignal::new(None) };
    let axis = NodeRef::<svg::Svg>::new();
    let years = scale.years();
    let (first, last) = (years.start().to_string(), years.end().to_string());
    let dense = marks.is_none();
    let band = {
        let scale = scale.clone();
        move || {
            let span = brush(&scale, drag.span(), range.get())?;
            Some(view! {
                <rect class="brush" x=percent(span.start()) width=percent(span.width()) y="0" height=HEIGHT aria-hidden="true"></rect>
            })
        }
    };
    let finish = {
        let scale = scale.clone();
        move || {
            if let Some((a, b)) = drag.span_untracked()
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
            class:dense=dense
            width="100%"
            height=TICKS_Y + 4
            node_ref=axis
            role="group"
            aria-label=move || msg::overview_axis_label(lang.get(), &first, &last)
            aria-describedby="overview-help"
            on:pointerdown=move |ev| drag.start(&ev)
            on:pointermove=move |ev| drag.extend(&ev)
            on:pointerup=move |_| finish()
            on:pointercancel=move |_| drag.cancel()
            on:keydown=move |ev| move_between_marks(&ev, axis)
        >
            <defs>{shapes()}</defs>
            <EraBands scale=scale.clone() />
            <g class="density" aria-hidden="true"><Density scale=scale.clone() dense /></g>
            {band}
            {marks.map(|places| view! { <Marks places /> })}
            <line class="baseline" x1="0" x2="100%" y1=HEIGHT y2=HEIGHT aria-hidden="true"></line>
            <g class="ticks" aria-hidden="true">{year_labels(&scale)}</g>
        </svg>
    }
}

/// The year labels (see [`ticks`]).
fn year_labels(scale: &Scale) -> impl IntoView + use<> {
    ticks(scale)
        .into_iter()
        .map(|tick| {
            view! {
                <text class="tick" class:minor=tick.minor x=percent(tick.x) y=TICKS_Y>
                    {tick.year}
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
        Some(pointer_position(f64::from(ev.client_x()), rect.left(), rect.width()))
    }

    /// Where the drag started and where it is now, while it lasts.
    fn span(self) -> Option<(u32, u32)> {
        Some((self.from.get()?, self.to.get()?))
    }

    fn span_untracked(self) -> Option<(u32, u32)> {
        Some((self.from.get_untracked()?, self.to.get_untracked()?))
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
