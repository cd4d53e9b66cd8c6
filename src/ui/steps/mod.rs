//! Every step of the wizard. Sections 0 to 10 are tables of fields ([`table`]), rendered by
//! [`SectionBlocks`]; review, agreement and finish are components of their own.

pub mod access;
mod agreement;
mod coach;
mod communication;
mod decisions;
mod deeper;
mod essentials;
mod finish;
mod needs;
mod review;
pub mod table;
mod welcome;

use crate::ui::ctx::{use_page, use_way, Step};
use crate::ui::part::part;
pub use agreement::AgreementStep;
pub use coach::CoachQuestions;
pub use finish::FinishStep;
pub use review::ReviewStep;
pub use welcome::Welcome;

use crate::core::content::{reflection, ReflectionMoment, REFLECTIONS};
use crate::core::text::ui as t;
use crate::core::{Action, SectionId, TextField};
use crate::ui::ctx::use_ctx;
use crate::ui::fields::{AddButton, FieldFrame, FieldView, ItemList, ListHelp, Messages, TextArea};
use leptos::prelude::*;
use std::sync::Arc;
use table::{Block, ListBlock};

/// The table of an essential section's step; `None` for a deeper one, whose tables and views
/// are a part ([`deeper_step`]).
pub fn blocks(section: SectionId) -> Option<&'static [Block]> {
    Some(match section {
        SectionId::Basics => essentials::BASICS,
        SectionId::Goal => essentials::GOAL,
        SectionId::Progress => essentials::PROGRESS,
        SectionId::Commitments => essentials::COMMITMENTS,
        SectionId::Communication => communication::COMMUNICATION,
        SectionId::Celebrations => essentials::CELEBRATIONS,
        _ => return None,
    })
}

/// The table of the step a first visit comes to after the welcome (who is involved): the only
/// section's step in the first download. The other essential steps are a part
/// ([`essential_step`]), fetched first once the browser is idle.
pub fn first_blocks(section: SectionId) -> Option<&'static [Block]> {
    (section == SectionId::Basics).then_some(essentials::BASICS)
}

part!(essentials, fetch_essentials:
    /// What shows the essential steps after the first (the goal, measuring it, who does what,
    /// communicating, celebrating).
    pub fn essential_step() -> fn(SectionId) -> AnyView {
        essential_view
    }
);

/// An essential section's step (a deeper one shows nothing: it is never asked for here).
fn essential_view(section: SectionId) -> AnyView {
    let blocks = blocks(section).unwrap_or(&[]);
    view! { <SectionBlocks section blocks/> }.into_any()
}

part!(deeper, fetch_deeper:
    /// What shows the steps of going deeper (needs and offers, assumptions, when it gets hard,
    /// trade-offs, keeping it alive): a first visit starts with the essentials.
    pub fn deeper_step() -> fn(SectionId) -> AnyView {
        deeper_view
    }
);

/// Any section's step, at once (the component tests mount steps one by one; the widget asks
/// for the deeper ones through their part).
#[doc(hidden)]
pub fn section_view(section: SectionId) -> AnyView {
    match blocks(section) {
        Some(blocks) => view! { <SectionBlocks section blocks/> }.into_any(),
        None => deeper_view(section),
    }
}

/// A deeper section's step (an essential one shows nothing: it is never asked for here).
fn deeper_view(section: SectionId) -> AnyView {
    let blocks: &'static [Block] = match section {
        SectionId::NeedsAndOffers => needs::NEEDS,
        SectionId::Assumptions => deeper::ASSUMPTIONS,
        SectionId::HardTimes => deeper::HARD_TIMES,
        SectionId::Decisions => decisions::DECISIONS,
        SectionId::KeepingAlive => deeper::KEEPING_ALIVE,
        _ => &[],
    };
    view! { <SectionBlocks section blocks/> }.into_any()
}

/// A section's step: its table, block by block.
#[component]
pub fn SectionBlocks(
    /// The section shown.
    section: SectionId,
    /// Its table (see [`blocks`]).
    blocks: &'static [Block],
) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        // Built again when the coach's template arrives: it may word the questions its way.
        {move || {
            ctx.template.track();
            blocks_view(section, blocks)
        }}
        <CoachQuestions section/>
    }
}

/// The blocks of a table, as a type-erased view (a folded part holds blocks of its own).
fn blocks_view(section: SectionId, blocks: &'static [Block]) -> AnyView {
    blocks
        .iter()
        .map(|block| match block {
            Block::Field(f) => view! { <FieldView section field=f/> }.into_any(),
            Block::Row(fields) => view! {
                <div class="da-row">
                    {fields.iter().map(|f| view! { <FieldView section field=f/> }).collect_view()}
                </div>
            }
            .into_any(),
            Block::Heading(h) => view! { <h3 class="da-subheading">{*h}</h3> }.into_any(),
            Block::More {
                label,
                open,
                blocks,
            } => {
                let ctx = use_ctx();
                let open = ctx.try_with_untracked(open).unwrap_or(false);
                view! {
                    <details class="da-more da-fold" open=open>
                        <summary class="da-fold-summary">{*label}</summary>
                        <div class="da-fold-body">
                            {blocks_view(section, blocks)}
                        </div>
                    </details>
                }
                .into_any()
            }
            Block::Custom(f) => f(),
            Block::List(list) => view! { <ListSection section list/> }.into_any(),
        })
        .collect_view()
        .into_any()
}

