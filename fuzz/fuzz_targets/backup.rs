//! Any text as a backup restored into an empty store: restored or refused,
//! never a panic; what was restored — drafts and the reviewer's desk — is
//! listed, merged in again and exported again.
#![no_main]
use fazhi_report::session::review::{restore_records, stored_records};
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
    if let Some(records) = report.review {
        let n = records.len();
        let first = restore_records(store.kv(), records.clone()).expect("a desk merges into an empty store");
        assert_eq!(first.added + first.merged + first.unchanged, n);
        let again = restore_records(store.kv(), records).expect("and again");
        assert_eq!((again.added, again.merged), (0, 0), "restoring the same desk twice adds nothing");
    }
    let review = stored_records(store.kv()).expect("the desk reads back");
    let _ = store.export_backup(0, review).expect("and exports");
});
