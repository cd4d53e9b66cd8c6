//! Every step of the wizard. Sections 0 to 10 are tables of fields ([`table`]), rendered by
//! [`SectionBlocks`]; review, agreement and finish are components of their own.

pub mod access;
mod agreement;
mod communication;
mod decisions;
mod deeper;
mod essentials;
mod finish;
mod needs;
mod review;
pub mod table;

pub use agreement::AgreementStep;
pub use finish::FinishStep;
pub use review::ReviewStep;

use crate::core::text::{reflection, ui as t, ReflectionMoment, REFLECTIONS};
use crate::core::{Action, SectionId, TextField};
use crate::ui::ctx::use_ctx;
use crate::ui::fields::{
    described_by, AddButton, FieldFrame, FieldView, ItemList, ListHelp, Messages,
};
use leptos::prelude::*;
use std::sync::Arc;
use table::{Block, ListBlock};

/// The table of a section's step.
pub fn blocks(section: SectionId) -> &'static [Block] {
    match section {
        SectionId::Basics => essentials::BASICS,
        SectionId::Goal => essentials::GOAL,
        SectionId::Progress => essentials::PROGRESS,
        SectionId::Commitments => essentials::COMMITMENTS,
        SectionId::Communication => communication::COMMUNICATION,
        SectionId::Celebrations => essentials::CELEBRATIONS,
        SectionId::NeedsAndOffers => needs::NEEDS,
        SectionId::Assumptions => deeper::ASSUMPTIONS,
        SectionId::HardTimes => deeper::HARD_TIMES,
        SectionId::Decisions => decisions::DECISIONS,
        SectionId::KeepingAlive => deeper::KEEPING_ALIVE,
    }
}

/// A section's step: its table, block by block.
#[component]
pub fn SectionBlocks(
    /// The section shown.
    section: SectionId,
    /// Its table (see [`blocks`]).
    blocks: &'static [Block],
) -> impl IntoView {
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
            Block::Reflections(moment, heading) => {
                view! { <Reflections moment=*moment heading/> }.into_any()
            }
            Block::Custom(f) => f(),
            Block::List(list) => view! { <ListSection section list/> }.into_any(),
        })
        .collect_view()
}

/// A list with its heading, help, messages about the whole list, items and "Add" button.
#[component]
fn ListSection(
    section: SectionId,
    /// The list's part of the table.
    list: &'static ListBlock,
) -> impl IntoView {
    let ctx = use_ctx();
    let kind = list.items.list;
    let ids = ctx.ids(kind);
    let add_id = list
        .add
        .as_ref()
        .map(|a| ctx.field_id(section, None, a.json));
    let after_remove = add_id.clone().unwrap_or_else(|| ctx.id("step-heading"));
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
                            id=ctx.id(&format!("{}-{}-list-msg", section.key(), a.json))
                            findings=ctx.findings_memo(section, None, a.json)
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
                            label=a.label.to_string()
                            list=kind
                            noun=list.items.noun
                            make=Arc::new(a.make)
                            focus=Arc::new(move |id: &crate::core::Id| {
                                ctx.field_id(section, Some(id), focus)
                            })
                        />
                    }
                })}
        </section>
    }
}

/// Reflection prompts of one moment, each answered or left empty.
#[component]
pub fn Reflections(
    /// When they are asked: the prompts of that moment show.
    moment: ReflectionMoment,
    /// The heading above them.
    heading: &'static str,
) -> impl IntoView {
    let ctx = use_ctx();
    let heading_id = ctx.id(&format!("reflect-{}", moment_key(moment)));
    let prompts = REFLECTIONS
        .iter()
        .enumerate()
        .filter(|(_, r)| r.moment == moment)
        .map(|(i, r)| {
            let field = TextField::Reflection(r.id);
            let r = reflection(r.id);
            let id = ctx.id(&format!("reflect-{i}"));
            let value = Memo::new(move |_| ctx.with(|a| a.text(field).to_string()));
            view! {
                <FieldFrame
                    id=id.clone()
                    label=r.prompt.to_string()
                    help=Some(r.help)
                    examples=None
                    optional=true
                    findings=Signal::stored(Vec::new())
                >
                    <textarea
                        id=id.clone()
                        class="da-input da-textarea"
                        rows="3"
                        aria-describedby=described_by(&id, true, false)
                        prop:value=move || value.get()
                        on:input:target=move |ev| {
                            ctx.apply(Action::SetText(field, ev.target().value()));
                        }
                    ></textarea>
                </FieldFrame>
            }
        })
        .collect_view();
    let labelledby = heading_id.clone();
    view! {
        <section class="da-reflections" aria-labelledby=labelledby>
            <h3 class="da-subheading" id=heading_id>{heading}</h3>
            <p class="da-help">{t::REFLECT_NOTE}</p>
            {prompts}
        </section>
    }
}

fn moment_key(m: ReflectionMoment) -> &'static str {
    match m {
        ReflectionMoment::BeforeYouBegin => "before",
        ReflectionMoment::AfterAgreeing => "after",
        ReflectionMoment::AtReview => "review",
    }
}
