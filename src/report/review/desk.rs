//! The reviewer's desk as it is kept: the files of the batch (name, size,
//! hash), the unit and year of each as inferred or corrected, the reviewer's
//! opinion and ticked findings — and, beside them, the reports read, which
//! may be missing after a reload when their text did not fit in storage.
//!
//! `records` and `entries` run in parallel: a record is what the reviewer
//! wrote and is never dropped for lack of space; an entry is what the file
//! said, and can always be had again by picking the file.

use serde::{Deserialize, Serialize};

use super::copying::{self, Pair, Shared};
use super::opinion::Opinion;
use super::table::{self, Row};
use super::{Entry, PartMark};
use crate::report::formats::{export_docx, FormatError};
use crate::report::model::{Eol, Line, Report};
use crate::report::template::cn_number;

/// What the review keeps of one file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FileRecord {
    pub name: String,
    pub bytes: usize,
    /// The file's content hash ([`super::content_hash`]); empty for a file never read.
    pub hash: String,
    /// Unit and year as inferred from the report, or as the reviewer corrected them.
    pub unit: String,
    pub year: Option<i32>,
    /// Why the file could not be read (its row keeps saying so after a reload).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The reviewer's own words to the unit.
    #[serde(default)]
    pub opinion: String,
    /// Findings ticked into the opinion: (place, message).
    #[serde(default)]
    pub ticked: Vec<(String, String)>,
}

/// Why two tabs' records cannot be made one (see [`merge_records`]).
#[derive(Debug, PartialEq, Eq)]
pub enum Unmerged {
    /// The files differ: one side added, removed, re-read or cleared them.
    Files,
    /// Both sides changed the same field of these files differently (the
    /// unit where known, else the file name).
    Both(Vec<String>),
}

/// The desk's records as two tabs left them since they last agreed
/// (`base`): each field the reviewer writes — unit, year, opinion, ticked
/// findings — taken from the side that changed it, so neither tab's words
/// are lost. Fails when the files are not the same on all three sides, or
/// when both sides changed one field to different values (no record can
/// hold both: the reviewer decides after a reload).
pub fn merge_records(base: &[FileRecord], theirs: &[FileRecord], mine: &[FileRecord]) -> Result<Vec<FileRecord>, Unmerged> {
    let file = |r: &FileRecord| (r.name.clone(), r.bytes, r.hash.clone(), r.error.clone());
    let files = |rs: &[FileRecord]| rs.iter().map(file).collect::<Vec<_>>();
    if files(base) != files(theirs) || files(base) != files(mine) {
        return Err(Unmerged::Files);
    }
    /// The side that changed `f`; None when both did, differently.
    fn pick<T: PartialEq + Clone>(b: &FileRecord, t: &FileRecord, m: &FileRecord, f: impl Fn(&FileRecord) -> &T) -> Option<T> {
        let (b, t, m) = (f(b), f(t), f(m));
        if m == b {
            Some(t.clone())
        } else if t == b || t == m {
            Some(m.clone())
        } else {
            None
        }
    }
    let mut merged = Vec::with_capacity(mine.len());
    let mut both = Vec::new();
    for ((b, t), m) in base.iter().zip(theirs).zip(mine) {
        let unit = pick(b, t, m, |r| &r.unit);
        let year = pick(b, t, m, |r| &r.year);
        let opinion = pick(b, t, m, |r| &r.opinion);
        let ticked = pick(b, t, m, |r| &r.ticked);
        match (unit, year, opinion, ticked) {
            (Some(unit), Some(year), Some(opinion), Some(ticked)) => merged.push(FileRecord { unit, year, opinion, ticked, ..m.clone() }),
            _ => both.push(m.who().to_string()),
        }
    }
    if both.is_empty() {
        Ok(merged)
    } else {
        Err(Unmerged::Both(both))
    }
}

impl FileRecord {
    /// Who the file is from, as the desk names it: the unit, else the file name.
    pub fn who(&self) -> &str {
        if self.unit.is_empty() { &self.name } else { &self.unit }
    }
}

/// What a row says when the review was reloaded without the file's text.
pub fn pick_again_message(name: &str) -> String {
    format!("本机没有保存“{name}”的内容（存储空间不足时未能保存，或审阅记录是从备份恢复的）。审核意见已保存；请再次选择这个文件，即可继续查看报告和检查结果。")
}

