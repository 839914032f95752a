//! Merging a colleague's version into the seed report: the leader changed a
//! sentence, added a plan and rewrote nothing else.

use fazhi_report::report::merge::{apply, compare, Choice, PartKey};
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

#[test]
fn only_the_changed_sections_ask_for_a_choice() {
    let mine = parse(SEED);
    let theirs = parse(&leaders_version());
    let parts = compare(&mine, &theirs);
    let differing: Vec<PartKey> = parts.iter().filter(|p| p.differs()).map(|p| p.key).collect();
    assert_eq!(
        differing,
        vec![
            PartKey::Section { kind: SectionKind::Measures, nth: 0 },
            PartKey::Section { kind: SectionKind::NextYear, nth: 0 }
        ]
    );
    let measures = parts.iter().find(|p| p.key == differing[0]).unwrap();
    assert_eq!(measures.changed_rows(), 1);
    let next = parts.iter().find(|p| p.key == differing[1]).unwrap();
    let added: Vec<_> = next.rows.iter().filter(|r| r.mine.is_none()).collect();
    assert_eq!(added.len(), 1);
}

#[test]
fn all_mine_is_the_seed_and_all_theirs_is_their_text_in_my_line_endings() {
    let mine = parse(SEED);
    let theirs_text = leaders_version();
    let theirs = parse(&theirs_text);
    let parts = compare(&mine, &theirs);
    let all = |c: Choice| parts.iter().map(|p| (p.key, c)).collect::<Vec<_>>();
    assert_eq!(render(&apply(&mine, &theirs, &all(Choice::Mine))), SEED);
    assert_eq!(render(&apply(&mine, &theirs, &all(Choice::Theirs))), theirs_text.replace("\r\n", "\n"));
}

#[test]
fn choices_per_section_combine() {
    let mine = parse(SEED);
    let theirs = parse(&leaders_version());
    let measures = PartKey::Section { kind: SectionKind::Measures, nth: 0 };
    let next = PartKey::Section { kind: SectionKind::NextYear, nth: 0 };
    let merged = render(&apply(&mine, &theirs, &[(measures, Choice::Mine), (next, Choice::Both)]));
    assert!(merged.contains("营造良好氛围"));
    assert!(!merged.contains("营造浓厚氛围"));
    assert!(merged.contains("4. 加强执法监督。完善行政执法监督机制。"));
    assert_eq!(merged.len(), SEED.len() + "\n4. 加强执法监督。完善行政执法监督机制。".len());
}
