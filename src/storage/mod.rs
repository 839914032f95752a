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
