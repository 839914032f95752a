//! The storage attacks of issue 21, natively: storage full to the last byte
//! before the app opens, a refused index write, a draft from a newer
//! version, unknown fields, a garbage schema marker.

use fazhi_report::report::draft::DRAFT_SCHEMA;
use fazhi_report::report::{render, Draft};
use fazhi_report::session::{read_only, Saved};
use fazhi_report::storage::drafts::{draft_key, SCHEMA_KEY};
use fazhi_report::storage::history::SNAPSHOT_INTERVAL_MS;
use fazhi_report::storage::instrument::FailingWrite;
use fazhi_report::storage::memory::MemoryStore;
use fazhi_report::storage::KeyValue;

mod common;
use common::session;

const NOW: i64 = 1_770_700_000_000;

fn body(d: &mut Draft, text: &str) {
    d.report.sections[0].set_body_text(text);
}

/// Two drafts with a few snapshots each, then another page's entry filling
/// the quota to the very last unit.
fn full_store() -> (MemoryStore, Vec<Draft>) {
    let kv = MemoryStore::with_quota(400_000);
    let s = session(&kv);
    let mut drafts = Vec::new();
    for unit in ["甲局", "乙局"] {
        let (mut d, _) = s.create(unit, 2025, None, "", NOW);
        for k in 1..=5 {
            body(&mut d, &format!("1. 第{k}版。{}", "依法行政。".repeat(400 * k)));
            let Saved::Stored(e) = s.save(&d, NOW + k as i64 * SNAPSHOT_INTERVAL_MS) else { panic!("save {k}") };
            d.revision = e.revision;
        }
        drafts.push(d);
    }
    let left = 400_000 - kv.used_units() - "other-page/filler".len();
    kv.set("other-page/filler", &"x".repeat(left)).unwrap();
    assert_eq!(kv.used_units(), 400_000);
    assert!(kv.set("probe", "1").is_err(), "not one unit is free");
    (kv, drafts)
}

#[test]
fn storage_full_at_open_lists_the_drafts_says_what_each_takes_and_cleans_up_for_real() {
    let (kv, drafts) = full_store();
    let s = session(&kv);
    assert_eq!(s.list().unwrap().len(), 2, "every draft listed");
    let p = s.storage_full();
    assert!(p.offer_free_space);
    assert!(p.message.contains("已满") && p.message.contains("草稿都在"), "{}", p.message);
    for d in &drafts {
        assert!(p.message.contains(&format!("“{}”正文", d.display_name())), "{}", p.message);
    }
    assert!(p.message.contains("历史版本") && p.message.contains("KB"), "{}", p.message);

    // Backup all works on the full store.
    let (backup, _) = s.export_backup(NOW).unwrap();
    for d in &drafts {
        assert!(backup.contains(&d.id));
    }

    // A save while full is refused, says so, and changes nothing.
    let mut open = s.open(&drafts[0].id).unwrap();
    // Longer than what is stored: it needs room that is not there.
    body(&mut open, &format!("1. 存储已满时写下的内容。{}", "依法行政。".repeat(2100)));
    let Saved::Failed(p) = s.save(&open, NOW + 9 * SNAPSHOT_INTERVAL_MS) else { panic!("refused") };
    assert!(p.offer_free_space);

    // 清理历史版本 frees real units; then the text typed goes in, and a
    // reload (a new session over the same storage) finds it.
    let before = kv.used_units();
    let notice = s.free_space().unwrap();
    assert!(kv.used_units() < before, "{}", notice.message);
    assert!(!notice.message.contains("释放约 0 KB"), "{}", notice.message);
    assert!(matches!(s.save(&open, NOW + 9 * SNAPSHOT_INTERVAL_MS + 1), Saved::Stored(_)));
    let reloaded = session(&kv).open(&open.id).unwrap();
    assert_eq!(render(&reloaded.report), render(&open.report));
}

