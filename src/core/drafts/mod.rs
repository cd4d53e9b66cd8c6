//! Drafts kept in the browser: the rules, independent of any browser API.
//!
//! Storage is a small trait so the rules can be tested against fakes that fail, fill up or
//! throw. Every draft lives under its own key, `designed-alliance:<namespace>:draft:<slot>`,
//! as a versioned envelope holding the alliance in the file format (so stored drafts go
//! through the same checks and migrations as imported files). The store never clears storage
//! and never touches a key outside its namespace.
//!
//! Nothing is ever silently overwritten: the store remembers the exact value it last read or
//! wrote for the open draft, and before each write checks that storage still holds it. If
//! another tab or another widget wrote in between, the write is refused as a conflict; if the
//! value vanished (cleared elsewhere), the draft is simply written again.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use super::date::Timestamp;
use super::json::{self, FORMAT, MIGRATIONS, SCHEMA_VERSION};
use super::merge::Seen;
use super::model::{Alliance, Id, RelationshipKind};
use serde::{Deserialize, Serialize};
use serde_json::Value;

mod record;
pub use record::*;

/// The value of `format` in a stored draft.
pub const DRAFT_FORMAT: &str = "designed-alliance-draft";
/// The version of the draft envelope this build writes, and the newest it reads.
pub const DRAFT_VERSION: u64 = 1;
/// The largest stored draft read back. More than any browser lets a site store, so whatever
/// was saved opens again, even when it is larger than an importable file.
pub const MAX_DRAFT_BYTES: usize = 16 * 1024 * 1024;

/// Why storage did not do what was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// Storage cannot be used here at all (blocked, disabled, a sandboxed frame).
    Unavailable(String),
    /// The browser's storage for this site is full.
    Full,
    /// Anything else the browser reported.
    Failed(String),
}

/// The little of `localStorage` the drafts need.
pub trait Storage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&mut self, key: &str) -> Result<(), StorageError>;
    fn keys(&self) -> Result<Vec<String>, StorageError>;
}

/// Storage in memory: the fallback when the browser's is unavailable, and the fake in tests.
#[derive(Debug, Clone, Default)]
pub struct MemoryStorage {
    entries: Vec<(String, String)>,
    /// Most characters all values may hold together (like a browser's quota).
    pub quota: Option<usize>,
    /// When set, every call fails with this.
    pub failure: Option<StorageError>,
    /// How many writes were made (tests check that nothing was written).
    pub writes: usize,
}

impl MemoryStorage {
    fn check(&self) -> Result<(), StorageError> {
        match &self.failure {
            Some(e) => Err(e.clone()),
            None => Ok(()),
        }
    }
}

impl Storage for MemoryStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.check()?;
        Ok(self
            .entries
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone()))
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        self.check()?;
        if let Some(quota) = self.quota {
            let others: usize = self
                .entries
                .iter()
                .filter(|(k, _)| k != key)
                .map(|(k, v)| k.len() + v.len())
                .sum();
            if others + key.len() + value.len() > quota {
                return Err(StorageError::Full);
            }
        }
        self.writes += 1;
        match self.entries.iter_mut().find(|(k, _)| k == key) {
            Some(slot) => slot.1 = value.to_string(),
            None => self.entries.push((key.to_string(), value.to_string())),
        }
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.check()?;
        self.entries.retain(|(k, _)| k != key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.check()?;
        Ok(self.entries.iter().map(|(k, _)| k.clone()).collect())
    }
}

/// What this browser keeps with a draft beside the alliance, and never writes into a file or
/// a link: which person is "me" here, what it knows of the versions of the alliance it
/// exchanged with others (see [`Seen`]), and a check-in under way.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Here {
    /// The party who uses this browser, once they said which one they are.
    pub me: Option<Id>,
    pub seen: Seen,
    /// A check-in under way here, kept until it is saved or discarded.
    pub walk: Option<crate::core::living::Walk>,
}

/// A draft to store: the alliance, what this browser keeps with it, the step it is at and how
/// far it is (for the list).
#[derive(Debug, Clone, Copy)]
pub struct Draft<'a> {
    pub alliance: &'a Alliance,
    pub here: &'a Here,
    pub step: &'a str,
    /// Percent of the required parts filled in.
    pub progress: u32,
}

/// A draft as the drafts list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftInfo {
    pub slot: Id,
    /// The alliance's own id (two drafts may hold the same alliance).
    pub alliance: Id,
    /// The names of its people, in order (the coach's desk groups by them).
    pub people: Vec<String>,
    pub title: String,
    pub relationship: Option<RelationshipKind>,
    pub saved_at: Timestamp,
    /// Percent of the required parts filled in.
    pub progress: u32,
}

