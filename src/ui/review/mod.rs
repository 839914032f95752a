//! 审阅多份报告: the reviewer's desk. This file is its reactive shell — the
//! desk (`report::review::desk`, plain Rust) in a signal, loaded from storage
//! on first visit and autosaved through `session::review`, and the reading of
//! many picked files in chunks that yield to the page, with a progress bar.
//! The screens are `desk_page.rs` (the table), `table.rs`, `pair_page.rs`
//! and `report_page.rs`.

mod desk_page;
mod pair_page;
mod report_page;
mod table;

use std::time::Duration;

use leptos::prelude::*;

use super::browser::{download, gb18030, next_tick, now_ms, read_file_bytes};
use super::state::AppState;
use crate::report::deadline::Date;
use crate::report::formats::{FormatError, MAX_IMPORT_BYTES};
use crate::report::review::desk::{Desk, FileRecord};
use crate::report::review::copying::Search;
use crate::report::review::{read_entry, Entry};
use crate::session::review::{not_kept_message, Followed, ReviewKeeper, REVIEW_KEY};
use crate::session::Problem;

pub use desk_page::ReviewDesk;
pub use pair_page::ReviewPair;
pub use report_page::ReviewReport;

/// Wait this long after the last keystroke in an opinion before writing.
const SAVE_DEBOUNCE: Duration = Duration::from_millis(500);
/// How long another tab's writes must have stopped before the desk is read again.
const RELOAD_QUIET: Duration = Duration::from_millis(800);
/// Work this long at most before letting the page paint and answer input.
const SLICE_MS: f64 = 25.0;
/// Elements the comparison looks at between two looks at the clock (a
/// few tenths of a millisecond of work).
const COMPARE_WORK: usize = 20_000;

/// What the desk is busy with, shown with a progress bar.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Progress {
    /// 正在读取并检查 / 正在比对各报告之间的雷同段落.
    pub what: &'static str,
    pub done: usize,
    pub total: usize,
    /// 个文件 / 份报告.
    pub unit: &'static str,
}

impl Progress {
    fn reading(done: usize, total: usize) -> Self {
        Progress { what: "正在读取并检查", done, total, unit: "个文件" }
    }

    fn opening(done: usize, total: usize) -> Self {
        Progress { what: "正在打开上次保存的审阅", done, total, unit: "份报告" }
    }

    fn comparing(done: usize, total: usize) -> Self {
        Progress { what: "正在比对各报告之间的雷同段落", done, total, unit: "份报告" }
    }
}

/// A `more` for the sliced work of `report::review`: true until `SLICE_MS`
/// have passed since it was made.
fn until_slice_ends() -> impl FnMut() -> bool {
    let start = js_sys::Date::now();
    move || js_sys::Date::now() - start < SLICE_MS
}

/// The desk's signals, shared through context.
#[derive(Clone, Copy)]
pub struct ReviewState {
    pub desk: RwSignal<Desk>,
    /// Bumped when rows are added, removed or loaded: the table is rebuilt
    /// then, never on a keystroke in one of its fields.
    pub version: RwSignal<u64>,
    /// What the desk is busy with (reading a batch, comparing the reports).
    pub progress: RwSignal<Option<Progress>>,
    /// The stored review has been read (after a reload the review's pages
    /// wait for it, with the progress bar).
    pub ready: RwSignal<bool>,
    /// Files whose report text could not be kept in storage this time, by
    /// name (rows to pick again after a reload say so themselves).
    pub not_kept: RwSignal<Vec<String>>,
    /// The table's order and filters, kept while the reviewer reads reports.
    pub table: table::TableView,
    /// The reviewing office that signs the opinions exported.
    pub office: RwSignal<String>,
    /// Bumped when another tab's words (opinions, ticks, corrections) are
    /// put on this desk: the open report's fields show them.
    pub taken_in: RwSignal<u64>,
    loaded: StoredValue<bool>,
    keeper: StoredValue<ReviewKeeper, LocalStorage>,
    timer: StoredValue<Option<TimeoutHandle>>,
    /// Another tab changed the files: the desk is read again once its
    /// writes (the list, then each report's text) have stopped coming.
    reload: StoredValue<Option<TimeoutHandle>>,
}