#[test]
fn a_delete_works_on_storage_full_to_the_last_byte_and_undo_brings_it_back() {
    let (kv, drafts) = full_store();
    let s = session(&kv);
    let notice = s.delete(&drafts[1].id, NOW).unwrap().expect("deleted");
    assert_eq!(notice.undo_delete.as_deref(), Some(drafts[1].id.as_str()));
    assert_eq!(s.list().unwrap().len(), 1);
    assert_eq!(s.trash().len(), 1, "in 最近删除, not gone");
    s.undo_delete(&drafts[1].id).unwrap();
    let back = s.open(&drafts[1].id).unwrap();
    assert_eq!(render(&back.report), render(&drafts[1].report));
}

#[test]
fn a_refused_index_write_never_reports_a_conflict_in_the_same_tab() {
    let kv = FailingWrite::new(MemoryStore::new());
    let s = session(&kv);
    let (mut d, _) = s.create("甲局", 2025, None, "", NOW);
    body(&mut d, "1. 第一版。");
    assert!(matches!(s.save(&d, NOW), Saved::Stored(_)));
    // The draft goes in, the index is refused.
    kv.fail_write(2);
    body(&mut d, "1. 第二版。");
    assert!(matches!(s.save(&d, NOW + 1), Saved::Failed(_)));
    for k in 3..6 {
        body(&mut d, &format!("1. 第{k}版。"));
        let outcome = s.save(&d, NOW + k);
        assert!(matches!(outcome, Saved::Stored(_)), "save {k}: {outcome:?}");
    }
}

#[test]
fn a_draft_from_a_newer_version_is_read_only_and_never_overwritten() {
    let kv = MemoryStore::new();
    let s = session(&kv);
    let (d, _) = s.create("甲局", 2025, None, "", NOW);
    let mut json: serde_json::Value = serde_json::from_str(&kv.get(&draft_key(&d.id)).unwrap().unwrap()).unwrap();
    json["schema_version"] = 99.into();
    json["revision"] = 7.into();
    json["reviewers"] = serde_json::json!(["张三"]);
    let stored = serde_json::to_string(&json).unwrap();
    kv.set(&draft_key(&d.id), &stored).unwrap();

    let s = session(&kv);
    let mut open = s.open(&d.id).expect("shown");
    let why = read_only(&open).expect("read-only");
    assert!(why.message.contains("更新版本") && why.message.contains("99"), "{}", why.message);
    body(&mut open, "1. 旧版本里的修改。");
    let Saved::Failed(p) = s.save(&open, NOW + 1) else { panic!("refused") };
    assert!(!p.offer_free_space && p.message.contains("更新版本"), "{}", p.message);
    // Even as a plain draft of this version, the stored one is not written over.
    open.schema_version = DRAFT_SCHEMA;
    assert!(matches!(s.save(&open, NOW + 2), Saved::Failed(_)));
    assert!(s.store().save(&Draft { schema_version: 99, ..open.clone() }).is_err());
    assert_eq!(kv.get(&draft_key(&d.id)).unwrap().unwrap(), stored, "untouched");
    assert!(read_only(&d).is_none(), "this version's drafts are editable");
}

#[test]
fn fields_this_version_does_not_know_are_kept_on_save() {
    let kv = MemoryStore::new();
    let s = session(&kv);
    let (d, _) = s.create("甲局", 2025, None, "", NOW);
    let mut json: serde_json::Value = serde_json::from_str(&kv.get(&draft_key(&d.id)).unwrap().unwrap()).unwrap();
    json["reviewers"] = serde_json::json!([{"name": "张三", "at": 3}]);
    kv.set(&draft_key(&d.id), &serde_json::to_string(&json).unwrap()).unwrap();

    let s = session(&kv);
    let mut open = s.open(&d.id).unwrap();
    body(&mut open, "1. 修改后的内容。");
    assert!(matches!(s.save(&open, NOW + 1), Saved::Stored(_)));
    let after: serde_json::Value = serde_json::from_str(&kv.get(&draft_key(&d.id)).unwrap().unwrap()).unwrap();
    assert_eq!(after["reviewers"], serde_json::json!([{"name": "张三", "at": 3}]));
    assert_eq!(after["revision"], 1);
}

