//! A draft: one report being written, with the metadata the drafts library shows.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::model::{Report, SectionKind};
use super::last_year::{next_year, FrontOutcome, PreviousYear};
use super::template;
use super::text::infer::{infer_year, unit_and_year};

/// The draft schema this build writes. Bump it, and add a migration in
/// `storage::schema`, whenever the stored shape changes.
pub const DRAFT_SCHEMA: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub id: String,
    pub schema_version: u32,
    /// Incremented on every save; lets two tabs notice each other's writes.
    pub revision: u64,
    pub unit: String,
    /// A name the author gave the draft in the library (empty: use the title).
    #[serde(default)]
    pub name: String,
    /// The year the report is about (a report written in 2026 is on 2025).
    pub year: i32,
    /// Milliseconds since the Unix epoch, supplied by the caller (the core has no clock).
    pub created: i64,
    pub edited: i64,
    pub report: Report,
    /// Sections the author has marked 已完成 (the other statuses are derived).
    #[serde(default)]
    pub statuses: BTreeMap<SectionKind, SectionStatus>,
    /// The kind of unit, which decides the reporting deadline (None: not given).
    #[serde(default)]
    pub unit_kind: Option<super::deadline::UnitKind>,
    /// The 主要负责人's title (局长, 县长 …), used in the guidance.
    #[serde(default)]
    pub leader_title: String,
    /// Last year's report, when the draft was started from it: its text for
    /// reference (read-only) and the checklist of its plans.
    #[serde(default)]
    pub previous: Option<PreviousYear>,
    /// The colleague's revision this draft was opened from (a share file or
    /// .docx they exported), so what it sends back names the same base
    /// (`merge::Base::for_export`). `None` for a draft begun here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<Base>,
    /// Findings the author checked and set aside (忽略), each until the text
    /// it was about changes (`check::aside`). Travels in share files.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub set_aside: Vec<SetAside>,
    /// Fields written by a newer version that this one does not know: kept
    /// as they came and written back, so a draft that passes through an
    /// older build loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// One finding set aside, as a draft stores it (the rule `check::aside`
/// matches it to findings).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetAside {
    /// The rule's stable name (`plan-without-measure`).
    pub rule: String,
    /// A fingerprint of the text the finding was about (`check::about`).
    pub about: String,
    /// The author's reason, if they gave one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
}

/// A revision of a draft as it left the app: enough to find its text again
/// in the sender's history and to name the report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Base {
    /// The draft's id.
    pub draft: String,
    /// Its revision when the file was made.
    pub revision: u64,
    pub unit: String,
    pub year: i32,
}

impl Base {
    /// The draft itself, at its current revision.
    pub fn of(draft: &Draft) -> Base {
        Base { draft: draft.id.clone(), revision: draft.revision, unit: draft.unit.clone(), year: draft.year }
    }

    /// What an export of `draft` records: the base it was received as, if it
    /// came from a colleague's file, else the draft at its current revision.
    pub fn for_export(draft: &Draft) -> Base {
        draft.base.clone().unwrap_or_else(|| Base::of(draft))
    }

    /// This base is a revision of `draft` (to be looked up in its history).
    pub fn is_of(&self, draft: &Draft) -> bool {
        self.draft == draft.id
    }
}

/// Where the author is with a section: 未开始 / 进行中 are read from its text,
/// 已完成 is the author's own mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionStatus {
    NotStarted,
    InProgress,
    Done,
}

impl SectionStatus {
    pub fn label(self) -> &'static str {
        match self {
            SectionStatus::NotStarted => "未开始",
            SectionStatus::InProgress => "进行中",
            SectionStatus::Done => "已完成",
        }
    }
}

impl Draft {
    /// A new draft with the title, preamble and five required sections.
    pub fn new(id: impl Into<String>, unit: &str, year: i32, now_ms: i64) -> Self {
        Draft::holding(id.into(), unit.trim().to_string(), year, template::new_report(unit, year), now_ms)
    }

    /// A draft made from an imported report. Unit and year come from its
    /// text where it says them, else from the file name and `default_year`.
    pub fn from_report(id: impl Into<String>, report: Report, file_stem: &str, default_year: i32, now_ms: i64) -> Self {
        let (unit, year) = unit_and_year(&report);
        let unit = unit.unwrap_or_else(|| file_stem.trim().to_string());
        Draft::holding(id.into(), unit, year.unwrap_or(default_year), report, now_ms)
    }

