//! The three-way comparison: base, mine and theirs, per part and per item,
//! as rows the merge page shows and [`Merge::apply`] turns into a report.

use super::marks::{marks, plain, whole, Span};
use super::matching::match_units;
use super::parts::{nth_section, section_keys};
use super::{Choice, PartKey};
use crate::report::model::{Eol, Item, Report, Section};
use crate::report::render::render_section_text;

/// A row's handle for choices, unique within one [`Merge`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RowId(pub usize);

/// What a row holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// A whole section that one side added or removed.
    Part,
    /// A section's heading.
    Heading,
    /// A paragraph: of the title and preamble, or of a section's opening text.
    Line,
    /// A numbered item with its paragraphs (compared without its number).
    Item,
}

/// Who changed a row, which decides what the author is asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    /// Nobody changed it, or both made the same change: nothing to decide.
    Same,
    /// Only the colleague changed it: offered (采纳 = [`Choice::Theirs`]).
    TheirsOnly,
    /// Only I changed it: kept, shown as mine, never offered for undoing.
    MineOnly,
    /// Both changed it differently: base, mine and theirs side by side.
    Conflict,
    /// No base was found: the versions differ and nobody knows who changed
    /// what. Decided like a conflict; mine is kept unless chosen otherwise.
    Differs,
}

/// One version of a row: its text and the spans marked against the version
/// it is compared with (theirs and mine against the base; without a base,
/// mine against theirs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Side {
    pub text: String,
    pub spans: Vec<Span>,
}

/// One row of the merge page. A side that is `None` does not have the row
/// (never written there, or deleted: show 已删除, no blank line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergeRow {
    pub id: RowId,
    pub slot: Slot,
    pub kind: RowKind,
    pub base: Option<Side>,
    pub mine: Option<Side>,
    pub theirs: Option<Side>,
    /// The item changed place among the others (reordered) on that side.
    pub mine_moved: bool,
    pub theirs_moved: bool,
    pub(super) at: At,
}

/// Where a row's versions are in mine and theirs, and what accepting theirs means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct At {
    /// Index into the part's lines or items (the section for [`Slot::Part`]; 0 for a heading).
    pub mine: Option<usize>,
    pub theirs: Option<usize>,
    /// Accepting theirs takes their text (or their deletion, or their addition).
    pub take_text: bool,
    /// Accepting theirs takes their place in the order.
    pub take_place: bool,
}

/// One part: the title and preamble, or one section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergePart {
    pub key: PartKey,
    /// 标题和开头, or the section's heading.
    pub label: String,
    pub rows: Vec<MergeRow>,
}

/// A colleague's version compared with mine, from their common base when
/// it was found.
#[derive(Clone, Debug, PartialEq)]
pub struct Merge {
    /// The base was given; `false`: a two-way comparison, every difference
    /// is [`RowKind::Differs`] (say so: 找不到发出时的版本).
    pub base_found: bool,
    pub parts: Vec<MergePart>,
    pub(super) mine: Report,
    pub(super) theirs: Report,
}

