//! Sorting through one compiled sort routine.
//!
//! The standard library's sorts are generic: every element type sorted
//! compiles its own copy of the stable sort (≈ 4 KB of wasm code each, and
//! the app sorted some fifteen types) or of the unstable one. Here a stable
//! sort orders the positions `0..n` — one instance, over `usize`, with the
//! comparison called through a `dyn` — and the elements are then moved
//! into that order; equal elements keep their order, so the result is the
//! one `slice::sort_by` gives. Numbers sorted unstably go through one
//! `sort_unstable` over `u64` (equal numbers are indistinguishable, so
//! stability does not matter there).

use std::cmp::Ordering;

/// `v.sort_by(cmp)`: a stable sort.
pub fn by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let order = positions(v.len(), &mut |i, j| cmp(&v[i], &v[j]));
    permute(v, order);
}

/// `v.sort_by_key(key)`: a stable sort by a key.
pub fn by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    by(v, |a, b| key(a).cmp(&key(b)));
}

/// `0..n` stably sorted by `cmp` on positions.
fn positions(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&i, &j| cmp(i, j));
    order
}

/// Put `v[order[k]]` at `k` for every `k`, following each cycle of the
/// permutation with swaps.
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..order.len() {
        let mut k = start;
        while order[k] != DONE {
            let from = order[k];
            order[k] = DONE;
            if from == start {
                break;
            }
            v.swap(k, from);
            k = from;
        }
    }
}

/// Numbers that map to `u64` keeping their order, and back.
pub trait AsU64: Copy {
    fn to_u64(self) -> u64;
    fn from_u64(n: u64) -> Self;

    /// Sorted as `u64`s, through the one `sort_unstable` instance.
    fn sort(v: &mut [Self]) {
        let mut n: Vec<u64> = v.iter().map(|x| x.to_u64()).collect();
        n.sort_unstable();
        for (x, n) in v.iter_mut().zip(n) {
            *x = Self::from_u64(n);
        }
    }
}

impl AsU64 for u64 {
    fn to_u64(self) -> u64 {
        self
    }
    fn from_u64(n: u64) -> u64 {
        n
    }
    /// That instance itself: no copy (the review desk sorts every
    /// paragraph's shingles).
    fn sort(v: &mut [u64]) {
        v.sort_unstable();
    }
}

impl AsU64 for u32 {
    fn to_u64(self) -> u64 {
        self as u64
    }
    fn from_u64(n: u64) -> u32 {
        n as u32
    }
}

impl AsU64 for usize {
    fn to_u64(self) -> u64 {
        self as u64
    }
    fn from_u64(n: u64) -> usize {
        n as usize
    }
}

impl AsU64 for char {
    fn to_u64(self) -> u64 {
        self as u64
    }
    fn from_u64(n: u64) -> char {
        // Only ever given back what `to_u64` made.
        char::from_u32(n as u32).unwrap_or_default()
    }
}

impl AsU64 for i32 {
    fn to_u64(self) -> u64 {
        (self as i64 - i32::MIN as i64) as u64
    }
    fn from_u64(n: u64) -> i32 {
        (n as i64 + i32::MIN as i64) as i32
    }
}

/// `v.sort_unstable()` for numbers and characters.
pub fn numbers<T: AsU64>(v: &mut [T]) {
    T::sort(v);
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::report::test_rng::XorShift;

    /// `n` numbers below `range`, the same on every run.
    fn random(rng: &mut XorShift, n: usize, range: u64) -> Vec<u64> {
        (0..n).map(|_| rng.below(range)).collect()
    }

    #[test]
    fn the_same_order_as_the_standard_stable_sort() {
        let mut rng = XorShift::new();
        for n in [0, 1, 2, 3, 7, 20, 33, 100, 257] {
            for range in [1, 3, 10, 1000] {
                // Keys with many ties, tagged with their place so that a
                // change in the order of equal keys shows.
                let keys = random(&mut rng, n, range);
                let v: Vec<(u64, usize)> = keys.into_iter().zip(0..).collect();
                let (mut ours, mut std) = (v.clone(), v.clone());
                by_key(&mut ours, |p| p.0);
                std.sort_by_key(|p| p.0);
                assert_eq!(ours, std);
                let (mut ours, mut std) = (v.clone(), v);
                by(&mut ours, |a, b| b.0.cmp(&a.0));
                #[allow(clippy::unnecessary_sort_by)] // the same comparator as `by` gets
                std.sort_by(|a, b| b.0.cmp(&a.0));
                assert_eq!(ours, std);
            }
        }
    }

    #[test]
    fn numbers_sort_as_the_standard_unstable_sort() {
        let mut rng = XorShift::with_seed(0x9e37_79b9_7f4a_7c15);
        let raw = random(&mut rng, 300, u64::MAX);
        let mut a: Vec<i32> = raw.iter().map(|&x| x as i32).chain([i32::MIN, i32::MAX, 0, -1]).collect();
        let mut b = a.clone();
        numbers(&mut a);
        b.sort_unstable();
        assert_eq!(a, b);
        let mut a: Vec<char> = raw.iter().filter_map(|&x| char::from_u32((x % 0x11_0000) as u32)).collect();
        let mut b = a.clone();
        numbers(&mut a);
        b.sort_unstable();
        assert_eq!(a, b);
        let mut a: Vec<usize> = raw.iter().map(|&x| x as usize).collect();
        let mut b = a.clone();
        numbers(&mut a);
        b.sort_unstable();
        assert_eq!(a, b);
        let mut a: Vec<u32> = raw.iter().map(|&x| x as u32).collect();
        let mut b = a.clone();
        numbers(&mut a);
        b.sort_unstable();
        assert_eq!(a, b);
        let mut a = raw.clone();
        let mut b = raw;
        numbers(&mut a);
        b.sort_unstable();
        assert_eq!(a, b);
    }
}
