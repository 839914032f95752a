//! Two tabs on one draft (issue 21): one edits, the other follows; taking
//! over hands the last unsaved edits across, so two tabs typing in turn
//! leave every fragment in the draft, no conflict and no copy. Each tab is
//! a `Session` over the same storage, driven the way `ui::state` drives it,
//! with the `storage` events delivered by hand in the order they were written.

use std::cell::Cell;

use fazhi_report::report::Draft;
use fazhi_report::session::tabs::{Claim, Lease};
use fazhi_report::session::{External, Saved, Session};
use fazhi_report::storage::instrument::FailingWrite;
use fazhi_report::storage::memory::MemoryStore;
use fazhi_report::storage::KeyValue;

const NOW: i64 = 1_770_700_000_000;

#[derive(Debug, PartialEq, Clone, Copy)]
enum Role {
    Editing,
    Waiting,
    Following,
}

struct Tab<K: KeyValue> {
    s: Session<K>,
    shown: Option<Draft>,
    unsaved: bool,
    role: Role,
}

fn tab<K: KeyValue>(kv: K, seed: u32) -> Tab<K> {
    let n = Cell::new(seed);
    let s = Session::new(kv, move || {
        n.set(n.get().wrapping_mul(1_103_515_245).wrapping_add(12_345));
        n.get()
    });
    Tab { s, shown: None, unsaved: false, role: Role::Editing }
}

impl<K: KeyValue> Tab<K> {
    fn id(&self) -> String {
        self.shown.as_ref().unwrap().id.clone()
    }
    fn open(&mut self, id: &str) {
        self.shown = Some(self.s.open(id).unwrap());
        self.unsaved = false;
        self.take_over();
    }
    /// 在此标签页编辑 (and what opening does).
    fn take_over(&mut self) {
        self.role = match self.s.claim(&self.id()) {
            Claim::Edit => Role::Editing,
            Claim::Wait => Role::Waiting,
        };
    }
    /// A keystroke: refused unless this tab edits.
    fn type_text(&mut self, text: &str) -> bool {
        if self.role != Role::Editing {
            return false;
        }
        let d = self.shown.as_mut().unwrap();
        let body = format!("{}{text}", d.report.sections[0].body_text());
        d.report.sections[0].set_body_text(&body);
        self.unsaved = true;
        true
    }
    fn save(&mut self, now: i64) {
        if !self.unsaved {
            return;
        }
        match self.s.save(self.shown.as_ref().unwrap(), now) {
            Saved::Stored(e) => {
                self.shown.as_mut().unwrap().revision = e.revision;
                self.unsaved = false;
            }
            other => panic!("save: {other:?}"),
        }
    }
    /// The `storage` event for the editor key.
    fn on_lease(&mut self, now: i64) {
        let id = self.id();
        if self.role == Role::Editing && self.s.lease_changed(&id, Some(&id)) == Lease::Lost {
            self.save(now);
            self.s.hand_over(&id);
            self.role = Role::Following;
        }
    }
    /// The `storage` event for the draft key.
    fn on_draft(&mut self) {
        let id = self.id();
        match self.s.external_change(&id, self.shown.as_ref(), self.unsaved) {
            External::Follow(theirs, _) => self.shown = Some(theirs),
            External::Conflict(_) => panic!("a conflict"),
            External::Nothing | External::Library => {}
        }
    }
    /// The `storage` event for the hand-over key.
    fn on_handover(&mut self) {
        if self.role == Role::Waiting && self.s.handed_over(&self.id()) {
            self.role = Role::Editing;
        }
    }
}

/// Every event a tab would get from another's writes, in write order.
fn deliver<K: KeyValue>(to: &mut Tab<K>, now: i64) {
    to.on_lease(now);
    to.on_draft();
    to.on_handover();
}