impl MergeRow {
    /// The choices to offer: 采纳 / 不采纳 for a colleague's change,
    /// 用我的 / 用对方的 (/ 都保留 where both have text) for a conflict or a
    /// difference without a base, none otherwise.
    pub fn choices(&self) -> &'static [Choice] {
        let both = self.mine.is_some() && self.theirs.is_some() && matches!(self.slot, Slot::Line | Slot::Item);
        match self.kind {
            RowKind::Same | RowKind::MineOnly => &[],
            RowKind::TheirsOnly => &[Choice::Theirs, Choice::Mine],
            RowKind::Conflict | RowKind::Differs if both => &[Choice::Mine, Choice::Theirs, Choice::Both],
            RowKind::Conflict | RowKind::Differs => &[Choice::Mine, Choice::Theirs],
        }
    }

    /// The author has something to decide here.
    pub fn needs_choice(&self) -> bool {
        !self.choices().is_empty()
    }

    /// What happened to the row, for the page: 对方修改了这一条 …
    pub fn summary(&self) -> String {
        let what = match self.slot {
            Slot::Part => "这一部分",
            Slot::Heading => "部分标题",
            Slot::Line => "这一段",
            Slot::Item => "这一条",
        };
        let change = |side: &Option<Side>, moved: bool| -> &'static str {
            match (self.base.as_ref(), side) {
                (None, Some(_)) => "新增了",
                (Some(_), None) => "删除了",
                (Some(b), Some(s)) if b.text != s.text && moved => "修改并移动了",
                (Some(b), Some(s)) if b.text != s.text => "修改了",
                _ if moved => "调整了顺序：",
                _ => "",
            }
        };
        match self.kind {
            RowKind::Same if self.base.as_ref().map(|b| &b.text) != self.mine.as_ref().map(|m| &m.text) => format!("双方作了相同的修改（{what}）"),
            RowKind::Same => "两个版本相同".to_string(),
            RowKind::TheirsOnly => format!("对方{}{what}", change(&self.theirs, self.theirs_moved)),
            RowKind::MineOnly => format!("我{}{what}（保留）", change(&self.mine, self.mine_moved)),
            RowKind::Conflict => match (&self.mine, &self.theirs) {
                (Some(_), None) => format!("我修改了{what}，对方删除了{what}"),
                (None, Some(_)) => format!("我删除了{what}，对方修改了{what}"),
                _ => format!("双方都修改了{what}，修改不同"),
            },
            RowKind::Differs => match (&self.mine, &self.theirs) {
                (Some(_), None) => format!("对方的版本没有{what}"),
                (None, Some(_)) => format!("对方的版本多出{what}"),
                _ if self.theirs_moved => format!("两个版本中{what}的位置或内容不同"),
                _ => format!("两个版本的{what}不同"),
            },
        }
    }
}

impl Merge {
    /// Every row of every part, in page order.
    pub fn rows(&self) -> impl Iterator<Item = &MergeRow> {
        self.parts.iter().flat_map(|p| p.rows.iter())
    }

    /// Rows that ask for a decision.
    pub fn to_decide(&self) -> usize {
        self.rows().filter(|r| r.needs_choice()).count()
    }

    /// Rows where both sides changed the same thing differently.
    pub fn conflicts(&self) -> usize {
        self.rows().filter(|r| r.kind == RowKind::Conflict).count()
    }

    /// The merged report is mine whatever is chosen: nothing to do.
    pub fn is_noop(&self) -> bool {
        self.to_decide() == 0
    }
}

