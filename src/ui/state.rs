//! The app's state, shared through context: the screen, the open draft, the
//! save status, the drafts library, and the storage behind them.
//!
//! Edits go through [`AppState::edit`], which marks the draft unsaved and
//! schedules one debounced write; `save_now` flushes (export, pagehide, a
//! screen change). Unlike leptos' todomvc, which only logs storage failures,
//! every failure is kept in `problem` and shown to the user, the text stays in
//! memory, and nothing is overwritten that another tab saved (`conflict`).

use std::time::Duration;

use leptos::prelude::*;

use super::browser::{now_ms, random_u32};
use super::route::{self, Screen};
use crate::report::check::Finding;
use crate::report::deadline::Date;
use crate::report::Draft;
use crate::storage::drafts::new_draft_id;
use crate::storage::history::SnapshotReason;
use crate::storage::local::open_browser_store;
use crate::storage::{DraftStore, DraftSummary, KeyValue, StoreError};

/// Wait this long after the last keystroke before writing to storage.
const SAVE_DEBOUNCE: Duration = Duration::from_millis(500);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// Everything typed is in storage.
    Saved,
    /// An edit is waiting for the debounced write.
    Pending,
    /// The last write failed; `problem` says why.
    Failed,
}

/// A storage problem shown in the warning band, with what the user can do.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub message: String,
    /// The quota is full: offer to free space by thinning the history.
    pub offer_free_space: bool,
}