impl ReviewState {
    pub fn new() -> Self {
        ReviewState {
            desk: RwSignal::new(Desk::default()),
            version: RwSignal::new(0),
            progress: RwSignal::new(None),
            ready: RwSignal::new(false),
            not_kept: RwSignal::new(Vec::new()),
            taken_in: RwSignal::new(0),
            table: table::TableView::new(),
            office: RwSignal::new(String::new()),
            loaded: StoredValue::new(false),
            keeper: StoredValue::new_local(ReviewKeeper::default()),
            timer: StoredValue::new(None),
            reload: StoredValue::new(None),
        }
    }

    /// The stored review, read on the first visit to a review screen (the
    /// author who never reviews pays nothing for it): the file list at
    /// once, then each kept report read back and checked, and the batch
    /// compared, in slices with the progress bar; `ready` when done.
    pub fn ensure_loaded(self, app: AppState) {
        if self.loaded.get_value() {
            return;
        }
        self.loaded.set_value(true);
        self.office.set(app.session(|s| crate::session::review::office(s.store().kv())));
        let records = match app.session(|s| self.keeper.with_value(|k| k.load_list(s.store().kv()))) {
            Ok(records) => records,
            Err(problem) => {
                app.problem.set(Some(problem));
                self.ready.set(true);
                return;
            }
        };
        if records.is_empty() {
            self.ready.set(true);
            return;
        }
        let total = records.len();
        self.progress.set(Some(Progress::opening(0, total)));
        leptos::task::spawn_local(async move {
            // Not in the task that builds the page (the app's start, after a reload).
            next_tick().await;
            let today = today();
            let mut entries = Vec::with_capacity(total);
            let mut more = until_slice_ends();
            for (k, r) in records.iter().enumerate() {
                entries.push(super::browser::timed("fzbg:review-open", || app.session(|s| self.keeper.with_value(|kp| kp.load_entry(s.store().kv(), r, today)))));
                if !more() {
                    self.progress.set(Some(Progress::opening(k + 1, total)));
                    next_tick().await;
                    more = until_slice_ends();
                }
            }
            let desk = Desk::from_parts(records, entries);
            self.desk.update_untracked(|d| *d = desk);
            next_tick().await;
            self.compare().await;
            next_tick().await;
            self.desk.update(|_| {});
            self.version.update(|v| *v += 1);
            self.progress.set(None);
            self.ready.set(true);
        });
    }

    /// Write the review now (after a batch, a removal, leaving the screen):
    /// the file list with the reviewer's words at once, the report texts
    /// not yet stored in slices after it ([`ReviewState::write_texts`]).
    pub fn save_now(self, app: AppState) {
        if self.save_list(app) && self.texts_pending() {
            leptos::task::spawn_local(self.write_texts(app));
        }
    }

    /// The file list and the reviewer's words (one small key); false when
    /// it could not be written (the problem is shown).
    fn save_list(self, app: AppState) -> bool {
        if let Some(h) = self.timer.get_value() {
            h.clear();
        }
        self.timer.set_value(None);
        let saved = super::browser::timed("fzbg:review-save", || self.desk.with_untracked(|d| app.session(|s| self.keeper.with_value(|k| k.save_list(s.store().kv(), d)))));
        match saved {
            Ok(taken_in) => {
                if let Some(records) = taken_in {
                    self.show_taken_in(records);
                }
                if app.persistent {
                    app.problem.set(None);
                }
                true
            }
            Err(problem) => {
                app.problem.set(Some(problem));
                false
            }
        }
    }

    fn texts_pending(self) -> bool {
        self.desk.with_untracked(|d| self.keeper.with_value(|k| k.texts_pending(d)))
    }

