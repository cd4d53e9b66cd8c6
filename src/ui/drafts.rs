//! Drafts in this browser, at the UI edge: saving as the person types, the save status,
//! what to do when storage fails or another writer changed the draft, and "My drafts".
//!
//! The rules (keys, envelope, conflict detection, never writing before reading) are in
//! [`crate::core::drafts`]; this module decides *when* to save and *what to tell the person*.
//!
//! - Saving is debounced ([`DEBOUNCE_MS`] after the last change) and flushed at once on step
//!   change, when focus leaves the widget, when the page is hidden and on `pagehide`.
//! - When `localStorage` cannot be used at all, drafts live in memory for this page (so the
//!   drafts list still works) and the person is told plainly; every later save probes again and
//!   moves the drafts back into the browser's storage once it works.
//! - A failed write keeps what storage held, keeps the text on screen, and says what to do.
//! - The `storage` event reports writes from other tabs; writes from other widgets on this
//!   page are reported in-process ([`PEERS`]), as browsers never send that event to the page
//!   that wrote.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use super::browser;
use super::ctx::{Ctx, Step, STEPS};
use super::dialog::modal;
use super::dom::{derived, el, keep_local, local, on_change, with_local_mut, El, Local, Sig};
use super::storage;
use crate::core::drafts::{
    Check, DraftStore, Listed, MemoryStorage, OpenError, SaveError, Saved, Storage, StorageError,
};
use crate::core::text::{self, drafts as t, ui as tu};
use crate::core::{Action, Alliance, Editor, Id, TextField, Timestamp};
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// How long after the last change a draft is saved.
pub const DEBOUNCE_MS: u64 = 400;

thread_local! {
    /// Drafts of this page when the browser's storage cannot be used.
    static MEMORY: RefCell<MemoryStorage> = RefCell::new(MemoryStorage::default());
    /// Every widget on this page, so a save by one reaches the others.
    static PEERS: RefCell<Vec<Drafts>> = const { RefCell::new(Vec::new()) };
}

fn random_hex() -> String {
    crate::core::hex(browser::random_u48(), 12)
}

/// A fresh slot (storage key suffix) for a new draft.
fn new_slot() -> Id {
    Id::new(format!("d{}", random_hex())).unwrap_or_else(crate::new_alliance_id)
}

/// What a new alliance starts with, from the element's attributes: a kind of relationship, a
/// title.
pub type Preset = (Option<crate::core::RelationshipKind>, String);

/// A new, empty alliance.
fn blank() -> Alliance {
    Alliance::new(crate::new_alliance_id(), browser::now())
}

fn title_of(title: &str) -> String {
    match title.trim() {
        "" => text::UNTITLED.to_string(),
        t => t.to_string(),
    }
}

/// "at 14:02" when `at` is today, "on 2026-11-20 at 14:02" otherwise (local time).
fn when(at: Timestamp) -> String {
    let date = browser::local_date(at);
    let other_day = (date != browser::today()).then(|| date.to_string());
    t::when(other_day.as_deref(), &browser::local_time(at))
}

fn describe(e: &StorageError) -> String {
    match e {
        StorageError::Unavailable(_) => t::UNAVAILABLE.to_string(),
        StorageError::Full => t::FULL.to_string(),
        StorageError::Failed(m) => t::failed(m),
    }
}

fn detail(e: &StorageError) -> &str {
    match e {
        StorageError::Unavailable(m) | StorageError::Failed(m) => m,
        StorageError::Full => "storage is full",
    }
}

/// What start-up found, read before anything is written.
pub struct Start {
    inner: Inner,
    step: Step,
    state: State,
}

/// Reads the draft that was open last time in `namespace` (the browser's storage, or this
/// page's memory when storage cannot be used). Nothing is written to a draft before it has
/// been read and decoded; a draft that cannot be read is left as it is and reported.
pub fn start(namespace: &str, preset: Preset) -> (Alliance, Start) {
    let mut store = DraftStore::new(namespace, &format!("w{}", random_hex()), new_slot());
    let (web, problem) = match storage::local() {
        Ok(s) => (Some(s), None),
        Err(e) => (None, Some(e)),
    };
    let memory = web.is_none();
    // The alliance a person finds when there is no draft to resume starts with the preset.
    let mut alliance = blank();
    (alliance.relationship, alliance.title) = preset;
    let mut state = State {
        problem,
        ..State::default()
    };
    let mut step = STEPS[0];
    let mut opened = None;
    let mut read = |s: &mut dyn Storage| {
        // A draft already open in another widget on this page is not opened twice.
        let last = store.last_open(s).filter(|slot| {
            let key = store.key(slot.as_str());
            !PEERS.with(|p| {
                p.borrow()
                    .iter()
                    .any(|d| d.open_key().as_deref() == Some(&key))
            })
        });
        if let Some(slot) = last {
            opened = Some(store.open(s, &slot));
        }
    };
    match web {
        Some(mut w) => read(&mut w),
        None => MEMORY.with(|m| read(&mut *m.borrow_mut())),
    }
    match opened {
        Some(Ok(o)) => {
            alliance = o.alliance;
            step = Step::from_key(&o.step).unwrap_or(STEPS[0]);
            state.saved_at = Some(o.saved_at);
        }
        other => {
            if let Some(Err(OpenError::Unreadable { reason, raw })) = other {
                state.unreadable = Some((reason, raw));
            }
            store.start(new_slot(), Some(&alliance));
        }
    }
    let inner = Inner {
        store,
        memory,
        timer: None,
        asked_to_persist: false,
    };
    (alliance, Start { inner, step, state })
}

