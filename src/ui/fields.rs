//! The frame around every control: a visible label, help, the example for the chosen
//! relationship kind, and validation messages, tied to the control with `aria-describedby`.

use super::ctx::Ctx;
use super::dom::{derived, el, Derived, El};
use crate::core::text::{self, ui as t, Examples, QuestionId};
use crate::core::{Finding, Severity};

/// How a control is described.
pub struct Spec {
    /// DOM id of the control.
    pub id: String,
    pub help: Option<&'static str>,
    pub examples: Option<Examples>,
    pub optional: bool,
}

impl Spec {
    /// Ids of the elements that describe the control.
    pub fn described_by(&self) -> String {
        let mut ids = Vec::new();
        if self.help.is_some() {
            ids.push(format!("{}-help", self.id));
        }
        if self.examples.is_some() {
            ids.push(format!("{}-ex", self.id));
        }
        ids.push(format!("{}-msg", self.id));
        crate::core::join(&ids, " ")
    }
}

/// A label's text: fixed, or computed (with a person's name in it).
pub enum LabelText {
    Fixed(String),
    Computed(Derived<String>),
}

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
        Severity::Error => t::MSG_ERROR,
        Severity::Missing => t::MSG_MISSING,
        Severity::Warning => t::MSG_WARNING,
        Severity::Hint => t::MSG_HINT,
    }
}

/// Whether the findings make a control invalid (for `aria-invalid`).
pub fn invalid(findings: &[Finding]) -> bool {
    findings
        .iter()
        .any(|f| matches!(f.severity, Severity::Error | Severity::Missing))
}

/// Validation messages, each marked by kind in words, not only by colour.
pub fn messages(id: &str, findings: Derived<Vec<Finding>>) -> El {
    el("div").id(id).class("da-messages").content_dyn(
        move || findings.get(),
        |list| {
            list.into_iter()
                .map(|f| {
                    el("p")
                        .class(severity_class(f.severity))
                        .child(
                            el("span")
                                .class("da-msg-kind")
                                .text(severity_word(f.severity)),
                        )
                        .text(" ")
                        .text(&f.message)
                })
                .collect()
        },
    )
}

/// A `<label>` for a control.
pub fn label(for_id: &str, text: LabelText, optional: bool) -> El {
    let l = el("label").class("da-label").attr("for", for_id);
    let l = match text {
        LabelText::Fixed(s) => l.text(&s),
        LabelText::Computed(m) => l.text_dyn(move || m.get()),
    };
    if optional {
        l.child(
            el("span")
                .class("da-optional")
                .text(" (")
                .text(t::OPTIONAL)
                .text(")"),
        )
    } else {
        l
    }
}

/// The example for the current relationship kind.
fn example(ctx: Ctx, id: &str, ex: Examples, class: &str) -> El {
    let kind = derived(move || ctx.with(|a| a.relationship));
    el("p")
        .class(class)
        .id(id)
        .child(el("span").class("da-example-lead").text(t::FOR_EXAMPLE))
        .text(" ")
        .text_dyn(move || ex.for_kind(kind.get()).to_string())
}

/// Label, help and example above a control; messages below it.
pub fn frame(
    ctx: Ctx,
    spec: &Spec,
    text: LabelText,
    findings: Derived<Vec<Finding>>,
    control: El,
) -> El {
    el("div")
        .class("da-field")
        .child(label(&spec.id, text, spec.optional))
        .child_opt(spec.help.map(|h| {
            el("p")
                .class("da-help")
                .id(&format!("{}-help", spec.id))
                .text(h)
        }))
        .child_opt(
            spec.examples
                .map(|ex| example(ctx, &format!("{}-ex", spec.id), ex, "da-example")),
        )
        .child(control)
        .child(messages(&format!("{}-msg", spec.id), findings))
}

/// Help and example shown once above a list of items.
pub fn list_help(ctx: Ctx, questions: &'static [QuestionId]) -> El {
    let kind = derived(move || ctx.with(|a| a.relationship));
    el("dl")
        .class("da-list-help")
        .children(questions.iter().map(|q| {
            let q = text::question(*q);
            el("div")
                .class("da-list-help-item")
                .child(el("dt").text(q.prompt))
                .child(
                    el("dd").text(q.help).text(" ").child(
                        el("span")
                            .class("da-example-inline")
                            .child(el("span").class("da-example-lead").text(t::FOR_EXAMPLE))
                            .text(" ")
                            .text_dyn(move || q.examples.for_kind(kind.get()).to_string()),
                    ),
                )
        }))
}
