//! The progress indicator (every step with its state), the step itself, and next / back.

use super::ctx::{Ctx, Step, STEPS};
use super::dom::{derived, el, El, Sig};
use crate::core::text::{self, ui as t};

pub fn step_nav(ctx: Ctx) -> El {
    let expanded = Sig::new(false);
    let list_id = ctx.id("steps");
    let percent = derived(move || ctx.report_with(crate::core::Report::percent_complete));
    el("nav")
        .class("da-nav")
        .attr("aria-label", t::STEPS_LABEL)
        .child(
            el("div")
                .class("da-nav-summary")
                .child(
                    el("p")
                        .class("da-nav-position")
                        .text_dyn(move || t::step_of(ctx.step.get().index() + 1, STEPS.len())),
                )
                .child(
                    el("button")
                        .attr("type", "button")
                        .class("da-button da-button-quiet da-nav-toggle")
                        .attr("aria-controls", &list_id)
                        .attr_dyn("aria-expanded", move || Some(expanded.get().to_string()))
                        .text(t::SHOW_STEPS)
                        .on_click(move || expanded.update(|e| *e = !*e)),
                ),
        )
        .child(
            el("div")
                .class("da-progress")
                .child(
                    el("progress")
                        .class("da-progress-bar")
                        .attr("max", "100")
                        .attr_dyn("value", move || Some(percent.get().to_string()))
                        .attr_dyn("aria-label", move || Some(t::progress_label(percent.get()))),
                )
                .child(
                    el("span")
                        .class("da-progress-text")
                        .attr("aria-hidden", "true")
                        .text_dyn(move || format!("{}%", percent.get())),
                ),
        )
        .child(
            el("ol")
                .id(&list_id)
                .class("da-steps")
                .class_dyn("da-steps-open", move || expanded.get())
                .children(STEPS.iter().enumerate().map(|(i, step)| {
                    let step = *step;
                    let state = derived(move || ctx.step_state(step));
                    let current = derived(move || ctx.step.get() == step);
                    el("li").class("da-step-item").child(
                        el("button")
                            .attr("type", "button")
                            .attr_dyn("class", move || {
                                Some(format!("da-step-link {}", state.get().class()))
                            })
                            .class_dyn("da-step-current", move || current.get())
                            .attr_dyn("aria-current", move || {
                                current.get().then(|| "step".to_string())
                            })
                            .child(
                                el("span")
                                    .class("da-step-marker")
                                    .attr("aria-hidden", "true")
                                    .text(&(i + 1).to_string()),
                            )
                            .child(el("span").class("da-step-title").text(step.title()))
                            // Seen as a small label; heard as "(needs attention)" after the title.
                            .child(
                                el("span")
                                    .class("da-step-state")
                                    .attr("aria-hidden", "true")
                                    .text_dyn(move || state.get().label().to_string()),
                            )
                            .child(
                                el("span")
                                    .class("da-visually-hidden")
                                    .text_dyn(move || format!(" ({})", state.get().label())),
                            )
                            .on_click(move || {
                                expanded.set(false);
                                ctx.go_to(step);
                            }),
                    )
                })),
        )
}

/// Back and Next at the bottom of a step.
fn step_buttons(ctx: Ctx) -> El {
    el("div").class("da-step-buttons da-no-print").content_dyn(
        move || ctx.step.get(),
        move |step| {
            let mut v = Vec::new();
            if let Some(prev) = step.previous() {
                v.push(
                    el("button")
                        .attr("type", "button")
                        .class("da-button")
                        .child(el("span").attr("aria-hidden", "true").text("← "))
                        .text(&t::back_to(prev.title()))
                        .on_click(move || ctx.go_to(prev)),
                );
            }
            if let Some(next) = step.next() {
                v.push(
                    el("button")
                        .attr("type", "button")
                        .class("da-button da-button-primary da-next")
                        .text(&t::next_to(next.title()))
                        .child(el("span").attr("aria-hidden", "true").text(" →"))
                        .on_click(move || ctx.go_to(next)),
                );
            }
            v
        },
    )
}

/// The current step: heading, introduction, its questions, and next / back.
pub fn current_step(ctx: Ctx) -> El {
    use super::form::render_blocks;
    use super::steps::{agreement_step, blocks, finish_step, review_step};
    let intro = move || match ctx.step.get() {
        Step::Section(s) => text::section(s).intro,
        Step::Review => t::REVIEW_INTRO,
        Step::Agreement => t::AGREEMENT_INTRO,
        Step::Finish => t::FINISH_INTRO,
    };
    el("div")
        .class("da-step")
        .child(
            el("h2")
                .class("da-step-heading")
                .id(&ctx.id("step-heading"))
                .attr("tabindex", "-1")
                .text_dyn(move || ctx.step.get().title().to_string()),
        )
        .child(
            el("p")
                .class("da-step-intro")
                .text_dyn(move || intro().to_string()),
        )
        .child(el("div").class("da-step-body").content_dyn(
            move || ctx.step.get(),
            move |step| match step {
                Step::Section(s) => render_blocks(ctx, s, blocks(s)),
                Step::Review => review_step(ctx),
                Step::Agreement => agreement_step(ctx),
                Step::Finish => finish_step(ctx),
            },
        ))
        .child(step_buttons(ctx))
}
