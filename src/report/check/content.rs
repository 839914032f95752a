//! What the sections say: 不足 paired with 原因, the 主要负责人 and what they
//! did, 成效 backed by figures, no paragraph written twice, sensible length.

use super::ctx::{At, Ctx, Findings};
use super::finding::abridged;
use crate::report::guidance::guide;
use crate::report::last_year::without_cause_prompt;
use crate::report::model::{Item, Section, SectionKind};
use crate::report::text::markers::without_marker;

fn sections_of<'a>(ctx: &Ctx<'a>, kind: SectionKind) -> Vec<(usize, &'a Section)> {
    ctx.report.sections.iter().enumerate().filter(|(_, s)| s.kind == kind).collect()
}

/// Words that introduce a cause. Not 导致: it introduces a consequence.
const CAUSE_WORDS: &[&str] = &["原因", "由于", "因为", "究其", "根源", "主观上", "客观上", "缘于", "源于", "归因", "根子"];

fn states_cause(text: &str) -> bool {
    CAUSE_WORDS.iter().any(|w| text.contains(w))
}

/// Phrases that only repeat the heading (“存在的问题和原因如下”) without
/// stating a cause.
const ECHOES: &[&str] = &["和原因", "及原因", "与原因", "及其原因", "和主要原因", "及主要原因"];

/// Phrases that refer to all the problems listed (“产生上述问题的原因”).
const ALL_PROBLEMS: &[&str] = &[
    "上述问题", "上述不足", "以上问题", "以上不足", "这些问题", "这些不足", "存在问题的原因", "问题产生的原因", "产生问题的原因",
];

/// A paragraph without an unanswered 原因： at its end.
fn answered(paragraph: &str) -> &str {
    without_cause_prompt(paragraph)
}

/// A paragraph whose opening (its first 12 characters after any numbering)
/// states a cause: “究其原因，……”, “主要原因是……”, “产生上述问题的原因……”.
fn opens_with_cause(paragraph: &str) -> bool {
    let t: String = without_marker(answered(paragraph)).chars().take(12).collect();
    states_cause(&t)
}

