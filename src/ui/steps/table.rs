//! The wizard's questions as data: each step is a table of [`Block`]s whose fields say how to
//! read and write the alliance. A few generic components render every step
//! ([`super::SectionBlocks`], [`crate::ui::fields`]), so a new question is a new table row, not
//! new view code.

use crate::core::content::QuestionId;
use crate::core::text::Words;
use crate::core::{Action, Alliance, Id, Item, ItemText, ListKind, TextField};
use leptos::prelude::AnyView;
use reactive_stores::Store;

/// Choices for a select: (key, label) pairs; key "" stands for "not chosen".
pub type ChoiceList = Vec<(String, String)>;

/// Where a select's choices come from.
#[derive(Clone, Copy)]
pub enum Choices {
    /// The same for every item.
    Fixed(fn() -> ChoiceList),
    /// Every party by name, with "everyone" when asked; a party who left stays listed while
    /// chosen, so the select still shows the truth.
    Parties { everyone: bool },
    /// Computed from the item itself (a decision's options).
    OfItem(fn(&Item) -> ChoiceList),
}

/// What kind of control a field is.
#[derive(Clone, Copy)]
pub enum Kind {
    /// One line of text.
    Line,
    /// Several lines of text.
    Text,
    Choice(Choices),
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
    Static(Words),
    /// Computed from the item (a need or an offer).
    OfItem(fn(&Item) -> String),
    /// With the name of the party the field is about.
    OfParty(fn(&str) -> String),
}

/// Where a field's value lives, and the change that sets it. A field reads the part of the
/// alliance it shows, from the store (the item, or the store's field), so its bindings stay
/// quiet while other parts change; the change is an action on the alliance as it is.
#[derive(Clone, Copy)]
pub enum Value {
    /// A text of the alliance itself.
    Text(TextField),
    /// Another field of the alliance itself (`None` from `set`: nothing to change).
    Top {
        get: fn(Store<Alliance>) -> String,
        set: fn(&Alliance, &str) -> Option<Action>,
    },
    /// A text of the list item (of one of its options, for a decision's options).
    ItemText(ItemText),
    /// Another field of the list item.
    Item {
        get: fn(&Item) -> String,
        set: fn(&Item, &str) -> Option<Action>,
    },
    /// A field kept for each party elsewhere in the alliance (how they like updates).
    PerParty {
        get: fn(Store<Alliance>, &Id) -> String,
        set: fn(&Alliance, &Id, &str) -> Option<Action>,
    },
}

/// When a field shows.
#[derive(Clone, Copy)]
pub enum Shown {
    Always,
    /// While this holds for the alliance (read from the store's field it is about).
    IfTop(fn(Store<Alliance>) -> bool),
    /// While this holds for the item.
    IfItem(fn(&Item) -> bool),
}

/// One question.
#[derive(Clone, Copy)]
pub struct Field {
    /// The JSON name of the field: part of the control's DOM id, and how findings find it.
    pub json: &'static str,
    pub label: Label,
    pub kind: Kind,
    pub optional: bool,
    pub value: Value,
    pub shown: Shown,
}

/// How each item of a list is named in its legend.
#[derive(Clone, Copy)]
pub enum Legend {
    /// "Commitment 3".
    Numbered,
    /// The party's name (a list of parties).
    Party,
    /// Computed from the item.
    OfItem(fn(&Item) -> String),
}

/// The items of a list, each with its fields.
pub struct Items {
    pub list: ListKind,
    /// What one item is called ("Commitment").
    pub noun: Words,
    pub fields: &'static [Field],
    pub legend: Legend,
    /// More to show inside each item (a decision's options), given the item's id.
    pub extra: Option<fn(Id) -> AnyView>,
    /// Whether items can be moved and removed.
    pub tools: bool,
}

/// A "+ Add" button: its label, the JSON name findings about the whole list use (so they
/// link to it), how to make a new item, and the field to focus in it.
pub struct Add {
    pub label: Words,
    pub json: &'static str,
    /// Makes the item from the alliance, the person using this browser (if said: the
    /// default owner of what they add) and a fresh id.
    pub make: fn(&Alliance, Option<&Id>, Id) -> Item,
    pub focus: &'static str,
}

/// A list as part of a step: every item of its list, in order.
pub struct ListBlock {
    pub heading: Option<Words>,
    pub help: &'static [QuestionId],
    pub items: Items,
    pub add: Option<Add>,
}

/// A part of a step.
pub enum Block {
    Field(Field),
    /// Fields side by side.
    Row(&'static [Field]),
    List(ListBlock),
    /// Further questions folded under a label, open from the start when they hold anything.
    More {
        label: Words,
        open: fn(&Alliance) -> bool,
        blocks: &'static [Block],
    },
    Heading(Words),
    /// A component of its own.
    Custom(fn() -> AnyView),
}

/// A field of the alliance itself that is one of its texts.
pub const fn text(
    json: &'static str,
    q: QuestionId,
    field: TextField,
    kind: Kind,
    optional: bool,
) -> Field {
    Field {
        json,
        label: Label::Question(q),
        kind,
        optional,
        value: Value::Text(field),
        shown: Shown::Always,
    }
}

/// A text of a list item, labelled by its question's prompt.
pub const fn item_text(
    json: &'static str,
    q: QuestionId,
    field: ItemText,
    kind: Kind,
    optional: bool,
) -> Field {
    Field {
        json,
        label: Label::Compact(q),
        kind,
        optional,
        value: Value::ItemText(field),
        shown: Shown::Always,
    }
}
