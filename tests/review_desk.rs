//! The reviewer's desk in storage: opinions survive a reload, texts that do
//! not fit are named for picking again, and a full or disabled store says
//! what the drafts say — all without touching the drafts library.

use fazhi_report::report::deadline::Date;
use fazhi_report::report::review::desk::Desk;
use fazhi_report::report::review::{read_entry, Entry};
use fazhi_report::session::review::{not_kept_message, office, set_office, Followed, ReviewKeeper, REVIEW_KEY, REVIEW_TEXT_PREFIX};
use fazhi_report::storage::memory::MemoryStore;
use fazhi_report::storage::{DraftStore, KeyValue, StoreError};

const SEED: &str = include_str!("fixtures/seed/000_7470bc842f3634e7.txt");

fn today() -> Date {
    Date::new(2026, 1, 5)
}

fn entry(name: &str, text: &str) -> Entry {
    read_entry(name, text.as_bytes(), &|_| None, 2026, today())
}

fn other(unit: &str) -> String {
    format!("{unit}2025年度法治政府建设情况报告\n一、2025年度推进法治政府建设的主要举措和成效\n1. {unit}独有的工作。全年办理相关事项120件，同比增长百分之八，群众满意。\n")
}

/// UTF-16 units each stored key takes (key + value), as a quota counts them.
fn sizes(d: &Desk) -> (usize, Vec<usize>) {
    let kv = MemoryStore::new();
    ReviewKeeper::default().save(&kv, d).unwrap();
    let size = |k: &str| k.encode_utf16().count() + kv.get(k).unwrap().unwrap().encode_utf16().count();
    let mut texts: Vec<usize> = kv.keys().unwrap().iter().filter(|k| k.starts_with(REVIEW_TEXT_PREFIX)).map(|k| size(k)).collect();
    texts.sort();
    (size(REVIEW_KEY), texts)
}

fn desk() -> Desk {
    let mut d = Desk::default();
    d.add(vec![entry("国资委.txt", SEED), entry("乙局.txt", &other("乙局")), entry("乱码.txt", "\0\u{1}\u{2}\u{3}")]);
    d.records[0].opinion = "经审核，报告五项内容齐全，请核实数据后报送。".into();
    d.records[0].ticked = vec![("第二部分".into(), "只写了不足，没有分析原因。".into())];
    d.records[1].unit = "区乙局".into();
    d.records[1].year = Some(2024);
    d
}

#[test]
fn a_reload_gives_back_the_opinions_the_corrections_and_the_reports() {
    let kv = MemoryStore::new();
    let saved = ReviewKeeper::default().save(&kv, &desk()).unwrap();
    assert!(saved.not_kept.is_empty(), "{saved:?}");
    let back = ReviewKeeper::default().load(&kv, today()).unwrap();
    let before = desk();
    assert_eq!(back.records, before.records);
    assert_eq!(back.rows(), before.rows());
    assert!(back.to_pick_again().is_empty());
    assert!(back.entries[2].read.as_ref().unwrap_err().contains("不是文本文件"));
    // Never in the drafts library.
    assert!(DraftStore::new(&kv).list().unwrap().is_empty());
    assert!(kv.keys().unwrap().iter().all(|k| k == REVIEW_KEY || k.starts_with(REVIEW_TEXT_PREFIX)));
}

#[test]
fn an_opinion_autosave_writes_one_key_and_a_removed_file_takes_its_text() {
    let kv = MemoryStore::new();
    let keeper = ReviewKeeper::default();
    let mut d = desk();
    keeper.save(&kv, &d).unwrap();
    let texts = |kv: &MemoryStore| kv.keys().unwrap().iter().filter(|k| k.starts_with(REVIEW_TEXT_PREFIX)).count();
    assert_eq!(texts(&kv), 2);
    let counting = fazhi_report::storage::instrument::Counting::new(&kv);
    d.records[0].opinion.push_str("另请补充原因。");
    keeper.save(&counting, &d).unwrap();
    assert_eq!((counting.calls().sets, counting.calls().removes), (1, 0), "only the list");
    d.remove(1);
    keeper.save(&kv, &d).unwrap();
    assert_eq!(texts(&kv), 1);
}

