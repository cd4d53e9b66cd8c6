//! What tells which sections changed since everyone last agreed: a fingerprint of each
//! section's terms, kept with the agreement, and the earlier agreements kept when terms change.

use super::model::*;

/// FNV-1a, 64 bits: a stable fingerprint (not a security measure).
pub(super) fn fnv1a(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
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

impl Agreement {
    /// Keeps `agreed` as agreements to an earlier version: one per person, the latest.
    pub fn keep_as_earlier(&mut self, agreed: impl IntoIterator<Item = Signature>) {
        for s in agreed {
            match self.earlier.iter_mut().find(|e| e.party_id == s.party_id) {
                Some(e) if e.date > s.date => {}
                Some(e) => *e = s,
                None => self.earlier.push(s),
            }
        }
    }
}
