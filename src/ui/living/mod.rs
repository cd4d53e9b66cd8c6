//! The living alliance in the widget: holding a check-in, and what says one is due or under
//! way.
//!
//! The check-in itself (its five screens, [`walk`]) is a part of its own, loaded when a
//! check-in is first held; the history on "Keeping it alive" ([`history`]) is in the part of
//! the deeper steps. What is here is all the first download carries: the button that starts a
//! check-in, the notice that one is due, and the one that says one is under way.
//!
//! The check-in under way is kept with the draft ([`crate::core::drafts::Here`]), never in the
//! alliance: it survives a reload and a visit to a step to change it, and it goes into the
//! alliance only when saved.

pub mod history;
mod walk;

use crate::core::living::{self, Due, Walk};
use crate::core::text::living as w;
use crate::core::{
    AllianceStoreFields, CommunicationStoreFields, Dates, Id, KeepingAliveStoreFields,
};
use crate::ui::browser::{self, Local};
use crate::ui::ctx::{use_ctx, use_page, Ctx, Page};
use crate::ui::part::{part, Part};
use leptos::prelude::*;

part!(living, fetch_living:
    /// What makes the living alliance's views: the notice, the header's button, the walk.
    pub fn living_part() -> fn(Which) -> AnyView {
        made
    }
);

/// Which of the living alliance's views a place of the first download shows, once the part
/// has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    /// The notice at the top: a check-in due, or one under way while away at a step.
    Notice,
    /// "Hold a check-in", quiet, in the header.
    HeaderButton,
    /// The check-in under way, screen by screen.
    Walk,
    /// What goes to the coach, in the dialog of sending ([`crate::ui::io::send`]): rare, and
    /// here so the first download carries no second copy of [`Part`].
    Send,
}

fn made(which: Which) -> AnyView {
    match which {
        Which::Notice => view! { <LivingNotice/> }.into_any(),
        Which::HeaderButton => view! { <HoldButton quiet=true/> }.into_any(),
        Which::Walk => walk::walk_view(),
        Which::Send => crate::ui::io::send::send_view(),
    }
}

/// One of the living alliance's views, in the first download: only this place is there; what
/// shows in it comes with the part (fetched ahead once idle; said plainly if it cannot come).
/// One function for the three places, so the first download carries one copy of [`Part`].
pub fn place(which: Which) -> AnyView {
    placed(which, None)
}

/// A place in a dialog: when the part cannot come, "Close" is offered beside "Try again".
pub fn placed(which: Which, close: Option<Callback<()>>) -> AnyView {
    let show = move |make: fn(Which) -> AnyView| make(which);
    match close {
        Some(close) => view! { <Part load=living_part show close/> }.into_any(),
        None => view! { <Part load=living_part show/> }.into_any(),
    }
}

/// Whether the alliance was agreed at least once: the living alliance's views have something
/// to show only then.
pub fn agreed_once(ctx: Ctx) -> bool {
    ctx.alliance().agreement().with(|g| g.last_agreed.is_some())
}

/// Starts a check-in (or goes back to the one under way); its heading takes focus once shown.
pub fn hold(ctx: Ctx, page: Page) {
    let today = browser::today();
    let started = ctx.try_with_untracked(|a| {
        let id = Id::new(format!("checkin-{:012x}", browser::random_u48()))
            .unwrap_or_else(|| a.fresh_id("checkin"));
        Walk::start(a, today, id)
    });
    ctx.here.update(|h| match &mut h.walk {
        Some(walk) => walk.away = false,
        None => h.walk = started,
    });
    // What the status line said of the steps is not news on the check-in.
    page.announcement.set(String::new());
    page.focus_later(page.id("walk-heading"));
}

/// Whether a check-in is under way and shown (not away at a step).
pub fn walking(ctx: Ctx) -> bool {
    ctx.here.with(|h| h.walk.as_ref().is_some_and(|w| !w.away))
}

/// "Hold a check-in": on an alliance agreed at least once, while none is under way.
#[component]
pub fn HoldButton(
    /// The button's look: a quiet one in the header.
    #[prop(optional)]
    quiet: bool,
) -> impl IntoView {
    let ctx = use_ctx();
    let page = use_page();
    let shown = Memo::new(move |_| {
        ctx.alliance().agreement().with(|g| g.last_agreed.is_some())
            && ctx.here.with(|h| h.walk.is_none())
    });
    let class = if quiet {
        "da-button da-button-quiet da-hold"
    } else {
        "da-button da-hold"
    };
    view! {
        <Show when=move || shown.get()>
            <button type="button" class=class on:click=move |_| hold(ctx, page)>
                {w::hold()}
            </button>
        </Show>
    }
}

/// The notice at the top: a check-in or review whose day has come (until "Not now"), or the
/// check-in under way while the person is away at a step.
#[component]
pub fn LivingNotice() -> impl IntoView {
    let ctx = use_ctx();
    let page = use_page();
    let dismissed = RwSignal::new(false);
    let due = Memo::new(move |_| {
        // Only what decides it is read: typing elsewhere does not wake this.
        let a = ctx.alliance();
        a.agreement().track();
        a.communication().check_in().track();
        a.keeping_alive().next_review().track();
        a.check_ins().track();
        ctx.try_with_untracked(|a| living::due(a, browser::today()))
            .flatten()
    });
    let away = Memo::new(move |_| {
        ctx.here
            .with(|h| h.walk.as_ref().filter(|w| w.away).map(|w| w.held.date))
    });
    view! {
        {move || {
            if let Some(date) = away.get() {
                return view! {
                    <div class="da-notice da-living-notice da-no-print">
                        <p>{w::under_way(&Local.date(date))}</p>
                        <button type="button" class="da-button" on:click=move |_| hold(ctx, page)>
                            {w::back_to()}
                        </button>
                    </div>
                }
                    .into_any();
            }
            let walk = ctx.here.with(|h| h.walk.is_some());
            match due.get().filter(|_| !dismissed.get() && !walk) {
                Some(due) => {
                    let said = match due {
                        Due::CheckIn(d) if d == browser::today() => w::due_today(),
                        Due::CheckIn(d) => w::due_check_in(&Local.date(d)),
                        Due::Review(d) => w::due_review(&Local.date(d)),
                    };
                    view! {
                        <div class="da-notice da-living-notice da-no-print">
                            <p>{said}</p>
                            <div class="da-notice-buttons">
                                <button
                                    type="button"
                                    class="da-button da-button-primary"
                                    on:click=move |_| hold(ctx, page)
                                >
                                    {w::hold_now()}
                                </button>
                                <button
                                    type="button"
                                    class="da-button"
                                    on:click=move |_| {
                                        dismissed.set(true);
                                        page.focus_later(page.id("step-heading"));
                                    }
                                >
                                    {w::not_now()}
                                </button>
                            </div>
                        </div>
                    }
                        .into_any()
                }
                None => ().into_any(),
            }
        }}
    }
}
