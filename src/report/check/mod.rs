//! Checking a report against the regulation before it is sent.
//!
//! Each rule is a small function with its own tests, in one of five files:
//! `structure.rs` (required sections, numbering, empty items), `content.rs`
//! (不足 with 原因, the 第一责任人, 成效 with figures, repetition, length),
//! `text.rs` (half-width punctuation, 保密 words), `dates.rs` (years,
//! deadlines) and `previous.rs` (against last year's report: its plans
//! reported on, copied sentences — run by [`check_previous`] when there is
//! one). A finding names its rule, severity, place and what to do.
//! docs/CHECKS.md lists the rules and what they find on the seed report.

mod content;
mod dates;
mod previous;
mod structure;
mod text;
pub mod place;

use serde::Serialize;

use super::deadline::{Date, UnitKind};
use super::model::{Report, SectionKind};

pub use previous::check_previous;
pub use text::{fix_half_width, fix_report_punctuation};

/// 错误 must be fixed before sending; 提醒 is worth a look.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "提醒",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable kebab-case rule id.
    pub rule: &'static str,
    pub severity: Severity,
    /// The kind of the section concerned, if any.
    pub section: Option<SectionKind>,
    /// Its position among the report's sections (for links into the editor).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section_index: Option<usize>,
    /// The item concerned, 0-based, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<usize>,
    /// 1-based line in the rendered text; None for the report as a whole.
    pub line: Option<usize>,
    /// What is wrong and how to fix it, in Chinese.
    pub message: String,
    /// The regulation provision concerned, where one applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article: Option<&'static str>,
}

/// What the checker knows beyond the text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CheckContext {
    /// The year the report is on; inferred from the text when None.
    pub report_year: Option<i32>,
    pub unit_kind: Option<UnitKind>,
    /// Today, for the deadline rule (silent without it).
    pub today: Option<Date>,
}

pub(crate) const REGULATION: &str = "《法治政府建设与责任落实督察工作规定》";

/// Every finding for the report, in the order of the text.
pub fn check(report: &Report, ctx: &CheckContext) -> Vec<Finding> {
    let lines = LineMap::new(report);
    let texts = all_lines(report, &lines);
    let ctx = Ctx { report, lines: &lines, texts: &texts, year: ctx.report_year.or_else(|| infer_year(report)), outer: *ctx };
    let mut findings = Vec::new();
    structure::check(&ctx, &mut findings);
    content::check(&ctx, &mut findings);
    text::check(&ctx, &mut findings);
    dates::check(&ctx, &mut findings);
    sort_findings(&mut findings);
    findings
}

/// [`check`], and [`check_previous`] when last year's report is known (a
/// draft made from it, or `fzbg check --previous`), in one list in the
/// order of the text.
pub fn check_with_previous(
    report: &Report,
    ctx: &CheckContext,
    previous: Option<&super::previous::PreviousYear>,
) -> Vec<Finding> {
    let mut findings = check(report, ctx);
    if let Some(previous) = previous {
        findings.extend(check_previous(report, previous));
        sort_findings(&mut findings);
    }
    findings
}

/// The order findings are shown in: by line (the whole report first), errors
/// before warnings, then by rule.
pub(crate) fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by_key(|f| (f.line.unwrap_or(0), f.severity, f.rule));
}

/// The findings that concern section `index` (what the editor shows beside it).
pub fn findings_for_section(findings: &[Finding], index: usize) -> Vec<&Finding> {
    findings.iter().filter(|f| f.section_index == Some(index)).collect()
}

/// The report year as the text states it: the title, else the preamble, else
/// the first section heading that names a year (not the 下一年度 one).
pub fn infer_year(report: &Report) -> Option<i32> {
    let (_, year) = super::infer::unit_and_year(report);
    year.or_else(|| {
        report
            .sections
            .iter()
            .filter(|s| s.kind != SectionKind::NextYear)
            .find_map(|s| super::classify::heading_year(&s.heading.text))
    })
}

