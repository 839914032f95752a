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

/// A draft saved before the library's `name` field existed still loads (the
/// field defaults), so earlier data needs no rewrite.
#[test]
fn a_draft_from_before_the_name_field_loads() {
    let current = serde_json::to_value(draft("old", 1, "旧数据")).unwrap();
    let mut old = current.clone();
    old.as_object_mut().unwrap().remove("name");
    let kv = MemoryStore::new();
    kv.set(&draft_key("old"), &old.to_string()).unwrap();
    kv.set(INDEX_KEY, "[{\"id\":\"old\",\"unit\":\"某某区司法局\",\"year\":2025,\"edited\":1,\"revision\":0,\"chars\":10}]").unwrap();
    let store = DraftStore::new(kv);
    let loaded = store.load("old").unwrap().unwrap();
    assert_eq!(loaded.name, "");
    assert_eq!(serde_json::to_value(&loaded).unwrap(), current);
    assert_eq!(store.list().unwrap()[0].id, "old");
}

/// How much localStorage a long report takes with a full history. Browsers
/// allow about 5 MB per origin (Chromium counts UTF-16 code units of keys and
/// values); this prints the figure recorded in the README and keeps a budget.
#[test]
fn a_30000_character_report_with_20_snapshots_fits_with_room_to_spare() {
    use fazhi_report::storage::history::SnapshotReason;
    let paragraph = "1. 健全依法行政制度体系。一是全年审查规范性文件12件，提出修改意见35条；二是清理涉及营商环境的文件46件，废止3件；三是组织执法人员培训4期，参训人数达到320人次。";
    let per = paragraph.chars().count();
    let body: Vec<&str> = std::iter::repeat_n(paragraph, 30_000 / 5 / per + 1).collect();
    let mut d = draft("long", 1, "");
    for s in &mut d.report.sections {
        s.set_body_text(&body.join("\n"));
    }
    let chars = fazhi_report::report::render(&d.report).chars().count();
    assert!(chars >= 30_000, "{chars}");
    let store = DraftStore::new(MemoryStore::new());
    store.save(&d).unwrap();
    let draft_only = store.used_units().unwrap();
    for i in 0..20 {
        d.report.sections[4].set_body_text(&format!("第{i}次修改"));
        store.snapshot(&d, SnapshotReason::Interval, i).unwrap();
    }
    let with_history = store.used_units().unwrap();
    println!(
        "storage for a {chars}-character report: draft {draft_only} UTF-16 units, with 20 snapshots {with_history} units \
         (~{:.1} MB of the ~5 MB quota)",
        with_history as f64 * 2.0 / 1e6
    );
    // History is bounded to 600k units per draft; the draft itself adds its JSON.
    assert!(with_history < 800_000, "{with_history}");
}
