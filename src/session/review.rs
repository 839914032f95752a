//! The reviewer's desk kept in storage, apart from the drafts: one key for
//! the file list with what the reviewer wrote (small, written on every
//! autosave), and one key per report read, written once.
//!
//! The reviewer's words come first: when the quota is full, the texts are
//! given up (removed, then the list written again) before an opinion is
//! lost, and the files whose text could not be kept are named, so the
//! reviewer knows which to pick again after a reload. A store that cannot
//! be written at all gets the drafts' own message ([`Problem`]).

use std::cell::{Cell, RefCell};
use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::Problem;
use crate::report::deadline::Date;
use crate::report::review::desk::{merge_records, restored_entry, Desk, FileRecord, Unmerged};
use crate::report::review::{reviewed, Entry};
use crate::report::Draft;
use crate::storage::{KeyValue, StoreError};

/// The review's file list and opinions (never under the drafts' prefixes).
pub const REVIEW_KEY: &str = "fazhi-report/review";
/// One report read, by content hash.
pub const REVIEW_TEXT_PREFIX: &str = "fazhi-report/review-text/";
/// The reviewing office that signs the opinions (kept across batches).
pub const REVIEW_OFFICE_KEY: &str = "fazhi-report/review-office";

/// The office that signs the opinions, as last given (empty: none yet, or
/// storage cannot be read — the opinion is then exported unsigned).
pub fn office<K: KeyValue>(kv: &K) -> String {
    kv.get(REVIEW_OFFICE_KEY).ok().flatten().unwrap_or_default()
}

/// Keep the office that signs the opinions.
pub fn set_office<K: KeyValue>(kv: &K, office: &str) -> Result<(), Problem> {
    let office = office.trim();
    if office.is_empty() {
        kv.remove(REVIEW_OFFICE_KEY).map_err(Problem::from)
    } else {
        kv.set(REVIEW_OFFICE_KEY, office).map_err(Problem::from)
    }
}

#[derive(Serialize, Deserialize)]
struct Stored {
    files: Vec<FileRecord>,
}

/// A report as the review keeps it: the draft read from the file (exact,
/// so a reload marks and checks it as before) and how it was read.
#[derive(Serialize, Deserialize)]
struct StoredText {
    format_zh: String,
    #[serde(default)]
    notes: Vec<String>,
    draft: Draft,
}

/// How an autosave of the review ended.
#[derive(Debug, Default, PartialEq)]
pub struct ReviewSaved {
    /// Files whose report text could not be stored, for lack of space (to
    /// be picked again after a reload; rows already waiting for that are
    /// the desk's `to_pick_again`).
    pub not_kept: Vec<String>,
    /// Another tab's words taken in (see [`ReviewKeeper::save_list`]).
    pub taken_in: Option<Vec<FileRecord>>,
}

/// What another tab's write of the record means here ([`ReviewKeeper::follow`]).
#[derive(Debug, PartialEq)]
pub enum Followed {
    /// Nothing this tab shows changed.
    Nothing,
    /// The other tab's words, taken in: the desk's records now.
    TakenIn(Vec<FileRecord>),
    /// The other tab changed the files; this tab has nothing unsaved, so
    /// the desk can be read afresh from storage.
    Reload,
}

/// Saves the review, remembering which texts are already stored so an
/// autosave of an opinion writes one key.
#[derive(Default)]
pub struct ReviewKeeper {
    stored: RefCell<HashSet<String>>,
    /// Texts refused for lack of space: not tried again until the batch changes.
    refused: RefCell<HashSet<String>>,
    /// An unreadable record could not be set aside: nothing is saved over
    /// it until [`ReviewKeeper::clear`].
    blocked: Cell<bool>,
    /// The record as this tab last read or wrote it. Each tab writes the
    /// whole list from its memory: a save that finds anything else stored
    /// (written since by another tab, or another copy of the tool) takes
    /// the other's words in field by field, or writes nothing over them.
    synced: RefCell<Option<String>>,
}

