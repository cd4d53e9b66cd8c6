//! The browser's `localStorage`, through gloo-storage, behind the core's [`Storage`] trait.
//!
//! Every access can fail: the `localStorage` getter itself throws `SecurityError` when storage
//! is blocked (cookies blocked for a third-party frame, a sandboxed frame) or returns `null`
//! (storage disabled), and `setItem` throws `QuotaExceededError` when the site's storage is
//! full. gloo-storage's `LocalStorage` panics in the first two cases (and a panic stops the
//! widget for good), so [`local`] probes the getter first and only then takes gloo's handle.
//! The drafts are read and written as text, exactly as stored: a draft this widget cannot read
//! is kept byte for byte and offered for download, and the store's check for other writers
//! compares exactly what is stored (gloo's typed `get`/`set` would decode and re-encode it).
//! Each thrown value becomes a [`StorageError`]; nothing here can panic.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use crate::core::drafts::{Storage, StorageError};
use gloo_storage::Storage as _;
use gloo_utils::errors::JsError;
use wasm_bindgen::{JsCast, JsValue};

/// The page's `localStorage`, as it was when probed.
pub struct WebStorage(web_sys::Storage);

/// What a thrown value means. Browsers throw `DOMException`s; anything else is described as
/// well as it can be (a thrown value need not be an `Error` at all).
pub fn error_of(e: JsValue) -> StorageError {
    let (name, message) = match JsError::try_from(e) {
        Ok(JsError { name, message, .. }) => {
            let message = if message.is_empty() {
                name.clone()
            } else {
                message
            };
            (name, message)
        }
        Err(not_an_error) => (String::new(), not_an_error.to_string()),
    };
    match name.as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StorageError::Full,
        "SecurityError" => StorageError::Unavailable(message),
        _ => StorageError::Failed(message),
    }
}

/// Probes `window.localStorage` now (each call probes again, so storage that comes back is
/// noticed), and only when it can be used, takes gloo-storage's handle to it.
pub fn local() -> Result<WebStorage, StorageError> {
    let window = web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".into()))?;
    match window.local_storage() {
        Ok(Some(s)) if s.is_instance_of::<web_sys::Storage>() => {
            Ok(WebStorage(gloo_storage::LocalStorage::raw()))
        }
        Ok(_) => Err(StorageError::Unavailable(
            "localStorage is not available".into(),
        )),
        // Whatever the getter threw, storage cannot be used here.
        Err(e) => Err(match error_of(e) {
            StorageError::Failed(m) | StorageError::Unavailable(m) => StorageError::Unavailable(m),
            StorageError::Full => StorageError::Full,
        }),
    }
}

impl Storage for WebStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.0.get_item(key).map_err(error_of)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        self.0.set_item(key, value).map_err(error_of)
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.0.remove_item(key).map_err(error_of)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let n = self.0.length().map_err(error_of)?;
        let mut keys = Vec::new();
        for i in 0..n {
            if let Some(k) = self.0.key(i).map_err(error_of)? {
                keys.push(k);
            }
        }
        Ok(keys)
    }
}

/// Asks the browser to keep this site's storage when space runs low (where it offers that).
/// Returns at once; the answer is not needed.
pub fn ask_to_persist() {
    let storage = web_sys::window()
        .map(|w| js_sys::Reflect::get(&w.navigator(), &JsValue::from_str("storage")))
        .and_then(Result::ok);
    let Some(storage) = storage.filter(|s| s.is_object()) else {
        return;
    };
    if let Ok(persist) = js_sys::Reflect::get(&storage, &JsValue::from_str("persist"))
        .and_then(|f| f.dyn_into::<js_sys::Function>())
    {
        // A promise we do not need the answer of; a rejection is harmless (and handled, so
        // the page sees no unhandled rejection).
        if let Ok(p) = persist
            .call0(&storage)
            .and_then(|p| p.dyn_into::<js_sys::Promise>())
        {
            leptos::task::spawn_local(async move {
                let _ = super::browser::settled(p).await;
            });
        }
    }
}