/// The entry a stored record stands for: why its file could not be read,
/// the report `kept` in storage, or a row asking for the file again.
pub fn restored_entry(r: &FileRecord, kept: impl FnOnce() -> Option<Entry>) -> Entry {
    match &r.error {
        Some(why) => Entry { file_name: r.name.clone(), bytes: r.bytes, hash: r.hash.clone(), read: Err(why.clone()) },
        None => kept().unwrap_or_else(|| Entry { file_name: r.name.clone(), bytes: r.bytes, hash: r.hash.clone(), read: Err(pick_again_message(&r.name)) }),
    }
}

/// What picking files did to the desk, for the page to say.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Picked {
    /// New rows.
    pub added: usize,
    /// Files already on the desk (the same content, maybe another name):
    /// read again into their rows, not added.
    pub same: Vec<String>,
    /// New versions of files on the desk (the same file name and unit,
    /// other content): each replaced its row's report, the opinion kept.
    pub replaced: Vec<String>,
}

impl Picked {
    /// What the desk says after reading, besides the count.
    pub fn message(&self) -> String {
        let mut m = String::new();
        if !self.same.is_empty() {
            m.push_str(&format!("其中{}个文件与列表中已有的文件内容相同，未重复添加：{}。", self.same.len(), self.same.join("、")));
        }
        if !self.replaced.is_empty() {
            m.push_str(&format!(
                "{}替换了列表中同名的旧版本，已写的审核意见和勾选保留，请核对是否仍然适用。",
                self.replaced.iter().map(|n| format!("“{n}”")).collect::<String>()
            ));
        }
        m
    }
}

/// The batch on the reviewer's desk.
#[derive(Clone, Debug, Default)]
pub struct Desk {
    pub records: Vec<FileRecord>,
    pub entries: Vec<Entry>,
    /// Copying between reports, as positions in `entries`.
    pub pairs: Vec<Pair>,
    /// Paragraphs alike in many reports, as positions in `entries`.
    pub shared: Vec<Shared>,
}

impl Desk {
    /// A desk rebuilt from stored records; `text` gives back an entry whose
    /// report was kept in storage (None: the file must be picked again).
    pub fn restore(records: Vec<FileRecord>, text: &dyn Fn(&FileRecord) -> Option<Entry>) -> Desk {
        let entries = records.iter().map(|r| restored_entry(r, || text(r))).collect();
        let mut desk = Desk::from_parts(records, entries);
        desk.find_copying();
        desk
    }

    /// A desk of these records and entries (in parallel), not compared yet:
    /// the caller runs a [`copying::Search`] in steps, as after [`Desk::add_only`].
    pub fn from_parts(records: Vec<FileRecord>, entries: Vec<Entry>) -> Desk {
        debug_assert_eq!(records.len(), entries.len());
        Desk { records, entries, pairs: Vec::new(), shared: Vec::new() }
    }

    /// Files picked (again): one with the hash of a file already on the desk
    /// replaces its entry and keeps what the reviewer wrote; so does a new
    /// version of one (the same file name and unit, other content, read
    /// well); others are added at the end with the unit and year the
    /// report states.
    pub fn add(&mut self, picked: Vec<Entry>) -> Picked {
        let picked = self.add_only(picked);
        self.find_copying();
        picked
    }

    fn add_one(&mut self, e: Entry, picked: &mut Picked) {
        let known = (!e.hash.is_empty()).then(|| self.records.iter().position(|r| r.hash == e.hash)).flatten();
        let unit_of = |e: &Entry| e.read.as_ref().ok().map(|r| r.draft.unit.clone());
        let earlier = || {
            let unit = unit_of(&e)?;
            self.records.iter().zip(&self.entries).position(|(r, old)| {
                r.name == e.file_name && r.hash != e.hash && unit_of(old).is_none_or(|u| u == unit)
            })
        };
        if let Some(i) = known {
            // Asked for again (its text was not kept) is no news; otherwise
            // the same file was picked twice, maybe under another name.
            if self.records[i].error.is_some() || self.entries[i].read.is_ok() {
                picked.same.push(e.file_name.clone());
            }
            self.records[i].error = e.read.as_ref().err().cloned();
            self.records[i].name = e.file_name.clone();
            self.entries[i] = e;
            return;
        }
        match earlier() {
            Some(i) => {
                picked.replaced.push(e.file_name.clone());
                let r = &mut self.records[i];
                (r.bytes, r.hash, r.error) = (e.bytes, e.hash.clone(), None);
                // What the reviewer corrected stays; what was never known is read off the new version.
                if let Ok(read) = &e.read {
                    if r.unit.is_empty() {
                        r.unit = read.draft.unit.clone();
                    }
                    r.year = r.year.or(Some(read.draft.year));
                }
                self.entries[i] = e;
            }
            None => {
                picked.added += 1;
                let (unit, year) = match &e.read {
                    Ok(r) => (r.draft.unit.clone(), Some(r.draft.year)),
                    Err(_) => (String::new(), None),
                };
                self.records.push(FileRecord {
                    name: e.file_name.clone(),
                    bytes: e.bytes,
                    hash: e.hash.clone(),
                    unit,
                    year,
                    error: e.read.as_ref().err().cloned(),
                    ..FileRecord::default()
                });
                self.entries.push(e);
            }
        }
    }