/// The regulation asks for 不足和原因: each 不足 item must say why. An item
/// whose title and text give no cause (see [`CAUSE_WORDS`]; a paragraph
/// ending in an unanswered 原因：, a starter from last year's plans, gives
/// none yet) lists a problem only — unless one stated cause covers them all:
/// - a separate 原因 section (不足 and 原因 written as two sections, one part);
/// - a paragraph of the part's intro that states a cause (not one that
///   repeats the heading, “存在的问题和原因如下：”);
/// - an item about the causes (its title names 原因: “原因分析”);
/// - a paragraph after the last item that opens with a cause (“究其原因，……”);
/// - a paragraph that gives the cause of all the problems (“产生上述问题的
///   主要原因是……”).
///
/// One finding per part: on the item when only one lacks a cause; on the
/// heading when none gives one (the part only lists problems); otherwise on
/// the first item lacking one, naming every such item. A part without items
/// is judged as a whole.
pub(super) fn shortcomings_without_causes(ctx: &Ctx, out: &mut Findings) {
    let sections = sections_of(ctx, SectionKind::Shortcomings);
    let Some(&(first, _)) = sections.first() else { return };
    let mut text = String::new();
    for (_, s) in &sections {
        for line in s.body_text().lines() {
            text.push_str(answered(line));
            text.push('\n');
        }
    }
    if text.trim().is_empty() {
        return;
    }
    // 不足 and 原因 written apart: a later section whose heading names the
    // cause and which says something.
    let cause_section = sections.iter().skip(1).any(|(_, s)| {
        states_cause(&s.heading.text) && s.body_text().lines().any(|l| !answered(without_marker(l)).trim().is_empty())
    });
    if cause_section {
        return;
    }
    let items: Vec<(usize, usize, &Item)> =
        sections.iter().flat_map(|(i, s)| s.items.iter().enumerate().map(move |(k, item)| (*i, k, item))).collect();
    if items.is_empty() {
        if !states_cause(&text) {
            let at = At { section: Some(first), line: Some(ctx.lines.headings[first]), ..At::default() };
            out.push(at, "本部分只列出了问题，没有分析原因。规定要求报告“存在的不足和原因”：请在每一项不足后写明原因，既要写客观原因，更要剖析主观原因（如“主要原因是……”）。".into());
        }
        return;
    }
    let intro_cause = sections.iter().flat_map(|(_, s)| &s.intro).any(|l| {
        let mut t = answered(&l.text).to_string();
        for echo in ECHOES {
            t = t.replace(echo, "");
        }
        states_cause(&t)
    });
    let cause_item = items.iter().any(|(_, _, item)| answered(&item.title).contains("原因"));
    let after_last = sections.iter().filter_map(|(_, s)| s.items.last()).any(|item| item.more.iter().any(|l| opens_with_cause(&l.text)));
    let for_all = items.iter().any(|(_, _, item)| {
        let first_line = format!("{}{}{}", item.title, item.sep, item.body);
        std::iter::once(first_line.as_str()).chain(item.more.iter().map(|l| l.text.as_str())).any(|p| {
            let p = answered(p);
            ALL_PROBLEMS.iter().any(|w| p.contains(w)) && states_cause(p)
        })
    });
    if intro_cause || cause_item || after_last || for_all {
        return;
    }
    let judged: Vec<&(usize, usize, &Item)> =
        items.iter().filter(|(_, _, item)| !item.title.trim().is_empty() || !item.body_text().trim().is_empty()).collect();
    let missing: Vec<&(usize, usize, &Item)> = judged
        .iter()
        .copied()
        .filter(|(_, _, item)| !states_cause(answered(&item.title)) && !item.body_text().lines().any(|l| states_cause(answered(l))))
        .collect();
    let Some(&&(si, k, _)) = missing.first() else { return };
    let several_sections = sections.iter().filter(|(_, s)| !s.items.is_empty()).count() > 1;
    let name = |(i, k, item): &(usize, usize, &Item)| {
        let place = if several_sections { format!("“{}”", abridged(&ctx.report.sections[*i].heading.text, 20)) } else { String::new() };
        let title = abridged(&item.title, 20);
        if title.is_empty() { format!("{place}第{}条", k + 1) } else { format!("{place}第{}条“{title}”", k + 1) }
    };
    let names = missing.iter().map(|m| name(m)).collect::<Vec<_>>().join("、");
    const HOW: &str = "既要写客观原因，更要剖析主观原因（如“主要原因是……”）";
    const TOGETHER: &str = "也可在各条之后用一段集中分析原因（如“究其原因，……”）";
    let (section, item, line, message) = if missing.len() == judged.len() && missing.len() > 1 {
        (first, None, ctx.lines.headings[first],
            format!("本部分只列出了问题，没有分析原因（{names}均未写明原因）。规定要求报告“存在的不足和原因”：请在每一项不足后写明原因，{HOW}；{TOGETHER}。"))
    } else if missing.len() == 1 {
        (si, Some(k), ctx.lines.items[si][k],
            format!("{names}只写了问题，没有写明原因。规定要求报告“存在的不足和原因”：请在这一条写明原因，{HOW}。"))
    } else {
        (si, Some(k), ctx.lines.items[si][k],
            format!("{names}只写了问题，没有写明原因。规定要求报告“存在的不足和原因”：请在这几条分别写明原因，{HOW}；{TOGETHER}。"))
    };
    out.push(At { section: Some(section), item, line: Some(line) }, message);
}

/// Who is meant by 主要负责人 in practice.
const LEADER_WORDS: &[&str] = &[
    "主要负责人", "主要负责同志", "一把手", "主要领导", "党政主要负责", "书记", "局长", "主任", "县长", "区长", "市长", "镇长", "乡长", "厅长", "处长", "院长", "部长", "委员长", "党组",
];
/// What they do personally.
const ACTION_WORDS: &[&str] = &[
    "主持", "研究", "部署", "听取", "带头", "讲授", "法治课", "述法", "审议", "督办", "协调", "过问", "批示", "出庭", "应诉", "审签", "学法",
];

