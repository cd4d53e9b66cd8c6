//! What the person sees of the drafts: the save status, notices when saving fails or another
//! writer changed the draft, and the "My drafts" dialog.

use super::actions::{Act, Acting, ListAct};
use super::*;
use crate::core::content;
use crate::core::drafts::{Listed, Reason};
use crate::core::text::coach::desk as dt;
use crate::core::text::ui as tu;
use crate::ui::part::{part, Part};
use crate::ui::shell::Modal;

/// A button that does `a`. `name`, when given, is what it is called for assistive technology
/// (to tell apart the buttons of several drafts).
#[component]
fn ActButton<A: Acting>(
    /// What the button says.
    label: &'static str,
    class: &'static str,
    /// What it does.
    act: A,
    /// What assistive technology calls it, when its label alone is not enough.
    #[prop(optional)]
    name: Option<String>,
    #[prop(optional)] id: Option<String>,
) -> impl IntoView {
    let d = use_drafts();
    view! {
        <button type="button" class=class aria-label=name id=id on:click=move |_| act.run(d)>
            {label}
        </button>
    }
}

/// What the save status says about `s`.
fn status_text(s: &State) -> String {
    if s.conflict.is_some() {
        t::conflict_status().to_string()
    } else if s.problem.is_some() {
        t::not_saved().to_string()
    } else if s.pending {
        t::saving().to_string()
    } else if let Some(at) = s.saved_at {
        t::saved(&when(at))
    } else {
        t::saved_as_you_type().to_string()
    }
}

/// The save status beside the title, announced politely.
#[component]
pub fn SaveStatus() -> impl IntoView {
    let d = use_drafts();
    view! {
        <p class="da-save-status" role="status">
            {move || d.s.with(status_text)}
        </p>
    }
}

/// Why a stored draft cannot be opened, in words: at once what can be said without reading it
/// closely, then, when its alliance is the problem, where and what (read by a part; should it
/// not load, the first words stay, true if less precise).
fn explained(reason: Reason, raw: String) -> RwSignal<String> {
    let text = RwSignal::new(t::unreadable(&reason.at_once()));
    if reason == Reason::InItsFile {
        leptos::task::spawn_local(async move {
            if let Ok(words) = crate::ui::io::explain_draft(raw).await {
                text.try_set(t::unreadable(&words));
            }
        });
    }
    text
}

