//! The session layer on the in-memory storage: what each user action stores,
//! returns and tells the user — the same actions the browser tests drive
//! through the page, here without a browser.

use fazhi_report::report::{render, Draft};
use fazhi_report::session::{upsert, External, Message, Saved, Session};
use fazhi_report::storage::history::{SnapshotReason, SNAPSHOT_INTERVAL_MS};
use fazhi_report::storage::memory::MemoryStore;
use fazhi_report::storage::KeyValue;

mod common;
use common::session;

/// 2026-02-10 in Beijing: the report year offered is 2025.
const NOW: i64 = 1_770_700_000_000;

fn no_gb18030(_: &[u8]) -> Option<String> {
    None
}

const REPORT: &str = "某某区司法局2025年法治政府建设年度报告\n\
2025年，我局坚持以习近平法治思想为指导。\n\
一、党政主要负责人履行推进法治建设第一责任人职责情况\n1. 主要负责人专题研究法治工作4次。\n\
二、推进法治政府建设的主要举措和成效\n1. 审查规范性文件12件。\n\
三、存在的不足和原因\n1. 执法队伍专业化水平不高。\n\
四、下一年度推进法治政府建设的主要安排\n1. 开展执法人员培训。\n\
五、其他需要报告的情况\n无。\n";

fn measures(d: &mut Draft, text: &str) {
    d.report.sections[0].set_body_text(text);
}

#[test]
fn a_new_draft_is_stored_listed_and_opened_as_built() {
    let s = session(MemoryStore::new());
    let (draft, stored) = s.create("某某区司法局", 2025, None, " 局长 ", NOW);
    let entry = stored.unwrap();
    assert_eq!(draft.leader_title, "局长");
    assert_eq!(s.list().unwrap(), vec![entry]);
    assert_eq!(s.open(&draft.id).unwrap(), draft);
    // The first edit saves on top of revision 0.
    let mut edited = draft.clone();
    measures(&mut edited, "1. 第一句。");
    let Saved::Stored(entry) = s.save(&edited, NOW + 1) else { panic!("saved") };
    assert_eq!(entry.revision, 1);
}

#[test]
fn an_import_says_what_it_found_and_keeps_the_draft_it_built() {
    let s = session(MemoryStore::new());
    let created = s.import("某某区司法局.txt", REPORT.as_bytes(), &no_gb18030, NOW).unwrap();
    let notice = created.notice.unwrap();
    assert_eq!(notice.message, "已导入“某某区司法局.txt”（编码：UTF-8），找到 5 个部分，规定的五项内容齐全。");
    assert_eq!(render(&created.draft.report), REPORT);
    assert_eq!(s.store().load(&created.draft.id).unwrap(), Some(created.draft.clone()));
    assert_eq!(s.list().unwrap(), vec![created.summary]);

    let partial = "某局报告\n一、党政主要负责人履行推进法治建设第一责任人职责情况\n正文。\n";
    let notice = s.import("半份.txt", partial.as_bytes(), &no_gb18030, NOW).unwrap().notice.unwrap();
    assert!(notice.message.contains("；缺少："), "{}", notice.message);

    let err = s.import("坏.docx", b"PK\x03\x04broken", &no_gb18030, NOW).unwrap_err();
    assert!(err.message.starts_with("“坏.docx”未能导入："), "{}", err.message);
    assert!(!err.offer_free_space);
    assert_eq!(s.list().unwrap().len(), 2);
}

#[test]
fn a_share_file_comes_in_as_a_draft_of_its_own() {
    let s = session(MemoryStore::new());
    let (mine, _) = s.create("某局", 2025, None, "", NOW);
    let mut shared = mine.clone();
    shared.revision = 7;
    measures(&mut shared, "1. 同事改过的内容。");
    let bytes = fazhi_report::report::formats::export_share(&shared, NOW);
    let created = s.import("同事.fzbg.json", &bytes, &no_gb18030, NOW + 5).unwrap();
    assert_ne!(created.draft.id, mine.id, "never over the draft it came from");
    assert_eq!((created.draft.revision, created.draft.edited), (0, NOW + 5));
    assert!(created.notice.unwrap().message.contains("（分享文件）"));
    assert_eq!(s.store().load(&mine.id).unwrap(), Some(mine));
}

