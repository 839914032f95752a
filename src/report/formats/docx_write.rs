//! Writing a report as a Word document laid out per GB/T 9704-2012
//! 《党政机关公文格式》.
//!
//! ## The figures used (1 mm = 56.7 twip, 1 pt = 20 twip)
//!
//! | GB/T 9704-2012 | here |
//! |---|---|
//! | A4 210 × 297 mm (§5.2.1) | `w:pgSz` 11906 × 16838 twip |
//! | 天头（上白边）37 mm ± 1 mm (§5.2.2) | top margin 2098 twip (37.0 mm) |
//! | 订口（左白边）28 mm ± 1 mm | left margin 1587 twip (28.0 mm) |
//! | 版心 156 mm × 225 mm | right margin 1474 twip (26.0 mm), bottom 1984 twip (35.0 mm): text area 8845 × 12756 twip = 156.0 × 225.0 mm |
//! | 正文 3号仿宋体 (§5.2.3) | 仿宋_GB2312, 16 pt (`w:sz` 32) |
//! | 一般每面排22行 | exact line spacing 579 twip = 28.95 pt (12756 / 22 = 579.8; 22 × 579 = 12738 ≤ 12756 < 23 × 579), and a `w:docGrid` line pitch of 579 |
//! | 每行排28个字，并撑满版心 | 28 × 16 pt = 448 pt is wider than the 442.25 pt text area, so the body is set with a character spacing of −0.25 pt (`w:spacing w:val="-5"` in the Normal style): 28 × 15.75 pt = 441 pt fits, 29 do not, and justification takes up the last 1.25 pt. A `w:docGrid w:type="linesAndChars" w:charSpace="-841"` (the usual Word template way, pitch 15.795 pt) was tried first: LibreOffice puts every 16 pt character that does not fit a 15.8 pt grid cell into two cells, giving 14 characters a line, so the grid is `w:type="lines"` only |
//! | 标题 2号小标宋体字, 居中 (§7.3.1) | 方正小标宋简体, 22 pt (`w:sz` 44), centred, no indent, same exact 28.95 pt spacing but not snapped to the line grid (LibreOffice otherwise gives each title line two grid rows) |
//! | 结构层次 第一层 黑体字 (§7.3.3) | `一、` headings: 黑体, 16 pt, not bold (黑体 is heavy by itself) |
//! | 第二、三层 楷体 | item titles (`1. 标题。`): 楷体_GB2312; the rest of the item line 仿宋 |
//! | 段落首行缩进 2 字 | `w:firstLineChars="200"` (Word, WPS show it as 2 字符) and `w:firstLine="630"` (2 × 15.75 pt, for readers that ignore the character form) |
//! | 页码 4号半角宋体阿拉伯数字, 左右各一条一字线; 单页码居右空一字, 双页码居左空一字; 一字线上距版心下边缘 7 mm (§7.5) | footers `— N —` in 宋体 14 pt with a PAGE field; odd pages right-aligned with a 1-character (14 pt) right indent, even pages left-aligned with a 1-character left indent (`w:evenAndOddHeaders`); footer distance 1247 twip (22 mm) from the page edge, which puts the top of a 14 pt line about 7 mm below the text area |
//!
//! Fonts are named the way Word and WPS on Chinese Windows know them
//! (`w:eastAsia`), with Times New Roman for Latin letters and digits, and the
//! font table gives each an `w:altName` fallback (仿宋, 楷体, 宋体, 黑体) for
//! machines without the GB2312 fonts.
//!
//! The output is deterministic: fixed zip timestamps (1980-01-01), fixed
//! part order and no creation date in the document properties.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::xml::xml_escape;
use super::FormatError;
use crate::report::draft::Base;
use crate::report::model::{Item, Report};
use crate::report::render::render;
use super::docx_frame::{addressee_ppr, closing_paras, doc_number_ppr, Grid};
pub use super::gongwen::Seal;
use super::gongwen::title_lines;

/// Page and layout figures (twip), see the module documentation.
pub use super::gongwen::layout;

use super::docx_package::*;

/// What a paragraph is, which decides its style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Title,
    Heading,
    Body,
}

/// A run's font choice inside a body paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RunFont {
    Default,
    Kai,
    /// A line break inside the title (§7.3.1), no text of the report's: the
    /// reader drops it in a paragraph of the title style.
    Break,
}

