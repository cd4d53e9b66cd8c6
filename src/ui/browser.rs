//! Every browser API the widget calls, wrapped so that none can panic: each returns a
//! `Result` or an `Option`, and callers turn failures into a message for the person.
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::core::{Date, Timestamp};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The current instant.
pub fn now() -> Timestamp {
    Timestamp::from_unix_millis(js_sys::Date::now())
}

/// A random number of 48 bits (for ids; not for secrets).
pub fn random_u48() -> u64 {
    // Saturating float-to-int conversion: any value is fine.
    (js_sys::Math::random() * 2f64.powi(48)) as u64
}

/// Today's date in the person's own time zone.
pub fn today() -> Date {
    local_date(now())
}

fn js_date(at: Timestamp) -> js_sys::Date {
    js_sys::Date::new(&JsValue::from_f64(at.unix_seconds() as f64 * 1000.0))
}

/// The date of an instant in the person's own time zone.
pub fn local_date(at: Timestamp) -> Date {
    let d = js_date(at);
    let (y, m, day) = (d.get_full_year(), d.get_month() + 1, d.get_date());
    i32::try_from(y)
        .ok()
        .zip(u8::try_from(m).ok())
        .zip(u8::try_from(day).ok())
        .and_then(|((y, m), d)| Date::new(y, m, d))
        .unwrap_or_else(|| at.date())
}

/// Hours and minutes of an instant in the person's own time zone and locale, for "saved at
/// 2:02 pm".
pub fn local_time(at: Timestamp) -> String {
    let d = js_date(at);
    time_of(&d)
}

thread_local! {
    static LOCALE: std::cell::RefCell<Option<(&'static str, String)>> =
        const { std::cell::RefCell::new(None) };
}

/// Whether `tag` looks like a language tag `Intl` accepts ("en", "en-GB", "en-Latn-US"):
/// anything else would make it throw.
fn plausible_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or_default();
    (2..=3).contains(&language.len())
        && language.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// The locale dates are written in: the person's first preferred variant of the language
/// the widget speaks, so an American reads "December 1, 2026", a Briton "1 December 2026"
/// and a Mexican "1 de diciembre de 2026"; when they prefer none, British English or the
/// Spanish of Spain.
fn locale() -> String {
    let language = crate::core::text::language();
    LOCALE.with(|l| {
        let mut l = l.borrow_mut();
        match &*l {
            Some((lang, locale)) if *lang == language => locale.clone(),
            _ => {
                let prefix = format!("{language}-");
                let locale = web_sys::window()
                    .map(|w| w.navigator().languages().to_vec())
                    .unwrap_or_default()
                    .into_iter()
                    .filter_map(|v| v.as_string())
                    .find(|tag| {
                        plausible_tag(tag)
                            && (tag == language || tag.to_ascii_lowercase().starts_with(&prefix))
                    })
                    .unwrap_or_else(|| {
                        match language {
                            "en" => "en-GB",
                            "es" => "es-ES",
                            // Intl picks the language's usual region.
                            other => other,
                        }
                        .to_string()
                    });
                *l = Some((language, locale.clone()));
                locale
            }
        }
    })
}

/// Counts take their plural form by the browser's `Intl.PluralRules`, for the language the
/// widget speaks (in its locale), from now on.
pub fn use_plural_rules() {
    let locales = js_sys::Array::of1(&JsValue::from_str(&locale()));
    let rules = js_sys::Intl::PluralRules::new(&locales, &js_sys::Object::new());
    crate::core::text::set_plural_rules(Some(Box::new(move |n| {
        // Counts in the widget are far below 2^53: exact as a JavaScript number.
        rules
            .select(n as f64)
            .as_string()
            .and_then(|name| crate::core::text::Plural::from_name(&name))
            .unwrap_or(crate::core::text::Plural::Other)
    })));
}

/// Runs `f` once the browser has nothing else to do (`requestIdleCallback`; where there is
/// none, as in Safari, two seconds after now).
pub fn when_idle(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = wasm_bindgen::closure::Closure::once_into_js(f);
    let idle = js_sys::Reflect::get(&window, &JsValue::from_str("requestIdleCallback"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let _ = match idle {
        Some(request) => request.call1(&window, &callback).map(|_| ()),
        None => window
            .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 2000)
            .map(|_| ()),
    };
}

/// `{ key: value, … }`, for `Intl`'s options.
fn options(pairs: &[(&str, &str)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    o.into()
}

fn time_of(d: &js_sys::Date) -> String {
    let opts = options(&[("hour", "numeric"), ("minute", "2-digit")]);
    String::from(d.to_locale_time_string_with_options(&locale(), &opts))
}

/// Dates and times as the person reads them (`Intl`, in their locale): "1 December 2026",
/// "8:30 am". Files meant for machines (JSON, calendar) keep ISO 8601.
pub struct Local;

impl crate::core::Dates for Local {
    fn date(&self, d: Date) -> String {
        let Ok(year) = u32::try_from(d.year()) else {
            return d.to_string();
        };
        let day = i32::from(d.day());
        let js = js_sys::Date::new_with_year_month_day(year, i32::from(d.month()) - 1, day);
        // Years 0 to 99 would be read as 1900 to 1999.
        js.set_full_year(year);
        let opts = options(&[("day", "numeric"), ("month", "long"), ("year", "numeric")]);
        String::from(js.to_locale_date_string(&locale(), &opts))
    }

    fn time(&self, t: crate::core::TimeOfDay) -> String {
        let js = js_sys::Date::new_with_year_month_day_hr_min(
            2000,
            0,
            1,
            i32::from(t.hour()),
            i32::from(t.minute()),
        );
        time_of(&js)
    }
}

/// Why the browser did not do what the widget asked of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BrowserError {
    /// The page has no window or document (the widget is not in a browser page).
    NoPage,
    /// This browser has no such API here (`navigator.clipboard` outside a secure context,
    /// `ClipboardItem` in an older browser).
    Missing(&'static str),
    /// The browser refused or failed, in its own words.
    Refused(String),
}

impl std::fmt::Display for BrowserError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BrowserError::NoPage => f.write_str("no page"),
            BrowserError::Missing(what) => write!(f, "no {what}"),
            BrowserError::Refused(why) => f.write_str(why),
        }
    }
}

