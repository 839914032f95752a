//! The share file: a draft goes to a colleague and comes back equal.

use fazhi_report::report::draft::Draft;
use fazhi_report::report::formats::{export_share, import_share, FormatError, MAX_IMPORT_BYTES};
use fazhi_report::report::model::{Eol, Line, SectionKind};
use fazhi_report::report::parse;

const SEED: &str = include_str!("fixtures/seed/000_7470bc842f3634e7.txt");

fn seed_draft() -> Draft {
    let mut d = Draft::new("draft-7f3a", "天津市武清区国资委", 2023, 1_704_067_200_000);
    d.report = parse(&format!("\u{feff}{}", SEED.replace('\n', "\r\n")));
    d.revision = 42;
    d.edited = 1_706_745_600_123;
    d
}

#[test]
fn draft_roundtrips_equal() {
    let mut d = seed_draft();
    // An edited line without its own ending, and an unknown section.
    d.report.front.push(Line { text: "新加的一行 \"引号\" \\ 反斜杠\t制表".into(), eol: Eol::None });
    d.report.sections[0].kind = SectionKind::Unknown;
    let bytes = export_share(&d, 1_710_000_000_000);
    let text = std::str::from_utf8(&bytes).unwrap();
    assert!(text.starts_with("{\n  \"format\": \"fazhi-report-share\",\n  \"schema\": 1,"));
    assert!(text.contains("天津市武清区国资委"), "Chinese stays readable in the JSON");
    let back = import_share(&bytes).unwrap();
    assert_eq!(back, d);
    assert_eq!(back.revision, 42);
    assert_eq!(back.created, 1_704_067_200_000);
    assert_eq!(back.edited, 1_706_745_600_123);
    assert!(back.report.bom);
    assert_eq!(back.report.eol, Eol::CrLf);
    assert_eq!(fazhi_report::report::render(&back.report), fazhi_report::report::render(&d.report));
}

#[test]
fn newer_schema_is_refused_with_upgrade_advice() {
    let bytes = export_share(&seed_draft(), 0);
    let mut v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    v["schema"] = 99.into();
    let err = import_share(&serde_json::to_vec(&v).unwrap()).unwrap_err();
    assert_eq!(err, FormatError::ShareTooNew { schema: 99, supported: 1 });
    assert!(err.message_zh().starts_with("此分享文件由更新版本的法治报告助手生成"));
    assert!(err.message_zh().contains("请升级后再打开"));
}

#[test]
fn other_json_and_garbage_are_refused() {
    for bytes in [
        &b"{\"id\":\"x\",\"unit\":\"y\"}"[..],
        b"{\"format\":\"something-else\",\"schema\":1}",
        b"[1,2,3]",
        b"\x00\x01\x02garbage",
        "一、这是一段纯文本".as_bytes(),
    ] {
        let err = import_share(bytes).unwrap_err();
        assert!(matches!(err, FormatError::NotShareFile { .. }), "{:?}: {err:?}", String::from_utf8_lossy(bytes));
        assert!(err.message_zh().contains("分享文件"));
    }
    assert_eq!(import_share(b"  \n").unwrap_err(), FormatError::Empty);
}

/// Issue #28: a share file cut short (a download that did not finish) is
/// named as such, not as "not a share file" — this input was in the list
/// above until then, and its message still names the share file.
#[test]
fn a_truncated_share_file_is_named_as_such() {
    let whole = export_share(&seed_draft(), 0);
    let mut cases: Vec<Vec<u8>> = vec![b"{\"format\": \"fazhi-report-share\", \"schema\": 1, \"draft\": ".to_vec()];
    for cut in [60, whole.len() / 3, whole.len() / 2, whole.len() - 5] {
        cases.push(whole[..cut].to_vec());
    }
    // Cut inside a character of 天津市武清区国资委.
    let at = whole.windows("津".len()).position(|w| w == "津".as_bytes()).unwrap();
    cases.push(whole[..at + 1].to_vec());
    for bytes in cases {
        let err = import_share(&bytes).unwrap_err();
        assert!(matches!(err, FormatError::TruncatedShare { .. }), "{} bytes: {err:?}", bytes.len());
        assert!(err.message_zh().starts_with("分享文件不完整或已损坏，可能没有下载完"), "{}", err.message_zh());
        assert!(err.message_zh().contains("分享文件"));
    }
    // Through import_any, as the app and the CLI read files.
    let gb = |b: &[u8]| encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(b).map(|t| t.into_owned());
    let message = fazhi_report::report::formats::import_any(&whole[..whole.len() / 2], &gb).unwrap_err();
    assert!(message.starts_with("分享文件不完整或已损坏，可能没有下载完"), "{message}");
}

