//! The text itself: half-width punctuation in Chinese text (with the fix the
//! app applies in one click) and words that call for a 保密审查.

use super::{Ctx, Finding, Severity};
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
        _ => return None,
    })
}

/// Positions (char indices) of half-width punctuation that belongs to Chinese
/// text: `, ; : ? !` next to a Chinese character, `(` before one, `)` after
/// one. `1,000`, `3:30`, list markers like `(1)` and ASCII text are left alone.
fn half_width_positions(text: &str) -> Vec<usize> {
    let chars: Vec<char> = text.chars().collect();
    let prev = |i: usize| i.checked_sub(1).and_then(|j| chars.get(j)).copied().is_some_and(is_cjk);
    let next = |i: usize| chars.get(i + 1).copied().is_some_and(is_cjk);
    (0..chars.len())
        .filter(|&i| match chars[i] {
            ',' | ';' | ':' | '?' | '!' => prev(i) || next(i),
            '(' => next(i),
            ')' => prev(i),
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
        }
    }
    changed
}

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    half_width_punctuation(ctx, out);
    confidentiality(ctx, out);
}

/// One finding per line with half-width punctuation in Chinese text.
fn half_width_punctuation(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (line, section, item, text) in ctx.texts.iter().map(|(l, s, i, t)| (*l, *s, *i, t)) {
        let positions = half_width_positions(text);
        if positions.is_empty() {
            continue;
        }
        let marks: String = {
            let chars: Vec<char> = text.chars().collect();
            // As u64, to share the one sort routine the matcher's key pairs use.
            let mut m: Vec<u64> = positions.iter().map(|&i| u64::from(chars[i])).collect();
            m.sort_unstable();
            m.dedup();
            m.into_iter().filter_map(|c| char::from_u32(c as u32)).map(|c| format!("“{c}”")).collect::<Vec<_>>().join("")
        };
        out.push(Finding {
            item,
            ..ctx.finding("half-width-punctuation", Severity::Warning, section, None, Some(line),
                format!("中文句子中有 {} 处半角标点（{marks}），公文应使用全角标点（，；：（）？！）。可在检查页一键改正。", positions.len()))
        });
    }
}

/// Words that suggest content needing a 保密审查 before publication.
const SECRET_WORDS: &[&str] = &["绝密", "机密", "秘密", "涉密", "内部", "密件"];

/// Published reports must not contain 党和国家秘密: flag lines to review.
fn confidentiality(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (line, section, item, text) in ctx.texts.iter().map(|(l, s, i, t)| (*l, *s, *i, t)) {
        let found: Vec<&str> = SECRET_WORDS.iter().copied().filter(|w| text.contains(w)).collect();
        if found.is_empty() {
            continue;
        }
        let mut f = Finding {
            item,
            ..ctx.finding("confidentiality", Severity::Warning, section, None, Some(line),
                format!("这一行出现“{}”。年度报告要向社会公开，公开前须进行保密审查，确认不含党和国家秘密及内部事项。", found.join("”“")))
        };
        f.article = Some("《法治政府建设与责任落实督察工作规定》第二十四条");
        out.push(f);
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
        let found: Vec<_> = check(&r, &CheckContext::default()).into_iter().filter(|f| f.rule == "half-width-punctuation").collect();
        assert_eq!(found.iter().map(|f| f.line).collect::<Vec<_>>(), vec![Some(1), Some(3)]);
        assert!(found[1].message.contains("3 处"));
        assert_eq!(fix_report_punctuation(&mut r), 4);
        assert!(check(&r, &CheckContext::default()).iter().all(|f| f.rule != "half-width-punctuation"));
        assert_eq!(render(&r), "为推进法治建设，现报告如下。\n一、主要举措和成效\n1. 强化学习，提升水平。办理12件（含3件复议）。");
    }

    #[test]
    fn secret_words_are_flagged_for_review() {
        let r = parse("一、主要举措和成效\n1. 规范涉密文件管理。\n2. 加强保密教育。");
        let found: Vec<_> = check(&r, &CheckContext::default()).into_iter().filter(|f| f.rule == "confidentiality").collect();
        assert_eq!(found.iter().map(|f| f.line).collect::<Vec<_>>(), vec![Some(2)]);
    }
}