/// A list with its heading, help, messages about the whole list, items and "Add" button.
#[component]
fn ListSection(
    section: SectionId,
    /// The list's part of the table.
    list: &'static ListBlock,
) -> impl IntoView {
    let ctx = use_ctx();
    let page = use_page();
    let way = use_way();
    let kind = list.items.list;
    let ids = ctx.ids(kind);
    let add_id = list
        .add
        .as_ref()
        .map(|a| page.field_id(section, None, a.json));
    let after_remove = add_id.clone().unwrap_or_else(|| page.id("step-heading"));
    view! {
        <section class="da-list-section">
            {list.heading.map(|h| view! { <h3 class="da-subheading">{h}</h3> })}
            {(!list.help.is_empty()).then(|| view! { <ListHelp questions=list.help/> })}
            {list
                .add
                .as_ref()
                .map(|a| {
                    view! {
                        <Messages
                            id=page.id(&format!("{}-{}-list-msg", section.key(), a.json))
                            findings=way.findings(section, None, a.json)
                        />
                    }
                })}
            <ItemList section items=&list.items ids after_remove/>
            {list
                .add
                .as_ref()
                .map(|a| {
                    let focus = a.focus;
                    view! {
                        <AddButton
                            id=add_id.clone().unwrap_or_default()
                            label=(a.label)().to_string()
                            list=kind
                            noun=(list.items.noun)()
                            make=Arc::new(a.make)
                            focus=Arc::new(move |id: &crate::core::Id| {
                                page.field_id(section, Some(id), focus)
                            })
                        />
                    }
                })}
        </section>
    }
}

/// Reflection prompts of one moment, folded away until opened (open from the start when any
/// is answered, so nothing written is hidden).
#[component]
pub fn Reflections(
    /// When they are asked: the prompts of that moment show.
    moment: ReflectionMoment,
    /// What the fold is called.
    heading: &'static str,
) -> impl IntoView {
    let ctx = use_ctx();
    let page = use_page();
    let of_moment = move || {
        REFLECTIONS
            .iter()
            .enumerate()
            .filter(move |(_, r)| r.moment == moment)
    };
    let answered_in = move |a: &crate::core::Alliance| {
        of_moment().any(|(_, r)| !a.text(TextField::Reflection(r.id)).trim().is_empty())
    };
    let answered = ctx.try_with_untracked(answered_in).unwrap_or(false);
    let prompts = of_moment()
        .map(|(i, r)| {
            let field = TextField::Reflection(r.id);
            let r = reflection(r.id);
            let id = page.id(&format!("reflect-{i}"));
            let value = Memo::new(move |_| ctx.text(field));
            view! {
                <FieldFrame
                    id=id
                    label=r.prompt.to_string()
                    help=Some(r.help.into())
                    optional=true
                    findings=Signal::stored(Vec::new())
                >
                    <TextArea
                        value
                        on_input=Callback::new(move |v| {
                            ctx.apply(Action::SetText(field, v));
                        })
                    />
                </FieldFrame>
            }
        })
        .collect_view();
    view! {
        // Printed only when something is answered (and then open, so the answers show).
        <details
            class="da-reflections da-fold"
            class:da-no-print=move || {
                !of_moment().any(|(_, r)| !ctx.text(TextField::Reflection(r.id)).trim().is_empty())
            }
            id=page.id(&format!("reflect-{}", moment_key(moment)))
            open=answered
        >
            <summary class="da-fold-summary">{heading}</summary>
            <div class="da-fold-body">
                <p class="da-help">{t::reflect_note()}</p>
                {prompts}
            </div>
        </details>
    }
}

fn moment_key(m: ReflectionMoment) -> &'static str {
    match m {
        ReflectionMoment::BeforeYouBegin => "before",
        ReflectionMoment::AfterAgreeing => "after",
        ReflectionMoment::AtReview => "review",
    }
}

part!(closing, fetch_closing:
    /// What shows the steps at the end of the way through: the review, the agreement and the
    /// finish.
    pub fn closing_step() -> fn(Step) -> AnyView {
        closing_view
    }
);

/// The review, the agreement or the finish (any other step: the finish).
fn closing_view(step: Step) -> AnyView {
    match step {
        Step::Review => view! { <ReviewStep/> }.into_any(),
        Step::Agreement => view! { <AgreementStep/> }.into_any(),
        _ => view! { <FinishStep/> }.into_any(),
    }
}