/// One entry of the drafts list: readable, or kept as it is and explained.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Listed {
    Draft(DraftInfo),
    /// `raw` is the stored value, kept for download and to say in full what is wrong.
    Unreadable {
        slot: String,
        reason: Reason,
        raw: String,
    },
}

/// Why a stored draft cannot be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// Said at once (not a draft, from a newer widget, too large, not JSON, …).
    Said(String),
    /// The alliance in it does not read as one; where and what takes reading it closely
    /// ([`explain`]).
    InItsFile,
}

impl Reason {
    /// What can be said without reading the draft closely.
    pub fn at_once(&self) -> String {
        match self {
            Reason::Said(words) => words.clone(),
            Reason::InItsFile => super::text::drafts::file_unreadable().to_string(),
        }
    }

    /// In full: where and what, for a draft whose alliance is the problem (`raw`, the stored
    /// value).
    pub fn words(&self, raw: &str) -> String {
        match self {
            Reason::Said(words) => words.clone(),
            Reason::InItsFile => explain(raw),
        }
    }
}

/// A draft read back from storage.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    pub slot: Id,
    pub alliance: Alliance,
    /// What this browser keeps with it.
    pub here: Here,
    /// The wizard step it was left at.
    pub step: String,
    pub saved_at: Timestamp,
}

/// Why a draft could not be opened. Nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenError {
    Missing,
    /// The stored value cannot be read; it is kept untouched. `raw` is it, for download.
    Unreadable {
        reason: Reason,
        raw: String,
    },
    Storage(StorageError),
}

/// Why a save did not happen. The previously stored draft is untouched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// Someone else (another tab or widget) saved this draft since we read it: theirs.
    Conflict(String),
    Storage(StorageError),
}

/// What [`DraftStore::check`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    Same,
    /// Another writer saved the open draft: theirs.
    Changed(String),
    /// The open draft was removed from storage (cleared elsewhere): save it again.
    Gone,
}

/// What a save did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    Written,
    /// Nothing changed since the last save: nothing was written.
    Unchanged,
}

/// The drafts of one namespace, and the state of the open one.
#[derive(Debug, Clone)]
pub struct DraftStore {
    prefix: String,
    writer: String,
    /// The open draft.
    slot: Id,
    /// Exactly what storage held for the open draft when we last read or wrote it.
    known: Option<String>,
    /// The content last saved (alliance and step, and what this browser keeps with it), to
    /// skip writes that change nothing.
    saved_content: Option<(String, Here)>,
    /// A new draft as it started: not worth storing until something in it changes.
    pristine: Option<String>,
    sequence: u64,
}

/// Only letters, digits, '-' and '_' in a namespace (anything else becomes '-').
pub fn clean_namespace(ns: &str) -> String {
    let s: String = ns
        .chars()
        .take(64)
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if s.is_empty() {
        "default".to_string()
    } else {
        s
    }
}

impl DraftStore {
    /// A store for `namespace`; `writer` identifies this widget instance in what it writes.
    pub fn new(namespace: &str, writer: &str, slot: Id) -> Self {
        DraftStore {
            prefix: format!("designed-alliance:{}:", clean_namespace(namespace)),
            writer: writer.to_string(),
            slot,
            known: None,
            saved_content: None,
            pristine: None,
            sequence: 0,
        }
    }

    pub fn slot(&self) -> &Id {
        &self.slot
    }

    /// The key of a draft.
    pub fn key(&self, slot: &str) -> String {
        format!("{}draft:{slot}", self.prefix)
    }

    /// The key that records which draft was open last.
    pub fn current_key(&self) -> String {
        format!("{}current", self.prefix)
    }

    /// Whether a key belongs to this widget's namespace.
    pub fn is_ours(&self, key: &str) -> bool {
        key.starts_with(&self.prefix)
    }

    /// The slot of the draft that was open last time, if it was recorded.
    pub fn last_open(&self, s: &dyn Storage) -> Option<Id> {
        s.get(&self.current_key()).ok().flatten().and_then(Id::new)
    }

    /// The first draft of this namespace that cannot be read: why, and its stored value (for
    /// download). Mentioned at every start, whatever was damaged (the draft, or the record of
    /// which draft was open as well), until the person removes it.
    pub fn first_unreadable(&self, s: &dyn Storage) -> Option<(Reason, String)> {
        self.list(s).ok()?.into_iter().find_map(|l| match l {
            Listed::Unreadable { reason, raw, .. } => Some((reason, raw)),
            Listed::Draft(_) => None,
        })
    }

