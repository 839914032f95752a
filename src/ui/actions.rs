//! The user's actions on drafts, as the views call them: each runs the
//! session's action (`crate::session`, where the rules and the messages
//! are) and shows its outcome — the draft to open, the library to refresh,
//! the notice or problem to show. No view reaches the store but through here.

use leptos::prelude::*;

use super::browser::now_ms;
use super::route::Screen;
use super::state::{AppState, Notice, Problem, SaveStatus};
use crate::report::check::place::FrameField;
use crate::report::check::Finding;
use crate::report::deadline::Date;
use crate::report::merge::{Choice, RowId};
use crate::report::{Draft, Report};
use crate::session::create::{Created, FieldProblem, QuickStart};
use crate::session::merge::Incoming;
use crate::session::{upsert, Message};
use crate::storage::history::Snapshot;

impl AppState {
    /// 快速开始: create a new blank draft with the 公文's frame and open it.
    /// The fields to correct come back when the 主送机关 or 成文日期 would not
    /// read back. When it cannot be stored, work goes on in the page and the
    /// band says why.
    pub fn start(self, answers: &QuickStart) -> Vec<FieldProblem> {
        self.save_now();
        let (draft, stored) = match self.session(|s| s.start(answers, now_ms())) {
            Ok(made) => made,
            Err(problems) => return problems,
        };
        let id = draft.id.clone();
        match stored {
            Ok(entry) => self.open_created(Created { draft, summary: entry, notice: None }),
            Err(problem) => {
                self.problem.set(Some(problem));
                self.draft.set(Some(draft));
                self.status.set(SaveStatus::Failed);
                super::route::set(&Screen::Draft(id.clone()));
                self.screen.set(Screen::Draft(id));
            }
        }
        Vec::new()
    }

    /// Set one element of the open draft's 公文 frame from the title card.
    /// What would not read back is refused with what to write; the draft is
    /// then unchanged.
    pub fn set_frame(self, field: FrameField, text: &str) -> Result<(), String> {
        let mut result = Ok(());
        self.edit(|d| {
            let r = &mut d.report;
            result = match field {
                FrameField::Addressee => r.set_addressee(text),
                FrameField::DocNumber => r.set_doc_number(text),
                FrameField::Signature => r.set_signature(text),
                FrameField::Date => r.set_date(text),
            };
        });
        result
    }

    /// Open a draft just made and stored, as it was built (never read back),
    /// and say what was done.
    fn open_created(self, created: Created) {
        let Created { draft, summary, notice } = created;
        let id = draft.id.clone();
        self.library.update(|l| upsert(l, summary));
        self.show(draft);
        self.go(Screen::Draft(id));
        if let Some(notice) = notice {
            self.notice.set(Some(notice));
        }
    }

    /// Make a new draft from an imported file and open it, telling the user
    /// the encoding found and what the file holds; a file that cannot be
    /// read is explained and nothing changes.
    pub fn import_text(self, file_name: &str, bytes: &[u8]) {
        // Timed to the opened draft, as the benchmark has always read it.
        super::browser::timed("fzbg:import", || {
            self.save_now();
            match self.session(|s| s.import(file_name, bytes, &super::browser::gb18030, now_ms())) {
                Ok(created) => self.open_created(created),
                Err(problem) => self.problem.set(Some(problem)),
            }
        })
    }

    /// Read a colleague's file as a report to merge. On failure the reason
    /// is shown and `None` returned.
    pub fn read_report_file(self, file_name: &str, bytes: &[u8]) -> Option<Report> {
        crate::session::read_report_file(file_name, bytes, &super::browser::gb18030)
            .map_err(|problem| self.problem.set(Some(problem)))
            .ok()
    }

    /// 从去年的报告开始 with a report read from a file or the library.
    pub fn start_from_previous(self, source: &str, last_year: &Report) {
        self.save_now();
        match self.session(|s| s.start_from_previous(source, last_year, now_ms())) {
            Ok(created) => self.open_created(created),
            Err(problem) => self.problem.set(Some(problem)),
        }
    }

