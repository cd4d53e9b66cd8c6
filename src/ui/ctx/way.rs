//! The way through the steps: going to a step or a field, where focus lands, and each step's
//! state and the count of steps done.

use super::*;
use crate::core::AllianceStoreFields;

impl Ctx {
    /// Goes to a step, remembering that the one we leave was visited.
    pub fn go_to(&self, step: Step) {
        let current = self.step.get_untracked();
        if current == step {
            self.focus_later(self.id("step-heading"));
            return;
        }
        self.visited.update(|v| {
            if !v.contains(&current) {
                v.push(current);
            }
        });
        self.step.set(step);
        // What the status line said belongs to the step left behind.
        self.announcement.try_set(String::new());
        let position = self
            .route
            .with_untracked(|r| r.number(step).map(|_| r.position(step)));
        self.whereabouts.try_set(match position {
            Some(position) => format!("{position}: {}", self.title(step)),
            None => self.title(step),
        });
        self.focus_later(self.id("step-heading"));
    }

    /// Goes to the step holding a field and puts the cursor in it.
    pub fn go_to_field(&self, finding: &Finding) {
        let step = Step::Section(finding.section);
        let id = self.field_id(finding.section, finding.item.as_ref(), finding.field);
        let fallback = self.field_id(finding.section, None, "");
        if self.step.get_untracked() != step {
            self.go_to(step);
        }
        let ctx = *self;
        let heading = self.id("step-heading");
        browser::after_updates(move || {
            if let Some(el) = ctx.root_element() {
                let _ = browser::focus_in(&el, &id)
                    || browser::focus_in(&el, &fallback)
                    || browser::focus_in(&el, &heading);
            }
        });
    }

    /// Focuses the element with this id once the view has caught up.
    /// Not when the person has put focus somewhere else in the widget meanwhile: what they
    /// type goes where they put it.
    pub fn focus_later(&self, id: String) {
        let ctx = *self;
        let before = ctx.root_element().and_then(|el| browser::focused_in(&el));
        browser::after_updates(move || {
            if let Some(el) = ctx.root_element() {
                let now = browser::focused_in(&el);
                if now.is_none() || now == before {
                    browser::focus_in(&el, &id);
                }
            }
        });
    }

    /// Whether missing parts should be pointed out on this step yet (tracked).
    pub fn show_missing(&self, step: Step) -> bool {
        self.visited.with(|v| v.contains(&step))
    }

    /// Whether the person has gone past a step: left it, or been anywhere after it (tracked).
    pub fn passed(&self, step: Step) -> bool {
        let current = self.step.get();
        self.route.with(|r| {
            let Some(i) = r.index(step) else {
                return false;
            };
            let after = |s: &Step| r.index(*s).is_some_and(|j| j > i);
            after(&current)
                || self
                    .visited
                    .with(|v| v.iter().any(|s| *s == step || after(s)))
        })
    }

    /// The state of a step for the progress indicator (tracked). Honest: a step is complete
    /// only when it holds what it asks for; an optional step passed by empty is "skipped";
    /// passing through is never "needs attention" (that is for something wrong in it).
    pub fn step_state(&self, step: Step) -> StepState {
        let here = self.step.get() == step;
        match step {
            Step::Welcome => {
                if self.passed(step) {
                    StepState::Complete
                } else if here {
                    StepState::InProgress
                } else {
                    StepState::NotStarted
                }
            }
            Step::Section(section) => {
                let state = self.doc.with(|d| d.report.section(section).state);
                match state {
                    SectionState::NeedsAttention => StepState::NeedsAttention,
                    SectionState::Complete => StepState::Complete,
                    SectionState::InProgress => StepState::InProgress,
                    SectionState::NotStarted
                        if content::section_is_optional(section) && self.passed(step) =>
                    {
                        StepState::Skipped
                    }
                    SectionState::NotStarted => StepState::NotStarted,
                }
            }
            // Complete once looked at with nothing left to fix; never while it lists
            // what is missing.
            Step::Review => {
                let ready = self.doc.with(|d| d.report.ready_to_agree());
                if ready && self.passed(step) {
                    StepState::Complete
                } else if here || self.passed(step) {
                    StepState::InProgress
                } else {
                    StepState::NotStarted
                }
            }
            Step::Agreement => {
                if self.alliance().status().get() == Status::Agreed {
                    StepState::Complete
                } else if self
                    .alliance()
                    .agreement()
                    .with(|a| a.signatures.is_empty())
                    && !here
                {
                    StepState::NotStarted
                } else {
                    StepState::InProgress
                }
            }
            // Nothing is asked here: done once the alliance is agreed and Finish is reached.
            Step::Finish => {
                let agreed = self.alliance().status().get() == Status::Agreed;
                if agreed && (here || self.passed(step)) {
                    StepState::Complete
                } else if here {
                    StepState::InProgress
                } else {
                    StepState::NotStarted
                }
            }
        }
    }

    /// How many steps are done (complete: what they ask for is there), how many of the rest
    /// were skipped, and how many there are (the welcome is not counted) (tracked). A skipped
    /// step is never counted as done.
    pub fn steps_done(&self) -> (usize, usize, usize) {
        let counted: Vec<Step> = self.route.with(|r| {
            r.steps()
                .iter()
                .copied()
                .filter(|s| *s != Step::Welcome)
                .collect()
        });
        let states: Vec<StepState> = counted.iter().map(|s| self.step_state(*s)).collect();
        let count = |state| states.iter().filter(|s| **s == state).count();
        (
            count(StepState::Complete),
            count(StepState::Skipped),
            counted.len(),
        )
    }
}
