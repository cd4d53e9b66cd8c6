//! The widget's state at the UI edge, in three small contexts a component asks for as it
//! needs them (each copied freely: they hold handles only):
//! - [`Ctx`], the document: the core's [`Editor`] and its validation report kept together
//!   ([`Doc`], private to this module), the alliance as a store that components read, the
//!   coach's template, and what this browser keeps with the draft ([`use_ctx`]);
//! - [`Way`], the way through: the route, the step shown and the ones left, going to a step
//!   or a field, each step's state ([`use_way`]);
//! - [`Page`], the widget's place on the page: its root, its DOM ids, the status line, focus
//!   and the host page's events ([`use_page`]).
//!
//! The state of each dialog is in `ui::io` ([`crate::ui::io::Dialogs`]), the drafts' in
//! `ui::drafts`.
//!
//! Every change goes through [`Ctx::apply`] (or undo, redo, another draft): the editor
//! changes, the report follows, and the store is patched with the result ([`store`]), so only
//! what changed is notified. Components read the store's fields where a slice will do: a list
//! item, the order of a list, one field; the findings about each field are signals of their
//! own ([`findings`]). Typing into one field re-runs that field's bindings, its messages, the
//! step's state and the save status, not every binding on the step.

mod findings;
mod page;
mod step;
mod store;
mod way;

pub use page::{use_page, EventSink, Hooks, Page};
pub use step::{Route, Stage, Step, StepState};
pub use way::{use_way, Way};

use super::browser;
use crate::core::content;
use crate::core::text::ui as t;
use crate::core::Action;
use crate::core::*;
use findings::Findings;
use leptos::prelude::*;
use reactive_stores::Store;

/// The core's editor and the validation report of its alliance, kept together: every change
/// recomputes the report at once, so the two never disagree.
pub struct Doc {
    pub editor: Editor,
    pub report: Report,
    /// The day findings are judged against (review dates in the past).
    today: Date,
    /// The coach's template on this page, which the alliance is checked against (else the
    /// template the alliance records, else the standard one).
    template: Option<TemplateRef>,
}

impl Doc {
    pub fn new(editor: Editor, today: Date, template: Option<TemplateRef>) -> Self {
        let mut doc = Doc {
            editor,
            report: Report {
                findings: Vec::new(),
                sections: Vec::new(),
            },
            today,
            template,
        };
        doc.check();
        doc
    }

    fn check(&mut self) {
        let a = self.editor.alliance();
        let template = self.template.as_ref().or(a.template.as_ref());
        self.report = validate_as(a, self.today, template);
    }

    pub fn alliance(&self) -> &Alliance {
        self.editor.alliance()
    }

    /// Changes the editor with `f`; when it says something changed, the report follows.
    fn change(&mut self, f: impl FnOnce(&mut Editor) -> bool) -> bool {
        let changed = f(&mut self.editor);
        if changed {
            self.check();
        }
        changed
    }
}

