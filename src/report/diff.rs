//! Sequence diffs for merging and copy detection, on `similar`'s Myers
//! algorithm.
//!
//! We call the raw Myers routine directly instead of `similar::TextDiff`:
//! `TextDiff` picks its algorithm at run time, so every algorithm (Myers,
//! Patience, Histogram, LCS) and its preflight reductions were compiled for
//! every element type — about 200 KB of wasm code for what we use here.
//! The raw routine is plain Myers with no time limit; our inputs (a
//! section's paragraphs, one paragraph's characters) are small enough.

use similar::algorithms::{myers, Capture, Replace};
pub use similar::DiffOp;

/// The edit script turning `a` into `b`, with each delete-then-insert run
/// reported as one [`DiffOp::Replace`].
pub fn ops<T: PartialEq>(a: &[T], b: &[T]) -> Vec<DiffOp> {
    let mut hook = Replace::new(Capture::new());
    // Capture never fails.
    let _ = myers::diff_deadline_raw(&mut hook, a, 0..a.len(), b, 0..b.len(), None);
    hook.into_inner().into_ops()
}

/// How alike two sequences are: twice the elements they share in order over
/// their total length (1.0 for equal, 0.0 for nothing in common), as in
/// Python's difflib and `similar::TextDiff::ratio`.
pub fn ratio<T: PartialEq>(a: &[T], b: &[T]) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * matched(&ops(a, b)) as f32 / (a.len() + b.len()) as f32
}

/// Elements the two sequences share in order, from an edit script.
pub fn matched(ops: &[DiffOp]) -> usize {
    ops.iter().map(|op| if let DiffOp::Equal { len, .. } = op { *len } else { 0 }).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn ratio_of_equal_unrelated_and_partly_equal_text() {
        assert_eq!(ratio(&chars("法治政府"), &chars("法治政府")), 1.0);
        assert_eq!(ratio(&chars("甲乙"), &chars("丙丁")), 0.0);
        assert_eq!(ratio(&chars("法治政府建设"), &chars("法治社会建设")), 2.0 * 4.0 / 12.0);
        assert_eq!(ratio::<char>(&[], &[]), 1.0);
    }

    #[test]
    fn replaced_runs_come_as_one_op() {
        let a = ["一", "二", "三"];
        let b = ["一", "贰", "三", "四"];
        assert_eq!(
            ops(&a, &b),
            vec![
                DiffOp::Equal { old_index: 0, new_index: 0, len: 1 },
                DiffOp::Replace { old_index: 1, old_len: 1, new_index: 1, new_len: 1 },
                DiffOp::Equal { old_index: 2, new_index: 2, len: 1 },
                DiffOp::Insert { old_index: 3, new_index: 3, new_len: 1 },
            ]
        );
    }
}
