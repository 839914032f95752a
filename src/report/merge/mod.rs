//! Merging a colleague's version of a report into the open draft.
//!
//! A draft goes to a colleague or the leader as a file and comes back
//! edited. Every file the app exports for a colleague records which draft
//! and revision it was made from ([`Base`]: in the share file's `base`
//! field, in a .docx's custom document properties); the app keeps that
//! revision's text, so when the file comes back the merge is three-way
//! ([`three_way`]): base, mine and theirs, per part and per item.
//!
//! - A change only the colleague made is offered (采纳 or not); a change
//!   only I made is kept and shown as mine, never offered for undoing.
//! - Where both changed the same item differently, the row is a conflict
//!   with base, mine and theirs side by side; 都保留 keeps both next to each
//!   other, theirs labelled （对方的版本）.
//! - Items and paragraphs are matched by content, not position, so a
//!   reordered item is a move, not a deletion and an addition.
//! - Without the base (history cleared, a file from elsewhere) the merge
//!   says so ([`Merge::base_found`]) and compares the two versions only:
//!   every difference is the author's to decide ([`RowKind::Differs`]).
//!
//! Before merging, [`Identity::mismatch`] says whether the file is the same
//! report at all (unit, year, draft), in a sentence for the page.
//!
//! Sections are paired by kind (the second `Unknown` section with the other
//! version's second `Unknown`), never by position, so a colleague who added
//! a missing section does not shift the others.
//!
//! Everything here is pure: the caller keeps a snapshot of the draft before
//! it replaces the report (see `storage::history`, reason `BeforeMerge`).

mod apply;
mod base;
mod marks;
mod matching;
mod parts;
mod three_way;

pub use base::{Base, Identity, Mismatch, Received};
pub use marks::{marks, Span};
pub use three_way::{three_way, Merge, MergePart, MergeRow, RowId, RowKind, Side, Slot};

use super::model::SectionKind;

/// Which part of the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartKey {
    /// The lines before the first section: title and preamble.
    Front,
    /// The `nth` section of this kind (0 for the first).
    Section { kind: SectionKind, nth: usize },
}

/// What to keep where the versions differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// 用我的: keep the open draft's version (for a colleague's change: 不采纳).
    Mine,
    /// 用对方的: take the colleague's version (for a colleague's change: 采纳).
    Theirs,
    /// 都保留: mine, and theirs right after it, labelled （对方的版本）, to
    /// edit by hand.
    Both,
}

impl Choice {
    pub fn label(self) -> &'static str {
        match self {
            Choice::Mine => "用我的",
            Choice::Theirs => "用对方的",
            Choice::Both => "都保留",
        }
    }
}

/// The label 都保留 puts before the colleague's copy.
pub const THEIRS_LABEL: &str = "（对方的版本）";
