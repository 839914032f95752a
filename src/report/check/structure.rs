//! The report's shape: every required section present and filled, items
//! numbered 1, 2, 3 … in one style, no empty items.

use super::ctx::{At, Ctx, Findings};
use super::finding::abridged;
use crate::report::model::SectionKind;
use crate::report::template::REGULATION;
use crate::report::text::markers::{is_cn_numeral, line_marker, MarkerStyle};

/// A required section is not there (其他需要报告的情况 included: it may say 无).
pub(super) fn missing_section(ctx: &Ctx, out: &mut Findings) {
    // A report of another kind is named as such (wrong-report-kind), not
    // listed part by part as missing.
    if super::publish::is_disclosure_report(ctx) {
        return;
    }
    for kind in ctx.report.missing() {
        let message = format!("缺少“{}”部分。{}要求年度报告包括五项内容，请按规定顺序补上这一部分{}。", kind.label(), REGULATION,
            if kind == SectionKind::OtherMatters { "（没有需要报告的其他情况时写“无”）" } else { "" });
        // No section of the report holds it: the finding names the missing kind.
        out.push(At::default(), message).section = Some(kind);
    }
}

/// A section with a heading and nothing under it.
pub(super) fn empty_section(ctx: &Ctx, out: &mut Findings) {
    if super::publish::is_disclosure_report(ctx) {
        return;
    }
    for (i, s) in ctx.report.sections.iter().enumerate() {
        if s.body_text().trim().is_empty() {
            let hint = if s.kind == SectionKind::OtherMatters { "没有需要报告的其他情况时写“无”，不要留空。" } else { "请补写本部分内容。" };
            let at = At { section: Some(i), line: Some(ctx.lines.headings[i]), ..At::default() };
            let f = out.push(at, format!("“{}{}”下没有内容。{hint}", s.heading.marker, s.heading.text));
            if s.kind == SectionKind::Unknown {
                // A heading that is none of the five parts: the regulation does not ask for it.
                f.article = None;
            }
        }
    }
}

/// The number a marker carries (一 → 1, （三） → 3, 12. → 12).
pub(crate) fn marker_number(marker: &str) -> Option<usize> {
    let s = marker.trim_start_matches([' ', '\u{3000}', '\t']).trim_start_matches(['第', '（', '(']);
    let digits: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
    if !digits.is_empty() {
        return digits.parse().ok();
    }
    let cn: Vec<usize> = s.chars().take_while(|c| is_cn_numeral(*c)).map(|c| "〇一二三四五六七八九十".chars().position(|d| d == c).unwrap_or(0)).collect();
    match cn.as_slice() {
        [] => None,
        [10] => Some(10),
        [d] => Some(*d),
        [10, d] => Some(10 + d),
        [t, 10] => Some(t * 10),
        [t, 10, d] => Some(t * 10 + d),
        _ => None,
    }
}

/// Numbers within a level must run 1, 2, 3 … in one style: no gap, no
/// repeat, no `1.` beside `2、`.
pub(super) fn numbering(ctx: &Ctx, out: &mut Findings) {
    let headings: Vec<(usize, String)> = ctx
        .report
        .sections
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.heading.marker.trim().is_empty())
        .map(|(i, s)| (ctx.lines.headings[i], s.heading.marker.clone()))
        .collect();
    sequence(ctx, None, &headings, "部分标题", out);
    for (i, s) in ctx.report.sections.iter().enumerate() {
        let items: Vec<(usize, String)> = s.items.iter().enumerate().map(|(k, it)| (ctx.lines.items[i][k], it.marker.clone())).collect();
        sequence(ctx, Some(i), &items, "条目", out);
        mixed_item_lines(ctx, i, out);
    }
}

/// `1.` and `1、` are one level written two ways; the parser takes the first
/// style as the items, so a `2、` among `1.` items lands in a paragraph.
fn family(style: MarkerStyle) -> u8 {
    match style {
        MarkerStyle::ArabicDot | MarkerStyle::ArabicComma => 1,
        MarkerStyle::CnComma | MarkerStyle::Part => 2,
        MarkerStyle::CnParen => 3,
        MarkerStyle::ArabicParen => 4,
        MarkerStyle::Circled => 5,
        MarkerStyle::Letter => 6,
        MarkerStyle::Stem => 7,
    }
}

