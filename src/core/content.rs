//! What the wizard asks and says about the alliance, in the language in use: its questions,
//! the sections' titles and introductions, the reflection prompts and the names of the model's
//! choices. The words come from the catalogue (`text`); the ids are the domain's.

use super::model::{
    AssumptionStatus, ChannelUsage, Frequency, NeedOrOfferKind, RelationshipGroup,
    RelationshipKind, SectionId, UpdateStyle,
};
use super::text::{self, fill, get};

/// One example per group of relationship kinds.
#[derive(Debug, Clone, Copy)]
pub struct Examples {
    pub personal: &'static str,
    pub professional: &'static str,
    pub team: &'static str,
}

impl Examples {
    pub fn for_group(&self, group: RelationshipGroup) -> &'static str {
        match group {
            RelationshipGroup::Personal => self.personal,
            RelationshipGroup::Professional => self.professional,
            RelationshipGroup::Team => self.team,
        }
    }

    /// The example for a relationship kind; professional until a kind is chosen.
    pub fn for_kind(&self, kind: Option<RelationshipKind>) -> &'static str {
        self.for_group(kind.map_or(RelationshipGroup::Professional, RelationshipKind::group))
    }
}

/// A question the wizard asks.
#[derive(Debug, Clone, Copy)]
pub struct Question {
    pub id: QuestionId,
    /// The label of the field.
    pub prompt: &'static str,
    /// A sentence or two under the label.
    pub help: &'static str,
    pub examples: Examples,
}

macro_rules! questions {
    ($($id:ident),* $(,)?) => {
        /// Every question of the wizard.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum QuestionId { $($id),* }

        /// Every question id, in wizard order.
        pub const QUESTION_IDS: &[QuestionId] = &[$(QuestionId::$id),*];

        /// Each question's name in the catalogue (`questions.<name>.prompt`, …), in order.
        const QUESTION_NAMES: &[&str] = &[$(stringify!($id)),*];
    };
}

questions! {
    Title,
    Relationship,
    PartyName,
    PartyRole,
    GoalWhat,
    GoalWhy,
    GoalPain,
    MeasureSignal,
    MeasureHowWeCheck,
    MeasureHowOften,
    CommitmentWhat,
    CommitmentOwner,
    CommitmentWhen,
    ChannelName,
    ChannelPurpose,
    ChannelUsage,
    CheckInRhythm,
    CheckInFirstOn,
    CheckInTime,
    CheckInDuration,
    CheckInFormat,
    UpdateStyle,
    RaisingProblems,
    CelebrateGoal,
    MilestoneWhat,
    MilestoneHow,
    Need,
    Offer,
    AssumptionText,
    AssumptionHeldBy,
    AssumptionStatus,
    AssumptionInstead,
    Surprises,
    MissedCommitments,
    PermissionText,
    Mistakes,
    DecisionQuestion,
    OptionName,
    OptionPros,
    OptionCons,
    DecisionChosen,
    DecisionWhy,
    NextReview,
    ReviewRhythm,
    RevisionChanges,
    RevisionWhy,
}

impl QuestionId {
    /// The question's name in the catalogue.
    pub fn name(self) -> &'static str {
        QUESTION_NAMES
            .get(self as usize)
            .copied()
            .unwrap_or_default()
    }
}

/// The question with this id, in the language in use.
pub fn question(id: QuestionId) -> Question {
    let part = |p: &str| get(&format!("questions.{}.{p}", id.name()));
    Question {
        id,
        prompt: part("prompt"),
        help: part("help"),
        examples: Examples {
            personal: part("examples.personal"),
            professional: part("examples.professional"),
            team: part("examples.team"),
        },
    }
}

/// Every question of the wizard, in order.
pub fn questions() -> impl Iterator<Item = Question> {
    QUESTION_IDS.iter().map(|&id| question(id))
}

/// Title and short introduction of a section.
#[derive(Debug, Clone, Copy)]
pub struct SectionText {
    pub title: &'static str,
    pub intro: &'static str,
}

pub fn section(id: SectionId) -> SectionText {
    SectionText {
        title: get(&format!("sections.{}.title", id.key())),
        intro: get(&format!("sections.{}.intro", id.key())),
    }
}

/// Whether a section goes deeper than the template's essentials: it may be skipped, and nothing
/// in it is needed to agree.
pub fn section_is_optional(id: SectionId) -> bool {
    matches!(
        id,
        SectionId::NeedsAndOffers
            | SectionId::Assumptions
            | SectionId::HardTimes
            | SectionId::Decisions
            | SectionId::KeepingAlive
    )
}

/// When a reflection prompt is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReflectionMoment {
    BeforeYouBegin,
    AfterAgreeing,
    AtReview,
}

