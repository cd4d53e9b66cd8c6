//! The table of "How we will communicate": channels, the check-in, how each person likes
//! updates, and how we raise a problem.

use super::access::{
    change, choose_first, date_value, frequencies, frequency_key, of, set_check_in, set_update,
    update_of, update_style_key,
};
use super::table::*;
use crate::core::content;
use crate::core::content::QuestionId as Q;
use crate::core::text::ui as t;
use crate::core::Action;
use crate::core::*;
use crate::ui::ctx::{use_ctx, use_page, use_way};
use crate::ui::fields::Messages;
use leptos::prelude::*;

pub static COMMUNICATION: &[Block] = &[
    Block::List(ListBlock {
        heading: Some(t::channels_heading),
        help: &[Q::ChannelName, Q::ChannelPurpose, Q::ChannelUsage],
        add: Some(Add {
            label: t::add_channel,
            json: "channels",
            make: |_, _, id| {
                Item::Channel(Channel {
                    id,
                    name: String::new(),
                    purpose: String::new(),
                    usage: ChannelUsage::Use,
                })
            },
            focus: "name",
        }),
        items: Items {
            list: ListKind::Channels,
            noun: t::channel,
            legend: Legend::Numbered,
            extra: None,
            tools: true,
            fields: &[
                item_text(
                    "name",
                    Q::ChannelName,
                    ItemText::ChannelName,
                    Kind::Line,
                    false,
                ),
                item_text(
                    "purpose",
                    Q::ChannelPurpose,
                    ItemText::ChannelPurpose,
                    Kind::Text,
                    true,
                ),
                Field {
                    json: "usage",
                    label: Label::Compact(Q::ChannelUsage),
                    kind: Kind::Choice(Choices::Fixed(|| {
                        [ChannelUsage::Use, ChannelUsage::Avoid]
                            .into_iter()
                            .map(|u| (u.key().to_string(), content::usage_label(u).to_string()))
                            .collect()
                    })),
                    optional: false,
                    value: Value::Item {
                        get: |i| of!(i, Channel(c) => c.usage.key().to_string()),
                        set: |i, v| {
                            let usage = if v == "avoid" {
                                ChannelUsage::Avoid
                            } else {
                                ChannelUsage::Use
                            };
                            change!(i, Channel(c) => c.usage = usage)
                        },
                    },
                    shown: Shown::Always,
                },
            ],
        },
    }),
    Block::Heading(t::check_in_heading),
    Block::Field(Field {
        json: "rhythm",
        label: Label::Question(Q::CheckInRhythm),
        kind: Kind::Choice(Choices::Fixed(frequencies)),
        optional: false,
        value: Value::Top {
            get: |s| frequency_key(s.communication().check_in().rhythm().get()),
            set: |a, v| set_check_in(a, &mut |c| c.rhythm = Frequency::from_key(v)),
        },
        shown: Shown::Always,
    }),
    Block::More {
        label: t::more_check_in,
        open: |a| {
            let c = &a.communication.check_in;
            c.first_on.is_some()
                || c.time.is_some()
                || c.duration_minutes.is_some()
                || !c.format.trim().is_empty()
        },
        blocks: &[
            Block::Row(&[
                Field {
                    json: "firstOn",
                    label: Label::Question(Q::CheckInFirstOn),
                    kind: Kind::Date,
                    optional: true,
                    value: Value::Top {
                        get: |s| date_value(s.communication().check_in().first_on().get()),
                        set: |a, v| set_check_in(a, &mut |c| c.first_on = Date::parse(v)),
                    },
                    shown: Shown::Always,
                },
                Field {
                    json: "time",
                    label: Label::Question(Q::CheckInTime),
                    kind: Kind::Time,
                    optional: true,
                    value: Value::Top {
                        get: |s| {
                            s.communication()
                                .check_in()
                                .time()
                                .get()
                                .map(|t| t.to_string())
                                .unwrap_or_default()
                        },
                        set: |a, v| set_check_in(a, &mut |c| c.time = TimeOfDay::parse(v)),
                    },
                    shown: Shown::Always,
                },
                Field {
                    json: "durationMinutes",
                    label: Label::Question(Q::CheckInDuration),
                    kind: Kind::Minutes,
                    optional: true,
                    value: Value::Top {
                        get: |s| {
                            s.communication()
                                .check_in()
                                .duration_minutes()
                                .get()
                                .map(|m| m.to_string())
                                .unwrap_or_default()
                        },
                        set: |a, v| {
                            set_check_in(a, &mut |c| {
                                c.duration_minutes = crate::core::date::digits::<u16>(v.trim())
                                    .filter(|m| (1..=1440).contains(m))
                            })
                        },
                    },
                    shown: Shown::Always,
                },
            ]),
            Block::Field(Field {
                json: "format",
                label: Label::Question(Q::CheckInFormat),
                kind: Kind::Line,
                optional: true,
                value: Value::Top {
                    get: |s| s.communication().check_in().format().get(),
                    set: |a, v| set_check_in(a, &mut |c| c.format = v.to_string()),
                },
                shown: Shown::Always,
            }),
        ],
    },
    Block::More {
        label: t::updates_heading,
        open: |a| {
            a.communication
                .updates
                .iter()
                .any(|u| u.style.is_some() || !u.note.trim().is_empty())
        },
        blocks: &[Block::List(ListBlock {
            heading: None,
            help: &[Q::UpdateStyle],
            add: None,
            items: Items {
                list: ListKind::Parties,
                noun: t::person,
                legend: Legend::Party,
                extra: None,
                tools: false,
                fields: &[
                    Field {
                        json: "style",
                        label: Label::OfParty(t::update_style_for),
                        kind: Kind::Choice(Choices::Fixed(|| {
                            choose_first(
                                [UpdateStyle::FrequentDetail, UpdateStyle::PeriodicSummary]
                                    .into_iter()
                                    .map(|s| {
                                        (
                                            update_style_key(Some(s)).to_string(),
                                            content::update_style_label(s).to_string(),
                                        )
                                    }),
                            )
                        })),
                        optional: true,
                        value: Value::PerParty {
                            get: |s, id| {
                                s.communication()
                                    .updates()
                                    .with(|u| update_style_key(update_of(u, id).style).to_string())
                            },
                            set: |a, id, v| {
                                set_update(a, id, &mut |u| {
                                    u.style = match v {
                                        "frequentDetail" => Some(UpdateStyle::FrequentDetail),
                                        "periodicSummary" => Some(UpdateStyle::PeriodicSummary),
                                        _ => None,
                                    }
                                })
                            },
                        },
                        shown: Shown::Always,
                    },
                    Field {
                        json: "note",
                        label: Label::OfParty(t::update_note_for),
                        kind: Kind::Line,
                        optional: true,
                        value: Value::PerParty {
                            get: |s, id| {
                                s.communication().updates().with(|u| update_of(u, id).note)
                            },
                            set: |a, id, v| set_update(a, id, &mut |u| u.note = v.to_string()),
                        },
                        shown: Shown::Always,
                    },
                ],
            },
        })],
    },
    Block::Custom(|| view! { <OrphanUpdates/> }.into_any()),
    Block::Field(text(
        "raisingProblems",
        Q::RaisingProblems,
        TextField::RaisingProblems,
        Kind::Text,
        false,
    )),
];

