//! Helpers several test files share (each says `mod common;`). A folder
//! module, so cargo does not take it for a test of its own; each test file
//! uses only some of it.
#![allow(dead_code)]

use std::cell::Cell;
use std::io::{Cursor, Write};

use fazhi_report::session::Session;
use fazhi_report::storage::KeyValue;

/// A session whose "random" numbers count up from `seed + 1`, so draft ids
/// and tab tokens are the same in every run.
pub fn seeded_session<K: KeyValue>(kv: K, seed: u32) -> Session<K> {
    let n = Cell::new(seed);
    Session::new(kv, move || {
        n.set(n.get() + 1);
        n.get()
    })
}

/// [`seeded_session`] counting from 1.
pub fn session<K: KeyValue>(kv: K) -> Session<K> {
    seeded_session(kv, 0)
}

/// A zip holding `parts` as they are (name, bytes): .docx packages built by
/// hand, damaged or hostile ones included.
pub fn zip_with(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in parts {
        w.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}