#[test]
fn starting_from_last_year_lists_the_plans_and_can_be_undone() {
    let s = session(MemoryStore::new());
    let last = s.import("2025.txt", REPORT.as_bytes(), &no_gb18030, NOW).unwrap().draft;
    let (name, report) = s.last_year_from_library(&last.id).unwrap();
    let created = s.start_from_previous(&name, &report, NOW + 1).unwrap();
    assert_eq!(created.draft.year, 2026);
    let notice = created.notice.unwrap();
    assert!(notice.message.starts_with(&format!("已根据“{name}”新建 2026 年度报告，各部分为空。")), "{}", notice.message);
    assert!(notice.message.contains("1 项安排已列入"), "{}", notice.message);
    assert!(notice.details.iter().any(|(line, target)| line.starts_with("标题") && *target == Some("report-title")));
    assert_eq!(notice.undo_start.as_deref(), Some(created.draft.id.as_str()));

    let undone = s.undo_start(&created.draft.id).unwrap();
    assert!(undone.message.starts_with("已撤销"));
    assert_eq!(s.trash().iter().map(|d| d.id.clone()).collect::<Vec<_>>(), vec![created.draft.id]);
    let missing = s.last_year_from_library("gone").unwrap_err();
    assert_eq!(missing.message, "未找到所选草稿，可能已在其他标签页中删除。请重新选择。");
}

#[test]
fn a_draft_that_is_gone_is_a_notice_not_a_problem() {
    let s = session(MemoryStore::new());
    assert_eq!(s.open("gone"), Err(Message::Notice(fazhi_report::session::Notice::new("未找到这份草稿，可能已被删除。"))));
    assert!(matches!(s.duplicate("gone", NOW), Some(Message::Notice(_))));
}

#[test]
fn two_tabs_never_overwrite_each_other_and_nothing_is_lost_either_way() {
    let kv = MemoryStore::new();
    let (a, b) = (session(&kv), session(&kv));
    let (draft, _) = a.create("两页测试局", 2025, None, "", NOW);
    let mut in_b = b.open(&draft.id).unwrap();

    // B saves first; A, idle, follows and says so.
    measures(&mut in_b, "乙页第一句。");
    assert!(matches!(b.save(&in_b, NOW + 1), Saved::Stored(_)));
    assert_eq!(a.external_change("other", Some(&draft), false), External::Library);
    let External::Follow(followed, notice) = a.external_change(&draft.id, Some(&draft), false) else { panic!("follows") };
    assert_eq!(notice.message, "这份草稿刚在另一个标签页中被修改，本页已显示最新内容。");
    assert_eq!(followed.revision, 1);
    // Its own write is no news to B.
    assert_eq!(b.external_change(&draft.id, Some(&in_b), false), External::Nothing);

    // Both edit; B saves first, A is stopped and asked.
    let mut in_a = followed;
    measures(&mut in_a, "甲页第二句。");
    measures(&mut in_b, "乙页第二句。");
    assert!(matches!(b.save(&in_b, NOW + 2), Saved::Stored(_)));
    assert!(matches!(a.external_change(&draft.id, Some(&in_a), true), External::Conflict(_)));
    let Saved::Conflict(Some(theirs)) = a.save(&in_a, NOW + 3) else { panic!("conflict") };
    assert!(render(&theirs.report).contains("乙页第二句。"));

    // 保留本页内容: theirs becomes a copy, ours saves on top of their revision.
    let kept = a.keep_mine(theirs.clone(), NOW + 4).unwrap();
    assert_eq!(kept.message, "已保留本页内容；另一标签页的内容已另存为副本，可在草稿库中找到。");
    let Saved::Stored(entry) = a.save(&in_a, NOW + 5) else { panic!("saved over theirs") };
    assert_eq!(entry.revision, theirs.revision + 1);
    let list = a.list().unwrap();
    let copy = list.iter().find(|e| e.name.ends_with("（另一标签页的版本）")).expect("their copy is listed");
    let copy = a.store().load(&copy.id).unwrap().unwrap();
    assert_eq!((copy.revision, render(&copy.report)), (0, render(&theirs.report)));

    // Now B is behind: 采用另一标签页的内容 keeps B's text in its history.
    measures(&mut in_b, "乙页第三句。");
    let Saved::Conflict(Some(theirs)) = b.save(&in_b, NOW + 6) else { panic!("conflict") };
    let (shown, notice) = b.take_theirs(Some(&in_b), theirs, NOW + 7);
    assert_eq!(notice.message, "已采用另一标签页的内容；本页原来的内容已存入“历史版本”。");
    assert!(render(&shown.report).contains("甲页第二句。"));
    let last = b.snapshots(&draft.id).pop().unwrap();
    assert_eq!((last.reason, last.text), (SnapshotReason::BeforeConflict, render(&in_b.report)));
    assert!(matches!(b.save(&shown, NOW + 8), Saved::Stored(_)), "B saves on top of what it took");
}

