use std::sync::Arc;

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};
use wasm_bindgen::JsCast;

use crate::data::{Era, Lang, Timeline};
use crate::dates::{PartialDate, from_days_since_epoch};
use crate::intl::format_date;
use crate::state::{Loaded, PageState, use_lang};
use crate::timeline::{Span, draws_marks, lanes, per_year, zoom};

/// Marks closer than this (as a share of the axis) stack into lanes.
const MARK_GAP: f64 = 0.012;
const MAX_LANES: usize = 6;

/// The whole period at a glance: eras as bands, one mark per event (colour
/// and shape by topic), events per year, and the chosen period, which can
/// be set by dragging, by era, or with the zoom buttons.
#[component]
pub fn Overview() -> impl IntoView {
    let loaded = expect_context::<Loaded>();
    let Some(span) = Span::of(&loaded.timeline) else {
        return ().into_any();
    };
    let ctx = Ctx { state: expect_context(), shown: loaded.shown, lang: use_lang(), span };
    let timeline = loaded.timeline;
    let eras = era_days(&timeline.eras, span);
    let drag = Drag::new(ctx);
    let range_text = move || match ctx.range() {
        None => tr!("overview-range-all"),
        Some((a, b)) => tr!("overview-range", {
            "from" => format_date(ctx.lang.get(), from_days_since_epoch(a), None),
            "to" => format_date(ctx.lang.get(), from_days_since_epoch(b), None),
        }),
    };
    let (first, last) = (span.years().start().to_string(), span.years().end().to_string());
    let with_marks = draws_marks(timeline.entries.len());
    let help = move || {
        if with_marks { tr!("overview-description") } else { tr!("overview-description-dense") }
    };

    view! {
        <section class="overview" aria-labelledby="overview-heading">
            <h2 id="overview-heading">{move_tr!("overview-heading")}</h2>
            <p class="overview-help" id="overview-help">{help}</p>
            <div
                class="axis"
                class:dense=!with_marks
                role="group"
                aria-label=move_tr!("overview-axis-label", { "first" => first.clone(), "last" => last.clone() })
                aria-describedby="overview-help"
                on:pointerdown=move |ev| drag.start(&ev)
                on:pointermove=move |ev| drag.extend(&ev)
                on:pointerup=move |_| drag.finish()
                on:pointercancel=move |_| drag.cancel()
                on:keydown=move |ev| move_between_marks(&ev)
            >
                {era_bands(&eras, ctx)}
                <div class="density" aria-hidden="true">{density(timeline.clone(), ctx)}</div>
                {move || drag.brush().map(|(a, b)| view! {
                    <div class="brush" aria-hidden="true" style:left=percent(a) style:width=percent(b - a)></div>
                })}
                {with_marks.then(|| marks(&timeline, ctx))}
                <div class="ticks" aria-hidden="true">{ticks(span)}</div>
            </div>
            <p class="range" aria-live="polite">{range_text}</p>
            <div class="range-controls" role="group" aria-label=move_tr!("overview-eras-label")>
                {era_buttons(&eras, ctx)}
                <button type="button" aria-pressed=move || ctx.range().is_none().to_string() on:click=move |_| ctx.set_range(None)>
                    {move_tr!("overview-range-all")}
                </button>
                <button type="button" on:click=move |_| ctx.set_range(zoom(span, ctx.range(), 0.5))>
                    {move_tr!("overview-zoom-in")}
                </button>
                <button type="button" disabled=move || ctx.range().is_none() on:click=move |_| ctx.set_range(zoom(span, ctx.range(), 2.0))>
                    {move_tr!("overview-zoom-out")}
                </button>
            </div>
        </section>
    }
    .into_any()
}

/// What every part of the overview needs.
#[derive(Clone, Copy)]
struct Ctx {
    state: PageState,
    shown: Memo<Vec<usize>>,
    lang: Signal<Lang>,
    span: Span,
}

impl Ctx {
    /// The chosen period in days, from the filter; `None` for all of it.
    fn range(self) -> Option<(i64, i64)> {
        self.state.filter.with(|f| match (f.from, f.to) {
            (None, None) => None,
            (from, to) => Some((
                from.map_or(self.span.first, PartialDate::days_since_epoch),
                to.map_or(self.span.last, |t| t.last_day().days_since_epoch()),
            )),
        })
    }

