//! The session under the faults a browser storage has — a full quota at
//! any one write, a corrupt entry, data from a newer version, storage turned
//! off — and what one save or import costs in storage calls.

use fazhi_report::report::{render, Draft};
use fazhi_report::session::{Message, Saved, Session};
use fazhi_report::storage::drafts::{draft_key, INDEX_KEY, SCHEMA_KEY};
use fazhi_report::storage::history::{history_key, SNAPSHOT_INTERVAL_MS};
use fazhi_report::storage::instrument::{Calls, Counting, FailingWrite};
use fazhi_report::storage::memory::MemoryStore;
use fazhi_report::storage::KeyValue;

mod common;
use common::session;

const NOW: i64 = 1_770_700_000_000;
const LATER: i64 = NOW + SNAPSHOT_INTERVAL_MS;

fn no_gb18030(_: &[u8]) -> Option<String> {
    None
}

fn measures(d: &mut Draft, text: &str) {
    d.report.sections[0].set_body_text(text);
}

fn stored_text(kv: &impl KeyValue, id: &str) -> String {
    let json = kv.get(&draft_key(id)).unwrap().unwrap();
    render(&serde_json::from_str::<Draft>(&json).unwrap().report)
}

/// Arm a full quota at write `n` of `action`, for n = 1, 2, … until the
/// action makes fewer writes than that; `check` sees each outcome.
fn at_each_write<R>(mut action: impl FnMut(usize) -> (R, bool), mut check: impl FnMut(usize, R)) -> usize {
    for n in 1.. {
        let (outcome, fired) = action(n);
        if !fired {
            return n - 1;
        }
        check(n, outcome);
    }
    unreachable!()
}

/// Two drafts, "other" untouched; "open" edited with a snapshot due.
fn two_drafts(kv: &FailingWrite<MemoryStore>) -> (Session<&FailingWrite<MemoryStore>>, Draft, Draft) {
    let s = session(kv);
    let (other, _) = s.create("乙局", 2025, None, "", NOW);
    let (mut open, _) = s.create("甲局", 2025, None, "", NOW);
    measures(&mut open, "1. 第一版。");
    let Saved::Stored(e) = s.save(&open, NOW) else { panic!() };
    open.revision = e.revision;
    measures(&mut open, "1. 第二版，已写了十分钟。");
    (s, open, other)
}

#[test]
fn a_full_quota_at_any_write_of_an_autosave_loses_nothing_and_the_retry_saves() {
    let writes = at_each_write(
        |n| {
            let kv = FailingWrite::new(MemoryStore::new());
            let (s, open, other) = two_drafts(&kv);
            kv.fail_write(n);
            let outcome = s.save(&open, LATER);
            let fired = !kv.pending();
            let retry = s.save(&open, LATER + 1);
            ((outcome, retry, kv, open, other), fired)
        },
        |n, (outcome, retry, kv, open, other)| {
            match (n, &outcome) {
                // The draft or the index: the save fails, says so, offers space.
                (1 | 2, Saved::Failed(p)) => assert!(p.offer_free_space && p.message.contains("空间已满"), "{n}: {p:?}"),
                // The history is a bonus: the save stands.
                (3, Saved::Stored(_)) => {}
                _ => panic!("write {n}: {outcome:?}"),
            }
            // The retry (after 清理历史版本) is not taken for another tab's save.
            assert!(matches!(retry, Saved::Stored(_)), "write {n}: {retry:?}");
            assert_eq!(stored_text(kv.inner(), &open.id), render(&open.report), "write {n}");
            assert_eq!(stored_text(kv.inner(), &other.id), render(&other.report), "write {n}");
            let s = session(kv.inner());
            assert_eq!(s.list().unwrap().len(), 2, "write {n}");
            // The index says when the newest stored snapshot was taken.
            let newest = s.snapshots(&open.id).last().map(|x| x.at);
            let entry = s.list().unwrap().into_iter().find(|e| e.id == open.id).unwrap();
            assert_eq!(entry.snapshot_at, newest, "write {n}");
        },
    );
    assert_eq!(writes, 3, "draft, index, history");
}

