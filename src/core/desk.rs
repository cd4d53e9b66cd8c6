//! The coach's desk: on the coach's own page (`mode="coach"`), what this browser keeps about
//! the alliances it received from clients, beside the drafts and never in a file or a link:
//! when each was last received, and a version received that differs from the coach's own and
//! is waiting to be compared. Drafts are grouped by their people ([`people`]).
//!
//! Kept in one storage value per namespace (`designed-alliance:<namespace>:desk`), read
//! leniently: a value that does not read is as good as none (it holds no one's text: a
//! version waiting to be compared is a copy of a file the coach received).

use super::date::Timestamp;
use super::model::{Alliance, Id};
use serde::{Deserialize, Serialize};

/// What the desk knows, by alliance id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Desk {
    #[serde(default)]
    pub received: Vec<Received>,
}

/// One alliance received on this desk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Received {
    /// The alliance's id.
    pub alliance: String,
    /// When a version of it was last received.
    pub at: Timestamp,
    /// A version received that differs from the coach's, kept until it is compared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waiting: Option<Waiting>,
}

/// A received version waiting to be compared: the file as it came, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Waiting {
    pub at: Timestamp,
    pub file: String,
}

/// How a received version stands against the one the coach has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Against {
    /// No version of it here yet.
    New,
    /// The same as the coach's (when it was last received, if it was).
    Same(Option<Timestamp>),
    /// Different from the coach's.
    Changed(Option<Timestamp>),
}

impl Desk {
    /// Reads the stored value; one that does not read is an empty desk.
    pub fn read(raw: Option<&str>) -> Desk {
        raw.and_then(|r| serde_json::from_str(r).ok())
            .unwrap_or_default()
    }

    /// The stored value.
    pub fn write(&self) -> String {
        // Plain data with string keys: serde_json cannot fail on it.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// What the desk knows of alliance `id`.
    pub fn of(&self, id: &Id) -> Option<&Received> {
        self.received.iter().find(|r| r.alliance == id.as_str())
    }

    fn entry(&mut self, id: &Id, at: Timestamp) -> &mut Received {
        let i = match self.received.iter().position(|r| r.alliance == id.as_str()) {
            Some(i) => i,
            None => {
                self.received.push(Received {
                    alliance: id.to_string(),
                    at,
                    waiting: None,
                });
                self.received.len() - 1
            }
        };
        &mut self.received[i]
    }

    /// A version of `id` was received at `at` (the same as the coach's, or compared now).
    pub fn received(&mut self, id: &Id, at: Timestamp) {
        self.entry(id, at).at = at;
    }

    /// A version of `id` that differs from the coach's was received at `at`, to compare later
    /// (it takes the place of one waiting before: the newest is what the client has now).
    pub fn keep(&mut self, id: &Id, at: Timestamp, file: String) {
        let e = self.entry(id, at);
        e.at = at;
        e.waiting = Some(Waiting { at, file });
    }

    /// The version waiting for `id` was compared (and brought in): it waits no longer.
    /// True if there was one.
    pub fn settled(&mut self, id: &Id) -> bool {
        self.received
            .iter_mut()
            .find(|r| r.alliance == id.as_str())
            .and_then(|r| r.waiting.take())
            .is_some()
    }
}

/// How `theirs` stands against `mine` (the coach's version of the same alliance, if any),
/// with what the desk knows: the same when comparing the two would find no difference (what
/// the people wrote and agreed; not when either was saved, nor the revision log a comparison
/// adds).
pub fn against(desk: &Desk, mine: Option<&Alliance>, theirs: &Alliance) -> Against {
    let Some(mine) = mine else {
        return Against::New;
    };
    let last = desk.of(&theirs.id).map(|r| r.at);
    let seen = super::merge::Seen::default();
    if super::merge::differences(mine, theirs, &seen, &super::date::Iso).is_empty() {
        Against::Same(last)
    } else {
        Against::Changed(last)
    }
}

/// Who an alliance is between, as the desk groups it: a key (the names, trimmed, lower-cased,
/// in order) and the names as written, joined for a heading ("Priya, Jordan").
pub fn people(a: &Alliance) -> (String, String) {
    let names: Vec<String> = a
        .parties
        .iter()
        .map(|p| a.party_label(&p.id))
        .filter(|n| !n.trim().is_empty())
        .collect();
    let mut key: Vec<String> = names.iter().map(|n| n.trim().to_lowercase()).collect();
    key.sort();
    (key.join("\u{1f}"), names.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> Id {
        Id::new(s).unwrap()
    }

    #[test]
    fn a_desk_keeps_when_each_was_received_and_what_waits() {
        let mut d = Desk::default();
        let (t1, t2) = (
            Timestamp::from_unix_seconds(100),
            Timestamp::from_unix_seconds(200),
        );
        d.received(&id("alliance-a"), t1);
        d.keep(&id("alliance-a"), t2, "{}".into());
        assert_eq!(d.of(&id("alliance-a")).map(|r| r.at), Some(t2));
        let back = Desk::read(Some(&d.write()));
        assert_eq!(back, d);
        assert!(back.of(&id("alliance-a")).unwrap().waiting.is_some());
        let mut d = back;
        assert!(d.settled(&id("alliance-a")));
        assert!(!d.settled(&id("alliance-a")));
        assert_eq!(d.of(&id("alliance-a")).map(|r| r.at), Some(t2));
        assert_eq!(Desk::read(Some("not json")), Desk::default());
        assert_eq!(Desk::read(None), Desk::default());
    }
}
