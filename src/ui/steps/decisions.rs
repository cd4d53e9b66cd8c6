//! The table of "Trade-offs and decisions", and a decision's options.

use super::access::change;
use super::table::*;
use crate::core::content::QuestionId as Q;
use crate::core::text::ui as t;
use crate::core::Action;
use crate::core::*;
use crate::ui::ctx::{use_ctx, use_page};
use crate::ui::fields::FieldView;
use leptos::prelude::*;

pub static DECISIONS: &[Block] = &[Block::List(ListBlock {
    heading: None,
    help: &[
        Q::DecisionQuestion,
        Q::OptionName,
        Q::DecisionChosen,
        Q::DecisionWhy,
    ],
    add: Some(Add {
        label: t::add_decision,
        json: "",
        make: |a, _, id| {
            // Two empty options to start from.
            let options = a.fresh_ids("o", 2).into_iter().map(blank_option).collect();
            Item::Decision(Decision {
                id,
                question: String::new(),
                options,
                chosen: None,
                why: String::new(),
            })
        },
        focus: "question",
    }),
    items: Items {
        list: ListKind::Decisions,
        noun: t::decision,
        legend: Legend::Numbered,
        extra: Some(|id| view! { <DecisionOptions decision=id/> }.into_any()),
        tools: true,
        fields: &[item_text(
            "question",
            Q::DecisionQuestion,
            ItemText::DecisionQuestion,
            Kind::Text,
            false,
        )],
    },
})];

fn blank_option(id: Id) -> DecisionOption {
    DecisionOption {
        id,
        name: String::new(),
        pros: String::new(),
        cons: String::new(),
    }
}

/// What was chosen, and why: after the options.
static DECISION_CHOICE: [Field; 2] = [
    Field {
        json: "chosen",
        label: Label::Compact(Q::DecisionChosen),
        kind: Kind::Choice(Choices::OfItem(|i| {
            let mut v = vec![(String::new(), t::not_chosen().to_string())];
            if let Item::Decision(d) = i {
                v.extend(d.options.iter().enumerate().map(|(n, o)| {
                    let name = if o.name.trim().is_empty() {
                        t::item_label(t::option(), n + 1)
                    } else {
                        o.name.trim().to_string()
                    };
                    (o.id.to_string(), name)
                }));
            }
            v
        })),
        optional: true,
        value: Value::Item {
            get: |i| match i {
                Item::Decision(d) => d.chosen.as_ref().map(Id::to_string).unwrap_or_default(),
                _ => String::new(),
            },
            set: |i, v| change!(i, Decision(d) => d.chosen = Id::new(v)),
        },
        shown: Shown::Always,
    },
    item_text(
        "why",
        Q::DecisionWhy,
        ItemText::DecisionWhy,
        Kind::Text,
        true,
    ),
];

static OPTION_FIELDS: [Field; 3] = [
    item_text(
        "name",
        Q::OptionName,
        ItemText::OptionName,
        Kind::Line,
        false,
    ),
    item_text(
        "pros",
        Q::OptionPros,
        ItemText::OptionPros,
        Kind::Text,
        true,
    ),
    item_text(
        "cons",
        Q::OptionCons,
        ItemText::OptionCons,
        Kind::Text,
        true,
    ),
];

/// A decision's options (each with its fields and a remove button), then the choice and why.
#[component]
fn DecisionOptions(
    /// The decision's id.
    decision: Id,
) -> impl IntoView {
    let ctx = use_ctx();
    let page = use_page();
    let s = SectionId::Decisions;
    let item = ctx.item(ListKind::Decisions, &decision);
    let option_ids = Signal::derive(move || {
        item.with(|i| match i {
            Some(Item::Decision(d)) => d.options.iter().map(|o| o.id.clone()).collect(),
            _ => Vec::new(),
        })
    });
    let add_id = page.id(&format!("decision-{decision}-add-option"));
    let change_options = move |f: &dyn Fn(&mut Decision)| {
        let action = item.get_untracked().map(|mut i| {
            if let Item::Decision(d) = &mut i {
                f(d);
            }
            Action::Update(i)
        });
        action.is_some_and(|a| ctx.apply(a))
    };
    let add = move |_| {
        let Some(new_id) = ctx.try_with_untracked(|a| a.fresh_id("o")) else {
            return;
        };
        let option = blank_option(new_id.clone());
        if change_options(&|d| d.options.push(option.clone())) {
            page.announce(t::added(t::option()));
            page.focus_later(page.field_id(s, Some(&new_id), "name"));
        }
    };
    let after_remove = add_id.clone();
    let position =
        move |id: &Id| option_ids.with(|ids| ids.iter().position(|o| o == id).map_or(0, |i| i + 1));
    view! {
        <div>
            <ol class="da-items da-options">
                <For each=move || option_ids.get() key=|id| id.clone() let:option>
                    {
                        let n = {
                            let option = option.clone();
                            Signal::derive(move || position(&option))
                        };
                        let remove = {
                            let option = option.clone();
                            let focus = after_remove.clone();
                            move |_| {
                                let removed = change_options(&|d| {
                                    d.options.retain(|o| o.id != option);
                                    if d.chosen.as_ref() == Some(&option) {
                                        d.chosen = None;
                                    }
                                });
                                if removed {
                                    page.announce(t::removed(t::option()));
                                    page.focus_later(focus.clone());
                                }
                            }
                        };
                        let fields = OPTION_FIELDS
                            .iter()
                            .map(|f| view! { <FieldView section=s field=f key=option.clone() item/> })
                            .collect_view();
                        view! {
                            <li class="da-item da-item-compact">
                                <fieldset class="da-item-fieldset">
                                    <legend class="da-item-legend">
                                        {move || t::item_label(t::option(), n.get())}
                                    </legend>
                                    {fields}
                                    <div class="da-item-tools">
                                        <button
                                            type="button"
                                            class="da-button da-button-quiet da-button-danger"
                                            aria-label=move || {
                                                format!("{}: {}", t::remove(), t::item_label(t::option(), n.get()))
                                            }
                                            on:click=remove
                                        >
                                            {t::remove()}
                                        </button>
                                    </div>
                                </fieldset>
                            </li>
                        }
                    }
                </For>
            </ol>
            <button type="button" id=add_id class="da-button da-button-add" on:click=add>
                <span aria-hidden="true">"+ "</span>
                {t::add_option()}
            </button>
            {DECISION_CHOICE
                .iter()
                .map(|f| view! { <FieldView section=s field=f key=decision.clone() item/> })
                .collect_view()}
        </div>
    }
}