#[test]
fn a_full_quota_at_any_write_of_a_create_or_import_keeps_the_other_drafts() {
    let writes = at_each_write(
        |n| {
            let kv = FailingWrite::new(MemoryStore::new());
            kv.fail_write(n);
            let s = session(&kv);
            let (draft, stored) = s.create("甲局", 2025, None, "", NOW);
            let fired = !kv.pending();
            // Work goes on in the page: the next save stores it.
            let mut edited = draft.clone();
            measures(&mut edited, "1. 写在页面里的内容。");
            let later = s.save(&edited, NOW + 1);
            ((stored, later), fired)
        },
        |n, (stored, later)| {
            let p = stored.expect_err("the create reports the full quota");
            assert!(p.offer_free_space, "{n}");
            assert!(matches!(later, Saved::Stored(_)), "write {n}: {later:?}");
        },
    );
    assert_eq!(writes, 3, "draft, index, schema marker");

    let text = "某局2025年度法治政府建设情况报告\n一、党政主要负责人履行推进法治建设第一责任人职责情况\n1. 正文。\n";
    let writes = at_each_write(
        |n| {
            let kv = FailingWrite::new(MemoryStore::new());
            let s = session(&kv);
            let (kept, _) = s.create("乙局", 2025, None, "", NOW);
            kv.fail_write(n);
            let imported = s.import("甲局.txt", text.as_bytes(), &no_gb18030, NOW);
            let fired = !kv.pending();
            ((imported, kept, s.list().unwrap()), fired)
        },
        |n, (imported, kept, list)| {
            assert!(imported.expect_err("nothing is opened").offer_free_space, "{n}");
            assert!(list.iter().any(|e| e.id == kept.id), "{n}");
        },
    );
    assert_eq!(writes, 2, "draft, index");
}

#[test]
fn a_full_quota_while_resolving_a_conflict_or_merging_changes_nothing() {
    // 保留本页内容: their copy cannot be stored, so the choice stays open.
    let kv = FailingWrite::new(MemoryStore::new());
    let (a, b) = (session(&kv), session(&kv));
    let (mut mine, _) = a.create("甲局", 2025, None, "", NOW);
    let mut theirs = b.open(&mine.id).unwrap();
    measures(&mut theirs, "乙页。");
    assert!(matches!(b.save(&theirs, NOW), Saved::Stored(_)));
    measures(&mut mine, "甲页。");
    let Saved::Conflict(Some(stored)) = a.save(&mine, NOW) else { panic!() };
    kv.fail_write(1);
    assert!(a.keep_mine(stored.clone(), NOW).unwrap_err().offer_free_space);
    assert!(matches!(a.save(&mine, NOW), Saved::Conflict(_)), "still their revision underneath");
    assert_eq!(a.list().unwrap().len(), 1, "no half-made copy listed");

    // A merge whose 合并前 version cannot be kept does not happen (a draft
    // with no history yet: there is no older snapshot to drop for room).
    let (fresh, _) = a.create("丙局", 2025, None, "", NOW);
    kv.fail_write(1);
    let p = a.before_merge(&fresh, "同事.docx", NOW).unwrap_err();
    assert!(p.message.starts_with("未能保存合并前的版本，合并没有进行，草稿保持原样。"), "{}", p.message);
    assert!(p.offer_free_space);
}

