//! The text itself: half-width punctuation in Chinese text (with the fix the
//! app applies in one click) and words that call for a 保密审查.

use super::ctx::{At, Ctx, Findings};
use crate::report::model::Report;

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}' | '“' | '”' | '‘' | '’')
}

fn full_width(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '(' => '（',
        ')' => '）',
        '?' => '？',
        '!' => '！',
        '.' => '。',
        _ => return None,
    })
}

/// A Chinese character proper (not full-width digits, letters or punctuation).
fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// Full-width marks that close a quotation or bracket, and those that open one.
const CLOSING: &[char] = &['”', '’', '）', '》', '」', '』', '】', '〕'];
const OPENING: &[char] = &['“', '‘', '（', '《', '「', '『', '【', '〔'];

/// Chinese numerals as written in a marker (`一.`) or a number (`三.五`).
fn is_cn_digit(c: char) -> bool {
    "〇零一二三四五六七八九十".contains(c)
}

/// A `.` at `i` that ends or continues a Chinese sentence: a Chinese
/// character (or a closing quotation mark or bracket) before it, and after it
/// a Chinese character, an opening or closing mark, or the end of the line.
/// Never a number (`98.5%`, `1.5倍`, `三.五`), an item marker (`1.加强`, and
/// `一.加强` at the start of a line), a version (`V2.0`), a URL or e-mail
/// address (`www.gov.cn`, `a@b.cn`, `http://法治.中国/`) or an abbreviation
/// between Latin letters: in all of these the dot is not between a Chinese
/// character and the end of a sentence.
fn is_sentence_dot(chars: &[char], i: usize) -> bool {
    let Some(j) = i.checked_sub(1) else { return false };
    let before = chars[j];
    // `复议).下一步`: the `)` is itself a Chinese bracket written half-width.
    let half_width_close = before == ')' && j.checked_sub(1).is_some_and(|k| is_cjk(chars[k]));
    if !(is_han(before) || CLOSING.contains(&before) || half_width_close) {
        return false;
    }
    let rest = &chars[i + 1..];
    let after = rest.iter().copied().find(|c| !matches!(c, ' ' | '\t'));
    let ends = match after {
        None | Some('\n' | '\r') => true,
        // `整改. 下一步` too: a space typed after the dot out of English habit.
        Some(c) => is_han(c) || CLOSING.contains(&c) || OPENING.contains(&c) || c == ')',
    };
    if !ends {
        return false;
    }
    // A number written in Chinese numerals: 三.五倍.
    if is_cn_digit(before) && rest.first().copied().is_some_and(is_cn_digit) {
        return false;
    }
    // A marker at the start of the line written with a dot: 一.加强领导.
    let start = chars.iter().position(|c| !matches!(c, ' ' | '\u{3000}' | '\t')).unwrap_or(0);
    if i > start && i - start <= 3 && chars[start..i].iter().all(|c| is_cn_digit(*c)) {
        return false;
    }
    // A domain label in Chinese (www.政府.中国, a@政府.中国, http://法治.中国):
    // the Chinese characters before the dot follow the `/` or `@` of an
    // address, or a `.` after a Latin letter (not the `1.` of a marker).
    let label = chars[..i].iter().rev().take_while(|c| is_han(**c)).count();
    if label > 0 && i > label {
        let sep = i - label - 1;
        let letter_before = sep.checked_sub(1).is_some_and(|k| chars[k].is_ascii_alphabetic());
        if matches!(chars[sep], '/' | '@') || (chars[sep] == '.' && letter_before) {
            return false;
        }
    }
    true
}

/// Positions (char indices) of half-width punctuation that belongs to Chinese
/// text: `, ; : ? !` next to a Chinese character, `(` before one, `)` after
/// one, and `.` where a Chinese sentence ends or continues
/// ([`is_sentence_dot`]). `1,000`, `3:30`, `98.5%`, list markers like `(1)`
/// and `1.`, addresses and ASCII text are left alone.
fn half_width_positions(text: &str) -> Vec<usize> {
    let chars: Vec<char> = text.chars().collect();
    let prev = |i: usize| i.checked_sub(1).and_then(|j| chars.get(j)).copied().is_some_and(is_cjk);
    let next = |i: usize| chars.get(i + 1).copied().is_some_and(is_cjk);
    (0..chars.len())
        .filter(|&i| match chars[i] {
            ',' | ';' | ':' | '?' | '!' => prev(i) || next(i),
            '(' => next(i),
            ')' => prev(i),
            '.' => is_sentence_dot(&chars, i),
            _ => false,
        })
        .collect()
}

