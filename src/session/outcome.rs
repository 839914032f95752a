//! What the session tells the user: a problem (the warning band at the
//! bottom, kept until resolved) or a notice (a confirmation, with undo where
//! an action can be undone). The Chinese texts live with the logic that
//! decides them, so the views only show them.

use crate::storage::StoreError;

/// A problem shown in the warning band, with what the user can do.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub message: String,
    /// The quota is full: offer to free space by thinning the history.
    pub offer_free_space: bool,
}

impl Problem {
    /// A problem whose remedy is in its message (nothing to offer beside it).
    pub fn new(message: impl Into<String>) -> Self {
        Problem { message: message.into(), offer_free_space: false }
    }
}

impl From<&StoreError> for Problem {
    fn from(e: &StoreError) -> Self {
        Problem { message: e.message_zh(), offer_free_space: matches!(e, StoreError::QuotaExceeded) }
    }
}

impl From<StoreError> for Problem {
    fn from(e: StoreError) -> Self {
        Problem::from(&e)
    }
}

/// A short confirmation with an optional undo (e.g. after a delete).
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
    /// An item just deleted from a part, offered for undo.
    pub undo_item: Option<Box<RemovedItem>>,
    /// The report before a change to all of it (一键改为全角标点), offered back.
    pub undo_report: Option<Box<ReportBefore>>,
}

/// A draft's report as it was before a change to all of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportBefore {
    pub draft_id: String,
    pub report: crate::report::model::Report,
}

/// An item deleted from a part of a draft: enough to put it back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RemovedItem {
    pub draft_id: String,
    pub section: usize,
    pub index: usize,
    pub item: crate::report::model::Item,
}

impl Notice {
    pub fn new(message: impl Into<String>) -> Self {
        Notice { message: message.into(), ..Default::default() }
    }
}

/// Either kind of message, for actions that can end in both.
#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    Notice(Notice),
    Problem(Problem),
}

impl From<Notice> for Message {
    fn from(n: Notice) -> Self {
        Message::Notice(n)
    }
}

impl From<Problem> for Message {
    fn from(p: Problem) -> Self {
        Message::Problem(p)
    }
}

/// An action that ends in a notice or a problem.
impl From<Result<Notice, Problem>> for Message {
    fn from(r: Result<Notice, Problem>) -> Self {
        r.map_or_else(Message::Problem, Message::Notice)
    }
}

impl From<StoreError> for Message {
    fn from(e: StoreError) -> Self {
        Message::Problem(Problem::from(&e))
    }
}
