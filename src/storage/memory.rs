//! An in-memory [`KeyValue`] for tests, with switches to simulate the faults
//! a browser storage can have (a byte quota, refusing all access).

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use super::{KeyValue, StoreError};

#[derive(Default)]
pub struct MemoryStore {
    map: RefCell<BTreeMap<String, String>>,
    /// Maximum total of key + value lengths in UTF-16 units (as browsers count), if any.
    quota: Option<usize>,
    /// Every access fails as if storage were disabled.
    disabled: bool,
    /// Simulated crash: after this many more successful writes, every write
    /// fails until [`recover`](MemoryStore::recover).
    writes_left: Cell<Option<usize>>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_quota(units: usize) -> Self {
        MemoryStore { quota: Some(units), ..Self::default() }
    }

    pub fn disabled() -> Self {
        MemoryStore { disabled: true, ..Self::default() }
    }

    /// Let `n` more writes succeed, then fail every write, as if the tab died
    /// part-way through a save.
    pub fn crash_after(&self, n: usize) {
        self.writes_left.set(Some(n));
    }

    /// Writes work again (the page was reloaded).
    pub fn recover(&self) {
        self.writes_left.set(None);
    }

    /// Bytes used, counted as browsers do (UTF-16 code units of keys and values).
    pub fn used_units(&self) -> usize {
        self.map.borrow().iter().map(|(k, v)| utf16_len(k) + utf16_len(v)).sum()
    }

    fn check(&self) -> Result<(), StoreError> {
        if self.disabled {
            Err(StoreError::Unavailable("disabled".into()))
        } else {
            Ok(())
        }
    }
}

fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.check()?;
        Ok(self.map.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.check()?;
        if let Some(left) = self.writes_left.get() {
            if left == 0 {
                return Err(StoreError::Other("simulated crash".into()));
            }
            self.writes_left.set(Some(left - 1));
        }
        if let Some(q) = self.quota {
            let old = self.map.borrow().get(key).map(|v| utf16_len(key) + utf16_len(v)).unwrap_or(0);
            if self.used_units() - old + utf16_len(key) + utf16_len(value) > q {
                return Err(StoreError::QuotaExceeded);
            }
        }
        self.map.borrow_mut().insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.check()?;
        if self.writes_left.get() == Some(0) {
            return Err(StoreError::Other("simulated crash".into()));
        }
        self.map.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.check()?;
        Ok(self.map.borrow().keys().cloned().collect())
    }
}
