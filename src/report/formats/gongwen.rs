//! Where GB/T 9704-2012 puts the 公文's title and frame, as figures the
//! .docx writer and the 公文 preview both use:
//!
//! - §7.3.1: the title in lines broken at word boundaries, balanced
//!   (trapezoid or diamond), never a lone character, never inside a term
//!   such as 法治政府建设 or the unit's name ([`title_lines`]);
//! - §7.3.5.1 (加盖印章) and §7.3.5.2 (不加盖印章): the right indents of the
//!   发文机关署名 and the 成文日期 ([`closing_indents`]).
//!
//! Widths are in twentieths of a point (twip) of the 三号 body, where a
//! Chinese character takes 15.75 pt (16 pt with −0.25 pt character spacing,
//! see `docx_write.rs`) and a Latin letter or digit half of 16 pt less the
//! same spacing.

/// Page and layout figures (twip), see `docx_write.rs`'s documentation.
pub mod layout {
    pub const PAGE_W: u32 = 11906;
    pub const PAGE_H: u32 = 16838;
    pub const MARGIN_TOP: u32 = 2098;
    pub const MARGIN_BOTTOM: u32 = 1984;
    pub const MARGIN_LEFT: u32 = 1587;
    pub const MARGIN_RIGHT: u32 = 1474;
    pub const FOOTER: u32 = 1247;
    /// Exact line spacing: 28.95 pt, 22 lines in the 225 mm text area.
    pub const LINE: u32 = 579;
    /// Character spacing of body text in twentieths of a point: −0.25 pt, so
    /// 28 characters of 三号 (15.75 pt each) fit the 156 mm text area.
    pub const CHAR_SPACING: i32 = -5;
    /// Two characters of 15.75 pt.
    pub const FIRST_LINE_INDENT: u32 = 630;
    /// Body, headings: 三号 16 pt in half-points.
    pub const BODY_SIZE: u32 = 32;
    /// Title: 二号 22 pt in half-points.
    pub const TITLE_SIZE: u32 = 44;
    /// Page numbers: 四号 14 pt in half-points.
    pub const PAGE_NUMBER_SIZE: u32 = 28;
}

/// The author's choice for the closing (§7.3.5).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Seal {
    /// §7.3.5.1: the 成文日期 four characters from the right, the 署名
    /// centred over it, room above for the seal.
    Sealed,
    /// §7.3.5.2: the 署名 two characters from the right, the 成文日期 two
    /// characters further right than the 署名 starts.
    #[default]
    Unsealed,
}

/// One body character (三号 less the character spacing), in twip.
pub const CHAR: u32 = 315;
/// `twip` in body characters with two decimals: the text
/// `format!("{:.2}", twip as f32 / CHAR as f32)` gives (the f32's exact
/// value rounded, ties to even), without linking the float printer (about
/// 4 KB of wasm) for the preview's indents. The f32 times 100 is exact in
/// an f64 (24 + 7 bits), so rounding it there rounds the exact value.
pub fn in_chars(twip: u32) -> String {
    let hundredths = ((twip as f32 / CHAR as f32) as f64 * 100.0).round_ties_even() as u64;
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}

/// A Latin letter or digit in Times New Roman 三号, in twip.
const HALF: u32 = 155;

/// The width of a line of body text, in twip.
pub fn body_width(text: &str) -> u32 {
    text.chars().map(|c| if c.is_ascii() { HALF } else { CHAR }).sum()
}

/// Half the space LibreOffice puts between a Chinese character and a digit,
/// in twip. Word leaves none where the paragraph says `autoSpaceDE="0"`;
/// LibreOffice ignores that setting and adds 0.2 em (64 twip at 三号) at each
/// change between the two. A width that rests on a date's is figured
/// halfway, so it is within 1.5 mm of its place in either (measured:
/// tests/fixtures/docx-frame-measured/).
const AUTOSPACE_HALF: u32 = 32;

/// The width of a 成文日期 as placed: its characters and half the space an
/// office suite may add between its Chinese characters and digits.
pub fn date_width(date: &str) -> u32 {
    let chars: Vec<char> = date.trim().chars().collect();
    let changes = chars.windows(2).filter(|w| w[0].is_ascii() != w[1].is_ascii()).count() as u32;
    body_width(date.trim()) + changes * AUTOSPACE_HALF
}

