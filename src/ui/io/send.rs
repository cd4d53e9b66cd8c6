//! "Send to Jordan": the alliance reaches the coach the page names ([`Coaching`]), never
//! through a server of ours. The person first sees exactly what goes to whom; then their own
//! email app opens with the coach's address, a subject, a short summary and the share link
//! (or, when that would be too long for a mail link, the file to attach), or, when the page
//! names the coach's own address on the web (`coach-endpoint`), the alliance is posted there
//! when they press "Send". What the dialog shows comes with the living alliance's part
//! ([`crate::ui::living::placed`]), loaded when first used.

use super::share::{self, Sharing};
use super::{use_dialogs, Dialogs};
use crate::core::coach::{self, Coach, Letter};
use crate::core::text::{coach as t, ui as tu};
use crate::core::{format::file_name, json};
use crate::ui::browser;
use crate::ui::ctx::{use_ctx, use_page, use_way, Page};
use crate::ui::living::{placed, Which};
use crate::ui::shell::Modal;
use js_sys::Reflect;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Who the alliance is sent to, and whether this page is the coach's own desk.
#[derive(Clone, Copy)]
pub struct Coaching {
    /// The coach the page names (its attributes, completed by the coach's template).
    pub coach: RwSignal<Coach>,
    /// The coach's own page (`mode="coach"`): a client's file or link is filed by its people,
    /// and My drafts says what was received and what changed since.
    pub desk: bool,
}

/// What the page says of its coach, as the widget starts: who they are, and whether this is
/// their own page.
#[derive(Debug, Clone, Default)]
pub struct Coached {
    pub coach: Coach,
    pub desk: bool,
}

/// Who the alliance is sent to, from the widget's root.
/// (A view mounted on its own, as the component tests do, has no coach.)
pub fn use_coaching() -> Coaching {
    use_context::<Coaching>().unwrap_or_else(|| Coaching {
        coach: RwSignal::new(Coach::default()),
        desk: false,
    })
}

/// "Send to Jordan", when the page names a coach to send to.
#[component]
pub fn SendButton(
    /// The button's classes (a menu item or a large button).
    class: &'static str,
) -> impl IntoView {
    let coaching = use_coaching();
    let dialogs = use_dialogs();
    move || {
        coaching.coach.with(Coach::reachable).then(|| {
            view! {
                <button type="button" class=class on:click=move |_| dialogs.sending.set(true)>
                    {move || t::send(&coaching.coach.with(Coach::called))}
                </button>
            }
        })
    }
}

/// The dialog of sending: its heading here, what it shows a part.
#[component]
pub fn SendDialog() -> impl IntoView {
    let page = use_page();
    let (dialogs, coaching) = (use_dialogs(), use_coaching());
    let close = move || dialogs.sending.set(false);
    view! {
        <Modal open=dialogs.sending on_close=move |_| close() labelledby=page.id("send-heading")>
            <h2 class="da-dialog-heading" id=page.id("send-heading") tabindex="-1" autofocus>
                {move || t::title(&coaching.coach.with(Coach::called))}
            </h2>
            {placed(Which::Send, Some(Callback::new(move |()| close())))}
        </Modal>
    }
}

/// What goes to the coach: the file, its name, and the email (when the coach has an address).
#[derive(Clone)]
struct Parcel {
    file: String,
    name: String,
    letter: Option<Letter>,
    /// The share link could not be made: why (the file is attached instead).
    no_link: bool,
}

/// Where sending to the coach's address on the web stands.
#[derive(Clone, PartialEq)]
enum Posting {
    Ready,
    Sending,
    Sent(String),
    Failed(String),
}

