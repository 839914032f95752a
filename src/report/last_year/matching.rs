//! Which items of this year's report speak of one of last year's plans:
//! character pairs of the plan's title outside generic words, looked up in
//! an item's title or in one sentence of its body — no word segmentation,
//! cheap enough for every check.
//!
//! Evidence, not coincidence (issue #17): the plan's distinctive words must
//! stand together — in the item's title, or in one sentence of its text —
//! not be gathered from characters scattered over a long paragraph; and a
//! sentence copied from last year's report ([`copied_sentences`]) is never
//! evidence that a plan was carried out this year.

use std::collections::HashSet;

use serde::Serialize;

use super::copied::Copied;
use super::stored::{item_key, PlanRecord};
use crate::report::model::{Report, SectionKind};
use crate::report::text::markers::without_marker;

/// A place in this year's report that reports on (or explains) a plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ItemRef {
    pub kind: SectionKind,
    /// Position among the report's sections.
    pub section: usize,
    /// The item, 0-based; None for a paragraph of a section written without
    /// numbered items (its intro).
    pub item: Option<usize>,
    /// The item's key ([`item_key`](super::item_key)), or the paragraph's first 20 characters.
    pub title: String,
}

/// How much of a plan's title an item must contain to count as reporting on
/// it: the share of the title's distinctive character pairs — adjacent
/// characters outside generic words such as 推进, 法治, 建设, 工作 — found in
/// the item's title and body. 0.6 accepts a paraphrase keeping the plan's
/// key words in any order (`认真抓好普法工作落实` → any item about 普法;
/// `加大单位制度执行力度` → `制度执行不到位`, `严格执行议事制度`) and refuses an
/// item sharing one key word of two or three (tests below). On the seed's
/// plans against the following-year fixture, and on the team's example
/// report's plans against its next year, every item that reports on a plan
/// scores 1.0 and every other item 0.33 or less.
pub const PLAN_MATCH: f32 = 0.6;

/// Words so common in these reports that they say nothing about which work
/// is meant. A plan title is matched on its other characters.
const GENERIC_WORDS: &[&str] = &[
    "法治", "建设", "政府", "推进", "工作", "加强", "增强", "加大", "力度", "依法", "落实", "全面", "深入", "持续",
    "进一步", "提升", "提高", "开展", "认真", "切实", "不断", "积极", "扎实", "做好", "抓好", "强化", "着力", "完善",
    "健全", "年度", "全年", "主要", "情况", "相关", "有关", "各项", "重点", "实施", "贯彻", "坚持", "单位", "我局",
    "本局", "机关", "进行", "推动", "确保", "水平", "能力", "建立", "加快", "巩固", "深化", "严格", "继续", "大力",
    "全力", "努力", "不少于", "我委", "本委", "我单位", "统筹",
];

type Pair = (char, char);

/// The character pairs a plan title is matched on: adjacent letters (CJK
/// characters count) that belong to no generic word, so `认真抓好普法工作落实`
/// is matched on 普法 and `加大单位制度执行力度` on 制度, 度执, 执行. Pairs
/// across punctuation or touching a digit are not formed. Returns the pairs
/// and whether they are the distinctive ones (false: the title is generic
/// words only, like `统筹推进法治建设工作`, and all its pairs are returned).
fn title_pairs(title: &str) -> (Vec<Pair>, bool) {
    let chars: Vec<char> = title.chars().collect();
    let mut generic = vec![false; chars.len()];
    for start in 0..chars.len() {
        for w in GENERIC_WORDS {
            let len = w.chars().count();
            if start + len <= chars.len() && chars[start..start + len].iter().copied().eq(w.chars()) {
                generic[start..start + len].iter_mut().for_each(|g| *g = true);
            }
        }
    }
    let letter = |c: char| c.is_alphabetic();
    let mut distinctive = Vec::new();
    let mut all = Vec::new();
    for i in 1..chars.len() {
        let (a, b) = (chars[i - 1], chars[i]);
        if letter(a) && letter(b) {
            all.push((a, b));
            if !generic[i - 1] && !generic[i] {
                distinctive.push((a, b));
            }
        }
    }
    for v in [&mut distinctive, &mut all] {
        let mut seen = HashSet::new();
        v.retain(|p| seen.insert(*p));
    }
    if distinctive.is_empty() {
        (all, false)
    } else {
        (distinctive, true)
    }
}

/// Every pair of adjacent letters in `text`.
fn text_pairs(text: &str) -> HashSet<Pair> {
    let mut out = HashSet::new();
    let mut prev: Option<char> = None;
    for c in text.chars() {
        let letter = c.is_alphabetic();
        if let Some(p) = prev.filter(|_| letter) {
            out.insert((p, c));
        }
        prev = letter.then_some(c);
    }
    out
}

