//! The generic components every step is rendered with: a question's frame (label, help, the
//! example for the chosen relationship, messages), its control, and lists of items.

mod control;
mod grow;
mod list;
mod me;

pub use control::FieldView;

pub use grow::TextArea;
pub use list::{AddButton, ItemList};
pub use me::WhoIsMe;

use crate::core::content;
use crate::core::content::QuestionId;
use crate::core::template::Reword;
use crate::core::text::ui as t;
use crate::core::{Finding, Severity};
use crate::ui::ctx::use_ctx;
use leptos::prelude::*;
use std::borrow::Cow;

fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Error => "da-msg da-msg-error",
        Severity::Missing => "da-msg da-msg-missing",
        Severity::Warning => "da-msg da-msg-warning",
        Severity::Hint => "da-msg da-msg-hint",
    }
}

fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => t::msg_error(),
        Severity::Missing => t::msg_missing(),
        Severity::Warning => t::msg_warning(),
        Severity::Hint => t::msg_hint(),
    }
}

/// Whether the findings make a control invalid (for `aria-invalid`).
pub fn invalid(findings: &[Finding]) -> bool {
    findings
        .iter()
        .any(|f| matches!(f.severity, Severity::Error | Severity::Missing))
}

/// Validation messages, each marked by kind in words, not only by colour.
#[component]
pub fn Messages(
    /// The DOM id a control's `aria-describedby` names.
    id: String,
    /// What validation says, kept up to date.
    #[prop(into)]
    findings: Signal<Vec<Finding>>,
) -> impl IntoView {
    view! {
        <div id=id class="da-messages">
            {move || {
                findings
                    .get()
                    .into_iter()
                    .map(|f| {
                        view! {
                            <p class=severity_class(f.severity)>
                                <span class="da-msg-kind">{severity_word(f.severity)}</span>
                                " "
                                {f.message}
                            </p>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}

/// The visible label of a control, marked "(optional)" when it may stay empty.
#[component]
pub fn FieldLabel(
    /// The id of the control it labels.
    #[prop(into)]
    for_id: String,
    /// What it says.
    #[prop(into)]
    text: Signal<String>,
    /// Whether the control may stay empty.
    #[prop(optional)]
    optional: bool,
) -> impl IntoView {
    view! {
        <label class="da-label" for=for_id>
            {move || text.get()}
            {optional
                .then(|| {
                    view! { <span class="da-optional">" (" {t::optional()} ")"</span> }
                })}
        </label>
    }
}

/// The coach's wording for one of the widget's own questions, when their template has it
/// (none: the widget's own words).
pub fn reworded(q: QuestionId) -> Reword {
    use_ctx()
        .template
        .with_untracked(|t| t.as_ref().and_then(|t| t.reworded(q)).cloned())
        .unwrap_or_default()
}

/// What a control inside a [`FieldFrame`] takes from it, through context (as thaw's `Field`
/// gives its input): its DOM id, the ids of what describes it, and whether it is invalid.
#[derive(Clone)]
pub struct FieldControl {
    pub id: String,
    pub described_by: String,
    pub invalid: Signal<bool>,
}

impl FieldControl {
    /// `aria-invalid`, while it is.
    pub fn aria_invalid(&self) -> impl Fn() -> Option<&'static str> + Copy + Send + Sync + 'static {
        let invalid = self.invalid;
        move || invalid.get().then_some("true")
    }
}

/// The frame the control being made sits in.
pub fn use_field_control() -> FieldControl {
    use_context::<FieldControl>().unwrap_or_else(|| FieldControl {
        id: String::new(),
        described_by: String::new(),
        invalid: Signal::stored(false),
    })
}

/// The one frame of every question: its label (marked optional when it may stay empty), help
/// and example above the control, its messages below, tied together with `aria-describedby`.
/// The control (`children`) takes its id, what describes it and whether it is invalid from
/// the frame ([`use_field_control`]).
#[component]
pub fn FieldFrame(
    /// The DOM id of the control.
    id: String,
    /// The question.
    #[prop(into)]
    label: Signal<String>,
    /// A sentence or two under the label.
    help: Option<Cow<'static, str>>,
    /// The example under the help, which may follow the kind of relationship (`None`: the
    /// question has none; a signal giving `None`: none for this kind).
    #[prop(default = None)]
    example: Option<Signal<Option<String>>>,
    /// Whether the control may stay empty.
    #[prop(optional)]
    optional: bool,
    /// What validation says about the control.
    #[prop(into)]
    findings: Signal<Vec<Finding>>,
    /// A class of its own, besides `da-field`.
    #[prop(optional)]
    class: Option<&'static str>,
    /// The control itself.
    children: Children,
) -> impl IntoView {
    provide_context(FieldControl {
        id: id.clone(),
        described_by: described_by(&id, help.is_some(), example.is_some()),
        invalid: Signal::derive(move || findings.with(|f| invalid(f))),
    });
    let class = class.map_or_else(|| "da-field".to_string(), |c| format!("da-field {c}"));
    view! {
        <div class=class>
            <FieldLabel for_id=id.clone() text=label optional/>
            {help.map(|h| view! { <p class="da-help" id=format!("{id}-help")>{h}</p> })}
            {example
                .map(|example| {
                    view! {
                        <p
                            class="da-example"
                            id=format!("{id}-ex")
                            hidden=move || example.with(Option::is_none)
                        >
                            <span class="da-example-lead">{t::for_example()}</span>
                            " "
                            {move || example.get()}
                        </p>
                    }
                })}
            {children()}
            <Messages id=format!("{id}-msg") findings/>
        </div>
    }
}

/// A choice among `choices` (each its value and its words), showing `value`; its id, what
/// describes it and whether it is invalid come from its [`FieldFrame`].
#[component]
pub fn Select(
    /// Each choice: its value and its words, in order.
    #[prop(into)]
    choices: Signal<Vec<(String, String)>>,
    /// The value chosen, kept up to date.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the value chosen.
    on_change: Callback<String>,
) -> impl IntoView {
    let frame = use_field_control();
    let aria_invalid = frame.aria_invalid();
    view! {
        <select
            id=frame.id
            class="da-input da-select"
            aria-describedby=frame.described_by
            aria-invalid=aria_invalid
            on:change:target=move |ev| on_change.run(ev.target().value())
        >
            <For each=move || choices.get() key=|choice| choice.clone() let:choice>
                {
                    let (value_of, words) = choice;
                    let this = value_of.clone();
                    view! {
                        <option value=value_of prop:selected=move || value.with(|v| *v == this)>
                            {words}
                        </option>
                    }
                }
            </For>
        </select>
    }
}

/// The ids of the elements that describe the control `id`: its help and example when it has
/// them, and its messages.
pub fn described_by(id: &str, help: bool, example: bool) -> String {
    let mut ids = Vec::new();
    if help {
        ids.push(format!("{id}-help"));
    }
    if example {
        ids.push(format!("{id}-ex"));
    }
    ids.push(format!("{id}-msg"));
    ids.join(" ")
}

/// Help and example of a list's questions, shown once above its items.
#[component]
pub fn ListHelp(
    /// The questions every item of the list answers.
    questions: &'static [QuestionId],
) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <dl class="da-list-help">
            {questions
                .iter()
                .map(|id| {
                    // In the coach's words where their template gives them.
                    let (q, own) = (content::question(*id), reworded(*id));
                    view! {
                        <div class="da-list-help-item">
                            <dt>{own.prompt.unwrap_or_else(|| q.prompt.into())}</dt>
                            <dd>
                                {own.help.unwrap_or_else(|| q.help.into())}
                                " "
                                <span class="da-example-inline">
                                    <span class="da-example-lead">{t::for_example()}</span>
                                    " "
                                    {move || {
                                        own.example
                                            .clone()
                                            .unwrap_or_else(|| q.examples.for_kind(ctx.kind.get()).into())
                                    }}
                                </span>
                            </dd>
                        </div>
                    }
                })
                .collect_view()}
        </dl>
    }
}
