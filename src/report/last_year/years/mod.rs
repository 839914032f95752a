//! Moving the report's own year in last year's title and preamble to the new
//! year, and only where that is certain (issue #25).
//!
//! Starting the 2026 report from the 2025 one, `2025年度` in the title and
//! `现将2025年度法治政府建设工作情况报告如下` in the preamble name the report's
//! period and become 2026. Every other year stays as written: a year in a
//! document title (《法治政府建设实施纲要（2021—2025年）》 names a real
//! document), a range (2021—2025年), a date (2024年12月, 2025年3月15日), a
//! comparison (较2024年, 同比), any year other than the report's own, and the
//! report's own year where no fixed phrasing shows that it names the period
//! (`2025年是“十四五”规划收官之年`). What was left is listed for the author to
//! check ([`YearLeft`]), with the reason.
//!
//! A year is four ASCII digits from 1990 to 2100, not part of a longer
//! number, followed by 年 or forming a range with another year (`2021~2025`);
//! so 2023.5, 12023年 and 第2023号 are not years.

use std::ops::Range;

use serde::Serialize;

mod expressions;

use expressions::{expressions, in_document_title, is_comparison, names_period_in_preamble, tokens};

/// Where a year is: the title line, or a line of the preamble (0-based among
/// the preamble's lines).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum YearPlace {
    Title,
    Preamble(usize),
}

impl YearPlace {
    /// 标题 / 开头段.
    pub fn label(self) -> &'static str {
        match self {
            YearPlace::Title => "标题",
            YearPlace::Preamble(_) => "开头段",
        }
    }
}

/// The report's own year, moved to the new year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct YearChange {
    pub place: YearPlace,
    /// Byte range of the new year's digits in the moved line.
    pub range: Range<usize>,
    pub from: i32,
    pub to: i32,
}

/// Why a year was left as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Reason {
    /// Inside 《…》 or 〈…〉: part of a document's name.
    DocumentTitle,
    /// A range of years: 2021—2025年, 2021至2025年, 2021~2025.
    Range,
    /// A date or month: 2024年12月, 2025年3月15日.
    Date,
    /// Compared with: 较2024年, 比2024年, 与2024年相比, 2025年……同比.
    Comparison,
    /// A year other than the report's own.
    OtherYear,
    /// The report's own year, but not in a phrasing that names the report's
    /// period (`2025年是“十四五”规划收官之年`).
    OwnYearUnclear,
}

/// A year (or range, or date) left as written, for the author to check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct YearLeft {
    pub place: YearPlace,
    /// Byte range of [`YearLeft::text`] in the moved line.
    pub range: Range<usize>,
    /// The words holding the year(s): `2021—2025年`, `2024年12月`, `2024年度`.
    pub text: String,
    /// The years in it, in order.
    pub years: Vec<i32>,
    pub reason: Reason,
}

/// What moving the years of a title and preamble did: the report's own year
/// `from` became `to` at `changes`; `left` were left as written.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct YearMove {
    pub from: i32,
    pub to: i32,
    pub changes: Vec<YearChange>,
    pub left: Vec<YearLeft>,
}

impl YearMove {
    /// Nothing moved yet, from the report's own year to the new one.
    pub fn new(from: i32, to: i32) -> YearMove {
        YearMove { from, to, changes: Vec::new(), left: Vec::new() }
    }

    /// Move the report's own year in one line of the title or preamble where
    /// it names the report's period, record what was changed and what was
    /// left, and return the moved line.
    ///
    /// In the title, the report's own year moves wherever it stands with 年
    /// or 年度 outside a document title, range, date or comparison: the
    /// title names the report. In the preamble it moves only in the fixed
    /// phrasings: after 现将 / 现就 / 现把 / 特将 in the sentence that
    /// hands the report over (`现将2025年度……报告如下`), before 法治政府建设 /
    /// 法治建设 / 依法行政 / 推进法治 (`2025年度法治政府建设工作取得新进展`)
    /// unless its clause names a document (`印发2025年度法治政府建设工作要点`),
    /// before 以来, and as a sentence's opening `2025年，`.
    pub fn line(&mut self, line: &str, place: YearPlace) -> String {
        let toks = tokens(line);
        let mut out = String::with_capacity(line.len());
        let mut copied = 0;
        for e in expressions(line, &toks) {
            let years: Vec<i32> = std::iter::once(e.first).chain(e.second).map(|k| toks[k].year).collect();
            let reason = if in_document_title(line, e.range.start) {
                Some(Reason::DocumentTitle)
            } else if e.second.is_some() {
                Some(Reason::Range)
            } else if e.date {
                Some(Reason::Date)
            } else if is_comparison(line, &e.range) {
                Some(Reason::Comparison)
            } else if years[0] != self.from {
                Some(Reason::OtherYear)
            } else if place == YearPlace::Title || names_period_in_preamble(line, &e.range) {
                None
            } else {
                Some(Reason::OwnYearUnclear)
            };
            // Where this expression starts in the moved line.
            let start = out.len() + (e.range.start - copied);
            match reason {
                Some(reason) => self.left.push(YearLeft {
                    place,
                    range: start..start + e.range.len(),
                    text: line[e.range.clone()].to_string(),
                    years,
                    reason,
                }),
                None => {
                    let t = toks[e.first];
                    out.push_str(&line[copied..t.start]);
                    let to = self.to.to_string();
                    self.changes.push(YearChange { place, range: out.len()..out.len() + to.len(), from: self.from, to: self.to });
                    out.push_str(&to);
                    copied = t.end;
                }
            }
        }
        out.push_str(&line[copied..]);
        out
    }

