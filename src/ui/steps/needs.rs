//! "Needs and offers": for each person, an exchange: what they ask of the others and what they
//! offer them, side by side, with the reminder to offer as well as ask beside the offers.

use super::table::*;
use crate::core::content::QuestionId as Q;
use crate::core::text::ui as t;
use crate::core::*;
use crate::ui::ctx::{use_ctx, use_page, use_way};
use crate::ui::fields::{AddButton, ItemList, ListHelp, Messages};
use leptos::prelude::*;
use std::sync::Arc;

pub static NEEDS: &[Block] = &[Block::Custom(|| view! { <NeedsByPerson/> }.into_any())];

static NEED_TEXT: Field = Field {
    json: "text",
    label: Label::OfItem(|i| match i {
        Item::NeedOrOffer(n) if n.kind == NeedOrOfferKind::Offer => t::offer().to_string(),
        _ => t::need().to_string(),
    }),
    kind: Kind::Text,
    optional: false,
    value: Value::ItemText(ItemText::NeedOrOfferText),
    shown: Shown::Always,
};

static NEED_LIST: Items = Items {
    list: ListKind::NeedsAndOffers,
    noun: t::need,
    fields: std::slice::from_ref(&NEED_TEXT),
    legend: Legend::Numbered,
    extra: None,
    tools: true,
};

static OFFER_LIST: Items = Items {
    list: ListKind::NeedsAndOffers,
    noun: t::offer,
    fields: std::slice::from_ref(&NEED_TEXT),
    legend: Legend::Numbered,
    extra: None,
    tools: true,
};

/// Needs and offers of people no longer in the alliance, with a choice of whose they are.
static ORPHAN_NEEDS: Items = Items {
    list: ListKind::NeedsAndOffers,
    noun: t::need_or_offer,
    legend: Legend::Numbered,
    extra: None,
    tools: true,
    fields: &[
        NEED_TEXT,
        Field {
            json: "partyId",
            label: Label::Static(t::person),
            kind: Kind::Choice(Choices::Parties { everyone: false }),
            optional: false,
            value: Value::Item {
                get: |i| match i {
                    Item::NeedOrOffer(n) => n.party_id.to_string(),
                    _ => String::new(),
                },
                set: |i, v| {
                    let party = Id::new(v)?;
                    super::access::change!(i, NeedOrOffer(n) => n.party_id = party)
                },
            },
            shown: Shown::Always,
        },
    ],
};

#[component]
fn NeedsByPerson() -> impl IntoView {
    let ctx = use_ctx();
    let page = use_page();
    let way = use_way();
    let s = SectionId::NeedsAndOffers;
    let parties = Signal::derive(move || {
        ctx.party_labels
            .with(|p| p.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>())
    });
    let orphans = Memo::new(move |_| {
        ctx.party_labels.with(|people| {
            ctx.alliance().needs_and_offers().with(|needs| {
                needs
                    .iter()
                    .filter(|n| !people.iter().any(|(id, _)| *id == n.party_id))
                    .map(|n| n.id.clone())
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <div>
            <ListHelp questions=&[Q::Need, Q::Offer]/>
            <Messages id=page.id("needs-msg") findings=way.findings(s, None, "")/>
            <div>
                <For each=move || parties.get() key=|party| party.clone() let:party>
                    <PersonNeeds party/>
                </For>
            </div>
            <Show when=move || orphans.with(|o| !o.is_empty())>
                <section class="da-list-section da-orphans">
                    <h3 class="da-subheading">{t::orphans_heading()}</h3>
                    <ItemList section=s items=&ORPHAN_NEEDS ids=orphans after_remove=page.id("needs-msg")/>
                </section>
            </Show>
        </div>
    }
}

/// One person's needs and offers.
#[component]
fn PersonNeeds(
    /// The person's id.
    party: Id,
) -> impl IntoView {
    let ctx = use_ctx();
    let page = use_page();
    let way = use_way();
    let s = SectionId::NeedsAndOffers;
    let name = {
        let p = party.clone();
        Signal::derive(move || ctx.party_label(&p))
    };
    let heading_id = page.field_id(s, Some(&party), "");
    let messages_id = page.id(&format!("needs-{party}-msg"));
    let messages = way.findings(s, Some(party.clone()), "");
    let group = move |kind: NeedOrOfferKind| {
        type Words = fn(&str) -> String;
        let (items, title, add_label, key): (&'static Items, Words, Words, &str) = match kind {
            NeedOrOfferKind::Need => (&NEED_LIST, t::needs_of, t::add_need, "need"),
            NeedOrOfferKind::Offer => (&OFFER_LIST, t::offers_of, t::add_offer, "offer"),
        };
        let ids = {
            let p = party.clone();
            Memo::new(move |_| {
                ctx.alliance().needs_and_offers().with(|needs| {
                    needs
                        .iter()
                        .filter(|n| n.party_id == p && n.kind == kind)
                        .map(|n| n.id.clone())
                        .collect::<Vec<_>>()
                })
            })
        };
        let add_id = page.id(&format!("needs-{party}-{key}-add"));
        let owner = party.clone();
        // "Whatever you ask, be ready to offer": the hint sits with the offers it asks for.
        let hint = (kind == NeedOrOfferKind::Offer).then(|| {
            view! { <Messages id=messages_id.clone() findings=messages/> }
        });
        view! {
            <div class="da-needs-group">
                <h4 class="da-minor-heading">{move || title(&name.get())}</h4>
                <ItemList section=s items ids after_remove=add_id.clone()/>
                {hint}
                <AddButton
                    id=add_id
                    label=Signal::derive(move || add_label(&name.get()))
                    list=ListKind::NeedsAndOffers
                    noun=(items.noun)()
                    make=Arc::new(move |_: &Alliance, _: Option<&crate::core::Id>, id| {
                        Item::NeedOrOffer(NeedOrOffer {
                            id,
                            party_id: owner.clone(),
                            kind,
                            text: String::new(),
                        })
                    })
                    focus=Arc::new(move |id: &Id| page.field_id(s, Some(id), "text"))
                />
            </div>
        }
    };
    view! {
        <section class="da-list-section da-party-needs">
            <h3 class="da-subheading" id=heading_id tabindex="-1">
                {move || name.get()}
            </h3>
            <div class="da-needs-columns">
                {group(NeedOrOfferKind::Need)} {group(NeedOrOfferKind::Offer)}
            </div>
        </section>
    }
}
