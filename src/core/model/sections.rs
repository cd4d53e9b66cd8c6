//! The parts of an alliance, from the goal to keeping it alive, each as its own types.

#[allow(unused_imports)]
use super::*;

/// Section 1: what we are trying to achieve and why it matters.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, Store, Patch)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Goal {
    pub what: String,
    pub why: String,
    /// The pain it relieves.
    pub pain: String,
}

/// How often something happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, strum::IntoStaticStr)]
#[strum(serialize_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Frequency {
    Daily,
    Weekly,
    Fortnightly,
    Monthly,
    Quarterly,
    TwiceAYear,
    Yearly,
}

/// Section 2: one signal that we are getting there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Measure {
    pub id: Id,
    /// What we will see when it goes well.
    pub signal: String,
    pub how_we_check: String,
    pub how_often: Option<Frequency>,
}

/// Section 3: one commitment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Commitment {
    pub id: Id,
    /// A party's id, or `"everyone"`.
    pub owner: Owner,
    pub what: String,
    /// `null` until decided.
    pub when: Option<When>,
}

/// When a commitment is due: on a date, or after some event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, strum::IntoStaticStr)]
#[strum(serialize_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum When {
    Date { date: Date },
    After { event: String },
}

/// Section 4: how we talk along the way.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, Store)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Communication {
    #[store(key: Id = |item| item.id.clone())]
    pub channels: Vec<Channel>,
    pub check_in: CheckIn,
    /// How each party likes to hear about progress.
    pub updates: Vec<UpdatePreference>,
    /// How we raise a problem fast.
    pub raising_problems: String,
}

/// A way of talking, what it is for, and whether we use or avoid it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Channel {
    pub id: Id,
    pub name: String,
    pub purpose: String,
    pub usage: ChannelUsage,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, strum::IntoStaticStr)]
#[strum(serialize_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum ChannelUsage {
    Use,
    Avoid,
}

/// Our regular check-in.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, Store, Patch)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CheckIn {
    pub rhythm: Option<Frequency>,
    /// The first check-in; the rhythm repeats from it.
    pub first_on: Option<Date>,
    /// Local time, `HH:MM`.
    pub time: Option<TimeOfDay>,
    pub duration_minutes: Option<u16>,
    /// Where or how it happens.
    pub format: String,
}

/// How one party likes updates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UpdatePreference {
    pub party_id: Id,
    pub style: Option<UpdateStyle>,
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, strum::IntoStaticStr)]
#[strum(serialize_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum UpdateStyle {
    FrequentDetail,
    PeriodicSummary,
}

/// Section 5: how we mark success.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, Store)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Celebrations {
    /// How we celebrate reaching the goal.
    pub goal: String,
    #[store(key: Id = |item| item.id.clone())]
    pub milestones: Vec<Milestone>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Milestone {
    pub id: Id,
    pub milestone: String,
    pub how: String,
}

/// Section 6: one thing a party needs from the others, or offers them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NeedOrOffer {
    pub id: Id,
    pub party_id: Id,
    pub kind: NeedOrOfferKind,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, strum::IntoStaticStr)]
#[strum(serialize_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum NeedOrOfferKind {
    Need,
    Offer,
}

/// Section 7: an assumption worth checking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Assumption {
    pub id: Id,
    pub text: String,
    /// A party's id, or `"everyone"`.
    pub held_by: Owner,
    pub status: AssumptionStatus,
    /// What we agreed instead, once revised or dropped.
    pub instead: String,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, strum::IntoStaticStr,
)]
#[strum(serialize_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum AssumptionStatus {
    #[default]
    Unchecked,
    Confirmed,
    Revised,
    Dropped,
}

/// Section 8: what we do when it gets hard.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, Store)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HardTimes {
    pub surprises: String,
    pub missed_commitments: String,
    #[store(key: Id = |item| item.id.clone())]
    pub permissions: Vec<Permission>,
    /// How we own mistakes.
    pub mistakes: String,
}

/// A permission one of us gives the others, such as "be direct with me".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Permission {
    pub id: Id,
    /// A party's id, or `"everyone"`.
    pub given_by: Owner,
    pub text: String,
}

/// Section 9: a trade-off we faced and what we chose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Decision {
    pub id: Id,
    pub question: String,
    pub options: Vec<DecisionOption>,
    /// The id of the chosen option, if chosen.
    pub chosen: Option<Id>,
    pub why: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DecisionOption {
    pub id: Id,
    pub name: String,
    pub pros: String,
    pub cons: String,
}

/// Section 10: keeping the alliance alive.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, Store)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct KeepingAlive {
    pub next_review: Option<Date>,
    pub review_rhythm: Option<Frequency>,
    #[store(key: Id = |item| item.id.clone())]
    pub revisions: Vec<Revision>,
}

/// One entry of the revision log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Revision {
    pub id: Id,
    pub date: Date,
    /// The sections that changed.
    pub sections: Vec<SectionId>,
    pub changes: String,
    pub why: String,
}

impl Frequency {
    pub const ALL: [Frequency; 7] = [
        Frequency::Daily,
        Frequency::Weekly,
        Frequency::Fortnightly,
        Frequency::Monthly,
        Frequency::Quarterly,
        Frequency::TwiceAYear,
        Frequency::Yearly,
    ];

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }
}
