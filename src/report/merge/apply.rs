//! The merged report from a [`Merge`] and the author's choices.
//!
//! Mine is the starting point, so its line endings, numbering style and
//! everything nobody chose to change stay byte for byte. Taken changes of
//! theirs replace my text in place (keeping my number); their additions and
//! moves go after the unit that precedes them in their version; 都保留 puts
//! their copy, labelled （对方的版本）, right after mine. Items are renumbered
//! in the section's own style only when their sequence changed.

use super::three_way::{Merge, MergeRow, Slot};
use super::parts::{adopt_eol, adopt_section, insert_position, nth_section, section_keys};
use super::{Choice, PartKey, THEIRS_LABEL};
use crate::report::model::{Eol, Item, Line, Report};

/// What one row's choice does.
#[derive(Clone, Copy, Debug, Default)]
struct Decision {
    text: bool,
    place: bool,
    both: bool,
}

fn decide(row: &MergeRow, choice: Option<Choice>) -> Decision {
    // A choice the row does not offer (都保留 for a colleague's change) is none.
    match choice.filter(|c| row.choices().contains(c)) {
        None | Some(Choice::Mine) => Decision::default(),
        Some(Choice::Theirs) => Decision { text: row.at.take_text, place: row.at.take_place, both: false },
        // Offered only where both sides have the paragraph or item.
        Some(Choice::Both) => {
            let differ = row.mine.as_ref().map(|s| &s.text) != row.theirs.as_ref().map(|s| &s.text);
            Decision { both: differ, ..Decision::default() }
        }
    }
}

impl Merge {
    /// The merged report: `choices` by row; a row without a choice keeps
    /// mine (a colleague's change not taken, a conflict resolved as mine).
    pub fn apply(&self, choices: &[(super::RowId, Choice)]) -> Report {
        let chosen = |row: &MergeRow| decide(row, choices.iter().find(|(id, _)| *id == row.id).map(|(_, c)| *c));
        let (mine, theirs) = (&self.mine, &self.theirs);
        let eol = mine.eol;
        let mut out = mine.clone();
        let part = |key: PartKey| self.parts.iter().find(|p| p.key == key);
        let decided = |key: PartKey, slot: Slot| -> Vec<(&MergeRow, Decision)> {
            part(key).map(|p| p.rows.iter().filter(|r| r.slot == slot).map(|r| (r, chosen(r))).collect()).unwrap_or_default()
        };

        out.front = merge_lines(&mine.front, &theirs.front, &decided(PartKey::Front, Slot::Line), eol).0;

        let mut sections = Vec::new();
        for (s, key) in mine.sections.iter().zip(section_keys(mine)) {
            let PartKey::Section { kind, nth } = key else { continue };
            if let Some((_, d)) = decided(key, Slot::Part).first() {
                // Theirs lacks the section: taking theirs removes it.
                if !d.text {
                    sections.push(s.clone());
                }
                continue;
            }
            let Some(t) = nth_section(theirs, kind, nth) else {
                sections.push(s.clone());
                continue;
            };
            let mut s = s.clone();
            if decided(key, Slot::Heading).iter().any(|(_, d)| d.text) {
                s.heading.marker = t.heading.marker.clone();
                s.heading.text = t.heading.text.clone();
            }
            s.intro = merge_lines(&s.intro, &t.intro, &decided(key, Slot::Line), eol).0;
            let (items, changed) = merge_seq(&s.items, &t.items, &decided(key, Slot::Item), |t, m| replace_item(t, m, eol), |t| adopt_item(t, eol), label_item);
            s.items = items;
            if changed {
                s.renumber();
            }
            sections.push(s);
        }
        // Sections only theirs has, taken: in the regulation's order.
        for (t, key) in theirs.sections.iter().zip(section_keys(theirs)) {
            let PartKey::Section { kind, nth } = key else { continue };
            if nth_section(mine, kind, nth).is_some() || !decided(key, Slot::Part).iter().any(|(_, d)| d.text) {
                continue;
            }
            let at = insert_position(&sections, t.kind);
            sections.insert(at, adopt_section(t, eol));
        }
        out.sections = sections;
        if let (Some(want), Some(last)) = (last_eol(mine), last_eol_mut(&mut out)) {
            // The file ends as mine did, whichever line is last now.
            *last = want;
        }
        out
    }
}

fn merge_lines(mine: &[Line], theirs: &[Line], rows: &[(&MergeRow, Decision)], eol: Eol) -> (Vec<Line>, bool) {
    merge_seq(
        mine,
        theirs,
        rows,
        |t, m| Line { text: t.text.clone(), eol: m.eol },
        |t| Line { text: t.text.clone(), eol: adopt_eol(t.eol, eol) },
        |mut l| {
            l.text = format!("{THEIRS_LABEL}{}", l.text);
            l
        },
    )
}