    /// A draft of this schema holding `report`, created now, nothing else set.
    fn holding(id: String, unit: String, year: i32, report: Report, now_ms: i64) -> Self {
        Draft {
            id,
            schema_version: DRAFT_SCHEMA,
            revision: 0,
            unit,
            name: String::new(),
            year,
            created: now_ms,
            edited: now_ms,
            report,
            statuses: BTreeMap::new(),
            unit_kind: None,
            leader_title: String::new(),
            previous: None,
            base: None,
            set_aside: Vec::new(),
            extra: BTreeMap::new(),
        }
    }

    /// The next year's draft, started from last year's report: the year after
    /// the one it is on (when its text names none, `default_year - 1` is
    /// taken as its year, so the draft is on `default_year`), the unit as
    /// [`Draft::from_report`] reads it, the report from
    /// [`next_year`](super::last_year::next_year) (title and preamble with the
    /// report's own year moved, or generated when last year's parts are not
    /// found; empty sections), and last year's report kept unchanged in
    /// [`Draft::previous`].
    pub fn from_previous(id: impl Into<String>, last_year: &Report, file_stem: &str, default_year: i32, now_ms: i64) -> Self {
        Self::start_from_previous(id, last_year, file_stem, default_year, now_ms).0
    }

    /// [`Draft::from_previous`], with what was done to the title and
    /// preamble: the years moved and left, and whether last year's parts
    /// were found. For telling the author.
    pub fn start_from_previous(
        id: impl Into<String>,
        last_year: &Report,
        file_stem: &str,
        default_year: i32,
        now_ms: i64,
    ) -> (Self, FrontOutcome) {
        let last = infer_year(last_year).unwrap_or(default_year - 1);
        let (report, outcome) = next_year(last_year, last + 1);
        let mut draft = Draft::from_report(id, report, file_stem, last + 1, now_ms);
        draft.year = last + 1;
        draft.previous = Some(PreviousYear::from_report(last_year));
        (draft, outcome)
    }

    /// A section's status: 未开始 while it has no text (a part emptied by
    /// restoring an older version is not 已完成, whatever its mark said);
    /// then 已完成 when the author marked it so, else 进行中.
    pub fn status(&self, kind: SectionKind) -> SectionStatus {
        // A part spread over thematic headings is started when any of them has text.
        if !self.report.sections_of(kind).any(|(_, s)| !s.body_text().trim().is_empty()) {
            SectionStatus::NotStarted
        } else if self.statuses.get(&kind) == Some(&SectionStatus::Done) {
            SectionStatus::Done
        } else {
            SectionStatus::InProgress
        }
    }

    /// Mark a section done, or clear the mark.
    pub fn set_done(&mut self, kind: SectionKind, done: bool) {
        if done {
            self.statuses.insert(kind, SectionStatus::Done);
        } else {
            self.statuses.remove(&kind);
        }
    }

    /// Required sections marked 已完成 (of five).
    pub fn sections_done(&self) -> usize {
        SectionKind::REQUIRED.iter().filter(|k| self.status(**k) == SectionStatus::Done).count()
    }

    /// What the drafts library calls this draft.
    pub fn display_name(&self) -> String {
        if !self.name.trim().is_empty() {
            return self.name.trim().to_string();
        }
        self.report.title().map(str::to_string).unwrap_or_else(|| template::title(&self.unit, self.year))
    }

    /// How many of the five required sections have any text. Runs on every
    /// save, so it looks at the model instead of rendering text.
    pub fn sections_filled(&self) -> usize {
        SectionKind::REQUIRED
            .iter()
            .filter(|k| {
                self.report.section(**k).is_some_and(|s| {
                    s.intro.iter().any(|l| !l.text.trim().is_empty())
                        || s.items.iter().any(|i| !(i.title.trim().is_empty() && i.body_text().trim().is_empty()))
                })
            })
            .count()
    }

    /// A file name for exports, safe on Windows: `XX单位2025年度法治政府建设情况报告`.
    pub fn file_stem(&self) -> String {
        safe_file_stem(&template::title(&self.unit, self.year))
    }
}

/// Replace characters Windows forbids in file names and trim trailing dots
/// and spaces; never returns an empty name.
pub fn safe_file_stem(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| if matches!(c, '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*') || c.is_control() { '_' } else { c })
        .collect();
    let trimmed = cleaned.trim().trim_end_matches(['.', ' ']);
    if trimmed.is_empty() {
        "法治政府建设情况报告".to_string()
    } else {
        trimmed.chars().take(120).collect()
    }
}
