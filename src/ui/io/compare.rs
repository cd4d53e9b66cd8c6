//! Comparing two versions of the same alliance: every difference side by side in the words of
//! its step, a choice per difference, and the result saved as the draft (undoable, and logged
//! in the revision log). The rules are in [`crate::core::merge`].

use crate::core::merge::{self, bring_together, Choice, Difference};
use crate::core::text::merge as t;
use crate::core::{Action, ActionError, Alliance};
use crate::ui::browser::{self, Local};
use crate::ui::ctx::use_ctx;
use crate::ui::drafts::use_drafts;
use crate::ui::shell::Modal;
use leptos::prelude::*;

/// Two versions being compared: the other one, and what differs from the draft on screen.
#[derive(Clone)]
pub struct Comparing {
    pub theirs: Alliance,
    pub differences: Vec<Difference>,
}

impl Comparing {
    /// The other version against `mine`.
    pub fn new(mine: &Alliance, theirs: Alliance) -> Self {
        let differences = merge::differences(mine, &theirs, &Local);
        Comparing {
            theirs,
            differences,
        }
    }
}

fn why(e: &ActionError) -> String {
    match e {
        ActionError::UnknownItem(_, id) | ActionError::DuplicateId(id) => id.to_string(),
        ActionError::UnknownParty(id) => id.to_string(),
        ActionError::NotReady => String::new(),
    }
}

/// The comparison dialog.
#[component]
pub fn CompareDialog() -> impl IntoView {
    let ctx = use_ctx();
    let drafts = use_drafts();
    let heading = ctx.id("compare-heading");
    let open = Signal::derive(move || ctx.comparing.with(Option::is_some));
    let close = move || {
        ctx.comparing.set(None);
        ctx.announce(t::unchanged());
    };
    let h = heading.clone();
    view! {
        <Modal open on_close=move |_| close() labelledby=heading>
            {
                let Some(Comparing { theirs, differences }) = ctx.comparing.get_untracked() else {
                    return ().into_any();
                };
                let choices = RwSignal::new(vec![Choice::Mine; differences.len()]);
                let error = RwSignal::new(None::<String>);
                // Agreements the other version brings that this draft does not have.
                let agreements: Vec<String> = ctx
                    .try_with_untracked(|mine| {
                        theirs
                            .agreement
                            .signatures
                            .iter()
                            .filter(|s| {
                                mine.party(&s.party_id).is_some()
                                    && !mine.agreement.signatures.iter().any(|m| m.party_id == s.party_id)
                            })
                            .map(|s| s.name.clone())
                            .collect()
                    })
                    .unwrap_or_default();
                let nothing = differences.is_empty() && agreements.is_empty();
                let save = {
                    let (theirs, differences) = (theirs.clone(), differences.clone());
                    move |_| {
                        let chosen = choices.get_untracked();
                        let made = ctx.try_with_untracked(|mine| {
                            bring_together(
                                mine,
                                &theirs,
                                &differences,
                                &chosen,
                                browser::today(),
                                browser::now(),
                            )
                        });
                        match made {
                            Some(Ok(result)) => {
                                ctx.apply(Action::Replace(Box::new(result)));
                                drafts.flush();
                                ctx.comparing.set(None);
                                ctx.announce(t::done());
                                ctx.focus_later(ctx.id("step-heading"));
                            }
                            Some(Err(e)) => error.set(Some(t::failed(&why(&e)))),
                            None => {}
                        }
                    }
                };
                let from = merge::whose(&theirs);
                let count = differences.len();
                view! {
                    <h2 class="da-dialog-heading" id=h.clone()>{t::title()}</h2>
                    {from.map(|name| view! { <p>{t::from_whom(&name)}</p> })}
                    {if differences.is_empty() {
                        view! { <p class="da-notice">{t::identical()}</p> }.into_any()
                    } else {
                        view! {
                            <p>{t::intro()}</p>
                            <p class="da-help">{t::count(count)}</p>
                        }
                            .into_any()
                    }}
                    {(!agreements.is_empty())
                        .then(|| view! { <p>{t::identical_agreement(&crate::core::join(&agreements, ", "))}</p> })}
                    <ol class="da-diffs">
                        {differences
                            .into_iter()
                            .enumerate()
                            .map(|(i, d)| view! { <DifferenceRow i d choices/> })
                            .collect_view()}
                    </ol>
                    {move || {
                        error
                            .get()
                            .map(|m| view! { <p class="da-notice da-notice-error" role="alert">{m}</p> })
                    }}
                    <div class="da-dialog-buttons">
                        {(!nothing)
                            .then(|| {
                                view! {
                                    <button type="button" class="da-button da-button-primary" on:click=save>
                                        {t::save()}
                                    </button>
                                }
                            })}
                        <button type="button" class="da-button" on:click=move |_| close()>
                            {if nothing { t::close() } else { t::cancel() }}
                        </button>
                    </div>
                }
                    .into_any()
            }
        </Modal>
    }
}

/// One difference: both sides, and what to keep.
#[component]
fn DifferenceRow(
    /// Its position in the list (names its choices).
    i: usize,
    d: Difference,
    /// One choice per difference.
    choices: RwSignal<Vec<Choice>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let name = ctx.id(&format!("diff-{i}"));
    let legend = format!("{} — {}", d.place, d.what);
    let kind = match (&d.mine, &d.theirs) {
        (Some(_), None) => t::only_mine(),
        (None, Some(_)) => t::only_theirs(),
        _ => t::changed_both(),
    };
    let side = |label: &'static str, text: Option<String>| {
        let missing = text.is_none();
        view! {
            <div class="da-diff-side">
                <p class="da-diff-label">{label}</p>
                <p class="da-diff-text" class:da-diff-missing=missing>
                    {text.unwrap_or_else(|| t::not_there().to_string())}
                </p>
            </div>
        }
    };
    let mut options = vec![
        (Choice::Mine, t::keep_mine()),
        (Choice::Theirs, t::take_theirs()),
    ];
    if d.can_keep_both() {
        options.push((Choice::Both, t::keep_both()));
    }
    view! {
        <li class="da-diff">
            <fieldset class="da-fieldset">
                <legend class="da-diff-legend">{legend}</legend>
                <p class="da-help">{kind}</p>
                <div class="da-diff-sides">
                    {side(t::mine(), d.mine.clone())} {side(t::theirs(), d.theirs.clone())}
                </div>
                <div class="da-diff-choices">
                    {options
                        .into_iter()
                        .enumerate()
                        .map(|(k, (choice, label))| {
                            let id = format!("{name}-{k}");
                            let checked = move || choices.with(|c| c.get(i) == Some(&choice));
                            view! {
                                <span class="da-choice">
                                    <input
                                        type="radio"
                                        id=id.clone()
                                        name=name.clone()
                                        prop:checked=checked
                                        on:change=move |_| {
                                            choices
                                                .update(|c| {
                                                    if let Some(x) = c.get_mut(i) {
                                                        *x = choice;
                                                    }
                                                })
                                        }
                                    />
                                    <label for=id>{label}</label>
                                </span>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
        </li>
    }
}
