//! Snapshots of a draft: taken at intervals while editing and before every
//! destructive action, bounded in count and size, each restorable.
//!
//! A snapshot stores the report as rendered text, not as the model's JSON:
//! text is about half the size, and because parse → render is byte-exact,
//! restoring gives back exactly the text that was saved.

use serde::{Deserialize, Serialize};

use super::drafts::{DraftStore, DraftSummary, INDEX_KEY};
use super::{KeyValue, StoreError};
use crate::report::{parse, render, Draft};

pub const HISTORY_PREFIX: &str = "fazhi-report/history/";
/// At most this many snapshots per draft; the oldest go first.
pub const MAX_SNAPSHOTS: usize = 20;
/// At most this many UTF-16 units of snapshot text per draft (about 1.2 MB),
/// so one draft's history cannot fill the ~5 MB localStorage quota.
pub const MAX_HISTORY_UNITS: usize = 600_000;
/// The newest this many versions sent to colleagues are pinned (see
/// [`Snapshot::sent`]): a reply to any of the last three sends still merges
/// three-way, and three reports of ~30,000 characters stay well inside
/// [`MAX_HISTORY_UNITS`]. An older sent version is an ordinary snapshot.
pub const MAX_PINNED_SENT: usize = 3;
/// Take an interval snapshot when the last one is older than this.
pub const SNAPSHOT_INTERVAL_MS: i64 = 10 * 60 * 1000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SnapshotReason {
    Interval,
    BeforeDelete,
    BeforeImport,
    BeforeMerge,
    BeforeRestore,
    /// The version this tab had when another tab's edit was taken instead.
    BeforeConflict,
    /// Before pasted text replaced a part (粘贴整段文字，自动拆分为条目).
    BeforePaste,
}

impl SnapshotReason {
    pub fn label(self) -> &'static str {
        match self {
            SnapshotReason::Interval => "自动保存",
            SnapshotReason::BeforeDelete => "删除前",
            SnapshotReason::BeforeImport => "导入前",
            SnapshotReason::BeforeMerge => "合并前",
            SnapshotReason::BeforeRestore => "恢复前",
            SnapshotReason::BeforeConflict => "多标签页冲突时本页的内容",
            SnapshotReason::BeforePaste => "粘贴替换本部分前",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    pub at: i64,
    pub reason: SnapshotReason,
    pub revision: u64,
    pub text: String,
    /// The text as exported for a colleague (share file, .docx) at
    /// `revision`: the base a reply is merged from. A field, not a
    /// `SnapshotReason`, because every copy of the app on a PC shares one
    /// localStorage (all `file://` pages do): an older copy reading an
    /// unknown reason would see an empty history and then overwrite it,
    /// while an unknown field is skipped and the snapshot shows as 自动保存.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub sent: bool,
}

impl Snapshot {
    /// What the history page calls it.
    pub fn label(&self) -> &'static str {
        if self.sent {
            "发给同事的版本"
        } else {
            self.reason.label()
        }
    }
}

pub fn history_key(id: &str) -> String {
    format!("{HISTORY_PREFIX}{id}")
}

/// The time of the newest snapshot in a stored history, read without
/// parsing it: the first autosave of a session would otherwise parse up to
/// ~1 MB of JSON (≈ 10 ms in the browser) only to learn one number. Snapshots
/// serialise `at` first and a JSON string cannot hold an unescaped `"`, so
/// the last `{"at":` starts the newest snapshot. `None` if that shape is not
/// found (the caller then parses).
fn last_snapshot_at(raw: &str) -> Option<i64> {
    let start = raw.rfind("{\"at\":")? + "{\"at\":".len();
    let digits: String = raw[start..].chars().take_while(|c| c.is_ascii_digit() || *c == '-').collect();
    digits.parse().ok()
}

impl<K: KeyValue> DraftStore<K> {
    /// A draft's snapshots, oldest first. An unreadable history reads as empty
    /// (the draft itself is unaffected).
    pub fn snapshots(&self, id: &str) -> Result<Vec<Snapshot>, StoreError> {
        Ok(self.kv().get(&history_key(id))?.as_deref().map(parse_history).unwrap_or_default())
    }

