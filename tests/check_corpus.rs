//! The checker on the text engine's corpus (tests/corpus/): how many of its
//! findings a careful reviewer would not raise (false alarms), per report.
//!
//! Which reports: every `NAME.txt` whose `NAME.expected` lists all five
//! required parts — 46 of 50. Left out are the cases broken on purpose to
//! test the reader: 08_missing_section and 34_no_other_matters (a part
//! missing), 21_not_a_report and 46_gov_info_disclosure (not a 法治政府建设
//! report at all). The .docx cases are read by tests/corpus.rs only.
//!
//! How: every finding of `check` (no draft, so the year is the one the text
//! states) is judged by hand in tests/check_corpus.expected, `true` or
//! `false`, with the reason. The test asserts the checker gives exactly the
//! judged list, prints per report its errors, warnings and false alarms and
//! each rule's hits, and holds the checker to at most one error-level false
//! alarm per report and no rule raising false alarms on most reports.

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;

use fazhi_report::report::check::{check, CheckContext, Severity};
use fazhi_report::report::decode::decode;
use fazhi_report::report::parse;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
const JUDGED: &str = include_str!("check_corpus.expected");

/// The rules issue #17 added, whose hits are listed even when there are none.
const NEW_RULES: &[&str] = &[
    "placeholder-left",
    "plan-without-measure",
    "shortcoming-without-remedy",
    "first-responsible-shufa",
    "stale-period",
    "personal-data",
    "wrong-report-kind",
];

const REQUIRED: &[&str] = &["measures", "shortcomings", "first_responsible", "next_year", "other_matters"];

/// The complete reports: (case name, path).
fn complete_reports() -> Vec<(String, PathBuf)> {
    let mut out: Vec<(String, PathBuf)> = fs::read_dir(DIR)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .filter(|p| {
            let expected = fs::read_to_string(p.with_extension("expected")).unwrap();
            REQUIRED.iter().all(|k| expected.lines().any(|l| l.starts_with(&format!("{k} |"))))
        })
        .map(|p| (p.file_stem().unwrap().to_string_lossy().to_string(), p))
        .collect();
    out.sort();
    out
}

/// One finding as judged: case, line, rule, severity, and whether a reviewer
/// would raise it.
#[derive(Debug, PartialEq, Eq)]
struct Judged {
    case: String,
    line: usize,
    rule: String,
    severity: String,
    raised_by_a_reviewer: bool,
}

fn judged() -> Vec<Judged> {
    JUDGED
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let p: Vec<&str> = l.split(" | ").map(str::trim).collect();
            assert_eq!(p.len(), 6, "cannot read {l:?}");
            assert!(!p[5].is_empty(), "no reason given: {l:?}");
            let verdict = match p[4] {
                "true" => true,
                "false" => false,
                other => panic!("verdict {other:?} in {l:?}: true or false"),
            };
            Judged { case: p[0].into(), line: p[1].parse().unwrap(), rule: p[2].into(), severity: p[3].into(), raised_by_a_reviewer: verdict }
        })
        .collect()
}

#[test]
fn the_checker_raises_at_most_one_false_error_per_complete_report() {
    let reports = complete_reports();
    assert_eq!(reports.len(), 46, "complete reports in the corpus");
    let judged = judged();
    let mut got = Vec::new();
    for (name, path) in &reports {
        let text = decode(&fs::read(path).unwrap()).unwrap().text;
        for f in check(&parse(&text), &CheckContext::default()) {
            let severity = if f.severity == Severity::Error { "error" } else { "warning" };
            got.push((name.clone(), f.line.unwrap_or(0), f.rule.as_str().to_string(), severity.to_string()));
        }
    }
    let want: Vec<_> = judged.iter().map(|j| (j.case.clone(), j.line, j.rule.clone(), j.severity.clone())).collect();
    let diff: Vec<String> = got
        .iter()
        .filter(|g| !want.contains(g))
        .map(|g| format!("new:  {} | {} | {} | {}", g.0, g.1, g.2, g.3))
        .chain(want.iter().filter(|w| !got.contains(w)).map(|w| format!("gone: {} | {} | {} | {}", w.0, w.1, w.2, w.3)))
        .collect();
    assert!(diff.is_empty(), "the findings differ from tests/check_corpus.expected — judge these:\n{}", diff.join("\n"));
    assert_eq!(got, want, "same findings, other order");

    println!("case | errors | warnings | false errors | false warnings");
    let mut worst = 0;
    for (name, _) in &reports {
        let mine: Vec<&Judged> = judged.iter().filter(|j| &j.case == name).collect();
        let count = |sev: &str, false_only: bool| mine.iter().filter(|j| j.severity == sev && (!false_only || !j.raised_by_a_reviewer)).count();
        let false_errors = count("error", true);
        println!("{name} | {} | {} | {false_errors} | {}", count("error", false), count("warning", false), count("warning", true));
        worst = worst.max(false_errors);
    }

    let mut hits: BTreeMap<&str, (usize, usize, usize)> = NEW_RULES.iter().map(|r| (*r, (0, 0, 0))).collect();
    for j in &judged {
        hits.entry(j.rule.as_str()).or_default();
    }
    for (rule, (findings, reports_hit, false_alarms)) in hits.iter_mut() {
        let of_rule: Vec<&Judged> = judged.iter().filter(|j| j.rule == *rule).collect();
        *findings = of_rule.len();
        let mut cases: Vec<&str> = of_rule.iter().map(|j| j.case.as_str()).collect();
        cases.dedup();
        *reports_hit = cases.len();
        *false_alarms = of_rule.iter().filter(|j| !j.raised_by_a_reviewer).count();
    }
    println!("\nrule | findings | reports | false alarms");
    for (rule, (findings, reports_hit, false_alarms)) in &hits {
        let new = if NEW_RULES.contains(rule) { " (new)" } else { "" };
        println!("{rule}{new} | {findings} | {reports_hit} of {} | {false_alarms}", reports.len());
    }
    let total_false = judged.iter().filter(|j| !j.raised_by_a_reviewer).count();
    let false_errors = judged.iter().filter(|j| !j.raised_by_a_reviewer && j.severity == "error").count();
    println!("\n{} findings on {} reports: {total_false} false alarms, {false_errors} of them errors", judged.len(), reports.len());

    assert!(worst <= 1, "a report has {worst} error-level false alarms");
    for (rule, (_, _, false_alarms)) in &hits {
        let mut falsely: Vec<&str> = judged.iter().filter(|j| j.rule == *rule && !j.raised_by_a_reviewer).map(|j| j.case.as_str()).collect();
        falsely.dedup();
        assert!(falsely.len() * 2 < reports.len(), "{rule} raises false alarms on {} reports ({false_alarms} findings)", falsely.len());
    }
}

/// The judged list is read as written: a verdict other than true/false, or
/// a line without its reason, stops the test above rather than counting as
/// either.
#[test]
fn every_judgement_names_its_case_and_gives_a_reason() {
    let names: Vec<String> = complete_reports().into_iter().map(|(n, _)| n).collect();
    for j in judged() {
        assert!(names.contains(&j.case), "{} is not a complete report of the corpus", j.case);
        assert!(j.severity == "error" || j.severity == "warning", "{j:?}");
    }
}
