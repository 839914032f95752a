//! Starting from last year's report (issue #11).
//!
//! A new draft can be made from last year's report: [`next_year`] keeps
//! its title and preamble with the report's own year moved to the new year
//! where it names the report's period, and only there ([`years`]), and gives
//! the five standard headings, copying no section body. When last year's
//! sections are not found, the standard title and preamble are given
//! instead. Last year's text is kept, exactly as rendered, in
//! [`PreviousYear`] for reference; nothing of it enters the new report
//! unless the author puts it there.
//!
//! Each item of last year's 下一年度主要安排 becomes a [`PlanRecord`] on the
//! "去年的安排" checklist: the author marks it 已完成 / 部分完成 / 未完成
//! ([`PlanStatus`]) and links it to the items of this year's report that
//! report on it. The checker (`check::check_previous`) then asks for every
//! plan to be reported on, for every unfinished plan to be explained in
//! 不足和原因, and flags sentences copied from last year ([`copied_sentences`]).
//!
//! Everything here is plain Rust on the model, cheap enough to run on every
//! check: matching a plan is a set lookup per character pair, and copy
//! detection runs a character diff only on sentence pairs that survive a
//! length and shared-bigram filter.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::check::{infer_year, LineMap};
use super::model::{Item, Line, Report, SectionKind};
use super::parse::{split_title, without_marker};
use super::{infer, parse, render, template};

pub mod years;

pub use years::{move_year_in, Reason, YearChange, YearLeft, YearMove, YearPlace};

/// One item of last year's 下一年度主要安排, as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// The item's title (`统筹推进法治建设工作`); for an item or paragraph
    /// without one, its first sentence.
    pub title: String,
    /// The rest of its text, paragraphs separated by `\n`.
    pub body: String,
}

/// The plans in last year's report: the items of its 下一年度主要安排
/// section(s), in order. A section written as paragraphs without numbered
/// items gives one plan per non-empty paragraph. Items with no text are left
/// out; lead-in paragraphs before the first item are not plans.
pub fn plans(last_year: &Report) -> Vec<Plan> {
    let mut out = Vec::new();
    for s in last_year.sections.iter().filter(|s| s.kind == SectionKind::NextYear) {
        if s.items.is_empty() {
            for line in &s.intro {
                let text = without_marker(&line.text);
                let (title, _, body) = split_title(text);
                if !title.trim().is_empty() {
                    out.push(Plan { title: title.trim().to_string(), body: body.trim().to_string() });
                }
            }
            continue;
        }
        for item in &s.items {
            let body = item.body_text();
            let plan = if item.title.trim().is_empty() {
                let (title, _, rest) = split_title(body.trim());
                Plan { title: title.trim().to_string(), body: rest.trim().to_string() }
            } else {
                Plan { title: item.title.trim().to_string(), body: body.trim().to_string() }
            };
            if !plan.title.is_empty() {
                out.push(plan);
            }
        }
    }
    out
}

/// How far a plan got, as the author judges it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanStatus {
    Done,
    Partial,
    NotDone,
}

impl PlanStatus {
    pub const ALL: [PlanStatus; 3] = [PlanStatus::Done, PlanStatus::Partial, PlanStatus::NotDone];

    pub fn label(self) -> &'static str {
        match self {
            PlanStatus::Done => "已完成",
            PlanStatus::Partial => "部分完成",
            PlanStatus::NotDone => "未完成",
        }
    }
}

/// A line of the "去年的安排" checklist: one of last year's plans, the
/// author's judgement of it, and the items of this year's report that
/// report on it.
///
/// `links` hold [`item_key`]s — an item's title, or the first 20 characters
/// of its body when it has no title — rather than positions: positions
/// change whenever an item is added, removed or moved, while the title is the
/// short name the author gave the item and reads plainly in the stored JSON.
/// A link whose item was renamed or deleted no longer resolves and is
/// ignored (see [`addressing_items`]); the author links the item again.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanRecord {
    pub title: String,
    pub body: String,
    /// None until the author marks it.
    pub status: Option<PlanStatus>,
    /// Keys ([`item_key`]) of this year's items that report on the plan.
    pub links: Vec<String>,
}

impl From<Plan> for PlanRecord {
    fn from(plan: Plan) -> Self {
        PlanRecord { title: plan.title, body: plan.body, status: None, links: Vec::new() }
    }
}

impl PlanRecord {
    /// Marked 未完成 or 部分完成: 不足和原因 should say why.
    pub fn needs_explanation(&self) -> bool {
        matches!(self.status, Some(PlanStatus::NotDone | PlanStatus::Partial))
    }

    /// Link an item of this year's report (once).
    pub fn link(&mut self, item: &Item) {
        let key = item_key(item);
        if !key.is_empty() && !self.links.contains(&key) {
            self.links.push(key);
        }
    }

