//! What a user does to drafts, in plain Rust over any [`KeyValue`]: open,
//! save on top of the revision last seen (the two-tab rule), follow or
//! resolve another tab's save, merge, paste, and — in [`create`] and
//! [`library`] — make drafts and look after them.
//!
//! Each action returns what changed and what to tell the user ([`Notice`],
//! [`Problem`]); `ui::state` only turns that into signals. Nothing here
//! knows about the browser: the clock comes in as `now` (ms since the epoch)
//! and randomness for new ids from the function given to [`Session::new`],
//! so `cargo test` runs every action on `MemoryStore` and its fault wrappers.

pub mod create;
pub mod library;
pub mod merge;
pub mod outcome;
pub mod review;
pub mod tabs;

use std::cell::{Cell, RefCell};

use crate::report::formats::{import_any, Imported};
use crate::report::{Draft, Report};
use crate::storage::drafts::new_draft_id;
use crate::storage::history::SnapshotReason;
use crate::storage::{DraftStore, DraftSummary, KeyValue, StoreError};
pub use outcome::{Message, Notice, Problem};

/// A decoder for GB18030 text, where the platform has one (the browser's
/// `TextDecoder`; `import_any` falls back to UTF-8 and UTF-16 without it).
pub type Gb18030 = dyn Fn(&[u8]) -> Option<String>;

pub struct Session<K: KeyValue> {
    store: DraftStore<K>,
    /// The revision of the open draft as last read from or written to
    /// storage: a save on top of any other is another tab's business.
    base_revision: Cell<u64>,
    random: Box<dyn Fn() -> u32>,
    /// This page's token among tabs on one draft ([`tabs`]).
    tab: RefCell<String>,
}

/// How an autosave ended. (One value per save, returned at once: the size
/// difference between the variants costs nothing worth a box.)
#[derive(Debug, PartialEq)]
#[allow(clippy::large_enum_variant)]
pub enum Saved {
    /// Stored; the draft's entry for the library (its revision is the one
    /// now stored).
    Stored(DraftSummary),
    /// Another tab saved this draft first: nothing was written, and here is
    /// its version (when readable) for the user to choose.
    Conflict(Option<Draft>),
    /// Not stored: the text stays in the page and the band says why.
    Failed(Problem),
}

/// What another tab's write to the open draft means here.
#[derive(Debug, PartialEq)]
pub enum External {
    /// Nothing to do (our own write, or an entry that cannot be read).
    Nothing,
    /// Not the open draft: only the library may have changed.
    Library,
    /// No unsaved edits here: show the other tab's text, and say so.
    Follow(Draft, Notice),
    /// Unsaved edits here too: the user chooses.
    Conflict(Draft),
}

impl<K: KeyValue> Session<K> {
    pub fn new(kv: K, random: impl Fn() -> u32 + 'static) -> Self {
        Session { store: DraftStore::new(kv), base_revision: Cell::new(0), random: Box::new(random), tab: RefCell::new(String::new()) }
    }

    pub fn store(&self) -> &DraftStore<K> {
        &self.store
    }

    fn new_id(&self, now: i64) -> String {
        new_draft_id(now, (self.random)())
    }

    /// From now on, saves are made on top of this draft's revision.
    fn adopt(&self, draft: &Draft) {
        self.base_revision.set(draft.revision);
    }

    /// What to warn about when the app opens: data from a newer version.
    pub fn schema_problem(&self) -> Option<Problem> {
        self.store.schema().err().map(Problem::from)
    }

    /// The drafts for the library, newest first.
    pub fn list(&self) -> Result<Vec<DraftSummary>, Problem> {
        self.store.list().map_err(Problem::from)
    }

    /// Open a stored draft: the one to show, or why not.
    pub fn open(&self, id: &str) -> Result<Draft, Message> {
        match self.store.load(id)? {
            Some(d) => {
                self.adopt(&d);
                Ok(d)
            }
            None => Err(Message::Notice(Notice::new("未找到这份草稿，可能已被删除。"))),
        }
    }