struct Para {
    kind: Kind,
    runs: Vec<(RunFont, String)>,
    /// Paragraph properties of the frame's lines (spacing, indents,
    /// alignment), in schema order, inside `w:pPr`.
    ppr: String,
}

impl Para {
    fn plain(kind: Kind, text: &str) -> Self {
        Para { kind, runs: vec![(RunFont::Default, text.to_string())], ppr: String::new() }
    }

    fn framed(text: &str, ppr: String) -> Self {
        Para { ppr, ..Para::plain(Kind::Body, text) }
    }
}

/// The page's figures the frame's paragraphs need.
const GRID: Grid = Grid { line: layout::LINE, text_width: layout::PAGE_W - layout::MARGIN_LEFT - layout::MARGIN_RIGHT };

/// How the 公文 is laid out: the author's choice of seal (§7.3.5) and the
/// unit's name, which a title line never breaks inside (§7.3.1).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocxLayout {
    pub seal: Seal,
    pub unit: Option<String>,
}

/// The report's lines as styled paragraphs: one paragraph per line of
/// `render(report)` (without its BOM), plus an empty last paragraph when the
/// text ends with a line ending, so the import gives the text back. The
/// frame's lines are placed per GB/T 9704-2012 (`docx_frame.rs`).
fn paragraphs(report: &Report, layout: &DocxLayout) -> Vec<Para> {
    let mut out = Vec::new();
    let title = report.title_index();
    let (addressee, doc_number) = (report.addressee_index(), report.doc_number_index());
    for (i, line) in report.front.iter().enumerate() {
        let previous_blank = i == 0 || report.front[i - 1].text.trim().is_empty();
        out.push(match Some(i) {
            t if t == title => title_para(&line.text, layout.unit.as_deref()),
            a if a == addressee => Para::framed(&line.text, addressee_ppr(previous_blank, GRID)),
            d if d == doc_number => Para::framed(&line.text, doc_number_ppr()),
            _ => Para::plain(Kind::Body, &line.text),
        });
    }
    for section in &report.sections {
        let h = &section.heading;
        out.push(Para::plain(Kind::Heading, &format!("{}{}", h.marker, h.text)));
        for line in &section.intro {
            out.push(Para::plain(Kind::Body, &line.text));
        }
        for item in &section.items {
            out.push(item_para(item));
            for line in &item.more {
                out.push(Para::plain(Kind::Body, &line.text));
            }
        }
    }
    out.extend(closing_paras(report, layout.seal, GRID).into_iter().map(|(text, ppr)| Para::framed(&text, ppr)));
    let text = render(report);
    if text.ends_with(['\n', '\r']) {
        out.push(Para::plain(Kind::Body, ""));
    }
    split_embedded_breaks(out)
}

fn item_para(item: &Item) -> Para {
    let head = format!("{}{}{}", item.marker, item.title, item.sep);
    let mut runs = vec![(RunFont::Kai, head)];
    if !item.body.is_empty() {
        runs.push((RunFont::Default, item.body.clone()));
    }
    Para { kind: Kind::Body, runs, ppr: String::new() }
}

/// The title, broken into balanced lines (§7.3.1) when it is longer than one.
fn title_para(text: &str, unit: Option<&str>) -> Para {
    // A title written with spaces around it keeps them, on one line.
    if text.trim() != text || text.contains(['\n', '\r']) {
        return Para::plain(Kind::Title, text);
    }
    let mut runs = Vec::new();
    for (i, line) in title_lines(text, unit).into_iter().enumerate() {
        if i > 0 {
            runs.push((RunFont::Break, String::new()));
        }
        runs.push((RunFont::Default, line));
    }
    Para { kind: Kind::Title, runs, ppr: String::new() }
}

/// A line of the model should never hold a line break, but if one does, it
/// becomes a paragraph break, as it would in the rendered text.
fn split_embedded_breaks(paras: Vec<Para>) -> Vec<Para> {
    let mut out = Vec::with_capacity(paras.len());
    for p in paras {
        if !p.runs.iter().any(|(_, t)| t.contains(['\n', '\r'])) {
            out.push(p);
            continue;
        }
        let mut cur = Para { kind: p.kind, runs: Vec::new(), ppr: p.ppr.clone() };
        for (font, text) in p.runs {
            let normalised = text.replace("\r\n", "\n").replace('\r', "\n");
            let mut pieces = normalised.split('\n');
            if let Some(first) = pieces.next() {
                cur.runs.push((font, first.to_string()));
            }
            for piece in pieces {
                out.push(std::mem::replace(&mut cur, Para { kind: p.kind, runs: Vec::new(), ppr: p.ppr.clone() }));
                cur.runs.push((font, piece.to_string()));
            }
        }
        out.push(cur);
    }
    out
}

