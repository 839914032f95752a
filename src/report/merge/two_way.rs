//! The two-way comparison the merge page has used so far: each part of
//! mine against theirs, paragraph by paragraph, with no common base. The
//! three-way merge ([`super::three_way`]) supersedes it — it covers the
//! no-base case too, without this module's 都保留 copying a whole item a
//! sentence was deleted from — and this module goes once the merge page
//! calls that instead.
//!
//! Parts are paired by kind (the second `Unknown` section with the other
//! version's second `Unknown`), never by position.

use super::marks::{marks, Span};
use super::{Choice, PartKey};
use crate::report::diff::{self, DiffOp};
use crate::report::model::{Eol, Item, Line, Report, Section, SectionKind};
use crate::report::render::render_section_text;

/// One row of the side-by-side view: a paragraph of mine and/or of theirs.
/// `None` on a side means the paragraph is missing there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub mine: Option<Vec<Span>>,
    pub theirs: Option<Vec<Span>>,
}

impl Row {
    /// Both sides hold the same paragraph.
    pub fn is_equal(&self) -> bool {
        matches!((&self.mine, &self.theirs), (Some(a), Some(b)) if a.iter().all(|s| !s.changed) && b.iter().all(|s| !s.changed))
    }
}

/// One part compared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    pub key: PartKey,
    /// A name for the user: 标题和开头, or the section's heading.
    pub label: String,
    /// The part's text in each version (`\n` between lines); `None` when
    /// that version does not have the part at all.
    pub mine: Option<String>,
    pub theirs: Option<String>,
    pub rows: Vec<Row>,
}

impl Part {
    /// The two versions differ, so the author has to choose.
    pub fn differs(&self) -> bool {
        self.mine != self.theirs
    }

    /// Paragraphs changed, added or removed: for a one-line summary.
    pub fn changed_rows(&self) -> usize {
        self.rows.iter().filter(|r| !r.is_equal()).count()
    }
}

