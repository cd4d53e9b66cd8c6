//! Taking the alliance away: JSON, an email (formatted and plain text), Markdown, print,
//! calendar.

use super::{use_dialogs, Dialogs};
use crate::core::text::ui as t;
use crate::core::{email, format::file_name, ics, json, markdown};
use crate::ui::browser;
use crate::ui::ctx::{use_ctx, use_page, use_way, Ctx, Page, Step, Way};
use crate::ui::part::part;
use crate::ui::shell::Modal;
use leptos::html;
use leptos::prelude::*;

/// What was exported, for the host page's `da-exported` event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    Json,
    Email,
    Markdown,
    Print,
    Calendar,
}

impl ExportKind {
    pub fn key(self) -> &'static str {
        match self {
            ExportKind::Json => "json",
            ExportKind::Email => "email",
            ExportKind::Markdown => "markdown",
            ExportKind::Print => "print",
            ExportKind::Calendar => "calendar",
        }
    }
}

/// Downloads the alliance as a JSON file named after its title and today's date.
pub fn download_json(page: Page, ctx: Ctx) {
    let downloaded = download(
        page,
        ctx,
        ExportKind::Json,
        "json",
        "application/json",
        json::export,
        t::downloaded(),
    );
    // A version that may go to the others: remembered, to tell later who changed what.
    if downloaded {
        if let Some(a) = ctx.try_with_untracked(Clone::clone) {
            ctx.exchanged(&a);
        }
    }
}

/// Downloads the alliance written by `write` as a file named after its title and the date;
/// says whether the download started.
fn download(
    page: Page,
    ctx: Ctx,
    kind: ExportKind,
    extension: &str,
    mime: &str,
    write: fn(&crate::core::Alliance, crate::core::Timestamp) -> Result<String, serde_json::Error>,
    done: &str,
) -> bool {
    let now = browser::now();
    let Some((name, file)) = ctx.try_with_untracked(|a| {
        (
            file_name(&a.title, browser::today(), extension),
            write(a, now),
        )
    }) else {
        return false;
    };
    let result = file
        .map_err(ExportError::from)
        .and_then(|f| Ok(browser::download(&name, mime, &f)?));
    let started = result.is_ok();
    finish(page, kind, result, done);
    started
}

/// A copy of the alliance written by one of the writers a first visit does not need.
pub(crate) enum Written {
    Email {
        html: String,
        plain: String,
    },
    Markdown(String),
    Calendar(String),
    /// No date was chosen that a calendar could hold: no file, and the person is told so.
    NoDates,
}

/// Minutes east of UTC in this browser's time zone at a local date and hour (what
/// `getTimezoneOffset` says, the other way round), for the calendar's time zone.
fn local_offset(d: crate::core::Date, hour: u8) -> i32 {
    let js = js_sys::Date::new_with_year_month_day_hr(
        u32::try_from(d.year()).unwrap_or(2000),
        i32::from(d.month()) - 1,
        i32::from(d.day()),
        i32::from(hour),
    );
    // Years 0 to 99 would be read as 1900 to 1999.
    js.set_full_year(u32::try_from(d.year()).unwrap_or(2000));
    let minutes = -js.get_timezone_offset();
    if minutes.is_finite() {
        // Saturating float-to-int conversion: any offset a browser gives fits.
        minutes.round() as i32
    } else {
        0
    }
}

/// The name of this browser's time zone ("Europe/Madrid"), if it says.
fn zone_name() -> String {
    let format = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new());
    js_sys::Reflect::get(&format.resolved_options(), &"timeZone".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "UTC".to_string())
}

