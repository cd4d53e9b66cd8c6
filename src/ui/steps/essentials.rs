//! The tables of the first steps: before you begin, the goal, how we will know we are getting
//! there, and who does what and when.

use super::access::{
    change, choose_first, frequencies, frequency_key, me_or_everyone, of, owner_from_key,
    owner_key, when_kind,
};
use super::table::*;
use crate::core::content;
use crate::core::content::QuestionId as Q;
use crate::core::text::ui as t;
use crate::core::Action;
use crate::core::*;
use crate::ui::browser;
use leptos::prelude::Get;

// ------------------------------------------------------------------ 0. Before you begin

pub static BASICS: &[Block] = &[
    Block::Field(text("title", Q::Title, TextField::Title, Kind::Line, false)),
    Block::Field(Field {
        json: "relationship",
        label: Label::Question(Q::Relationship),
        kind: Kind::Choice(Choices::Fixed(|| {
            choose_first(RelationshipKind::ALL.iter().map(|k| {
                (
                    k.key().to_string(),
                    content::relationship_label(*k).to_string(),
                )
            }))
        })),
        optional: false,
        value: Value::Top {
            get: |s| {
                s.relationship()
                    .get()
                    .map(|k| k.key().to_string())
                    .unwrap_or_default()
            },
            set: |_, v| Some(Action::SetRelationship(RelationshipKind::from_key(v))),
        },
        shown: Shown::Always,
    }),
    Block::Field(Field {
        json: "relationshipNote",
        label: Label::Static(t::relationship_note),
        kind: Kind::Line,
        optional: true,
        value: Value::Text(TextField::RelationshipNote),
        shown: Shown::IfTop(|s| s.relationship().get() == Some(RelationshipKind::Other)),
    }),
    Block::List(ListBlock {
        heading: Some(t::parties_heading),
        help: &[Q::PartyName, Q::PartyRole],
        add: Some(Add {
            label: t::add_person,
            json: "",
            make: |_, _, id| Item::Party(Party::new(id)),
            focus: "name",
        }),
        items: Items {
            list: ListKind::Parties,
            noun: t::person,
            legend: Legend::Numbered,
            extra: None,
            tools: true,
            fields: &[
                item_text("name", Q::PartyName, ItemText::PartyName, Kind::Line, false),
                item_text("role", Q::PartyRole, ItemText::PartyRole, Kind::Line, true),
            ],
        },
    }),
];

// ------------------------------------------------------------------ 1. Goal

pub static GOAL: &[Block] = &[
    Block::Field(text(
        "what",
        Q::GoalWhat,
        TextField::GoalWhat,
        Kind::Text,
        false,
    )),
    Block::Field(text(
        "why",
        Q::GoalWhy,
        TextField::GoalWhy,
        Kind::Text,
        false,
    )),
    Block::More {
        label: t::more_goal,
        open: |a| !a.goal.pain.trim().is_empty(),
        blocks: &[Block::Field(text(
            "pain",
            Q::GoalPain,
            TextField::GoalPain,
            Kind::Text,
            true,
        ))],
    },
];

// ------------------------------------------------------------------ 2. Progress

pub static PROGRESS: &[Block] = &[Block::List(ListBlock {
    heading: None,
    help: &[Q::MeasureSignal, Q::MeasureHowWeCheck, Q::MeasureHowOften],
    add: Some(Add {
        label: t::add_measure,
        json: "",
        make: |_, _, id| {
            Item::Measure(Measure {
                id,
                signal: String::new(),
                how_we_check: String::new(),
                how_often: None,
            })
        },
        focus: "signal",
    }),
    items: Items {
        list: ListKind::Progress,
        noun: t::measure,
        legend: Legend::Numbered,
        extra: None,
        tools: true,
        fields: &[
            item_text(
                "signal",
                Q::MeasureSignal,
                ItemText::MeasureSignal,
                Kind::Text,
                false,
            ),
            item_text(
                "howWeCheck",
                Q::MeasureHowWeCheck,
                ItemText::MeasureHowWeCheck,
                Kind::Text,
                false,
            ),
            Field {
                json: "howOften",
                label: Label::Compact(Q::MeasureHowOften),
                kind: Kind::Choice(Choices::Fixed(frequencies)),
                optional: false,
                value: Value::Item {
                    get: |i| of!(i, Measure(m) => frequency_key(m.how_often)),
                    set: |i, v| change!(i, Measure(m) => m.how_often = Frequency::from_key(v)),
                },
                shown: Shown::Always,
            },
        ],
    },
})];

