//! The alliance as Leptos' store (`reactive_stores`): `#[derive(Store)]` on the alliance and
//! its sections makes each field readable on its own, and the lists of items keyed by id
//! (`#[store(key: …)]`), so a component reading one item or one field hears of changes to
//! that part only.
//!
//! The core stays the only writer: the UI applies every change to its `Editor`, then patches
//! the store with the alliance as it now is (`ui::ctx::store::patch`), and only what changed
//! is notified. How each part is compared is said here, in `PatchField`:
//! - what is read as a whole (a list item, an id, a date, a choice) by equality;
//! - the alliance and the sections holding a list field by field, each list by id with the
//!   library's keyed patch (`PatchFieldKeyed`): an item whose content changed is notified at
//!   its key, wherever it moved.
//!
//! These impls are written out rather than derived: in `reactive_stores` 0.4.4 the derived
//! `Patch` of a struct holding a keyed list looks the list's keys up at the struct's own path
//! (leptos-rs/leptos#4802, open), which registers that path as keyed with no keys, and the next
//! notification traps ("could not find key for index"). Here each list's keys are looked up at
//! the list's path, which is the fix proposed upstream. Each struct is taken apart whole, so a
//! field added to the model does not compile until it is patched here; the path segment of a
//! field is its place in the struct, as `#[derive(Store)]` numbers it.

use super::*;
use crate::core::date::{Date, TimeOfDay, Timestamp};
use reactive_stores::{FieldKeys, KeyMap, PatchField, StorePath};

/// `PatchField` for values read as a whole: replaced, and notified, when not equal.
macro_rules! patched_whole {
    ($($t:ty),* $(,)?) => {
        $(impl PatchField for $t {
            fn patch_field(
                &mut self,
                new: Self,
                path: &StorePath,
                notify: &mut dyn FnMut(&StorePath),
                _keys: Option<&KeyMap>,
            ) {
                if *self != new {
                    *self = new;
                    notify(path);
                }
            }
        })*
    };
}

patched_whole!(
    Id,
    Date,
    Timestamp,
    TimeOfDay,
    Status,
    RelationshipKind,
    Frequency,
    TemplateRef,
    Answer,
    Reflections,
    Agreement,
    Party,
    Measure,
    Commitment,
    Channel,
    UpdatePreference,
    Milestone,
    NeedOrOffer,
    Assumption,
    Permission,
    Decision,
    Revision,
    CheckInHeld,
);

/// The paths of a struct's fields, in order: the struct's path followed by 0, 1, 2…
struct Fields {
    path: StorePath,
    next: usize,
}

impl Fields {
    fn of(path: &StorePath) -> Self {
        Fields {
            path: path.clone(),
            next: 0,
        }
    }

    /// The next field's path.
    fn next(&mut self) -> StorePath {
        let mut path = self.path.clone();
        path.push(self.next);
        self.next += 1;
        path
    }
}

/// Patches a list by id, its keys looked up at the list's own path.
/// - Same ids in the same order, perhaps with items added at the end (typing into an item,
///   "Add"): each item that changed is patched in place and notified at its key, the new ones
///   are appended.
/// - Otherwise (removed, moved): the list takes the new order, and each item whose content
///   changed is notified at its key, wherever it moved: what the library's keyed patch
///   (`PatchFieldKeyed`) does, without its maps of whole items made for each type of item
///   (5.3 KB gzipped of the first download for the ten lists, measured). The change of order itself
///   is not notified here: the caller brings the list's keys up to date and then tells what
///   reads the order (`ui::ctx::store::patch`), without waking every item.
fn keyed<T: PatchField + PartialEq>(
    list: &mut Vec<T>,
    new: Vec<T>,
    path: StorePath,
    notify: &mut dyn FnMut(&StorePath),
    keys: Option<&KeyMap>,
    id: fn(&T) -> &Id,
) {
    let at_key = |key: &Id| {
        let index = keys?
            .with_field_keys(
                path.clone(),
                |k: &mut FieldKeys<Id>| (k.get(key), Vec::new()),
                Vec::new,
            )
            .flatten()
            .map(|(_, index)| index)?;
        let mut at = path.clone();
        at.push(index);
        Some(at)
    };
    // The items there before keep their places (the same ids, or items added at the end).
    let in_place = list.len() <= new.len() && list.iter().zip(&new).all(|(a, b)| id(a) == id(b));
    if !in_place {
        let changed: Vec<StorePath> = {
            let before: std::collections::HashMap<&Id, usize> =
                list.iter().enumerate().map(|(i, x)| (id(x), i)).collect();
            new.iter()
                .filter(|x| before.get(id(x)).is_some_and(|&i| list[i] != **x))
                .filter_map(|x| at_key(id(x)))
                .collect()
        };
        *list = new;
        for at in &changed {
            notify(at);
        }
        return;
    }
    let mut new = new.into_iter();
    for (old, new) in list.iter_mut().zip(new.by_ref()) {
        if *old == new {
            continue;
        }
        match at_key(id(old)) {
            Some(at) => old.patch_field(new, &at, notify, keys),
            // Not found by its key (never, once the keys are made): the whole list is told.
            None => {
                *old = new;
                notify(&path);
            }
        }
    }
    // Added at the end ("Add"): nobody reads them by key yet.
    list.extend(new);
}

/// `PatchField` for a struct, field by field: each field is `whole` (its own `PatchField`) or
/// `keyed` (a list of items by id, see [`keyed`]), listed in the struct's order, which is the
/// path segment `#[derive(Store)]` gives it. The struct is taken apart whole, so a field added
/// to the model does not compile until it is listed here.
macro_rules! patched_by_field {
    ($($t:ident { $($how:ident $field:ident),* $(,)? })*) => {
        $(impl PatchField for $t {
            fn patch_field(
                &mut self,
                new: Self,
                path: &StorePath,
                notify: &mut dyn FnMut(&StorePath),
                keys: Option<&KeyMap>,
            ) {
                let $t { $($field),* } = new;
                let mut at = Fields::of(path);
                $(patched_by_field!(@$how self.$field, $field, at.next(), notify, keys);)*
            }
        })*
    };
    (@whole $old:expr, $new:ident, $path:expr, $notify:ident, $keys:ident) => {
        $old.patch_field($new, &$path, $notify, $keys)
    };
    (@keyed $old:expr, $new:ident, $path:expr, $notify:ident, $keys:ident) => {
        keyed(&mut $old, $new, $path, $notify, $keys, |x| &x.id)
    };
}

patched_by_field! {
    Alliance {
        whole id,
        whole title,
        whole relationship,
        whole relationship_note,
        whole created_at,
        whole updated_at,
        whole status,
        keyed parties,
        whole reflections,
        whole goal,
        keyed progress,
        keyed commitments,
        whole communication,
        whole celebrations,
        keyed needs_and_offers,
        keyed assumptions,
        whole hard_times,
        keyed decisions,
        whole keeping_alive,
        whole check_ins,
        whole agreement,
        whole template,
        whole answers,
    }
    Communication {
        keyed channels,
        whole check_in,
        whole updates,
        whole raising_problems,
    }
    Celebrations {
        whole goal,
        keyed milestones,
    }
    HardTimes {
        whole surprises,
        whole missed_commitments,
        keyed permissions,
        whole mistakes,
    }
    KeepingAlive {
        whole next_review,
        whole review_rhythm,
        keyed revisions,
    }
}