    /// Save the open draft's edits on top of the revision this page last
    /// saw, with an interval snapshot when one is due: one pass over
    /// storage (see [`DraftStore::save_edit`]). Never overwrites a newer
    /// revision saved by another tab.
    pub fn save(&self, draft: &Draft, now: i64) -> Saved {
        self.save_open(&mut draft.clone(), now)
    }

    /// [`Session::save`] on the open draft itself, without copying it (a
    /// copy of a 30,000-character draft is a fifth of an autosave's time in
    /// the browser): `draft.revision` is the stored one after a save, and
    /// is left as it was when nothing was stored.
    pub fn save_open(&self, draft: &mut Draft, now: i64) -> Saved {
        let base = self.base_revision.get();
        let before = draft.revision;
        draft.revision = base + 1;
        match self.store.save_edit(draft, base, now) {
            Ok(summary) => {
                self.adopt(draft);
                Saved::Stored(summary)
            }
            Err(StoreError::Conflict { .. }) => {
                draft.revision = before;
                Saved::Conflict(self.store.load(&draft.id).ok().flatten())
            }
            Err(e) => {
                // The draft itself may have gone in before a later write (the
                // index) failed: then it is ours, and the retry must not take
                // it for another tab's.
                if self.store.stored_revision(&draft.id).ok().flatten() == Some(draft.revision) {
                    self.adopt(draft);
                }
                draft.revision = before;
                Saved::Failed(Problem::from(&e))
            }
        }
    }

    /// Run the save path once on a copy of `draft` in a throw-away memory
    /// store: the draft serialised, its summary and history snapshot made, the
    /// index written — so that in the browser the first real autosave does
    /// not pay for compiling that code (each wasm function is compiled on its
    /// first call). Nothing of the real store is read or written.
    pub fn warm_save(draft: &Draft, now: i64) {
        // Boxed as the app's store is, so the very functions it will call
        // (the same monomorphisation) are the ones run here.
        let kv: Box<dyn KeyValue> = Box::new(crate::storage::memory::MemoryStore::new());
        let scratch = DraftStore::new(kv);
        let mut next = draft.clone();
        next.revision = draft.revision + 1;
        let _ = scratch.save_edit(&next, draft.revision, now);
    }

    /// Warm the save path of the open draft, off the critical path (issue
    /// #20): [`Session::warm_save`] on a copy, and the time of its newest
    /// snapshot learnt now rather than by the first autosave (which would
    /// otherwise read the whole history when the index does not have it).
    pub fn warm(&self, draft: &Draft, now: i64) {
        Self::warm_save(draft, now);
        let _ = self.store.newest_snapshot_at(&draft.id);
    }

    /// Another tab wrote draft `id` (a `storage` event). `open` is the draft
    /// shown here, `unsaved` whether it has edits not yet stored.
    pub fn external_change(&self, id: &str, open: Option<&Draft>, unsaved: bool) -> External {
        if open.is_none_or(|d| d.id != id) {
            return External::Library;
        }
        let Ok(Some(theirs)) = self.store.load(id) else { return External::Nothing };
        if theirs.revision == self.base_revision.get() {
            return External::Nothing;
        }
        if unsaved {
            External::Conflict(theirs)
        } else {
            self.adopt(&theirs);
            External::Follow(theirs, Notice::new("这份草稿刚在另一个标签页中被修改，本页已显示最新内容。"))
        }
    }

    /// Conflict resolved by taking the other tab's text; ours (`mine`) goes
    /// to the history first. Returns the draft to show.
    pub fn take_theirs(&self, mine: Option<&Draft>, theirs: Draft, now: i64) -> (Draft, Notice) {
        if let Some(mine) = mine {
            let _ = self.store.snapshot(mine, SnapshotReason::BeforeConflict, now);
        }
        self.adopt(&theirs);
        (theirs, Notice::new("已采用另一标签页的内容；本页原来的内容已存入“历史版本”。"))
    }

    /// Conflict resolved by keeping our text: theirs is stored as a copy, and
    /// our next save goes on top of their revision. The caller then saves.
    pub fn keep_mine(&self, theirs: Draft, now: i64) -> Result<Notice, Problem> {
        let stored_revision = theirs.revision;
        let copy = create::copy_as_new(theirs, self.new_id(now), "（另一标签页的版本）", now);
        self.store.save(&copy)?;
        self.base_revision.set(stored_revision);
        Ok(Notice::new("已保留本页内容；另一标签页的内容已另存为副本，可在草稿库中找到。"))
    }

