//! The designed alliance as typed data: what is saved, exported and imported.
//!
//! Plain serde structs, no signals and no browser types. JSON field names are camelCase, list
//! items carry stable ids, dates are ISO 8601. The JSON Schema in `schema/` is generated from
//! these types (natively; see `crate::core::schema`).

use super::date::{Date, TimeOfDay, Timestamp};
use reactive_stores::{Patch, Store};
use serde::{Deserialize, Serialize};
use std::fmt;

mod choice;
mod store;

mod sections;
pub use sections::*;

mod living;
pub use living::*;

mod ids;
pub use ids::*;

/// A designed alliance: an agreement between two or more people pursuing a common goal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Store)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Alliance {
    /// Stable id of this alliance.
    pub id: Id,
    /// A short name the parties recognise (at most 200 characters).
    #[cfg_attr(not(target_arch = "wasm32"), schemars(length(max = 200)))]
    pub title: String,
    /// What kind of relationship this is; `null` until chosen.
    pub relationship: Option<RelationshipKind>,
    /// Free words about the relationship, useful when the kind is `other`.
    pub relationship_note: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub status: Status,
    /// Two or more people (or groups) in the alliance.
    #[store(key: Id = |item| item.id.clone())]
    pub parties: Vec<Party>,
    /// Answers to the reflection prompts; an empty answer means skipped.
    pub reflections: Reflections,
    /// Section 1.
    pub goal: Goal,
    /// Section 2: how we will know we are getting there.
    #[store(key: Id = |item| item.id.clone())]
    pub progress: Vec<Measure>,
    /// Section 3: who does what, and when.
    #[store(key: Id = |item| item.id.clone())]
    pub commitments: Vec<Commitment>,
    /// Section 4.
    pub communication: Communication,
    /// Section 5.
    pub celebrations: Celebrations,
    /// Section 6: what each person needs and offers.
    #[store(key: Id = |item| item.id.clone())]
    pub needs_and_offers: Vec<NeedOrOffer>,
    /// Section 7.
    #[store(key: Id = |item| item.id.clone())]
    pub assumptions: Vec<Assumption>,
    /// Section 8.
    pub hard_times: HardTimes,
    /// Section 9: trade-offs and decisions.
    #[store(key: Id = |item| item.id.clone())]
    pub decisions: Vec<Decision>,
    /// Section 10.
    pub keeping_alive: KeepingAlive,
    /// Check-ins held, oldest first: a record, not terms (holding one never un-agrees).
    /// Absent when none was held, so a file without any reads in widgets made before them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub check_ins: Vec<CheckInHeld>,
    /// Who has agreed to the current version.
    pub agreement: Agreement,
    /// The coach's template it was made with, when not the standard one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<TemplateRef>,
    /// Answers to the coach's own questions, each with its question as it was asked, so
    /// it keeps its meaning whatever template opens the file later.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<Answer>,
}

/// The name and version of a coach's template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TemplateRef {
    pub name: String,
    pub version: u32,
    /// The sections it shows, in order; none listed: all of them. Sections left out are
    /// not asked for before agreeing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<SectionId>,
    /// The coach's questions that must be answered before agreeing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub required: Vec<RequiredQuestion>,
}

/// One of the coach's questions that must be answered before agreeing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RequiredQuestion {
    /// The question's id in the template.
    pub question: String,
    /// The section it is asked in.
    pub section: SectionId,
    /// The question, as it is asked.
    pub prompt: String,
}

/// The answer to one of a coach's own questions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Answer {
    /// The question's id in the template: 1 to 64 of `A-Z a-z 0-9 _ -`.
    pub question: String,
    /// The section it was asked in.
    pub section: SectionId,
    /// The question, as it was asked.
    pub prompt: String,
    /// The answer (a date as `YYYY-MM-DD`, a choice as the option's words).
    pub value: String,
}

/// The kind of relationship; it chooses the examples and hints shown.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
)]
#[strum(serialize_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum RelationshipKind {
    CoachAndClient,
    ManagerAndReport,
    ClientAndVendor,
    TeamAndStakeholder,
    Team,
    CoFounders,
    Partners,
    Family,
    Friends,
    Other,
}

