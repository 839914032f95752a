//! Parsing report text into a [`Report`].
//!
//! The parser is total: every input parses, and `render(&parse(s)) == s`
//! byte for byte. It works in three passes over the lines:
//!
//! 1. find each line's numbering marker, if any ([`line_marker`](super::markers::line_marker)): `第一部分`,
//!    `一、`, `（一）`, `1.`/`1．`, `1、`, `（1）`/`(1)`;
//! 2. choose the section level: of the marker styles used on short,
//!    heading-like lines, the one whose headings name the most of the five
//!    required contents (by meaning, see `classify.rs`) — so a report using
//!    `第一部分` for sections and `一、` for items, or putting 第一责任人
//!    first, is read correctly;
//! 3. under each section heading, the first other marker style found numbers
//!    the items; everything else is kept in place as intro or item paragraphs.

use super::classify::{classify_heading, classify_sequence, strong_kind};
use super::markers::{line_marker, MarkerStyle};
use crate::report::model::{Eol, Heading, Item, Line, Report, Section, SectionKind};

/// A heading is short: at most this many characters after its marker.
const MAX_HEADING_CHARS: usize = 60;
/// A heading without a number is shorter still.
const MAX_BARE_HEADING_CHARS: usize = 40;

/// Parse decoded text (a leading BOM is remembered and stripped).
pub fn parse(text: &str) -> Report {
    parse_with_levels(text, &[])
}

/// Parse text with a heading-level hint per line (`levels[i]` for the i-th
/// line: 0 for a Heading 1 paragraph of a .docx, `None` for body text), as a
/// Word document marks headings by style rather than by characters. The text
/// is not changed by the hint: `render(parse_with_levels(x, l)) == x`. Hints
/// that do not match the text's lines one for one are ignored.
pub fn parse_with_levels(text: &str, levels: &[Option<u8>]) -> Report {
    let (bom, body) = match text.strip_prefix('\u{feff}') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let lines = split_lines(body);
    let levels: Vec<Option<u8>> =
        if levels.len() == lines.len() { levels.to_vec() } else { vec![None; lines.len()] };
    let eol = dominant_eol(&lines);
    let markers: Vec<Option<(MarkerStyle, usize)>> = lines.iter().map(|l| line_marker(&l.text)).collect();
    let level = section_level(&lines, &markers, &levels);
    // The marker style of the section headings, which items must not use.
    let heading_style = match level {
        Some(LevelStyle::Marker(style)) => Some(style),
        _ => None,
    };

    let mut report = Report { bom, eol, front: Vec::new(), sections: Vec::new(), back: Vec::new() };
    let mut current: Option<(Heading, Vec<Line>)> = None;
    for (i, (line, marker)) in lines.into_iter().zip(markers.iter().copied()).enumerate() {
        // Before any text, a line is the title, never a heading without a number.
        let at_start = current.is_none() && report.front.iter().all(|l| l.text.trim().is_empty());
        let heading = level.and_then(|level| heading_at(level, &line.text, marker, levels[i], at_start));
        match heading {
            Some(len) => {
                if let Some((h, body)) = current.take() {
                    report.sections.push(build_section(h, body, heading_style));
                }
                let heading =
                    Heading { marker: line.text[..len].to_string(), text: line.text[len..].to_string(), eol: line.eol };
                current = Some((heading, Vec::new()));
            }
            None => match &mut current {
                Some((_, body)) => body.push(line),
                None => report.front.push(line),
            },
        }
    }
    if let Some((h, mut body)) = current.take() {
        // The 公文's closing lines (署名, 成文日期, 附件说明) are no part's content.
        report.back = super::frame::split_back(&mut body);
        report.sections.push(build_section(h, body, heading_style));
    }
    // The kinds are chosen for the report's headings together, not one by one.
    let headings: Vec<&str> = report.sections.iter().map(|s| s.heading.text.as_str()).collect();
    let kinds = classify_sequence(&headings);
    for (section, kind) in report.sections.iter_mut().zip(kinds) {
        section.kind = kind;
    }
    report
}

