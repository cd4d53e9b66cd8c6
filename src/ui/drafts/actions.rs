//! What the buttons of the drafts UI do: one enum, one handler.

use super::*;
use crate::core::text::ui as tu;
use crate::core::{Action, TextField};
use crate::ui::ctx::Page;

/// What a button of the drafts UI does ([`super::view`]'s `ActButton`): one enum of actions,
/// one handler, far less code than a closure per button. The notices' actions ([`Act`]) are in
/// the first download; the actions only My drafts offers ([`ListAct`]) come with its part.
pub trait Acting: Send + Sync + 'static {
    fn run(&self, d: Drafts);
}

/// What the notices (saving failed, another writer, a draft that does not read) and opening
/// or closing My drafts can do.
pub enum Act {
    DownloadCopy,
    TryAgain,
    KeepMine,
    TakeTheirs,
    DownloadUnreadable,
    HideUnreadable,
    Open(String),
    Close,
}

/// What only the list of My drafts can do.
pub enum ListAct {
    /// Renaming starts: the slot, and its title as stored.
    Rename(String, String),
    SaveName(String),
    CancelRename(String),
    Duplicate(String),
    Delete(String, String),
    UndoDelete,
    DownloadStored(String),
    /// On the coach's desk: compares the version waiting (of the alliance) with the one in
    /// the slot.
    CompareWaiting(String, Id),
    New,
    AskForget,
    Forget,
    KeepAll,
}

impl Acting for Act {
    fn run(&self, d: Drafts) {
        d.act(self);
    }
}

impl Acting for ListAct {
    fn run(&self, d: Drafts) {
        d.act_in_list(self);
    }
}

impl Drafts {
    /// Reports the outcome of an action in the dialog, and lists the drafts again.
    fn done(self, m: String) {
        self.page.announce(m.clone());
        self.edit(|s| {
            s.message = Some(m.clone());
            s.version += 1;
        });
    }

    pub(super) fn failed(self, detail: &str) {
        self.done(t::action_failed(detail));
    }

    fn focus(self, slot: &str, what: &str) {
        self.page
            .focus_later(self.page.id(&format!("draft-{slot}-{what}")));
    }