/// Update preferences of people no longer in the alliance: shown so they can be removed.
#[component]
fn OrphanUpdates() -> impl IntoView {
    let ctx = use_ctx();
    let page = use_page();
    let way = use_way();
    let s = SectionId::Communication;
    let orphans = Memo::new(move |_| {
        ctx.party_labels.with(|people| {
            ctx.alliance().communication().updates().with(|updates| {
                updates
                    .iter()
                    .filter(|u| !people.iter().any(|(id, _)| *id == u.party_id))
                    .map(|u| u.party_id.clone())
                    .collect::<Vec<_>>()
            })
        })
    });
    let remove = move |party: Id| {
        if ctx.apply(Action::RemoveUpdatePreference(party)) {
            page.announce(t::removed(t::updates_heading()));
            page.focus_later(page.id("step-heading"));
        }
    };
    view! {
        <Show when=move || orphans.with(|o| !o.is_empty())>
            <div class="da-orphans">
                <h4 class="da-minor-heading">{t::orphans_heading()}</h4>
                <div>
                    <For each=move || orphans.get() key=|party| party.clone() let:party>
                        <div class="da-orphan">
                            <Messages
                                id=page.id(&format!("updates-{party}-msg"))
                                findings=way.findings(s, Some(party.clone()), "partyId")
                            />
                            <button
                                type="button"
                                id=page.field_id(s, Some(&party), "partyId")
                                class="da-button da-button-quiet da-button-danger"
                                on:click={
                                    let party = party.clone();
                                    move |_| remove(party.clone())
                                }
                            >
                                {t::remove()}
                            </button>
                        </div>
                    </For>
                </div>
            </div>
        </Show>
    }
}