    /// 从去年的报告开始 with a draft from the library as last year's report.
    pub fn start_from_library(self, id: &str) {
        match self.session(|s| s.last_year_from_library(id)) {
            Ok((name, report)) => self.start_from_previous(&name, &report),
            Err(problem) => self.problem.set(Some(problem)),
        }
    }

    /// Undo a start from last year's report: back to the start screen.
    pub fn undo_start(self, id: &str) {
        match self.session(|s| s.undo_start(id)) {
            Ok(notice) => {
                self.draft.set(None);
                self.go(Screen::New);
                self.notice.set(Some(notice));
            }
            Err(problem) => self.problem.set(Some(problem)),
        }
        self.refresh_library();
    }


    /// Read a colleague's file against the open draft for 合并同事的修改.
    /// On failure the reason is shown and `None` returned; nothing changes.
    pub fn read_for_merge(self, file_name: &str, bytes: &[u8]) -> Option<Incoming> {
        self.save_now();
        let read = self.draft.with_untracked(|d| {
            d.as_ref().map(|open| self.session(|s| s.read_for_merge(open, file_name, bytes, &super::browser::gb18030)))
        })?;
        match read {
            Ok(incoming) => {
                self.problem.set(None);
                Some(incoming)
            }
            Err(problem) => {
                self.problem.set(Some(problem));
                None
            }
        }
    }

    /// Merge the colleague's version with the author's choices and show the
    /// task list. The draft as it was goes to its history first; if that
    /// cannot be written nothing changes.
    pub fn merge_received(self, incoming: &Incoming, choices: &[(RowId, Choice)]) -> bool {
        self.save_now();
        let Some(id) = self.draft.with_untracked(|d| d.as_ref().map(|d| d.id.clone())) else { return false };
        let merged = self.draft.with_untracked(|d| d.as_ref().map(|mine| self.session(|s| s.merge(mine, incoming, choices, now_ms()))));
        match merged {
            Some(Ok((report, notice))) => {
                self.edit(|d| d.report = report);
                self.save_now();
                self.generation.update(|g| *g += 1);
                self.go(Screen::Draft(id));
                self.notice.set(Some(notice));
                true
            }
            Some(Err(problem)) => {
                self.problem.set(Some(problem));
                false
            }
            None => false,
        }
    }

    /// 作为新草稿导入: the colleague's file as a draft of its own, opened;
    /// the draft that was open is not touched.
    pub fn import_received(self, incoming: &Incoming) {
        self.save_now();
        match self.session(|s| s.import_received(incoming, now_ms())) {
            Ok(created) => self.open_created(created),
            Err(problem) => self.problem.set(Some(problem)),
        }
    }

    /// After the open draft was exported for a colleague: keep the version
    /// sent (pinned in its history), or say that it could not be kept.
    pub fn sent(self) {
        let kept = self.draft.with_untracked(|d| d.as_ref().map(|d| self.session(|s| s.sent(d, now_ms()))));
        if let Some(Err(problem)) = kept {
            self.problem.set(Some(problem));
        }
    }

    /// Delete item `index` of part `section`, focus `focus` afterwards; an
    /// item with text is kept in the history first and offered back.
    pub fn remove_item(self, section: usize, index: usize, focus: String) {
        let notice = self.draft.with_untracked(|d| d.as_ref().and_then(|d| self.session(|s| s.before_removing_item(d, section, index, now_ms()))));
        self.restructure(Some(focus), |d| {
            if let Some(s) = d.report.sections.get_mut(section) {
                s.remove_item(index);
            }
        });
        if notice.is_some() {
            self.notice.set(notice);
        }
    }

    /// Draft `id` is the one open here, and this tab may edit it: an undo
    /// offered in a notice can still be applied.
    fn edits_here(self, id: &str) -> bool {
        self.draft.with_untracked(|d| d.as_ref().is_some_and(|d| d.id == id)) && !self.read_only_untracked()
    }