/// A plan title (or a 不足's subject) to match against many texts.
pub struct TitleMatcher {
    pairs: Vec<Pair>,
    /// Share of pairs required: [`PLAN_MATCH`] for distinctive pairs, all of
    /// them for a title of generic words only (`加强法治建设`), which then
    /// must be written out nearly as is.
    needed: f32,
}

impl TitleMatcher {
    pub fn new(title: &str) -> TitleMatcher {
        let (pairs, distinctive) = title_pairs(title);
        TitleMatcher { pairs, needed: if distinctive { PLAN_MATCH } else { 1.0 } }
    }

    /// Whether a place holds the title's words together: in its title, or
    /// in one of its sentences.
    pub fn matches_place(&self, place: &Place) -> bool {
        self.matches(&place.title) || place.sentences.iter().any(|s| self.matches(s))
    }

    /// Whether a text's pairs hold enough of the title's (never, for a title without any).
    fn matches(&self, text: &HashSet<Pair>) -> bool {
        if self.pairs.is_empty() {
            return false;
        }
        let found = self.pairs.iter().filter(|p| text.contains(p)).count();
        // A quotient, not `needed * len`: 3 of 5 is 0.6 exactly this way.
        found as f32 / self.pairs.len() as f32 >= self.needed
    }
}

/// Whether `text` reports on a plan titled `plan_title`: its first sentence
/// (an item's title) or any one sentence holds at least [`PLAN_MATCH`] of the
/// title's distinctive character pairs — or all its pairs, for a title of
/// generic words only.
pub fn reports_on(plan_title: &str, text: &str) -> bool {
    TitleMatcher::new(plan_title).matches_place(&Place::of_text(text))
}

/// The sentences of a text: split at 。！？； (and half-width forms) and at
/// line ends, empty ones left out.
fn sentence_texts(text: &str) -> impl Iterator<Item = &str> {
    text.split(['。', '！', '？', '；', '!', '?', ';', '\n']).map(str::trim).filter(|s| !s.is_empty())
}

/// A text matched against plans: its title's pairs and each sentence's.
#[derive(Debug, Default)]
pub struct Place {
    title: HashSet<Pair>,
    sentences: Vec<HashSet<Pair>>,
}

impl Place {
    /// An item: its title, and the sentences of its title and body that are
    /// not in `copied`.
    fn of_item(title: &str, body: &str, copied: &HashSet<&str>) -> Place {
        let title = title.trim().trim_end_matches(['。', '；', '，']);
        let fresh = |t: &&str| !copied.contains(t);
        Place {
            title: if copied.contains(title) { HashSet::new() } else { text_pairs(title) },
            sentences: sentence_texts(body).filter(fresh).map(text_pairs).collect(),
        }
    }

    /// A text without a title of its own (a paragraph, a plan's text): each
    /// of its sentences.
    pub fn of_text(text: &str) -> Place {
        Place { title: HashSet::new(), sentences: sentence_texts(text).map(text_pairs).collect() }
    }

    fn of_paragraph(text: &str, copied: &HashSet<&str>) -> Place {
        Place { title: HashSet::new(), sentences: sentence_texts(text).filter(|t| !copied.contains(t)).map(text_pairs).collect() }
    }
}

/// A place to match plans against.
type Located = (ItemRef, Place);

/// The places of `kinds` sections: every item (title and body) and, in a
/// section without items, every intro paragraph — without the sentences in
/// `copied`.
fn places(report: &Report, kinds: &[SectionKind], copied: &HashSet<&str>) -> Vec<Located> {
    let mut out = Vec::new();
    for (si, s) in report.sections.iter().enumerate().filter(|(_, s)| kinds.contains(&s.kind)) {
        if s.items.is_empty() {
            for line in s.intro.iter().filter(|l| !l.text.trim().is_empty()) {
                let title = without_marker(&line.text).chars().take(20).collect();
                out.push((ItemRef { kind: s.kind, section: si, item: None, title }, Place::of_paragraph(without_marker(&line.text), copied)));
            }
        }
        for (ii, item) in s.items.iter().enumerate() {
            let place = Place::of_item(&item.title, &item.body_text(), copied);
            out.push((ItemRef { kind: s.kind, section: si, item: Some(ii), title: item_key(item) }, place));
        }
    }
    out
}

/// This year's report read once for matching any number of plans: what the
/// checklist and the checker use. [`addressing_items`] and
/// [`explaining_items`] are the same for one plan.
pub struct PlanIndex {
    /// Every item of every section, by key, for resolving links.
    items: Vec<ItemRef>,
    /// 主要举措和成效 and 第一责任人.
    reporting: Vec<Located>,
    /// 不足和原因.
    shortcomings: Vec<Located>,
}