/// Why the desk saves nothing after another tab changed the files.
const FILES_CHANGED_ELSEWHERE: &str = "审阅列表中的报告已在另一个标签页（或另一份本工具）中添加、移除或清空。为免覆盖那里的审阅记录，本页的修改暂不保存：请先复制本页尚未保存的文字，刷新本页（按 F5 键）后再继续填写。";

/// Why the desk saves nothing after another tab changed what this one did.
fn both_changed(names: &[String]) -> String {
    format!(
        "“{}”的审核意见、勾选的检查结果或单位、年度，在另一个标签页（或另一份本工具）中也作了不同的修改。为免覆盖那里填写的内容，本页的修改暂不保存：请先复制本页尚未保存的文字，刷新本页（按 F5 键）后再继续填写。",
        names.join("”“")
    )
}

/// Why the desk saves nothing while an unreadable record could not be set aside.
const BLOCKED: &str = "本机保存的审阅记录无法读取，且存储空间不足或不可用，无法另存其原始内容。为免覆盖其中的审核意见，本次审阅暂不保存；请在“草稿库”中释放空间后刷新页面，或确认不再需要原记录后清空审阅列表。";

impl ReviewKeeper {
    /// The stored review, or an empty desk; texts found are remembered as stored.
    pub fn load<K: KeyValue>(&self, kv: &K, today: Date) -> Result<Desk, Problem> {
        let records = self.load_list(kv)?;
        let entries = records.iter().map(|r| self.load_entry(kv, r, today)).collect();
        let mut desk = Desk::from_parts(records, entries);
        desk.find_copying();
        Ok(desk)
    }

    /// The stored file list with the reviewer's words (empty when none):
    /// the first half of [`ReviewKeeper::load`], which a page can follow
    /// with [`ReviewKeeper::load_entry`] for each record, in slices.
    pub fn load_list<K: KeyValue>(&self, kv: &K) -> Result<Vec<FileRecord>, Problem> {
        let Some(json) = kv.get(REVIEW_KEY).map_err(Problem::from)? else {
            *self.synced.borrow_mut() = None;
            return Ok(Vec::new());
        };
        match serde_json::from_str::<Stored>(&json) {
            Ok(stored) => {
                *self.synced.borrow_mut() = Some(json);
                Ok(stored.files)
            }
            Err(_) => Err(self.set_aside(kv, &json)),
        }
    }

    /// An unreadable record (damaged, or written by another version of the
    /// tool) holds opinions the desk would write over with its next save:
    /// its raw text is set aside first (`storage::drafts::set_aside`, listed
    /// with the unreadable drafts for download) and only then removed.
    /// Where it cannot be kept, it stays, and the desk saves nothing over it
    /// until the reviewer clears the review.
    fn set_aside<K: KeyValue>(&self, kv: &K, raw: &str) -> Problem {
        if crate::storage::drafts::set_aside(kv, "review", raw).is_ok() && kv.remove(REVIEW_KEY).is_ok() {
            *self.synced.borrow_mut() = None;
            return Problem::new(
                "本机保存的审阅记录无法读取（可能已损坏，或由其他版本的本工具保存），其原始内容已另行保存，可在“草稿库”中下载。请重新选择要审阅的报告；作者的草稿不受影响。",
            );
        }
        self.blocked.set(true);
        Problem::new(BLOCKED)
    }

    /// One record's entry: its report read back from storage and checked
    /// again, or its error, or a row asking for the file again.
    pub fn load_entry<K: KeyValue>(&self, kv: &K, r: &FileRecord, today: Date) -> Entry {
        restored_entry(r, || {
            let raw = kv.get(&text_key(&r.hash)).ok()??;
            let t: StoredText = serde_json::from_str(&raw).ok()?;
            self.stored.borrow_mut().insert(r.hash.clone());
            Some(Entry { file_name: r.name.clone(), bytes: r.bytes, hash: r.hash.clone(), read: Ok(reviewed(t.draft, t.format_zh, t.notes, today)) })
        })
    }

