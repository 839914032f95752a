//! The 公文's frame around the five parts (GB/T 9704-2012 §7.2.5, §7.3.2,
//! §7.3.4–7.3.6): the 发文字号 and the 主送机关 among the front lines, and
//! after the last part the 附件说明, the 发文机关署名, the 成文日期 and an
//! 附注 such as （此件公开发布）.
//!
//! The front lines stay where they are and are recognised when asked for
//! (like the title, `front.rs`); the closing lines are taken out of the last
//! part at parse time into [`Report::back`], so `fzbg inspect`, the checker
//! and the task list never count them as 其他需要报告的情况. Nothing is
//! rewritten: `render(parse(x)) == x`.

use std::ops::Range;

use serde::Serialize;

use super::markers::line_marker;
use crate::report::model::{Line, Report};

/// The frame as the author sees it: each element trimmed, `None` when absent.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Frame {
    pub addressee: Option<String>,
    pub doc_number: Option<String>,
    pub annex: Option<String>,
    pub signature: Option<String>,
    pub date: Option<String>,
    pub note: Option<String>,
}

/// How a 成文日期 is written (GB/T 9704-2012 §7.3.5.4: Arabic numerals, the
/// year in full, months and days without 虚位).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateForm {
    /// 2026年2月26日
    Standard,
    /// 二〇二六年二月二十六日
    ChineseNumerals,
    /// 2026.2.26, 2026-02-26, 2026/2/26
    Separated,
    /// 2026年02月06日
    Padded,
    /// 26年2月26日
    ShortYear,
}

/// A date line: the whole line is a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WrittenDate {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    pub form: DateForm,
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

fn ascii_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

fn cn_digit(c: char) -> Option<u32> {
    "〇一二三四五六七八九".chars().position(|d| d == c).map(|p| p as u32).or((c == '零' || c == 'Ｏ' || c == 'O').then_some(0))
}

/// 三, 十, 十二, 二十六, 三十一.
pub(crate) fn cn_small_number(s: &str) -> Option<u32> {
    let cs: Vec<char> = s.chars().collect();
    match cs.as_slice() {
        [d] if *d != '十' => cn_digit(*d).filter(|n| *n > 0),
        ['十'] => Some(10),
        ['十', d] => cn_digit(*d).filter(|n| *n > 0).map(|n| 10 + n),
        [t, '十'] => cn_digit(*t).filter(|n| *n > 1).map(|n| n * 10),
        [t, '十', d] => Some(cn_digit(*t).filter(|n| *n > 1)? * 10 + cn_digit(*d).filter(|n| *n > 0)?),
        _ => None,
    }
}

/// Read a line that is a date and nothing else (white space around it allowed).
pub fn date_line(text: &str) -> Option<WrittenDate> {
    let t = text.trim_matches(is_space);
    if t.is_empty() || t.chars().count() > 20 {
        return None;
    }
    if let Some(d) = arabic_date(t) {
        return Some(d);
    }
    if let Some(d) = separated_date(t) {
        return Some(d);
    }
    chinese_date(t)
}

fn valid(y: i32, m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && (1..=31).contains(&d) && (0..=2100).contains(&y)
}

/// `2026年2月26日` and its padded or short-year forms.
fn arabic_date(t: &str) -> Option<WrittenDate> {
    let (y, rest) = t.split_once('年')?;
    let (m, rest) = rest.split_once('月')?;
    let d = rest.strip_suffix('日')?;
    let num = |s: &str| -> Option<(u32, usize)> {
        let s = s.trim_matches(is_space);
        let digits: Option<Vec<u32>> = s.chars().map(ascii_digit).collect();
        let digits = digits.filter(|d| !d.is_empty() && d.len() <= 4)?;
        Some((digits.iter().fold(0, |a, d| a * 10 + d), digits.len()))
    };
    let ((y, yl), (m, ml), (d, dl)) = (num(y)?, num(m)?, num(d)?);
    let year = if yl == 2 { 2000 + y as i32 } else { y as i32 };
    if !(yl == 4 || yl == 2) || ml > 2 || dl > 2 || !valid(year, m, d) {
        return None;
    }
    let form = if yl == 2 {
        DateForm::ShortYear
    } else if (ml == 2 && m < 10) || (dl == 2 && d < 10) {
        DateForm::Padded
    } else {
        DateForm::Standard
    };
    Some(WrittenDate { year, month: m, day: d, form })
}

