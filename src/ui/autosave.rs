//! Autosave: an edit marks the open draft unsaved and schedules one
//! debounced write; `save_now` flushes (export, pagehide, a screen change).
//! Unlike leptos' todomvc, which only logs storage failures, every failure is
//! kept in `problem` and shown to the user, the text stays in memory, and
//! nothing is overwritten that another tab saved (`conflict`). What a save
//! writes is `Session::save` (plain Rust, tested natively).

use std::time::Duration;

use leptos::prelude::*;

use super::browser::now_ms;
use super::state::AppState;
use crate::report::Draft;
use crate::session::{upsert, Saved};

/// Wait this long after the last keystroke before writing to storage.
const SAVE_DEBOUNCE: Duration = Duration::from_millis(500);
/// But never longer than this after the first unsaved keystroke: someone
/// typing steadily (a key every 150 ms) would otherwise restart the wait
/// forever, and a renderer crash would take all of it.
const SAVE_MAX_WAIT_MS: f64 = 2000.0;

/// Whether what is typed is in storage (the status line shows it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// Everything typed is in storage.
    Saved,
    /// An edit is waiting for the debounced write.
    Pending,
    /// The last write failed; `problem` says why.
    Failed,
}

impl AppState {
    /// Apply an edit to the open draft and schedule a save.
    pub fn edit(self, f: impl FnOnce(&mut Draft)) {
        if self.read_only_untracked() {
            return;
        }
        self.draft.update(|d| {
            if let Some(d) = d {
                f(d);
                d.edited = now_ms();
            }
        });
        self.status.set(SaveStatus::Pending);
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        // The debounce, cut short so the write comes at most
        // SAVE_MAX_WAIT_MS after the first unsaved edit; still a timer, so
        // never on the keystroke itself.
        let now = now_ms() as f64;
        let since = self.pending_since.get_value().unwrap_or(now);
        self.pending_since.set_value(Some(since));
        let left = (since + SAVE_MAX_WAIT_MS - now).max(0.0) as u64;
        let wait = SAVE_DEBOUNCE.min(Duration::from_millis(left));
        self.timer.set_value(set_timeout_with_handle(move || self.save_now(), wait).ok());
    }

    /// An edit that changes the structure (items added, removed, moved, a
    /// pasted section split): the screen is rebuilt from the model, and focus
    /// is put on `focus_id` afterwards so keyboard users keep their place.
    pub fn restructure(self, focus_id: Option<String>, f: impl FnOnce(&mut Draft)) {
        self.edit(f);
        self.generation.update(|g| *g += 1);
        if let Some(id) = focus_id {
            // After the rebuild has reached the DOM.
            super::browser::focus_soon(&[&id]);
        }
    }

    /// Write the open draft now if it has unsaved edits. Never overwrites a
    /// newer revision saved by another tab: that opens the conflict choice.
    pub fn save_now(self) {
        if self.status.get_untracked() == SaveStatus::Saved || self.conflict.with_untracked(|c| c.is_some()) {
            return;
        }
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        self.timer.set_value(None);
        self.pending_since.set_value(None);
        let now = now_ms();
        // Saved in place (no copy of the draft); the revision it was stored
        // under is set on it, and nothing else changes.
        let mut saved = None;
        self.draft.update_untracked(|d| {
            if let Some(d) = d {
                saved = Some(super::browser::timed("fzbg:save", || self.session(|s| s.save_open(d, now))));
            }
        });
        let Some(saved) = saved else { return };
        match saved {
            Saved::Stored(entry) => {
                self.refresh_findings();
                self.status.set(SaveStatus::Saved);
                if self.persistent {
                    self.problem.set(None);
                }
                // The entry just written, not a new listing of storage.
                self.library.update(|l| upsert(l, entry));
            }
            Saved::Conflict(theirs) => {
                self.status.set(SaveStatus::Failed);
                self.conflict.set(theirs);
            }
            Saved::Failed(problem) => {
                self.status.set(SaveStatus::Failed);
                self.problem.set(Some(problem));
            }
        }
    }
}
