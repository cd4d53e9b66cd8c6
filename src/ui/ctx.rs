//! The widget's state at the UI edge, shared by every component through Leptos' context: the
//! core's [`Editor`] and its validation report kept together in one signal ([`Doc`]), the
//! current step, and the few helpers every component needs.
//!
//! Components never read the whole document where a slice will do. Everything derived from it
//! is a [`Memo`] computed once per change for the whole widget ([`Ctx::positions`], the
//! findings by field, the parties' names), and each list item reads its own item through
//! [`Ctx::item`]: typing into one field re-runs that field's bindings, its messages and the
//! step's state, not every binding on the step.

use super::browser;
use crate::core::json::Imported;
use crate::core::text::{self, ui as t};
use crate::core::Action;
use crate::core::*;
use leptos::prelude::*;
use std::collections::HashMap;
use std::rc::Rc;

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

/// The core's editor and the validation report of its alliance, kept together: every change
/// recomputes the report at once, so the two never disagree.
pub struct Doc {
    pub editor: Editor,
    pub report: Report,
    /// The day findings are judged against (review dates in the past).
    today: Date,
}

impl Doc {
    pub fn new(editor: Editor, today: Date) -> Self {
        let report = validate(editor.alliance(), today);
        Doc {
            editor,
            report,
            today,
        }
    }

    pub fn alliance(&self) -> &Alliance {
        self.editor.alliance()
    }

    /// Changes the editor with `f`; when it says something changed, the report follows.
    fn change(&mut self, f: impl FnOnce(&mut Editor) -> bool) -> bool {
        let changed = f(&mut self.editor);
        if changed {
            self.report = validate(self.editor.alliance(), self.today);
        }
        changed
    }
}