#[test]
fn a_full_quota_at_any_write_of_a_delete_or_restore_never_loses_a_draft() {
    let writes = at_each_write(
        |n| {
            let kv = FailingWrite::new(MemoryStore::new());
            let s = session(&kv);
            let (d, _) = s.create("甲局", 2025, None, "", NOW);
            kv.fail_write(n);
            let _ = s.delete(&d.id, NOW);
            let fired = !kv.pending();
            let found = s.list().unwrap().iter().any(|e| e.id == d.id) || s.trash().iter().any(|t| t.id == d.id);
            (found, fired)
        },
        |n, found| assert!(found, "write {n}: the draft is in the library or in 最近删除"),
    );
    assert_eq!(writes, 4, "history, its time in the index, trash, index");

    // 恢复此版本 (the page saves first, as the app does): the text before
    // the restore is either still the draft's or the newest snapshot.
    let writes = at_each_write(
        |n| {
            let kv = FailingWrite::new(MemoryStore::new());
            let (s, mut open, _) = two_drafts(&kv);
            let Saved::Stored(e) = s.save(&open, NOW + 1) else { panic!() };
            open.revision = e.revision;
            kv.fail_write(n);
            let outcome = s.restore_snapshot(&open, 0, LATER);
            let fired = !kv.pending();
            let newest = s.snapshots(&open.id).pop().map(|x| x.text);
            ((outcome.is_ok(), stored_text(kv.inner(), &open.id), newest, render(&open.report)), fired)
        },
        |n, (ok, stored, newest, before)| {
            assert!(stored == before || newest.as_ref() == Some(&before), "write {n}: the text before the restore is kept");
            if ok {
                assert_ne!(stored, before, "write {n}: restored");
            }
        },
    );
    assert_eq!(writes, 4, "history, its time in the index, draft, index");
}

#[test]
fn a_corrupt_entry_is_named_and_the_others_still_open() {
    let kv = MemoryStore::new();
    let s = session(&kv);
    let (good, _) = s.create("完好局", 2025, None, "", NOW);
    kv.set(&draft_key("bad"), "{\"id\":\"bad\",\"unit\":\"半截").unwrap();
    let Err(Message::Problem(p)) = s.open("bad") else { panic!("a problem") };
    assert_eq!(p.message, "有一份草稿数据已损坏（fazhi-report/draft/bad），已跳过该条目，其余草稿不受影响。");
    assert!(matches!(s.duplicate("bad", NOW), Some(Message::Problem(_))));
    assert!(s.last_year_from_library("bad").is_err());
    assert_eq!(s.external_change("bad", None, false), fazhi_report::session::External::Library);
    assert_eq!(s.list().unwrap().into_iter().map(|e| e.id).collect::<Vec<_>>(), vec![good.id.clone()]);
    assert_eq!(s.unreadable().len(), 1);
    assert!(s.open(&good.id).is_ok());
}

#[test]
fn data_from_a_newer_version_is_never_written_over() {
    let kv = MemoryStore::new();
    kv.set(SCHEMA_KEY, "7").unwrap();
    kv.set(&draft_key("x"), "{\"from\":\"the future\"}").unwrap();
    let s = session(&kv);
    assert!(s.schema_problem().unwrap().message.contains("更新版本"));
    let (draft, stored) = s.create("某局", 2025, None, "", NOW);
    assert!(stored.unwrap_err().message.contains("数据版本 7"));
    let Saved::Failed(p) = s.save(&draft, NOW) else { panic!("refused") };
    assert!(!p.offer_free_space);
    assert!(s.import("甲.txt", "某局报告\n正文。\n".as_bytes(), &no_gb18030, NOW).is_err());
    assert_eq!(kv.get(&draft_key("x")).unwrap().as_deref(), Some("{\"from\":\"the future\"}"));
    assert_eq!(kv.keys().unwrap().len(), 2, "nothing else written");
}

#[test]
fn storage_turned_off_says_the_text_lives_only_in_this_tab() {
    let s = session(MemoryStore::disabled());
    assert!(s.create("某局", 2025, None, "", NOW).1.unwrap_err().message.contains("关闭标签页后将会丢失"));
}