/// What the person sees of the drafts, in one signal (one signal type costs less code than
/// many, and every view below reads a small part of it).
#[derive(Default)]
struct State {
    /// Changes on screen not yet saved.
    pending: bool,
    saved_at: Option<Timestamp>,
    problem: Option<StorageError>,
    /// What another writer stored, while the person decides which version to keep.
    conflict: Option<String>,
    /// A draft found unreadable: why, and the value itself (for download).
    unreadable: Option<(String, String)>,
    dialog: bool,
    /// The draft being renamed in the list.
    renaming: Option<String>,
    /// The last deleted draft (slot, title, stored value), so it can be put back.
    deleted: Option<(String, String, String)>,
    confirm_forget: bool,
    /// The outcome of the last action in the dialog.
    message: Option<String>,
    /// Bumped when storage changed, to list the drafts again.
    version: u32,
}

/// What is not shown: the store and how saving is going.
struct Inner {
    store: DraftStore,
    /// Drafts live in this page's memory: the browser's storage could not be used.
    memory: bool,
    timer: Option<leptos::leptos_dom::helpers::TimeoutHandle>,
    asked_to_persist: bool,
}

/// Everything a button in the drafts UI can do. One enum, one click handler: far less code
/// than a closure per button.
enum Act {
    DownloadCopy,
    TryAgain,
    KeepMine,
    TakeTheirs,
    DownloadUnreadable,
    HideUnreadable,
    Open(String),
    Rename(String),
    SaveName(String),
    CancelRename(String),
    Duplicate(String),
    Delete(String, String),
    UndoDelete,
    DownloadStored(String),
    New,
    AskForget,
    Forget,
    KeepAll,
    Close,
}

/// The drafts of one widget. Copied freely; everything in it belongs to the widget's owner.
#[derive(Clone, Copy)]
pub struct Drafts {
    ctx: Ctx,
    s: Sig<State>,
    /// The draft store and timers: an `Rc<RefCell<Inner>>` in the owner's slab.
    inner: Local,
}

impl Drafts {
    /// Wires saving to `ctx`. Call once, under the widget's owner, after [`start`].
    pub fn new(ctx: Ctx, start: Start) -> Drafts {
        ctx.step.set(start.step);
        ctx.visited
            .set(STEPS.iter().take(start.step.index()).copied().collect());
        let d = Drafts {
            ctx,
            s: Sig::new(start.state),
            inner: keep_local(Rc::new(RefCell::new(start.inner))),
        };
        // Every change: save after a pause.
        on_change(
            Box::new(move || ctx.doc.track()),
            Box::new(move || d.changed()),
        );
        // A new step: save now (the step itself is saved, to resume there).
        on_change(
            Box::new(move || ctx.step.track()),
            Box::new(move || d.save_now()),
        );
        PEERS.with(|p| p.borrow_mut().push(d));
        // Unmounted (the element was taken off the page): what was typed is saved first.
        on_cleanup(move || {
            d.flush();
            PEERS.with(|p| p.borrow_mut().retain(|x| x.inner != d.inner));
        });
        if let Some(w) = web_sys::window() {
            listen(
                w.as_ref(),
                "storage",
                Box::new(move |ev| {
                    let key = ev
                        .dyn_ref::<web_sys::StorageEvent>()
                        .and_then(web_sys::StorageEvent::key);
                    d.elsewhere(key);
                }),
            );
            listen(w.as_ref(), "pagehide", Box::new(move |_| d.flush()));
            if let Some(doc) = w.document() {
                let hidden = doc.clone();
                listen(
                    doc.as_ref(),
                    "visibilitychange",
                    Box::new(move |_| {
                        if hidden.visibility_state() == web_sys::VisibilityState::Hidden {
                            d.flush();
                        }
                    }),
                );
            }
        }
        d
    }

    /// Changes the state (subscribers are notified once, when `f` returns).
    fn edit(self, f: &dyn Fn(&mut State)) {
        self.s.try_update(|s| f(s));
    }

    fn pending(self) -> bool {
        self.s.with_untracked(|s| s.pending)
    }

    /// Runs `f` on the store and timers; `None` once the widget is gone (or while they are in
    /// use further up the stack).
    fn inner<T>(self, f: impl FnOnce(&mut Inner) -> T) -> Option<T> {
        with_local_mut(self.inner, f)
    }

