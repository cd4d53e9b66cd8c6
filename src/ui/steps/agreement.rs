//! The Agreement step: each person confirms the current version.

use crate::core::summary::recap;
use crate::core::text::ui as t;
use crate::core::AllianceStoreFields;
use crate::core::Dates;
use crate::core::{Action, Id, Status};
use crate::ui::browser::{self, Local};
use crate::ui::ctx::{use_ctx, use_page, use_way, Step};
use crate::ui::fields::WhoIsMe;
use leptos::prelude::*;

#[component]
pub fn AgreementStep() -> impl IntoView {
    let ctx = use_ctx();
    let page = use_page();
    let way = use_way();
    let ready = Signal::derive(move || ctx.report(|r| r.ready_to_agree()));
    let agreed = move || ctx.alliance().status().get() == Status::Agreed;
    let draft_again = move || {
        ctx.alliance().status().get() == Status::Draft
            && ctx
                .alliance()
                .agreement()
                .with(|a| a.signatures.is_empty() && a.last_agreed.is_some())
    };
    let parties = Signal::derive(move || {
        ctx.party_labels
            .with(|p| p.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>())
    });
    // Agreement is given in a person's name: which one uses this browser is asked first.
    let me = Signal::derive(move || ctx.me());
    let choose = move |who: Option<Id>| {
        ctx.set_me(who.clone());
        if let Some(who) = who {
            page.focus_later(page.id(&format!("agree-{who}")));
        }
    };
    // Someone else has not agreed yet, and this browser is someone's.
    let others_waiting = move || {
        me.get().is_some_and(|me| {
            ctx.party_labels.with(|people| {
                ctx.alliance().agreement().with(|a| {
                    people
                        .iter()
                        .any(|(id, _)| *id != me && !a.signatures.iter().any(|s| s.party_id == *id))
                })
            })
        })
    };
    let not_me = move |_| {
        ctx.set_me(None);
        let first = ctx
            .party_labels
            .with_untracked(|p| p.first().map(|(id, _)| id.clone()));
        if let Some(first) = first {
            page.focus_later(format!("{}-{first}", page.id("me-agree")));
        }
    };
    view! {
        <Recap ready/>
        <div>
            <Show when=draft_again>
                <p class="da-notice">{t::draft_again()}</p>
            </Show>
        </div>
        <div>
            <Show when=move || !ready.get()>
                <div class="da-notice da-notice-warning">
                    <p>{t::not_ready()}</p>
                    <button type="button" class="da-button" on:click=move |_| way.go_to(Step::Review)>
                        {t::go_to_review()}
                    </button>
                </div>
            </Show>
        </div>
        {move || match me.get() {
            None => view! {
                <WhoIsMe people=ctx.party_labels chosen=me on_choose=choose name="agree"/>
                <p class="da-help">{t::me_first()}</p>
            }
            .into_any(),
            Some(who) => view! {
                <p class="da-help da-me">
                    {t::me_is(&ctx.party_label(&who))} " "
                    <button type="button" class="da-link" on:click=not_me>{t::me_change()}</button>
                </p>
            }
            .into_any(),
        }}
        <ul class="da-agree-list">
            <For each=move || parties.get() key=|party| party.clone() let:party>
                <AgreeRow party ready me/>
            </For>
        </ul>
        <div>
            <Show when=others_waiting>
                <p class="da-help">{t::others_agree()}</p>
            </Show>
        </div>
        <div>
            <Show when=agreed>
                <p class="da-notice da-notice-success">{t::all_agreed()}</p>
            </Show>
        </div>
    }
}

