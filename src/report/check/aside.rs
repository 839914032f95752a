//! Findings the author has checked and set aside (忽略): each remembered by
//! its rule and a fingerprint of the text it was about, so it stays aside
//! across reloads and in share files, and comes back by itself as soon as
//! that text changes. Setting aside hides a finding from the counts and
//! badges; it never changes what the checker finds.

use super::finding::{Finding, Severity};
pub use crate::report::draft::SetAside;
use crate::report::model::Report;
use crate::report::text::render::render;

/// Whether `entry` sets `finding` aside, `about` being its fingerprint.
fn covers(entry: &SetAside, finding: &Finding, about: &str) -> bool {
    entry.rule == finding.rule.as_str() && entry.about == about
}

/// The text a finding is about, fingerprinted: its item (title, body and
/// further paragraphs) when it names one; its whole section when it names
/// a section only; its line for the title and preamble; the finding's own
/// message for the report as a whole. Any change there changes it.
pub fn about(report: &Report, finding: &Finding) -> String {
    let section = finding.section_index.and_then(|i| report.sections.get(i));
    let text = match (section, finding.item) {
        (Some(s), Some(k)) => s.items.get(k).map(|item| serde_json::to_string(item).unwrap_or_default()).unwrap_or_default(),
        (Some(s), None) => serde_json::to_string(s).unwrap_or_default(),
        (None, _) => match finding.line {
            // The title and preamble are the first lines of the text; only a
            // line of the closing needs the text rendered.
            Some(line) => match report.front.get(line.saturating_sub(1)) {
                Some(front) => front.text.clone(),
                None => render(report).lines().nth(line.saturating_sub(1)).unwrap_or_default().to_string(),
            },
            None => finding.message.clone(),
        },
    };
    // FNV-1a, 64 bits, with the message's place kept apart from the text.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes().chain(*b"\x00").chain(finding.rule.as_str().bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// The findings of a check sorted out: those that count and those the
/// author set aside, each with its entry.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sorted {
    pub active: Vec<Finding>,
    pub set_aside: Vec<(Finding, SetAside)>,
}

impl Sorted {
    /// Errors among the findings set aside: the check page keeps saying how
    /// many there are.
    pub fn errors_set_aside(&self) -> usize {
        self.set_aside.iter().filter(|(f, _)| f.severity == Severity::Error).count()
    }
}

/// Split `findings` by the entries of `aside`. An entry whose text has
/// changed matches nothing: its finding is active again.
pub fn sort_out(report: &Report, findings: Vec<Finding>, aside: &[SetAside]) -> Sorted {
    let mut sorted = Sorted::default();
    for finding in findings {
        let entry = if aside.is_empty() {
            None
        } else {
            let about = about(report, &finding);
            aside.iter().find(|a| covers(a, &finding, &about)).cloned()
        };
        match entry {
            Some(entry) => sorted.set_aside.push((finding, entry)),
            None => sorted.active.push(finding),
        }
    }
    sorted
}

/// Leave out the findings of `rules` (stable names), as `fzbg check
/// --ignore` does: returns them, apart.
pub fn without_rules(findings: Vec<Finding>, rules: &[String]) -> (Vec<Finding>, Vec<Finding>) {
    findings.into_iter().partition(|f| !rules.iter().any(|r| r == f.rule.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::check::{check, CheckContext, RuleId};
    use crate::report::parse;

    const TEXT: &str = "某局2026年度法治政府建设情况报告\n一、2026年度推进法治政府建设的主要举措和成效\n1. 开展执法检查36次。\n二、2026年度推进法治政府建设存在的不足和原因\n1. 学习不够深入。原因是重视不够。\n三、2026年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况\n局长主持专题会议3次，年底述法。\n四、2027年度推进法治政府建设的主要安排\n1. 进一步加强法治建设。\n2. 年内组织学法4次，深入学习法律法规。\n五、其他需要报告的情况\n无。\n";

    fn findings(report: &Report) -> Vec<Finding> {
        check(report, &CheckContext { report_year: Some(2026), ..Default::default() })
    }

    #[test]
    fn a_finding_set_aside_stays_aside_until_its_text_changes() {
        let mut report = parse(TEXT);
        let all = findings(&report);
        let vague = all.iter().find(|f| f.rule == RuleId::PlanWithoutMeasure).expect("the vague plan is found").clone();
        let entry = SetAside { rule: vague.rule.as_str().into(), about: about(&report, &vague), reason: "上级统一部署，暂无具体数字".into() };
        let sorted = sort_out(&report, all.clone(), std::slice::from_ref(&entry));
        assert_eq!(sorted.set_aside.len(), 1);
        assert_eq!(sorted.active.len(), all.len() - 1);
        assert!(!sorted.active.iter().any(|f| f.rule == RuleId::PlanWithoutMeasure));
        // Another item's edit leaves it aside.
        report.sections[0].items[0].body = "开展执法检查38次。".into();
        assert_eq!(sort_out(&report, findings(&report), std::slice::from_ref(&entry)).set_aside.len(), 1);
        // Its own item edited (and still vague): back.
        report.sections[3].items[0].title = "进一步加强法治政府建设".into();
        let back = sort_out(&report, findings(&report), std::slice::from_ref(&entry));
        assert!(back.set_aside.is_empty());
        assert!(back.active.iter().any(|f| f.rule == RuleId::PlanWithoutMeasure));
    }

    #[test]
    fn an_entry_is_for_one_rule_only_and_errors_are_counted() {
        let report = parse("某局2026年度法治政府建设情况报告\n一、2026年度推进法治政府建设的主要举措和成效\n1. 开展执法检查XX次。\n");
        let all = findings(&report);
        let placeholder = all.iter().find(|f| f.rule == RuleId::PlaceholderLeft).expect("XX found").clone();
        let mut entry = SetAside { rule: "placeholder-left".into(), about: about(&report, &placeholder), reason: String::new() };
        let sorted = sort_out(&report, all.clone(), std::slice::from_ref(&entry));
        assert_eq!(sorted.errors_set_aside(), 1);
        entry.rule = "half-width-punctuation".into();
        assert!(sort_out(&report, all, &[entry]).set_aside.is_empty());
    }

    #[test]
    fn ignoring_rules_by_name_keeps_them_apart() {
        let report = parse(TEXT);
        let (kept, left_out) = without_rules(findings(&report), &["plan-without-measure".into()]);
        assert!(left_out.iter().all(|f| f.rule == RuleId::PlanWithoutMeasure) && !left_out.is_empty());
        assert!(kept.iter().all(|f| f.rule != RuleId::PlanWithoutMeasure));
    }
}
