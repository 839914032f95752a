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

/// Lead words of the sentence that hands the report over:
/// `现将2025年度法治政府建设工作情况报告如下`.
const REPORT_LEADS: &[&str] = &["现将", "现就", "现把", "特将"];

/// What follows `YYYY年` / `YYYY年度` when it names the report's period
/// anywhere in the preamble.
const PERIOD_WORDS: &[&str] = &["法治政府建设", "法治建设", "依法行政", "推进法治"];

/// Words naming a document (written without 《》): `印发2025年度法治政府建设
/// 工作要点` names last year's plan, which is no more this year's than its
/// date is. A clause holding one of these after the year does not name the
/// report's period.
const DOCUMENT_WORDS: &[&str] =
    &["方案", "要点", "计划", "通知", "意见", "办法", "规划", "清单", "细则", "规定", "安排", "决定", "纲要"];

/// Between the two years of a range; longest first.
const RANGE_SEPARATORS: &[&str] = &["——", "—", "–", "―", "－", "-", "~", "～", "〜", "至", "到"];

/// Words in the same clause after a year that make it a comparison.
const COMPARISON_WORDS: &[&str] = &["同比", "相比", "相较", "同期", "比较", "对比"];

/// Characters ending a clause.
const CLAUSE_ENDS: &[char] = &['，', ',', '。', '；', ';', '！', '!', '？', '?', '：', ':', '、'];

/// Characters ending a sentence.
const SENTENCE_ENDS: &[char] = &['。', '；', ';', '！', '!', '？', '?'];

/// A year's digits: byte range in the line and value.
#[derive(Clone, Copy)]
struct Token {
    start: usize,
    end: usize,
    year: i32,
}

/// Every four-digit number from 1990 to 2100 not part of a longer number.
fn tokens(line: &str) -> Vec<Token> {
    let bytes = line.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 4 <= bytes.len() {
        let alone = (i == 0 || !bytes[i - 1].is_ascii_digit())
            && bytes[i..i + 4].iter().all(u8::is_ascii_digit)
            && bytes.get(i + 4).is_none_or(|b| !b.is_ascii_digit());
        if alone {
            // Four ASCII digits: the slice is on character boundaries.
            let year: i32 = line[i..i + 4].parse().expect("four digits");
            if (1990..=2100).contains(&year) {
                out.push(Token { start: i, end: i + 4, year });
                i += 4;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// `年` or `年度` at `at`: the byte after it.
fn after_nian(line: &str, at: usize) -> Option<usize> {
    let rest = line[at..].strip_prefix('年')?;
    let end = line.len() - rest.len();
    Some(if rest.starts_with('度') { end + '度'.len_utf8() } else { end })
}

fn skip_spaces(line: &str, at: usize) -> usize {
    at + line[at..].len() - line[at..].trim_start_matches([' ', '\u{3000}']).len()
}

/// A month (`12月`, `１２月`, `十二月`) and optionally a day (`15日`) at `at`:
/// the byte after them.
fn date_end(line: &str, at: usize) -> Option<usize> {
    let number = |from: usize| -> usize {
        let rest = &line[from..];
        let ascii = rest.chars().take_while(|c| c.is_ascii_digit()).count();
        let wide = rest.chars().take_while(|c| ('０'..='９').contains(c)).count();
        let chinese = rest.chars().take_while(|c| "〇零一二三四五六七八九十".contains(*c)).count();
        let (n, each) = if ascii > 0 { (ascii, 1) } else if wide > 0 { (wide, 3) } else { (chinese, 3) };
        if (1..=3).contains(&n) { from + n * each } else { from }
    };
    let m = number(at);
    if m == at {
        return None;
    }
    let month = line[m..].strip_prefix('月')?;
    let mut end = line.len() - month.len();
    let d = number(end);
    if d > end {
        if let Some(rest) = line[d..].strip_prefix(['日', '号']) {
            end = line.len() - rest.len();
        }
    }
    Some(end)
}

/// Whether `at` lies inside 《…》 or 〈…〉 (an unclosed one counts).
fn in_document_title(line: &str, at: usize) -> bool {
    let mut depth = 0i32;
    for c in line[..at].chars() {
        match c {
            '《' | '〈' => depth += 1,
            '》' | '〉' => depth = (depth - 1).max(0),
            _ => {}
        }
    }
    depth > 0
}

/// A year-expression: one year with 年 (and perhaps 年度, a month and day), or
/// a range of two.
struct Expr {
    range: Range<usize>,
    /// Indices into the tokens.
    first: usize,
    second: Option<usize>,
    date: bool,
}

/// The expressions of a line, in order.
fn expressions(line: &str, toks: &[Token]) -> Vec<Expr> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        let t = toks[k];
        // A range: YYYY[年[度]] SEP YYYY[年[度]].
        let mut p = after_nian(line, t.end).unwrap_or(t.end);
        p = skip_spaces(line, p);
        let second = RANGE_SEPARATORS.iter().find_map(|sep| {
            let q = skip_spaces(line, p + line[p..].strip_prefix(sep).map(|_| sep.len())?);
            toks.get(k + 1).filter(|n| n.start == q).map(|_| k + 1)
        });
        if let Some(j) = second {
            let end = after_nian(line, toks[j].end).unwrap_or(toks[j].end);
            out.push(Expr { range: t.start..end, first: k, second: Some(j), date: false });
            k = j + 1;
            continue;
        }
        if let Some(end) = after_nian(line, t.end) {
            // 年度 is never followed by a month.
            let date = if end == t.end + '年'.len_utf8() { date_end(line, end) } else { None };
            out.push(Expr { range: t.start..date.unwrap_or(end), first: k, second: None, date: date.is_some() });
        }
        k += 1;
    }
    out
}

fn is_comparison(line: &str, range: &Range<usize>) -> bool {
    let before = &line[..range.start];
    if before.ends_with(['较', '比', '同']) || before.ends_with("相较于") {
        return true;
    }
    let after = &line[range.end..];
    let clause = after.split(CLAUSE_ENDS).next().unwrap_or("");
    COMPARISON_WORDS.iter().any(|w| clause.contains(w))
}

/// Whether the report's own year at `range` (`YYYY年` or `YYYY年度`) names
/// the report's period in a preamble line.
fn names_period_in_preamble(line: &str, range: &Range<usize>) -> bool {
    let after = &line[range.end..];
    if after.starts_with("以来") {
        return true;
    }
    let clause = after.split(CLAUSE_ENDS).next().unwrap_or("");
    if PERIOD_WORDS.iter().any(|w| after.starts_with(w)) && !DOCUMENT_WORDS.iter().any(|w| clause.contains(w)) {
        return true;
    }
    let before = &line[..range.start];
    let sentence = before.rsplit(SENTENCE_ENDS).next().unwrap_or(before);
    // 现将……2025年度……报告如下, the year after the lead and before 如下.
    let handed_over = REPORT_LEADS.iter().any(|lead| sentence.rfind(lead).is_some_and(|at| !sentence[at..].contains("如下")));
    if handed_over {
        return true;
    }
    // An opening 2025年， / 2025年度，.
    let opening = before.trim_end_matches([' ', '\u{3000}']);
    let opens = opening.is_empty() || opening.ends_with(SENTENCE_ENDS) || opening.ends_with(['：', ':']);
    opens && after.starts_with(['，', ','])
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
}