impl From<&StoreError> for Problem {
    fn from(e: &StoreError) -> Self {
        Problem { message: e.message_zh(), offer_free_space: matches!(e, StoreError::QuotaExceeded) }
    }
}

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
    /// How the .txt export is written (encoding, line endings).
    pub txt_options: RwSignal<crate::report::formats::TxtOptions>,
    /// A field to focus when the next screen opens (a finding's link).
    focus_next: StoredValue<Option<String>>,
    /// Drafts whose check page the author has opened in this session: only
    /// then do parts nobody has started show their findings as badges.
    pub checked: RwSignal<Vec<String>>,
    /// False when localStorage could not be used and drafts live only in this tab.
    pub persistent: bool,
    store: StoredValue<DraftStore<Box<dyn KeyValue>>, LocalStorage>,
    /// The revision of the open draft as last read from or written to storage.
    base_revision: StoredValue<u64>,
    timer: StoredValue<Option<TimeoutHandle>>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Notice {
    pub message: String,
    /// A deleted draft's id, offered for undo.
    pub undo_delete: Option<String>,
    /// Lines listed under the message, each optionally with the id of the
    /// field it is about (a button moves focus there).
    pub details: Vec<(String, Option<&'static str>)>,
    /// A draft just started from last year's report, offered for undo.
    pub undo_start: Option<String>,
}

impl AppState {
    /// Open storage, the library, and the screen named in the address.
    pub fn init() -> Self {
        let (kv, open_error) = open_browser_store();
        let persistent = open_error.is_none();
        let store = DraftStore::new(kv);
        let mut problem = open_error.as_ref().map(Problem::from);
        if problem.is_none() {
            if let Err(e) = store.schema() {
                problem = Some(Problem::from(&e));
            }
        }
        let library = store.list().unwrap_or_default();
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
            txt_options: RwSignal::new(Default::default()),
            checked: RwSignal::new(Vec::new()),
            focus_next: StoredValue::new(None),
            persistent,
            store: StoredValue::new_local(store),
            base_revision: StoredValue::new(0),
            timer: StoredValue::new(None),
        };
        // Opening the app with no drafts at all goes straight to the start
        // screen; the (empty) library stays reachable for 从备份恢复.
        let first = route::current();
        if first == Screen::Library && state.library.with_untracked(|l| l.is_empty()) && state.trash_is_empty() {
            state.go(Screen::New);
        } else {
            state.go(first);
        }
        state
    }

    /// Run something against the store.
    pub fn with_store<R>(self, f: impl FnOnce(&DraftStore<Box<dyn KeyValue>>) -> R) -> R {
        self.store.with_value(f)
    }

    /// Show a screen (and put it in the address so reload returns to it).
    /// Unsaved edits are written first. A draft that cannot be opened leads
    /// back to the library with the reason.
    pub fn go(self, screen: Screen) {
        self.save_now();
        // A notice is about the screen it was given on; one for the new
        // screen is set after this call.
        if screen != self.screen.get_untracked() {
            self.notice.set(None);
        }
        let screen = match screen.draft_id() {
            Some(id) if self.draft.with_untracked(|d| d.as_ref().map(|d| d.id.as_str()) != Some(id)) => {
                match self.with_store(|s| s.load(id)) {
                    Ok(Some(d)) => {
                        self.open_loaded(d);
                        screen
                    }
                    Ok(None) => {
                        self.notice.set(Some(Notice { message: "未找到这份草稿，可能已被删除。".into(), undo_delete: None, ..Default::default() }));
                        Screen::Library
                    }
                    Err(e) => {
                        self.problem.set(Some(Problem::from(&e)));
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

    fn trash_is_empty(self) -> bool {
        self.with_store(|s| s.trash().map(|t| t.is_empty()).unwrap_or(true))
    }

    fn open_loaded(self, d: Draft) {
        self.base_revision.set_value(d.revision);
        self.draft.set(Some(d));
        // The checker (≈ 12 ms on a 30,000-character report in the browser)
        // runs after the screen is built, so opening shows the text first.
        self.findings.set(Vec::new());
        set_timeout(move || self.refresh_findings(), Duration::from_millis(0));
        self.generation.update(|g| *g += 1);
        self.status.set(SaveStatus::Saved);
    }

    /// Create a new draft and open it.
    pub fn create(self, unit: &str, year: i32, unit_kind: Option<crate::report::deadline::UnitKind>, leader_title: &str) {
        let now = now_ms();
        let mut draft = Draft::new(new_draft_id(now, random_u32()), unit, year, now);
        draft.unit_kind = unit_kind;
        draft.leader_title = leader_title.trim().to_string();
        let id = draft.id.clone();
        match self.with_store(|s| s.save(&draft)) {
            Ok(()) => {
                self.refresh_library();
                self.go(Screen::Draft(id));
            }
            Err(e) => {
                // Keep working in memory; the banner says why.
                self.problem.set(Some(Problem::from(&e)));
                self.base_revision.set_value(draft.revision);
                self.draft.set(Some(draft));
                self.status.set(SaveStatus::Failed);
                route::set(&Screen::Draft(id.clone()));
                self.screen.set(Screen::Draft(id));
            }
        }
    }

    /// Make a new draft from an imported text file and open it, telling the
    /// user the encoding found and what the file holds; a file that cannot be
    /// read is explained and nothing changes.
    pub fn import_text(self, file_name: &str, bytes: &[u8]) {
        super::browser::timed("fzbg:import", || self.import_text_timed(file_name, bytes));
    }

    fn import_text_timed(self, file_name: &str, bytes: &[u8]) {
        use crate::report::formats::{import_any, Imported};
        let imported = match import_any(bytes, &super::browser::gb18030) {
            Ok(i) => i,
            Err(message) => {
                self.problem.set(Some(Problem { message: format!("“{file_name}”未能导入：{message}"), offer_free_space: false }));
                return;
            }
        };
        let stem = file_name.split('.').next().unwrap_or(file_name);
        let now = now_ms();
        let id = new_draft_id(now, random_u32());
        let (draft, how, warnings) = match imported {
            Imported::Text(decoded) => {
                let report = crate::report::parse(&decoded.text);
                let draft = Draft::from_report(id, report, stem, super::browser::likely_report_year(), now);
                (draft, format!("编码：{}", decoded.encoding.label_zh()), Vec::new())
            }
            Imported::Docx(docx) => {
                let report = docx.report();
                let draft = Draft::from_report(id, report, stem, super::browser::likely_report_year(), now);
                (draft, "Word 文档".to_string(), docx.warnings)
            }
            Imported::Share(mut shared) => {
                // A share file opens as a draft of its own: never over one here.
                shared.id = id;
                shared.revision = 0;
                shared.edited = now;
                (*shared, "分享文件".to_string(), Vec::new())
            }
        };
        // Parts as the author sees them: thematic measures headings are one part.
        let parts = draft.report.parts();
        let found = match parts.iter().find(|p| p.sections.len() > 1) {
            Some(p) => format!("{} 个部分（“{}”分为 {} 个主题）", parts.len(), p.kind.label(), p.sections.len()),
            None => format!("{} 个部分", parts.len()),
        };
        let missing: Vec<&str> = draft.report.missing().iter().map(|k| k.label()).collect();
        if !self.save_new_and_open(&draft) {
            return;
        }
        let mut message = format!("已导入“{file_name}”（{how}），找到 {found}");
        if missing.is_empty() {
            message.push_str("，规定的五项内容齐全。");
        } else {
            message.push_str(&format!("；缺少：{}。", missing.join("、")));
        }
        for w in warnings {
            message.push_str(&w);
        }
        self.notice.set(Some(Notice { message, undo_delete: None, ..Default::default() }));
    }

    /// Store a draft made from a file and open it. When it cannot be stored
    /// the reason is shown, nothing is opened, and false is returned.
    fn save_new_and_open(self, draft: &Draft) -> bool {
        if let Err(e) = self.with_store(|s| s.save(draft)) {
            self.problem.set(Some(Problem::from(&e)));
            return false;
        }
        self.refresh_library();
        self.go(Screen::Draft(draft.id.clone()));
        true
    }

    /// 从去年的报告开始: a new draft for the year after `last_year`'s, with
    /// its title and preamble carried over (the report's own year moved only
    /// where it names the report's period) or, when last year's parts are not
    /// found, generated; empty sections; and last year's report kept beside
    /// it unchanged (never copied into the new text). The notice lists the
    /// years changed and those left for checking, from the core's summary.
    pub fn start_from_previous(self, source: &str, last_year: &crate::report::Report) {
        let now = now_ms();
        let stem = source.split('.').next().unwrap_or(source);
        let (draft, outcome) =
            Draft::start_from_previous(new_draft_id(now, random_u32()), last_year, stem, super::browser::likely_report_year(), now);
        let plans = draft.previous.as_ref().map_or(0, |p| p.plans.len());
        let last = draft.previous.as_ref().and_then(|p| p.year).map_or_else(|| "去年".to_string(), |y| format!("{y}年度"));
        let year = draft.year;
        if !self.save_new_and_open(&draft) {
            return;
        }
        let mut message = format!("已根据“{source}”新建 {year} 年度报告，各部分为空。");
        let mut details = Vec::new();
        if !outcome.parts_found {
            message.push_str(&format!(
                "未能识别去年报告的各个部分，因此无法生成“去年的安排”清单；新报告的标题和开头段已按本单位和新年度重新生成，去年的全文原样保留在各部分编辑页的“{last}报告全文”折叠栏中，供参考。"
            ));
        } else {
            for sentence in outcome.notes() {
                message.push_str(&sentence);
            }
            // Each change and each year left as written, linked to its field.
            for line in outcome.years.summary() {
                let target = if line.starts_with("标题") { "report-title" } else { "preamble" };
                details.push((line, Some(target)));
            }
            if plans == 0 {
                message.push_str("去年的报告中没有找到“下一年度主要安排”的条目，因此没有生成“去年的安排”清单。");
            } else {
                message.push_str(&format!(
                    "去年报告中的 {plans} 项安排已列入“主要举措和成效”部分的“去年的安排”清单，请逐项标记完成情况。"
                ));
            }
        }
        self.notice.set(Some(Notice { message, details, undo_start: Some(draft.id.clone()), ..Default::default() }));
    }

    /// Focus this field, instead of the heading, when the next screen opens.
    pub fn focus_after(self, field: Option<String>) {
        self.focus_next.set_value(field);
    }

    /// The field a link asked the new screen to focus, once.
    pub fn take_focus_after(self) -> Option<String> {
        self.focus_next.try_update_value(Option::take).flatten()
    }

    /// Undo a start from last year's report: the new draft goes to 最近删除
    /// (nothing is ever destroyed) and the start screen opens again.
    pub fn undo_start(self, id: &str) {
        match self.with_store(|s| s.delete(id)) {
            Ok(_) => {
                self.draft.set(None);
                self.go(Screen::New);
                self.notice.set(Some(Notice {
                    message: "已撤销：刚才新建的报告已移入草稿库的“最近删除”，可以重新选择去年的报告或新建空白报告。".into(),
                    ..Default::default()
                }));
            }
            Err(e) => self.problem.set(Some(Problem::from(&e))),
        }
        self.refresh_library();
    }

    /// Apply an edit to the open draft and schedule a save.
    pub fn edit(self, f: impl FnOnce(&mut Draft)) {
        self.draft.update(|d| {
            if let Some(d) = d {
                f(d);
                d.edited = now_ms();
            }
        });
        self.status.set(SaveStatus::Pending);
        self.schedule_save();
    }

    /// An edit that changes the structure (items added, removed, moved, a
    /// pasted section split): the screen is rebuilt from the model, and focus
    /// is put on `focus_id` afterwards so keyboard users keep their place.
    pub fn restructure(self, focus_id: Option<String>, f: impl FnOnce(&mut Draft)) {
        self.edit(f);
        self.generation.update(|g| *g += 1);
        if let Some(id) = focus_id {
            // After the rebuild has reached the DOM.
            set_timeout(move || super::browser::focus_by_id(&id), Duration::from_millis(0));
        }
    }

    fn schedule_save(self) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(move || self.save_now(), SAVE_DEBOUNCE).ok();
        self.timer.set_value(handle);
    }

    /// Write the open draft now if it has unsaved edits. Never overwrites a
    /// newer revision saved by another tab: that opens the conflict choice.
    pub fn save_now(self) {
        if self.status.get_untracked() == SaveStatus::Saved || self.conflict.with_untracked(|c| c.is_some()) {
            return;
        }
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        self.timer.set_value(None);
        let Some(mut draft) = self.draft.get_untracked() else { return };
        let base = self.base_revision.get_value();
        draft.revision = base + 1;
        let now = now_ms();
        let result = super::browser::timed("fzbg:save", || {
            self.with_store(|s| {
                s.save_if_current(&draft, base)?;
                // History is a bonus: a snapshot that does not fit must not fail the save.
                let _ = s.snapshot_if_due(&draft, now);
                Ok(())
            })
        });
        match result {
            Ok(()) => {
                self.refresh_findings();
                self.base_revision.set_value(draft.revision);
                self.draft.update_untracked(|d| {
                    if let Some(d) = d {
                        d.revision = draft.revision;
                    }
                });
                self.status.set(SaveStatus::Saved);
                if self.persistent {
                    self.problem.set(None);
                }
                self.refresh_library();
            }
            Err(StoreError::Conflict { .. }) => {
                let theirs = self.with_store(|s| s.load(&draft.id)).ok().flatten();
                self.status.set(SaveStatus::Failed);
                self.conflict.set(theirs);
            }
            Err(e) => {
                self.status.set(SaveStatus::Failed);
                self.problem.set(Some(Problem::from(&e)));
            }
        }
    }

    /// Another tab wrote the open draft (a `storage` event). With no unsaved
    /// edits here, show its text and say so; otherwise let the user choose.
    pub fn on_external_change(self, id: &str) {
        let open = self.draft.with_untracked(|d| d.as_ref().is_some_and(|d| d.id == id));
        if !open {
            self.refresh_library();
            return;
        }
        let Ok(Some(theirs)) = self.with_store(|s| s.load(id)) else { return };
        if theirs.revision == self.base_revision.get_value() {
            return;
        }
        if self.status.get_untracked() == SaveStatus::Saved {
            self.open_loaded(theirs);
            self.notice.set(Some(Notice {
                message: "这份草稿刚在另一个标签页中被修改，本页已显示最新内容。".into(),
                undo_delete: None,
                ..Default::default()
            }));
        } else {
            self.status.set(SaveStatus::Failed);
            self.conflict.set(Some(theirs));
        }
        self.refresh_library();
    }

    /// Conflict resolved by taking the other tab's text; ours goes to history.
    pub fn take_theirs(self) {
        let Some(theirs) = self.conflict.get_untracked() else { return };
        if let Some(mine) = self.draft.get_untracked() {
            let _ = self.with_store(|s| s.snapshot(&mine, SnapshotReason::BeforeConflict, now_ms()));
        }
        self.conflict.set(None);
        self.open_loaded(theirs);
        self.notice.set(Some(Notice { message: "已采用另一标签页的内容；本页原来的内容已存入“历史版本”。".into(), undo_delete: None, ..Default::default() }));
    }

    /// Conflict resolved by keeping our text; theirs is kept as a copy.
    pub fn keep_mine(self) {
        let Some(mut theirs) = self.conflict.get_untracked() else { return };
        let stored_revision = theirs.revision;
        let now = now_ms();
        theirs.id = new_draft_id(now, random_u32());
        theirs.name = format!("{}（另一标签页的版本）", theirs.display_name());
        theirs.revision = 0;
        if let Err(e) = self.with_store(|s| s.save(&theirs)) {
            self.problem.set(Some(Problem::from(&e)));
            return;
        }
        self.conflict.set(None);
        self.base_revision.set_value(stored_revision);
        self.status.set(SaveStatus::Pending);
        self.save_now();
        self.notice.set(Some(Notice { message: "已保留本页内容；另一标签页的内容已另存为副本，可在草稿库中找到。".into(), undo_delete: None, ..Default::default() }));
    }

    /// Read a colleague's file (.txt in any encoding, .docx or a share file)
    /// as a report to merge. On failure the reason is shown and `None` returned.
    pub fn read_report_file(self, file_name: &str, bytes: &[u8]) -> Option<crate::report::Report> {
        use crate::report::formats::{import_any, Imported};
        match import_any(bytes, &super::browser::gb18030) {
            Ok(Imported::Text(decoded)) => Some(crate::report::parse(&decoded.text)),
            Ok(Imported::Docx(docx)) => Some(docx.report()),
            Ok(Imported::Share(draft)) => Some(draft.report),
            Err(message) => {
                self.problem.set(Some(Problem { message: format!("“{file_name}”未能读取：{message}"), offer_free_space: false }));
                None
            }
        }
    }

    /// Replace the open draft's report with a merged one and show the task
    /// list. The draft as it was goes to its history first; if that cannot be
    /// written nothing changes.
    pub fn apply_merge(self, merged: crate::report::Report, file_name: &str) -> bool {
        self.save_now();
        let Some(mine) = self.draft.get_untracked() else { return false };
        if let Err(e) = self.with_store(|s| s.snapshot(&mine, SnapshotReason::BeforeMerge, now_ms())) {
            let mut problem = Problem::from(&e);
            problem.message = format!("未能保存合并前的版本，合并没有进行，草稿保持原样。{}", problem.message);
            self.problem.set(Some(problem));
            return false;
        }
        self.edit(|d| d.report = merged);
        self.save_now();
        self.generation.update(|g| *g += 1);
        self.go(Screen::Draft(mine.id.clone()));
        self.notice.set(Some(Notice {
            message: format!("已合并“{file_name}”中的修改。合并前的内容已存入“历史版本”，如需可随时恢复。"),
            undo_delete: None,
            ..Default::default()
        }));
        true
    }

    /// Run the checker on the open draft.
    pub fn refresh_findings(self) {
        let today = Date::from_unix_ms_china(now_ms());
        let findings = self.draft.with_untracked(|d| {
            d.as_ref().map(|d| super::browser::timed("fzbg:check", || d.check(today))).unwrap_or_default()
        });
        self.findings.set(findings);
    }

    pub fn refresh_library(self) {
        let list = self.with_store(|s| s.list());
        match list {
            Ok(list) => self.library.set(list),
            Err(e) => self.problem.set(Some(Problem::from(&e))),
        }
    }

    /// Move a draft to the trash, with an undo offer.
    pub fn delete(self, id: &str) {
        match self.with_store(|s| {
            if let Ok(Some(d)) = s.load(id) {
                let _ = s.snapshot(&d, SnapshotReason::BeforeDelete, now_ms());
            }
            s.delete(id)
        }) {
            Ok(Some(d)) => self.notice.set(Some(Notice {
                message: format!("已删除“{}”。", d.display_name()),
                undo_delete: Some(d.id),
                ..Default::default()
            })),
            Ok(None) => {}
            Err(e) => self.problem.set(Some(Problem::from(&e))),
        }
        self.refresh_library();
    }

    pub fn undo_delete(self, id: &str) {
        match self.with_store(|s| s.restore_deleted(id)) {
            Ok(_) => self.notice.set(Some(Notice { message: "已恢复。".into(), undo_delete: None, ..Default::default() })),
            Err(e) => self.problem.set(Some(Problem::from(&e))),
        }
        self.refresh_library();
    }

    /// Copy a draft under a new id.
    pub fn duplicate(self, id: &str) {
        let now = now_ms();
        let result = self.with_store(|s| -> Result<(), StoreError> {
            let Some(mut d) = s.load(id)? else {
                self.notice.set(Some(Notice { message: "未找到这份草稿，可能已在其他标签页中删除。草稿库已更新。".into(), undo_delete: None, ..Default::default() }));
                return Ok(());
            };
            {
                d.name = format!("{}（副本）", d.display_name());
                d.id = new_draft_id(now, random_u32());
                d.revision = 0;
                d.created = now;
                d.edited = now;
                s.save(&d)?;
            }
            Ok(())
        });
        if let Err(e) = result {
            self.problem.set(Some(Problem::from(&e)));
        }
        self.refresh_library();
    }

    pub fn rename(self, id: &str, name: &str) {
        let result = self.with_store(|s| -> Result<(), StoreError> {
            if let Some(mut d) = s.load(id)? {
                d.name = name.trim().to_string();
                d.revision += 1;
                s.save(&d)?;
            }
            Ok(())
        });
        if let Err(e) = result {
            self.problem.set(Some(Problem::from(&e)));
        }
        self.refresh_library();
    }

    /// Replace the open draft's text with a snapshot from its history.
    pub fn restore_snapshot(self, index: usize) {
        self.save_now();
        let Some(d) = self.draft.get_untracked() else { return };
        match self.with_store(|s| s.restore_snapshot(&d, index, now_ms())) {
            Ok(restored) => {
                self.open_loaded(restored);
                self.refresh_library();
                self.go(Screen::Draft(d.id));
                self.notice.set(Some(Notice { message: "已恢复所选版本；恢复前的内容已存入历史版本。".into(), undo_delete: None, ..Default::default() }));
            }
            Err(e) => self.problem.set(Some(Problem::from(&e))),
        }
    }

    /// Free space by keeping only the two newest snapshots of each draft,
    /// then retry the save that failed.
    pub fn free_space(self) {
        match self.with_store(|s| s.prune_history(2)) {
            Ok(freed) => {
                self.problem.set(None);
                self.notice.set(Some(Notice {
                    message: format!("已清理较早的历史版本，释放约 {} KB 空间。", freed * 2 / 1024),
                    undo_delete: None,
                    ..Default::default()
                }));
                if self.status.get_untracked() == SaveStatus::Failed {
                    self.status.set(SaveStatus::Pending);
                    self.save_now();
                }
            }
            Err(e) => self.problem.set(Some(Problem::from(&e))),
        }
    }
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
