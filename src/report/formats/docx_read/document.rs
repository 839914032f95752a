//! `word/document.xml` to lines: each paragraph one line, as Word shows it
//! — tracked changes accepted, tables flattened, text boxes, comments and
//! notes left out and said so, the automatic number before the text and the
//! heading level beside it.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::attr;
use super::limits::Budget;
use super::numbering::{Numbering, ParaProps};
use crate::report::formats::FormatError;

/// The text of a Word document and what the user should know about how it was read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocxImport {
    /// One line per paragraph, joined with `\n`; parse it with [`crate::report::parse()`].
    pub text: String,
    /// Chinese notes for the user (tables flattened, text boxes skipped, …).
    pub warnings: Vec<String>,
    /// One entry per line of `text`: the outline level (Heading 1 = 0) the
    /// paragraph has through its style or its own properties. A hint for
    /// [`crate::report::text::parse::parse_with_levels`]; nothing is added to
    /// the text for it.
    pub levels: Vec<Option<u8>>,
    /// The draft and revision the document was exported from, when its
    /// custom properties name them ([`crate::report::formats::docx_props`]).
    pub base: Option<crate::report::merge::Base>,
}

impl DocxImport {
    /// The report as the author sees it in Word: the text parsed with the
    /// heading levels of its styles.
    pub fn report(&self) -> crate::report::Report {
        crate::report::text::parse::parse_with_levels(&self.text, &self.levels)
    }
}

pub const WARN_TABLE: &str = "文档中的表格已转为文字，请核对";
pub const WARN_TEXT_BOX: &str = "文档中的文本框内容未导入，如有需要请手工复制";
pub const WARN_TRACKED: &str = "文档含有修订痕迹，已按“接受全部修订”后的文字导入，请核对";
pub const WARN_COMMENTS: &str = "文档中的批注不是正文，未导入";
pub const WARN_NOTES: &str = "文档中的脚注、尾注不是正文，未导入";
/// The numbering part is missing, unreadable, or points at lists that do not
/// exist: the paragraphs are imported, without the numbers Word would show.
pub const WARN_NUMBERING: &str = "文档的自动编号信息缺失或已损坏，部分段落的编号未能还原，已按无编号的文字导入，请核对各部分标题";

/// A table being flattened: rows of cells, the cell being filled.
#[derive(Default)]
struct Table {
    row: Vec<String>,
    cell: Option<String>,
}

#[derive(Default)]
struct Extractor {
    lines: Vec<String>,
    /// The outline level of each line (see [`DocxImport::levels`]).
    levels: Vec<Option<u8>>,
    /// Styles and numbering, asked paragraph by paragraph in document order.
    numbering: Numbering,
    /// The properties of the paragraph being read, and whether its `w:pPr` is open.
    props: ParaProps,
    in_props: bool,
    saw_comment: bool,
    saw_note: bool,
    /// The paragraph being read, if inside one.
    para: Option<String>,
    tables: Vec<Table>,
    /// Depth inside elements whose text is skipped (deleted text, text boxes, fallbacks).
    skip: usize,
    /// Depth inside `w:r` (tabs and breaks only count inside runs).
    run: usize,
    /// Inside `w:t`.
    in_text: bool,
    saw_table: bool,
    saw_text_box: bool,
    saw_revision: bool,
    /// The markup met so far, held proportionate to the text.
    budget: Budget,
    /// Control characters and noncharacters left out of the text.
    dropped: usize,
}

impl Extractor {
    /// Text for the paragraph being read. Control characters other than
    /// tab, CR and LF (NUL and the like, from `&#1;` or a careless
    /// producer) and the noncharacters U+FFFE/U+FFFF are left out and
    /// counted: kept, they would make the app's own .txt export unreadable.
    fn push_text(&mut self, s: &str) {
        if self.skip == 0 {
            if let Some(p) = &mut self.para {
                for c in s.chars() {
                    if (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{fffe}' || c == '\u{ffff}' {
                        self.dropped += 1;
                    } else {
                        p.push(c);
                    }
                }
            }
        }
    }