fn mixed_item_lines(ctx: &Ctx, i: usize, out: &mut Findings) {
    let s = &ctx.report.sections[i];
    let Some(first) = s.items.first() else { return };
    let Some(style) = style_of(&first.marker) else { return };
    for (k, item) in s.items.iter().enumerate() {
        for (m, line) in item.more.iter().enumerate() {
            if let Some((other, len)) = line_marker(&line.text) {
                if other != style && family(other) == family(style) {
                    out.push(At { section: Some(i), item: Some(k), line: Some(ctx.lines.mores[i][k][m]) },
                        format!("“{}”中条目编号样式不一致：“{}”与第一个编号“{}”不同。同一层级请使用同一种编号（如都用“1.”）。",
                            s.heading.text, line.text[..len].trim(), first.marker.trim()));
                }
            }
        }
    }
}

fn style_of(marker: &str) -> Option<MarkerStyle> {
    line_marker(&format!("{marker}x")).map(|(s, _)| s)
}

fn sequence(ctx: &Ctx, section: Option<usize>, markers: &[(usize, String)], what: &str, out: &mut Findings) {
    let Some((_, first)) = markers.first() else { return };
    let style = style_of(first);
    let where_ = section.map(|i| format!("“{}”中", ctx.report.sections[i].heading.text)).unwrap_or_default();
    for (k, (line, marker)) in markers.iter().enumerate() {
        let at = At { section, line: Some(*line), ..At::default() };
        let expected = k + 1;
        let shown = marker.trim();
        if style_of(marker) != style {
            out.push(at, format!("{where_}{what}编号样式不一致：“{shown}”与第一个编号“{}”不同。同一层级请使用同一种编号（如都用“1.”）。", first.trim()));
            continue;
        }
        match marker_number(marker) {
            Some(n) if n == expected => {}
            Some(n) if k > 0 && marker_number(&markers[k - 1].1) == Some(n) => {
                out.push(at, format!("{where_}{what}编号“{shown}”重复，应为第 {expected} 个。请重新编号。"));
            }
            Some(n) => {
                out.push(at, format!("{where_}{what}编号不连续：这里是“{shown}”（{n}），应为第 {expected} 个。请检查是否漏写或多写，并重新编号。"));
            }
            None => {}
        }
    }
}

/// The parts' items numbered in different styles at the same level:
/// `（一）` in one part, `1.` in the others. One finding, at the first part
/// that differs from the style most parts use (the earliest style on a tie),
/// naming every such part. Within one part, `numbering` says it.
pub(super) fn numbering_style_mixed(ctx: &Ctx, out: &mut Findings) {
    // (section, style, its first item's marker) for every section with items.
    let styled: Vec<(usize, MarkerStyle, &str)> = ctx
        .report
        .sections
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let marker = s.items.first()?.marker.as_str();
            Some((i, style_of(marker)?, marker.trim()))
        })
        .collect();
    let mut counts: Vec<(MarkerStyle, usize, &str)> = Vec::new();
    for &(_, style, marker) in &styled {
        match counts.iter_mut().find(|(s, _, _)| *s == style) {
            Some(c) => c.1 += 1,
            None => counts.push((style, 1, marker)),
        }
    }
    if counts.len() < 2 {
        return;
    }
    // The most used style; on a tie the earliest (max_by_key keeps the last maximum).
    let &(usual, _, usual_marker) = counts.iter().rev().max_by_key(|(_, n, _)| *n).expect("two styles");
    let odd: Vec<&(usize, MarkerStyle, &str)> = styled.iter().filter(|(_, s, _)| *s != usual).collect();
    let named = odd
        .iter()
        .map(|(i, _, marker)| {
            let h = &ctx.report.sections[*i].heading;
            format!("“{}{}”用“{marker}”", h.marker.trim(), abridged(&h.text, 20))
        })
        .collect::<Vec<_>>()
        .join("，");
    let first = odd[0].0;
    let at = At { section: Some(first), line: Some(ctx.lines.headings[first]), ..At::default() };
    out.push(at, format!("各部分条目编号样式不统一：{named}，其他部分用“{usual_marker}”。同一层级的条目请使用同一种编号，建议统一改为“{usual_marker}”这种样式。"));
}

