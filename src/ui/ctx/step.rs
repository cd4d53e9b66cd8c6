//! The steps of the wizard, and how each is shown in the progress indicator.

use crate::core::text::{self, ui as t};
use crate::core::SectionId;

/// The steps of the wizard, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    /// What a designed alliance is, how long it takes, where answers stay.
    Welcome,
    /// Who is involved, or one of sections 1 to 10.
    Section(SectionId),
    Review,
    Agreement,
    Finish,
}

impl Default for Step {
    /// The first step.
    fn default() -> Self {
        Step::Welcome
    }
}

/// Where a step belongs on the way through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stage {
    /// The welcome, and who is involved.
    Start,
    /// The template's five steps: goal, measure, who does what, communicate, celebrate.
    Essentials,
    /// Needs and offers, assumptions, hard times, trade-offs, keeping it alive: skippable.
    Deeper,
    /// Review, agreement, finish.
    Agree,
}

impl Stage {
    pub const ALL: [Stage; 4] = [Stage::Start, Stage::Essentials, Stage::Deeper, Stage::Agree];

    pub fn title(self) -> &'static str {
        match self {
            Stage::Start => t::STAGE_START,
            Stage::Essentials => t::STAGE_ESSENTIALS,
            Stage::Deeper => t::STAGE_DEEPER,
            Stage::Agree => t::STAGE_AGREE,
        }
    }
}

pub const STEPS: [Step; 15] = [
    Step::Welcome,
    Step::Section(SectionId::Basics),
    Step::Section(SectionId::Goal),
    Step::Section(SectionId::Progress),
    Step::Section(SectionId::Commitments),
    Step::Section(SectionId::Communication),
    Step::Section(SectionId::Celebrations),
    Step::Section(SectionId::NeedsAndOffers),
    Step::Section(SectionId::Assumptions),
    Step::Section(SectionId::HardTimes),
    Step::Section(SectionId::Decisions),
    Step::Section(SectionId::KeepingAlive),
    Step::Review,
    Step::Agreement,
    Step::Finish,
];

/// How many steps have a number (all but the welcome).
pub const NUMBERED: usize = STEPS.len() - 1;

impl Step {
    pub fn index(self) -> usize {
        STEPS.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// The step's number as the person sees it ("Step 3 of 14"); the welcome has none.
    pub fn number(self) -> Option<usize> {
        match self {
            Step::Welcome => None,
            _ => Some(self.index()),
        }
    }

    /// Where the step is, in words: "Step 3 of 14", or "Welcome".
    pub fn position(self) -> String {
        self.number()
            .map_or_else(|| self.title().to_string(), |n| t::step_of(n, NUMBERED))
    }

    pub fn title(self) -> &'static str {
        match self {
            Step::Welcome => t::STEP_WELCOME,
            Step::Section(s) => text::section(s).title,
            Step::Review => t::STEP_REVIEW,
            Step::Agreement => t::STEP_AGREEMENT,
            Step::Finish => t::STEP_FINISH,
        }
    }

    pub fn intro(self) -> &'static str {
        match self {
            Step::Welcome => t::WELCOME_INTRO,
            Step::Section(s) => text::section(s).intro,
            Step::Review => t::REVIEW_INTRO,
            Step::Agreement => t::AGREEMENT_INTRO,
            Step::Finish => t::FINISH_INTRO,
        }
    }

    pub fn next(self) -> Option<Step> {
        STEPS.get(self.index() + 1).copied()
    }

    pub fn previous(self) -> Option<Step> {
        self.index()
            .checked_sub(1)
            .and_then(|i| STEPS.get(i))
            .copied()
    }

    /// Where the step belongs on the way through.
    pub fn stage(self) -> Stage {
        match self {
            Step::Welcome | Step::Section(SectionId::Basics) => Stage::Start,
            Step::Section(s) if text::section_is_optional(s) => Stage::Deeper,
            Step::Section(_) => Stage::Essentials,
            Step::Review | Step::Agreement | Step::Finish => Stage::Agree,
        }
    }

    /// A stable name, used in saved drafts and in events for the host page.
    pub fn key(self) -> &'static str {
        match self {
            Step::Welcome => "welcome",
            Step::Section(SectionId::Basics) => "beforeYouBegin",
            Step::Section(s) => s.key(),
            Step::Review => "review",
            Step::Agreement => "agreement",
            Step::Finish => "finish",
        }
    }

    pub fn from_key(key: &str) -> Option<Step> {
        STEPS.into_iter().find(|s| s.key() == key)
    }
}

/// How a step is shown in the progress indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StepState {
    #[default]
    NotStarted,
    InProgress,
    /// It holds what it asks for.
    Complete,
    /// Something in it is wrong (an owner who left, a duplicate name): not merely unfinished.
    NeedsAttention,
    /// A step that may be skipped, passed by with nothing in it.
    Skipped,
}

impl StepState {
    pub fn label(self) -> &'static str {
        match self {
            StepState::NotStarted => t::STATE_NOT_STARTED,
            StepState::InProgress => t::STATE_IN_PROGRESS,
            StepState::Complete => t::STATE_COMPLETE,
            StepState::NeedsAttention => t::STATE_NEEDS_ATTENTION,
            StepState::Skipped => t::STATE_SKIPPED,
        }
    }

    pub fn class(self) -> &'static str {
        match self {
            StepState::NotStarted => "da-state-not-started",
            StepState::InProgress => "da-state-in-progress",
            StepState::Complete => "da-state-complete",
            StepState::NeedsAttention => "da-state-attention",
            StepState::Skipped => "da-state-skipped",
        }
    }
}