    /// Does what a button asks.
    pub fn act(self, a: &Act) {
        let (page, ctx) = (self.page, self.ctx);
        let now = browser::now();
        let slot_id = |slot: &str| Id::new(slot).ok_or_else(|| t::bad_key().to_string());
        match a {
            Act::DownloadCopy => crate::ui::io::download_json(page, ctx),
            Act::TryAgain => {
                self.save_now();
                let failed = self
                    .s
                    .try_with_untracked(|s| s.problem.is_some())
                    .unwrap_or(true);
                page.announce(if failed {
                    t::not_saved().to_string()
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
                page.announce(t::kept_mine());
                page.focus_later(page.id("step-heading"));
            }
            Act::TakeTheirs => {
                let theirs = self.s.try_with_untracked(|s| s.conflict.clone()).flatten();
                let opened = theirs.and_then(|theirs| self.inner(|i| i.store.take_theirs(&theirs)));
                match opened {
                    Some(Ok(o)) => {
                        self.edit(|s| {
                            s.conflict = None;
                            s.pending = false;
                            s.saved_at = Some(o.saved_at);
                        });
                        // Undoable, like any other change.
                        ctx.apply(Action::Replace(Box::new(o.alliance)));
                        ctx.here.set(o.here);
                        page.announce(t::loaded_other());
                        page.focus_later(page.id("step-heading"));
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
                    .try_with_untracked(|s| s.unreadable.as_ref().map(|u| u.1.clone()))
                    .flatten();
                download_raw(page, raw);
            }
            Act::HideUnreadable => {
                self.edit(|s| s.unreadable = None);
                page.focus_later(page.id("step-heading"));
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
                        self.edit(|s| s.dialog = false);
                        let step = Step::from_key(&o.step).unwrap_or(Step::Welcome);
                        self.show(o.alliance, o.here, step, Some(o.saved_at));
                        page.announce(t::opened(&title));
                    }
                    Err(e) => self.failed(&e),
                }
            }
            Act::Close => self.edit(|s| s.dialog = false),
        }
    }

    /// Does what a button of the list of My drafts asks.
    pub fn act_in_list(self, a: &ListAct) {
        let (page, ctx, way) = (self.page, self.ctx, self.way);
        let now = browser::now();
        let slot_id = |slot: &str| Id::new(slot).ok_or_else(|| t::bad_key().to_string());
        match a {
            ListAct::CompareWaiting(slot, alliance) => {
                self.compare_waiting(slot.clone(), alliance.clone());
            }
            ListAct::Rename(slot, title) => {
                self.rename.set(title.trim().to_string());
                self.edit(|s| {
                    s.message = None;
                    s.renaming = Some(slot.clone());
                });
                page.focus_later(page.id("draft-rename"));
            }
            ListAct::CancelRename(slot) => {
                self.edit(|s| s.renaming = None);
                self.focus(slot, "rename");
            }
            ListAct::SaveName(slot) => {
                let title = self
                    .rename
                    .try_get_untracked()
                    .unwrap_or_default()
                    .trim()
                    .to_string();
                self.edit(|s| s.renaming = None);
                if self.is_open(slot) {
                    ctx.apply(Action::SetText(TextField::Title, title));
                    self.save_now();
                    self.done(t::renamed().to_string());
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
                        Ok(()) => self.done(t::renamed().to_string()),
                        Err(e) => self.failed(&e),
                    }
                }
                self.focus(slot, "rename");
            }
            ListAct::Duplicate(slot) => {
                self.flush();
                let copy = new_slot();
                let mut result = Err(String::new());
                let Some(alliance) = ctx.try_with_untracked(Clone::clone) else {
                    return;
                };
                let me = ctx.here.with_untracked(|h| h.me.clone());
                let current = (alliance, me, way.step.get_untracked().key().to_string());
                if let Ok(id) = slot_id(slot) {
                    self.run(&mut |s, store| {
                        let found = if store.slot() == &id {
                            Ok(current.clone())
                        } else {
                            store.peek(s, &id).map(|o| (o.alliance, o.here.me, o.step))
                        };
                        result = found
                            .map_err(|e| open_error(&e))
                            .and_then(|(mut a, me, step)| {
                                let title = title_of(&a.title);
                                a.id = crate::new_alliance_id();
                                a.title = t::copy_of(&title);
                                let progress =
                                    crate::core::validate(&a, browser::today()).percent_complete();
                                // The same people: the same "me". A new alliance: no versions
                                // exchanged yet.
                                let here = crate::core::drafts::Here {
                                    me,
                                    ..Default::default()
                                };
                                store
                                    .store_new(
                                        s,
                                        &copy,
                                        crate::core::drafts::Draft {
                                            alliance: &a,
                                            here: &here,
                                            step: &step,
                                            progress,
                                        },
                                        now,
                                    )
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
            ListAct::Delete(slot, title) => {
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
                            self.begin(blank(), Here::default(), Step::Welcome, true);
                        }
                        self.edit(|s| {
                            s.deleted = raw.clone().map(|r| (slot.clone(), title.clone(), r))
                        });
                        self.done(t::deleted(title));
                        page.focus_later(page.id("drafts-undo"));
                    }
                    Err(e) => self.failed(detail(&e)),
                }
            }
            ListAct::UndoDelete => {
                let deleted = self.s.try_with_untracked(|s| s.deleted.clone()).flatten();
                if let Some((slot, _, raw)) = deleted {
                    let mut result = Ok(());
                    self.run(&mut |s, store| result = store.restore(s, &slot, &raw));
                    match result {
                        Ok(()) => {
                            self.edit(|s| s.deleted = None);
                            self.done(t::restored().to_string());
                            self.focus(&slot, "open");
                        }
                        Err(e) => self.failed(detail(&e)),
                    }
                }
            }
            ListAct::DownloadStored(slot) => {
                let mut raw = None;
                self.run(&mut |s, store| raw = s.get(&store.key(slot)).ok().flatten());
                download_raw(page, raw);
            }
            ListAct::New => self.start_new(),
            ListAct::AskForget => {
                self.edit(|s| s.confirm_forget = true);
                page.focus_later(page.id("forget-no"));
            }
            ListAct::KeepAll => {
                self.edit(|s| s.confirm_forget = false);
                page.focus_later(page.id("forget"));
            }
            ListAct::Forget => {
                self.clear_timer();
                let mut result = Ok(0);
                self.run(&mut |s, store| result = store.forget(s));
                self.edit(|s| s.confirm_forget = false);
                match result {
                    Ok(_) => {
                        self.edit(|s| {
                            s.deleted = None;
                            s.unreadable = None;
                        });
                        self.begin(blank(), Here::default(), Step::Welcome, true);
                        self.done(t::forgotten().to_string());
                    }
                    Err(e) => self.failed(detail(&e)),
                }
            }
        }
    }

    /// Opens the drafts dialog, listing them afresh.
    pub fn open_dialog(self) {
        self.flush();
        self.edit(|s| {
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
        OpenError::Missing => t::gone().to_string(),
        OpenError::Unreadable { reason, .. } => reason.at_once(),
        OpenError::Storage(e) => detail(e).to_string(),
    }
}

fn download_raw(page: Page, raw: Option<String>) {
    if let Some(raw) = raw {
        match browser::download(t::unreadable_file(), "application/json", &raw) {
            Ok(()) => page.announce(tu::downloaded()),
            Err(e) => page.announce(tu::download_failed(&e.to_string())),
        }
    }
}