/// Compare two versions of a report part by part, in the order of mine
/// (parts only the colleague has come last, in their order).
pub fn compare(mine: &Report, theirs: &Report) -> Vec<Part> {
    let mut parts = Vec::new();
    let front = |r: &Report| (!r.front.is_empty()).then(|| r.front.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join("\n"));
    parts.push(part(PartKey::Front, "标题和开头".into(), front(mine), front(theirs)));
    let mut keys: Vec<PartKey> = section_keys(mine);
    for k in section_keys(theirs) {
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    for key in keys {
        let PartKey::Section { kind, nth } = key else { continue };
        let a = nth_section(mine, kind, nth);
        let b = nth_section(theirs, kind, nth);
        let label = a.or(b).map(|s| format!("{}{}", s.heading.marker, s.heading.text).trim().to_string()).unwrap_or_default();
        let label = if label.is_empty() { kind.label().to_string() } else { label };
        // Compared without line endings: a file saved on Windows is not a change.
        let text = |s: Option<&Section>| s.map(|s| render_section_text(s, Eol::Lf).replace("\r\n", "\n").replace('\r', "\n"));
        parts.push(part(key, label, text(a), text(b)));
    }
    // A part neither version has (no front matter on either side) is not shown.
    parts.retain(|p| p.mine.is_some() || p.theirs.is_some());
    parts
}

/// Build the merged report: `choices` gives the choice for each part that
/// [`Part::differs`], by key; a differing part without a choice keeps mine.
/// Line endings follow mine, so a CRLF colleague does not mix styles.
pub fn apply(mine: &Report, theirs: &Report, choices: &[(PartKey, Choice)]) -> Report {
    let choice = |key: PartKey| choices.iter().find(|(k, _)| *k == key).map(|(_, c)| *c).unwrap_or(Choice::Mine);
    let mut out = mine.clone();
    let eol = mine.eol;

    match choice(PartKey::Front) {
        Choice::Mine => {}
        Choice::Theirs => out.front = adopt_lines(&theirs.front, eol),
        Choice::Both => {
            for line in &theirs.front {
                if !line.text.trim().is_empty() && !out.front.iter().any(|l| l.text == line.text) {
                    out.front.push(Line { text: line.text.clone(), eol: Eol::None });
                }
            }
        }
    }

    // Sections: walk mine, replacing or extending; then insert theirs-only ones.
    let mut sections: Vec<Section> = Vec::new();
    for (s, key) in mine.sections.iter().zip(section_keys(mine)) {
        let PartKey::Section { kind, nth } = key else { continue };
        let other = nth_section(theirs, kind, nth);
        match (choice(key), other) {
            (Choice::Mine, _) => sections.push(s.clone()),
            (Choice::Theirs, None) => {} // the colleague removed it
            (Choice::Theirs, Some(t)) => sections.push(adopt_section(t, eol)),
            (Choice::Both, None) => sections.push(s.clone()),
            (Choice::Both, Some(t)) => sections.push(keep_both(s, t)),
        }
    }
    for (t, key) in theirs.sections.iter().zip(section_keys(theirs)) {
        let PartKey::Section { kind, nth } = key else { continue };
        if nth_section(mine, kind, nth).is_some() {
            continue;
        }
        if choice(key) == Choice::Mine {
            continue; // "mine" is: without it
        }
        let at = insert_position(&sections, t.kind);
        sections.insert(at, adopt_section(t, eol));
    }
    out.sections = sections;
    out
}

fn part(key: PartKey, label: String, mine: Option<String>, theirs: Option<String>) -> Part {
    let rows = rows(mine.as_deref().unwrap_or(""), theirs.as_deref().unwrap_or(""), mine.is_some(), theirs.is_some());
    Part { key, label, mine, theirs, rows }
}

pub(super) fn section_keys(r: &Report) -> Vec<PartKey> {
    let mut keys = Vec::new();
    let mut seen: Vec<SectionKind> = Vec::new();
    for s in &r.sections {
        let nth = seen.iter().filter(|k| **k == s.kind).count();
        seen.push(s.kind);
        keys.push(PartKey::Section { kind: s.kind, nth });
    }
    keys
}

pub(super) fn nth_section(r: &Report, kind: SectionKind, nth: usize) -> Option<&Section> {
    r.sections.iter().filter(|s| s.kind == kind).nth(nth)
}

/// Where a section only the colleague has goes: before the first section
/// that comes later in the regulation's order; unknown sections at the end.
pub(super) fn insert_position(sections: &[Section], kind: SectionKind) -> usize {
    if kind == SectionKind::Unknown {
        return sections.len();
    }
    sections.iter().position(|s| s.kind != SectionKind::Unknown && s.kind > kind).unwrap_or(sections.len())
}

/// Lines from the other file take our line ending style.
pub(super) fn adopt_lines(lines: &[Line], eol: Eol) -> Vec<Line> {
    lines.iter().map(|l| Line { text: l.text.clone(), eol: adopt_eol(l.eol, eol) }).collect()
}

pub(super) fn adopt_eol(theirs: Eol, ours: Eol) -> Eol {
    if theirs == Eol::None {
        Eol::None
    } else {
        ours
    }
}

pub(super) fn adopt_section(s: &Section, eol: Eol) -> Section {
    let mut s = s.clone();
    s.heading.eol = adopt_eol(s.heading.eol, eol);
    s.intro = adopt_lines(&s.intro, eol);
    for item in &mut s.items {
        item.eol = adopt_eol(item.eol, eol);
        item.more = adopt_lines(&item.more, eol);
    }
    s
}

/// My section, then their intro paragraphs and items that mine lacks.
fn keep_both(mine: &Section, theirs: &Section) -> Section {
    let mut out = mine.clone();
    for line in &theirs.intro {
        if !line.text.trim().is_empty() && !out.intro.iter().any(|l| l.text == line.text) {
            out.intro.push(Line { text: line.text.clone(), eol: Eol::None });
        }
    }
    let same = |a: &Item, b: &Item| a.title == b.title && a.body == b.body && a.more.iter().map(|l| &l.text).eq(b.more.iter().map(|l| &l.text));
    let mut added = false;
    for item in &theirs.items {
        if !out.items.iter().any(|m| same(m, item)) {
            let mut item = item.clone();
            item.eol = Eol::None;
            for l in &mut item.more {
                l.eol = Eol::None;
            }
            out.items.push(item);
            added = true;
        }
    }
    if added {
        // Their markers may be in another style or repeat ours.
        out.renumber();
    }
    out
}

/// Side-by-side rows for two texts, by line; replaced lines paired and
/// compared by character.
fn rows(a: &str, b: &str, has_a: bool, has_b: bool) -> Vec<Row> {
    let a_lines: Vec<&str> = if has_a { a.split('\n').collect() } else { Vec::new() };
    let b_lines: Vec<&str> = if has_b { b.split('\n').collect() } else { Vec::new() };
    let whole = |s: &str, changed: bool| vec![Span { text: s.to_string(), changed }];
    let mut rows = Vec::new();
    for op in diff::ops(&a_lines, &b_lines) {
        match op {
            DiffOp::Equal { old_index, new_index, len } => {
                for i in 0..len {
                    rows.push(Row { mine: Some(whole(a_lines[old_index + i], false)), theirs: Some(whole(b_lines[new_index + i], false)) });
                }
            }
            DiffOp::Delete { old_index, old_len, .. } => {
                for l in &a_lines[old_index..old_index + old_len] {
                    rows.push(Row { mine: Some(whole(l, true)), theirs: None });
                }
            }
            DiffOp::Insert { new_index, new_len, .. } => {
                for l in &b_lines[new_index..new_index + new_len] {
                    rows.push(Row { mine: None, theirs: Some(whole(l, true)) });
                }
            }
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                for i in 0..old_len.max(new_len) {
                    let x = (i < old_len).then(|| a_lines[old_index + i]);
                    let y = (i < new_len).then(|| b_lines[new_index + i]);
                    rows.push(match (x, y) {
                        (Some(x), Some(y)) => {
                            let (m, t) = inline(x, y);
                            Row { mine: Some(m), theirs: Some(t) }
                        }
                        (Some(x), None) => Row { mine: Some(whole(x, true)), theirs: None },
                        (None, Some(y)) => Row { mine: None, theirs: Some(whole(y, true)) },
                        (None, None) => unreachable!("i < max(old_len, new_len)"),
                    });
                }
            }
        }
    }
    rows
}

