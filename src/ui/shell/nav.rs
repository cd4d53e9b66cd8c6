//! The progress indicator (every step with its state, grouped by where it belongs on the way
//! through), the step itself, and the buttons that move on.

use crate::core::content::section_is_optional;
use crate::core::template::estimate;
use crate::core::text::ui as t;
use crate::core::SectionId;
use crate::ui::ctx::{use_ctx, use_page, use_way, Stage, Step};
use crate::ui::part::Part;
use crate::ui::steps::{
    closing_step, deeper_step, essential_step, first_blocks, SectionBlocks, Welcome,
};
use leptos::prelude::*;

/// One step in the progress indicator.
#[component]
fn StepLink(
    step: Step,
    /// Set to false when a step is chosen (the list folds away on phones).
    expanded: RwSignal<bool>,
) -> impl IntoView {
    let way = use_way();
    let state = Memo::new(move |_| way.step_state(step));
    let current = move || way.step.get() == step;
    let marker = move || {
        way.route
            .with(|r| r.number(step))
            .map_or_else(|| "\u{2022}".to_string(), |n| n.to_string())
    };
    view! {
        <li class="da-step-item">
            <button
                type="button"
                class=move || {
                    let current = if current() { " da-step-current" } else { "" };
                    format!("da-step-link {}{current}", state.get().class())
                }
                aria-current=move || current().then_some("step")
                on:click=move |_| {
                    expanded.set(false);
                    way.go_to(step);
                }
            >
                <span class="da-step-marker" aria-hidden="true">{marker}</span>
                <span class="da-step-title">{move || way.title(step)}</span>
                // Seen as a small label; heard as "(skipped)" after the title.
                <span class="da-step-state" aria-hidden="true">{move || state.get().label()}</span>
                <span class="da-visually-hidden">{move || format!(" ({})", state.get().label())}</span>
            </button>
        </li>
    }
}

