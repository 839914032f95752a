//! What a draft stores of last year's report: the year, the text, and the
//! "去年的安排" checklist — one [`PlanRecord`] per plan of its 下一年度主要安排.

use std::fmt;
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};

use crate::report::model::{Item, Report, SectionKind};
use crate::report::text::infer::infer_year;
use crate::report::text::markers::without_marker;
use crate::report::text::parse::{parse, split_title};
use crate::report::text::render::render;

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
/// ignored (see [`addressing_items`](super::addressing_items)); the author links the item again.
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
///
/// The stored JSON is `{"year", "text", "plans"}`, as it always was: the
/// parsed copy is never written, and a draft read back parses the text again
/// on first use.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PreviousYear {
    pub year: Option<i32>,
    /// `render(last_year)`: parsing it gives last year's report back exactly.
    /// Private so it cannot change under its parsed copy.
    text: String,
    pub plans: Vec<PlanRecord>,
    #[serde(skip)]
    parsed: Parsed,
}

/// Last year's report parsed from [`PreviousYear`]'s text, made on first use
/// and kept: the checker reads it on every save, and parsing 30,000
/// characters on each keystroke's save was the largest part of a check
/// against last year. A clone shares it (an `Arc`), and it is no part of the
/// value: two records with the same text are equal whether or not either has
/// been parsed yet.
#[derive(Clone, Default)]
struct Parsed(OnceLock<Arc<Report>>);

impl PartialEq for Parsed {
    fn eq(&self, _: &Parsed) -> bool {
        true
    }
}

impl Eq for Parsed {}

impl fmt::Debug for Parsed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0.get().is_some() { "Parsed" } else { "NotParsedYet" })
    }
}

impl PreviousYear {
    /// Keep last year's report: its year (from its text), its text and its
    /// plans, none marked or linked yet.
    pub fn from_report(last_year: &Report) -> PreviousYear {
        PreviousYear {
            year: infer_year(last_year),
            text: render(last_year),
            plans: plans(last_year).into_iter().map(PlanRecord::from).collect(),
            parsed: Parsed::default(),
        }
    }

    /// Last year's text, exactly as rendered when the draft was started.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Last year's report, parsed from the kept text the first time it is
    /// asked for and kept from then on.
    pub fn report(&self) -> &Report {
        self.parsed.0.get_or_init(|| Arc::new(parse(&self.text)))
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

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../../../tests/fixtures/seed/000_7470bc842f3634e7.txt");

    fn record(title: &str) -> PlanRecord {
        PlanRecord { title: title.into(), ..PlanRecord::default() }
    }

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
    fn statuses_and_records_serialise_and_old_data_loads() {
        assert_eq!(serde_json::to_string(&PlanStatus::NotDone).unwrap(), "\"not_done\"");
        assert_eq!(PlanStatus::ALL.map(PlanStatus::label), ["已完成", "部分完成", "未完成"]);
        let old: PlanRecord = serde_json::from_str(r#"{"title":"统筹推进法治建设工作"}"#).unwrap();
        assert_eq!(old, record("统筹推进法治建设工作"));
        let prev: PreviousYear = serde_json::from_str(r#"{"text":"无"}"#).unwrap();
        assert_eq!((prev.year, prev.plans.len()), (None, 0));
        let seed = PreviousYear::from_report(&parse(SEED));
        assert_eq!((seed.year, seed.text.as_str(), seed.plans.len()), (Some(2023), SEED, 3));
        assert_eq!(*seed.report(), parse(SEED));
        let back: PreviousYear = serde_json::from_str(&serde_json::to_string(&seed).unwrap()).unwrap();
        assert_eq!(back, seed);
    }


    #[test]
    fn last_years_report_is_parsed_once_and_never_stored() {
        let kept = PreviousYear::from_report(&parse(SEED));
        let json = serde_json::to_value(&kept).unwrap();
        let mut keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["plans", "text", "year"], "the stored field names");
        let first: *const Report = kept.report();
        assert!(std::ptr::eq(first, kept.report()), "parsed once, then kept");
        let copy = kept.clone();
        assert!(std::ptr::eq(first, copy.report()), "a clone shares the parsed copy");
        assert_eq!(serde_json::to_value(&kept).unwrap(), json, "the parsed copy is not written");
        let read: PreviousYear = serde_json::from_value(json).unwrap();
        assert_eq!(read, kept, "equal before it is parsed again");
        assert_eq!(*read.report(), parse(SEED));
    }
}
