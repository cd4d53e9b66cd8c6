//! The share link (see [`crate::core::share`] for its format): made on "Share a link…",
//! read when the page opens with one (or when one is pasted into the address bar of a page
//! already open). The browser packs and unpacks with its own `CompressionStream`; unpacking
//! stops at the import limit, so a small link cannot expand into gigabytes.

use super::{use_dialogs, Dialogs};
use crate::core::json::{self, MAX_FILE_BYTES};
use crate::core::share::{self, LinkError, MAX_LINK_CHARS};
use crate::core::text::{share as t, ui as tu};
use crate::ui::browser;
use crate::ui::ctx::{use_ctx, use_page, Ctx, Page};
use crate::ui::part::{part, Part};
use crate::ui::shell::Modal;
use js_sys::{Array, Reflect, Uint8Array};
use leptos::html;
use leptos::prelude::*;
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// The browser's `CompressionStream` or `DecompressionStream`: bytes written to one side
    /// come out of the other, packed or unpacked. (web-sys has them only behind its
    /// unstable-APIs flag.)
    type Codec;
    #[wasm_bindgen(catch, constructor, js_class = "CompressionStream")]
    fn compression(format: &str) -> Result<Codec, JsValue>;
    #[wasm_bindgen(catch, constructor, js_class = "DecompressionStream")]
    fn decompression(format: &str) -> Result<Codec, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &Codec) -> web_sys::ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &Codec) -> web_sys::WritableStream;
}

/// The zlib format: deflate with a checksum, so a changed link fails to unpack.
const FORMAT: &str = "deflate";

thread_local! {
    /// A link in the address bar is opened by one widget only (the first on the page).
    static TAKEN: Cell<bool> = const { Cell::new(false) };
    /// The link taken out of the address bar, until its preview has shown (see
    /// [`give_back_link`]).
    static TAKEN_LINK: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// The preview of the link has shown: the link is no longer needed.
pub fn forget_link() {
    TAKEN_LINK.with(|l| l.take());
}

/// The link's preview was closed before it could show (its part did not arrive): the link
/// goes back into the address bar, so a reload offers it again. True if there was one.
pub fn give_back_link() -> bool {
    let Some(hash) = TAKEN_LINK.with(|l| l.take()) else {
        return false;
    };
    let (Some(window), Some(address)) = (web_sys::window(), address()) else {
        return false;
    };
    let Ok(history) = window.history() else {
        return false;
    };
    let state = history.state().unwrap_or(JsValue::NULL);
    history
        .replace_state_with_url(&state, "", Some(&format!("{address}{hash}")))
        .is_ok()
}

/// Why bytes could not be packed or unpacked.
enum Failure {
    /// More than the limit came out.
    TooLarge,
    /// The stream failed: for unpacking, the data was not what the widget packs.
    Broken(String),
}

fn describe(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// `bytes` through `codec`, refused once more than `limit` bytes come out.
async fn through(codec: Codec, bytes: &[u8], limit: usize) -> Result<Vec<u8>, Failure> {
    let broken = |e: JsValue| Failure::Broken(describe(&e));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&Array::of1(&Uint8Array::from(bytes)))
        .map_err(broken)?;
    let pair = web_sys::ReadableWritablePair::new(&codec.readable(), &codec.writable());
    let reader: web_sys::ReadableStreamDefaultReader = blob
        .stream()
        .pipe_through(&pair)
        .get_reader()
        .unchecked_into();
    let mut out = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(broken)?;
        if Reflect::get(&chunk, &"done".into()).map_or(true, |d| d.is_truthy()) {
            return Ok(out);
        }
        let value: Uint8Array = Reflect::get(&chunk, &"value".into())
            .map_err(broken)?
            .dyn_into()
            .map_err(broken)?;
        let start = out.len();
        let end = start + value.length() as usize;
        if end > limit {
            // Stop unpacking: nothing more is read.
            let _ = reader.cancel();
            return Err(Failure::TooLarge);
        }
        out.resize(end, 0);
        if let Some(place) = out.get_mut(start..end) {
            value.copy_to(place);
        }
    }
}

