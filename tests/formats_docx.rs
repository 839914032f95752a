//! .docx export and import: round trips, LibreOffice-written files, bad input.

use fazhi_report::report::formats::{export_docx, import_docx, FormatError, MAX_IMPORT_BYTES};
use fazhi_report::report::{parse, render};
use std::io::{Cursor, Read};

mod common;
use common::zip_with;

const SEED: &str = include_str!("fixtures/seed/000_7470bc842f3634e7.txt");
const TITLE: &str = "天津市武清区国资委2023年度法治政府建设情况报告";

fn roundtrip(text: &str) -> (String, Vec<String>) {
    let docx = export_docx(&parse(text)).expect("export");
    let imported = import_docx(&docx).expect("import");
    (render(&parse(&imported.text)), imported.warnings)
}

#[test]
fn seed_roundtrips_exactly() {
    let (text, warnings) = roundtrip(SEED);
    assert_eq!(text, SEED);
    assert!(warnings.is_empty());
}

#[test]
fn titled_crlf_report_roundtrips_with_lf() {
    // A .docx has paragraphs, not line endings: CRLF comes back as LF.
    let source = format!("{TITLE}\r\n{}\r\n", SEED.replace('\n', "\r\n"));
    assert_eq!(parse(&source).title(), Some(TITLE));
    let (text, _) = roundtrip(&source);
    assert_eq!(text, source.replace("\r\n", "\n"));
    assert_eq!(parse(&text).title(), Some(TITLE));
}

#[test]
fn bom_tabs_markup_and_blank_lines_survive() {
    let source = "\u{feff}某局2025年度法治政府建设情况报告\n\n前言 <a href=\"x\">&amp;</a>\t制表\n一、主要举措\n\n1. 标题<b>。 正文 & 更多  \n  续行\n二、不足\n无\n\n";
    let (text, _) = roundtrip(source);
    // The BOM belongs to text files; everything else comes back.
    assert_eq!(text, source.trim_start_matches('\u{feff}'));
}

#[test]
fn export_is_deterministic_and_has_the_parts() {
    let report = parse(&format!("{TITLE}\n{SEED}"));
    let a = export_docx(&report).unwrap();
    assert_eq!(a, export_docx(&report).unwrap());
    let mut zip = zip::ZipArchive::new(Cursor::new(&a)).unwrap();
    for part in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/styles.xml",
        "word/settings.xml",
        "word/fontTable.xml",
        "word/footer1.xml",
        "word/_rels/document.xml.rels",
        "docProps/core.xml",
        "docProps/app.xml",
    ] {
        assert!(zip.by_name(part).is_ok(), "missing {part}");
    }
    let mut core = String::new();
    zip.by_name("docProps/core.xml").unwrap().read_to_string(&mut core).unwrap();
    assert!(core.contains(&format!("<dc:title>{TITLE}</dc:title>")));
    let mut styles = String::new();
    zip.by_name("word/styles.xml").unwrap().read_to_string(&mut styles).unwrap();
    for font in ["仿宋_GB2312", "方正小标宋简体", "黑体"] {
        assert!(styles.contains(&format!("w:eastAsia=\"{font}\"")), "{font}");
    }
    let mut footer = String::new();
    zip.by_name("word/footer1.xml").unwrap().read_to_string(&mut footer).unwrap();
    assert!(footer.contains(" PAGE ") && footer.contains("— "));
}

#[test]
fn reads_a_docx_saved_by_libreoffice() {
    let bytes = include_bytes!("fixtures/seed-titled-libreoffice.docx");
    let imported = import_docx(bytes).unwrap();
    assert_eq!(render(&parse(&imported.text)), format!("{TITLE}\n{SEED}"));
}

#[test]
fn libreoffice_table_is_flattened_with_a_warning() {
    let imported = import_docx(include_bytes!("fixtures/table-libreoffice.docx")).unwrap();
    assert!(imported.text.contains("指标\t数量\n行政复议 & 诉讼\t12"), "{:?}", imported.text);
    assert!(imported.text.starts_with("一、主要举措和成效\n1. 健全制度。全年制定制度3项。\n"));
    assert_eq!(imported.warnings, vec!["文档中的表格已转为文字，请核对".to_string()]);
    assert_eq!(parse(&imported.text).sections.len(), 2);
}

// ---- bad input ----

fn assert_helpful(err: &FormatError) {
    assert!(!err.message_zh().is_empty() && !err.message_en().is_empty());
    assert!(err.message_zh().contains('。'), "a Chinese sentence: {}", err.message_zh());
}