    /// Every draft of this namespace, most recently saved first (drafts saved in the same second
    /// by slot, so the order never depends on how the browser orders its keys); unreadable
    /// ones last.
    pub fn list(&self, s: &dyn Storage) -> Result<Vec<Listed>, StorageError> {
        let draft_prefix = format!("{}draft:", self.prefix);
        let mut drafts = Vec::new();
        let mut unreadable = Vec::new();
        for key in s.keys()? {
            let Some(slot) = key.strip_prefix(&draft_prefix) else {
                continue;
            };
            let raw = s.get(&key)?.unwrap_or_default();
            // Decoded in full, so a draft that would fail to open is marked now, not later.
            let decoded = Id::new(slot)
                .ok_or_else(|| Reason::Said(super::text::drafts::bad_key().to_string()))
                .and_then(|id| decode(&raw).map(|d| (id, d)));
            match decoded {
                Ok((id, d)) => {
                    let people = d
                        .alliance
                        .parties
                        .iter()
                        .enumerate()
                        .map(|(i, p)| p.label(i))
                        .collect();
                    let info = DraftInfo {
                        slot: id,
                        alliance: d.alliance.id,
                        people,
                        title: d.alliance.title,
                        relationship: d.alliance.relationship,
                        saved_at: d.saved_at,
                        progress: d.progress,
                    };
                    // Most recent first; inserting in place avoids pulling in a sort.
                    let at = drafts
                        .iter()
                        .position(|x: &DraftInfo| {
                            (x.saved_at, &info.slot) < (info.saved_at, &x.slot)
                        })
                        .unwrap_or(drafts.len());
                    drafts.insert(at, info);
                }
                Err(reason) => unreadable.push(Listed::Unreadable {
                    slot: slot.to_string(),
                    reason,
                    raw,
                }),
            }
        }
        Ok(drafts
            .into_iter()
            .map(Listed::Draft)
            .chain(unreadable)
            .collect())
    }

    /// Reads and decodes a draft without opening it (nothing is written).
    pub fn peek(&self, s: &dyn Storage, slot: &Id) -> Result<Opened, OpenError> {
        let (d, _) = self.read(s, slot)?;
        Ok(d.opened(slot.clone()))
    }

    fn read(&self, s: &dyn Storage, slot: &Id) -> Result<(Decoded, String), OpenError> {
        let raw = s
            .get(&self.key(slot.as_str()))
            .map_err(OpenError::Storage)?
            .ok_or(OpenError::Missing)?;
        match decode(&raw) {
            Ok(d) => Ok((d, raw)),
            Err(reason) => Err(OpenError::Unreadable { reason, raw }),
        }
    }

    /// Opens a draft: reads and decodes it before anything is written, and makes it the open
    /// one. An unreadable value is reported and left exactly as it is.
    pub fn open(&mut self, s: &mut dyn Storage, slot: &Id) -> Result<Opened, OpenError> {
        let (d, raw) = self.read(s, slot)?;
        self.slot = slot.clone();
        self.became(raw, &d);
        // Not the draft itself: only which one is open. A failure here costs nothing.
        let _ = s.set(&self.current_key(), slot.as_str());
        Ok(d.opened(slot.clone()))
    }

    /// Records `raw` (decoded as `d`) as what storage holds for the open draft.
    fn became(&mut self, raw: String, d: &Decoded) {
        self.saved_content = Some((content_of(&compact(&d.alliance), &d.step), d.here.clone()));
        self.known = Some(raw);
        self.pristine = None;
        self.sequence = d.sequence;
    }

    /// Starts a new draft in `slot`. When it starts `pristine` (a blank alliance), nothing is
    /// stored until something in it changes; otherwise (an imported file) the first save
    /// stores it.
    pub fn start(&mut self, slot: Id, pristine: Option<&Alliance>) {
        self.slot = slot;
        self.known = None;
        self.saved_content = None;
        self.pristine = pristine.map(compact);
        self.sequence = 0;
    }

    /// Whether someone else changed the open draft in storage since we last read or wrote it.
    pub fn check(&self, s: &dyn Storage) -> Check {
        match (s.get(&self.key(self.slot.as_str())), &self.known) {
            (Ok(Some(theirs)), Some(ours)) if &theirs != ours => Check::Changed(theirs),
            (Ok(Some(theirs)), None) => Check::Changed(theirs),
            (Ok(None), Some(_)) => Check::Gone,
            _ => Check::Same,
        }
    }