// ------------------------------------------------------------------ 3. Commitments

fn is_dated(i: &Item) -> bool {
    matches!(i, Item::Commitment(c) if when_kind(c) == "date")
}

fn is_after(i: &Item) -> bool {
    matches!(i, Item::Commitment(c) if when_kind(c) == "after")
}

pub static COMMITMENTS: &[Block] = &[Block::List(ListBlock {
    heading: None,
    help: &[Q::CommitmentWhat, Q::CommitmentOwner, Q::CommitmentWhen],
    add: Some(Add {
        label: t::add_commitment,
        json: "",
        make: |_, me, id| {
            Item::Commitment(Commitment {
                id,
                owner: me_or_everyone(me),
                what: String::new(),
                when: None,
            })
        },
        focus: "what",
    }),
    items: Items {
        list: ListKind::Commitments,
        noun: t::commitment,
        legend: Legend::Numbered,
        extra: None,
        tools: true,
        fields: &[
            item_text(
                "what",
                Q::CommitmentWhat,
                ItemText::CommitmentWhat,
                Kind::Text,
                false,
            ),
            Field {
                json: "owner",
                label: Label::Compact(Q::CommitmentOwner),
                kind: Kind::Choice(Choices::Parties { everyone: true }),
                optional: false,
                value: Value::Item {
                    get: |i| of!(i, Commitment(c) => owner_key(&c.owner)),
                    set: |i, v| {
                        let owner = owner_from_key(v)?;
                        change!(i, Commitment(c) => c.owner = owner)
                    },
                },
                shown: Shown::Always,
            },
            Field {
                json: "when",
                label: Label::Compact(Q::CommitmentWhen),
                kind: Kind::Choice(Choices::Fixed(|| {
                    vec![
                        (String::new(), t::when_not_set().to_string()),
                        ("date".to_string(), t::when_date().to_string()),
                        ("after".to_string(), t::when_after().to_string()),
                    ]
                })),
                optional: false,
                value: Value::Item {
                    get: |i| of!(i, Commitment(c) => when_kind(c).to_string()),
                    set: |i, v| {
                        let when = match v {
                            "date" => Some(When::Date {
                                date: browser::today(),
                            }),
                            "after" => Some(When::After {
                                event: String::new(),
                            }),
                            _ => None,
                        };
                        change!(i, Commitment(c) => c.when = when)
                    },
                },
                shown: Shown::Always,
            },
            Field {
                json: "whenDate",
                label: Label::Static(t::when_date_label),
                kind: Kind::Date,
                optional: false,
                value: Value::Item {
                    get: |i| {
                        of!(i, Commitment(c) => match c.when {
                            Some(When::Date { date }) => date.to_string(),
                            _ => String::new(),
                        })
                    },
                    set: |i, v| {
                        let date = Date::parse(v)?;
                        change!(i, Commitment(c) => c.when = Some(When::Date { date }))
                    },
                },
                shown: Shown::IfItem(is_dated),
            },
            Field {
                json: "whenEvent",
                label: Label::Static(t::when_after_label),
                kind: Kind::Line,
                optional: false,
                value: Value::ItemText(ItemText::CommitmentAfter),
                shown: Shown::IfItem(is_after),
            },
        ],
    },
})];

// ------------------------------------------------------------------ 5. Celebrations

pub static CELEBRATIONS: &[Block] = &[
    Block::Field(text(
        "goal",
        Q::CelebrateGoal,
        TextField::CelebrateGoal,
        Kind::Text,
        false,
    )),
    Block::List(ListBlock {
        heading: Some(t::milestones_heading),
        help: &[Q::MilestoneWhat, Q::MilestoneHow],
        add: Some(Add {
            label: t::add_milestone,
            json: "milestones",
            make: |_, _, id| {
                Item::Milestone(Milestone {
                    id,
                    milestone: String::new(),
                    how: String::new(),
                })
            },
            focus: "milestone",
        }),
        items: Items {
            list: ListKind::Milestones,
            noun: t::milestone,
            legend: Legend::Numbered,
            extra: None,
            tools: true,
            fields: &[
                item_text(
                    "milestone",
                    Q::MilestoneWhat,
                    ItemText::MilestoneWhat,
                    Kind::Text,
                    false,
                ),
                item_text(
                    "how",
                    Q::MilestoneHow,
                    ItemText::MilestoneHow,
                    Kind::Text,
                    false,
                ),
            ],
        },
    }),
];
