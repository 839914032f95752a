//! The search's cases: found once with both places, template wording,
//! short and unlike paragraphs, stock phrases, steps, the bound, many reports.

use super::*;
use crate::report::parse;

fn report(unit: &str, measures: &[&str]) -> Report {
    let mut t = format!("{unit}2025年度法治政府建设情况报告\n一、2025年度推进法治政府建设的主要举措和成效\n");
    for (i, m) in measures.iter().enumerate() {
        t.push_str(&format!("{}. {m}\n", i + 1));
    }
    t.push_str("二、2025年度推进法治政府建设存在的不足和原因\n无。\n");
    parse(&t)
}

const COPIED: &str = "强化行政执法监督。全年组织开展行政执法案卷评查2次，评查案卷86卷，发现问题12个，已全部整改到位。";
const COPIED_EDITED: &str = "强化行政执法监督。全年组织开展行政执法案卷评查2次，评查案卷88卷，发现问题12个，已全部整改到位。";
const TEMPLATE: &str = "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党中央国务院关于法治政府建设的决策部署。";

#[test]
fn a_shared_paragraph_is_found_once_with_both_places_and_the_changed_digit_marked() {
    let a = report("甲局", &["健全依法决策机制。全年提请集体讨论重大行政决策事项5项，均经过合法性审查。", COPIED]);
    let b = report("乙局", &[COPIED_EDITED, "推进政务公开。主动公开政府信息320条，办理依申请公开14件，均按期答复。"]);
    let c = report("丙局", &["开展普法宣传活动。组织法治讲座6场，发放宣传资料3000余份，覆盖群众2万人次。"]);
    let pairs = find(&[&a, &b, &c]);
    assert_eq!(pairs.len(), 1, "{pairs:?}");
    let p = &pairs[0];
    assert_eq!((p.a, p.b), (0, 1));
    assert_eq!(p.matches.len(), 1);
    let m = &p.matches[0];
    assert_eq!(m.a.place.label(), "第一部分 第2条");
    assert_eq!(m.b.place.label(), "第一部分 第1条");
    assert!(m.ratio >= THRESHOLD && m.ratio < 1.0, "{}", m.ratio);
    let (left, right) = marks(&m.a.text, &m.b.text);
    assert_eq!(left.iter().filter(|(_, c)| *c).map(|(t, _)| t.as_str()).collect::<Vec<_>>(), ["6"]);
    assert_eq!(right.iter().filter(|(_, c)| *c).map(|(t, _)| t.as_str()).collect::<Vec<_>>(), ["8"]);
    assert_eq!(left.iter().map(|(t, _)| t.as_str()).collect::<String>(), m.a.text);
}

#[test]
fn wording_everyone_uses_is_template_not_copying() {
    let units = ["甲局", "乙局", "丙局", "丁局", "戊局"];
    let reports: Vec<Report> = units.iter().enumerate()
        .map(|(i, u)| report(u, &[TEMPLATE, &format!("本单位第{i}项独有的工作。全年办理相关事项{}件，同比增长{}%，群众满意度提升。", 10 + i * 7, 3 + i)]))
        .collect();
    let refs: Vec<&Report> = reports.iter().collect();
    // Not five reports' ten pairs, but one paragraph shared by all five.
    let (pairs, shared) = find_all(&refs);
    assert_eq!(pairs, vec![]);
    assert_eq!(shared.len(), 1, "{shared:?}");
    assert_eq!(shared[0].passages.iter().map(|(r, _)| *r).collect::<Vec<_>>(), [0, 1, 2, 3, 4]);
    assert!(shared[0].passages.iter().all(|(_, p)| p.text.ends_with(TEMPLATE)));
    // Between two reports only, the same paragraph is copying.
    assert_eq!(find(&refs[..2]).len(), 1);
}

#[test]
fn a_paragraph_copied_into_four_reports_of_twelve_is_listed_not_dropped() {
    let reports: Vec<Report> = (0..12)
        .map(|i| {
            let own = format!("本单位第{i}项独有的工作。全年办理相关事项{}件，同比增长{}%，群众满意度提升。", 10 + i * 7, 3 + i);
            if i % 3 == 0 { report(&format!("{i}局"), &[&own, COPIED]) } else { report(&format!("{i}局"), &[&own]) }
        })
        .collect();
    let refs: Vec<&Report> = reports.iter().collect();
    let (pairs, shared) = find_all(&refs);
    assert_eq!(pairs, vec![], "four reports: more than a pair list shows");
    assert_eq!(shared.len(), 1);
    assert_eq!(shared[0].passages.iter().map(|(r, _)| *r).collect::<Vec<_>>(), [0, 3, 6, 9]);
    // Three of them are three pairs; the desk lists them as before.
    assert_eq!(find_all(&refs[..7]).0.len(), 3);
}

