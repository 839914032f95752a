//! The reviewer's desk in the backup: "备份全部" carries what the reviewer
//! wrote (not the reports, which are picked again), and restoring merges it
//! in without losing anything written on this computer.

mod common;

use common::session;
use fazhi_report::report::deadline::Date;
use fazhi_report::report::review::desk::Desk;
use fazhi_report::report::review::read_entry;
use fazhi_report::session::review::{ReviewKeeper, REVIEW_KEY};
use fazhi_report::storage::drafts::SET_ASIDE_PREFIX;
use fazhi_report::storage::memory::MemoryStore;
use fazhi_report::storage::KeyValue;

const NOW: i64 = 1_767_225_600_000;

fn today() -> Date {
    Date::new(2026, 1, 5)
}

fn report(unit: &str) -> String {
    format!("{unit}2025年度法治政府建设情况报告\n一、2025年度推进法治政府建设的主要举措和成效\n1. {unit}独有的工作。全年办理相关事项120件，同比增长百分之八，群众满意。\n")
}

/// A desk of two reports and a file that could not be read, with words written.
fn desk() -> Desk {
    let mut d = Desk::default();
    let e = |name: &str, text: &str| read_entry(name, text.as_bytes(), &|_| None, 2026, today());
    d.add(vec![e("甲局.txt", &report("甲局")), e("乙局.txt", &report("乙局")), e("乱码.txt", "\0\u{1}\u{2}\u{3}")]);
    d.records[0].opinion = "请补充第三部分。".into();
    d.records[0].ticked = vec![("第二部分".into(), "只写了不足，没有分析原因。".into())];
    d.records[1].unit = "区乙局".into();
    d
}

#[test]
fn a_backup_carries_the_desk_to_another_computer() {
    let here = session(MemoryStore::new());
    here.create("甲局", 2025, None, "", NOW).1.unwrap();
    ReviewKeeper::default().save(here.store().kv(), &desk()).unwrap();
    let (file, files) = here.export_backup(NOW).unwrap();
    assert_eq!(files, 3);
    assert!(!file.contains("独有的工作"), "the reports' texts stay out of the backup");

    let there = session(MemoryStore::new());
    let said = there.restore_backup(&file, NOW).unwrap().message;
    assert!(said.starts_with("已从备份恢复：新增 1 份"), "{said}");
    assert!(said.contains("审阅记录：新增 3 份报告，合并 0 份，相同 0 份") && said.contains("再次选择新增的报告文件"), "{said}");
    // The desk there: every word, and the readable files asked for again.
    let mut back = ReviewKeeper::default().load(there.store().kv(), today()).unwrap();
    assert_eq!(back.records, desk().records);
    assert_eq!(back.to_pick_again(), ["甲局.txt", "乙局.txt"]);
    assert!(back.entries[0].read.as_ref().unwrap_err().contains("从备份恢复"));
    assert!(back.entries[2].read.as_ref().unwrap_err() == desk().records[2].error.as_ref().unwrap());
    // Picking the file again brings its report back under the opinion.
    back.add(vec![read_entry("甲局（再次选择）.txt", report("甲局").as_bytes(), &|_| None, 2026, today())]);
    assert_eq!(back.to_pick_again(), ["乙局.txt"]);
    assert_eq!(back.records[0].opinion, "请补充第三部分。");
    // The same backup again changes nothing.
    let said = there.restore_backup(&file, NOW).unwrap().message;
    assert!(said.ends_with("备份中的审阅记录与本机相同。"), "{said}");
}

#[test]
fn restoring_never_loses_what_was_written_here() {
    let (file, _) = {
        let s = session(MemoryStore::new());
        ReviewKeeper::default().save(s.store().kv(), &desk()).unwrap();
        s.export_backup(NOW).unwrap()
    };
    let here = session(MemoryStore::new());
    let mut mine = desk();
    mine.records[0].opinion = "数据请核实。".into();
    mine.records[0].ticked = vec![("第一部分".into(), "成效没有数据。".into())];
    mine.records[1].unit = String::new();
    mine.records[1].opinion = String::new();
    mine.remove(2);
    ReviewKeeper::default().save(here.store().kv(), &mine).unwrap();
    let said = here.restore_backup(&file, NOW).unwrap().message;
    assert!(said.contains("审阅记录：新增 1 份报告，合并 2 份，相同 0 份"), "{said}");
    let back = ReviewKeeper::default().load(here.store().kv(), today()).unwrap();
    // This computer's opinion first, the backup's after it, marked; ticks joined.
    assert_eq!(back.records[0].opinion, "数据请核实。\n\n（从备份恢复的审核意见）请补充第三部分。");
    assert_eq!(back.records[0].ticked.len(), 2);
    // Only what was empty here is filled from the backup.
    assert_eq!(back.records[1].unit, "区乙局");
    // The reports read here are kept, and the unreadable file is back as a row.
    assert!(back.entries[0].read.is_ok() && back.entries[1].read.is_ok());
    assert_eq!(back.records[2].name, "乱码.txt");
    // Restoring it again adds the backup's opinion no second time.
    assert!(here.restore_backup(&file, NOW).unwrap().message.ends_with("备份中的审阅记录与本机相同。"));
    assert_eq!(ReviewKeeper::default().load(here.store().kv(), today()).unwrap().records, back.records);
}

#[test]
fn an_unreadable_desk_here_is_set_aside_and_a_full_store_says_what_was_not_restored() {
    let (file, _) = {
        let s = session(MemoryStore::new());
        s.create("甲局", 2025, None, "", NOW).1.unwrap();
        ReviewKeeper::default().save(s.store().kv(), &desk()).unwrap();
        s.export_backup(NOW).unwrap()
    };
    // A record this copy cannot read: kept aside, the backup's desk in its place.
    let here = session(MemoryStore::new());
    here.store().kv().set(REVIEW_KEY, "{\"files\":[{\"name\":\"旧.txt\"").unwrap();
    here.restore_backup(&file, NOW).unwrap();
    let keys = here.store().kv().keys().unwrap();
    assert!(keys.iter().any(|k| k.starts_with(&format!("{SET_ASIDE_PREFIX}review-"))), "{keys:?}");
    assert_eq!(ReviewKeeper::default().load(here.store().kv(), today()).unwrap().records.len(), 3);
    // Room for the draft, not for the desk: the drafts are restored and the message says the desk was not.
    let draft_only = {
        let s = session(MemoryStore::new());
        s.restore_backup(&file.replace("\"review\"", "\"not_review\""), NOW).unwrap();
        s.store().kv().used_units()
    };
    let full = session(MemoryStore::with_quota(draft_only + 40));
    let problem = full.restore_backup(&file, NOW).unwrap_err().message;
    assert!(problem.starts_with("已从备份恢复：新增 1 份") && problem.contains("审阅记录未能恢复："), "{problem}");
    assert_eq!(full.store().list().unwrap().len(), 1);
    assert_eq!(full.store().kv().get(REVIEW_KEY).unwrap(), None);
}