fn run_xml(out: &mut String, font: RunFont, text: &str) {
    if font == RunFont::Break {
        out.push_str("<w:r><w:br/></w:r>");
        return;
    }
    if text.is_empty() {
        return;
    }
    out.push_str("<w:r>");
    if font == RunFont::Kai {
        out.push_str(&format!(
            r#"<w:rPr><w:rFonts w:ascii="{FONT_LATIN}" w:hAnsi="{FONT_LATIN}" w:eastAsia="{FONT_ITEM}" w:cs="{FONT_LATIN}"/></w:rPr>"#
        ));
    }
    // Tabs and page breaks are their own elements in WordprocessingML: a
    // form feed (a .txt file's page break, which imports keep) becomes
    // Word's page break instead of vanishing.
    let mut rest = text;
    loop {
        let end = rest.find(['\t', '\u{c}']).unwrap_or(rest.len());
        let piece = &rest[..end];
        if !piece.is_empty() {
            out.push_str(r#"<w:t xml:space="preserve">"#);
            out.push_str(&xml_escape(piece));
            out.push_str("</w:t>");
        }
        match rest[end..].chars().next() {
            Some('\t') => out.push_str("<w:tab/>"),
            Some(_) => out.push_str(r#"<w:br w:type="page"/>"#),
            None => break,
        }
        rest = &rest[end + 1..];
    }
    out.push_str("</w:r>");
}

fn document_xml(report: &Report, layout: &DocxLayout) -> String {
    use layout::*;
    let mut body = String::new();
    for p in paragraphs(report, layout) {
        body.push_str("<w:p>");
        match p.kind {
            Kind::Title => body.push_str(r#"<w:pPr><w:pStyle w:val="FzTitle"/></w:pPr>"#),
            Kind::Heading => body.push_str(r#"<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>"#),
            Kind::Body if !p.ppr.is_empty() => body.push_str(&format!("<w:pPr>{}</w:pPr>", p.ppr)),
            Kind::Body => {}
        }
        for (font, text) in &p.runs {
            run_xml(&mut body, *font, text);
        }
        body.push_str("</w:p>\n");
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>
{body}<w:sectPr><w:footerReference w:type="default" r:id="rIdFooterOdd"/><w:footerReference w:type="even" r:id="rIdFooterEven"/><w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/><w:pgMar w:top="{MARGIN_TOP}" w:right="{MARGIN_RIGHT}" w:bottom="{MARGIN_BOTTOM}" w:left="{MARGIN_LEFT}" w:header="851" w:footer="{FOOTER}" w:gutter="0"/><w:pgNumType w:fmt="decimal" w:start="1"/><w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="{LINE}"/></w:sectPr></w:body></w:document>
"#
    )
}

/// The report as the bytes of a .docx file (see the module documentation
/// for the layout). Deterministic: the same report gives the same bytes.
pub fn export_docx(report: &Report) -> Result<Vec<u8>, FormatError> {
    export_docx_based(report, None)
}

/// [`export_docx`] for a colleague: the document also names the draft and
/// revision it was made from in its custom properties
/// ([`super::docx_props`]), so the merge finds its base when it comes back.
pub fn export_docx_based(report: &Report, base: Option<&Base>) -> Result<Vec<u8>, FormatError> {
    export_docx_laid_out(report, base, &DocxLayout::default())
}

/// [`export_docx_based`] with the author's layout choices (seal, unit name).
pub fn export_docx_laid_out(report: &Report, base: Option<&Base>, layout: &DocxLayout) -> Result<Vec<u8>, FormatError> {
    use super::docx_props::{custom_xml, CUSTOM_CONTENT_TYPE, CUSTOM_PART, CUSTOM_RELATIONSHIP};
    let title = report.title().unwrap_or("法治政府建设情况报告");
    let (content_types, root_rels) = match base {
        None => (CONTENT_TYPES_XML.to_string(), ROOT_RELS_XML.to_string()),
        Some(_) => (
            CONTENT_TYPES_XML.replace("</Types>", &format!(r#"<Override PartName="/{CUSTOM_PART}" ContentType="{CUSTOM_CONTENT_TYPE}"/></Types>"#)),
            ROOT_RELS_XML.replace("</Relationships>", &format!(r#"<Relationship Id="rIdCustom" Type="{CUSTOM_RELATIONSHIP}" Target="{CUSTOM_PART}"/></Relationships>"#)),
        ),
    };
    let mut parts: Vec<(&str, String)> = vec![
        ("[Content_Types].xml", content_types),
        ("_rels/.rels", root_rels),
        ("word/document.xml", document_xml(report, layout)),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS_XML.to_string()),
        ("word/styles.xml", styles_xml()),
        ("word/settings.xml", SETTINGS_XML.to_string()),
        ("word/fontTable.xml", font_table_xml()),
        ("word/footer1.xml", footer_xml(true)),
        ("word/footer2.xml", footer_xml(false)),
        ("docProps/core.xml", core_xml(title)),
        ("docProps/app.xml", app_xml()),
    ];
    if let Some(base) = base {
        parts.push((CUSTOM_PART, custom_xml(base)));
    }
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .system(zip::System::Dos);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let fail = |e: &dyn std::fmt::Display| FormatError::CorruptDocx { detail: format!("writing the package: {e}") };
    for (name, content) in parts {
        zip.start_file(name, options).map_err(|e| fail(&e))?;
        zip.write_all(content.as_bytes()).map_err(|e| fail(&e))?;
    }
    let cursor = zip.finish().map_err(|e| fail(&e))?;
    Ok(cursor.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::parse;

    #[test]
    fn layout_figures_match_the_standard() {
        use layout::*;
        let mm = |tw: u32| tw as f64 / 56.7;
        assert!((mm(PAGE_W - MARGIN_LEFT - MARGIN_RIGHT) - 156.0).abs() < 0.1);
        assert!((mm(PAGE_H - MARGIN_TOP - MARGIN_BOTTOM) - 225.0).abs() < 0.1);
        assert!((mm(MARGIN_TOP) - 37.0).abs() < 0.1);
        assert!((mm(MARGIN_LEFT) - 28.0).abs() < 0.1);
        let text_h = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM;
        assert!((22 * LINE..23 * LINE).contains(&text_h), "22 lines per page");
        let pitch_pt = (BODY_SIZE / 2) as f64 + CHAR_SPACING as f64 / 20.0;
        let text_w_pt = (PAGE_W - MARGIN_LEFT - MARGIN_RIGHT) as f64 / 20.0;
        assert!(28.0 * pitch_pt <= text_w_pt && 29.0 * pitch_pt > text_w_pt, "28 characters per line");
        assert_eq!(FIRST_LINE_INDENT as f64, 2.0 * pitch_pt * 20.0);
    }

    #[test]
    fn escapes_markup_and_drops_illegal_controls() {
        assert_eq!(xml_escape("a<b>&\"'\u{1}c"), "a&lt;b&gt;&amp;&quot;&apos;c");
    }

    #[test]
    fn item_title_is_kai_and_title_is_styled() {
        let r = parse("某区2025年度法治政府建设情况报告\n一、主要举措\n1. 强化学习。正文<&>\n");
        let xml = document_xml(&r, &DocxLayout::default());
        assert!(xml.contains(r#"<w:pStyle w:val="FzTitle"/></w:pPr><w:r><w:t xml:space="preserve">某区2025年度法治政府建设情况报告</w:t>"#));
        assert!(xml.contains(r#"<w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">一、主要举措</w:t>"#));
        assert!(xml.contains(r#"w:eastAsia="楷体_GB2312" w:cs="Times New Roman"/></w:rPr><w:t xml:space="preserve">1. 强化学习。</w:t></w:r><w:r><w:t xml:space="preserve">正文&lt;&amp;&gt;</w:t>"#));
        // The text ends with a newline: an empty last paragraph keeps it.
        assert!(xml.contains("<w:p></w:p>\n<w:sectPr>"));
    }

    #[test]
    fn tabs_and_form_feeds_become_word_elements() {
        let mut out = String::new();
        run_xml(&mut out, RunFont::Default, "a\tb\u{c}c\u{c}");
        assert_eq!(
            out,
            r#"<w:r><w:t xml:space="preserve">a</w:t><w:tab/><w:t xml:space="preserve">b</w:t><w:br w:type="page"/><w:t xml:space="preserve">c</w:t><w:br w:type="page"/></w:r>"#
        );
    }

    #[test]
    fn deterministic() {
        let r = parse("一、主要举措\n1. 强化学习。正文\n");
        assert_eq!(export_docx(&r).unwrap(), export_docx(&r).unwrap());
    }
}
