//! The report model: what a 法治政府建设年度报告 is made of.
//!
//! The model keeps every character of the text it was read from, so that
//! `render(parse(text)) == text` byte for byte (see `parse.rs` and `render.rs`).
//! Each line remembers its own line ending; a line whose ending is
//! [`Eol::None`] gets the report's dominant ending when something follows it,
//! which is how edited or newly created content picks up the file's style.
//!
//! Numbering (一、 / 1.) is kept as written while a text is unedited; the
//! editing operations renumber, so numbers are derived from positions once the
//! author changes the structure.

use serde::{Deserialize, Serialize};

/// The five contents the supervision regulation requires, in its order, plus
/// `Unknown` for a section whose heading matches none of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// 上一年度推进法治政府建设的主要举措和成效
    Measures,
    /// 上一年度推进法治政府建设存在的不足和原因
    Shortcomings,
    /// 党政主要负责人履行推进法治建设第一责任人职责的情况
    FirstResponsible,
    /// 下一年度推进法治政府建设的主要安排
    NextYear,
    /// 其他需要报告的情况
    OtherMatters,
    /// A section that fits none of the above; kept as written.
    Unknown,
}

impl SectionKind {
    /// The five required kinds in the regulation's order.
    pub const REQUIRED: [SectionKind; 5] = [
        SectionKind::Measures,
        SectionKind::Shortcomings,
        SectionKind::FirstResponsible,
        SectionKind::NextYear,
        SectionKind::OtherMatters,
    ];

    /// The stable machine name used in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            SectionKind::Measures => "measures",
            SectionKind::Shortcomings => "shortcomings",
            SectionKind::FirstResponsible => "first_responsible",
            SectionKind::NextYear => "next_year",
            SectionKind::OtherMatters => "other_matters",
            SectionKind::Unknown => "unknown",
        }
    }

    /// A short Chinese name for the UI.
    pub fn label(self) -> &'static str {
        match self {
            SectionKind::Measures => "主要举措和成效",
            SectionKind::Shortcomings => "存在的不足和原因",
            SectionKind::FirstResponsible => "第一责任人履职情况",
            SectionKind::NextYear => "下一年度主要安排",
            SectionKind::OtherMatters => "其他需要报告的情况",
            SectionKind::Unknown => "其他内容",
        }
    }
}

/// A line terminator as found in the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Eol {
    #[default]
    Lf,
    CrLf,
    Cr,
    /// No terminator: the last line of a file without a trailing newline, or
    /// a line created by editing. Rendered as the report's dominant ending
    /// when another line follows it.
    None,
}

impl Eol {
    pub fn as_str(self) -> &'static str {
        match self {
            Eol::Lf => "\n",
            Eol::CrLf => "\r\n",
            Eol::Cr => "\r",
            Eol::None => "",
        }
    }
}

/// One line of text (without its terminator) and the terminator it had.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Line {
    pub text: String,
    pub eol: Eol,
}

impl Line {
    pub fn new(text: impl Into<String>) -> Self {
        Line { text: text.into(), eol: Eol::None }
    }
}

/// A section heading such as `一、2023年度推进法治政府建设的主要举措和成效`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Heading {
    /// Leading white space, marker and separator exactly as written, e.g. `"一、"`,
    /// `"（一）"`, `"第一部分 "`. Empty for an unnumbered heading.
    pub marker: String,
    /// The heading's words after the marker.
    pub text: String,
    pub eol: Eol,
}

/// A numbered item inside a section: `1. 标题。正文…` plus the paragraphs
/// that follow it up to the next item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Item {
    /// Marker as written, including any white space after it, e.g. `"1. "`, `"2、"`, `"（三）"`.
    pub marker: String,
    /// The item's short title: the first sentence of its first line, without
    /// the full stop. The whole first line when it has no full stop.
    pub title: String,
    /// What separated the title from the body on the first line (`"。"`), or
    /// empty when the first line is the title alone.
    pub sep: String,
    /// The rest of the first line after the separator.
    pub body: String,
    pub eol: Eol,
    /// Further paragraphs belonging to this item, up to the next item.
    pub more: Vec<Line>,
}

/// One of the report's top-level parts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub kind: SectionKind,
    pub heading: Heading,
    /// Lines between the heading and the first item (or all body lines when
    /// the section has no numbered items, e.g. `无`).
    pub intro: Vec<Line>,
    pub items: Vec<Item>,
}

/// One part of a report as the author sees it: one or more consecutive
/// sections of one kind (indices into [`Report::sections`]). A measures part
/// spread over thematic headings is one part with several themes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    pub kind: SectionKind,
    pub sections: Vec<usize>,
}

/// A whole report: the lines before the first section (title, preamble and
/// anything else written there) and the sections in document order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// The source started with a UTF-8 byte-order mark.
    pub bom: bool,
    /// The dominant line ending, given to lines that have none of their own.
    pub eol: Eol,
    /// Lines before the first section heading.
    pub front: Vec<Line>,
    pub sections: Vec<Section>,
    /// The 公文's closing lines after the last part (附件说明, 发文机关署名,
    /// 成文日期 and the blank lines around them; see `text/frame.rs`): kept
    /// out of the parts so they are no part's content. Empty when the text
    /// has none; older drafts load without it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub back: Vec<Line>,
}

impl Default for Report {
    fn default() -> Self {
        Report { bom: false, eol: Eol::Lf, front: Vec::new(), sections: Vec::new(), back: Vec::new() }
    }
}

impl Report {
    /// The first section of the given kind.
    pub fn section(&self, kind: SectionKind) -> Option<&Section> {
        self.sections.iter().find(|s| s.kind == kind)
    }

    pub fn section_mut(&mut self, kind: SectionKind) -> Option<&mut Section> {
        self.sections.iter_mut().find(|s| s.kind == kind)
    }

    /// The report's parts as the author sees them: consecutive sections of
    /// one required kind form one part (thematic measures headings, 不足 and
    /// 原因 written apart); every other section is a part of its own.
    pub fn parts(&self) -> Vec<Part> {
        let mut parts: Vec<Part> = Vec::new();
        for (i, s) in self.sections.iter().enumerate() {
            match parts.last_mut() {
                Some(p) if p.kind == s.kind && s.kind != SectionKind::Unknown => p.sections.push(i),
                _ => parts.push(Part { kind: s.kind, sections: vec![i] }),
            }
        }
        parts
    }

    /// The sections of one kind, in order (several for thematic measures).
    pub fn sections_of(&self, kind: SectionKind) -> impl Iterator<Item = (usize, &Section)> {
        self.sections.iter().enumerate().filter(move |(_, s)| s.kind == kind)
    }

    /// Required kinds that no section has.
    pub fn missing(&self) -> Vec<SectionKind> {
        SectionKind::REQUIRED.iter().copied().filter(|k| self.section(*k).is_none()).collect()
    }
}
