//! Merging a colleague's version into the seed report when the version it
//! was made from is not known (a .txt the leader edited): the comparison
//! is two-way — `three_way` without a base — and every difference is the
//! author's to decide. The leader changed a sentence, added a plan and
//! rewrote nothing else. (These were the tests of the former two-way
//! `compare`/`apply`; the same cases, on what replaced them.)

use fazhi_report::report::merge::{marks, three_way, Choice, Merge, PartKey, RowId, RowKind};
use fazhi_report::report::{parse, render, SectionKind};

const SEED: &str = include_str!("fixtures/seed/000_7470bc842f3634e7.txt");

/// The seed as a leader sends it back: one word changed in 举措和成效, one
/// plan added to 下一年度, CRLF line endings (saved on Windows).
fn leaders_version() -> String {
    let measures = SEED.lines().find(|l| l.starts_with("2. 强化普法教育")).expect("seed item");
    let edited = measures.replacen("营造良好氛围", "营造浓厚氛围", 1);
    let next_year_last = SEED.lines().rfind(|l| l.starts_with("3. ")).expect("a third item");
    let added = format!("{next_year_last}\n4. 加强执法监督。完善行政执法监督机制。");
    SEED.replacen(measures, &edited, 1).replacen(next_year_last, &added, 1).replace('\n', "\r\n")
}

/// Parts with something to decide.
fn differing(m: &Merge) -> Vec<PartKey> {
    m.parts.iter().filter(|p| p.rows.iter().any(|r| r.needs_choice())).map(|p| p.key).collect()
}

fn all(m: &Merge, c: Choice) -> Vec<(RowId, Choice)> {
    m.rows().filter(|r| r.choices().contains(&c)).map(|r| (r.id, c)).collect()
}

#[test]
fn only_the_changed_sections_ask_for_a_choice() {
    let m = three_way(None, &parse(SEED), &parse(&leaders_version()));
    assert!(!m.base_found);
    let differing = differing(&m);
    assert_eq!(
        differing,
        vec![
            PartKey::Section { kind: SectionKind::Measures, nth: 0 },
            PartKey::Section { kind: SectionKind::NextYear, nth: 0 }
        ]
    );
    let measures = m.parts.iter().find(|p| p.key == differing[0]).unwrap();
    assert_eq!(measures.rows.iter().filter(|r| r.kind == RowKind::Differs).count(), 1);
    let next = m.parts.iter().find(|p| p.key == differing[1]).unwrap();
    let added: Vec<_> = next.rows.iter().filter(|r| r.kind == RowKind::Differs && r.mine.is_none()).collect();
    assert_eq!(added.len(), 1);
}

#[test]
fn all_mine_is_the_seed_and_all_theirs_is_their_text_in_my_line_endings() {
    let theirs_text = leaders_version();
    let m = three_way(None, &parse(SEED), &parse(&theirs_text));
    assert_eq!(render(&m.apply(&all(&m, Choice::Mine))), SEED);
    assert_eq!(render(&m.apply(&[])), SEED, "nothing chosen keeps mine");
    assert_eq!(render(&m.apply(&all(&m, Choice::Theirs))), theirs_text.replace("\r\n", "\n"));
}

#[test]
fn choices_per_section_combine() {
    let m = three_way(None, &parse(SEED), &parse(&leaders_version()));
    let row_in = |kind: SectionKind| m.parts.iter().find(|p| p.key == PartKey::Section { kind, nth: 0 }).unwrap().rows.iter().find(|r| r.needs_choice()).unwrap().id;
    // The changed sentence kept as mine; the added plan taken (an item only
    // they have is not offered 都保留: there is nothing of mine to keep beside it).
    let merged = render(&m.apply(&[(row_in(SectionKind::Measures), Choice::Mine), (row_in(SectionKind::NextYear), Choice::Theirs)]));
    assert!(merged.contains("营造良好氛围"));
    assert!(!merged.contains("营造浓厚氛围"));
    assert!(merged.contains("4. 加强执法监督。完善行政执法监督机制。"));
    assert_eq!(merged.len(), SEED.len() + "\n4. 加强执法监督。完善行政执法监督机制。".len());
}

const MINE: &str = "标题报告\n开头。\n一、2023年度推进法治政府建设的主要举措和成效\n1. 甲。甲的正文。\n2. 乙。乙的正文。\n二、2023年度推进法治政府建设存在的不足和原因\n不足。原因。\n";

#[test]
fn identical_reports_have_nothing_to_choose() {
    let r = parse(MINE);
    let m = three_way(None, &r, &r);
    assert_eq!(m.parts.len(), 3);
    assert!(m.rows().all(|r| r.kind == RowKind::Same));
    assert!(m.is_noop());
    assert_eq!(render(&m.apply(&[])), MINE);
}

#[test]
fn a_changed_word_is_marked_inside_the_paragraph() {
    let m = three_way(None, &parse(MINE), &parse(&MINE.replace("乙的正文", "乙的新正文")));
    assert_eq!(differing(&m), [PartKey::Section { kind: SectionKind::Measures, nth: 0 }]);
    let row = m.rows().find(|r| r.needs_choice()).unwrap();
    assert_eq!(m.to_decide(), 1);
    let marked: String = row.theirs.as_ref().unwrap().spans.iter().filter(|s| s.changed).map(|s| s.text.as_str()).collect();
    assert_eq!(marked, "新");
    assert_eq!(render(&m.apply(&[])), MINE, "unchosen keeps mine");
}

#[test]
fn an_item_they_added_goes_in_their_order_and_nothing_is_doubled() {
    let m = three_way(None, &parse(MINE), &parse(&MINE.replace("2. 乙。乙的正文。\n", "2. 丙。丙的正文。\n3. 乙。乙的正文。\n")));
    let merged = render(&m.apply(&all(&m, Choice::Theirs)));
    assert!(merged.contains("2. 丙。丙的正文。\n3. 乙。乙的正文。\n"), "{merged}");
    assert_eq!(merged.matches("乙的正文").count(), 1);
}

#[test]
fn a_section_only_they_have_goes_in_the_regulations_order() {
    let mine = parse(&MINE.replace("二、2023年度推进法治政府建设存在的不足和原因\n不足。原因。\n", ""));
    let m = three_way(None, &mine, &parse(MINE));
    let only_theirs = m.rows().find(|r| r.mine.is_none()).unwrap();
    assert_eq!(differing(&m), [PartKey::Section { kind: SectionKind::Shortcomings, nth: 0 }]);
    let merged = m.apply(&[(only_theirs.id, Choice::Theirs)]);
    assert_eq!(merged.sections.iter().map(|s| s.kind).collect::<Vec<_>>(), vec![SectionKind::Measures, SectionKind::Shortcomings]);
    // Declining it leaves mine as it was.
    assert_eq!(render(&m.apply(&[(only_theirs.id, Choice::Mine)])), render(&mine));
}

#[test]
fn their_line_endings_follow_mine() {
    let m = three_way(None, &parse(MINE), &parse(&MINE.replace("乙的正文", "乙的新正文").replace('\n', "\r\n")));
    let merged = render(&m.apply(&all(&m, Choice::Theirs)));
    assert!(!merged.contains('\r'));
    assert_eq!(merged, MINE.replace("乙的正文", "乙的新正文"));
}

#[test]
fn unrelated_paragraphs_are_marked_whole() {
    let (a, b) = marks("加强组织领导，压实工作责任。", "完善执法程序。");
    assert_eq!(a.len(), 1);
    assert!(a[0].changed && b[0].changed);
}