/// Where a finding belongs: its section, its item (if any) and its field.
pub type FieldKey = (SectionId, Option<Id>, &'static str);

/// Every finding, grouped by the field it is about (one pass per change).
pub type FindingsByField = HashMap<FieldKey, Vec<Finding>>;

/// Receives an event for the host page: its name and its detail as JSON text.
pub type EventSink = Rc<dyn Fn(&'static str, &str)>;

/// What the widget tells the outside world (the host page's events). See the README's list of
/// events.
#[derive(Clone, Default)]
pub struct Hooks {
    pub event: Option<EventSink>,
}

/// What needs no signal: the host page's hooks, the widget's root element, and the prefix
/// that keeps DOM ids unique when several widgets share a page.
struct Fixed {
    hooks: Hooks,
    root: Option<web_sys::Element>,
    uid: String,
}

thread_local! {
    static INSTANCES: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Shared by every component of one widget instance (through `provide_context`; copied,
/// never cloned deeply: it holds handles only).
#[derive(Clone, Copy)]
pub struct Ctx {
    pub doc: RwSignal<Doc>,
    pub step: RwSignal<Step>,
    /// Steps the person has left at least once: missing parts are pointed out there.
    pub visited: RwSignal<Vec<Step>>,
    /// The last polite announcement for screen readers (and the visible status line).
    pub announcement: RwSignal<String>,
    /// The Markdown to copy by hand when the clipboard was denied.
    pub copy_fallback: RwSignal<Option<String>>,
    /// A file read and checked, waiting for the person to confirm the import.
    pub pending_import: RwSignal<Option<Imported>>,
    /// Why the last import failed, in plain words.
    pub import_error: RwSignal<Option<String>>,
    /// Where each list item is in its list, by id.
    pub positions: Memo<HashMap<Id, usize>>,
    /// The findings of the report, by field.
    pub findings: Memo<FindingsByField>,
    /// Each party's id and name as shown (a placeholder until they have one).
    pub party_labels: Memo<Vec<(Id, String)>>,
    /// The kind of relationship, which picks the examples shown.
    pub kind: Memo<Option<RelationshipKind>>,
    fixed: StoredValue<Fixed, LocalStorage>,
}

impl Ctx {
    /// The state of a widget showing `alliance`. Call under the widget's owner.
    pub fn new(alliance: Alliance, hooks: Hooks) -> Self {
        let n = INSTANCES.with(|c| {
            c.set(c.get() + 1);
            c.get()
        });
        let doc = RwSignal::new(Doc::new(Editor::new(alliance), browser::today()));
        let positions = Memo::new(move |_| doc.with(|d| d.alliance().positions()));
        let findings = Memo::new(move |_| {
            doc.with(|d| {
                let mut by_field = FindingsByField::new();
                for f in &d.report.findings {
                    by_field
                        .entry((f.section, f.item.clone(), f.field))
                        .or_default()
                        .push(f.clone());
                }
                by_field
            })
        });
        let party_labels = Memo::new(move |_| {
            doc.with(|d| {
                let a = d.alliance();
                a.parties
                    .iter()
                    .map(|p| (p.id.clone(), a.party_label(&p.id)))
                    .collect()
            })
        });
        let kind = Memo::new(move |_| doc.with(|d| d.alliance().relationship));
        Ctx {
            doc,
            step: RwSignal::new(STEPS[0]),
            visited: RwSignal::new(Vec::new()),
            announcement: RwSignal::new(String::new()),
            copy_fallback: RwSignal::new(None),
            pending_import: RwSignal::new(None),
            import_error: RwSignal::new(None),
            positions,
            findings,
            party_labels,
            kind,
            fixed: StoredValue::new_local(Fixed {
                hooks,
                root: None,
                uid: format!("da{n}"),
            }),
        }
    }

    /// Tells the host page `name` happened, with `detail` (JSON text).
    pub fn tell(&self, name: &'static str, detail: &str) {
        // Taken out first: the host page's listener may call back into the widget.
        if let Some(cb) = self
            .fixed
            .try_with_value(|f| f.hooks.event.clone())
            .flatten()
        {
            cb(name, detail);
        }
    }

    /// Remembers the widget's root element, where ids are looked up.
    pub fn set_root(&self, el: web_sys::Element) {
        self.fixed.try_update_value(|f| f.root = Some(el));
    }

    /// The widget's root element.
    pub fn root_element(&self) -> Option<web_sys::Element> {
        self.fixed.try_with_value(|f| f.root.clone()).flatten()
    }

    /// A DOM id unique to this widget instance.
    pub fn id(&self, suffix: &str) -> String {
        self.fixed
            .try_with_value(|f| format!("{}-{suffix}", f.uid))
            .unwrap_or_else(|| format!("da-{suffix}"))
    }

    /// The DOM id of the control for a field, so findings can link to it.
    pub fn field_id(&self, section: SectionId, item: Option<&Id>, field: &str) -> String {
        let item = item.map_or("", Id::as_str);
        self.id(&format!("{}-{item}-{field}", section.key()))
    }

    /// Reads from the alliance (tracked): for what depends on the whole of it.
    pub fn with<T>(&self, f: impl FnOnce(&Alliance) -> T) -> T {
        self.doc.with(|d| f(d.alliance()))
    }

    /// Reads from the alliance without subscribing; `None` once the widget is gone.
    pub fn try_with_untracked<T>(&self, f: impl FnOnce(&Alliance) -> T) -> Option<T> {
        self.doc.try_with_untracked(|d| f(d.alliance()))
    }

    /// One list item as it is now (tracked), found through [`Ctx::positions`]: the same cost
    /// however long the list. Make a [`Memo`] of it so that only what shows this item follows
    /// its changes.
    pub fn item(&self, list: ListKind, id: &Id) -> Option<Item> {
        let at = self.positions.with(|p| p.get(id).copied())?;
        self.doc
            .with(|d| d.alliance().item_at(list, at))
            .filter(|item| item.id() == id)
    }

    /// Applies a change; returns whether anything changed. Subscribers are only notified
    /// when something did.
    pub fn apply(&self, action: Action) -> bool {
        let now = browser::now();
        let mut changed = false;
        let mut became_agreed = false;
        self.doc.maybe_update(|d| {
            d.change(|e| {
                let was_agreed = e.alliance().status == Status::Agreed;
                changed = matches!(e.apply(action, now), Ok(true));
                became_agreed = changed && !was_agreed && e.alliance().status == Status::Agreed;
                changed
            })
        });
        if became_agreed {
            // The detail is the alliance as an exported file.
            if let Some(Ok(file)) = self.try_with_untracked(|a| crate::core::json::export(a, now)) {
                self.tell("da-agreed", &file);
            }
        }
        changed
    }

    /// Starts over with `editor` (another draft, or an imported file).
    pub fn replace_editor(&self, editor: Editor) {
        let today = self
            .doc
            .try_with_untracked(|d| d.today)
            .unwrap_or_else(browser::today);
        self.doc.set(Doc::new(editor, today));
    }

    pub fn undo(&self) {
        let mut done = false;
        self.doc.maybe_update(|d| {
            done = d.change(Editor::undo);
            done
        });
        self.announce(if done { t::UNDONE } else { t::NOTHING_TO_UNDO });
    }

    pub fn redo(&self) {
        let mut done = false;
        self.doc.maybe_update(|d| {
            done = d.change(Editor::redo);
            done
        });
        self.announce(if done { t::REDONE } else { t::NOTHING_TO_REDO });
    }

    /// Says something politely to screen readers (and in the status line).
    pub fn announce(&self, message: impl Into<String>) {
        let message = message.into();
        // Saying the same thing twice must still be heard: clear first if unchanged.
        if self.announcement.try_get_untracked().as_ref() == Some(&message) {
            self.announcement.set(String::new());
        }
        self.announcement.try_set(message);
    }

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
        self.announce(format!(
            "{}: {}",
            t::step_of(step.index() + 1, STEPS.len()),
            step.title()
        ));
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
    pub fn focus_later(&self, id: String) {
        let ctx = *self;
        browser::after_updates(move || {
            if let Some(el) = ctx.root_element() {
                browser::focus_in(&el, &id);
            }
        });
    }

    /// Whether missing parts should be pointed out on this step yet (tracked).
    pub fn show_missing(&self, step: Step) -> bool {
        self.visited.with(|v| v.contains(&step))
    }

    /// The state of a step for the progress indicator (tracked).
    pub fn step_state(&self, step: Step) -> StepState {
        let visited = self.show_missing(step);
        match step {
            Step::Section(section) => {
                let state = self.doc.with(|d| d.report.section(section).state);
                match state {
                    SectionState::NeedsAttention => StepState::NeedsAttention,
                    SectionState::Complete => StepState::Complete,
                    SectionState::NotStarted if text::section_is_optional(section) && visited => {
                        StepState::Complete
                    }
                    SectionState::NotStarted if !visited => StepState::NotStarted,
                    _ if visited => StepState::NeedsAttention,
                    _ => StepState::InProgress,
                }
            }
            Step::Review => {
                let now = self.step.get();
                if visited || now == Step::Agreement || now == Step::Finish {
                    StepState::Complete
                } else if now == Step::Review {
                    StepState::InProgress
                } else {
                    StepState::NotStarted
                }
            }
            Step::Agreement => self.with(|a| {
                if a.status == Status::Agreed {
                    StepState::Complete
                } else if a.agreement.signatures.is_empty() {
                    StepState::NotStarted
                } else {
                    StepState::InProgress
                }
            }),
            Step::Finish => {
                if visited {
                    StepState::Complete
                } else if self.step.get() == Step::Finish {
                    StepState::InProgress
                } else {
                    StepState::NotStarted
                }
            }
        }
    }

    /// Findings about one field (tracked), honouring when missing parts are shown.
    pub fn findings_for(
        &self,
        section: SectionId,
        item: Option<&Id>,
        field: &'static str,
    ) -> Vec<Finding> {
        let show_missing = self.show_missing(Step::Section(section));
        self.findings.with(|by_field| {
            by_field
                .get(&(section, item.cloned(), field))
                .map(|list| {
                    list.iter()
                        .filter(|f| show_missing || f.severity != Severity::Missing)
                        .cloned()
                        .collect()
                })
                .unwrap_or_default()
        })
    }
}

impl Ctx {
    /// The findings about one field, kept up to date (see [`Ctx::findings_for`]).
    pub fn findings_memo(
        &self,
        section: SectionId,
        item: Option<Id>,
        field: &'static str,
    ) -> Memo<Vec<Finding>> {
        let ctx = *self;
        Memo::new(move |_| ctx.findings_for(section, item.as_ref(), field))
    }

    /// The name shown for a party (tracked; empty when there is no such party).
    pub fn party_label(&self, party: &Id) -> String {
        self.party_labels.with(|labels| {
            labels
                .iter()
                .find(|(id, _)| id == party)
                .map(|(_, name)| name.clone())
                .unwrap_or_default()
        })
    }
}

/// The widget's state, from the component that provides it.
pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}
