//! Years and deadlines: the title, preamble and headings must agree with the
//! report year, 下一年度 is the year after, and the reporting deadline for the
//! unit's kind has not passed.

use super::ctx::{At, Ctx, Findings};
use super::finding::Severity;
use crate::report::deadline::{days_until, deadlines};
use crate::report::model::SectionKind;
use crate::report::text::classify::heading_year;

/// Warn this many days before a deadline.
const NEAR_DAYS: i64 = 14;

pub(super) fn year_mismatch(ctx: &Ctx, out: &mut Findings) {
    let Some(year) = ctx.year else { return };
    let report = ctx.report;
    if let Some(t) = report.title() {
        if let Some(y) = heading_year(t).filter(|y| *y != year) {
            out.push(At { line: Some(1), ..At::default() }, format!("标题中的年度（{y}年）与报告年度（{year}年）不一致。请统一为报告所述年度。"));
        }
    }
    let skip = usize::from(report.title().is_some());
    for (k, line) in report.front.iter().enumerate().skip(skip) {
        if let Some(y) = heading_year(&line.text).filter(|y| *y != year && *y != year + 1) {
            out.push(At { line: Some(k + 1), ..At::default() }, format!("开头段中的年度（{y}年）与报告年度（{year}年）不一致。请核对年份。"));
        }
    }
    for (i, s) in report.sections.iter().enumerate() {
        let Some(y) = heading_year(&s.heading.text) else { continue };
        let expected = if s.kind == SectionKind::NextYear { year + 1 } else { year };
        if y != expected {
            let message = if s.kind == SectionKind::NextYear {
                format!("“下一年度主要安排”应写 {expected} 年的安排，标题中却是 {y} 年。请改为 {expected} 年。")
            } else {
                format!("本部分标题中的年度（{y}年）与报告年度（{year}年）不一致。请统一年份。")
            };
            out.push(At { section: Some(i), line: Some(ctx.lines.headings[i]), ..At::default() }, message);
        }
    }
}

/// The reporting deadline for the unit's kind has passed or is near.
pub(super) fn deadline(ctx: &Ctx, out: &mut Findings) {
    let (Some(today), Some(kind), Some(year)) = (ctx.outer.today, ctx.outer.unit_kind, ctx.year) else { return };
    for d in deadlines(kind, year) {
        let days = days_until(today, d.by);
        let (severity, message) = if days < 0 {
            (Severity::Error, format!("报送时限已过：应在{}之前{}（已过 {} 天）。请尽快报送并说明情况。", d.by.label_zh(), d.what, -days))
        } else if days <= NEAR_DAYS {
            (Severity::Warning, format!("报送时限临近：应在{}之前{}，还剩 {days} 天。", d.by.label_zh(), d.what))
        } else {
            continue;
        };
        // The rule's row says 错误; a deadline still ahead is a warning.
        out.push(At::default(), message).severity = severity;
    }
}

#[cfg(test)]
mod tests {
    use crate::report::check::{check, CheckContext};
    use crate::report::deadline::{Date, UnitKind};
    use crate::report::text::parse::parse;

    fn years(text: &str) -> Vec<Option<usize>> {
        check(&parse(text), &CheckContext::default()).into_iter().filter(|f| f.rule.as_str() == "year-mismatch").map(|f| f.line).collect()
    }

    #[test]
    fn years_agree_with_the_report_year() {
        let good = "某局2024年度法治政府建设情况报告\n现将某局2024年度情况报告如下。\n一、2024年度主要举措和成效\n四、2025年度主要安排";
        assert!(years(good).is_empty());
        let wrong_heading = good.replace("一、2024年度", "一、2023年度");
        assert_eq!(years(&wrong_heading), vec![Some(3)]);
        let same_year_plans = good.replace("四、2025年度", "四、2024年度");
        assert_eq!(years(&same_year_plans), vec![Some(4)]);
        let ctx = CheckContext { report_year: Some(2025), ..Default::default() };
        let found = check(&parse(good), &ctx).into_iter().filter(|f| f.rule.as_str() == "year-mismatch").count();
        assert_eq!(found, 4, "title, preamble and both headings disagree with 2025");
    }

    #[test]
    fn deadlines_passed_or_near() {
        let text = "某局2025年度法治政府建设情况报告\n一、主要举措和成效";
        let at = |y, m, d| CheckContext { unit_kind: Some(UnitKind::Department), today: Some(Date::new(y, m, d)), ..Default::default() };
        let rules = |ctx: CheckContext| -> Vec<_> {
            check(&parse(text), &ctx).into_iter().filter(|f| f.rule.as_str() == "deadline").map(|f| f.severity.label()).collect()
        };
        assert!(rules(at(2026, 1, 10)).is_empty());
        assert_eq!(rules(at(2026, 2, 20)), vec!["提醒"]);
        assert_eq!(rules(at(2026, 3, 5)), vec!["错误"]);
        // Errors sort before warnings on the same line.
        assert_eq!(rules(at(2026, 3, 25)), vec!["错误", "提醒"]);
        assert!(rules(CheckContext::default()).is_empty());
    }
}
