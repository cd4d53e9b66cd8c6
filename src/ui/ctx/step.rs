//! The steps of the wizard, and how each is shown in the progress indicator.

use crate::core::content;
use crate::core::text::ui as t;
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
            Stage::Start => t::stage_start(),
            Stage::Essentials => t::stage_essentials(),
            Stage::Deeper => t::stage_deeper(),
            Stage::Agree => t::stage_agree(),
        }
    }
}

/// Every step there is, in the standard template's order.
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

impl Step {
    pub fn title(self) -> &'static str {
        match self {
            Step::Welcome => t::step_welcome(),
            Step::Section(s) => content::section(s).title,
            Step::Review => t::step_review(),
            Step::Agreement => t::step_agreement(),
            Step::Finish => t::step_finish(),
        }
    }

    pub fn intro(self) -> &'static str {
        match self {
            Step::Welcome => t::welcome_intro(),
            Step::Section(s) => content::section(s).intro,
            Step::Review => t::review_intro(),
            Step::Agreement => t::agreement_intro(),
            Step::Finish => t::finish_intro(),
        }
    }

    /// Where the step belongs on the way through.
    pub fn stage(self) -> Stage {
        match self {
            Step::Welcome | Step::Section(SectionId::Basics) => Stage::Start,
            Step::Section(s) if content::section_is_optional(s) => Stage::Deeper,
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

/// The way through: the welcome, the template's sections in its order, then review,
/// agreement and finish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route(Vec<Step>);

impl Default for Route {
    /// The standard template's way: every section.
    fn default() -> Self {
        Route(STEPS.to_vec())
    }
}

impl Route {
    /// The way through a template showing `sections`, in that order.
    pub fn of(sections: &[SectionId]) -> Self {
        let mut steps = vec![Step::Welcome];
        steps.extend(sections.iter().map(|s| Step::Section(*s)));
        steps.extend([Step::Review, Step::Agreement, Step::Finish]);
        Route(steps)
    }

    pub fn steps(&self) -> &[Step] {
        &self.0
    }

    pub fn contains(&self, step: Step) -> bool {
        self.0.contains(&step)
    }

    /// Where `step` is on the way (none when this way does not pass it).
    pub fn index(&self, step: Step) -> Option<usize> {
        self.0.iter().position(|s| *s == step)
    }

    /// How many steps have a number (all but the welcome).
    pub fn numbered(&self) -> usize {
        self.0.len().saturating_sub(1)
    }

    /// The step's number as the person sees it ("Step 3 of 14"); the welcome has none.
    pub fn number(&self, step: Step) -> Option<usize> {
        self.index(step).filter(|i| *i > 0)
    }

    /// Where the step is, in words: "Step 3 of 14", or "Welcome".
    pub fn position(&self, step: Step) -> String {
        self.number(step).map_or_else(
            || step.title().to_string(),
            |n| t::step_of(n, self.numbered()),
        )
    }

    pub fn next(&self, step: Step) -> Option<Step> {
        self.index(step).and_then(|i| self.0.get(i + 1)).copied()
    }

    pub fn previous(&self, step: Step) -> Option<Step> {
        self.index(step)
            .and_then(|i| i.checked_sub(1))
            .and_then(|i| self.0.get(i))
            .copied()
    }

    /// The steps before `step`: the ones a person resuming there has been through.
    pub fn before(&self, step: Step) -> Vec<Step> {
        let n = self.index(step).unwrap_or(0);
        self.0.iter().take(n).copied().collect()
    }

    /// The steps in runs of the same stage, in order (a coach's template may mix them).
    pub fn stages(&self) -> Vec<(Stage, Vec<Step>)> {
        let mut runs: Vec<(Stage, Vec<Step>)> = Vec::new();
        for step in &self.0 {
            match runs.last_mut() {
                Some((stage, steps)) if *stage == step.stage() => steps.push(*step),
                _ => runs.push((step.stage(), vec![*step])),
            }
        }
        runs
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
            StepState::NotStarted => t::state_not_started(),
            StepState::InProgress => t::state_in_progress(),
            StepState::Complete => t::state_complete(),
            StepState::NeedsAttention => t::state_needs_attention(),
            StepState::Skipped => t::state_skipped(),
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