    /// Write the report texts not yet stored, a slice at a time, until none
    /// is left; then say which could not be kept. Two of these running at
    /// once write different texts (each slice looks afresh at what is stored).
    async fn write_texts(self, app: AppState) {
        loop {
            let written = super::browser::timed("fzbg:review-save-texts", || {
                self.desk.with_untracked(|d| app.session(|s| self.keeper.with_value(|k| k.save_texts(s.store().kv(), d, &mut until_slice_ends()))))
            });
            match written {
                Ok(Some(saved)) => {
                    self.not_kept.set(saved.not_kept);
                    return;
                }
                Ok(None) => next_tick().await,
                Err(problem) => {
                    app.problem.set(Some(problem));
                    return;
                }
            }
        }
    }

    /// Write pending edits (the page is hidden or closed: the debounce timer
    /// would never fire).
    pub fn flush(self, app: AppState) {
        if self.timer.get_value().is_some() || (self.loaded.get_value() && self.texts_pending()) {
            if let Some(h) = self.timer.get_value() {
                h.clear();
            }
            self.timer.set_value(None);
            // All of it now, texts too: there is no later slice.
            let saved = self.desk.with_untracked(|d| app.session(|s| self.keeper.with_value(|k| k.save(s.store().kv(), d))));
            match saved {
                Ok(saved) => {
                    self.not_kept.set(saved.not_kept);
                    if let Some(records) = saved.taken_in {
                        self.show_taken_in(records);
                    }
                }
                Err(problem) => app.problem.set(Some(problem)),
            }
        }
    }

    /// Another tab wrote the review record (a `storage` event). While this
    /// tab waits to write an edit, or reads or compares a batch, its own
    /// save comes soon and takes the other's words in; otherwise they are
    /// taken in now. Files changed there: the desk is read afresh, at once
    /// if on screen, else on the next visit.
    pub fn on_external_change(self, app: AppState, key: &str) {
        if self.reload.get_value().is_some() {
            self.reload_when_quiet(app);
            return;
        }
        if key != REVIEW_KEY {
            return;
        }
        if !self.loaded.get_value() || !self.ready.get_untracked() || self.progress.get_untracked().is_some() || self.timer.get_value().is_some() {
            return;
        }
        let followed = self.desk.with_untracked(|d| app.session(|s| self.keeper.with_value(|k| k.follow(s.store().kv(), d))));
        match followed {
            Ok(Followed::Nothing) => {}
            Ok(Followed::TakenIn(records)) => self.show_taken_in(records),
            Ok(Followed::Reload) => {
                // Nothing of this tab's is unsaved: the desk is read afresh.
                self.forget();
                self.reload_when_quiet(app);
            }
            Err(problem) => app.problem.set(Some(problem)),
        }
    }

    /// Read the desk again once another tab's writes have stopped for
    /// `RELOAD_QUIET` (it writes the list first, then the reports' texts in
    /// slices: read earlier, rows would ask for files still being written):
    /// at once if a review screen shows it, else on the next visit.
    fn reload_when_quiet(self, app: AppState) {
        if let Some(h) = self.reload.get_value() {
            h.clear();
        }
        let fire = move || {
            self.reload.set_value(None);
            if app.screen.get_untracked().is_review() && !self.loaded.get_value() {
                self.ensure_loaded(app);
                app.confirm("审阅列表中的报告已在另一个标签页中添加、移除或清空，本页已按最新的审阅记录更新。");
            }
        };
        self.reload.set_value(set_timeout_with_handle(fire, RELOAD_QUIET).ok());
    }

    /// The stored desk changed under this tab (a backup restored): read it
    /// again on the next visit. Call after [`ReviewState::flush`].
    pub fn reload_later(self) {
        if self.loaded.get_value() && self.progress.get_untracked().is_none() {
            self.forget();
        }
    }

    /// Empty the desk in memory (not in storage), to be read again from
    /// storage by the next `ensure_loaded`.
    fn forget(self) {
        self.loaded.set_value(false);
        self.ready.set(false);
        self.desk.set(Desk::default());
        self.version.update(|v| *v += 1);
    }

    /// The office that signs the opinions changed (on leaving its field).
    pub fn set_office(self, app: AppState, office: String) {
        match app.session(|s| crate::session::review::set_office(s.store().kv(), &office)) {
            Ok(()) => self.office.set(office.trim().to_string()),
            Err(problem) => app.problem.set(Some(problem)),
        }
    }