/// Where a finding belongs: its section, its item (if any) and its field.
pub type FieldKey = (SectionId, Option<Id>, &'static str);

/// The document: shared by every component of one widget instance that reads or changes the
/// alliance (through `provide_context`; copied, never cloned deeply: it holds handles only).
#[derive(Clone, Copy)]
pub struct Ctx {
    /// The editor and its report: changed only here, through `apply`, `undo`, `redo` and
    /// `replace_editor`, each of which patches the store.
    doc: RwSignal<Doc>,
    /// The alliance, as components read it (kept in step with `doc`; never written elsewhere).
    alliance: Store<Alliance>,
    /// The page it is shown on: where undo gives focus back, and the host page's events.
    page: Page,
    /// The coach's template, once loaded (the `template` attribute); none: the standard one.
    pub template: RwSignal<Option<std::sync::Arc<crate::core::template::Template>>>,
    /// Each party's id and name as shown (a placeholder until they have one).
    pub party_labels: Memo<Vec<(Id, String)>>,
    /// What this browser keeps with the open draft, never in a file or link: which person is
    /// "me" here, and the versions exchanged with others (saved with the draft).
    pub here: RwSignal<crate::core::drafts::Here>,
    /// The kind of relationship, which picks the examples shown.
    pub kind: Memo<Option<RelationshipKind>>,
    /// The findings about each field, each in a signal of its own.
    findings: StoredValue<Findings>,
    /// What tells of a change to the ids of each list (see [`store::Orders`]).
    orders: StoredValue<store::Orders>,
}

/// Makes the three contexts of a widget showing `alliance` and provides them to every
/// component under the current owner. Call under the widget's owner.
pub fn provide(alliance: Alliance, hooks: Hooks) -> (Page, Ctx, Way) {
    let page = Page::new(hooks);
    let ctx = Ctx::new(alliance, page);
    let way = Way::new(page, ctx);
    provide_context(page);
    provide_context(ctx);
    provide_context(way);
    (page, ctx, way)
}

impl Ctx {
    /// The document of a widget showing `alliance` on `page`. Call under the widget's owner.
    pub fn new(alliance: Alliance, page: Page) -> Self {
        let store = Store::new(alliance.clone());
        store::keyed(store);
        let doc = RwSignal::new(Doc::new(Editor::new(alliance), browser::today(), None));
        let party_labels = Memo::new(move |_| {
            use crate::core::AllianceStoreFields;
            store.parties().with(|parties| {
                parties
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (p.id.clone(), p.label(i)))
                    .collect()
            })
        });
        let kind = Memo::new(move |_| {
            use crate::core::AllianceStoreFields;
            store.relationship().get()
        });
        Ctx {
            doc,
            alliance: store,
            page,
            template: RwSignal::new(None),
            party_labels,
            kind,
            here: RwSignal::new(Default::default()),
            findings: StoredValue::new(Findings::default()),
            orders: StoredValue::new(store::Orders::new()),
        }
    }

    /// Uses the coach's template from now on: its way through, and what agreeing needs. The
    /// alliance records it with the next change. The way through follows it:
    /// [`Way::use_template`] is what the widget calls.
    pub fn use_template(&self, template: crate::core::template::Template) {
        let reference = template.reference();
        self.template.try_set(Some(std::sync::Arc::new(template)));
        self.doc.update(|d| {
            d.template = Some(reference);
            d.check();
        });
        self.synced();
    }

    /// The coach's wording for a step, if their template has some.
    fn wording(
        &self,
        step: Step,
        part: impl Fn(&crate::core::template::Wording) -> Option<String>,
    ) -> Option<String> {
        let Step::Section(section) = step else {
            return None;
        };
        self.template
            .try_with(|t| t.as_ref().and_then(|t| t.wording(section)).and_then(part))
            .flatten()
    }

    /// The alliance as a store, to read a part of it (tracked by that part only). Read it
    /// only: every change goes through [`Ctx::apply`].
    pub fn alliance(&self) -> Store<Alliance> {
        self.alliance
    }

    /// The text of a top-level field (tracked: only a change to that field notifies).
    pub fn text(&self, field: TextField) -> String {
        store::text(self.alliance, field)
    }

    /// Reads the alliance and its report together, without subscribing; `None` once the
    /// widget is gone.
    pub fn try_with_doc_untracked<T>(&self, f: impl FnOnce(&Alliance, &Report) -> T) -> Option<T> {
        self.doc.try_with_untracked(|d| f(d.alliance(), &d.report))
    }

    /// Reads the validation report (tracked: every change).
    pub fn report<T>(&self, f: impl FnOnce(&Report) -> T) -> T {
        self.doc.with(|d| f(&d.report))
    }

    /// Subscribes to every change of the alliance (what saving listens to).
    pub fn track_changes(&self) {
        self.doc.track();
    }

    /// Whether there is a change to undo (tracked).
    pub fn can_undo(&self) -> bool {
        self.doc.with(|d| d.editor.can_undo())
    }

    /// Whether there is a change to redo (tracked).
    pub fn can_redo(&self) -> bool {
        self.doc.with(|d| d.editor.can_redo())
    }

    /// Reads the whole alliance (tracked: any change notifies). Only for views of the whole
    /// of it (the review's document, the recap before agreeing, Finish's dates); a component
    /// showing one part reads that part from [`Ctx::alliance`].
    pub fn with<T>(&self, f: impl FnOnce(&Alliance) -> T) -> T {
        self.alliance.with(f)
    }

    /// Reads from the alliance without subscribing; `None` once the widget is gone.
    pub fn try_with_untracked<T>(&self, f: impl FnOnce(&Alliance) -> T) -> Option<T> {
        self.doc.try_with_untracked(|d| f(d.alliance()))
    }

    /// One list item, read from the store by its id (`None` once it is gone): only a change
    /// to this item notifies.
    pub fn item(&self, list: ListKind, id: &Id) -> Signal<Option<Item>> {
        let (alliance, id) = (self.alliance, id.clone());
        Memo::new(move |_| store::item(alliance, list, &id)).into()
    }

    /// The ids of one list, in order: notifies when they change, not when an item's text does.
    pub fn ids(&self, list: ListKind) -> Signal<Vec<Id>> {
        let alliance = self.alliance;
        let orders = self.orders;
        Memo::new(move |_| {
            orders
                .try_with_value(|o| store::ids(alliance, o, list))
                .unwrap_or_default()
        })
        .into()
    }

    /// Brings the store and the findings in step with the document, after a change.
    fn synced(&self) {
        let findings = self.findings;
        let now = self.doc.try_with_untracked(|d| {
            findings.try_update_value(|f| f.sync(&d.report));
            d.alliance().clone()
        });
        if let Some(now) = now {
            let alliance = self.alliance;
            self.orders
                .try_with_value(|o| store::patch(alliance, o, now));
        }
    }

    /// Applies a change; returns whether anything changed. Subscribers are only notified
    /// when something did.
    pub fn apply(&self, action: Action) -> bool {
        let now = browser::now();
        let mut changed = false;
        let mut became_agreed = false;
        self.doc.maybe_update(|d| {
            // The alliance records the coach's template it is made with.
            let record = d
                .template
                .clone()
                .filter(|r| d.alliance().template.as_ref() != Some(r));
            d.change(|e| {
                let was_agreed = e.alliance().status == Status::Agreed;
                if let Some(record) = record {
                    e.record_template(record, now);
                }
                changed = matches!(e.apply(action, now), Ok(true));
                became_agreed = changed && !was_agreed && e.alliance().status == Status::Agreed;
                changed
            })
        });
        if changed {
            self.synced();
        }
        if became_agreed {
            // The detail is the alliance as an exported file.
            if let Some(Ok(file)) = self.try_with_untracked(|a| crate::core::json::export(a, now)) {
                self.page.tell("da-agreed", &file);
            }
        }
        changed
    }

    /// Starts over with `editor` (another draft, or an imported file).
    pub fn replace_editor(&self, editor: Editor) {
        let (today, template) = self
            .doc
            .try_with_untracked(|d| (d.today, d.template.clone()))
            .unwrap_or_else(|| (browser::today(), None));
        self.doc.set(Doc::new(editor, today, template));
        self.synced();
    }

    pub fn undo(&self) {
        self.history(Editor::undo, t::undone(), t::nothing_to_undo());
    }

    pub fn redo(&self) {
        self.history(Editor::redo, t::redone(), t::nothing_to_redo());
    }

    /// Goes back or forward in the editor's history, and says whether it could.
    /// Focus stays where it was: an item put back in its place is moved in the page, which
    /// takes focus from what is in it; it is given back (else to the step's heading), so the
    /// next shortcut still reaches the widget.
    fn history(&self, go: fn(&mut Editor) -> bool, done: &str, nothing: &str) {
        let before = self
            .page
            .focused()
            .map(|el| el.id())
            .filter(|id| !id.is_empty());
        let mut moved = false;
        self.doc.maybe_update(|d| {
            moved = d.change(go);
            moved
        });
        if moved {
            self.synced();
            if let Some(id) = before {
                let page = self.page;
                browser::after_updates(move || {
                    if page.focused().is_none() {
                        page.focus_first(&[&id, &page.id("step-heading")]);
                    }
                });
            }
        }
        self.page.announce(if moved { done } else { nothing });
    }

    /// The findings about one field, all of them, kept up to date (the way through shows
    /// missing parts only once the person has left the step: [`Way::findings`]).
    fn findings_of(
        &self,
        section: SectionId,
        item: Option<Id>,
        field: &'static str,
    ) -> Signal<Vec<Finding>> {
        let findings = self.findings;
        self.doc
            .try_with_untracked(|d| {
                findings.try_update_value(|f| f.of(&d.report, (section, item, field)))
            })
            .flatten()
            .map_or_else(|| Signal::stored(Vec::new()), |s| s.read_only().into())
    }

    /// The person who uses this browser, once they said which one they are and while they are
    /// one of the alliance's people (tracked).
    pub fn me(&self) -> Option<Id> {
        let me = self.here.with(|h| h.me.clone())?;
        self.party_labels
            .with(|labels| labels.iter().any(|(id, _)| *id == me))
            .then_some(me)
    }

    /// Says which person uses this browser (`None`: not said).
    pub fn set_me(&self, me: Option<Id>) {
        if self.here.with_untracked(|h| h.me != me) {
            self.here.update(|h| h.me = me);
        }
    }

    /// Remembers `a` as a version exchanged with others: sent as a file or link, received, or
    /// brought together (what tells, later, which side changed what).
    pub fn exchanged(&self, a: &Alliance) {
        let Some(mut seen) = self.here.try_with_untracked(|h| h.seen.clone()) else {
            return;
        };
        seen.record(a);
        // The same version again, as it was last: nothing to tell (nor to save).
        if self.here.with_untracked(|h| h.seen != seen) {
            self.here.update(|h| h.seen = seen);
        }
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
