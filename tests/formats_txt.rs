//! .txt export: every encoding and line-ending option keeps every character.

use encoding_rs::{GBK, UTF_8};
use fazhi_report::report::formats::{export_txt, FormatError, TxtEncoding, TxtOptions};
use fazhi_report::report::{parse, render};

const SEED: &str = include_str!("fixtures/seed/000_7470bc842f3634e7.txt");

fn opts(encoding: TxtEncoding, crlf: bool) -> TxtOptions {
    TxtOptions { encoding, crlf }
}

#[test]
fn default_options_give_exactly_the_rendered_text() {
    for source in [SEED.to_string(), format!("\u{feff}{}", SEED.replace('\n', "\r\n"))] {
        let report = parse(&source);
        assert_eq!(export_txt(&report, &TxtOptions::default()).unwrap(), render(&report).into_bytes());
        assert_eq!(export_txt(&report, &TxtOptions::default()).unwrap(), source.as_bytes());
    }
}

#[test]
fn utf8_bom_roundtrips() {
    let report = parse(SEED);
    let bytes = export_txt(&report, &opts(TxtEncoding::Utf8Bom, false)).unwrap();
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]));
    let text = std::str::from_utf8(&bytes).unwrap();
    assert_eq!(text, format!("\u{feff}{SEED}"));
    let back = parse(text);
    assert!(back.bom);
    assert_eq!(render(&back), text);
    // A source that already had a BOM does not get a second one.
    let twice = export_txt(&back, &opts(TxtEncoding::Utf8Bom, false)).unwrap();
    assert_eq!(twice, bytes);
}

#[test]
fn crlf_option_converts_every_line_ending() {
    let source = "标题报告\n一、主要举措\r1. 甲。乙\r\n无";
    let bytes = export_txt(&parse(source), &opts(TxtEncoding::Utf8, true)).unwrap();
    assert_eq!(String::from_utf8(bytes).unwrap(), "标题报告\r\n一、主要举措\r\n1. 甲。乙\r\n无");
    let seed_crlf = export_txt(&parse(SEED), &opts(TxtEncoding::Utf8, true)).unwrap();
    let text = String::from_utf8(seed_crlf).unwrap();
    assert_eq!(text, SEED.replace('\n', "\r\n"));
    assert_eq!(render(&parse(&text)), text);
}

#[test]
fn gbk_roundtrips_every_character() {
    for crlf in [false, true] {
        let bytes = export_txt(&parse(SEED), &opts(TxtEncoding::Gbk, crlf)).unwrap();
        assert!(std::str::from_utf8(&bytes).is_err(), "really GBK, not UTF-8");
        let (decoded, had_errors) = GBK.decode_without_bom_handling(&bytes);
        assert!(!had_errors);
        let expected = if crlf { SEED.replace('\n', "\r\n") } else { SEED.to_string() };
        assert_eq!(decoded, expected);
    }
    // GBK has no BOM: a report read with one is written without it.
    let with_bom = parse(&format!("\u{feff}{SEED}"));
    let bytes = export_txt(&with_bom, &opts(TxtEncoding::Gbk, false)).unwrap();
    assert_eq!(GBK.decode_without_bom_handling(&bytes).0, SEED);
    assert_ne!(UTF_8.decode_without_bom_handling(&bytes).0, SEED);
}

#[test]
fn gbk_refuses_characters_it_cannot_hold() {
    for (ch, text) in [('😀', "一、主要举措\n1. 表情😀。正文"), ('𠀀', "一、主要举措\n无\n生僻字𠀀")] {
        let err = export_txt(&parse(text), &opts(TxtEncoding::Gbk, false)).unwrap_err();
        match &err {
            FormatError::GbkUnencodable { ch: c, .. } => assert_eq!(*c, ch),
            other => panic!("{other:?}"),
        }
        assert!(err.message_zh().contains(&format!("“{ch}”")), "{}", err.message_zh());
        assert!(err.message_zh().contains("UTF-8"));
        // The same text is fine in UTF-8.
        assert!(export_txt(&parse(text), &opts(TxtEncoding::Utf8, false)).is_ok());
    }
    let err = export_txt(&parse("一、甲\n无\n第三行€𠀀"), &opts(TxtEncoding::Gbk, false)).unwrap_err();
    assert_eq!(err, FormatError::GbkUnencodable { ch: '𠀀', line: 3 });
}
