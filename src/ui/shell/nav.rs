//! The progress indicator (every step with its state), the step itself, and next / back.

use crate::core::text::ui as t;
use crate::core::Report;
use crate::ui::ctx::{use_ctx, Step, STEPS};
use crate::ui::steps::{blocks, AgreementStep, FinishStep, ReviewStep, SectionBlocks};
use leptos::prelude::*;

/// Every step, with where it stands, and the overall progress.
#[component]
pub fn StepNav() -> impl IntoView {
    let ctx = use_ctx();
    let expanded = RwSignal::new(false);
    let list_id = ctx.id("steps");
    let percent = Memo::new(move |_| ctx.doc.with(|d| Report::percent_complete(&d.report)));
    let steps = STEPS
        .iter()
        .enumerate()
        .map(|(i, &step)| {
            let state = Memo::new(move |_| ctx.step_state(step));
            let current = move || ctx.step.get() == step;
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
                            ctx.go_to(step);
                        }
                    >
                        <span class="da-step-marker" aria-hidden="true">{i + 1}</span>
                        <span class="da-step-title">{step.title()}</span>
                        // Seen as a small label; heard as "(needs attention)" after the title.
                        <span class="da-step-state" aria-hidden="true">{move || state.get().label()}</span>
                        <span class="da-visually-hidden">{move || format!(" ({})", state.get().label())}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="da-nav" aria-label=t::STEPS_LABEL>
            <div class="da-nav-summary">
                <p class="da-nav-position">
                    {move || t::step_of(ctx.step.get().index() + 1, STEPS.len())}
                </p>
                <button
                    type="button"
                    class="da-button da-button-quiet da-nav-toggle"
                    aria-controls=list_id.clone()
                    aria-expanded=move || expanded.get().to_string()
                    on:click=move |_| expanded.update(|e| *e = !*e)
                >
                    {t::SHOW_STEPS}
                </button>
            </div>
            <div class="da-progress">
                <progress
                    class="da-progress-bar"
                    max="100"
                    value=move || percent.get().to_string()
                    aria-label=move || t::progress_label(percent.get())
                ></progress>
                <span class="da-progress-text" aria-hidden="true">{move || format!("{}%", percent.get())}</span>
            </div>
            <ol id=list_id class="da-steps" class:da-steps-open=move || expanded.get()>
                {steps}
            </ol>
        </nav>
    }
}

/// Back and Next at the bottom of a step.
#[component]
fn StepButtons() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="da-step-buttons da-no-print">
            {move || {
                let step = ctx.step.get();
                let back = step
                    .previous()
                    .map(|prev| {
                        view! {
                            <button type="button" class="da-button" on:click=move |_| ctx.go_to(prev)>
                                <span aria-hidden="true">"← "</span>
                                {t::back_to(prev.title())}
                            </button>
                        }
                    });
                let next = step
                    .next()
                    .map(|next| {
                        view! {
                            <button
                                type="button"
                                class="da-button da-button-primary da-next"
                                on:click=move |_| ctx.go_to(next)
                            >
                                {t::next_to(next.title())}
                                <span aria-hidden="true">" →"</span>
                            </button>
                        }
                    });
                view! { {back} {next} }
            }}
        </div>
    }
}

/// The current step: heading, introduction, its questions, and next / back.
#[component]
pub fn CurrentStep() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="da-step">
            <h2 class="da-step-heading" id=ctx.id("step-heading") tabindex="-1">
                {move || ctx.step.get().title()}
            </h2>
            <p class="da-step-intro">{move || ctx.step.get().intro()}</p>
            <div class="da-step-body">
                {move || match ctx.step.get() {
                    Step::Section(section) => {
                        view! { <SectionBlocks section blocks=blocks(section)/> }.into_any()
                    }
                    Step::Review => view! { <ReviewStep/> }.into_any(),
                    Step::Agreement => view! { <AgreementStep/> }.into_any(),
                    Step::Finish => view! { <FinishStep/> }.into_any(),
                }}
            </div>
            <StepButtons/>
        </div>
    }
}