    /// Before a colleague's version is merged in: the draft as it is goes to
    /// its history, and if that cannot be written the merge must not happen.
    /// Returns the notice for after the merge.
    pub fn before_merge(&self, mine: &Draft, file_name: &str, now: i64) -> Result<Notice, Problem> {
        if let Err(e) = self.store.snapshot(mine, SnapshotReason::BeforeMerge, now) {
            let mut problem = Problem::from(&e);
            problem.message = format!("未能保存合并前的版本，合并没有进行，草稿保持原样。{}", problem.message);
            return Err(problem);
        }
        Ok(Notice::new(format!("已合并“{file_name}”中的修改。合并前的内容已存入“历史版本”，如需可随时恢复。")))
    }

    /// Before item `index` of part `section` is deleted: when it holds any
    /// text, keep the draft as it was in the history and return the notice
    /// that offers the item back (撤销删除); an empty item goes quietly.
    pub fn before_removing_item(&self, draft: &Draft, section: usize, index: usize, now: i64) -> Option<Notice> {
        let item = draft.report.sections.get(section)?.items.get(index)?;
        let has_text = [&item.title, &item.body].into_iter().chain(item.more.iter().map(|l| &l.text)).any(|t| !t.trim().is_empty());
        if !has_text {
            return None;
        }
        let kept = self.store.snapshot(draft, SnapshotReason::BeforeDelete, now).is_ok();
        let title = item.title.trim().trim_end_matches('。');
        let what = if title.is_empty() { String::new() } else { format!("“{title}”") };
        let mut message = format!("已删除第 {} 条{what}。", index + 1);
        if kept {
            message.push_str("删除前的内容已存入“历史版本”。");
        }
        Some(Notice {
            undo_item: Some(Box::new(outcome::RemovedItem { draft_id: draft.id.clone(), section, index, item: item.clone() })),
            ..Notice::new(message)
        })
    }

    /// Before pasted text replaces a part: keep the part as it was. The
    /// paste goes ahead even if this cannot be written (the text is in view).
    pub fn before_paste(&self, draft: &Draft, now: i64) {
        let _ = self.store.snapshot(draft, SnapshotReason::BeforePaste, now);
    }
}

/// Read a colleague's or last year's file (.txt in any encoding, .docx or a
/// share file) as a report; what went wrong is said in the user's terms.
pub fn read_report_file(file_name: &str, bytes: &[u8], gb18030: &Gb18030) -> Result<Report, Problem> {
    match import_any(bytes, gb18030) {
        Ok(Imported::Text(decoded)) => Ok(crate::report::parse(&decoded.text)),
        Ok(Imported::Docx(docx)) => Ok(docx.report()),
        Ok(Imported::Share(draft)) => Ok(draft.report),
        Err(message) => Err(Problem::new(format!("“{file_name}”未能读取：{message}"))),
    }
}

/// Why a draft may only be read here: one saved by a newer version (its own
/// `schema_version` above this build's) is shown and exported, never written
/// over. `None` for a draft this build can edit.
pub fn read_only(draft: &Draft) -> Option<Problem> {
    use crate::report::draft::DRAFT_SCHEMA;
    (draft.schema_version > DRAFT_SCHEMA).then(|| {
        Problem::new(format!(
            "这份草稿由更新版本的法治报告助手保存（草稿数据版本 {}，本版本支持 {DRAFT_SCHEMA}）。为避免覆盖新版本写入的内容，本页只能查看和导出，不能修改。请使用新版本继续编辑。",
            draft.schema_version
        ))
    })
}

/// Put a draft's new library entry into the list shown, in the library's
/// order (newest first), instead of listing storage again after a save.
pub fn upsert(list: &mut Vec<DraftSummary>, entry: DraftSummary) {
    list.retain(|s| s.id != entry.id);
    list.push(entry);
    crate::report::sort::by(list, |a, b| b.edited.cmp(&a.edited).then_with(|| a.id.cmp(&b.id)));
}
