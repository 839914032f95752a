//! Which draft and revision a file was made from, and whether a file is the
//! same report as the open draft.
//!
//! Recorded on export: the share file's `base` field (`formats::share`) and
//! the .docx's custom document properties `FzbgBaseDraft`,
//! `FzbgBaseRevision`, `FzbgBaseUnit`, `FzbgBaseYear` (`formats::docx_props`;
//! Word, WPS and LibreOffice keep them on save). A draft opened from a
//! colleague's file remembers the base in [`Draft::base`], so the file it
//! sends back records the same base as the one it came from.

use serde::Serialize;

use crate::report::draft::Draft;
use crate::report::formats::{import_any_based, Imported};
use crate::report::model::Report;

pub use crate::report::draft::Base;

/// What names a report: its unit and year, and the drafts it descends from
/// (its own id and the base it was received as). Unknown parts are `None`
/// or empty and never count as a difference.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Identity {
    pub unit: Option<String>,
    pub year: Option<i32>,
    pub drafts: Vec<String>,
}

impl Identity {
    /// The open draft, or a share file's draft.
    pub fn of_draft(draft: &Draft) -> Identity {
        let mut drafts = vec![draft.id.clone()];
        drafts.extend(draft.base.as_ref().map(|b| b.draft.clone()));
        let unit = Some(draft.unit.trim().to_string()).filter(|u| !u.is_empty());
        Identity { unit, year: Some(draft.year).filter(|y| *y > 0), drafts }
    }

    /// A report read from a file: the base it records, else what its text
    /// says (title, preamble).
    pub fn of_report(report: &Report, base: Option<&Base>) -> Identity {
        if let Some(b) = base {
            let unit = Some(b.unit.trim().to_string()).filter(|u| !u.is_empty());
            return Identity { unit, year: Some(b.year).filter(|y| *y > 0), drafts: vec![b.draft.clone()] };
        }
        let (unit, year) = crate::report::infer::unit_and_year(report);
        Identity { unit, year, drafts: Vec::new() }
    }

    /// How `theirs` is not the same report as `self` (the open draft), or
    /// `None` when nothing known differs.
    pub fn mismatch(&self, theirs: &Identity) -> Option<Mismatch> {
        let squeeze = |u: &str| u.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        let unit = match (&self.unit, &theirs.unit) {
            (Some(a), Some(b)) => {
                let (a, b) = (squeeze(a), squeeze(b));
                // 区国资委 and 天津市武清区国资委 are one unit, named short and long.
                let (short, long) = if a.chars().count() <= b.chars().count() { (&a, &b) } else { (&b, &a) };
                !(short == long || (short.chars().count() >= 2 && long.contains(short.as_str())))
            }
            _ => false,
        };
        let year = matches!((self.year, theirs.year), (Some(a), Some(b)) if a != b);
        let draft = !self.drafts.is_empty() && !theirs.drafts.is_empty() && !theirs.drafts.iter().any(|d| self.drafts.contains(d));
        (unit || year || draft).then(|| Mismatch { mine: self.clone(), theirs: theirs.clone(), unit, year, draft })
    }

    /// `某县市场监管局 2022 年度`, with what is known.
    fn describe(&self) -> String {
        match (&self.unit, self.year) {
            (Some(u), Some(y)) => format!("{u} {y} 年度"),
            (Some(u), None) => u.clone(),
            (None, Some(y)) => format!("{y} 年度"),
            (None, None) => "另一份报告".to_string(),
        }
    }
}

/// A file that is not the open draft's report: what differs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Mismatch {
    pub mine: Identity,
    pub theirs: Identity,
    pub unit: bool,
    pub year: bool,
    /// The file comes from another draft (with the same unit and year, a
    /// copy made elsewhere; the page still asks).
    pub draft: bool,
}

impl Mismatch {
    /// The sentence for the merge page: `这是某县市场监管局 2022 年度的报告，当前草稿是区国资委 2023 年度。`
    pub fn sentence(&self) -> String {
        if self.unit || self.year {
            format!("这是{}的报告，当前草稿是{}。", self.theirs.describe(), self.mine.describe())
        } else {
            format!("这份文件不是从当前草稿导出的，而是来自另一份草稿（同为{}的报告）。", self.mine.describe())
        }
    }

