//! The `copied-from-previous` rule: one finding per paragraph holding
//! sentences copied from last year's report (found by
//! [`copied_sentences`](crate::report::last_year::copied_sentences) once per
//! check, in [`AgainstLastYear::copied`]).

use super::ctx::{AgainstLastYear, At, Ctx, Findings};

/// One finding per paragraph holding sentences copied from last year.
pub(super) fn copied_from_previous(_ctx: &Ctx, last: &AgainstLastYear, out: &mut Findings) {
    for group in last.copied.chunk_by(|a, b| a.line == b.line) {
        let first = &group[0];
        let mut snippet: String = first.sentence.chars().take(20).collect();
        if first.sentence.chars().count() > 20 {
            snippet.push('…');
        }
        out.push(At { section: Some(first.section_index), item: first.item, line: Some(first.line) }, format!(
            "本段有 {} 句与去年报告基本相同（如“{snippet}”，见去年报告第 {} 行）。年度报告应反映本年度的工作，请核实后改写，写明本年度的新举措、新成效和数据。",
            group.len(),
            first.previous_line
        ));
    }
}