/// A short recap of what is being agreed, read before anyone says yes.
#[component]
fn Recap(
    /// Whether everything agreement needs is there.
    ready: Signal<bool>,
) -> impl IntoView {
    let ctx = use_ctx();
    let page = use_page();
    let way = use_way();
    let recap = Memo::new(move |_| ctx.with(|a| recap(a, &Local)));
    let heading = page.id("recap-heading");
    let labelledby = heading.clone();
    view! {
        <section class="da-recap" aria-labelledby=labelledby>
            <h3 class="da-subheading" id=heading>{t::recap_heading()}</h3>
            <Show
                when=move || recap.with(|r| !r.is_empty())
                fallback=|| view! { <p class="da-help">{t::recap_empty()}</p> }
            >
                <dl class="da-recap-list">
                    {move || {
                        recap
                            .get()
                            .into_iter()
                            .map(|(label, lines)| {
                                view! {
                                    <div class="da-recap-item">
                                        <dt>{label}</dt>
                                        {lines.into_iter().map(|l| view! { <dd>{l}</dd> }).collect_view()}
                                    </div>
                                }
                            })
                            .collect_view()
                    }}
                </dl>
                // While parts are missing, the notice below offers the way to the review.
                <Show when=move || ready.get()>
                    <p class="da-help">
                        {t::recap_full()} " "
                        <button type="button" class="da-link" on:click=move |_| way.go_to(Step::Review)>
                            {t::go_to_review()}
                        </button>
                    </p>
                </Show>
            </Show>
        </section>
    }
}

/// One person: their agreement, or the button to give it.
#[component]
fn AgreeRow(
    /// The person's id.
    party: Id,
    /// Whether everything agreement needs is there.
    ready: Signal<bool>,
    /// The person using this browser, once said: only they agree here.
    me: Signal<Option<Id>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let page = use_page();
    let name = {
        let p = party.clone();
        Signal::derive(move || ctx.party_label(&p))
    };
    // Their agreement to this version; else the words for one they gave to an earlier
    // version (here or in another browser), if any.
    let agreement = {
        let p = party.clone();
        Memo::new(move |_| {
            ctx.alliance().agreement().with(|a| {
                let of = |list: &[crate::core::Signature]| {
                    list.iter().find(|s| s.party_id == p).cloned()
                };
                of(&a.signatures).ok_or_else(|| {
                    of(&a.earlier)
                        .map(|s| crate::core::text::merge::earlier(&s.name, &Local.date(s.date)))
                })
            })
        })
    };
    let button_id = page.id(&format!("agree-{party}"));
    let mine = {
        let p = party.clone();
        Signal::derive(move || me.with(|m| m.as_ref() == Some(&p)))
    };
    let agree = {
        let p = party.clone();
        move |_| {
            let who = name.get_untracked();
            // Who agreed; that everyone has is the notice below the list (said once).
            if ctx.apply(Action::Agree {
                party: p.clone(),
                date: browser::today(),
            }) {
                page.announce(t::someone_agreed(&who));
            }
        }
    };
    let withdraw = {
        let (p, focus) = (party.clone(), button_id.clone());
        move |_| {
            if ctx.apply(Action::Withdraw { party: p.clone() }) {
                page.focus_later(focus.clone());
            }
        }
    };
    // Only the person using this browser agrees (or takes it back) here: the others on their
    // own device, or on this one once they say it is them.
    view! {
        <li class="da-agree-row">
            {move || match (agreement.get(), mine.get()) {
                (Ok(s), true) => view! {
                    <p class="da-agreed">
                        <span aria-hidden="true">"✓ "</span>
                        {t::agreed_on(&s.name, &Local.date(s.date))}
                    </p>
                    <button type="button" class="da-button da-button-quiet" on:click=withdraw.clone()>
                        {t::withdraw(&s.name)}
                    </button>
                }
                .into_any(),
                (Ok(s), false) => view! {
                    <p class="da-agreed">
                        <span aria-hidden="true">"✓ "</span>
                        {t::agreed_on(&s.name, &Local.date(s.date))}
                    </p>
                }
                .into_any(),
                (Err(earlier), true) => view! {
                    {earlier.map(|e| view! { <p class="da-help da-agreed-earlier">{e}</p> })}
                    <button
                        type="button"
                        id=button_id.clone()
                        class="da-button da-button-primary"
                        disabled=move || !ready.get()
                        on:click=agree.clone()
                    >
                        {move || t::agree_as(&name.get())}
                    </button>
                }
                .into_any(),
                (Err(earlier), false) => view! {
                    {earlier.map(|e| view! { <p class="da-help da-agreed-earlier">{e}</p> })}
                    <p class="da-help">{move || t::not_agreed_by(&name.get())}</p>
                }
                .into_any(),
            }}
        </li>
    }
}