/// The right indents (twip) of the 署名 and the 成文日期. The writer places
/// an unsealed date that sits right of the 署名 by its first character
/// instead ([`unsealed_date_left`]), which no office suite's spacing moves.
pub fn closing_indents(signature: &str, date: &str, seal: Seal) -> (u32, u32) {
    let (ws, wd) = (body_width(signature.trim()) as i64, date_width(date) as i64);
    let c = CHAR as i64;
    let (sig, date) = match seal {
        // 成文日期右空四字; 署名 centred on the date: equal centres.
        Seal::Sealed => (4 * c + wd / 2 - ws / 2, 4 * c),
        // 署名右空二字, the date's first character two characters right of
        // the 署名's; a date longer than that allows 右空二字 and the 署名
        // moved left to match.
        Seal::Unsealed if ws - wd >= 2 * c => (2 * c, ws - wd),
        Seal::Unsealed => (4 * c + wd - ws, 2 * c),
    };
    (sig.max(0) as u32, date.max(0) as u32)
}

/// §7.3.5.2 with 署名右空二字: the 成文日期's left indent (twip) in a text
/// area `text_width` wide, its first character two characters right of the
/// 署名's — `None` when the date is too long for that and stands 右空二字.
pub fn unsealed_date_left(signature: &str, date: &str, text_width: u32) -> Option<u32> {
    let (sig_right, _) = closing_indents(signature, date, Seal::Unsealed);
    (sig_right == 2 * CHAR).then(|| (text_width + 2 * CHAR).saturating_sub(sig_right + body_width(signature.trim())))
}

/// Blank lines between the text (or the 附件说明) and the 署名: one without
/// a seal (§7.3.5.2 正文下空一行), two with one, so the seal's top stays
/// within a line of the text and the 署名 and date sit low in it (§7.3.5.1).
pub fn lines_before_signature(seal: Seal) -> u32 {
    match seal {
        Seal::Sealed => 2,
        Seal::Unsealed => 1,
    }
}