/// The page's address without its fragment.
pub fn address() -> Option<String> {
    let href = web_sys::window()?.location().href().ok()?;
    Some(href.split('#').next().unwrap_or_default().to_string())
}

/// What the share dialog shows.
#[derive(Clone, PartialEq)]
pub enum Sharing {
    Making,
    /// The link, and the file it carries (handed to the share sheet as well).
    Ready {
        link: String,
        file: String,
    },
    TooLarge(usize),
    Failed(String),
}

/// Makes a link to this page carrying the alliance, and shows it.
pub fn share(ctx: Ctx, dialogs: Dialogs) {
    let Some((file, alliance)) =
        ctx.try_with_untracked(|a| (json::export(a, browser::now()), a.clone()))
    else {
        return;
    };
    dialogs.sharing.set(Some(Sharing::Making));
    leptos::task::spawn_local(async move {
        let made = made(file).await;
        // Only into the dialog that asked for it: closed while the link was being made, it
        // stays closed (and nothing went to anyone).
        let still_open = dialogs
            .sharing
            .try_with_untracked(|s| matches!(s, Some(Sharing::Making)))
            .unwrap_or(false);
        if !still_open {
            return;
        }
        if matches!(made, Sharing::Ready { .. }) {
            // A version that goes to the others: remembered, to tell later who changed what.
            ctx.exchanged(&alliance);
        }
        dialogs.sharing.try_set(Some(made));
    });
}

/// The share link to this page carrying `file` (the alliance as file text), or why there is
/// none.
pub async fn made<E: std::fmt::Display>(file: Result<String, E>) -> Sharing {
    made_at(file, address().unwrap_or_default()).await
}

/// The share link to `page` (an address without `#`) carrying `file`, or why there is none.
pub async fn made_at<E: std::fmt::Display>(file: Result<String, E>, page: String) -> Sharing {
    match (file, Codec::compression(FORMAT)) {
        (Err(e), _) => Sharing::Failed(t::failed(&e.to_string())),
        (_, Err(_)) => Sharing::Failed(t::unsupported().to_string()),
        // Packing never makes much more than it was given.
        (Ok(file), Ok(codec)) => match through(codec, file.as_bytes(), usize::MAX).await {
            Ok(packed) => {
                let link = page + &share::fragment(&packed);
                if link.len() > MAX_LINK_CHARS {
                    Sharing::TooLarge(link.len())
                } else {
                    Sharing::Ready { link, file }
                }
            }
            Err(Failure::TooLarge) => Sharing::Failed(t::unsupported().to_string()),
            Err(Failure::Broken(e)) => Sharing::Failed(t::failed(&e)),
        },
    }
}

/// Opens the share link in the address bar, if there is one: the fragment is taken out of the
/// address at once (a reload or a screenshot does not carry it), the alliance is unpacked and
/// checked like a file, and the preview asks before anything changes.
pub fn open_from_address(page: Page, dialogs: Dialogs) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(hash) = window.location().hash() else {
        return;
    };
    let Some(data) = share::data_of(&hash).map(str::to_string) else {
        return;
    };
    if TAKEN.with(|t| t.replace(true)) {
        return;
    }
    if let (Ok(history), Some(address)) = (window.history(), address()) {
        let state = history.state().unwrap_or(JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(&address));
    }
    TAKEN_LINK.with(|l| l.replace(Some(hash.clone())));
    dialogs.import_error.set(None);
    leptos::task::spawn_local(async move {
        // Reading the link's text is a part, fetched with the preview it leads to.
        let Ok(decoded) = link_bytes(data).await else {
            TAKEN.with(|t| t.set(false));
            give_back_link();
            dialogs.import_error.try_set(Some((
                t::failed_title(),
                t::reader_unavailable().to_string(),
            )));
            return;
        };
        let result = match decoded {
            Err(LinkError::TooLong) => Err(t::too_long().to_string()),
            Err(LinkError::Damaged) => Err(t::damaged().to_string()),
            Ok(packed) => match Codec::decompression(FORMAT) {
                Err(_) => Err(t::unsupported().to_string()),
                Ok(codec) => match through(codec, &packed, MAX_FILE_BYTES).await {
                    Ok(file) => super::import::or_unavailable(super::import::read_file(file).await),
                    Err(Failure::TooLarge) => Err(t::too_large_unpacked(MAX_FILE_BYTES)),
                    Err(Failure::Broken(_)) => Err(t::damaged().to_string()),
                },
            },
        };
        TAKEN.with(|t| t.set(false));
        match result {
            Ok(imported) => {
                dialogs.pending_import.try_set(Some(imported));
            }
            Err(message) => {
                forget_link();
                dialogs
                    .import_error
                    .try_set(Some((t::failed_title(), message)));
                page.announce(t::failed_title());
            }
        }
    });
}