/// Compare `theirs` with `mine`, from `base` — the revision theirs was made
/// from — when it was found; without it, a two-way comparison.
pub fn three_way(base: Option<&Report>, mine: &Report, theirs: &Report) -> Merge {
    // Without a base, mine stands in for it: every difference is then "theirs",
    // and is relabelled as a difference nobody can attribute.
    let b = base.unwrap_or(mine);
    let mut ids = 0usize;
    let mut parts = Vec::new();
    let front = |r: &Report| r.front.iter().map(|l| l.text.clone()).collect::<Vec<_>>();
    let rows = seq_rows(&mut ids, Slot::Line, (&front(b), &front(mine), &front(theirs)), None);
    parts.push(MergePart { key: PartKey::Front, label: "标题和开头".into(), rows });

    let mut keys = section_keys(mine);
    for k in section_keys(theirs).into_iter().chain(section_keys(b)) {
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    for key in keys {
        let PartKey::Section { kind, nth } = key else { continue };
        let (bs, ms, ts) = (nth_section(b, kind, nth), nth_section(mine, kind, nth), nth_section(theirs, kind, nth));
        let label = ms.or(ts).or(bs).map(|s| format!("{}{}", s.heading.marker, s.heading.text).trim().to_string()).unwrap_or_default();
        let label = if label.is_empty() { kind.label().to_string() } else { label };
        let rows = match (ms, ts) {
            (Some(m), Some(t)) => section_rows(&mut ids, bs, m, t),
            (None, None) => continue,
            _ => part_rows(&mut ids, bs, ms, ts),
        };
        parts.push(MergePart { key, label, rows });
    }
    if base.is_none() {
        for row in parts.iter_mut().flat_map(|p| p.rows.iter_mut()) {
            two_way(row);
        }
    }
    Merge { base_found: base.is_some(), parts, mine: mine.clone(), theirs: theirs.clone() }
}

/// A row of the comparison against mine as a row without a base.
fn two_way(row: &mut MergeRow) {
    row.base = None;
    if row.kind == RowKind::TheirsOnly {
        row.kind = RowKind::Differs;
        match (&mut row.mine, &mut row.theirs) {
            (Some(m), Some(t)) => (m.spans, t.spans) = marks(&m.text, &t.text),
            (Some(m), None) => m.spans = whole(&m.text),
            _ => {}
        }
    }
}

/// The text an item is compared by: everything but its number.
pub(super) fn item_text(item: &Item) -> String {
    let mut s = format!("{}{}{}", item.title, item.sep, item.body);
    for l in &item.more {
        s.push('\n');
        s.push_str(&l.text);
    }
    s
}

fn heading_text(s: &Section) -> String {
    format!("{}{}", s.heading.marker, s.heading.text)
}

fn section_text(s: &Section) -> String {
    render_section_text(s, Eol::Lf).replace("\r\n", "\n").replace('\r', "\n")
}

/// Both sides have the section: its heading, opening lines and items.
fn section_rows(ids: &mut usize, base: Option<&Section>, mine: &Section, theirs: &Section) -> Vec<MergeRow> {
    let mut rows = Vec::new();
    let bh = base.map(heading_text);
    rows.push(row(ids, Slot::Heading, bh.as_deref(), Some(&heading_text(mine)), Some(&heading_text(theirs)), (Some(0), Some(0)), (false, false)));
    let lines = |s: Option<&Section>| s.map(|s| s.intro.iter().map(|l| l.text.clone()).collect::<Vec<_>>()).unwrap_or_default();
    rows.extend(seq_rows(ids, Slot::Line, (&lines(base), &lines(Some(mine)), &lines(Some(theirs))), None));
    let items = |s: Option<&Section>| s.map(|s| s.items.iter().map(item_text).collect::<Vec<_>>()).unwrap_or_default();
    let titles = |s: Option<&Section>| s.map(|s| s.items.iter().map(|i| i.title.clone()).collect::<Vec<_>>()).unwrap_or_default();
    let t = (titles(base), titles(Some(mine)), titles(Some(theirs)));
    rows.extend(seq_rows(ids, Slot::Item, (&items(base), &items(Some(mine)), &items(Some(theirs))), Some((&t.0, &t.1, &t.2))));
    rows
}

/// One side lacks the section: the whole part is one row.
fn part_rows(ids: &mut usize, base: Option<&Section>, mine: Option<&Section>, theirs: Option<&Section>) -> Vec<MergeRow> {
    let (b, m, t) = (base.map(section_text), mine.map(section_text), theirs.map(section_text));
    if b.is_some() && m.is_none() && t.is_none() {
        return Vec::new();
    }
    vec![row(ids, Slot::Part, b.as_deref(), m.as_deref(), t.as_deref(), (mine.map(|_| 0), theirs.map(|_| 0)), (false, false))]
}

type Triple<'a, T> = (&'a [T], &'a [T], &'a [T]);

