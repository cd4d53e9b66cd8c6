//! The way through the steps: the route the template sets, the step the person is on and the
//! ones they have left, going to a step or a field, each step's state and the count of steps
//! done, and the titles and findings as the way shows them.

use super::*;
use crate::core::AllianceStoreFields;

/// Where the person is on the way through (through `provide_context`; copied freely: it holds
/// handles only).
#[derive(Clone, Copy)]
pub struct Way {
    page: Page,
    ctx: Ctx,
    /// The step shown.
    pub step: RwSignal<Step>,
    /// Steps the person has left at least once: missing parts are pointed out there.
    pub visited: RwSignal<Vec<Step>>,
    /// The step the person is on, said politely to screen readers after each change of step.
    pub whereabouts: RwSignal<String>,
    /// The way through: the template's sections between the welcome and the review.
    pub route: Memo<Route>,
}

impl Way {
    /// The way through `ctx`'s alliance, at its welcome. Call under the widget's owner.
    pub fn new(page: Page, ctx: Ctx) -> Self {
        let template = ctx.template;
        let route = Memo::new(move |_| {
            template.with(|t| {
                t.as_ref()
                    .map_or_else(Route::default, |t| Route::of(&t.sections))
            })
        });
        Way {
            page,
            ctx,
            step: RwSignal::new(Step::Welcome),
            visited: RwSignal::new(Vec::new()),
            whereabouts: RwSignal::new(String::new()),
            route,
        }
    }

    /// Uses the coach's template from now on (see [`Ctx::use_template`]); a step it leaves out
    /// is left for the welcome.
    pub fn use_template(&self, template: crate::core::template::Template) {
        self.ctx.use_template(template);
        let step = self.step.get_untracked();
        if !self.route.with_untracked(|r| r.contains(step)) {
            self.step.set(Step::Welcome);
        }
    }

    /// A step's title: the coach's wording for a section, else the widget's.
    pub fn title(&self, step: Step) -> String {
        self.ctx
            .wording(step, |w| w.title.clone())
            .unwrap_or_else(|| step.title().to_string())
    }

    /// A step's introduction: the coach's wording for a section, else the widget's.
    pub fn intro(&self, step: Step) -> String {
        self.ctx
            .wording(step, |w| w.intro.clone())
            .unwrap_or_else(|| step.intro().to_string())
    }

    /// The alliance as a document, as this page shows it (the review, and the Markdown and
    /// email copies): each section in the coach's words, and a section their template leaves
    /// out only when something is written in it (tracked).
    pub fn summary(&self, a: &Alliance) -> crate::core::summary::Summary {
        let mut summary = crate::core::summary::summarize_with(a, &browser::Local);
        summary.sections.retain(|sec| {
            self.route.with(|r| r.contains(Step::Section(sec.id)))
                || crate::core::validate::has_content(a, sec.id)
                || (sec.id == SectionId::KeepingAlive && !a.check_ins.is_empty())
        });
        for sec in &mut summary.sections {
            if let Some(title) = self.ctx.wording(Step::Section(sec.id), |w| w.title.clone()) {
                sec.title = title.into();
            }
        }
        summary
    }

    /// The findings about one field, kept up to date, honouring when missing parts are shown
    /// (only once the person has left the step).
    pub fn findings(
        &self,
        section: SectionId,
        item: Option<Id>,
        field: &'static str,
    ) -> Memo<Vec<Finding>> {
        let way = *self;
        let all = self.ctx.findings_of(section, item, field);
        Memo::new(move |_| {
            let show_missing = way.show_missing(Step::Section(section));
            all.with(|list| {
                list.iter()
                    .filter(|f| show_missing || f.severity != Severity::Missing)
                    .cloned()
                    .collect()
            })
        })
    }

    /// Goes to a step, remembering that the one we leave was visited.
    pub fn go_to(&self, step: Step) {
        let current = self.step.get_untracked();
        if current == step {
            self.page.focus_later(self.page.id("step-heading"));
            return;
        }
        self.visited.update(|v| {
            if !v.contains(&current) {
                v.push(current);
            }
        });
        self.step.set(step);
        // What the status line said belongs to the step left behind.
        self.page.announcement.try_set(String::new());
        let position = self
            .route
            .with_untracked(|r| r.number(step).map(|_| r.position(step)));
        self.whereabouts.try_set(match position {
            Some(position) => format!("{position}: {}", self.title(step)),
            None => self.title(step),
        });
        self.page.focus_later(self.page.id("step-heading"));
    }

    /// Goes to the step holding a field and puts the cursor in it.
    pub fn go_to_field(&self, finding: &Finding) {
        let step = Step::Section(finding.section);
        let id = self
            .page
            .field_id(finding.section, finding.item.as_ref(), finding.field);
        let fallback = self.page.field_id(finding.section, None, "");
        if self.step.get_untracked() != step {
            self.go_to(step);
        }
        let page = self.page;
        let heading = self.page.id("step-heading");
        browser::after_updates(move || {
            page.focus_first(&[&id, &fallback, &heading]);
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
                let state = self.ctx.report(|r| r.section(section).state);
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
                let ready = self.ctx.report(Report::ready_to_agree);
                if ready && self.passed(step) {
                    StepState::Complete
                } else if here || self.passed(step) {
                    StepState::InProgress
                } else {
                    StepState::NotStarted
                }
            }
            Step::Agreement => {
                if self.ctx.alliance().status().get() == Status::Agreed {
                    StepState::Complete
                } else if self
                    .ctx
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
                let agreed = self.ctx.alliance().status().get() == Status::Agreed;
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

/// Where the person is on the way through, from the component that provides it.
pub fn use_way() -> Way {
    expect_context::<Way>()
}
