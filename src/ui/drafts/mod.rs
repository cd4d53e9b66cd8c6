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

mod actions;
mod desk;
mod view;

pub use view::{fetch_drafts, DraftsButton, DraftsDialog, Notices, SaveStatus};

use super::browser;
use super::ctx::{Ctx, Page, Step, Way};
use super::storage;
use crate::core::drafts::{
    Check, Draft, DraftStore, Here, MemoryStorage, OpenError, Reason, SaveError, Saved, Storage,
    StorageError,
};
use crate::core::text::{self, drafts as t};
use crate::core::{Alliance, Editor, Id, Timestamp};
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;
use std::cell::RefCell;

mod start;
pub use start::*;

/// How long after the last change a draft is saved.
pub const DEBOUNCE_MS: u64 = 400;

thread_local! {
    /// Drafts of this page when the browser's storage cannot be used.
    static MEMORY: RefCell<MemoryStorage> = RefCell::new(MemoryStorage::default());
    /// Every widget on this page, so a save by one reaches the others.
    static PEERS: RefCell<Vec<Drafts>> = const { RefCell::new(Vec::new()) };
}

/// What a new alliance starts with, from the element's attributes: a kind of relationship, a
/// title.
pub type Preset = (Option<crate::core::RelationshipKind>, String);

fn title_of(title: &str) -> String {
    match title.trim() {
        "" => text::untitled().to_string(),
        t => t.to_string(),
    }
}

/// "at 14:02" when `at` is today, "on 2026-11-20 at 14:02" otherwise (local time).
fn when(at: Timestamp) -> String {
    let date = browser::local_date(at);
    let other_day =
        (date != browser::today()).then(|| crate::core::Dates::date(&browser::Local, date));
    t::when(other_day.as_deref(), &browser::local_time(at))
}

fn describe(e: &StorageError) -> String {
    match e {
        StorageError::Unavailable(_) => t::unavailable().to_string(),
        StorageError::Full => t::full().to_string(),
        StorageError::Failed(m) => t::failed(m),
    }
}

fn detail(e: &StorageError) -> &str {
    match e {
        StorageError::Unavailable(m) | StorageError::Failed(m) => m,
        StorageError::Full => "storage is full",
    }
}

/// What the person sees of the drafts.
#[derive(Default)]
struct State {
    /// Changes on screen not yet saved.
    pending: bool,
    saved_at: Option<Timestamp>,
    problem: Option<StorageError>,
    /// What another writer stored, while the person decides which version to keep.
    conflict: Option<String>,
    /// A draft found unreadable: why, and the value itself (for download).
    unreadable: Option<(Reason, String)>,
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
    timer: Option<TimeoutHandle>,
    asked_to_persist: bool,
}

/// The drafts of one widget (through `provide_context`). Copied freely: it holds handles
/// owned by the widget's root.
#[derive(Clone, Copy)]
pub struct Drafts {
    page: Page,
    ctx: Ctx,
    way: Way,
    s: RwSignal<State>,
    /// The new name typed while renaming a draft in the list.
    rename: RwSignal<String>,
    inner: StoredValue<Inner>,
}

/// The drafts of the widget, from the component that provides them.
pub fn use_drafts() -> Drafts {
    expect_context::<Drafts>()
}

