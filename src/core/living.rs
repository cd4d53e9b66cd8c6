//! The living alliance: when the next check-in falls, the check-in under way, and what a
//! check-in held says in the exports.
//!
//! The next check-in is the first date chosen until a check-in is held; after that, one step
//! of the rhythm after the last one held (or the first date, while it is still ahead of the
//! last one held). A check-in is held only on an alliance that has been agreed at least once.

use super::agreement::fingerprints;
use super::date::Date;
use super::model::*;
use super::text::living as w;
use serde::{Deserialize, Serialize};

/// Whether a check-in can be held: the alliance has been agreed (now, or before a change made
/// it a draft again).
pub fn can_hold(a: &Alliance) -> bool {
    a.agreement.last_agreed.is_some()
}

/// The day of the last check-in held.
pub fn last_held(a: &Alliance) -> Option<Date> {
    a.check_ins.iter().map(|c| c.date).max()
}

/// The first day of the rhythm after `day`.
pub fn after(day: Date, rhythm: Frequency) -> Option<Date> {
    next_occurrence(day, rhythm, day.add_days(1))
}

/// When the next check-in falls (perhaps already past): see the module.
pub fn next_check_in(a: &Alliance) -> Option<Date> {
    let ci = &a.communication.check_in;
    match last_held(a) {
        None => ci.first_on,
        Some(last) => ci
            .first_on
            .filter(|first| *first > last)
            .or_else(|| ci.rhythm.and_then(|r| after(last, r))),
    }
}

/// A date that has come for an agreed alliance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    CheckIn(Date),
    Review(Date),
}

/// What is due on `today`: the next check-in when its day has come, else the review when its
/// day has come and no check-in was held since. Nothing for an alliance never agreed.
pub fn due(a: &Alliance, today: Date) -> Option<Due> {
    if !can_hold(a) {
        return None;
    }
    if let Some(day) = next_check_in(a).filter(|d| *d <= today) {
        return Some(Due::CheckIn(day));
    }
    let last = last_held(a);
    a.keeping_alive
        .next_review
        .filter(|d| *d <= today && last.is_none_or(|l| l < *d))
        .map(Due::Review)
}

/// A check-in under way in this browser: everything asked so far, kept with the draft (never
/// in a file) so that it survives a reload and a visit to a step to change it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Walk {
    /// The check-in as it stands: every commitment, measure and milestone, answered or not.
    pub held: CheckInHeld,
    /// The milestones ticked as reached.
    #[serde(default)]
    pub reached: Vec<Id>,
    /// The screen shown (0 to [`SCREENS`] − 1).
    #[serde(default)]
    pub screen: u8,
    /// Away at a step, changing a section.
    #[serde(default)]
    pub away: bool,
    /// Each section's fingerprint when the check-in began: what changed during it.
    pub started: Vec<SectionFingerprint>,
}

/// How many screens a check-in has: commitments, measures, milestones, "still serving us?",
/// and who was there.
pub const SCREENS: u8 = 5;

impl Walk {
    /// A new check-in of `a` on `today`, with the id `id` (unique across versions: made from a
    /// random number, since two people may each hold one).
    pub fn start(a: &Alliance, today: Date, id: Id) -> Walk {
        let reached_before = reached_before(a);
        Walk {
            held: CheckInHeld {
                id,
                date: today,
                present: Vec::new(),
                commitments: a
                    .commitments
                    .iter()
                    .filter(|c| !c.what.trim().is_empty())
                    .map(|c| CommitmentCheck {
                        commitment_id: c.id.clone(),
                        what: c.what.trim().to_string(),
                        status: None,
                        note: String::new(),
                    })
                    .collect(),
                measures: a
                    .progress
                    .iter()
                    .filter(|m| !m.signal.trim().is_empty())
                    .map(|m| MeasureCheck {
                        measure_id: m.id.clone(),
                        signal: m.signal.trim().to_string(),
                        seen: String::new(),
                    })
                    .collect(),
                milestones: a
                    .celebrations
                    .milestones
                    .iter()
                    .filter(|m| !m.milestone.trim().is_empty() && !reached_before.contains(&m.id))
                    .map(|m| MilestoneCheck {
                        milestone_id: m.id.clone(),
                        milestone: m.milestone.trim().to_string(),
                        celebrated: String::new(),
                    })
                    .collect(),
                sections: Vec::new(),
                takeaway: String::new(),
            },
            reached: Vec::new(),
            screen: 0,
            away: false,
            started: fingerprints(a),
        }
    }

