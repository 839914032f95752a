//! Passages one report of a batch shares with another: paragraphs at least
//! 90 % alike (the ratio of [`diff::ratio`](crate::report::diff::ratio), as
//! for copying from last year's report), grouped by pair of reports.
//!
//! The batch may hold 300 reports of 60 paragraphs each, so no paragraph is
//! compared with every other: each is cut into hashed four-character
//! shingles, an inverted index finds the few paragraphs that share most of
//! them, and only those get a character diff. Shingles found in many reports
//! (the words everyone uses) do not propose candidates, so the work does not
//! grow as the square of the batch. A paragraph alike in many reports is not
//! a pair's: it is listed once as [`Shared`], with every report that has it
//! (template wording all units were given, or copying on a wide scale — the
//! reviewer tells which).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use crate::report::check::place::{Place, Spot};
use super::near;
use crate::report::diff;
use crate::report::Report;

/// A paragraph shorter than this (letters and digits) is not worth reporting.
const MIN_CHARS: usize = 20;
/// Alike enough to call copied.
pub const THRESHOLD: f32 = 0.9;
const SHINGLE: usize = 4;

/// A paragraph of one report.
#[derive(Clone, Debug, PartialEq)]
pub struct Passage {
    /// Where it is, in the author's terms (第二部分 第1条 正文).
    pub place: Place,
    pub text: String,
}

/// Two paragraphs found alike.
#[derive(Clone, Debug, PartialEq)]
pub struct Match {
    pub a: Passage,
    pub b: Passage,
    pub ratio: f32,
}

/// What report `a` shares with report `b` (`a < b`, positions in the batch).
#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    pub a: usize,
    pub b: usize,
    pub matches: Vec<Match>,
}

/// A paragraph alike (90 %) in more reports than a pair list could show
/// (more than [`Search::finish_all`]'s limit): each report's passage, one per
/// report, by position in the batch.
#[derive(Clone, Debug, PartialEq)]
pub struct Shared {
    pub passages: Vec<(usize, Passage)>,
}

struct Para {
    report: usize,
    place: Place,
    text: String,
    key: Vec<char>,
    /// The whole key hashed, for finding identical paragraphs.
    key_hash: u64,
    shingles: Vec<u64>,
    /// How many of its shingles are rare enough to be indexed.
    rare: usize,
}

fn paragraphs(report_index: usize, report: &Report, out: &mut Vec<Para>) {
    let mut push = |place: Place, text: &str| {
        let key: Vec<char> = text.chars().filter(|c| c.is_alphanumeric()).collect();
        if key.len() < MIN_CHARS {
            return;
        }
        let mut shingles: Vec<u64> = key.windows(SHINGLE).map(hash_chars).collect();
        crate::report::sort::numbers(&mut shingles);
        shingles.dedup();
        let key_hash = hash_chars(&key);
        out.push(Para { report: report_index, place, text: text.trim().to_string(), key, key_hash, shingles, rare: 0 });
    };
    for (si, s) in report.sections.iter().enumerate() {
        for l in &s.intro {
            push(Place { section: Some(si), spot: Spot::Intro }, &l.text);
        }
        for (k, item) in s.items.iter().enumerate() {
            push(Place { section: Some(si), spot: Spot::Item(k) }, &format!("{}{}{}", item.title, item.sep, item.body));
            for l in &item.more {
                push(Place { section: Some(si), spot: Spot::ItemBody(k) }, &l.text);
            }
        }
    }
}

