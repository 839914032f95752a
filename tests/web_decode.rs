//! Decoding imported files in the browser: GB18030 through the browser's own
//! TextDecoder (the web build ships no encoding tables).
#![cfg(target_arch = "wasm32")]

use fazhi_report::report::decode::{decode_with, DecodeError, Encoding};
use fazhi_report::report::{parse, render, SectionKind};
use fazhi_report::ui::gb18030;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn a_gbk_file_decodes_with_the_browser_tables() {
    let bytes = include_bytes!("corpus/11_gbk_crlf.txt");
    let d = decode_with(bytes, &gb18030).unwrap();
    assert_eq!(d.encoding, Encoding::Gb18030);
    assert!(d.text.starts_with("某镇人民政府2024年度法治政府建设情况报告\r\n"));
    let report = parse(&d.text);
    assert_eq!(report.sections.iter().map(|s| s.kind).collect::<Vec<_>>(), SectionKind::REQUIRED.to_vec());
    assert_eq!(render(&report), d.text);
}

#[wasm_bindgen_test]
fn invalid_bytes_are_refused_not_replaced() {
    assert_eq!(decode_with(&[0x41, 0xFF, 0xFF, 0x41], &gb18030), Err(DecodeError::UnknownEncoding));
    assert_eq!(gb18030(&[0x81]), None);
    // UTF-16 needs no tables.
    let le = include_bytes!("corpus/12_utf16le_bom.txt");
    assert_eq!(decode_with(le, &gb18030).unwrap().encoding, Encoding::Utf16Le);
}
