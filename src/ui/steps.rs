//! Every step of the wizard. Sections 0 to 10 are tables of fields (see `form`); review,
//! agreement and finish are components of their own.

use super::browser;
use super::ctx::{Ctx, Step};
use super::dom::{derived, el, Derived, El};
use super::exports::export_buttons;
use super::fields::{list_help, messages};
use super::form::*;
use super::list::{add_button, position};
use crate::core::summary::{summarize, Block as DocBlock, Line, Summary};
use crate::core::text::{self, ui as t, QuestionId as Q, ReflectionMoment};
use crate::core::*;
use crate::core::{Action, ItemText, Owner};

// ------------------------------------------------------------------ item access

/// Finds an item by id.
macro_rules! item_get {
    ($get:ident, $ty:ty, |$a:ident| $list:expr) => {
        fn $get<'a>($a: &'a Alliance, id: &Id) -> Option<&'a $ty> {
            $list.iter().find(|x| &x.id == id)
        }
    };
}

/// Builds the action that changes an item found by id. `f` is a `dyn` so the item's clone
/// is compiled once, not in every caller.
macro_rules! item_upd {
    ($get:ident, $upd:ident, $ty:ty, $variant:ident) => {
        fn $upd(a: &Alliance, id: &Id, f: &mut dyn FnMut(&mut $ty)) -> Option<Action> {
            let mut x = $get(a, id)?.clone();
            f(&mut x);
            Some(Action::Update(Item::$variant(x)))
        }
    };
}

item_get!(party, Party, |a| a.parties);
item_get!(measure, Measure, |a| a.progress);
item_get!(commitment, Commitment, |a| a.commitments);
item_get!(channel, Channel, |a| a.communication.channels);
item_get!(need, NeedOrOffer, |a| a.needs_and_offers);
item_get!(assumption, Assumption, |a| a.assumptions);
item_get!(permission, Permission, |a| a.hard_times.permissions);
item_get!(decision, Decision, |a| a.decisions);
item_get!(revision, Revision, |a| a.keeping_alive.revisions);
item_upd!(measure, upd_measure, Measure, Measure);
item_upd!(commitment, upd_commitment, Commitment, Commitment);
item_upd!(channel, upd_channel, Channel, Channel);
item_upd!(need, upd_need, NeedOrOffer, NeedOrOffer);
item_upd!(assumption, upd_assumption, Assumption, Assumption);
item_upd!(permission, upd_permission, Permission, Permission);
item_upd!(decision, upd_decision, Decision, Decision);

/// The accessors of fields that name an [`ItemText`] instead (never called).
fn no_get(_: &Alliance, _: &Id) -> Option<String> {
    None
}

fn no_set(_: &Alliance, _: &Id, _: &str) -> Option<Action> {
    None
}

/// A text field of the alliance itself.
macro_rules! top_text {
    ($json:literal, $q:ident, $field:ident, $kind:ident, $optional:literal, |$a:ident| $value:expr) => {
        Block::Field(Field {
            json: $json,
            label: Label::Question(Q::$q),
            kind: Kind::$kind,
            optional: $optional,
            get: |$a, _| Some($value.clone()),
            set: |_, _, v| Some(Action::SetText(TextField::$field, v.to_string())),
            visible: None,
            item: None,
        })
    };
}

// ------------------------------------------------------------------ choices

fn choose_first(rest: impl Iterator<Item = (String, String)>) -> Vec<(String, String)> {
    std::iter::once((String::new(), t::CHOOSE.to_string()))
        .chain(rest)
        .collect()
}

fn frequencies(_: &Alliance, _: &Id) -> Vec<(String, String)> {
    choose_first(
        Frequency::ALL
            .iter()
            .map(|f| (f.key().to_string(), text::frequency_label(*f).to_string())),
    )
}

fn frequency_key(f: Option<Frequency>) -> Option<String> {
    Some(f.map(|f| f.key().to_string()).unwrap_or_default())
}

/// Every party, optionally "everyone", and a party who left if that is the current value,
/// so the select still shows the truth.
fn owner_options(a: &Alliance, current: Option<&Owner>, everyone: bool) -> Vec<(String, String)> {
    let mut options: Vec<(String, String)> = a
        .parties
        .iter()
        .map(|p| (p.id.to_string(), a.party_label(&p.id)))
        .collect();
    if everyone {
        options.push((EVERYONE.to_string(), text::EVERYONE_LABEL.to_string()));
    }
    if let Some(Owner::Party(id)) = current {
        if a.party(id).is_none() {
            options.push((id.to_string(), text::missing_party().to_string()));
        }
    }
    options
}

fn owner_key(owner: &Owner) -> String {
    match owner {
        Owner::Everyone => EVERYONE.to_string(),
        Owner::Party(id) => id.to_string(),
    }
}

fn owner_from_key(key: &str) -> Option<Owner> {
    if key == EVERYONE {
        Some(Owner::Everyone)
    } else {
        Id::new(key).map(Owner::Party)
    }
}

/// The party marked "me", else everyone: the default owner of new items.
fn me_or_everyone(a: &Alliance) -> Owner {
    a.parties
        .iter()
        .find(|p| p.is_me)
        .map_or(Owner::Everyone, |p| Owner::Party(p.id.clone()))
}

const STATUSES: [AssumptionStatus; 4] = [
    AssumptionStatus::Unchecked,
    AssumptionStatus::Confirmed,
    AssumptionStatus::Revised,
    AssumptionStatus::Dropped,
];

fn status_key(s: AssumptionStatus) -> &'static str {
    match s {
        AssumptionStatus::Unchecked => "unchecked",
        AssumptionStatus::Confirmed => "confirmed",
        AssumptionStatus::Revised => "revised",
        AssumptionStatus::Dropped => "dropped",
    }
}

fn when_kind(c: &Commitment) -> &'static str {
    match c.when {
        None => "",
        Some(When::Date { .. }) => "date",
        Some(When::After { .. }) => "after",
    }
}

fn update_style_key(s: Option<UpdateStyle>) -> &'static str {
    match s {
        None => "",
        Some(UpdateStyle::FrequentDetail) => "frequentDetail",
        Some(UpdateStyle::PeriodicSummary) => "periodicSummary",
    }
}

fn set_update(
    a: &Alliance,
    party: &Id,
    f: &mut dyn FnMut(&mut UpdatePreference),
) -> Option<Action> {
    let mut u = a
        .communication
        .updates
        .iter()
        .find(|u| &u.party_id == party)
        .cloned()
        .unwrap_or(UpdatePreference {
            party_id: party.clone(),
            style: None,
            note: String::new(),
        });
    f(&mut u);
    Some(Action::SetUpdatePreference(u))
}

fn set_check_in(a: &Alliance, f: &mut dyn FnMut(&mut CheckIn)) -> Option<Action> {
    let mut c = a.communication.check_in.clone();
    f(&mut c);
    Some(Action::SetCheckIn(c))
}

