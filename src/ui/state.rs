//! The app's state, shared through context: the open draft, the save status,
//! and the storage it is saved to.
//!
//! Edits go through [`AppState::edit`], which marks the draft unsaved and
//! schedules one debounced write; `save_now` flushes (export, pagehide).
//! Unlike leptos' todomvc, which only logs storage failures, every failure is
//! kept in `problem` and shown to the user, and the text stays in memory.

use std::time::Duration;

use leptos::prelude::*;

use super::browser::{now_ms, random_u32};
use crate::report::Draft;
use crate::storage::drafts::new_draft_id;
use crate::storage::local::open_browser_store;
use crate::storage::{DraftStore, KeyValue, StoreError};

/// Wait this long after the last keystroke before writing to storage.
const SAVE_DEBOUNCE: Duration = Duration::from_millis(500);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// Everything typed is in storage.
    Saved,
    /// An edit is waiting for the debounced write.
    Pending,
    /// The last write failed; `problem` says why.
    Failed,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub draft: RwSignal<Option<Draft>>,
    pub status: RwSignal<SaveStatus>,
    /// The storage problem to show, in Chinese (None when all is well).
    pub problem: RwSignal<Option<String>>,
    /// False when localStorage could not be used and drafts live only in this tab.
    pub persistent: bool,
    store: StoredValue<DraftStore<Box<dyn KeyValue>>, LocalStorage>,
    timer: StoredValue<Option<TimeoutHandle>>,
}

impl AppState {
    /// Open storage and the most recently edited draft.
    pub fn init() -> Self {
        let (kv, open_error) = open_browser_store();
        let persistent = open_error.is_none();
        let store = DraftStore::new(kv);
        let mut problem = open_error.map(|e| e.message_zh());
        let draft = match store.latest() {
            Ok(d) => d,
            Err(e) => {
                problem = Some(e.message_zh());
                None
            }
        };
        if problem.is_none() {
            if let Err(e @ StoreError::NewerSchema { .. }) = store.schema() {
                problem = Some(e.message_zh());
            }
        }
        AppState {
            draft: RwSignal::new(draft),
            status: RwSignal::new(SaveStatus::Saved),
            problem: RwSignal::new(problem),
            persistent,
            store: StoredValue::new_local(store),
            timer: StoredValue::new(None),
        }
    }

    /// Create a new draft and open it.
    pub fn create(self, unit: &str, year: i32) {
        let now = now_ms();
        let draft = Draft::new(new_draft_id(now, random_u32()), unit, year, now);
        self.draft.set(Some(draft));
        self.status.set(SaveStatus::Pending);
        self.save_now();
    }

    /// Apply an edit to the open draft and schedule a save.
    pub fn edit(self, f: impl FnOnce(&mut Draft)) {
        self.draft.update(|d| {
            if let Some(d) = d {
                f(d);
                d.edited = now_ms();
            }
        });
        self.status.set(SaveStatus::Pending);
        self.schedule_save();
    }

    fn schedule_save(self) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(move || self.save_now(), SAVE_DEBOUNCE).ok();
        self.timer.set_value(handle);
    }

    /// Write the open draft now if it has unsaved edits.
    pub fn save_now(self) {
        if self.status.get_untracked() == SaveStatus::Saved {
            return;
        }
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        self.timer.set_value(None);
        self.draft.update_untracked(|d| {
            if let Some(d) = d {
                d.revision += 1;
            }
        });
        let result = self.draft.with_untracked(|d| match d {
            Some(d) => self.store.with_value(|s| s.save(d)),
            None => Ok(()),
        });
        match result {
            Ok(()) => {
                self.status.set(SaveStatus::Saved);
                // Keep the warning about memory-only storage; clear a past write failure.
                if self.persistent {
                    self.problem.set(None);
                }
            }
            Err(e) => {
                self.status.set(SaveStatus::Failed);
                self.problem.set(Some(e.message_zh()));
            }
        }
    }
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
