//! Backing up every draft — and the reviewer's desk, the file list with
//! the opinions written — as one file, and restoring from it without ever
//! deleting or overwriting anything.

use serde::{Deserialize, Serialize};

use super::drafts::DraftStore;
use super::{KeyValue, StoreError};
use crate::report::review::desk::FileRecord;
use crate::report::Draft;

pub const BACKUP_FORMAT: &str = "fazhi-report-backup";
pub const BACKUP_SCHEMA: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Backup {
    format: String,
    schema: u32,
    exported: i64,
    drafts: Vec<Draft>,
    /// The reviewer's desk (`session::review`): what the reviewer wrote,
    /// per file; the reports' texts are picked again after a restore.
    /// Absent when there is none (and in older backups, which read as before).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    review: Option<Vec<FileRecord>>,
}

/// What restoring a backup did.
#[derive(Debug, Default, PartialEq)]
pub struct RestoreReport {
    /// Drafts that were not on this computer and were added.
    pub added: usize,
    /// Drafts identical to the one here: nothing to do.
    pub unchanged: usize,
    /// Drafts whose id exists here with other text: added as a copy beside it.
    pub copies: usize,
    /// The reviewer's desk in the backup, for the caller to merge in
    /// (`session::review::restore_records`).
    pub review: Option<Vec<FileRecord>>,
}

#[derive(Debug, PartialEq, Eq)]
pub enum BackupError {
    NotABackup,
    Newer { found: u32 },
    Store(StoreError),
}

impl BackupError {
    pub fn message_zh(&self) -> String {
        match self {
            BackupError::NotABackup => "所选文件不是法治报告助手的备份文件，未做任何更改。请选择“备份全部”时保存的 .json 文件。".into(),
            BackupError::Newer { found } => format!("此备份由更新版本的法治报告助手生成（备份版本 {found}），当前版本无法读取，未做任何更改。请使用新版本恢复。"),
            BackupError::Store(e) => e.message_zh(),
        }
    }
}

impl<K: KeyValue> DraftStore<K> {
    /// Every readable draft, and the reviewer's desk when there is one, as
    /// one JSON file.
    pub fn export_backup(&self, now_ms: i64, review: Option<Vec<FileRecord>>) -> Result<String, StoreError> {
        let mut drafts = Vec::new();
        for s in self.list()? {
            if let Ok(Some(d)) = self.load(&s.id) {
                drafts.push(d);
            }
        }
        let backup = Backup { format: BACKUP_FORMAT.into(), schema: BACKUP_SCHEMA, exported: now_ms, drafts, review };
        // Compact, then re-indented: `to_string_pretty`'s bytes with one copy
        // of the serialisers (`formats::pretty`).
        serde_json::to_string(&backup).map(|s| crate::report::formats::pretty::pretty(&s)).map_err(|e| StoreError::Other(e.to_string()))
    }

    /// Merge a backup in by draft id. Nothing here is deleted or overwritten:
    /// a draft whose id exists with different content comes in as a copy.
    /// `new_id` makes ids for those copies.
    pub fn restore_backup(&self, json: &str, mut new_id: impl FnMut() -> String) -> Result<RestoreReport, BackupError> {
        let backup: Backup = serde_json::from_str(json).map_err(|_| BackupError::NotABackup)?;
        if backup.format != BACKUP_FORMAT {
            return Err(BackupError::NotABackup);
        }
        if backup.schema > BACKUP_SCHEMA {
            return Err(BackupError::Newer { found: backup.schema });
        }
        let mut report = RestoreReport { review: backup.review, ..RestoreReport::default() };
        for mut draft in backup.drafts {
            match self.load(&draft.id) {
                Ok(Some(here)) if here == draft => report.unchanged += 1,
                Ok(None) => {
                    self.save(&draft).map_err(BackupError::Store)?;
                    report.added += 1;
                }
                // Different text, or an unreadable entry here: keep both.
                Ok(Some(_)) | Err(_) => {
                    draft.id = new_id();
                    self.save(&draft).map_err(BackupError::Store)?;
                    report.copies += 1;
                }
            }
        }
        Ok(report)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::memory::MemoryStore;

    #[test]
    fn the_bytes_serde_json_pretty_prints() {
        let store = DraftStore::new(MemoryStore::new());
        let seed = crate::report::parse(include_str!("../../tests/fixtures/seed/000_7470bc842f3634e7.txt"));
        let mut a = Draft::from_report("d1", seed, "seed", 2025, 1_700_000_000_000);
        a.extra.insert("later\"{[,:]}".into(), serde_json::json!({ "a": [], "b": {}, "c": ["\\", "]"] }));
        let b = Draft::new("d2", "某区司法局", 2025, 1_700_000_000_001);
        store.save(&a).unwrap();
        store.save(&b).unwrap();
        let drafts: Vec<Draft> = store.list().unwrap().iter().map(|s| store.load(&s.id).unwrap().unwrap()).collect();
        assert_eq!(drafts.len(), 2);
        let review = Some(vec![FileRecord { name: "甲.txt".into(), opinion: "请补充。".into(), ..FileRecord::default() }]);
        let backup = Backup { format: BACKUP_FORMAT.into(), schema: BACKUP_SCHEMA, exported: 9, drafts, review: review.clone() };
        assert_eq!(store.export_backup(9, review).unwrap(), serde_json::to_string_pretty(&backup).unwrap());
    }
}
