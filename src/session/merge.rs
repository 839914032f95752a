//! 合并同事的修改 and sending to a colleague: the version sent is kept
//! (pinned in the history), a colleague's file is read against it — three
//! ways when that version is found — and merged only into the same report.
//!
//! A file of another unit, year or draft is never merged silently: the page
//! names both reports and offers to import the file as a new draft; the
//! comparison is still made, for the author who chooses to merge anyway.

use super::create::{copy_as_new, likely_report_year, Created};
use super::{Gb18030, Notice, Problem, Session};
use crate::report::merge::{three_way, Base, Choice, Identity, Merge, Mismatch, Received, RowId};
use crate::report::{parse, Draft, Report};
use crate::storage::KeyValue;

/// A colleague's file read against the open draft.
#[derive(Clone, Debug)]
pub struct Incoming {
    pub file_name: String,
    pub received: Received,
    pub merge: Merge,
    /// The file is not the open draft's report: say so and ask.
    pub mismatch: Option<Mismatch>,
    /// Why the comparison is only two-way (no base recorded, or not found
    /// here); `None` when it is three-way.
    pub no_base: Option<String>,
}

impl<K: KeyValue> Session<K> {
    /// After exporting `draft` for a colleague: keep the version sent, pinned,
    /// so their reply merges from it. Nothing to keep for a draft that was
    /// itself received (its exports name the sender's version). The export
    /// stands either way; a version not kept is said, with what it means.
    pub fn sent(&self, draft: &Draft, now: i64) -> Result<(), Problem> {
        if !Base::for_export(draft).is_of(draft) {
            return Ok(());
        }
        self.store.pin_sent(draft, now).map_err(|e| {
            let mut problem = Problem::from(&e);
            problem.message = format!("文件已导出，但未能在“历史版本”中保留发出的版本：同事发回修改后，只能与当前草稿直接对比。{}", problem.message);
            problem
        })
    }

    /// Read a colleague's file to merge into `open`. A file that cannot be
    /// read is named as such (a truncated share file too) and nothing changes.
    pub fn read_for_merge(&self, open: &Draft, file_name: &str, bytes: &[u8], gb18030: &Gb18030) -> Result<Incoming, Problem> {
        let mut received = Received::read(bytes, gb18030).map_err(|m| Problem::new(format!("“{file_name}”未能读取，当前草稿没有改动：{m}")))?;
        // Controls a text or share file carried, out and counted, as an
        // import does (a .docx's are left out as it is read).
        let (clean, dropped) = crate::report::decode::strip_controls(&crate::report::render(&received.report));
        if dropped > 0 {
            received.report = parse(&clean);
            received.warnings.push(format!("文件中有 {dropped} 个不可见的控制字符（如 ESC、NUL），已删除，其余文字不受影响，请核对。"));
        }
        let mismatch = Identity::of_draft(open).mismatch(&received.identity);
        let (base, no_base) = match &received.base {
            None => (None, Some("这份文件没有记录它是从哪个版本修改而来（如文本文件、其他软件生成的 Word 文档），因此只能与当前草稿直接对比：每一处不同都请您决定，不选则保留当前草稿的内容。".to_string())),
            Some(b) => match self.base_text(open, b) {
                Some(report) => (Some(report), None),
                None => (None, Some(format!(
                    "找不到发出这份文件时的版本（{}），可能已在“历史版本”中被清理，或文件来自另一台电脑上的草稿，因此只能与当前草稿直接对比：每一处不同都请您决定，不选则保留当前草稿的内容。",
                    if b.is_of(open) { format!("当前草稿的第 {} 次保存", b.revision) } else { "另一份草稿".to_string() }
                ))),
            },
        };
        let merge = three_way(base.as_ref(), &open.report, &received.report);
        Ok(Incoming { file_name: file_name.to_string(), received, merge, mismatch, no_base })
    }

    /// The text of the version a file was made from, when it is this draft's
    /// and still here: the pinned sent version, any snapshot of that
    /// revision, or the draft itself if it has not been saved since.
    fn base_text(&self, open: &Draft, base: &Base) -> Option<Report> {
        if !base.is_of(open) {
            return None;
        }
        match self.store.text_at_revision(&open.id, base.revision) {
            Some(text) => Some(parse(&text)),
            None => (open.revision == base.revision).then(|| open.report.clone()),
        }
    }

    /// Merge with the author's choices (a row not chosen keeps mine). The
    /// draft as it was goes to its history first; if that cannot be written
    /// nothing is merged. Returns the merged report and what to say.
    pub fn merge(&self, open: &Draft, incoming: &Incoming, choices: &[(RowId, Choice)], now: i64) -> Result<(Report, Notice), Problem> {
        let notice = self.before_merge(open, &incoming.file_name, now)?;
        Ok((incoming.merge.apply(choices), notice))
    }

    /// 作为新草稿导入: the colleague's file as a draft of its own, remembering
    /// the version it was made from; the open draft is not touched.
    pub fn import_received(&self, incoming: &Incoming, now: i64) -> Result<Created, Problem> {
        let id = self.new_id(now);
        let received = &incoming.received;
        let mut draft = match &received.draft {
            Some(shared) => copy_as_new(shared.clone(), id, "", now),
            None => {
                let stem = incoming.file_name.split('.').next().unwrap_or(&incoming.file_name);
                Draft::from_report(id, received.report.clone(), stem, likely_report_year(now), now)
            }
        };
        draft.base = received.base.clone().or(draft.base);
        let mut message = format!("已将“{}”作为新草稿导入（{}），原来的草稿没有改动。", incoming.file_name, draft.display_name());
        for w in &received.warnings {
            message.push_str(&format!("{w}。"));
        }
        self.store_new(draft, Notice::new(message))
    }
}