    /// A paragraph is finished: it becomes a line, or part of a table cell.
    fn end_paragraph(&mut self) {
        let Some(text) = self.para.take() else { return };
        let props = std::mem::take(&mut self.props);
        if self.skip > 0 {
            return;
        }
        // What Word shows: the automatic number before the text, the level beside it.
        let shown = self.numbering.paragraph(&props);
        let text = if shown.marker.is_empty() { text } else { shown.marker + &text };
        self.emit_at(text, shown.outline);
    }

    fn emit(&mut self, text: String) {
        self.emit_at(text, None);
    }

    fn emit_at(&mut self, text: String, outline: Option<u8>) {
        match self.tables.last_mut() {
            Some(table) => {
                let cell = table.cell.get_or_insert_with(String::new);
                if !cell.is_empty() && !text.is_empty() {
                    cell.push(' ');
                }
                // A line break inside a cell would split the row.
                cell.push_str(&text.replace('\n', " "));
            }
            None => {
                // A line break inside the paragraph makes more lines, without a level.
                self.levels.push(outline);
                self.levels.extend(text.matches('\n').map(|_| None));
                self.lines.push(text);
            }
        }
    }

    fn start(&mut self, e: &BytesStart, empty: bool) -> Result<(), FormatError> {
        let name = e.local_name();
        let name = name.as_ref();
        self.budget.element(matches!(name, "p" | "r" | "br" | "cr" | "tab" | "tc" | "tr"))?;
        self.start_element(e, name, empty);
        Ok(())
    }

