//! The three-way merge: base (the version I sent), mine (the draft since)
//! and theirs (what came back), per part and per item. Each case asserts
//! the merged text exactly.

use fazhi_report::report::merge::{three_way, Choice, Merge, MergeRow, RowKind, Slot};
use fazhi_report::report::{parse, render};

const BASE: &str = "\
区国资委2023年度法治政府建设情况报告
现将有关情况报告如下。
一、2023年度推进法治政府建设的主要举措和成效
1. 加强组织领导。成立领导小组，召开专题会议3次。
2. 强化普法教育。开展普法活动150场次。营造良好氛围。
3. 规范行政执法。全面推行三项制度。
二、2023年度推进法治政府建设存在的不足和原因
存在的不足：学习不够深入。原因：重视不够。
三、2024年度推进法治政府建设的主要安排
1. 完善制度建设。
2. 加强执法培训。
";

fn merge(base: Option<&str>, mine: &str, theirs: &str) -> Merge {
    three_way(base.map(parse).as_ref(), &parse(mine), &parse(theirs))
}

/// (kind, base, mine, theirs) texts of a row.
type Change = (RowKind, Option<String>, Option<String>, Option<String>);

/// Rows that are not [`RowKind::Same`].
fn changes(m: &Merge) -> Vec<Change> {
    let text = |s: &Option<fazhi_report::report::merge::Side>| s.as_ref().map(|s| s.text.clone());
    m.rows().filter(|r| r.kind != RowKind::Same).map(|r| (r.kind, text(&r.base), text(&r.mine), text(&r.theirs))).collect()
}

fn only(m: &Merge, kind: RowKind) -> Vec<&MergeRow> {
    m.rows().filter(|r| r.kind == kind).collect()
}

/// Every row that asks, answered the same way.
fn all(m: &Merge, c: Choice) -> Vec<(fazhi_report::report::merge::RowId, Choice)> {
    m.rows().filter(|r| r.needs_choice()).map(|r| (r.id, c)).collect()
}

fn s(x: &str) -> Option<String> {
    Some(x.to_string())
}

#[test]
fn identical_versions_ask_nothing_and_give_mine_back() {
    let m = merge(Some(BASE), BASE, BASE);
    assert!(m.base_found);
    assert!(m.is_noop());
    assert_eq!(render(&m.apply(&[])), BASE);
}

#[test]
fn a_change_only_theirs_is_offered_and_taken_when_accepted() {
    let theirs = BASE.replace("营造良好氛围", "营造浓厚氛围");
    let m = merge(Some(BASE), BASE, &theirs);
    assert_eq!(
        changes(&m),
        vec![(RowKind::TheirsOnly, s("强化普法教育。开展普法活动150场次。营造良好氛围。"), s("强化普法教育。开展普法活动150场次。营造良好氛围。"), s("强化普法教育。开展普法活动150场次。营造浓厚氛围。"))]
    );
    let row = only(&m, RowKind::TheirsOnly)[0];
    assert_eq!(row.choices(), &[Choice::Theirs, Choice::Mine]);
    assert_eq!(row.summary(), "对方修改了这一条");
    // Marked inside the changed sentence only.
    let marked: Vec<&str> = row.theirs.as_ref().unwrap().spans.iter().filter(|s| s.changed).map(|s| s.text.as_str()).collect();
    assert_eq!(marked, ["浓厚"]);
    assert_eq!(render(&m.apply(&[(row.id, Choice::Theirs)])), theirs);
    assert_eq!(render(&m.apply(&[(row.id, Choice::Mine)])), BASE);
    assert_eq!(render(&m.apply(&[])), BASE, "not chosen: not taken");
}

#[test]
fn a_change_only_mine_is_kept_and_never_offered() {
    let mine = BASE.replace("召开专题会议3次", "召开专题会议5次");
    let m = merge(Some(BASE), &mine, BASE);
    let rows = only(&m, RowKind::MineOnly);
    assert_eq!(rows.len(), 1);
    assert!(!rows[0].needs_choice());
    assert_eq!(rows[0].summary(), "我修改了这一条（保留）");
    let marked: Vec<&str> = rows[0].mine.as_ref().unwrap().spans.iter().filter(|s| s.changed).map(|s| s.text.as_str()).collect();
    assert_eq!(marked, ["5"]);
    assert!(m.is_noop());
    assert_eq!(render(&m.apply(&all(&m, Choice::Theirs))), mine);
}

