//! [`KeyValue`] over the browser's localStorage through gloo-storage, with
//! the browser's errors mapped to [`StoreError`] by the DOMException's name
//! (as gloo's `StorageError::JsError` keeps it), so the UI can tell a full
//! quota from storage switched off.
//!
//! Values go through gloo's `LocalStorage::raw()` as the strings they are,
//! not through its typed `get`/`set`: those keep values as JSON
//! (`serde_json::from_str` / `to_string` of what is given), which for our
//! values — JSON already, kept byte for byte — means a `RawValue` that is
//! validated and copied twice per write. Measured in headless Chromium on a
//! 97 KB draft (issue #18, 2026-12-04): a typed read 0.2–0.3 ms against
//! 0.0–0.1 ms raw, a typed write 0.5–0.9 ms against 0.2–0.3 ms raw — most of
//! the autosave's time. A value that is not JSON (a damaged entry, another
//! page's key) is read and written the same way, so it can still be listed
//! and offered for download.
//!
//! Opening is the one place gloo is not used: `LocalStorage::raw()` panics
//! (a trap in this build) when the `localStorage` getter throws, which is
//! exactly the case — storage off by policy, some private modes — that the
//! app must survive by falling back to memory. `open` proves the getter, a
//! read and a write work before anything calls gloo. A write refused for a
//! full quota does not send the app to memory: the drafts are there and must
//! be listed, backed up and cleaned up on the real store (`Opened::Full`).

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::{JsCast, JsValue};

use super::memory::MemoryStore;
use super::{KeyValue, StoreError};

const PROBE_KEY: &str = "fazhi-report/probe";

pub struct LocalStore(());

/// How localStorage could be opened.
pub enum Opened {
    /// Read and written.
    Ready(LocalStore),
    /// Readable, but full to the last byte (another page of the same origin
    /// may have filled it): the real store all the same, read-only in effect
    /// until space is freed.
    Full(LocalStore),
}

impl LocalStore {
    /// Open localStorage, prove it can be read and accepts a write: some
    /// private modes expose the object but throw on every `setItem`. A write
    /// refused for the quota while entries are stored means full, not absent.
    pub fn open() -> Result<Opened, StoreError> {
        let window = web_sys::window().ok_or_else(|| StoreError::Unavailable("no window".into()))?;
        let storage = window
            .local_storage()
            .map_err(map_js_error)?
            .ok_or_else(|| StoreError::Unavailable("localStorage is null".into()))?;
        let stored = storage.length().map_err(map_js_error)?;
        if stored > 0 {
            // The first key proves reading works (some policies throw here).
            storage.key(0).map_err(map_js_error)?;
        }
        match storage.set_item(PROBE_KEY, "1").map_err(map_js_error) {
            Ok(()) => {
                storage.remove_item(PROBE_KEY).map_err(map_js_error)?;
                Ok(Opened::Ready(LocalStore(())))
            }
            // A quota of nothing with nothing stored (old Safari's private
            // mode) has no drafts to show: memory serves the tab better.
            Err(StoreError::QuotaExceeded) if stored > 0 => Ok(Opened::Full(LocalStore(()))),
            Err(e) => Err(e),
        }
    }
}

impl KeyValue for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        LocalStorage::raw().get_item(key).map_err(map_js_error)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        LocalStorage::raw().set_item(key, value).map_err(map_js_error)
    }

    fn get_head(&self, key: &str, units: u32) -> Result<Option<String>, StoreError> {
        // `getItem` through js-sys, so the value stays a JS string and only
        // its head crosses into the wasm (`Storage::get_item` converts all).
        let storage = LocalStorage::raw();
        let get_item: js_sys::Function = js_sys::Reflect::get(&storage, &JsValue::from_str("getItem")).map_err(map_js_error)?.unchecked_into();
        let value = get_item.call1(&storage, &JsValue::from_str(key)).map_err(map_js_error)?;
        Ok(value.dyn_ref::<js_sys::JsString>().map(|s| String::from(s.slice(0, units))))
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        // removeItem throws only when storage cannot be reached at all, which
        // `open` has ruled out.
        LocalStorage::delete(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let storage = LocalStorage::raw();
        let n = storage.length().map_err(map_js_error)?;
        let mut keys = Vec::with_capacity(n as usize);
        for i in 0..n {
            if let Some(k) = storage.key(i).map_err(map_js_error)? {
                keys.push(k);
            }
        }
        Ok(keys)
    }
}

/// Translate what the browser threw into our error kinds, by the name
/// gloo's `JsError` would carry.
pub fn map_js_error(err: JsValue) -> StoreError {
    match err.dyn_ref::<js_sys::Error>() {
        Some(e) => map_name(&String::from(e.name()), &String::from(e.message())),
        None => StoreError::Unavailable(err.as_string().unwrap_or_else(|| format!("{err:?}"))),
    }
}

/// A DOMException (or another `Error`) by its name. Chromium and Firefox say
/// QuotaExceededError (old Firefox NS_ERROR_DOM_QUOTA_REACHED, old WebKit
/// QUOTA_EXCEEDED_ERR); storage refused by policy is a SecurityError.
fn map_name(name: &str, message: &str) -> StoreError {
    match name {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" | "QUOTA_EXCEEDED_ERR" => StoreError::QuotaExceeded,
        "SecurityError" | "InvalidAccessError" => StoreError::Unavailable(format!("{name}: {message}")),
        _ => StoreError::Other(format!("{name}: {message}")),
    }
}

/// The storage the app uses: localStorage when it can be read (full or
/// not), otherwise memory (drafts then last only as long as the tab), with
/// the reason why.
pub fn open_browser_store() -> (Box<dyn KeyValue>, OpenState) {
    match LocalStore::open() {
        Ok(Opened::Ready(store)) => (Box::new(store), OpenState::Ready),
        Ok(Opened::Full(store)) => (Box::new(store), OpenState::Full),
        Err(e) => (Box::new(MemoryStore::new()), OpenState::Memory(e)),
    }
}

/// What the app was given to keep drafts in.
pub enum OpenState {
    Ready,
    /// localStorage, full when the page opened.
    Full,
    /// Memory, because localStorage could not be used.
    Memory(StoreError),
}
