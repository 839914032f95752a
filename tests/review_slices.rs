//! The reviewer's desk works in slices that yield to the page (issue #20:
//! no task over 50 ms). However the work is cut — after every unit, after
//! a random number of units, or not at all — the copied pairs found and the
//! texts stored are the same as in one go.

use fazhi_report::report::deadline::Date;
use fazhi_report::report::parse;
use fazhi_report::report::review::copying::{find, Pair, Search};
use fazhi_report::report::review::desk::Desk;
use fazhi_report::report::review::read_entry;
use fazhi_report::report::Report;
use fazhi_report::session::review::ReviewKeeper;
use fazhi_report::storage::memory::MemoryStore;
use fazhi_report::storage::KeyValue;
use proptest::prelude::*;

const PHRASES: [&str; 12] = [
    "深入贯彻习近平法治思想", "严格落实重大行政决策程序", "全面推行行政执法三项制度", "加强规范性文件备案审查",
    "推进政务公开标准化规范化", "健全行政复议应诉工作机制", "深化法治宣传教育", "组织领导干部集中学法",
    "开展执法案卷评查", "完善公共法律服务体系", "推进矛盾纠纷多元化解", "规范涉企行政检查",
];

/// MINSTD, as scripts/bench.mjs draws its batch.
struct Rand(u64);

impl Rand {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self.0 * 48271 % 2_147_483_647;
        self.0 % n
    }
}

fn text(unit: &str, paras: &[String]) -> String {
    let mut t = format!("{unit}2025年度法治政府建设情况报告\n一、2025年度推进法治政府建设的主要举措和成效\n");
    for (k, p) in paras.iter().enumerate() {
        t.push_str(&format!("{}. {p}\n", k + 1));
    }
    t.push_str("二、2025年度推进法治政府建设存在的不足和原因\n无。\n");
    t
}

/// A batch as the benchmark draws it: each unit's paragraphs are phrases of
/// the trade in its own order with its own figures; units 2k and 2k+1 of the
/// first ten share a paragraph, one of them with a figure changed.
fn batch(count: usize, paras: usize, seed: u64) -> Vec<String> {
    let mut r = Rand(seed);
    let para = |r: &mut Rand| {
        (0..6).map(|_| format!("{}，全年办理{}件", PHRASES[r.next(12) as usize], r.next(900) + 10)).collect::<Vec<_>>().join("；") + "。"
    };
    let mut out = Vec::new();
    let mut copied = String::new();
    for i in 0..count {
        let mut ps: Vec<String> = (0..paras).map(|_| para(&mut r)).collect();
        if i < 10 && i % 2 == 0 {
            copied = ps[0].clone();
        } else if i < 10 {
            ps[1] = copied.replacen('1', "7", 1);
        }
        out.push(text(&format!("第{i}号单位"), &ps));
    }
    out
}

/// The known worst case: many near-identical paragraphs (one figure apart)
/// shared by fewer than a tenth of the reports, so that each has many
/// candidates and none is template wording.
fn near_identical(count: usize, sharing: usize) -> Vec<String> {
    // Past the first ten, where the benchmark plants its copied pairs.
    let mut others = batch(count + 10, 6, 99).into_iter().skip(10);
    (0..count)
        .map(|i| {
            let own = others.next().unwrap();
            if i >= sharing {
                return own;
            }
            let ps: Vec<String> = (0..6)
                .map(|k| format!("严格规范公正文明执法，全年开展行政执法检查{}次，查处违法案件{}件，执法案卷合格率达到百分之九十八。", 30 + k, 40 + i))
                .collect();
            text(&format!("第{i}号单位"), &ps)
        })
        .collect()
}

fn sliced(reports: &[Report], work: usize, mut budget: impl FnMut() -> usize) -> (Vec<Pair>, usize) {
    let mut search = Search::asking_after(work);
    for (i, r) in reports.iter().enumerate() {
        search.add(i, r);
    }
    let mut slices = 1;
    let mut progress = 0;
    loop {
        let mut left = budget();
        let done = search.step(&mut || {
            left = left.saturating_sub(1);
            left > 0
        });
        let (now, total) = search.progress();
        assert!(now >= progress && now <= total, "progress only grows: {progress} -> {now} of {total}");
        progress = now;
        if done {
            break;
        }
        slices += 1;
    }
    assert_eq!(search.progress(), (reports.len(), reports.len()));
    (search.finish(), slices)
}

fn parsed(texts: &[String]) -> Vec<Report> {
    texts.iter().map(|t| parse(t)).collect()
}

#[test]
fn a_bench_like_batch_finds_the_same_pairs_in_slices_of_one_unit_and_in_one_go() {
    let reports = parsed(&batch(40, 12, 12345));
    let refs: Vec<&Report> = reports.iter().collect();
    let whole = find(&refs);
    assert_eq!(whole.iter().map(|p| (p.a, p.b)).collect::<Vec<_>>(), [(0, 1), (2, 3), (4, 5), (6, 7), (8, 9)]);
    let (one, slices) = sliced(&reports, 0, || 1);
    assert_eq!(one, whole);
    assert!(slices > 1000, "{slices}");
}