#[test]
fn texts_that_do_not_fit_are_named_and_the_opinions_are_kept() {
    // Room for the list and the small report, not the seed's.
    let (list, texts) = sizes(&desk());
    let kv = MemoryStore::with_quota(list + texts[0] + 100);
    let saved = ReviewKeeper::default().save(&kv, &desk()).unwrap();
    assert_eq!(saved.not_kept, ["国资委.txt"]);
    let message = not_kept_message(&saved.not_kept).unwrap();
    assert!(message.contains("请再次选择这些文件：国资委.txt"), "{message}");
    let mut back = ReviewKeeper::default().load(&kv, today()).unwrap();
    assert_eq!(back.to_pick_again(), ["国资委.txt"]);
    assert_eq!(back.records[0].opinion, desk().records[0].opinion);
    assert!(back.entries[0].read.as_ref().unwrap_err().contains("请再次选择这个文件"));
    assert!(back.entries[1].read.is_ok());
    // Picking it again brings the report back under the same opinion.
    back.add(vec![entry("国资委（重新选择）.txt", SEED)]);
    assert!(back.to_pick_again().is_empty());
    assert_eq!(back.records.len(), 3);
    assert_eq!(back.records[0].opinion, desk().records[0].opinion);
}

#[test]
fn a_full_quota_gives_up_texts_before_the_reviewers_words() {
    let keeper = ReviewKeeper::default();
    let mut d = desk();
    d.records.truncate(2);
    d.entries.truncate(2);
    d.records[0].opinion = "短".into();
    let (list, texts) = sizes(&d);
    let kv = MemoryStore::with_quota(list + texts[0] + 100);
    let saved = keeper.save(&kv, &d).unwrap();
    assert_eq!(saved.not_kept, ["国资委.txt"], "the small text fitted");
    // The opinion grows until the list alone needs the text's space.
    d.records[0].opinion = "请补充。".repeat(texts[0] / 4);
    let saved = keeper.save(&kv, &d).unwrap();
    assert_eq!(saved.not_kept.len(), 2, "{saved:?}");
    assert_eq!(ReviewKeeper::default().load(&kv, today()).unwrap().records[0].opinion, d.records[0].opinion);
}

#[test]
fn a_store_that_cannot_be_written_says_what_the_drafts_say() {
    let keeper = ReviewKeeper::default();
    let off = MemoryStore::disabled();
    let problem = keeper.save(&off, &desk()).unwrap_err();
    assert_eq!(problem.message, StoreError::Unavailable("disabled".into()).message_zh());
    let full = MemoryStore::with_quota(100);
    let problem = keeper.save(&full, &desk()).unwrap_err();
    assert_eq!(problem.message, StoreError::QuotaExceeded.message_zh());
    assert!(problem.offer_free_space);
    assert!(ReviewKeeper::default().load(&MemoryStore::new(), today()).unwrap().records.is_empty());
}

#[test]
fn an_unreadable_record_is_set_aside_before_anything_is_saved_over_it() {
    // A damaged record (or one another version wrote) holding an opinion.
    let raw = r#"{"files":[{"name":"a.txt","opinion":"请补充第三部分。""#;
    let kv = MemoryStore::new();
    kv.set("fazhi-report/draft/x", "{}").unwrap();
    kv.set(REVIEW_KEY, raw).unwrap();
    let keeper = ReviewKeeper::default();
    let problem = keeper.load(&kv, today()).unwrap_err();
    assert!(problem.message.contains("审阅记录无法读取") && problem.message.contains("原始内容已另行保存"), "{}", problem.message);
    // Kept word for word, offered with the unreadable drafts for download.
    let offered = DraftStore::new(&kv).unreadable().unwrap();
    let kept: Vec<&(String, String)> = offered.iter().filter(|(k, _)| k.starts_with("fazhi-report/set-aside/review-")).collect();
    assert_eq!(kept.len(), 1, "{offered:?}");
    assert_eq!(kept[0].1, raw);
    assert_eq!(kv.get(REVIEW_KEY).unwrap(), None);
    // The desk then starts afresh and saves as usual; the set-aside copy stays.
    keeper.save(&kv, &desk()).unwrap();
    assert!(keeper.load(&kv, today()).is_ok());
    assert_eq!(kv.get(&kept[0].0).unwrap().as_deref(), Some(raw));
    assert_eq!(kv.get("fazhi-report/draft/x").unwrap().as_deref(), Some("{}"), "drafts untouched");

    // Where it cannot be set aside (storage full), nothing is saved over it
    // until the reviewer clears the review.
    let full = MemoryStore::with_quota(REVIEW_KEY.len() + raw.len() + 10);
    full.set(REVIEW_KEY, raw).unwrap();
    let keeper = ReviewKeeper::default();
    let problem = keeper.load(&full, today()).unwrap_err();
    assert!(problem.message.contains("为免覆盖其中的审核意见"), "{}", problem.message);
    let refused = keeper.save(&full, &desk()).unwrap_err();
    assert_eq!(refused.message, problem.message);
    assert_eq!(full.get(REVIEW_KEY).unwrap().as_deref(), Some(raw), "not written over");
    keeper.clear(&full).unwrap();
    assert_eq!(full.get(REVIEW_KEY).unwrap(), None);
    assert!(keeper.save_list(&full, &Desk::default()).is_ok(), "saving again once cleared");
}

