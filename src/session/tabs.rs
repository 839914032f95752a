//! Two tabs on one draft: one edits, the others follow.
//!
//! Both tabs writing and resolving by copies scattered a fast typist's text
//! over copies and history (issue 21). Instead, the tab that last opened a
//! draft, or chose 在此标签页编辑, edits it; its token is stored under
//! `fazhi-report/editor/<id>`. The tab that edited before sees that key
//! change (a `storage` event), writes its unsaved edits at once, becomes a
//! read-only follower, and then writes `fazhi-report/handover/<id>` naming
//! the new editor. Storage events from one tab arrive in the order it wrote,
//! so by the hand-over the new editor already shows those last edits, and
//! only then takes keystrokes: nothing typed in either tab is lost, and no
//! copy is made. A tab that is gone (closed, crashed) never hands over; the
//! app stops waiting after [`HANDOVER_WAIT_MS`].

use super::Session;
use crate::storage::drafts::{EDITOR_PREFIX, HANDOVER_PREFIX};
use crate::storage::KeyValue;

/// How long a new editor waits for the old one to hand over before taking
/// the draft anyway (the other tab may have been closed without a word).
pub const HANDOVER_WAIT_MS: u32 = 1000;

/// What opening a draft for editing found.
#[derive(Debug, PartialEq, Eq)]
pub enum Claim {
    /// No other tab was editing it (or storage cannot say): edit at once.
    Edit,
    /// Another tab was: wait for its hand-over (at most [`HANDOVER_WAIT_MS`]).
    Wait,
}

/// What a change to a draft's editor key means to this tab.
#[derive(Debug, PartialEq, Eq)]
pub enum Lease {
    /// Not about the draft this tab edits.
    Nothing,
    /// Another tab now edits the open draft: write the unsaved edits, then
    /// [`Session::hand_over`], then follow.
    Lost,
}

pub const FOLLOWING: &str =
    "这份草稿已在另一个标签页中打开编辑。为避免两处同时修改造成内容分散，本页只显示最新内容，不能修改。如需在本页继续编辑，请点击“在此标签页编辑”。";
pub const WAITING: &str = "正在从另一个标签页接管这份草稿，请稍候……";

fn editor_key(id: &str) -> String {
    format!("{EDITOR_PREFIX}{id}")
}

fn handover_key(id: &str) -> String {
    format!("{HANDOVER_PREFIX}{id}")
}

impl<K: KeyValue> Session<K> {
    /// This page's token among the tabs (made on first use).
    pub fn tab(&self) -> String {
        let mut tab = self.tab.borrow_mut();
        if tab.is_empty() {
            *tab = format!("tab-{:08x}{:08x}", (self.random)(), (self.random)());
        }
        tab.clone()
    }

    /// Edit draft `id` in this tab from now on. A full storage, or one
    /// holding a newer version's data, does not carry the claim: then the
    /// tab edits as before (or not at all), and the revision check on save
    /// still guards against another tab.
    pub fn claim(&self, id: &str) -> Claim {
        // Data of a newer version (or a marker that cannot be read) is not
        // written to at all, not even this small key.
        if self.store.schema().is_err() {
            return Claim::Edit;
        }
        let kv = self.store.kv();
        let me = self.tab();
        let before = kv.get(&editor_key(id)).ok().flatten();
        if kv.set(&editor_key(id), &me).is_err() {
            return Claim::Edit;
        }
        match before {
            Some(other) if other != me => Claim::Wait,
            _ => Claim::Edit,
        }
    }

    /// This tab no longer shows draft `id` (another screen, the page
    /// closing): it is free for the next tab to edit without waiting.
    pub fn release(&self, id: &str) {
        let kv = self.store.kv();
        if kv.get(&editor_key(id)).ok().flatten().is_some_and(|t| t == self.tab()) {
            let _ = kv.remove(&editor_key(id));
        }
    }

    /// The editor key of draft `id` changed in another tab; `editing` is
    /// the draft this tab edits, if any.
    pub fn lease_changed(&self, id: &str, editing: Option<&str>) -> Lease {
        if editing != Some(id) {
            return Lease::Nothing;
        }
        match self.store.kv().get(&editor_key(id)) {
            Ok(Some(t)) if t != self.tab() => Lease::Lost,
            _ => Lease::Nothing,
        }
    }

    /// After writing the last edits: tell the new editor it may type.
    pub fn hand_over(&self, id: &str) {
        let kv = self.store.kv();
        if let Ok(Some(next)) = kv.get(&editor_key(id)) {
            let _ = kv.set(&handover_key(id), &next);
        }
    }

    /// Whether the old editor has handed draft `id` to this tab.
    pub fn handed_over(&self, id: &str) -> bool {
        self.store.kv().get(&handover_key(id)).ok().flatten().is_some_and(|t| t == self.tab())
    }
}
