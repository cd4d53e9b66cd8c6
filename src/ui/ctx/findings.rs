//! The validation report's findings, by the field they are about: each field's messages in a
//! signal of its own, set after a change only when they changed.
//!
//! The alliance itself is a store (`super::store`); the report is not part of it. A memo per
//! field over the whole report would re-run every field's filter on every keystroke (hundreds
//! of findings on a long list, times hundreds of fields): here the report is grouped by field
//! once per change, and only the signals whose findings changed are set.

use super::FieldKey;
use crate::core::{Finding, Report};
use leptos::prelude::*;
use std::collections::HashMap;

/// The signals handed out so far, by field. Signals nobody asked for are not made.
#[derive(Default)]
pub struct Findings(HashMap<FieldKey, ArcRwSignal<Vec<Finding>>>);

impl Findings {
    /// The signal of the findings about one field (made now if needed).
    pub fn of(&mut self, report: &Report, key: FieldKey) -> ArcRwSignal<Vec<Finding>> {
        self.0
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

    /// Brings every signal handed out in step with `report`.
    pub fn sync(&mut self, report: &Report) {
        if self.0.is_empty() {
            return;
        }
        let mut by_field: HashMap<FieldKey, Vec<Finding>> = HashMap::new();
        for f in &report.findings {
            by_field
                .entry((f.section, f.item.clone(), f.field))
                .or_default()
                .push(f.clone());
        }
        for (key, signal) in &self.0 {
            let now = by_field.remove(key).unwrap_or_default();
            if signal.with_untracked(|old| *old != now) {
                signal.set(now);
            }
        }
    }
}