/// What the dialog of sending shows, made in the dialog's own scope.
pub fn send_view() -> AnyView {
    let page = use_page();
    let (ctx, way, dialogs, coaching) = (use_ctx(), use_way(), use_dialogs(), use_coaching());
    let coach = coaching.coach.get_untracked();
    let called = coach.called();
    let now = browser::now();
    let Some((file, summary, people, title, written)) = ctx.try_with_untracked(|a| {
        let people = a
            .parties
            .iter()
            .map(|p| a.party_label(&p.id))
            .collect::<Vec<_>>()
            .join(", ");
        // Something written beyond who it is between: else there is nothing to send.
        let written = crate::core::SectionId::ALL
            .iter()
            .filter(|s| **s != crate::core::SectionId::Basics)
            .any(|s| crate::core::validate::has_content(a, *s));
        (
            json::export(a, now),
            way.summary(a),
            people,
            a.title.clone(),
            written,
        )
    }) else {
        return ().into_any();
    };
    let close = move || dialogs.sending.set(false);
    if !written {
        return view! {
            <p class="da-notice da-notice-warning" role="alert">{t::empty()}</p>
            <div class="da-dialog-buttons">
                <button type="button" class="da-button" on:click=move |_| close()>{tu::close()}</button>
            </div>
        }
        .into_any();
    }
    let file = match file {
        Ok(file) => file,
        Err(e) => {
            return view! { <p role="alert" class="da-notice da-notice-error">{crate::core::text::share::failed(&e.to_string())}</p> }
                .into_any()
        }
    };
    let name = file_name(&title, browser::today(), "json");
    let parcel = RwSignal::new(None::<Parcel>);
    {
        let (coach, called) = (coach.clone(), called.clone());
        leptos::task::spawn_local(async move {
            let (letter, no_link) = match &coach.email {
                Some(to) => {
                    // The link opens on the coach's own page when the page names it.
                    let form = coach
                        .desk
                        .clone()
                        .or_else(share::address)
                        .unwrap_or_default();
                    let link =
                        match share::made_at(Ok::<_, String>(file.clone()), form.clone()).await {
                            Sharing::Ready { link, .. } => Some(link),
                            _ => None,
                        };
                    let named = if coach.name.trim().is_empty() {
                        ""
                    } else {
                        called.as_str()
                    };
                    let letter = coach::letter(
                        &summary,
                        named,
                        to,
                        &people,
                        link.as_deref(),
                        (&name, &form),
                    );
                    (Some(letter), link.is_none())
                }
                None => (None, false),
            };
            parcel.try_set(Some(Parcel {
                file,
                name,
                letter,
                no_link,
            }));
        });
    }
    let posting = RwSignal::new(Posting::Ready);
    view! {
        <p>{t::intro(&called)}</p>
        {move || match parcel.get() {
            None => view! { <p role="status">{crate::core::text::share::making()}</p> }.into_any(),
            Some(p) => parcel_view(page, dialogs, coach.clone(), called.clone(), p, posting).into_any(),
        }}
        <div class="da-dialog-buttons">
            <button type="button" class="da-button" on:click=move |_| close()>{tu::close()}</button>
        </div>
    }
    .into_any()
}

