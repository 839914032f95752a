//! Reading the years of one line: four-digit years not part of a longer
//! number, the expressions they make (a year with 年 or 年度, a date, a
//! range), and the words around them that say whether a year names the
//! report's period, a document, a date or a comparison.

use std::ops::Range;

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
pub(super) struct Token {
    pub start: usize,
    pub end: usize,
    pub year: i32,
}

/// Every four-digit number from 1990 to 2100 not part of a longer number.
pub(super) fn tokens(line: &str) -> Vec<Token> {
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
pub(super) fn in_document_title(line: &str, at: usize) -> bool {
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
pub(super) struct Expr {
    pub range: Range<usize>,
    /// Indices into the tokens.
    pub first: usize,
    pub second: Option<usize>,
    pub date: bool,
}

/// The expressions of a line, in order.
pub(super) fn expressions(line: &str, toks: &[Token]) -> Vec<Expr> {
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

pub(super) fn is_comparison(line: &str, range: &Range<usize>) -> bool {
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
pub(super) fn names_period_in_preamble(line: &str, range: &Range<usize>) -> bool {
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