    /// Take one file off the desk (and its opinion with it).
    pub fn remove(&mut self, i: usize) {
        if i < self.entries.len() {
            self.remove_only(i);
            self.find_copying();
        }
    }

    /// Take one file off the desk without comparing again: the pairs that
    /// named it go, the others keep their rows (renumbered). The caller
    /// compares in steps ([`Desk::add_only`] says how).
    pub fn remove_only(&mut self, i: usize) {
        if i < self.entries.len() {
            self.records.remove(i);
            self.entries.remove(i);
            let at = |k: usize| if k > i { k - 1 } else { k };
            self.pairs.retain(|p| p.a != i && p.b != i);
            for p in &mut self.pairs {
                (p.a, p.b) = (at(p.a), at(p.b));
            }
            for g in &mut self.shared {
                g.passages.retain(|(r, _)| *r != i);
                for (r, _) in &mut g.passages {
                    *r = at(*r);
                }
            }
            self.shared.retain(|g| g.passages.len() > 1);
        }
    }

    /// Add picked files without comparing them: the caller runs a
    /// [`copying::Search`] over [`Desk::readable`] in steps, then
    /// [`Desk::set_pairs`].
    pub fn add_only(&mut self, picked: Vec<Entry>) -> Picked {
        let mut done = Picked::default();
        for e in picked {
            self.add_one(e, &mut done);
        }
        done
    }

    /// The rows whose report could be read, in order.
    pub fn readable(&self) -> Vec<usize> {
        self.entries.iter().enumerate().filter(|(_, e)| e.read.is_ok()).map(|(i, _)| i).collect()
    }

    /// The report on row `i`, when it could be read.
    pub fn report(&self, i: usize) -> Option<&Report> {
        self.entries.get(i)?.read.as_ref().ok().map(|r| &r.draft.report)
    }

    /// Pairs found by a search over `readable` (positions in it), as rows.
    pub fn set_pairs(&mut self, readable: &[usize], (pairs, shared): (Vec<Pair>, Vec<Shared>)) {
        self.pairs = pairs
            .into_iter()
            .map(|mut p| {
                p.a = readable[p.a];
                p.b = readable[p.b];
                p
            })
            .collect();
        self.shared = shared
            .into_iter()
            .map(|mut g| {
                for (r, _) in &mut g.passages {
                    *r = readable[*r];
                }
                g
            })
            .collect();
    }

    /// Compare every readable report with the others ([`copying::find`]).
    pub fn find_copying(&mut self) {
        let readable = self.readable();
        let reports: Vec<&Report> = readable.iter().filter_map(|&i| self.report(i)).collect();
        let found = copying::find_all(&reports);
        self.set_pairs(&readable, found);
    }

    /// Files whose text was not kept and must be picked again, by name.
    pub fn to_pick_again(&self) -> Vec<String> {
        self.to_pick_again_rows().into_iter().map(|i| self.records[i].name.clone()).collect()
    }

    /// The rows of [`Desk::to_pick_again`], by position.
    pub fn to_pick_again_rows(&self) -> Vec<usize> {
        (0..self.records.len().min(self.entries.len())).filter(|&i| self.records[i].error.is_none() && self.entries[i].read.is_err()).collect()
    }

    /// The table's rows, with the units and years as the reviewer has them.
    pub fn rows(&self) -> Vec<Row> {
        let mut rows = table::rows(&self.entries, &self.pairs, &self.shared, &|i| (self.records[i].unit.clone(), self.records[i].year));
        for (row, record) in rows.iter_mut().zip(&self.records) {
            row.opinion = record.opinion.clone();
        }
        rows
    }