#[test]
fn delete_undo_duplicate_rename_and_purge() {
    let s = session(MemoryStore::new());
    let (d, _) = s.create("甲区司法局", 2025, None, "", NOW);
    let notice = s.delete(&d.id, NOW + 1).unwrap().unwrap();
    assert_eq!((notice.message.as_str(), notice.undo_delete.as_deref()), ("已删除“甲区司法局2025年度法治政府建设情况报告”。", Some(d.id.as_str())));
    assert_eq!(s.snapshots(&d.id).last().unwrap().reason, SnapshotReason::BeforeDelete);
    assert_eq!(s.delete(&d.id, NOW + 2), Ok(None));
    assert_eq!(s.undo_delete(&d.id).unwrap().message, "已恢复。");

    assert_eq!(s.duplicate(&d.id, NOW + 3), None);
    let list = s.list().unwrap();
    assert_eq!(list[0].name, "甲区司法局2025年度法治政府建设情况报告（副本）");
    assert_ne!(list[0].id, d.id);
    s.rename(&d.id, "  初稿 ").unwrap();
    assert_eq!(s.store().load(&d.id).unwrap().unwrap().name, "初稿");

    s.delete(&list[0].id, NOW + 4).unwrap();
    s.purge(&list[0].id).unwrap();
    assert!(s.trash().is_empty());
}

#[test]
fn history_restore_merge_paste_and_free_space() {
    let s = session(MemoryStore::new());
    let (mut d, _) = s.create("某局", 2025, None, "", NOW);
    for i in 0..4 {
        measures(&mut d, &format!("1. 第{i}版。"));
        let Saved::Stored(e) = s.save(&d, NOW + i * SNAPSHOT_INTERVAL_MS) else { panic!() };
        d.revision = e.revision;
    }
    assert_eq!(s.snapshots(&d.id).len(), 4, "one interval snapshot per ten minutes of editing");
    s.before_paste(&d, NOW + 5 * SNAPSHOT_INTERVAL_MS);
    assert_eq!(s.snapshots(&d.id).last().unwrap().reason, SnapshotReason::BeforePaste);

    let (restored, notice) = s.restore_snapshot(&d, 0, NOW + 6 * SNAPSHOT_INTERVAL_MS).unwrap();
    assert!(render(&restored.report).contains("第0版"));
    assert_eq!(notice.message, "已恢复所选版本；恢复前的内容已存入历史版本。");
    assert!(matches!(s.save(&restored, NOW + 7 * SNAPSHOT_INTERVAL_MS), Saved::Stored(_)), "saves go on top of the restore");

    let notice = s.before_merge(&restored, "同事.docx", NOW).unwrap();
    assert_eq!(notice.message, "已合并“同事.docx”中的修改。合并前的内容已存入“历史版本”，如需可随时恢复。");
    assert_eq!(s.snapshots(&d.id).last().unwrap().reason, SnapshotReason::BeforeMerge);

    let freed = s.free_space().unwrap();
    assert!(freed.message.starts_with("已清理较早的历史版本，释放约 "), "{}", freed.message);
    assert_eq!(s.snapshots(&d.id).len(), 2);
}

#[test]
fn a_backup_goes_out_and_comes_back_without_overwriting() {
    let s = session(MemoryStore::new());
    s.create("甲局", 2025, None, "", NOW).1.unwrap();
    let (file, review_files) = s.export_backup(NOW).unwrap();
    assert_eq!(review_files, 0);
    assert!(!file.contains("\"review\""), "no desk, no review in the file");
    let other = session(MemoryStore::new());
    assert_eq!(other.restore_backup(&file, NOW).unwrap().message, "已从备份恢复：新增 1 份，相同 0 份，内容不同另存为副本 0 份。原有草稿均未改动。");
    assert_eq!(other.restore_backup(&file, NOW).unwrap().message, "已从备份恢复：新增 0 份，相同 1 份，内容不同另存为副本 0 份。原有草稿均未改动。");
    assert!(other.restore_backup("{}", NOW).unwrap_err().message.contains("不是法治报告助手的备份文件"));
}

#[test]
fn the_library_kept_by_saves_is_the_library_storage_lists() {
    let s = session(MemoryStore::new());
    let mut shown = Vec::new();
    let mut drafts = Vec::new();
    for (i, unit) in ["甲局", "乙局", "丙局"].iter().enumerate() {
        let (d, e) = s.create(unit, 2025, None, "", NOW + i as i64);
        upsert(&mut shown, e.unwrap());
        drafts.push(d);
    }
    // Edit the oldest: it moves to the top, as a fresh listing has it.
    let mut oldest = s.open(&drafts[0].id).unwrap();
    measures(&mut oldest, "1. 新写的一条。");
    oldest.edited = NOW + 100;
    let Saved::Stored(e) = s.save(&oldest, NOW + 100) else { panic!() };
    upsert(&mut shown, e);
    assert_eq!(shown, s.list().unwrap());
    assert_eq!(shown[0].unit, "甲局");
}

