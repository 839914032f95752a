//! Property: random sequences of edit / save / crash between writes / reload /
//! snapshot / restore never lose acknowledged text. A save is acknowledged
//! when it returned Ok; after any crash and reload the draft reads back as the
//! last acknowledged text or a later one that was being written.

use fazhi_report::report::{render, Draft};
use fazhi_report::storage::history::SnapshotReason;
use fazhi_report::storage::memory::MemoryStore;
use fazhi_report::storage::DraftStore;
use proptest::prelude::*;

#[derive(Clone, Debug)]
enum Op {
    Edit(String),
    Save,
    /// A save during which the tab dies after `n` storage writes; then reload.
    CrashDuringSave(usize),
    Reload,
    Snapshot,
    Restore(usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => "[甲乙丙丁一二三。，a-z0-9\n]{0,24}".prop_map(Op::Edit),
        3 => Just(Op::Save),
        2 => (0usize..4).prop_map(Op::CrashDuringSave),
        1 => Just(Op::Reload),
        1 => Just(Op::Snapshot),
        1 => (0usize..25).prop_map(Op::Restore),
    ]
}

/// The tab: its in-memory draft and the revision it last saw in storage.
struct Tab {
    draft: Draft,
    base: u64,
}

fn save(store: &DraftStore<&MemoryStore>, tab: &mut Tab) -> bool {
    tab.draft.revision = tab.base + 1;
    if store.save_if_current(&tab.draft, tab.base).is_ok() {
        tab.base = tab.draft.revision;
        true
    } else {
        tab.draft.revision = tab.base;
        false
    }
}

fn reload(store: &DraftStore<&MemoryStore>) -> Tab {
    let draft = store.latest().unwrap().expect("the draft is never lost");
    Tab { base: draft.revision, draft }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..ProptestConfig::default() })]

    #[test]
    fn no_acknowledged_text_is_lost(ops in prop::collection::vec(op(), 1..16)) {
        let kv = MemoryStore::new();
        let store = DraftStore::new(&kv);
        let mut tab = Tab { draft: Draft::new("d", "某某局", 2025, 0), base: 0 };
        prop_assert!(store.save(&tab.draft).is_ok());
        let mut acked = render(&tab.draft.report);
        // Texts that were being written when a save failed: storage may hold one of them.
        let mut in_flight: Vec<String> = Vec::new();

        for op in ops {
            match op {
                Op::Edit(text) => tab.draft.report.sections[0].set_body_text(&text),
                Op::Save => {
                    let text = render(&tab.draft.report);
                    if save(&store, &mut tab) {
                        acked = text;
                        in_flight.clear();
                    }
                }
                Op::CrashDuringSave(writes) => {
                    let text = render(&tab.draft.report);
                    kv.crash_after(writes);
                    let ok = save(&store, &mut tab);
                    kv.recover();
                    if ok {
                        acked = text;
                        in_flight.clear();
                    } else {
                        in_flight.push(text);
                    }
                    tab = reload(&store);
                    let got = render(&tab.draft.report);
                    prop_assert!(got == acked || in_flight.contains(&got), "lost text: got {got:?}, acked {acked:?}");
                    // Whatever storage holds now is what the user sees and builds on.
                    acked = got;
                    in_flight.clear();
                }
                Op::Reload => {
                    tab = reload(&store);
                    prop_assert_eq!(render(&tab.draft.report), acked.clone());
                }
                Op::Snapshot => {
                    prop_assert!(store.snapshot(&tab.draft, SnapshotReason::Interval, 1).is_ok());
                }
                Op::Restore(i) => {
                    let stored = store.load("d").unwrap().unwrap();
                    let count = store.snapshots("d").unwrap().len();
                    if count > 0 && stored.revision == tab.base {
                        let restored = store.restore_snapshot(&stored, i % count, 2).unwrap();
                        // The replaced text is kept in history.
                        let history = store.snapshots("d").unwrap();
                        prop_assert_eq!(&history.last().unwrap().text, &render(&stored.report));
                        acked = render(&restored.report);
                        tab = Tab { base: restored.revision, draft: restored };
                    }
                }
            }
        }
        prop_assert_eq!(render(&reload(&store).draft.report), acked);
    }
}
