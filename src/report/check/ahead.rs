//! What the next year's plans must be: concrete (`plan-without-measure`),
//! answering this year's 不足 (`shortcoming-without-remedy`), set in a
//! period still to come (`stale-period`).

use std::collections::HashMap;

use super::content::has_figure;
use super::ctx::{At, Ctx, Findings};
use crate::report::last_year::{Place, TitleMatcher};
use crate::report::model::{Section, SectionKind};
use crate::report::text::markers::without_marker;

fn sections_of<'a>(ctx: &Ctx<'a>, kind: SectionKind) -> impl Iterator<Item = (usize, &'a Section)> {
    ctx.report.sections.iter().enumerate().filter(move |(_, s)| s.kind == kind)
}

/// One plan of the 下一年度 part: an item, or a paragraph when the part has
/// no items.
struct Plan {
    section: usize,
    item: Option<usize>,
    line: usize,
    /// The item's title, or the paragraph's first sentence.
    title: String,
    /// Title and body.
    text: String,
}

fn plans(ctx: &Ctx) -> Vec<Plan> {
    let mut out = Vec::new();
    for (i, s) in sections_of(ctx, SectionKind::NextYear) {
        if s.items.is_empty() {
            for (k, l) in s.intro.iter().enumerate().filter(|(_, l)| !l.text.trim().is_empty()) {
                let text = without_marker(&l.text).to_string();
                let title = text.split(['。', '；']).next().unwrap_or("").to_string();
                out.push(Plan { section: i, item: None, line: ctx.lines.intros[i][k], title, text });
            }
        }
        for (k, item) in s.items.iter().enumerate() {
            let text = format!("{}{}{}", item.title, item.sep, item.body_text());
            out.push(Plan { section: i, item: Some(k), line: ctx.lines.items[i][k], title: item.title.clone(), text });
        }
    }
    out
}

/// Verbs that name something to be done and can be checked afterwards —
/// not 加强, 推进, 提升, 深化, which say only that more of the same will come.
const CONCRETE_VERBS: &[&str] = &[
    "制定", "出台", "修订", "修改", "废止", "清理", "印发", "编制", "发布", "建立", "建成", "完成", "实现", "开展", "组织", "举办",
    "召开", "培训", "评查", "审查", "备案", "考核", "督察", "督查", "检查", "试点", "上线", "覆盖", "达到", "不少于", "不低于",
    "落实", "实施", "推行", "聘请", "配备", "旁听", "讲授", "述法", "创建", "选树", "评估",
    // Making or getting a named thing: 建设执法监督平台, 引进法律专业人才,
    // 升级监管平台, 补充执法装备, 推广模拟法庭 (tests/check_corpus.rs).
    "建设", "引进", "招录", "遴选", "升级", "更新", "补充", "购置", "推广", "打造", "搭建", "开发", "统一", "设立", "组建",
];

/// When: 年内, 上半年, 6月底前, 每季度 …
const TIME_WORDS: &[&str] = &["年内", "全年", "上半年", "下半年", "年底", "年末", "季度", "每月", "每年", "月底", "月前", "日前", "前完成", "年度内", "届时"];

/// A concrete verb with something after it in the same clause.
fn has_measure(text: &str) -> bool {
    CONCRETE_VERBS.iter().any(|v| {
        text.match_indices(v).any(|(at, _)| {
            text[at + v.len()..].chars().take_while(|c| !"，。；、,;".contains(*c)).filter(|c| !c.is_whitespace()).count() >= 2
        })
    })
}

pub(super) fn plan_without_measure(ctx: &Ctx, out: &mut Findings) {
    for Plan { section, item, line, text, .. } in plans(ctx) {
        if text.trim().is_empty() || has_figure(&text) || TIME_WORDS.iter().any(|w| text.contains(w)) || has_measure(&text) {
            continue;
        }
        let what = item.map_or("这一段安排".to_string(), |k| format!("第 {} 条安排", k + 1));
        out.push(At { section: Some(section), item, line: Some(line) },
            format!("{what}只有“加强”“推进”一类的方向，没有具体措施、目标数字或完成时间，明年难以对照落实。请写明要做的具体事项（如制定、开展、完成什么），并写上数量或时间（如“年内”“6月底前”）。"));
    }
}