    /// Record the draft's current text. Drops the oldest snapshots beyond the
    /// bounds; when the quota is full, drops more of them and tries again, and
    /// if even one snapshot does not fit, reports QuotaExceeded.
    pub fn snapshot(&self, draft: &Draft, reason: SnapshotReason, now_ms: i64) -> Result<(), StoreError> {
        let list = self.stored_history_to_extend(&draft.id)?;
        let text = render(&draft.report);
        if list.last().is_some_and(|s| s.text == text) && reason == SnapshotReason::Interval {
            return Ok(());
        }
        self.append_snapshot(draft, list, Snapshot { at: now_ms, reason, revision: draft.revision, text, sent: false })?;
        self.note_snapshot_in_index(&draft.id, now_ms);
        Ok(())
    }

    /// Keep the draft's text as sent to a colleague at its revision, pinned
    /// (see [`MAX_PINNED_SENT`]), so their reply merges three-way. The same
    /// revision sent twice is kept once.
    pub fn pin_sent(&self, draft: &Draft, now_ms: i64) -> Result<(), StoreError> {
        let list = self.stored_history_to_extend(&draft.id)?;
        let text = render(&draft.report);
        if list.iter().any(|s| s.sent && s.revision == draft.revision && s.text == text) {
            return Ok(());
        }
        let snap = Snapshot { at: now_ms, reason: SnapshotReason::Interval, revision: draft.revision, text, sent: true };
        self.append_snapshot(draft, list, snap)?;
        self.note_snapshot_in_index(&draft.id, now_ms);
        Ok(())
    }

    /// The text of `revision` as kept in the draft's history: the pinned
    /// sent version first, else any snapshot taken at that revision (a
    /// revision's stored text never changes).
    pub fn text_at_revision(&self, id: &str, revision: u64) -> Option<String> {
        let list = self.snapshots(id).ok()?;
        let at = |sent: bool| list.iter().rev().find(|s| s.revision == revision && s.sent == sent).map(|s| s.text.clone());
        at(true).or_else(|| at(false))
    }

    /// [`history_to_extend`](Self::history_to_extend) of the history in storage.
    fn stored_history_to_extend(&self, id: &str) -> Result<Vec<Snapshot>, StoreError> {
        let raw = self.kv().get(&history_key(id))?;
        self.history_to_extend(id, raw.as_deref())
    }

    /// The list a new snapshot is added to: the stored history `raw`,
    /// parsed. One that cannot be read is set aside first (kept as it is,
    /// offered for download with the unreadable drafts), so writing the new
    /// list never destroys it; when it cannot be kept, the error, and
    /// nothing is written.
    fn history_to_extend(&self, id: &str, raw: Option<&str>) -> Result<Vec<Snapshot>, StoreError> {
        let Some(raw) = raw else { return Ok(Vec::new()) };
        match serde_json::from_str(raw) {
            Ok(list) => Ok(list),
            Err(_) => {
                super::drafts::set_aside(self.kv(), &format!("history-{id}"), raw)?;
                Ok(Vec::new())
            }
        }
    }

    /// Write `list` plus `snap` as the draft's history, dropping the oldest
    /// as the bounds and then the quota require.
    fn append_snapshot(&self, draft: &Draft, mut list: Vec<Snapshot>, snap: Snapshot) -> Result<(), StoreError> {
        let at = snap.at;
        list.push(snap);
        trim(&mut list);
        loop {
            let json = serde_json::to_string(&list).map_err(|e| StoreError::Other(e.to_string()))?;
            match self.kv().set(&history_key(&draft.id), &json) {
                Err(StoreError::QuotaExceeded) if list.len() > 1 => {
                    list.remove(droppable(&list));
                }
                Ok(()) => {
                    self.last_snapshot.borrow_mut().insert(draft.id.clone(), at);
                    return Ok(());
                }
                other => return other,
            }
        }
    }

