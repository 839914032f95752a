//! The reviewer's desk: many reports read at once, each with the same
//! import, structure recognition and checker as a draft, and the passages
//! units copied from one another found across the batch.
//!
//! A reviewer at a 司法局 (依法治区办) receives 30–300 reports a year. This
//! room turns each file into one row of their table ([`read_entry`]), finds
//! copying between reports ([`copying`]), and writes what they send back
//! ([`opinion`]: a unit's 审核意见 as text or .docx) and keep ([`table`]: the
//! batch as .csv). Nothing here touches the author's drafts.

pub mod copying;
pub mod desk;
pub mod near;
pub mod opinion;
pub mod table;

use super::check::{Finding, Severity};
use super::deadline::Date;
use super::formats::{import_any, Imported};
use super::model::SectionKind;
use super::Draft;

/// One of the five required parts, as the table marks it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartMark {
    /// Written: at least one character under its heading.
    Present,
    /// Its heading is there, nothing under it.
    Empty,
    /// No heading of this kind was found.
    Missing,
}

impl PartMark {
    /// The mark in the table's cell, with its meaning for screen readers and .csv.
    pub fn label(self) -> &'static str {
        match self {
            PartMark::Present => "有",
            PartMark::Empty => "空",
            PartMark::Missing => "缺",
        }
    }
}

/// A report read and checked.
#[derive(Clone, Debug)]
pub struct Reviewed {
    /// The report as a draft (unit and year inferred from its text, else the
    /// file name; a share file's own draft).
    pub draft: Draft,
    /// How it was read, for people: "UTF-8", "GBK/GB18030", "Word 文档", "分享文件".
    pub format_zh: String,
    /// What the import wants the reviewer to know (tables flattened, 修订 accepted …).
    pub notes: Vec<String>,
    /// Characters written, without white space.
    pub chars: usize,
    /// The five required parts in the regulation's order.
    pub parts: [PartMark; 5],
    pub findings: Vec<Finding>,
    /// No part of the five was recognised: likely not a 法治政府建设 report at all.
    pub not_a_report: bool,
}

impl Reviewed {
    pub fn errors(&self) -> usize {
        self.findings.iter().filter(|f| f.severity == Severity::Error).count()
    }

    pub fn warnings(&self) -> usize {
        self.findings.iter().filter(|f| f.severity == Severity::Warning).count()
    }

    /// The finding the table names: the first error, else the first warning.
    pub fn worst(&self) -> Option<&Finding> {
        self.findings.iter().min_by_key(|f| f.severity)
    }
}

/// One picked file: its name, size and content hash, and the report read
/// from it or why it could not be read (in Chinese, saying what to do).
#[derive(Clone, Debug)]
pub struct Entry {
    pub file_name: String,
    pub bytes: usize,
    /// FNV-1a 64 of the bytes, hex: the same file picked twice is the same entry,
    /// and a saved review knows which files it needs again.
    pub hash: String,
    pub read: Result<Reviewed, String>,
}

/// FNV-1a, 64 bits: enough to tell a reviewer's files apart (not a security hash).
pub fn content_hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Read and check one file as the app reads an import: .txt in any encoding
/// (`gb18030` decodes what is not UTF-8 or UTF-16), .docx, a share file.
/// `default_year` is the year taken when neither the text nor the name says one.
pub fn read_entry(file_name: &str, bytes: &[u8], gb18030: &dyn Fn(&[u8]) -> Option<String>, default_year: i32, today: Date) -> Entry {
    let stem = file_name.rsplit_once('.').map_or(file_name, |(s, _)| s);
    let read = import_any(bytes, gb18030).map(|imported| {
        let (draft, format_zh, notes) = match imported {
            Imported::Text(d) => {
                let report = super::parse(&d.text);
                (Draft::from_report("review", report, stem, default_year, 0), d.encoding.label_zh().to_string(), Vec::new())
            }
            Imported::Docx(d) => {
                let notes = d.warnings.clone();
                (Draft::from_report("review", d.report(), stem, default_year, 0), "Word 文档".to_string(), notes)
            }
            Imported::Share(d) => (*d, "分享文件".to_string(), Vec::new()),
        };
        reviewed(draft, format_zh, notes, today)
    });
    Entry { file_name: file_name.to_string(), bytes: bytes.len(), hash: content_hash(bytes), read }
}

impl Entry {
    /// A file refused before its bytes were read (too large, or the browser
    /// could not read it): its row says why.
    pub fn refused(file_name: &str, bytes: usize, why: String) -> Entry {
        Entry { file_name: file_name.to_string(), bytes, hash: String::new(), read: Err(why) }
    }
}