    /// Write the review: the file list first, then any report text not yet
    /// stored. Texts of files no longer on the desk are removed.
    pub fn save<K: KeyValue>(&self, kv: &K, desk: &Desk) -> Result<ReviewSaved, Problem> {
        let taken_in = self.save_list(kv, desk)?;
        loop {
            if let Some(saved) = self.save_texts(kv, desk, &mut || true)? {
                return Ok(ReviewSaved { taken_in, ..saved });
            }
        }
    }

    /// Write the file list with what the reviewer wrote (one key, small),
    /// and remove the texts of files no longer on the desk. The texts
    /// follow with [`ReviewKeeper::save_texts`].
    ///
    /// Another tab may have written the record since this one last read or
    /// wrote it: then its words are taken in ([`merge_records`]) and the
    /// records written are returned, for the caller to put on its desk.
    /// Where that cannot be done (the files differ, or both tabs changed
    /// one opinion), nothing is written and the problem says what to do.
    pub fn save_list<K: KeyValue>(&self, kv: &K, desk: &Desk) -> Result<Option<Vec<FileRecord>>, Problem> {
        if self.blocked.get() {
            return Err(Problem::new(BLOCKED));
        }
        let stored = kv.get(REVIEW_KEY).map_err(Problem::from)?;
        let taken_in = if stored != *self.synced.borrow() { Some(self.take_in(stored.as_deref(), &desk.records)?) } else { None };
        // Only what differs from this tab's desk is news to it.
        let taken_in = taken_in.filter(|records| *records != desk.records);
        let list = serde_json::to_string(&Stored { files: taken_in.clone().unwrap_or_else(|| desk.records.clone()) }).expect("records serialise");
        if stored.as_deref() == Some(list.as_str()) {
            // Only the other tab had changed anything: it is all stored.
            *self.synced.borrow_mut() = stored;
            return Ok(taken_in);
        }
        let wanted: HashSet<String> = desk.entries.iter().filter(|e| e.read.is_ok()).map(|e| e.hash.clone()).collect();
        match kv.set(REVIEW_KEY, &list) {
            Ok(()) => self.forget_texts(kv, &wanted)?,
            Err(StoreError::QuotaExceeded) => {
                // The reviewer's words before the texts, which can be picked
                // again: drop them all, and do not fill the space again.
                self.forget_texts(kv, &HashSet::new())?;
                kv.set(REVIEW_KEY, &list).map_err(Problem::from)?;
                self.refused.borrow_mut().extend(wanted);
            }
            Err(e) => return Err(Problem::from(e)),
        }
        *self.synced.borrow_mut() = Some(list);
        Ok(taken_in)
    }

    /// Another tab wrote the record (a `storage` event): take its words in
    /// now, with any of this tab's not yet written (as a save would). Where
    /// the files changed and this tab has nothing unsaved, that is no
    /// problem: the desk is read again.
    pub fn follow<K: KeyValue>(&self, kv: &K, desk: &Desk) -> Result<Followed, Problem> {
        let unsaved = {
            let synced = self.synced.borrow();
            let base = match synced.as_deref() {
                Some(json) => serde_json::from_str::<Stored>(json).ok().map(|s| s.files),
                None => Some(Vec::new()),
            };
            base.is_none_or(|b| b != desk.records)
        };
        match self.save_list(kv, desk) {
            Ok(Some(records)) => Ok(Followed::TakenIn(records)),
            Ok(None) => Ok(Followed::Nothing),
            Err(_) if !unsaved && !self.blocked.get() => Ok(Followed::Reload),
            Err(problem) => Err(problem),
        }
    }

    /// The records with what another tab wrote since this one last read or
    /// wrote the record (`stored`: what is there now) taken in.
    fn take_in(&self, stored: Option<&str>, mine: &[FileRecord]) -> Result<Vec<FileRecord>, Problem> {
        let files = |json: &str| serde_json::from_str::<Stored>(json).ok().map(|s| s.files);
        let base = match self.synced.borrow().as_deref() {
            Some(json) => files(json),
            None => Some(Vec::new()),
        };
        let (Some(base), Some(theirs)) = (base, stored.and_then(files)) else {
            // Cleared, or written by a version whose record this one cannot read.
            return Err(Problem::new(FILES_CHANGED_ELSEWHERE));
        };
        merge_records(&base, &theirs, mine).map_err(|why| match why {
            Unmerged::Files => Problem::new(FILES_CHANGED_ELSEWHERE),
            Unmerged::Both(names) => Problem::new(both_changed(&names)),
        })
    }