fn adopt_item(t: &Item, eol: Eol) -> Item {
    let mut item = t.clone();
    item.eol = adopt_eol(t.eol, eol);
    for l in &mut item.more {
        l.eol = adopt_eol(l.eol, eol);
    }
    item
}

/// Their words under my number.
fn replace_item(t: &Item, m: &Item, eol: Eol) -> Item {
    Item { marker: m.marker.clone(), eol: m.eol, ..adopt_item(t, eol) }
}

fn label_item(mut item: Item) -> Item {
    if item.title.is_empty() {
        item.body = format!("{THEIRS_LABEL}{}", item.body);
    } else {
        item.title = format!("{THEIRS_LABEL}{}", item.title);
    }
    item
}

/// One element in the making, with the index of theirs it stands for.
struct Entry<T> {
    value: T,
    theirs: Option<usize>,
}

/// Merge one sequence (lines or items): mine, with the decided changes of
/// theirs. Returns whether the sequence itself (not only a text) changed.
fn merge_seq<T: Clone>(
    mine: &[T],
    theirs: &[T],
    rows: &[(&MergeRow, Decision)],
    replace: impl Fn(&T, &T) -> T,
    insert: impl Fn(&T) -> T,
    label: impl Fn(T) -> T,
) -> (Vec<T>, bool) {
    let mut values: Vec<T> = mine.to_vec();
    let mut tag: Vec<Option<usize>> = vec![None; mine.len()];
    let (mut removed, mut moved) = (vec![false; mine.len()], vec![false; mine.len()]);
    let mut copies: Vec<(usize, usize, T)> = Vec::new();
    let mut to_place: Vec<(usize, T)> = Vec::new();
    let mut changed = false;
    for (row, d) in rows {
        if let (Some(i), Some(j)) = (row.at.mine, row.at.theirs) {
            tag[i] = Some(j);
        }
        match (row.at.mine, row.at.theirs) {
            (Some(i), Some(j)) if d.both => {
                copies.push((i, j, label(insert(&theirs[j]))));
                changed = true;
            }
            (Some(i), Some(j)) => {
                if d.text {
                    values[i] = replace(&theirs[j], &mine[i]);
                }
                if d.place {
                    moved[i] = true;
                    changed = true;
                }
            }
            (Some(i), None) if d.text => {
                removed[i] = true;
                changed = true;
            }
            (None, Some(j)) if d.text => {
                to_place.push((j, insert(&theirs[j])));
                changed = true;
            }
            _ => {}
        }
    }
    let mut seq: Vec<Entry<T>> = Vec::new();
    for (i, value) in values.into_iter().enumerate() {
        if removed[i] {
            continue;
        }
        if moved[i] {
            to_place.push((tag[i].expect("a moved unit is on both sides"), value));
            continue;
        }
        seq.push(Entry { value, theirs: tag[i] });
        for (_, j, copy) in copies.iter().filter(|(at, _, _)| *at == i) {
            seq.push(Entry { value: copy.clone(), theirs: Some(*j) });
        }
    }
    // In their order, each after the nearest earlier unit of theirs already placed.
    crate::report::sort::by_key(&mut to_place, |(j, _)| *j);
    for (j, value) in to_place {
        let after = (0..j).rev().find_map(|p| seq.iter().rposition(|e| e.theirs == Some(p)).map(|pos| pos + 1));
        let before = || (j + 1..theirs.len()).find_map(|p| seq.iter().position(|e| e.theirs == Some(p)));
        let at = after.or_else(before).unwrap_or(seq.len());
        seq.insert(at, Entry { value, theirs: Some(j) });
    }
    (seq.into_iter().map(|e| e.value).collect(), changed)
}

/// The ending of the report's last line.
fn last_eol(r: &Report) -> Option<Eol> {
    let Some(s) = r.sections.last() else { return r.front.last().map(|l| l.eol) };
    Some(match s.items.last() {
        Some(item) => item.more.last().map_or(item.eol, |l| l.eol),
        None => s.intro.last().map_or(s.heading.eol, |l| l.eol),
    })
}

fn last_eol_mut(r: &mut Report) -> Option<&mut Eol> {
    let Some(s) = r.sections.last_mut() else {
        return r.front.last_mut().map(|l| &mut l.eol);
    };
    if let Some(item) = s.items.last_mut() {
        return Some(match item.more.last_mut() {
            Some(l) => &mut l.eol,
            None => &mut item.eol,
        });
    }
    Some(match s.intro.last_mut() {
        Some(l) => &mut l.eol,
        None => &mut s.heading.eol,
    })
}