/// The 第一责任人 sections with text: index, body and heading line.
fn first_responsible<'a>(ctx: &'a Ctx) -> impl Iterator<Item = (usize, String, usize)> + 'a {
    sections_of(ctx, SectionKind::FirstResponsible)
        .into_iter()
        .map(|(i, s)| (i, s.body_text(), ctx.lines.headings[i]))
        .filter(|(_, body, _)| !body.trim().is_empty())
}

fn names_leader(body: &str) -> bool {
    LEADER_WORDS.iter().any(|w| body.contains(w))
}

/// The 第一责任人 section must say who: the 主要负责人, not the unit.
pub(super) fn first_responsible_who(ctx: &Ctx, out: &mut Findings) {
    for (i, body, line) in first_responsible(ctx) {
        if !names_leader(&body) {
            out.push(At { section: Some(i), line: Some(line), ..At::default() },
                "本部分没有写到党政主要负责人本人。请写明主要负责人（如“局党组书记、局长”）亲自做了什么，而不是单位整体的工作。".into());
        }
    }
}

/// … and, once it names them, what they did personally.
pub(super) fn first_responsible_actions(ctx: &Ctx, out: &mut Findings) {
    for (i, body, line) in first_responsible(ctx) {
        if names_leader(&body) && !ACTION_WORDS.iter().any(|w| body.contains(w)) {
            out.push(At { section: Some(i), line: Some(line), ..At::default() },
                "本部分没有写主要负责人的具体履职行动。请写明亲自主持、研究部署、听取汇报、带头学法、讲法治课、述法等事项及次数。".into());
        }
    }
}

/// 述法: the 主要负责人 reports on their own 法治 duties (in the 年终述职,
/// which the 第一责任人 规定 requires to cover them); a 第一责任人 part that
/// never mentions it leaves out a duty every reviewer looks for.
pub(super) fn first_responsible_shufa(ctx: &Ctx, out: &mut Findings) {
    for (i, body, line) in first_responsible(ctx) {
        if !body.contains("述法") {
            out.push(At { section: Some(i), line: Some(line), ..At::default() },
                "本部分没有写述法情况。请写明主要负责人是否在年终述职中述法、采取什么方式（书面述法、会议述法）、接受评议的情况；本年度没有述法的，如实说明原因。".into());
        }
    }
}

/// Chinese numerals followed by a counting unit (三次, 十二件 …).
pub(super) fn has_figure(text: &str) -> bool {
    if text.chars().any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)) {
        return true;
    }
    let chars: Vec<char> = text.chars().collect();
    chars.windows(2).any(|w| {
        "一二三四五六七八九十百千万两".contains(w[0]) && "次件项个人场期条份家名户余批轮所篇部起".contains(w[1])
    })
}

/// 成效 need figures: a measures item with no number reads as 流水账.
pub(super) fn results_without_figures(ctx: &Ctx, out: &mut Findings) {
    for (i, s) in sections_of(ctx, SectionKind::Measures) {
        for (k, item) in s.items.iter().enumerate() {
            let text = format!("{}{}", item.title, item.body_text());
            if !text.trim().is_empty() && !has_figure(&text) {
                out.push(At { section: Some(i), item: Some(k), line: Some(ctx.lines.items[i][k]) },
                    format!("第 {} 条没有任何数字。成效要用数据说明，如办理件数、培训人次、审查文件数、比上年增减等。", k + 1));
            }
        }
    }
}