    /// Whether some report text on the desk is neither stored nor refused.
    pub fn texts_pending(&self, desk: &Desk) -> bool {
        desk.entries.iter().any(|e| self.pending(e))
    }

    fn pending(&self, e: &Entry) -> bool {
        e.read.is_ok() && !e.hash.is_empty() && !self.stored.borrow().contains(&e.hash) && !self.refused.borrow().contains(&e.hash)
    }

    /// Write report texts not yet stored, one key each, while `more()`
    /// says so (asked after each): a batch of 300 is written in slices that
    /// let the page paint. Some(how it ended) once none is left to write;
    /// None when stopped early (call again, with the desk as it is then).
    pub fn save_texts<K: KeyValue>(&self, kv: &K, desk: &Desk, more: &mut dyn FnMut() -> bool) -> Result<Option<ReviewSaved>, Problem> {
        for e in &desk.entries {
            if !self.pending(e) {
                continue;
            }
            let Ok(r) = &e.read else { continue };
            let text = serde_json::to_string(&StoredText { format_zh: r.format_zh.clone(), notes: r.notes.clone(), draft: r.draft.clone() })
                .expect("a draft serialises");
            match kv.set(&text_key(&e.hash), &text) {
                Ok(()) => {
                    self.stored.borrow_mut().insert(e.hash.clone());
                }
                Err(StoreError::QuotaExceeded) => {
                    self.refused.borrow_mut().insert(e.hash.clone());
                }
                Err(e) => return Err(Problem::from(e)),
            }
            if !more() {
                break;
            }
        }
        if self.texts_pending(desk) {
            return Ok(None);
        }
        let not_kept = desk
            .entries
            .iter()
            .filter(|e| e.read.is_ok() && !self.stored.borrow().contains(&e.hash))
            .map(|e| e.file_name.clone())
            .collect();
        Ok(Some(ReviewSaved { not_kept, taken_in: None }))
    }

    /// Remove stored texts not in `keep`; the batch changed, so texts refused
    /// for space are tried again.
    fn forget_texts<K: KeyValue>(&self, kv: &K, keep: &HashSet<String>) -> Result<(), Problem> {
        let gone: Vec<String> = self.stored.borrow().iter().filter(|h| !keep.contains(*h)).cloned().collect();
        if gone.is_empty() {
            return Ok(());
        }
        for h in &gone {
            kv.remove(&text_key(h)).map_err(Problem::from)?;
            self.stored.borrow_mut().remove(h);
        }
        self.refused.borrow_mut().clear();
        Ok(())
    }

    /// Empty the desk: the list and every text.
    pub fn clear<K: KeyValue>(&self, kv: &K) -> Result<(), Problem> {
        for key in kv.keys().map_err(Problem::from)? {
            if key.starts_with(REVIEW_TEXT_PREFIX) {
                kv.remove(&key).map_err(Problem::from)?;
            }
        }
        kv.remove(REVIEW_KEY).map_err(Problem::from)?;
        self.stored.borrow_mut().clear();
        self.refused.borrow_mut().clear();
        self.blocked.set(false);
        *self.synced.borrow_mut() = None;
        Ok(())
    }
}

/// The reviewer's desk as stored, for the backup: None when there is none
/// (or it cannot be read: the desk sets it aside when it next opens, and
/// the library offers it for download).
pub fn stored_records<K: KeyValue>(kv: &K) -> Result<Option<Vec<FileRecord>>, Problem> {
    let Some(json) = kv.get(REVIEW_KEY).map_err(Problem::from)? else { return Ok(None) };
    Ok(serde_json::from_str::<Stored>(&json).ok().map(|s| s.files).filter(|files| !files.is_empty()))
}