/// A reflection prompt; each may be answered or skipped.
#[derive(Debug, Clone, Copy)]
pub struct Reflection {
    pub id: ReflectionId,
    pub moment: ReflectionMoment,
}

/// A reflection prompt's words.
#[derive(Debug, Clone, Copy)]
pub struct ReflectionText {
    pub prompt: &'static str,
    pub help: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReflectionId {
    WhyThisRelationship,
    AssumptionsToTest,
    OpeningTheConversation,
    FirstStep,
    WhatCouldGetInTheWay,
    HowItFeels,
    WhatIsWorking,
    WhatIsNot,
    WhatToChange,
}

pub const REFLECTIONS: &[Reflection] = &[
    Reflection {
        id: ReflectionId::WhyThisRelationship,
        moment: ReflectionMoment::BeforeYouBegin,
    },
    Reflection {
        id: ReflectionId::AssumptionsToTest,
        moment: ReflectionMoment::BeforeYouBegin,
    },
    Reflection {
        id: ReflectionId::OpeningTheConversation,
        moment: ReflectionMoment::BeforeYouBegin,
    },
    Reflection {
        id: ReflectionId::FirstStep,
        moment: ReflectionMoment::AfterAgreeing,
    },
    Reflection {
        id: ReflectionId::WhatCouldGetInTheWay,
        moment: ReflectionMoment::AfterAgreeing,
    },
    Reflection {
        id: ReflectionId::HowItFeels,
        moment: ReflectionMoment::AfterAgreeing,
    },
    Reflection {
        id: ReflectionId::WhatIsWorking,
        moment: ReflectionMoment::AtReview,
    },
    Reflection {
        id: ReflectionId::WhatIsNot,
        moment: ReflectionMoment::AtReview,
    },
    Reflection {
        id: ReflectionId::WhatToChange,
        moment: ReflectionMoment::AtReview,
    },
];

/// Each reflection's name in the catalogue, in the order of [`ReflectionId`].
const REFLECTION_KEYS: &[&str] = &[
    "reflections.whyThisRelationship",
    "reflections.assumptionsToTest",
    "reflections.openingTheConversation",
    "reflections.firstStep",
    "reflections.whatCouldGetInTheWay",
    "reflections.howItFeels",
    "reflections.whatIsWorking",
    "reflections.whatIsNot",
    "reflections.whatToChange",
];

pub fn reflection(id: ReflectionId) -> ReflectionText {
    let key = REFLECTION_KEYS
        .get(id as usize)
        .copied()
        .unwrap_or_default();
    ReflectionText {
        prompt: get(&format!("{key}.prompt")),
        help: get(&format!("{key}.help")),
    }
}

/// The name of a choice, in the catalogue under `labels.<part>.<its JSON name>`.
fn label(part: &str, key: &str) -> &'static str {
    get(&format!("labels.{part}.{key}"))
}

pub fn relationship_label(kind: RelationshipKind) -> &'static str {
    label("relationship", kind.key())
}

pub fn frequency_label(f: Frequency) -> &'static str {
    label("frequency", f.key())
}

pub fn usage_label(u: ChannelUsage) -> &'static str {
    label("usage", u.key())
}

pub fn update_style_label(s: UpdateStyle) -> &'static str {
    label("update_style", s.key())
}

pub fn assumption_status_label(s: AssumptionStatus) -> &'static str {
    label("assumption_status", s.key())
}

pub fn need_or_offer_label(k: NeedOrOfferKind) -> &'static str {
    label("need_or_offer", k.key())
}

/// The "what changed" note of an automatic revision-log entry.
pub fn revision_changes(sections: &[SectionId]) -> String {
    let titles: Vec<&str> = sections.iter().map(|s| section(*s).title).collect();
    fill(
        get("common.revision_changes"),
        &[("sections", &titles.join(", "))],
    )
}

