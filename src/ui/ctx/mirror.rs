//! The parts of the alliance that many components show, each in a signal of its own: every
//! list item, the order of every list, and the findings about every field.
//!
//! Why not memos over the whole document: Leptos marks everything downstream of a changed
//! signal for checking, memos included, and wakes every effect below them. With a memo per
//! item, one keystroke on a list of 500 woke thousands of effects just to find that nothing
//! changed. Here the document is compared with the mirror once per change (`sync`, linear in
//! the size of the alliance), and only the signals whose value changed are set: typing into
//! one item reaches that item's bindings, and nothing else on the step.

use super::FieldKey;
use crate::core::{Alliance, Finding, Id, Item, ListKind, Report};
use leptos::prelude::*;
use std::collections::HashMap;

/// The signals handed out so far, by what they show. Signals nobody asked for are not made.
#[derive(Default)]
pub struct Mirror {
    items: HashMap<Id, ArcRwSignal<Option<Item>>>,
    ids: HashMap<ListKind, ArcRwSignal<Vec<Id>>>,
    findings: HashMap<FieldKey, ArcRwSignal<Vec<Finding>>>,
}

/// Sets `signal` to `value`, unless it holds that already (nothing is notified then).
fn set_if_changed<T: PartialEq + Send + Sync + 'static>(signal: &ArcRwSignal<T>, value: T) {
    if signal.with_untracked(|old| *old != value) {
        signal.set(value);
    }
}

impl Mirror {
    /// The signal of the item `id` of `list` (made now if needed).
    pub fn item(&mut self, a: &Alliance, list: ListKind, id: &Id) -> ArcRwSignal<Option<Item>> {
        self.items
            .entry(id.clone())
            .or_insert_with(|| {
                let at = (0..a.len_of(list)).find(|&i| a.id_at(list, i) == Some(id));
                ArcRwSignal::new(at.and_then(|i| a.item_at(list, i)))
            })
            .clone()
    }

    /// The signal of the ids of `list`, in order (made now if needed).
    pub fn ids(&mut self, a: &Alliance, list: ListKind) -> ArcRwSignal<Vec<Id>> {
        self.ids
            .entry(list)
            .or_insert_with(|| ArcRwSignal::new(a.ids_of(list)))
            .clone()
    }

    /// The signal of the findings about one field (made now if needed).
    pub fn findings(&mut self, report: &Report, key: FieldKey) -> ArcRwSignal<Vec<Finding>> {
        self.findings
            .entry(key.clone())
            .or_insert_with(|| {
                let (section, item, field) = key;
                ArcRwSignal::new(
                    report
                        .for_field(section, item.as_ref(), field)
                        .cloned()
                        .collect(),
                )
            })
            .clone()
    }

    /// Brings every signal handed out in step with `a` and its report. Items no longer in the
    /// alliance show as `None` and are forgotten.
    pub fn sync(&mut self, a: &Alliance, report: &Report) {
        for list in ListKind::ALL {
            if let Some(ids) = self.ids.get(&list) {
                let len = a.len_of(list);
                let same = ids.with_untracked(|old| {
                    old.len() == len
                        && old
                            .iter()
                            .enumerate()
                            .all(|(i, id)| a.id_at(list, i) == Some(id))
                });
                if !same {
                    ids.set(a.ids_of(list));
                }
            }
        }
        if !self.items.is_empty() {
            let mut seen = 0;
            for list in ListKind::ALL {
                for i in 0..a.len_of(list) {
                    let Some(signal) = a.id_at(list, i).and_then(|id| self.items.get(id)) else {
                        continue;
                    };
                    seen += 1;
                    // Copied only for the items on screen, and set only when they changed.
                    set_if_changed(signal, a.item_at(list, i));
                }
            }
            if seen < self.items.len() {
                let mut present = std::collections::HashSet::new();
                a.for_each_id(|id| {
                    present.insert(id);
                });
                self.items.retain(|id, signal| {
                    let keep = present.contains(id);
                    if !keep {
                        signal.set(None);
                    }
                    keep
                });
            }
        }
        if !self.findings.is_empty() {
            let mut by_field: HashMap<FieldKey, Vec<Finding>> = HashMap::new();
            for f in &report.findings {
                by_field
                    .entry((f.section, f.item.clone(), f.field))
                    .or_default()
                    .push(f.clone());
            }
            for (key, signal) in &self.findings {
                set_if_changed(signal, by_field.remove(key).unwrap_or_default());
            }
        }
    }
}
