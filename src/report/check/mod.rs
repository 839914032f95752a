//! Checking a report against the regulation before it is sent.
//!
//! The rules are data: [`RULES`] holds one row per rule — its id, its
//! stable name, a Chinese title, the severity and provision its findings
//! carry, and the function that finds them — in the order docs/CHECKS.md
//! lists them (`tests/check_rules.rs` holds the two tables together). A
//! rule's name is what the app's `data-rule`, `fzbg check` and the JSON
//! show: searching for it finds its row here, which names the function, and
//! its row in docs/CHECKS.md.
//!
//! The functions live by concern: `structure.rs` (required sections,
//! numbering, empty items), `content.rs` (不足 with 原因, the 第一责任人,
//! 成效 with figures, repetition, length), `text.rs` (half-width
//! punctuation, 保密 words), `dates.rs` (years, deadlines), `format.rs`
//! (the 公文's frame: 成文日期, 署名, 发文字号, 主送机关), and, against
//! last year's report when there is one, `plans.rs` (its plans reported on)
//! and `copied.rs` (sentences copied over). A function never names its own
//! rule: it reports into [`ctx::Findings`], which gives each finding the id,
//! severity and provision of the row being run. `place.rs` says where a
//! finding is in the author's terms.

mod ahead;
mod aside;
mod content;
mod copied;
mod ctx;
mod dates;
mod finding;
mod format;
pub mod place;
mod plans;
mod publish;
mod structure;
mod text;

use serde::{Serialize, Serializer};

use crate::report::deadline::Date;
use crate::report::draft::Draft;
use crate::report::last_year::{PlanIndex, PreviousYear};
use crate::report::model::Report;
use crate::report::template::REGULATION;
use ctx::{AgainstLastYear, Ctx, Findings};
use finding::sort_findings;

pub use crate::report::last_year::{copied_sentences, Copied, COPY_SIMILARITY, MIN_SENTENCE_CHARS};
pub use aside::{about, sort_out, without_rules, SetAside, Sorted};
pub use finding::{findings_for_section, format_table, CheckContext, Finding, Severity};
pub use text::{fix_half_width, fix_report_punctuation, AUTHOR_HINT};

/// Which rule found a finding. Each id is one row of [`RULES`] (in the same
/// order), where its name, title, severity, provision and function are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RuleId {
    MissingSection,
    EmptySection,
    ShortcomingsWithoutCauses,
    FirstResponsibleWho,
    FirstResponsibleActions,
    YearMismatch,
    Deadline,
    ResultsWithoutFigures,
    HalfWidthPunctuation,
    Numbering,
    NumberingStyleMixed,
    EmptyItem,
    RepeatedParagraph,
    SectionLength,
    Confidentiality,
    DateFormat,
    DateAfterDeadline,
    SignatureMissing,
    DocNumberFormat,
    AddresseeFormat,
    PreviousPlanUnaddressed,
    PreviousPlanUnexplained,
    CopiedFromPrevious,
    PlaceholderLeft,
    PlanWithoutMeasure,
    ShortcomingWithoutRemedy,
    FirstResponsibleShufa,
    StalePeriod,
    PersonalData,
    WrongReportKind,
}

impl RuleId {
    /// The rule's row.
    pub fn rule(self) -> &'static Rule {
        &RULES[self as usize]
    }

    /// The stable kebab-case name (`missing-section`).
    pub fn as_str(self) -> &'static str {
        self.rule().name
    }

    /// The rule of that name.
    pub fn parse(name: &str) -> Option<RuleId> {
        RULES.iter().find(|r| r.name == name).map(|r| r.id)
    }
}