/// Title width in half-characters of 二号: a Chinese character 2, a Latin one 1.
fn halves(chars: &[char]) -> usize {
    chars.iter().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// A title line holds 20 characters of 二号 (22 pt in the 442 pt text area).
pub const TITLE_LINE_HALVES: usize = 40;

/// Terms a title line never breaks inside.
const PROTECTED: [&str; 14] = [
    "法治政府建设", "法治政府", "法治建设", "人民政府", "依法行政", "情况报告", "工作报告", "年度", "委员会", "办事处", "办公室",
    "督察", "责任落实", "关于",
];

/// Where a title line may start: before the year, after 年度/年, before
/// 法治政府建设, 情况, 工作, 的报告, after 关于 and the unit's name.
fn preferred(chars: &[char], b: usize, unit_end: Option<usize>) -> bool {
    let at = |s: &str| chars[b..].iter().take(s.chars().count()).copied().eq(s.chars());
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    (digit(b) && !digit(b - 1))
        || (chars[b - 1] == '年' && digit(b.wrapping_sub(2)))
        || (b >= 2 && chars[b - 2..b] == ['年', '度'])
        || ["法治政府建设", "法治建设", "推进", "情况", "工作情况", "的报告", "关于"].iter().any(|s| at(s))
        || (b >= 2 && chars[b - 2..b] == ['关', '于'])
        || unit_end == Some(b)
}

/// Spans no line may break inside: the protected terms, the unit's name
/// (when it fits a line) and numbers with the 年 after them.
fn forbidden(chars: &[char], unit: Option<&str>) -> Vec<bool> {
    let n = chars.len();
    let mut no = vec![false; n + 1];
    let mut protect = |s: usize, e: usize| (s + 1..e).for_each(|b| no[b] = true);
    let text: String = chars.iter().collect();
    let mut terms: Vec<&str> = PROTECTED.to_vec();
    if let Some(u) = unit.filter(|u| halves(&u.chars().collect::<Vec<_>>()) <= TITLE_LINE_HALVES) {
        terms.push(u);
    }
    for term in terms {
        for (byte, _) in text.match_indices(term) {
            let s = text[..byte].chars().count();
            protect(s, s + term.chars().count());
        }
    }
    let mut i = 0;
    while i < n {
        if chars[i].is_ascii_digit() {
            let s = i;
            while i < n && chars[i].is_ascii_digit() {
                i += 1;
            }
            protect(s, (i + 1).min(n));
        } else {
            i += 1;
        }
    }
    no
}

/// The title in lines per §7.3.1: as few lines as fit, broken only where a
/// word ends, the most balanced such breaking (a line of two characters at
/// least), three or more lines in a diamond or trapezoid rather than an
/// hourglass. `unit` is the unit's name, kept whole when it fits a line.
pub fn title_lines(title: &str, unit: Option<&str>) -> Vec<String> {
    let chars: Vec<char> = title.trim().chars().collect();
    if halves(&chars) <= TITLE_LINE_HALVES || chars.len() < 4 {
        return vec![chars.iter().collect()];
    }
    let no = forbidden(&chars, unit.map(str::trim).filter(|u| !u.is_empty()));
    let unit_end = unit.and_then(|u| title.trim().find(u.trim()).map(|b| title.trim()[..b].chars().count() + u.trim().chars().count()));
    let preferred: Vec<usize> = (1..chars.len()).filter(|&b| !no[b] && preferred(&chars, b, unit_end)).collect();
    let allowed: Vec<usize> = (1..chars.len()).filter(|&b| !no[b]).collect();
    let everything: Vec<usize> = (1..chars.len()).collect();
    let least = halves(&chars).div_ceil(TITLE_LINE_HALVES);
    for candidates in [&preferred, &allowed, &everything] {
        for lines in least..=least + 2 {
            if let Some(breaks) = best_breaks(&chars, candidates, lines) {
                let mut out = Vec::new();
                let mut from = 0;
                for b in breaks.into_iter().chain([chars.len()]) {
                    out.push(chars[from..b].iter().collect());
                    from = b;
                }
                return out;
            }
        }
    }
    vec![chars.iter().collect()]
}

/// The best `lines − 1` breaks among `candidates`: every line fits and has
/// two characters at least; least difference between the longest and the
/// shortest line, an hourglass (a middle line shorter than both ends) last.
fn best_breaks(chars: &[char], candidates: &[usize], lines: usize) -> Option<Vec<usize>> {
    let mut best: Option<(usize, Vec<usize>)> = None;
    let mut pick = vec![0usize; lines - 1];
    fn walk(chars: &[char], cands: &[usize], from: usize, depth: usize, pick: &mut Vec<usize>, best: &mut Option<(usize, Vec<usize>)>) {
        if depth == pick.len() {
            let mut widths = Vec::new();
            let mut s = 0;
            for &b in pick.iter().chain(std::iter::once(&chars.len())) {
                if b <= s {
                    return;
                }
                widths.push(halves(&chars[s..b]));
                s = b;
            }
            if widths.iter().any(|w| *w > TITLE_LINE_HALVES || *w < 4) {
                return;
            }
            let (max, min) = (*widths.iter().max().unwrap(), *widths.iter().min().unwrap());
            let hourglass = widths.len() >= 3 && widths[1..widths.len() - 1].iter().any(|w| *w < widths[0] && *w < widths[widths.len() - 1]);
            let cost = max - min + if hourglass { 100 } else { 0 };
            if best.as_ref().is_none_or(|(c, _)| cost < *c) {
                *best = Some((cost, pick.clone()));
            }
            return;
        }
        for (k, &b) in cands.iter().enumerate().skip(from) {
            pick[depth] = b;
            walk(chars, cands, k + 1, depth + 1, pick, best);
        }
    }
    walk(chars, candidates, 0, 0, &mut pick, &mut best);
    best.map(|(_, b)| b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_chars_shows_what_the_float_printer_shows() {
        // Far past any indent a line can have (a line is 28 characters).
        for twip in 0..=400_000 {
            assert_eq!(in_chars(twip), format!("{:.2}", twip as f32 / CHAR as f32), "{twip}");
        }
    }
}
