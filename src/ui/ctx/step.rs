//! The steps of the wizard, and how each is shown in the progress indicator.

use crate::core::text::{self, ui as t};
use crate::core::SectionId;

/// The steps of the wizard, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    /// Section 0, "Before you begin", or one of sections 1 to 10.
    Section(SectionId),
    Review,
    Agreement,
    Finish,
}

impl Default for Step {
    /// The first step.
    fn default() -> Self {
        Step::Section(SectionId::Basics)
    }
}

pub const STEPS: [Step; 14] = [
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

impl Step {
    pub fn index(self) -> usize {
        STEPS.iter().position(|s| *s == self).unwrap_or(0)
    }

    pub fn title(self) -> &'static str {
        match self {
            Step::Section(s) => text::section(s).title,
            Step::Review => t::STEP_REVIEW,
            Step::Agreement => t::STEP_AGREEMENT,
            Step::Finish => t::STEP_FINISH,
        }
    }

    pub fn intro(self) -> &'static str {
        match self {
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

    /// A stable name, used in saved drafts and in events for the host page.
    pub fn key(self) -> &'static str {
        match self {
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
    Complete,
    NeedsAttention,
}

impl StepState {
    pub fn label(self) -> &'static str {
        match self {
            StepState::NotStarted => t::STATE_NOT_STARTED,
            StepState::InProgress => t::STATE_IN_PROGRESS,
            StepState::Complete => t::STATE_COMPLETE,
            StepState::NeedsAttention => t::STATE_NEEDS_ATTENTION,
        }
    }

    pub fn class(self) -> &'static str {
        match self {
            StepState::NotStarted => "da-state-not-started",
            StepState::InProgress => "da-state-in-progress",
            StepState::Complete => "da-state-complete",
            StepState::NeedsAttention => "da-state-attention",
        }
    }
}