/// A notice: what happened and the two things the person can do about it (the first is the
/// main one).
#[component]
fn Notice(
    /// A title in bold above the text.
    #[prop(optional)]
    title: Option<&'static str>,
    /// What happened, in plain words.
    #[prop(into)]
    text: Signal<String>,
    /// The main thing to do about it: label and action.
    first: (&'static str, Act),
    /// The other thing to do about it.
    second: (&'static str, Act),
) -> impl IntoView {
    view! {
        <div class="da-notice da-notice-warning" role="alert">
            {title.map(|title| view! { <p><strong>{title}</strong></p> })}
            <p>{text}</p>
            <div class="da-notice-buttons">
                <ActButton label=first.0 class="da-button da-button-primary" act=first.1/>
                <ActButton label=second.0 class="da-button" act=second.1/>
            </div>
        </div>
    }
}

/// What went wrong with saving, another writer's changes, or an unreadable draft: each with
/// what the person can do about it.
#[component]
pub fn Notices() -> impl IntoView {
    let d = use_drafts();
    // Each notice follows only what it says.
    let problem = Memo::new(move |_| d.s.with(|s| s.problem.as_ref().map(describe)));
    let conflict = move || d.s.with(|s| s.conflict.is_some());
    // The draft too, not only why: two drafts may fail for the same reason in different places.
    let unreadable = Memo::new(move |_| d.s.with(|s| s.unreadable.clone()));
    view! {
        <div class="da-notices da-no-print">
            {move || {
                problem
                    .get()
                    .map(|text| {
                        view! {
                            <Notice
                                title=t::not_saved()
                                text
                                first=(t::download_copy(), Act::DownloadCopy)
                                second=(t::try_again(), Act::TryAgain)
                            />
                        }
                    })
            }}
            <Show when=conflict>
                <Notice
                    text=t::conflict().to_string()
                    first=(t::keep_mine(), Act::KeepMine)
                    second=(t::load_other(), Act::TakeTheirs)
                />
            </Show>
            {move || {
                unreadable
                    .get()
                    .map(|(reason, raw)| {
                        let text = explained(reason, raw);
                        view! {
                            <Notice
                                text
                                first=(t::download_unreadable(), Act::DownloadUnreadable)
                                second=(tu::close(), Act::HideUnreadable)
                            />
                        }
                    })
            }}
        </div>
    }
}

/// The "My drafts" button for the toolbar.
#[component]
pub fn DraftsButton() -> impl IntoView {
    let d = use_drafts();
    view! {
        <button
            type="button"
            class="da-button da-button-quiet"
            aria-haspopup="dialog"
            on:click=move |_| d.open_dialog()
        >
            {t::my_drafts()}
        </button>
    }
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
    /// On the coach's desk: who it is between (key, names), and a version received that
    /// changed since the coach's, waiting to be compared (what to say, the alliance).
    people: (String, String),
    waiting: Option<(String, Id)>,
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

fn listing(d: Drafts, on_desk: bool) -> Listing {
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
    let desk = on_desk.then(|| d.desk());
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
                                details.push_str(content::relationship_label(kind));
                                details.push_str(" \u{b7} ");
                            }
                            details.push_str(&t::last_saved(&when(info.saved_at)));
                            details.push_str(" \u{b7} ");
                            details.push_str(&tu::progress_label(info.progress));
                            let received = desk.as_ref().and_then(|k| k.of(&info.alliance));
                            if let Some(r) = received {
                                details.push_str(" \u{b7} ");
                                details.push_str(&dt::received(&day_time(r.at)));
                            }
                            let waiting = received
                                .and_then(|r| r.waiting.as_ref())
                                .map(|w| (dt::waiting(&day(w.at)), info.alliance.clone()));
                            let mut key: Vec<String> = info
                                .people
                                .iter()
                                .map(|n| n.trim().to_lowercase())
                                .collect();
                            key.sort();
                            Row {
                                people: (key.join("\u{1f}"), info.people.join(", ")),
                                waiting,
                                open_now: store.slot().as_str() == slot,
                                renaming: renaming.as_deref() == Some(slot.as_str()),
                                title: title_of(&info.title),
                                stored_title: Some(info.title),
                                details,
                                slot,
                            }
                        }
                        // Said in full: this dialog is a part, which reads a draft closely.
                        Listed::Unreadable { slot, reason, raw } => Row {
                            slot,
                            title: t::unreadable_item().to_string(),
                            stored_title: None,
                            details: reason.words(&raw),
                            open_now: false,
                            renaming: false,
                            people: Default::default(),
                            waiting: None,
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

/// One draft in the list, with what can be done with it.
#[component]
fn DraftRow(
    /// The draft, as listed.
    row: Row,
) -> impl IntoView {
    let d = use_drafts();
    let page = d.page;
    let Row {
        slot,
        title,
        stored_title,
        details,
        open_now,
        renaming,
        waiting,
        ..
    } = row;
    let heading = page.id(&format!("draft-{slot}-title"));
    // Each button names its draft for assistive technology ("Delete “Team charter”").
    let name = |label: &str| t::action_label(label, &title);
    let id = |what: &str| page.id(&format!("draft-{slot}-{what}"));
    let delete = || {
        view! {
            <ActButton
                label=t::delete()
                class="da-button da-button-danger"
                act=ListAct::Delete(slot.clone(), title.clone())
                name=name(t::delete())
            />
        }
    };
    let buttons = match stored_title {
        // A value that cannot be read: it can be downloaded or removed, nothing else.
        None => view! {
            <div class="da-draft-buttons">
                <ActButton label=t::download() class="da-button" act=ListAct::DownloadStored(slot.clone()) name=name(t::download())/>
                {delete()}
            </div>
        }
        .into_any(),
        Some(_) if renaming => {
            let (save, cancel) = (slot.clone(), slot.clone());
            view! {
                <div class="da-draft-rename">
                    <input
                        id=page.id("draft-rename")
                        type="text"
                        class="da-input"
                        aria-label=t::new_name_for(&title)
                        bind:value=d.rename
                        on:keydown=move |ev| {
                            let a = match ev.key().as_str() {
                                "Enter" => ListAct::SaveName(save.clone()),
                                // Closes the rename box, not the dialog.
                                "Escape" => ListAct::CancelRename(save.clone()),
                                _ => return,
                            };
                            ev.prevent_default();
                            ev.stop_propagation();
                            d.act_in_list(&a);
                        }
                    />
                    <ActButton label=t::save_name() class="da-button da-button-primary" act=ListAct::SaveName(slot.clone())/>
                    <ActButton label=t::cancel() class="da-button" act=ListAct::CancelRename(cancel)/>
                </div>
            }
            .into_any()
        }
        Some(stored) => view! {
            <div class="da-draft-buttons">
                {(!open_now)
                    .then(|| {
                        view! {
                            <ActButton
                                label=t::open()
                                class="da-button da-button-primary"
                                act=Act::Open(slot.clone())
                                name=name(t::open())
                                id=id("open")
                            />
                        }
                    })}
                <ActButton
                    label=t::rename()
                    class="da-button"
                    act=ListAct::Rename(slot.clone(), stored)
                    name=name(t::rename())
                    id=id("rename")
                />
                <ActButton
                    label=t::duplicate()
                    class="da-button"
                    act=ListAct::Duplicate(slot.clone())
                    name=name(t::duplicate())
                />
                {delete()}
            </div>
        }
        .into_any(),
    };
    let labelledby = heading.clone();
    view! {
        <li class="da-draft" aria-labelledby=labelledby>
            <p class="da-draft-title" id=heading>
                {title.clone()}
                {open_now.then(|| view! { <span class="da-badge">{t::open_now()}</span> })}
            </p>
            <p class="da-draft-meta">{details}</p>
            {waiting
                .map(|(said, alliance)| {
                    view! {
                        <p class="da-draft-waiting">
                            {said}
                            " "
                            <ActButton
                                label=dt::compare()
                                class="da-button"
                                act=ListAct::CompareWaiting(slot.clone(), alliance)
                                name=name(dt::compare())
                            />
                        </p>
                    }
                })}
            {buttons}
        </li>
    }
}

/// The "My drafts" dialog; what it shows is a part, loaded when first used.
#[component]
pub fn DraftsDialog() -> impl IntoView {
    let d = use_drafts();
    let open = Signal::derive(move || d.s.with(|s| s.dialog));
    view! {
        <Modal open on_close=move |_| d.act(&Act::Close) labelledby=d.page.id("drafts-heading")>
            <h2 class="da-dialog-heading" id=d.page.id("drafts-heading")>{t::my_drafts()}</h2>
            <Part
                load=drafts_list
                show={move |make: fn(Drafts) -> AnyView| make(d)}
                close=Callback::new(move |()| d.act(&Act::Close))
            />
        </Modal>
    }
}

part!(drafts, fetch_drafts:
    /// Every draft in this browser, with what can be done with each.
    pub fn drafts_list() -> fn(Drafts) -> AnyView {
        drafts_view
    }
);

/// A date as the list says it ("7 December 2026").
fn day(at: crate::core::Timestamp) -> String {
    use crate::core::Dates;
    browser::Local.date(browser::local_date(at))
}

/// A date and time as the list says it ("7 December 2026 at 14:02").
fn day_time(at: crate::core::Timestamp) -> String {
    tu::date_at(&day(at), &browser::local_time(at))
}

/// The list on the coach's desk: grouped by the people each alliance is between, the group
/// of the latest draft first; drafts that cannot be read last, on their own.
fn grouped(page: Page, rows: Vec<Row>) -> impl IntoView {
    let mut groups: Vec<(String, String, Vec<Row>)> = Vec::new();
    for row in rows {
        let (key, names) = row.people.clone();
        match groups.iter_mut().find(|(k, _, _)| *k == key) {
            Some((_, _, rows)) => rows.push(row),
            None => groups.push((key, names, vec![row])),
        }
    }
    groups
        .into_iter()
        .enumerate()
        .map(|(i, (_, names, rows))| {
            let heading = page.id(&format!("desk-group-{i}"));
            let names = if names.trim().is_empty() {
                dt::nobody().to_string()
            } else {
                names
            };
            view! {
                <section class="da-desk-group" aria-labelledby=heading.clone()>
                    <h3 class="da-desk-people" id=heading.clone()>{names}</h3>
                    <ul class="da-drafts">
                        {rows.into_iter().map(|row| view! { <DraftRow row/> }).collect_view()}
                    </ul>
                </section>
            }
        })
        .collect_view()
}

/// What [`drafts_list`] shows.
fn drafts_view(d: Drafts) -> AnyView {
    let page = d.page;
    let on_desk = crate::ui::io::send::use_coaching().desk;
    view! {
        <p class="da-hint">{if on_desk { dt::note() } else { t::note() }}</p>
        <div>
            {move || {
                let l = listing(d, on_desk);
                let message = l
                    .message
                    .map(|m| {
                        view! {
                            <div class="da-notice da-notice-success">
                                <p>{m}</p>
                                {l
                                    .undo
                                    .then(|| {
                                        view! {
                                            <ActButton
                                                label=t::undo_delete()
                                                class="da-button"
                                                act=ListAct::UndoDelete
                                                id=page.id("drafts-undo")
                                            />
                                        }
                                    })}
                            </div>
                        }
                    });
                let rows = match l.rows {
                    Ok(rows) if rows.is_empty() => view! { <p>{t::none_yet()}</p> }.into_any(),
                    Ok(rows) if on_desk => grouped(page, rows).into_any(),
                    Ok(rows) => view! {
                        <ul class="da-drafts">
                            {rows.into_iter().map(|row| view! { <DraftRow row/> }).collect_view()}
                        </ul>
                    }
                    .into_any(),
                    Err(e) => view! { <p class="da-notice da-notice-error">{e}</p> }.into_any(),
                };
                view! {
                    {l.memory.then(|| view! { <p class="da-notice da-notice-warning">{t::memory_note()}</p> })}
                    {message}
                    {rows}
                    {l
                        .confirm_forget
                        .then(|| {
                            view! {
                                <div class="da-notice da-notice-warning" role="alert">
                                    <p>{t::forget_question()}</p>
                                    <div class="da-notice-buttons">
                                        <ActButton label=t::forget_yes() class="da-button da-button-danger" act=ListAct::Forget/>
                                        <ActButton
                                            label=t::forget_no()
                                            class="da-button"
                                            act=ListAct::KeepAll
                                            id=page.id("forget-no")
                                        />
                                    </div>
                                </div>
                            }
                        })}
                }
            }}
        </div>
        <div class="da-dialog-buttons">
            <ActButton label=t::new_draft() class="da-button da-button-primary" act=ListAct::New/>
            <ActButton label=t::forget() class="da-button da-button-danger" act=ListAct::AskForget id=page.id("forget")/>
            <ActButton label=tu::close() class="da-button" act=Act::Close/>
        </div>
    }
    .into_any()
}