#[test]
fn clearing_the_desk_removes_every_review_key_and_nothing_else() {
    let kv = MemoryStore::new();
    kv.set("fazhi-report/draft/x", "{}").unwrap();
    let keeper = ReviewKeeper::default();
    keeper.save(&kv, &desk()).unwrap();
    keeper.clear(&kv).unwrap();
    assert_eq!(kv.keys().unwrap(), ["fazhi-report/draft/x"]);
}

/// Two tabs with the stored desk open (a report opened in a new tab):
/// each tab's keeper and desk.
fn two_tabs(kv: &MemoryStore) -> ((ReviewKeeper, Desk), (ReviewKeeper, Desk)) {
    let (a, b) = (ReviewKeeper::default(), ReviewKeeper::default());
    let (da, db) = (a.load(kv, today()).unwrap(), b.load(kv, today()).unwrap());
    ((a, da), (b, db))
}

#[test]
fn a_second_tab_takes_in_the_other_tabs_words_and_never_writes_over_them() {
    let kv = MemoryStore::new();
    ReviewKeeper::default().save(&kv, &desk()).unwrap();
    let ((first, mut mine), (second, mut theirs)) = two_tabs(&kv);
    // The second writes an opinion and saves; then the first writes another's.
    theirs.records[1].opinion = "请补充第三部分。".into();
    assert_eq!(second.save_list(&kv, &theirs).unwrap(), None, "nothing to take in");
    mine.records[0].opinion = "数据请核实。".into();
    let taken_in = first.save_list(&kv, &mine).unwrap().expect("the second tab's opinion taken in");
    assert_eq!((taken_in[0].opinion.as_str(), taken_in[1].opinion.as_str()), ("数据请核实。", "请补充第三部分。"));
    let stored = ReviewKeeper::default().load(&kv, today()).unwrap();
    assert_eq!(stored.records, taken_in);
    mine.records = taken_in;
    // The second, saving again, takes in the first's; the full save says so too.
    theirs.records[1].opinion.push_str("谢谢。");
    let saved = second.save(&kv, &theirs).unwrap();
    let taken_in = saved.taken_in.expect("the first tab's opinion taken in");
    assert_eq!((taken_in[0].opinion.as_str(), taken_in[1].opinion.as_str()), ("数据请核实。", "请补充第三部分。谢谢。"));
    theirs.records = taken_in;
    // A tab that changed nothing takes the other's in without writing.
    let before = kv.get(REVIEW_KEY).unwrap();
    assert_eq!(first.save_list(&kv, &mine).unwrap().unwrap()[1].opinion, "请补充第三部分。谢谢。");
    assert_eq!(kv.get(REVIEW_KEY).unwrap(), before);
    // A desk never saved before, in a storage without a record, saves.
    let fresh = MemoryStore::new();
    ReviewKeeper::default().save_list(&fresh, &desk()).unwrap();
}