    fn start_element(&mut self, e: &BytesStart, name: &str, empty: bool) {
        if self.skip > 0 {
            if !empty {
                self.skip += 1;
            }
            return;
        }
        match name {
            "del" | "moveFrom" => {
                self.saw_revision = true;
                if !empty {
                    self.skip = 1;
                }
            }
            "ins" | "moveTo" => self.saw_revision = true,
            "txbxContent" | "textbox" => {
                self.saw_text_box = true;
                if !empty {
                    self.skip = 1;
                }
            }
            // Markup compatibility: the Choice is read, the Fallback repeats it.
            "Fallback" if !empty => self.skip = 1,
            "p" if !empty => {
                self.para = Some(String::new());
                self.props = ParaProps::default();
            }
            // The paragraph's properties; an earlier version of them (a
            // tracked change) is not what Word shows.
            "pPr" if !empty && self.para.is_some() => self.in_props = true,
            "pPrChange" | "rPrChange" if !empty => self.skip = 1,
            "pStyle" if self.in_props => self.props.style = attr(e, "val"),
            "numId" if self.in_props => self.props.num_id = attr(e, "val"),
            "ilvl" if self.in_props => self.props.ilvl = attr(e, "val").and_then(|v| v.trim().parse().ok()),
            "outlineLvl" if self.in_props => self.props.outline = attr(e, "val").and_then(|v| v.trim().parse().ok()),
            "commentReference" | "commentRangeStart" => self.saw_comment = true,
            "footnoteReference" | "endnoteReference" => self.saw_note = true,
            "p" => self.emit(String::new()),
            "r" if !empty => self.run += 1,
            "t" if !empty => self.in_text = true,
            "tab" if self.run > 0 => self.push_text("\t"),
            "cr" if self.run > 0 => self.push_text("\n"),
            "br" if self.run > 0 => {
                let kind = attr(e, "type").unwrap_or_default();
                // Our own title style breaks the title into balanced lines
                // (GB/T 9704-2012 §7.3.1): layout, not a line of the text.
                let our_title = self.props.style.as_deref() == Some("FzTitle");
                if (kind.is_empty() || kind == "textWrapping") && !our_title {
                    self.push_text("\n");
                }
            }
            "noBreakHyphen" if self.run > 0 => self.push_text("\u{2011}"),
            "tbl" if !empty => {
                self.saw_table = true;
                // A table inside a paragraph cannot happen in valid WordprocessingML;
                // finish any open paragraph so no text is lost.
                self.end_paragraph();
                self.tables.push(Table::default());
            }
            "tr" if !empty => {
                if let Some(t) = self.tables.last_mut() {
                    t.row.clear();
                }
            }
            "tc" if !empty => {
                if let Some(t) = self.tables.last_mut() {
                    t.cell = Some(String::new());
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, local: &str) {
        if self.skip > 0 {
            self.skip -= 1;
            return;
        }
        match local {
            "p" => self.end_paragraph(),
            "pPr" => self.in_props = false,
            "r" => self.run = self.run.saturating_sub(1),
            "t" => self.in_text = false,
            "tc" => {
                if let Some(t) = self.tables.last_mut() {
                    let cell = t.cell.take().unwrap_or_default();
                    t.row.push(cell);
                }
            }
            "tr" => {
                if let Some(t) = self.tables.last_mut() {
                    let row = std::mem::take(&mut t.row).join("\t");
                    // The row goes to the enclosing cell (nested table) or out as a line.
                    let parent_cell = self.tables.len() > 1;
                    if parent_cell {
                        let n = self.tables.len();
                        let cell = self.tables[n - 2].cell.get_or_insert_with(String::new);
                        if !cell.is_empty() {
                            cell.push(' ');
                        }
                        cell.push_str(&row);
                    } else {
                        self.levels.push(None);
                        self.levels.extend(row.matches('\n').map(|_| None));
                        self.lines.push(row);
                    }
                }
            }
            "tbl" => {
                self.tables.pop();
            }
            _ => {}
        }
    }
}

/// The text of `word/document.xml` alone, without styles or numbering.
#[cfg(test)]
pub(crate) fn extract_text(xml: &str) -> Result<DocxImport, FormatError> {
    extract_with(xml, Numbering::default())
}

/// The text of `word/document.xml` as Word shows it with these styles and numbering.
pub(crate) fn extract_with(xml: &str, numbering: Numbering) -> Result<DocxImport, FormatError> {
    extract_from(xml.as_bytes(), numbering)
}

/// The same, read as the XML streams in (from the zip entry as it
/// inflates), so the work limit stops an amplification file after a few
/// thousand elements instead of after 50 MB.
pub(crate) fn extract_from<R: std::io::BufRead>(input: R, numbering: Numbering) -> Result<DocxImport, FormatError> {
    let mut reader = Reader::from_reader(input);
    reader.config_mut().check_end_names = true;
    let mut x = Extractor { numbering, ..Extractor::default() };
    let mut depth: usize = 0;
    let mut root: Option<String> = None;
    let malformed = |reader: &Reader<R>, e: &dyn std::fmt::Display| FormatError::MalformedXml {
        detail: format!("at byte {}: {e}", reader.error_position()),
    };
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let event = reader.read_event_into(&mut buf).map_err(|e| match e {
            quick_xml::Error::Io(io) if io.kind() == std::io::ErrorKind::FileTooLarge => {
                FormatError::DocumentTooLarge { limit: super::MAX_DOCUMENT_XML_BYTES }
            }
            e => malformed(&reader, &e),
        })?;
        match event {
            Event::Start(e) => {
                root.get_or_insert_with(|| e.local_name().as_ref().to_string());
                depth += 1;
                Budget::depth(depth)?;
                x.start(&e, false)?;
            }
            Event::Empty(e) => {
                root.get_or_insert_with(|| e.local_name().as_ref().to_string());
                x.start(&e, true)?;
            }
            Event::End(e) => {
                depth = depth.checked_sub(1).ok_or_else(|| malformed(&reader, &"unexpected end tag"))?;
                x.end(e.local_name().as_ref());
            }
            Event::Text(t) => {
                // Any text counts toward the work allowed (field codes too),
                // whitespace between elements does not.
                let content = t.xml10_content();
                x.budget.text(&content);
                if x.in_text {
                    x.push_text(&content);
                }
            }
            Event::CData(t) if x.in_text => {
                x.push_text(&t.xml10_content());
            }
            Event::GeneralRef(r) if x.in_text => {
                let resolved = match r.resolve_char_ref().map_err(|e| malformed(&reader, &e))? {
                    Some(c) => c.to_string(),
                    None => match r.xml10_content().as_ref() {
                        "amp" => "&".to_string(),
                        "lt" => "<".to_string(),
                        "gt" => ">".to_string(),
                        "quot" => "\"".to_string(),
                        "apos" => "'".to_string(),
                        other => return Err(malformed(&reader, &format!("unknown entity &{other};"))),
                    },
                };
                x.push_text(&resolved);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if root.as_deref() != Some("document") {
        return Err(FormatError::MalformedXml {
            detail: format!("the root element is {:?}, not w:document", root.unwrap_or_default()),
        });
    }
    if depth != 0 {
        return Err(FormatError::MalformedXml { detail: "the document ends inside an element".to_string() });
    }
    let mut warnings = Vec::new();
    if x.saw_table {
        warnings.push(WARN_TABLE.to_string());
    }
    if x.saw_text_box {
        warnings.push(WARN_TEXT_BOX.to_string());
    }
    if x.saw_revision {
        warnings.push(WARN_TRACKED.to_string());
    }
    if x.saw_comment {
        warnings.push(WARN_COMMENTS.to_string());
    }
    if x.saw_note {
        warnings.push(WARN_NOTES.to_string());
    }
    if x.dropped > 0 {
        warnings.push(format!("文档中有 {} 个不可见的控制字符（如空字符 NUL），无法保存为文本，已删除；其余文字不受影响，请核对", x.dropped));
    }
    let (unresolved, malformed) = x.numbering.problems();
    if unresolved > 0 || malformed {
        warnings.push(WARN_NUMBERING.to_string());
    }
    Ok(DocxImport { text: x.lines.join("\n"), warnings, levels: x.levels, base: None })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(body: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
        )
    }

    #[test]
    fn runs_tabs_breaks_and_entities() {
        let xml = doc(r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t>一、</w:t></w:r><w:r><w:t xml:space="preserve">A &amp; B&#x4E00;</w:t><w:tab/><w:t>c</w:t><w:br/><w:t>d</w:t><w:br w:type="page"/></w:r></w:p><w:p/>"#);
        let got = extract_text(&xml).unwrap();
        assert_eq!(got.text, "一、A & B一\tc\nd\n");
        assert!(got.warnings.is_empty());
    }

    #[test]
    fn revisions_text_boxes_and_fallbacks() {
        let xml = doc(r#"<w:p><w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>删掉</w:delText></w:r></w:del><w:ins><w:r><w:t>插入</w:t></w:r></w:ins><w:moveFrom><w:r><w:t>移走</w:t></w:r></w:moveFrom><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:p><w:r><w:t>后备</w:t></w:r></w:p></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#);
        let got = extract_text(&xml).unwrap();
        assert_eq!(got.text, "保留插入");
        assert!(got.warnings.contains(&WARN_TEXT_BOX.to_string()));
        assert!(got.warnings.contains(&WARN_TRACKED.to_string()));
    }

    #[test]
    fn tables_are_flattened_with_a_warning() {
        let xml = doc(r#"<w:p><w:r><w:t>前</w:t></w:r></w:p><w:tbl><w:tblGrid/><w:tr><w:tc><w:p><w:r><w:t>甲</w:t></w:r></w:p><w:p><w:r><w:t>乙</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>丙</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p/></w:tc><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>内</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>层</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr></w:tbl><w:p><w:r><w:t>后</w:t></w:r></w:p>"#);
        let got = extract_text(&xml).unwrap();
        assert_eq!(got.text, "前\n甲 乙\t丙\n\t内\t层\n后");
        assert_eq!(got.warnings, vec![WARN_TABLE.to_string()]);
    }

    #[test]
    fn other_prefixes_work() {
        let xml = r#"<x:document xmlns:x="http://purl.oclc.org/ooxml/wordprocessingml/main"><x:body><x:p><x:r><x:t>严格</x:t></x:r></x:p></x:body></x:document>"#;
        assert_eq!(extract_text(xml).unwrap().text, "严格");
    }

    #[test]
    fn malformed_xml_is_an_error() {
        for bad in [
            doc("<w:p><w:r><w:t>x</w:r></w:p>"),
            doc("<w:p><w:r><w:t>x</w:t></w:r>").replace("</w:body></w:document>", ""),
            doc("<w:p><w:r><w:t>&nosuch;</w:t></w:r></w:p>"),
        ] {
            let err = extract_text(&bad).unwrap_err();
            assert!(matches!(err, FormatError::MalformedXml { .. }), "{bad}: {err:?}");
        }
    }
}
