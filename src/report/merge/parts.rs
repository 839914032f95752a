//! Parts of a report as the merge pairs them (sections by kind and
//! occurrence, never by position), and text taken from the colleague's
//! version in my line-ending style.

use super::PartKey;
use crate::report::model::{Eol, Line, Report, Section, SectionKind};

/// Each section's key: its kind and which occurrence of that kind it is.
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

/// The `nth` section of `kind`.
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
fn adopt_lines(lines: &[Line], eol: Eol) -> Vec<Line> {
    lines.iter().map(|l| Line { text: l.text.clone(), eol: adopt_eol(l.eol, eol) }).collect()
}

/// A line of theirs ends as mine do (or not at all, if it had no ending).
pub(super) fn adopt_eol(theirs: Eol, ours: Eol) -> Eol {
    if theirs == Eol::None {
        Eol::None
    } else {
        ours
    }
}

/// A whole section of theirs, in my line endings.
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
