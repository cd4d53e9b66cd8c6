//! One question of a table, rendered: its control, bound to the alliance through the field's
//! [`Value`], inside its frame.

use super::{use_field_control, FieldFrame, FieldLabel, Messages, Select, TextArea};
use crate::core::content;
use crate::core::text;
use crate::core::{Action, Finding, Id, Item, SectionId};
use crate::ui::ctx::{use_ctx, use_page, use_way, Ctx};
use crate::ui::steps::table::{ChoiceList, Choices, Field, Kind, Label, Shown, Value};
use leptos::prelude::*;
use std::borrow::Cow;

/// The list item a field belongs to, kept up to date (see [`Ctx::item`]).
pub type ItemMemo = Signal<Option<Item>>;

/// One field of the alliance (`key` None) or of the list item `item`, whose own id (or its
/// option's, for a decision's options) is `key`. Hidden while the field's [`Shown`] says so.
#[component]
pub fn FieldView(
    /// The section the field belongs to (findings and DOM ids are per section).
    section: SectionId,
    /// The question, from a step's table.
    field: &'static Field,
    /// The id of the list item (or of its option) the field is about; none for the
    /// alliance's own fields.
    #[prop(optional)]
    key: Option<Id>,
    /// The list item, kept up to date.
    #[prop(optional)]
    item: Option<ItemMemo>,
) -> impl IntoView {
    let ctx = use_ctx();
    // `Show` keeps its condition in a memo of its own: the control is built once per change
    // of the answer, not once per change of the alliance.
    let shown: Option<Signal<bool>> = match field.shown {
        Shown::Always => None,
        Shown::IfTop(f) => Some(Signal::derive(move || f(ctx.alliance()))),
        Shown::IfItem(f) => Some(Signal::derive(move || {
            item.is_some_and(|i| i.with(|i| i.as_ref().is_some_and(f)))
        })),
    };
    match shown {
        None => view! { <Control section field key item/> }.into_any(),
        Some(shown) => view! {
            <div class="da-field-slot">
                <Show when=move || shown.get()>
                    <Control section field key=key.clone() item/>
                </Show>
            </div>
        }
        .into_any(),
    }
}

/// What the field holds now (tracked).
fn read(ctx: Ctx, value: Value, key: Option<&Id>, item: Option<ItemMemo>) -> String {
    let from_item = |f: &dyn Fn(&Item) -> String| {
        item.and_then(|i| i.with(|i| i.as_ref().map(f)))
            .unwrap_or_default()
    };
    match value {
        Value::Text(field) => ctx.text(field),
        Value::Top { get, .. } => get(ctx.alliance()),
        Value::ItemText(field) => from_item(&|i| {
            key.and_then(|k| i.text(field, k))
                .unwrap_or_default()
                .to_string()
        }),
        Value::Item { get, .. } => from_item(&get),
        Value::PerParty { get, .. } => match key {
            Some(party) => get(ctx.alliance(), party),
            None => String::new(),
        },
    }
}

/// The change that sets the field to `v` (`None`: nothing to change).
fn change(
    ctx: Ctx,
    value: Value,
    key: Option<&Id>,
    item: Option<ItemMemo>,
    v: &str,
) -> Option<Action> {
    match value {
        Value::Text(field) => Some(Action::SetText(field, v.to_string())),
        Value::Top { set, .. } => ctx.try_with_untracked(|a| set(a, v)).flatten(),
        Value::ItemText(field) => Some(Action::SetItemText(field, key?.clone(), v.to_string())),
        Value::Item { set, .. } => item?.get_untracked().and_then(|i| set(&i, v)),
        Value::PerParty { set, .. } => {
            let party = key?;
            ctx.try_with_untracked(|a| set(a, party, v)).flatten()
        }
    }
}

/// The choices of a select, kept up to date.
fn choices(
    ctx: Ctx,
    choices: Choices,
    value: Memo<String>,
    item: Option<ItemMemo>,
) -> Signal<ChoiceList> {
    match choices {
        Choices::Fixed(f) => Signal::stored(f()),
        Choices::Parties { everyone } => Signal::derive(move || {
            let mut list: ChoiceList = ctx
                .party_labels
                .get()
                .into_iter()
                .map(|(id, name)| (id.to_string(), name))
                .collect();
            if everyone {
                list.push((
                    crate::core::EVERYONE.to_string(),
                    text::everyone_label().to_string(),
                ));
            }
            // A party who left, while still chosen: the select keeps showing the truth.
            let current = value.get();
            if !current.is_empty() && !list.iter().any(|(k, _)| *k == current) {
                list.push((current, text::missing_party().to_string()));
            }
            list
        }),
        Choices::OfItem(f) => Signal::derive(move || {
            item.and_then(|i| i.with(|i| i.as_ref().map(f)))
                .unwrap_or_default()
        }),
    }
}

