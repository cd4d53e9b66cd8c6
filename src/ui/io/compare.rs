//! Comparing two versions of the same alliance: every difference side by side in the words of
//! its step, with the words that changed marked, a choice per difference that keeps both
//! sides' work until the person says otherwise, and the result saved as the draft (undoable,
//! and told truly in the revision log and the status line). The rules are in
//! [`crate::core::merge`].

use super::{use_dialogs, Dialogs};
use crate::core::diff;
use crate::core::merge::{self, bring_together, Bringing, Change, Choice, Difference, Outcome};
use crate::core::text::{merge as t, ui as t_ui};
use crate::core::{Action, ActionError, Alliance, Dates, Timestamp};
use crate::ui::browser::{self, Local};
use crate::ui::ctx::{use_ctx, use_page, Ctx, Page};
use crate::ui::drafts::{use_drafts, Drafts};
use crate::ui::fields::WhoIsMe;
use crate::ui::part::{part, Part};
use crate::ui::shell::Modal;
use leptos::prelude::*;

/// Two versions being compared: the other one, when it was saved, and what differs from the
/// draft on screen.
#[derive(Clone)]
pub struct Comparing {
    pub theirs: Alliance,
    pub saved: Timestamp,
    pub differences: Vec<Difference>,
}

impl Comparing {
    /// The other version (saved at `saved`) against the draft on screen, told apart with what
    /// this browser knows of the versions exchanged.
    pub fn new(ctx: Ctx, theirs: Alliance, saved: Timestamp) -> Option<Self> {
        let seen = ctx.here.with_untracked(|h| h.seen.clone());
        let differences =
            ctx.try_with_untracked(|mine| merge::differences(mine, &theirs, &seen, &Local))?;
        Some(Comparing {
            theirs,
            saved,
            differences,
        })
    }
}

fn why(e: &ActionError) -> String {
    match e {
        ActionError::UnknownItem(_, id) | ActionError::DuplicateId(id) => id.to_string(),
        ActionError::UnknownParty(id) => id.to_string(),
        ActionError::NotReady => String::new(),
    }
}

/// What saving did, in words.
fn said(outcome: &Outcome, differences: usize) -> String {
    let mut parts = Vec::new();
    if outcome.taken > 0 {
        parts.push(t::done_taken(outcome.taken));
    } else if differences > 0 {
        parts.push(t::done_kept().to_string());
    }
    if !outcome.agreed.is_empty() {
        parts.push(t::done_agreed(&outcome.agreed.join(", ")));
    }
    if outcome.draft_again {
        parts.push(t::done_draft_again().to_string());
    }
    parts.join(" ")
}

/// The draft on screen brought together with `theirs` as `chosen`, today, `by` the person
/// who did it (if said); `None` once the widget is gone.
fn brought(
    ctx: Ctx,
    theirs: &Alliance,
    differences: &[Difference],
    chosen: &[Choice],
    by: Option<&str>,
    saved: &str,
) -> Option<Result<(Alliance, Outcome), ActionError>> {
    ctx.try_with_untracked(|mine| {
        bring_together(
            mine,
            theirs,
            differences,
            chosen,
            Bringing {
                by,
                saved,
                today: browser::today(),
                now: browser::now(),
            },
        )
    })
}

/// The DOM id of a difference's first choice (where focus goes when it still needs one).
fn first_choice(page: Page, i: usize) -> String {
    page.id(&format!("diff-{i}-0"))
}

/// Closes the comparison without changing anything.
fn close(page: Page, dialogs: Dialogs) {
    dialogs.comparing.set(None);
    page.announce(t::unchanged());
    page.focus_later(page.id("step-heading"));
}