#[test]
fn a_garbage_schema_marker_says_what_is_blocked_and_backup_still_works() {
    let kv = MemoryStore::new();
    let s = session(&kv);
    let (d, _) = s.create("甲局", 2025, None, "", NOW);
    kv.set(SCHEMA_KEY, "\"garbage\"").unwrap();
    let s = session(&kv);
    let p = s.schema_problem().expect("a problem");
    for words in ["数据版本标记", "保存、新建和导入已暂停", "备份全部", "从备份恢复"] {
        assert!(p.message.contains(words), "{words}: {}", p.message);
    }
    assert!(s.export_backup(NOW).unwrap().0.contains(&d.id));
    assert!(matches!(s.save(&s.open(&d.id).unwrap(), NOW + 1), Saved::Failed(_)));
}

#[test]
fn a_draft_too_large_for_any_storage_is_told_as_too_large_not_as_a_full_quota() {
    // Chromium's quota: 5M UTF-16 units for the whole site, nearly empty.
    let kv = MemoryStore::with_quota(5_000_000);
    let s = session(&kv);
    let (mut d, _) = s.create("甲局", 2025, None, "", NOW);
    body(&mut d, &format!("1. {}", "依法行政。".repeat(1_100_000)));
    let Saved::Failed(p) = s.save(&d, NOW + 1) else { panic!("refused") };
    assert!(p.message.contains("草稿过大") && p.message.contains("导出"), "{}", p.message);
    assert!(!p.message.contains("已满"), "{}", p.message);
    assert!(!p.offer_free_space, "freeing space would not help");
    // A draft that only misses the room others take is still "full".
    let (mut small, _) = s.create("乙局", 2025, None, "", NOW);
    kv.set("other-page/filler", &"x".repeat(5_000_000 - kv.used_units() - 20)).unwrap();
    body(&mut small, &format!("1. {}", "依法行政。".repeat(100)));
    let Saved::Failed(p) = s.save(&small, NOW + 2) else { panic!("refused") };
    assert!(p.offer_free_space && p.message.contains("已满"), "{}", p.message);
}

#[test]
fn control_characters_in_a_share_or_text_file_are_left_out_with_a_notice_that_counts_them() {
    use fazhi_report::report::formats::export_share;
    let kv = MemoryStore::new();
    let s = session(&kv);
    let mut d = Draft::new("draft-ctl", "某区司法局", 2025, NOW);
    d.report = fazhi_report::report::parse("一、主要举措和成效\n1. 甲\u{0}乙\u{1b}丙\u{ffff}丁\u{c}戊\n");
    let share = export_share(&d, NOW);
    let created = s.import("同事.fzbg.json", &share, &|_| None, NOW).unwrap();
    let notice = created.notice.expect("a notice").message;
    assert!(notice.contains("3 个不可见的控制字符"), "{notice}");
    let text = render(&created.draft.report);
    assert!(text.contains("甲乙丙丁\u{c}戊"), "form feed kept: {text:?}");
    // What the app exports from it, it imports again.
    let txt = fazhi_report::report::formats::export_txt(&created.draft.report, &Default::default()).unwrap();
    assert!(s.import("导出.txt", &txt, &|_| None, NOW + 1).is_ok());

    let long = format!("一、主要举措和成效\n1. {}\u{1b}[0m结尾。\n", "依法行政。".repeat(40));
    let created = s.import("终端输出.txt", long.as_bytes(), &|_| None, NOW + 2).unwrap();
    let notice = created.notice.expect("a notice").message;
    assert!(notice.contains("1 个不可见的控制字符"), "{notice}");
    assert!(!render(&created.draft.report).contains('\u{1b}'));
}