#[test]
fn the_worst_case_is_cut_into_slices_and_finds_what_one_go_finds() {
    // 40 reports, 3 of which (under a tenth) share six near-identical
    // paragraphs each: every pair of them is copying, found the same way.
    let reports = parsed(&near_identical(40, 3));
    let refs: Vec<&Report> = reports.iter().collect();
    let whole = find(&refs);
    assert_eq!(whole.iter().map(|p| (p.a, p.b, p.matches.len())).collect::<Vec<_>>(), [(0, 1, 36), (0, 2, 36), (1, 2, 36)]);
    assert_eq!(sliced(&reports, 0, || 5).0, whole);
    // Shared by more than a tenth of the batch, it is template wording.
    let reports = parsed(&near_identical(40, 6));
    let refs: Vec<&Report> = reports.iter().collect();
    assert_eq!(find(&refs), vec![]);
    assert_eq!(sliced(&reports, 20_000, || 3).0, vec![]);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn any_cut_of_the_search_finds_what_one_go_finds(seed in 1u64..1_000_000, count in 2usize..16, work in 0usize..30_000, cuts in prop::collection::vec(1usize..400, 1..40)) {
        let reports = parsed(&batch(count, 5, seed));
        let refs: Vec<&Report> = reports.iter().collect();
        let whole = find(&refs);
        let mut k = 0;
        let (got, _) = sliced(&reports, work, || { k += 1; cuts[k % cuts.len()] });
        prop_assert_eq!(got, whole);
    }
}

#[test]
fn texts_written_in_slices_are_the_texts_written_at_once() {
    let today = Date::new(2026, 1, 5);
    let mut desk = Desk::default();
    let texts = batch(12, 4, 777);
    desk.add(texts.iter().enumerate().map(|(i, t)| read_entry(&format!("{i}.txt"), t.as_bytes(), &|_| None, 2026, today)).collect());
    desk.records[3].opinion = "请补充数据来源。".into();

    let whole = MemoryStore::new();
    let saved = ReviewKeeper::default().save(&whole, &desk).unwrap();

    let sliced = MemoryStore::new();
    let keeper = ReviewKeeper::default();
    keeper.save_list(&sliced, &desk).unwrap();
    assert!(keeper.texts_pending(&desk));
    let mut slices = 0;
    let end = loop {
        slices += 1;
        let mut left = 2;
        if let Some(end) = keeper.save_texts(&sliced, &desk, &mut || { left -= 1; left > 0 }).unwrap() {
            break end;
        }
    };
    assert_eq!(slices, 6, "12 texts, two a slice");
    assert!(!keeper.texts_pending(&desk));
    assert_eq!(end, saved);
    let mut keys = whole.keys().unwrap();
    keys.sort();
    let mut sliced_keys = sliced.keys().unwrap();
    sliced_keys.sort();
    assert_eq!(keys, sliced_keys);
    for k in &keys {
        assert_eq!(whole.get(k).unwrap(), sliced.get(k).unwrap(), "{k}");
    }
    let back = ReviewKeeper::default().load(&sliced, today).unwrap();
    assert_eq!(back.rows(), desk.rows());
    assert_eq!(back.records[3].opinion, "请补充数据来源。");
}

#[test]
fn a_review_opened_in_slices_is_the_review_loaded_at_once() {
    // As the page opens it after a reload: the list, each entry, then the
    // comparison in steps over the readable rows.
    let today = Date::new(2026, 1, 5);
    let mut desk = Desk::default();
    let texts = batch(10, 4, 4242);
    let mut picked: Vec<_> = texts.iter().enumerate().map(|(i, t)| read_entry(&format!("{i}.txt"), t.as_bytes(), &|_| None, 2026, today)).collect();
    picked.push(read_entry("坏.txt", b"\0\x01\x02", &|_| None, 2026, today));
    desk.add(picked);
    desk.records[1].opinion = "请核实。".into();
    let kv = MemoryStore::new();
    ReviewKeeper::default().save(&kv, &desk).unwrap();

    let whole = ReviewKeeper::default().load(&kv, today).unwrap();
    let keeper = ReviewKeeper::default();
    let records = keeper.load_list(&kv).unwrap();
    let entries = records.iter().map(|r| keeper.load_entry(&kv, r, today)).collect();
    let mut opened = Desk::from_parts(records, entries);
    let readable = opened.readable();
    let mut search = Search::asking_after(500);
    for (k, &i) in readable.iter().enumerate() {
        search.add(k, opened.report(i).unwrap());
    }
    while !search.step(&mut || false) {}
    opened.set_pairs(&readable, search.finish_all());

    assert_eq!(opened.records, whole.records);
    assert_eq!(opened.pairs, whole.pairs);
    assert_eq!(opened.shared, whole.shared);
    assert_eq!(opened.rows(), whole.rows());
    assert_eq!(opened.rows(), desk.rows());
    assert_eq!(whole.pairs.iter().map(|p| (p.a, p.b)).collect::<Vec<_>>(), [(0, 1), (2, 3), (4, 5), (6, 7), (8, 9)]);
    // Texts read back are known as stored: nothing is written again.
    assert!(!keeper.texts_pending(&opened));
}