    fn is_disposed(self) -> bool {
        local::<RefCell<Inner>>(self.inner).is_none()
    }

    fn memory(self) -> bool {
        self.inner(|i| i.memory).unwrap_or(false)
    }

    fn is_open(self, slot: &str) -> bool {
        self.inner(|i| i.store.slot().as_str() == slot)
            .unwrap_or(false)
    }

    /// The storage key of the open draft.
    fn open_key(&self) -> Option<String> {
        self.inner(|i| i.store.key(i.store.slot().as_str()))
    }

    /// Runs `f` with the storage drafts live in now. In memory, probes the browser's storage
    /// first and moves back there when it works again.
    fn run(self, f: &mut dyn FnMut(&mut dyn Storage, &mut DraftStore)) {
        self.inner(|inner| Self::run_with(inner, f));
    }

    fn run_with(inner: &mut Inner, f: &mut dyn FnMut(&mut dyn Storage, &mut DraftStore)) {
        let web = storage::local();
        if inner.memory {
            if let Ok(mut w) = web {
                // Storage works again: copy this page's drafts there (never over a stored one).
                let moved = MEMORY.with(|m| {
                    let m = m.borrow();
                    m.keys()
                        .unwrap_or_default()
                        .into_iter()
                        .filter(|k| inner.store.is_ours(k))
                        .try_for_each(|k| match (w.get(&k)?, m.get(&k)?) {
                            (None, Some(v)) => w.set(&k, &v),
                            _ => Ok(()),
                        })
                });
                if moved.is_ok() {
                    inner.memory = false;
                    f(&mut w, &mut inner.store);
                    return;
                }
            }
            MEMORY.with(|m| f(&mut *m.borrow_mut(), &mut inner.store));
            return;
        }
        match web {
            Ok(mut w) => f(&mut w, &mut inner.store),
            // Storage went away: every call fails with the reason, and nothing is lost.
            Err(e) => {
                let mut failing = MemoryStorage::default();
                failing.failure = Some(e);
                f(&mut failing, &mut inner.store);
            }
        }
    }

    fn clear_timer(self) {
        if let Some(h) = self.inner(|i| i.timer.take()).flatten() {
            h.clear();
        }
    }

    /// Something changed on screen: save after a pause.
    fn changed(self) {
        if !self.pending() {
            self.edit(&|s| s.pending = true);
        }
        self.clear_timer();
        let timer = leptos::leptos_dom::helpers::set_timeout_with_handle(
            move || self.flush(),
            std::time::Duration::from_millis(DEBOUNCE_MS),
        );
        self.inner(|i| i.timer = timer.ok());
    }

    fn save_now(self) {
        self.edit(&|s| s.pending = true);
        self.flush();
    }

