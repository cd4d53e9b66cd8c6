//! The coach's desk in this browser's storage ([`crate::core::desk`]): what the preview of a
//! received file or link, My drafts and the comparison read and write. Only parts call these
//! (the preview, My drafts, the comparison), so none of it is in the first download.

use super::*;
use crate::core::desk::Desk;

impl Drafts {
    /// What the desk knows (an empty desk when nothing is stored or it cannot be read).
    pub fn desk(self) -> Desk {
        let mut raw = None;
        self.run(&mut |s, store| raw = s.get(&store.desk_key()).ok().flatten());
        Desk::read(raw.as_deref())
    }

    /// Changes what the desk knows and stores it; why not, in words, when storage refuses.
    pub fn change_desk(self, change: impl FnOnce(&mut Desk)) -> Result<(), String> {
        let mut desk = self.desk();
        change(&mut desk);
        self.store_desk(&desk)
    }

    /// Stores what the desk knows; why not, in words, when storage refuses.
    fn store_desk(self, desk: &Desk) -> Result<(), String> {
        let mut result = Ok(());
        self.run(&mut |s, store| {
            result = s
                .set(&store.desk_key(), &desk.write())
                .map_err(|e| detail(&e).to_string());
        });
        result
    }

    /// A comparison of alliance `id` was brought in: a version waiting for it waits no longer
    /// (nothing is written when none was waiting).
    pub fn settle_waiting(self, id: &Id) {
        let mut desk = self.desk();
        if desk.settled(id) {
            if let Err(e) = self.store_desk(&desk) {
                self.page
                    .announce(crate::core::text::coach::desk::not_noted(&e));
            }
        }
    }

    /// The comparison of the version waiting for alliance `id` with the coach's (in `slot`,
    /// opened first): the waiting file is read as any file is; one that no longer reads is
    /// said, and stays.
    pub fn compare_waiting(self, slot: String, id: Id) {
        let Some(file) = self
            .desk()
            .of(&id)
            .and_then(|r| r.waiting.as_ref().map(|w| w.file.clone()))
        else {
            return;
        };
        let dialogs = crate::ui::io::use_dialogs();
        let ctx = self.ctx;
        leptos::task::spawn_local(async move {
            match crate::ui::io::or_unavailable(crate::ui::io::read_text(file).await) {
                Ok(imported) => {
                    if !self.is_open(&slot) {
                        self.open_slot(&slot);
                    }
                    self.edit(|s| s.dialog = false);
                    dialogs.comparing.try_set(crate::ui::io::Comparing::new(
                        ctx,
                        imported.alliance,
                        imported.exported_at,
                    ));
                }
                Err(why) => self.failed(&why),
            }
        });
    }
}
