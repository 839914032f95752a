//! Any bytes as a share file (and through `import_any`, which must tell a
//! share file from text): a draft or an error, never a panic.
#![no_main]
use fazhi_report::report::formats::{export_share, import_any, import_share};
use fazhi_report::report::render;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = import_any(bytes, &|_| None);
    let Ok(draft) = import_share(bytes) else { return };
    let again = import_share(&export_share(&draft, 0)).expect("the app reads its own share file");
    assert_eq!(render(&again.report), render(&draft.report));
});
