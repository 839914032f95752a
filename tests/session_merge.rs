//! 合并同事的修改 through the session, as two users on two PCs: A sends a
//! share file, A and B both edit, A merges B's reply — three-way from the
//! version A sent, kept pinned in A's history.

use fazhi_report::report::formats::{export_docx_based, export_share};
use fazhi_report::report::merge::{Base, Choice, RowKind, Slot};
use fazhi_report::report::{parse, render, Draft};
use fazhi_report::session::{Saved, Session};
use fazhi_report::storage::history::SnapshotReason;
use fazhi_report::storage::memory::MemoryStore;
use fazhi_report::storage::KeyValue;

mod common;
use common::seeded_session as session;

const NOW: i64 = 1_770_700_000_000;

fn no_gb18030(_: &[u8]) -> Option<String> {
    None
}

const SENT: &str = "区国资委2023年度法治政府建设情况报告\n\
2023年，区国资委坚持以习近平法治思想为指导。\n\
一、党政主要负责人履行推进法治建设第一责任人职责情况\n1. 主要负责人专题研究法治工作4次。\n\
二、推进法治政府建设的主要举措和成效\n1. 审查规范性文件12件。\n2. 开展普法活动150场次。\n\
三、存在的不足和原因\n1. 执法队伍专业化水平不高。\n\
四、下一年度推进法治政府建设的主要安排\n1. 开展执法人员培训。\n\
五、其他需要报告的情况\n本年度无其他需要报告的情况。\n";

/// Save an edit of the whole text; returns the draft at its new revision.
fn edit<K: KeyValue>(s: &Session<K>, d: &Draft, from: &str, to: &str, now: i64) -> Draft {
    let mut next = d.clone();
    let text = render(&d.report);
    assert!(text.contains(from), "{from}");
    next.report = parse(&text.replacen(from, to, 1));
    let Saved::Stored(e) = s.save(&next, now) else { panic!("saved") };
    next.revision = e.revision;
    next
}

/// A's draft sent as a share file, and B's draft opened from it.
fn sent() -> (Session<MemoryStore>, Draft, Session<MemoryStore>, Draft) {
    let a = session(MemoryStore::new(), 0);
    let mine = a.import("区国资委.txt", SENT.as_bytes(), &no_gb18030, NOW).unwrap().draft;
    let mine = edit(&a, &mine, "4次", "4次", NOW + 1);
    let file = export_share(&mine, NOW + 2);
    a.sent(&mine, NOW + 2).unwrap();
    let b = session(MemoryStore::new(), 500);
    let theirs = b.import("区国资委.fzbg.json", &file, &no_gb18030, NOW + 3).unwrap().draft;
    assert_eq!(theirs.base, Some(Base::for_export(&mine)), "a draft opened from a share file remembers the version it came from");
    (a, mine, b, theirs)
}

