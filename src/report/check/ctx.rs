//! What a rule's function gets: the report read once for every rule
//! ([`Ctx`]), last year's report when there is one ([`AgainstLastYear`]),
//! and where it reports ([`Findings`], through the one constructor
//! [`Findings::push`]).

use std::cell::OnceCell;

use super::finding::{CheckContext, Finding};
use super::Rule;
use crate::report::last_year::{Copied, PlanIndex, PlanRecord};
use crate::report::model::Report;
use crate::report::text::render::LineMap;

/// A line of the report: (1-based line, section index, item index, text).
pub(crate) type NumberedLine = (usize, Option<usize>, Option<usize>, String);

/// Everything a rule needs, built once per check.
pub(crate) struct Ctx<'a> {
    pub report: &'a Report,
    pub lines: LineMap,
    /// Every line with its number, section and item, made for the first rule
    /// that reads it (a check against last year's report alone never does).
    texts: OnceCell<Vec<NumberedLine>>,
    /// The report year: the draft's, else the one the text states.
    pub year: Option<i32>,
    pub outer: CheckContext,
}

impl<'a> Ctx<'a> {
    pub fn new(report: &'a Report, outer: CheckContext) -> Ctx<'a> {
        let year = outer.report_year.or_else(|| crate::report::text::infer::infer_year(report));
        Ctx { report, lines: LineMap::new(report), texts: OnceCell::new(), year, outer }
    }

    pub fn texts(&self) -> &[NumberedLine] {
        self.texts.get_or_init(|| all_lines(self.report, &self.lines))
    }
}

/// Last year's report as the rules against it read it: its plans, the
/// report itself (parsed once and kept by the draft) and this year's report
/// indexed for matching plans.
pub(crate) struct AgainstLastYear<'a> {
    pub plans: &'a [PlanRecord],
    pub index: PlanIndex,
    /// This year's sentences copied from last year's report, in text order.
    pub copied: Vec<Copied>,
}

/// Where a finding is. Every field is optional: a finding on the report as a
/// whole has none, one on a section's heading a section and a line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct At {
    /// The section, by position among the report's sections.
    pub section: Option<usize>,
    /// The item, 0-based, within the section.
    pub item: Option<usize>,
    /// The 1-based line in the rendered text.
    pub line: Option<usize>,
}

/// The findings of one check, and the rule being run.
pub(crate) struct Findings<'a> {
    report: &'a Report,
    rule: &'static Rule,
    pub(super) list: Vec<Finding>,
}

impl<'a> Findings<'a> {
    pub(super) fn new(report: &'a Report, first: &'static Rule) -> Findings<'a> {
        Findings { report, rule: first, list: Vec::new() }
    }

    /// The rule whose findings come next.
    pub(super) fn now_running(&mut self, rule: &'static Rule) {
        self.rule = rule;
    }

    /// The one way a finding is made: the rule being run gives its id,
    /// severity and provision (its row in [`super::RULES`]), `at` says where
    /// it is, `message` what is wrong and what to do. A rule whose finding
    /// differs from its row (a deadline still ahead is only a warning)
    /// changes the finding this returns.
    pub fn push(&mut self, at: At, message: String) -> &mut Finding {
        self.list.push(Finding {
            rule: self.rule.id,
            severity: self.rule.severity,
            section: at.section.map(|i| self.report.sections[i].kind),
            section_index: at.section,
            item: at.item,
            line: at.line,
            message,
            article: self.rule.provision,
        });
        self.list.last_mut().expect("just pushed")
    }
}

/// Every line of the report with its number, section and item.
pub(crate) fn all_lines(report: &Report, map: &LineMap) -> Vec<NumberedLine> {
    let mut out: Vec<NumberedLine> = report.front.iter().enumerate().map(|(i, l)| (i + 1, None, None, l.text.clone())).collect();
    for (si, s) in report.sections.iter().enumerate() {
        out.push((map.headings[si], Some(si), None, format!("{}{}", s.heading.marker, s.heading.text)));
        for (k, l) in s.intro.iter().enumerate() {
            out.push((map.intros[si][k], Some(si), None, l.text.clone()));
        }
        for (ii, item) in s.items.iter().enumerate() {
            out.push((map.items[si][ii], Some(si), Some(ii), format!("{}{}{}{}", item.marker, item.title, item.sep, item.body)));
            for (k, l) in item.more.iter().enumerate() {
                out.push((map.mores[si][ii][k], Some(si), Some(ii), l.text.clone()));
            }
        }
    }
    // The 公文's closing (附件说明, 署名, 成文日期), after the last part:
    // template blanks and personal data are looked for there too.
    let last = out.iter().map(|l| l.0).max().unwrap_or(0);
    out.extend(report.back.iter().enumerate().map(|(i, l)| (last + 1 + i, None, None, l.text.clone())));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::text::parse::parse;
    use crate::report::text::render::render;

    #[test]
    fn line_numbers_follow_the_rendered_text() {
        let r = parse("标题报告\n开头。\n一、主要举措和成效\n导语\n1. 甲。乙\n续段\n2. 丙。\n二、存在的不足和原因\n无");
        let m = LineMap::new(&r);
        assert_eq!(m.headings, vec![3, 8]);
        assert_eq!(m.intros, vec![vec![4], vec![9]]);
        assert_eq!(m.items, vec![vec![5, 7], vec![]]);
        let text = render(&r);
        for (line, _, _, t) in all_lines(&r, &m) {
            assert_eq!(text.split('\n').nth(line - 1).unwrap(), t);
        }
    }
}