    /// Put a deleted item back where it was (撤销删除 in the notice).
    pub fn undo_remove_item(self, removed: crate::session::outcome::RemovedItem) {
        let open = self.draft.with_untracked(|d| d.as_ref().is_some_and(|d| removed.section < d.report.sections.len()));
        if !open || !self.edits_here(&removed.draft_id) {
            self.warn("这一条所在的草稿现在不在本页编辑，无法直接撤销；删除前的内容可在该草稿的“历史版本”中找回。");
            return;
        }
        let at = self.draft.with_untracked(|d| d.as_ref().map_or(0, |d| removed.index.min(d.report.sections[removed.section].items.len())));
        let crate::session::outcome::RemovedItem { section, index, item, .. } = removed;
        self.restructure(Some(format!("item-{at}-title")), |d| {
            d.report.sections[section].restore_item(index, item);
        });
        self.confirm(format!("已恢复第 {} 条。", at + 1));
    }

    /// 一键改为全角标点 over the whole report; the notice offers the report
    /// as it was (the change touches every part at once).
    pub fn fix_punctuation(self) {
        let before = self.draft.with_untracked(|d| d.as_ref().map(|d| (d.id.clone(), d.report.clone())));
        let mut changed = 0;
        self.restructure(None, |d| {
            changed = crate::report::check::fix_report_punctuation(&mut d.report);
        });
        self.save_now();
        if let Some((draft_id, report)) = before.filter(|_| changed > 0) {
            self.notice.set(Some(Notice {
                undo_report: Some(Box::new(crate::session::outcome::ReportBefore { draft_id, report })),
                ..Notice::new(format!("已把 {changed} 处半角标点改为全角。"))
            }));
        }
    }

    /// Put the report back as it was before a change to all of it.
    pub fn undo_report_change(self, before: crate::session::outcome::ReportBefore) {
        if !self.edits_here(&before.draft_id) {
            self.warn("这份草稿现在不在本页编辑，无法直接撤销；改正前的内容可在该草稿的“历史版本”中找回。");
            return;
        }
        self.restructure(None, |d| d.report = before.report);
        self.save_now();
        self.confirm("已撤销，恢复为改正前的标点。");
    }

    /// Keep the part as it was before pasted text replaces it.
    pub fn before_paste(self) {
        self.draft.with_untracked(|d| {
            if let Some(d) = d {
                self.session(|s| s.before_paste(d, now_ms()));
            }
        });
    }

    /// Move a draft to the trash, with an undo offer.
    pub fn delete(self, id: &str) {
        match self.session(|s| s.delete(id, now_ms())) {
            Ok(notice) => {
                if let Some(notice) = notice {
                    self.notice.set(Some(notice));
                }
            }
            Err(problem) => self.problem.set(Some(problem)),
        }
        self.refresh_library();
    }

    pub fn undo_delete(self, id: &str) {
        self.tell(self.session(|s| s.undo_delete(id)));
        self.refresh_library();
    }

    /// Remove a draft from 最近删除 for good.
    pub fn purge(self, id: &str) {
        let _ = self.session(|s| s.purge(id));
        self.refresh_library();
    }

    /// Copy a draft under a new id.
    pub fn duplicate(self, id: &str) {
        if let Some(message) = self.session(|s| s.duplicate(id, now_ms())) {
            self.tell(message);
        }
        self.refresh_library();
    }

    pub fn rename(self, id: &str, name: &str) {
        if let Err(problem) = self.session(|s| s.rename(id, name)) {
            self.problem.set(Some(problem));
        }
        self.refresh_library();
    }

    pub fn trash(self) -> Vec<Draft> {
        self.session(|s| s.trash())
    }

    pub fn unreadable(self) -> Vec<(String, String)> {
        self.session(|s| s.unreadable())
    }