#[test]
fn the_same_change_on_both_sides_asks_nothing() {
    let both = BASE.replace("开展普法活动150场次", "开展普法活动200场次");
    let m = merge(Some(BASE), &both, &both);
    assert!(m.is_noop());
    assert_eq!(only(&m, RowKind::Same).iter().filter(|r| r.summary().starts_with("双方作了相同的修改")).count(), 1);
    assert_eq!(render(&m.apply(&[])), both);
}

#[test]
fn both_changing_one_item_differently_is_a_conflict_with_all_three_versions() {
    let mine = BASE.replace("开展普法活动150场次。", "开展普法活动180场次。");
    let theirs = BASE.replace("营造良好氛围。", "营造浓厚的法治氛围。");
    let m = merge(Some(BASE), &mine, &theirs);
    assert_eq!(
        changes(&m),
        vec![(
            RowKind::Conflict,
            s("强化普法教育。开展普法活动150场次。营造良好氛围。"),
            s("强化普法教育。开展普法活动180场次。营造良好氛围。"),
            s("强化普法教育。开展普法活动150场次。营造浓厚的法治氛围。")
        )]
    );
    let row = only(&m, RowKind::Conflict)[0];
    assert_eq!(row.choices(), &[Choice::Mine, Choice::Theirs, Choice::Both]);
    assert_eq!(row.summary(), "双方都修改了这一条，修改不同");
    let mine_marks: Vec<&str> = row.mine.as_ref().unwrap().spans.iter().filter(|s| s.changed).map(|s| s.text.as_str()).collect();
    assert_eq!(mine_marks, ["180"], "a number change is one span");
    assert_eq!(render(&m.apply(&[(row.id, Choice::Mine)])), mine);
    assert_eq!(render(&m.apply(&[(row.id, Choice::Theirs)])), theirs);
    // 都保留: both, next to each other, theirs labelled; the items after renumbered.
    assert_eq!(
        render(&m.apply(&[(row.id, Choice::Both)])),
        mine.replace(
            "3. 规范行政执法。",
            "3. （对方的版本）强化普法教育。开展普法活动150场次。营造浓厚的法治氛围。\n4. 规范行政执法。"
        )
    );
}

#[test]
fn a_sentence_deleted_by_them_is_a_change_of_theirs_not_a_new_item() {
    let theirs = BASE.replace("开展普法活动150场次。", "");
    let m = merge(Some(BASE), BASE, &theirs);
    let rows = only(&m, RowKind::TheirsOnly);
    assert_eq!(rows.len(), 1);
    let base_marks: Vec<&str> = rows[0].base.as_ref().unwrap().spans.iter().filter(|s| s.changed).map(|s| s.text.as_str()).collect();
    assert_eq!(base_marks, ["开展普法活动150场次。"], "only the deleted sentence is marked");
    assert!(rows[0].theirs.as_ref().unwrap().spans.iter().all(|s| !s.changed));
    assert_eq!(render(&m.apply(&[(rows[0].id, Choice::Theirs)])), theirs);
    // A choice not offered (都保留 for a colleague's change) changes nothing:
    // no copy of the item appears.
    assert_eq!(render(&m.apply(&[(rows[0].id, Choice::Both)])), BASE);
}