#[test]
fn the_file_names_its_base_and_a_reply_names_the_same_base() {
    use fazhi_report::report::formats::import_share_based;
    use fazhi_report::report::merge::Base;
    // A sends revision 42 of its draft.
    let a = seed_draft();
    let sent = import_share_based(&export_share(&a, 1)).unwrap();
    let base = Base { draft: "draft-7f3a".into(), revision: 42, unit: "天津市武清区国资委".into(), year: 2023 };
    assert_eq!(sent.base, base);
    assert_eq!(sent.draft, a, "the draft inside is as it was");
    let v: serde_json::Value = serde_json::from_slice(&export_share(&a, 1)).unwrap();
    assert_eq!(v["base"], serde_json::json!({ "draft": "draft-7f3a", "revision": 42, "unit": "天津市武清区国资委", "year": 2023 }));
    // B opens it as a draft of its own, edits it and sends it back.
    let mut b = sent.draft.clone();
    b.id = "draft-b".into();
    b.revision = 3;
    b.base = Some(sent.base.clone());
    b.report.front[0].text.push_str("（修改稿）");
    let reply = import_share_based(&export_share(&b, 2)).unwrap();
    assert_eq!(reply.base, base, "B's reply names A's revision");
    assert_eq!(reply.draft.base, Some(base.clone()));
    // A share file from before the field: its draft is its base.
    let mut old: serde_json::Value = serde_json::from_slice(&export_share(&a, 1)).unwrap();
    old.as_object_mut().unwrap().remove("base");
    let old = import_share_based(&serde_json::to_vec(&old).unwrap()).unwrap();
    assert_eq!(old.base, base);
    assert_eq!(old.draft, a);
}

#[test]
fn envelope_with_a_broken_draft_is_corrupt() {
    let bytes = br#"{"format":"fazhi-report-share","schema":1,"app_version":"0.1.0","exported":0,"draft":{"id":"x"}}"#;
    let err = import_share(bytes).unwrap_err();
    assert!(matches!(err, FormatError::CorruptShare { .. }), "{err:?}");
    assert!(err.message_zh().contains("损坏"));
}

#[test]
fn oversized_share_is_refused_by_size() {
    let big = vec![b' '; 50 * 1024 * 1024];
    assert_eq!(import_share(&big).unwrap_err(), FormatError::TooLarge { size: big.len(), limit: MAX_IMPORT_BYTES });
}

#[test]
fn import_any_recognises_each_format_by_content() {
    use fazhi_report::report::formats::{export_docx, export_share, import_any, Imported};
    let gb = |b: &[u8]| encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(b).map(|t| t.into_owned());
    let seed = include_str!("fixtures/seed/000_7470bc842f3634e7.txt");
    let report = fazhi_report::report::parse(seed);
    assert!(matches!(import_any(seed.as_bytes(), &gb), Ok(Imported::Text(_))));
    assert!(matches!(import_any(&export_docx(&report).unwrap(), &gb), Ok(Imported::Docx(_))));
    let draft = fazhi_report::report::Draft::new("d", "某局", 2025, 1);
    match import_any(&export_share(&draft, 2), &gb) {
        Ok(Imported::Share(d)) => assert_eq!(*d, draft),
        other => panic!("{other:?}"),
    }
    let err = import_any(b"PK\x03\x04 truncated", &gb).unwrap_err();
    assert!(err.contains("Word") || err.contains("损坏"), "{err}");
}
