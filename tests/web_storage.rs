//! Browser-API tests for the drafts store on real localStorage, run by
//! wasm-bindgen-test in headless Chromium (scripts/test.sh).
#![cfg(target_arch = "wasm32")]

use fazhi_report::report::Draft;
use fazhi_report::storage::local::{map_js_error, LocalStore, Opened};
use fazhi_report::storage::{DraftStore, KeyValue, StoreError};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use web_sys::DomException;

wasm_bindgen_test_configure!(run_in_browser);

fn clear() {
    web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
}

/// localStorage with room to write.
fn ready() -> LocalStore {
    match LocalStore::open().unwrap() {
        Opened::Ready(store) => store,
        Opened::Full(_) => panic!("storage is full"),
    }
}

#[wasm_bindgen_test]
fn storage_full_to_the_last_byte_opens_as_the_real_store() {
    clear();
    let draft = Draft::new("full-1", "某某区司法局", 2025, 1_700_000_000_000);
    DraftStore::new(ready()).save(&draft).unwrap();
    // Another page of the origin fills what is left, down to the last unit.
    let filled = js_sys::eval(
        "(() => { let n = 0;            for (let size = 1 << 20; size >= 1; size >>= 1) {              for (;;) { try { localStorage.setItem('other/' + n++, 'x'.repeat(size)); } catch { break; } } }            for (let c = 0x4e00; c < 0x5e00; c++) { try { localStorage.setItem(String.fromCharCode(c), ''); } catch { break; } }            try { localStorage.setItem('p', ''); return false; } catch { return true; } })()",
    )
    .unwrap();
    assert_eq!(filled.as_bool(), Some(true), "not one unit free");
    let Opened::Full(store) = LocalStore::open().unwrap() else { panic!("opened as full") };
    let store = DraftStore::new(store);
    assert_eq!(store.list().unwrap().len(), 1, "the draft is listed");
    assert_eq!(store.load("full-1").unwrap(), Some(draft));
    clear();
}

#[wasm_bindgen_test]
fn draft_survives_a_new_store_instance() {
    clear();
    let mut draft = Draft::new("d1", "某某区司法局", 2025, 1_700_000_000_000);
    draft.report.sections[0].set_body_text("1. 完善制度。一是修订规范性文件3件。");
    DraftStore::new(ready()).save(&draft).unwrap();

    // A second store over the same localStorage, as after a page reload.
    let reopened = DraftStore::new(ready());
    assert_eq!(reopened.load("d1").unwrap(), Some(draft.clone()));
    assert_eq!(reopened.latest().unwrap().map(|d| d.id), Some("d1".to_string()));
    let list = reopened.list().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].unit, "某某区司法局");
    clear();
}

#[wasm_bindgen_test]
fn keys_lists_what_was_written_and_remove_deletes() {
    clear();
    let store = ready();
    store.set("fazhi-report/a", "甲").unwrap();
    store.set("other-app/b", "乙").unwrap();
    let mut keys = store.keys().unwrap();
    keys.sort();
    assert_eq!(keys, vec!["fazhi-report/a".to_string(), "other-app/b".to_string()]);
    store.remove("fazhi-report/a").unwrap();
    assert_eq!(store.get("fazhi-report/a").unwrap(), None);
    assert_eq!(store.get("other-app/b").unwrap().as_deref(), Some("乙"));
    clear();
}

#[wasm_bindgen_test]
fn get_head_returns_the_head_of_a_value_and_none_when_absent() {
    clear();
    let store = ready();
    let long = format!("{{\"id\":\"d1\",\"revision\":7,\"text\":\"{}\"}}", "依法行政".repeat(10_000));
    store.set("fazhi-report/long", &long).unwrap();
    let head = store.get_head("fazhi-report/long", 300).unwrap().unwrap();
    assert_eq!(head.encode_utf16().count(), 300);
    assert!(long.starts_with(&head));
    assert_eq!(store.get_head("fazhi-report/short", 300).unwrap(), None);
    store.set("fazhi-report/short", "甲乙").unwrap();
    assert_eq!(store.get_head("fazhi-report/short", 300).unwrap().as_deref(), Some("甲乙"));
    // The revision check behind each autosave reads it off the head.
    let mut draft = Draft::new("h1", "某某区司法局", 2025, 1_700_000_000_000);
    draft.report.sections[0].set_body_text(&"1. 完善制度。".repeat(5_000));
    draft.revision = 41;
    let drafts = DraftStore::new(ready());
    drafts.save(&draft).unwrap();
    assert!(matches!(drafts.save_edit(&Draft { revision: 43, ..draft.clone() }, 40, 1), Err(StoreError::Conflict { stored_revision: 41 })));
    assert!(drafts.save_edit(&Draft { revision: 42, ..draft }, 41, 1).is_ok());
    clear();
}