    /// For the author, in Chinese: one line per place where years changed
    /// (`标题：2025 → 2026，1 处`), then one per year left as written, the
    /// same words in the same place counted once
    /// (`开头段：“2021—2025年”为文件名称中的年份，未改动，请核对`).
    pub fn summary(&self) -> Vec<String> {
        let mut out = Vec::new();
        for label in ["标题", "开头段"] {
            let n = self.changes.iter().filter(|c| c.place.label() == label).count();
            if n > 0 {
                out.push(format!("{label}：{} → {}，{n} 处", self.from, self.to));
            }
        }
        let mut left: Vec<(&YearLeft, usize)> = Vec::new();
        for l in &self.left {
            match left.iter_mut().find(|(o, _)| o.place.label() == l.place.label() && o.text == l.text && o.reason == l.reason) {
                Some((_, n)) => *n += 1,
                None => left.push((l, 1)),
            }
        }
        for (l, n) in left {
            let why = match l.reason {
                Reason::DocumentTitle => "为文件名称中的年份".to_string(),
                Reason::Range => "为起止年份".to_string(),
                Reason::Date if l.text.ends_with(['日', '号']) => "为具体日期".to_string(),
                Reason::Date => "为具体月份".to_string(),
                Reason::Comparison => "用于与其他年份比较".to_string(),
                Reason::OtherYear => format!("不是本报告所属年度（{}年）", self.from),
                Reason::OwnYearUnclear => "虽为本报告所属年度，但不在标明报告期的固定表述中".to_string(),
            };
            let times = if n > 1 { format!("（共 {n} 处）") } else { String::new() };
            out.push(format!("{}：“{}”{why}{times}，未改动，请核对", l.place.label(), l.text));
        }
        out
    }
}