/// A report already read (an import, or one kept in storage by the review)
/// marked and checked as a row of the table.
pub fn reviewed(draft: Draft, format_zh: String, notes: Vec<String>, today: Date) -> Reviewed {
    let report = &draft.report;
    let parts = SectionKind::REQUIRED.map(|kind| {
        let mut sections = report.sections_of(kind).peekable();
        if sections.peek().is_none() {
            PartMark::Missing
        } else if sections.all(|(_, s)| s.written_chars() == 0) {
            PartMark::Empty
        } else {
            PartMark::Present
        }
    });
    let chars = report.front.iter().map(|l| l.text.chars().filter(|c| !c.is_whitespace()).count()).sum::<usize>()
        + report.sections.iter().map(|s| s.heading.text.chars().filter(|c| !c.is_whitespace()).count() + s.written_chars()).sum::<usize>();
    let not_a_report = parts.iter().all(|p| *p == PartMark::Missing);
    let mut findings = draft.check(today);
    // The unit reads these in its reviewer's opinion, maybe without this tool.
    for f in &mut findings {
        if let Some(kept) = f.message.strip_suffix(crate::report::check::AUTHOR_HINT) {
            f.message = kept.to_string();
        }
    }
    Reviewed { draft, format_zh, notes, chars, parts, findings, not_a_report }
}

#[cfg(test)]
mod tests {

    #[test]
    fn findings_for_a_unit_say_nothing_of_this_tool() {
        let text = "某局2025年度法治政府建设情况报告\n一、2025年度推进法治政府建设的主要举措和成效\n1. 健全制度,全年审查文件12件,提出意见35条。\n";
        let e = read_entry("a.txt", text.as_bytes(), &|_| None, 2026, Date::new(2026, 1, 5));
        let r = e.read.unwrap();
        let half = r.findings.iter().find(|f| f.message.contains("半角标点")).expect("the half-width finding");
        assert!(half.message.ends_with("全角标点（，；：（）？！。）。"), "{}", half.message);
    }

    use super::*;

    const SEED: &str = include_str!("../../../tests/fixtures/seed/000_7470bc842f3634e7.txt");

    fn utf8_only(_: &[u8]) -> Option<String> {
        None
    }

    fn today() -> Date {
        Date::new(2024, 2, 1)
    }

    #[test]
    fn the_seed_reads_as_one_complete_row() {
        let e = read_entry("区国资委.txt", SEED.as_bytes(), &utf8_only, 2024, today());
        let r = e.read.expect("the seed reads");
        assert_eq!(r.draft.unit, "区国资委");
        assert_eq!(r.draft.year, 2023);
        assert_eq!(r.parts, [PartMark::Present; 5]);
        assert!(!r.not_a_report);
        assert_eq!(r.format_zh, "UTF-8");
        assert_eq!(e.bytes, SEED.len());
        assert_eq!(e.hash, content_hash(SEED.as_bytes()));
        assert_eq!(r.errors() + r.warnings(), r.findings.len());
    }

    #[test]
    fn missing_and_empty_parts_are_marked_apart() {
        let text = "某局2025年度法治政府建设情况报告\n一、2025年度推进法治政府建设的主要举措和成效\n开展执法检查36次。\n二、2025年度推进法治政府建设存在的不足和原因\n三、2025年度党政主要负责人履行推进法治建设第一责任人职责的情况\n局长带头学法。\n";
        let r = read_entry("a.txt", text.as_bytes(), &utf8_only, 2026, today()).read.unwrap();
        assert_eq!(r.parts, [PartMark::Present, PartMark::Empty, PartMark::Present, PartMark::Missing, PartMark::Missing]);
        assert!(r.errors() >= 3, "{:?}", r.findings);
        assert_eq!(r.worst().map(|f| f.severity), Some(Severity::Error));
    }

    #[test]
    fn a_text_that_is_no_report_says_so_and_bad_bytes_say_why() {
        let r = read_entry("通知.txt", "关于召开安全生产会议的通知\n各科室：定于周五召开会议。\n".as_bytes(), &utf8_only, 2026, today()).read.unwrap();
        assert!(r.not_a_report);
        let mut binary = b"GIF89a".to_vec();
        binary.extend(std::iter::repeat_n([0u8, 1, 2, 0x1b], 200).flatten());
        let bad = read_entry("x.txt", &binary, &utf8_only, 2026, today());
        assert!(bad.read.unwrap_err().contains("不是文本文件"));
        let pdf = read_entry("y.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", &utf8_only, 2026, today());
        assert!(pdf.read.unwrap_err().contains("PDF"));
    }

    #[test]
    fn the_hash_tells_files_apart() {
        assert_eq!(content_hash(b""), "cbf29ce484222325");
        assert_ne!(content_hash(b"a"), content_hash(b"b"));
    }
}
