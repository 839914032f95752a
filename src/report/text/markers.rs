//! The numbering marker at the start of a line (`第一部分` `一、` `（一）`
//! `1.` `1、` `(1)`, and what Word's list formats display: full-width digits,
//! `①`/`⑴`, `A.`, `甲、`): its style and its length. The parser chooses the
//! section level and the items from them; the editor renumbers in their
//! style; the checker reads their numbers.

/// How a line is numbered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MarkerStyle {
    /// `第一部分`
    Part,
    /// `一、`
    CnComma,
    /// `（一）` or `(一)`
    CnParen,
    /// `1.` or `1．`
    ArabicDot,
    /// `1、`
    ArabicComma,
    /// `（1）` or `(1)`
    ArabicParen,
    /// `①` or `⑴` (Word's decimalEnclosedCircle / decimalEnclosedParen)
    Circled,
    /// `A.` `A、` (Word's upperLetter)
    Letter,
    /// `甲、` (Word's ideographTraditional)
    Stem,
}

/// The numbering marker at the start of a line: its style and its length in
/// bytes, including leading indentation and the spaces after it.
pub fn line_marker(text: &str) -> Option<(MarkerStyle, usize)> {
    let indent = text.len() - text.trim_start_matches([' ', '\u{3000}', '\t']).len();
    let s = &text[indent..];
    let (style, len) = part(s)
        .or_else(|| cn_comma(s))
        .or_else(|| paren(s, true))
        .or_else(|| paren(s, false))
        .or_else(|| arabic(s))
        .or_else(|| circled(s))
        .or_else(|| letter(s))
        .or_else(|| stem(s))?;
    let after = &s[len..];
    let spaces = after.len() - after.trim_start_matches([' ', '\u{3000}']).len();
    // A marker alone on a line numbers nothing.
    if after[spaces..].is_empty() {
        return None;
    }
    Some((style, indent + len + spaces))
}

/// A paragraph without its leading numbering (`（一）`, `1.` …) and the
/// white space around it.
pub(crate) fn without_marker(text: &str) -> &str {
    line_marker(text).map_or(text, |(_, len)| &text[len..]).trim()
}

fn cn_digits(s: &str) -> usize {
    s.chars().take_while(|c| is_cn_numeral(*c)).map(char::len_utf8).sum()
}

/// Up to three digits, ASCII or full-width (１２): their length in bytes.
fn ascii_digits(s: &str) -> usize {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    if n > 0 {
        return if n <= 3 { n } else { 0 };
    }
    let wide: Vec<char> = s.chars().take_while(|c| ('０'..='９').contains(c)).collect();
    if wide.len() <= 3 {
        wide.iter().map(|c| c.len_utf8()).sum()
    } else {
        0
    }
}

/// `①`…`⑳`, `⑴`…`⒇`.
fn circled(s: &str) -> Option<(MarkerStyle, usize)> {
    let c = s.chars().next()?;
    ('\u{2460}'..='\u{2487}').contains(&c).then(|| (MarkerStyle::Circled, c.len_utf8()))
}

/// `A.` `A．` `A、` — a capital letter and its separator.
fn letter(s: &str) -> Option<(MarkerStyle, usize)> {
    let c = s.chars().next().filter(char::is_ascii_uppercase)?;
    let sep = ['.', '．', '、'].into_iter().find(|p| s[1..].starts_with(*p))?;
    // Not a decimal or an abbreviation such as "A.B."
    let after = &s[1 + sep.len_utf8()..];
    (!after.starts_with(|c: char| c.is_ascii_alphanumeric())).then(|| (MarkerStyle::Letter, c.len_utf8() + sep.len_utf8()))
}

/// `甲、` `乙、` …
fn stem(s: &str) -> Option<(MarkerStyle, usize)> {
    let c = s.chars().next().filter(|c| "甲乙丙丁戊己庚辛壬癸".contains(*c))?;
    s[c.len_utf8()..].starts_with('、').then(|| (MarkerStyle::Stem, c.len_utf8() + '、'.len_utf8()))
}