/// Written as its name, as the JSON always had it.
impl Serialize for RuleId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// One rule of the checker.
pub struct Rule {
    pub id: RuleId,
    /// The stable kebab-case name: in the JSON, `fzbg check`'s table, the
    /// page's `data-rule` and docs/CHECKS.md.
    pub name: &'static str,
    /// What it is about, in Chinese.
    pub title: &'static str,
    /// The severity of its findings. Only `deadline` changes it: a deadline
    /// still ahead is a warning.
    pub severity: Severity,
    /// The provision its findings cite. Only `empty-section` leaves it out,
    /// for a heading that is none of the required parts.
    pub provision: Option<&'static str>,
    pub(crate) find: Find,
}

/// The function that finds a rule's findings.
pub(crate) enum Find {
    /// On the report alone.
    Report(fn(&Ctx, &mut Findings)),
    /// Against last year's report: run only when there is one.
    LastYear(fn(&Ctx, &AgainstLastYear, &mut Findings)),
}

const FIRST_RESPONSIBLE_DUTIES: &str = "《党政主要负责人履行推进法治建设第一责任人职责规定》";

/// Every rule, in the order of [`RuleId`] and of docs/CHECKS.md.
pub static RULES: [Rule; 30] = {
    use Severity::{Error, Warning};
    use RuleId::*;
    [
        Rule { id: MissingSection, name: "missing-section", title: "缺少必备部分", severity: Error,
            provision: Some(REGULATION), find: Find::Report(structure::missing_section) },
        Rule { id: EmptySection, name: "empty-section", title: "部分内容为空", severity: Error,
            provision: Some(REGULATION), find: Find::Report(structure::empty_section) },
        Rule { id: ShortcomingsWithoutCauses, name: "shortcomings-without-causes", title: "不足未写原因", severity: Error,
            provision: Some(REGULATION), find: Find::Report(content::shortcomings_without_causes) },
        Rule { id: FirstResponsibleWho, name: "first-responsible-who", title: "未写主要负责人本人", severity: Error,
            provision: Some(FIRST_RESPONSIBLE_DUTIES), find: Find::Report(content::first_responsible_who) },
        Rule { id: FirstResponsibleActions, name: "first-responsible-actions", title: "未写主要负责人履职行动", severity: Warning,
            provision: Some(FIRST_RESPONSIBLE_DUTIES), find: Find::Report(content::first_responsible_actions) },
        Rule { id: YearMismatch, name: "year-mismatch", title: "年度不一致", severity: Error,
            provision: Some(REGULATION), find: Find::Report(dates::year_mismatch) },
        Rule { id: Deadline, name: "deadline", title: "报送时限", severity: Error,
            provision: Some(REGULATION), find: Find::Report(dates::deadline) },
        Rule { id: ResultsWithoutFigures, name: "results-without-figures", title: "成效缺少数据", severity: Warning,
            provision: None, find: Find::Report(content::results_without_figures) },
        Rule { id: HalfWidthPunctuation, name: "half-width-punctuation", title: "半角标点", severity: Warning,
            provision: None, find: Find::Report(text::half_width_punctuation) },
        Rule { id: Numbering, name: "numbering", title: "编号不连续或不一致", severity: Warning,
            provision: None, find: Find::Report(structure::numbering) },
        Rule { id: NumberingStyleMixed, name: "numbering-style-mixed", title: "各部分编号样式不统一", severity: Warning,
            provision: None, find: Find::Report(structure::numbering_style_mixed) },
        Rule { id: EmptyItem, name: "empty-item", title: "空条目", severity: Warning,
            provision: None, find: Find::Report(structure::empty_item) },
        Rule { id: RepeatedParagraph, name: "repeated-paragraph", title: "段落重复", severity: Warning,
            provision: None, find: Find::Report(content::repeated_paragraph) },
        Rule { id: SectionLength, name: "section-length", title: "篇幅过短或过长", severity: Warning,
            provision: None, find: Find::Report(content::section_length) },
        Rule { id: Confidentiality, name: "confidentiality", title: "保密审查", severity: Warning,
            provision: Some("《法治政府建设与责任落实督察工作规定》第二十四条"), find: Find::Report(text::confidentiality) },
        Rule { id: DateFormat, name: "date-format", title: "成文日期格式", severity: Error,
            provision: Some("GB/T 9704-2012《党政机关公文格式》7.3.5.4"), find: Find::Report(format::date_format) },
        Rule { id: DateAfterDeadline, name: "date-after-deadline", title: "成文日期晚于报送时限", severity: Warning,
            provision: Some(REGULATION), find: Find::Report(format::date_after_deadline) },
        Rule { id: SignatureMissing, name: "signature-missing", title: "缺少署名或成文日期", severity: Warning,
            provision: Some("GB/T 9704-2012《党政机关公文格式》7.3.5"), find: Find::Report(format::signature_missing) },
        Rule { id: DocNumberFormat, name: "doc-number-format", title: "发文字号格式", severity: Error,
            provision: Some("GB/T 9704-2012《党政机关公文格式》7.2.5"), find: Find::Report(format::doc_number_format) },
        Rule { id: AddresseeFormat, name: "addressee-format", title: "主送机关格式", severity: Error,
            provision: Some("GB/T 9704-2012《党政机关公文格式》7.3.2"), find: Find::Report(format::addressee_format) },
        Rule { id: PreviousPlanUnaddressed, name: "previous-plan-unaddressed", title: "去年的安排未见落实", severity: Warning,
            provision: None, find: Find::LastYear(plans::previous_plan_unaddressed) },
        Rule { id: PreviousPlanUnexplained, name: "previous-plan-unexplained", title: "未完成的安排未说明原因", severity: Warning,
            provision: None, find: Find::LastYear(plans::previous_plan_unexplained) },
        Rule { id: CopiedFromPrevious, name: "copied-from-previous", title: "与去年报告雷同", severity: Warning,
            provision: None, find: Find::LastYear(copied::copied_from_previous) },
        Rule { id: PlaceholderLeft, name: "placeholder-left", title: "模板内容未替换", severity: Error,
            provision: None, find: Find::Report(publish::placeholder_left) },
        Rule { id: PlanWithoutMeasure, name: "plan-without-measure", title: "安排缺少具体措施", severity: Warning,
            provision: Some(REGULATION), find: Find::Report(ahead::plan_without_measure) },
        Rule { id: ShortcomingWithoutRemedy, name: "shortcoming-without-remedy", title: "不足没有对应的改进安排", severity: Warning,
            provision: Some(REGULATION), find: Find::Report(ahead::shortcoming_without_remedy) },
        Rule { id: FirstResponsibleShufa, name: "first-responsible-shufa", title: "未写述法情况", severity: Warning,
            provision: Some(FIRST_RESPONSIBLE_DUTIES), find: Find::Report(content::first_responsible_shufa) },
        Rule { id: StalePeriod, name: "stale-period", title: "安排的时间已过", severity: Warning,
            provision: None, find: Find::Report(ahead::stale_period) },
        Rule { id: PersonalData, name: "personal-data", title: "个人信息", severity: Warning,
            provision: Some("《中华人民共和国个人信息保护法》第十三条、《中华人民共和国政府信息公开条例》第十五条"), find: Find::Report(publish::personal_data) },
        Rule { id: WrongReportKind, name: "wrong-report-kind", title: "不是法治政府建设年度报告", severity: Error,
            provision: Some(REGULATION), find: Find::Report(publish::wrong_report_kind) },
    ]
};