/// Words that make a title a problem rather than a subject: taken out before
/// a 不足 is looked for among the plans, which never repeat them.
const PROBLEM_WORDS: &[&str] = &[
    "还不够", "不够", "还有差距", "有差距", "不足", "不充分", "不多", "较少", "欠缺", "有待", "存在", "问题", "短板", "薄弱", "不到位",
    "不高", "不强", "不深入", "不系统", "不完善", "不健全", "不平衡", "不规范", "不够强", "仍需", "需要", "进一步", "加强", "提高", "的",
    "不够充分", "发挥", "作用", "不够深入",
];

/// What a 不足 item is about: its title without the words of complaint.
fn subject(title: &str) -> String {
    let mut s = without_marker(title).trim().trim_end_matches(['。', '；', '，']).to_string();
    // Longest first: 不充分 before 不足, 还不够 before 不够.
    let mut words = PROBLEM_WORDS.to_vec();
    crate::report::sort::by_key(&mut words, |w| std::cmp::Reverse(w.chars().count()));
    for w in words {
        s = s.replace(w, "");
    }
    s
}

/// A 不足 to be answered, read once: its subject, the subject's topic and
/// its character pairs.
struct Subject {
    chars: Vec<char>,
    topic: Option<String>,
    matcher: TitleMatcher,
}

impl Subject {
    fn new(subject: &str) -> Subject {
        let chars: Vec<char> = subject.chars().collect();
        let topic: String = chars.iter().take(2).collect();
        let topic = (chars.len() >= 2 && !GENERIC_TOPICS.contains(&topic.as_str())).then_some(topic);
        Subject { chars, topic, matcher: TitleMatcher::new(subject) }
    }

    /// A plan answers a 不足 on the same evidence as a plan is reported on
    /// ([`TitleMatcher::matches_place`]): most of the subject's distinctive
    /// character pairs in the plan's title or in one of its sentences; or
    /// the topic the 不足 opens with (普法形式 → 普法) in the plan's own
    /// title (创新普法方式方法: the plan is about the same work); or a key word
    /// of the subject in the plan's title ([`Subject::key_word_in`]). Or, see
    /// [`Subject::term_in`], four of the subject's characters in a row
    /// anywhere in the plans (法律顾问, 执法人员: a term, not characters
    /// scattered over a paragraph).
    fn answered_by(&self, plan: &Plan, place: &Place) -> bool {
        self.topic.as_ref().is_some_and(|t| plan.title.contains(t.as_str()))
            || self.matcher.matches_place(place)
            || self.key_word_in(&plan.title)
    }

    /// Four of the subject's characters in a row in any plan (`all_plans`:
    /// their texts, one a line).
    fn term_in(&self, all_plans: &str) -> bool {
        self.chars.windows(4).any(|w| all_plans.contains(&w.iter().collect::<String>()))
    }

    /// A word of two characters from the subject, not one of [`COMMON_WORDS`],
    /// in the plan's own title: 执法文书不够规范 → 制定文书范本, 执法人员力量
    /// 不匹配 → 优化执法力量配置. The title names what the plan is about, so
    /// one such word there is evidence; in a body it would not be.
    fn key_word_in(&self, title: &str) -> bool {
        self.chars.windows(2).any(|w| {
            let word: String = w.iter().collect();
            w.iter().all(|c| ('\u{4e00}'..='\u{9fff}').contains(c)) && !COMMON_WORDS.contains(&word.as_str()) && title.contains(&word)
        })
    }
}

/// Two-character words too common in these reports to show which work a
/// plan is about.
const COMMON_WORDS: &[&str] = &[
    "执法", "法治", "依法", "法律", "行政", "工作", "建设", "人员", "部分", "个别", "机制", "制度", "管理", "政府", "单位", "干部",
    "基层", "部门", "能力", "水平", "意识", "推进", "加强", "提升", "落实", "开展", "相关", "有关", "进一", "一步", "实施",
];

/// The cause a 不足 item states, from its cause word to the end of that
/// sentence (原因是系统标准不一 → 系统标准不一): a plan that removes the
/// cause answers the 不足 (统一数据标准).
fn stated_cause(item: &crate::report::model::Item) -> Option<String> {
    let body = item.body_text();
    let at = ["原因是", "原因：", "原因:", "由于", "原因在于", "究其原因，"].iter().filter_map(|w| body.find(w).map(|i| i + w.len())).min()?;
    let cause: String = body[at..].chars().take_while(|c| !"。；\n".contains(*c)).collect();
    (cause.chars().count() >= 2).then_some(cause)
}