    /// Saves now, if anything changed.
    pub fn flush(self) {
        if self.is_disposed() {
            return;
        }
        self.clear_timer();
        let paused = self
            .s
            .try_with_untracked(|s| !s.pending || s.conflict.is_some())
            .unwrap_or(true);
        if paused {
            return;
        }
        let ctx = self.ctx;
        let step = ctx.step.get_untracked().key();
        let now = browser::now();
        let mut result = Ok(Saved::Unchanged);
        self.run(&mut |s, store| {
            // A widget that is gone has nothing left to save.
            result = ctx
                .doc
                .try_with_untracked(|d| {
                    let progress = d.report.percent_complete();
                    store.save(s, d.editor.alliance(), step, progress, now)
                })
                .unwrap_or(Ok(Saved::Unchanged));
        });
        // Saved in memory is not saved in the browser: the problem stays until then.
        let memory = self.memory();
        let written = result == Ok(Saved::Written);
        self.s.try_update(|s| match result {
            Ok(_) => {
                s.pending = false;
                if !memory {
                    s.problem = None;
                }
                if written {
                    s.saved_at = Some(now);
                }
            }
            Err(SaveError::Conflict(theirs)) => s.conflict = Some(theirs),
            Err(SaveError::Storage(e)) => s.problem = Some(e),
        });
        if written {
            if !memory {
                ctx.tell("da-draft-saved", &format!(r#"{{"savedAt":"{now}"}}"#));
            }
            self.tell_peers();
            let ask = self
                .inner(|i| {
                    let first = !i.memory && !i.asked_to_persist;
                    i.asked_to_persist = true;
                    first
                })
                .unwrap_or(false);
            if ask {
                storage::ask_to_persist();
            }
        }
    }

    /// Tells the other widgets on this page that the open draft was written.
    fn tell_peers(self) {
        let key = self.open_key();
        let others: Vec<Drafts> = PEERS.with(|p| {
            p.borrow()
                .iter()
                .filter(|x| x.inner != self.inner)
                .copied()
                .collect()
        });
        for other in others {
            other.elsewhere(key.clone());
        }
    }

    /// Someone else wrote `key` (`None`: storage was cleared).
    fn elsewhere(self, key: Option<String>) {
        if self.is_disposed() || (key.is_some() && key != self.open_key()) {
            return;
        }
        let mut found = Check::Same;
        self.run(&mut |s, store| found = store.check(s));
        match found {
            Check::Changed(theirs) => {
                let known = self
                    .s
                    .with_untracked(|s| s.conflict.as_ref() == Some(&theirs));
                if !known {
                    self.s.try_update(|s| s.conflict = Some(theirs));
                }
            }
            // Cleared elsewhere while the text is on screen: save it again.
            Check::Gone => self.save_now(),
            Check::Same => {}
        }
    }

    /// Shows `alliance` as the open draft, at `step`, with a fresh undo history.
    fn show(self, alliance: Alliance, step: Step, saved_at: Option<Timestamp>) {
        let ctx = self.ctx;
        self.edit(&|s| {
            s.pending = false;
            s.conflict = None;
            s.saved_at = saved_at;
        });
        ctx.replace_editor(Editor::new(alliance));
        ctx.visited
            .set(STEPS.iter().take(step.index()).copied().collect());
        ctx.step.set(step);
        ctx.focus_later(ctx.id("step-heading"));
    }

    /// Starts `slot` as the open draft, showing `alliance`.
    fn begin(self, alliance: Alliance, step: Step, pristine: bool) {
        self.inner(|i| i.store.start(new_slot(), pristine.then_some(&alliance)));
        self.show(alliance, step, None);
    }

    /// Opens `alliance` (an imported file) as a new draft, stored at once. The draft that was
    /// open stays in the list.
    pub fn open_new(self, alliance: Alliance, step: Step) {
        self.flush();
        self.begin(alliance, step, false);
        self.save_now();
    }

    /// Starts a new, empty alliance as a new draft. The one that was open stays in the list.
    pub fn start_new(self) {
        self.flush();
        self.edit(&|s| s.dialog = false);
        self.begin(blank(), STEPS[0], true);
        self.ctx.announce(t::NEW_STARTED);
    }

    /// Reports the outcome of an action in the dialog, and lists the drafts again.
    fn done(self, m: String) {
        self.ctx.announce(m.clone());
        self.edit(&|s| {
            s.message = Some(m.clone());
            s.version += 1;
        });
    }

    fn failed(self, detail: &str) {
        self.done(t::action_failed(detail));
    }

    fn focus(self, slot: &str, what: &str) {
        self.ctx
            .focus_later(self.ctx.id(&format!("draft-{slot}-{what}")));
    }

    /// Does what a button asks.
    fn act(self, a: &Act) {
        let ctx = self.ctx;
        let now = browser::now();
        let slot_id = |slot: &str| Id::new(slot).ok_or_else(|| t::BAD_KEY.to_string());
        match a {
            Act::DownloadCopy => super::exports::download_json(ctx),
            Act::TryAgain => {
                self.save_now();
                let failed = self
                    .s
                    .try_with_untracked(|s| s.problem.is_some())
                    .unwrap_or(true);
                ctx.announce(if failed {
                    t::NOT_SAVED.to_string()
                } else {
                    t::saved(&when(now))
                });
            }
            Act::KeepMine => {
                let theirs = self.s.try_update(|s| s.conflict.take()).flatten();
                if let Some(theirs) = theirs {
                    self.inner(|i| i.store.keep_mine(theirs));
                }
                self.save_now();
                ctx.announce(t::KEPT_MINE);
                ctx.focus_later(ctx.id("step-heading"));
            }
            Act::TakeTheirs => {
                let theirs = self.s.with_untracked(|s| s.conflict.clone());
                let opened = theirs.and_then(|theirs| self.inner(|i| i.store.take_theirs(&theirs)));
                match opened {
                    Some(Ok(o)) => {
                        self.edit(&|s| {
                            s.conflict = None;
                            s.pending = false;
                            s.saved_at = Some(o.saved_at);
                        });
                        // Undoable, like any other change.
                        ctx.apply(Action::Replace(Box::new(o.alliance)));
                        ctx.announce(t::LOADED_OTHER);
                        ctx.focus_later(ctx.id("step-heading"));
                    }
                    // Theirs cannot be read (a newer version of the widget, say): the conflict
                    // stays, so nothing is written over it unless the person keeps theirs on
                    // screen on purpose, and theirs can be downloaded.
                    Some(Err(OpenError::Unreadable { reason, raw })) => {
                        self.s.try_update(|s| s.unreadable = Some((reason, raw)));
                    }
                    _ => {}
                }
            }
            Act::DownloadUnreadable => {
                let raw = self
                    .s
                    .with_untracked(|s| s.unreadable.as_ref().map(|u| u.1.clone()));
                download_raw(ctx, raw);
            }
            Act::HideUnreadable => {
                self.edit(&|s| s.unreadable = None);
                ctx.focus_later(ctx.id("step-heading"));
            }
            Act::Open(slot) => {
                self.flush();
                let mut opened = Err(String::new());
                if let Ok(id) = slot_id(slot) {
                    self.run(&mut |s, store| {
                        opened = store.open(s, &id).map_err(|e| open_error(&e));
                    });
                }
                match opened {
                    Ok(o) => {
                        let title = title_of(&o.alliance.title);
                        self.edit(&|s| s.dialog = false);
                        let step = Step::from_key(&o.step).unwrap_or(STEPS[0]);
                        self.show(o.alliance, step, Some(o.saved_at));
                        ctx.announce(t::opened(&title));
                    }
                    Err(e) => self.failed(&e),
                }
            }
            Act::Rename(slot) => {
                self.edit(&|s| {
                    s.message = None;
                    s.renaming = Some(slot.clone());
                });
                ctx.focus_later(ctx.id("draft-rename"));
            }
            Act::CancelRename(slot) => {
                self.edit(&|s| s.renaming = None);
                self.focus(slot, "rename");
            }
            Act::SaveName(slot) => {
                let title = ctx
                    .root_element()
                    .and_then(|r| {
                        r.query_selector(&format!("#{}", ctx.id("draft-rename")))
                            .ok()
                    })
                    .flatten()
                    .and_then(|n| n.dyn_into::<web_sys::HtmlInputElement>().ok())
                    .map(|i| i.value().trim().to_string())
                    .unwrap_or_default();
                self.edit(&|s| s.renaming = None);
                if self.is_open(slot) {
                    ctx.apply(Action::SetText(TextField::Title, title));
                    self.save_now();
                    self.done(t::RENAMED.to_string());
                } else {
                    let mut result = Err(String::new());
                    if let Ok(id) = slot_id(slot) {
                        self.run(&mut |s, store| {
                            result = store
                                .rename(s, &id, &title, now)
                                .map_err(|e| open_error(&e));
                        });
                    }
                    match result {
                        Ok(()) => self.done(t::RENAMED.to_string()),
                        Err(e) => self.failed(&e),
                    }
                }
                self.focus(slot, "rename");
            }
            Act::Duplicate(slot) => {
                self.flush();
                let copy = new_slot();
                let mut result = Err(String::new());
                let Some(alliance) = ctx.try_with_untracked(Clone::clone) else {
                    return;
                };
                let current = (alliance, ctx.step.get_untracked().key().to_string());
                if let Ok(id) = slot_id(slot) {
                    self.run(&mut |s, store| {
                        let found = if store.slot() == &id {
                            Ok(current.clone())
                        } else {
                            store.peek(s, &id)
                        };
                        result = found.map_err(|e| open_error(&e)).and_then(|(mut a, step)| {
                            let title = title_of(&a.title);
                            a.id = crate::new_alliance_id();
                            a.title = t::copy_of(&title);
                            let progress =
                                crate::core::validate(&a, browser::today()).percent_complete();
                            store
                                .store_new(s, &copy, &a, &step, progress, now)
                                .map(|()| title)
                                .map_err(|e| detail(&e).to_string())
                        });
                    });
                }
                match result {
                    Ok(title) => {
                        self.done(t::duplicated(&title));
                        self.focus(copy.as_str(), "open");
                    }
                    Err(e) => self.failed(&e),
                }
            }
            Act::Delete(slot, title) => {
                let was_open = self.is_open(slot);
                if was_open {
                    self.clear_timer();
                }
                let mut result = Ok(None);
                self.run(&mut |s, store| result = store.delete(s, slot));
                match result {
                    Ok(raw) => {
                        if was_open {
                            // A new, empty draft takes its place on screen.
                            self.begin(blank(), STEPS[0], true);
                        }
                        self.edit(&|s| {
                            s.deleted = raw.clone().map(|r| (slot.clone(), title.clone(), r))
                        });
                        self.done(t::deleted(title));
                        ctx.focus_later(ctx.id("drafts-undo"));
                    }
                    Err(e) => self.failed(detail(&e)),
                }
            }
            Act::UndoDelete => {
                let deleted = self.s.with_untracked(|s| s.deleted.clone());
                if let Some((slot, _, raw)) = deleted {
                    let mut result = Ok(());
                    self.run(&mut |s, store| result = store.restore(s, &slot, &raw));
                    match result {
                        Ok(()) => {
                            self.edit(&|s| s.deleted = None);
                            self.done(t::RESTORED.to_string());
                            self.focus(&slot, "open");
                        }
                        Err(e) => self.failed(detail(&e)),
                    }
                }
            }
            Act::DownloadStored(slot) => {
                let mut raw = None;
                self.run(&mut |s, store| raw = s.get(&store.key(slot)).ok().flatten());
                download_raw(ctx, raw);
            }
            Act::New => self.start_new(),
            Act::AskForget => {
                self.edit(&|s| s.confirm_forget = true);
                ctx.focus_later(ctx.id("forget-no"));
            }
            Act::KeepAll => {
                self.edit(&|s| s.confirm_forget = false);
                ctx.focus_later(ctx.id("forget"));
            }
            Act::Forget => {
                self.clear_timer();
                let mut result = Ok(0);
                self.run(&mut |s, store| result = store.forget(s));
                self.edit(&|s| s.confirm_forget = false);
                match result {
                    Ok(_) => {
                        self.edit(&|s| {
                            s.deleted = None;
                            s.unreadable = None;
                        });
                        self.begin(blank(), STEPS[0], true);
                        self.done(t::FORGOTTEN.to_string());
                    }
                    Err(e) => self.failed(detail(&e)),
                }
            }
            Act::Close => self.edit(&|s| s.dialog = false),
        }
    }

    /// Opens the drafts dialog, listing them afresh.
    fn open_dialog(self) {
        self.flush();
        self.edit(&|s| {
            s.message = None;
            s.renaming = None;
            s.confirm_forget = false;
            s.version += 1;
            s.dialog = true;
        });
    }
}

fn open_error(e: &OpenError) -> String {
    match e {
        OpenError::Missing => t::GONE.to_string(),
        OpenError::Unreadable { reason, .. } => reason.clone(),
        OpenError::Storage(e) => detail(e).to_string(),
    }
}

/// A listener on a window or document, removed when dropped.
struct Listener {
    target: web_sys::EventTarget,
    event: &'static str,
    closure: Closure<dyn Fn(web_sys::Event)>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self
            .target
            .remove_event_listener_with_callback(self.event, self.closure.as_ref().unchecked_ref());
    }
}

/// Listens on a window or document until the widget's owner is cleaned up.
fn listen(target: &web_sys::EventTarget, event: &'static str, f: Box<dyn Fn(web_sys::Event)>) {
    let closure = Closure::wrap(f);
    if target
        .add_event_listener_with_callback(event, closure.as_ref().unchecked_ref())
        .is_ok()
    {
        super::dom::keep_local(std::rc::Rc::new(Listener {
            target: target.clone(),
            event,
            closure,
        }));
    }
}

fn download_raw(ctx: Ctx, raw: Option<String>) {
    if let Some(raw) = raw {
        match browser::download(t::UNREADABLE_FILE, "application/json", &raw) {
            Ok(()) => ctx.announce(tu::DOWNLOADED),
            Err(e) => ctx.announce(tu::download_failed(&e)),
        }
    }
}

/// A button that does `a`. `label` is what it says; `name`, when given, what it is called
/// for assistive technology (to tell apart the buttons of several drafts).
fn button(
    d: Drafts,
    label: &str,
    class: &str,
    a: Act,
    name: Option<String>,
    id: Option<String>,
) -> El {
    let mut b = el("button").attr("type", "button").class(class).text(label);
    if let Some(name) = name {
        b = b.attr("aria-label", &name);
    }
    if let Some(id) = id {
        b = b.id(&id);
    }
    b.on_click(move || d.act(&a))
}

/// The save status beside the title, announced politely.
pub fn save_status(d: Drafts) -> El {
    el("p")
        .class("da-save-status")
        .attr("role", "status")
        .text_dyn(move || d.s.with(status_text))
}

/// What the save status says about `s`.
fn status_text(s: &State) -> String {
    if s.conflict.is_some() {
        t::CONFLICT_STATUS.to_string()
    } else if s.problem.is_some() {
        t::NOT_SAVED.to_string()
    } else if s.pending {
        t::SAVING.to_string()
    } else if let Some(at) = s.saved_at {
        t::saved(&when(at))
    } else {
        t::SAVED_AS_YOU_TYPE.to_string()
    }
}

/// What went wrong with saving, another writer's changes, or an unreadable draft: each with
/// what the person can do about it.
pub fn notices(d: Drafts) -> El {
    el("div").class("da-no-print").content_dyn(
        // What the notices say: saving's problem, a conflict, why a draft is unreadable.
        move || {
            d.s.try_with(|s| {
                (
                    s.problem.as_ref().map(describe),
                    s.conflict.is_some(),
                    s.unreadable.as_ref().map(|u| t::unreadable(&u.0)),
                )
            })
        },
        move |key| {
            let Some((problem, conflict, unreadable)) = key else {
                return Vec::new();
            };
            let mut v = Vec::new();
            if let Some(text) = problem {
                v.push(notice(
                    d,
                    Some(t::NOT_SAVED),
                    &text,
                    [
                        (t::DOWNLOAD_COPY, Act::DownloadCopy),
                        (t::TRY_AGAIN, Act::TryAgain),
                    ],
                ));
            }
            if conflict {
                v.push(notice(
                    d,
                    None,
                    t::CONFLICT,
                    [
                        (t::KEEP_MINE, Act::KeepMine),
                        (t::LOAD_OTHER, Act::TakeTheirs),
                    ],
                ));
            }
            if let Some(text) = unreadable {
                v.push(notice(
                    d,
                    None,
                    &text,
                    [
                        (t::DOWNLOAD_UNREADABLE, Act::DownloadUnreadable),
                        (tu::CLOSE, Act::HideUnreadable),
                    ],
                ));
            }
            v
        },
    )
}

/// A notice: what happened and the two things the person can do about it (the first is the
/// main one).
fn notice(d: Drafts, title: Option<&str>, text: &str, buttons: [(&'static str, Act); 2]) -> El {
    let [(first, a), (second, b)] = buttons;
    el("div")
        .class("da-notice da-notice-warning")
        .attr("role", "alert")
        .child_opt(title.map(|title| el("p").child(el("strong").text(title))))
        .child(el("p").text(text))
        .child(
            el("div")
                .class("da-notice-buttons")
                .child(button(
                    d,
                    first,
                    "da-button da-button-primary",
                    a,
                    None,
                    None,
                ))
                .child(button(d, second, "da-button", b, None, None)),
        )
}

/// The "My drafts" button for the toolbar.
pub fn drafts_button(d: Drafts) -> El {
    el("button")
        .attr("type", "button")
        .class("da-button da-button-quiet")
        .attr("aria-haspopup", "dialog")
        .text(t::MY_DRAFTS)
        .on_click(move || d.open_dialog())
}

/// One entry of the list, as shown.
#[derive(Clone, PartialEq)]
struct Row {
    slot: String,
    title: String,
    /// The title as stored (for renaming), or `None` for a value that cannot be read.
    stored_title: Option<String>,
    details: String,
    open_now: bool,
    renaming: bool,
}

/// Everything the dialog shows, computed from the state and storage.
#[derive(Clone, PartialEq)]
struct Listing {
    memory: bool,
    message: Option<String>,
    undo: bool,
    rows: Result<Vec<Row>, String>,
    confirm_forget: bool,
}

fn listing(d: Drafts) -> Listing {
    // Read so that the listing follows storage changes made by the dialog (`version`).
    let (message, undo, renaming, confirm_forget) = d.s.with(|s| {
        let _ = s.version;
        (
            s.message.clone(),
            s.deleted.is_some(),
            s.renaming.clone(),
            s.confirm_forget,
        )
    });
    let mut rows = Err(String::new());
    d.run(&mut |s, store| {
        rows = store
            .list(s)
            .map(|list| {
                list.into_iter()
                    .map(|entry| match entry {
                        Listed::Draft(info) => {
                            let slot = info.slot.to_string();
                            let mut details = String::new();
                            if let Some(kind) = info.relationship {
                                details.push_str(text::relationship_label(kind));
                                details.push_str(" \u{b7} ");
                            }
                            details.push_str(&t::last_saved(&when(info.saved_at)));
                            details.push_str(" \u{b7} ");
                            details.push_str(&tu::progress_label(info.progress));
                            Row {
                                open_now: store.slot().as_str() == slot,
                                renaming: renaming.as_deref() == Some(slot.as_str()),
                                title: title_of(&info.title),
                                stored_title: Some(info.title),
                                details,
                                slot,
                            }
                        }
                        Listed::Unreadable { slot, reason } => Row {
                            slot,
                            title: t::UNREADABLE_ITEM.to_string(),
                            stored_title: None,
                            details: reason,
                            open_now: false,
                            renaming: false,
                        },
                    })
                    .collect()
            })
            .map_err(|e| t::list_failed(detail(&e)));
    });
    Listing {
        memory: d.memory(),
        message,
        undo,
        rows,
        confirm_forget,
    }
}

fn row_view(d: Drafts, r: Row) -> El {
    let ctx = d.ctx;
    let heading = ctx.id(&format!("draft-{}-title", r.slot));
    let item = el("li")
        .class("da-draft")
        .attr("aria-labelledby", &heading)
        .child(
            el("p")
                .class("da-draft-title")
                .id(&heading)
                .text(&r.title)
                .child_opt(
                    r.open_now
                        .then(|| el("span").class("da-badge").text(t::OPEN_NOW)),
                ),
        )
        .child(el("p").class("da-draft-meta").text(&r.details));
    // Each button names its draft for assistive technology ("Delete “Team charter”").
    let title = r.title.clone();
    let row_button = move |label: &'static str, class: &str, a: Act, id: Option<String>| {
        button(d, label, class, a, Some(t::action_label(label, &title)), id)
    };
    let id = |what: &str| Some(ctx.id(&format!("draft-{}-{what}", r.slot)));
    let mut buttons = el("div").class("da-draft-buttons");
    let Some(stored_title) = r.stored_title else {
        // A value that cannot be read: it can be downloaded or removed, nothing else.
        return item.child(
            buttons
                .child(row_button(
                    t::DOWNLOAD,
                    "da-button",
                    Act::DownloadStored(r.slot.clone()),
                    None,
                ))
                .child(row_button(
                    t::DELETE,
                    "da-button da-button-danger",
                    Act::Delete(r.slot, r.title.clone()),
                    None,
                )),
        );
    };
    if r.renaming {
        let slot = r.slot.clone();
        let input = el("input")
            .id(&ctx.id("draft-rename"))
            .attr("type", "text")
            .attr("value", stored_title.trim())
            .attr("aria-label", &t::new_name_for(&r.title))
            .on("keydown", move |ev| {
                if let Some(k) = ev.dyn_ref::<web_sys::KeyboardEvent>() {
                    let a = match k.key().as_str() {
                        "Enter" => Act::SaveName(slot.clone()),
                        // Closes the rename box, not the dialog.
                        "Escape" => Act::CancelRename(slot.clone()),
                        _ => return,
                    };
                    k.prevent_default();
                    k.stop_propagation();
                    d.act(&a);
                }
            });
        return item.child(
            el("div")
                .class("da-draft-rename")
                .child(input)
                .child(button(
                    d,
                    t::SAVE_NAME,
                    "da-button da-button-primary",
                    Act::SaveName(r.slot.clone()),
                    None,
                    None,
                ))
                .child(button(
                    d,
                    t::CANCEL,
                    "da-button",
                    Act::CancelRename(r.slot),
                    None,
                    None,
                )),
        );
    }
    if !r.open_now {
        buttons = buttons.child(row_button(
            t::OPEN,
            "da-button da-button-primary",
            Act::Open(r.slot.clone()),
            id("open"),
        ));
    }
    item.child(
        buttons
            .child(row_button(
                t::RENAME,
                "da-button",
                Act::Rename(r.slot.clone()),
                id("rename"),
            ))
            .child(row_button(
                t::DUPLICATE,
                "da-button",
                Act::Duplicate(r.slot.clone()),
                None,
            ))
            .child(row_button(
                t::DELETE,
                "da-button da-button-danger",
                Act::Delete(r.slot, r.title.clone()),
                None,
            )),
    )
}

/// The "My drafts" dialog.
pub fn drafts_dialog(d: Drafts) -> El {
    let ctx = d.ctx;
    let heading = ctx.id("drafts-heading");
    let open = derived(move || d.s.with(|s| s.dialog));
    let h = heading.clone();
    modal(
        open,
        move || d.act(&Act::Close),
        &heading,
        move || {
            vec![
                el("h2")
                    .class("da-dialog-heading")
                    .id(&h)
                    .text(t::MY_DRAFTS),
                el("p").class("da-hint").text(t::NOTE),
                el("div").content_dyn(
                    move || listing(d),
                    move |l| {
                        let mut kids = Vec::new();
                        if l.memory {
                            kids.push(
                                el("p")
                                    .class("da-notice da-notice-warning")
                                    .text(t::MEMORY_NOTE),
                            );
                        }
                        if let Some(m) = l.message {
                            kids.push(
                                el("div")
                                    .class("da-notice da-notice-success")
                                    .child(el("p").text(&m))
                                    .child_opt(l.undo.then(|| {
                                        button(
                                            d,
                                            t::UNDO_DELETE,
                                            "da-button",
                                            Act::UndoDelete,
                                            None,
                                            Some(ctx.id("drafts-undo")),
                                        )
                                    })),
                            );
                        }
                        kids.push(match l.rows {
                            Ok(rows) if rows.is_empty() => el("p").text(t::NONE_YET),
                            Ok(rows) => el("ul")
                                .class("da-drafts")
                                .children(rows.into_iter().map(|r| row_view(d, r))),
                            Err(e) => el("p").class("da-notice da-notice-error").text(&e),
                        });
                        if l.confirm_forget {
                            kids.push(
                                el("div")
                                    .class("da-notice da-notice-warning")
                                    .attr("role", "alert")
                                    .child(el("p").text(t::FORGET_QUESTION))
                                    .child(
                                        el("div")
                                            .class("da-notice-buttons")
                                            .child(button(
                                                d,
                                                t::FORGET_YES,
                                                "da-button da-button-danger",
                                                Act::Forget,
                                                None,
                                                None,
                                            ))
                                            .child(button(
                                                d,
                                                t::FORGET_NO,
                                                "da-button",
                                                Act::KeepAll,
                                                None,
                                                Some(ctx.id("forget-no")),
                                            )),
                                    ),
                            );
                        }
                        kids
                    },
                ),
                el("div")
                    .class("da-dialog-buttons")
                    .child(button(
                        d,
                        t::NEW_DRAFT,
                        "da-button da-button-primary",
                        Act::New,
                        None,
                        None,
                    ))
                    .child(button(
                        d,
                        t::FORGET,
                        "da-button da-button-danger",
                        Act::AskForget,
                        None,
                        Some(ctx.id("forget")),
                    ))
                    .child(button(d, tu::CLOSE, "da-button", Act::Close, None, None)),
            ]
        },
    )
}