/// What marks the report's section headings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LevelStyle {
    /// A numbering marker style (`一、`, `第一部分` …).
    Marker(MarkerStyle),
    /// A .docx heading level (from the paragraph's style), numbered or not.
    Outline(u8),
    /// Short lines without a number whose words are a section heading's.
    Bare,
}

/// If a line is a section heading at `level`, the byte length of its marker.
fn heading_at(level: LevelStyle, text: &str, marker: Option<(MarkerStyle, usize)>, outline: Option<u8>, at_start: bool) -> Option<usize> {
    match level {
        LevelStyle::Marker(style) => match marker {
            Some((s, len)) if s == style && is_heading_like(&text[len..]) => Some(len),
            _ => None,
        },
        LevelStyle::Outline(l) => {
            let len = marker.map_or_else(|| indent_len(text), |(_, len)| len);
            // A title styled as a heading (a clerk's Heading 1 title) stays the title.
            let title = at_start && marker.is_none() && text.contains("报告");
            (outline == Some(l) && !title && is_heading_like(&text[len..])).then_some(len)
        }
        LevelStyle::Bare => (marker.is_none() && !at_start && is_bare_heading(text)).then(|| indent_len(text)),
    }
}

fn indent_len(text: &str) -> usize {
    text.len() - text.trim_start_matches([' ', '\u{3000}', '\t']).len()
}

/// A line without a number that can only be a section heading: short, no
/// sentence punctuation, and words that name one of the five contents.
fn is_bare_heading(text: &str) -> bool {
    let t = text.trim();
    let n = t.chars().count();
    if !(2..=MAX_BARE_HEADING_CHARS).contains(&n) {
        return false;
    }
    if t.ends_with(['。', '；', '！', '？', '，', '、', '.', ';', ',']) || t.contains(['。', '；', '，']) {
        return false;
    }
    // A title ("……情况报告") or a date line is not a section heading.
    if t.ends_with("报告") || t.ends_with('日') {
        return false;
    }
    strong_kind(t).is_some()
}

/// Split text into lines, each with the terminator that ended it. A final
/// line without a terminator gets `Eol::None`; text ending in a terminator has
/// no empty last line.
pub fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                lines.push(Line { text: text[start..i].to_string(), eol: Eol::Lf });
                i += 1;
                start = i;
            }
            b'\r' => {
                let crlf = bytes.get(i + 1) == Some(&b'\n');
                let eol = if crlf { Eol::CrLf } else { Eol::Cr };
                lines.push(Line { text: text[start..i].to_string(), eol });
                i += if crlf { 2 } else { 1 };
                start = i;
            }
            _ => i += 1,
        }
    }
    if start < bytes.len() {
        lines.push(Line { text: text[start..].to_string(), eol: Eol::None });
    }
    lines
}

fn dominant_eol(lines: &[Line]) -> Eol {
    let count = |e: Eol| lines.iter().filter(|l| l.eol == e).count();
    let (lf, crlf, cr) = (count(Eol::Lf), count(Eol::CrLf), count(Eol::Cr));
    if crlf > lf && crlf >= cr {
        Eol::CrLf
    } else if cr > lf && cr > crlf {
        Eol::Cr
    } else {
        Eol::Lf
    }
}