/// A readable table for the command line.
pub fn format_table(file: &str, findings: &[Finding]) -> String {
    let errors = findings.iter().filter(|f| f.severity == Severity::Error).count();
    let mut out = format!("{file}: {errors} 个错误 errors, {} 个提醒 warnings\n", findings.len() - errors);
    for f in findings {
        let line = f.line.map(|l| l.to_string()).unwrap_or_else(|| "-".into());
        let section = f.section.map(|k| k.as_str()).unwrap_or("-");
        out.push_str(&format!("  {:>4}  {}  {:<32} {:<18} {}\n", line, f.severity.label(), f.rule, section, f.message));
    }
    out
}

/// `text` cut to `max` characters with “……” when longer, for quoting a
/// title or heading in a message.
pub(crate) fn abridged(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        text.to_string()
    } else {
        format!("{}……", text.chars().take(max).collect::<String>())
    }
}

/// Everything a rule needs.
pub(crate) struct Ctx<'a> {
    pub report: &'a Report,
    pub lines: &'a LineMap,
    /// Every line with its number, section and item, built once per check.
    pub texts: &'a [(usize, Option<usize>, Option<usize>, String)],
    pub year: Option<i32>,
    pub outer: CheckContext,
}

impl Ctx<'_> {
    pub fn finding(
        &self,
        rule: &'static str,
        severity: Severity,
        section: Option<usize>,
        item: Option<usize>,
        line: Option<usize>,
        message: String,
    ) -> Finding {
        finding(self.report, rule, severity, section, item, line, message)
    }
}

/// A finding on `report`'s section `section` (by position), without an article.
pub(crate) fn finding(
    report: &Report,
    rule: &'static str,
    severity: Severity,
    section: Option<usize>,
    item: Option<usize>,
    line: Option<usize>,
    message: String,
) -> Finding {
    Finding {
        rule,
        severity,
        section: section.map(|i| report.sections[i].kind),
        section_index: section,
        item,
        line,
        message,
        article: None,
    }
}

/// 1-based line numbers of every part of the report as rendered.
pub(crate) struct LineMap {
    /// Line of each section heading.
    pub headings: Vec<usize>,
    /// Line of each item's first line, per section.
    pub items: Vec<Vec<usize>>,
    /// Line of each intro line, per section.
    pub intros: Vec<Vec<usize>>,
    /// Lines of each item's further paragraphs, per section and item.
    pub mores: Vec<Vec<Vec<usize>>>,
}

impl LineMap {
    pub fn new(report: &Report) -> LineMap {
        let mut n = report.front.len();
        let mut map = LineMap { headings: vec![], items: vec![], intros: vec![], mores: vec![] };
        for s in &report.sections {
            n += 1;
            map.headings.push(n);
            map.intros.push(s.intro.iter().map(|_| { n += 1; n }).collect());
            let mut items = Vec::new();
            let mut mores = Vec::new();
            for item in &s.items {
                n += 1;
                items.push(n);
                mores.push(item.more.iter().map(|_| { n += 1; n }).collect());
            }
            map.items.push(items);
            map.mores.push(mores);
        }
        map
    }
}

/// Every line of the report with its number and section: (line, section index, item index, text).
pub(crate) fn all_lines(report: &Report, map: &LineMap) -> Vec<(usize, Option<usize>, Option<usize>, String)> {
    let mut out: Vec<(usize, Option<usize>, Option<usize>, String)> =
        report.front.iter().enumerate().map(|(i, l)| (i + 1, None, None, l.text.clone())).collect();
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
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::parse;

    #[test]
    fn line_numbers_follow_the_rendered_text() {
        let r = parse("标题报告\n开头。\n一、主要举措和成效\n导语\n1. 甲。乙\n续段\n2. 丙。\n二、存在的不足和原因\n无");
        let m = LineMap::new(&r);
        assert_eq!(m.headings, vec![3, 8]);
        assert_eq!(m.intros, vec![vec![4], vec![9]]);
        assert_eq!(m.items, vec![vec![5, 7], vec![]]);
        let text = crate::report::render(&r);
        for (line, _, _, t) in all_lines(&r, &m) {
            assert_eq!(text.split('\n').nth(line - 1).unwrap(), t);
        }
    }
}