/// The comparison dialog; what it shows is a part, loaded when first used.
#[component]
pub fn CompareDialog() -> impl IntoView {
    let page = use_page();
    let (ctx, dialogs) = (use_ctx(), use_dialogs());
    let drafts = use_drafts();
    view! {
        <Modal open=Signal::derive(move || dialogs.comparing.with(Option::is_some))
            on_close=move |_| close(page, dialogs)
            labelledby=page.id("compare-heading")
        >
            // The heading is here, not in the part: the dialog has its name, and focus a
            // place to start, even while (or if) the part is missing.
            <h2 class="da-dialog-heading" id=page.id("compare-heading") tabindex="-1" autofocus>
                {t::title()}
            </h2>
            <Part
                load=comparison
                show={move |make: fn(Ctx, Drafts) -> AnyView| make(ctx, drafts)}
                close=Callback::new(move |()| close(page, dialogs))
            />
        </Modal>
    }
}

part!(compare, fetch_comparison:
    /// What shows every difference between the draft and the other version, with what to keep.
    pub fn comparison() -> fn(Ctx, Drafts) -> AnyView {
        compared
    }
);

/// The comparison's content (see [`comparison`]).
/// Made in the dialog's own scope, where the dialogs' state is found.
fn compared(ctx: Ctx, drafts: Drafts) -> AnyView {
    let page = use_page();
    let dialogs = use_dialogs();
    let close = move || close(page, dialogs);
    let Some(Comparing {
        theirs,
        saved,
        differences,
    }) = dialogs.comparing.get_untracked()
    else {
        return ().into_any();
    };
    let choices = RwSignal::new(
        differences
            .iter()
            .map(Difference::default)
            .collect::<Vec<_>>(),
    );
    let left = Memo::new(move |_| choices.with(|c| c.iter().filter(|c| c.is_none()).count()));
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
                        && !mine
                            .agreement
                            .signatures
                            .iter()
                            .any(|m| m.party_id == s.party_id)
                })
                .map(|s| s.name.clone())
                .collect()
        })
        .unwrap_or_default();
    let nothing = differences.is_empty() && agreements.is_empty();
    let saved_on = t_ui::date_at(
        &Local.date(browser::local_date(saved)),
        &browser::local_time(saved),
    );
    // Whether those agreements count for the result, as the choices stand (what is
    // not chosen yet stays as it is here until it is).
    let agreement_line = {
        let (theirs, differences, names) =
            (theirs.clone(), differences.clone(), agreements.join(", "));
        move || {
            if names.is_empty() {
                return None;
            }
            let chosen: Vec<Choice> =
                choices.with(|c| c.iter().map(|c| c.unwrap_or(Choice::Mine)).collect());
            let counts = brought(ctx, &theirs, &differences, &chosen, None, "")
                .is_some_and(|made| made.is_ok_and(|(_, outcome)| !outcome.agreed.is_empty()));
            Some(if counts {
                t::agreement_counts(&names)
            } else {
                t::agreement_kept(&names)
            })
        }
    };
    let count = differences.len();
    let save = {
        let (theirs, differences, saved_on) =
            (theirs.clone(), differences.clone(), saved_on.clone());
        move |_| {
            let chosen = choices.get_untracked();
            let unchosen: Vec<usize> = chosen
                .iter()
                .enumerate()
                .filter(|(_, c)| c.is_none())
                .map(|(i, _)| i)
                .collect();
            if let Some(&first) = unchosen.first() {
                error.set(Some(t::choose_first(unchosen.len())));
                page.focus_later(first_choice(page, first));
                return;
            }
            let chosen: Vec<Choice> = chosen.into_iter().flatten().collect();
            let by = ctx.me().map(|me| ctx.party_label(&me));
            let made = brought(
                ctx,
                &theirs,
                &differences,
                &chosen,
                by.as_deref(),
                &saved_on,
            );
            match made {
                Some(Ok((result, outcome))) => {
                    ctx.apply(Action::Replace(Box::new(result)));
                    // What they had is common ground from now on.
                    ctx.exchanged(&theirs);
                    // On the coach's desk, the version received waits no longer.
                    drafts.settle_waiting(&theirs.id);
                    drafts.flush();
                    dialogs.comparing.set(None);
                    page.announce(said(&outcome, differences.len()));
                    page.focus_later(page.id("step-heading"));
                }
                Some(Err(e)) => error.set(Some(t::failed(&why(&e)))),
                None => {}
            }
        }
    };
    let set_all = move |choice: Choice| {
        choices.update(|c| c.iter_mut().for_each(|x| *x = Some(choice)));
        error.set(None);
    };
    let who = Signal::derive(move || ctx.me());
    // Asked when nobody has said yet; it stays, so the answer can be changed here.
    let ask = !nothing && untrack(|| ctx.me()).is_none();
    view! {
        // Focus starts on the heading: what the dialog is, before any choice.
        <p>{t::other_saved(&saved_on)}</p>
        {if differences.is_empty() {
            view! { <p class="da-notice">{t::identical()}</p> }.into_any()
        } else {
            view! {
                <p>{t::intro()}</p>
                <p class="da-help">{t::count(count)}</p>
            }
                .into_any()
        }}
        {move || agreement_line().map(|line| view! { <p>{line}</p> })}
        {ask
            .then(|| {
                view! {
                    <WhoIsMe
                        people=ctx.party_labels
                        chosen=who
                        on_choose=move |me| ctx.set_me(me)
                        help=t::who_help()
                        name="compare"
                    />
                }
            })}
        {(count > 1)
            .then(|| {
                view! {
                    <div class="da-dialog-buttons da-diff-all">
                        <button type="button" class="da-button" on:click=move |_| set_all(Choice::Mine)>
                            {t::all_mine()}
                        </button>
                        <button type="button" class="da-button" on:click=move |_| set_all(Choice::Theirs)>
                            {t::all_theirs()}
                        </button>
                    </div>
                }
            })}
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
                            {move || match left.get() {
                                0 => t::save().to_string(),
                                n => t::save_left(n),
                            }}
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

/// A text shown with the runs that differ marked; long runs that do not are shortened to
/// their ends (`first`/`last`: the run opens or closes the text).
fn marked(runs: Vec<diff::Run>) -> impl IntoView {
    const KEEP: usize = 80;
    let n = runs.len();
    runs.into_iter()
        .enumerate()
        .map(|(i, run)| {
            if run.differs {
                // The mark covers the words, not the space after them.
                let words = run.text.trim_end().to_string();
                let space = run.text[words.len()..].to_string();
                view! {
                    <mark class="da-diff-mark">
                        <span class="da-visually-hidden">{t::only_here()} " "</span>
                        {words}
                    </mark>
                    <span class="da-visually-hidden">" " {t::only_here_end()}</span>
                    {space}
                }
                .into_any()
            } else {
                shortened(&run.text, KEEP, i == 0, i + 1 == n).into_any()
            }
        })
        .collect_view()
}

/// `text` with its middle left out when it is long: what is near the changes stays.
fn shortened(text: &str, keep: usize, first: bool, last: bool) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= keep * 2 + 20 {
        return text.to_string();
    }
    let head: String = chars.iter().take(keep).collect();
    let tail: String = chars[chars.len() - keep..].iter().collect();
    // A word cut in two reads badly: cut at a space where there is one.
    let head = head
        .rsplit_once(' ')
        .map_or(head.as_str(), |(h, _)| h)
        .to_string();
    let tail = tail
        .split_once(' ')
        .map_or(tail.as_str(), |(_, t)| t)
        .to_string();
    match (first, last) {
        (true, true) => text.to_string(),
        (true, false) => format!("… {tail}"),
        (false, true) => format!("{head} …"),
        (false, false) => format!("{head} … {tail}"),
    }
}