#[test]
fn added_deleted_and_reordered_items_are_understood_as_such() {
    // Theirs: item 1 moved to the end, item 3 deleted, a new item after item 2 of 下一年度.
    let theirs = BASE
        .replace("1. 加强组织领导。成立领导小组，召开专题会议3次。\n2. 强化普法教育。开展普法活动150场次。营造良好氛围。\n3. 规范行政执法。全面推行三项制度。\n",
                 "1. 强化普法教育。开展普法活动150场次。营造良好氛围。\n2. 加强组织领导。成立领导小组，召开专题会议3次。\n")
        .replace("2. 加强执法培训。\n", "2. 加强执法培训。\n3. 推进数字法治建设。\n");
    let m = merge(Some(BASE), BASE, &theirs);
    let rows: Vec<(String, bool)> = only(&m, RowKind::TheirsOnly).iter().map(|r| (r.summary(), r.theirs_moved)).collect();
    assert_eq!(
        rows,
        vec![("对方调整了顺序：这一条".to_string(), true), ("对方删除了这一条".to_string(), false), ("对方新增了这一条".to_string(), false)]
    );
    let deleted = only(&m, RowKind::TheirsOnly)[1];
    assert!(deleted.theirs.is_none(), "shown as 已删除");
    assert_eq!(render(&m.apply(&all(&m, Choice::Theirs))), theirs);
    // Taken one by one: only the addition.
    let added = only(&m, RowKind::TheirsOnly)[2].id;
    assert_eq!(render(&m.apply(&[(added, Choice::Theirs)])), BASE.replace("2. 加强执法培训。\n", "2. 加强执法培训。\n3. 推进数字法治建设。\n"));
    // Only the deletion: no blank line where the item was.
    let del = deleted.id;
    assert_eq!(render(&m.apply(&[(del, Choice::Theirs)])), BASE.replace("3. 规范行政执法。全面推行三项制度。\n", ""));
}

#[test]
fn my_reorder_and_their_edit_of_the_moved_item_combine() {
    let mine = BASE.replace(
        "2. 强化普法教育。开展普法活动150场次。营造良好氛围。\n3. 规范行政执法。全面推行三项制度。\n",
        "2. 规范行政执法。全面推行三项制度。\n3. 强化普法教育。开展普法活动150场次。营造良好氛围。\n",
    );
    let theirs = BASE.replace("全面推行三项制度。", "全面推行行政执法三项制度。");
    let m = merge(Some(BASE), &mine, &theirs);
    let offered = only(&m, RowKind::TheirsOnly);
    assert_eq!(offered.len(), 1);
    assert!(only(&m, RowKind::MineOnly).iter().all(|r| r.mine_moved));
    assert_eq!(render(&m.apply(&all(&m, Choice::Theirs))), mine.replace("全面推行三项制度。", "全面推行行政执法三项制度。"));
}

#[test]
fn a_part_added_by_them_goes_in_the_regulations_order() {
    let theirs = BASE.replace(
        "三、2024年度推进法治政府建设的主要安排\n",
        "三、党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责人带头学法。\n四、2024年度推进法治政府建设的主要安排\n",
    );
    let m = merge(Some(BASE), BASE, &theirs);
    // The part, and their renumbering of the heading after it (三 → 四).
    let offered = only(&m, RowKind::TheirsOnly);
    assert_eq!(offered.iter().map(|r| r.slot).collect::<Vec<_>>(), [Slot::Heading, Slot::Part]);
    let offered = &offered[1..];
    assert_eq!(offered[0].summary(), "对方新增了这一部分");
    assert_eq!(offered[0].theirs.as_ref().unwrap().text, "三、党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责人带头学法。");
    // Taken: in its place; their numbering of the next heading is theirs to offer, not taken.
    assert_eq!(
        render(&m.apply(&[(offered[0].id, Choice::Theirs)])),
        BASE.replace("三、2024年度", "三、党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责人带头学法。\n三、2024年度")
    );
    // The heading they renumbered (三 → 四) is a change of theirs of its own.
    let heading = m.rows().find(|r| r.slot == Slot::Heading && r.kind == RowKind::TheirsOnly).expect("renumbered heading");
    assert_eq!(render(&m.apply(&all(&m, Choice::Theirs))), theirs);
    assert_eq!(heading.summary(), "对方修改了部分标题");
}

#[test]
fn a_part_added_by_me_is_mine() {
    let mine = format!("{BASE}四、其他需要报告的情况\n无。\n");
    let m = merge(Some(BASE), &mine, BASE);
    let rows = only(&m, RowKind::MineOnly);
    assert_eq!((rows.len(), rows[0].slot), (1, Slot::Part));
    assert!(m.is_noop());
    assert_eq!(render(&m.apply(&[])), mine);
}

