//! History, trash, two writers and backup on the in-memory storage.

use fazhi_report::report::{render, Draft};
use fazhi_report::storage::history::{SnapshotReason, MAX_SNAPSHOTS, SNAPSHOT_INTERVAL_MS};
use fazhi_report::storage::memory::MemoryStore;
use fazhi_report::storage::{DraftStore, KeyValue, StoreError};

fn draft(id: &str, body: &str) -> Draft {
    let mut d = Draft::new(id, "某某区司法局", 2025, 1_000);
    d.report.sections[0].set_body_text(body);
    d
}

#[test]
fn snapshots_are_bounded_and_restorable() {
    let store = DraftStore::new(MemoryStore::new());
    let mut d = draft("a", "第0版");
    store.save(&d).unwrap();
    for i in 0..(MAX_SNAPSHOTS + 5) {
        d.report.sections[0].set_body_text(&format!("第{i}版"));
        store.snapshot(&d, SnapshotReason::Interval, i as i64).unwrap();
    }
    let list = store.snapshots("a").unwrap();
    assert_eq!(list.len(), MAX_SNAPSHOTS);
    assert!(list[0].text.contains("第5版"), "oldest snapshots go first");

    let restored = store.restore_snapshot(&d, 0, 99).unwrap();
    assert!(render(&restored.report).contains("第5版"));
    assert_eq!(store.load("a").unwrap().unwrap(), restored);
    // The text before the restore is kept, so the restore can be undone.
    let after = store.snapshots("a").unwrap();
    assert_eq!(after.last().unwrap().reason, SnapshotReason::BeforeRestore);
    assert_eq!(after.last().unwrap().text, render(&d.report));
}

#[test]
fn interval_snapshots_only_when_due_and_changed() {
    let store = DraftStore::new(MemoryStore::new());
    let d = draft("a", "正文");
    store.snapshot_if_due(&d, 0).unwrap();
    store.snapshot_if_due(&d, SNAPSHOT_INTERVAL_MS - 1).unwrap();
    assert_eq!(store.snapshots("a").unwrap().len(), 1);
    store.snapshot_if_due(&d, SNAPSHOT_INTERVAL_MS).unwrap();
    assert_eq!(store.snapshots("a").unwrap().len(), 1, "unchanged text is not snapshotted twice");
}

#[test]
fn a_second_tab_cannot_overwrite_silently() {
    let kv = MemoryStore::new();
    let tab_a = DraftStore::new(&kv);
    let tab_b = DraftStore::new(&kv);
    let mut d = draft("a", "初稿");
    tab_a.save(&d).unwrap();
    let base = d.revision;

    // Tab B loads, edits and saves first.
    let mut theirs = tab_b.load("a").unwrap().unwrap();
    theirs.report.sections[0].set_body_text("乙的修改");
    theirs.revision = base + 1;
    tab_b.save_if_current(&theirs, base).unwrap();

    // Tab A, still on the old revision, is refused; B's text is intact.
    d.report.sections[0].set_body_text("甲的修改");
    d.revision = base + 1;
    assert_eq!(tab_a.save_if_current(&d, base), Err(StoreError::Conflict { stored_revision: base + 1 }));
    assert!(render(&tab_a.load("a").unwrap().unwrap().report).contains("乙的修改"));
}

#[test]
fn delete_goes_to_trash_and_can_be_undone() {
    let store = DraftStore::new(MemoryStore::new());
    let d = draft("a", "要删除的草稿");
    store.save(&d).unwrap();
    assert_eq!(store.delete("a").unwrap(), Some(d.clone()));
    assert!(store.list().unwrap().is_empty());
    assert_eq!(store.trash().unwrap(), vec![d.clone()]);
    assert_eq!(store.restore_deleted("a").unwrap(), Some(d.clone()));
    assert_eq!(store.load("a").unwrap(), Some(d));
    assert!(store.trash().unwrap().is_empty());
}