#[component]
fn Control(
    /// As for [`FieldView`].
    section: SectionId,
    field: &'static Field,
    key: Option<Id>,
    item: Option<ItemMemo>,
) -> impl IntoView {
    let ctx = use_ctx();
    let page = use_page();
    let way = use_way();
    let id = page.field_id(section, key.as_ref(), field.json);
    let value = {
        let key = key.clone();
        Memo::new(move |_| read(ctx, field.value, key.as_ref(), item))
    };
    let findings: Memo<Vec<Finding>> = way.findings(section, key.clone(), field.json);
    let set = {
        let key = key.clone();
        move |v: String| {
            if let Some(action) = change(ctx, field.value, key.as_ref(), item, &v) {
                ctx.apply(action);
            }
        }
    };
    // The coach's wording of the question, where their template gives it.
    let own = match field.label {
        Label::Question(q) | Label::Compact(q) => super::reworded(q),
        _ => Default::default(),
    };
    let label: Signal<String> = match field.label {
        Label::Question(q) | Label::Compact(q) => Signal::stored(
            own.prompt
                .clone()
                .unwrap_or_else(|| content::question(q).prompt.into()),
        ),
        Label::Static(s) => Signal::stored(s().to_string()),
        Label::OfItem(f) => Signal::derive(move || {
            item.and_then(|i| i.with(|i| i.as_ref().map(f)))
                .unwrap_or_default()
        }),
        Label::OfParty(f) => {
            let party = key.clone().unwrap_or_else(|| Id::for_alliance(0));
            Signal::derive(move || f(&ctx.party_label(&party)))
        }
    };
    let question = match field.label {
        Label::Question(q) => Some(content::question(q)),
        _ => None,
    };
    let help = question.map(|q| own.help.map_or(Cow::Borrowed(q.help), Cow::Owned));
    // The example for the kind of relationship, or the coach's for every kind.
    let example = question.map(|q| {
        let own = own.example.clone();
        Signal::derive(move || {
            Some(
                own.clone()
                    .unwrap_or_else(|| q.examples.for_kind(ctx.kind.get()).into()),
            )
        })
    });

    if let Kind::Check = field.kind {
        return view! {
            <div class="da-check">
                <input
                    type="checkbox"
                    id=id.clone()
                    class="da-checkbox"
                    aria-describedby=format!("{id}-msg")
                    prop:checked=move || value.with(|v| v == "true")
                    on:change:target=move |ev| {
                        set(if ev.target().checked() { "true".into() } else { String::new() })
                    }
                />
                <FieldLabel for_id=id.clone() text=label/>
                <Messages id=format!("{id}-msg") findings/>
            </div>
        }
        .into_any();
    }

    // Made inside the frame, which gives it its id, description and validity.
    let control = move || -> AnyView {
        let frame = use_field_control();
        let aria_invalid = frame.aria_invalid();
        match field.kind {
            Kind::Text => {
                let set = set.clone();
                view! { <TextArea value=value on_input=Callback::new(set)/> }.into_any()
            }
            Kind::Choice(source) => {
                let list = choices(ctx, source, value, item);
                let set = set.clone();
                view! { <Select choices=list value on_change=Callback::new(set)/> }.into_any()
            }
            kind => {
                // Typing updates at once; dates, times and numbers when committed.
                let (input_type, class) = match kind {
                    Kind::Date => ("date", "da-input da-input-short"),
                    Kind::Time => ("time", "da-input da-input-short"),
                    Kind::Minutes => ("number", "da-input da-input-short"),
                    _ => ("text", "da-input"),
                };
                let minutes = matches!(kind, Kind::Minutes);
                // A title is a name: short enough to show on every change (the header, the
                // list).
                let title = matches!(field.label, Label::Question(content::QuestionId::Title));
                let (set, on_commit) = (set.clone(), set.clone());
                view! {
                    <input
                        type=input_type
                        id=frame.id
                        class=class
                        aria-describedby=frame.described_by
                        aria-invalid=aria_invalid
                        min=minutes.then_some("1")
                        max=minutes.then_some("1440")
                        inputmode=minutes.then_some("numeric")
                        maxlength=title.then(|| crate::core::json::MAX_TITLE.to_string())
                        prop:value=move || value.get()
                        on:input:target=move |ev| {
                            if input_type == "text" {
                                set(ev.target().value())
                            }
                        }
                        on:change:target=move |ev| {
                            if input_type != "text" {
                                on_commit(ev.target().value())
                            }
                        }
                    />
                }
                .into_any()
            }
        }
    };
    view! {
        <FieldFrame id=id label help example=example optional=field.optional findings>
            {control()}
        </FieldFrame>
    }
    .into_any()
}
