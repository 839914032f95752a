//! Reading the unit and the report year out of an imported report, so a
//! draft made from a file is named and dated like one made in the app.

use super::classify::heading_year;
use crate::report::model::{Report, SectionKind};

/// The unit and year a report is about, where its text says so: from the
/// title (`XX单位2024年度法治政府建设情况报告`), else the preamble
/// (`现将XX单位2024年度…`), else the first section heading with a year.
pub fn unit_and_year(report: &Report) -> (Option<String>, Option<i32>) {
    let title = report.title().map(str::to_string);
    let preamble = report.preamble();
    let from_title = title.as_deref().and_then(before_year);
    let from_preamble = ["现将", "现就", "现把", "将"].iter().find_map(|lead| {
        let at = preamble.find(lead)? + lead.len();
        before_year(&preamble[at..])
    });
    let (unit, year) = match from_title.or(from_preamble) {
        Some((unit, year)) => (Some(unit), Some(year)),
        None => (None, None),
    };
    let year = year
        .or_else(|| title.as_deref().and_then(heading_year))
        .or_else(|| heading_year(&preamble))
        .or_else(|| report.sections.iter().find_map(|s| heading_year(&s.heading.text)));
    (unit.filter(|u| !u.is_empty()), year)
}

/// The report year as the text states it: the title, else the preamble, else
/// the first section heading that names a year (not the 下一年度 one).
pub fn infer_year(report: &Report) -> Option<i32> {
    let (_, year) = unit_and_year(report);
    year.or_else(|| {
        report
            .sections
            .iter()
            .filter(|s| s.kind != SectionKind::NextYear)
            .find_map(|s| heading_year(&s.heading.text))
    })
}

/// `XX单位2024年…` → ("XX单位", 2024).
fn before_year(text: &str) -> Option<(String, i32)> {
    let year = heading_year(text)?;
    let at = text.find(&year.to_string())?;
    // 《区农业农村局关于2025年度…的报告》: 关于 introduces the subject, not the unit.
    let unit = text[..at].trim().trim_end_matches(['，', ',']).trim_end_matches("关于").trim().to_string();
    // A unit name is short; a whole sentence before the year is not one.
    (unit.chars().count() <= 40).then_some((unit, year))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::parse;

    #[test]
    fn from_the_title_or_the_preamble() {
        let r = parse("某县水务局2024年度法治政府建设情况报告\n为……，现将有关情况报告如下。\n一、主要举措和成效");
        assert_eq!(unit_and_year(&r), (Some("某县水务局".into()), Some(2024)));
        let seed = parse(include_str!("../../../tests/fixtures/seed/000_7470bc842f3634e7.txt"));
        assert_eq!(unit_and_year(&seed), (Some("区国资委".into()), Some(2023)));
        let bare = parse("一、2022年度主要举措和成效\n1. 甲。");
        assert_eq!(unit_and_year(&bare), (None, Some(2022)));
        assert_eq!(unit_and_year(&parse("会议通知")), (None, None));
        let about = parse("区农业农村局关于2025年度法治政府建设工作情况的报告\n一、主要举措和成效");
        assert_eq!(unit_and_year(&about), (Some("区农业农村局".into()), Some(2025)));
    }
}
