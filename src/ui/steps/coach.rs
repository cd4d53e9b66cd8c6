//! The coach's own questions (from their template), asked in a section's step after the
//! section's own. Their text is the coach's, always shown as text; an answer is kept with its
//! question (`Action::SetAnswer`), so it keeps its meaning whatever template opens it later.

use crate::core::template::{Question, QuestionKind};
use crate::core::text::ui as t;
use crate::core::{Action, Answer, Id, SectionId};
use crate::ui::ctx::use_ctx;
use crate::ui::fields::{described_by, invalid, FieldLabel, Messages, TextArea};
use leptos::prelude::*;

/// Every question the coach's template asks in `section`, in its order (none without one).
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
            view! {
                <div class="da-coach-questions">
                    {questions
                        .into_iter()
                        .map(|question| view! { <CoachQuestion question/> })
                        .collect_view()}
                </div>
            }
        })
    }
}

/// One of the coach's questions: its label (marked optional unless required), help, example
/// for the kind of relationship, control and messages.
#[component]
fn CoachQuestion(question: Question) -> impl IntoView {
    let ctx = use_ctx();
    let section = question.section;
    // Findings about an answer are keyed by the question's id, as the control's DOM id.
    let key = Id::new(question.id.clone());
    let id = ctx.field_id(section, key.as_ref(), "");
    let findings = ctx.findings_memo(section, key, "");
    let value = {
        let q = question.id.clone();
        Memo::new(move |_| {
            ctx.with(|a| {
                a.answers
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
    let described = described_by(&id, question.help.is_some(), has_example);
    let aria_invalid = move || findings.with(|f| invalid(f)).then_some("true");
    let control = match question.kind {
        QuestionKind::Text => view! {
            <TextArea
                id=id.clone()
                described
                invalid=Signal::derive(aria_invalid)
                value
                on_input=Callback::new(set)
            />
        }
        .into_any(),
        QuestionKind::Choice(options) => {
            // An answer that is not among the options (the template changed): still shown.
            let list = move || {
                let mut list = options.clone();
                value.with(|v| {
                    if !v.is_empty() && !list.contains(v) {
                        list.push(v.clone());
                    }
                });
                list
            };
            view! {
                <select
                    id=id.clone()
                    class="da-input da-select"
                    aria-describedby=described
                    aria-invalid=aria_invalid
                    on:change:target=move |ev| set(ev.target().value())
                >
                    <option value="" prop:selected=move || value.with(String::is_empty)>
                        {t::choose()}
                    </option>
                    <For each=list key=|option| option.clone() let:option>
                        {
                            let (this, words) = (option.clone(), option.clone());
                            view! {
                                <option
                                    value=option
                                    prop:selected=move || value.with(|v| *v == this)
                                >
                                    {words}
                                </option>
                            }
                        }
                    </For>
                </select>
            }
            .into_any()
        }
        // A line of text, or a date (the browser's own picker); both say each change.
        QuestionKind::Line | QuestionKind::Date => {
            let date = matches!(question.kind, QuestionKind::Date);
            view! {
                <input
                    type=if date { "date" } else { "text" }
                    id=id.clone()
                    class="da-input"
                    class:da-input-short=date
                    aria-describedby=described
                    aria-invalid=aria_invalid
                    prop:value=move || value.get()
                    on:input:target=move |ev| set(ev.target().value())
                />
            }
            .into_any()
        }
    };
    let help_id = format!("{id}-help");
    let example_id = format!("{id}-ex");
    view! {
        <div class="da-field da-coach-question">
            <FieldLabel for_id=id.clone() text=question.prompt.clone() optional=!question.required/>
            {question.help.map(|h| view! { <p class="da-help" id=help_id>{h}</p> })}
            {has_example
                .then(|| {
                    view! {
                        <p class="da-example" id=example_id hidden=move || example.with(Option::is_none)>
                            <span class="da-example-lead">{t::for_example()}</span>
                            " "
                            {move || example.get()}
                        </p>
                    }
                })}
            {control}
            <Messages id=format!("{id}-msg") findings/>
        </div>
    }
}
