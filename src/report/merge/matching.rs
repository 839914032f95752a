//! Which paragraph or item of one version is which of another's: by
//! content, not position, so an item moved, edited or both is still the
//! same item.
//!
//! In order of trust: the longest run in order of identical units (Myers);
//! identical units out of order (moved); items with the same title; then
//! the most similar remaining pairs (at least half their characters shared
//! in order), best first. Blank lines pair only in order. What is left is
//! added or deleted. A matched unit is *moved* when it is not among the
//! largest set of matched pairs that keep their order.

use crate::report::diff::{self, DiffOp};

/// The least similarity for two different texts to count as one unit edited.
const SIMILAR: f32 = 0.5;

/// Units of two versions paired: `a_to_b[i]` is the unit of `b` that unit
/// `i` of `a` became, `moved[i]` whether it changed place.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Matching {
    pub a_to_b: Vec<Option<usize>>,
    pub b_to_a: Vec<Option<usize>>,
    pub moved: Vec<bool>,
}

/// Pair the units of `a` and `b` (their texts; `titles`, when given, are
/// the items' titles, one per unit).
pub fn match_units(a: &[String], b: &[String], titles: Option<(&[String], &[String])>) -> Matching {
    let mut m = Matching { a_to_b: vec![None; a.len()], b_to_a: vec![None; b.len()], moved: vec![false; a.len()] };
    let pair = |m: &mut Matching, i: usize, j: usize| {
        m.a_to_b[i] = Some(j);
        m.b_to_a[j] = Some(i);
    };
    for op in diff::ops(a, b) {
        if let DiffOp::Equal { old_index, new_index, len } = op {
            for k in 0..len {
                pair(&mut m, old_index + k, new_index + k);
            }
        }
    }
    let blank = |s: &String| s.trim().is_empty();
    // Identical, elsewhere. (Indices, not iterators: `i` pairs a, ta and m.)
    #[allow(clippy::needless_range_loop)]
    for i in 0..a.len() {
        if m.a_to_b[i].is_some() || blank(&a[i]) {
            continue;
        }
        if let Some(j) = (0..b.len()).find(|&j| m.b_to_a[j].is_none() && b[j] == a[i]) {
            pair(&mut m, i, j);
        }
    }
    // The same title: the same item, its body rewritten.
    if let Some((ta, tb)) = titles {
        #[allow(clippy::needless_range_loop)]
        for i in 0..a.len() {
            if m.a_to_b[i].is_some() || ta[i].trim().is_empty() {
                continue;
            }
            if let Some(j) = (0..b.len()).find(|&j| m.b_to_a[j].is_none() && tb[j] == ta[i]) {
                pair(&mut m, i, j);
            }
        }
    }
    // The most similar of what is left, best first; nearer places win ties.
    let chars = |s: &String| s.chars().collect::<Vec<char>>();
    let sorted = |cs: &Vec<char>| {
        let mut v = cs.clone();
        crate::report::sort::numbers(&mut v);
        v
    };
    let b_chars: Vec<Vec<char>> = b.iter().map(chars).collect();
    let b_sorted: Vec<Vec<char>> = b_chars.iter().map(sorted).collect();
    let mut candidates = Vec::new();
    for i in (0..a.len()).filter(|&i| m.a_to_b[i].is_none() && !blank(&a[i])) {
        let ca = chars(&a[i]);
        let sa = sorted(&ca);
        for j in (0..b.len()).filter(|&j| m.b_to_a[j].is_none() && !blank(&b[j])) {
            // The characters the two share in any order bound what they share
            // in order: most unrelated pairs are ruled out without a diff.
            if (2 * shared(&sa, &b_sorted[j])) as f32 / ((sa.len() + b_sorted[j].len()) as f32) < SIMILAR {
                continue;
            }
            let r = diff::ratio(&ca, &b_chars[j]);
            if r >= SIMILAR {
                candidates.push((r, i.abs_diff(j), i, j));
            }
        }
    }
    crate::report::sort::by(&mut candidates, |x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    for (_, _, i, j) in candidates {
        if m.a_to_b[i].is_none() && m.b_to_a[j].is_none() {
            pair(&mut m, i, j);
        }
    }
    // Moved: matched pairs outside the longest increasing run of places
    // (blank lines, matched in order only, do not count).
    let pairs: Vec<(usize, usize)> =
        m.a_to_b.iter().enumerate().filter_map(|(i, j)| j.map(|j| (i, j))).filter(|(i, _)| !blank(&a[*i])).collect();
    let keep = longest_increasing(&pairs.iter().map(|p| p.1).collect::<Vec<_>>());
    for (k, (i, _)) in pairs.iter().enumerate() {
        m.moved[*i] = !keep[k];
    }
    m
}

/// How many characters two sorted lists have in common, with repeats.
fn shared(a: &[char], b: &[char]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Which elements belong to one longest strictly increasing subsequence
/// (patience sorting with back links; the earliest such run on ties).
fn longest_increasing(xs: &[usize]) -> Vec<bool> {
    let mut tails: Vec<usize> = Vec::new(); // index into xs of the smallest tail per length
    let mut back: Vec<Option<usize>> = vec![None; xs.len()];
    for (k, &x) in xs.iter().enumerate() {
        let len = tails.partition_point(|&t| xs[t] < x);
        back[k] = len.checked_sub(1).map(|l| tails[l]);
        if len == tails.len() {
            tails.push(k);
        } else {
            tails[len] = k;
        }
    }
    let mut keep = vec![false; xs.len()];
    let mut at = tails.last().copied();
    while let Some(k) = at {
        keep[k] = true;
        at = back[k];
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn an_item_moved_to_the_end_is_the_one_moved() {
        let m = match_units(&s(&["甲。", "乙。", "丙。"]), &s(&["乙。", "丙。", "甲。"]), None);
        assert_eq!(m.a_to_b, vec![Some(2), Some(0), Some(1)]);
        assert_eq!(m.moved, vec![true, false, false]);
    }

    #[test]
    fn edited_units_pair_by_similarity_and_the_rest_are_added_or_deleted() {
        let a = s(&["加强组织领导，压实工作责任。", "完善执法程序。", ""]);
        let b = s(&["", "加强组织领导，全面压实工作责任。", "开展普法宣传。"]);
        let m = match_units(&a, &b, None);
        assert_eq!(m.a_to_b, vec![Some(1), None, Some(0)]);
        assert_eq!(m.b_to_a, vec![Some(2), Some(0), None]);
        assert_eq!(m.moved, vec![false, false, false], "a blank line does not make its neighbour a move");
    }

    #[test]
    fn the_same_title_is_the_same_item() {
        let a = s(&["甲。原来的正文。", "乙。正文。"]);
        let b = s(&["甲。完全改写过的一段很长很长的新文字。", "乙。正文。"]);
        let (ta, tb) = (s(&["甲", "乙"]), s(&["甲", "乙"]));
        assert_eq!(match_units(&a, &b, Some((&ta, &tb))).a_to_b, vec![Some(0), Some(1)]);
        assert_eq!(match_units(&a, &b, None).a_to_b, vec![None, Some(1)]);
    }
}