#[test]
fn a_second_tab_never_writes_over_what_it_cannot_take_in() {
    let kv = MemoryStore::new();
    ReviewKeeper::default().save(&kv, &desk()).unwrap();
    let ((first, mut mine), (second, mut theirs)) = two_tabs(&kv);
    // Both write the same report's opinion.
    theirs.records[1].opinion = "请补充第三部分。".into();
    second.save_list(&kv, &theirs).unwrap();
    mine.records[1].opinion = "数据请核实。".into();
    let refused = first.save_list(&kv, &mine).unwrap_err();
    let unit = &mine.records[1].unit;
    assert!(refused.message.contains(&format!("“{unit}”")) && refused.message.contains("刷新本页"), "{}", refused.message);
    assert_eq!(ReviewKeeper::default().load(&kv, today()).unwrap().records[1].opinion, "请补充第三部分。");
    assert!(first.save_list(&kv, &mine).is_err(), "it keeps refusing");
    // The second takes a file off the desk: the first's list is not the stored one.
    let ((third, mut three), (fourth, mut four)) = two_tabs(&kv);
    four.remove(0);
    fourth.save(&kv, &four).unwrap();
    three.records[1].opinion = "改。".into();
    let refused = third.save_list(&kv, &three).unwrap_err();
    assert!(refused.message.contains("添加、移除或清空"), "{}", refused.message);
    // Cleared in another tab: nothing brought back.
    let ((fifth, mut five), (sixth, _)) = two_tabs(&kv);
    sixth.clear(&kv).unwrap();
    five.records[0].opinion = "改。".into();
    assert!(fifth.save_list(&kv, &five).unwrap_err().message.contains("清空"));
    assert_eq!(kv.get(REVIEW_KEY).unwrap(), None);
    // Reloaded, a tab sees the other's work and saves again.
    let reloaded = ReviewKeeper::default();
    let mut again = reloaded.load(&kv, today()).unwrap();
    again.records.clear();
    again.entries.clear();
    reloaded.save_list(&kv, &again).unwrap();
}

#[test]
fn a_tab_follows_the_other_tabs_writes_as_they_come() {
    let kv = MemoryStore::new();
    ReviewKeeper::default().save(&kv, &desk()).unwrap();
    let ((first, mut mine), (second, mut theirs)) = two_tabs(&kv);
    assert_eq!(first.follow(&kv, &mine).unwrap(), Followed::Nothing);
    theirs.records[1].opinion = "请补充第三部分。".into();
    second.save_list(&kv, &theirs).unwrap();
    let before = kv.get(REVIEW_KEY).unwrap();
    let Followed::TakenIn(records) = first.follow(&kv, &mine).unwrap() else { panic!("taken in") };
    assert_eq!(records[1].opinion, "请补充第三部分。");
    assert_eq!(kv.get(REVIEW_KEY).unwrap(), before, "nothing of this tab's to write");
    mine.records = records;
    assert_eq!(first.follow(&kv, &mine).unwrap(), Followed::Nothing);
    // The other takes a file off: with nothing unsaved here, a reload shows it.
    theirs.remove(0);
    second.save(&kv, &theirs).unwrap();
    assert_eq!(first.follow(&kv, &mine).unwrap(), Followed::Reload);
    // With words of this tab's not yet written, the problem says to copy them first.
    mine.records[1].opinion = "未保存的意见".into();
    assert!(first.follow(&kv, &mine).unwrap_err().message.contains("请先复制本页尚未保存的文字"));
    assert_eq!(ReviewKeeper::default().load(&kv, today()).unwrap().records.len(), theirs.records.len());
}

#[test]
fn a_tab_that_reads_the_desk_again_after_another_cleared_it_saves_a_new_batch() {
    let kv = MemoryStore::new();
    ReviewKeeper::default().save(&kv, &desk()).unwrap();
    let ((first, mine), (second, _)) = two_tabs(&kv);
    second.clear(&kv).unwrap();
    assert_eq!(first.follow(&kv, &mine).unwrap(), Followed::Reload);
    // Read again: nothing stored, so nothing of the old record is its base.
    let empty = first.load(&kv, today()).unwrap();
    assert!(empty.records.is_empty());
    let mut batch = empty;
    batch.add(vec![entry("新.txt", &other("新区司法局"))]);
    first.save(&kv, &batch).unwrap();
    assert_eq!(ReviewKeeper::default().load(&kv, today()).unwrap().records.len(), 1);
}

#[test]
fn the_office_that_signs_is_kept_apart_from_the_batch() {
    let kv = MemoryStore::new();
    assert_eq!(office(&kv), "");
    set_office(&kv, " 某区司法局 ").unwrap();
    assert_eq!(office(&kv), "某区司法局");
    let keeper = ReviewKeeper::default();
    keeper.save(&kv, &desk()).unwrap();
    keeper.clear(&kv).unwrap();
    assert_eq!(office(&kv), "某区司法局", "a new batch is signed by the same office");
    set_office(&kv, "").unwrap();
    assert_eq!(office(&kv), "");
    // A full store says so, and keeps what was there.
    let full = MemoryStore::with_quota(10);
    assert!(!set_office(&full, "某区司法局依法治区办公室").unwrap_err().message.is_empty());
    assert_eq!(office(&MemoryStore::disabled()), "");
}