    /// An autosave: the edit made on top of `base_revision` is saved unless
    /// another tab saved this draft since ([`StoreError::Conflict`], nothing
    /// written), with an interval snapshot when one is due — in one pass.
    /// The schema key and the index are read once; the draft, the index and
    /// the history are each written at most once (the history only when a
    /// snapshot of changed text is due). Returns the draft's library entry as
    /// written, so the caller need not list the drafts again.
    ///
    /// The history is a bonus: a snapshot that does not fit never fails the
    /// save, and the index then keeps the time of the one that is there.
    pub fn save_edit(&self, draft: &Draft, base_revision: u64, now_ms: i64) -> Result<DraftSummary, StoreError> {
        if let Some((stored, version)) = self.stored_head(&draft.id)? {
            // What a newer version stored under this id is never written over.
            if version > crate::report::draft::DRAFT_SCHEMA {
                return Err(StoreError::NewerSchema { found: version, supported: crate::report::draft::DRAFT_SCHEMA });
            }
            if stored != base_revision {
                return Err(StoreError::Conflict { stored_revision: stored });
            }
        }
        let schema = self.schema()?;
        let mut index = self.read_index()?;
        let indexed = index.iter().find(|s| s.id == draft.id).and_then(|s| s.snapshot_at);
        // A history that cannot be read now is left as it is: no snapshot
        // this time (taking one would write a list of one over it).
        let snapshot = match self.snapshot_time(&draft.id, indexed) {
            Ok((last, history)) if last.is_none_or(|at| now_ms - at >= SNAPSHOT_INTERVAL_MS) => {
                let raw = history.or_else(|| self.kv().get(&history_key(&draft.id)).ok());
                raw.and_then(|raw| {
                    let list = self.history_to_extend(&draft.id, raw.as_deref()).ok()?;
                    let text = render(&draft.report);
                    // A snapshot of unchanged text is not taken (and the clock is not reset).
                    (list.last().is_none_or(|s| s.text != text)).then_some((list, text))
                })
            }
            _ => None,
        };
        let mut summary = self.write_draft(draft, schema, &mut index, snapshot.as_ref().map(|_| now_ms))?;
        if let Some((list, text)) = snapshot {
            let snap = Snapshot { at: now_ms, reason: SnapshotReason::Interval, revision: draft.revision, text, sent: false };
            if self.append_snapshot(draft, list, snap).is_err() {
                // Rare (the quota cannot take even one snapshot): put the
                // index's snapshot time back so it says what is stored.
                if let Some(entry) = index.iter_mut().find(|s| s.id == draft.id) {
                    entry.snapshot_at = indexed;
                    summary.snapshot_at = indexed;
                    let _ = self.write_index(&index);
                }
            }
        }
        Ok(summary)
    }

    /// Take an interval snapshot if the last one is older than
    /// [`SNAPSHOT_INTERVAL_MS`]. Called on every save, so the history is read
    /// only the first time per draft; after that the time is remembered.
    pub fn snapshot_if_due(&self, draft: &Draft, now_ms: i64) -> Result<(), StoreError> {
        let last = self.newest_snapshot_at(&draft.id)?;
        if last.is_none_or(|at| now_ms - at >= SNAPSHOT_INTERVAL_MS) {
            self.snapshot(draft, SnapshotReason::Interval, now_ms)
        } else {
            Ok(())
        }
    }

    /// When draft `id`'s newest snapshot was taken: remembered, else in the
    /// index (small), else read once off the history (older indexes do not
    /// have it; the raw JSON, not parsed) — and remembered from then on, so
    /// the next save need not read it. The app calls this after opening a
    /// draft, off the critical path, so the first autosave does not read a
    /// history of a megabyte or more.
    pub fn newest_snapshot_at(&self, id: &str) -> Result<Option<i64>, StoreError> {
        if let Some(at) = self.last_snapshot.borrow().get(id).copied() {
            return Ok(Some(at));
        }
        Ok(self.snapshot_time(id, self.indexed_snapshot_at(id))?.0)
    }

    /// The lookup behind [`newest_snapshot_at`](Self::newest_snapshot_at)
    /// and every autosave: remembered, else `indexed` (the caller's index
    /// entry), else read off the raw history — which is then returned too
    /// (`Some(raw)`), so a save that takes a snapshot does not read it twice.
    /// A time found is remembered.
    fn snapshot_time(&self, id: &str, indexed: Option<i64>) -> Result<(Option<i64>, Option<Option<String>>), StoreError> {
        let known = self.last_snapshot.borrow().get(id).copied().or(indexed);
        let (at, history) = match known {
            Some(at) => (Some(at), None),
            None => {
                let raw = self.kv().get(&history_key(id))?;
                let at = raw.as_deref().and_then(|r| last_snapshot_at(r).or_else(|| parse_history(r).last().map(|s| s.at)));
                (at, Some(raw))
            }
        };
        if let Some(at) = at {
            self.last_snapshot.borrow_mut().insert(id.to_string(), at);
        }
        Ok((at, history))
    }

    /// The newest snapshot's time as the index remembers it.
    fn indexed_snapshot_at(&self, id: &str) -> Option<i64> {
        let json = self.kv().get(INDEX_KEY).ok()??;
        let index: Vec<DraftSummary> = serde_json::from_str(&json).ok()?;
        index.into_iter().find(|s| s.id == id)?.snapshot_at
    }