/// Every finding for the report, in the order of the text.
pub fn check(report: &Report, ctx: &CheckContext) -> Vec<Finding> {
    run(report, ctx, true, None)
}

/// The findings about this year's report against last year's, in the order
/// of the text: its plans reported on and explained, nothing copied.
pub fn check_previous(report: &Report, previous: &PreviousYear) -> Vec<Finding> {
    run(report, &CheckContext::default(), false, Some(previous))
}

/// [`check`], and [`check_previous`] when last year's report is known (a
/// draft made from it, or `fzbg check --previous`), in one list in the
/// order of the text.
pub fn check_with_previous(report: &Report, ctx: &CheckContext, previous: Option<&PreviousYear>) -> Vec<Finding> {
    run(report, ctx, true, previous)
}

/// The rules of the table that apply, over one reading of the report.
fn run(report: &Report, outer: &CheckContext, on_report: bool, previous: Option<&PreviousYear>) -> Vec<Finding> {
    let ctx = Ctx::new(report, *outer);
    let last_year = previous.map(|p| {
        let copied = copied_sentences(report, p.report());
        AgainstLastYear { plans: &p.plans, index: PlanIndex::excluding(report, &copied), copied }
    });
    let mut out = Findings::new(report, &RULES[0]);
    for rule in &RULES {
        out.now_running(rule);
        match (&rule.find, &last_year) {
            (Find::Report(find), _) if on_report => find(&ctx, &mut out),
            (Find::LastYear(find), Some(last_year)) => find(&ctx, last_year, &mut out),
            _ => {}
        }
    }
    sort_findings(&mut out.list);
    out.list
}

