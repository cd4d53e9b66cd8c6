//! What this browser remembers of the versions it exchanged, to tell who changed what.

#[allow(unused_imports)]
use super::*;

/// How many versions [`Seen`] remembers. A host page may hand every saved version to its own
/// server (`exportJson`), each remembered: enough are kept for the one the other person
/// received to still be among them when their answer comes.
pub const SEEN_VERSIONS: usize = 12;

/// What this browser knows of the versions of one alliance it exchanged with others: sent
/// (as a file or a link) or received (opened, or brought together), the most recent last,
/// each as the fingerprints of its parts. It is kept with the draft in this browser, never in
/// a file or a link.
///
/// Comparing with another version, the one it was made from is the remembered version it has
/// most in common with: the other person changed what differs from it, and the changes since
/// then on this side are what differs from it here. A version this browser made but never
/// sent, such as a downloaded backup, has less in common with theirs than the one they really
/// received, or as much: where remembered versions fit equally well but tell a part apart
/// differently, nothing tells, and the person chooses.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Seen(Vec<Version>);

/// A version as [`Seen`] keeps it: the fingerprint of each part, by the part's key.
pub(super) type Version = BTreeMap<String, String>;

impl Seen {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Remembers `a`, a version sent or received (once: the same version again moves last).
    pub fn record(&mut self, a: &Alliance) {
        let version: BTreeMap<String, String> = parts(a)
            .into_iter()
            .filter_map(|part| Some((part.key(), part.fingerprint(a)?)))
            .collect();
        self.0.retain(|v| *v != version);
        self.0.push(version);
        if self.0.len() > SEEN_VERSIONS {
            self.0.remove(0);
        }
    }

    /// The remembered versions `theirs` has most parts in common with (more than one when
    /// several have as much).
    pub(super) fn bases_of(&self, theirs: &Alliance) -> Vec<&Version> {
        let fingerprints: Vec<(String, String)> = parts(theirs)
            .into_iter()
            .filter_map(|part| Some((part.key(), part.fingerprint(theirs)?)))
            .collect();
        let common = |v: &Version| {
            fingerprints
                .iter()
                .filter(|(k, f)| v.get(k) == Some(f))
                .count()
        };
        let counted: Vec<(usize, &Version)> = self.0.iter().map(|v| (common(v), v)).collect();
        let most = counted.iter().map(|(n, _)| *n).max().unwrap_or(0);
        counted
            .into_iter()
            .filter(|(n, _)| most > 0 && *n == most)
            .map(|(_, v)| v)
            .collect()
    }
}