impl PlanIndex {
    /// This year's report, every sentence counted.
    pub fn new(this_year: &Report) -> PlanIndex {
        PlanIndex::excluding(this_year, &[])
    }

    /// This year's report without the sentences copied from last year's
    /// (what the checker and the checklist use when last year's report is
    /// known): a copied sentence says nothing of this year's work.
    pub fn excluding(this_year: &Report, copied: &[Copied]) -> PlanIndex {
        let copied: HashSet<&str> = copied.iter().map(|c| c.sentence.as_str()).collect();
        let items = this_year
            .sections
            .iter()
            .enumerate()
            .flat_map(|(si, s)| {
                s.items.iter().enumerate().map(move |(ii, item)| ItemRef {
                    kind: s.kind,
                    section: si,
                    item: Some(ii),
                    title: item_key(item),
                })
            })
            .filter(|r| !r.title.is_empty())
            .collect();
        PlanIndex {
            items,
            reporting: places(this_year, &[SectionKind::Measures, SectionKind::FirstResponsible], &copied),
            shortcomings: places(this_year, &[SectionKind::Shortcomings], &copied),
        }
    }

    /// The items the plan links to that still exist, in document order.
    fn linked<'a>(&'a self, plan: &'a PlanRecord) -> impl Iterator<Item = &'a ItemRef> {
        self.items.iter().filter(|r| plan.links.contains(&r.title))
    }

    /// See [`addressing_items`].
    pub fn addressing_items(&self, plan: &PlanRecord) -> Vec<ItemRef> {
        let links: Vec<ItemRef> = self.linked(plan).cloned().collect();
        if !links.is_empty() {
            return links;
        }
        let matcher = TitleMatcher::new(&plan.title);
        self.reporting.iter().filter(|(_, place)| matcher.matches_place(place)).map(|(r, _)| r.clone()).collect()
    }

    /// See [`explaining_items`].
    pub fn explaining_items(&self, plan: &PlanRecord) -> Vec<ItemRef> {
        let mut out: Vec<ItemRef> = self.linked(plan).filter(|r| r.kind == SectionKind::Shortcomings).cloned().collect();
        let matcher = TitleMatcher::new(&plan.title);
        for (r, place) in &self.shortcomings {
            if !out.contains(r) && matcher.matches_place(place) {
                out.push(r.clone());
            }
        }
        crate::report::sort::by_key(&mut out, |r| (r.section, r.item));
        out
    }
}

/// The items of this year's report that report on a plan, in document order.
///
/// The author's links come first: when any of them resolves (an item with
/// that title exists, in any section), exactly those items are returned.
/// Otherwise the items of 主要举措和成效 and 第一责任人 (paragraphs, where
/// such a section has no numbered items) that [`reports_on`] the plan: they
/// hold at least [`PLAN_MATCH`] of the plan title's distinctive character
/// pairs. For many plans, build a [`PlanIndex`] once.
pub fn addressing_items(plan: &PlanRecord, this_year: &Report) -> Vec<ItemRef> {
    PlanIndex::new(this_year).addressing_items(plan)
}