fn hash_chars(w: &[char]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in w {
        h ^= u64::from(*c);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Every pair of reports in `reports` that share passages, in batch order.
pub fn find(reports: &[&Report]) -> Vec<Pair> {
    find_all(reports).0
}

/// The pairs of [`find`] and the paragraphs [`Shared`] by many reports.
pub fn find_all(reports: &[&Report]) -> (Vec<Pair>, Vec<Shared>) {
    let mut search = Search::default();
    for (i, r) in reports.iter().enumerate() {
        search.add(i, r);
    }
    while !search.step(&mut || true) {}
    search.finish_all()
}

/// [`find`] in slices, so that a page can paint and answer between them:
/// `add` every report, then `step` until it says done, then `finish`.
/// Each step goes on while its `more` says so, asked after every unit of
/// work — one paragraph indexed, one shingle's list of paragraphs looked up,
/// one candidate pair tested — or, made by [`Search::asking_after`], after
/// units holding about that much work; it stops where it is, and the next
/// step takes up there. However the work is cut, the pairs found are the same.
#[derive(Default)]
pub struct Search {
    paras: Vec<Para>,
    reports: usize,
    /// shingle -> (last report it was seen in, how many reports)
    reports_of: ShingleMap<(usize, usize)>,
    index: ShingleMap<Vec<u32>>,
    /// Paragraphs indexed so far, then paragraphs compared so far.
    indexed: usize,
    compared: usize,
    /// The paragraph being compared: its shingles looked up so far, the
    /// later paragraphs sharing them (with how many), then those
    /// candidates in order and how many of them are tested.
    looked_up: usize,
    shared: Vec<u32>,
    touched: Vec<u32>,
    candidates: Vec<u32>,
    tested: Option<usize>,
    found: Vec<(usize, usize, f32)>,
    /// Work done since `more` was last asked, and how much between asks
    /// (0: after every unit).
    work: usize,
    ask_every: usize,
    /// Tests only: every candidate gets the full diff, as before the bound.
    #[cfg(test)]
    unbounded: bool,
}

impl Search {
    /// Report number `i` of the batch (numbers in increasing order), before
    /// the first `step`: which shingles are common depends on every report.
    pub fn add(&mut self, i: usize, report: &Report) {
        debug_assert!(self.indexed == 0, "reports are added before the search steps");
        let from = self.paras.len();
        paragraphs(i, report, &mut self.paras);
        for p in &self.paras[from..] {
            for s in &p.shingles {
                let e = self.reports_of.entry(*s).or_insert((usize::MAX, 0));
                if e.0 != p.report {
                    *e = (p.report, e.1 + 1);
                }
            }
        }
        self.reports = self.reports.max(i + 1);
    }

    /// A search that asks `more()` only once about `work` elements have
    /// been looked at (a clock need not be read after every small unit).
    pub fn asking_after(work: usize) -> Search {
        Search { ask_every: work, ..Search::default() }
    }

    /// Index, then compare, while `more()` says so; true when all is done.
    pub fn step(&mut self, more: &mut dyn FnMut() -> bool) -> bool {
        loop {
            if self.compared == self.paras.len() {
                return true;
            }
            self.work += self.unit();
            if self.work >= self.ask_every {
                self.work = 0;
                if !more() {
                    return self.compared == self.paras.len();
                }
            }
        }
    }

    /// Reports whose paragraphs are all compared, of the batch.
    pub fn progress(&self) -> (usize, usize) {
        let done = self.paras.get(self.compared).map_or(self.reports, |p| p.report);
        (done, self.reports)
    }

    /// One unit of work, the next there is; how much it was (elements
    /// looked at, or the bound on a pair's diff).
    fn unit(&mut self) -> usize {
        if self.indexed < self.paras.len() {
            // Words everyone writes propose no candidates.
            let common_limit = (self.reports / 5).max(4);
            let id = self.indexed;
            let p = &mut self.paras[id];
            for s in &p.shingles {
                if self.reports_of[s].1 <= common_limit {
                    self.index.entry(*s).or_default().push(id as u32);
                    p.rare += 1;
                }
            }
            self.indexed += 1;
            return p.shingles.len();
        }
        let id = self.compared;
        let p = &self.paras[id];
        match self.tested {
            // Candidates for paragraph `id`: later paragraphs of other
            // reports sharing its rare shingles, one shingle at a time.
            None if self.looked_up < p.shingles.len() => {
                if self.shared.len() < self.paras.len() {
                    self.shared.resize(self.paras.len(), 0);
                }
                let mut work = 1;
                if let Some(list) = self.index.get(&p.shingles[self.looked_up]) {
                    // Lists are in paragraph order: the later ones are at the end.
                    let later = list.partition_point(|&q| q as usize <= id);
                    work += list.len() - later;
                    for &q in &list[later..] {
                        if self.paras[q as usize].report != p.report {
                            let n = &mut self.shared[q as usize];
                            if *n == 0 {
                                self.touched.push(q);
                            }
                            *n += 1;
                        }
                    }
                }
                self.looked_up += 1;
                work
            }
            // Only those that can be 90 % alike by length and by shingles
            // shared are kept, in order (the same order on every run).
            None => {
                self.candidates.clear();
                let work = self.touched.len() + 1;
                for q in self.touched.drain(..) {
                    let count = std::mem::take(&mut self.shared[q as usize]) as usize;
                    if may_be_alike(p, &self.paras[q as usize], count) {
                        self.candidates.push(q);
                    }
                }
                crate::report::sort::numbers(&mut self.candidates);
                self.tested = Some(0);
                work
            }
            Some(k) if k < self.candidates.len() => {
                let q = self.candidates[k] as usize;
                if let Some(ratio) = self.alike(id, q) {
                    self.found.push((id, q, ratio));
                }
                self.tested = Some(k + 1);
                // At most the bounded pass.
                let (la, lb) = (p.key.len(), self.paras[q].key.len());
                (la + lb + 1) * (near::max_edits_for_threshold(la, lb) + 1)
            }
            Some(_) => {
                self.compared += 1;
                self.looked_up = 0;
                self.candidates.clear();
                self.tested = None;
                1
            }
        }
    }

    /// How alike paragraphs `id` and `q` are, when 90 % or more.
    fn alike(&self, id: usize, q: usize) -> Option<f32> {
        let (p, other) = (&self.paras[id], &self.paras[q]);
        let (la, lb) = (p.key.len(), other.key.len());
        // Bounded work: a pair needing more edits than 90 % allows is
        // turned away after at most (la + lb + 1) * (max + 1) steps
        // (exactly, see `near`), and no full diff is needed after it.
        #[cfg(test)]
        let bounded = !self.unbounded;
        #[cfg(not(test))]
        let bounded = true;
        let ratio = if bounded {
            // The bounded pass's distance gives the diff's ratio exactly.
            near::ratio(la, lb, near::distance(&p.key, &other.key, near::max_edits_for_threshold(la, lb))?)
        } else {
            diff::ratio(&p.key, &other.key)
        };
        (ratio >= THRESHOLD).then_some(ratio)
    }

    /// The pairs, once `step` has said done.
    pub fn finish(self) -> Vec<Pair> {
        self.finish_all().0
    }

    /// The pairs and the shared paragraphs, once `step` has said done. A
    /// paragraph alike in more than a tenth of the batch's reports (at
    /// least three) is not listed pair by pair — three reports sharing it
    /// make three pairs, thirty make 435 — but once, as [`Shared`], with
    /// everything alike to it.
    pub fn finish_all(self) -> (Vec<Pair>, Vec<Shared>) {
        let Search { paras, reports: n, mut found, .. } = self;
        let many = (n / 10).max(3);
        add_identical(&paras, many, &mut found);
        let mut partners: HashMap<usize, HashSet<usize>> = HashMap::new();
        for &(a, b, _) in &found {
            partners.entry(a).or_default().insert(paras[b].report);
            partners.entry(b).or_default().insert(paras[a].report);
        }
        let widely = |id: usize| partners.get(&id).map_or(0, HashSet::len) + 1 > many;
        let mut pairs: HashMap<(usize, usize), Vec<Match>> = HashMap::new();
        // Paragraphs alike to a widely shared one, grouped (union-find).
        let mut group: Vec<usize> = (0..paras.len()).collect();
        fn root(group: &mut [usize], mut i: usize) -> usize {
            while group[i] != i {
                group[i] = group[group[i]];
                i = group[i];
            }
            i
        }
        let mut in_shared = vec![false; paras.len()];
        for (a, b, ratio) in found {
            if widely(a) || widely(b) {
                let (ra, rb) = (root(&mut group, a), root(&mut group, b));
                group[ra.max(rb)] = ra.min(rb);
                in_shared[a] = true;
                in_shared[b] = true;
                continue;
            }
            let (a, b) = if paras[a].report < paras[b].report { (a, b) } else { (b, a) };
            let passage = |p: &Para| Passage { place: p.place, text: p.text.clone() };
            pairs.entry((paras[a].report, paras[b].report)).or_default().push(Match { a: passage(&paras[a]), b: passage(&paras[b]), ratio });
        }
        let mut out: Vec<Pair> = pairs.into_iter().map(|((a, b), mut matches)| {
            crate::report::sort::by(&mut matches, |x, y| order(&x.a.place).cmp(&order(&y.a.place)));
            Pair { a, b, matches }
        }).collect();
        crate::report::sort::by_key(&mut out, |p| (p.a, p.b));
        // Each group: the first paragraph of each report in it (paragraphs
        // are numbered in batch order), groups by their first paragraph.
        let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
        for id in (0..paras.len()).filter(|&id| in_shared[id]) {
            let r = root(&mut group, id);
            match groups.iter_mut().find(|(g, _)| *g == r) {
                Some((_, ids)) => {
                    if !ids.iter().any(|&k| paras[k].report == paras[id].report) {
                        ids.push(id);
                    }
                }
                None => groups.push((r, vec![id])),
            }
        }
        let shared = groups
            .into_iter()
            .map(|(_, ids)| Shared { passages: ids.into_iter().map(|id| (paras[id].report, Passage { place: paras[id].place, text: paras[id].text.clone() })).collect() })
            .collect();
        (out, shared)
    }
}

/// Paragraphs identical (letters and digits) in several reports, found
/// whatever their shingles: a paragraph in most of the batch has only
/// common shingles, which propose no candidates. Each such group joins
/// `found` — as every pair when it spans at most `many` reports, else as a
/// star from its first paragraph (enough to list it as [`Shared`] without
/// the square of a long group's pairs).
fn add_identical(paras: &[Para], many: usize, found: &mut Vec<(usize, usize, f32)>) {
    let mut known: HashSet<(usize, usize)> = found.iter().map(|&(a, b, _)| (a.min(b), a.max(b))).collect();
    let mut by_key: ShingleMap<Vec<usize>> = ShingleMap::default();
    for (id, p) in paras.iter().enumerate() {
        by_key.entry(p.key_hash).or_default().push(id);
    }
    // Only keys found more than once can make a group (a few of thousands).
    let mut groups: Vec<Vec<usize>> = by_key.into_values().filter(|ids| ids.len() > 1).collect();
    // The same order on every run (HashMap order is not).
    crate::report::sort::by_key(&mut groups, |g| g[0]);
    for ids in groups {
        // Identical to the first (a hash may collide), one per report.
        let first = &paras[ids[0]];
        let mut group: Vec<usize> = Vec::new();
        for id in ids {
            if paras[id].key == first.key && !group.iter().any(|&k| paras[k].report == paras[id].report) {
                group.push(id);
            }
        }
        if group.len() < 2 {
            continue;
        }
        let star = group.len() > many;
        for (x, &a) in group.iter().enumerate() {
            for &b in &group[x + 1..] {
                if known.insert((a, b)) {
                    found.push((a, b, 1.0));
                }
            }
            if star {
                break;
            }
        }
    }
}

/// Shingles are hashes already: spread them once more, cheaply, rather
/// than hash them again with the standard library's SipHash.
#[derive(Default)]
struct Spread(u64);

impl Hasher for Spread {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

type ShingleMap<V> = HashMap<u64, V, BuildHasherDefault<Spread>>;

/// 90 % alike needs lengths within that ratio, and most rare shingles
/// shared (`count`, counted against the rare ones: a copied paragraph made
/// mostly of stock phrases has few).
fn may_be_alike(p: &Para, other: &Para, count: usize) -> bool {
    let (la, lb) = (p.key.len(), other.key.len());
    2.0 * la.min(lb) as f32 / (la + lb) as f32 >= THRESHOLD && count * 10 >= 5 * p.rare.min(other.rare)
}

fn order(p: &Place) -> (usize, usize, usize) {
    let (item, sub) = match p.spot {
        Spot::Intro => (0, 0),
        Spot::Item(k) => (k + 1, 0),
        Spot::ItemBody(k) => (k + 1, 1),
        _ => (0, 0),
    };
    (p.section.unwrap_or(0), item, sub)
}

/// A run of characters and whether it differs from the other passage.
pub type Run = (String, bool);

/// Two passages cut into runs of characters, each run marked when it differs
/// from the other passage: what the side-by-side view highlights.
pub fn marks(a: &str, b: &str) -> (Vec<Run>, Vec<Run>) {
    let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut left: Vec<Run> = Vec::new();
    let mut right: Vec<Run> = Vec::new();
    let put = |side: &mut Vec<Run>, chars: &[char], changed: bool| {
        if chars.is_empty() {
            return;
        }
        match side.last_mut() {
            Some((t, c)) if *c == changed => t.extend(chars),
            _ => side.push((chars.iter().collect(), changed)),
        }
    };
    for op in diff::ops(&ca, &cb) {
        let (_, old, new) = op.as_tag_tuple();
        let changed = !matches!(op, diff::DiffOp::Equal { .. });
        put(&mut left, &ca[old], changed);
        put(&mut right, &cb[new], changed);
    }
    (left, right)
}

#[cfg(test)]
mod tests;