#[test]
fn unreadable_entries_are_offered_with_their_raw_text() {
    let store = DraftStore::new(MemoryStore::new());
    store.save(&draft("good", "好")).unwrap();
    store.kv().set("fazhi-report/draft/bad", "{\"id\":\"bad\", 半截").unwrap();
    let bad = store.unreadable().unwrap();
    assert_eq!(bad, vec![("fazhi-report/draft/bad".to_string(), "{\"id\":\"bad\", 半截".to_string())]);

    // Deleted only as long as it is unreadable, and nothing else is.
    assert!(!store.remove_unreadable("fazhi-report/draft/good").unwrap(), "a readable draft is never removed this way");
    assert!(!store.remove_unreadable("fazhi-report/index").unwrap());
    store.kv().set("fazhi-report/set-aside/review-1", "旧记录").unwrap();
    assert!(store.remove_unreadable("fazhi-report/set-aside/review-1").unwrap());
    store.save(&draft("bad", "另一标签页重新写入")).unwrap();
    assert!(!store.remove_unreadable("fazhi-report/draft/bad").unwrap(), "written again since: kept");
    store.kv().set("fazhi-report/draft/bad", "半截").unwrap();
    assert!(store.remove_unreadable("fazhi-report/draft/bad").unwrap());
    assert!(store.unreadable().unwrap().is_empty());
    assert!(store.load("good").unwrap().is_some());
    assert!(store.kv().get("fazhi-report/index").unwrap().is_some());
}

#[test]
fn backup_restores_by_id_and_never_overwrites() {
    let source = DraftStore::new(MemoryStore::new());
    source.save(&draft("a", "甲")).unwrap();
    source.save(&draft("b", "乙")).unwrap();
    let backup = source.export_backup(5, None).unwrap();

    let target = DraftStore::new(MemoryStore::new());
    target.save(&draft("a", "甲")).unwrap();
    target.save(&draft("b", "本机修改过的乙")).unwrap();
    let mut n = 0;
    let report = target
        .restore_backup(&backup, || {
            n += 1;
            format!("copy{n}")
        })
        .unwrap();
    assert_eq!((report.added, report.unchanged, report.copies), (0, 1, 1));
    assert!(render(&target.load("b").unwrap().unwrap().report).contains("本机修改过的乙"));
    assert!(render(&target.load("copy1").unwrap().unwrap().report).contains("乙"));
    assert!(target.restore_backup("{}", || unreachable!()).unwrap_err().message_zh().contains("不是"));
}

#[test]
fn a_full_quota_drops_old_snapshots_before_giving_up() {
    let d = draft("a", &"内容".repeat(1000));
    let store = DraftStore::new(MemoryStore::with_quota(40_000));
    store.save(&d).unwrap();
    for i in 0..30 {
        store.snapshot(&d, SnapshotReason::BeforeImport, i).unwrap();
    }
    let kept = store.snapshots("a").unwrap().len();
    assert!((1..30).contains(&kept), "kept {kept}");
    assert_eq!(store.load("a").unwrap(), Some(d));
    assert!(store.prune_history(1).unwrap() > 0);
    assert_eq!(store.snapshots("a").unwrap().len(), 1);
}

#[test]
fn the_stored_revision_is_read_from_drafts_as_written_and_from_any_other_order() {
    let store = DraftStore::new(MemoryStore::new());
    let mut d = draft("a", "正文");
    d.revision = 41;
    store.save(&d).unwrap();
    assert_eq!(store.stored_revision("a").unwrap(), Some(41));
    // A draft JSON with the fields in another order (e.g. edited by hand) still works.
    let mut v = serde_json::to_value(&d).unwrap();
    let rev = v.as_object_mut().unwrap().remove("revision").unwrap();
    v.as_object_mut().unwrap().insert("revision".into(), rev);
    let reordered = format!("{{\"report\":{},{}", serde_json::to_string(&v["report"]).unwrap(), &v.to_string()[1..]);
    store.kv().set("fazhi-report/draft/a", &reordered).unwrap();
    assert_eq!(store.stored_revision("a").unwrap(), Some(41));
    assert_eq!(store.stored_revision("missing").unwrap(), None);
}