    /// Saves the open draft, unless nothing changed since the last save, or someone else
    /// saved it since we read it.
    pub fn save(
        &mut self,
        s: &mut dyn Storage,
        draft: Draft,
        now: Timestamp,
    ) -> Result<Saved, SaveError> {
        let json = compact(draft.alliance);
        let content = (content_of(&json, draft.step), draft.here.clone());
        let key = self.key(self.slot.as_str());
        let stored = s.get(&key).map_err(SaveError::Storage)?;
        match (&stored, &self.known) {
            // Someone else wrote since we last read or wrote it.
            (Some(theirs), Some(ours)) if theirs != ours => {
                return Err(SaveError::Conflict(theirs.clone()))
            }
            (Some(theirs), None) => return Err(SaveError::Conflict(theirs.clone())),
            // Unchanged in storage and unchanged on screen: nothing to do.
            (Some(_), Some(_)) if self.saved_content.as_ref() == Some(&content) => {
                return Ok(Saved::Unchanged)
            }
            // A new draft nobody has touched yet: not worth keeping.
            (None, None)
                if self.pristine.as_deref() == Some(json.as_str())
                    && *draft.here == Here::default() =>
            {
                return Ok(Saved::Unchanged)
            }
            // Ours, or gone (cleared elsewhere: write it again).
            _ => {}
        }
        let raw =
            encode(draft, now, &self.writer, self.sequence + 1).map_err(SaveError::Storage)?;
        s.set(&key, &raw).map_err(SaveError::Storage)?;
        self.sequence += 1;
        self.known = Some(raw);
        self.saved_content = Some(content);
        let _ = s.set(&self.current_key(), self.slot.as_str());
        Ok(Saved::Written)
    }

    /// Resolves a conflict in favour of what is on screen: the next save overwrites theirs.
    pub fn keep_mine(&mut self, theirs: String) {
        self.known = Some(theirs);
        self.saved_content = None;
    }

    /// Resolves a conflict in favour of the stored version, which becomes the open draft.
    pub fn take_theirs(&mut self, theirs: &str) -> Result<Opened, OpenError> {
        let d = decode(theirs).map_err(|reason| OpenError::Unreadable {
            reason,
            raw: theirs.to_string(),
        })?;
        self.became(theirs.to_string(), &d);
        Ok(d.opened(self.slot.clone()))
    }

    /// Gives a stored draft a new title. Not for the open draft: rename that one on screen,
    /// and it is saved like any other change.
    pub fn rename(
        &self,
        s: &mut dyn Storage,
        slot: &Id,
        title: &str,
        now: Timestamp,
    ) -> Result<(), OpenError> {
        let (mut d, _) = self.read(s, slot)?;
        d.alliance.title = title.to_string();
        let draft = Draft {
            alliance: &d.alliance,
            here: &d.here,
            step: &d.step,
            progress: d.progress,
        };
        let raw = encode(draft, now, &self.writer, d.sequence + 1).map_err(OpenError::Storage)?;
        s.set(&self.key(slot.as_str()), &raw)
            .map_err(OpenError::Storage)
    }

    /// Stores a draft in a new `slot` (a duplicate, or an imported file).
    pub fn store_new(
        &self,
        s: &mut dyn Storage,
        slot: &Id,
        draft: Draft,
        now: Timestamp,
    ) -> Result<(), StorageError> {
        let key = self.key(slot.as_str());
        if s.get(&key)?.is_some() {
            return Err(StorageError::Failed(
                super::text::drafts::slot_taken().to_string(),
            ));
        }
        s.set(&key, &encode(draft, now, &self.writer, 1)?)
    }

    /// Removes a draft; returns what was stored, so the deletion can be undone.
    pub fn delete(
        &mut self,
        s: &mut dyn Storage,
        slot: &str,
    ) -> Result<Option<String>, StorageError> {
        let key = self.key(slot);
        let raw = s.get(&key)?;
        s.remove(&key)?;
        if slot == self.slot.as_str() {
            self.known = None;
            self.saved_content = None;
            self.pristine = None;
        }
        Ok(raw)
    }

    /// Puts back a deleted draft.
    pub fn restore(
        &mut self,
        s: &mut dyn Storage,
        slot: &str,
        raw: &str,
    ) -> Result<(), StorageError> {
        s.set(&self.key(slot), raw)?;
        if slot == self.slot.as_str() {
            self.known = Some(raw.to_string());
        }
        Ok(())
    }

    /// Where the coach's desk keeps what it knows of the alliances received
    /// ([`crate::core::desk`]), in this namespace.
    pub fn desk_key(&self) -> String {
        format!("{}desk", self.prefix)
    }

    /// Removes every key of this namespace (and only those). Returns how many.
    pub fn forget(&mut self, s: &mut dyn Storage) -> Result<usize, StorageError> {
        let ours: Vec<String> = s.keys()?.into_iter().filter(|k| self.is_ours(k)).collect();
        for key in &ours {
            s.remove(key)?;
        }
        self.known = None;
        self.saved_content = None;
        Ok(ours.len())
    }
}