/// The email and the address on the web, once what goes is ready.
fn parcel_view(
    page: Page,
    dialogs: Dialogs,
    coach: Coach,
    called: String,
    parcel: Parcel,
    posting: RwSignal<Posting>,
) -> impl IntoView {
    let Parcel {
        file,
        name,
        letter,
        no_link,
    } = parcel;
    let body_id = page.id("send-body");
    let email = letter.map(|letter| {
        let to = coach.email.clone().unwrap_or_default();
        let shown_to = if coach.name.trim().is_empty() {
            to.clone()
        } else {
            format!("{} <{to}>", coach.name.trim())
        };
        let attach = letter.link_left_out.is_some() || no_link;
        let why_attach = match letter.link_left_out {
            Some(chars) => t::too_long(chars, coach::MAX_MAIL_LINK),
            None => t::made_link_failed().to_string(),
        };
        // What the buttons of the email did, said here (and read out).
        let said = RwSignal::new(String::new());
        let tell = move |words: String| {
            page.announce(words.clone());
            said.set(words);
        };
        let (file_d, name_d) = (file.clone(), name.clone());
        let download = move |_| match browser::download(&name_d, "application/json", &file_d) {
            Ok(()) => tell(t::downloaded(&name_d)),
            Err(e) => tell(tu::download_failed(&e.to_string())),
        };
        let (body_c, called_c) = (letter.body.clone(), called.clone());
        let copy = move |_| {
            let (body, called) = (body_c.clone(), called_c.clone());
            leptos::task::spawn_local(async move {
                match browser::copy_text(&body).await {
                    Ok(()) => tell(t::copied(&called)),
                    // The text is on screen, selectable, whatever the clipboard says.
                    Err(e) => tell(t::copy_failed(&e.to_string())),
                }
            });
        };
        let opened = called.clone();
        let (sheet_text, sheet_file, sheet_title) =
            (letter.body.clone(), file.clone(), letter.subject.clone());
        view! {
            <dl class="da-doc-dl da-send-head">
                <dt>{t::to()}</dt>
                <dd>{shown_to}</dd>
                <dt>{t::subject_label()}</dt>
                <dd>{letter.subject.clone()}</dd>
            </dl>
            <label class="da-label" for=body_id.clone()>{t::body_label()}</label>
            <textarea id=body_id class="da-input da-textarea da-copy-area" readonly rows="8">
                {letter.body.clone()}
            </textarea>
            {attach
                .then(|| {
                    view! {
                        <p class="da-notice">{why_attach}</p>
                        <button type="button" class="da-button da-button-primary" on:click=download>
                            {t::download()}
                        </button>
                    }
                })}
            <p class="da-send-actions">
                <a
                    class="da-button da-button-primary"
                    href=letter.mailto.clone()
                    on:click=move |_| {
                        page.announce(t::email_opened(&opened));
                        page.tell("da-sent", r#"{"via":"email","ok":true}"#);
                    }
                >
                    {t::open_email()}
                </a>
                " "
                <button type="button" class="da-button" on:click=copy>{t::copy()}</button>
            </p>
            <p class="da-send-note">
                {if attach { t::open_email_attach_note() } else { t::open_email_note() }}
            </p>
            <p class="da-send-note" role="status">{move || said.get()}</p>
            {share::has_share_sheet()
                .then(|| {
                    view! {
                        <p class="da-send-note">{t::share_sheet_note()}</p>
                        <button
                            type="button"
                            class="da-button"
                            on:click=move |_| {
                                let _ = share::share_sheet(&sheet_text, None, &sheet_file, &sheet_title);
                            }
                        >
                            {t::share_sheet()}
                        </button>
                    }
                })}
        }
    });
    let web = coach.endpoint.clone().map(|address| {
        let (called_w, address_w) = (called.clone(), address.clone());
        let send = move |_| {
            if posting.get_untracked() == Posting::Sending {
                return;
            }
            posting.set(Posting::Sending);
            let (file, address, called) = (file.clone(), address_w.clone(), called_w.clone());
            leptos::task::spawn_local(async move {
                let result = post(&address, &file, &called).await;
                let (state, detail) = match result {
                    Ok(status) => (
                        Posting::Sent(t::sent(&called, &browser::local_time(browser::now()))),
                        serde_json::json!({ "via": "web", "ok": true, "status": status }),
                    ),
                    Err(why) => (
                        Posting::Failed(t::not_sent(&why)),
                        serde_json::json!({ "via": "web", "ok": false, "error": why }),
                    ),
                };
                if let Posting::Sent(words) | Posting::Failed(words) = &state {
                    page.announce(words.clone());
                }
                posting.try_set(state);
                page.tell("da-sent", &detail.to_string());
            });
        };
        view! {
            <h3 class="da-send-web-heading">{t::web_heading(&called)}</h3>
            <p>{t::web_what(&called, &address)}</p>
            <button
                type="button"
                class="da-button da-button-primary"
                aria-disabled=move || (posting.get() == Posting::Sending).then_some("true")
                on:click=send
            >
                {move || {
                    if posting.get() == Posting::Sending {
                        t::sending().to_string()
                    } else {
                        t::web_send(&called)
                    }
                }}
            </button>
            {move || match posting.get() {
                Posting::Sent(words) => view! { <p class="da-notice da-notice-success" role="status">{words}</p> }
                    .into_any(),
                Posting::Failed(words) => view! { <p class="da-notice da-notice-error" role="alert">{words}</p> }
                    .into_any(),
                _ => ().into_any(),
            }}
        }
    });
    let _ = dialogs;
    view! { {email} {web} }
}

/// Posts the alliance's file text to the coach's address: the status when it was taken, else
/// why not, in words.
async fn post(address: &str, file: &str, coach: &str) -> Result<u16, String> {
    let unreachable = || t::why_unreachable(address);
    let window = web_sys::window().ok_or_else(unreachable)?;
    // A plain object (what `RequestInit` is), set member by member: nothing of the page's own
    // (cookies, sign-ins) goes with it.
    let init = js_sys::Object::new();
    let headers = js_sys::Object::new();
    let set = |on: &js_sys::Object, key: &str, value: &JsValue| {
        Reflect::set(on, &key.into(), value).map(|_| ())
    };
    set(&headers, "Content-Type", &"application/json".into())
        .and_then(|()| set(&init, "method", &"POST".into()))
        .and_then(|()| set(&init, "body", &file.into()))
        .and_then(|()| set(&init, "credentials", &"omit".into()))
        .and_then(|()| set(&init, "headers", &headers))
        .map_err(|_| unreachable())?;
    let init: web_sys::RequestInit = init.unchecked_into();
    let response = JsFuture::from(window.fetch_with_str_and_init(address, &init))
        .await
        .map_err(|_| unreachable())?
        .dyn_into::<web_sys::Response>()
        .map_err(|_| unreachable())?;
    if response.ok() {
        Ok(response.status())
    } else {
        let status = format!("{} {}", response.status(), response.status_text());
        Err(t::why_status(coach, status.trim()))
    }
}
