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
use std::collections::HashMap;

/// What can be diffed: each sequence pair is first turned into numbers,
/// equal numbers for equal elements and different ones otherwise, so one
/// copy of the Myers routine (over `[usize]`) serves every element type —
/// it only ever compares elements for equality, so the edit script is the
/// one the elements themselves would give. (One instance per element type
/// was ~6.5 KB of wasm code each.)
pub trait Unit {
    /// Both sequences as numbers.
    fn ids(a: &[Self], b: &[Self]) -> (Vec<usize>, Vec<usize>)
    where
        Self: Sized;
}

impl Unit for char {
    fn ids(a: &[char], b: &[char]) -> (Vec<usize>, Vec<usize>) {
        let id = |s: &[char]| s.iter().map(|&c| c as usize).collect();
        (id(a), id(b))
    }
}

impl Unit for u8 {
    fn ids(a: &[u8], b: &[u8]) -> (Vec<usize>, Vec<usize>) {
        let id = |s: &[u8]| s.iter().map(|&c| c as usize).collect();
        (id(a), id(b))
    }
}

impl Unit for &str {
    fn ids(a: &[&str], b: &[&str]) -> (Vec<usize>, Vec<usize>) {
        intern(a, b)
    }
}

impl Unit for String {
    fn ids(a: &[String], b: &[String]) -> (Vec<usize>, Vec<usize>) {
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        let b: Vec<&str> = b.iter().map(String::as_str).collect();
        intern(&a, &b)
    }
}

/// Strings as numbers: the same number for the same text.
fn intern<'a>(a: &[&'a str], b: &[&'a str]) -> (Vec<usize>, Vec<usize>) {
    let mut seen: HashMap<&'a str, usize> = HashMap::new();
    let mut id = |s: &[&'a str]| -> Vec<usize> {
        s.iter()
            .map(|t| {
                let next = seen.len();
                *seen.entry(t).or_insert(next)
            })
            .collect()
    };
    let x = id(a);
    (x, id(b))
}

/// The edit script turning `a` into `b`, with each delete-then-insert run
/// reported as one [`DiffOp::Replace`].
pub fn ops<T: Unit>(a: &[T], b: &[T]) -> Vec<DiffOp> {
    let (a, b) = T::ids(a, b);
    ops_ids(&a, &b)
}

fn ops_ids(a: &[usize], b: &[usize]) -> Vec<DiffOp> {
    let mut hook = Replace::new(Capture::new());
    // Capture never fails.
    let _ = myers::diff_deadline_raw(&mut hook, a, 0..a.len(), b, 0..b.len(), None);
    hook.into_inner().into_ops()
}

/// How alike two sequences are: twice the elements they share in order over
/// their total length (1.0 for equal, 0.0 for nothing in common), as in
/// Python's difflib and `similar::TextDiff::ratio`.
pub fn ratio<T: Unit>(a: &[T], b: &[T]) -> f32 {
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
