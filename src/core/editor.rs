//! Undo and redo on top of [`Alliance::apply`].

use super::action::{Action, ActionError, ItemText, ListKind, TextField};
use super::date::Timestamp;
use super::model::*;

/// An alliance with undo and redo. Every change still goes through [`Alliance::apply`].
#[derive(Debug, Clone)]
pub struct Editor {
    current: Alliance,
    undo: Vec<Alliance>,
    redo: Vec<Alliance>,
    /// The last change, so typing into one field becomes one undo step.
    last: Option<(CoalesceKey, Timestamp)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum CoalesceKey {
    Text(TextField),
    ItemText(ItemText, Id),
    Item(ListKind, Id),
    CheckIn,
    Update(Id),
    /// An answer to a coach's question, by the question's id.
    Answer(String),
}

/// How many steps can be undone.
pub const HISTORY_LIMIT: usize = 100;
/// Edits of one field closer together than this many seconds are undone together.
pub const COALESCE_SECONDS: i64 = 2;

impl Editor {
    pub fn new(alliance: Alliance) -> Self {
        Self {
            current: alliance,
            undo: Vec::new(),
            redo: Vec::new(),
            last: None,
        }
    }

    pub fn alliance(&self) -> &Alliance {
        &self.current
    }

    pub fn into_alliance(self) -> Alliance {
        self.current
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Applies a change, recording it for undo.
    pub fn apply(&mut self, action: Action, now: Timestamp) -> Result<bool, ActionError> {
        let key = match &action {
            Action::SetText(field, _) => Some(CoalesceKey::Text(*field)),
            Action::SetItemText(field, id, _) => Some(CoalesceKey::ItemText(*field, id.clone())),
            Action::Update(item) => Some(CoalesceKey::Item(ListKind::of(item), item.id().clone())),
            Action::SetCheckIn(_) => Some(CoalesceKey::CheckIn),
            Action::SetUpdatePreference(p) => Some(CoalesceKey::Update(p.party_id.clone())),
            Action::SetAnswer(a) => Some(CoalesceKey::Answer(a.question.clone())),
            _ => None,
        };
        let coalesce = match (&key, &self.last) {
            (Some(k), Some((last_key, at))) => {
                k == last_key && now.unix_seconds() - at.unix_seconds() <= COALESCE_SECONDS
            }
            _ => false,
        };
        // Typing into one field is one undo step: only its first change keeps a copy.
        let before = (!coalesce).then(|| self.current.clone());
        let changed = self.current.apply(action, now)?;
        if !changed {
            return Ok(false);
        }
        if let Some(before) = before {
            self.undo.push(before);
            if self.undo.len() > HISTORY_LIMIT {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.last = key.map(|k| (k, now));
        Ok(true)
    }

    /// Records the coach's template the alliance is made with. Not a change a person made, so
    /// not a step to undo: undoing past it leaves the record for the next change to make again.
    pub fn record_template(&mut self, template: TemplateRef, now: Timestamp) -> bool {
        matches!(
            self.current.apply(Action::SetTemplate(Some(template)), now),
            Ok(true)
        )
    }

    /// Undoes the last change; false when there is none.
    pub fn undo(&mut self) -> bool {
        match self.undo.pop() {
            Some(previous) => {
                self.redo
                    .push(std::mem::replace(&mut self.current, previous));
                self.last = None;
                true
            }
            None => false,
        }
    }

    /// Redoes the last undone change; false when there is none.
    pub fn redo(&mut self) -> bool {
        match self.redo.pop() {
            Some(next) => {
                self.undo.push(std::mem::replace(&mut self.current, next));
                self.last = None;
                true
            }
            None => false,
        }
    }
}
