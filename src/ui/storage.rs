//! The browser's `localStorage` behind the core's [`Storage`] trait.
//!
//! Every access can fail: the `localStorage` getter itself throws `SecurityError` when storage
//! is blocked (cookies blocked for a third-party frame, a sandboxed frame) or returns `null`
//! (storage disabled), and `setItem` throws `QuotaExceededError` when the site's storage is
//! full. Each failure becomes a [`StorageError`]; nothing here can panic.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use crate::core::drafts::{Storage, StorageError};
use wasm_bindgen::{JsCast, JsValue};

/// The page's `localStorage`, as it was when probed.
pub struct WebStorage(web_sys::Storage);

fn prop(v: &JsValue, name: &str) -> String {
    js_sys::Reflect::get(v, &JsValue::from_str(name))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// What a thrown value means. Browsers throw `DOMException`s; anything else is described as
/// well as it can be (a thrown value need not be an `Error` at all).
pub fn error_of(e: &JsValue) -> StorageError {
    let name = prop(e, "name");
    let message = match prop(e, "message") {
        m if !m.is_empty() => m,
        _ if !name.is_empty() => name.clone(),
        _ => e.as_string().unwrap_or_else(|| "unknown error".to_string()),
    };
    match name.as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StorageError::Full,
        "SecurityError" => StorageError::Unavailable(message),
        _ => StorageError::Failed(message),
    }
}

/// Probes `window.localStorage` now (each call probes again, so storage that comes back is
/// noticed).
pub fn local() -> Result<WebStorage, StorageError> {
    let window = web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".into()))?;
    match window.local_storage() {
        Ok(Some(s)) if s.is_instance_of::<web_sys::Storage>() => Ok(WebStorage(s)),
        Ok(_) => Err(StorageError::Unavailable(
            "localStorage is not available".into(),
        )),
        // Whatever the getter threw, storage cannot be used here.
        Err(e) => Err(match error_of(&e) {
            StorageError::Failed(m) | StorageError::Unavailable(m) => StorageError::Unavailable(m),
            StorageError::Full => StorageError::Full,
        }),
    }
}

impl Storage for WebStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.0.get_item(key).map_err(|e| error_of(&e))
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        self.0.set_item(key, value).map_err(|e| error_of(&e))
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.0.remove_item(key).map_err(|e| error_of(&e))
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let n = self.0.length().map_err(|e| error_of(&e))?;
        let mut keys = Vec::new();
        for i in 0..n {
            if let Some(k) = self.0.key(i).map_err(|e| error_of(&e))? {
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
        if let Ok(p) = persist.call0(&storage) {
            super::browser::settle(&p, drop);
        }
    }
}