/// Whether every party has agreed to the current version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Status {
    #[default]
    Draft,
    Agreed,
}

/// One person (or group) in the alliance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Party {
    pub id: Id,
    pub name: String,
    /// Their role in this relationship, in their own words.
    pub role: String,
    /// Always `false`: which person is "me" belongs to each browser (kept with its draft
    /// there), never to the alliance. Written for widgets made before that, which require
    /// the member; a file that says `true` is read, and the mark is ignored.
    #[serde(rename = "isMe", default)]
    pub is_me: NotMe,
}

/// Reflection answers, grouped by when they are asked.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Reflections {
    pub before_you_begin: BeforeReflections,
    pub after_agreeing: AfterReflections,
    pub at_review: ReviewReflections,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BeforeReflections {
    pub why_this_relationship: String,
    pub assumptions_to_test: String,
    pub opening_the_conversation: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AfterReflections {
    pub first_step: String,
    pub what_could_get_in_the_way: String,
    pub how_it_feels: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReviewReflections {
    pub what_is_working: String,
    pub what_is_not: String,
    pub what_to_change: String,
}

/// Agreement to the current version.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Agreement {
    pub signatures: Vec<Signature>,
    /// A fingerprint of each section as last agreed, to tell what changed since.
    pub last_agreed: Option<AgreedVersion>,
    /// People who agreed to an earlier version: the terms changed after they agreed (here
    /// or in another person's browser), so their agreement is kept as a record but does
    /// not count for this version.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier: Vec<Signature>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Signature {
    pub party_id: Id,
    /// The name as it was when they agreed.
    pub name: String,
    pub date: Date,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AgreedVersion {
    pub date: Date,
    pub fingerprints: Vec<SectionFingerprint>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SectionFingerprint {
    pub section: SectionId,
    /// 16 hexadecimal digits.
    pub fingerprint: String,
}

/// The parts of an alliance, in the order the wizard walks through them.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
)]
#[strum(serialize_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum SectionId {
    /// Before you begin: title, relationship, parties.
    Basics,
    Goal,
    Progress,
    Commitments,
    Communication,
    Celebrations,
    NeedsAndOffers,
    Assumptions,
    HardTimes,
    Decisions,
    KeepingAlive,
}

impl SectionId {
    pub const ALL: [SectionId; 11] = [
        SectionId::Basics,
        SectionId::Goal,
        SectionId::Progress,
        SectionId::Commitments,
        SectionId::Communication,
        SectionId::Celebrations,
        SectionId::NeedsAndOffers,
        SectionId::Assumptions,
        SectionId::HardTimes,
        SectionId::Decisions,
        SectionId::KeepingAlive,
    ];

    /// The section a camelCase name (as in JSON) stands for.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }
}

impl RelationshipKind {
    pub const ALL: [RelationshipKind; 10] = [
        RelationshipKind::CoachAndClient,
        RelationshipKind::ManagerAndReport,
        RelationshipKind::ClientAndVendor,
        RelationshipKind::TeamAndStakeholder,
        RelationshipKind::Team,
        RelationshipKind::CoFounders,
        RelationshipKind::Partners,
        RelationshipKind::Family,
        RelationshipKind::Friends,
        RelationshipKind::Other,
    ];

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }

    /// Which set of examples suits this relationship.
    pub fn group(self) -> RelationshipGroup {
        match self {
            RelationshipKind::Partners | RelationshipKind::Family | RelationshipKind::Friends => {
                RelationshipGroup::Personal
            }
            RelationshipKind::TeamAndStakeholder | RelationshipKind::Team => {
                RelationshipGroup::Team
            }
            RelationshipKind::CoachAndClient
            | RelationshipKind::ManagerAndReport
            | RelationshipKind::ClientAndVendor
            | RelationshipKind::CoFounders
            | RelationshipKind::Other => RelationshipGroup::Professional,
        }
    }
}

/// Groups of relationship kinds that share examples.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RelationshipGroup {
    Personal,
    Professional,
    Team,
}

impl Party {
    /// A party with no name or role yet.
    pub fn new(id: Id) -> Self {
        Party {
            id,
            name: String::new(),
            role: String::new(),
            is_me: NotMe,
        }
    }