/// What marks the report's sections, if anything: among the marker styles
/// used on heading-like lines, the .docx heading levels and unnumbered
/// heading lines, the one whose headings cover the most distinct required
/// kinds; ties go to the one seen first, and a marker before a level hint on
/// the same line (a numbered Heading 1 keeps its number).
fn section_level(lines: &[Line], markers: &[Option<(MarkerStyle, usize)>], levels: &[Option<u8>]) -> Option<LevelStyle> {
    let mut candidates: Vec<(LevelStyle, Vec<SectionKind>)> = Vec::new();
    let mut note = |style: LevelStyle, rest: &str| {
        let kind = classify_heading(rest);
        let entry = match candidates.iter_mut().position(|(s, _)| *s == style) {
            Some(i) => &mut candidates[i],
            None => {
                candidates.push((style, Vec::new()));
                candidates.last_mut().expect("just pushed")
            }
        };
        if kind != SectionKind::Unknown && !entry.1.contains(&kind) {
            entry.1.push(kind);
        }
    };
    let mut seen_text = false;
    for ((line, marker), outline) in lines.iter().zip(markers).zip(levels) {
        let len = marker.map(|(_, len)| len);
        if let Some((style, len)) = *marker {
            if is_heading_like(&line.text[len..]) {
                note(LevelStyle::Marker(style), &line.text[len..]);
            }
        }
        if let Some(l) = *outline {
            let rest = &line.text[len.unwrap_or_else(|| indent_len(&line.text))..];
            if is_heading_like(rest) {
                note(LevelStyle::Outline(l), rest);
            }
        }
        if marker.is_none() && seen_text && is_bare_heading(&line.text) {
            note(LevelStyle::Bare, line.text.trim());
        }
        seen_text |= !line.text.trim().is_empty();
    }
    let best = candidates.iter().map(|(_, kinds)| kinds.len()).max().unwrap_or(0);
    if best == 0 {
        return None;
    }
    // On a tie a typed or displayed number wins over a style's level (a
    // numbered Heading 1 keeps its number), and both over unnumbered lines.
    let rank = |s: &LevelStyle| match s {
        LevelStyle::Marker(_) => 0,
        LevelStyle::Outline(_) => 1,
        LevelStyle::Bare => 2,
    };
    candidates.into_iter().filter(|(_, kinds)| kinds.len() == best).min_by_key(|(s, _)| rank(s)).map(|(s, _)| s)
}

/// Short, and no full stop except at the very end: a heading, not a paragraph.
fn is_heading_like(rest: &str) -> bool {
    let rest = rest.trim();
    let n = rest.chars().count();
    if n == 0 || n > MAX_HEADING_CHARS {
        return false;
    }
    let inner = rest.trim_end_matches(['。', '：', ':']);
    !inner.contains('。') && !inner.contains('；')
}

/// Lines under one heading become the intro (before the first item) and items.
pub(crate) fn build_section(heading: Heading, lines: Vec<Line>, level: Option<MarkerStyle>) -> Section {
    let kind = classify_heading(&heading.text);
    let (intro, items) = split_items(lines, level);
    Section { kind, heading, intro, items }
}

/// Sort body lines into the intro and numbered items. The item style is the
/// first marker style in the body other than the section level's.
pub(crate) fn split_items(lines: Vec<Line>, level: Option<MarkerStyle>) -> (Vec<Line>, Vec<Item>) {
    let item_style =
        lines.iter().filter_map(|l| line_marker(&l.text)).map(|(s, _)| s).find(|s| Some(*s) != level);
    let mut intro = Vec::new();
    let mut items: Vec<Item> = Vec::new();
    for line in lines {
        let marker = line_marker(&line.text).filter(|(s, _)| Some(*s) == item_style);
        if let Some((_, len)) = marker {
            let (title, sep, body) = split_title(&line.text[len..]);
            items.push(Item {
                marker: line.text[..len].to_string(),
                title: title.to_string(),
                sep: sep.to_string(),
                body: body.to_string(),
                eol: line.eol,
                more: Vec::new(),
            });
        } else if let Some(last) = items.last_mut() {
            last.more.push(line);
        } else {
            intro.push(line);
        }
    }
    (intro, items)
}

/// Split an item line after its marker into (title, separator, body) at the
/// first full stop.
pub(crate) fn split_title(rest: &str) -> (&str, &str, &str) {
    match rest.find('。') {
        Some(i) => (&rest[..i], "。", &rest[i + '。'.len_utf8()..]),
        None => (rest, "", ""),
    }
}