/// What one autosave and one import cost in storage calls. Before the
/// session layer (measured on the old `ui/state.rs` sequence with the same
/// three drafts): a steady autosave made 5 reads (the index twice, the schema
/// key twice) + 2 writes + 1 key listing; the first of a session 6 + 2 + 1;
/// one with a snapshot due 7 + 4 (the index written twice) + 1; an import
/// 5 + 2 + 1, and the draft was deserialised back. docs/ARCHITECTURE.md
/// keeps both sets of figures.
#[test]
fn one_pass_per_save_and_per_import() {
    let kv = Counting::new(MemoryStore::new());
    let id = {
        let s = session(&kv);
        s.create("乙局", 2025, None, "", NOW).1.unwrap();
        s.create("丙局", 2025, None, "", NOW).1.unwrap();
        let (mut d, _) = s.create("甲局", 2025, None, "", NOW);
        measures(&mut d, "1. 第一版。");
        assert!(matches!(s.save(&d, NOW), Saved::Stored(_)), "takes the first snapshot");
        d.id
    };
    // A new page: nothing remembered but what storage holds.
    let s = session(&kv);
    let mut d = s.open(&id).unwrap();
    let cost = |label: &str, now: i64, d: &mut Draft| -> Calls {
        measures(d, &format!("1. 改于 {now}。"));
        kv.reset();
        let Saved::Stored(e) = s.save(d, now) else { panic!("{label}") };
        d.revision = e.revision;
        let c = kv.calls();
        println!("{label}: {} reads + {} writes + {} key listings", c.gets, c.sets, c.listings);
        assert_eq!((kv.count('g', INDEX_KEY), kv.count('s', INDEX_KEY)), (1, 1), "{label}: the index once each way");
        assert_eq!(kv.count('g', SCHEMA_KEY), 1, "{label}");
        c
    };
    let first = cost("first autosave of a session", NOW + 1_000, &mut d);
    let steady = cost("steady autosave", NOW + 2_000, &mut d);
    let due = cost("autosave with a snapshot due", LATER, &mut d);
    assert_eq!(first, Calls { gets: 3, sets: 2, removes: 0, listings: 0 }, "draft revision, schema, index; draft, index");
    assert_eq!(steady, first);
    assert_eq!(due, Calls { gets: 4, sets: 3, removes: 0, listings: 0 }, "and the history, read and written once");
    assert_eq!(kv.count('s', &history_key(&id)), 1);

    kv.reset();
    let created = s.import("丁局.txt", "丁局2025年度法治政府建设情况报告\n正文。\n".as_bytes(), &no_gb18030, NOW).unwrap();
    let c = kv.calls();
    println!("import: {} reads + {} writes + {} key listings", c.gets, c.sets, c.listings);
    assert_eq!(c, Calls { gets: 2, sets: 2, removes: 0, listings: 0 }, "schema, index; draft, index");
    assert_eq!(kv.count('g', &draft_key(&created.draft.id)), 0, "the draft is not read back");
}

/// The autosave saves the open draft in place (no copy): its revision is the
/// stored one after a save and stays as it was when nothing was stored —
/// a full quota at any write, or another tab's newer revision.
#[test]
fn saving_in_place_sets_the_revision_only_when_stored() {
    let writes = at_each_write(
        |n| {
            let kv = FailingWrite::new(MemoryStore::new());
            let (s, mut open, _) = two_drafts(&kv);
            let before = open.revision;
            kv.fail_write(n);
            let outcome = s.save_open(&mut open, LATER);
            let fired = !kv.pending();
            ((outcome, before, open.revision, stored_text(&kv, &open.id) == render(&open.report)), fired)
        },
        |n, (outcome, before, after, text_stored)| match outcome {
            Saved::Stored(e) => {
                assert_eq!(after, e.revision, "{n}");
                assert!(text_stored, "{n}");
            }
            Saved::Failed(_) => assert_eq!(after, before, "{n}"),
            Saved::Conflict(_) => panic!("{n}: no other tab here"),
        },
    );
    assert!(writes >= 2);
    // Another tab saved a newer revision: nothing written, revision unchanged.
    let kv = MemoryStore::new();
    let s = session(&kv);
    let (mut open, _) = s.create("甲局", 2025, None, "", NOW);
    let other = session(&kv);
    let mut theirs = other.open(&open.id).unwrap();
    measures(&mut theirs, "1. 另一个标签页写的。");
    assert!(matches!(other.save_open(&mut theirs, NOW + 1), Saved::Stored(_)));
    measures(&mut open, "1. 本页写的。");
    let before = open.revision;
    assert!(matches!(s.save_open(&mut open, NOW + 2), Saved::Conflict(Some(_))));
    assert_eq!(open.revision, before);
    assert_eq!(stored_text(&kv, &open.id), render(&theirs.report));
}