/// `2026.2.26`, `2026-02-26`, `2026/2/26`, `2026．2．26`.
fn separated_date(t: &str) -> Option<WrittenDate> {
    let parts: Vec<&str> = t.split(['.', '-', '/', '．', '／']).collect();
    let [y, m, d] = parts[..] else { return None };
    let num = |s: &str, max: usize| -> Option<u32> {
        let digits: Option<Vec<u32>> = s.chars().map(ascii_digit).collect();
        digits.filter(|d| !d.is_empty() && d.len() <= max).map(|d| d.iter().fold(0, |a, x| a * 10 + x))
    };
    let (year, month, day) = (num(y, 4)?, num(m, 2)?, num(d, 2)?);
    (y.chars().count() == 4 && valid(year as i32, month, day))
        .then_some(WrittenDate { year: year as i32, month, day, form: DateForm::Separated })
}

/// `二〇二六年二月二十六日`.
fn chinese_date(t: &str) -> Option<WrittenDate> {
    let (y, rest) = t.split_once('年')?;
    let (m, rest) = rest.split_once('月')?;
    let d = rest.strip_suffix('日')?;
    let digits: Option<Vec<u32>> = y.chars().map(cn_digit).collect();
    let digits = digits.filter(|d| d.len() == 4)?;
    let year = digits.iter().fold(0, |a, d| a * 10 + d) as i32;
    let (month, day) = (cn_small_number(m)?, cn_small_number(d)?);
    valid(year, month, day).then_some(WrittenDate { year, month, day, form: DateForm::ChineseNumerals })
}

/// What a 发文机关 or 主送机关 name ends with.
const UNIT_ENDINGS: [&str; 24] = [
    "政府", "委员会", "常委会", "办事处", "党委", "党组", "局", "厅", "委", "办", "办公室", "院", "会", "部", "署",
    "中心", "处", "所", "街道", "镇", "乡", "队", "社", "司",
];

/// A unit's name: short, no punctuation but 、 between joint names, no
/// number in front, ending as a unit's name does.
fn is_unit_name(t: &str) -> bool {
    let n = t.chars().count();
    (2..=40).contains(&n)
        && !t.contains(['。', '，', '；', '：', ':', ',', ';', '！', '？', '“', '”', '（', '('])
        && line_marker(t).is_none()
        && t.split('、').all(|name| !name.is_empty() && UNIT_ENDINGS.iter().any(|e| name.ends_with(e)))
}

/// A closing 发文机关署名 line.
pub fn is_signature_line(text: &str) -> bool {
    is_unit_name(text.trim_matches(is_space))
}

/// A 主送机关 line: the names followed by a colon (full-width or not, so the
/// checker can ask for the full-width one).
pub fn is_addressee_line(text: &str) -> bool {
    let t = text.trim_matches(is_space);
    let Some(names) = t.strip_suffix('：').or_else(|| t.strip_suffix(':')) else { return false };
    is_unit_name(names.trim_matches(is_space)) || names.split(['、', '，', ',']).all(is_unit_name) && names.contains(['，', ','])
}

/// A 发文字号 line: 机关代字, a year in brackets, a number and 号
/// (浙卫〔2024〕3号), in the right brackets or wrong ones (【】, [], ［］).
pub fn is_doc_number_line(text: &str) -> bool {
    let t = text.trim_matches(is_space);
    if t.chars().count() > 30 || !t.ends_with('号') || t.contains(['。', '，', '：']) {
        return false;
    }
    let open = t.find(['〔', '【', '[', '［', '（', '(']);
    let close = t.find(['〕', '】', ']', '］', '）', ')']);
    match (open, close) {
        (Some(o), Some(c)) if o < c => {
            let year: String = t[o..c].chars().skip(1).collect();
            year.chars().count() == 4 && year.chars().all(|c| ascii_digit(c).is_some())
        }
        _ => false,
    }
}

/// An 附注 line under the date: （此件公开发布）.
fn is_note_line(text: &str) -> bool {
    let t = text.trim_matches(is_space);
    t.chars().count() <= 40 && (t.starts_with('（') && t.ends_with('）') || t.starts_with('(') && t.ends_with(')'))
}

/// An 附件说明's first line: 附件：1. … or 附件：名称.
fn is_annex_start(text: &str) -> bool {
    let t = text.trim_matches(is_space);
    ["附件：", "附件:"].iter().any(|p| t.starts_with(p) && t.chars().count() > 3)
}

fn blank(l: &Line) -> bool {
    l.text.trim_matches(is_space).is_empty()
}

/// Where each closing element stands among the closing lines.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BackRoles {
    pub annex: Option<Range<usize>>,
    pub signature: Option<usize>,
    pub date: Option<usize>,
    pub note: Option<usize>,
    /// Where the frame begins: the first closing line (blank lines before
    /// it included, so the part ends with its last line of text).
    pub start: usize,
}