    /// The same for the command line's English half.
    pub fn sentence_en(&self) -> String {
        let describe = |i: &Identity| {
            let unit = i.unit.clone().unwrap_or_else(|| "an unknown unit".into());
            i.year.map_or(unit.clone(), |y| format!("{unit}, {y}"))
        };
        if self.unit || self.year {
            format!("this is the report of {}; the draft is {}", describe(&self.theirs), describe(&self.mine))
        } else {
            "the file was exported from another draft of the same report".to_string()
        }
    }
}

/// A colleague's file read for merging: the report, the base it records
/// (share files and .docx exported by the app; `None` for text and other
/// .docx), who it names, and notes on how it was read.
#[derive(Clone, Debug)]
pub struct Received {
    pub report: Report,
    pub base: Option<Base>,
    pub identity: Identity,
    /// The share file's whole draft (statuses, last year's report …), for
    /// opening the file as a new draft instead; set its `base` from
    /// [`Received::base`] so what it sends back names the same base.
    pub draft: Option<Draft>,
    /// Import notes (tables flattened, tracked changes accepted …).
    pub warnings: Vec<String>,
}

impl Received {
    /// Read any file the app imports, recognised by content. Errors are the
    /// user's message in Chinese (a truncated share file is named as such).
    pub fn read(bytes: &[u8], gb18030: &dyn Fn(&[u8]) -> Option<String>) -> Result<Received, String> {
        let (imported, base) = import_any_based(bytes, gb18030)?;
        Ok(match imported {
            Imported::Text(d) => {
                let report = crate::report::parse(&d.text);
                Received { identity: Identity::of_report(&report, None), report, base, draft: None, warnings: Vec::new() }
            }
            Imported::Docx(d) => {
                let report = d.report();
                Received { identity: Identity::of_report(&report, base.as_ref()), report, base, draft: None, warnings: d.warnings }
            }
            Imported::Share(draft) => {
                let mut identity = Identity::of_draft(&draft);
                if let Some(b) = base.as_ref().filter(|b| !identity.drafts.contains(&b.draft)) {
                    identity.drafts.push(b.draft.clone());
                }
                Received { report: draft.report.clone(), identity, base, draft: Some(*draft), warnings: Vec::new() }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn who(unit: &str, year: i32, drafts: &[&str]) -> Identity {
        Identity { unit: Some(unit.into()), year: Some(year), drafts: drafts.iter().map(|d| d.to_string()).collect() }
    }

    #[test]
    fn an_export_names_the_draft_or_the_base_it_was_opened_from() {
        let mut a = Draft::new("d1", "区国资委", 2023, 0);
        a.revision = 5;
        let sent = Base::for_export(&a);
        assert_eq!(sent, Base { draft: "d1".into(), revision: 5, unit: "区国资委".into(), year: 2023 });
        assert!(sent.is_of(&a));
        let mut b = Draft::new("b7", "区国资委", 2023, 0);
        b.base = Some(sent.clone());
        b.revision = 12;
        assert_eq!(Base::for_export(&b), sent, "a reply names the sender's revision");
        assert!(!Base::of(&b).is_of(&a));
        assert_eq!(Identity::of_draft(&b).drafts, ["b7", "d1"]);
    }

    #[test]
    fn another_units_year_is_named_in_one_sentence() {
        let mine = who("区国资委", 2023, &["d1"]);
        let theirs = who("某县市场监管局", 2022, &[]);
        let m = mine.mismatch(&theirs).unwrap();
        assert!(m.unit && m.year && !m.draft);
        assert_eq!(m.sentence(), "这是某县市场监管局 2022 年度的报告，当前草稿是区国资委 2023 年度。");
    }

    #[test]
    fn a_units_long_and_short_names_are_one_unit_and_unknowns_never_differ() {
        let mine = who("区国资委", 2023, &["d1"]);
        assert_eq!(mine.mismatch(&who("天津市武清区国资委", 2023, &["d1"])), None);
        assert_eq!(mine.mismatch(&Identity::default()), None);
        assert_eq!(mine.mismatch(&Identity { year: Some(2023), ..Identity::default() }), None);
    }

    #[test]
    fn another_draft_of_the_same_report_is_said_so() {
        let mine = who("区国资委", 2023, &["d1"]);
        let m = mine.mismatch(&who("区国资委", 2023, &["d9"])).unwrap();
        assert!(m.draft && !m.unit && !m.year);
        assert_eq!(m.sentence(), "这份文件不是从当前草稿导出的，而是来自另一份草稿（同为区国资委 2023 年度的报告）。");
        // A colleague's draft received from mine names my draft as its base.
        assert_eq!(mine.mismatch(&who("区国资委", 2023, &["b7", "d1"])), None);
    }
}