/// Two versions of one paragraph, marked by [`marks`]. A side with nothing
/// of its own marked (a pure insertion on the other side) is still a
/// changed paragraph: its presence is marked.
fn inline(a: &str, b: &str) -> (Vec<Span>, Vec<Span>) {
    let (mut m, t) = marks(a, b);
    if m.iter().all(|s| !s.changed) && t.iter().all(|s| !s.changed) {
        m.iter_mut().for_each(|s| s.changed = true);
    }
    (m, t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{parse, render};

    const MINE: &str = "标题报告\n开头。\n一、2023年度推进法治政府建设的主要举措和成效\n1. 甲。甲的正文。\n2. 乙。乙的正文。\n二、2023年度推进法治政府建设存在的不足和原因\n不足。原因。\n";

    #[test]
    fn identical_reports_have_nothing_to_choose() {
        let r = parse(MINE);
        let parts = compare(&r, &r);
        assert_eq!(parts.len(), 3);
        assert!(parts.iter().all(|p| !p.differs()));
        assert!(parts.iter().all(|p| p.rows.iter().all(Row::is_equal)));
        assert_eq!(render(&apply(&r, &r, &[])), MINE);
    }

    #[test]
    fn a_changed_word_is_marked_inside_the_paragraph() {
        let mine = parse(MINE);
        let theirs = parse(&MINE.replace("乙的正文", "乙的新正文"));
        let parts = compare(&mine, &theirs);
        let changed: Vec<&Part> = parts.iter().filter(|p| p.differs()).collect();
        assert_eq!(changed.len(), 1);
        assert_eq!(changed[0].key, PartKey::Section { kind: SectionKind::Measures, nth: 0 });
        assert_eq!(changed[0].changed_rows(), 1);
        let row = changed[0].rows.iter().find(|r| !r.is_equal()).unwrap();
        let marked: String = row.theirs.as_ref().unwrap().iter().filter(|s| s.changed).map(|s| s.text.as_str()).collect();
        assert_eq!(marked, "新");
    }

    #[test]
    fn unchosen_parts_keep_mine() {
        let mine = parse(MINE);
        let theirs = parse(&MINE.replace("乙的正文", "乙的新正文"));
        assert_eq!(render(&apply(&mine, &theirs, &[])), MINE);
    }

    #[test]
    fn both_appends_only_what_mine_lacks_and_renumbers() {
        let mine = parse(MINE);
        let theirs = parse(&MINE.replace("2. 乙。乙的正文。\n", "2. 丙。丙的正文。\n3. 乙。乙的正文。\n"));
        let key = PartKey::Section { kind: SectionKind::Measures, nth: 0 };
        let merged = render(&apply(&mine, &theirs, &[(key, Choice::Both)]));
        assert!(merged.contains("2. 乙。乙的正文。\n3. 丙。丙的正文。\n"), "{merged}");
        assert_eq!(merged.matches("乙的正文").count(), 1);
    }

    #[test]
    fn a_section_only_they_have_goes_in_the_regulations_order() {
        let mine = parse(&MINE.replace("二、2023年度推进法治政府建设存在的不足和原因\n不足。原因。\n", ""));
        let theirs = parse(MINE);
        let parts = compare(&mine, &theirs);
        let only_theirs = parts.iter().find(|p| p.mine.is_none()).unwrap();
        assert_eq!(only_theirs.key, PartKey::Section { kind: SectionKind::Shortcomings, nth: 0 });
        assert!(only_theirs.rows.iter().all(|r| r.mine.is_none()));
        let merged = apply(&mine, &theirs, &[(only_theirs.key, Choice::Theirs)]);
        assert_eq!(merged.sections.iter().map(|s| s.kind).collect::<Vec<_>>(), vec![SectionKind::Measures, SectionKind::Shortcomings]);
        // Declining it leaves mine as it was.
        assert_eq!(render(&apply(&mine, &theirs, &[(only_theirs.key, Choice::Mine)])), render(&mine));
    }

    #[test]
    fn their_line_endings_follow_mine() {
        let mine = parse(MINE);
        let theirs = parse(&MINE.replace("乙的正文", "乙的新正文").replace('\n', "\r\n"));
        let all: Vec<(PartKey, Choice)> = compare(&mine, &theirs).iter().map(|p| (p.key, Choice::Theirs)).collect();
        let merged = render(&apply(&mine, &theirs, &all));
        assert!(!merged.contains('\r'));
        assert_eq!(merged, MINE.replace("乙的正文", "乙的新正文"));
    }

    #[test]
    fn unrelated_paragraphs_are_marked_whole() {
        let (a, b) = inline("加强组织领导，压实工作责任。", "完善执法程序。");
        assert_eq!(a.len(), 1);
        assert!(a[0].changed && b[0].changed);
    }
}