#[test]
fn truncated_docx_is_corrupt() {
    let full = export_docx(&parse(SEED)).unwrap();
    for cut in [full.len() / 2, full.len() - 10, 30] {
        let err = import_docx(&full[..cut]).unwrap_err();
        assert!(matches!(err, FormatError::CorruptDocx { .. }), "cut at {cut}: {err:?}");
        assert!(err.message_zh().contains("损坏"));
        assert_helpful(&err);
    }
}

#[test]
fn flipped_bytes_never_panic() {
    let full = export_docx(&parse(SEED)).unwrap();
    for i in (0..full.len()).step_by(97) {
        let mut bad = full.clone();
        bad[i] ^= 0x5a;
        let _ = import_docx(&bad); // any Ok or Err, never a panic
    }
}

#[test]
fn zip_without_document_xml() {
    let bytes = zip_with(&[("xl/workbook.xml", b"<workbook/>"), ("[Content_Types].xml", b"<Types/>")]);
    let err = import_docx(&bytes).unwrap_err();
    assert_eq!(err, FormatError::MissingDocument);
    assert!(err.message_zh().contains("word/document.xml"));
    assert_helpful(&err);
}

#[test]
fn not_a_zip() {
    let err = import_docx("一、这是一段纯文本".as_bytes()).unwrap_err();
    assert_eq!(err, FormatError::NotDocx);
    assert!(err.message_zh().starts_with("文件不是有效的 Word 文档（.docx）"));
    assert_eq!(import_docx(b"").unwrap_err(), FormatError::Empty);
}

#[test]
fn encrypted_or_old_doc() {
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(2048, 0);
    assert_eq!(import_docx(&ole).unwrap_err(), FormatError::LegacyDoc);
    let name: Vec<u8> = "EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes).collect();
    ole[1024..1024 + name.len()].copy_from_slice(&name);
    let err = import_docx(&ole).unwrap_err();
    assert_eq!(err, FormatError::EncryptedDocx);
    assert!(err.message_zh().contains("文档已加密或为旧版 .doc 格式，请在 Word 中另存为未加密的 .docx 后再导入"));
}

#[test]
fn malformed_document_xml() {
    let bytes = zip_with(&[("word/document.xml", "<w:document xmlns:w=\"x\"><w:body><w:p><w:t>半截".as_bytes())]);
    let err = import_docx(&bytes).unwrap_err();
    assert!(matches!(err, FormatError::MalformedXml { .. }), "{err:?}");
    assert_helpful(&err);
    let bytes = zip_with(&[("word/document.xml", b"\xff\xfe\x00garbage")]);
    assert!(matches!(import_docx(&bytes).unwrap_err(), FormatError::MalformedXml { .. }));
}

#[test]
fn fifty_megabytes_is_refused_before_parsing() {
    let mut big = vec![0u8; 50 * 1024 * 1024];
    big[..2].copy_from_slice(b"PK");
    let start = std::time::Instant::now();
    let err = import_docx(&big).unwrap_err();
    assert_eq!(err, FormatError::TooLarge { size: big.len(), limit: MAX_IMPORT_BYTES });
    assert!(start.elapsed().as_millis() < 100, "refused by size, not parsed");
    assert!(err.message_zh().contains("文件太大"));
}

#[test]
fn zip_bomb_document_is_refused() {
    // 60 MB of one repeated paragraph compresses to well under the 20 MB limit.
    let para = "<w:p><w:r><w:t>法治</w:t></w:r></w:p>";
    let mut xml = String::from("<w:document xmlns:w=\"x\"><w:body>");
    while xml.len() < 60 * 1024 * 1024 {
        xml.push_str(para);
    }
    let bytes = zip_with(&[("word/document.xml", xml.as_bytes())]);
    assert!(bytes.len() < MAX_IMPORT_BYTES);
    let err = import_docx(&bytes).unwrap_err();
    assert!(matches!(err, FormatError::DocumentTooLarge { .. }), "{err:?}");
}

/// Every paragraph's own text (its w:t runs), in order, from document.xml.
fn paragraph_texts(docx: &[u8]) -> Vec<String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml").unwrap().read_to_string(&mut xml).unwrap();
    xml.split("</w:p>")
        .map(|p| {
            let mut out = String::new();
            for part in p.split("<w:t").skip(1) {
                let Some(start) = part.find('>') else { continue };
                if part[..start].ends_with('/') {
                    continue;
                }
                let body = &part[start + 1..];
                out.push_str(&body[..body.find("</w:t>").unwrap_or(body.len())]);
            }
            out
        })
        .filter(|t| !t.is_empty())
        .collect()
}