/// Listens on the window (events of the document reach it too) for as long as the current
/// owner lives.
pub(crate) fn listen<E>(event: E, f: impl Fn(E::EventType) + 'static)
where
    E: leptos::ev::EventDescriptor + 'static,
    E::EventType: wasm_bindgen::JsCast,
{
    let handle = window_event_listener(event, f);
    on_cleanup(move || handle.remove());
}

/// Asks the browser to confirm leaving the page (its own leave-page prompt).
fn ask_before_leaving(ev: &web_sys::Event) {
    ev.prevent_default();
    // Older browsers show the prompt only when `returnValue` is set.
    let _ = js_sys::Reflect::set(
        ev,
        &wasm_bindgen::JsValue::from_str("returnValue"),
        &wasm_bindgen::JsValue::from_str(""),
    );
}

impl Drafts {
    /// Wires saving to `ctx`. Call once, under the widget's root owner, after [`start`]: the
    /// flush on unmount runs before that owner's signals go.
    pub fn new(page: Page, ctx: Ctx, way: Way, start: Start) -> Drafts {
        way.step.set(start.step);
        ctx.here.set(start.here);
        way.visited
            .set(way.route.with_untracked(|r| r.before(start.step)));
        let d = Drafts {
            page,
            ctx,
            way,
            s: RwSignal::new(start.state),
            rename: RwSignal::new(String::new()),
            inner: StoredValue::new(start.inner),
        };
        // Every change: save after a pause. (The first run only subscribes.)
        Effect::watch(
            move || ctx.track_changes(),
            move |_, _, _| d.changed(),
            false,
        );
        // What this browser keeps with the draft ("me", versions exchanged): saved the same way.
        Effect::watch(move || ctx.here.track(), move |_, _, _| d.changed(), false);
        // A new step: save now (the step itself is saved, to resume there).
        Effect::watch(move || way.step.get(), move |_, _, _| d.save_now(), false);
        PEERS.with(|p| p.borrow_mut().push(d));
        // Unmounted (the element was taken off the page): what was typed is saved first.
        on_cleanup(move || {
            d.flush();
            PEERS.with(|p| p.borrow_mut().retain(|x| x.inner != d.inner));
        });
        listen(leptos::ev::storage, move |ev| d.elsewhere(ev.key()));
        listen(leptos::ev::pagehide, move |_| d.flush());
        // The document's `visibilitychange` bubbles to the window.
        listen(leptos::ev::visibilitychange, move |_| {
            let hidden = web_sys::window()
                .and_then(|w| w.document())
                .is_some_and(|doc| doc.visibility_state() == web_sys::VisibilityState::Hidden);
            if hidden {
                d.flush();
            }
        });
        // Leaving asks first only while something on screen is not saved in this browser;
        // otherwise no listener at all (it would keep the page out of the back-forward cache).
        let guard = StoredValue::new(None::<WindowListenerHandle>);
        Effect::new(move |_| {
            let at_risk = d.s.with(|s| s.problem.is_some() || s.conflict.is_some());
            if at_risk == guard.with_value(Option::is_some) {
                return;
            }
            if let Some(old) = guard.try_update_value(Option::take).flatten() {
                old.remove();
            }
            if at_risk {
                guard.set_value(Some(window_event_listener(
                    leptos::ev::beforeunload,
                    move |ev| {
                        d.flush();
                        if d.unsaved() {
                            ask_before_leaving(&ev);
                        }
                    },
                )));
            }
        });
        on_cleanup(move || {
            if let Some(old) = guard.try_update_value(Option::take).flatten() {
                old.remove();
            }
        });
        d
    }

    fn edit(self, f: impl FnOnce(&mut State)) {
        self.s.try_update(f);
    }

    /// Whether closing the page now would lose text: saving failed, or waits for the person to
    /// settle a conflict, and there is something on screen to lose.
    pub fn unsaved(self) -> bool {
        let at_risk = self
            .s
            .try_with_untracked(|s| s.problem.is_some() || s.conflict.is_some())
            .unwrap_or(false);
        at_risk && self.has_work()
    }

    fn pending(self) -> bool {
        self.s.try_with_untracked(|s| s.pending).unwrap_or(false)
    }

    /// Runs `f` on the store and timers; `None` once the widget is gone.
    fn inner<T>(self, f: impl FnOnce(&mut Inner) -> T) -> Option<T> {
        self.inner.try_update_value(f)
    }

    fn is_disposed(self) -> bool {
        self.inner.is_disposed()
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
            self.edit(|s| s.pending = true);
        }
        self.clear_timer();
        let timer = leptos::leptos_dom::helpers::set_timeout_with_handle(
            move || self.flush(),
            std::time::Duration::from_millis(DEBOUNCE_MS),
        );
        self.inner(|i| i.timer = timer.ok());
    }

    fn save_now(self) {
        self.edit(|s| s.pending = true);
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
        let (page, ctx, way) = (self.page, self.ctx, self.way);
        let Some(step) = way.step.try_get_untracked() else {
            return;
        };
        let now = browser::now();
        let mut result = Ok(Saved::Unchanged);
        self.run(&mut |s, store| {
            // A widget that is gone has nothing left to save.
            let here = ctx.here.try_get_untracked().unwrap_or_default();
            result = ctx
                .try_with_doc_untracked(|alliance, report| {
                    let progress = report.percent_complete();
                    let draft = Draft {
                        alliance,
                        here: &here,
                        step: step.key(),
                        progress,
                    };
                    store.save(s, draft, now)
                })
                .unwrap_or(Ok(Saved::Unchanged));
        });
        // Saved in memory is not saved in the browser: the problem stays until then.
        let memory = self.memory();
        let written = result == Ok(Saved::Written);
        self.edit(|s| match result {
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
                page.tell("da-draft-saved", &format!(r#"{{"savedAt":"{now}"}}"#));
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
                    .try_with_untracked(|s| s.conflict.as_ref() == Some(&theirs))
                    .unwrap_or(true);
                if !known {
                    self.edit(|s| s.conflict = Some(theirs));
                }
            }
            // Cleared elsewhere while the text is on screen: save it again.
            Check::Gone => self.save_now(),
            Check::Same => {}
        }
    }

    /// Shows `alliance` as the open draft, with what this browser keeps with it, at `step`,
    /// with a fresh undo history.
    fn show(self, alliance: Alliance, here: Here, step: Step, saved_at: Option<Timestamp>) {
        let (page, ctx, way) = (self.page, self.ctx, self.way);
        self.edit(|s| {
            s.pending = false;
            s.conflict = None;
            s.saved_at = saved_at;
        });
        ctx.replace_editor(Editor::new(alliance));
        ctx.here.set(here);
        // A step the coach's template leaves out: the welcome instead.
        let step = if way.route.with_untracked(|r| r.contains(step)) {
            step
        } else {
            Step::Welcome
        };
        way.visited
            .set(way.route.with_untracked(|r| r.before(step)));
        way.step.set(step);
        page.focus_later(page.id("step-heading"));
    }

    /// Starts a new slot as the open draft, showing `alliance`.
    fn begin(self, alliance: Alliance, here: Here, step: Step, pristine: bool) {
        self.inner(|i| i.store.start(new_slot(), pristine.then_some(&alliance)));
        self.show(alliance, here, step, None);
    }

    /// Opens `alliance` (received as a file or a link) as a new draft, stored at once, with
    /// who "me" is here if the person said. The draft that was open stays in the list.
    pub fn open_new(self, alliance: Alliance, me: Option<Id>, step: Step) {
        self.flush();
        let mut here = Here {
            me: me.filter(|id| alliance.party(id).is_some()),
            ..Here::default()
        };
        here.seen.record(&alliance);
        self.begin(alliance, here, step, false);
        self.save_now();
    }

    /// Whether the draft on screen holds anything the person wrote.
    pub fn has_work(self) -> bool {
        self.ctx
            .try_with_untracked(|a| {
                crate::core::SectionId::ALL
                    .iter()
                    .any(|s| crate::core::validate::has_content(a, *s))
                    || a.reflections != Default::default()
            })
            .unwrap_or(false)
    }

    /// Where this browser keeps a draft of the alliance `id`, and its title: the draft on
    /// screen (no slot), or another stored draft (its slot).
    pub fn holding(self, id: &Id) -> Option<(Option<String>, String)> {
        self.held_version(id)
            .map(|(slot, a)| (slot, title_of(&a.title)))
    }

    /// The version of alliance `id` this browser has (the one on screen, else a stored
    /// draft), with its slot when it is not the one on screen.
    pub fn held_version(self, id: &Id) -> Option<(Option<String>, Alliance)> {
        if let Some(a) = self
            .ctx
            .try_with_untracked(|a| (&a.id == id).then(|| a.clone()))
            .flatten()
        {
            return Some((None, a));
        }
        let mut found = None;
        self.run(&mut |s, store| {
            let Ok(list) = store.list(s) else { return };
            // The list says which alliance each draft holds: only that draft is read again.
            found = list.into_iter().find_map(|entry| match entry {
                crate::core::drafts::Listed::Draft(info) if &info.alliance == id => store
                    .peek(s, &info.slot)
                    .ok()
                    .map(|o| (Some(info.slot.to_string()), o.alliance)),
                _ => None,
            });
        });
        found
    }

    /// Opens the stored draft in `slot`, as "Open" in My drafts does.
    pub fn open_slot(self, slot: &str) {
        self.act(&actions::Act::Open(slot.to_string()));
    }

    /// Starts a new, empty alliance as a new draft. The one that was open stays in the list.
    pub fn start_new(self) {
        self.flush();
        self.edit(|s| s.dialog = false);
        self.begin(blank(), Here::default(), Step::Welcome, true);
        self.page.announce(t::new_started());
    }
}