/// Openings too common to name a topic.
const GENERIC_TOPICS: &[&str] = &["法治", "依法", "工作", "建设", "推进", "制度", "政府", "单位", "干部", "部分", "个别", "一些", "少数", "有的"];

pub(super) fn shortcoming_without_remedy(ctx: &Ctx, out: &mut Findings) {
    let plans = plans(ctx);
    if plans.is_empty() {
        return; // missing-section or empty-section says it
    }
    let places: Vec<Place> = plans.iter().map(|p| Place::of_text(&p.text)).collect();
    let all_plans: String = plans.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n");
    let mut answered_before: HashMap<(String, Option<String>), bool> = HashMap::new();
    for (i, s) in sections_of(ctx, SectionKind::Shortcomings) {
        for (k, item) in s.items.iter().enumerate() {
            let about = subject(&item.title);
            if about.chars().count() < 2 {
                continue;
            }
            let cause = stated_cause(item).map(|c| subject(&c));
            // Long reports repeat their wording: each subject (with its
            // cause) is judged once.
            let answered = *answered_before.entry((about, cause)).or_insert_with_key(|(about, cause)| {
                let subject = Subject::new(about);
                let cause = cause.as_deref().map(Subject::new);
                plans.iter().zip(&places).any(|(plan, place)| {
                    subject.answered_by(plan, place) || cause.as_ref().is_some_and(|c| c.key_word_in(&plan.title))
                }) || subject.term_in(&all_plans)
            });
            if !answered {
                out.push(At { section: Some(i), item: Some(k), line: Some(ctx.lines.items[i][k]) },
                    format!("第 {} 条不足“{}”在下一年度的安排中没有对应的改进措施。请在第四部分写明针对这一不足明年怎么改、做到什么程度。", k + 1, item.title.trim_end_matches('。')));
            }
        }
    }
}

/// The years a plan sets as its term: 到2025年, 至2025年, 2025年底前,
/// 2025年前.
fn years_named(text: &str) -> impl Iterator<Item = i32> + '_ {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for i in 0..chars.len().saturating_sub(4) {
        let digits = &chars[i..i + 4];
        if !digits.iter().all(char::is_ascii_digit) || chars.get(i + 4) != Some(&'年') || (i > 0 && chars[i - 1].is_ascii_digit()) {
            continue;
        }
        let before = i.checked_sub(1).map(|b| chars[b]);
        let after: String = chars[i + 5..].iter().take(2).collect();
        if matches!(before, Some('到' | '至')) || after == "底前" || after.starts_with('前') {
            out.push(digits.iter().collect::<String>().parse().unwrap_or(0));
        }
    }
    out.into_iter()
}