#[test]
fn without_the_base_every_difference_is_the_authors_to_decide() {
    let mine = BASE.replace("召开专题会议3次", "召开专题会议5次");
    let theirs = BASE.replace("营造良好氛围", "营造浓厚氛围").replace("2. 加强执法培训。\n", "");
    let m = merge(None, &mine, &theirs);
    assert!(!m.base_found);
    let differs = only(&m, RowKind::Differs);
    assert_eq!(differs.len(), 3, "{:?}", changes(&m));
    assert!(differs.iter().all(|r| r.base.is_none()));
    assert_eq!(differs[0].summary(), "两个版本的这一条不同");
    assert_eq!(differs[2].summary(), "对方的版本没有这一条");
    // Not chosen: mine.
    assert_eq!(render(&m.apply(&[])), mine);
    // 用对方的 everywhere: theirs.
    assert_eq!(render(&m.apply(&all(&m, Choice::Theirs))), theirs);
    // 都保留 on the item both have: mine, then theirs labelled, no empty copy.
    let both = m.apply(&[(differs[1].id, Choice::Both)]);
    assert_eq!(
        render(&both),
        mine.replace(
            "3. 规范行政执法。",
            "3. （对方的版本）强化普法教育。开展普法活动150场次。营造浓厚氛围。\n4. 规范行政执法。"
        )
    );
}

#[test]
fn their_line_endings_follow_mine_and_mine_ends_as_it_did() {
    let theirs = format!("{BASE}四、其他需要报告的情况\r\n无。").replace('\n', "\r\n").replace("\r\r\n", "\r\n");
    let m = merge(Some(BASE), BASE, &theirs);
    let merged = render(&m.apply(&all(&m, Choice::Theirs)));
    assert_eq!(merged, format!("{BASE}四、其他需要报告的情况\n无。\n"));
}

/// A .docx the app exported for a colleague, edited and saved again by
/// LibreOffice Writer (tests/fixtures/merge, scripts/make-merge-fixture.sh):
/// its custom properties still name the revision it was made from, so the
/// merge is three-way and my own edit since is mine, not theirs to undo.
#[test]
fn a_docx_saved_again_by_libreoffice_still_finds_its_base() {
    use fazhi_report::report::formats::{import_docx, import_share_based};
    use fazhi_report::report::merge::{Identity, Received};
    let sent = import_share_based(include_bytes!("fixtures/merge/sent.fzbg.json")).unwrap();
    assert_eq!(import_docx(include_bytes!("fixtures/merge/sent.docx")).unwrap().base.as_ref(), Some(&sent.base));
    let bytes = include_bytes!("fixtures/merge/colleague-libreoffice.docx");
    let docx = import_docx(bytes).unwrap();
    assert!(docx.text.contains("营造浓厚氛围"), "the colleague's edit is in the file");
    assert_eq!(docx.base.as_ref(), Some(&sent.base), "LibreOffice kept the custom properties");

    let gb = |b: &[u8]| encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(b).map(|t| t.into_owned());
    let received = Received::read(bytes, &gb).unwrap();
    assert_eq!(received.base.as_ref(), Some(&sent.base));
    assert_eq!(Identity::of_draft(&sent.draft).mismatch(&received.identity), None, "the same report");

    // The base is the text the app kept; I have edited 下一年度 since.
    let base = &sent.draft.report;
    let sent_text = render(base);
    let mine_text = sent_text.replacen("3. ", "3. 【我改的】", 1);
    assert_ne!(mine_text, sent_text);
    let m = three_way(Some(base), &parse(&mine_text), &received.report);
    assert!(m.base_found);
    let offered = only(&m, RowKind::TheirsOnly);
    assert_eq!(offered.len(), 1, "{:?}", changes(&m));
    let marked: Vec<&str> = offered[0].theirs.as_ref().unwrap().spans.iter().filter(|s| s.changed).map(|s| s.text.as_str()).collect();
    assert_eq!(marked, ["浓厚", "5"]);
    assert_eq!(only(&m, RowKind::MineOnly).len(), 1);
    assert_eq!(m.conflicts(), 0);
    assert_eq!(
        render(&m.apply(&all(&m, Choice::Theirs))),
        mine_text.replace("营造良好氛围", "营造浓厚氛围").replace("全年共开展专题法治培训3次", "全年共开展专题法治培训5次")
    );
}