    /// The check-in to keep: only what was said (see [`CheckInHeld`]), each item in the words
    /// it had when the check-in began (what a status was given for, even if the item was
    /// reworded during the check-in: the revision log keeps the change), and who was there by
    /// name. `None` when nobody is ticked as there.
    pub fn finished(&self, a: &Alliance) -> Option<CheckInHeld> {
        let h = &self.held;
        let present: Vec<Present> = a
            .parties
            .iter()
            .filter(|p| h.present.iter().any(|x| x.party_id == p.id))
            .map(|p| Present {
                party_id: p.id.clone(),
                name: a.party_label(&p.id),
            })
            .collect();
        if present.is_empty() {
            return None;
        }
        Some(CheckInHeld {
            id: h.id.clone(),
            date: h.date,
            present,
            commitments: h
                .commitments
                .iter()
                .filter(|c| c.status.is_some() || !c.note.trim().is_empty())
                .map(|c| CommitmentCheck {
                    commitment_id: c.commitment_id.clone(),
                    what: c.what.clone(),
                    status: c.status,
                    note: c.note.trim().to_string(),
                })
                .collect(),
            measures: h
                .measures
                .iter()
                .filter(|m| !m.seen.trim().is_empty())
                .map(|m| MeasureCheck {
                    measure_id: m.measure_id.clone(),
                    signal: m.signal.clone(),
                    seen: m.seen.trim().to_string(),
                })
                .collect(),
            milestones: h
                .milestones
                .iter()
                .filter(|m| self.reached.contains(&m.milestone_id))
                .map(|m| MilestoneCheck {
                    milestone_id: m.milestone_id.clone(),
                    milestone: m.milestone.clone(),
                    celebrated: m.celebrated.trim().to_string(),
                })
                .collect(),
            sections: h.sections.clone(),
            takeaway: h.takeaway.trim().to_string(),
        })
    }

    /// The sections whose terms changed since the check-in began.
    pub fn changed(&self, a: &Alliance) -> Vec<SectionId> {
        fingerprints(a)
            .into_iter()
            .filter(|f| !self.started.contains(f))
            .map(|f| f.section)
            .collect()
    }
}

/// The milestones reached at a check-in already held.
pub fn reached_before(a: &Alliance) -> Vec<Id> {
    a.check_ins
        .iter()
        .flat_map(|c| c.milestones.iter().map(|m| m.milestone_id.clone()))
        .collect()
}

pub fn status_label(s: CommitmentStatus) -> &'static str {
    match s {
        CommitmentStatus::Done => w::status_done(),
        CommitmentStatus::OnTrack => w::status_on_track(),
        CommitmentStatus::Behind => w::status_behind(),
        CommitmentStatus::NoLongerNeeded => w::status_no_longer_needed(),
    }
}

pub fn verdict_label(v: Verdict) -> &'static str {
    match v {
        Verdict::Keep => w::keep(),
        Verdict::Change => w::change(),
    }
}

/// "Priya, Sam".
pub fn names(c: &CheckInHeld) -> String {
    c.present
        .iter()
        .map(|p| p.name.trim())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A check-in in one line: who was there, and what they take away.
pub fn one_line(c: &CheckInHeld) -> String {
    let mut s = w::history_present(&names(c));
    if !c.takeaway.trim().is_empty() {
        s.push(' ');
        s.push_str(&w::history_takeaway(c.takeaway.trim()));
    }
    s
}

/// The first day on or after `today` in the rhythm that starts on `first`. Monthly rhythms
/// keep the day of the month and skip months without it (the 31st), as calendars do.
pub fn next_occurrence(first: Date, rhythm: Frequency, today: Date) -> Option<Date> {
    if first >= today {
        return Some(first);
    }
    let months = match rhythm {
        Frequency::Daily | Frequency::Weekly | Frequency::Fortnightly => {
            let every: i64 = match rhythm {
                Frequency::Daily => 1,
                Frequency::Weekly => 7,
                _ => 14,
            };
            let behind = today.days_since_epoch() - first.days_since_epoch();
            let steps = (behind + every - 1) / every;
            return Some(first.add_days(steps * every));
        }
        Frequency::Monthly => 1,
        Frequency::Quarterly => 3,
        Frequency::TwiceAYear => 6,
        Frequency::Yearly => 12,
    };
    let index = |d: Date| i64::from(d.year()) * 12 + i64::from(d.month()) - 1;
    // Start a step before today's month, then walk forward: at most a few steps.
    let start = ((index(today) - index(first)) / months - 1).max(1);
    for n in start..start + 64 {
        let at = index(first) + n * months;
        let (year, month) = (at.div_euclid(12), at.rem_euclid(12) + 1);
        let candidate = i32::try_from(year)
            .ok()
            .zip(u8::try_from(month).ok())
            .and_then(|(y, m)| Date::new(y, m, first.day()));
        if let Some(d) = candidate.filter(|d| *d >= today) {
            return Some(d);
        }
    }
    None
}