/// A draft is checked with what it knows: its year, its unit's kind, today
/// and last year's report when it was started from one.
impl Draft {
    /// Every finding for this draft on `today`: the checker's, and those
    /// against last year's report when the draft has one.
    pub fn check(&self, today: Date) -> Vec<Finding> {
        check_with_previous(&self.report, &self.check_context(today), self.previous.as_ref())
    }

    /// [`Draft::check`] sorted out: the findings that count, and those the
    /// author set aside whose text has not changed since.
    pub fn check_sorted(&self, today: Date) -> Sorted {
        sort_out(&self.report, self.check(today), &self.set_aside)
    }

    /// Set `finding` aside, with the author's reason (may be empty). Entries
    /// whose text has changed since (they match no finding any more) are
    /// dropped on the way, so the list never outgrows the findings.
    pub fn set_finding_aside(&mut self, finding: &Finding, reason: &str, today: Date) {
        let current = self.check(today);
        let live: Vec<String> = current.iter().map(|f| format!("{}\u{0}{}", f.rule.as_str(), about(&self.report, f))).collect();
        self.set_aside.retain(|a| live.contains(&format!("{}\u{0}{}", a.rule, a.about)));
        let entry = SetAside { rule: finding.rule.as_str().to_string(), about: about(&self.report, finding), reason: reason.trim().to_string() };
        if !self.set_aside.iter().any(|a| a.rule == entry.rule && a.about == entry.about) {
            self.set_aside.push(entry);
        }
    }

    /// Bring a finding set aside back into the counts.
    pub fn restore_finding(&mut self, finding: &Finding) {
        let about = about(&self.report, finding);
        self.set_aside.retain(|a| !(a.rule == finding.rule.as_str() && a.about == about));
    }

    /// What the checker needs to know about this draft on `today`.
    pub fn check_context(&self, today: Date) -> CheckContext {
        CheckContext { report_year: Some(self.year), unit_kind: self.unit_kind, today: Some(today) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_id_has_its_row_and_a_name_of_its_own() {
        for (i, rule) in RULES.iter().enumerate() {
            assert_eq!(rule.id as usize, i, "{} stands at row {i}", rule.name);
            assert_eq!(rule.id.as_str(), rule.name);
            assert_eq!(serde_json::to_string(&rule.id).unwrap(), format!("\"{}\"", rule.name));
            let kebab = rule.name.split('-').all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase()));
            assert!(kebab, "{}", rule.name);
            assert!(!rule.title.is_empty() && !rule.title.is_ascii(), "{}: a Chinese title", rule.name);
        }
        let mut names: Vec<&str> = RULES.iter().map(|r| r.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), RULES.len());
    }
}
