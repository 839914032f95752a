//! The 公文's frame in the exported .docx (issue #24, GB/T 9704-2012): the
//! 主送机关 顶格 (§7.3.2), the 署名 and 成文日期 where §7.3.5.1 (加盖印章)
//! and §7.3.5.2 (不加盖印章) put them, the 附件说明 (§7.3.4), and the title
//! in balanced lines that never break inside a term (§7.3.1) — read off the
//! document's XML. The text still comes back from the import.

use std::io::{Cursor, Read};

use fazhi_report::report::formats::gongwen::{body_width, closing_indents, date_width, title_lines, unsealed_date_left, Seal, CHAR, TITLE_LINE_HALVES};
use fazhi_report::report::formats::{export_docx_laid_out, import_docx, DocxLayout};
use fazhi_report::report::{parse, render};

const FRAMED: &str = "青石市临溪区东门街道办事处2025年度法治政府建设情况报告\n区人民政府：\n现将我街道2025年度法治政府建设情况报告如下。\n一、主要举措和成效\n1. 开展法治街道创建。化解矛盾纠纷312件。\n二、存在的不足和原因\n1. 普法形式单一。原因是经费不足。\n三、党政主要负责人履行推进法治建设第一责任人职责情况\n1. 党工委书记带头讲法治课2次。\n四、下一年度主要安排\n1. 推进网格化普法。\n五、其他需要报告的情况\n无\n\n附件：1. 法治建设工作台账\n2. 行政执法统计表\n东门街道办事处\n2026年2月26日\n";

fn document_xml(seal: Seal) -> String {
    document_xml_of(FRAMED, seal)
}

fn document_xml_of(text: &str, seal: Seal) -> String {
    let layout = DocxLayout { seal, unit: Some("青石市临溪区东门街道办事处".into()) };
    let bytes = export_docx_laid_out(&parse(text), None, &layout).unwrap();
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml").unwrap().read_to_string(&mut xml).unwrap();
    xml
}

/// The `w:pPr` of the paragraph whose text is `text`.
fn ppr_of<'a>(xml: &'a str, text: &str) -> &'a str {
    let at = xml.find(&format!(">{text}</w:t>")).unwrap_or_else(|| panic!("{text} in the document"));
    let p = xml[..at].rfind("<w:p>").unwrap();
    let para = &xml[p..at];
    para.find("<w:pPr>").map_or("", |s| &para[s..para.find("</w:pPr>").unwrap()])
}

fn attr(ppr: &str, name: &str) -> Option<u32> {
    let s = ppr.find(&format!(" {name}=\""))? + name.len() + 3;
    ppr[s..s + ppr[s..].find('"')?].parse().ok()
}

#[test]
fn the_addressee_is_flush_left_one_line_below_the_title() {
    let xml = document_xml(Seal::Unsealed);
    let ppr = ppr_of(&xml, "区人民政府：");
    assert_eq!(attr(ppr, "w:left"), Some(0));
    assert_eq!(attr(ppr, "w:firstLine"), Some(0));
    assert_eq!(attr(ppr, "w:firstLineChars"), Some(0));
    assert_eq!(attr(ppr, "w:before"), Some(579), "下空一行");
    // The preamble keeps the two-character indent of the Normal style.
    assert_eq!(ppr_of(&xml, "现将我街道2025年度法治政府建设情况报告如下。"), "");
}