/// The places in this year's 不足和原因 that speak of a plan: items linked
/// to it there, and items (or paragraphs) matching its title as
/// [`addressing_items`] does, in document order without repeats.
pub fn explaining_items(plan: &PlanRecord, this_year: &Report) -> Vec<ItemRef> {
    PlanIndex::new(this_year).explaining_items(plan)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::text::parse::parse;

    #[test]
    fn title_pairs_leave_out_generic_words() {
        let (pairs, distinctive) = title_pairs("统筹推进法治建设工作");
        assert!(!distinctive && pairs.len() == 9, "{pairs:?}");
        assert_eq!(title_pairs("加大单位制度执行力度").0, vec![('制', '度'), ('度', '执'), ('执', '行')]);
        assert_eq!(title_pairs("认真抓好普法工作落实").0, vec![('普', '法')]);
        // Generic words only: every pair, all of them needed.
        let (pairs, distinctive) = title_pairs("加强法治建设");
        assert!(!distinctive && pairs.len() == 5);
        assert_eq!(TitleMatcher::new("加强法治建设").needed, 1.0);
    }

    #[test]
    fn the_match_threshold_accepts_paraphrase_and_refuses_one_key_word() {
        // The same key words, reworded: all of them, or two of three.
        assert!(reports_on("加大单位制度执行力度", "各项制度执行不到位"));
        assert!(reports_on("加大单位制度执行力度", "严格执行议事制度"));
        assert!(reports_on("认真抓好普法工作落实", "扎实开展“八五”普法"));
        assert!(reports_on("提升基层执法规范化水平", "基层执法规范化水平不够均衡"));
        // One key word of several, or the generic frame alone.
        assert!(!reports_on("加大单位制度执行力度", "严格落实党委会议制度"));
        assert!(!reports_on("提升基层执法规范化水平", "严格规范公正文明执法"));
        assert!(!reports_on("加强数字化监管支撑", "加强信用监管"));
        // A title of generic words only must be written out.
        assert!(!reports_on("统筹推进法治建设工作", "全面推进法治政府建设，法治建设工作取得成效"));
        assert!(!reports_on("统筹推进法治建设工作", "统筹开展“双随机、一公开”监管"));
        assert!(reports_on("统筹推进法治建设工作", "党委统筹推进法治建设工作，研究部署3次"));
    }

    #[test]
    fn the_words_must_stand_together_not_be_gathered_from_a_paragraph() {
        let scattered = "规范土地执法检查。全年推行“双随机、一公开”抽查，开展行政执法检查12次。抽查结果在政务网站公示。修订了内部管理制度。";
        assert!(!reports_on("全面推行行政执法公示制度", scattered));
        assert!(reports_on("全面推行行政执法公示制度", "落实行政执法公示制度。全年公示处罚结果126件。"));
        assert!(reports_on("全面推行行政执法公示制度", "执法结果。全面推行行政执法公示制度，公示率100%。"));
    }

    #[test]
    fn a_sentence_copied_from_last_year_is_no_evidence() {
        let last = parse("四、2026年度推进法治政府建设的主要安排\n1. 开展法律顾问参与重大决策情况评估。年内委托第三方对法律顾问参与重大行政决策情况开展一次全面评估，形成评估报告。");
        let this = parse("一、2026年度推进法治政府建设的主要举措和成效\n1. 推进法律顾问工作。年内委托第三方对法律顾问参与重大行政决策情况开展一次全面评估，形成评估报告。法律顾问审查合同45份。");
        let plan = record("开展法律顾问参与重大决策情况评估");
        assert_eq!(PlanIndex::new(&this).addressing_items(&plan).len(), 1, "counted when the copy is not known");
        let copied = crate::report::last_year::copied_sentences(&this, &last);
        assert_eq!(copied.len(), 1);
        assert!(PlanIndex::excluding(&this, &copied).addressing_items(&plan).is_empty());
    }


    fn record(title: &str) -> PlanRecord {
        PlanRecord { title: title.into(), ..PlanRecord::default() }
    }


    #[test]
    fn addressing_items_prefers_links_and_otherwise_matches_measures() {
        let report = parse("一、主要举措和成效\n1. 深化普法宣传。开展普法活动5场。\n2. 规范执法。检查企业12家。\n二、存在的不足和原因\n1. 制度执行不到位。原因是重视不够。\n三、主要负责人履行职责情况\n主任带头讲授普法课1次。");
        let auto = addressing_items(&record("认真抓好普法工作落实"), &report);
        let got: Vec<_> = auto.iter().map(|r| (r.kind, r.section, r.item, r.title.as_str())).collect();
        assert_eq!(
            got,
            [(SectionKind::Measures, 0, Some(0), "深化普法宣传"), (SectionKind::FirstResponsible, 2, None, "主任带头讲授普法课1次。")]
        );
        // Automatic matching does not look at 不足和原因.
        assert!(addressing_items(&record("加大单位制度执行力度"), &report).is_empty());
        // A link wins over matching, in any section; a stale link is ignored.
        let mut plan = record("认真抓好普法工作落实");
        plan.link(&report.sections[0].items[1]);
        plan.links.push("已改名的条目".into());
        let linked: Vec<_> = addressing_items(&plan, &report).into_iter().map(|r| r.item).collect();
        assert_eq!(linked, [Some(1)]);
        plan.unlink(&report.sections[0].items[1]);
        assert_eq!(addressing_items(&plan, &report).len(), 2, "only the stale link is left: matching again");
        let mut shortcoming = record("统筹推进法治建设工作");
        shortcoming.link(&report.sections[1].items[0]);
        assert_eq!(addressing_items(&shortcoming, &report)[0].kind, SectionKind::Shortcomings);
    }


    #[test]
    fn explaining_items_finds_the_plan_in_shortcomings() {
        let report = parse("二、存在的不足和原因\n1. 学习不够系统。原因是重视不够。\n2. 单位制度执行还不够到位。旁听庭审制度未落实。原因是组织不力。");
        let found = explaining_items(&record("加大单位制度执行力度"), &report);
        assert_eq!(found.iter().map(|r| r.item).collect::<Vec<_>>(), [Some(1)]);
        assert!(explaining_items(&record("认真抓好普法工作落实"), &report).is_empty());
    }
}