    /// Put another tab's words on this desk. The table is rebuilt only when
    /// a unit or year it shows changed (keeping the focus on the field it
    /// was in); an open report's opinion and ticks follow `taken_in`.
    fn show_taken_in(self, records: Vec<FileRecord>) {
        let table_changed = self.desk.with_untracked(|d| {
            d.records.len() != records.len() || d.records.iter().zip(&records).any(|(a, b)| a.unit != b.unit || a.year != b.year)
        });
        self.desk.update_untracked(|d| d.records = records);
        self.taken_in.update(|n| *n += 1);
        if table_changed {
            let focused = super::browser::focused_id();
            self.version.update(|v| *v += 1);
            if let Some(id) = focused {
                super::browser::focus_soon(&[&id]);
            }
        }
    }

    /// An opinion, a tick or a correction changed: write it shortly.
    pub fn edit(self, app: AppState, f: impl FnOnce(&mut Desk)) {
        self.desk.update_untracked(f);
        if let Some(h) = self.timer.get_value() {
            h.clear();
        }
        self.timer.set_value(set_timeout_with_handle(move || self.save_now(app), SAVE_DEBOUNCE).ok());
    }

    /// Read picked files into the desk. Each file is read and checked in
    /// turn; every `SLICE_MS` the loop yields to the page, so the progress
    /// bar moves and the page answers. A file over the import limit is refused
    /// before reading; a file the browser cannot read gets its own row.
    /// Then the reports are compared with each other and written, in slices too.
    pub fn read_files(self, app: AppState, files: Vec<web_sys::File>) {
        self.ensure_loaded(app);
        if files.is_empty() {
            return;
        }
        if self.progress.get_untracked().is_some() {
            app.warn("正在打开或读取报告，请在完成后再选择文件。");
            return;
        }
        let total = files.len();
        self.progress.set(Some(Progress::reading(0, total)));
        leptos::task::spawn_local(async move {
            let today = today();
            let default_year = today.likely_report_year();
            let mut read = Vec::with_capacity(total);
            let mut slice = js_sys::Date::now();
            for (k, file) in files.into_iter().enumerate() {
                let name = file.name();
                let size = file.size();
                let entry = if size > MAX_IMPORT_BYTES as f64 {
                    Entry::refused(&name, size as usize, FormatError::TooLarge { size: size as usize, limit: MAX_IMPORT_BYTES }.message_zh())
                } else {
                    match read_file_bytes(&file).await {
                        Ok(bytes) => super::browser::timed("fzbg:review-file", || read_entry(&name, &bytes, &gb18030, default_year, today)),
                        Err(_) => Entry::refused(&name, size as usize, "浏览器未能读取这个文件。请确认文件没有被其他程序占用，然后重新选择。".to_string()),
                    }
                };
                read.push(entry);
                if js_sys::Date::now() - slice > SLICE_MS {
                    self.progress.set(Some(Progress::reading(k + 1, total)));
                    next_tick().await;
                    slice = js_sys::Date::now();
                }
            }
            self.progress.set(Some(Progress::reading(total, total)));
            next_tick().await;
            let picked = super::browser::timed("fzbg:review-add", || self.desk.update_untracked(|d| d.add_only(read)));
            self.compare().await;
            // The table in a turn of its own, then the saving in turns.
            next_tick().await;
            self.version.update(|v| *v += 1);
            self.progress.set(None);
            next_tick().await;
            if self.save_list(app) {
                self.write_texts(app).await;
            }
            let readable = self.desk.with_untracked(|d| d.entries.iter().filter(|e| e.read.is_ok()).count());
            let rows = self.desk.with_untracked(|d| d.entries.len());
            app.confirm(format!("已读取 {total} 个文件。当前共 {rows} 份，其中 {readable} 份可以审阅。{}", picked.message()));
            if let Some(m) = self.not_kept.with_untracked(|n| not_kept_message(n)) {
                app.problem.set(Some(Problem::new(m)));
            }
        });
    }

