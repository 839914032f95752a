//! Storage that throws on every access (disabled by policy, some private
//! modes): the app falls back to memory and knows why. A file of its own,
//! because the override below cannot be undone within the page.
#![cfg(target_arch = "wasm32")]

use fazhi_report::report::Draft;
use fazhi_report::storage::local::{open_browser_store, LocalStore, OpenState};
use fazhi_report::storage::{DraftStore, StoreError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn throwing_storage_falls_back_to_memory_with_the_reason() {
    js_sys::eval(
        "Object.defineProperty(window, 'localStorage', { configurable: true, \
         get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } })",
    )
    .unwrap();
    assert!(matches!(LocalStore::open(), Err(StoreError::Unavailable(_))));

    let (kv, opened) = open_browser_store();
    let OpenState::Memory(reason) = opened else { panic!("memory, with the reason reported") };
    assert!(reason.message_zh().contains("关闭标签页后将会丢失"));
    // Work goes on in memory.
    let store = DraftStore::new(kv);
    let draft = Draft::new("m", "某局", 2025, 1);
    store.save(&draft).unwrap();
    assert_eq!(store.load("m").unwrap(), Some(draft));
}