/// Read the closing lines at the end of `lines`, from the bottom up: an
/// 附注, the 成文日期, the 署名, the 附件说明, blank lines between them.
/// `start == lines.len()` when there is none. A date inside a sentence is
/// no 成文日期: only a line that is a date and nothing else is.
pub fn back_roles(lines: &[Line]) -> BackRoles {
    let mut roles = BackRoles { start: lines.len(), ..BackRoles::default() };
    let mut i = lines.len();
    let skip_blank = |mut i: usize| {
        while i > 0 && blank(&lines[i - 1]) {
            i -= 1;
        }
        i
    };
    i = skip_blank(i);
    if i > 1 && is_note_line(&lines[i - 1].text) && date_line(&lines[i - 2].text).is_some() {
        roles.note = Some(i - 1);
        i -= 1;
    }
    if i > 0 && date_line(&lines[i - 1].text).is_some() {
        roles.date = Some(i - 1);
        i = skip_blank(i - 1);
    }
    if i > 0 && is_signature_line(&lines[i - 1].text) {
        roles.signature = Some(i - 1);
        i = skip_blank(i - 1);
    }
    // The 附件说明: a line starting 附件： and its further names below it,
    // short lines without a full stop.
    let mut k = i;
    while k > 0 && i - k < 10 {
        let l = &lines[k - 1];
        if is_annex_start(&l.text) {
            roles.annex = Some(k - 1..i);
            i = k - 1;
            break;
        }
        let t = l.text.trim_matches(is_space);
        if blank(l) || t.chars().count() > 60 || t.contains('。') {
            break;
        }
        k -= 1;
    }
    if roles.annex.is_none() && roles.signature.is_none() && roles.date.is_none() {
        return roles;
    }
    roles.start = skip_blank(i);
    roles
}

/// Take the closing lines off the end of the last part's lines.
pub(crate) fn split_back(lines: &mut Vec<Line>) -> Vec<Line> {
    let start = back_roles(lines).start;
    // A part that is only a date stays a part; a closing set apart by a
    // blank line under an empty part (a new draft's) is the frame.
    if start == 0 && !lines.first().is_some_and(blank) {
        return Vec::new();
    }
    lines.split_off(start)
}

impl Report {
    /// The front line holding the 发文字号: before the title, or right after it.
    pub fn doc_number_index(&self) -> Option<usize> {
        let title = self.title_index();
        let before = title.unwrap_or(0);
        (0..before).find(|&i| is_doc_number_line(&self.front[i].text)).or_else(|| {
            let after = self.after_title();
            after.filter(|&i| is_doc_number_line(&self.front[i].text))
        })
    }

    /// The first front line with text after the title.
    fn after_title(&self) -> Option<usize> {
        let from = self.title_index()? + 1;
        (from..self.front.len()).find(|&i| !blank(&self.front[i]))
    }

    /// The front line holding the 主送机关: the first line with text after
    /// the title (after a 发文字号 standing there), names and a colon.
    pub fn addressee_index(&self) -> Option<usize> {
        let mut i = self.after_title()?;
        if is_doc_number_line(&self.front[i].text) {
            i = (i + 1..self.front.len()).find(|&k| !blank(&self.front[k]))?;
        }
        is_addressee_line(&self.front[i].text).then_some(i)
    }

    /// Front lines that are the frame's, not the preamble's.
    pub fn front_frame_lines(&self) -> Vec<usize> {
        let mut v: Vec<usize> = [self.doc_number_index(), self.addressee_index()].into_iter().flatten().collect();
        crate::report::sort::numbers(&mut v);
        v
    }

    /// The closing lines' roles in [`Report::back`].
    pub fn back_roles(&self) -> BackRoles {
        back_roles(&self.back)
    }

    /// The whole frame, each element trimmed.
    pub fn frame(&self) -> Frame {
        let front = |i: Option<usize>| i.map(|i| self.front[i].text.trim_matches(is_space).to_string());
        let back = |i: Option<usize>| i.map(|i| self.back[i].text.trim_matches(is_space).to_string());
        let roles = self.back_roles();
        let annex = roles.annex.clone().map(|r| {
            self.back[r].iter().map(|l| l.text.trim_matches(is_space)).collect::<Vec<_>>().join("\n")
        });
        Frame {
            addressee: front(self.addressee_index()).map(|a| a.trim_end_matches(['：', ':']).to_string()),
            doc_number: front(self.doc_number_index()),
            annex,
            signature: back(roles.signature),
            date: back(roles.date),
            note: back(roles.note),
        }
    }

    /// The 成文日期 as read, when the report has one.
    pub fn written_date(&self) -> Option<WrittenDate> {
        self.back_roles().date.and_then(|i| date_line(&self.back[i].text))
    }
}