    /// Remove the link to an item.
    pub fn unlink(&mut self, item: &Item) {
        let key = item_key(item);
        self.links.retain(|k| *k != key);
    }

    pub fn is_linked(&self, item: &Item) -> bool {
        self.links.contains(&item_key(item))
    }
}

/// Last year's report as the new draft keeps it: the year it was on, its
/// text exactly as rendered (read-only, for reference and copy detection),
/// and the checklist of its plans.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PreviousYear {
    pub year: Option<i32>,
    /// `render(last_year)`: parsing it gives last year's report back exactly.
    pub text: String,
    pub plans: Vec<PlanRecord>,
}

impl PreviousYear {
    /// Keep last year's report: its year (from its text), its text and its
    /// plans, none marked or linked yet.
    pub fn from_report(last_year: &Report) -> PreviousYear {
        PreviousYear {
            year: infer_year(last_year),
            text: render(last_year),
            plans: plans(last_year).into_iter().map(PlanRecord::from).collect(),
        }
    }

    /// Last year's report, parsed again from the kept text.
    pub fn report(&self) -> Report {
        parse(&self.text)
    }
}

/// The name a link uses for an item: its title, or the first 20 characters
/// of its body when it has none (trimmed).
pub fn item_key(item: &Item) -> String {
    let title = item.title.trim();
    if !title.is_empty() {
        return title.to_string();
    }
    item.body_text().trim().chars().take(20).collect()
}

/// A place in this year's report that reports on (or explains) a plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ItemRef {
    pub kind: SectionKind,
    /// Position among the report's sections.
    pub section: usize,
    /// The item, 0-based; None for a paragraph of a section written without
    /// numbered items (its intro).
    pub item: Option<usize>,
    /// The item's key ([`item_key`]), or the paragraph's first 20 characters.
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

/// A plan title to match against many texts.
struct TitleMatcher {
    pairs: Vec<Pair>,
    /// Share of pairs required: [`PLAN_MATCH`] for distinctive pairs, all of
    /// them for a title of generic words only (`加强法治建设`), which then
    /// must be written out nearly as is.
    needed: f32,
}