    /// Compare the readable reports with each other, in slices that yield
    /// to the page, with the progress bar; the pairs found replace the desk's.
    async fn compare(self) {
        super::browser::mark_start("fzbg:review-compare");
        let readable = self.desk.with_untracked(|d| d.readable());
        let total = readable.len();
        self.progress.set(Some(Progress::comparing(0, total)));
        let mut search = Search::asking_after(COMPARE_WORK);
        let mut more = until_slice_ends();
        for (k, &i) in readable.iter().enumerate() {
            self.desk.with_untracked(|d| d.report(i).map(|r| search.add(k, r)));
            if !more() {
                next_tick().await;
                more = until_slice_ends();
            }
        }
        loop {
            let done = super::browser::timed("fzbg:review-compare-step", || search.step(&mut until_slice_ends()));
            if done {
                break;
            }
            let (done, total) = search.progress();
            self.progress.set(Some(Progress::comparing(done, total)));
            next_tick().await;
        }
        // In a task of its own: grouping what was found is one step.
        next_tick().await;
        super::browser::timed("fzbg:review-finish", || self.desk.update_untracked(|d| d.set_pairs(&readable, search.finish_all())));
        super::browser::measure_from_start("fzbg:review-compare");
    }

    /// Take row `i` off the desk, then compare the rest again in slices
    /// (until then the pairs of the others stay as found). Not while a batch
    /// is being read or compared: the rows are still being numbered.
    pub fn remove(self, app: AppState, i: usize) {
        if self.progress.get_untracked().is_some() {
            app.warn("正在读取或比对报告，请在完成后再移除。");
            return;
        }
        self.desk.update(|d| d.remove_only(i));
        self.version.update(|v| *v += 1);
        self.save_now(app);
        let total = self.desk.with_untracked(|d| d.readable().len());
        self.progress.set(Some(Progress::comparing(0, total)));
        leptos::task::spawn_local(async move {
            self.compare().await;
            next_tick().await;
            self.progress.set(None);
            self.version.update(|v| *v += 1);
        });
    }

    /// Empty the desk (and its storage).
    pub fn clear(self, app: AppState) {
        if self.progress.get_untracked().is_some() {
            app.warn("正在读取或比对报告，请在完成后再清空。");
            return;
        }
        let cleared = app.session(|s| self.keeper.with_value(|k| k.clear(s.store().kv())));
        if let Err(p) = cleared {
            app.problem.set(Some(p));
            return;
        }
        self.desk.set(Desk::default());
        self.not_kept.set(Vec::new());
        self.version.update(|v| *v += 1);
        app.confirm("已清空审阅列表。作者的草稿不受影响。");
    }
}

impl Default for ReviewState {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_review() -> ReviewState {
    expect_context::<ReviewState>()
}

fn today() -> Date {
    Date::from_unix_ms_china(now_ms())
}

/// The progress bar of what the desk is busy with, when it is.
#[component]
pub(super) fn ProgressBar() -> impl IntoView {
    let review = use_review();
    move || review.progress.get().map(|p| view! {
        <div class="review-progress" role="status">
            <label for="review-progress">{format!("{}：{} / {} {}", p.what, p.done, p.total, p.unit)}</label>
            <progress id="review-progress" max=p.total.to_string() value=p.done.to_string()></progress>
        </div>
    })
}

/// A review page while the stored review is being read.
#[component]
pub(super) fn Opening() -> impl IntoView {
    view! {
        <p><a href=crate::ui::route::Screen::Review.to_hash()>"← 返回审阅列表"</a></p>
        <h1>"正在打开审阅"</h1>
        <ProgressBar/>
    }
}

/// Offer a file for download, or say why it could not be made.
pub(super) fn offer(app: AppState, name: &str, mime: &str, bytes: Result<Vec<u8>, FormatError>) {
    match bytes {
        Ok(bytes) => {
            if download(name, mime, &bytes).is_err() {
                app.warn("浏览器未能下载文件。请检查浏览器是否禁止了下载，然后重试。");
            }
        }
        Err(e) => app.warn(e.message_zh()),
    }
}

pub(super) const DOCX_MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
