//! New drafts: blank, from an imported file, from last year's report, and
//! copies of another (one rule for every copy). Each new draft is stored
//! once and handed back as built — never loaded back from storage.

use super::{Gb18030, Notice, Problem, Session};
use crate::report::deadline::{Date, UnitKind};
use crate::report::formats::{import_any_based, Imported};
use crate::report::{Draft, Report};
use crate::storage::{DraftSummary, KeyValue};

/// A draft made and stored: show it, list it, and say what was done.
#[derive(Debug)]
pub struct Created {
    pub draft: Draft,
    pub summary: DraftSummary,
    pub notice: Option<Notice>,
}

/// A new draft with another's content: its own id, revision 0, made now,
/// and named after the original with `suffix` (（副本）, （另一标签页的版本）)
/// when one is given. A copy never takes over another draft's id or
/// revision, so it can never be saved over the draft it came from.
pub fn copy_as_new(mut source: Draft, id: String, suffix: &str, now: i64) -> Draft {
    if !suffix.is_empty() {
        source.name = format!("{}{suffix}", source.display_name());
    }
    source.id = id;
    source.revision = 0;
    source.created = now;
    source.edited = now;
    source
}

/// 快速开始's answers. The 署名 is the unit's name; the 主送机关 is what the
/// author left of the suggestion (`crate::report::edit_frame::suggest_addressee`); the
/// 成文日期 may be left empty and filled in on the title card before sending.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QuickStart {
    pub unit: String,
    pub year: i32,
    pub unit_kind: Option<UnitKind>,
    pub leader_title: String,
    pub addressee: String,
    pub date: String,
}