impl From<JsValue> for BrowserError {
    fn from(err: JsValue) -> Self {
        BrowserError::Refused(match err.dyn_ref::<js_sys::Error>() {
            Some(e) => String::from(e.message()),
            None => err
                .as_string()
                .unwrap_or_else(|| "unknown error".to_string()),
        })
    }
}

/// Starts a download of `content` as a file called `name`.
pub fn download(name: &str, mime: &str, content: &str) -> Result<(), BrowserError> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(BrowserError::NoPage)?;
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(BrowserError::from)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(BrowserError::from)?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(BrowserError::from)?
        .dyn_into()
        .map_err(|_| BrowserError::Missing("link element"))?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    // Revoking at once can cancel the download in some browsers; a minute later is safe.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
    Ok(())
}

/// Calls `then` once the widget's pending updates have reached the page (on the next
/// animation frame: after every effect the last change scheduled has run).
pub fn after_updates(then: impl FnOnce() + 'static) {
    leptos::prelude::request_animation_frame(then);
}

/// Waits for `promise`: its value, or why it was rejected.
pub async fn settled(promise: js_sys::Promise) -> Result<JsValue, JsValue> {
    JsFuture::from(promise).await
}

/// Copies text to the clipboard. Fails when the browser has no clipboard API or refuses.
pub async fn copy_text(text: &str) -> Result<(), BrowserError> {
    let promise = clipboard_call("writeText", &JsValue::from_str(text))?;
    settled(promise)
        .await
        .map(|_| ())
        .map_err(BrowserError::from)
}

/// Copies formatted text (HTML) with its plain-text version, so an email keeps headings and
/// lists and a plain editor gets clean text. Where the browser cannot write HTML, the plain
/// text alone.
pub async fn copy_formatted(html: &str, plain: &str) -> Result<(), BrowserError> {
    if let Ok(promise) =
        clipboard_items(html, plain).and_then(|items| clipboard_call("write", &items))
    {
        if settled(promise).await.is_ok() {
            return Ok(());
        }
    }
    copy_text(plain).await
}

/// `[new ClipboardItem({ "text/html": …, "text/plain": … })]`, read by name: older browsers
/// have no `ClipboardItem`.
fn clipboard_items(html: &str, plain: &str) -> Result<JsValue, BrowserError> {
    let window = web_sys::window().ok_or(BrowserError::NoPage)?;
    let item = js_sys::Reflect::get(&window, &JsValue::from_str("ClipboardItem"))
        .map_err(BrowserError::from)?
        .dyn_into::<js_sys::Function>()
        .map_err(|_| BrowserError::Missing("ClipboardItem"))?;
    let blob = |text: &str, mime: &str| {
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        web_sys::Blob::new_with_str_sequence_and_options(
            &js_sys::Array::of1(&JsValue::from_str(text)),
            &options,
        )
        .map_err(BrowserError::from)
    };
    let parts = js_sys::Object::new();
    for (mime, text) in [("text/html", html), ("text/plain", plain)] {
        js_sys::Reflect::set(&parts, &JsValue::from_str(mime), &blob(text, mime)?.into())
            .map_err(BrowserError::from)?;
    }
    let made = js_sys::Reflect::construct(&item, &js_sys::Array::of1(&parts))
        .map_err(BrowserError::from)?;
    Ok(js_sys::Array::of1(&made).into())
}

