//! Undo and redo on top of [`Alliance::apply`], and the fingerprints that tell which sections
//! changed since everyone last agreed.

use super::action::{Action, ActionError, ItemText, ListKind, TextField};
use super::date::Timestamp;
use super::model::*;

/// FNV-1a, 64 bits: a stable fingerprint (not a security measure).
pub(super) fn fnv1a(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    super::hex(h, 16)
}

/// The fingerprint of every section's terms, as they are now: of each section's parts as one
/// compact JSON list.
pub fn fingerprints(a: &Alliance) -> Vec<SectionFingerprint> {
    let k = &a.keeping_alive;
    SectionId::ALL
        .iter()
        .map(|&section| {
            let terms = match section {
                SectionId::Basics => serde_json::to_string(&(
                    &a.title,
                    &a.relationship,
                    &a.relationship_note,
                    &a.parties,
                )),
                SectionId::Goal => serde_json::to_string(&(&a.goal,)),
                SectionId::Progress => serde_json::to_string(&(&a.progress,)),
                SectionId::Commitments => serde_json::to_string(&(&a.commitments,)),
                SectionId::Communication => serde_json::to_string(&(&a.communication,)),
                SectionId::Celebrations => serde_json::to_string(&(&a.celebrations,)),
                SectionId::NeedsAndOffers => serde_json::to_string(&(&a.needs_and_offers,)),
                SectionId::Assumptions => serde_json::to_string(&(&a.assumptions,)),
                SectionId::HardTimes => serde_json::to_string(&(&a.hard_times,)),
                SectionId::Decisions => serde_json::to_string(&(&a.decisions,)),
                SectionId::KeepingAlive => {
                    serde_json::to_string(&(&k.next_review, &k.review_rhythm))
                }
            };
            SectionFingerprint {
                section,
                // Plain data with string keys: serialising cannot fail.
                fingerprint: fnv1a(terms.unwrap_or_default().as_bytes()),
            }
        })
        .collect()
}

/// Whether the fingerprint of `section` in `previous` (as last agreed) still holds for `now`
/// (the section's fingerprint as it is now, from [`fingerprints`]). Fingerprints made before
/// "me" left the file counted which party was marked `isMe`; the basics of such an
/// agreement match when they match with any one party marked so.
pub fn unchanged_since(
    a: &Alliance,
    now: &SectionFingerprint,
    previous: &[SectionFingerprint],
) -> bool {
    if previous.contains(now) {
        return true;
    }
    if now.section != SectionId::Basics {
        return false;
    }
    let Some(before) = previous.iter().find(|f| f.section == SectionId::Basics) else {
        return false;
    };
    #[derive(serde::Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Marked<'a> {
        id: &'a Id,
        name: &'a str,
        role: &'a str,
        is_me: bool,
    }
    (0..a.parties.len()).any(|me| {
        let parties: Vec<Marked> = a
            .parties
            .iter()
            .enumerate()
            .map(|(i, p)| Marked {
                id: &p.id,
                name: &p.name,
                role: &p.role,
                is_me: i == me,
            })
            .collect();
        let terms =
            serde_json::to_string(&(&a.title, &a.relationship, &a.relationship_note, &parties));
        fnv1a(terms.unwrap_or_default().as_bytes()) == before.fingerprint
    })
}

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
