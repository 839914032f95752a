//! Any text as a backup restored into an empty store: restored or refused,
//! never a panic; what was restored is listed and exported again.
#![no_main]
use fazhi_report::storage::memory::MemoryStore;
use fazhi_report::storage::DraftStore;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(json) = std::str::from_utf8(bytes) else { return };
    let store = DraftStore::new(MemoryStore::new());
    let mut n = 0;
    let Ok(report) = store.restore_backup(json, || {
        n += 1;
        format!("copy-{n}")
    }) else {
        return;
    };
    let listed = store.list().expect("a store written by restore lists");
    assert!(listed.len() <= report.added + report.copies);
    let _ = store.export_backup(0).expect("and exports");
});