/// One difference: both sides, and what to keep.
#[component]
fn DifferenceRow(
    /// Its position in the list (names its choices).
    i: usize,
    d: Difference,
    /// One choice per difference (`None`: not chosen yet).
    choices: RwSignal<Vec<Option<Choice>>>,
) -> impl IntoView {
    let page = use_page();
    let name = page.id(&format!("diff-{i}"));
    let legend = format!("{} — {}", d.place, d.what);
    let kind = match d.change {
        Change::OnlyMine => t::only_mine(),
        Change::OnlyTheirs => t::only_theirs(),
        Change::Mine => t::changed_mine(),
        Change::Theirs => t::changed_theirs(),
        Change::Both => t::changed_both(),
    };
    let long = d
        .mine
        .as_ref()
        .zip(d.theirs.as_ref())
        .is_some_and(|(a, b)| a.chars().count() + b.chars().count() > 400);
    let (mine_runs, theirs_runs) = match (&d.mine, &d.theirs) {
        (Some(a), Some(b)) => {
            let (a, b) = diff::words(a, b);
            (Some(a), Some(b))
        }
        (a, b) => (
            a.as_ref().map(|a| {
                vec![diff::Run {
                    text: a.clone(),
                    differs: false,
                }]
            }),
            b.as_ref().map(|b| {
                vec![diff::Run {
                    text: b.clone(),
                    differs: false,
                }]
            }),
        ),
    };
    let side = |label: &'static str, runs: Option<Vec<diff::Run>>| {
        let missing = runs.is_none();
        view! {
            <div class="da-diff-side">
                <p class="da-diff-label">{label}</p>
                <p class="da-diff-text" class:da-diff-missing=missing>
                    {match runs {
                        Some(runs) => marked(runs).into_any(),
                        None => t::not_there().into_any(),
                    }}
                </p>
            </div>
        }
    };
    // For a list item one side lacks: keep it, or leave it out.
    let options = match (d.is_item(), &d.mine, &d.theirs) {
        (true, Some(_), None) => vec![
            (Choice::Mine, t::keep_it()),
            (Choice::Theirs, t::leave_out()),
        ],
        (true, None, Some(_)) => vec![
            (Choice::Theirs, t::keep_it()),
            (Choice::Mine, t::leave_out()),
        ],
        _ if d.can_keep_both() => vec![
            (Choice::Mine, t::keep_mine()),
            (Choice::Theirs, t::take_theirs()),
            (Choice::Both, t::keep_both()),
        ],
        _ => vec![
            (Choice::Mine, t::keep_mine()),
            (Choice::Theirs, t::take_theirs()),
        ],
    };
    let whole = long.then(|| {
        let (mine, theirs) = (
            d.mine.clone().unwrap_or_default(),
            d.theirs.clone().unwrap_or_default(),
        );
        view! {
            <details class="da-fold da-diff-whole">
                <summary>{t::whole_text()}</summary>
                <div class="da-diff-sides">
                    <div class="da-diff-side">
                        <p class="da-diff-label">{t::mine()}</p>
                        <p class="da-diff-text">{mine}</p>
                    </div>
                    <div class="da-diff-side">
                        <p class="da-diff-label">{t::theirs()}</p>
                        <p class="da-diff-text">{theirs}</p>
                    </div>
                </div>
            </details>
        }
    });
    view! {
        <li class="da-diff">
            <fieldset class="da-fieldset">
                <legend class="da-diff-legend">{legend}</legend>
                <p class="da-help">{kind}</p>
                <div class="da-diff-sides">
                    {side(t::mine(), mine_runs)} {side(t::theirs(), theirs_runs)}
                </div>
                {whole}
                <div class="da-diff-choices">
                    {options
                        .into_iter()
                        .enumerate()
                        .map(|(k, (choice, label))| {
                            let id = format!("{name}-{k}");
                            let checked = move || choices.with(|c| c.get(i) == Some(&Some(choice)));
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
                                                        *x = Some(choice);
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