// ------------------------------------------------------------------ 0. Before you begin

static BASICS: &[Block] = &[
    Block::Reflections(ReflectionMoment::BeforeYouBegin, t::REFLECT_BEFORE),
    top_text!("title", Title, Title, Line, false, |a| a.title),
    Block::Field(Field {
        json: "relationship",
        label: Label::Question(Q::Relationship),
        kind: Kind::Choice(|_, _| {
            choose_first(RelationshipKind::ALL.iter().map(|k| {
                (
                    k.key().to_string(),
                    text::relationship_label(*k).to_string(),
                )
            }))
        }),
        optional: false,
        get: |a, _| {
            Some(
                a.relationship
                    .map(|k| k.key().to_string())
                    .unwrap_or_default(),
            )
        },
        set: |_, _, v| Some(Action::SetRelationship(RelationshipKind::from_key(v))),
        visible: None,
        item: None,
    }),
    Block::Field(Field {
        json: "relationshipNote",
        label: Label::Static(t::RELATIONSHIP_NOTE),
        kind: Kind::Line,
        optional: true,
        get: |a, _| Some(a.relationship_note.clone()),
        set: |_, _, v| Some(Action::SetText(TextField::RelationshipNote, v.to_string())),
        visible: Some(|a, _| a.relationship.is_some()),
        item: None,
    }),
    Block::List(ListBlock {
        heading: Some(t::PARTIES_HEADING),
        help: &[Q::PartyName, Q::PartyRole],
        ids: |a| a.ids_of(ListKind::Parties),
        add: Some(Add {
            label: t::ADD_PERSON,
            json: "",
            make: |_, id| {
                Item::Party(Party {
                    id,
                    name: String::new(),
                    role: String::new(),
                    is_me: false,
                })
            },
            focus: "name",
        }),
        desc: ListDesc {
            list: ListKind::Parties,
            noun: t::PERSON,
            legend: None,
            extra: None,
            tools: true,
            fields: &[
                Field {
                    json: "name",
                    label: Label::Compact(Q::PartyName),
                    kind: Kind::Line,
                    optional: false,
                    get: no_get,
                    set: no_set,
                    visible: None,
                    item: Some(ItemText::PartyName),
                },
                Field {
                    json: "role",
                    label: Label::Compact(Q::PartyRole),
                    kind: Kind::Line,
                    optional: true,
                    get: no_get,
                    set: no_set,
                    visible: None,
                    item: Some(ItemText::PartyRole),
                },
                Field {
                    json: "isMe",
                    label: Label::Static(t::THIS_IS_ME),
                    kind: Kind::Check,
                    optional: false,
                    get: |a, id| {
                        party(a, id).map(|p| {
                            if p.is_me {
                                "true".into()
                            } else {
                                String::new()
                            }
                        })
                    },
                    set: |_, id, v| Some(Action::SetMe((v == "true").then(|| id.clone()))),
                    visible: None,
                    item: None,
                },
            ],
        },
    }),
];

// ------------------------------------------------------------------ 1. Goal

static GOAL: &[Block] = &[
    top_text!("what", GoalWhat, GoalWhat, Text, false, |a| a.goal.what),
    top_text!("why", GoalWhy, GoalWhy, Text, false, |a| a.goal.why),
    top_text!("pain", GoalPain, GoalPain, Text, true, |a| a.goal.pain),
];

// ------------------------------------------------------------------ 2. Progress

static PROGRESS: &[Block] = &[Block::List(ListBlock {
    heading: None,
    help: &[Q::MeasureSignal, Q::MeasureHowWeCheck, Q::MeasureHowOften],
    ids: |a| a.ids_of(ListKind::Progress),
    add: Some(Add {
        label: t::ADD_MEASURE,
        json: "",
        make: |_, id| {
            Item::Measure(Measure {
                id,
                signal: String::new(),
                how_we_check: String::new(),
                how_often: None,
            })
        },
        focus: "signal",
    }),
    desc: ListDesc {
        list: ListKind::Progress,
        noun: t::MEASURE,
        legend: None,
        extra: None,
        tools: true,
        fields: &[
            Field {
                json: "signal",
                label: Label::Compact(Q::MeasureSignal),
                kind: Kind::Line,
                optional: false,
                get: no_get,
                set: no_set,
                visible: None,
                item: Some(ItemText::MeasureSignal),
            },
            Field {
                json: "howWeCheck",
                label: Label::Compact(Q::MeasureHowWeCheck),
                kind: Kind::Line,
                optional: false,
                get: no_get,
                set: no_set,
                visible: None,
                item: Some(ItemText::MeasureHowWeCheck),
            },
            Field {
                json: "howOften",
                label: Label::Compact(Q::MeasureHowOften),
                kind: Kind::Choice(frequencies),
                optional: false,
                get: |a, id| measure(a, id).and_then(|m| frequency_key(m.how_often)),
                set: |a, id, v| upd_measure(a, id, &mut |m| m.how_often = Frequency::from_key(v)),
                visible: None,
                item: None,
            },
        ],
    },
})];

// ------------------------------------------------------------------ 3. Commitments

static COMMITMENTS: &[Block] = &[Block::List(ListBlock {
    heading: None,
    help: &[Q::CommitmentWhat, Q::CommitmentOwner, Q::CommitmentWhen],
    ids: |a| a.ids_of(ListKind::Commitments),
    add: Some(Add {
        label: t::ADD_COMMITMENT,
        json: "",
        make: |a, id| {
            Item::Commitment(Commitment {
                id,
                owner: me_or_everyone(a),
                what: String::new(),
                when: None,
            })
        },
        focus: "what",
    }),
    desc: ListDesc {
        list: ListKind::Commitments,
        noun: t::COMMITMENT,
        legend: None,
        extra: None,
        tools: true,
        fields: &[
            Field {
                json: "what",
                label: Label::Compact(Q::CommitmentWhat),
                kind: Kind::Text,
                optional: false,
                get: no_get,
                set: no_set,
                visible: None,
                item: Some(ItemText::CommitmentWhat),
            },
            Field {
                json: "owner",
                label: Label::Compact(Q::CommitmentOwner),
                kind: Kind::Choice(|a, id| {
                    owner_options(a, commitment(a, id).map(|c| &c.owner), true)
                }),
                optional: false,
                get: |a, id| commitment(a, id).map(|c| owner_key(&c.owner)),
                set: |a, id, v| {
                    owner_from_key(v)
                        .and_then(|o| upd_commitment(a, id, &mut |c| c.owner = o.clone()))
                },
                visible: None,
                item: None,
            },
            Field {
                json: "whenKind",
                label: Label::Compact(Q::CommitmentWhen),
                kind: Kind::Choice(|_, _| {
                    vec![
                        (String::new(), t::WHEN_NOT_SET.to_string()),
                        ("date".to_string(), t::WHEN_DATE.to_string()),
                        ("after".to_string(), t::WHEN_AFTER.to_string()),
                    ]
                }),
                optional: false,
                get: |a, id| commitment(a, id).map(|c| when_kind(c).to_string()),
                set: |a, id, v| {
                    let today = browser::today();
                    upd_commitment(a, id, &mut |c| {
                        c.when = match v {
                            "date" => Some(When::Date { date: today }),
                            "after" => Some(When::After {
                                event: String::new(),
                            }),
                            _ => None,
                        }
                    })
                },
                visible: None,
                item: None,
            },
            Field {
                json: "when",
                label: Label::Static(t::WHEN_DATE_LABEL),
                kind: Kind::Date,
                optional: false,
                get: |a, id| match commitment(a, id)?.when {
                    Some(When::Date { date }) => Some(date.to_string()),
                    _ => None,
                },
                set: |a, id, v| {
                    Date::parse(v).and_then(|date| {
                        upd_commitment(a, id, &mut |c| c.when = Some(When::Date { date }))
                    })
                },
                visible: Some(|a, id| commitment(a, id).is_some_and(|c| when_kind(c) == "date")),
                item: None,
            },
            Field {
                json: "when",
                label: Label::Static(t::WHEN_AFTER_LABEL),
                kind: Kind::Line,
                optional: false,
                get: no_get,
                set: no_set,
                visible: Some(|a, id| commitment(a, id).is_some_and(|c| when_kind(c) == "after")),
                item: Some(ItemText::CommitmentAfter),
            },
        ],
    },
})];