impl TitleMatcher {
    fn new(title: &str) -> TitleMatcher {
        let (pairs, distinctive) = title_pairs(title);
        TitleMatcher { pairs, needed: if distinctive { PLAN_MATCH } else { 1.0 } }
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

/// Whether `text` (an item's title and body) reports on a plan titled
/// `plan_title`: it holds at least [`PLAN_MATCH`] of the title's distinctive
/// character pairs — or all its pairs, for a title of generic words only.
pub fn reports_on(plan_title: &str, text: &str) -> bool {
    TitleMatcher::new(plan_title).matches(&text_pairs(text))
}

/// A place to match plans against, with its text's character pairs.
type Place = (ItemRef, HashSet<Pair>);

/// The places of `kinds` sections: every item (title and body) and, in a
/// section without items, every intro paragraph.
fn places(report: &Report, kinds: &[SectionKind]) -> Vec<Place> {
    let mut out = Vec::new();
    for (si, s) in report.sections.iter().enumerate().filter(|(_, s)| kinds.contains(&s.kind)) {
        if s.items.is_empty() {
            for line in s.intro.iter().filter(|l| !l.text.trim().is_empty()) {
                let title = without_marker(&line.text).chars().take(20).collect();
                out.push((ItemRef { kind: s.kind, section: si, item: None, title }, text_pairs(&line.text)));
            }
        }
        for (ii, item) in s.items.iter().enumerate() {
            let pairs = text_pairs(&format!("{}\n{}", item.title, item.body_text()));
            out.push((ItemRef { kind: s.kind, section: si, item: Some(ii), title: item_key(item) }, pairs));
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
    reporting: Vec<Place>,
    /// 不足和原因.
    shortcomings: Vec<Place>,
}

impl PlanIndex {
    pub fn new(this_year: &Report) -> PlanIndex {
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
            reporting: places(this_year, &[SectionKind::Measures, SectionKind::FirstResponsible]),
            shortcomings: places(this_year, &[SectionKind::Shortcomings]),
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
        self.reporting.iter().filter(|(_, pairs)| matcher.matches(pairs)).map(|(r, _)| r.clone()).collect()
    }

    /// See [`explaining_items`].
    pub fn explaining_items(&self, plan: &PlanRecord) -> Vec<ItemRef> {
        let mut out: Vec<ItemRef> = self.linked(plan).filter(|r| r.kind == SectionKind::Shortcomings).cloned().collect();
        let matcher = TitleMatcher::new(&plan.title);
        for (r, pairs) in &self.shortcomings {
            if !out.contains(r) && matcher.matches(pairs) {
                out.push(r.clone());
            }
        }
        out.sort_by_key(|r| (r.section, r.item));
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

/// What a shortcoming starter ends with: the author writes the cause after it.
/// A text ending here has not given the cause yet ([`awaits_cause`]).
pub const CAUSE_PROMPT: &str = "原因：";

/// An item for 不足和原因 to start from an unfinished plan: the plan's
/// title, a sentence saying how far it got, to be completed with the
/// particulars where `……` stands, and [`CAUSE_PROMPT`] for the cause. A
/// plan not marked 部分完成 is written up as 未完成.
pub fn shortcoming_starter(plan: &PlanRecord) -> Item {
    let how_far = match plan.status {
        Some(PlanStatus::Partial) => "仅部分完成",
        _ => "未能完成",
    };
    Item::new(&plan.title, &format!("上年度报告安排的这项工作本年度{how_far}，……。{CAUSE_PROMPT}"))
}

/// True when a paragraph ends with an unanswered 原因： (or `原因:`): a starter
/// whose cause is still to be written.
pub fn awaits_cause(paragraph: &str) -> bool {
    without_cause_prompt(paragraph).len() < paragraph.trim_end().len()
}

/// A paragraph without an unanswered 原因： at its end: what it says so far.
pub fn without_cause_prompt(paragraph: &str) -> &str {
    let t = paragraph.trim_end();
    t.strip_suffix(CAUSE_PROMPT).or_else(|| t.strip_suffix("原因:")).unwrap_or(t)
}

/// A sentence of this year's report that (nearly) repeats one of last year's.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Copied {
    pub section: SectionKind,
    /// Position among this year's sections.
    pub section_index: usize,
    /// The item, 0-based; None for a section's intro paragraph.
    pub item: Option<usize>,
    /// 1-based line in this year's rendered text.
    pub line: usize,
    /// The sentence as written this year (without its closing punctuation).
    pub sentence: String,
    /// 1-based line in last year's rendered text ([`PreviousYear::text`]).
    pub previous_line: usize,
    /// The sentence of last year's it resembles most.
    pub previous: String,
    /// 0.0–1.0: the character-diff ratio of the two sentences' letters and
    /// digits (1.0: identical).
    pub similarity: f32,
}

/// Sentences shorter than this (letters and digits only) are not compared:
/// short ones (`严格落实领导干部学法制度`, item titles) recur every year
/// legitimately.
pub const MIN_SENTENCE_CHARS: usize = 15;

/// A sentence is copied when its similarity to one of last year's reaches
/// this. The ratio is 2 × matching characters / total characters, so 0.9
/// allows about one changed character in ten: a 40-character sentence with
/// two characters changed (0.95) or a year moved forward is caught, a
/// sentence keeping only its frame while the facts and figures change is not.
pub const COPY_SIMILARITY: f32 = 0.9;

/// One body sentence, where it stands and what is compared.
/// Similarity of two strings by character (see [`super::diff::ratio`]).
fn char_ratio(a: &str, b: &str) -> f32 {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    super::diff::ratio(&a, &b)
}

struct Sentence {
    section: usize,
    item: Option<usize>,
    line: usize,
    text: String,
    /// Letters and digits only: punctuation (half-width or full-width) and
    /// spaces do not make a sentence new.
    key: String,
    len: usize,
}

/// The body sentences of a report: section intro paragraphs, items (title
/// and body) and their further paragraphs — never the front matter (title,
/// preamble) or a heading — split at 。！？； and their half-width forms.
fn sentences(report: &Report) -> Vec<Sentence> {
    let map = LineMap::new(report);
    let mut out = Vec::new();
    let mut push = |section: usize, item: Option<usize>, line: usize, paragraph: &str| {
        for part in paragraph.split(['。', '！', '？', '；', '!', '?', ';']) {
            let key: String = part.chars().filter(|c| c.is_alphanumeric()).collect();
            let len = key.chars().count();
            if len >= MIN_SENTENCE_CHARS {
                out.push(Sentence { section, item, line, text: part.trim().to_string(), key, len });
            }
        }
    };
    for (si, s) in report.sections.iter().enumerate() {
        for (k, l) in s.intro.iter().enumerate() {
            push(si, None, map.intros[si][k], without_marker(&l.text));
        }
        for (ii, item) in s.items.iter().enumerate() {
            push(si, Some(ii), map.items[si][ii], &format!("{}{}{}", item.title, item.sep, item.body));
            for (k, l) in item.more.iter().enumerate() {
                push(si, Some(ii), map.mores[si][ii][k], without_marker(&l.text));
            }
        }
    }
    out
}

/// Distinct adjacent character pairs of a key, packed for hashing.
fn key_pairs(key: &str) -> Vec<u64> {
    let chars: Vec<char> = key.chars().collect();
    let mut v: Vec<u64> = chars.windows(2).map(|w| (u64::from(w[0]) << 32) | u64::from(w[1])).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Sentences of this year's body that repeat, or nearly repeat, a sentence
/// of last year's (similarity ≥ [`COPY_SIMILARITY`], sentences of at least
/// [`MIN_SENTENCE_CHARS`] letters and digits), in the order of the text.
///
/// The title, preamble and headings are not compared: they are the same
/// every year by design. Cost: identical sentences are found by hash; for
/// the rest the character diff runs only on pairs of last year's sentences
/// that pass two necessary conditions of similarity ≥ 0.9 — lengths within
/// 2·min/(a+b) ≥ 0.9, and at least 40% of the shorter one's distinct
/// character pairs shared (a pair of sentences at 0.9 shares over 60%, since
/// each changed character breaks at most two pairs and each gap one more).
pub fn copied_sentences(this_year: &Report, last_year: &Report) -> Vec<Copied> {
    let old = sentences(last_year);
    // Last year's distinct sentences (by key), with their pairs.
    let mut first_of: HashMap<&str, usize> = HashMap::new();
    let mut distinct: Vec<usize> = Vec::new();
    for (i, s) in old.iter().enumerate() {
        first_of.entry(&s.key).or_insert_with(|| {
            distinct.push(i);
            i
        });
    }
    let old_pairs: Vec<Vec<u64>> = distinct.iter().map(|&i| key_pairs(&old[i].key)).collect();
    let mut index: HashMap<u64, Vec<u32>> = HashMap::new();
    for (d, pairs) in old_pairs.iter().enumerate() {
        for p in pairs {
            index.entry(*p).or_default().push(d as u32);
        }
    }

    let mut shared = vec![0u32; distinct.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut out = Vec::new();
    for s in sentences(this_year) {
        let best = match first_of.get(s.key.as_str()) {
            Some(&i) => Some((i, 1.0)),
            None => {
                let pairs = key_pairs(&s.key);
                for p in &pairs {
                    for &d in index.get(p).map(Vec::as_slice).unwrap_or(&[]) {
                        if shared[d as usize] == 0 {
                            touched.push(d);
                        }
                        shared[d as usize] += 1;
                    }
                }
                let mut best: Option<(usize, f32)> = None;
                for d in touched.drain(..) {
                    let d = d as usize;
                    let common = std::mem::take(&mut shared[d]) as usize;
                    let o = &old[distinct[d]];
                    let (short, long) = (s.len.min(o.len), s.len.max(o.len));
                    if (2 * short) as f32 / ((short + long) as f32) < COPY_SIMILARITY
                        || common * 5 < 2 * pairs.len().min(old_pairs[d].len())
                    {
                        continue;
                    }
                    let ratio = char_ratio(&o.key, &s.key);
                    if ratio >= COPY_SIMILARITY && best.is_none_or(|(_, r)| ratio > r) {
                        best = Some((distinct[d], ratio));
                    }
                }
                best
            }
        };
        if let Some((i, similarity)) = best {
            let o = &old[i];
            out.push(Copied {
                section: this_year.sections[s.section].kind,
                section_index: s.section,
                item: s.item,
                line: s.line,
                sentence: s.text,
                previous_line: o.line,
                previous: o.text.clone(),
                similarity,
            });
        }
    }
    out
}

/// What [`next_year`] did to the new report's title and preamble.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FrontOutcome {
    /// Last year's sections were recognised. When false, nothing of last
    /// year's text is in the new report: its title and preamble are the
    /// standard ones for the unit and the new year, and no 去年的安排
    /// checklist can be made.
    pub parts_found: bool,
    /// Last year's report had no title line: the standard one was given.
    pub generated_title: bool,
    /// Last year's preamble was empty (or its parts were not found): the
    /// standard one was given.
    pub generated_preamble: bool,
    /// The years moved and left in last year's title and preamble (empty
    /// where they were generated).
    pub years: YearMove,
}

impl FrontOutcome {
    /// For the author, in Chinese, when last year's parts were found: which
    /// of title and preamble were generated, then the years moved and left
    /// ([`YearMove::summary`]). Empty when the parts were not found: the
    /// caller says so in its own words, with where last year's text is kept.
    pub fn summary(&self) -> Vec<String> {
        let mut out = self.notes();
        let years = &self.years;
        if self.parts_found && (!years.changes.is_empty() || !years.left.is_empty()) {
            out.push(format!("年份处理情况：{}。", years.summary().join("；")));
        }
        out
    }

    /// The sentences of [`summary`](Self::summary) other than the years,
    /// for a view that lists [`YearMove::summary`]'s lines one by one.
    pub fn notes(&self) -> Vec<String> {
        if !self.parts_found {
            return Vec::new();
        }
        let mut out = Vec::new();
        let generated: Vec<&str> = [(self.generated_title, "标题"), (self.generated_preamble, "开头段")]
            .into_iter()
            .filter_map(|(g, what)| g.then_some(what))
            .collect();
        if !generated.is_empty() {
            out.push(format!("去年的报告没有{}，已按本单位和新年度生成。", generated.join("和")));
        }
        let years = &self.years;
        if years.changes.is_empty() && generated.len() < 2 {
            out.push("沿用去年的标题和开头段中没有需要改为新年度的年份。".to_string());
        }
        out
    }
}

/// A new report for `year` made from last year's, and what was done to its
/// front ([`FrontOutcome`]).
///
/// When last year's sections are found: last year's title and preamble with
/// the report's own year moved to `year` only where it names the report's
/// period ([`YearMove::line`]; every other year is left and listed), a
/// missing title or preamble being the standard one ([`template`]). When no
/// section is found, the whole of last year's text is front matter and none
/// of it is taken: the title and preamble are the standard ones for the unit
/// (as last year's text names it) and `year`. Then the five required sections
/// with the standard headings for `year`, all empty; no section body is
/// copied. The line-ending style and BOM follow last year's file.
///
/// The report's own year is the year last year's report is on (inferred from
/// its text; taken as `year - 1` when it names none). In the outcome,
/// [`YearPlace::Title`] is the new report's `front[0]` and
/// [`YearPlace::Preamble`]`(i)` its `front[1 + i]`.
pub fn next_year(last_year: &Report, year: i32) -> (Report, FrontOutcome) {
    let from = infer_year(last_year).unwrap_or(year - 1);
    let (unit, _) = infer::unit_and_year(last_year);
    let unit = unit.unwrap_or_default();
    let mut report = template::new_report(&unit, year);
    report.bom = last_year.bom;
    report.eol = last_year.eol;
    let mut years = YearMove::new(from, year);
    let parts_found = !last_year.sections.is_empty();
    if !parts_found {
        let outcome = FrontOutcome { parts_found, generated_title: true, generated_preamble: true, years };
        return (report, outcome);
    }
    let title = last_year.title().map(|t| years.line(t, YearPlace::Title));
    let preamble = last_year.preamble();
    let preamble: Option<Vec<String>> = (!preamble.trim().is_empty())
        .then(|| preamble.split('\n').enumerate().map(|(i, l)| years.line(l, YearPlace::Preamble(i))).collect());
    let outcome = FrontOutcome { parts_found, generated_title: title.is_none(), generated_preamble: preamble.is_none(), years };
    let title = title.unwrap_or_else(|| template::title(&unit, year));
    let preamble = preamble.unwrap_or_else(|| vec![template::preamble(&unit, year)]);
    report.front = std::iter::once(title).chain(preamble).map(Line::new).collect();
    (report, outcome)
}

/// The report of [`next_year`], without the outcome.
pub fn next_year_report(last_year: &Report, year: i32) -> Report {
    next_year(last_year, year).0
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../../tests/fixtures/seed/000_7470bc842f3634e7.txt");

    #[test]
    fn plans_are_the_next_year_items_or_paragraphs() {
        let titles: Vec<String> = plans(&parse(SEED)).into_iter().map(|p| p.title).collect();
        assert_eq!(titles, ["统筹推进法治建设工作", "认真抓好普法工作落实", "加大单位制度执行力度"]);
        let prose = parse("一、主要举措和成效\n1. 甲。\n二、下一年度工作打算\n（一）完善制度。年内修订3项制度。\n\n健全机制。建立台账\n三、其他");
        // `（一）` numbers the only item here; the blank line and the rest follow it.
        assert_eq!(plans(&prose).len(), 1);
        let paragraphs = parse("一、主要举措和成效\n1. 甲。\n二、下一年度工作打算\n完善制度。年内修订3项制度。\n\n健全机制，建立台账\n三、其他");
        let got: Vec<(String, String)> = plans(&paragraphs).into_iter().map(|p| (p.title, p.body)).collect();
        assert_eq!(got, [("完善制度".to_string(), "年内修订3项制度。".to_string()), ("健全机制，建立台账".to_string(), String::new())]);
        let untitled = parse("一、下一年度主要安排\n1. 。年内修订3项制度。\n2. 。");
        assert_eq!(plans(&untitled), [Plan { title: "年内修订3项制度".into(), body: String::new() }]);
    }

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
    fn links_use_the_title_or_the_opening_of_the_body() {
        let mut plan = PlanRecord::default();
        let titled = Item::new("深化普法宣传", "开展普法活动5场。");
        let untitled = Item::new("", "全年开展普法活动5场，发放资料600余份，覆盖企业职工2000余人。");
        plan.link(&titled);
        plan.link(&titled);
        plan.link(&untitled);
        assert_eq!(plan.links, ["深化普法宣传", "全年开展普法活动5场，发放资料600余份"]);
        assert!(plan.is_linked(&untitled));
        assert!(!plan.is_linked(&Item::new("规范执法", "")));
    }

    #[test]
    fn explaining_items_finds_the_plan_in_shortcomings() {
        let report = parse("二、存在的不足和原因\n1. 学习不够系统。原因是重视不够。\n2. 单位制度执行还不够到位。旁听庭审制度未落实。原因是组织不力。");
        let found = explaining_items(&record("加大单位制度执行力度"), &report);
        assert_eq!(found.iter().map(|r| r.item).collect::<Vec<_>>(), [Some(1)]);
        assert!(explaining_items(&record("认真抓好普法工作落实"), &report).is_empty());
    }

    #[test]
    fn a_starter_is_matched_and_awaits_its_cause() {
        for (status, words) in [(Some(PlanStatus::NotDone), "未能完成"), (Some(PlanStatus::Partial), "仅部分完成")] {
            let plan = PlanRecord { status, ..record("加大单位制度执行力度") };
            let item = shortcoming_starter(&plan);
            assert_eq!(item.title, "加大单位制度执行力度");
            assert!(item.body.contains(words) && item.body.contains("……"), "{}", item.body);
            assert!(awaits_cause(&item.body_text()));
            let mut section = parse("二、存在的不足和原因").sections.remove(0);
            section.add_item(item);
            let report = Report { sections: vec![section], ..Report::default() };
            assert_eq!(explaining_items(&plan, &report).len(), 1);
        }
        assert!(!awaits_cause("原因：人员不足。"));
        assert!(awaits_cause("主要原因: "));
    }

    #[test]
    fn statuses_and_records_serialise_and_old_data_loads() {
        assert_eq!(serde_json::to_string(&PlanStatus::NotDone).unwrap(), "\"not_done\"");
        assert_eq!(PlanStatus::ALL.map(PlanStatus::label), ["已完成", "部分完成", "未完成"]);
        let old: PlanRecord = serde_json::from_str(r#"{"title":"统筹推进法治建设工作"}"#).unwrap();
        assert_eq!(old, record("统筹推进法治建设工作"));
        let prev: PreviousYear = serde_json::from_str(r#"{"text":"无"}"#).unwrap();
        assert_eq!((prev.year, prev.plans.len()), (None, 0));
        let seed = PreviousYear::from_report(&parse(SEED));
        assert_eq!((seed.year, seed.text.as_str(), seed.plans.len()), (Some(2023), SEED, 3));
        assert_eq!(seed.report(), parse(SEED));
        let back: PreviousYear = serde_json::from_str(&serde_json::to_string(&seed).unwrap()).unwrap();
        assert_eq!(back, seed);
    }

    #[test]
    fn years_move_forward_only_where_they_are_years() {
        let moved = |text: &str, from: i32, to: i32| move_year_in(text, YearPlace::Preamble(0), from, to);
        // Issue #25: the range 2022年至2023年 is now left as written (it
        // used to become 2023年至2024年) and listed for checking.
        let (line, years) = moved("2023年度，2022年至2023年", 2023, 2024);
        assert_eq!(line, "2024年度，2022年至2023年");
        assert_eq!(years.left.iter().map(|l| (l.text.as_str(), l.reason)).collect::<Vec<_>>(), [("2022年至2023年", Reason::Range)]);
        let (line, years) = moved("12023年、2023.5、第2023号、3000年、1989年", 2023, 2024);
        assert_eq!(line, "12023年、2023.5、第2023号、3000年、1989年");
        assert!(years.changes.is_empty() && years.left.is_empty(), "{years:?}");
        assert_eq!(moved("现就区国资委2023年度开展", 2023, 2025).0, "现就区国资委2025年度开展");
    }

    #[test]
    fn next_years_report_keeps_the_front_and_no_body() {
        let next = next_year_report(&parse(SEED), 2024);
        let text = render(&next);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "区国资委2024年度法治政府建设情况报告");
        assert_eq!(lines[1], "为推进法治政府建设,按照《法治政府建设与责任落实督察工作规定》文件要求,我单位认真梳理,现就区国资委2024年度开展法治建设工作情况报告如下。");
        assert_eq!(lines[2], "一、2024年度推进法治政府建设的主要举措和成效");
        assert_eq!(lines[5], "四、2025年度推进法治政府建设的主要安排");
        assert_eq!(lines.len(), 7, "{text}");
        assert!(next.sections.iter().all(|s| s.intro.is_empty() && s.items.is_empty()));
        // A titled report keeps its own title, moved.
        let titled = parse("某县水务局2023年度法治政府建设情况报告\n\n一、2023年度主要举措和成效\n1. 甲。");
        let next = next_year_report(&titled, 2024);
        assert_eq!(next.title(), Some("某县水务局2024年度法治政府建设情况报告"));
        assert_eq!(next.preamble(), template::preamble("某县水务局", 2024), "a missing preamble is the standard one");
    }

    #[test]
    fn the_seeds_preamble_moves_its_own_year_and_says_so() {
        let (next, outcome) = next_year(&parse(SEED), 2024);
        assert!(outcome.parts_found && outcome.generated_title && !outcome.generated_preamble);
        let preamble = &next.front[1].text;
        assert_eq!(
            preamble,
            "为推进法治政府建设,按照《法治政府建设与责任落实督察工作规定》文件要求,我单位认真梳理,现就区国资委2024年度开展法治建设工作情况报告如下。"
        );
        assert_eq!(outcome.years.changes.len(), 1);
        let change = &outcome.years.changes[0];
        assert_eq!((change.place, change.from, change.to, &preamble[change.range.clone()]), (YearPlace::Preamble(0), 2023, 2024, "2024"));
        assert_eq!(outcome.years.left, []);
        assert_eq!(outcome.years.summary(), ["开头段：2023 → 2024，1 处"]);
        assert_eq!(outcome.summary(), ["去年的报告没有标题，已按本单位和新年度生成。", "年份处理情况：开头段：2023 → 2024，1 处。"]);
    }

    #[test]
    fn a_title_and_preamble_with_other_years_keep_them() {
        let last = parse(
            "某县司法局2025年度法治政府建设情况报告\n2025年，我局深入贯彻《法治政府建设实施纲要（2021—2025年）》，2024年12月召开专题会议。\n现将2025年度法治政府建设工作情况报告如下。\n一、2025年度主要举措和成效\n1. 甲。",
        );
        let (next, outcome) = next_year(&last, 2026);
        let lines: Vec<&str> = next.front.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            lines,
            [
                "某县司法局2026年度法治政府建设情况报告",
                "2026年，我局深入贯彻《法治政府建设实施纲要（2021—2025年）》，2024年12月召开专题会议。",
                "现将2026年度法治政府建设工作情况报告如下。",
            ]
        );
        assert!(!outcome.generated_title && !outcome.generated_preamble);
        let places: Vec<YearPlace> = outcome.years.changes.iter().map(|c| c.place).collect();
        assert_eq!(places, [YearPlace::Title, YearPlace::Preamble(0), YearPlace::Preamble(1)]);
        for c in &outcome.years.changes {
            let line = match c.place {
                YearPlace::Title => &next.front[0].text,
                YearPlace::Preamble(i) => &next.front[1 + i].text,
            };
            assert_eq!(&line[c.range.clone()], "2026");
        }
        assert_eq!(
            outcome.years.summary(),
            [
                "标题：2025 → 2026，1 处",
                "开头段：2025 → 2026，2 处",
                "开头段：“2021—2025年”为文件名称中的年份，未改动，请核对",
                "开头段：“2024年12月”为具体月份，未改动，请核对",
            ]
        );
        assert_eq!(
            outcome.summary(),
            ["年份处理情况：标题：2025 → 2026，1 处；开头段：2025 → 2026，2 处；开头段：“2021—2025年”为文件名称中的年份，未改动，请核对；开头段：“2024年12月”为具体月份，未改动，请核对。"]
        );
        // Nothing to move, and only other years.
        let (_, plain) = next_year(&parse("某局法治政府建设情况报告\n现将有关情况报告如下。\n一、主要举措和成效"), 2026);
        assert_eq!(plain.summary(), ["沿用去年的标题和开头段中没有需要改为新年度的年份。"]);
        let (_, other) = next_year(&parse("某局2025年度法治政府建设情况报告\n2019年，我局成立。\n一、主要举措和成效"), 2026);
        assert_eq!(
            other.summary(),
            ["年份处理情况：标题：2025 → 2026，1 处；开头段：“2019年”不是本报告所属年度（2025年），未改动，请核对。"]
        );
        let (_, none) = next_year(&parse("一、主要举措和成效\n1. 甲。"), 2026);
        assert_eq!(none.summary(), ["去年的报告没有标题和开头段，已按本单位和新年度生成。"]);
    }

    #[test]
    fn without_parts_the_front_is_generated_and_last_years_text_kept() {
        // No heading is recognised: the whole text is front matter.
        let text = "某县司法局2025年度法治政府建设情况报告\r\n2025年，我局深入贯彻《法治政府建设实施纲要（2021—2025年）》。\r\n全年办理行政复议案件12件，较2024年下降20%。\r\n2026年将继续加强法治宣传。\r\n";
        let last = parse(text);
        assert!(last.sections.is_empty());
        let (next, outcome) = next_year(&last, 2026);
        assert!(!outcome.parts_found && outcome.generated_title && outcome.generated_preamble);
        assert!(outcome.years.changes.is_empty() && outcome.years.left.is_empty());
        assert!(outcome.summary().is_empty(), "the caller says the parts were not found");
        assert_eq!(next.title(), Some(template::title("某县司法局", 2026).as_str()));
        assert_eq!(next.preamble(), template::preamble("某县司法局", 2026));
        assert_eq!(next.sections, template::new_report("某县司法局", 2026).sections);
        let rendered = render(&next);
        assert!(!rendered.contains("行政复议") && !rendered.contains("2021"), "{rendered}");
        // Last year's text is kept exactly, years and all.
        let kept = PreviousYear::from_report(&last);
        assert_eq!(kept.text, text);
        assert!(kept.plans.is_empty());
    }

    const PARAGRAPH: &str = "1. 加强组织领导。建立区国资委法治建设工作领导小组并根据工作需要和人事变动及时调整领导小组成员。充分发挥领导小组在法治学习、普法宣传等具体工作方面的重要作用。";

    #[test]
    fn copied_sentences_are_found_with_their_lines() {
        let last = parse(&format!("开头。\n一、主要举措和成效\n{PARAGRAPH}"));
        let edited = PARAGRAPH.replace("及时调整", "适时调整");
        let this = parse(&format!("标题报告\n开头。\n一、主要举措和成效\n1. 新的工作。今年开展了全新的普法活动共计五场次。\n{}", edited.replacen("1.", "2.", 1)));
        let found = copied_sentences(&this, &last);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!((found[0].line, found[0].previous_line, found[0].item), (5, 3, Some(1)));
        assert!(found[0].similarity > 0.95 && found[0].similarity < 1.0, "{}", found[0].similarity);
        assert!(found[0].sentence.contains("适时调整") && found[0].previous.contains("及时调整"));
        assert_eq!(found[1].similarity, 1.0);
    }

    #[test]
    fn short_sentences_headings_and_the_preamble_are_not_compared() {
        let last = parse("为推进法治政府建设，按照《法治政府建设与责任落实督察工作规定》要求，现将工作情况报告如下。\n一、2023年度推进法治政府建设的主要举措和成效\n1. 加强组织领导。严格落实领导干部学法制度。");
        let this = parse("为推进法治政府建设，按照《法治政府建设与责任落实督察工作规定》要求，现将工作情况报告如下。\n一、2023年度推进法治政府建设的主要举措和成效\n1. 加强组织领导。严格落实领导干部学法制度。");
        assert!(copied_sentences(&this, &last).is_empty());
    }

    #[test]
    fn punctuation_alone_does_not_make_a_sentence_new() {
        let last = parse("一、主要举措和成效\n1. 学习。组织机关工作人员认真参加网上学法用法考试,考试通过率达到100%。");
        let this = parse("一、主要举措和成效\n1. 学习。组织机关工作人员认真参加网上学法用法考试，考试通过率达到100%。");
        assert_eq!(copied_sentences(&this, &last)[0].similarity, 1.0);
    }

    /// The pre-filter never drops a pair the diff would accept: every seed
    /// sentence with one to six characters changed is compared with the
    /// whole seed by brute force and by `copied_sentences`.
    #[test]
    fn the_pre_filter_agrees_with_brute_force() {
        let seed = parse(SEED);
        let old = sentences(&seed);
        let mut lines = Vec::new();
        for (n, s) in old.iter().enumerate() {
            let mut chars: Vec<char> = s.text.chars().collect();
            // Change `k` characters spread over the sentence.
            let k = 1 + n % 6;
            for j in 0..k {
                let at = (j * chars.len()) / k + 1;
                if at < chars.len() {
                    chars[at] = '改';
                }
            }
            lines.push(format!("{}. 标题。{}", n + 1, chars.into_iter().collect::<String>()));
        }
        let this = parse(&format!("一、主要举措和成效\n{}", lines.join("\n")));
        let fast: Vec<(usize, String)> = copied_sentences(&this, &seed).into_iter().map(|c| (c.line, c.sentence)).collect();
        let brute: Vec<(usize, String)> = sentences(&this)
            .into_iter()
            .filter(|s| old.iter().any(|o| char_ratio(&o.key, &s.key) >= COPY_SIMILARITY))
            .map(|s| (s.line, s.text))
            .collect();
        assert_eq!(fast, brute);
        assert!(brute.len() > 10 && brute.len() < old.len(), "{} of {}", brute.len(), old.len());
    }
}
