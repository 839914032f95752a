//! The new year's report made from last year's: its title and preamble
//! with the report's own year moved ([`super::years`]), or the standard ones,
//! and the five empty standard sections.

use serde::Serialize;

use super::years::{YearMove, YearPlace};
use crate::report::model::{Line, Report};
use crate::report::template;
use crate::report::text::infer::{infer_year, unit_and_year};

/// What [`next_year`] did to the new report's title and preamble.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FrontOutcome {
    /// Last year's sections were recognised. When false, nothing of last
    /// year's text is in the new report: its title and preamble are the
    /// standard ones for the unit and the new year, and no 去年的安排
    /// checklist can be made.
    pub parts_found: bool,
    /// Last year's report had no title line: the standard one was given.
    pub generated_title: bool,
    /// Last year's preamble was empty (or its parts were not found): the
    /// standard one was given.
    pub generated_preamble: bool,
    /// The years moved and left in last year's title and preamble (empty
    /// where they were generated).
    pub years: YearMove,
}

impl FrontOutcome {
    /// For the author, in Chinese, when last year's parts were found: which
    /// of title and preamble were generated, then the years moved and left
    /// ([`YearMove::summary`]). Empty when the parts were not found: the
    /// caller says so in its own words, with where last year's text is kept.
    pub fn summary(&self) -> Vec<String> {
        let mut out = self.notes();
        let years = &self.years;
        if self.parts_found && (!years.changes.is_empty() || !years.left.is_empty()) {
            out.push(format!("年份处理情况：{}。", years.summary().join("；")));
        }
        out
    }

    /// The sentences of [`summary`](Self::summary) other than the years,
    /// for a view that lists [`YearMove::summary`]'s lines one by one.
    pub fn notes(&self) -> Vec<String> {
        if !self.parts_found {
            return Vec::new();
        }
        let mut out = Vec::new();
        let generated: Vec<&str> = [(self.generated_title, "标题"), (self.generated_preamble, "开头段")]
            .into_iter()
            .filter_map(|(g, what)| g.then_some(what))
            .collect();
        if !generated.is_empty() {
            out.push(format!("去年的报告没有{}，已按本单位和新年度生成。", generated.join("和")));
        }
        let years = &self.years;
        if years.changes.is_empty() && generated.len() < 2 {
            out.push("沿用去年的标题和开头段中没有需要改为新年度的年份。".to_string());
        }
        out
    }
}

/// A new report for `year` made from last year's, and what was done to its
/// front ([`FrontOutcome`]).
///
/// When last year's sections are found: last year's title and preamble with
/// the report's own year moved to `year` only where it names the report's
/// period ([`YearMove::line`]; every other year is left and listed), a
/// missing title or preamble being the standard one ([`template`]). When no
/// section is found, the whole of last year's text is front matter and none
/// of it is taken: the title and preamble are the standard ones for the unit
/// (as last year's text names it) and `year`. Then the five required sections
/// with the standard headings for `year`, all empty; no section body is
/// copied. The line-ending style and BOM follow last year's file.
///
/// The report's own year is the year last year's report is on (inferred from
/// its text; taken as `year - 1` when it names none). In the outcome,
/// [`YearPlace::Title`] is the new report's `front[0]` and
/// [`YearPlace::Preamble`]`(i)` its `front[1 + i]`.
pub fn next_year(last_year: &Report, year: i32) -> (Report, FrontOutcome) {
    let from = infer_year(last_year).unwrap_or(year - 1);
    let (unit, _) = unit_and_year(last_year);
    let unit = unit.unwrap_or_default();
    let mut report = template::new_report(&unit, year);
    report.bom = last_year.bom;
    report.eol = last_year.eol;
    let mut years = YearMove::new(from, year);
    let parts_found = !last_year.sections.is_empty();
    if !parts_found {
        let outcome = FrontOutcome { parts_found, generated_title: true, generated_preamble: true, years };
        return (report, outcome);
    }
    let title = last_year.title().map(|t| years.line(t, YearPlace::Title));
    let preamble = last_year.preamble();
    let preamble: Option<Vec<String>> = (!preamble.trim().is_empty())
        .then(|| preamble.split('\n').enumerate().map(|(i, l)| years.line(l, YearPlace::Preamble(i))).collect());
    let outcome = FrontOutcome { parts_found, generated_title: title.is_none(), generated_preamble: preamble.is_none(), years };
    let title = title.unwrap_or_else(|| template::title(&unit, year));
    let preamble = preamble.unwrap_or_else(|| vec![template::preamble(&unit, year)]);
    report.front = std::iter::once(title).chain(preamble).map(Line::new).collect();
    (report, outcome)
}