    /// Delete an unreadable entry, confirmed by the user.
    pub fn remove_unreadable(self, key: &str) {
        match self.session(|s| s.remove_unreadable(key)) {
            Ok(notice) => self.tell(notice),
            Err(problem) => self.problem.set(Some(problem)),
        }
        self.refresh_library();
    }

    pub fn snapshots(self, id: &str) -> Vec<Snapshot> {
        self.session(|s| s.snapshots(id))
    }

    pub fn export_backup(self) -> Result<(String, usize), Problem> {
        self.session(|s| s.export_backup(now_ms()))
    }

    pub fn restore_backup(self, text: &str) {
        self.tell(self.session(|s| s.restore_backup(text, now_ms())));
        self.refresh_library();
    }

    /// Replace the open draft's text with a snapshot from its history.
    pub fn restore_snapshot(self, index: usize) {
        self.save_now();
        let Some(id) = self.draft.with_untracked(|d| d.as_ref().map(|d| d.id.clone())) else { return };
        let restored = self.draft.with_untracked(|d| d.as_ref().map(|d| self.session(|s| s.restore_snapshot(d, index, now_ms()))));
        match restored {
            Some(Ok((draft, notice))) => {
                self.show(draft);
                self.refresh_library();
                self.go(Screen::Draft(id));
                self.notice.set(Some(notice));
            }
            Some(Err(problem)) => self.problem.set(Some(problem)),
            None => {}
        }
    }

    /// Free space by keeping only the two newest snapshots of each draft,
    /// then retry the save that failed.
    pub fn free_space(self) {
        match self.session(|s| s.free_space()) {
            Ok(notice) => {
                self.problem.set(None);
                self.notice.set(Some(notice));
                if self.status.get_untracked() == SaveStatus::Failed {
                    self.status.set(SaveStatus::Pending);
                    self.save_now();
                }
            }
            Err(problem) => self.problem.set(Some(problem)),
        }
    }

    /// Show a message: a problem in the warning band, a notice below it.
    pub fn tell(self, message: impl Into<Message>) {
        match message.into() {
            Message::Notice(n) => self.notice.set(Some(n)),
            Message::Problem(p) => self.problem.set(Some(p)),
        }
    }

    /// Run the checker on the open draft.
    pub fn refresh_findings(self) {
        let today = Date::from_unix_ms_china(now_ms());
        let sorted = self.draft.with_untracked(|d| {
            d.as_ref().map(|d| super::browser::timed("fzbg:check", || d.check_sorted(today))).unwrap_or_default()
        });
        self.findings.set(sorted.active);
        self.set_aside.set(sorted.set_aside);
    }

    /// Set a finding aside (忽略) with the author's reason, save, and check
    /// again: it leaves the counts until its text changes.
    pub fn set_finding_aside(self, finding: &Finding, reason: &str) {
        let today = Date::from_unix_ms_china(now_ms());
        self.edit(|d| d.set_finding_aside(finding, reason, today));
        self.save_now();
        self.refresh_findings();
        self.confirm("已忽略这条检查结果。可在“已忽略”中恢复。");
    }

    /// Bring a finding set aside back (恢复).
    pub fn restore_finding(self, finding: &Finding) {
        self.edit(|d| d.restore_finding(finding));
        self.save_now();
        self.refresh_findings();
        self.confirm("已恢复这条检查结果。");
    }

    /// Focus this field, instead of the heading, when the next screen opens.
    pub fn focus_after(self, field: Option<String>) {
        self.focus_next.set_value(field);
    }

    /// The field a link asked the new screen to focus, once.
    pub fn take_focus_after(self) -> Option<String> {
        self.focus_next.try_update_value(Option::take).flatten()
    }

    /// A confirmation for something done outside storage (a download).
    pub fn confirm(self, message: impl Into<String>) {
        self.notice.set(Some(Notice::new(message)));
    }

    /// A problem with something outside storage (reading a file, a download).
    pub fn warn(self, message: impl Into<String>) {
        self.problem.set(Some(Problem::new(message)));
    }
}
