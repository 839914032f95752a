//! Any bytes as a .docx: text or an error, never a panic or a hang; and the
//! text read is a report the app can export as .docx and read again.
#![no_main]
use fazhi_report::report::formats::{export_docx, import_docx};
use fazhi_report::report::render;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(read) = import_docx(bytes) else { return };
    let report = read.report();
    if let Ok(again) = export_docx(&report) {
        let back = import_docx(&again).expect("the app reads its own .docx");
        assert_eq!(render(&back.report()), render(&report));
    }
});