/// Fill localStorage until the browser refuses: the refusal must come back as
/// QuotaExceeded (so the app can say 空间已满), and what was stored before is intact.
#[wasm_bindgen_test]
fn a_full_quota_is_reported_as_quota_exceeded_and_keeps_earlier_data() {
    clear();
    let store = ready();
    store.set("fazhi-report/keep", "已保存的草稿").unwrap();
    let chunk = "满".repeat(512 * 1024);
    let mut error = None;
    for i in 0..64 {
        if let Err(e) = store.set(&format!("filler/{i}"), &chunk) {
            error = Some(e);
            break;
        }
    }
    assert_eq!(error, Some(StoreError::QuotaExceeded));
    assert_eq!(store.get("fazhi-report/keep").unwrap().as_deref(), Some("已保存的草稿"));
    clear();
}

#[wasm_bindgen_test]
fn browser_errors_map_to_what_we_tell_the_user() {
    let security = DomException::new_with_message_and_name("denied", "SecurityError").unwrap();
    assert!(matches!(map_js_error(JsValue::from(security)), StoreError::Unavailable(_)));
    let quota = DomException::new_with_message_and_name("full", "QuotaExceededError").unwrap();
    assert_eq!(map_js_error(JsValue::from(quota)), StoreError::QuotaExceeded);
    assert!(matches!(map_js_error(JsValue::from_str("odd")), StoreError::Unavailable(_)));
}

#[wasm_bindgen_test]
fn corrupted_json_is_quarantined_and_the_rest_loads() {
    clear();
    let store = DraftStore::new(ready());
    store.save(&Draft::new("good", "完好局", 2025, 1)).unwrap();
    store.kv().set("fazhi-report/draft/bad", "{\"id\":\"bad\",").unwrap();
    store.kv().set("fazhi-report/index", "not json").unwrap();
    assert!(matches!(store.load("bad"), Err(StoreError::Corrupt { .. })));
    let ids: Vec<_> = store.list().unwrap().into_iter().map(|s| s.id).collect();
    assert_eq!(ids, vec!["good".to_string()]);
    assert_eq!(store.unreadable().unwrap(), vec![("fazhi-report/draft/bad".to_string(), "{\"id\":\"bad\",".to_string())]);
    clear();
}

#[wasm_bindgen_test]
fn an_unknown_newer_schema_is_left_untouched() {
    clear();
    let store = DraftStore::new(ready());
    store.kv().set("fazhi-report/schema", "7").unwrap();
    store.kv().set("fazhi-report/draft/x", "{\"from\":\"the future\"}").unwrap();
    let err = store.save(&Draft::new("x", "某局", 2025, 1)).unwrap_err();
    assert_eq!(err, StoreError::NewerSchema { found: 7, supported: 1 });
    assert_eq!(store.kv().get("fazhi-report/draft/x").unwrap().as_deref(), Some("{\"from\":\"the future\"}"));
    clear();
}

#[wasm_bindgen_test]
fn two_writers_on_one_draft_never_overwrite_silently() {
    clear();
    let tab_a = DraftStore::new(ready());
    let tab_b = DraftStore::new(ready());
    let mut mine = Draft::new("d", "某局", 2025, 1);
    tab_a.save(&mine).unwrap();
    let mut theirs = tab_b.load("d").unwrap().unwrap();
    theirs.report.sections[0].set_body_text("乙页的内容");
    theirs.revision = 1;
    tab_b.save_if_current(&theirs, 0).unwrap();
    mine.report.sections[0].set_body_text("甲页的内容");
    mine.revision = 1;
    assert_eq!(tab_a.save_if_current(&mine, 0), Err(StoreError::Conflict { stored_revision: 1 }));
    assert_eq!(tab_a.load("d").unwrap(), Some(theirs));
    clear();
}
