//! Last year's report, as a draft started from it keeps it (issue #11).
//!
//! A new draft can be made from last year's report: [`next_year`] keeps
//! its title and preamble with the report's own year moved to the new year
//! where it names the report's period, and only there ([`years`]), and gives
//! the five standard headings, copying no section body. When last year's
//! sections are not found, the standard title and preamble are given
//! instead. Last year's text is kept, exactly as rendered, in
//! [`PreviousYear`] for reference; nothing of it enters the new report
//! unless the author puts it there.
//!
//! Each item of last year's 下一年度主要安排 becomes a [`PlanRecord`] on the
//! "去年的安排" checklist: the author marks it 已完成 / 部分完成 / 未完成
//! ([`PlanStatus`]) and links it to the items of this year's report that
//! report on it. The checker (`check::plans`, `check::copied`) then asks for
//! every plan to be reported on, for every unfinished plan to be explained in
//! 不足和原因, and flags sentences copied from last year.
//!
//! The rooms: `copied.rs` (sentences of this year's report that repeat
//! last year's), `stored.rs` (what the draft stores: [`PreviousYear`], its
//! plans and their records), `matching.rs` (which items of this year's
//! report speak of a plan: a set lookup per character pair),
//! `shortcoming.rs` (the 不足和原因 item an unfinished plan starts, and its
//! unanswered 原因：), `next_year.rs` (the new report's front) and `years/`
//! (which years of that front move). None of them knows the checker: it
//! builds on them.

mod copied;
mod matching;
mod next_year;
mod shortcoming;
mod stored;
pub mod years;

pub use copied::{copied_sentences, Copied, COPY_SIMILARITY, MIN_SENTENCE_CHARS};
pub use matching::{addressing_items, explaining_items, reports_on, ItemRef, Place, PlanIndex, TitleMatcher, PLAN_MATCH};
pub use next_year::{next_year, next_year_report, FrontOutcome};
pub use shortcoming::{awaits_cause, shortcoming_starter, without_cause_prompt, CAUSE_PROMPT};
pub use stored::{item_key, plans, Plan, PlanRecord, PlanStatus, PreviousYear};
pub use years::{move_year_in, Reason, YearChange, YearLeft, YearMove, YearPlace};