#[test]
fn unlike_paragraphs_and_short_ones_are_not_matched() {
    let a = report("甲局", &["全年共办理行政复议案件15件，纠错2件。", "加强执法队伍建设，组织执法人员培训4期。"]);
    let b = report("乙局", &["全年共办理行政复议案件15件，纠错2件。", "推进综合行政执法改革，整合执法队伍3支。"]);
    // The first paragraphs are alike but shorter than MIN_CHARS letters.
    assert_eq!(find(&[&a, &b]), vec![]);
}

#[test]
fn a_copied_paragraph_of_stock_phrases_is_found() {
    // Every report strings the same phrases together in its own order
    // with its own figures; two share one such paragraph. Most of its
    // shingles are common to the batch, so few are indexed.
    const PHRASES: [&str; 6] = ["深入贯彻习近平法治思想", "严格落实重大行政决策程序", "全面推行行政执法三项制度", "加强规范性文件备案审查", "推进政务公开标准化规范化", "健全行政复议应诉工作机制"];
    let own = |i: usize, k: usize| (0..6).map(|m| format!("{}，全年办理{}件", PHRASES[(i * 7 + k * 3 + m * 5) % 6], (i * 131 + k * 17 + m * 29) % 900 + 10)).collect::<Vec<_>>().join("；");
    let copied = own(999, 1);
    let reports: Vec<Report> = (0..40).map(|i| {
        let a = own(i, 0);
        if i == 3 || i == 30 { report(&format!("{i}局"), &[&a, &copied]) } else { report(&format!("{i}局"), &[&a, &own(i, 1)]) }
    }).collect();
    let refs: Vec<&Report> = reports.iter().collect();
    assert_eq!(find(&refs).iter().map(|p| (p.a, p.b)).collect::<Vec<_>>(), [(3, 30)]);
}

#[test]
fn the_search_in_small_steps_finds_what_find_finds() {
    let a = report("甲局", &["健全依法决策机制。全年提请集体讨论重大行政决策事项5项，均经过合法性审查。", COPIED]);
    let b = report("乙局", &[COPIED_EDITED, TEMPLATE]);
    let c = report("丙局", &[TEMPLATE, "开展普法宣传活动。组织法治讲座6场，发放宣传资料3000余份，覆盖群众2万人次。"]);
    let mut search = Search::default();
    for (i, r) in [&a, &b, &c].into_iter().enumerate() {
        search.add(i, r);
    }
    let mut steps = 0;
    while !search.step(&mut || false) {
        steps += 1;
    }
    assert!(steps >= 6, "{steps}");
    assert_eq!(search.finish(), find(&[&a, &b, &c]));
}

#[test]
fn the_bounded_test_before_the_diff_changes_nothing_found() {
    // Paragraphs near the threshold: one figure or phrase changed here
    // and there, so some pairs are 90 % alike and some just under.
    let base = "推进严格规范公正文明执法，全年开展行政执法检查{}次，查处违法案件{}件，罚没款{}万元，执法案卷合格率达到百分之九十八。";
    let text = |i: usize| {
        let mut t = base.replacen("{}", &(i % 7).to_string(), 1).replacen("{}", &(i % 5 * 11).to_string(), 1).replacen("{}", &(i % 3 * 101).to_string(), 1);
        if i.is_multiple_of(4) {
            t = t.replace("严格规范公正文明", "规范");
        }
        t
    };
    let reports: Vec<Report> = (0..30).map(|i| report(&format!("{i}局"), &[&text(i), &text(i + 30)])).collect();
    let run = |unbounded: bool| {
        let mut s = Search { unbounded, ..Search::default() };
        reports.iter().enumerate().for_each(|(i, r)| s.add(i, r));
        while !s.step(&mut || true) {}
        (s.found.clone(), s.finish())
    };
    let (found, pairs) = run(false);
    assert!(found.len() > 30 && found.iter().any(|f| f.2 < 1.0), "{found:?}");
    assert_eq!(run(true), (found, pairs));
}

#[test]
fn a_batch_of_many_reports_stays_linear_enough() {
    // 200 reports with distinct text and one copied pair among them.
    let reports: Vec<Report> = (0..200).map(|i| {
        // Figures of four digits that differ between any two units (with
        // figures as alike as 10 and 100, two paragraphs of this length
        // are 90 % alike, and that is what the rule finds).
        let n = |k: usize| (i * 7919 + k * 104_729) % 9000 + 1000;
        let own = format!("第{i}号单位推进依法行政工作。全年审查规范性文件{}件，清理文件{}件，培训执法人员{}人次，办理复议案件{}件。", n(1), n(2), n(3), n(4));
        if i == 7 || i == 150 { report(&format!("{i}局"), &[&own, COPIED]) } else { report(&format!("{i}局"), &[&own]) }
    }).collect();
    let refs: Vec<&Report> = reports.iter().collect();
    let pairs = find(&refs);
    assert_eq!(pairs.iter().map(|p| (p.a, p.b)).collect::<Vec<_>>(), [(7, 150)]);
}