#[test]
fn unsealed_signature_two_from_the_right_and_the_date_two_further_right() {
    let xml = document_xml(Seal::Unsealed);
    let (sig, date) = (ppr_of(&xml, "东门街道办事处"), ppr_of(&xml, "2026年2月26日"));
    assert!(sig.contains(r#"<w:jc w:val="right"/>"#) && date.contains(r#"<w:jc w:val="right"/>"#));
    // The date's first character two characters right of the 署名's.
    let (ws, wd) = (body_width("东门街道办事处"), date_width("2026年2月26日"));
    let (sig_right, date_right) = (attr(sig, "w:right").unwrap(), attr(date, "w:right").unwrap());
    assert_eq!((ws + sig_right) - (wd + date_right), 2 * CHAR);
    // 七字 against 6.5 characters of date: the date would end less than two
    // characters from the edge, so it stands 右空二字 and the 署名 moves left.
    assert_eq!(date_right, 2 * CHAR);
    assert!(sig_right > 2 * CHAR);
    // A 署名 longer than the date by two characters or more: 署名右空二字.
    let (sig_right, date_right) = closing_indents("青石市临溪区东门街道办事处", "2026年2月26日", Seal::Unsealed);
    assert_eq!(sig_right, 2 * CHAR, "署名右空二字");
    assert_eq!((body_width("青石市临溪区东门街道办事处") + sig_right) - (wd + date_right), 2 * CHAR);
    // Then the writer places the date by its first character: the 署名's
    // first character two characters further right, from the left edge.
    let text_width = 11906 - 1587 - 1474;
    let left = unsealed_date_left("青石市临溪区东门街道办事处", "2026年2月26日", text_width).unwrap();
    assert_eq!(left, text_width - 2 * CHAR - body_width("青石市临溪区东门街道办事处") + 2 * CHAR);
    assert_eq!(unsealed_date_left("东门街道办事处", "2026年2月26日", text_width), None, "the date too long: 右空二字");
    let long = document_xml_of(&FRAMED.replace("\n东门街道办事处\n", "\n青石市临溪区东门街道办事处\n"), Seal::Unsealed);
    let date = ppr_of(&long, "2026年2月26日");
    assert!(date.contains(r#"<w:jc w:val="left"/>"#), "{date}");
    assert_eq!(attr(date, "w:left"), Some(left));
    assert_eq!(attr(sig, "w:before"), Some(579), "正文（附件说明）下空一行");
    assert_eq!(attr(date, "w:before"), None);
}

#[test]
fn sealed_date_four_from_the_right_and_the_signature_centred_over_it() {
    let xml = document_xml(Seal::Sealed);
    let (sig, date) = (ppr_of(&xml, "东门街道办事处"), ppr_of(&xml, "2026年2月26日"));
    assert_eq!(attr(date, "w:right"), Some(4 * CHAR), "成文日期右空四字");
    let (ws, wd) = (body_width("东门街道办事处") as i64, date_width("2026年2月26日") as i64);
    let centre = |right: u32, w: i64| right as i64 + w / 2;
    assert!((centre(attr(sig, "w:right").unwrap(), ws) - centre(4 * CHAR, wd)).abs() <= 1, "署名以成文日期为准居中");
    assert_eq!(attr(sig, "w:before"), Some(2 * 579), "room for the seal");
}

#[test]
fn a_date_longer_than_the_signature_stands_two_from_the_right() {
    let (sig, date) = closing_indents("某局", "2026年12月26日", Seal::Unsealed);
    assert_eq!(date, 2 * CHAR);
    let first = |right: u32, w: u32| right + w;
    assert_eq!(first(sig, body_width("某局")) - first(date, date_width("2026年12月26日")), 2 * CHAR);
    // Half of LibreOffice's 0.2 em at each change between digits and Chinese.
    assert_eq!(date_width("2026年12月26日"), body_width("2026年12月26日") + 5 * 32);
}

#[test]
fn the_annex_note_below_the_text_with_its_names_aligned() {
    let xml = document_xml(Seal::Unsealed);
    // A blank line stands before it in the text: no extra space.
    assert_eq!(ppr_of(&xml, "附件：1. 法治建设工作台账"), "");
    assert_eq!(attr(ppr_of(&xml, "2. 行政执法统计表"), "w:left"), Some(5 * CHAR));
}

#[test]
fn the_framed_report_comes_back_from_its_docx() {
    for seal in [Seal::Sealed, Seal::Unsealed] {
        let layout = DocxLayout { seal, unit: Some("青石市临溪区东门街道办事处".into()) };
        let bytes = export_docx_laid_out(&parse(FRAMED), None, &layout).unwrap();
        let back = import_docx(&bytes).unwrap();
        assert_eq!(render(&parse(&back.text)), FRAMED, "the title's line breaks are layout, not text");
        assert_eq!(back.report().frame(), parse(FRAMED).frame());
    }
}

#[test]
fn titles_break_in_balanced_lines_never_inside_a_term() {
    let protected = ["法治政府建设", "人民政府", "情况报告", "年度", "办事处", "委员会"];
    let titles: [(&str, Option<&str>); 10] = [
        ("某某县司法局2025年度法治政府建设情况报告", Some("某某县司法局")),
        ("青石市临溪区司法局2025年度法治政府建设情况报告", Some("青石市临溪区司法局")),
        ("青石市临溪区东门街道办事处2025年度法治政府建设情况报告", Some("青石市临溪区东门街道办事处")),
        ("青石县人民政府关于2024年度法治政府建设工作情况的报告", Some("青石县人民政府")),
        ("青石市临溪区人民政府关于2024年度法治政府建设情况的报告", Some("青石市临溪区人民政府")),
        ("青石市市场监督管理局2025年度法治政府建设情况报告", Some("青石市市场监督管理局")),
        ("中共青石市委全面依法治市委员会办公室关于2025年度法治政府建设情况的报告", Some("中共青石市委全面依法治市委员会办公室")),
        ("青石市临溪区柳河镇人民政府2025年度法治政府建设工作情况报告", Some("青石市临溪区柳河镇人民政府")),
        ("某省某市某县农业农村局关于2025年度推进法治政府建设工作情况和2026年度工作安排的报告", None),
        ("某某县人民政府2025年度法治政府建设情况报告", None),
    ];
    let halves = |s: &str| s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum::<usize>();
    for (title, unit) in titles {
        let n = title.chars().count();
        assert!((18..=45).contains(&n), "{title}: {n} characters");
        let lines = title_lines(title, unit);
        println!("{lines:?}");
        assert_eq!(lines.concat(), title);
        let widths: Vec<usize> = lines.iter().map(|l| halves(l)).collect();
        assert_eq!(lines.len(), halves(title).div_ceil(TITLE_LINE_HALVES), "{title}: as few lines as fit: {lines:?}");
        assert!(widths.iter().all(|w| *w <= TITLE_LINE_HALVES && *w >= 4), "{title}: {lines:?}");
        // Balanced: no line more than eight characters longer than another.
        assert!(widths.iter().max().unwrap() - widths.iter().min().unwrap() <= 16, "{title}: {lines:?}");
        let mut at = 0;
        for l in &lines[..lines.len() - 1] {
            at += l.chars().count();
            let (before, after): (String, String) = (title.chars().take(at).collect(), title.chars().skip(at).collect());
            for term in protected.iter().copied().chain(unit) {
                for (b, _) in title.match_indices(term) {
                    let s = title[..b].chars().count();
                    assert!(!(s < at && at < s + term.chars().count()), "{title}: broken inside {term}: {before} | {after}");
                }
            }
            let year_split = before.ends_with(|c: char| c.is_ascii_digit()) && after.starts_with(|c: char| c.is_ascii_digit() || c == '年');
            assert!(!year_split, "{title}: a year broken: {lines:?}");
        }
        if lines.len() >= 3 {
            let m = &widths[1..widths.len() - 1];
            assert!(!m.iter().any(|w| *w < widths[0] && *w < widths[widths.len() - 1]), "{title}: no hourglass {lines:?}");
        }
    }
    // The issue's 23-character title no longer leaves 告 alone.
    assert_eq!(title_lines("青石市临溪区司法局2025年度法治政府建设情况报告", Some("青石市临溪区司法局")), ["青石市临溪区司法局2025年度", "法治政府建设情况报告"]);
}