/// An item with neither title nor text.
pub(super) fn empty_item(ctx: &Ctx, out: &mut Findings) {
    for (i, s) in ctx.report.sections.iter().enumerate() {
        for (k, item) in s.items.iter().enumerate() {
            if item.title.trim().is_empty() && item.body_text().trim().is_empty() {
                let at = At { section: Some(i), item: Some(k), line: Some(ctx.lines.items[i][k]) };
                out.push(at, format!("第 {} 条是空的。请补写内容或删除这一条。", k + 1));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::report::check::{check, CheckContext};
    use crate::report::text::parse::parse;

    fn rules(text: &str, rule: &str) -> Vec<(Option<usize>, String)> {
        check(&parse(text), &CheckContext::default()).into_iter().filter(|f| f.rule.as_str() == rule).map(|f| (f.line, f.message)).collect()
    }

    const FULL: &str = "一、主要举措和成效\n1. 甲。办理12件。\n二、存在的不足和原因\n1. 乙。原因是人少。\n三、主要负责人履行职责情况\n1. 主要负责人主持会议2次。\n四、下一年度主要安排\n1. 丁。\n五、其他需要报告的情况\n无";

    #[test]
    fn missing_and_empty_sections() {
        assert!(rules(FULL, "missing-section").is_empty());
        assert!(rules(FULL, "empty-section").is_empty());
        let without_other = FULL.rsplit_once("\n五、").unwrap().0;
        let found = rules(without_other, "missing-section");
        assert_eq!(found.len(), 1);
        assert!(found[0].1.contains("其他需要报告的情况") && found[0].1.contains("写“无”"));
        let empty_other = FULL.trim_end_matches("\n无");
        assert_eq!(rules(empty_other, "empty-section").iter().map(|f| f.0).collect::<Vec<_>>(), vec![Some(9)]);
    }

    #[test]
    fn numbering_gaps_duplicates_and_mixed_styles() {
        assert!(rules(FULL, "numbering").is_empty());
        let gap = FULL.replace("四、下一年度", "六、下一年度");
        assert_eq!(rules(&gap, "numbering").len(), 1);
        let items = "一、主要举措和成效\n1. 甲。\n1. 乙。\n3. 丙。\n4、丁。";
        let found = rules(items, "numbering");
        assert_eq!(found.iter().map(|f| f.0).collect::<Vec<_>>(), vec![Some(3), Some(5)], "{found:?}");
        assert!(found[0].1.contains("重复"));
        assert!(found[1].1.contains("样式不一致"));
    }

    #[test]
    fn parts_numbered_in_different_styles() {
        assert!(rules(FULL, "numbering-style-mixed").is_empty());
        // 二 uses （一）, the others 1.: once, at 二, naming the usual style.
        let odd = FULL.replace("二、存在的不足和原因\n1. 乙。", "二、存在的不足和原因\n（一）乙。");
        let found = rules(&odd, "numbering-style-mixed");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, Some(3));
        assert!(found[0].1.contains("“二、存在的不足和原因”用“（一）”") && found[0].1.contains("其他部分用“1.”"), "{}", found[0].1);
        // Two odd parts in two styles, both named; the finding is at the first.
        let two = odd.replace("四、下一年度主要安排\n1. 丁。", "四、下一年度主要安排\n1、丁。");
        let found = rules(&two, "numbering-style-mixed");
        assert_eq!(found.len(), 1);
        assert!(found[0].1.contains("（一）") && found[0].1.contains("“四、下一年度主要安排”用“1、”"), "{}", found[0].1);
        // Every part in （一）: one style, nothing to say; nor for 1. beside 1．.
        let all_paren = FULL.replace("\n1. ", "\n（一）");
        assert!(rules(&all_paren, "numbering-style-mixed").is_empty());
        let wide = FULL.replace("二、存在的不足和原因\n1. ", "二、存在的不足和原因\n1．");
        assert!(rules(&wide, "numbering-style-mixed").is_empty());
        // A part without items (无) does not count.
        assert!(rules("一、主要举措和成效\n1. 甲。办理12件。\n五、其他需要报告的情况\n无", "numbering-style-mixed").is_empty());
    }

    #[test]
    fn empty_items() {
        let text = "一、主要举措和成效\n1. 甲。办理12件。\n2. ";
        // "2. " alone is not an item marker (nothing follows it), so use a title-less empty item.
        assert!(rules(text, "empty-item").is_empty());
        let mut r = parse("一、主要举措和成效\n1. 甲。办理12件。");
        r.sections[0].add_item(crate::report::Item::new("", ""));
        let found: Vec<_> = check(&r, &CheckContext::default()).into_iter().filter(|f| f.rule.as_str() == "empty-item").collect();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].item, Some(1));
    }

    #[test]
    fn chinese_and_arabic_numbers() {
        use super::marker_number;
        let got: Vec<_> = ["一、", "十、", "十二、", "二十、", "（三）", "第四部分", "12. ", "(5)", "无"].iter().map(|m| marker_number(m)).collect();
        assert_eq!(got, [Some(1), Some(10), Some(12), Some(20), Some(3), Some(4), Some(12), Some(5), None]);
    }
}