/// Replace half-width punctuation inside Chinese text with full-width.
/// Repeated until nothing changes: in `领导(重点)?` the `?` only touches
/// Chinese once the `)` before it has become `）`.
pub fn fix_half_width(text: &str) -> String {
    let mut text = text.to_string();
    loop {
        let positions = half_width_positions(&text);
        if positions.is_empty() {
            return text;
        }
        text = text.chars().enumerate().map(|(i, c)| if positions.contains(&i) { full_width(c).unwrap_or(c) } else { c }).collect();
    }
}

/// Fix every line of a report; returns how many characters were changed.
pub fn fix_report_punctuation(report: &mut Report) -> usize {
    let mut changed = 0;
    let mut fix = |s: &mut String| {
        let fixed = fix_half_width(s);
        changed += s.chars().zip(fixed.chars()).filter(|(a, b)| a != b).count();
        *s = fixed;
    };
    for line in &mut report.front {
        fix(&mut line.text);
    }
    for section in &mut report.sections {
        fix(&mut section.heading.text);
        section.intro.iter_mut().for_each(|l| fix(&mut l.text));
        for item in &mut section.items {
            fix(&mut item.title);
            fix(&mut item.body);
            item.more.iter_mut().for_each(|l| fix(&mut l.text));
            // A `.` in the title that became 。 ends the title there, as the
            // parser would have read it; the rendered text is the same.
            if item.title.contains('。') {
                let line = format!("{}{}{}", item.title, item.sep, item.body);
                let (title, sep, body) = crate::report::text::parse::split_title(&line);
                (item.title, item.sep, item.body) = (title.to_string(), sep.to_string(), body.to_string());
            }
        }
    }
    changed
}

/// One finding per line with half-width punctuation in Chinese text.
pub(super) fn half_width_punctuation(ctx: &Ctx, out: &mut Findings) {
    for (line, section, item, text) in ctx.texts().iter().map(|(l, s, i, t)| (*l, *s, *i, t)) {
        let positions = half_width_positions(text);
        if positions.is_empty() {
            continue;
        }
        let marks: String = {
            let chars: Vec<char> = text.chars().collect();
            // As u64, to share the one sort routine the matcher's key pairs use.
            let mut m: Vec<u64> = positions.iter().map(|&i| u64::from(chars[i])).collect();
            crate::report::sort::numbers(&mut m);
            m.dedup();
            m.into_iter().filter_map(|c| char::from_u32(c as u32)).map(|c| format!("“{c}”")).collect::<Vec<_>>().join("")
        };
        out.push(At { section, item, line: Some(line) },
            format!("中文句子中有 {} 处半角标点（{marks}），公文应使用全角标点（，；：（）？！。）。{AUTHOR_HINT}", positions.len()));
    }
}

/// What a finding tells the author about this tool (not for a unit that
/// gets the finding from its reviewer: `review::reviewed` drops it).
pub const AUTHOR_HINT: &str = "可在检查页一键改正。";

/// Words that suggest content needing a 保密审查 before publication.
const SECRET_WORDS: &[&str] = &["绝密", "机密", "秘密", "涉密", "内部", "密件"];

