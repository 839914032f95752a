//! The app's reactive shell, shared through context: the screen, the open
//! draft, the save status, the drafts library and the messages shown. What
//! an action does to drafts is `crate::session` (plain Rust, tested
//! natively); this file turns its outcomes into signals, runs the debounce
//! timer and moves between screens. Edits and the debounced write are in
//! `autosave.rs`, the two-tab roles in `tabs.rs`, the actions on drafts
//! (library, history, import, merge) in `actions.rs`.

use std::time::Duration;

use leptos::prelude::*;

use super::browser::{now_ms, random_u32};
use super::route::{self, Screen};
use super::tabs::TabRole;
pub use super::autosave::SaveStatus;
use crate::report::check::{Finding, SetAside};
use crate::report::Draft;
use crate::session::Session;
pub use crate::session::{Notice, Problem};
use crate::storage::local::{open_browser_store, OpenState};
use crate::storage::{DraftSummary, KeyValue};

#[derive(Clone, Copy)]
pub struct AppState {
    pub screen: RwSignal<Screen>,
    pub draft: RwSignal<Option<Draft>>,
    /// Bumped whenever the open draft is replaced from outside the editor
    /// (another tab's text, a restored version), so the editor re-reads it.
    pub generation: RwSignal<u64>,
    pub status: RwSignal<SaveStatus>,
    pub problem: RwSignal<Option<Problem>>,
    /// A short confirmation with an optional undo (e.g. after a delete).
    pub notice: RwSignal<Option<Notice>>,
    /// Another tab saved the open draft while this one had unsaved edits.
    pub conflict: RwSignal<Option<Draft>>,
    pub library: RwSignal<Vec<DraftSummary>>,
    /// The checker's findings for the open draft, refreshed after each
    /// debounced save (never on the keystroke itself).
    pub findings: RwSignal<Vec<Finding>>,
    /// Findings the author set aside (忽略) whose text has not changed since:
    /// out of the counts and badges, listed under 已忽略 on the check page.
    pub set_aside: RwSignal<Vec<(Finding, SetAside)>>,
    /// How the .txt export is written (encoding, line endings).
    pub txt_options: RwSignal<crate::report::formats::TxtOptions>,
    /// The .docx closing: with or without the seal (GB/T 9704 §7.3.5).
    pub seal: RwSignal<crate::report::formats::Seal>,
    /// A field to focus when the next screen opens (a finding's link).
    pub(super) focus_next: StoredValue<Option<String>>,
    /// Drafts whose check page the author has opened in this session: only
    /// then do parts nobody has started show their findings as badges.
    pub checked: RwSignal<Vec<String>>,
    /// False when localStorage could not be used and drafts live only in this tab.
    pub persistent: bool,
    session: StoredValue<Session<Box<dyn KeyValue>>, LocalStorage>,
    pub(super) timer: StoredValue<Option<TimeoutHandle>>,
    /// When the oldest unsaved edit was made (None: nothing unsaved).
    pub(super) pending_since: StoredValue<Option<f64>>,
    /// Whether this tab edits the open draft or follows another tab.
    pub tab_role: RwSignal<TabRole>,
}