    /// The name shown for the person at position `i` of the list: their name, or a
    /// placeholder with their number until they have one.
    pub fn label(&self, i: usize) -> String {
        let name = self.name.trim();
        if name.is_empty() {
            super::text::unnamed_party(i + 1)
        } else {
            name.to_string()
        }
    }
}

impl Alliance {
    /// A new, empty draft with two unnamed parties (neither of them "me": that is asked in
    /// each browser, see [`NotMe`]).
    pub fn new(id: Id, now: Timestamp) -> Self {
        let party = |n: &str| Party::new(Id(n.to_string()));
        Alliance {
            id,
            title: String::new(),
            relationship: None,
            relationship_note: String::new(),
            created_at: now,
            updated_at: now,
            status: Status::Draft,
            parties: vec![party("p-1"), party("p-2")],
            reflections: Reflections::default(),
            goal: Goal::default(),
            progress: Vec::new(),
            commitments: Vec::new(),
            communication: Communication::default(),
            celebrations: Celebrations::default(),
            needs_and_offers: Vec::new(),
            assumptions: Vec::new(),
            hard_times: HardTimes::default(),
            decisions: Vec::new(),
            keeping_alive: KeepingAlive::default(),
            check_ins: Vec::new(),
            agreement: Agreement::default(),
            template: None,
            answers: Vec::new(),
        }
    }

    /// The party `id`, if it is one of this alliance's.
    pub fn party(&self, id: &Id) -> Option<&Party> {
        self.parties.iter().find(|p| &p.id == id)
    }

    /// The party's name, or a placeholder when they have none yet.
    pub fn party_label(&self, id: &Id) -> String {
        match self.parties.iter().position(|p| &p.id == id) {
            Some(i) => self.parties[i].label(i),
            None => super::text::missing_party().to_string(),
        }
    }

    pub fn owner_label(&self, owner: &Owner) -> String {
        match owner {
            Owner::Everyone => super::text::everyone_label().to_string(),
            Owner::Party(id) => self.party_label(id),
        }
    }

    /// An id of the form `<prefix>-<n>` not used anywhere in this alliance.
    pub fn fresh_id(&self, prefix: &str) -> Id {
        self.fresh_ids(prefix, 1)
            .pop()
            .unwrap_or_else(|| Id(format!("{prefix}-0")))
    }

    /// `n` distinct ids of the form `<prefix>-<k>`, none used in this alliance.
    pub fn fresh_ids(&self, prefix: &str, n: usize) -> Vec<Id> {
        let mut used = std::collections::HashSet::new();
        self.for_each_id(|id| {
            used.insert(id.as_str());
        });
        let prefix: String = prefix
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .take(16)
            .collect();
        let prefix = if prefix.is_empty() {
            "item".to_string()
        } else {
            prefix
        };
        let mut out = Vec::with_capacity(n);
        let mut k = 1usize;
        while out.len() < n {
            let candidate = format!("{prefix}-{k}");
            if !used.contains(candidate.as_str()) {
                out.push(Id(candidate));
            }
            k += 1;
        }
        out
    }

    /// Calls `f` with the id of every list item (not the alliance's own id).
    pub fn for_each_id<'a>(&'a self, mut f: impl FnMut(&'a Id)) {
        self.parties.iter().for_each(|x| f(&x.id));
        self.progress.iter().for_each(|x| f(&x.id));
        self.commitments.iter().for_each(|x| f(&x.id));
        self.communication.channels.iter().for_each(|x| f(&x.id));
        self.celebrations.milestones.iter().for_each(|x| f(&x.id));
        self.needs_and_offers.iter().for_each(|x| f(&x.id));
        self.assumptions.iter().for_each(|x| f(&x.id));
        self.hard_times.permissions.iter().for_each(|x| f(&x.id));
        for d in &self.decisions {
            f(&d.id);
            d.options.iter().for_each(|o| f(&o.id));
        }
        self.keeping_alive.revisions.iter().for_each(|x| f(&x.id));
        self.check_ins.iter().for_each(|x| f(&x.id));
    }
}