// ------------------------------------------------------------------ 4. Communication

static COMMUNICATION: &[Block] = &[
    Block::List(ListBlock {
        heading: Some(t::CHANNELS_HEADING),
        help: &[Q::ChannelName, Q::ChannelPurpose, Q::ChannelUsage],
        ids: |a| a.ids_of(ListKind::Channels),
        add: Some(Add {
            label: t::ADD_CHANNEL,
            json: "channels",
            make: |_, id| {
                Item::Channel(Channel {
                    id,
                    name: String::new(),
                    purpose: String::new(),
                    usage: ChannelUsage::Use,
                })
            },
            focus: "name",
        }),
        desc: ListDesc {
            list: ListKind::Channels,
            noun: t::CHANNEL,
            legend: None,
            extra: None,
            tools: true,
            fields: &[
                Field {
                    json: "name",
                    label: Label::Compact(Q::ChannelName),
                    kind: Kind::Line,
                    optional: false,
                    get: no_get,
                    set: no_set,
                    visible: None,
                    item: Some(ItemText::ChannelName),
                },
                Field {
                    json: "purpose",
                    label: Label::Compact(Q::ChannelPurpose),
                    kind: Kind::Line,
                    optional: true,
                    get: no_get,
                    set: no_set,
                    visible: None,
                    item: Some(ItemText::ChannelPurpose),
                },
                Field {
                    json: "usage",
                    label: Label::Compact(Q::ChannelUsage),
                    kind: Kind::Choice(|_, _| {
                        vec![
                            (
                                "use".to_string(),
                                text::usage_label(ChannelUsage::Use).to_string(),
                            ),
                            (
                                "avoid".to_string(),
                                text::usage_label(ChannelUsage::Avoid).to_string(),
                            ),
                        ]
                    }),
                    optional: false,
                    get: |a, id| {
                        channel(a, id).map(|c| {
                            if c.usage == ChannelUsage::Avoid {
                                "avoid"
                            } else {
                                "use"
                            }
                            .to_string()
                        })
                    },
                    set: |a, id, v| {
                        upd_channel(a, id, &mut |c| {
                            c.usage = if v == "avoid" {
                                ChannelUsage::Avoid
                            } else {
                                ChannelUsage::Use
                            }
                        })
                    },
                    visible: None,
                    item: None,
                },
            ],
        },
    }),
    Block::Heading(t::CHECK_IN_HEADING),
    Block::Field(Field {
        json: "rhythm",
        label: Label::Question(Q::CheckInRhythm),
        kind: Kind::Choice(frequencies),
        optional: false,
        get: |a, _| frequency_key(a.communication.check_in.rhythm),
        set: |a, _, v| set_check_in(a, &mut |c| c.rhythm = Frequency::from_key(v)),
        visible: None,
        item: None,
    }),
    Block::Row(&[
        Field {
            json: "firstOn",
            label: Label::Question(Q::CheckInFirstOn),
            kind: Kind::Date,
            optional: true,
            get: |a, _| {
                Some(
                    a.communication
                        .check_in
                        .first_on
                        .map(|d| d.to_string())
                        .unwrap_or_default(),
                )
            },
            set: |a, _, v| set_check_in(a, &mut |c| c.first_on = Date::parse(v)),
            visible: None,
            item: None,
        },
        Field {
            json: "time",
            label: Label::Question(Q::CheckInTime),
            kind: Kind::Time,
            optional: true,
            get: |a, _| {
                Some(
                    a.communication
                        .check_in
                        .time
                        .map(|t| t.to_string())
                        .unwrap_or_default(),
                )
            },
            set: |a, _, v| set_check_in(a, &mut |c| c.time = TimeOfDay::parse(v)),
            visible: None,
            item: None,
        },
        Field {
            json: "durationMinutes",
            label: Label::Question(Q::CheckInDuration),
            kind: Kind::Minutes,
            optional: true,
            get: |a, _| {
                Some(
                    a.communication
                        .check_in
                        .duration_minutes
                        .map(|m| m.to_string())
                        .unwrap_or_default(),
                )
            },
            set: |a, _, v| {
                set_check_in(a, &mut |c| {
                    c.duration_minutes = crate::core::parse_whole(v.trim())
                        .and_then(|m| u16::try_from(m).ok())
                        .filter(|m| (1..=1440).contains(m))
                })
            },
            visible: None,
            item: None,
        },
    ]),
    Block::Field(Field {
        json: "format",
        label: Label::Question(Q::CheckInFormat),
        kind: Kind::Line,
        optional: true,
        get: |a, _| Some(a.communication.check_in.format.clone()),
        set: |a, _, v| set_check_in(a, &mut |c| c.format = v.to_string()),
        visible: None,
        item: None,
    }),
    Block::List(ListBlock {
        heading: Some(t::UPDATES_HEADING),
        help: &[Q::UpdateStyle],
        ids: |a| a.ids_of(ListKind::Parties),
        add: None,
        desc: ListDesc {
            list: ListKind::Parties,
            noun: t::PERSON,
            legend: Some(|a, id| a.party_label(id)),
            extra: None,
            tools: false,
            fields: &[
                Field {
                    json: "style",
                    label: Label::Dynamic(|a, id| t::update_style_for(&a.party_label(id))),
                    kind: Kind::Choice(|_, _| {
                        choose_first(
                            [UpdateStyle::FrequentDetail, UpdateStyle::PeriodicSummary]
                                .into_iter()
                                .map(|s| {
                                    (
                                        update_style_key(Some(s)).to_string(),
                                        text::update_style_label(s).to_string(),
                                    )
                                }),
                        )
                    }),
                    optional: true,
                    get: |a, id| {
                        Some(
                            update_style_key(
                                a.communication
                                    .updates
                                    .iter()
                                    .find(|u| &u.party_id == id)
                                    .and_then(|u| u.style),
                            )
                            .to_string(),
                        )
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
                    visible: None,
                    item: None,
                },
                Field {
                    json: "note",
                    label: Label::Dynamic(|a, id| t::update_note_for(&a.party_label(id))),
                    kind: Kind::Line,
                    optional: true,
                    get: |a, id| {
                        Some(
                            a.communication
                                .updates
                                .iter()
                                .find(|u| &u.party_id == id)
                                .map(|u| u.note.clone())
                                .unwrap_or_default(),
                        )
                    },
                    set: |a, id, v| set_update(a, id, &mut |u| u.note = v.to_string()),
                    visible: None,
                    item: None,
                },
            ],
        },
    }),
    Block::Custom(orphan_updates),
    top_text!(
        "raisingProblems",
        RaisingProblems,
        RaisingProblems,
        Text,
        false,
        |a| a.communication.raising_problems
    ),
];

/// Update preferences of people no longer in the alliance: shown so they can be removed.
fn orphan_updates(ctx: Ctx) -> El {
    let s = SectionId::Communication;
    let orphans = derived(move || {
        ctx.with(|a| {
            a.communication
                .updates
                .iter()
                .filter(|u| a.party(&u.party_id).is_none())
                .map(|u| u.party_id.clone())
                .collect::<Vec<_>>()
        })
    });
    el("div").content_dyn(
        move || !orphans.get().is_empty(),
        move |any| {
            if !any {
                return Vec::new();
            }
            vec![el("div")
                .class("da-orphans")
                .child(el("h4").class("da-minor-heading").text(t::ORPHANS_HEADING))
                .child(el("div").keyed(
                    move || orphans.get(),
                    move |party| {
                        let msg_party = party.clone();
                        el("div")
                            .class("da-orphan")
                            .child(messages(
                                &ctx.id(&format!("updates-{party}-msg")),
                                derived(move || ctx.findings(s, Some(&msg_party), "partyId")),
                            ))
                            .child(
                                el("button")
                                    .attr("type", "button")
                                    .id(&ctx.field_id(s, Some(&party), "partyId"))
                                    .class("da-button da-button-quiet da-button-danger")
                                    .text(t::REMOVE)
                                    .on_click(move || {
                                        if ctx.apply(Action::RemoveUpdatePreference(party.clone()))
                                        {
                                            ctx.announce(t::removed(t::UPDATES_HEADING));
                                            ctx.focus_later(ctx.id("step-heading"));
                                        }
                                    }),
                            )
                    },
                ))]
        },
    )
}

// ------------------------------------------------------------------ 5. Celebrations

static CELEBRATIONS: &[Block] = &[
    top_text!("goal", CelebrateGoal, CelebrateGoal, Text, false, |a| a
        .celebrations
        .goal),
    Block::List(ListBlock {
        heading: Some(t::MILESTONES_HEADING),
        help: &[Q::MilestoneWhat, Q::MilestoneHow],
        ids: |a| a.ids_of(ListKind::Milestones),
        add: Some(Add {
            label: t::ADD_MILESTONE,
            json: "milestones",
            make: |_, id| {
                Item::Milestone(Milestone {
                    id,
                    milestone: String::new(),
                    how: String::new(),
                })
            },
            focus: "milestone",
        }),
        desc: ListDesc {
            list: ListKind::Milestones,
            noun: t::MILESTONE,
            legend: None,
            extra: None,
            tools: true,
            fields: &[
                Field {
                    json: "milestone",
                    label: Label::Compact(Q::MilestoneWhat),
                    kind: Kind::Line,
                    optional: false,
                    get: no_get,
                    set: no_set,
                    visible: None,
                    item: Some(ItemText::MilestoneWhat),
                },
                Field {
                    json: "how",
                    label: Label::Compact(Q::MilestoneHow),
                    kind: Kind::Line,
                    optional: false,
                    get: no_get,
                    set: no_set,
                    visible: None,
                    item: Some(ItemText::MilestoneHow),
                },
            ],
        },
    }),
];

// ------------------------------------------------------------------ 6. Needs and offers

static NEED_TEXT: Field = Field {
    json: "text",
    label: Label::Dynamic(|a, id| {
        need(a, id).map_or(String::new(), |n| {
            if n.kind == NeedOrOfferKind::Need {
                t::NEED
            } else {
                t::OFFER
            }
            .to_string()
        })
    }),
    kind: Kind::Text,
    optional: false,
    get: no_get,
    set: no_set,
    visible: None,
    item: Some(ItemText::NeedOrOfferText),
};

static NEED_LIST: ListDesc = ListDesc {
    list: ListKind::NeedsAndOffers,
    noun: t::NEED,
    fields: std::slice::from_ref(&NEED_TEXT),
    legend: None,
    extra: None,
    tools: true,
};
static OFFER_LIST: ListDesc = ListDesc {
    list: ListKind::NeedsAndOffers,
    noun: t::OFFER,
    fields: std::slice::from_ref(&NEED_TEXT),
    legend: None,
    extra: None,
    tools: true,
};
static ORPHAN_NEEDS: ListDesc = ListDesc {
    list: ListKind::NeedsAndOffers,
    noun: t::NEED_OR_OFFER,
    legend: None,
    extra: None,
    tools: true,
    fields: &[
        NEED_TEXT,
        Field {
            json: "partyId",
            label: Label::Static(t::PERSON),
            kind: Kind::Choice(|a, id| {
                owner_options(
                    a,
                    need(a, id)
                        .map(|n| Owner::Party(n.party_id.clone()))
                        .as_ref(),
                    false,
                )
            }),
            optional: false,
            get: |a, id| need(a, id).map(|n| n.party_id.to_string()),
            set: |a, id, v| {
                Id::new(v).and_then(|p| upd_need(a, id, &mut |n| n.party_id = p.clone()))
            },
            visible: None,
            item: None,
        },
    ],
};

static NEEDS: &[Block] = &[Block::Custom(needs_by_person)];

fn needs_by_person(ctx: Ctx) -> El {
    let s = SectionId::NeedsAndOffers;
    let parties = derived(move || ctx.with(|a| a.ids_of(ListKind::Parties)));
    let orphans = derived(move || {
        ctx.with(|a| {
            a.needs_and_offers
                .iter()
                .filter(|n| a.party(&n.party_id).is_none())
                .map(|n| n.id.clone())
                .collect::<Vec<_>>()
        })
    });
    el("div")
        .child(list_help(ctx, &[Q::Need, Q::Offer]))
        .child(messages(
            &ctx.id("needs-msg"),
            derived(move || ctx.findings(s, None, "")),
        ))
        .child(el("div").keyed(move || parties.get(), move |party| person_needs(ctx, party)))
        .child(el("div").content_dyn(
            move || !orphans.get().is_empty(),
            move |any| {
                if !any {
                    return Vec::new();
                }
                vec![el("section")
                    .class("da-list-section da-orphans")
                    .child(el("h3").class("da-subheading").text(t::ORPHANS_HEADING))
                    .child(list_view(
                        ctx,
                        s,
                        &ORPHAN_NEEDS,
                        orphans,
                        ctx.id("needs-msg"),
                    ))]
            },
        ))
}

fn person_needs(ctx: Ctx, party: Id) -> El {
    let s = SectionId::NeedsAndOffers;
    let name = {
        let p = party.clone();
        derived(move || ctx.with(|a| a.party_label(&p)))
    };
    let groups = [
        (NeedOrOfferKind::Need, &NEED_LIST),
        (NeedOrOfferKind::Offer, &OFFER_LIST),
    ]
    .map(|(kind, desc)| {
        let p = party.clone();
        let ids = derived(move || {
            ctx.with(|a| {
                a.needs_and_offers
                    .iter()
                    .filter(|n| n.party_id == p && n.kind == kind)
                    .map(|n| n.id.clone())
                    .collect::<Vec<_>>()
            })
        });
        let add_id = ctx.id(&format!(
            "needs-{party}-{}-add",
            if kind == NeedOrOfferKind::Need {
                "need"
            } else {
                "offer"
            }
        ));
        type Words = fn(&str) -> String;
        let (title, add_label): (Words, Words) = match kind {
            NeedOrOfferKind::Need => (t::needs_of, t::add_need),
            NeedOrOfferKind::Offer => (t::offers_of, t::add_offer),
        };
        let p = party.clone();
        el("div")
            .class("da-needs-group")
            .child(
                el("h4")
                    .class("da-minor-heading")
                    .text_dyn(move || title(&name.get())),
            )
            .child(list_view(ctx, s, desc, ids, add_id.clone()))
            .child(add_button(
                ctx,
                add_id,
                el("span").text_dyn(move || add_label(&name.get())),
                ListKind::NeedsAndOffers,
                desc.noun,
                move |_, id| {
                    Item::NeedOrOffer(NeedOrOffer {
                        id,
                        party_id: p.clone(),
                        kind,
                        text: String::new(),
                    })
                },
                move |id| ctx.field_id(s, Some(id), "text"),
            ))
    });
    let hint_party = party.clone();
    el("section")
        .class("da-list-section da-party-needs")
        .child(
            el("h3")
                .class("da-subheading")
                .id(&ctx.field_id(s, Some(&party), ""))
                .attr("tabindex", "-1")
                .text_dyn(move || name.get()),
        )
        .child(messages(
            &ctx.id(&format!("needs-{party}-msg")),
            derived(move || ctx.findings(s, Some(&hint_party), "")),
        ))
        .child(el("div").class("da-needs-columns").children(groups))
}

// ------------------------------------------------------------------ 7. Assumptions

static ASSUMPTIONS: &[Block] = &[Block::List(ListBlock {
    heading: None,
    help: &[
        Q::AssumptionText,
        Q::AssumptionHeldBy,
        Q::AssumptionStatus,
        Q::AssumptionInstead,
    ],
    ids: |a| a.ids_of(ListKind::Assumptions),
    add: Some(Add {
        label: t::ADD_ASSUMPTION,
        json: "",
        make: |_, id| {
            Item::Assumption(Assumption {
                id,
                text: String::new(),
                held_by: Owner::Everyone,
                status: AssumptionStatus::Unchecked,
                instead: String::new(),
            })
        },
        focus: "text",
    }),
    desc: ListDesc {
        list: ListKind::Assumptions,
        noun: t::ASSUMPTION,
        legend: None,
        extra: None,
        tools: true,
        fields: &[
            Field {
                json: "text",
                label: Label::Compact(Q::AssumptionText),
                kind: Kind::Text,
                optional: false,
                get: no_get,
                set: no_set,
                visible: None,
                item: Some(ItemText::AssumptionText),
            },
            Field {
                json: "heldBy",
                label: Label::Compact(Q::AssumptionHeldBy),
                kind: Kind::Choice(|a, id| {
                    owner_options(a, assumption(a, id).map(|x| &x.held_by), true)
                }),
                optional: false,
                get: |a, id| assumption(a, id).map(|x| owner_key(&x.held_by)),
                set: |a, id, v| {
                    owner_from_key(v)
                        .and_then(|o| upd_assumption(a, id, &mut |x| x.held_by = o.clone()))
                },
                visible: None,
                item: None,
            },
            Field {
                json: "status",
                label: Label::Compact(Q::AssumptionStatus),
                kind: Kind::Choice(|_, _| {
                    STATUSES
                        .iter()
                        .map(|s| {
                            (
                                status_key(*s).to_string(),
                                text::assumption_status_label(*s).to_string(),
                            )
                        })
                        .collect()
                }),
                optional: false,
                get: |a, id| assumption(a, id).map(|x| status_key(x.status).to_string()),
                set: |a, id, v| {
                    let status = STATUSES.into_iter().find(|s| status_key(*s) == v)?;
                    upd_assumption(a, id, &mut |x| x.status = status)
                },
                visible: None,
                item: None,
            },
            Field {
                json: "instead",
                label: Label::Compact(Q::AssumptionInstead),
                kind: Kind::Text,
                optional: true,
                get: no_get,
                set: no_set,
                visible: None,
                item: Some(ItemText::AssumptionInstead),
            },
        ],
    },
})];

// ------------------------------------------------------------------ 8. When it gets hard

static HARD_TIMES: &[Block] = &[
    top_text!("surprises", Surprises, Surprises, Text, false, |a| a
        .hard_times
        .surprises),
    top_text!(
        "missedCommitments",
        MissedCommitments,
        MissedCommitments,
        Text,
        false,
        |a| a.hard_times.missed_commitments
    ),
    Block::List(ListBlock {
        heading: Some(t::PERMISSIONS_HEADING),
        help: &[Q::PermissionText],
        ids: |a| a.ids_of(ListKind::Permissions),
        add: Some(Add {
            label: t::ADD_PERMISSION,
            json: "permissions",
            make: |a, id| {
                Item::Permission(Permission {
                    id,
                    given_by: me_or_everyone(a),
                    text: String::new(),
                })
            },
            focus: "text",
        }),
        desc: ListDesc {
            list: ListKind::Permissions,
            noun: t::PERMISSION,
            legend: None,
            extra: None,
            tools: true,
            fields: &[
                Field {
                    json: "givenBy",
                    label: Label::Static(t::PERMISSION_FROM),
                    kind: Kind::Choice(|a, id| {
                        owner_options(a, permission(a, id).map(|p| &p.given_by), true)
                    }),
                    optional: false,
                    get: |a, id| permission(a, id).map(|p| owner_key(&p.given_by)),
                    set: |a, id, v| {
                        owner_from_key(v)
                            .and_then(|o| upd_permission(a, id, &mut |p| p.given_by = o.clone()))
                    },
                    visible: None,
                    item: None,
                },
                Field {
                    json: "text",
                    label: Label::Compact(Q::PermissionText),
                    kind: Kind::Line,
                    optional: false,
                    get: no_get,
                    set: no_set,
                    visible: None,
                    item: Some(ItemText::PermissionText),
                },
            ],
        },
    }),
    top_text!("mistakes", Mistakes, Mistakes, Text, false, |a| a
        .hard_times
        .mistakes),
];

// ------------------------------------------------------------------ 9. Decisions

static DECISIONS: &[Block] = &[Block::List(ListBlock {
    heading: None,
    help: &[
        Q::DecisionQuestion,
        Q::OptionName,
        Q::DecisionChosen,
        Q::DecisionWhy,
    ],
    ids: |a| a.ids_of(ListKind::Decisions),
    add: Some(Add {
        label: t::ADD_DECISION,
        json: "",
        make: |a, id| {
            // Two empty options to start from.
            let ids = a.fresh_ids("o", 2);
            let options = ids
                .into_iter()
                .map(|id| DecisionOption {
                    id,
                    name: String::new(),
                    pros: String::new(),
                    cons: String::new(),
                })
                .collect();
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
    desc: ListDesc {
        list: ListKind::Decisions,
        noun: t::DECISION,
        legend: None,
        extra: Some(decision_options),
        tools: true,
        fields: &[Field {
            json: "question",
            label: Label::Compact(Q::DecisionQuestion),
            kind: Kind::Line,
            optional: false,
            get: no_get,
            set: no_set,
            visible: None,
            item: Some(ItemText::DecisionQuestion),
        }],
    },
})];

static DECISION_CHOICE: [Field; 2] = [
    Field {
        json: "chosen",
        label: Label::Compact(Q::DecisionChosen),
        kind: Kind::Choice(|a, id| {
            let mut v = vec![(String::new(), t::NOT_CHOSEN.to_string())];
            if let Some(d) = decision(a, id) {
                v.extend(d.options.iter().enumerate().map(|(i, o)| {
                    let name = if o.name.trim().is_empty() {
                        t::item_label(t::OPTION, i + 1)
                    } else {
                        o.name.trim().to_string()
                    };
                    (o.id.to_string(), name)
                }));
            }
            v
        }),
        optional: true,
        get: |a, id| {
            decision(a, id).map(|d| d.chosen.as_ref().map(Id::to_string).unwrap_or_default())
        },
        set: |a, id, v| upd_decision(a, id, &mut |d| d.chosen = Id::new(v)),
        visible: None,
        item: None,
    },
    Field {
        json: "why",
        label: Label::Compact(Q::DecisionWhy),
        kind: Kind::Text,
        optional: true,
        get: no_get,
        set: no_set,
        visible: None,
        item: Some(ItemText::DecisionWhy),
    },
];

/// Finds a decision's option by its id (option ids are unique in the whole alliance).
fn option_of(a: &Alliance, option: &Id) -> Option<(usize, usize)> {
    a.decisions.iter().enumerate().find_map(|(i, d)| {
        d.options
            .iter()
            .position(|o| &o.id == option)
            .map(|j| (i, j))
    })
}

static OPTION_FIELDS: [Field; 3] = [
    Field {
        json: "name",
        label: Label::Compact(Q::OptionName),
        kind: Kind::Line,
        optional: false,
        get: no_get,
        set: no_set,
        visible: None,
        item: Some(ItemText::OptionName),
    },
    Field {
        json: "pros",
        label: Label::Compact(Q::OptionPros),
        kind: Kind::Line,
        optional: true,
        get: no_get,
        set: no_set,
        visible: None,
        item: Some(ItemText::OptionPros),
    },
    Field {
        json: "cons",
        label: Label::Compact(Q::OptionCons),
        kind: Kind::Line,
        optional: true,
        get: no_get,
        set: no_set,
        visible: None,
        item: Some(ItemText::OptionCons),
    },
];

/// A decision's options (each with its fields and a remove button), then the choice and why.
fn decision_options(ctx: Ctx, decision_id: Id) -> El {
    let s = SectionId::Decisions;
    let option_ids = {
        let d = decision_id.clone();
        derived(move || {
            ctx.with(|a| {
                decision(a, &d)
                    .map(|d| d.options.iter().map(|o| o.id.clone()).collect::<Vec<_>>())
                    .unwrap_or_default()
            })
        })
    };
    let add_id = ctx.id(&format!("decision-{decision_id}-add-option"));
    let add = {
        let d = decision_id.clone();
        move || {
            let Some(new_id) = ctx.try_with_untracked(|a| a.fresh_id("o")) else {
                return;
            };
            let action = ctx.with_untracked(|a| {
                upd_decision(a, &d, &mut |d| {
                    d.options.push(DecisionOption {
                        id: new_id.clone(),
                        name: String::new(),
                        pros: String::new(),
                        cons: String::new(),
                    })
                })
            });
            if action.is_some_and(|a| ctx.apply(a)) {
                ctx.announce(t::added(t::OPTION));
                ctx.focus_later(ctx.field_id(s, Some(&new_id), "name"));
            }
        }
    };
    let after_remove = add_id.clone();
    el("div")
        .child(el("ol").class("da-items da-options").keyed(
            move || option_ids.get(),
            move |oid| {
                let n = {
                    let oid = oid.clone();
                    derived(move || position(&option_ids.get(), &oid).0)
                };
                let focus = after_remove.clone();
                let remove_oid = oid.clone();
                el("li").class("da-item da-item-compact").child(
                    el("fieldset")
                        .class("da-item-fieldset")
                        .child(
                            el("legend")
                                .class("da-item-legend")
                                .text_dyn(move || t::item_label(t::OPTION, n.get())),
                        )
                        .children(
                            OPTION_FIELDS
                                .iter()
                                .map(|f| field_view(ctx, s, f, Some(oid.clone()))),
                        )
                        .child(
                            el("div").class("da-item-tools").child(
                                el("button")
                                    .attr("type", "button")
                                    .class("da-button da-button-quiet da-button-danger")
                                    .attr_dyn("aria-label", move || {
                                        Some(format!(
                                            "{}: {}",
                                            t::REMOVE,
                                            t::item_label(t::OPTION, n.get())
                                        ))
                                    })
                                    .text(t::REMOVE)
                                    .on_click(move || {
                                        let action = ctx.with_untracked(|a| {
                                            let (i, _) = option_of(a, &remove_oid)?;
                                            let mut d = a.decisions[i].clone();
                                            d.options.retain(|o| o.id != remove_oid);
                                            if d.chosen.as_ref() == Some(&remove_oid) {
                                                d.chosen = None;
                                            }
                                            Some(Action::Update(Item::Decision(d)))
                                        });
                                        if action.is_some_and(|a| ctx.apply(a)) {
                                            ctx.announce(t::removed(t::OPTION));
                                            ctx.focus_later(focus.clone());
                                        }
                                    }),
                            ),
                        ),
                )
            },
        ))
        .child(
            el("button")
                .attr("type", "button")
                .id(&add_id)
                .class("da-button da-button-add")
                .child(el("span").attr("aria-hidden", "true").text("+ "))
                .text(t::ADD_OPTION)
                .on_click(add),
        )
        .children(
            DECISION_CHOICE
                .iter()
                .map(|f| field_view(ctx, s, f, Some(decision_id.clone()))),
        )
}

// ------------------------------------------------------------------ 10. Keeping it alive

static KEEPING_ALIVE: &[Block] = &[
    Block::Field(Field {
        json: "nextReview",
        label: Label::Question(Q::NextReview),
        kind: Kind::Date,
        optional: false,
        get: |a, _| {
            Some(
                a.keeping_alive
                    .next_review
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            )
        },
        set: |_, _, v| Some(Action::SetNextReview(Date::parse(v))),
        visible: None,
        item: None,
    }),
    Block::Field(Field {
        json: "reviewRhythm",
        label: Label::Question(Q::ReviewRhythm),
        kind: Kind::Choice(frequencies),
        optional: false,
        get: |a, _| frequency_key(a.keeping_alive.review_rhythm),
        set: |_, _, v| Some(Action::SetReviewRhythm(Frequency::from_key(v))),
        visible: None,
        item: None,
    }),
    Block::List(ListBlock {
        heading: Some(t::REVISIONS_HEADING),
        help: &[Q::RevisionChanges, Q::RevisionWhy],
        ids: |a| a.ids_of(ListKind::Revisions),
        add: Some(Add {
            label: t::ADD_REVISION,
            json: "revisions",
            make: |_, id| {
                Item::Revision(Revision {
                    id,
                    date: browser::today(),
                    sections: Vec::new(),
                    changes: String::new(),
                    why: String::new(),
                })
            },
            focus: "changes",
        }),
        desc: ListDesc {
            list: ListKind::Revisions,
            noun: t::REVISION,
            legend: Some(|a, id| {
                revision(a, id).map_or(String::new(), |r| format!("{} {}", t::REVISION, r.date))
            }),
            extra: None,
            tools: true,
            fields: &[
                Field {
                    json: "changes",
                    label: Label::Compact(Q::RevisionChanges),
                    kind: Kind::Text,
                    optional: false,
                    get: no_get,
                    set: no_set,
                    visible: None,
                    item: Some(ItemText::RevisionChanges),
                },
                Field {
                    json: "why",
                    label: Label::Compact(Q::RevisionWhy),
                    kind: Kind::Text,
                    optional: true,
                    get: no_get,
                    set: no_set,
                    visible: None,
                    item: Some(ItemText::RevisionWhy),
                },
            ],
        },
    }),
    Block::Reflections(ReflectionMoment::AtReview, t::REFLECT_REVIEW),
];

/// The table of a section's step.
pub fn blocks(section: SectionId) -> &'static [Block] {
    match section {
        SectionId::Basics => BASICS,
        SectionId::Goal => GOAL,
        SectionId::Progress => PROGRESS,
        SectionId::Commitments => COMMITMENTS,
        SectionId::Communication => COMMUNICATION,
        SectionId::Celebrations => CELEBRATIONS,
        SectionId::NeedsAndOffers => NEEDS,
        SectionId::Assumptions => ASSUMPTIONS,
        SectionId::HardTimes => HARD_TIMES,
        SectionId::Decisions => DECISIONS,
        SectionId::KeepingAlive => KEEPING_ALIVE,
    }
}

// ------------------------------------------------------------------ Review

/// Everything that blocks agreement, each a link to its field.
fn missing_list(ctx: Ctx) -> El {
    let blocking = derived(move || {
        ctx.report_with(|r| {
            r.findings
                .iter()
                .filter(|f| f.severity.blocks_agreement())
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let heading = ctx.id("missing-heading");
    el("section")
        .class("da-missing da-no-print")
        .attr("aria-labelledby", &heading)
        .child(
            el("h3")
                .class("da-subheading")
                .id(&heading)
                .text(t::MISSING_HEADING),
        )
        .child(el("div").content_dyn(
            move || blocking.get(),
            move |list| {
                if list.is_empty() {
                    return vec![el("p").class("da-ok").text(t::MISSING_NONE)];
                }
                vec![el("ul")
                    .class("da-missing-list")
                    .children(list.into_iter().map(|f| {
                        let label = format!("{}: {}", text::section(f.section).title, f.message);
                        let class = if f.severity == Severity::Error {
                            "da-link da-link-error"
                        } else {
                            "da-link"
                        };
                        el("li").child(
                            el("button")
                                .attr("type", "button")
                                .class(class)
                                .text(&label)
                                .on_click(move || ctx.go_to_field(&f)),
                        )
                    }))]
            },
        ))
}

fn text_or_empty(s: &str) -> El {
    if s.trim().is_empty() {
        el("span").class("da-empty").text(t::NOTHING_YET)
    } else {
        el("span").class("da-text").text(s)
    }
}

fn doc_line(l: Line) -> El {
    let show_text = l.lead.is_none() || !l.text.trim().is_empty();
    let mut li = el("li");
    if let Some(lead) = &l.lead {
        li = li.child(el("strong").text(lead));
        if show_text {
            li = li.text(": ");
        }
    }
    if show_text {
        li = li.child(text_or_empty(&l.text));
    }
    if let Some(extra) = &l.extra {
        li = li
            .child(el("br"))
            .child(el("span").class("da-muted").text(extra));
    }
    li
}

fn doc_blocks(blocks: Vec<DocBlock>) -> Vec<El> {
    blocks
        .into_iter()
        .map(|b| match b {
            DocBlock::Text { label: None, text } => {
                el("p").class("da-doc-text").child(text_or_empty(&text))
            }
            DocBlock::Text {
                label: Some(label),
                text,
            } => el("dl")
                .class("da-doc-dl")
                .child(el("dt").text(label))
                .child(el("dd").child(text_or_empty(&text))),
            DocBlock::List { label, items } => {
                let list = if items.is_empty() {
                    text_or_empty("")
                } else {
                    el("ul")
                        .class("da-doc-list")
                        .children(items.into_iter().map(doc_line))
                };
                match label {
                    Some(label) => el("dl")
                        .class("da-doc-dl")
                        .child(el("dt").text(label))
                        .child(el("dd").child(list)),
                    None => list,
                }
            }
            DocBlock::Group { heading, blocks } => el("div")
                .class("da-doc-group")
                .child(
                    el("h4")
                        .class("da-minor-heading")
                        .child(text_or_empty(&heading)),
                )
                .children(doc_blocks(blocks)),
        })
        .collect()
}

fn document(ctx: Ctx, s: Summary) -> El {
    let status = match s.status {
        Status::Draft => text::export::STATUS_DRAFT,
        Status::Agreed => text::export::STATUS_AGREED,
    };
    let badge = if s.status == Status::Agreed {
        "da-badge da-badge-agreed"
    } else {
        "da-badge"
    };
    let mut meta = el("p")
        .class("da-doc-meta")
        .child(el("span").class(badge).text(status));
    if let Some(r) = &s.relationship {
        meta = meta.text(" · ").text(r);
    }
    let signatures = if s.signatures.is_empty() {
        el("p").class("da-empty").text(text::export::NOT_AGREED)
    } else {
        el("ul")
            .class("da-doc-list")
            .children(s.signatures.iter().map(|sig| el("li").text(sig)))
    };
    el("article")
        .class("da-doc-article")
        .child(
            el("header")
                .class("da-doc-header")
                .child(el("p").class("da-doc-title").text(&s.title))
                .child(meta),
        )
        .children(s.sections.into_iter().map(|sec| {
            let id = sec.id;
            el("section")
                .class("da-doc-section")
                .child(
                    el("div")
                        .class("da-doc-section-head")
                        .child(el("h3").class("da-doc-heading").text(sec.title))
                        .child(
                            el("button")
                                .attr("type", "button")
                                .class("da-button da-button-quiet da-no-print")
                                .attr("aria-label", &t::edit_section(text::section(id).title))
                                .text(t::EDIT)
                                .on_click(move || ctx.go_to(Step::Section(id))),
                        ),
                )
                .children(doc_blocks(sec.blocks))
        }))
        .child(
            el("section")
                .class("da-doc-section")
                .child(
                    el("h3")
                        .class("da-doc-heading")
                        .text(text::export::AGREEMENT),
                )
                .child(signatures),
        )
}

/// The one-page view of the whole alliance, with what is missing linked to where it is.
pub fn review_step(ctx: Ctx) -> Vec<El> {
    let summary = derived(move || ctx.with(summarize));
    vec![
        missing_list(ctx),
        el("div")
            .class("da-doc")
            .content_dyn(move || summary.get(), move |s| vec![document(ctx, s)]),
    ]
}

// ------------------------------------------------------------------ Agreement

/// Each person confirms the current version.
pub fn agreement_step(ctx: Ctx) -> Vec<El> {
    let ready = derived(move || ctx.report_with(Report::ready_to_agree));
    let parties = derived(move || ctx.with(|a| a.ids_of(ListKind::Parties)));
    let agreed = derived(move || ctx.with(|a| a.status == Status::Agreed));
    let draft_again = derived(move || {
        ctx.with(|a| {
            a.status == Status::Draft
                && a.agreement.signatures.is_empty()
                && a.agreement.last_agreed.is_some()
        })
    });
    vec![
        el("div").content_dyn(
            move || draft_again.get(),
            |d| {
                if d {
                    vec![el("p").class("da-notice").text(t::DRAFT_AGAIN)]
                } else {
                    Vec::new()
                }
            },
        ),
        el("div").content_dyn(
            move || ready.get(),
            move |ready| {
                if ready {
                    return Vec::new();
                }
                vec![el("div")
                    .class("da-notice da-notice-warning")
                    .child(el("p").text(t::NOT_READY))
                    .child(
                        el("button")
                            .attr("type", "button")
                            .class("da-button")
                            .text(t::GO_TO_REVIEW)
                            .on_click(move || ctx.go_to(Step::Review)),
                    )]
            },
        ),
        el("ul").class("da-agree-list").keyed(
            move || parties.get(),
            move |party| agree_row(ctx, party, ready),
        ),
        el("div").content_dyn(
            move || agreed.get(),
            |a| {
                if a {
                    vec![el("p")
                        .class("da-notice da-notice-success")
                        .text(t::ALL_AGREED)]
                } else {
                    Vec::new()
                }
            },
        ),
    ]
}

fn agree_row(ctx: Ctx, party: Id, ready: Derived<bool>) -> El {
    let name = {
        let p = party.clone();
        derived(move || ctx.with(|a| a.party_label(&p)))
    };
    let signature = {
        let p = party.clone();
        derived(move || {
            ctx.with(|a| {
                a.agreement
                    .signatures
                    .iter()
                    .find(|s| s.party_id == p)
                    .cloned()
            })
        })
    };
    let button_id = ctx.id(&format!("agree-{party}"));
    el("li").class("da-agree-row").content_dyn(
        move || signature.get(),
        move |sig| match sig {
            Some(s) => {
                let p = party.clone();
                let focus = button_id.clone();
                vec![
                    el("p")
                        .class("da-agreed")
                        .child(el("span").attr("aria-hidden", "true").text("✓ "))
                        .text(&t::agreed_on(&s.name, &s.date.to_string())),
                    el("button")
                        .attr("type", "button")
                        .class("da-button da-button-quiet")
                        .text(&t::withdraw(&s.name))
                        .on_click(move || {
                            if ctx.apply(Action::Withdraw { party: p.clone() }) {
                                ctx.focus_later(focus.clone());
                            }
                        }),
                ]
            }
            None => {
                let p = party.clone();
                vec![el("button")
                    .attr("type", "button")
                    .id(&button_id)
                    .class("da-button da-button-primary")
                    .flag_dyn("disabled", move || !ready.get())
                    .text_dyn(move || t::agree_as(&name.get()))
                    .on_click(move || {
                        let who = name.get();
                        if ctx.apply(Action::Agree {
                            party: p.clone(),
                            date: browser::today(),
                        }) {
                            let all = ctx.with_untracked(|a| a.status == Status::Agreed);
                            ctx.announce(if all {
                                t::ALL_AGREED.to_string()
                            } else {
                                t::someone_agreed(&who)
                            });
                        }
                    })]
            }
        },
    )
}

// ------------------------------------------------------------------ Finish

static FINISH_REFLECTIONS: &[Block] = &[Block::Reflections(
    ReflectionMoment::AfterAgreeing,
    t::REFLECT_AFTER,
)];

/// The end: every way to take the alliance away, and reflection on what comes next.
pub fn finish_step(ctx: Ctx) -> Vec<El> {
    let mut v = vec![el("section")
        .class("da-list-section")
        .child(el("h3").class("da-subheading").text(t::EXPORTS_HEADING))
        .child(el("p").class("da-help").text(t::WHATS_NEXT))
        .child(export_buttons(ctx, true))];
    v.extend(render_blocks(
        ctx,
        SectionId::KeepingAlive,
        FINISH_REFLECTIONS,
    ));
    v
}