/// Every step, grouped (start, the essentials, going deeper, agree), with where each stands,
/// and how many steps are done.
#[component]
pub fn StepNav() -> impl IntoView {
    let page = use_page();
    let way = use_way();
    let expanded = RwSignal::new(false);
    let list_id = page.id("steps");
    let done = Memo::new(move |_| way.steps_done());
    let done_text = move || {
        let (n, skipped, of) = done.get();
        t::steps_done(n, of, skipped)
    };
    // The steps in runs of one stage, as the template orders them.
    let groups = move || {
        way.route
            .with(|r| r.stages())
            .into_iter()
            .enumerate()
            .map(|(i, (stage, steps))| {
                let heading = page.id(&format!("stage-{i}"));
                let steps = steps
                    .into_iter()
                    .map(|step| view! { <StepLink step expanded/> })
                    .collect_view();
                view! {
                    <li class="da-stage">
                        <p class="da-stage-title" id=heading.clone()>{stage.title()}</p>
                        <ol class="da-stage-steps" aria-labelledby=heading>{steps}</ol>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <nav class="da-nav" aria-label=t::steps_label()>
            <div class="da-nav-summary">
                <p class="da-nav-position">{move || way.route.with(|r| r.position(way.step.get()))}</p>
                <button
                    type="button"
                    class="da-button da-button-quiet da-nav-toggle"
                    aria-controls=list_id.clone()
                    aria-expanded=move || expanded.get().to_string()
                    on:click=move |_| expanded.update(|e| *e = !*e)
                >
                    {t::show_steps()}
                </button>
            </div>
            <div class="da-progress">
                // The bar: how far through (done and skipped); the words say which is which.
                <progress
                    class="da-progress-bar"
                    max=move || done.get().2.to_string()
                    value=move || {
                        let (n, skipped, _) = done.get();
                        (n + skipped).to_string()
                    }
                    aria-label=done_text
                ></progress>
                <span class="da-progress-text" aria-hidden="true">{done_text}</span>
            </div>
            <ul id=list_id class="da-steps" class:da-steps-open=move || expanded.get()>
                {groups}
            </ul>
        </nav>
    }
}

/// A button to another step: "Next: The goal", of which phones show only "Next".
#[component]
fn GoButton(
    /// Where it goes.
    to: Step,
    /// What it does ("Next", "Back", …).
    verb: &'static str,
    /// Where it goes, said after the verb; none when the verb says it all.
    #[prop(optional)]
    target: Option<String>,
    /// "da-button-primary" for the way on, "" for the others.
    #[prop(optional)]
    class: &'static str,
    /// An arrow before (back) or after (on), or none.
    #[prop(optional)]
    arrow: Option<bool>,
) -> impl IntoView {
    let way = use_way();
    // Its name is the whole ("Next: The goal"), also where phones show only the verb.
    let name = target.as_ref().map(|target| format!("{verb}: {target}"));
    view! {
        <button
            type="button"
            class=format!("da-button {class}")
            aria-label=name
            on:click=move |_| way.go_to(to)
        >
            {(arrow == Some(false)).then_some(view! { <span aria-hidden="true">"← "</span> })}
            // One flex item: the button's gap must not fall between the verb and its colon.
            <span>
                {verb}
                {target.map(|target| view! { <span class="da-go-target">": " {target}</span> })}
            </span>
            {(arrow == Some(true)).then_some(view! { <span aria-hidden="true">" →"</span> })}
        </button>
    }
}

/// Back and Next at the bottom of a step; at the end of the essentials, the invitation to go
/// deeper or to skip to the review; on every deeper step, the way to skip the rest.
#[component]
fn StepButtons() -> impl IntoView {
    let ctx = use_ctx();
    let way = use_way();
    view! {
        {move || {
            let step = way.step.get();
            let route = way.route.get();
            let next_step = route.next(step);
            // The last essential step, where going deeper starts.
            let last_essential = step.stage() == Stage::Essentials
                && next_step.is_some_and(|n| n.stage() == Stage::Deeper);
            let back = route
                .previous(step)
                .map(|to| view! { <GoButton to verb=t::back() target=way.title(to) arrow=false/> });
            let next = next_step
                .map(|to| {
                    let verb = match step {
                        Step::Welcome => t::begin(),
                        _ if last_essential => t::go_deeper(),
                        _ => t::next(),
                    };
                    view! {
                        <GoButton to verb target=way.title(to) class="da-button-primary da-next" arrow=true/>
                    }
                });
            // Skipping is offered where going deeper starts, and on each deeper step but the
            // last (whose next step is the review anyway).
            let skip = (last_essential
                || (step.stage() == Stage::Deeper
                    && next_step.is_some_and(|n| n.stage() == Stage::Deeper)))
                .then(|| view! { <GoButton to=Step::Review verb=t::skip_to_review()/> });
            view! {
                {last_essential.then(|| {
                    // How long going deeper takes follows the template's deeper steps.
                    let deeper = ctx.template.with(|t| estimate(t.as_deref()).1);
                    view! { <p class="da-help da-essentials-done">{t::essentials_done()} " " {t::deeper_takes(deeper)}</p> }
                })}
                <div class="da-step-buttons da-no-print">
                    {back}
                    <div class="da-step-forward">{skip} {next}</div>
                </div>
            }
        }}
    }
}

/// The current step: heading, introduction, its questions, and the buttons that move on.
#[component]
pub fn CurrentStep() -> impl IntoView {
    let page = use_page();
    let way = use_way();
    view! {
        <div class="da-step">
            {move || {
                (way.step.get().stage() == Stage::Deeper)
                    .then_some(view! { <p class="da-step-stage">{t::stage_deeper()}</p> })
            }}
            <h2 class="da-step-heading" id=page.id("step-heading") tabindex="-1">
                {move || way.title(way.step.get())}
            </h2>
            <p class="da-step-intro">{move || way.intro(way.step.get())}</p>
            <div class="da-step-body">
                {move || match way.step.get() {
                    Step::Welcome => view! { <Welcome/> }.into_any(),
                    Step::Section(section) => match first_blocks(section) {
                        Some(blocks) => view! { <SectionBlocks section blocks/> }.into_any(),
                        None if section_is_optional(section) => view! {
                            <Part load=deeper_step show={move |make: fn(SectionId) -> AnyView| make(section)}/>
                        }
                        .into_any(),
                        None => view! {
                            <Part load=essential_step show={move |make: fn(SectionId) -> AnyView| make(section)}/>
                        }
                        .into_any(),
                    },
                    step => view! {
                        <Part load=closing_step show={move |make: fn(Step) -> AnyView| make(step)}/>
                    }
                    .into_any(),
                }}
            </div>
            <StepButtons/>
        </div>
    }
}
