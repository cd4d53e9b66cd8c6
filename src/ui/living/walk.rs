//! A check-in under way, one screen per part: each commitment, each measure, the milestones
//! reached, whether each essential section still serves us, and who was there. Phone-first:
//! one column, native controls (radio buttons, checkboxes, text boxes) the keyboard and touch
//! both work, Back and Next at the foot.
//!
//! Each screen is built once when shown; what is typed goes into the check-in under way
//! ([`Walk`]) and never rebuilds the screen, so focus and the caret stay where they are.

use crate::core::living::{self, Walk, SCREENS};
use crate::core::text::{living as w, ui as u};
use crate::core::{
    Action, Alliance, CommitmentStatus, Dates, Present, SectionCheck, SectionId, Verdict,
};
use crate::ui::browser::Local;
use crate::ui::ctx::{use_ctx, use_page, use_way, Ctx, Page, Stage, Step, Way};
use leptos::prelude::*;

mod screens;
use screens::{commitments, measures, milestones, serving, wrap};

/// The check-in's view, for its part.
pub fn walk_view() -> AnyView {
    view! { <CheckInWalk/> }.into_any()
}

/// Changes the check-in under way (nothing when none is).
fn change(ctx: Ctx, f: impl FnOnce(&mut Walk)) {
    ctx.here.update(|h| {
        if let Some(walk) = h.walk.as_mut() {
            f(walk);
        }
    });
}

/// The check-in under way, as it stands (untracked: for building a screen once).
fn current(ctx: Ctx) -> Option<Walk> {
    ctx.here.with_untracked(|h| h.walk.clone())
}

fn screen_name(n: u8) -> &'static str {
    match n {
        0 => w::screen_commitments(),
        1 => w::screen_measures(),
        2 => w::screen_milestones(),
        3 => w::screen_serving(),
        _ => w::screen_wrap(),
    }
}

#[component]
fn CheckInWalk() -> impl IntoView {
    let ctx = use_ctx();
    let page = use_page();
    let way = use_way();
    let screen = Memo::new(move |_| ctx.here.with(|h| h.walk.as_ref().map_or(0, |w| w.screen)));
    let date = Memo::new(move |_| ctx.here.with(|h| h.walk.as_ref().map(|w| w.held.date)));
    let nobody = RwSignal::new(false);
    let discarding = RwSignal::new(false);
    let heading = page.id("walk-heading");
    let labelled = heading.clone();
    // A new screen: its heading takes focus, so a screen reader starts reading there.
    // A new screen: its name takes focus, so a screen reader says where the person now is
    // (the check-in's heading took it when the check-in began).
    Effect::watch(
        move || screen.get(),
        move |_, _, _| page.focus_later(page.id("walk-progress")),
        false,
    );
    let go = move |to: u8| {
        nobody.set(false);
        discarding.set(false);
        change(ctx, |w| w.screen = to.min(SCREENS - 1));
    };
    let stop = move |_| {
        change(ctx, |w| w.away = true);
        page.announce(w::stopped());
        page.focus_later(page.id("step-heading"));
    };
    let discard = move |_| {
        // What was changed in the steps during it stays (it is in the alliance): said so.
        let changed = current(ctx)
            .and_then(|walk| ctx.try_with_untracked(|a| walk.changed(a)))
            .unwrap_or_default();
        ctx.here.update(|h| h.walk = None);
        page.announce(if changed.is_empty() {
            w::discarded().to_string()
        } else {
            let names: Vec<String> = changed
                .into_iter()
                .map(|s| way.title(Step::Section(s)))
                .collect();
            w::discarded_changed(&names.join(", "))
        });
        page.focus_later(page.id("step-heading"));
    };
    let ask_discard = move |_| {
        discarding.set(true);
        page.focus_later(page.id("walk-discard-yes"));
    };
    let keep = move |_| {
        discarding.set(false);
        page.focus_later(page.id("walk-discard"));
    };
    let save = move |_| save(ctx, page, way, nobody);
    view! {
        <section class="da-walk" aria-labelledby=labelled>
            <p class="da-kicker">{w::walk_label()}</p>
            <h2 class="da-step-heading" id=heading tabindex="-1">
                {move || date.get().map(|d| w::walk_title(&Local.date(d)))}
            </h2>
            <h3 class="da-walk-progress" id=page.id("walk-progress") tabindex="-1">
                {move || {
                    let n = screen.get();
                    w::screen_of(usize::from(n) + 1, usize::from(SCREENS), screen_name(n))
                }}
            </h3>
            <div class="da-walk-screen">
                {move || {
                    let n = screen.get();
                    untrack(move || screen_view(ctx, page, way, n, nobody))
                }}
            </div>
            <div class="da-walk-nav">
                <Show when=move || { screen.get() > 0 }>
                    <button
                        type="button"
                        class="da-button"
                        on:click=move |_| go(screen.get_untracked().saturating_sub(1))
                    >
                        {u::back()}
                    </button>
                </Show>
                <Show
                    when=move || { screen.get() + 1 < SCREENS }
                    fallback=move || {
                        view! {
                            <button type="button" class="da-button da-button-primary" on:click=save>
                                {w::save()}
                            </button>
                        }
                    }
                >
                    <button
                        type="button"
                        class="da-button da-button-primary"
                        on:click=move |_| go(screen.get_untracked() + 1)
                    >
                        {u::next()}
                    </button>
                </Show>
            </div>
            <div class="da-walk-aside">
                <button type="button" class="da-link" on:click=stop>
                    {w::stop()}
                </button>
                <Show
                    when=move || discarding.get()
                    fallback=move || {
                        view! {
                            <button
                                type="button"
                                class="da-link"
                                id=page.id("walk-discard")
                                on:click=ask_discard
                            >
                                {w::discard()}
                            </button>
                        }
                    }
                >
                    <div class="da-notice da-notice-warning da-walk-confirm" role="group" aria-label=w::discard()>
                        <p>{w::discard_question()}</p>
                        <div class="da-notice-buttons">
                            <button
                                type="button"
                                class="da-button da-button-danger"
                                id=page.id("walk-discard-yes")
                                on:click=discard
                            >
                                {w::discard()}
                            </button>
                            <button type="button" class="da-button" on:click=keep>
                                {w::keep_it()}
                            </button>
                        </div>
                    </div>
                </Show>
            </div>
        </section>
    }
}

