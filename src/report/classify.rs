//! Classifying a section by what its heading means, not where it stands.

use super::model::SectionKind;

/// The kind of section a heading announces. Checked most specific first:
/// "主要负责人…职责" mentions neither 举措 nor 不足, but "主要举措" must not be
/// mistaken for the 主要负责人 section.
pub fn classify_heading(heading: &str) -> SectionKind {
    let has = |words: &[&str]| words.iter().any(|w| heading.contains(w));
    if has(&["第一责任人", "主要负责人", "主要负责同志", "一把手"]) {
        SectionKind::FirstResponsible
    } else if has(&["不足", "问题", "差距", "原因"]) {
        SectionKind::Shortcomings
    } else if has(&["下一年度", "下一步", "下年度", "打算", "计划", "安排", "思路"]) {
        SectionKind::NextYear
    } else if has(&["其他", "其它"]) {
        SectionKind::OtherMatters
    } else if has(&["举措", "成效", "主要工作", "工作情况", "做法"]) {
        SectionKind::Measures
    } else {
        SectionKind::Unknown
    }
}
