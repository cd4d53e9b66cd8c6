//! The alliance as the store components read (`reactive_stores`; the derives are on the
//! model's types, see `core::model::store`), kept in step with the editor: after each change
//! the store is patched with the alliance as it now is, and only what changed is notified.

use crate::core::GoalStoreFields;
use crate::core::{Alliance, AllianceStoreFields, Id, Item, ListKind, TextField};
use crate::core::{
    CelebrationsStoreFields, CommunicationStoreFields, HardTimesStoreFields,
    KeepingAliveStoreFields,
};
use leptos::prelude::*;
use reactive_stores::{Patch, Store, StoreField};

/// Runs `$body` with `$f` bound to the keyed list `$list` of `$store`, and `$item` to the
/// variant of `Item` its items are.
macro_rules! with_list {
    ($store:expr, $list:expr, |$f:ident, $item:ident| $body:expr) => {
        match $list {
            ListKind::Parties => {
                let ($f, $item) = ($store.parties(), Item::Party);
                $body
            }
            ListKind::Progress => {
                let ($f, $item) = ($store.progress(), Item::Measure);
                $body
            }
            ListKind::Commitments => {
                let ($f, $item) = ($store.commitments(), Item::Commitment);
                $body
            }
            ListKind::Channels => {
                let ($f, $item) = ($store.communication().channels(), Item::Channel);
                $body
            }
            ListKind::Milestones => {
                let ($f, $item) = ($store.celebrations().milestones(), Item::Milestone);
                $body
            }
            ListKind::NeedsAndOffers => {
                let ($f, $item) = ($store.needs_and_offers(), Item::NeedOrOffer);
                $body
            }
            ListKind::Assumptions => {
                let ($f, $item) = ($store.assumptions(), Item::Assumption);
                $body
            }
            ListKind::Permissions => {
                let ($f, $item) = ($store.hard_times().permissions(), Item::Permission);
                $body
            }
            ListKind::Decisions => {
                let ($f, $item) = ($store.decisions(), Item::Decision);
                $body
            }
            ListKind::Revisions => {
                let ($f, $item) = ($store.keeping_alive().revisions(), Item::Revision);
                $body
            }
        }
    };
}

/// Brings the keys of every keyed list in step with its items, right after the store is made:
/// a list's key map is otherwise made the first time an item is read by key, without the map
/// from places to keys that a patch needs to notify an item.
pub(super) fn keyed(store: Store<Alliance>) {
    for list in ListKind::ALL {
        with_list!(store, list, |f, _item| f.update_keys());
    }
}

/// What tells of a change to the ids of a list (an item added, taken out or moved), list by
/// list, in the order of `ListKind::ALL`. What reads a list's ids tracks this rather than the
/// list: the store tells a list's readers of every change inside its items too (typing), and
/// each row's place ("3 of 500", move up and down) would be checked again on every keystroke.
pub(super) struct Orders([ArcTrigger; ListKind::ALL.len()]);

impl Orders {
    pub(super) fn new() -> Self {
        Orders(std::array::from_fn(|_| ArcTrigger::new()))
    }

    fn of(&self, list: ListKind) -> &ArcTrigger {
        let i = ListKind::ALL.iter().position(|l| *l == list).unwrap_or(0);
        &self.0[i]
    }
}

/// Patches `store` with `new` (`core::model::store` says how each part is compared): what
/// changed is notified, nothing else. For each list whose ids changed: the items taken out are
/// told first (still found by their ids then), so what reads one learns it is gone; after the
/// patch the list's keys are brought up to date, so each item is found by its id again, and
/// what reads the list (its ids, in `orders`, or the whole of it) is told.
pub(super) fn patch(store: Store<Alliance>, orders: &Orders, new: Alliance) {
    let moved: Vec<(ListKind, Vec<Id>)> = store
        .try_with_untracked(|old| {
            ListKind::ALL
                .into_iter()
                .filter(|&list| !same_ids(old, &new, list))
                .map(|list| (list, gone(old, &new, list)))
                .collect()
        })
        .unwrap_or_default();
    for (list, gone) in &moved {
        for id in gone {
            with_list!(store, *list, |f, _item| f.at_key(id.clone()).notify());
        }
    }
    store.patch(new);
    for (list, _) in moved {
        with_list!(store, list, |f, _item| {
            f.update_keys();
            order_changed(&f);
        });
        orders.of(list).notify();
    }
}

/// Whether `list` holds the same ids, in the same order, in `a` and `b`.
fn same_ids(a: &Alliance, b: &Alliance, list: ListKind) -> bool {
    let len = a.len_of(list);
    len == b.len_of(list) && (0..len).all(|i| a.id_at(list, i) == b.id_at(list, i))
}

/// The ids of `list` in `old` that are not in `new`.
fn gone(old: &Alliance, new: &Alliance, list: ListKind) -> Vec<Id> {
    let kept: std::collections::HashSet<&Id> = (0..new.len_of(list))
        .filter_map(|i| new.id_at(list, i))
        .collect();
    (0..old.len_of(list))
        .filter_map(|i| old.id_at(list, i))
        .filter(|id| !kept.contains(id))
        .cloned()
        .collect()
}

/// Tells what reads a list's order that it changed: the list read as a whole (its ids) and
/// everything above it, not each item read by its key (which tracks the list's own `this`
/// trigger, the last of `triggers_for_current_path`, listed from the root down). This is what
/// the library's keyed patch notifies when a list's structure changes: "Add" at 500 items
/// does not re-read the 500 items.
fn order_changed(list: &impl StoreField) {
    let mut triggers = list.triggers_for_current_path();
    triggers.pop();
    triggers.notify();
}

/// The item `id` of `list`, read from its place in the store (tracked: only a change to this
/// item, or its removal, notifies; not a change of the list's order).
pub(super) fn item(store: Store<Alliance>, list: ListKind, id: &Id) -> Option<Item> {
    with_list!(store, list, |f, item| f
        .at_key(id.clone())
        .try_get()
        .map(item))
}

/// The ids of `list`, in order (tracked: a change to its ids, told by `orders`, not a change
/// inside an item).
pub(super) fn ids(store: Store<Alliance>, orders: &Orders, list: ListKind) -> Vec<Id> {
    orders.of(list).track();
    with_list!(store, list, |f, _item| f.try_with_untracked(|items| {
        items.iter().map(|x| x.id.clone()).collect::<Vec<_>>()
    }))
    .unwrap_or_default()
}

/// The text of a top-level field (tracked: that field only).
pub(super) fn text(store: Store<Alliance>, field: TextField) -> String {
    match field {
        TextField::Title => store.title().get(),
        TextField::RelationshipNote => store.relationship_note().get(),
        TextField::GoalWhat => store.goal().what().get(),
        TextField::GoalWhy => store.goal().why().get(),
        TextField::GoalPain => store.goal().pain().get(),
        TextField::RaisingProblems => store.communication().raising_problems().get(),
        TextField::CelebrateGoal => store.celebrations().goal().get(),
        TextField::Surprises => store.hard_times().surprises().get(),
        TextField::MissedCommitments => store.hard_times().missed_commitments().get(),
        TextField::Mistakes => store.hard_times().mistakes().get(),
        // The reflections are read as a whole (personal notes, a few short texts).
        TextField::Reflection(_) => {
            store.reflections().track();
            store
                .try_with_untracked(|a| a.text(field).to_string())
                .unwrap_or_default()
        }
    }
}