/// Hands the link to the system's share sheet (phones), with the JSON file where the
/// browser can share files. False when there is no share sheet.
fn system_share(ctx: Ctx, link: &str, file: &str) -> bool {
    let title = ctx
        .try_with_untracked(|a| a.title.trim().to_string())
        .unwrap_or_default();
    share_sheet(&t::message(&title), Some(link), file, &title)
}

/// Hands `text` (and `link`) to the system's share sheet, with the alliance's file (`file`,
/// named after `title`) where the browser can share files. False when there is no share
/// sheet; closing the sheet without sharing is nothing to say.
pub fn share_sheet(text: &str, link: Option<&str>, file: &str, title: &str) -> bool {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    let Ok(call) =
        Reflect::get(&navigator, &"share".into()).and_then(|f| f.dyn_into::<js_sys::Function>())
    else {
        return false;
    };
    let name = crate::core::format::file_name(title, browser::today(), "json");
    let data = js_sys::Object::new();
    if let Some(link) = link {
        let _ = Reflect::set(&data, &"url".into(), &link.into());
    }
    let _ = Reflect::set(&data, &"text".into(), &text.into());
    {
        let options = web_sys::FilePropertyBag::new();
        options.set_type("application/json");
        let with_file = js_sys::Object::new();
        let made = web_sys::File::new_with_str_sequence_and_options(
            &Array::of1(&file.into()),
            &name,
            &options,
        );
        if let Ok(f) = made {
            let _ = Reflect::set(&with_file, &"files".into(), &Array::of1(&f));
            let can = Reflect::get(&navigator, &"canShare".into())
                .and_then(|f| f.dyn_into::<js_sys::Function>())
                .and_then(|can| can.call1(&navigator, &with_file))
                .is_ok_and(|v| v.is_truthy());
            if can {
                let _ = Reflect::set(&data, &"files".into(), &Array::of1(&f));
            }
        }
    }
    let Ok(promise) = call
        .call1(&navigator, &data)
        .and_then(|p| p.dyn_into::<js_sys::Promise>())
    else {
        return false;
    };
    // Closing the sheet without sharing rejects the promise: nothing to say then.
    leptos::task::spawn_local(async move {
        let _ = JsFuture::from(promise).await;
    });
    true
}

/// Whether this browser has a system share sheet.
pub fn has_share_sheet() -> bool {
    web_sys::window()
        .and_then(|w| Reflect::get(&w.navigator(), &"share".into()).ok())
        .is_some_and(|f| f.is_function())
}

/// Closes the share dialog.
fn close(dialogs: Dialogs) {
    dialogs.sharing.set(None);
}

/// The share dialog: the link, ready to copy or hand to the share sheet, and where it goes.
/// What it shows is a part, loaded when first used.
#[component]
pub fn ShareDialog() -> impl IntoView {
    let page = use_page();
    let (ctx, dialogs) = (use_ctx(), use_dialogs());
    let open = Signal::derive(move || dialogs.sharing.with(Option::is_some));
    view! {
        <Modal open on_close=move |_| close(dialogs) labelledby=page.id("share-heading")>
            <h2 class="da-dialog-heading" id=page.id("share-heading")>{t::title()}</h2>
            <Part
                load=shared
                show={move |make: fn(Ctx) -> AnyView| make(ctx)}
                close=Callback::new(move |()| close(dialogs))
            />
        </Modal>
    }
}

