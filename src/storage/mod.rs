//! The drafts store: drafts kept in a key-value storage behind a small trait.
//!
//! - [`KeyValue`]: the storage itself — [`memory::MemoryStore`] for tests and
//!   the native tool, `local::LocalStore` (browser localStorage) in the app.
//! - [`drafts::DraftStore`]: the schema on top — a version key, an index, one
//!   key per draft — written so that an interruption between two writes leaves
//!   the previous state readable.

pub mod backup;
pub mod drafts;
pub mod error;
pub mod history;
pub mod instrument;
#[cfg(target_arch = "wasm32")]
pub mod local;
pub mod memory;

pub use drafts::{DraftStore, DraftSummary};
pub use error::StoreError;

/// A string key-value storage with localStorage's semantics.
pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    /// Every key currently stored.
    fn keys(&self) -> Result<Vec<String>, StoreError>;
    /// At least the first `units` UTF-16 code units of a value (or all of
    /// it, when shorter): the head of a draft's JSON, where its revision is,
    /// without handing the whole value over. A store may return the whole
    /// value; the browser's returns just the head, which spares each
    /// autosave moving the draft (≈ 100 KB) out of localStorage only to
    /// read a number.
    fn get_head(&self, key: &str, units: u32) -> Result<Option<String>, StoreError> {
        let _ = units;
        self.get(key)
    }
}

/// `KeyValue` for a pointer to a store: every call passes through.
macro_rules! key_value_through {
    ($($(#[$doc:meta])* $ptr:ty;)*) => {$(
        $(#[$doc])*
        impl<T: KeyValue + ?Sized> KeyValue for $ptr {
            fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
                (**self).get(key)
            }
            fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
                (**self).set(key, value)
            }
            fn remove(&self, key: &str) -> Result<(), StoreError> {
                (**self).remove(key)
            }
            fn keys(&self) -> Result<Vec<String>, StoreError> {
                (**self).keys()
            }
            fn get_head(&self, key: &str, units: u32) -> Result<Option<String>, StoreError> {
                (**self).get_head(key, units)
            }
        }
    )*};
}

key_value_through! {
    /// Lets the app hold whichever storage it could open behind one type.
    Box<T>;
    /// Lets several stores share one storage (tests reopen a store over the
    /// same data, as a page reload does).
    &T;
}
