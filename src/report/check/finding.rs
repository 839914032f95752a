//! What the checker hands back: findings with their rule, severity, place and
//! message, the context it checks in, and the command line's table.

use serde::Serialize;

use super::RuleId;
use crate::report::deadline::{Date, UnitKind};
use crate::report::model::SectionKind;

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

    /// The word docs/CHECKS.md and the JSON use: `error`, `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The rule that found it; written as its stable kebab-case name.
    pub rule: RuleId,
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

/// The order findings are shown in: by line (the whole report first), errors
/// before warnings, then by rule name.
pub(super) fn sort_findings(findings: &mut [Finding]) {
    crate::report::sort::by_key(findings, |f| (f.line.unwrap_or(0), f.severity, f.rule.as_str()));
}

/// The findings that concern section `index` (what the editor shows beside it).
pub fn findings_for_section(findings: &[Finding], index: usize) -> Vec<&Finding> {
    findings.iter().filter(|f| f.section_index == Some(index)).collect()
}

/// A readable table for the command line.
pub fn format_table(file: &str, findings: &[Finding]) -> String {
    let errors = findings.iter().filter(|f| f.severity == Severity::Error).count();
    let mut out = format!("{file}: {errors} 个错误 errors, {} 个提醒 warnings\n", findings.len() - errors);
    for f in findings {
        let line = f.line.map(|l| l.to_string()).unwrap_or_else(|| "-".into());
        let section = f.section.map(|k| k.as_str()).unwrap_or("-");
        out.push_str(&format!("  {:>4}  {}  {:<32} {:<18} {}\n", line, f.severity.label(), f.rule.as_str(), section, f.message));
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
