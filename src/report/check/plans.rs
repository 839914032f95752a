//! Against last year's report (issue #11): every plan of last year's
//! 下一年度主要安排 reported on, every unfinished one explained. The matching
//! itself lives in `report::last_year`; sentences copied over are
//! `copied.rs`'s.
//!
//! `previous-plan-unexplained` is a warning, not an error: the regulation
//! asks for 不足和原因 in general, not for each plan, and whether 不足和原因
//! speaks of a plan is judged by similarity, which can miss a paraphrase.
//! The author silences it by linking the item that explains the plan.

use super::ctx::{AgainstLastYear, At, Ctx, Findings};
use crate::report::last_year::{awaits_cause, ItemRef};
use crate::report::model::{Report, SectionKind};
use crate::report::text::markers::without_marker;
use crate::report::text::render::LineMap;

/// The first section of a kind, at its heading line.
fn first_of(ctx: &Ctx, kind: SectionKind) -> At {
    let section = ctx.report.sections.iter().position(|s| s.kind == kind);
    At { section, line: section.map(|i| ctx.lines.headings[i]), ..At::default() }
}

/// The intro paragraph a place without an item stands for.
fn intro_index(report: &Report, place: &ItemRef) -> Option<usize> {
    report.sections[place.section].intro.iter().position(|l| without_marker(&l.text).starts_with(place.title.as_str()))
}

/// The paragraph a place ends with: the item's last paragraph, or the intro paragraph.
fn last_paragraph<'a>(report: &'a Report, place: &ItemRef) -> &'a str {
    let s = &report.sections[place.section];
    match place.item {
        Some(i) => {
            let item = &s.items[i];
            item.more.last().map_or(item.body.as_str(), |l| l.text.as_str())
        }
        None => intro_index(report, place).map_or("", |k| s.intro[k].text.as_str()),
    }
}

fn line_of(report: &Report, lines: &LineMap, place: &ItemRef) -> usize {
    match place.item {
        Some(i) => lines.items[place.section][i],
        None => intro_index(report, place).map_or(lines.headings[place.section], |k| lines.intros[place.section][k]),
    }
}

/// A finished (or unmarked) plan needs an item reporting on it, or a word in
/// 不足和原因.
pub(super) fn previous_plan_unaddressed(ctx: &Ctx, last: &AgainstLastYear, out: &mut Findings) {
    for plan in last.plans.iter().filter(|p| !p.needs_explanation()) {
        if last.index.explaining_items(plan).is_empty() && last.index.addressing_items(plan).is_empty() {
            out.push(first_of(ctx, SectionKind::Measures), format!(
                "去年报告的安排“{}”在本年度报告中未见落实情况，请在“主要举措和成效”中说明，或在“存在的不足和原因”中说明未完成的原因。",
                plan.title
            ));
        }
    }
}