part!(exports, fetch_exports:
    /// Writes the alliance as `kind` asks (email, Markdown or calendar; anything else: the
    /// calendar).
    pub(crate) fn write(ctx: Ctx, way: Way, kind: ExportKind) -> Option<Written> {
        let now = browser::now();
        ctx.try_with_untracked(|a| match kind {
            ExportKind::Email => {
                let summary = way.summary(a);
                Written::Email {
                    html: email::html_document(&summary, now, &browser::Local),
                    plain: email::plain_text(&summary, now, &browser::Local),
                }
            }
            ExportKind::Markdown => {
                Written::Markdown(markdown::write(&way.summary(a), now, &browser::Local))
            }
            _ => {
                let today = browser::today();
                if ics::events(a, today).is_empty() {
                    Written::NoDates
                } else {
                    let name = zone_name();
                    let zone = ics::Zone {
                        name: &name,
                        offset: &local_offset,
                    };
                    Written::Calendar(ics::to_ics_in(a, now, today, &zone))
                }
            }
        })
    }
);

/// What the ways of taking the alliance away use: the page they say it on, the alliance, the
/// way through (what this page shows of it) and the dialogs they may open.
#[derive(Clone, Copy)]
struct Taking {
    page: Page,
    ctx: Ctx,
    way: Way,
    dialogs: Dialogs,
}

/// Writes the alliance as `kind` asks, then hands it over: a part that cannot be fetched is
/// said plainly, and nothing changes.
fn export(taking: Taking, kind: ExportKind) {
    let Taking { page, ctx, way, .. } = taking;
    leptos::task::spawn_local(async move {
        match write(ctx, way, kind).await {
            Ok(Some(written)) => hand_over(taking, written).await,
            Ok(None) => {}
            Err(_) => page.announce(crate::core::text::part::export_unavailable()),
        }
    });
}

/// Copies or downloads what was written.
async fn hand_over(taking: Taking, written: Written) {
    let Taking {
        page, ctx, dialogs, ..
    } = taking;
    match written {
        Written::Email { html, plain } => match browser::copy_formatted(&html, &plain).await {
            Ok(()) => finish(page, ExportKind::Email, Ok(()), t::copied()),
            // Denied or unavailable: show the text so the person can copy it themselves.
            Err(_) => {
                dialogs
                    .copy_fallback
                    .try_set(Some((t::copy_fallback_plain(), plain)));
            }
        },
        Written::Markdown(text) => match browser::copy_text(&text).await {
            Ok(()) => finish(page, ExportKind::Markdown, Ok(()), t::copied_markdown()),
            Err(_) => {
                dialogs
                    .copy_fallback
                    .try_set(Some((t::copy_fallback_label(), text)));
            }
        },
        Written::Calendar(text) => {
            let name = ctx
                .try_with_untracked(|a| file_name(&a.title, browser::today(), "ics"))
                .unwrap_or_default();
            let result = browser::download(&name, "text/calendar", &text);
            finish(
                page,
                ExportKind::Calendar,
                result.map_err(ExportError::from),
                t::calendar_downloaded(),
            );
        }
        // Said on the status line rather than handing over a calendar with nothing in it.
        Written::NoDates => page.announce(t::calendar_no_dates()),
    }
}

fn copy_email(taking: Taking) {
    export(taking, ExportKind::Email);
}

fn copy_markdown(taking: Taking) {
    export(taking, ExportKind::Markdown);
}

fn download_calendar(taking: Taking) {
    export(taking, ExportKind::Calendar);
}

fn print(taking: Taking) {
    let Taking { page, way, .. } = taking;
    // The review is the printable document: its part first, so it is on the page to print.
    leptos::task::spawn_local(async move {
        if crate::ui::steps::fetch_closing().await.is_err() {
            page.announce(crate::core::text::part::export_unavailable());
            return;
        }
        // Shown for the print only: the person stays where they were (and the review is not
        // counted as looked at), with focus where it was.
        let from = way.step.get_untracked();
        way.step.set(Step::Review);
        browser::after_updates(move || {
            let printed = browser::print(page.root_element());
            way.step.set(from);
            finish(
                page,
                ExportKind::Print,
                printed.map_err(ExportError::from),
                "",
            )
        });
    });
}