/// Calls `navigator.clipboard[method](arg)`, read by name: `navigator.clipboard` is missing
/// outside secure contexts, and calling through a missing object would throw through the
/// widget.
fn clipboard_call(method: &'static str, arg: &JsValue) -> Result<js_sys::Promise, BrowserError> {
    let window = web_sys::window().ok_or(BrowserError::NoPage)?;
    let clipboard = js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("clipboard"))
        .map_err(BrowserError::from)?;
    if clipboard.is_undefined() || clipboard.is_null() {
        return Err(BrowserError::Missing("clipboard"));
    }
    let call = js_sys::Reflect::get(&clipboard, &JsValue::from_str(method))
        .map_err(BrowserError::from)?
        .dyn_into::<js_sys::Function>()
        .map_err(|_| BrowserError::Missing(method))?;
    call.call1(&clipboard, arg)
        .map_err(BrowserError::from)?
        .dyn_into::<js_sys::Promise>()
        .map_err(|_| BrowserError::Missing(method))
}

/// Opens the browser's print dialog for the widget alone: what is around it on the coach's
/// page (every sibling of the widget and of each element it sits in) is hidden while the
/// document is printed, and shown again when the dialog returns. Inline styles set through
/// the CSSOM, which a strict `style-src` allows.
pub fn print(inside: Option<web_sys::Element>) -> Result<(), BrowserError> {
    let window = web_sys::window().ok_or(BrowserError::NoPage)?;
    let mut hidden: Vec<(web_sys::HtmlElement, String, String)> = Vec::new();
    let host = inside.map(|el| el.get_root_node()).and_then(|root| {
        match root.dyn_into::<web_sys::ShadowRoot>() {
            Ok(shadow) => Some(shadow.host()),
            Err(node) => node.dyn_into::<web_sys::Element>().ok(),
        }
    });
    let mut el = host;
    while let Some(current) = el {
        let parent = current.parent_element();
        if let Some(parent) = &parent {
            let children = parent.children();
            for i in 0..children.length() {
                let Some(sibling) = children.item(i) else {
                    continue;
                };
                if sibling == current {
                    continue;
                }
                if let Ok(sibling) = sibling.dyn_into::<web_sys::HtmlElement>() {
                    let style = sibling.style();
                    let value = style.get_property_value("display").unwrap_or_default();
                    let priority = style.get_property_priority("display");
                    if style
                        .set_property_with_priority("display", "none", "important")
                        .is_ok()
                    {
                        hidden.push((sibling, value, priority));
                    }
                }
            }
        }
        el = parent;
    }
    let result = window.print().map_err(BrowserError::from);
    for (el, value, priority) in hidden {
        let style = el.style();
        let _ = if value.is_empty() {
            style.remove_property("display").map(|_| ())
        } else {
            style.set_property_with_priority("display", &value, &priority)
        };
    }
    result
}

/// Reads a whole file, refusing before reading when it is larger than `limit` bytes.
pub async fn read_file(file: &web_sys::File, limit: usize) -> Result<Vec<u8>, ReadError> {
    let size = file.size();
    if size > limit as f64 {
        // Saturating float-to-int conversion is fine for a size in a message.
        return Err(ReadError::TooLarge(size as u64));
    }
    let buffer = settled(file.array_buffer())
        .await
        .map_err(|_| ReadError::Unreadable)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    TooLarge(u64),
    Unreadable,
}

/// The element that has focus, when it is inside `root` (in the widget's shadow root, or in
/// the document when the widget has none).
pub fn focused_in(root: &web_sys::Element) -> Option<web_sys::Element> {
    let active = match root.get_root_node().dyn_into::<web_sys::ShadowRoot>() {
        Ok(shadow) => shadow.active_element(),
        Err(_) => web_sys::window()?.document()?.active_element(),
    }?;
    root.contains(Some(&active)).then_some(active)
}

/// The first element inside `root` that `selector` matches, as an HTML element.
pub fn first_in(root: &web_sys::Element, selector: &str) -> Option<web_sys::HtmlElement> {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
}

/// Whether focus is lost: nowhere in the widget, and on the page's body (or nothing), not
/// somewhere else a person put it.
pub fn focus_lost(root: &web_sys::Element) -> bool {
    focused_in(root).is_none()
        && web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
            .is_none_or(|el| el.tag_name().eq_ignore_ascii_case("body"))
}

/// Focuses the element with `id` inside `root`, if there is one, opening any folded part
/// (`<details>`) it sits in first; a `<summary>` leaves its own `<details>` as it is.
/// Returns whether it did.
pub fn focus_in(root: &web_sys::Element, id: &str) -> bool {
    let Ok(Some(el)) = root.query_selector(&format!("#{id}")) else {
        return false;
    };
    let mut start = el.parent_element();
    if el.tag_name().eq_ignore_ascii_case("summary") {
        start = start.and_then(|details| details.parent_element());
    }
    let mut folded = start.and_then(|p| p.closest("details").ok().flatten());
    while let Some(details) = folded {
        if details.set_attribute("open", "").is_err() {
            break;
        }
        folded = details
            .parent_element()
            .and_then(|p| p.closest("details").ok().flatten());
    }
    el.dyn_into::<web_sys::HtmlElement>()
        .is_ok_and(|el| el.focus().is_ok())
}
