//! Wrappers around any [`KeyValue`] for tests and measurements: one counts
//! what a user action costs in storage calls, one fails a chosen write with a
//! full quota (the fault a browser produces at any write, not only the first).

use std::cell::{Cell, RefCell};

use super::{KeyValue, StoreError};

/// Storage calls made through a [`Counting`] store.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Calls {
    pub gets: usize,
    pub sets: usize,
    pub removes: usize,
    /// `keys()` listings (each one walks the whole localStorage).
    pub listings: usize,
}

/// Counts every call, and remembers which keys were read and written, so a
/// test can say "the index was read once".
#[derive(Default)]
pub struct Counting<K> {
    inner: K,
    calls: Cell<Calls>,
    log: RefCell<Vec<(char, String)>>,
}

impl<K: KeyValue> Counting<K> {
    pub fn new(inner: K) -> Self {
        Counting { inner, calls: Cell::new(Calls::default()), log: RefCell::new(Vec::new()) }
    }

    pub fn inner(&self) -> &K {
        &self.inner
    }

    /// The calls since the last [`reset`](Self::reset).
    pub fn calls(&self) -> Calls {
        self.calls.get()
    }

    /// How often `key` was read (`'g'`) or written (`'s'`) since the last reset.
    pub fn count(&self, op: char, key: &str) -> usize {
        self.log.borrow().iter().filter(|(o, k)| *o == op && k == key).count()
    }

    pub fn reset(&self) {
        self.calls.set(Calls::default());
        self.log.borrow_mut().clear();
    }

    fn note(&self, op: char, key: &str, f: impl FnOnce(&mut Calls)) {
        let mut c = self.calls.get();
        f(&mut c);
        self.calls.set(c);
        self.log.borrow_mut().push((op, key.to_string()));
    }
}

impl<K: KeyValue> KeyValue for Counting<K> {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.note('g', key, |c| c.gets += 1);
        self.inner.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.note('s', key, |c| c.sets += 1);
        self.inner.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.note('r', key, |c| c.removes += 1);
        self.inner.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.note('k', "", |c| c.listings += 1);
        self.inner.keys()
    }
}

/// Fails one chosen write (`set`) with [`StoreError::QuotaExceeded`], as a
/// browser does when the quota fills part-way through an action; every other
/// call goes through (a removal frees space, so it never meets the quota).
pub struct FailingWrite<K> {
    inner: K,
    /// Writes still to let through before the failing one (`None`: none fails).
    before_fault: Cell<Option<usize>>,
}

impl<K: KeyValue> FailingWrite<K> {
    pub fn new(inner: K) -> Self {
        FailingWrite { inner, before_fault: Cell::new(None) }
    }

    /// The `n`th write from now (1 = the next one) fails; later writes work.
    pub fn fail_write(&self, n: usize) {
        assert!(n >= 1, "writes are counted from 1");
        self.before_fault.set(Some(n - 1));
    }

    /// A fault is armed and has not happened yet.
    pub fn pending(&self) -> bool {
        self.before_fault.get().is_some()
    }

    pub fn inner(&self) -> &K {
        &self.inner
    }

    fn write(&self) -> Result<(), StoreError> {
        match self.before_fault.get() {
            Some(0) => {
                self.before_fault.set(None);
                Err(StoreError::QuotaExceeded)
            }
            Some(n) => {
                self.before_fault.set(Some(n - 1));
                Ok(())
            }
            None => Ok(()),
        }
    }
}

impl<K: KeyValue> KeyValue for FailingWrite<K> {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.inner.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.write()?;
        self.inner.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.inner.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.inner.keys()
    }
}
