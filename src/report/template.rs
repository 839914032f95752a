//! A new report: title, the standard preamble and the five required sections.

use super::model::{Eol, Heading, Line, Report, Section, SectionKind};

/// The full name of the regulation the preamble cites.
pub const REGULATION: &str = "《法治政府建设与责任落实督察工作规定》";

/// Title such as `XX区司法局2025年度法治政府建设情况报告`.
pub fn title(unit: &str, year: i32) -> String {
    format!("{}{}年度法治政府建设情况报告", unit.trim(), year)
}

/// The standard preamble, with full-width punctuation.
pub fn preamble(unit: &str, year: i32) -> String {
    format!(
        "为深入推进法治政府建设，按照{REGULATION}要求，现将{}{}年度法治政府建设工作情况报告如下。",
        unit.trim(),
        year
    )
}

/// The heading text (after `一、` …) of a required section for a report on `year`.
pub fn heading_text(kind: SectionKind, year: i32) -> String {
    match kind {
        SectionKind::Measures => format!("{year}年度推进法治政府建设的主要举措和成效"),
        SectionKind::Shortcomings => format!("{year}年度推进法治政府建设存在的不足和原因"),
        SectionKind::FirstResponsible => {
            format!("{year}年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况")
        }
        SectionKind::NextYear => format!("{}年度推进法治政府建设的主要安排", year + 1),
        SectionKind::OtherMatters => "其他需要报告的情况".to_string(),
        SectionKind::Unknown => String::new(),
    }
}

/// `一、` … `十、` for positions 1 to 10 (beyond that, 十一、 etc.).
pub fn section_marker(n: usize) -> String {
    format!("{}、", cn_number(n))
}

/// Chinese numerals for 1..=99.
pub fn cn_number(n: usize) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0 => "〇".to_string(),
        1..=9 => D[n].to_string(),
        10 => "十".to_string(),
        11..=19 => format!("十{}", D[n % 10]),
        _ => format!("{}十{}", D[(n / 10) % 10], D[n % 10]),
    }
}

/// A new, empty report for `unit` on `year`: title line, preamble line and
/// the five required sections with standard headings, in the regulation's order.
pub fn new_report(unit: &str, year: i32) -> Report {
    let sections = SectionKind::REQUIRED
        .iter()
        .enumerate()
        .map(|(i, &kind)| Section {
            kind,
            heading: Heading { marker: section_marker(i + 1), text: heading_text(kind, year), eol: Eol::None },
            intro: Vec::new(),
            items: Vec::new(),
        })
        .collect();
    Report {
        bom: false,
        eol: Eol::Lf,
        front: vec![Line::new(title(unit, year)), Line::new(preamble(unit, year))],
        sections,
        back: Vec::new(),
    }
}