/// Issue #20: warming the save path touches nothing of the real store.
#[test]
fn warming_the_save_path_writes_nothing() {
    let kv = MemoryStore::new();
    let session = Session::new(&kv, || 7);
    let (draft, stored) = session.create("某局", 2025, None, "局长", 1_000);
    stored.unwrap();
    let before: Vec<(String, Option<String>)> = kv.keys().unwrap().into_iter().map(|k| (k.clone(), kv.get(&k).unwrap())).collect();
    Session::<Box<dyn KeyValue>>::warm_save(&draft, 2_000);
    let after: Vec<(String, Option<String>)> = kv.keys().unwrap().into_iter().map(|k| (k.clone(), kv.get(&k).unwrap())).collect();
    assert_eq!(before, after);
    assert!(matches!(session.save(&draft, 3_000), Saved::Stored(_)), "the session's own revision is untouched");
}

/// Issue #20: a draft whose index entry does not say when its newest
/// snapshot was taken (an older index, or history written another way) had
/// its whole history read by the first autosave after opening. Warming the
/// save path after the first screen learns that time instead, so the first
/// autosave reads no history — and still takes no snapshot that is not due.
#[test]
fn warming_learns_the_snapshot_time_so_the_first_autosave_reads_no_history() {
    use fazhi_report::storage::drafts::INDEX_KEY;
    use fazhi_report::storage::history::history_key;
    use fazhi_report::storage::instrument::Counting;
    let kv = Counting::new(MemoryStore::new());
    let id = {
        let s = Session::new(&kv, || 7);
        let (mut d, _) = s.create("某局", 2025, None, "局长", NOW);
        measures(&mut d, "1. 第一版。");
        let Saved::Stored(_) = s.save(&d, NOW) else { panic!() };
        d.id
    };
    // The index loses the snapshot's time (as an index from before it kept one).
    let index = kv.get(INDEX_KEY).unwrap().unwrap();
    let stripped = index.replace(&format!("\"snapshot_at\":{NOW}"), "\"snapshot_at\":null");
    assert_ne!(index, stripped);
    kv.set(INDEX_KEY, &stripped).unwrap();
    let s = Session::new(&kv, || 8);
    let mut d = s.open(&id).unwrap();
    s.warm(&d, NOW + 1_000);
    kv.reset();
    measures(&mut d, "1. 第二版。");
    let Saved::Stored(_) = s.save(&d, NOW + 2_000) else { panic!() };
    assert_eq!(kv.count('g', &history_key(&id)), 0, "no history read by the first autosave");
    assert_eq!(kv.count('s', &history_key(&id)), 0, "no snapshot taken: the last one is recent");
}

#[test]
fn a_deleted_item_with_text_is_kept_in_the_history_and_offered_back() {
    let s = session(MemoryStore::new());
    let (mut d, _) = s.create("某局", 2025, None, "", NOW);
    measures(&mut d, "1. 健全制度。全年审查文件12件。\n2. 规范执法。开展检查36次。");
    let Saved::Stored(e) = s.save(&d, NOW) else { panic!() };
    d.revision = e.revision;
    let section = 0;
    let notice = s.before_removing_item(&d, section, 1, NOW + 1).expect("an item with text");
    assert_eq!(notice.message, "已删除第 2 条“规范执法”。删除前的内容已存入“历史版本”。");
    assert_eq!(s.snapshots(&d.id).last().unwrap().reason, SnapshotReason::BeforeDelete);
    assert!(s.snapshots(&d.id).last().unwrap().text.contains("开展检查36次"));
    // Deleted, then put back: the part as it was.
    let before = d.report.sections[section].clone();
    let removed = notice.undo_item.unwrap();
    d.report.sections[section].remove_item(1);
    assert_eq!(d.report.sections[section].restore_item(removed.index, removed.item), 1);
    assert_eq!(d.report.sections[section], before);
    // An empty item goes without a word; an index past the end is nothing.
    d.report.sections[section].add_item(Default::default());
    assert_eq!(s.before_removing_item(&d, section, 2, NOW + 2), None);
    assert_eq!(s.before_removing_item(&d, section, 9, NOW + 2), None);
}
