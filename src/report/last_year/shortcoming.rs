//! The 不足和原因 item an unfinished plan starts from, and the unanswered
//! 原因： it ends with until the author gives the cause.

use super::stored::{PlanRecord, PlanStatus};
use crate::report::model::Item;

/// What a shortcoming starter ends with: the author writes the cause after it.
/// A text ending here has not given the cause yet ([`awaits_cause`]).
pub const CAUSE_PROMPT: &str = "原因：";

/// An item for 不足和原因 to start from an unfinished plan: the plan's
/// title, a sentence saying how far it got, to be completed with the
/// particulars where `……` stands, and [`CAUSE_PROMPT`] for the cause. A
/// plan not marked 部分完成 is written up as 未完成.
pub fn shortcoming_starter(plan: &PlanRecord) -> Item {
    let how_far = match plan.status {
        Some(PlanStatus::Partial) => "仅部分完成",
        _ => "未能完成",
    };
    Item::new(&plan.title, &format!("上年度报告安排的这项工作本年度{how_far}，……。{CAUSE_PROMPT}"))
}

/// True when a paragraph ends with an unanswered 原因： (or `原因:`): a starter
/// whose cause is still to be written.
pub fn awaits_cause(paragraph: &str) -> bool {
    without_cause_prompt(paragraph).len() < paragraph.trim_end().len()
}

/// A paragraph without an unanswered 原因： at its end: what it says so far.
pub fn without_cause_prompt(paragraph: &str) -> &str {
    let t = paragraph.trim_end();
    t.strip_suffix(CAUSE_PROMPT).or_else(|| t.strip_suffix("原因:")).unwrap_or(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::last_year::explaining_items;
    use crate::report::model::Report;
    use crate::report::text::parse::parse;

    fn record(title: &str) -> PlanRecord {
        PlanRecord { title: title.into(), ..PlanRecord::default() }
    }

    #[test]
    fn a_starter_is_matched_and_awaits_its_cause() {
        for (status, words) in [(Some(PlanStatus::NotDone), "未能完成"), (Some(PlanStatus::Partial), "仅部分完成")] {
            let plan = PlanRecord { status, ..record("加大单位制度执行力度") };
            let item = shortcoming_starter(&plan);
            assert_eq!(item.title, "加大单位制度执行力度");
            assert!(item.body.contains(words) && item.body.contains("……"), "{}", item.body);
            assert!(awaits_cause(&item.body_text()));
            let mut section = parse("二、存在的不足和原因").sections.remove(0);
            section.add_item(item);
            let report = Report { sections: vec![section], ..Report::default() };
            assert_eq!(explaining_items(&plan, &report).len(), 1);
        }
        assert!(!awaits_cause("原因：人员不足。"));
        assert!(awaits_cause("主要原因: "));
    }
}
