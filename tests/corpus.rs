//! The corpus (tests/corpus/*.txt): report texts written by the team, one per
//! situation the parser must handle. Like pulldown-cmark's spec tests, the
//! texts are the specification: each row says what a reader should find, and
//! every file must come back byte for byte.

use fazhi_report::report::decode::{decode, Encoding};
use fazhi_report::report::inspect::inspect;
use fazhi_report::report::{parse, render, SectionKind};
use SectionKind::*;

struct Case {
    file: &'static str,
    encoding: Encoding,
    kinds: &'static [SectionKind],
    items: &'static [usize],
    title: bool,
    unplaced: usize,
}

const FIVE: &[SectionKind] = &[Measures, Shortcomings, FirstResponsible, NextYear, OtherMatters];

const CASES: &[Case] = &[
    Case { file: "01_seed_style.txt", encoding: Encoding::Utf8, kinds: FIVE, items: &[2, 1, 2, 1, 0], title: false, unplaced: 0 },
    Case {
        file: "02_first_responsible_first.txt",
        encoding: Encoding::Utf8,
        kinds: &[FirstResponsible, Measures, Shortcomings, NextYear, OtherMatters],
        items: &[1, 2, 1, 1, 0],
        title: true,
        unplaced: 0,
    },
    Case { file: "03_cn_paren_items.txt", encoding: Encoding::Utf8, kinds: FIVE, items: &[3, 1, 1, 1, 0], title: false, unplaced: 0 },
    Case { file: "04_part_sections.txt", encoding: Encoding::Utf8, kinds: FIVE, items: &[2, 1, 1, 1, 0], title: false, unplaced: 0 },
    Case { file: "05_arabic_comma_items.txt", encoding: Encoding::Utf8, kinds: FIVE, items: &[2, 1, 1, 1, 0], title: false, unplaced: 0 },
    Case { file: "06_paren_arabic_items.txt", encoding: Encoding::Utf8, kinds: FIVE, items: &[2, 2, 1, 1, 0], title: false, unplaced: 0 },
    Case { file: "07_wordings.txt", encoding: Encoding::Utf8, kinds: FIVE, items: &[1, 1, 1, 1, 0], title: true, unplaced: 0 },
    Case {
        file: "08_missing_section.txt",
        encoding: Encoding::Utf8,
        kinds: &[Measures, Shortcomings, FirstResponsible, NextYear],
        items: &[1, 1, 1, 1],
        title: false,
        unplaced: 0,
    },
    Case { file: "09_merged_shortcomings.txt", encoding: Encoding::Utf8, kinds: FIVE, items: &[1, 2, 1, 1, 0], title: false, unplaced: 0 },
    // 问题 and 原因 as two sections: both are the shortcomings section, in two parts.
    Case {
        file: "10_split_shortcomings.txt",
        encoding: Encoding::Utf8,
        kinds: &[Measures, Shortcomings, Shortcomings, FirstResponsible, NextYear, OtherMatters],
        items: &[1, 1, 1, 1, 1, 0],
        title: false,
        unplaced: 0,
    },
    Case { file: "11_gbk_crlf.txt", encoding: Encoding::Gb18030, kinds: FIVE, items: &[1, 1, 1, 1, 0], title: true, unplaced: 0 },
    Case { file: "12_utf16le_bom.txt", encoding: Encoding::Utf16Le, kinds: FIVE, items: &[1, 1, 1, 1, 0], title: false, unplaced: 0 },
    Case { file: "13_utf16be_bom.txt", encoding: Encoding::Utf16Be, kinds: FIVE, items: &[1, 1, 1, 1, 0], title: false, unplaced: 0 },
    Case { file: "14_crlf.txt", encoding: Encoding::Utf8, kinds: FIVE, items: &[1, 1, 1, 1, 0], title: false, unplaced: 0 },
    Case { file: "15_utf8_bom.txt", encoding: Encoding::Utf8Bom, kinds: FIVE, items: &[1, 1, 1, 1, 0], title: false, unplaced: 0 },
    // The sentence after the blank line is neither title nor preamble.
    Case { file: "16_front_matter.txt", encoding: Encoding::Utf8, kinds: FIVE, items: &[1, 1, 1, 1, 0], title: true, unplaced: 22 },
    // The signature stays at the end of the last section, as written.
    Case { file: "17_signature.txt", encoding: Encoding::Utf8, kinds: FIVE, items: &[1, 1, 1, 1, 0], title: false, unplaced: 0 },
    Case { file: "18_arabic_sections.txt", encoding: Encoding::Utf8, kinds: FIVE, items: &[2, 1, 1, 1, 0], title: false, unplaced: 0 },
    Case { file: "19_indented.txt", encoding: Encoding::Utf8, kinds: FIVE, items: &[2, 1, 1, 1, 0], title: false, unplaced: 0 },
    Case { file: "20_cr_only.txt", encoding: Encoding::Utf8, kinds: FIVE, items: &[1, 1, 1, 1, 0], title: false, unplaced: 0 },
    // Not a report: no section is found, and nothing is lost either.
    Case { file: "21_not_a_report.txt", encoding: Encoding::Utf8, kinds: &[], items: &[], title: false, unplaced: 0 },
];

fn read(file: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/corpus/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

#[test]
fn every_corpus_text_is_read_as_specified_and_comes_back_unchanged() {
    let mut failures = Vec::new();
    for case in CASES {
        let bytes = read(case.file);
        let decoded = decode(&bytes).unwrap_or_else(|e| panic!("{}: {e}", case.file));
        let report = parse(&decoded.text);
        let kinds: Vec<_> = report.sections.iter().map(|s| s.kind).collect();
        let items: Vec<_> = report.sections.iter().map(|s| s.items.len()).collect();
        let info = inspect(&report, decoded.encoding);
        let got = (decoded.encoding, kinds.as_slice(), items.as_slice(), report.title().is_some(), info.unplaced_chars);
        let want = (case.encoding, case.kinds, case.items, case.title, case.unplaced);
        if got != want {
            failures.push(format!("{}:\n  got  {got:?}\n  want {want:?}", case.file));
        }
        // No character lost: the decoded text renders back exactly.
        if render(&report) != decoded.text {
            failures.push(format!("{}: text does not round-trip", case.file));
        }
        // And the file's bytes come back too, for the UTF-8 files.
        if matches!(decoded.encoding, Encoding::Utf8 | Encoding::Utf8Bom) && render(&report).as_bytes() != bytes.as_slice() {
            failures.push(format!("{}: bytes do not round-trip", case.file));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_corpus_covers_every_file() {
    let dir = format!("{}/tests/corpus", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    files.sort();
    let listed: Vec<_> = CASES.iter().map(|c| c.file.to_string()).collect();
    assert_eq!(files, listed);
    assert!(CASES.len() >= 15);
}

#[test]
fn headings_with_years_are_captured() {
    let report = parse(&decode(&read("01_seed_style.txt")).unwrap().text);
    let info = inspect(&report, Encoding::Utf8);
    let years: Vec<_> = info.sections.iter().map(|s| s.year).collect();
    assert_eq!(years, [Some(2024), Some(2024), Some(2024), Some(2025), None]);
}
