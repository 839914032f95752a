//! A bounded test of how alike two paragraphs are, run before the full
//! character diff so that one pair of long or unlike paragraphs cannot take
//! long: the greedy forward pass of Myers' algorithm, stopped once more than
//! `max` insertions and deletions would be needed. Its work is at most
//! `(a.len() + b.len() + 1) * (max + 1)` steps, whatever the texts.
//!
//! It is exact: the pass finds the fewest edits there are, so a pair it
//! turns away is one no diff could find alike enough (the diff's shared
//! characters can only be fewer than the longest common subsequence).

/// Whether `a` becomes `b` with at most `max` insertions and deletions (that
/// is, `a.len() + b.len() - 2 * LCS(a, b) <= max`).
pub fn within<T: PartialEq>(a: &[T], b: &[T], max: usize) -> bool {
    distance(a, b, max).is_some()
}

/// The fewest insertions and deletions turning `a` into `b`, when at most `max`.
pub fn distance<T: PartialEq>(a: &[T], b: &[T], max: usize) -> Option<usize> {
    let (n, m) = (a.len() as isize, b.len() as isize);
    if (n - m).unsigned_abs() > max {
        return None;
    }
    // v[k + off]: the furthest x reached on diagonal k = x - y.
    let off = max as isize + 1;
    let mut v = vec![0isize; 2 * max + 3];
    for d in 0..=max as isize {
        let mut k = -d;
        while k <= d {
            let i = (k + off) as usize;
            let mut x = if k == -d || (k != d && v[i - 1] < v[i + 1]) { v[i + 1] } else { v[i - 1] + 1 };
            let mut y = x - k;
            while x < n && y < m && a[x as usize] == b[y as usize] {
                x += 1;
                y += 1;
            }
            v[i] = x;
            if x >= n && y >= m {
                return Some(d as usize);
            }
            k += 2;
        }
    }
    None
}

/// [`crate::report::diff::ratio`] of two sequences `distance` edits apart:
/// the same number, as the diff there finds the fewest edits too.
pub fn ratio(la: usize, lb: usize, distance: usize) -> f32 {
    if la + lb == 0 {
        return 1.0;
    }
    2.0 * ((la + lb - distance) / 2) as f32 / (la + lb) as f32
}

/// A ratio in whole percent, the digits `format!("{:.0}", ratio * 100.0)`
/// shows (the nearest, ties to even) without linking the float printer
/// (about 4 KB of wasm) for one label. For ratios from 0 to 1.
pub fn percent(ratio: f32) -> u32 {
    (ratio * 100.0).round_ties_even() as u32
}

/// A similarity as the pair page labels it: whole percent, but never 100
/// for passages that differ (99.6 % alike is shown as 99 %, beside the
/// differences it marks).
pub fn similarity_percent(ratio: f32) -> u32 {
    match percent(ratio) {
        100 if ratio < 1.0 => 99,
        p => p,
    }
}

/// The most insertions and deletions two keys of these lengths may need and
/// still be [`super::copying::THRESHOLD`] (90 %) alike, with a margin of two
/// so that rounding in the ratio's `f32` can never turn a match away.
pub fn max_edits_for_threshold(la: usize, lb: usize) -> usize {
    (la + lb) / 10 + 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::diff;

    #[test]
    fn a_similarity_short_of_identical_is_never_shown_as_100() {
        assert_eq!(similarity_percent(ratio(250, 250, 1)), 99);
        assert_eq!(similarity_percent(1.0), 100);
        assert_eq!(similarity_percent(0.904), 90);
    }

    #[test]
    fn percent_shows_what_the_float_printer_shows() {
        let mut shown = 0;
        for total in 1..=400 {
            for shared in 0..=total {
                let r = shared as f32 / total as f32;
                for r in [r, 2.0 * (shared / 2) as f32 / total as f32] {
                    assert_eq!(percent(r).to_string(), format!("{:.0}", r * 100.0), "{r}");
                    shown += 1;
                }
            }
        }
        // Every f32 from 0 to 1 in steps of 2^-20, ties among them.
        for k in 0..=(1u32 << 20) {
            let r = k as f32 / (1u32 << 20) as f32;
            assert_eq!(percent(r).to_string(), format!("{:.0}", r * 100.0), "{r}");
        }
        assert!(shown > 1000);
    }

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    /// Insertions and deletions the full diff needs.
    fn edits(a: &[char], b: &[char]) -> usize {
        a.len() + b.len() - 2 * diff::matched(&diff::ops(a, b))
    }

    #[test]
    fn it_agrees_with_the_full_diff_at_and_around_the_distance() {
        let cases = [
            ("", ""),
            ("法治", ""),
            ("", "政府"),
            ("法治政府建设", "法治社会建设"),
            ("全年审查规范性文件12件", "全年审查规范性文件13件"),
            ("甲乙丙丁戊己", "己戊丁丙乙甲"),
            ("abcabba", "cbabac"),
        ];
        for (a, b) in cases {
            let (a, b) = (chars(a), chars(b));
            let d = edits(&a, &b);
            assert!(within(&a, &b, d), "{a:?} {b:?} {d}");
            assert!(within(&a, &b, d + 3));
            if d > 0 {
                assert!(!within(&a, &b, d - 1), "{a:?} {b:?} {d}");
            }
        }
    }

    #[test]
    fn random_pairs_over_a_small_alphabet_agree_with_the_full_diff() {
        // A fixed generator: the same cases on every run.
        let mut rng = crate::report::test_rng::XorShift::new();
        let mut next = |n: u64| rng.below(n);
        for _ in 0..3000 {
            let la = next(24) as usize;
            let a: Vec<u8> = (0..la).map(|_| next(4) as u8).collect();
            // Often a near copy of a, sometimes unrelated.
            let b: Vec<u8> = if next(2) == 0 {
                let mut b = Vec::new();
                for &c in &a {
                    if next(6) != 0 {
                        b.push(if next(8) == 0 { next(4) as u8 } else { c });
                    }
                }
                b
            } else {
                (0..next(24)).map(|_| next(4) as u8).collect()
            };
            let d = a.len() + b.len() - 2 * diff::matched(&diff::ops(&a, &b));
            for max in [0, d.saturating_sub(1), d, d + 1, 30] {
                assert_eq!(within(&a, &b, max), d <= max, "{a:?} {b:?} max {max} d {d}");
            }
            assert_eq!(distance(&a, &b, d), Some(d));
            assert_eq!(ratio(a.len(), b.len(), d).to_bits(), diff::ratio(&a, &b).to_bits(), "{a:?} {b:?}");
        }
    }

    #[test]
    fn a_pair_it_turns_away_is_never_ninety_percent_alike() {
        for (la, lb) in [(20, 20), (20, 22), (100, 111), (1000, 1000), (1, 1)] {
            let max = max_edits_for_threshold(la, lb);
            // The most shared characters possible with more edits than max.
            let shared = (la + lb).saturating_sub(max + 1) / 2;
            assert!((2.0 * shared as f32 / (la + lb) as f32) < 0.9, "{la} {lb}");
        }
    }
}
