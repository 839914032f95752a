//! Properties of the import paths on arbitrary input (issue 21): the app's
//! own .docx and share file read back to what was written, and any mutation
//! of either gives a report or an error, never a panic. The coverage-guided
//! fuzzers in fuzz/ (nightly, scripts/fuzz.sh) go further; these run on
//! stable in every `cargo test`.

use fazhi_report::report::draft::Draft;
use fazhi_report::report::formats::{export_docx, export_share, import_any, import_docx, import_share, Imported};
use fazhi_report::report::{parse, render};
use proptest::prelude::*;

/// Lines as reports have them: markers, CJK, ASCII, markup-like and
/// XML-special characters, tabs, emoji, combining marks, U+2028.
fn line() -> impl Strategy<Value = String> {
    let marker = prop_oneof![
        Just(""), Just("一、"), Just("二、"), Just("（一）"), Just("1. "), Just("2．"), Just("第一部分"), Just("　　"),
    ];
    let words = prop_oneof![
        Just("主要举措和成效"), Just("存在的不足和原因"), Just("加强组织领导。一是学习3次，"), Just("无"), Just(""),
        Just("<w:t>&amp;</w:t>"), Just("\"'<>&"), Just("\t"), Just("👍🏽"), Just("e\u{301}"), Just("\u{2028}"),
        Just("  "), Just("]]>"), Just("𠀀"),
    ];
    (marker, prop::collection::vec(words, 0..4), "[一-龥a-zA-Z0-9，。；：、 ]{0,12}")
        .prop_map(|(m, ws, tail)| format!("{m}{}{tail}", ws.concat()))
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(line(), 0..25).prop_map(|lines| {
        let mut s = lines.join("\n");
        s.push('\n');
        s
    })
}

fn gb18030_none(_: &[u8]) -> Option<String> {
    None
}

fn draft_of(text: &str) -> Draft {
    let mut d = Draft::new("draft-prop", "某区司法局", 2025, 1_770_000_000_000);
    d.report = parse(text);
    d
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn docx_write_then_read_gives_the_text_back(text in text()) {
        let report = parse(&text);
        let bytes = export_docx(&report).expect("export");
        let back = import_docx(&bytes).expect("the app reads its own .docx");
        prop_assert_eq!(render(&back.report()), render(&report));
        prop_assert!(back.warnings.is_empty(), "{:?}", back.warnings);
    }

    #[test]
    fn any_mutated_docx_gives_text_or_an_error(
        text in text(),
        flips in prop::collection::vec((any::<prop::sample::Index>(), 1u8..=255), 1..8),
        cut in prop::option::of(any::<prop::sample::Index>()),
    ) {
        let mut bytes = export_docx(&parse(&text)).expect("export");
        for (at, mask) in flips {
            let i = at.index(bytes.len());
            bytes[i] ^= mask;
        }
        if let Some(cut) = cut {
            bytes.truncate(cut.index(bytes.len()));
        }
        match import_docx(&bytes) {
            Ok(read) => { let _ = render(&read.report()); }
            Err(e) => prop_assert!(e.message_zh().ends_with('。') && !e.message_en().is_empty(), "{:?}", e),
        }
        // And through the app's one entry point: a report or a Chinese message.
        if let Err(m) = import_any(&bytes, &gb18030_none) {
            prop_assert!(m.contains('。'), "{}", m);
        }
    }

    #[test]
    fn share_write_then_read_gives_the_draft_back(text in text(), revision in 0u64..1_000_000) {
        let mut d = draft_of(&text);
        d.revision = revision;
        let bytes = export_share(&d, 1_770_000_000_001);
        prop_assert_eq!(import_share(&bytes).expect("the app reads its own share file"), d.clone());
        match import_any(&bytes, &gb18030_none).expect("import_any") {
            Imported::Share(got) => prop_assert_eq!(*got, d),
            other => prop_assert!(false, "read as {:?}", other),
        }
    }

    #[test]
    fn any_mutated_share_file_gives_a_draft_or_an_error(
        text in text(),
        flips in prop::collection::vec((any::<prop::sample::Index>(), 1u8..=255), 0..6),
        cut in prop::option::of(any::<prop::sample::Index>()),
    ) {
        let mut bytes = export_share(&draft_of(&text), 0);
        for (at, mask) in flips {
            let i = at.index(bytes.len());
            bytes[i] ^= mask;
        }
        if let Some(cut) = cut {
            bytes.truncate(cut.index(bytes.len()));
        }
        match import_share(&bytes) {
            Ok(d) => { let _ = render(&d.report); }
            Err(e) => prop_assert!(e.message_zh().ends_with('。'), "{:?}", e),
        }
        if let Err(m) = import_any(&bytes, &gb18030_none) {
            prop_assert!(m.contains('。'), "{}", m);
        }
    }
}