/// The same paragraph (20 characters or more) written twice.
pub(super) fn repeated_paragraph(ctx: &Ctx, out: &mut Findings) {
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (line, section, item, text) in ctx.texts().iter().map(|(l, s, i, t)| (*l, *s, *i, t)) {
        // Compare paragraphs without their numbering.
        let t = without_marker(text);
        if t.chars().count() < 20 {
            continue;
        }
        match seen.get(t) {
            Some(first) => {
                out.push(At { section, item, line: Some(line) }, format!("这一段与第 {first} 行完全相同。请删除重复内容或改写。"));
            }
            None => {
                seen.insert(t, line);
            }
        }
    }
}

/// Far shorter or longer than the guidance suggests for the section.
pub(super) fn section_length(ctx: &Ctx, out: &mut Findings) {
    // A part spread over thematic headings is measured as one part, at its first heading.
    for part in ctx.report.parts() {
        let (min, max) = guide(part.kind).suggested_chars;
        if max == 0 {
            continue;
        }
        let i = part.sections[0];
        // Counted as the editor's 本部分 N 字 counts: what the author wrote,
        // without the automatic numbers and white space.
        let n: usize = part.sections.iter().map(|j| ctx.report.sections[*j].written_chars()).sum();
        if n == 0 {
            continue; // empty-section says it
        }
        let message = if n * 3 < min {
            format!("本部分只有 {n} 字，远少于建议的 {min}–{max} 字。内容可能不够具体，请对照撰写指引补充。")
        } else if n > max * 2 {
            format!("本部分有 {n} 字，远多于建议的 {min}–{max} 字。请精简，突出主要举措和数据。")
        } else {
            continue;
        };
        out.push(At { section: Some(i), line: Some(ctx.lines.headings[i]), ..At::default() }, message);
    }
}

#[cfg(test)]
mod tests {
    use crate::report::check::{check, CheckContext};
    use crate::report::text::parse::parse;

    fn fired(text: &str, rule: &str) -> usize {
        check(&parse(text), &CheckContext::default()).iter().filter(|f| f.rule.as_str() == rule).count()
    }

    #[test]
    fn a_first_responsible_part_without_shufa_is_asked_for_it() {
        let part = "三、2026年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况\n局长主持专题会议3次，带头学法4次。";
        assert_eq!(fired(part, "first-responsible-shufa"), 1);
        assert_eq!(fired(&format!("{part}年底在述职中书面述法，接受评议。"), "first-responsible-shufa"), 0);
        assert_eq!(fired("一、主要举措和成效\n开展执法检查36次。", "first-responsible-shufa"), 0, "no such part: missing-section says it");
    }

    #[test]
    fn shortcomings_need_causes() {
        let without = "二、存在的不足和原因\n1. 学习不够系统。\n2. 宣传方式单一，导致效果不理想。";
        assert_eq!(fired(without, "shortcomings-without-causes"), 1);
        let with = "二、存在的不足和原因\n1. 学习不够系统。主要原因是重视不够。";
        assert_eq!(fired(with, "shortcomings-without-causes"), 0);
        let split = "二、存在的问题\n1. 学习不够系统。\n三、问题产生的原因\n1. 重视不够，主观上认识不足。";
        assert_eq!(fired(split, "shortcomings-without-causes"), 0);
        // A starter whose 原因： is still unanswered gives no cause.
        let prompt = "二、存在的不足和原因\n1. 学习不够系统。主要原因是重视不够。\n2. 加大单位制度执行力度。上年度报告安排的这项工作本年度未能完成，……。原因：";
        assert_eq!(fired(prompt, "shortcomings-without-causes"), 1);
        assert_eq!(fired(&format!("{prompt}人员不足。"), "shortcomings-without-causes"), 0);
        // A part without items is judged as a whole.
        assert_eq!(fired("二、存在的不足和原因\n学习不够系统，宣传方式单一。", "shortcomings-without-causes"), 1);
        assert_eq!(fired("二、存在的不足和原因\n学习不够系统，主要原因是重视不够。", "shortcomings-without-causes"), 0);
    }

    fn causes(text: &str) -> Vec<crate::report::check::Finding> {
        check(&parse(text), &CheckContext::default()).into_iter().filter(|f| f.rule.as_str() == "shortcomings-without-causes").collect()
    }