/// A new session (a new store over the same storage) learns when the last
/// snapshot was taken from the index, without reading the history: here the
/// history is emptied behind its back, and a session that read it would
/// think a snapshot is due and write one.
#[test]
fn a_new_session_takes_the_last_snapshot_time_from_the_index() {
    let kv = MemoryStore::new();
    let first = DraftStore::new(&kv);
    let d = draft("a", "正文");
    first.save(&d).unwrap();
    first.snapshot_if_due(&d, 1_000).unwrap();
    let mut edited = d.clone();
    edited.report.sections[0].set_body_text("正文改动");
    first.save(&edited).unwrap(); // a save keeps the remembered time
    kv.set("fazhi-report/history/a", "[]").unwrap();

    let second = DraftStore::new(&kv);
    second.snapshot_if_due(&edited, 2_000).unwrap();
    assert_eq!(kv.get("fazhi-report/history/a").unwrap().as_deref(), Some("[]"), "not due: the index knew");
    second.snapshot_if_due(&edited, 1_000 + SNAPSHOT_INTERVAL_MS).unwrap();
    assert_eq!(second.snapshots("a").unwrap().len(), 1, "due after the interval");
}

#[test]
fn sent_versions_stay_pinned_through_trimming_and_freeing_space_up_to_three() {
    use fazhi_report::storage::history::MAX_PINNED_SENT;
    let store = DraftStore::new(MemoryStore::new());
    let mut d = draft("a", "发出前");
    store.save(&d).unwrap();
    // Four sends, each followed by a long day of edits.
    for send in 0..(MAX_PINNED_SENT as u64 + 1) {
        d.revision = 100 * (send + 1);
        d.report.sections[0].set_body_text(&format!("发出的第{send}版"));
        store.pin_sent(&d, 0).unwrap();
        store.pin_sent(&d, 1).unwrap();
        for i in 0..MAX_SNAPSHOTS {
            d.revision += 1;
            d.report.sections[0].set_body_text(&format!("第{send}次发出后的第{i}版"));
            store.snapshot(&d, SnapshotReason::Interval, i as i64).unwrap();
        }
    }
    let list = store.snapshots("a").unwrap();
    assert_eq!(list.len(), MAX_SNAPSHOTS);
    let sent: Vec<u64> = list.iter().filter(|s| s.sent).map(|s| s.revision).collect();
    assert_eq!(sent, [200, 300, 400], "the same send twice is kept once; the oldest send is no longer pinned");
    assert_eq!(list.iter().find(|s| s.sent).unwrap().label(), "发给同事的版本");
    assert!(store.text_at_revision("a", 300).unwrap().contains("发出的第2版"));
    assert_eq!(store.text_at_revision("a", 100), None);

    // 清理历史版本 keeps the newest snapshot and every pinned one.
    store.prune_history(1).unwrap();
    let left: Vec<(u64, bool)> = store.snapshots("a").unwrap().iter().map(|s| (s.revision, s.sent)).collect();
    assert_eq!(left, [(200, true), (300, true), (400, true), (400 + MAX_SNAPSHOTS as u64, false)]);
    // An older copy of the app (no `sent` field) still reads the history.
    let raw = store.kv().get("fazhi-report/history/a").unwrap().unwrap();
    assert_eq!(raw.matches("\"sent\":true").count(), 3);
    assert!(!raw.contains("\"sent\":false"), "ordinary snapshots are stored as before");
}

/// Storage whose reads of one key fail while `failing` is set (a transient
/// browser error), everything else passed through.
struct UnreadableKey<'a> {
    inner: &'a MemoryStore,
    key: &'static str,
    failing: std::cell::Cell<bool>,
}

impl KeyValue for UnreadableKey<'_> {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        if self.failing.get() && key == self.key {
            return Err(StoreError::Other("simulated read failure".into()));
        }
        self.inner.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.inner.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.inner.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.inner.keys()
    }
}

