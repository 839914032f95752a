//! [`KeyValue`] over the browser's localStorage (web-sys), with the browser's
//! errors mapped to [`StoreError`] so the UI can tell the user what happened.
//!
//! We use web-sys directly rather than gloo-storage because we need the
//! DOMException's name to tell a full quota from storage disabled by policy.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DomException, Storage};

use super::memory::MemoryStore;
use super::{KeyValue, StoreError};

const PROBE_KEY: &str = "fazhi-report/probe";

pub struct LocalStore {
    storage: Storage,
}

impl LocalStore {
    /// Open localStorage and prove it accepts a write: some private modes
    /// expose the object but throw on every `setItem`.
    pub fn open() -> Result<Self, StoreError> {
        let window = web_sys::window().ok_or_else(|| StoreError::Unavailable("no window".into()))?;
        let storage = window
            .local_storage()
            .map_err(map_js_error)?
            .ok_or_else(|| StoreError::Unavailable("localStorage is null".into()))?;
        storage.set_item(PROBE_KEY, "1").map_err(map_js_error)?;
        storage.remove_item(PROBE_KEY).map_err(map_js_error)?;
        Ok(LocalStore { storage })
    }
}

impl KeyValue for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.storage.get_item(key).map_err(map_js_error)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.storage.set_item(key, value).map_err(map_js_error)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.storage.remove_item(key).map_err(map_js_error)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let n = self.storage.length().map_err(map_js_error)?;
        let mut keys = Vec::with_capacity(n as usize);
        for i in 0..n {
            if let Some(k) = self.storage.key(i).map_err(map_js_error)? {
                keys.push(k);
            }
        }
        Ok(keys)
    }
}

/// Translate what the browser threw into our error kinds.
pub fn map_js_error(err: JsValue) -> StoreError {
    if let Some(ex) = err.dyn_ref::<DomException>() {
        let name = ex.name();
        // Chromium and Firefox use QuotaExceededError (legacy code 22); old
        // Firefox used NS_ERROR_DOM_QUOTA_REACHED (code 1014).
        if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" || ex.code() == 22 {
            return StoreError::QuotaExceeded;
        }
        if name == "SecurityError" || name == "InvalidAccessError" {
            return StoreError::Unavailable(format!("{name}: {}", ex.message()));
        }
        return StoreError::Other(format!("{name}: {}", ex.message()));
    }
    StoreError::Unavailable(err.as_string().unwrap_or_else(|| format!("{err:?}")))
}

/// The storage the app uses: localStorage when it works, otherwise memory
/// (drafts then last only as long as the tab), with the reason why.
pub fn open_browser_store() -> (Box<dyn KeyValue>, Option<StoreError>) {
    match LocalStore::open() {
        Ok(store) => (Box::new(store), None),
        Err(e) => (Box::new(MemoryStore::new()), Some(e)),
    }
}
