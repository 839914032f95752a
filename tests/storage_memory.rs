//! The drafts store on the in-memory storage: every fault the browser can
//! produce leaves existing drafts untouched.

use fazhi_report::report::Draft;
use fazhi_report::storage::drafts::{draft_key, INDEX_KEY, SCHEMA_KEY};
use fazhi_report::storage::memory::MemoryStore;
use fazhi_report::storage::{DraftStore, KeyValue, StoreError};

fn draft(id: &str, edited: i64, body: &str) -> Draft {
    let mut d = Draft::new(id, "某某区司法局", 2025, edited);
    d.report.sections[0].set_body_text(body);
    d
}

#[test]
fn saved_drafts_load_back_and_list_newest_first() {
    let store = DraftStore::new(MemoryStore::new());
    let a = draft("a", 100, "1. 甲。正文。");
    let b = draft("b", 200, "1. 乙。正文。");
    store.save(&a).unwrap();
    store.save(&b).unwrap();
    assert_eq!(store.load("a").unwrap(), Some(a));
    let ids: Vec<_> = store.list().unwrap().into_iter().map(|s| s.id).collect();
    assert_eq!(ids, ["b", "a"]);
    assert_eq!(store.latest().unwrap().unwrap().id, "b");
    assert_eq!(store.kv().get(SCHEMA_KEY).unwrap().as_deref(), Some("1"));
}

#[test]
fn data_from_a_newer_version_is_never_overwritten() {
    let kv = MemoryStore::new();
    kv.set(SCHEMA_KEY, "99").unwrap();
    kv.set(&draft_key("x"), "{\"future\":true}").unwrap();
    let store = DraftStore::new(kv);
    let err = store.save(&draft("x", 1, "新内容")).unwrap_err();
    assert_eq!(err, StoreError::NewerSchema { found: 99, supported: 1 });
    assert!(err.message_zh().contains("更新版本"));
    assert_eq!(store.kv().get(&draft_key("x")).unwrap().as_deref(), Some("{\"future\":true}"));
}

#[test]
fn a_draft_written_just_before_an_interruption_is_still_listed() {
    let store = DraftStore::new(MemoryStore::new());
    store.save(&draft("old", 1, "旧")).unwrap();
    // The draft key was written, then the tab died before the index write.
    let fresh = draft("new", 2, "新");
    store.kv().set(&draft_key("new"), &serde_json::to_string(&fresh).unwrap()).unwrap();
    let ids: Vec<_> = store.list().unwrap().into_iter().map(|s| s.id).collect();
    assert_eq!(ids, ["new", "old"]);
    assert_eq!(store.latest().unwrap(), Some(fresh));
}

#[test]
fn a_corrupt_index_is_rebuilt_from_the_drafts() {
    let store = DraftStore::new(MemoryStore::new());
    store.save(&draft("a", 1, "甲")).unwrap();
    store.kv().set(INDEX_KEY, "{not json").unwrap();
    assert_eq!(store.list().unwrap().len(), 1);
}

#[test]
fn a_corrupt_draft_is_reported_and_the_others_still_open() {
    let store = DraftStore::new(MemoryStore::new());
    store.save(&draft("good", 1, "好")).unwrap();
    store.kv().set(&draft_key("bad"), "{truncated").unwrap();
    assert!(matches!(store.load("bad"), Err(StoreError::Corrupt { .. })));
    assert_eq!(store.latest().unwrap().unwrap().id, "good");
    assert_eq!(store.list().unwrap().len(), 1);
}

#[test]
fn a_full_quota_fails_the_save_and_keeps_the_previous_version() {
    let first = draft("a", 1, "第一版");
    let size = serde_json::to_string(&first).unwrap().encode_utf16().count();
    // Room for one draft and its index, not for a much longer version.
    let store = DraftStore::new(MemoryStore::with_quota(size * 2 + 200));
    store.save(&first).unwrap();
    let longer = draft("a", 2, &"很长的内容。".repeat(2000));
    assert_eq!(store.save(&longer), Err(StoreError::QuotaExceeded));
    assert_eq!(store.load("a").unwrap(), Some(first));
    assert!(StoreError::QuotaExceeded.message_zh().contains("导出"));
}

#[test]
fn disabled_storage_reports_unavailable() {
    let store = DraftStore::new(MemoryStore::disabled());
    let err = store.save(&draft("a", 1, "甲")).unwrap_err();
    assert!(matches!(err, StoreError::Unavailable(_)));
    assert!(err.message_zh().contains("关闭标签页后将会丢失"));
}