#[test]
fn a_reply_merges_three_way_from_the_version_sent() {
    let (a, mine, b, theirs) = sent();
    // A after sending: the item both edit, and part 五 alone.
    let mine = edit(&a, &mine, "150场次", "200场次", NOW + 10);
    let mine = edit(&a, &mine, "本年度无其他需要报告的情况。", "本年度无其他需要报告的情况，特此报告。", NOW + 11);
    // B: the same item differently, and part 三 alone.
    let theirs = edit(&b, &theirs, "150场次。", "180场次，覆盖群众2万人次。", NOW + 12);
    let theirs = edit(&b, &theirs, "专业化水平不高。", "专业化水平不高，培训不足。", NOW + 13);
    let reply = export_share(&theirs, NOW + 14);
    assert_eq!(Base::for_export(&theirs).draft, mine.id, "B's reply names A's version");
    b.sent(&theirs, NOW + 14).unwrap();
    assert!(b.snapshots(&theirs.id).iter().all(|s| !s.sent), "B keeps nothing pinned for a draft it received");

    // Freeing space does not cost A the version sent.
    a.free_space().unwrap();
    let incoming = a.read_for_merge(&mine, "B的修改.fzbg.json", &reply, &no_gb18030).unwrap();
    assert_eq!((incoming.mismatch.as_ref(), incoming.no_base.as_ref()), (None, None));
    let m = &incoming.merge;
    assert!(m.base_found);
    let kinds = |k: RowKind| m.rows().filter(|r| r.kind == k).map(|r| r.summary()).collect::<Vec<_>>();
    assert_eq!(kinds(RowKind::TheirsOnly), ["对方修改了这一条"], "only B's own change is offered");
    assert_eq!(kinds(RowKind::MineOnly), ["我修改了这一段（保留）"], "A's own edit is kept, not offered");
    assert_eq!(kinds(RowKind::Conflict), ["双方都修改了这一条，修改不同"]);
    let conflict = m.rows().find(|r| r.kind == RowKind::Conflict).unwrap();
    let text = |s: &Option<fazhi_report::report::merge::Side>| s.as_ref().unwrap().text.clone();
    assert_eq!((text(&conflict.base), text(&conflict.mine), text(&conflict.theirs)), (
        "开展普法活动150场次。".to_string(),
        "开展普法活动200场次。".to_string(),
        "开展普法活动180场次，覆盖群众2万人次。".to_string()
    ));
    let offered = m.rows().find(|r| r.kind == RowKind::TheirsOnly).unwrap();
    assert_eq!((offered.slot, m.to_decide()), (Slot::Item, 2));

    let (merged, notice) = a.merge(&mine, &incoming, &[(offered.id, Choice::Theirs), (conflict.id, Choice::Both)], NOW + 20).unwrap();
    assert_eq!(notice.message, "已合并“B的修改.fzbg.json”中的修改。合并前的内容已存入“历史版本”，如需可随时恢复。");
    assert_eq!(
        render(&merged),
        SENT.replace("150场次。", "200场次。\n3. （对方的版本）开展普法活动180场次，覆盖群众2万人次。")
            .replace("专业化水平不高。", "专业化水平不高，培训不足。")
            .replace("本年度无其他需要报告的情况。", "本年度无其他需要报告的情况，特此报告。")
    );
    let history = a.snapshots(&mine.id);
    assert_eq!(history.last().map(|s| (s.reason, s.text.clone())), Some((SnapshotReason::BeforeMerge, render(&mine.report))));
    // Nothing chosen: A's draft as it is.
    assert_eq!(render(&incoming.merge.apply(&[])), render(&mine.report));
}

#[test]
fn a_docx_for_a_colleague_names_the_version_and_the_merge_finds_it() {
    let (a, mine, _, _) = sent();
    let docx = export_docx_based(&mine.report, Some(&Base::for_export(&mine))).unwrap();
    a.sent(&mine, NOW + 5).unwrap();
    let mine = edit(&a, &mine, "4次", "6次", NOW + 6);
    let incoming = a.read_for_merge(&mine, "区国资委.docx", &docx, &no_gb18030).unwrap();
    assert_eq!(incoming.no_base, None);
    assert!(incoming.merge.is_noop(), "my edit since is mine; the unchanged .docx offers nothing");
    assert_eq!(render(&incoming.merge.apply(&[])), render(&mine.report));
}

#[test]
fn without_the_version_sent_the_comparison_is_two_way_and_says_why() {
    let (a, mine, b, theirs) = sent();
    let theirs = edit(&b, &theirs, "150场次", "180场次", NOW + 12);
    let reply = export_share(&theirs, NOW + 13);
    // The history gone (another PC, or cleared by hand).
    a.store().kv().remove(&format!("fazhi-report/history/{}", mine.id)).unwrap();
    let mine = edit(&a, &mine, "4次", "6次", NOW + 14);
    let incoming = a.read_for_merge(&mine, "B.fzbg.json", &reply, &no_gb18030).unwrap();
    let why = incoming.no_base.as_deref().unwrap();
    assert!(why.starts_with(&format!("找不到发出这份文件时的版本（当前草稿的第 {} 次保存）", mine.revision - 1)), "{why}");
    assert!(!incoming.merge.base_found);
    assert_eq!(incoming.merge.rows().filter(|r| r.kind == RowKind::Differs).count(), 2, "my edit too is a difference to decide");

    let text = a.read_for_merge(&mine, "B.txt", render(&theirs.report).as_bytes(), &no_gb18030).unwrap();
    assert!(text.no_base.unwrap().starts_with("这份文件没有记录它是从哪个版本修改而来"));
}

