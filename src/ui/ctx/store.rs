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

/// Runs `$body` with `$f` bound to the keyed list `$list` of `$store`.
macro_rules! with_list {
    ($store:expr, $list:expr, |$f:ident| $body:expr) => {
        match $list {
            ListKind::Parties => {
                let $f = $store.parties();
                $body
            }
            ListKind::Progress => {
                let $f = $store.progress();
                $body
            }
            ListKind::Commitments => {
                let $f = $store.commitments();
                $body
            }
            ListKind::Channels => {
                let $f = $store.communication().channels();
                $body
            }
            ListKind::Milestones => {
                let $f = $store.celebrations().milestones();
                $body
            }
            ListKind::NeedsAndOffers => {
                let $f = $store.needs_and_offers();
                $body
            }
            ListKind::Assumptions => {
                let $f = $store.assumptions();
                $body
            }
            ListKind::Permissions => {
                let $f = $store.hard_times().permissions();
                $body
            }
            ListKind::Decisions => {
                let $f = $store.decisions();
                $body
            }
            ListKind::Revisions => {
                let $f = $store.keeping_alive().revisions();
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
        with_list!(store, list, |f| f.update_keys());
    }
}

/// Patches `store` with `new` (`core::model::store` says how each part is compared): what
/// changed is notified, nothing else. For each list whose ids changed: the items taken out are
/// told first (still found by their ids then), so what reads one learns it is gone; after the
/// patch the list's keys are brought up to date, so each item is found by its id again, and
/// what reads the list's order is told.
pub(super) fn patch(store: Store<Alliance>, new: Alliance) {
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
            with_list!(store, *list, |f| f.at_key(id.clone()).notify());
        }
    }
    store.patch(new);
    for (list, _) in moved {
        with_list!(store, list, |f| {
            f.update_keys();
            order_changed(&f);
        });
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
    let id = id.clone();
    match list {
        ListKind::Parties => store.parties().at_key(id).try_get().map(Item::Party),
        ListKind::Progress => store.progress().at_key(id).try_get().map(Item::Measure),
        ListKind::Commitments => store
            .commitments()
            .at_key(id)
            .try_get()
            .map(Item::Commitment),
        ListKind::Channels => store
            .communication()
            .channels()
            .at_key(id)
            .try_get()
            .map(Item::Channel),
        ListKind::Milestones => store
            .celebrations()
            .milestones()
            .at_key(id)
            .try_get()
            .map(Item::Milestone),
        ListKind::NeedsAndOffers => store
            .needs_and_offers()
            .at_key(id)
            .try_get()
            .map(Item::NeedOrOffer),
        ListKind::Assumptions => store
            .assumptions()
            .at_key(id)
            .try_get()
            .map(Item::Assumption),
        ListKind::Permissions => store
            .hard_times()
            .permissions()
            .at_key(id)
            .try_get()
            .map(Item::Permission),
        ListKind::Decisions => store.decisions().at_key(id).try_get().map(Item::Decision),
        ListKind::Revisions => store
            .keeping_alive()
            .revisions()
            .at_key(id)
            .try_get()
            .map(Item::Revision),
    }
}

/// The ids of `list`, in order (tracked: the list and its items).
pub(super) fn ids(store: Store<Alliance>, list: ListKind) -> Vec<Id> {
    fn of<T>(items: &[T], id: impl Fn(&T) -> &Id) -> Vec<Id> {
        items.iter().map(|x| id(x).clone()).collect()
    }
    let ids = match list {
        ListKind::Parties => store.parties().try_with(|v| of(v, |x| &x.id)),
        ListKind::Progress => store.progress().try_with(|v| of(v, |x| &x.id)),
        ListKind::Commitments => store.commitments().try_with(|v| of(v, |x| &x.id)),
        ListKind::Channels => store
            .communication()
            .channels()
            .try_with(|v| of(v, |x| &x.id)),
        ListKind::Milestones => store
            .celebrations()
            .milestones()
            .try_with(|v| of(v, |x| &x.id)),
        ListKind::NeedsAndOffers => store.needs_and_offers().try_with(|v| of(v, |x| &x.id)),
        ListKind::Assumptions => store.assumptions().try_with(|v| of(v, |x| &x.id)),
        ListKind::Permissions => store
            .hard_times()
            .permissions()
            .try_with(|v| of(v, |x| &x.id)),
        ListKind::Decisions => store.decisions().try_with(|v| of(v, |x| &x.id)),
        ListKind::Revisions => store
            .keeping_alive()
            .revisions()
            .try_with(|v| of(v, |x| &x.id)),
    };
    ids.unwrap_or_default()
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