#[test]
fn an_autosave_that_cannot_read_the_history_saves_and_leaves_the_history_alone() {
    let kv = MemoryStore::new();
    let d = draft("a", "正文");
    let setup = DraftStore::new(&kv);
    setup.save(&d).unwrap();
    for (i, body) in ["第一版", "第二版", "第三版"].iter().enumerate() {
        let mut v = d.clone();
        v.report.sections[0].set_body_text(body);
        setup.snapshot(&v, SnapshotReason::Interval, 1_000 + i as i64).unwrap();
    }
    let history = kv.get("fazhi-report/history/a").unwrap();
    // A later session whose index does not know the snapshot time (an older
    // index), so the save must read the history to learn it.
    kv.set("fazhi-report/index", "[]").unwrap();

    let flaky = UnreadableKey { inner: &kv, key: "fazhi-report/history/a", failing: std::cell::Cell::new(true) };
    let store = DraftStore::new(&flaky);
    let mut edited = d.clone();
    edited.revision = d.revision + 1;
    edited.report.sections[0].set_body_text("改过的正文");
    store.save_edit(&edited, d.revision, 1_000 + 10 * SNAPSHOT_INTERVAL_MS).unwrap();
    assert_eq!(store.load("a").unwrap().unwrap(), edited, "the edit is saved");
    assert_eq!(kv.get("fazhi-report/history/a").unwrap(), history, "the history is not written over");

    // Readable again: the next save that is due takes its snapshot on top.
    flaky.failing.set(false);
    let mut again = edited.clone();
    again.revision = edited.revision + 1;
    again.report.sections[0].set_body_text("再改过的正文");
    store.save_edit(&again, edited.revision, 1_000 + 11 * SNAPSHOT_INTERVAL_MS).unwrap();
    let texts: Vec<String> = store.snapshots("a").unwrap().into_iter().map(|s| s.text).collect();
    assert_eq!(texts.len(), 4, "three kept and one new: {texts:?}");
    assert_eq!(texts[3], render(&again.report));
}

#[test]
fn an_unreadable_history_is_set_aside_before_a_snapshot_is_written_over_it() {
    let kv = MemoryStore::new();
    let store = DraftStore::new(&kv);
    let d = draft("a", "正文");
    store.save(&d).unwrap();
    let raw = r#"[{"at":1000,"reason":"interval","revision":1,"text":"半截"#;
    kv.set("fazhi-report/history/a", raw).unwrap();
    assert!(store.snapshots("a").unwrap().is_empty(), "reads as empty");
    store.snapshot(&d, SnapshotReason::BeforeDelete, 5_000).unwrap();
    assert_eq!(store.snapshots("a").unwrap().len(), 1);
    let offered = store.unreadable().unwrap();
    assert_eq!(offered.len(), 1, "{offered:?}");
    assert!(offered[0].0.starts_with("fazhi-report/set-aside/history-a-"), "{}", offered[0].0);
    assert_eq!(offered[0].1, raw, "kept word for word");

    // The autosave's own path (an older index without the snapshot time, so
    // the save reads the history itself): the same.
    let kv = MemoryStore::new();
    DraftStore::new(&kv).save(&d).unwrap();
    kv.set("fazhi-report/history/a", raw).unwrap();
    kv.set("fazhi-report/index", "[]").unwrap();
    let store = DraftStore::new(&kv);
    let mut edited = d.clone();
    edited.revision = d.revision + 1;
    edited.report.sections[0].set_body_text("改过");
    store.save_edit(&edited, d.revision, 1_000 + SNAPSHOT_INTERVAL_MS).unwrap();
    assert_eq!(store.snapshots("a").unwrap().len(), 1);
    assert_eq!(store.unreadable().unwrap()[0].1, raw);

    // No room to keep it: no snapshot is written over it, and an autosave
    // still saves the draft.
    // (The index knows no snapshot time, so the save reads the history; the
    // room left takes the edit, which replaces text of the same length, but
    // not a copy of the history.)
    let full = MemoryStore::with_quota(40_000);
    DraftStore::new(&full).save(&d).unwrap();
    full.set("fazhi-report/history/a", raw).unwrap();
    full.set("x", &"满".repeat(40_000 - full.used_units() - 40)).unwrap();
    let store = DraftStore::new(&full);
    assert!(matches!(store.snapshot(&d, SnapshotReason::BeforeDelete, 5_000), Err(StoreError::QuotaExceeded)));
    assert_eq!(full.get("fazhi-report/history/a").unwrap().as_deref(), Some(raw));
    store.save_edit(&edited, d.revision, 1_000 + SNAPSHOT_INTERVAL_MS).unwrap();
    assert_eq!(store.load("a").unwrap().unwrap(), edited, "the edit is saved");
    assert_eq!(full.get("fazhi-report/history/a").unwrap().as_deref(), Some(raw), "the history is not written over");
}
