//! The wizard's questions as data: each step is a table of [`Block`]s whose fields read and
//! write the alliance through plain function pointers. A few generic components render every
//! step, so a new question is a new table row, not new view code. (It also keeps the
//! WebAssembly small: view code is compiled once per distinct view type.)

use super::ctx::Ctx;
use super::dom::{derived, el, Derived, El};
use super::fields::{frame, invalid, label, list_help, messages, LabelText, Spec};
use super::list::{add_button, item_tools, position};
use crate::core::text::{self, ui as t, QuestionId, ReflectionMoment};
use crate::core::{Action, Alliance, Id, Item, ItemText, ListKind, SectionId};

/// Choices for a select: (key, label) pairs; key "" stands for "not chosen". Receives the
/// item's id (or the alliance's own id).
pub type Options = fn(&Alliance, &Id) -> Vec<(String, String)>;

/// What kind of control a field is.
#[derive(Clone, Copy)]
pub enum Kind {
    /// One line of text.
    Line,
    /// Several lines of text.
    Text,
    Choice(Options),
    Date,
    Time,
    /// Whole minutes, 1 to 1440.
    Minutes,
    /// A checkbox; the value is "true" or "".
    Check,
}

/// How a field is labelled.
#[derive(Clone, Copy)]
pub enum Label {
    /// The catalogue question, with its help and the example for the relationship kind.
    Question(QuestionId),
    /// Only the question's prompt (help and examples are shown once, above the list).
    Compact(QuestionId),
    Static(&'static str),
    /// Computed, e.g. with a person's name in it.
    Dynamic(fn(&Alliance, &Id) -> String),
}

/// One question. `get` and `set` receive the list item's id, or the alliance's own id for a
/// field of the alliance itself.
#[derive(Clone, Copy)]
pub struct Field {
    /// The JSON name of the field: part of the control's DOM id, and how findings find it.
    pub json: &'static str,
    pub label: Label,
    pub kind: Kind,
    pub optional: bool,
    pub get: fn(&Alliance, &Id) -> Option<String>,
    /// The change that sets the field to a value (`None`: nothing to change).
    pub set: fn(&Alliance, &Id, &str) -> Option<Action>,
    /// When present, the field shows only while this says so.
    pub visible: Option<fn(&Alliance, &Id) -> bool>,
    /// A text field of a list item, read and written through the core (`get` and `set` are
    /// then not used): no code per field.
    pub item: Option<ItemText>,
}

/// Items of one list that share their fields.
pub struct ListDesc {
    pub list: ListKind,
    /// What one item is called ("Commitment").
    pub noun: &'static str,
    pub fields: &'static [Field],
    /// The legend of an item, when not "Noun N".
    pub legend: Option<fn(&Alliance, &Id) -> String>,
    /// More to show inside each item (a decision's options).
    pub extra: Option<fn(Ctx, Id) -> El>,
    /// Whether items can be moved and removed.
    pub tools: bool,
}

/// A "+ Add" button: its label, the JSON name findings about the whole list use (so they
/// link to it), how to make a new item, and the field to focus in it.
pub struct Add {
    pub label: &'static str,
    pub json: &'static str,
    pub make: fn(&Alliance, Id) -> Item,
    pub focus: &'static str,
}

/// A list as part of a step.
pub struct ListBlock {
    pub heading: Option<&'static str>,
    pub help: &'static [QuestionId],
    pub desc: ListDesc,
    /// Which items to show, in order.
    pub ids: fn(&Alliance) -> Vec<Id>,
    pub add: Option<Add>,
}

/// A part of a step.
pub enum Block {
    Field(Field),
    /// Fields side by side.
    Row(&'static [Field]),
    List(ListBlock),
    Reflections(ReflectionMoment, &'static str),
    Heading(&'static str),
    Custom(fn(Ctx) -> El),
}

/// Renders the blocks of a step.
pub fn render_blocks(ctx: Ctx, section: SectionId, blocks: &'static [Block]) -> Vec<El> {
    blocks
        .iter()
        .map(|b| render_block(ctx, section, b))
        .collect()
}

fn render_block(ctx: Ctx, section: SectionId, block: &'static Block) -> El {
    match block {
        Block::Field(f) => field_view(ctx, section, f, None),
        Block::Row(fields) => el("div")
            .class("da-row")
            .children(fields.iter().map(|f| field_view(ctx, section, f, None))),
        Block::Heading(h) => el("h3").class("da-subheading").text(h),
        Block::Reflections(moment, heading) => reflections(ctx, *moment, heading),
        Block::Custom(f) => f(ctx),
        Block::List(lb) => {
            let ids = derived(move || ctx.with(lb.ids));
            let add_id = lb.add.as_ref().map(|a| ctx.field_id(section, None, a.json));
            let after_remove = add_id.clone().unwrap_or_else(|| ctx.id("step-heading"));
            el("section")
                .class("da-list-section")
                .child_opt(lb.heading.map(|h| el("h3").class("da-subheading").text(h)))
                .child_opt((!lb.help.is_empty()).then(|| list_help(ctx, lb.help)))
                .child_opt(lb.add.as_ref().map(|a| {
                    let json = a.json;
                    messages(
                        &ctx.id(&format!("{}-{json}-list-msg", section.key())),
                        derived(move || ctx.findings(section, None, json)),
                    )
                }))
                .child(list_view(ctx, section, &lb.desc, ids, after_remove))
                .child_opt(lb.add.as_ref().map(|a| {
                    let (make, focus) = (a.make, a.focus);
                    add_button(
                        ctx,
                        add_id.clone().unwrap_or_default(),
                        el("span").text(a.label),
                        lb.desc.list,
                        lb.desc.noun,
                        make,
                        move |id| ctx.field_id(section, Some(id), focus),
                    )
                }))
        }
    }
}

/// Every item of `ids`, keyed by id, each with its fields and tools.
pub fn list_view(
    ctx: Ctx,
    section: SectionId,
    desc: &'static ListDesc,
    ids: Derived<Vec<Id>>,
    after_remove: String,
) -> El {
    el("ol").class("da-items").keyed(
        move || ids.get(),
        move |id| item_view(ctx, section, desc, id, ids, after_remove.clone()),
    )
}

fn item_view(
    ctx: Ctx,
    section: SectionId,
    desc: &'static ListDesc,
    id: Id,
    siblings: Derived<Vec<Id>>,
    after_remove: String,
) -> El {
    let legend = {
        let id = id.clone();
        derived(move || match desc.legend {
            Some(f) => ctx.with(|a| f(a, &id)),
            None => t::item_label(desc.noun, position(&siblings.get(), &id).0),
        })
    };
    el("li").class("da-item").child(
        el("fieldset")
            .class("da-item-fieldset")
            .child(
                el("legend")
                    .class("da-item-legend")
                    .text_dyn(move || legend.get()),
            )
            .children(
                desc.fields
                    .iter()
                    .map(|f| field_view(ctx, section, f, Some(id.clone()))),
            )
            .child_opt(desc.extra.map(|e| e(ctx, id.clone())))
            .child_opt(desc.tools.then(|| {
                item_tools(
                    ctx,
                    desc.list,
                    id.clone(),
                    desc.noun,
                    siblings,
                    after_remove,
                )
            })),
    )
}

/// One field of the alliance (`item` None) or of a list item. Hidden while `visible` says so.
pub fn field_view(ctx: Ctx, section: SectionId, field: &'static Field, item: Option<Id>) -> El {
    let Some(key) = item
        .clone()
        .or_else(|| ctx.try_with_untracked(|a| a.id.clone()))
    else {
        // Only while the widget is being taken down.
        return el("div");
    };
    match field.visible {
        None => control(ctx, section, field, item, key),
        Some(visible) => {
            let shown = {
                let key = key.clone();
                derived(move || ctx.with(|a| visible(a, &key)))
            };
            el("div").class("da-field-slot").content_dyn(
                move || shown.get(),
                move |shown| {
                    if shown {
                        vec![control(ctx, section, field, item.clone(), key.clone())]
                    } else {
                        Vec::new()
                    }
                },
            )
        }
    }
}

fn control(ctx: Ctx, section: SectionId, field: &'static Field, item: Option<Id>, key: Id) -> El {
    let dom_id = ctx.field_id(section, item.as_ref(), field.json);
    let value = {
        let key = key.clone();
        derived(move || {
            ctx.with(|a| match field.item {
                Some(t) => a.item_text(t, &key).map(str::to_string).unwrap_or_default(),
                None => (field.get)(a, &key).unwrap_or_default(),
            })
        })
    };
    let findings = derived(move || ctx.findings(section, item.as_ref(), field.json));
    let text = match field.label {
        Label::Question(q) | Label::Compact(q) => {
            LabelText::Fixed(text::question(q).prompt.to_string())
        }
        Label::Static(s) => LabelText::Fixed(s.to_string()),
        Label::Dynamic(f) => {
            let key = key.clone();
            LabelText::Computed(derived(move || ctx.with(|a| f(a, &key))))
        }
    };
    let set = {
        let key = key.clone();
        move |v: String| {
            let action = match field.item {
                Some(t) => Some(Action::SetItemText(t, key.clone(), v)),
                None => ctx.with_untracked(|a| (field.set)(a, &key, &v)),
            };
            if let Some(action) = action {
                ctx.apply(action);
            }
        }
    };
    let question = match field.label {
        Label::Question(q) => Some(text::question(q)),
        _ => None,
    };
    let spec = Spec {
        id: dom_id.clone(),
        help: question.map(|q| q.help),
        examples: question.map(|q| q.examples),
        optional: field.optional,
    };
    let described = spec.described_by();
    let (tag, input_type, class) = match field.kind {
        Kind::Line => ("input", "text", "da-input"),
        Kind::Text => ("textarea", "", "da-input da-textarea"),
        Kind::Choice(_) => ("select", "", "da-input da-select"),
        Kind::Date => ("input", "date", "da-input da-input-short"),
        Kind::Time => ("input", "time", "da-input da-input-short"),
        Kind::Minutes => ("input", "number", "da-input da-input-short"),
        Kind::Check => ("input", "checkbox", "da-checkbox"),
    };
    let mut input = el(tag)
        .id(&dom_id)
        .class(class)
        .attr("aria-describedby", &described);
    if !input_type.is_empty() {
        input = input.attr("type", input_type);
    }
    if let Kind::Check = field.kind {
        let input = input
            .checked_dyn(move || value.get() == "true")
            .on("change", move |ev| {
                let on = ev
                    .target()
                    .and_then(|t| js_sys::Reflect::get(&t, &"checked".into()).ok())
                    .and_then(|v| v.as_bool());
                set(if on == Some(true) {
                    "true".into()
                } else {
                    String::new()
                });
            });
        return el("div")
            .class("da-check")
            .child(input)
            .child(label(&spec.id, text, false))
            .child(messages(&format!("{}-msg", spec.id), findings));
    }
    input = input.attr_dyn("aria-invalid", move || {
        invalid(&findings.get()).then(|| "true".to_string())
    });
    input = match field.kind {
        Kind::Text => input.attr("rows", "3"),
        Kind::Minutes => input
            .attr("min", "1")
            .attr("max", "1440")
            .attr("inputmode", "numeric"),
        Kind::Choice(options) => {
            let options = derived(move || ctx.with(|a| options(a, &key)));
            // Rebuilt options must keep showing the current value.
            input.content_dyn(
                move || options.get(),
                move |list| {
                    let current = value.get();
                    list.into_iter()
                        .map(|(k, l)| {
                            let o = el("option").attr("value", &k).text(&l);
                            if k == current {
                                o.attr("selected", "")
                            } else {
                                o
                            }
                        })
                        .collect()
                },
            )
        }
        _ => input,
    };
    // Typing updates at once; dates, times, numbers and choices when committed.
    let event = if matches!(field.kind, Kind::Line | Kind::Text) {
        "input"
    } else {
        "change"
    };
    let input = input
        .value_dyn(move || value.get())
        .on(event, move |ev| set(event_value(&ev)));
    frame(ctx, &spec, text, findings, input)
}

/// The value of the element an event happened on.
pub fn event_value(ev: &web_sys::Event) -> String {
    ev.target()
        .and_then(|t| js_sys::Reflect::get(&t, &"value".into()).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// Reflection prompts of one moment, each answered or left empty.
fn reflections(ctx: Ctx, moment: ReflectionMoment, heading: &'static str) -> El {
    use crate::core::text::{reflection, REFLECTIONS};
    use crate::core::TextField;
    let heading_id = ctx.id(&format!("reflect-{}", moment_key(moment)));
    el("section")
        .class("da-reflections")
        .attr("aria-labelledby", &heading_id)
        .child(
            el("h3")
                .class("da-subheading")
                .id(&heading_id)
                .text(heading),
        )
        .child(el("p").class("da-help").text(t::REFLECT_NOTE))
        .children(
            REFLECTIONS
                .iter()
                .enumerate()
                .filter(|(_, r)| r.moment == moment)
                .map(|(i, r)| {
                    let field = TextField::Reflection(r.id);
                    let r = reflection(r.id);
                    let dom_id = ctx.id(&format!("reflect-{i}"));
                    let value = derived(move || ctx.with(|a| a.text(field).to_string()));
                    let spec = Spec {
                        id: dom_id.clone(),
                        help: Some(r.help),
                        examples: None,
                        optional: true,
                    };
                    let control = el("textarea")
                        .id(&dom_id)
                        .class("da-input da-textarea")
                        .attr("rows", "3")
                        .attr("aria-describedby", &spec.described_by())
                        .value_dyn(move || value.get())
                        .on("input", move |ev| {
                            ctx.apply(Action::SetText(field, event_value(&ev)));
                        });
                    frame(
                        ctx,
                        &spec,
                        LabelText::Fixed(r.prompt.to_string()),
                        derived(Vec::new),
                        control,
                    )
                }),
        )
}

fn moment_key(m: ReflectionMoment) -> &'static str {
    match m {
        ReflectionMoment::BeforeYouBegin => "before",
        ReflectionMoment::AfterAgreeing => "after",
        ReflectionMoment::AtReview => "review",
    }
}