    fn set_range(self, days: Option<(i64, i64)>) {
        self.state.filter.update(|f| {
            f.from = days.map(|(a, _)| from_days_since_epoch(a));
            f.to = days.map(|(_, b)| from_days_since_epoch(b));
        });
    }

    fn left(self, day: i64) -> String {
        percent(self.span.position(day))
    }

    fn width(self, from: i64, to: i64) -> String {
        percent(self.span.position(to) - self.span.position(from))
    }
}

fn percent(share: f64) -> String {
    format!("{:.3}%", share * 100.0)
}

/// Each era with its first and last day, clipped to the span.
fn era_days(eras: &[Era], span: Span) -> Vec<(Era, i64, i64)> {
    eras.iter()
        .filter_map(|era| {
            let start = PartialDate::parse(&era.start).ok()?.days_since_epoch();
            let end = era
                .end
                .as_deref()
                .and_then(|e| PartialDate::parse(e).ok())
                .map_or(span.last, |e| e.last_day().days_since_epoch());
            Some((era.clone(), start.max(span.first), end.min(span.last)))
        })
        .collect()
}

fn era_bands(eras: &[(Era, i64, i64)], ctx: Ctx) -> impl IntoView + use<> {
    eras.iter()
        .enumerate()
        .map(|(n, (era, start, end))| {
            let name = era.name.clone();
            view! {
                <div class="era-band" data-era=n % 4 style:left=ctx.left(*start) style:width=ctx.width(*start, *end)>
                    <span class="era-name">{move || name.get(ctx.lang.get()).to_string()}</span>
                </div>
            }
        })
        .collect_view()
}

fn era_buttons(eras: &[(Era, i64, i64)], ctx: Ctx) -> impl IntoView + use<> {
    eras.iter()
        .map(|(era, start, end)| {
            let days = (*start, *end);
            let name = era.name.clone();
            view! {
                <button type="button" aria-pressed=move || (ctx.range() == Some(days)).to_string() on:click=move |_| ctx.set_range(Some(days))>
                    {move || name.get(ctx.lang.get()).to_string()}
                </button>
            }
        })
        .collect_view()
}

/// One link per event, stacked where crowded. Only one is in the tab order
/// (the open event, or the first shown); arrow keys reach the others.
fn marks(timeline: &Arc<Timeline>, ctx: Ctx) -> impl IntoView + use<> {
    let positions: Vec<f64> =
        timeline.entries.iter().map(|e| ctx.span.position(e.start.days_since_epoch())).collect();
    let lane_of = lanes(&positions, MARK_GAP, MAX_LANES);
    let state = ctx.state;
    timeline
        .entries
        .iter()
        .enumerate()
        .map(|(i, entry)| {
            let id = entry.event.id.clone();
            let topic = entry
                .event
                .topics
                .first()
                .and_then(|t| timeline.topics.iter().position(|x| x.id == *t))
                .unwrap_or(0);
            let start = entry.start;
            let title = entry.event.title.clone();
            let label = move || {
                let lang = ctx.lang.get();
                tr!("overview-mark-label", {
                    "date" => format_date(lang, start, None),
                    "title" => title.get(lang).to_string(),
                })
            };
            let visible = move || ctx.shown.with(|s| s.binary_search(&i).is_ok());
            let is_open = {
                let id = id.clone();
                move || state.event.with(|e| e.as_deref() == Some(id.as_str()))
            };
            let tabindex = {
                let is_open = is_open.clone();
                move || {
                    let first_shown = ctx.shown.with(|s| s.first() == Some(&i));
                    let none_open = state.event.with(Option::is_none);
                    if is_open() || (none_open && first_shown) { "0" } else { "-1" }
                }
            };
            let href = {
                let id = id.clone();
                move || state.href_for_event(&id, ctx.lang.get())
            };
            let open = state.open_on_click(id);
            view! {
                <a
                    class="mark"
                    class:dim=move || !visible()
                    class:current=is_open
                    data-topic=topic % 8
                    style:left=percent(positions[i])
                    style:bottom=format!("{}px", 36 + lane_of[i] * 15)
                    href=href
                    tabindex=tabindex
                    aria-label=label
                    aria-hidden=move || (!visible()).then_some("true")
                    on:click=open
                ></a>
            }
        })
        .collect_view()
}