/// The report of [`next_year`], without the outcome.
pub fn next_year_report(last_year: &Report, year: i32) -> Report {
    next_year(last_year, year).0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::last_year::PreviousYear;
    use crate::report::text::parse::parse;
    use crate::report::text::render::render;

    const SEED: &str = include_str!("../../../tests/fixtures/seed/000_7470bc842f3634e7.txt");

    #[test]
    fn next_years_report_keeps_the_front_and_no_body() {
        let next = next_year_report(&parse(SEED), 2024);
        let text = render(&next);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "区国资委2024年度法治政府建设情况报告");
        assert_eq!(lines[1], "为推进法治政府建设,按照《法治政府建设与责任落实督察工作规定》文件要求,我单位认真梳理,现就区国资委2024年度开展法治建设工作情况报告如下。");
        assert_eq!(lines[2], "一、2024年度推进法治政府建设的主要举措和成效");
        assert_eq!(lines[5], "四、2025年度推进法治政府建设的主要安排");
        assert_eq!(lines.len(), 7, "{text}");
        assert!(next.sections.iter().all(|s| s.intro.is_empty() && s.items.is_empty()));
        // A titled report keeps its own title, moved.
        let titled = parse("某县水务局2023年度法治政府建设情况报告\n\n一、2023年度主要举措和成效\n1. 甲。");
        let next = next_year_report(&titled, 2024);
        assert_eq!(next.title(), Some("某县水务局2024年度法治政府建设情况报告"));
        assert_eq!(next.preamble(), template::preamble("某县水务局", 2024), "a missing preamble is the standard one");
    }

    #[test]
    fn the_seeds_preamble_moves_its_own_year_and_says_so() {
        let (next, outcome) = next_year(&parse(SEED), 2024);
        assert!(outcome.parts_found && outcome.generated_title && !outcome.generated_preamble);
        let preamble = &next.front[1].text;
        assert_eq!(
            preamble,
            "为推进法治政府建设,按照《法治政府建设与责任落实督察工作规定》文件要求,我单位认真梳理,现就区国资委2024年度开展法治建设工作情况报告如下。"
        );
        assert_eq!(outcome.years.changes.len(), 1);
        let change = &outcome.years.changes[0];
        assert_eq!((change.place, change.from, change.to, &preamble[change.range.clone()]), (YearPlace::Preamble(0), 2023, 2024, "2024"));
        assert_eq!(outcome.years.left, []);
        assert_eq!(outcome.years.summary(), ["开头段：2023 → 2024，1 处"]);
        assert_eq!(outcome.summary(), ["去年的报告没有标题，已按本单位和新年度生成。", "年份处理情况：开头段：2023 → 2024，1 处。"]);
    }

    #[test]
    fn a_title_and_preamble_with_other_years_keep_them() {
        let last = parse(
            "某县司法局2025年度法治政府建设情况报告\n2025年，我局深入贯彻《法治政府建设实施纲要（2021—2025年）》，2024年12月召开专题会议。\n现将2025年度法治政府建设工作情况报告如下。\n一、2025年度主要举措和成效\n1. 甲。",
        );
        let (next, outcome) = next_year(&last, 2026);
        let lines: Vec<&str> = next.front.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            lines,
            [
                "某县司法局2026年度法治政府建设情况报告",
                "2026年，我局深入贯彻《法治政府建设实施纲要（2021—2025年）》，2024年12月召开专题会议。",
                "现将2026年度法治政府建设工作情况报告如下。",
            ]
        );
        assert!(!outcome.generated_title && !outcome.generated_preamble);
        let places: Vec<YearPlace> = outcome.years.changes.iter().map(|c| c.place).collect();
        assert_eq!(places, [YearPlace::Title, YearPlace::Preamble(0), YearPlace::Preamble(1)]);
        for c in &outcome.years.changes {
            let line = match c.place {
                YearPlace::Title => &next.front[0].text,
                YearPlace::Preamble(i) => &next.front[1 + i].text,
            };
            assert_eq!(&line[c.range.clone()], "2026");
        }
        assert_eq!(
            outcome.years.summary(),
            [
                "标题：2025 → 2026，1 处",
                "开头段：2025 → 2026，2 处",
                "开头段：“2021—2025年”为文件名称中的年份，未改动，请核对",
                "开头段：“2024年12月”为具体月份，未改动，请核对",
            ]
        );
        assert_eq!(
            outcome.summary(),
            ["年份处理情况：标题：2025 → 2026，1 处；开头段：2025 → 2026，2 处；开头段：“2021—2025年”为文件名称中的年份，未改动，请核对；开头段：“2024年12月”为具体月份，未改动，请核对。"]
        );
        // Nothing to move, and only other years.
        let (_, plain) = next_year(&parse("某局法治政府建设情况报告\n现将有关情况报告如下。\n一、主要举措和成效"), 2026);
        assert_eq!(plain.summary(), ["沿用去年的标题和开头段中没有需要改为新年度的年份。"]);
        let (_, other) = next_year(&parse("某局2025年度法治政府建设情况报告\n2019年，我局成立。\n一、主要举措和成效"), 2026);
        assert_eq!(
            other.summary(),
            ["年份处理情况：标题：2025 → 2026，1 处；开头段：“2019年”不是本报告所属年度（2025年），未改动，请核对。"]
        );
        let (_, none) = next_year(&parse("一、主要举措和成效\n1. 甲。"), 2026);
        assert_eq!(none.summary(), ["去年的报告没有标题和开头段，已按本单位和新年度生成。"]);
    }

    #[test]
    fn without_parts_the_front_is_generated_and_last_years_text_kept() {
        // No heading is recognised: the whole text is front matter.
        let text = "某县司法局2025年度法治政府建设情况报告\r\n2025年，我局深入贯彻《法治政府建设实施纲要（2021—2025年）》。\r\n全年办理行政复议案件12件，较2024年下降20%。\r\n2026年将继续加强法治宣传。\r\n";
        let last = parse(text);
        assert!(last.sections.is_empty());
        let (next, outcome) = next_year(&last, 2026);
        assert!(!outcome.parts_found && outcome.generated_title && outcome.generated_preamble);
        assert!(outcome.years.changes.is_empty() && outcome.years.left.is_empty());
        assert!(outcome.summary().is_empty(), "the caller says the parts were not found");
        assert_eq!(next.title(), Some(template::title("某县司法局", 2026).as_str()));
        assert_eq!(next.preamble(), template::preamble("某县司法局", 2026));
        assert_eq!(next.sections, template::new_report("某县司法局", 2026).sections);
        let rendered = render(&next);
        assert!(!rendered.contains("行政复议") && !rendered.contains("2021"), "{rendered}");
        // Last year's text is kept exactly, years and all.
        let kept = PreviousYear::from_report(&last);
        assert_eq!(kept.text(), text);
        assert!(kept.plans.is_empty());
    }
}
