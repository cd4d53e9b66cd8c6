//! The widget's state at the UI edge: the core's [`Editor`] and its validation report in one
//! signal ([`Doc`]), the current step, and the few helpers every component shares.

use super::browser;
use super::dom::Sig;
use crate::core::text::{self, ui as t};
use crate::core::Action;
use crate::core::*;
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

/// The core's editor and the validation report of its alliance, kept together in one signal:
/// every change recomputes the report at once (a memo of its own cost 3 KB of code).
pub struct Doc {
    pub editor: Editor,
    pub report: Report,
    /// The day findings are judged against (review dates in the past).
    today: Date,
}

impl Doc {
    fn new(editor: Editor, today: Date) -> Self {
        let report = validate(editor.alliance(), today);
        Doc {
            editor,
            report,
            today,
        }
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

/// Shared by every component of one widget instance (copied, never cloned deeply).
#[derive(Clone, Copy)]
pub struct Ctx {
    pub doc: Sig<Doc>,
    pub step: Sig<Step>,
    /// Steps the person has left at least once: missing parts are pointed out there.
    pub visited: Sig<Vec<Step>>,
    /// The last polite announcement for screen readers (and the visible status line).
    pub announcement: Sig<String>,
    /// The Markdown to copy by hand when the clipboard was denied (empty: none). Plain
    /// `String`s, like the announcement: each signal type costs code of its own.
    pub copy_fallback: Sig<String>,
    /// Whether a file read and checked waits for the person to confirm the import (the file
    /// itself waits in [`Ctx::pending_import`]).
    pub import_open: Sig<bool>,
    /// Why the last import failed, in plain words (empty: it did not).
    pub import_error: Sig<String>,
    /// What is not reactive: the root element, the host page's hooks, the id prefix.
    fixed: super::dom::Local,
}

/// The parts of [`Ctx`] that need no signal, in one `RefCell` in the owner's slab (one handle
/// instead of a `StoredValue` per type, each of which costs code).
struct Fixed {
    /// The widget's root element, where ids are looked up.
    root: Option<web_sys::Element>,
    /// What the host page listens to (see `crate::mount`).
    hooks: Hooks,
    /// A prefix that makes DOM ids unique when several widgets share a page.
    uid: String,
    /// A file read and checked, waiting for the person to confirm the import.
    import: Option<crate::core::json::Imported>,
}

/// Receives an event for the host page: its name and its detail as JSON text.
pub type EventSink = Rc<dyn Fn(&'static str, &str)>;

/// What the widget tells the outside world (the host page's events). See the README's list of
/// events.
#[derive(Clone, Default)]
pub struct Hooks {
    pub event: Option<EventSink>,
}

thread_local! {
    static INSTANCES: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

impl Ctx {
    pub fn new(alliance: Alliance) -> Self {
        let n = INSTANCES.with(|c| {
            c.set(c.get() + 1);
            c.get()
        });
        let doc = Sig::new(Doc::new(Editor::new(alliance), browser::today()));
        Ctx {
            doc,
            step: Sig::new(STEPS[0]),
            visited: Sig::new(Vec::new()),
            announcement: Sig::new(String::new()),
            copy_fallback: Sig::new(String::new()),
            import_open: Sig::new(false),
            import_error: Sig::new(String::new()),
            fixed: super::dom::keep_local(Rc::new(std::cell::RefCell::new(Fixed {
                root: None,
                hooks: Hooks::default(),
                uid: format!("da{n}"),
                import: None,
            }))),
        }
    }

    fn fixed<R>(&self, f: impl FnOnce(&mut Fixed) -> R) -> Option<R> {
        super::dom::with_local_mut(self.fixed, f)
    }

    /// Sets what the host page listens to.
    pub fn set_hooks(&self, hooks: Hooks) {
        self.fixed(|f| f.hooks = hooks);
    }

    /// Tells the host page `name` happened, with `detail` (JSON text).
    pub fn tell(&self, name: &'static str, detail: &str) {
        // Taken out first: the host page's listener may call back into the widget.
        if let Some(cb) = self.fixed(|f| f.hooks.event.clone()).flatten() {
            cb(name, detail);
        }
    }

    /// Remembers the widget's root element.
    pub fn set_root(&self, el: web_sys::Element) {
        self.fixed(|f| f.root = Some(el));
    }

    /// The widget's root element.
    pub fn root_element(&self) -> Option<web_sys::Element> {
        self.fixed(|f| f.root.clone()).flatten()
    }

    /// Holds `imported` for the person to confirm (or lets go of it, with `None`), and opens or
    /// closes the preview.
    pub fn set_pending_import(&self, imported: Option<crate::core::json::Imported>) {
        let open = imported.is_some();
        self.fixed(|f| f.import = imported);
        self.import_open.set(open);
    }

    /// The file waiting for confirmation, if any (a copy, for the preview).
    pub fn pending_import(&self) -> Option<crate::core::json::Imported> {
        self.fixed(|f| f.import.clone()).flatten()
    }

    /// Takes the file waiting for confirmation, closing the preview.
    pub fn take_pending_import(&self) -> Option<crate::core::json::Imported> {
        let imported = self.fixed(|f| f.import.take()).flatten();
        self.import_open.set(false);
        imported
    }

    /// A DOM id unique to this widget instance.
    pub fn id(&self, suffix: &str) -> String {
        self.fixed(|f| format!("{}-{suffix}", f.uid))
            .unwrap_or_else(|| format!("da-{suffix}"))
    }

    /// The DOM id of the control for a field, so findings can link to it.
    pub fn field_id(&self, section: SectionId, item: Option<&Id>, field: &str) -> String {
        let item = item.map_or("", Id::as_str);
        self.id(&format!("{}-{item}-{field}", section.key()))
    }

    /// Reads from the alliance (tracked); `T`'s default once the widget is gone (`f` is not
    /// called then).
    pub fn with<T: Default>(&self, f: impl FnOnce(&Alliance) -> T) -> T {
        self.doc.with(|d| f(d.editor.alliance()))
    }

    /// Reads from the validation report (tracked).
    pub fn report_with<T: Default>(&self, f: impl FnOnce(&Report) -> T) -> T {
        self.doc.with(|d| f(&d.report))
    }

    /// Starts over with `editor` (another draft, or an imported file).
    pub fn replace_editor(&self, editor: Editor) {
        let today = self
            .doc
            .try_with_untracked(|d| d.today)
            .unwrap_or_else(browser::today);
        self.doc.set(Doc::new(editor, today));
    }

    /// Reads from the alliance without subscribing.
    pub fn with_untracked<T: Default>(&self, f: impl FnOnce(&Alliance) -> T) -> T {
        self.doc.with_untracked(|d| f(d.editor.alliance()))
    }

    /// Reads from the alliance without subscribing; `None` once the widget is gone.
    pub fn try_with_untracked<T>(&self, f: impl FnOnce(&Alliance) -> T) -> Option<T> {
        self.doc.try_with_untracked(|d| f(d.editor.alliance()))
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
                if changed && !was_agreed && e.alliance().status == Status::Agreed {
                    became_agreed = true;
                }
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
        if self.announcement.get_untracked() == message {
            self.announcement.set(String::new());
        }
        self.announcement.set(message);
    }

    /// Tells the host page something was exported.
    pub fn exported(&self, kind: super::exports::ExportKind) {
        self.tell("da-exported", &format!(r#"{{"kind":"{}"}}"#, kind.key()));
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

    /// Whether missing parts should be pointed out on this step yet.
    pub fn show_missing(&self, step: Step) -> bool {
        self.visited.with(|v| v.contains(&step))
    }

    /// The state of a step for the progress indicator.
    pub fn step_state(&self, step: Step) -> StepState {
        let visited = self.show_missing(step);
        match step {
            Step::Section(section) => {
                let state = self.report_with(|r| r.section(section).state);
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

    /// Findings about one field, honouring when missing parts are shown.
    pub fn findings(&self, section: SectionId, item: Option<&Id>, field: &str) -> Vec<Finding> {
        let show_missing = self.show_missing(Step::Section(section));
        self.report_with(|r| {
            r.for_field(section, item, field)
                .filter(|f| show_missing || f.severity != Severity::Missing)
                .cloned()
                .collect()
        })
    }
}
