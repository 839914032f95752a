//! What `fzbg inspect` reports about a file: a stable, documented JSON
//! interface (docs/CLI.md) built from the parsed report.

use serde::Serialize;

use super::classify::heading_year;
use super::decode::Encoding;
use super::frame::Frame;
use crate::report::model::{Eol, Report};
use super::render::render_section_text;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Inspection {
    /// `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be` or `gb18030`.
    pub encoding: &'static str,
    /// Characters in the text, line terminators included, a BOM excluded.
    pub chars: usize,
    pub title: Option<String>,
    pub preamble: String,
    /// The sections in document order.
    pub sections: Vec<SectionInfo>,
    /// Required kinds that no section has, in the regulation's order.
    pub missing: Vec<&'static str>,
    /// Characters before the first section that are neither the title nor
    /// the preamble (its first paragraph block, up to the first blank line).
    pub unplaced_chars: usize,
    /// The 公文's frame: 主送机关, 发文字号, 附件说明, 署名, 成文日期, 附注
    /// (`null` each when absent).
    pub frame: Frame,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SectionInfo {
    pub kind: &'static str,
    /// The heading line as written, marker included.
    pub heading: String,
    /// The year named in the heading, if any.
    pub year: Option<i32>,
    pub items: usize,
    /// Characters from the start of the heading to the end of the section's
    /// last line, line breaks inside included, the final terminator not.
    pub chars: usize,
}

pub fn inspect(report: &Report, encoding: Encoding) -> Inspection {
    inspect_as(report, encoding.name())
}

/// The same for a report that did not come from a text file: `format` is
/// what the JSON's `encoding` says (`docx`, `share`).
pub fn inspect_as(report: &Report, format: &'static str) -> Inspection {
    let text = super::render::render(report);
    let chars = text.chars().count() - usize::from(report.bom);
    let title = report.title().map(str::to_string);
    let sections = report
        .sections
        .iter()
        .map(|s| SectionInfo {
            kind: s.kind.as_str(),
            heading: format!("{}{}", s.heading.marker, s.heading.text),
            year: heading_year(&s.heading.text),
            items: s.items.len(),
            chars: render_section_text(s, Eol::Lf).chars().count(),
        })
        .collect();
    let missing = report.missing().into_iter().map(|k| k.as_str()).collect();
    Inspection { encoding: format, chars, title, preamble: report.preamble(), sections, missing, unplaced_chars: unplaced(report), frame: report.frame() }
}

/// Front lines that are neither the title nor the preamble: web-page
/// debris before the title or right after it, and whatever follows the
/// preamble's first paragraph block.
fn unplaced(report: &Report) -> usize {
    // The 发文字号 and 主送机关 are the frame's, placed (`frame.rs`).
    let frame = report.front_frame_lines();
    let front = report.front.iter().enumerate().filter(|(i, _)| !frame.contains(i)).map(|(_, l)| l.clone()).collect();
    let report = &Report { front, ..Report::default() };
    let chars = |lines: &[crate::report::model::Line]| lines.iter().map(|l| l.text.chars().count()).sum::<usize>();
    let title = report.title_index();
    let before = title.map_or(0, |i| chars(&report.front[..i]));
    let rest = &report.front[title.map_or(0, |i| i + 1).min(report.front.len())..];
    // Debris between the title and the preamble's first sentence.
    let debris = if title.is_some() {
        rest.iter().take_while(|l| l.text.trim().is_empty() || super::front::is_debris(l.text.trim())).count()
    } else {
        0
    };
    let start = debris + rest[debris..].iter().position(|l| !l.text.trim().is_empty()).unwrap_or(rest.len() - debris);
    let end = rest[start..].iter().position(|l| l.text.trim().is_empty()).map_or(rest.len(), |p| start + p);
    before + chars(&rest[..debris]) + chars(&rest[end..])
}
