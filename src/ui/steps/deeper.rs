//! The tables of the deeper steps: assumptions, when it gets hard, and keeping it alive.

use super::access::{change, me_or_everyone, of, owner_from_key, owner_key, STATUSES};
use super::table::*;
use crate::core::content;
use crate::core::content::QuestionId as Q;
use crate::core::text::ui as t;
use crate::core::Action;
use crate::core::*;
use crate::ui::browser;
use leptos::prelude::Get;

// ------------------------------------------------------------------ 7. Assumptions

pub static ASSUMPTIONS: &[Block] = &[Block::List(ListBlock {
    heading: None,
    help: &[
        Q::AssumptionText,
        Q::AssumptionHeldBy,
        Q::AssumptionStatus,
        Q::AssumptionInstead,
    ],
    add: Some(Add {
        label: t::add_assumption,
        json: "",
        make: |_, _, id| {
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
    items: Items {
        list: ListKind::Assumptions,
        noun: t::assumption,
        legend: Legend::Numbered,
        extra: None,
        tools: true,
        fields: &[
            item_text(
                "text",
                Q::AssumptionText,
                ItemText::AssumptionText,
                Kind::Text,
                false,
            ),
            Field {
                json: "heldBy",
                label: Label::Compact(Q::AssumptionHeldBy),
                kind: Kind::Choice(Choices::Parties { everyone: true }),
                optional: false,
                value: Value::Item {
                    get: |i| of!(i, Assumption(x) => owner_key(&x.held_by)),
                    set: |i, v| {
                        let owner = owner_from_key(v)?;
                        change!(i, Assumption(x) => x.held_by = owner)
                    },
                },
                shown: Shown::Always,
            },
            Field {
                json: "status",
                label: Label::Compact(Q::AssumptionStatus),
                kind: Kind::Choice(Choices::Fixed(|| {
                    STATUSES
                        .iter()
                        .map(|s| {
                            (
                                s.key().to_string(),
                                content::assumption_status_label(*s).to_string(),
                            )
                        })
                        .collect()
                })),
                optional: false,
                value: Value::Item {
                    get: |i| of!(i, Assumption(x) => x.status.key().to_string()),
                    set: |i, v| {
                        let status = STATUSES.into_iter().find(|s| s.key() == v)?;
                        change!(i, Assumption(x) => x.status = status)
                    },
                },
                shown: Shown::Always,
            },
            item_text(
                "instead",
                Q::AssumptionInstead,
                ItemText::AssumptionInstead,
                Kind::Text,
                true,
            ),
        ],
    },
})];

// ------------------------------------------------------------------ 8. When it gets hard

pub static HARD_TIMES: &[Block] = &[
    Block::Field(text(
        "surprises",
        Q::Surprises,
        TextField::Surprises,
        Kind::Text,
        false,
    )),
    Block::Field(text(
        "missedCommitments",
        Q::MissedCommitments,
        TextField::MissedCommitments,
        Kind::Text,
        false,
    )),
    Block::List(ListBlock {
        heading: Some(t::permissions_heading),
        help: &[Q::PermissionText],
        add: Some(Add {
            label: t::add_permission,
            json: "permissions",
            make: |_, me, id| {
                Item::Permission(Permission {
                    id,
                    given_by: me_or_everyone(me),
                    text: String::new(),
                })
            },
            focus: "text",
        }),
        items: Items {
            list: ListKind::Permissions,
            noun: t::permission,
            legend: Legend::Numbered,
            extra: None,
            tools: true,
            fields: &[
                Field {
                    json: "givenBy",
                    label: Label::Static(t::permission_from),
                    kind: Kind::Choice(Choices::Parties { everyone: true }),
                    optional: false,
                    value: Value::Item {
                        get: |i| of!(i, Permission(p) => owner_key(&p.given_by)),
                        set: |i, v| {
                            let owner = owner_from_key(v)?;
                            change!(i, Permission(p) => p.given_by = owner)
                        },
                    },
                    shown: Shown::Always,
                },
                item_text(
                    "text",
                    Q::PermissionText,
                    ItemText::PermissionText,
                    Kind::Text,
                    false,
                ),
            ],
        },
    }),
    Block::Field(text(
        "mistakes",
        Q::Mistakes,
        TextField::Mistakes,
        Kind::Text,
        false,
    )),
];

// ------------------------------------------------------------------ 10. Keeping it alive

pub static KEEPING_ALIVE: &[Block] = &[
    Block::Field(Field {
        json: "nextReview",
        label: Label::Question(Q::NextReview),
        kind: Kind::Date,
        optional: false,
        value: Value::Top {
            get: |s| super::access::date_value(s.keeping_alive().next_review().get()),
            set: |_, v| Some(Action::SetNextReview(Date::parse(v))),
        },
        shown: Shown::Always,
    }),
    Block::Field(Field {
        json: "reviewRhythm",
        label: Label::Question(Q::ReviewRhythm),
        kind: Kind::Choice(Choices::Fixed(super::access::frequencies)),
        optional: false,
        value: Value::Top {
            get: |s| super::access::frequency_key(s.keeping_alive().review_rhythm().get()),
            set: |_, v| Some(Action::SetReviewRhythm(Frequency::from_key(v))),
        },
        shown: Shown::Always,
    }),
    Block::List(ListBlock {
        heading: Some(t::revisions_heading),
        help: &[Q::RevisionChanges, Q::RevisionWhy],
        add: Some(Add {
            label: t::add_revision,
            json: "revisions",
            make: |_, _, id| {
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
        items: Items {
            list: ListKind::Revisions,
            noun: t::revision,
            legend: Legend::OfItem(
                |i| of!(i, Revision(r) => format!("{} {}", t::revision(), crate::core::Dates::date(&crate::ui::browser::Local, r.date))),
            ),
            extra: None,
            tools: true,
            fields: &[
                item_text(
                    "changes",
                    Q::RevisionChanges,
                    ItemText::RevisionChanges,
                    Kind::Text,
                    false,
                ),
                item_text(
                    "why",
                    Q::RevisionWhy,
                    ItemText::RevisionWhy,
                    Kind::Text,
                    true,
                ),
            ],
        },
    }),
    Block::Custom(crate::ui::living::history::history_view),
];
