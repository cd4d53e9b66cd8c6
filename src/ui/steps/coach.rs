//! The coach's own questions (from their template), asked in a section's step after the
//! section's own. Their text is the coach's, always shown as text; an answer is kept with its
//! question (`Action::SetAnswer`), so it keeps its meaning whatever template opens it later.

use crate::core::template::{Question, QuestionKind};
use crate::core::text::ui as t;
use crate::core::AllianceStoreFields;
use crate::core::{Action, Answer, Id, SectionId};
use crate::ui::ctx::{use_ctx, use_page, use_way};
use crate::ui::fields::{use_field_control, FieldFrame, Select, TextArea};
use crate::ui::part::{part, Part};
use leptos::prelude::*;
use std::borrow::Cow;

/// Every question the coach's template asks in `section`, in its order (none without one).
/// Their views come with the part that read the template (a page without one never loads
/// them).
#[component]
pub fn CoachQuestions(
    /// The section whose step is shown.
    section: SectionId,
) -> impl IntoView {
    let ctx = use_ctx();
    move || {
        let questions: Vec<Question> = ctx
            .template
            .with(|t| {
                t.as_ref()
                    .map(|t| t.questions_in(section).cloned().collect())
            })
            .unwrap_or_default();
        (!questions.is_empty()).then(|| {
            let show = move |make: fn(Vec<Question>) -> AnyView| make(questions.clone());
            view! { <Part load=questions_part show/> }
        })
    }
}

part!(template, fetch_questions:
    /// What shows the coach's questions of a step.
    pub fn questions_part() -> fn(Vec<Question>) -> AnyView {
        questions_view
    }
);

fn questions_view(questions: Vec<Question>) -> AnyView {
    view! {
        <div class="da-coach-questions">
            {questions
                .into_iter()
                .map(|question| view! { <CoachQuestion question/> })
                .collect_view()}
        </div>
    }
    .into_any()
}

/// One of the coach's questions: its label (marked optional unless required), help, example
/// for the kind of relationship, control and messages.
#[component]
fn CoachQuestion(question: Question) -> impl IntoView {
    let ctx = use_ctx();
    let page = use_page();
    let way = use_way();
    let section = question.section;
    // Findings about an answer are keyed by the question's id, as the control's DOM id.
    let key = Id::new(question.id.clone());
    let id = page.field_id(section, key.as_ref(), "");
    let findings = way.findings(section, key, "");
    let value = {
        let q = question.id.clone();
        Memo::new(move |_| {
            ctx.alliance().answers().with(|answers| {
                answers
                    .iter()
                    .find(|answer| answer.question == q)
                    .map(|answer| answer.value.clone())
                    .unwrap_or_default()
            })
        })
    };
    let set = {
        let (q, prompt) = (question.id.clone(), question.prompt.clone());
        move |value: String| {
            ctx.apply(Action::SetAnswer(Answer {
                question: q.clone(),
                section,
                prompt: prompt.clone(),
                value,
            }));
        }
    };
    let example = {
        let question = question.clone();
        Signal::derive(move || question.example_for(ctx.kind.get()).map(str::to_string))
    };
    let has_example = question.example.is_some() || !question.examples.is_empty();
    let kind = question.kind.clone();
    // Made inside the frame, which gives it its id, description and validity.
    let control = move || -> AnyView {
        let frame = use_field_control();
        let aria_invalid = frame.aria_invalid();
        match kind {
            QuestionKind::Text => {
                view! { <TextArea value on_input=Callback::new(set)/> }.into_any()
            }
            QuestionKind::Choice(options) => {
                // "Choose…" first; an answer that is not among the options (the template
                // changed) is still shown.
                let choices = Signal::derive(move || {
                    let mut list = vec![(String::new(), t::choose().to_string())];
                    list.extend(options.iter().map(|o| (o.clone(), o.clone())));
                    value.with(|v| {
                        if !v.is_empty() && !options.contains(v) {
                            list.push((v.clone(), v.clone()));
                        }
                    });
                    list
                });
                view! { <Select choices value on_change=Callback::new(set)/> }.into_any()
            }
            // A line of text, or a date (the browser's own picker); both say each change.
            QuestionKind::Line | QuestionKind::Date => {
                let date = matches!(kind, QuestionKind::Date);
                view! {
                    <input
                        type=if date { "date" } else { "text" }
                        id=frame.id
                        class="da-input"
                        class:da-input-short=date
                        aria-describedby=frame.described_by
                        aria-invalid=aria_invalid
                        prop:value=move || value.get()
                        on:input:target=move |ev| set(ev.target().value())
                    />
                }
                .into_any()
            }
        }
    };
    view! {
        <FieldFrame
            id=id
            label=question.prompt.clone()
            help=question.help.clone().map(Cow::Owned)
            example=has_example.then_some(example)
            optional=!question.required
            findings
            class="da-coach-question"
        >
            {control()}
        </FieldFrame>
    }
}