    /// Remember a snapshot's time in the draft's index entry. Only a cache:
    /// if the index cannot be written now, a later save reads the history.
    fn note_snapshot_in_index(&self, id: &str, at: i64) {
        let Ok(Some(json)) = self.kv().get(INDEX_KEY) else { return };
        let Ok(mut index) = serde_json::from_str::<Vec<DraftSummary>>(&json) else { return };
        if let Some(entry) = index.iter_mut().find(|s| s.id == id) {
            entry.snapshot_at = Some(at);
            let _ = self.write_index(&index);
        }
    }

    /// Replace the draft's text with snapshot `index`, after snapshotting the
    /// current text so the restore itself can be undone. Returns the new draft.
    pub fn restore_snapshot(&self, draft: &Draft, index: usize, now_ms: i64) -> Result<Draft, StoreError> {
        let list = self.snapshots(&draft.id)?;
        let snap = list.get(index).ok_or_else(|| StoreError::Other(format!("no snapshot {index}")))?.clone();
        self.snapshot(draft, SnapshotReason::BeforeRestore, now_ms)?;
        let mut restored = draft.clone();
        restored.report = parse(&snap.text);
        restored.revision = draft.revision + 1;
        restored.edited = now_ms;
        self.save(&restored)?;
        Ok(restored)
    }

    /// Free space by dropping all but the newest `keep` snapshots of every
    /// draft, and the pinned sent versions (a reply may still come back);
    /// returns the UTF-16 units freed.
    pub fn prune_history(&self, keep: usize) -> Result<usize, StoreError> {
        let before = self.used_units()?;
        for key in self.kv().keys()? {
            if let Some(id) = key.strip_prefix(HISTORY_PREFIX) {
                let mut list = self.snapshots(id)?;
                if list.len() > keep {
                    let pinned = pinned(&list);
                    let newest = list.len() - keep;
                    let mut i = 0;
                    list.retain(|_| {
                        i += 1;
                        i > newest || pinned.contains(&(i - 1))
                    });
                    let json = serde_json::to_string(&list).map_err(|e| StoreError::Other(e.to_string()))?;
                    self.kv().set(&key, &json)?;
                }
            }
        }
        Ok(before.saturating_sub(self.used_units()?))
    }
}

/// A stored history, for reading: an unreadable one reads as empty (what
/// writes a history goes through `history_to_extend`, which keeps it).
fn parse_history(raw: &str) -> Vec<Snapshot> {
    serde_json::from_str(raw).unwrap_or_default()
}

/// Indexes of the pinned snapshots: the newest [`MAX_PINNED_SENT`] sent ones.
fn pinned(list: &[Snapshot]) -> Vec<usize> {
    let mut sent: Vec<usize> = list.iter().enumerate().filter(|(_, s)| s.sent).map(|(i, _)| i).collect();
    sent.drain(..sent.len().saturating_sub(MAX_PINNED_SENT));
    sent
}

/// The snapshot to drop first: the oldest one not pinned, never the newest
/// (just taken). When only pinned ones are left, the oldest of them — a
/// bound must hold somewhere, and a full quota must not fail the save.
fn droppable(list: &[Snapshot]) -> usize {
    let pinned = pinned(list);
    (0..list.len().saturating_sub(1)).find(|i| !pinned.contains(i)).unwrap_or(0)
}

fn trim(list: &mut Vec<Snapshot>) {
    while list.len() > MAX_SNAPSHOTS {
        list.remove(droppable(list));
    }
    while list.len() > 1 && list.iter().map(|s| s.text.encode_utf16().count()).sum::<usize>() > MAX_HISTORY_UNITS {
        list.remove(droppable(list));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_newest_snapshot_time_is_read_without_parsing() {
        let list = vec![
            Snapshot { at: 1_000, reason: SnapshotReason::Interval, revision: 1, text: "含有 {\"at\":99} 的正文".into(), sent: false },
            Snapshot { at: 1_700_000_000_123, reason: SnapshotReason::BeforeMerge, revision: 2, text: "{\"at\":5}".into(), sent: true },
        ];
        let json = serde_json::to_string(&list).unwrap();
        assert_eq!(last_snapshot_at(&json), Some(1_700_000_000_123));
        assert_eq!(last_snapshot_at("[]"), None);
        assert_eq!(last_snapshot_at("not json"), None);
    }
}
