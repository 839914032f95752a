//! Parsing report text into a [`Report`].
//!
//! The parser is total: every input parses, and `render(&parse(s)) == s`.
//! It splits lines keeping each terminator, finds section headings, sorts the
//! lines under each heading into an intro and numbered items, and classifies
//! each section by the meaning of its heading (see `classify.rs`).

use super::classify::classify_heading;
use super::model::{Eol, Heading, Item, Line, Report, Section};

/// Parse decoded text (a leading BOM is remembered and stripped).
pub fn parse(text: &str) -> Report {
    let (bom, body) = match text.strip_prefix('\u{feff}') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let lines = split_lines(body);
    let eol = dominant_eol(&lines);
    let mut report = Report { bom, eol, front: Vec::new(), sections: Vec::new() };
    let mut body_lines: Vec<Line> = Vec::new();
    let mut current: Option<Heading> = None;
    for line in lines {
        if let Some((marker, rest)) = section_marker(&line.text) {
            if let Some(h) = current.take() {
                report.sections.push(build_section(h, std::mem::take(&mut body_lines)));
            }
            current = Some(Heading { marker: marker.to_string(), text: rest.to_string(), eol: line.eol });
        } else if current.is_some() {
            body_lines.push(line);
        } else {
            report.front.push(line);
        }
    }
    if let Some(h) = current.take() {
        report.sections.push(build_section(h, body_lines));
    }
    report
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

/// Lines under one heading become the intro (before the first item) and items.
pub(crate) fn build_section(heading: Heading, lines: Vec<Line>) -> Section {
    let kind = classify_heading(&heading.text);
    let (intro, items) = split_items(lines);
    Section { kind, heading, intro, items }
}

/// Sort body lines into the intro and numbered items.
pub(crate) fn split_items(lines: Vec<Line>) -> (Vec<Line>, Vec<Item>) {
    let mut intro = Vec::new();
    let mut items: Vec<Item> = Vec::new();
    for line in lines {
        if let Some((marker, rest)) = item_marker(&line.text) {
            let (title, sep, body) = split_title(rest);
            items.push(Item {
                marker: marker.to_string(),
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

/// `一、` … `十、` at the start of a line: returns (marker, rest).
pub(crate) fn section_marker(text: &str) -> Option<(&str, &str)> {
    let digits = text.chars().take_while(|c| is_cn_numeral(*c)).map(char::len_utf8).sum::<usize>();
    if digits == 0 {
        return None;
    }
    let rest = &text[digits..];
    let sep = rest.strip_prefix('、')?;
    let end = text.len() - sep.len();
    Some((&text[..end], sep))
}

/// `1. `, `1．`, `1、` at the start of a line: returns (marker including any
/// following spaces, rest).
pub(crate) fn item_marker(text: &str) -> Option<(&str, &str)> {
    let digits = text.bytes().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = &text[digits..];
    let after = ["、", "．", ". ", "."].iter().find_map(|s| rest.strip_prefix(s))?;
    let after = after.trim_start_matches(' ');
    if after.is_empty() || after.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let end = text.len() - after.len();
    Some((&text[..end], after))
}

/// Split an item line after its marker into (title, separator, body) at the
/// first full stop.
pub(crate) fn split_title(rest: &str) -> (&str, &str, &str) {
    match rest.find('。') {
        Some(i) => (&rest[..i], "。", &rest[i + '。'.len_utf8()..]),
        None => (rest, "", ""),
    }
}

pub(crate) fn is_cn_numeral(c: char) -> bool {
    matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
}