/// Move the report's own year `from` to `to` in one line ([`YearMove::line`]).
pub fn move_year_in(line: &str, place: YearPlace, from: i32, to: i32) -> (String, YearMove) {
    let mut moved = YearMove::new(from, to);
    let line = moved.line(line, place);
    (line, moved)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Reason::*;

    /// (place, line, the moved line, changes, what was left and why), the
    /// report being on 2025 and the new one on 2026.
    type Case = (YearPlace, &'static str, &'static str, usize, &'static [(&'static str, Reason)]);

    const P: YearPlace = YearPlace::Preamble(0);
    const T: YearPlace = YearPlace::Title;

    const CASES: &[Case] = &[
        // The report's own year in its usual phrasings.
        (T, "某县水务局2025年度法治政府建设情况报告", "某县水务局2026年度法治政府建设情况报告", 1, &[]),
        (T, "某县水务局关于2025年法治政府建设工作情况的报告", "某县水务局关于2026年法治政府建设工作情况的报告", 1, &[]),
        (P, "2025年，我局坚持以习近平法治思想为指导。", "2026年，我局坚持以习近平法治思想为指导。", 1, &[]),
        (P, "2025年以来，我局认真贯彻落实上级部署。", "2026年以来，我局认真贯彻落实上级部署。", 1, &[]),
        (P, "现将2025年度法治政府建设工作情况报告如下。", "现将2026年度法治政府建设工作情况报告如下。", 1, &[]),
        (P, "现将我局2025年法治政府建设工作情况报告如下：", "现将我局2026年法治政府建设工作情况报告如下：", 1, &[]),
        (P, "现就区国资委2025年度开展法治建设工作情况报告如下。", "现就区国资委2026年度开展法治建设工作情况报告如下。", 1, &[]),
        (P, "我局2025年度法治政府建设工作取得新进展。", "我局2026年度法治政府建设工作取得新进展。", 1, &[]),
        (P, "现将有关情况报告如下：2025年，全局上下凝心聚力。", "现将有关情况报告如下：2026年，全局上下凝心聚力。", 1, &[]),
        // Document titles.
        (P, "按照《法治政府建设实施纲要（2021—2025年）》要求，", "按照《法治政府建设实施纲要（2021—2025年）》要求，", 0, &[("2021—2025年", DocumentTitle)]),
        (P, "对照《关于做好2025年度法治政府建设年度报告工作的通知》要求，", "对照《关于做好2025年度法治政府建设年度报告工作的通知》要求，", 0, &[("2025年度", DocumentTitle)]),
        (P, "对照〈2025年法治政府建设工作要点〉逐项落实。", "对照〈2025年法治政府建设工作要点〉逐项落实。", 0, &[("2025年", DocumentTitle)]),
        (T, "关于落实《法治政府建设实施纲要（2021—2025年）》的2025年度报告", "关于落实《法治政府建设实施纲要（2021—2025年）》的2026年度报告", 1, &[("2021—2025年", DocumentTitle)]),
        // Ranges, with every separator.
        (P, "2021-2025年，全区深入开展“八五”普法。", "2021-2025年，全区深入开展“八五”普法。", 0, &[("2021-2025年", Range)]),
        (P, "“八五”普法规划（2021－2025年）顺利收官。", "“八五”普法规划（2021－2025年）顺利收官。", 0, &[("2021－2025年", Range)]),
        (P, "2021至2025年期间累计培训执法人员800人次。", "2021至2025年期间累计培训执法人员800人次。", 0, &[("2021至2025年", Range)]),
        (P, "规划期为2021~2025，现已进入总结阶段。", "规划期为2021~2025，现已进入总结阶段。", 0, &[("2021~2025", Range)]),
        (P, "2024年至2025年，两轮督察反馈问题均已整改。", "2024年至2025年，两轮督察反馈问题均已整改。", 0, &[("2024年至2025年", Range)]),
        // Dates.
        (P, "2024年12月，区政府召开法治政府建设工作会议。", "2024年12月，区政府召开法治政府建设工作会议。", 0, &[("2024年12月", Date)]),
        (P, "2025年3月15日，我局组织开展普法宣传。", "2025年3月15日，我局组织开展普法宣传。", 0, &[("2025年3月15日", Date)]),
        (P, "2025年十二月，我局接受法治督察。", "2025年十二月，我局接受法治督察。", 0, &[("2025年十二月", Date)]),
        // Comparisons.
        (P, "行政复议案件较2024年下降12%。", "行政复议案件较2024年下降12%。", 0, &[("2024年", Comparison)]),
        (P, "办案数量比2024年增加3件。", "办案数量比2024年增加3件。", 0, &[("2024年", Comparison)]),
        (P, "2025年全年收案数同比增长8%。", "2025年全年收案数同比增长8%。", 0, &[("2025年", Comparison)]),
        (P, "与2024年相比，执法检查覆盖面进一步扩大。", "与2024年相比，执法检查覆盖面进一步扩大。", 0, &[("2024年", Comparison)]),
        // Other years, and the own year outside a fixed phrasing.
        (P, "2024年，我局被评为法治建设先进单位。", "2024年，我局被评为法治建设先进单位。", 0, &[("2024年", OtherYear)]),
        (P, "2025年是“十四五”规划收官之年。", "2025年是“十四五”规划收官之年。", 0, &[("2025年", OwnYearUnclear)]),
        // Two years in one sentence.
        (
            P,
            "2025年，我局深入实施《法治政府建设实施纲要（2021—2025年）》，现将2025年度法治政府建设工作情况报告如下。",
            "2026年，我局深入实施《法治政府建设实施纲要（2021—2025年）》，现将2026年度法治政府建设工作情况报告如下。",
            2,
            &[("2021—2025年", DocumentTitle)],
        ),
        (
            P,
            "2024年以来，我局持续推进“放管服”改革，2025年取得明显成效。",
            "2024年以来，我局持续推进“放管服”改革，2025年取得明显成效。",
            0,
            &[("2024年", OtherYear), ("2025年", OwnYearUnclear)],
        ),
        (
            P,
            "2025年12月，我局印发2025年度法治政府建设工作方案。",
            "2025年12月，我局印发2025年度法治政府建设工作方案。",
            0,
            &[("2025年12月", Date), ("2025年度", OwnYearUnclear)],
        ),
        (P, "年初印发2025年度法治政府建设工作要点，", "年初印发2025年度法治政府建设工作要点，", 0, &[("2025年度", OwnYearUnclear)]),
        // Not years at all.
        (P, "12023年、2023.5、第2023号、3000年、1989年、2025版", "12023年、2023.5、第2023号、3000年、1989年、2025版", 0, &[]),
    ];

    #[test]
    fn only_the_reports_own_period_moves() {
        assert!(CASES.len() >= 20);
        for &(place, line, want, changes, left) in CASES {
            let (got, moved) = move_year_in(line, place, 2025, 2026);
            assert_eq!(got, want, "{line}");
            assert_eq!(moved.changes.len(), changes, "{line}: {moved:?}");
            let got_left: Vec<(&str, Reason)> = moved.left.iter().map(|l| (l.text.as_str(), l.reason)).collect();
            assert_eq!(got_left, left, "{line}");
            // Ranges point at the words in the moved line.
            for c in &moved.changes {
                assert_eq!(&got[c.range.clone()], "2026", "{line}");
                assert_eq!((c.place, c.from, c.to), (place, 2025, 2026));
            }
            for l in &moved.left {
                assert_eq!(got[l.range.clone()], l.text, "{line}");
            }
        }
    }

    #[test]
    fn a_range_lists_both_years() {
        let (_, moved) = move_year_in("2021年—2025年，", P, 2025, 2026);
        assert_eq!(moved.left[0].years, [2021, 2025]);
        assert_eq!(moved.left[0].text, "2021年—2025年");
    }

    #[test]
    fn the_summary_counts_changes_and_names_what_was_left() {
        let mut moved = YearMove::new(2025, 2026);
        moved.line("区司法局2025年度法治政府建设情况报告", YearPlace::Title);
        moved.line(
            "2025年，我局深入实施《法治政府建设实施纲要（2021—2025年）》，现将2025年度法治政府建设工作情况报告如下。",
            YearPlace::Preamble(0),
        );
        moved.line(
            "对照《法治政府建设实施纲要（2021—2025年）》，2024年12月召开专题会议，执法检查较2024年增加3次，2025年是收官之年。",
            YearPlace::Preamble(1),
        );
        moved.line("2025年3月15日开展宣传。", YearPlace::Preamble(2));
        assert_eq!(
            moved.summary(),
            [
                "标题：2025 → 2026，1 处",
                "开头段：2025 → 2026，2 处",
                "开头段：“2021—2025年”为文件名称中的年份（共 2 处），未改动，请核对",
                "开头段：“2024年12月”为具体月份，未改动，请核对",
                "开头段：“2024年”用于与其他年份比较，未改动，请核对",
                "开头段：“2025年”虽为本报告所属年度，但不在标明报告期的固定表述中，未改动，请核对",
                "开头段：“2025年3月15日”为具体日期，未改动，请核对",
            ]
        );
        let (_, other) = move_year_in("2023年，", P, 2025, 2026);
        assert_eq!(other.summary(), ["开头段：“2023年”不是本报告所属年度（2025年），未改动，请核对"]);
        let (_, range) = move_year_in("2021至2025年", P, 2025, 2026);
        assert_eq!(range.summary(), ["开头段：“2021至2025年”为起止年份，未改动，请核对"]);
        assert!(YearMove::new(2025, 2026).summary().is_empty());
    }

    #[test]
    fn years_move_forward_only_where_they_are_years() {
        let moved = |text: &str, from: i32, to: i32| move_year_in(text, YearPlace::Preamble(0), from, to);
        // Issue #25: the range 2022年至2023年 is now left as written (it
        // used to become 2023年至2024年) and listed for checking.
        let (line, years) = moved("2023年度，2022年至2023年", 2023, 2024);
        assert_eq!(line, "2024年度，2022年至2023年");
        assert_eq!(years.left.iter().map(|l| (l.text.as_str(), l.reason)).collect::<Vec<_>>(), [("2022年至2023年", Reason::Range)]);
        let (line, years) = moved("12023年、2023.5、第2023号、3000年、1989年", 2023, 2024);
        assert_eq!(line, "12023年、2023.5、第2023号、3000年、1989年");
        assert!(years.changes.is_empty() && years.left.is_empty(), "{years:?}");
        assert_eq!(moved("现就区国资委2023年度开展", 2023, 2025).0, "现就区国资委2025年度开展");
    }
}
