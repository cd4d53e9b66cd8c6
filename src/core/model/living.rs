//! The living alliance: each check-in held, kept whole as it was said on the day.
//!
//! A check-in is a record, not a term of the agreement: holding one never makes an agreed
//! alliance a draft again. What it speaks of (a commitment, a measure, a milestone) is named
//! by its id and by its words as they were then, so the history keeps its meaning when the
//! agreement changes later.

#[allow(unused_imports)]
use super::*;

/// One check-in held. Only what was said is kept: a commitment nobody gave a status or a
/// note, a measure with nothing seen, a section nobody judged, is left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CheckInHeld {
    pub id: Id,
    pub date: Date,
    /// Who was there, by name as it was then.
    pub present: Vec<Present>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub commitments: Vec<CommitmentCheck>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<MeasureCheck>,
    /// Milestones reached since the check-in before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<MilestoneCheck>,
    /// Whether each section is still serving us.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<SectionCheck>,
    /// One line on what we take away.
    #[serde(default)]
    pub takeaway: String,
}

/// One person at a check-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Present {
    pub party_id: Id,
    /// The name as it was at the check-in.
    pub name: String,
}

/// How one commitment is going.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CommitmentCheck {
    pub commitment_id: Id,
    /// The commitment's words at the check-in.
    pub what: String,
    /// `null`: no status given (a note only).
    pub status: Option<CommitmentStatus>,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, strum::IntoStaticStr)]
#[strum(serialize_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum CommitmentStatus {
    Done,
    OnTrack,
    Behind,
    NoLongerNeeded,
}

/// What we saw of one measure since the check-in before.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MeasureCheck {
    pub measure_id: Id,
    /// The measure's words at the check-in.
    pub signal: String,
    /// A short note or a number.
    pub seen: String,
}

/// A milestone reached, and how it was celebrated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MilestoneCheck {
    pub milestone_id: Id,
    /// The milestone's words at the check-in.
    pub milestone: String,
    #[serde(default)]
    pub celebrated: String,
}

/// Whether a section is still serving us.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SectionCheck {
    pub section: SectionId,
    pub verdict: Verdict,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, strum::IntoStaticStr)]
#[strum(serialize_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Verdict {
    /// It serves us as it is.
    Keep,
    /// We chose to change it.
    Change,
}

impl CommitmentStatus {
    pub const ALL: [CommitmentStatus; 4] = [
        CommitmentStatus::Done,
        CommitmentStatus::OnTrack,
        CommitmentStatus::Behind,
        CommitmentStatus::NoLongerNeeded,
    ];
}