/// Rows for a sequence of lines or items in base, mine and theirs, in the
/// order of mine (what only the base or theirs has, after its predecessor).
fn seq_rows(ids: &mut usize, slot: Slot, (b, m, t): Triple<String>, titles: Option<Triple<String>>) -> Vec<MergeRow> {
    let bm = match_units(b, m, titles.map(|(tb, tm, _)| (tb, tm)));
    let bt = match_units(b, t, titles.map(|(tb, _, tt)| (tb, tt)));
    // (place in mine's order, row)
    let mut rows: Vec<(usize, MergeRow)> = Vec::new();
    let mine_anchor = |before: Option<usize>| before.map_or(0, |p| 2 * p + 2);
    #[allow(clippy::needless_range_loop)] // `i` indexes b, bm and bt alike
    for i in 0..b.len() {
        let (mi, ti) = (bm.a_to_b[i], bt.a_to_b[i]);
        let r = row(ids, slot, Some(&b[i]), mi.map(|j| m[j].as_str()), ti.map(|k| t[k].as_str()), (mi, ti), (bm.moved[i], bt.moved[i]));
        let place = match mi {
            Some(j) => 2 * j + 1,
            None => mine_anchor((0..i).rev().find_map(|p| bm.a_to_b[p])),
        };
        rows.push((place, r));
    }
    // Additions; the same paragraph added on both sides is one row.
    let mut theirs_taken = vec![false; t.len()];
    for j in (0..m.len()).filter(|&j| bm.b_to_a[j].is_none()) {
        let same = (0..t.len()).find(|&k| bt.b_to_a[k].is_none() && !theirs_taken[k] && !t[k].trim().is_empty() && t[k] == m[j]);
        if let Some(k) = same {
            theirs_taken[k] = true;
        }
        let r = row(ids, slot, None, Some(&m[j]), same.map(|k| t[k].as_str()), (Some(j), same), (false, false));
        rows.push((2 * j + 1, r));
    }
    for k in (0..t.len()).filter(|&k| bt.b_to_a[k].is_none() && !theirs_taken[k]) {
        // After the nearest earlier unit of theirs that mine has.
        let before = (0..k).rev().find_map(|p| rows.iter().find(|(_, r)| r.at.theirs == Some(p) && r.at.mine.is_some()).and_then(|(_, r)| r.at.mine));
        let r = row(ids, slot, None, None, Some(&t[k]), (None, Some(k)), (false, false));
        rows.push((mine_anchor(before), r));
    }
    crate::report::sort::by_key(&mut rows, |(place, _)| *place);
    rows.into_iter().map(|(_, r)| r).collect()
}

/// One row from the three versions of a unit.
fn row(ids: &mut usize, slot: Slot, base: Option<&str>, mine: Option<&str>, theirs: Option<&str>, (mi, ti): (Option<usize>, Option<usize>), (mm, tm): (bool, bool)) -> MergeRow {
    let id = RowId(*ids);
    *ids += 1;
    let mine_text = mine != base;
    let theirs_text = theirs != base;
    let both_place = mine.is_some() && theirs.is_some();
    let (tm, mm) = (tm && both_place, mm && both_place);
    let conflict = mine_text && theirs_text && mine != theirs;
    let same_change = mine_text && theirs_text && mine == theirs;
    let theirs_offer = (theirs_text && !mine_text) || (tm && !mm);
    let kind = if conflict {
        RowKind::Conflict
    } else if theirs_offer {
        RowKind::TheirsOnly
    } else if (mine_text && !same_change) || (mm && !tm) {
        RowKind::MineOnly
    } else {
        RowKind::Same
    };
    let at = match kind {
        RowKind::Conflict => At { mine: mi, theirs: ti, take_text: true, take_place: tm },
        _ => At { mine: mi, theirs: ti, take_text: theirs_text && !mine_text, take_place: tm && !mm },
    };
    // Marks against the base; a side equal to it is plain.
    let against = |side: Option<&str>| -> Option<Side> {
        let s = side?;
        let spans = match base {
            Some(b) if b == s => plain(s),
            Some(b) => marks(b, s).1,
            None if kind == RowKind::Same => plain(s),
            None => whole(s),
        };
        Some(Side { text: s.to_string(), spans })
    };
    let base_side = base.map(|b| {
        let spans = match kind {
            RowKind::TheirsOnly => theirs.map_or_else(|| whole(b), |t| marks(b, t).0),
            RowKind::MineOnly => mine.map_or_else(|| whole(b), |m| marks(b, m).0),
            _ => plain(b),
        };
        Side { text: b.to_string(), spans }
    });
    MergeRow { id, slot, kind, base: base_side, mine: against(mine), theirs: against(theirs), mine_moved: mm, theirs_moved: tm, at }
}
