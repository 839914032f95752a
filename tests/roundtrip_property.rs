//! Properties of the text engine on arbitrary input: parsing never panics,
//! parse → render gives back the input unchanged, and decoding arbitrary bytes
//! never panics. Generators lean towards what matters: heading-like and
//! item-like lines, every line ending, BOMs, empty lines, CJK text.

use fazhi_report::report::decode::decode;
use fazhi_report::report::text::render::rendered_chars;
use fazhi_report::report::{parse, render, Eol, Report};
use proptest::prelude::*;

fn line() -> impl Strategy<Value = String> {
    let marker = prop_oneof![
        Just(""), Just("一、"), Just("二、"), Just("十、"), Just("（一）"), Just("(二)"), Just("第一部分"), Just("第三部分："),
        Just("1. "), Just("2."), Just("3．"), Just("1、"), Just("（1）"), Just("(2)"), Just("　　"), Just("1.5"),
    ];
    let words = prop_oneof![
        Just("主要举措和成效"), Just("存在的不足和原因"), Just("主要负责人履行职责情况"), Just("2024年工作打算"),
        Just("其他需要报告的情况"), Just("加强组织领导。一是学习3次，二是"), Just("无"), Just(""), Just("。"),
        Just("\u{feff}"), Just("a,b;c"), Just("\t"),
    ];
    (marker, prop::collection::vec(words, 0..4), "[一-龥a-z0-9，。 ]{0,12}")
        .prop_map(|(m, ws, tail)| format!("{m}{}{tail}", ws.concat()))
}

fn text() -> impl Strategy<Value = String> {
    let eol = prop_oneof![Just("\n"), Just("\r\n"), Just("\r")];
    (any::<bool>(), prop::collection::vec((line(), eol), 0..30), any::<bool>()).prop_map(|(bom, lines, trailing)| {
        let mut s = String::new();
        if bom {
            s.push('\u{feff}');
        }
        for (l, e) in &lines {
            s.push_str(l);
            s.push_str(e);
        }
        if !trailing && !lines.is_empty() {
            s.truncate(s.trim_end_matches(['\r', '\n']).len());
        }
        s
    })
}

/// Every line ending of `report` replaced, in turn, by one of `eols` (cycled):
/// with `Eol::None` among them, the shape editing leaves (lines without a
/// terminator in the middle of the report).
fn with_eols(mut report: Report, eols: &[Eol], dominant: Eol) -> Report {
    let mut next = eols.iter().copied().cycle();
    let mut take = || next.next().unwrap_or(Eol::None);
    report.eol = dominant;
    for l in report.front.iter_mut().chain(report.back.iter_mut()) {
        l.eol = take();
    }
    for s in &mut report.sections {
        s.heading.eol = take();
        for l in &mut s.intro {
            l.eol = take();
        }
        for i in &mut s.items {
            i.eol = take();
            for l in &mut i.more {
                l.eol = take();
            }
        }
    }
    report
}

fn an_eol() -> impl Strategy<Value = Eol> {
    prop_oneof![Just(Eol::Lf), Just(Eol::CrLf), Just(Eol::Cr), Just(Eol::None)]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    #[test]
    fn report_like_text_round_trips(s in text()) {
        prop_assert_eq!(render(&parse(&s)), s);
    }

    #[test]
    fn rendered_chars_counts_what_render_writes(s in text(), eols in prop::collection::vec(an_eol(), 1..6), dominant in an_eol()) {
        let parsed = parse(&s);
        prop_assert_eq!(rendered_chars(&parsed), render(&parsed).chars().count());
        let edited = with_eols(parsed, &eols, dominant);
        prop_assert_eq!(rendered_chars(&edited), render(&edited).chars().count());
    }

    #[test]
    fn any_text_round_trips(s in "\\PC*") {
        prop_assert_eq!(render(&parse(&s)), s);
    }

    #[test]
    fn decoding_any_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(d) = decode(&bytes) {
            // What decodes, parses and renders back.
            prop_assert_eq!(render(&parse(&d.text)), d.text);
        }
    }
}
