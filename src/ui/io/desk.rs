//! The preview of a received file or link on the coach's desk (`mode="coach"`): whether the
//! alliance is new here, the version the coach has, or changed since; and filing it, marking
//! it received, comparing now, or keeping it to compare later. Part of the preview's part.

use super::{Comparing, Dialogs};
use crate::core::desk::{self, Against};
use crate::core::json::{self, Imported};
use crate::core::text::coach::desk as t;
use crate::core::text::ui as tu;
use crate::core::{Alliance, Dates};
use crate::ui::browser::{self, Local};
use crate::ui::ctx::{Ctx, Page, Step};
use crate::ui::drafts::Drafts;
use leptos::prelude::*;

/// Where a received version stands, and the slot of the coach's version (`None`: on screen).
pub(super) struct OnDesk {
    against: Against,
    slot: Option<String>,
    people: String,
}

/// How `theirs` stands against what this desk has.
pub(super) fn on_desk(drafts: Drafts, theirs: &Alliance) -> OnDesk {
    let held = drafts.held_version(&theirs.id);
    let against = desk::against(&drafts.desk(), held.as_ref().map(|(_, a)| a), theirs);
    let (_, people) = desk::people(theirs);
    OnDesk {
        against,
        slot: held.and_then(|(slot, _)| slot),
        people: if people.is_empty() {
            t::nobody().to_string()
        } else {
            people
        },
    }
}

fn date(at: crate::core::Timestamp) -> String {
    Local.date(browser::local_date(at))
}

/// Notes on the desk what `change` says; a note that cannot be stored is said, and changes
/// nothing else.
fn note(page: Page, drafts: Drafts, change: impl FnOnce(&mut desk::Desk)) -> bool {
    match drafts.change_desk(change) {
        Ok(()) => true,
        Err(e) => {
            page.announce(t::not_noted(&e));
            false
        }
    }
}

/// The notice and the buttons of the preview on the desk.
pub(super) fn desk_view(
    page: Page,
    ctx: Ctx,
    drafts: Drafts,
    dialogs: Dialogs,
    on: OnDesk,
    cancel: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let OnDesk {
        against,
        slot,
        people,
    } = on;
    let take = move || dialogs.pending_import.try_update(Option::take).flatten();
    let notice = match against {
        Against::New => t::new(&people),
        Against::Same(None) => t::same().to_string(),
        Against::Same(Some(at)) => t::same_since(&date(at)),
        Against::Changed(None) => t::changed().to_string(),
        Against::Changed(Some(at)) => t::changed_since(&date(at)),
    };
    let file_it = {
        let people = people.clone();
        move |_| {
            if let Some(Imported { alliance, .. }) = take() {
                let id = alliance.id.clone();
                drafts.open_new(alliance, None, Step::Review);
                if note(page, drafts, |d| d.received(&id, browser::now())) {
                    page.announce(t::filed(&people));
                }
            }
        }
    };
    let mark = move |_| {
        if let Some(Imported { alliance, .. }) = take() {
            if note(page, drafts, |d| d.received(&alliance.id, browser::now())) {
                page.announce(t::marked());
            }
            page.focus_later(page.id("step-heading"));
        }
    };
    let compare = {
        let slot = slot.clone();
        move |_| {
            if let Some(Imported {
                alliance,
                exported_at,
                ..
            }) = take()
            {
                if let Some(slot) = &slot {
                    drafts.open_slot(slot);
                }
                note(page, drafts, |d| d.received(&alliance.id, browser::now()));
                dialogs
                    .comparing
                    .try_set(Comparing::new(ctx, alliance, exported_at));
            }
        }
    };
    let keep = move |_| {
        if let Some(Imported {
            alliance,
            exported_at,
            ..
        }) = take()
        {
            // The file as it came (written again from what was read: the same alliance).
            if let Ok(file) = json::export(&alliance, exported_at) {
                if note(page, drafts, |d| d.keep(&alliance.id, browser::now(), file)) {
                    page.announce(t::kept(&people));
                }
            }
            page.focus_later(page.id("step-heading"));
        }
    };
    let primary = "da-button da-button-primary";
    let buttons = match against {
        Against::New => {
            view! { <button type="button" class=primary on:click=file_it>{t::file_it()}</button> }
                .into_any()
        }
        Against::Same(_) => view! {
            <button type="button" class=primary on:click=mark>{t::mark_received()}</button>
        }
        .into_any(),
        Against::Changed(_) => view! {
            <button type="button" class=primary on:click=compare>{t::compare_now()}</button>
            <button type="button" class="da-button" on:click=keep>{t::keep_later()}</button>
        }
        .into_any(),
    };
    view! {
        <p class="da-notice">{notice}</p>
        <div class="da-dialog-buttons">
            {buttons}
            <button type="button" class="da-button" on:click=move |_| cancel()>{tu::import_not_now()}</button>
        </div>
    }
}