    /// The 审核意见 for file `i`, as the reviewer has written it.
    pub fn opinion(&self, i: usize) -> Opinion {
        let r = &self.records[i];
        let report_title = match &self.entries[i].read {
            Ok(rev) => rev.draft.report.title().map(str::to_string).unwrap_or_default(),
            Err(_) => String::new(),
        };
        let report_title = if report_title.is_empty() {
            r.name.rsplit_once('.').map_or(r.name.clone(), |(stem, _)| stem.to_string())
        } else {
            report_title
        };
        Opinion { unit: r.unit.clone(), report_title, text: r.opinion.clone(), ticked: r.ticked.clone(), ..Opinion::default() }
    }

    /// The batch summary (审核情况汇总) as a report model: one numbered
    /// paragraph per file, saying what the table says, and what the
    /// reviewer wrote to the unit where they have.
    pub fn summary(&self, year: Option<i32>) -> Report {
        let rows = self.rows();
        let title = match year {
            Some(y) => format!("{y}年度法治政府建设报告审核情况汇总"),
            None => "法治政府建设年度报告审核情况汇总".to_string(),
        };
        let readable = rows.iter().filter(|r| r.parts.is_some()).count();
        let complete = rows.iter().filter(|r| r.parts.is_some_and(|p| p == [PartMark::Present; 5])).count();
        let copied = rows.iter().filter(|r| r.copied > 0).count();
        let mut lines = vec![
            title,
            format!(
                "共收到报告{}份，其中可以读取{}份，五项内容齐全{}份；与其他单位报告存在雷同段落的{}份。各份报告审核情况如下：",
                rows.len(), readable, complete, copied
            ),
        ];
        for (i, r) in rows.iter().enumerate() {
            let who = if r.unit.is_empty() { r.file_name.clone() } else { r.unit.clone() };
            let year = r.year.map(|y| format!("{y}年度，")).unwrap_or_default();
            let body = match r.parts {
                None => format!("未能读取：{}", r.worst.trim_end_matches('。')),
                Some(parts) => {
                    let missing: Vec<String> = parts
                        .iter()
                        .zip(crate::report::model::SectionKind::REQUIRED)
                        .filter(|(m, _)| **m != PartMark::Present)
                        .map(|(m, k)| if *m == PartMark::Empty { format!("{}（只有标题）", k.label()) } else { k.label().to_string() })
                        .collect();
                    let parts_line = if missing.is_empty() { "五项内容齐全".to_string() } else { format!("缺少或未写：{}", missing.join("、")) };
                    let mut s = format!("{}字，{parts_line}；错误{}项，提醒{}项", r.chars, r.errors, r.warnings);
                    if !r.worst.is_empty() {
                        s.push_str(&format!("；主要问题：{}", r.worst.trim_end_matches('。')));
                    }
                    if r.copied > 0 {
                        s.push_str(&format!("；与{}有{}段雷同", r.copied_with.join("、"), r.copied));
                    }
                    if r.shared > 0 {
                        s.push_str(&format!("；另有{}段与多份报告基本相同", r.shared));
                    }
                    s
                }
            };
            // The reviewer's own words, on this row's one line.
            let opinion: Vec<&str> = r.opinion.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
            let body = if opinion.is_empty() {
                body
            } else {
                format!("{}；审核意见：{}", body.trim_end_matches('。'), opinion.join(" ").trim_end_matches('。'))
            };
            lines.push(format!("{}、{who}（{year}{}）：{body}。", cn_number(i + 1), r.file_name));
        }
        Report { bom: false, eol: Eol::Lf, front: lines.into_iter().map(|text| Line { text, eol: Eol::Lf }).collect(), sections: Vec::new(), back: Vec::new() }
    }

    /// The year the batch's reports are about, when they are all about one
    /// (files whose year is not known aside): the summary's title names it.
    pub fn batch_year(&self) -> Option<i32> {
        let mut years = self.records.iter().filter_map(|r| r.year);
        let first = years.next()?;
        years.all(|y| y == first).then_some(first)
    }

