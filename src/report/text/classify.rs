//! Classifying a section by what its heading means, not where it stands.
//!
//! Real reports word the five headings many ways ("存在的问题及原因",
//! "主要负责人履行职责情况", "2024年工作打算", "下一步工作计划", "工作思路")
//! and order them differently (第一责任人 first is common). The rules are
//! checked most specific first; the test table below is the specification.

use crate::report::model::SectionKind;

/// The kind of section a heading announces.
pub fn classify_heading(heading: &str) -> SectionKind {
    let h = heading.trim();
    let has = |words: &[&str]| words.iter().any(|w| h.contains(w));
    if has(&["第一责任人", "主要负责人", "主要负责同志", "一把手", "主要领导"])
        || (h.contains("履行") && h.contains("职责"))
    {
        SectionKind::FirstResponsible
    } else if has(&["其他需要报告", "其它需要报告", "其他情况", "其它情况", "其他事项", "其他需要说明"]) {
        SectionKind::OtherMatters
    } else if has(&["不足", "问题", "差距", "短板", "薄弱", "原因"]) {
        SectionKind::Shortcomings
    } else if has(&["下一年度", "下一年", "下年度", "下一步", "明年", "打算", "计划", "安排", "思路", "展望", "努力方向"]) {
        SectionKind::NextYear
    } else if has(&["举措", "成效", "主要工作", "工作情况", "做法", "成绩", "开展情况", "推进情况", "进展", "主要措施", "工作开展"]) {
        SectionKind::Measures
    } else if h == "其他" || h == "其它" {
        SectionKind::OtherMatters
    } else {
        SectionKind::Unknown
    }
}

/// The first year written in a heading, e.g. 2023 in `2023年度推进…`.
pub fn heading_year(heading: &str) -> Option<i32> {
    let bytes = heading.as_bytes();
    let mut i = 0;
    while i + 4 <= bytes.len() {
        let window = &bytes[i..i + 4];
        let before_is_digit = i > 0 && bytes[i - 1].is_ascii_digit();
        // Bytes, not a str slice: i + 4 may fall inside a Chinese character.
        let after = &bytes[i + 4..];
        if !before_is_digit && window.iter().all(u8::is_ascii_digit) && after.starts_with("年".as_bytes()) {
            let year: i32 = std::str::from_utf8(window).ok()?.parse().ok()?;
            if (1990..=2100).contains(&year) {
                return Some(year);
            }
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use SectionKind::*;

    #[test]
    fn headings_as_real_reports_word_them() {
        let table = [
            ("2023年度推进法治政府建设的主要工作举措及成效", Measures),
            ("主要举措和成效", Measures),
            ("2024年法治政府建设工作开展情况", Measures),
            ("主要做法和成效", Measures),
            ("存在的不足和原因", Shortcomings),
            ("存在的问题及原因", Shortcomings),
            ("2023年度推进法治政府建设存在的不足和问题", Shortcomings),
            ("问题产生的原因", Shortcomings),
            ("原因分析", Shortcomings),
            ("2023年党政主要负责人履行推进法治建设第一责任人职责", FirstResponsible),
            ("主要负责人履行职责情况", FirstResponsible),
            ("党政主要负责同志履行推进法治建设职责情况", FirstResponsible),
            ("下一年度推进法治政府建设的主要安排", NextYear),
            ("2024年工作打算", NextYear),
            ("下一步工作计划", NextYear),
            ("工作思路", NextYear),
            ("其他需要报告的情况", OtherMatters),
            ("其他", OtherMatters),
            ("附件说明", Unknown),
            ("加强组织领导", Unknown),
        ];
        for (heading, kind) in table {
            assert_eq!(classify_heading(heading), kind, "{heading}");
        }
    }

    #[test]
    fn years_in_headings() {
        assert_eq!(heading_year("2023年度推进法治政府建设的主要举措"), Some(2023));
        assert_eq!(heading_year("2024年工作打算"), Some(2024));
        assert_eq!(heading_year("下一年度主要安排"), None);
        assert_eq!(heading_year("文件12023年"), None);
        assert_eq!(heading_year("共3000年"), None);
    }
}