/// Keeps the check-in in the alliance, with a log entry for what changed during it, and goes
/// to its history. Nobody ticked as there: says so, and nothing changes.
fn save(ctx: Ctx, page: Page, way: Way, nobody: RwSignal<bool>) {
    let Some(walk) = current(ctx) else {
        return;
    };
    let made = ctx
        .try_with_untracked(|a| walk.finished(a).map(|held| (held, walk.changed(a))))
        .flatten();
    let Some((held, changed)) = made else {
        nobody.set(true);
        page.focus_later(page.id("walk-present-0"));
        return;
    };
    ctx.apply(Action::HoldCheckIn(Box::new(held), changed));
    ctx.here.update(|h| h.walk = None);
    let next = ctx
        .try_with_untracked(living::next_check_in)
        .flatten()
        .filter(|d| *d > walk.held.date);
    let alive = Step::Section(SectionId::KeepingAlive);
    let to = if way.route.with_untracked(|r| r.contains(alive)) {
        alive
    } else {
        Step::Review
    };
    way.go_to(to);
    // After going: the status line of a new step starts empty.
    page.announce(match next {
        Some(d) => w::saved_next(&Local.date(d)),
        None => w::saved(),
    });
}

fn screen_view(ctx: Ctx, page: Page, way: Way, n: u8, nobody: RwSignal<bool>) -> AnyView {
    let Some(walk) = current(ctx) else {
        return ().into_any();
    };
    let intro = match n {
        0 => w::intro_commitments(),
        1 => w::intro_measures(),
        2 => w::intro_milestones(),
        3 => w::intro_serving(),
        _ => w::intro_wrap(),
    };
    let body = ctx
        .try_with_untracked(|a| match n {
            0 => commitments(ctx, page, a, &walk),
            1 => measures(ctx, page, &walk),
            2 => milestones(ctx, page, a, &walk),
            3 => serving(ctx, page, way, a, &walk),
            _ => wrap(ctx, page, a, &walk, nobody),
        })
        .unwrap_or_else(|| ().into_any());
    // A list screen with nothing on it says only that (not what to do with its items).
    let empty = match n {
        0 => walk.held.commitments.is_empty(),
        1 => walk.held.measures.is_empty(),
        2 => walk.held.milestones.is_empty(),
        _ => false,
    };
    view! {
        {(!empty).then(|| view! { <p class="da-intro">{intro}</p> })}
        {body}
    }
    .into_any()
}