    #[test]
    fn each_shortcoming_needs_its_cause() {
        // Item 1 gives its cause, item 2 does not: the finding is on item 2, by name.
        let text = "二、存在的不足和原因\n1. 学习不够系统。主要原因是重视不够。\n2. 执法队伍力量薄弱。全局执法人员仅12人。\n3. 宣传方式单一。客观上经费有限。";
        let found = causes(text);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].section_index, found[0].item, found[0].line), (Some(0), Some(1), Some(3)));
        assert!(found[0].message.starts_with("第2条“执法队伍力量薄弱”只写了问题，没有写明原因。"), "{}", found[0].message);
        assert!(found[0].article.is_some());
        // Two of three without: one finding, at the first, naming both.
        let two = text.replace("客观上经费有限。", "覆盖面不广。");
        let found = causes(&two);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].item, found[0].line), (Some(1), Some(3)));
        assert!(found[0].message.starts_with("第2条“执法队伍力量薄弱”、第3条“宣传方式单一”只写了问题"), "{}", found[0].message);
        // None with a cause: the part as a whole, at its heading, naming them all.
        let none = "二、存在的不足和原因\n1. 学习不够系统。\n2. 宣传方式单一，导致效果不理想。";
        let found = causes(none);
        assert_eq!((found.len(), found[0].item, found[0].line), (1, None, Some(1)));
        assert!(found[0].message.contains("没有分析原因") && found[0].message.contains("第1条“学习不够系统”、第2条“宣传方式单一，导致效果不理想”均未写明原因"), "{}", found[0].message);
        // A cause in a later paragraph of the item counts for that item.
        assert!(causes("二、存在的不足和原因\n1. 学习不够系统。\n究其根源在于重视不够。\n2. 宣传方式单一。由于经费有限。").is_empty());
        // A long title is shortened in the message.
        let long = "二、存在的不足和原因\n1. 学习不够系统。主要原因是重视不够。\n2. 法律顾问和公职律师在重大行政决策中的作用发挥还不够充分";
        assert!(causes(long)[0].message.starts_with("第2条“法律顾问和公职律师在重大行政决策中的作用……”"), "{}", causes(long)[0].message);
    }

    #[test]
    fn one_stated_cause_covers_every_shortcoming() {
        let problems = "二、存在的不足和原因\n1. 学习不够系统。\n2. 执法队伍力量薄弱。\n3. 宣传方式单一。";
        assert_eq!(causes(problems).len(), 1);
        // A paragraph after the problems.
        assert!(causes(&format!("{problems}\n究其原因，主观上重视不够，客观上人员紧张。")).is_empty());
        assert!(causes(&format!("{problems}\n主要原因：一是重视不够；二是人员紧张。")).is_empty());
        // An item of its own on the causes.
        assert!(causes(&format!("{problems}\n4. 原因分析。主观上重视不够，客观上人员紧张。")).is_empty());
        assert!(causes(&format!("{problems}\n4. 究其原因，主要是重视不够。")).is_empty());
        // A paragraph giving the cause of all the problems, wherever it stands.
        assert!(causes(&problems.replace("宣传方式单一。", "宣传方式单一。产生上述问题的主要原因是重视不够。")).is_empty());
        // The part's intro.
        let intro = problems.replace("原因\n1.", "原因\n由于机构改革后人员调整较大，本年度工作还存在以下不足：\n1.");
        assert!(causes(&intro).is_empty());
        // But not an intro that only repeats the heading.
        let echo = problems.replace("原因\n1.", "原因\n对照要求，现将存在的问题和原因报告如下：\n1.");
        assert_eq!(causes(&echo).len(), 1);
        // Nor a cause paragraph under the first item only: it is that item's.
        let under_first = problems.replace("学习不够系统。", "学习不够系统。\n究其原因，重视不够。");
        let found = causes(&under_first);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.starts_with("第2条“执法队伍力量薄弱”、第3条“宣传方式单一”"), "{}", found[0].message);
    }

    #[test]
    fn shortcomings_and_causes_written_as_two_sections() {
        let split = "一、存在的问题\n1. 学习不够系统。\n2. 执法队伍力量薄弱。\n二、问题产生的原因\n1. 重视不够。\n2. 人员紧张。";
        let r = parse(split);
        assert_eq!(r.parts().len(), 1, "one part: {:?}", r.sections.iter().map(|s| s.kind).collect::<Vec<_>>());
        assert!(causes(split).is_empty());
        // A 原因 section with nothing in it gives no cause.
        let empty = "一、存在的问题\n1. 学习不够系统。\n2. 执法队伍力量薄弱。\n二、问题产生的原因\n1. 原因：";
        assert_eq!(causes(empty).len(), 1);
    }

    #[test]
    fn the_first_responsible_section_names_the_leader_and_actions() {
        let nobody = "三、主要负责人履行推进法治建设第一责任人职责情况\n1. 单位组织学习4次。";
        assert_eq!(fired(nobody, "first-responsible-who"), 1);
        let idle = "三、主要负责人履行职责情况\n1. 局长高度重视法治建设。";
        assert_eq!((fired(idle, "first-responsible-who"), fired(idle, "first-responsible-actions")), (0, 1));
        let good = "三、主要负责人履行职责情况\n1. 局长主持专题会议3次。";
        assert_eq!((fired(good, "first-responsible-who"), fired(good, "first-responsible-actions")), (0, 0));
    }

    #[test]
    fn results_need_figures() {
        let text = "一、主要举措和成效\n1. 加强学习。深入学习习近平法治思想。\n2. 严格执法。检查企业36家。\n3. 强化培训。培训三期。";
        let r = check(&parse(text), &CheckContext::default());
        let lines: Vec<_> = r.iter().filter(|f| f.rule.as_str() == "results-without-figures").map(|f| f.line).collect();
        assert_eq!(lines, vec![Some(2)]);
    }

    #[test]
    fn repeated_paragraphs() {
        let text = "一、主要举措和成效\n1. 严格执行重大行政决策程序，全面落实合法性审查制度。\n二、下一年度主要安排\n1. 严格执行重大行政决策程序，全面落实合法性审查制度。\n2. 短句。\n3. 短句。";
        let found: Vec<_> = check(&parse(text), &CheckContext::default()).into_iter().filter(|f| f.rule.as_str() == "repeated-paragraph").collect();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].line, Some(4));
        assert!(found[0].message.contains("第 2 行"));
    }

    #[test]
    fn section_length_far_outside_the_suggestion() {
        let short = "一、主要举措和成效\n1. 检查12次。";
        assert_eq!(fired(short, "section-length"), 1);
        let fine = format!("一、主要举措和成效\n{}", "1. 检查企业12家，办理案件3件，培训执法人员120人次。\n".repeat(30));
        assert_eq!(fired(&fine, "section-length"), 0);
        // Three thematic measures headings of ten items each: one part, long enough.
        let item = "1. 检查企业12家，办理案件3件，培训执法人员120人次。\n".repeat(10);
        let themes = format!("一、坚持依法行政，加快职能转变\n{item}二、健全决策机制，提高决策质量\n{item}三、严格规范执法，提升执法水平\n{item}四、存在的不足和原因\n");
        assert_eq!(fired(&themes, "section-length"), 0);
    }

    /// docs/CHECKS.md names the cause words the code looks for, all of them
    /// and no others (the two had drifted apart once).
    #[test]
    fn the_docs_name_the_cause_words() {
        let row = include_str!("../../../docs/CHECKS.md").lines().find(|l| l.starts_with("| `shortcomings-without-causes` |")).unwrap();
        let listed = row.split_once("none of ").unwrap().1.split_once(" (").unwrap().0;
        assert_eq!(listed.split(", ").collect::<Vec<_>>(), super::CAUSE_WORDS);
    }
}