/// Bars of events per year among those shown.
fn density(timeline: Arc<Timeline>, ctx: Ctx) -> impl Fn() -> AnyView {
    move || {
        let counts = ctx.shown.with(|s| per_year(&timeline, s, ctx.span));
        let max = counts.iter().map(|(_, c)| *c).max().unwrap_or(1).max(1);
        counts
            .into_iter()
            .map(|(year, count)| {
                let start = PartialDate { year, month: 1, day: 1 }.days_since_epoch();
                let end = PartialDate { year, month: 12, day: 31 }.days_since_epoch();
                #[allow(clippy::cast_precision_loss)] // counts are small
                let height = count as f64 / max as f64;
                view! {
                    <div class="bar" style:left=ctx.left(start) style:width=ctx.width(start, end) style:height=percent(height)></div>
                }
            })
            .collect_view()
            .into_any()
    }
}

/// Year labels every other year; on phones every fourth (the `minor` ones
/// are hidden there), so that they never overlap.
fn ticks(span: Span) -> impl IntoView {
    let first = *span.years().start();
    span.years()
        .filter(|y| (y - first) % 2 == 0)
        .map(|year| {
            let day = PartialDate { year, month: 1, day: 1 }.days_since_epoch();
            let minor = (year - first) % 4 != 0;
            view! {
                <span class="tick" class:minor=minor style:left=percent(span.position(day))>
                    {year}
                </span>
            }
        })
        .collect_view()
}

/// Dragging across the axis chooses a period.
#[derive(Clone, Copy)]
struct Drag {
    ctx: Ctx,
    from: RwSignal<Option<f64>>,
    to: RwSignal<Option<f64>>,
}

impl Drag {
    fn new(ctx: Ctx) -> Self {
        Self { ctx, from: RwSignal::new(None), to: RwSignal::new(None) }
    }

    /// Where the pointer is along the axis, from 0.0 to 1.0.
    fn fraction(ev: &leptos::ev::PointerEvent) -> Option<f64> {
        let target = ev.current_target()?.dyn_into::<web_sys::Element>().ok()?;
        let rect = target.get_bounding_client_rect();
        Some(((f64::from(ev.client_x()) - rect.left()) / rect.width().max(1.0)).clamp(0.0, 1.0))
    }

    fn start(self, ev: &leptos::ev::PointerEvent) {
        let on_mark = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlAnchorElement>().ok());
        if ev.button() != 0 || on_mark.is_some() {
            return;
        }
        if let Some(f) = Self::fraction(ev) {
            self.from.set(Some(f));
            self.to.set(Some(f));
            if let Some(el) =
                ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                let _ = el.set_pointer_capture(ev.pointer_id());
            }
        }
    }

    fn extend(self, ev: &leptos::ev::PointerEvent) {
        if self.from.get_untracked().is_some() {
            self.to.set(Self::fraction(ev));
        }
    }

    fn finish(self) {
        let span = self.ctx.span;
        #[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
        // day counts are small
        let day_at = |f: f64| span.first + ((span.last - span.first) as f64 * f).round() as i64;
        // A click without a drag is not a choice of period.
        if let (Some(a), Some(b)) = (self.from.get_untracked(), self.to.get_untracked())
            && (a - b).abs() > 0.01
        {
            self.ctx.set_range(Some((day_at(a.min(b)), day_at(a.max(b)))));
        }
        self.cancel();
    }

    fn cancel(self) {
        self.from.set(None);
        self.to.set(None);
    }

    /// The highlighted period: the drag under way, or the chosen one.
    fn brush(self) -> Option<(f64, f64)> {
        match (self.from.get(), self.to.get()) {
            (Some(a), Some(b)) => Some((a.min(b), a.max(b))),
            _ => self
                .ctx
                .range()
                .map(|(a, b)| (self.ctx.span.position(a), self.ctx.span.position(b))),
        }
    }
}

/// Left and Right (and Home, End) move focus between the visible marks.
fn move_between_marks(ev: &leptos::ev::KeyboardEvent) {
    let Ok(marks) = document().query_selector_all(".axis .mark:not(.dim)") else { return };
    let count = marks.length();
    if count == 0 {
        return;
    }
    let active = document().active_element();
    let current =
        (0..count).find(|&i| marks.item(i).is_some_and(|n| n.is_same_node(active.as_deref())));
    let target = match (ev.key().as_str(), current) {
        ("ArrowRight", Some(i)) => (i + 1).min(count - 1),
        ("ArrowLeft", Some(i)) => i.saturating_sub(1),
        ("Home", _) => 0,
        ("End", _) => count - 1,
        _ => return,
    };
    if let Some(mark) = marks.item(target).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
        ev.prevent_default();
        let _ = mark.focus();
    }
}