/// `第一部分`, optionally followed by `、` `：` or `:`.
fn part(s: &str) -> Option<(MarkerStyle, usize)> {
    let rest = s.strip_prefix('第')?;
    let n = cn_digits(rest);
    let rest = rest[n..].strip_prefix("部分").filter(|_| n > 0)?;
    let sep = ["、", "：", ":"].iter().find(|p| rest.starts_with(**p)).map_or(0, |p| p.len());
    Some((MarkerStyle::Part, s.len() - rest.len() + sep))
}

/// `一、`
fn cn_comma(s: &str) -> Option<(MarkerStyle, usize)> {
    let n = cn_digits(s);
    (n > 0 && s[n..].starts_with('、')).then(|| (MarkerStyle::CnComma, n + '、'.len_utf8()))
}

/// `（一）` `(一)` when `chinese`, else `（1）` `(1)`.
fn paren(s: &str, chinese: bool) -> Option<(MarkerStyle, usize)> {
    let (open, close) = if s.starts_with('（') { ('（', ['）', ')']) } else if s.starts_with('(') { ('(', [')', '）']) } else { return None };
    let inner = &s[open.len_utf8()..];
    let n = if chinese { cn_digits(inner) } else { ascii_digits(inner) };
    if n == 0 {
        return None;
    }
    let c = inner[n..].chars().next().filter(|c| close.contains(c))?;
    let style = if chinese { MarkerStyle::CnParen } else { MarkerStyle::ArabicParen };
    Some((style, open.len_utf8() + n + c.len_utf8()))
}

/// `1.` `1．` `1、` — not a decimal such as `1.5` or a date such as `2023.1`.
fn arabic(s: &str) -> Option<(MarkerStyle, usize)> {
    let n = ascii_digits(s);
    if n == 0 {
        return None;
    }
    let rest = &s[n..];
    let (style, sep) = if rest.starts_with('、') {
        (MarkerStyle::ArabicComma, '、'.len_utf8())
    } else if rest.starts_with('．') {
        (MarkerStyle::ArabicDot, '．'.len_utf8())
    } else if rest.starts_with('.') {
        (MarkerStyle::ArabicDot, 1)
    } else {
        return None;
    };
    if rest[sep..].starts_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c)) {
        return None;
    }
    Some((style, n + sep))
}

/// The numerals of Chinese markers (一 … 十).
pub(crate) fn is_cn_numeral(c: char) -> bool {
    matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_in_every_style() {
        let cases = [
            ("第一部分 主要举措", Some((MarkerStyle::Part, "第一部分 ".len()))),
            ("第二部分：存在问题", Some((MarkerStyle::Part, "第二部分：".len()))),
            ("一、主要举措", Some((MarkerStyle::CnComma, "一、".len()))),
            ("十二、其他", Some((MarkerStyle::CnComma, "十二、".len()))),
            ("（一）加强领导", Some((MarkerStyle::CnParen, "（一）".len()))),
            ("(三)加强领导", Some((MarkerStyle::CnParen, "(三)".len()))),
            ("1. 标题", Some((MarkerStyle::ArabicDot, "1. ".len()))),
            ("2．标题", Some((MarkerStyle::ArabicDot, "2．".len()))),
            ("3、标题", Some((MarkerStyle::ArabicComma, "3、".len()))),
            ("（4）标题", Some((MarkerStyle::ArabicParen, "（4）".len()))),
            ("(5)标题", Some((MarkerStyle::ArabicParen, "(5)".len()))),
            ("　　一、缩进的标题", Some((MarkerStyle::CnComma, "　　一、".len()))),
            ("1.5倍", None),
            ("2023.1月", None),
            ("一是加强学习", None),
            ("一、", None),
            ("第一次会议", None),
            ("12345. 太长的数字", None),
            ("１２．全角数字", Some((MarkerStyle::ArabicDot, "１２．".len()))),
            ("① 圈码", Some((MarkerStyle::Circled, "① ".len()))),
            ("⑵括号数字", Some((MarkerStyle::Circled, "⑵".len()))),
            ("A. 字母", Some((MarkerStyle::Letter, "A. ".len()))),
            ("B、字母", Some((MarkerStyle::Letter, "B、".len()))),
            ("甲、天干", Some((MarkerStyle::Stem, "甲、".len()))),
            ("A.B.两个", None),
            ("甲乙双方", None),
            ("１.５倍", None),
        ];
        for (line, want) in cases {
            assert_eq!(line_marker(line), want, "{line}");
        }
    }
}