/// A field of a form to correct: its id and what to write instead.
pub type FieldProblem = (&'static str, String);

impl QuickStart {
    /// Put the 公文's frame on a new report: the 主送机关 (field `addressee`),
    /// the 署名 and the 成文日期 (field `date`). Fields that would not read
    /// back are listed with what to write; a unit name that is no 署名 (it
    /// has punctuation, say) leaves the 署名 empty, for the title card and the
    /// checker's `signature-missing` to ask about.
    pub fn frame(&self, report: &mut Report) -> Vec<FieldProblem> {
        let mut problems = Vec::new();
        if let Err(message) = report.set_addressee(&self.addressee) {
            problems.push(("addressee", message));
        }
        let _ = report.set_signature(&self.unit);
        if let Err(message) = report.set_date(&self.date) {
            problems.push(("date", message));
        }
        problems
    }
}

/// The report year to offer on `now` (see `Date::likely_report_year`).
pub(super) fn likely_report_year(now: i64) -> i32 {
    Date::from_unix_ms_china(now).likely_report_year()
}

impl<K: KeyValue> Session<K> {
    /// A new blank draft. When it cannot be stored it is still returned, to
    /// work on in the page, with the reason.
    pub fn create(
        &self,
        unit: &str,
        year: i32,
        unit_kind: Option<UnitKind>,
        leader_title: &str,
        now: i64,
    ) -> (Draft, Result<DraftSummary, Problem>) {
        let mut draft = Draft::new(self.new_id(now), unit, year, now);
        draft.unit_kind = unit_kind;
        draft.leader_title = leader_title.trim().to_string();
        self.adopt(&draft);
        let stored = self.store.save(&draft).map_err(Problem::from);
        (draft, stored)
    }

    /// 快速开始: a new blank draft with the 公文's frame. The fields to
    /// correct come back (nothing is stored) when the 主送机关 or the
    /// 成文日期 would not read back; otherwise as [`Session::create`].
    #[allow(clippy::type_complexity)]
    pub fn start(&self, answers: &QuickStart, now: i64) -> Result<(Draft, Result<DraftSummary, Problem>), Vec<FieldProblem>> {
        let mut draft = Draft::new(String::new(), &answers.unit, answers.year, now);
        let problems = answers.frame(&mut draft.report);
        if !problems.is_empty() {
            return Err(problems);
        }
        draft.id = self.new_id(now);
        draft.unit_kind = answers.unit_kind;
        draft.leader_title = answers.leader_title.trim().to_string();
        self.adopt(&draft);
        let stored = self.store.save(&draft).map_err(Problem::from);
        Ok((draft, stored))
    }

    /// Store a draft made from a file. Nothing is opened when it cannot be.
    pub(super) fn store_new(&self, draft: Draft, notice: Notice) -> Result<Created, Problem> {
        let summary = self.store.save(&draft)?;
        self.adopt(&draft);
        Ok(Created { draft, summary, notice: Some(notice) })
    }

    /// A new draft from an imported file (.txt in any encoding, .docx, a
    /// share file), with the encoding found and what the file holds.
    pub fn import(&self, file_name: &str, bytes: &[u8], gb18030: &Gb18030, now: i64) -> Result<Created, Problem> {
        let (imported, base) = import_any_based(bytes, gb18030).map_err(|message| Problem::new(format!("“{file_name}”未能导入：{message}")))?;
        let stem = file_name.split('.').next().unwrap_or(file_name);
        let id = self.new_id(now);
        let (mut draft, how, mut warnings) = match imported {
            Imported::Text(decoded) => {
                let report = crate::report::parse(&decoded.text);
                let draft = Draft::from_report(id, report, stem, likely_report_year(now), now);
                (draft, format!("编码：{}", decoded.encoding.label_zh()), Vec::new())
            }
            Imported::Docx(docx) => {
                let draft = Draft::from_report(id, docx.report(), stem, likely_report_year(now), now);
                (draft, "Word 文档".to_string(), docx.warnings)
            }
            // A share file opens as a draft of its own: never over one here.
            Imported::Share(shared) => (copy_as_new(*shared, id, "", now), "分享文件".to_string(), Vec::new()),
        };
        // Controls a text or share file carried (a .docx's are left out as
        // it is read): out, and counted, so every export imports again.
        let (clean, dropped) = crate::report::decode::strip_controls(&crate::report::render(&draft.report));
        if dropped > 0 {
            draft.report = crate::report::parse(&clean);
            warnings.push(format!("文件中有 {dropped} 个不可见的控制字符（如 ESC、NUL），已删除，其余文字不受影响，请核对。"));
        }
        // A colleague's file remembers the version it was made from, so what
        // goes back names it and the sender merges three-way.
        draft.base = base.or(draft.base);
        // Parts as the author sees them: thematic measures headings are one part.
        let parts = draft.report.parts();
        let found = match parts.iter().find(|p| p.sections.len() > 1) {
            Some(p) => format!("{} 个部分（“{}”分为 {} 个主题）", parts.len(), p.kind.label(), p.sections.len()),
            None => format!("{} 个部分", parts.len()),
        };
        let missing: Vec<&str> = draft.report.missing().iter().map(|k| k.label()).collect();
        let mut message = format!("已导入“{file_name}”（{how}），找到 {found}");
        if missing.is_empty() {
            message.push_str("，规定的五项内容齐全。");
        } else {
            message.push_str(&format!("；缺少：{}。", missing.join("、")));
        }
        for w in warnings {
            message.push_str(&w);
        }
        self.store_new(draft, Notice::new(message))
    }

    /// 从去年的报告开始: a new draft for the year after `last_year`'s, with
    /// its title and preamble carried over (the report's own year moved only
    /// where it names the report's period) or, when last year's parts are not
    /// found, generated; empty sections; and last year's report kept beside
    /// it unchanged (never copied into the new text). The notice lists the
    /// years changed and those left for checking, from the core's summary,
    /// and offers to undo.
    pub fn start_from_previous(&self, source: &str, last_year: &Report, now: i64) -> Result<Created, Problem> {
        let stem = source.split('.').next().unwrap_or(source);
        let (draft, outcome) = Draft::start_from_previous(self.new_id(now), last_year, stem, likely_report_year(now), now);
        let plans = draft.previous.as_ref().map_or(0, |p| p.plans.len());
        let last = draft.previous.as_ref().and_then(|p| p.year).map_or_else(|| "去年".to_string(), |y| format!("{y}年度"));
        let mut message = format!("已根据“{source}”新建 {} 年度报告，各部分为空。", draft.year);
        let mut details = Vec::new();
        if !outcome.parts_found {
            message.push_str(&format!(
                "未能识别去年报告的各个部分，因此无法生成“去年的安排”清单；新报告的标题和开头段已按本单位和新年度重新生成，去年的全文原样保留在各部分编辑页的“{last}报告全文”折叠栏中，供参考。"
            ));
        } else {
            for sentence in outcome.notes() {
                message.push_str(&sentence);
            }
            // Each change and each year left as written, linked to its field.
            for line in outcome.years.summary() {
                let target = if line.starts_with("标题") { "report-title" } else { "preamble" };
                details.push((line, Some(target)));
            }
            if plans == 0 {
                message.push_str("去年的报告中没有找到“下一年度主要安排”的条目，因此没有生成“去年的安排”清单。");
            } else {
                message.push_str(&format!(
                    "去年报告中的 {plans} 项安排已列入“主要举措和成效”部分的“去年的安排”清单，请逐项标记完成情况。"
                ));
            }
        }
        let undo_start = Some(draft.id.clone());
        self.store_new(draft, Notice { message, details, undo_start, ..Default::default() })
    }

    /// Last year's report from the drafts library, with the name to give it.
    pub fn last_year_from_library(&self, id: &str) -> Result<(String, Report), Problem> {
        match self.store.load(id)? {
            Some(d) => Ok((d.display_name(), d.report)),
            None => Err(Problem::new("未找到所选草稿，可能已在其他标签页中删除。请重新选择。")),
        }
    }

    /// Undo a start from last year's report: the new draft goes to 最近删除
    /// (nothing is ever destroyed).
    pub fn undo_start(&self, id: &str) -> Result<Notice, Problem> {
        self.store.delete(id)?;
        Ok(Notice::new("已撤销：刚才新建的报告已移入草稿库的“最近删除”，可以重新选择去年的报告或新建空白报告。"))
    }
}