/// Why an export did not reach the person.
#[derive(Debug)]
enum ExportError {
    /// The file could not be written.
    Written(serde_json::Error),
    /// The browser did not download, copy or print it.
    Browser(browser::BrowserError),
}

impl From<serde_json::Error> for ExportError {
    fn from(e: serde_json::Error) -> Self {
        ExportError::Written(e)
    }
}

impl From<browser::BrowserError> for ExportError {
    fn from(e: browser::BrowserError) -> Self {
        ExportError::Browser(e)
    }
}

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExportError::Written(e) => e.fmt(f),
            ExportError::Browser(e) => e.fmt(f),
        }
    }
}

fn finish(page: Page, kind: ExportKind, result: Result<(), ExportError>, done: &str) {
    match result {
        Ok(()) => {
            if !done.is_empty() {
                page.announce(done);
            }
            page.tell("da-exported", &format!(r#"{{"kind":"{}"}}"#, kind.key()));
        }
        Err(e) => page.announce(t::download_failed(&e.to_string())),
    }
}

/// The four ways to take the alliance away: as menu items, or as large buttons.
#[component]
pub fn ExportButtons(
    /// Large buttons (the Finish step) rather than menu items.
    #[prop(optional)]
    large: bool,
) -> impl IntoView {
    let taking = Taking {
        page: use_page(),
        ctx: use_ctx(),
        way: use_way(),
        dialogs: use_dialogs(),
    };
    let class = if large {
        "da-button da-button-large"
    } else {
        "da-button da-button-menu-item"
    };
    type Export = (&'static str, fn(Taking));
    let actions: [Export; 6] = [
        (crate::core::text::share::share(), |t| {
            super::share::share(t.ctx, t.dialogs)
        }),
        (t::download_json(), |t| download_json(t.page, t.ctx)),
        (t::copy_email(), copy_email),
        (t::copy_markdown(), copy_markdown),
        (t::print(), print),
        (t::download_calendar(), download_calendar),
    ];
    view! {
        <div class="da-export-buttons">
            // Sending to the coach is what Finish is for on a coach's page: it stands out there.
            <super::send::SendButton class=if large {
                "da-button da-button-large da-button-primary"
            } else {
                class
            }/>
            {actions
                .into_iter()
                .map(|(label, action)| {
                    view! {
                        <button type="button" class=class on:click=move |_| action(taking)>
                            {label}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// Shown when the clipboard is denied: the text, selected, ready to copy by hand.
#[component]
pub fn CopyFallback() -> impl IntoView {
    let page = use_page();
    let dialogs = use_dialogs();
    let heading = page.id("copy-heading");
    let area_id = page.id("copy-text");
    let open = Signal::derive(move || dialogs.copy_fallback.with(Option::is_some));
    let close = move || dialogs.copy_fallback.set(None);
    let h = heading.clone();
    view! {
        <Modal open on_close=move |_| close() labelledby=heading>
            {
                let area = NodeRef::<html::Textarea>::new();
                // Everything selected once the dialog shows, ready for Ctrl+C.
                area.on_load(|a| {
                    browser::after_updates(move || {
                        let _ = a.focus();
                        a.select();
                    })
                });
                let (label, text) = dialogs
                    .copy_fallback
                    .get_untracked()
                    .unwrap_or((t::copy_fallback_plain(), String::new()));
                view! {
                    <h2 class="da-dialog-heading" id=h.clone()>{t::copy_fallback_title()}</h2>
                    <p>{t::copy_fallback_body()}</p>
                    <label class="da-label" for=area_id.clone()>{label}</label>
                    <textarea
                        id=area_id.clone()
                        class="da-input da-textarea da-copy-area"
                        readonly
                        rows="12"
                        node_ref=area
                    >
                        {text}
                    </textarea>
                    <div class="da-dialog-buttons">
                        <button type="button" class="da-button da-button-primary" on:click=move |_| close()>
                            {t::close()}
                        </button>
                    </div>
                }
            }
        </Modal>
    }
}