impl AppState {
    /// Open storage, the library, and the screen named in the address.
    pub fn init() -> Self {
        let (kv, opened) = open_browser_store();
        let session = Session::new(kv, random_u32);
        let problem = match &opened {
            OpenState::Memory(e) => Some(Problem::from(e)),
            OpenState::Full => Some(session.storage_full()),
            OpenState::Ready => None,
        }
        .or_else(|| session.schema_problem());
        let library = session.list().unwrap_or_default();
        let state = AppState {
            screen: RwSignal::new(Screen::Library),
            draft: RwSignal::new(None),
            generation: RwSignal::new(0),
            status: RwSignal::new(SaveStatus::Saved),
            problem: RwSignal::new(problem),
            notice: RwSignal::new(None),
            conflict: RwSignal::new(None),
            library: RwSignal::new(library),
            findings: RwSignal::new(Vec::new()),
            set_aside: RwSignal::new(Vec::new()),
            txt_options: RwSignal::new(Default::default()),
            seal: RwSignal::new(Default::default()),
            checked: RwSignal::new(Vec::new()),
            focus_next: StoredValue::new(None),
            persistent: !matches!(opened, OpenState::Memory(_)),
            session: StoredValue::new_local(session),
            timer: StoredValue::new(None),
            pending_since: StoredValue::new(None),
            tab_role: RwSignal::new(TabRole::Editing),
        };
        // Opening the app with no drafts at all goes straight to the start
        // screen; the (empty) library stays reachable for 从备份恢复.
        let first = route::current();
        if first == Screen::Library && state.library.with_untracked(|l| l.is_empty()) && state.session(|s| s.trash().is_empty()) {
            state.go(Screen::New);
        } else {
            state.go(first);
        }
        state
    }

    /// Run a session action. Its outcome is applied to signals only after
    /// this returns, so no effect can reach the session while it is in use.
    pub(super) fn session<R>(self, f: impl FnOnce(&Session<Box<dyn KeyValue>>) -> R) -> R {
        self.session.with_value(f)
    }

    /// Show a screen (and put it in the address so reload returns to it).
    /// Unsaved edits are written first. A draft that cannot be opened leads
    /// back to the library with the reason.
    pub fn go(self, screen: Screen) {
        self.save_now();
        let leaving = self.draft.with_untracked(|d| d.as_ref().map(|d| d.id.clone())).filter(|id| screen.draft_id() != Some(id.as_str()));
        if let Some(id) = leaving {
            self.session(|s| s.release(&id));
            self.tab_role.set(TabRole::Editing);
        }
        // A notice is about the screen it was given on; one for the new
        // screen is set after this call.
        if screen != self.screen.get_untracked() {
            self.notice.set(None);
        }
        let screen = match screen.draft_id() {
            Some(id) if self.draft.with_untracked(|d| d.as_ref().map(|d| d.id.as_str()) != Some(id)) => {
                match self.session(|s| s.open(id)) {
                    Ok(d) => {
                        let id = d.id.clone();
                        self.show(d);
                        self.take_over(&id);
                        screen
                    }
                    Err(message) => {
                        self.tell(message);
                        Screen::Library
                    }
                }
            }
            _ => screen,
        };
        if screen.draft_id().is_none() {
            self.draft.set(None);
        }
        if screen == Screen::Library {
            // Another tab, or a page that bypassed the app, may have changed storage.
            self.refresh_library();
        }
        if route::current() != screen {
            // A button, not a link: remember where this screen was scrolled.
            super::browser::remember_scroll();
        }
        route::set(&screen);
        self.screen.set(screen);
    }

    /// Make `d` the open draft, everything in it saved.
    pub(super) fn show(self, d: Draft) {
        if let Some(problem) = crate::session::read_only(&d) {
            self.problem.set(Some(problem));
        }
        self.draft.set(Some(d));
        // The checker (≈ 12 ms on a 30,000-character report in the browser)
        // runs after the screen is built, so opening shows the text first.
        self.findings.set(Vec::new());
        self.set_aside.set(Vec::new());
        set_timeout(
            move || {
                self.refresh_findings();
                // Then the save path once, on a copy in memory: the first
                // autosave is then as quick as the others (issue #20).
                self.draft.with_untracked(|d| d.as_ref().map(|d| super::browser::timed("fzbg:warm", || self.session(|s| s.warm(d, now_ms())))));
            },
            Duration::from_millis(0),
        );
        self.generation.update(|g| *g += 1);
        self.status.set(SaveStatus::Saved);
    }

    pub fn refresh_library(self) {
        match self.session(|s| s.list()) {
            Ok(list) => self.library.set(list),
            Err(problem) => self.problem.set(Some(problem)),
        }
    }
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