/// Every key the code asks for, but the labels of the model's choices (see the tests).
pub fn keys() -> Vec<String> {
    let mut keys: Vec<String> = [
        text::KEYS,
        text::findings::KEYS,
        text::import::KEYS,
        text::detail::KEYS,
        text::drafts::KEYS,
        text::export::KEYS,
        text::ui::KEYS,
        text::merge::KEYS,
        text::share::KEYS,
        text::part::KEYS,
        text::living::KEYS,
        text::coach::KEYS,
        text::coach::desk::KEYS,
    ]
    .concat()
    .into_iter()
    .map(str::to_string)
    .collect();
    for id in QUESTION_IDS {
        for part in [
            "prompt",
            "help",
            "examples.personal",
            "examples.professional",
            "examples.team",
        ] {
            keys.push(format!("questions.{}.{part}", id.name()));
        }
    }
    for s in SectionId::ALL {
        keys.push(format!("sections.{}.title", s.key()));
        keys.push(format!("sections.{}.intro", s.key()));
    }
    for r in REFLECTION_KEYS {
        keys.push(format!("{r}.prompt"));
        keys.push(format!("{r}.help"));
    }
    for w in [
        "whatItIs",
        "whyItHelps",
        "whoFillsItIn",
        "howLong",
        "whereAnswersStay",
    ] {
        keys.push(format!("welcome.{w}.term"));
        keys.push(format!("welcome.{w}.text"));
    }
    for f in ["keep", "send", "calendar"] {
        keys.push(format!("fileAdvice.{f}"));
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::*;
    use crate::core::text::Catalogue;
    use std::collections::HashSet;

    /// Every label of the model's choices, from the functions that say them.
    fn labels() -> Vec<&'static str> {
        let mut out: Vec<&str> = RelationshipKind::ALL.map(relationship_label).to_vec();
        out.extend(Frequency::ALL.map(frequency_label));
        out.extend([ChannelUsage::Use, ChannelUsage::Avoid].map(usage_label));
        out.extend(
            [UpdateStyle::FrequentDetail, UpdateStyle::PeriodicSummary].map(update_style_label),
        );
        out.extend(
            [
                AssumptionStatus::Unchecked,
                AssumptionStatus::Confirmed,
                AssumptionStatus::Revised,
                AssumptionStatus::Dropped,
            ]
            .map(assumption_status_label),
        );
        out.extend([NeedOrOfferKind::Need, NeedOrOfferKind::Offer].map(need_or_offer_label));
        out
    }

    #[test]
    fn english_has_every_key_the_code_asks_for_and_no_other() {
        let english = Catalogue::english();
        let asked: HashSet<String> = keys().into_iter().collect();
        for key in &asked {
            assert!(
                english.get(key).is_some_and(|w| !w.trim().is_empty()),
                "lang/en.json has no words for {key}"
            );
        }
        // The labels are asked for by match arms; each one is said, and no label is extra.
        let labels = labels();
        assert!(labels.iter().all(|l| !l.is_empty()));
        let label_keys = english.keys().filter(|k| k.starts_with("labels.")).count();
        assert_eq!(label_keys, labels.len(), "labels in lang/en.json");
        let extra: Vec<&str> = english
            .keys()
            .filter(|k| !k.starts_with("labels.") && !asked.contains(*k))
            .collect();
        assert!(
            extra.is_empty(),
            "lang/en.json has keys nothing asks for: {extra:?}"
        );
    }

    #[test]
    fn every_question_has_prompt_help_and_an_example_for_each_group() {
        let mut prompts = HashSet::new();
        for (i, q) in questions().enumerate() {
            assert_eq!(q.id as usize, i, "catalogue order matches ids");
            assert!(!q.prompt.trim().is_empty(), "{:?} prompt", q.id);
            assert!(!q.help.trim().is_empty(), "{:?} help", q.id);
            for g in [
                RelationshipGroup::Personal,
                RelationshipGroup::Professional,
                RelationshipGroup::Team,
            ] {
                assert!(
                    !q.examples.for_group(g).trim().is_empty(),
                    "{:?} {g:?}",
                    q.id
                );
            }
            assert!(prompts.insert(q.prompt), "prompt used twice: {}", q.prompt);
        }
        assert_eq!(question(QuestionId::GoalWhy).prompt, "Why does it matter?");
    }

    #[test]
    fn examples_follow_the_relationship_kind() {
        let q = question(QuestionId::GoalWhat);
        assert_eq!(
            q.examples.for_kind(Some(RelationshipKind::Partners)),
            q.examples.personal
        );
        assert_eq!(
            q.examples.for_kind(Some(RelationshipKind::Team)),
            q.examples.team
        );
        assert_eq!(
            q.examples.for_kind(Some(RelationshipKind::CoachAndClient)),
            q.examples.professional
        );
        assert_eq!(q.examples.for_kind(None), q.examples.professional);
    }

    #[test]
    fn reflections_cover_every_moment_in_order() {
        for (i, r) in REFLECTIONS.iter().enumerate() {
            assert_eq!(r.id as usize, i);
            let words = reflection(r.id);
            assert!(!words.prompt.is_empty() && !words.help.is_empty());
        }
        for m in [
            ReflectionMoment::BeforeYouBegin,
            ReflectionMoment::AfterAgreeing,
            ReflectionMoment::AtReview,
        ] {
            assert!(
                REFLECTIONS.iter().filter(|r| r.moment == m).count() >= 2,
                "{m:?}"
            );
        }
    }

    #[test]
    fn every_section_has_a_title_and_intro() {
        let titles: HashSet<_> = SectionId::ALL.iter().map(|s| section(*s).title).collect();
        assert_eq!(titles.len(), SectionId::ALL.len());
        assert!(SectionId::ALL.iter().all(|s| !section(*s).intro.is_empty()));
    }
}