    /// The summary as a .docx in the report's GB/T 9704 layout.
    pub fn summary_docx(&self, year: Option<i32>) -> Result<Vec<u8>, FormatError> {
        export_docx(&self.summary(year))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::deadline::Date;
    use crate::report::review::read_entry;

    const COPIED: &str = "强化行政执法监督。全年组织开展行政执法案卷评查2次，评查案卷86卷，发现问题12个，已全部整改到位。";

    fn report(unit: &str, extra: &str) -> String {
        format!("{unit}2025年度法治政府建设情况报告\n一、2025年度推进法治政府建设的主要举措和成效\n1. {extra}\n2. {COPIED}\n二、2025年度推进法治政府建设存在的不足和原因\n无。\n")
    }

    fn entry(name: &str, text: &str) -> Entry {
        read_entry(name, text.as_bytes(), &|_| None, 2026, Date::new(2026, 1, 5))
    }

    fn rec(name: &str, opinion: &str) -> FileRecord {
        FileRecord { name: name.into(), bytes: 10, hash: format!("h-{name}"), unit: format!("{name}局"), opinion: opinion.into(), ..FileRecord::default() }
    }

    #[test]
    fn two_tabs_records_are_merged_field_by_field() {
        let base = vec![rec("甲", ""), rec("乙", "旧意见")];
        // Each tab wrote another file's opinion; one corrected a unit, the other ticked a finding.
        let mut theirs = base.clone();
        theirs[1].opinion = "请补充原因。".into();
        theirs[0].unit = "甲区司法局".into();
        let mut mine = base.clone();
        mine[0].opinion = "数据请核实。".into();
        mine[1].ticked = vec![("第一部分".into(), "缺少数据".into())];
        let merged = merge_records(&base, &theirs, &mine).unwrap();
        assert_eq!((merged[0].unit.as_str(), merged[0].opinion.as_str()), ("甲区司法局", "数据请核实。"));
        assert_eq!((merged[1].opinion.as_str(), merged[1].ticked.len()), ("请补充原因。", 1));
        // The same change on both sides is no conflict; nothing changed gives theirs.
        assert_eq!(merge_records(&base, &theirs, &theirs).unwrap(), theirs);
        assert_eq!(merge_records(&base, &theirs, &base).unwrap(), theirs);
        assert_eq!(merge_records(&base, &base, &mine).unwrap(), mine);
    }

    #[test]
    fn two_tabs_records_that_cannot_be_merged_say_why() {
        let base = vec![rec("甲", ""), rec("乙", "")];
        let (mut theirs, mut mine) = (base.clone(), base.clone());
        theirs[1].opinion = "请补充原因。".into();
        mine[1].opinion = "请核实数据。".into();
        assert_eq!(merge_records(&base, &theirs, &mine), Err(Unmerged::Both(vec!["乙局".into()])));
        // Files added, removed, re-read or cleared on one side.
        let mut added = base.clone();
        added.push(rec("丙", ""));
        assert_eq!(merge_records(&base, &added, &base), Err(Unmerged::Files));
        assert_eq!(merge_records(&base, &base, &added), Err(Unmerged::Files));
        assert_eq!(merge_records(&base, &[], &base), Err(Unmerged::Files));
        let mut reread = base.clone();
        reread[0].error = Some("无法读取".into());
        assert_eq!(merge_records(&base, &reread, &base), Err(Unmerged::Files));
    }

    #[test]
    fn a_file_picked_twice_is_one_row_and_a_new_version_replaces_the_old_keeping_the_opinion() {
        let mut desk = Desk::default();
        let first = report("甲局", "健全依法决策机制。全年提请集体讨论重大行政决策事项5项，均经过合法性审查。");
        let picked = desk.add(vec![entry("03-甲局.txt", &first), entry("乙.txt", &report("乙局", "推进政务公开。")), entry("03-甲局.txt", &first)]);
        assert_eq!((picked.added, picked.same.clone(), picked.replaced.len()), (2, vec!["03-甲局.txt".to_string()], 0));
        assert!(picked.message().contains("其中1个文件与列表中已有的文件内容相同，未重复添加：03-甲局.txt。"), "{}", picked.message());
        desk.records[0].opinion = "请补充原因。".into();
        desk.records[0].unit = "某区甲局".into();
        // The corrected version: the same name and unit, other content.
        let corrected = report("甲局", "健全依法决策机制。全年提请集体讨论重大行政决策事项6项，均经过合法性审查。");
        let picked = desk.add(vec![entry("03-甲局.txt", &corrected)]);
        assert_eq!((picked.added, picked.replaced.clone()), (0, vec!["03-甲局.txt".to_string()]));
        assert!(picked.message().contains("“03-甲局.txt”替换了列表中同名的旧版本"), "{}", picked.message());
        assert_eq!(desk.records.len(), 2);
        assert_eq!((desk.records[0].opinion.as_str(), desk.records[0].unit.as_str()), ("请补充原因。", "某区甲局"));
        assert!(desk.report(0).is_some_and(|r| crate::report::render(r).contains("6项")));
        // Another unit's file under the same generic name is a row of its own.
        let picked = desk.add(vec![entry("03-甲局.txt", &report("丙局", "开展普法宣传活动。"))]);
        assert_eq!(picked.added, 1);
        // An unreadable file never replaces a report that was read.
        let picked = desk.add(vec![entry("乙.txt", "\0\u{1}\u{2}")]);
        assert_eq!((picked.added, picked.replaced.len()), (1, 0));
        assert_eq!(desk.records.len(), 4);
    }

    #[test]
    fn picking_adds_rows_finds_copying_and_a_repick_keeps_the_opinion() {
        let mut desk = Desk::default();
        let a = report("甲局", "健全依法决策机制。全年提请集体讨论重大行政决策事项5项，均经过合法性审查。");
        desk.add(vec![entry("甲.txt", &a), entry("乙.txt", &report("乙局", "推进政务公开。主动公开政府信息320条，办理依申请公开14件。")), entry("坏.txt", "\0\u{1}\u{2}")]);
        assert_eq!(desk.records.len(), 3);
        assert_eq!((desk.records[0].unit.as_str(), desk.records[0].year), ("甲局", Some(2025)));
        assert!(desk.records[2].error.is_some());
        assert_eq!(desk.pairs.iter().map(|p| (p.a, p.b)).collect::<Vec<_>>(), [(0, 1)]);
        desk.records[0].opinion = "请补充不足的原因。".into();
        desk.records[0].unit = "甲区司法局".into();
        desk.add(vec![entry("甲（再次）.txt", &a)]);
        assert_eq!(desk.records.len(), 3, "the same bytes are the same file");
        assert_eq!(desk.records[0].opinion, "请补充不足的原因。");
        assert_eq!(desk.rows()[0].unit, "甲区司法局");
        assert_eq!(desk.opinion(0).title(), "关于《甲局2025年度法治政府建设情况报告》的审核意见");
        desk.remove(1);
        assert!(desk.pairs.is_empty());
    }

    #[test]
    fn a_restored_desk_without_a_text_names_the_file_to_pick_again() {
        let mut desk = Desk::default();
        desk.add(vec![entry("甲.txt", &report("甲局", "一项独有的工作。全年办理相关事项120件，同比增长百分之八。")), entry("坏.txt", "\0\u{1}")]);
        desk.records[0].opinion = "意见".into();
        let records = desk.records.clone();
        let back = Desk::restore(records, &|_| None);
        assert_eq!(back.to_pick_again(), ["甲.txt"]);
        assert_eq!(back.records[0].opinion, "意见");
        assert!(back.entries[0].read.as_ref().unwrap_err().contains("请再次选择"));
        assert_eq!(back.entries[1].read.as_ref().unwrap_err(), desk.entries[1].read.as_ref().unwrap_err());
        let kept = desk.entries[0].clone();
        let whole = Desk::restore(desk.records.clone(), &|r| (r.hash == kept.hash).then(|| kept.clone()));
        assert!(whole.to_pick_again().is_empty());
    }

    #[test]
    fn the_summary_names_every_file_and_reads_back_from_docx() {
        let mut desk = Desk::default();
        desk.add(vec![entry("甲.txt", &report("甲局", "一项独有的工作。全年办理相关事项120件，同比增长百分之八。")), entry("坏.txt", "\0\u{1}")]);
        desk.records[0].opinion = "请补写第三部分。\n\n第一部分数据请核实。".into();
        let text = crate::report::render(&desk.summary(Some(2025)));
        // The reviewer's opinion, on the row's one line; none where none was written.
        assert!(text.contains("；审核意见：请补写第三部分。 第一部分数据请核实。\n"), "{text}");
        assert_eq!(text.matches("审核意见：").count(), 1, "{text}");
        assert_eq!(desk.rows()[0].opinion, desk.records[0].opinion);
        assert!(text.starts_with("2025年度法治政府建设报告审核情况汇总\n共收到报告2份，其中可以读取1份"), "{text}");
        assert!(text.contains("一、甲局（2025年度，甲.txt）：") && text.contains("缺少或未写：第一责任人履职情况"), "{text}");
        assert!(text.contains("二、坏.txt（坏.txt）：未能读取：") && !text.contains("。。"), "{text}");
        let back = crate::report::formats::import_docx(&desk.summary_docx(Some(2025)).unwrap()).unwrap();
        let back = crate::report::render(&back.report());
        for line in text.lines() {
            assert!(back.contains(line), "{line}");
        }
        assert_eq!(desk.batch_year(), Some(2025));
        desk.records[1].year = Some(2024);
        assert_eq!(desk.batch_year(), None, "two years: no year in the title");
    }
}
