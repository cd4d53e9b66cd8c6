//! Opening a saved alliance: by file picker or drag and drop, with a preview and a
//! confirmation before anything changes. Errors are shown in plain words and change nothing.

use super::Comparing;
use super::{use_dialogs, Dialogs};
use crate::core::content;
use crate::core::json::{self, Imported, MAX_FILE_BYTES};
use crate::core::text::{self, import as msg, merge, ui as t};
use crate::core::{Dates, Id, Status};
use crate::ui::browser::{self, Local, ReadError};
use crate::ui::ctx::{use_ctx, use_page, Ctx, Page, Step};
use crate::ui::drafts::{use_drafts, Drafts};
use crate::ui::fields::WhoIsMe;
use crate::ui::part::{part, Part, Unavailable};
use crate::ui::shell::Modal;
use leptos::html;
use leptos::prelude::*;

/// Reads `file` and, when it is a valid alliance, asks for confirmation.
pub fn open_file(page: Page, dialogs: Dialogs, file: web_sys::File) {
    dialogs.import_error.set(None);
    leptos::task::spawn_local(async move {
        let result = match browser::read_file(&file, MAX_FILE_BYTES).await {
            Ok(bytes) => or_unavailable(read_file(bytes).await),
            Err(ReadError::TooLarge(size)) => Err(msg::too_large(size, MAX_FILE_BYTES as u64)),
            Err(ReadError::Unreadable) => Err(t::import_read_failed().to_string()),
        };
        match result {
            Ok(imported) => {
                dialogs.pending_import.try_set(Some(imported));
            }
            Err(message) => {
                dialogs
                    .import_error
                    .try_set(Some((t::import_failed_title(), message)));
                page.announce(t::import_failed_title());
            }
        }
    });
}

/// Opens the file of a drop or a picker (one at a time).
pub fn open_files(page: Page, dialogs: Dialogs, files: Option<web_sys::FileList>) {
    let Some(files) = files else { return };
    if files.length() > 1 {
        dialogs.import_error.set(Some((
            t::import_failed_title(),
            t::import_one_file().to_string(),
        )));
        return;
    }
    if let Some(file) = files.get(0) {
        open_file(page, dialogs, file);
    }
}

/// The "Open a file…" button and its hidden file input.
#[component]
pub fn ImportButton() -> impl IntoView {
    let page = use_page();
    let dialogs = use_dialogs();
    let input = NodeRef::<html::Input>::new();
    let choose = move |_| {
        if let Some(i) = input.get() {
            // Choosing the same file again must still be noticed.
            i.set_value("");
            i.click();
        }
    };
    view! {
        <button type="button" class="da-button da-button-menu-item" on:click=choose>
            {t::import()}
        </button>
        <input
            id=page.id("file-input")
            type="file"
            accept=".json,application/json"
            hidden
            aria-label=t::file_input_label()
            node_ref=input
            on:change:target=move |ev| open_files(page, dialogs, ev.target().files())
        />
    }
}