part!(preview, fetch_link_reader:
    /// The compressed bytes a share link's data stands for (the base64 is read here, in the
    /// part that also shows what the link holds).
    fn link_bytes(data: String) -> Result<Vec<u8>, LinkError> {
        share::decode(&data)
    }
);

part!(share, fetch_share:
    /// The share dialog's content: the link as it is made, or why there is none.
    pub fn shared() -> fn(Ctx) -> AnyView {
        shared_view
    }
);

/// What [`shared`] shows.
/// Made in the dialog's own scope, where the dialogs' state is found.
fn shared_view(ctx: Ctx) -> AnyView {
    let page = use_page();
    let dialogs = use_dialogs();
    let field_id = page.id("share-link");
    let close = move || close(dialogs);
    view! {
        {
            let field_id = field_id.clone();
            move || match dialogs.sharing.get() {
                None | Some(Sharing::Making) => view! { <p role="status">{t::making()}</p> }.into_any(),
                Some(Sharing::Ready { link, file }) => {
                    let field = NodeRef::<html::Input>::new();
                    // Said in the dialog too: the status line is behind it.
                    let copied = RwSignal::new(false);
                    let copy = {
                        let link = link.clone();
                        move |_| {
                            let link = link.clone();
                            leptos::task::spawn_local(async move {
                                match browser::copy_text(&link).await {
                                    Ok(()) => {
                                        copied.try_set(true);
                                        page.announce(t::copied());
                                        page.tell("da-exported", r#"{"kind":"link"}"#);
                                    }
                                    // No clipboard: the link is selected, to copy by hand.
                                    Err(_) => {
                                        if let Some(f) = field.get_untracked() {
                                            let _ = f.focus();
                                            f.select();
                                        }
                                    }
                                }
                            });
                        }
                    };
                    let sheet = {
                        let link = link.clone();
                        move |_| {
                            if system_share(ctx, &link, &file) {
                                page.tell("da-exported", r#"{"kind":"link"}"#);
                            }
                        }
                    };
                    view! {
                        <p>{t::intro()}</p>
                        <label class="da-label" for=field_id.clone()>{t::link_label()}</label>
                        <input
                            id=field_id.clone()
                            class="da-input da-share-link"
                            readonly
                            prop:value=link
                            node_ref=field
                            on:focus:target=|ev| ev.target().select()
                        />
                        <p class="da-help">{t::private()}</p>
                        <p class="da-share-copied" role="status">
                            {move || copied.get().then(t::copied)}
                        </p>
                        <div class="da-dialog-buttons">
                            <button type="button" class="da-button da-button-primary" on:click=copy>
                                {t::copy()}
                            </button>
                            <Show when=has_share_sheet>
                                <button type="button" class="da-button" on:click=sheet.clone()>
                                    {t::system()}
                                </button>
                            </Show>
                            <button type="button" class="da-button" on:click=move |_| close()>
                                {tu::close()}
                            </button>
                        </div>
                    }
                        .into_any()
                }
                Some(Sharing::TooLarge(chars)) => view! {
                    <p class="da-notice da-notice-warning" role="alert">
                        {t::too_large(chars, MAX_LINK_CHARS)}
                    </p>
                    <FileButtons close/>
                }
                    .into_any(),
                Some(Sharing::Failed(message)) => view! {
                    <p class="da-notice da-notice-error" role="alert">{message}</p>
                    <FileButtons close/>
                }
                    .into_any(),
            }
        }
    }
    .into_any()
}

/// When there is no link: the file instead, or close.
#[component]
fn FileButtons(close: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let (page, ctx) = (use_page(), use_ctx());
    view! {
        <div class="da-dialog-buttons">
            <button
                type="button"
                class="da-button da-button-primary"
                on:click=move |_| {
                    super::download_json(page, ctx);
                    close();
                }
            >
                {tu::download_json()}
            </button>
            <button type="button" class="da-button" on:click=move |_| close()>
                {tu::close()}
            </button>
        </div>
    }
}