#[test]
fn broken_numbering_imports_every_paragraph_with_a_notice() {
    use fazhi_report::report::formats::docx_read::WARN_NUMBERING;
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/docx");
    for case in ["17_bad_numbering_missing", "18_bad_numbering_malformed", "19_bad_numbering_undefined"] {
        let bytes = std::fs::read(format!("{dir}/{case}.docx")).unwrap();
        let import = import_docx(&bytes).unwrap_or_else(|e| panic!("{case}: {e:?}"));
        assert!(import.warnings.iter().any(|w| w == WARN_NUMBERING), "{case}: {:?}", import.warnings);
        let lines: Vec<&str> = import.text.lines().collect();
        let paragraphs = paragraph_texts(&bytes);
        assert!(paragraphs.len() >= 10, "{case}");
        // No paragraph lost, none given a marker it cannot have.
        assert_eq!(lines, paragraphs, "{case}");
        assert_eq!(render(&import.report()), import.text, "{case}");
    }
}

#[test]
fn good_numbering_gives_no_notice() {
    use fazhi_report::report::formats::docx_read::WARN_NUMBERING;
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/docx");
    for case in ["01_lo_five_parts_nested", "12_word_cn_style_numbering", "13_wps_style_ids", "14_word_restart_overrides", "15_word_numstylelink"] {
        let import = import_docx(&std::fs::read(format!("{dir}/{case}.docx")).unwrap()).unwrap();
        assert!(!import.warnings.iter().any(|w| w == WARN_NUMBERING), "{case}: {:?}", import.warnings);
    }
}

#[test]
fn comments_and_footnotes_are_not_body_text_and_are_named() {
    use fazhi_report::report::formats::docx_read::{WARN_COMMENTS, WARN_NOTES};
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/docx/20_word_comments_footnotes.docx");
    let bytes = std::fs::read(path).unwrap();
    let import = import_docx(&bytes).unwrap();
    assert!(import.warnings.iter().any(|w| w == WARN_COMMENTS), "{:?}", import.warnings);
    assert!(import.warnings.iter().any(|w| w == WARN_NOTES), "{:?}", import.warnings);
    // The comment's and the note's own text is not in the body.
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes.as_slice())).unwrap();
    for part in ["word/comments.xml", "word/footnotes.xml"] {
        let mut xml = String::new();
        zip.by_name(part).unwrap().read_to_string(&mut xml).unwrap();
        for t in xml.split("<w:t").skip(1).filter_map(|p| p.split_once('>').map(|(_, b)| b.split("</w:t>").next().unwrap_or(""))) {
            if t.chars().count() >= 4 {
                assert!(!import.text.contains(t), "{part} text {t:?} leaked into the body");
            }
        }
    }
}

#[test]
fn numbering_restarts_and_formats_as_word_shows_them() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/docx");
    let text = |case: &str| import_docx(&std::fs::read(format!("{dir}/{case}.docx")).unwrap()).unwrap().text;
    // Items restart at 1. in each part (w:startOverride on new w:num
    // instances); the sub-items' level says w:lvlRestart 0 (never restart),
    // so Word goes on counting （3） under item 2 (LibreOffice would restart).
    let t = text("14_word_restart_overrides");
    assert!(t.matches("\n1.").count() >= 4, "{t}");
    assert!(t.contains("\n2.规范卫生健康行政执法，办理行政处罚案件118件。\n（3）推行说理式执法文书。"), "{t}");
    let t = text("16_word_item_formats");
    for marker in ["\n１．", "\n①", "\n甲、", "\nA."] {
        assert!(t.contains(marker), "{marker:?} in {t}");
    }
}

// A .docx for a colleague records its base in the custom properties.
#[test]
fn an_export_for_a_colleague_names_its_base_and_a_plain_export_does_not() {
    use fazhi_report::report::draft::Base;
    use fazhi_report::report::formats::docx_props::CUSTOM_PART;
    use fazhi_report::report::formats::{export_docx, export_docx_based, import_docx};
    let report = fazhi_report::report::parse("区国资委2023年度法治政府建设情况报告\n一、主要举措\n1. 强化学习。正文\n");
    let base = Base { draft: "d-7".into(), revision: 9, unit: "区国资委".into(), year: 2023 };
    let based = export_docx_based(&report, Some(&base)).unwrap();
    let back = import_docx(&based).unwrap();
    assert_eq!(back.base, Some(base));
    assert_eq!(back.text, import_docx(&export_docx(&report).unwrap()).unwrap().text, "the same document otherwise");
    let plain = export_docx(&report).unwrap();
    assert_eq!(import_docx(&plain).unwrap().base, None);
    assert!(!plain.windows(CUSTOM_PART.len()).any(|w| w == CUSTOM_PART.as_bytes()), "no custom part without a base");
}