#[test]
fn two_tabs_typing_in_turn_every_200_ms_leave_every_fragment_and_no_copy() {
    let kv = MemoryStore::new();
    let mut a = tab(&kv, 1);
    let mut b = tab(&kv, 2);
    let (d, _) = a.s.create("甲局", 2025, None, "", NOW);
    a.open(&d.id);
    assert_eq!(a.role, Role::Editing);
    b.open(&d.id);
    assert_eq!(b.role, Role::Waiting, "A was editing");
    assert!(!b.type_text("x"), "no keystroke before the hand-over");
    deliver(&mut a, NOW);
    assert_eq!(a.role, Role::Following);
    deliver(&mut b, NOW);
    assert_eq!(b.role, Role::Editing);

    let mut fragments = Vec::new();
    let mut now = NOW;
    for i in 0..32 {
        now += 200;
        let frag = format!("第{i}段。");
        let (me, other) = if i % 2 == 0 { (&mut a, &mut b) } else { (&mut b, &mut a) };
        if me.role != Role::Editing {
            me.take_over();
            assert_eq!(me.role, Role::Waiting);
            // The old editor has typed since its last save: the hand-over
            // writes it before the new editor may type.
            deliver(other, now);
            assert_eq!(other.role, Role::Following);
            deliver(me, now);
            assert_eq!(me.role, Role::Editing);
        }
        // Fragments land in a tab that has not saved yet (the autosave waits
        // 500 ms): only every other turn saves before the next takes over.
        assert!(me.type_text(&frag));
        if i % 4 == 3 {
            me.save(now);
            deliver(other, now);
        }
        fragments.push(frag);
    }
    let last = if a.role == Role::Editing { &mut a } else { &mut b };
    last.save(now + 500);
    let stored = a.s.open(&d.id).unwrap();
    assert_eq!(stored.report.sections[0].body_text(), fragments.concat(), "every fragment, in order");
    assert_eq!(a.s.list().unwrap().len(), 1, "no copy");
}

#[test]
fn a_tab_that_reopens_its_own_draft_or_finds_it_free_edits_at_once() {
    let kv = MemoryStore::new();
    let mut a = tab(&kv, 1);
    let (d, _) = a.s.create("甲局", 2025, None, "", NOW);
    a.open(&d.id);
    a.open(&d.id);
    assert_eq!(a.role, Role::Editing, "its own claim");
    // Leaving the draft frees it: the next tab does not wait.
    a.s.release(&d.id);
    let mut b = tab(&kv, 2);
    b.open(&d.id);
    assert_eq!(b.role, Role::Editing);
    // A tab that does not hold it cannot free it for another.
    a.s.release(&d.id);
    let mut c = tab(&kv, 3);
    c.open(&d.id);
    assert_eq!(c.role, Role::Waiting, "B still edits");
}

#[test]
fn a_full_storage_cannot_carry_the_claim_and_the_tab_edits_as_before() {
    let kv = FailingWrite::new(MemoryStore::new());
    let mut a = tab(&kv, 1);
    let (d, _) = a.s.create("甲局", 2025, None, "", NOW);
    a.open(&d.id);
    let mut b = tab(&kv, 2);
    b.shown = Some(b.s.open(&d.id).unwrap());
    kv.fail_write(1);
    b.take_over();
    assert_eq!(b.role, Role::Editing, "no claim written, no wait for a hand-over that cannot come");
    // And A, never told, keeps editing: the revision check still guards.
    assert_eq!(a.s.lease_changed(&d.id, Some(&d.id)), Lease::Nothing);
}

#[test]
fn storage_of_a_newer_version_gets_no_claim_written() {
    use fazhi_report::storage::drafts::SCHEMA_KEY;
    let kv = MemoryStore::new();
    let a = tab(&kv, 1);
    let (d, _) = a.s.create("甲局", 2025, None, "", NOW);
    kv.set(SCHEMA_KEY, "99").unwrap();
    let before = kv.keys().unwrap();
    assert_eq!(a.s.claim(&d.id), Claim::Edit);
    assert_eq!(kv.keys().unwrap(), before, "nothing written");
}