#[test]
fn another_units_report_is_named_and_comes_in_only_as_a_new_draft() {
    let (a, mine, _, _) = sent();
    let other = SENT.replace("区国资委2023", "某县市场监管局2022").replace("2023年，区国资委", "2022年，某县市场监管局");
    let incoming = a.read_for_merge(&mine, "监管局.txt", other.as_bytes(), &no_gb18030).unwrap();
    assert_eq!(incoming.mismatch.as_ref().unwrap().sentence(), "这是某县市场监管局 2022 年度的报告，当前草稿是区国资委 2023 年度。");
    let before = a.list().unwrap().len();
    let created = a.import_received(&incoming, NOW + 30).unwrap();
    assert_ne!(created.draft.id, mine.id);
    assert_eq!(render(&created.draft.report), other);
    assert_eq!((created.draft.unit.as_str(), created.draft.year), ("某县市场监管局", 2022));
    assert_eq!(created.notice.unwrap().message, format!("已将“监管局.txt”作为新草稿导入（{}），原来的草稿没有改动。", created.draft.display_name()));
    assert_eq!(a.list().unwrap().len(), before + 1);
    assert_eq!(a.store().load(&mine.id).unwrap(), Some(mine));
}

#[test]
fn a_share_file_cut_short_is_named_and_nothing_changes() {
    let (a, mine, b, theirs) = sent();
    let reply = export_share(&theirs, NOW + 13);
    let cut = &reply[..reply.len() / 2];
    let p = a.read_for_merge(&mine, "B.fzbg.json", cut, &no_gb18030).unwrap_err();
    assert_eq!(p.message, "“B.fzbg.json”未能读取，当前草稿没有改动：分享文件不完整或已损坏，可能没有下载完。请重新下载，或请同事重新发送后再打开。");
    assert_eq!(a.store().load(&mine.id).unwrap(), Some(mine));
    drop(b);
}

#[test]
fn a_merge_that_cannot_keep_the_draft_first_does_not_happen() {
    use fazhi_report::storage::instrument::FailingWrite;
    let a = session(FailingWrite::new(MemoryStore::new()), 0);
    let mine = a.import("区国资委.txt", SENT.as_bytes(), &no_gb18030, NOW).unwrap().draft;
    a.store().kv().fail_write(1);
    let theirs = SENT.replace("150场次", "180场次");
    let incoming = a.read_for_merge(&mine, "B.txt", theirs.as_bytes(), &no_gb18030).unwrap();
    let row = incoming.merge.rows().find(|r| r.needs_choice()).unwrap().id;
    let p = a.merge(&mine, &incoming, &[(row, Choice::Theirs)], NOW + 1).unwrap_err();
    assert!(p.message.starts_with("未能保存合并前的版本，合并没有进行，草稿保持原样。"), "{}", p.message);
    assert_eq!(a.store().load(&mine.id).unwrap(), Some(mine));
}

/// Issue #21: a colleague's text carrying control characters is cleaned for
/// the merge as an import cleans it, and the notes say how many went.
#[test]
fn control_characters_in_a_reply_are_left_out_and_counted() {
    let (a, mine, _, _) = sent();
    let dirty = render(&mine.report).replace("150场次", "180\u{1b}场\u{7}次");
    let incoming = a.read_for_merge(&mine, "B.txt", dirty.as_bytes(), &no_gb18030).unwrap();
    assert!(!render(&incoming.received.report).contains(['\u{1b}', '\u{7}']));
    assert!(render(&incoming.received.report).contains("180场次"));
    assert!(incoming.received.warnings.iter().any(|w| w.starts_with("文件中有 2 个不可见的控制字符")), "{:?}", incoming.received.warnings);
    let clean = a.read_for_merge(&mine, "B.txt", render(&mine.report).as_bytes(), &no_gb18030).unwrap();
    assert!(clean.received.warnings.is_empty());
}