/// The import error, if any, in plain words.
#[component]
pub fn ImportError() -> impl IntoView {
    let dialogs = use_dialogs();
    view! {
        <div>
            {move || {
                dialogs.import_error
                    .get()
                    .map(|(title, message)| {
                        view! {
                            <div class="da-notice da-notice-error" role="alert">
                                <p>
                                    <strong>{title}</strong>
                                </p>
                                <p>{message}</p>
                                <p>{t::import_unchanged()}</p>
                                <button
                                    type="button"
                                    class="da-button da-button-quiet"
                                    on:click=move |_| dialogs.import_error.set(None)
                                >
                                    {t::close()}
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
    }
}

/// One term of the preview.
#[component]
fn Row(
    /// What it is.
    term: &'static str,
    /// What the file says.
    value: String,
) -> impl IntoView {
    view! {
        <div class="da-doc-row">
            <dt>{term}</dt>
            <dd>{value}</dd>
        </div>
    }
}

/// Leaves the file or link unopened. A link whose preview never showed goes back into the
/// address bar, and the person is told so.
fn cancel(page: Page, dialogs: Dialogs) {
    dialogs.pending_import.set(None);
    if super::share::give_back_link() {
        page.announce(crate::core::text::part::link_kept());
    } else {
        page.announce(t::import_cancelled());
    }
}

/// The preview of a file about to be opened, with the choice to open it or not: when this
/// browser already has the alliance, comparing comes first; otherwise it opens as a new draft,
/// and the person may say which of its people they are.
#[component]
pub fn ImportPreview() -> impl IntoView {
    let page = use_page();
    let (ctx, dialogs) = (use_ctx(), use_dialogs());
    let drafts = use_drafts();
    let open = Signal::derive(move || dialogs.pending_import.with(Option::is_some));
    view! {
        <Modal open on_close=move |_| cancel(page, dialogs) labelledby=page.id("import-heading")>
            <h2 class="da-dialog-heading" id=page.id("import-heading") tabindex="-1" autofocus>
                {t::import_title()}
            </h2>
            <Part
                load=preview
                show={move |make: fn(Ctx, Drafts) -> AnyView| {
                    super::share::forget_link();
                    make(ctx, drafts)
                }}
                missing=crate::core::text::part::preview_unavailable
                close=Callback::new(move |()| cancel(page, dialogs))
            />
        </Modal>
    }
}

/// What a close reader gave, its part's absence said as any other reason the text cannot be
/// read (nothing changes either way).
pub fn or_unavailable<T>(read: Result<Result<T, String>, Unavailable>) -> Result<T, String> {
    read.unwrap_or_else(
        |Unavailable| Err(crate::core::text::part::reader_unavailable().to_string()),
    )
}

part!(preview, fetch_file_reader:
    /// Reads a file closely: what is wrong and where, in plain words (the first download reads
    /// only drafts this widget wrote, [`json::read_own`]).
    pub fn read_file(bytes: Vec<u8>) -> Result<Imported, String> {
        json::import(&bytes).map_err(|e| e.message)
    }
);

part!(preview, fetch_text_reader:
    /// Reads the text the host page hands over (`importJson`) as [`read_file`] reads a file.
    pub fn read_text(text: String) -> Result<Imported, String> {
        json::import_text(&text).map_err(|e| e.message)
    }
);

part!(preview, fetch_draft_reader:
    /// Says where and what is wrong in a stored draft that could not be read.
    pub fn explain_draft(raw: String) -> String {
        crate::core::drafts::explain(&raw)
    }
);

part!(preview, fetch_preview:
    /// What shows the preview of a file or link about to be opened, and what to do with it.
    pub fn preview() -> fn(Ctx, Drafts) -> AnyView {
        preview_view
    }
);

/// What [`preview`] shows.
/// Made in the dialog's own scope, where the dialogs' state is found.
fn preview_view(ctx: Ctx, drafts: Drafts) -> AnyView {
    let page = use_page();
    let dialogs = use_dialogs();
    let cancel = move || cancel(page, dialogs);
    // Who the person is among its people, if they say (opening it as a new draft).
    let me = RwSignal::new(None::<Id>);
    let confirm = move || {
        if let Some(Imported { alliance, .. }) =
            dialogs.pending_import.try_update(Option::take).flatten()
        {
            // A new draft: the one on screen stays in "My drafts".
            drafts.open_new(alliance, me.get_untracked(), Step::Review);
            page.announce(t::import_done());
        }
    };
    // The same alliance as a draft in this browser: compare with that draft (opened first).
    let compare = move |slot: Option<String>| {
        if let Some(Imported {
            alliance,
            exported_at,
            ..
        }) = dialogs.pending_import.try_update(Option::take).flatten()
        {
            if let Some(slot) = slot {
                drafts.open_slot(&slot);
            }
            dialogs
                .comparing
                .try_set(Comparing::new(ctx, alliance, exported_at));
        }
    };
    let Some(Imported {
        alliance: a,
        exported_at,
        ..
    }) = dialogs.pending_import.get_untracked()
    else {
        return ().into_any();
    };
    let desk = super::send::use_coaching().desk;
    me.set(None);
    let title = if a.title.trim().is_empty() {
        text::untitled().to_string()
    } else {
        a.title.trim().to_string()
    };
    let labels: Vec<(Id, String)> = a
        .parties
        .iter()
        .map(|p| (p.id.clone(), a.party_label(&p.id)))
        .collect();
    let people = labels
        .iter()
        .map(|(_, name)| name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    // On the coach's desk: filed by its people, and said whether it changed since.
    let on_desk = desk.then(|| super::desk::on_desk(drafts, &a));
    let held = drafts.holding(&a.id);
    // Nothing of the person's on screen: nothing to keep, nothing to say stays.
    let work = drafts.has_work();
    let status = match a.status {
        Status::Draft => t::status_draft(),
        Status::Agreed => t::status_agreed(),
    };
    let saved = t::date_at(
        &Local.date(browser::local_date(exported_at)),
        &browser::local_time(exported_at),
    );
    let agreed_by = a
        .agreement
        .signatures
        .iter()
        .map(|s| s.name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    view! {
            <dl class="da-doc-dl da-preview">
                <Row term=t::preview_title() value=title/>
                <Row term=t::preview_people() value=people/>
                {a
                    .relationship
                    .map(|kind| {
                        view! {
                            <Row
                                term=text::export::relationship()
                                value=content::relationship_label(kind).to_string()
                            />
                        }
                    })}
                <Row term=text::export::status() value=status.to_string()/>
                {(!agreed_by.is_empty())
                    .then(|| view! { <Row term=t::preview_agreed() value=agreed_by.clone()/> })}
                <Row
                    term=t::preview_contents()
                    value=t::preview_counts(a.commitments.len(), a.progress.len())
                />
                <Row term=t::preview_saved() value=saved/>
            </dl>
            {on_desk.map(|on| super::desk::desk_view(page, ctx, drafts, dialogs, on, cancel))}
            <div class="da-preview-choices" hidden=desk>
            // The same alliance as a draft here: comparing comes first.
            {match &held {
                Some((_, title)) => view! { <p class="da-notice">{merge::same_alliance(title)}</p> }
                    .into_any(),
                None if work => view! { <p class="da-notice da-notice-warning">{t::import_warning()}</p> }
                    .into_any(),
                None => view! { <p class="da-notice">{t::import_fresh()}</p> }.into_any(),
            }}
            {held
                .is_none()
                .then(|| {
                    view! {
                        <WhoIsMe
                            people=labels.clone()
                            chosen=me
                            on_choose=move |who| me.set(who)
                            name="preview"
                        />
                    }
                })}
            <div class="da-dialog-buttons">
                {held
                    .clone()
                    .map(|(slot, _)| {
                        view! {
                            <button
                                type="button"
                                class="da-button da-button-primary"
                                on:click=move |_| compare(slot.clone())
                            >
                                {merge::compare()}
                            </button>
                        }
                    })}
                <button
                    type="button"
                    class="da-button"
                    class:da-button-primary=held.is_none()
                    on:click=move |_| confirm()
                >
                    {t::import_replace()}
                </button>
                <button type="button" class="da-button" on:click=move |_| cancel()>
                    {if held.is_some() || work { t::import_cancel() } else { t::import_not_now() }}
                </button>
            </div>
            </div>
        }
            .into_any()
}