/// What merging a backup's desk in did ([`restore_records`]).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ReviewRestored {
    /// Files not on the desk here: added (their reports are picked again).
    pub added: usize,
    /// Files on the desk here whose record took something from the backup.
    pub merged: usize,
    /// Files on the desk here with nothing new in the backup.
    pub unchanged: usize,
}

impl ReviewRestored {
    /// What the library says after the drafts' part of the restore.
    pub fn message(&self) -> String {
        if self.added + self.merged == 0 {
            return "备份中的审阅记录与本机相同。".into();
        }
        let mut m = format!(
            "审阅记录：新增 {} 份报告，合并 {} 份，相同 {} 份（本机已写的审核意见均保留，备份中不同的意见附在其后）。",
            self.added, self.merged, self.unchanged
        );
        if self.added > 0 {
            m.push_str("请在“审阅多份报告”中再次选择新增的报告文件，即可查看全文和检查结果。");
        }
        m
    }
}

/// Merge the desk from a backup into the stored one; nothing here is lost.
/// A file not on the desk is added (its report is picked again to be read).
/// For one already there, the opinion written here stays, and the backup's,
/// where it says something else, follows it marked as restored (once:
/// restoring the same backup again adds nothing); ticks are joined; the
/// backup's unit and year are taken only where none is given here. A stored
/// record that cannot be read is set aside first, as when the desk opens.
pub fn restore_records<K: KeyValue>(kv: &K, backup: Vec<FileRecord>) -> Result<ReviewRestored, Problem> {
    let keeper = ReviewKeeper::default();
    let mut records = match keeper.load_list(kv) {
        Ok(records) => records,
        Err(problem) if keeper.blocked.get() => return Err(problem),
        // Set aside and removed: the backup's desk takes its place.
        Err(_) => Vec::new(),
    };
    let mut done = ReviewRestored::default();
    for b in backup {
        let same = records.iter().position(|r| {
            if b.hash.is_empty() {
                r.hash.is_empty() && r.name == b.name && r.bytes == b.bytes
            } else {
                r.hash == b.hash
            }
        });
        let Some(i) = same else {
            records.push(b);
            done.added += 1;
            continue;
        };
        let r = &mut records[i];
        let before = r.clone();
        if b.opinion.trim().is_empty() {
            // Nothing to take.
        } else if r.opinion.trim().is_empty() {
            r.opinion = b.opinion;
        } else if !r.opinion.contains(b.opinion.as_str()) {
            r.opinion = format!("{}\n\n（从备份恢复的审核意见）{}", r.opinion, b.opinion);
        }
        for t in b.ticked {
            if !r.ticked.contains(&t) {
                r.ticked.push(t);
            }
        }
        if r.unit.trim().is_empty() && !b.unit.trim().is_empty() {
            r.unit = b.unit;
        }
        if r.year.is_none() {
            r.year = b.year;
        }
        if *r == before {
            done.unchanged += 1;
        } else {
            done.merged += 1;
        }
    }
    if done.added + done.merged > 0 {
        let list = serde_json::to_string(&Stored { files: records }).expect("records serialise");
        kv.set(REVIEW_KEY, &list).map_err(Problem::from)?;
    }
    Ok(done)
}

fn text_key(hash: &str) -> String {
    format!("{REVIEW_TEXT_PREFIX}{hash}")
}

/// What the desk says, after a reload, about the files whose reports are
/// not in storage (not kept for lack of space, or a desk restored from a
/// backup), naming them.
pub fn pick_again_message(names: &[String]) -> Option<String> {
    (!names.is_empty()).then(|| {
        format!("以下{}个文件的内容没有保存在本机（存储空间不足时未能保存，或审阅记录是从备份恢复的），审核意见和勾选均已保存。请再次选择这些文件，即可查看报告全文和检查结果：{}", names.len(), names.join("、"))
    })
}

/// What the desk says about texts not kept, naming the files.
pub fn not_kept_message(names: &[String]) -> Option<String> {
    if names.is_empty() {
        return None;
    }
    Some(format!(
        "本机存储空间不足，以下{}个文件的内容未能保存（审核意见和勾选已保存）。重新打开本页后，请再次选择这些文件：{}",
        names.len(),
        names.join("、")
    ))
}
