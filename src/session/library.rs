//! Looking after the stored drafts: delete (to 最近删除, with undo) and
//! restore, rename, copy, the history of one draft, freeing space, and the
//! backup file. Nothing here destroys text the user has not asked to
//! destroy: a delete snapshots first, a restore never overwrites.

use super::create::copy_as_new;
use super::{Message, Notice, Problem, Session};
use crate::report::Draft;
use crate::storage::history::{Snapshot, SnapshotReason};
use crate::storage::KeyValue;

impl<K: KeyValue> Session<K> {
    /// Move a draft to the trash, its text to its history first, with an
    /// undo offer. `None` when there was no such draft (nothing to say).
    pub fn delete(&self, id: &str, now: i64) -> Result<Option<Notice>, Problem> {
        if let Ok(Some(d)) = self.store.load(id) {
            let _ = self.store.snapshot(&d, SnapshotReason::BeforeDelete, now);
        }
        Ok(self.store.delete(id)?.map(|d| Notice {
            message: format!("已删除“{}”。", d.display_name()),
            undo_delete: Some(d.id),
            ..Default::default()
        }))
    }

    /// Bring a deleted draft back.
    pub fn undo_delete(&self, id: &str) -> Result<Notice, Problem> {
        self.store.restore_deleted(id)?;
        Ok(Notice::new("已恢复。"))
    }

    /// Remove a draft from the trash for good.
    pub fn purge(&self, id: &str) -> Result<(), Problem> {
        Ok(self.store.purge_deleted(id)?)
    }

    /// Copy a draft under a new id, named （副本）. A message only when
    /// something other than the copy's appearing in the library is to be said.
    pub fn duplicate(&self, id: &str, now: i64) -> Option<Message> {
        match self.store.load(id) {
            Ok(Some(d)) => self.store.save(&copy_as_new(d, self.new_id(now), "（副本）", now)).err().map(Message::from),
            Ok(None) => Some(Message::Notice(Notice::new("未找到这份草稿，可能已在其他标签页中删除。草稿库已更新。"))),
            Err(e) => Some(Message::from(e)),
        }
    }

    /// Give a draft its own name (empty: the report title is shown).
    pub fn rename(&self, id: &str, name: &str) -> Result<(), Problem> {
        if let Some(mut d) = self.store.load(id)? {
            d.name = name.trim().to_string();
            d.revision += 1;
            self.store.save(&d)?;
        }
        Ok(())
    }

    /// A draft's snapshots, oldest first (an unreadable history reads as none).
    pub fn snapshots(&self, id: &str) -> Vec<Snapshot> {
        self.store.snapshots(id).unwrap_or_default()
    }

    /// Replace the open draft's text with snapshot `index`; the text before
    /// goes to the history. Returns the draft to show.
    pub fn restore_snapshot(&self, open: &Draft, index: usize, now: i64) -> Result<(Draft, Notice), Problem> {
        let restored = self.store.restore_snapshot(open, index, now)?;
        self.adopt(&restored);
        Ok((restored, Notice::new("已恢复所选版本；恢复前的内容已存入历史版本。")))
    }

    /// Free space by keeping only the two newest snapshots of each draft.
    /// The caller then retries a save that failed.
    pub fn free_space(&self) -> Result<Notice, Problem> {
        let freed = self.store.prune_history(2)?;
        Ok(Notice::new(format!("已清理较早的历史版本，释放约 {} KB 空间。", freed * 2 / 1024)))
    }

    /// Storage was full when the page opened: the drafts are all there, but
    /// nothing can be written until space is freed. Says how much each draft
    /// and its history take, so the author knows what to clean up.
    pub fn storage_full(&self) -> Problem {
        let kb = |units: usize| (units * 2).div_ceil(1024);
        let usage = self.store.usage().unwrap_or_default();
        let total = self.store.used_units().unwrap_or(0);
        let mut parts: Vec<String> = usage
            .iter()
            .take(8)
            .map(|(id, draft, history)| {
                let name = self.store.load(id).ok().flatten().map_or_else(|| id.clone(), |d| d.display_name());
                format!("“{name}”正文 {} KB、历史版本 {} KB", kb(*draft), kb(*history))
            })
            .collect();
        if usage.len() > 8 {
            parts.push(format!("另有 {} 份较小的草稿", usage.len() - 8));
        }
        let each = if parts.is_empty() { String::new() } else { format!("各草稿占用：{}。", parts.join("；")) };
        Problem {
            message: format!(
                "浏览器本地存储空间已满（本应用的草稿共占用约 {} KB，其余为同一位置的其他网页所用）。草稿都在，可以打开、导出和“备份全部”，但在释放空间之前新的修改无法保存。{each}请点击“清理历史版本以释放空间”，或在草稿库中删除不需要的草稿。",
                kb(total)
            ),
            offer_free_space: true,
        }
    }

    /// Drafts in 最近删除, most recently edited first.
    pub fn trash(&self) -> Vec<Draft> {
        self.store.trash().unwrap_or_default()
    }

    /// Stored entries that cannot be read, with their raw text to download.
    pub fn unreadable(&self) -> Vec<(String, String)> {
        self.store.unreadable().unwrap_or_default()
    }

    /// Delete an unreadable entry the user has confirmed deleting (after
    /// being offered its raw text); a draft readable again is kept.
    pub fn remove_unreadable(&self, key: &str) -> Result<Notice, Problem> {
        Ok(if self.store.remove_unreadable(key)? {
            Notice::new("已删除这条无法读取的数据。")
        } else {
            Notice::new("这条数据已不存在，或已能正常读取，未删除。草稿库已更新。")
        })
    }

    /// Every readable draft, and the reviewer's desk, as one backup file;
    /// with how many of the desk's files it holds the records of.
    pub fn export_backup(&self, now: i64) -> Result<(String, usize), Problem> {
        let review = super::review::stored_records(self.store.kv())?;
        let files = review.as_ref().map_or(0, Vec::len);
        Ok((self.store.export_backup(now, review)?, files))
    }

    /// Merge a backup file in — the drafts, then the reviewer's desk;
    /// nothing here is deleted or overwritten.
    pub fn restore_backup(&self, text: &str, now: i64) -> Result<Notice, Problem> {
        let r = self.store.restore_backup(text, || self.new_id(now)).map_err(|e| Problem::new(e.message_zh()))?;
        let drafts = format!("已从备份恢复：新增 {} 份，相同 {} 份，内容不同另存为副本 {} 份。原有草稿均未改动。", r.added, r.unchanged, r.copies);
        let Some(records) = r.review else { return Ok(Notice::new(drafts)) };
        match super::review::restore_records(self.store.kv(), records) {
            Ok(done) => Ok(Notice::new(format!("{drafts}{}", done.message()))),
            Err(problem) => Err(Problem::new(format!("{drafts}审阅记录未能恢复：{}", problem.message))),
        }
    }
}
