//! The 公文's frame in the .docx (GB/T 9704-2012): the paragraph properties
//! of the 发文字号 and 主送机关 lines, and the closing lines after the last
//! part — 附件说明, 发文机关署名, 成文日期, 附注 — one paragraph per line of
//! the text, as the rest of the document, so the import gives the text back.

use super::gongwen::{body_width, closing_indents, lines_before_signature, unsealed_date_left, Seal, CHAR};
use crate::report::model::Report;

/// No first-line indent: the Normal style's two characters are taken off.
const NO_INDENT: &str = r#"w:firstLineChars="0" w:firstLine="0""#;

/// The page's figures the frame needs, from `docx_write::layout` (passed
/// in: the writer calls this room, so this room does not import it).
#[derive(Clone, Copy, Debug)]
pub(super) struct Grid {
    /// One line, twip.
    pub line: u32,
    /// The text area's width, twip.
    pub text_width: u32,
}

fn spacing_before(lines: u32, grid: Grid) -> String {
    if lines == 0 {
        String::new()
    } else {
        format!(r#"<w:spacing w:before="{}"/>"#, lines * grid.line)
    }
}

/// §7.3.2: one line below the title, 居左顶格, 回行仍顶格.
pub(super) fn addressee_ppr(previous_blank: bool, grid: Grid) -> String {
    format!(r#"{}<w:ind w:left="0" {NO_INDENT}/>"#, spacing_before(u32::from(!previous_blank), grid))
}

/// §7.2.5: without a 版头 the 发文字号 stands centred above the title.
pub(super) fn doc_number_ppr() -> String {
    format!(r#"<w:ind {NO_INDENT}/><w:jc w:val="center"/>"#)
}

/// A 署名 or 成文日期 line. Word adds space between Chinese characters and
/// digits by default (`autoSpaceDE`/`autoSpaceDN`); a 成文日期 is set without
/// it, so its width is its characters' (LibreOffice ignores the setting:
/// `gongwen::date_width`).
fn right_aligned(right: u32, before: u32, grid: Grid) -> String {
    format!(
        r#"<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>{}<w:ind w:right="{right}" {NO_INDENT}/><w:jc w:val="right"/>"#,
        spacing_before(before, grid)
    )
}

/// The closing lines as (text, paragraph properties). The blank lines the
/// author left before the 署名 count towards the space the layout wants,
/// so a text with them and one without look the same.
pub(super) fn closing_paras(report: &Report, seal: Seal, grid: Grid) -> Vec<(String, String)> {
    let back = &report.back;
    let roles = report.back_roles();
    let blank_before = |i: usize| back[..i].iter().rev().take_while(|l| l.text.trim().is_empty()).count() as u32;
    let signature = roles.signature.map(|i| back[i].text.as_str()).unwrap_or("");
    let date = roles.date.map(|i| back[i].text.as_str()).unwrap_or("");
    let (sig_right, date_right) = closing_indents(signature, date, seal);
    // §7.3.5.2: the date placed by its first character, whatever the
    // office suite's spacing between its digits and Chinese characters.
    let date_left = (seal == Seal::Unsealed).then(|| unsealed_date_left(signature, date, grid.text_width)).flatten();
    // The first of 署名 and 日期 gets the space above the closing.
    let first = roles.signature.or(roles.date);
    back.iter()
        .enumerate()
        .map(|(i, line)| {
            let need = |lines: u32| lines.saturating_sub(blank_before(i));
            let ppr = if Some(i) == roles.signature {
                right_aligned(sig_right, need(lines_before_signature(seal)), grid)
            } else if Some(i) == roles.date {
                let before = if first == Some(i) { need(lines_before_signature(seal)) } else { 0 };
                match date_left {
                    Some(left) => format!(
                        r#"{}<w:ind w:left="{left}" {NO_INDENT}/><w:jc w:val="left"/>"#,
                        spacing_before(before, grid)
                    ),
                    None => right_aligned(date_right, before, grid),
                }
            } else if roles.annex.as_ref().is_some_and(|r| r.start == i) {
                // §7.3.4: 正文下空一行左空二字编排"附件"二字.
                spacing_before(need(1), grid)
            } else if roles.annex.as_ref().is_some_and(|r| r.contains(&i)) {
                // A further annex name aligns with the first one's first
                // character: two characters and 附件：.
                let lead: String = line.text.chars().take_while(|c| c.is_whitespace() || *c == '\u{3000}').collect();
                let left = (5 * CHAR).saturating_sub(body_width(&lead));
                format!(r#"<w:ind w:left="{left}" {NO_INDENT}/>"#)
            } else {
                String::new()
            };
            (line.text.clone(), ppr)
        })
        .collect()
}
