//! Two tabs on one draft, as this tab sees it: whether it edits the open
//! draft or follows another tab's editing (`session::tabs` holds the rules),
//! another tab's save arriving, and the choice when both changed it.

use std::time::Duration;

use leptos::prelude::*;

use super::autosave::SaveStatus;
use super::browser::now_ms;
use super::state::AppState;
use crate::session::tabs::Lease;
use crate::session::External;

/// This tab's part in editing the open draft (see `session::tabs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TabRole {
    /// This tab edits the draft.
    Editing,
    /// Another tab was editing it: keystrokes wait for its hand-over.
    Waiting,
    /// Another tab edits it: this one shows its saves, read-only.
    Following,
}

impl AppState {
    /// The open draft may only be read here (a newer version saved it, or
    /// another tab edits it): its fields are read-only and edits are not taken.
    pub fn read_only(self) -> bool {
        self.tab_role.get() != TabRole::Editing
            || self.draft.with(|d| d.as_ref().is_some_and(|d| crate::session::read_only(d).is_some()))
    }

    /// Edit draft `id` in this tab (on opening it, or 在此标签页编辑). When
    /// another tab was editing it, keystrokes wait until that tab has
    /// written its last edits and handed over, or until it is clearly gone.
    pub fn take_over(self, id: &str) {
        use crate::session::tabs::{Claim, HANDOVER_WAIT_MS};
        match self.session(|s| s.claim(id)) {
            Claim::Edit => self.tab_role.set(TabRole::Editing),
            Claim::Wait => {
                self.tab_role.set(TabRole::Waiting);
                let id = id.to_string();
                set_timeout(
                    move || {
                        let still = self.draft.with_untracked(|d| d.as_ref().is_some_and(|d| d.id == id));
                        if still && self.tab_role.get_untracked() == TabRole::Waiting {
                            self.tab_role.set(TabRole::Editing);
                        }
                    },
                    Duration::from_millis(HANDOVER_WAIT_MS.into()),
                );
            }
        }
    }

    pub(super) fn read_only_untracked(self) -> bool {
        self.tab_role.get_untracked() != TabRole::Editing
            || self.draft.with_untracked(|d| d.as_ref().is_some_and(|d| crate::session::read_only(d).is_some()))
    }

    /// Another tab wrote draft `id` (a `storage` event).
    pub fn on_external_change(self, id: &str) {
        let unsaved = self.status.get_untracked() != SaveStatus::Saved;
        match self.draft.with_untracked(|d| self.session(|s| s.external_change(id, d.as_ref(), unsaved))) {
            External::Nothing => return,
            External::Library => {}
            External::Follow(theirs, notice) => {
                self.show(theirs);
                // A follower's band already says another tab edits.
                if self.tab_role.get_untracked() == TabRole::Editing {
                    self.notice.set(Some(notice));
                }
            }
            External::Conflict(theirs) => {
                self.status.set(SaveStatus::Failed);
                self.conflict.set(Some(theirs));
            }
        }
        self.refresh_library();
    }

    /// Another tab changed who edits draft `id`: if it was this tab, write
    /// the unsaved edits now, hand the draft over, and follow.
    pub fn on_editor_change(self, id: &str) {
        let editing = self.draft.with_untracked(|d| d.as_ref().map(|d| d.id.clone()));
        if self.tab_role.get_untracked() != TabRole::Editing {
            return;
        }
        if self.session(|s| s.lease_changed(id, editing.as_deref())) == Lease::Lost {
            self.save_now();
            self.session(|s| s.hand_over(id));
            self.tab_role.set(TabRole::Following);
        }
    }

    /// The tab that edited draft `id` handed it over: to this tab, if it waits.
    pub fn on_handover(self, id: &str) {
        let open = self.draft.with_untracked(|d| d.as_ref().is_some_and(|d| d.id == id));
        if open && self.tab_role.get_untracked() == TabRole::Waiting && self.session(|s| s.handed_over(id)) {
            self.tab_role.set(TabRole::Editing);
        }
    }

    /// This tab leaves the open draft (the page is closing): the next tab
    /// to open it need not wait for a hand-over.
    pub fn release_draft(self) {
        if let Some(id) = self.draft.with_untracked(|d| d.as_ref().map(|d| d.id.clone())) {
            if self.tab_role.get_untracked() == TabRole::Editing {
                self.session(|s| s.release(&id));
            }
        }
    }

    /// Conflict resolved by taking the other tab's text; ours goes to history.
    pub fn take_theirs(self) {
        let Some(theirs) = self.conflict.get_untracked() else { return };
        let (theirs, notice) = self.draft.with_untracked(|mine| self.session(|s| s.take_theirs(mine.as_ref(), theirs, now_ms())));
        self.conflict.set(None);
        self.show(theirs);
        self.notice.set(Some(notice));
    }

    /// Conflict resolved by keeping our text; theirs is kept as a copy.
    pub fn keep_mine(self) {
        let Some(theirs) = self.conflict.get_untracked() else { return };
        match self.session(|s| s.keep_mine(theirs, now_ms())) {
            Ok(notice) => {
                self.conflict.set(None);
                self.status.set(SaveStatus::Pending);
                self.save_now();
                self.notice.set(Some(notice));
            }
            Err(problem) => self.problem.set(Some(problem)),
        }
    }
}