/// An unfinished plan needs 不足和原因 to say why.
pub(super) fn previous_plan_unexplained(ctx: &Ctx, last: &AgainstLastYear, out: &mut Findings) {
    for plan in last.plans.iter().filter(|p| p.needs_explanation()) {
        let explaining = last.index.explaining_items(plan);
        let status = plan.status.map_or("", |s| s.label());
        if explaining.is_empty() {
            out.push(first_of(ctx, SectionKind::Shortcomings), format!(
                "去年报告的安排“{}”已标记为“{status}”，但“存在的不足和原因”中未作说明。请写明该项工作的完成情况和未完成的原因。",
                plan.title
            ));
        } else if explaining.iter().all(|p| awaits_cause(last_paragraph(ctx.report, p))) {
            let place = &explaining[0];
            let at = At { section: Some(place.section), item: place.item, line: Some(line_of(ctx.report, &ctx.lines, place)) };
            out.push(at, format!(
                "“存在的不足和原因”已列出去年的安排“{}”（{status}），但尚未写明原因。请在“原因：”后补充主观和客观原因。",
                plan.title
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::report::check::{check_previous, Finding};
    use crate::report::last_year::{shortcoming_starter, PlanStatus, PreviousYear};
    use crate::report::model::SectionKind;
    use crate::report::text::parse::parse;

    const LAST: &str = "为推进法治政府建设，现将2023年度工作情况报告如下。
一、2023年度推进法治政府建设的主要举措和成效
1. 强化普法宣传。围绕宪法宣传周开展主题宣传活动，组织干部职工参与线上答题，参与率达到百分之九十以上。
二、2023年度推进法治政府建设存在的不足和原因
1. 学习不够系统。原因是重视不够。
三、2023年度党政主要负责人履行推进法治建设第一责任人职责的情况
1. 主任主持专题会议2次。
四、下一年度推进法治政府建设的主要安排
1. 认真抓好普法工作落实。每季度集中学法不少于1次。
2. 加大单位制度执行力度。落实旁听庭审制度。
五、其他需要报告的情况
无";

    fn this_year(shortcomings: &str) -> String {
        format!(
            "为推进法治政府建设，现将2024年度工作情况报告如下。
一、2024年度推进法治政府建设的主要举措和成效
1. 深化普法宣传。全年集中学法4次，开展普法活动5场。
二、2024年度推进法治政府建设存在的不足和原因
{shortcomings}
三、2024年度党政主要负责人履行推进法治建设第一责任人职责的情况
1. 主任主持专题会议3次。
四、2025年度推进法治政府建设的主要安排
1. 提升合法性审查质量。
五、其他需要报告的情况
无"
        )
    }

    fn rules(findings: &[Finding]) -> Vec<(&'static str, Option<usize>, String)> {
        findings
            .iter()
            .map(|f| (f.rule.as_str(), f.line, f.message.split('”').next().unwrap_or("").rsplit('“').next().unwrap_or("").to_string()))
            .collect()
    }

    #[test]
    fn an_unreported_plan_is_named_and_a_reported_one_is_not() {
        let previous = PreviousYear::from_report(&parse(LAST));
        let report = parse(&this_year("1. 学习不够深入。原因是时间安排不足。"));
        let found = check_previous(&report, &previous);
        assert_eq!(rules(&found), [("previous-plan-unaddressed", Some(2), "加大单位制度执行力度".to_string())]);
        assert_eq!((found[0].section, found[0].section_index), (Some(SectionKind::Measures), Some(0)));
        // Written up in 不足和原因 instead: reported on.
        let report = parse(&this_year("1. 制度执行不够到位。原因是监督检查不够。"));
        assert!(check_previous(&report, &previous).is_empty());
    }

    #[test]
    fn an_unfinished_plan_needs_its_cause() {
        let mut previous = PreviousYear::from_report(&parse(LAST));
        previous.plans[1].status = Some(PlanStatus::NotDone);
        let report = parse(&this_year("1. 学习不够深入。原因是时间安排不足。"));
        let found = check_previous(&report, &previous);
        assert_eq!(rules(&found), [("previous-plan-unexplained", Some(4), "加大单位制度执行力度".to_string())]);
        assert!(found[0].message.contains("未完成"), "{}", found[0].message);
        // The starter is accepted, but its cause is still to be written.
        let mut report = report;
        report.sections[1].add_item(shortcoming_starter(&previous.plans[1]));
        let found = check_previous(&report, &previous);
        assert_eq!((found[0].rule.as_str(), found[0].item, found[0].line), ("previous-plan-unexplained", Some(1), Some(6)));
        assert!(found[0].message.contains("尚未写明原因"), "{}", found[0].message);
        // With the cause written, nothing is left.
        let item = &mut report.sections[1].items[1];
        item.set_body_text(&format!("{}对旁听庭审工作重视不够。", item.body_text()));
        assert!(check_previous(&report, &previous).is_empty());
        // A plan marked 已完成 with nothing to show is still unreported.
        previous.plans[1].status = Some(PlanStatus::Done);
        let report = parse(&this_year("1. 学习不够深入。原因是时间安排不足。"));
        assert_eq!(check_previous(&report, &previous)[0].rule.as_str(), "previous-plan-unaddressed");
    }

    #[test]
    fn sections_written_as_paragraphs_are_matched_by_paragraph() {
        let mut previous = PreviousYear::from_report(&parse(LAST));
        previous.plans[1].status = Some(PlanStatus::Partial);
        let prose = "为推进法治政府建设，现将2024年度工作情况报告如下。
一、2024年度推进法治政府建设的主要举措和成效
全年集中学法4次，开展普法活动5场。
二、2024年度推进法治政府建设存在的不足和原因
学习不够深入，原因是时间安排不足。
制度执行还不够到位，旁听庭审仅组织1次。原因：";
        let found = check_previous(&parse(prose), &previous);
        // 普法 is reported on in a paragraph of 一; 制度执行 is in 二 but its cause is empty.
        assert_eq!(rules(&found), [("previous-plan-unexplained", Some(6), "存在的不足和原因".to_string())]);
        assert_eq!((found[0].section_index, found[0].item), (Some(1), None));
        assert!(found[0].message.contains("加大单位制度执行力度") && found[0].message.contains("部分完成"));
        let explained = parse(&format!("{prose}人员力量不足，与法院沟通不够。"));
        assert!(check_previous(&explained, &previous).is_empty());
    }

    #[test]
    fn a_copied_paragraph_is_one_finding_with_its_line() {
        let previous = PreviousYear::from_report(&parse(LAST));
        let copied = this_year("1. 学习不够深入。原因是时间安排不足。").replace(
            "1. 深化普法宣传。全年集中学法4次，开展普法活动5场。",
            "1. 强化普法宣传。围绕宪法宣传周开展主题宣传活动，组织干部职工参与线上答题，参与率达到百分之九十五以上。",
        );
        let found: Vec<Finding> =
            check_previous(&parse(&copied), &previous).into_iter().filter(|f| f.rule.as_str() == "copied-from-previous").collect();
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].line, found[0].item, found[0].section_index), (Some(3), Some(0), Some(0)));
        assert!(found[0].message.contains("有 1 句") && found[0].message.contains("第 3 行"), "{}", found[0].message);
    }
}
