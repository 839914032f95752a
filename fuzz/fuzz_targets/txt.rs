//! A text file in any encoding: decoded, parsed, checked and rendered.
//! Whatever comes in, nothing panics, and parse → render gives the decoded
//! text back unchanged.
#![no_main]
use fazhi_report::report::check::{check, CheckContext};
use fazhi_report::report::{decode::decode, parse, render};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(decoded) = decode(bytes) else { return };
    let report = parse(&decoded.text);
    let _ = check(&report, &CheckContext::default());
    assert_eq!(render(&report), decoded.text, "parse → render gives the text back");
});