/// A plan set in a period already over: 到2025年, "十四五" as the future, or
/// (from the 2026 report on) the 2021–2025 outline as the plan in force.
pub(super) fn stale_period(ctx: &Ctx, out: &mut Findings) {
    let Some(year) = ctx.year else { return };
    for Plan { section, item, line, text, .. } in plans(ctx) {
        let past_year = years_named(&text).find(|y| *y <= year);
        let why = if let Some(y) = past_year {
            Some(format!("安排写的是“{y}年”，这一时间在报告年度（{year}年）之内或之前，已经过去"))
        } else if year >= 2025 && text.contains("十四五") {
            Some("“十四五”时期已于2025年结束，不能作为明年的规划期".to_string())
        } else {
            None
        };
        if let Some(why) = why {
            out.push(At { section: Some(section), item, line: Some(line) },
                format!("{why}。请按下一年度的实际时间写明目标和完成时限。"));
        }
    }
    if year >= 2026 {
        for (line, section, item, text) in ctx.texts() {
            let outline = text.contains("纲要") && text.contains("2021") && text.contains("2025");
            if outline && ["贯彻落实", "深入实施", "全面落实", "对标", "按照"].iter().any(|w| text.contains(w)) {
                out.push(At { section: *section, item: *item, line: Some(*line) },
                    "《法治政府建设实施纲要（2021－2025年）》的实施期已于2025年结束，不宜再作为现行的部署依据。请改为依据现行的规定和部署表述；总结纲要实施情况时，写明是已经完成的期间。".into());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::report::check::{check, CheckContext, RuleId};
    use crate::report::parse;

    fn report(shortcomings: &str, plans: &str) -> String {
        format!("某局2026年度法治政府建设情况报告\n一、2026年度推进法治政府建设的主要举措和成效\n1. 开展执法检查36次。\n二、2026年度推进法治政府建设存在的不足和原因\n{shortcomings}\n三、2026年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况\n局长主持专题会议3次，年底述法。\n四、2027年度推进法治政府建设的主要安排\n{plans}\n五、其他需要报告的情况\n无。\n")
    }

    fn found(text: &str, rule: RuleId) -> Vec<String> {
        check(&parse(text), &CheckContext { report_year: Some(2026), ..Default::default() })
            .into_iter().filter(|f| f.rule == rule).map(|f| f.message).collect()
    }

    #[test]
    fn a_plan_with_only_a_direction_is_asked_for_a_measure() {
        let vague = report("1. 学习不够深入。原因是重视不够。", "1. 进一步加强法治建设。\n2. 年内制定行政执法公示办法。");
        let hits = found(&vague, RuleId::PlanWithoutMeasure);
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert!(hits[0].starts_with("第 1 条安排"));
        let concrete = report("1. 学习不够深入。原因是重视不够。", "1. 深化学习。每季度组织集中学法不少于1次。\n2. 修订合法性审查工作规则。");
        assert_eq!(found(&concrete, RuleId::PlanWithoutMeasure), Vec::<String>::new());
    }

    #[test]
    fn a_shortcoming_no_plan_answers_is_named() {
        let text = report(
            "1. 法律顾问作用发挥不够充分。原因是机制不健全。\n2. 执法人员培训不够系统。原因是经费不足。",
            "1. 健全法律顾问参与重大决策机制，年内出台工作规则。",
        );
        let hits = found(&text, RuleId::ShortcomingWithoutRemedy);
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert!(hits[0].contains("执法人员培训不够系统"), "{hits:?}");
    }

    #[test]
    fn a_plan_taking_up_the_shortcomings_word_or_its_cause_answers_it() {
        // The plan's title names the 不足's matter (文书) or removes its stated cause (流程).
        let text = report(
            "1. 执法文书不够规范。原因是缺乏统一范本。\n2. 办事效率不高。原因是流程繁琐。\n3. 复议纠错偏多。原因是办案人员程序意识不强。",
            "1. 制定文书范本。\n2. 精简审批流程，年内压减环节3个。\n3. 建设执法监督平台。",
        );
        let hits = found(&text, RuleId::ShortcomingWithoutRemedy);
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert!(hits[0].contains("复议纠错偏多"), "{hits:?}");
        // A key word (培训) only in a plan's body is no evidence.
        let text = report("1. 执法人员培训不够系统。原因是经费不足。", "1. 建设信用监管平台。平台上线培训课程。");
        assert_eq!(found(&text, RuleId::ShortcomingWithoutRemedy).len(), 1);
    }

    #[test]
    fn making_or_getting_a_named_thing_is_a_measure() {
        for plan in ["1. 建设执法监督平台。", "1. 引进法律专业人才。", "1. 升级建筑市场信息化监管平台。", "1. 补充执法记录仪等执法装备。"] {
            let text = report("1. 学习不够深入。原因是重视不够。", plan);
            assert_eq!(found(&text, RuleId::PlanWithoutMeasure), Vec::<String>::new(), "{plan}");
        }
        for plan in ["1. 加强基层统计。", "1. 推进法治政府建设。", "1. 加强队伍建设。"] {
            let text = report("1. 学习不够深入。原因是重视不够。", plan);
            assert_eq!(found(&text, RuleId::PlanWithoutMeasure).len(), 1, "{plan}");
        }
    }

    #[test]
    fn a_plan_in_a_period_already_over_is_stale() {
        let stale = report("1. 学习不够深入。原因是重视不够。", "1. 到2025年基本建成法治政府，年内完成评估。\n2. 谋划“十四五”期间法治建设，年内印发方案。");
        assert_eq!(found(&stale, RuleId::StalePeriod).len(), 2);
        let outline = report("1. 学习不够深入。原因是重视不够。", "1. 深入实施《法治政府建设实施纲要（2021－2025年）》，年内完成评估。");
        assert_eq!(found(&outline, RuleId::StalePeriod).len(), 1);
        let fine = report("1. 学习不够深入。原因是重视不够。", "1. 到2027年底前完成执法证件换发。");
        assert_eq!(found(&fine, RuleId::StalePeriod), Vec::<String>::new());
    }
}