/// Published reports must not contain 党和国家秘密: flag lines to review.
pub(super) fn confidentiality(ctx: &Ctx, out: &mut Findings) {
    for (line, section, item, text) in ctx.texts().iter().map(|(l, s, i, t)| (*l, *s, *i, t)) {
        let found: Vec<&str> = SECRET_WORDS.iter().copied().filter(|w| text.contains(w)).collect();
        if found.is_empty() {
            continue;
        }
        out.push(At { section, item, line: Some(line) },
            format!("这一行出现“{}”。年度报告要向社会公开，公开前须进行保密审查，确认不含党和国家秘密及内部事项。", found.join("”“")));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::check::{check, CheckContext};
    use crate::report::{parse, render};

    #[test]
    fn half_width_inside_chinese_only() {
        assert_eq!(fix_half_width("为推进法治政府建设,按照要求;现报告如下:"), "为推进法治政府建设，按照要求；现报告如下：");
        // 公文 numbering uses full-width brackets too.
        assert_eq!(fix_half_width("(一)加强领导(重点)?"), "（一）加强领导（重点）？");
        for untouched in ["1,000 元", "3:30", "(1)完善制度", "Hello, world!", "1. 标题"] {
            assert_eq!(fix_half_width(untouched), untouched);
        }
    }

    #[test]
    fn one_finding_per_line_and_the_fix_clears_them() {
        let mut r = parse("为推进法治建设,现报告如下。\n一、主要举措和成效\n1. 强化学习,提升水平。办理12件(含3件复议)。");
        let found: Vec<_> = check(&r, &CheckContext::default()).into_iter().filter(|f| f.rule.as_str() == "half-width-punctuation").collect();
        assert_eq!(found.iter().map(|f| f.line).collect::<Vec<_>>(), vec![Some(1), Some(3)]);
        assert!(found[1].message.contains("3 处"));
        assert_eq!(fix_report_punctuation(&mut r), 4);
        assert!(check(&r, &CheckContext::default()).iter().all(|f| f.rule.as_str() != "half-width-punctuation"));
        assert_eq!(render(&r), "为推进法治建设，现报告如下。\n一、主要举措和成效\n1. 强化学习，提升水平。办理12件（含3件复议）。");
    }

    #[test]
    fn a_half_width_full_stop_in_chinese_text_is_flagged_and_fixed() {
        let fires = [
            ("已全部完成整改.下一步", "已全部完成整改。下一步"),
            ("巩固整改成果.", "巩固整改成果。"),
            ("巩固整改成果.  ", "巩固整改成果。  "),
            ("整改. 下一步", "整改。 下一步"),
            ("组织开展“宪法宣传周”.下一步", "组织开展“宪法宣传周”。下一步"),
            ("全面完成整改.“三会一课”常态开展", "全面完成整改。“三会一课”常态开展"),
            ("（已完成整改.）", "（已完成整改。）"),
            ("已完成整改.”", "已完成整改。”"),
            // The `)` becomes `）` first, then the dot after it.
            ("办理12件(含3件复议).下一步", "办理12件（含3件复议）。下一步"),
            ("1.加强学习.深入学习", "1.加强学习。深入学习"),
        ];
        for (text, fixed) in fires {
            assert!(!half_width_positions(text).is_empty(), "{text}");
            assert_eq!(fix_half_width(text), fixed);
        }
        let look_alikes = [
            "考试通过率达98.5%",
            "是上年的1.5倍",
            "增长三.五倍",
            "1.加强学习",
            "1. 加强学习",
            "　　2.加强学习",
            "12.其他事项",
            "一.加强组织领导",
            "　　十二.其他",
            "２０２３.１月",
            "升级到V2.0版本",
            "登录www.gov.cn查询",
            "详见http://x.y/z页面",
            "发送至a@b.cn邮箱",
            "网址为http://法治.中国/",
            "网址为www.政府.中国",
            "邮箱为ban@政府.中国",
            "参照U.S.标准",
            "取得Ph.D.学位",
            "如此等等...",
            "见附件报告.docx",
            "2023.1月起施行",
            "No.1文件",
        ];
        for text in look_alikes {
            assert_eq!(half_width_positions(text), Vec::<usize>::new(), "{text}");
            assert_eq!(fix_half_width(text), text);
        }
    }

    #[test]
    fn a_full_stop_in_a_title_is_fixed_and_ends_the_title() {
        let text = "一、主要举措和成效\n1.加强学习.深入学习12次.\n二、存在的不足和原因\n1. 学习不够系统.主要原因是重视不够.";
        let mut r = parse(text);
        let found: Vec<_> = check(&r, &CheckContext::default()).into_iter().filter(|f| f.rule.as_str() == "half-width-punctuation").collect();
        assert_eq!(found.iter().map(|f| f.line).collect::<Vec<_>>(), vec![Some(2), Some(4)]);
        assert!(found[0].message.contains("2 处") && found[0].message.contains("“.”"), "{}", found[0].message);
        assert_eq!(fix_report_punctuation(&mut r), 4);
        let fixed = "一、主要举措和成效\n1.加强学习。深入学习12次。\n二、存在的不足和原因\n1. 学习不够系统。主要原因是重视不够。";
        assert_eq!(render(&r), fixed);
        // The items read as the parser reads the fixed text.
        assert_eq!(r, parse(fixed));
        assert_eq!((r.sections[1].items[0].title.as_str(), r.sections[1].items[0].body.as_str()), ("学习不够系统", "主要原因是重视不够。"));
    }

    #[test]
    fn secret_words_are_flagged_for_review() {
        let r = parse("一、主要举措和成效\n1. 规范涉密文件管理。\n2. 加强保密教育。");
        let found: Vec<_> = check(&r, &CheckContext::default()).into_iter().filter(|f| f.rule.as_str() == "confidentiality").collect();
        assert_eq!(found.iter().map(|f| f.line).collect::<Vec<_>>(), vec![Some(2)]);
    }

    /// docs/CHECKS.md names exactly the words that call for a 保密审查.
    #[test]
    fn the_docs_name_the_secret_words() {
        let row = include_str!("../../../docs/CHECKS.md").lines().find(|l| l.starts_with("| `confidentiality` |")).unwrap();
        let listed = row.split(" | ").nth(3).unwrap().split_once(':').unwrap().0;
        assert_eq!(listed.split(", ").collect::<Vec<_>>(), SECRET_WORDS);
    }
}
