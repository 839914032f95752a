//! Findings set aside (issue #17): the draft's operations, reload through
//! the store's JSON, and the share file.

use fazhi_report::report::check::RuleId;
use fazhi_report::report::deadline::Date;
use fazhi_report::report::formats::{export_share, import_share};
use fazhi_report::report::{parse, Draft};

const SEED: &str = include_str!("fixtures/seed/000_7470bc842f3634e7.txt");

fn today() -> Date {
    Date::parse("2024-02-01").unwrap()
}

#[test]
fn set_aside_survives_reload_and_the_share_file_and_restore_brings_it_back() {
    let mut draft = Draft::from_report("d-1", parse(SEED), "seed", 2023, 0);
    let before = draft.check_sorted(today());
    assert!(before.set_aside.is_empty());
    let shufa = before.active.iter().find(|f| f.rule == RuleId::FirstResponsibleShufa).unwrap().clone();
    draft.set_finding_aside(&shufa, "  述法安排在次年一月进行  ", today());
    // The same finding twice is one entry.
    draft.set_finding_aside(&shufa, "", today());
    assert_eq!(draft.set_aside.len(), 1);
    assert_eq!(draft.set_aside[0].reason, "述法安排在次年一月进行");

    // Reload (the store keeps the draft as JSON) and the share file.
    let reloaded: Draft = serde_json::from_str(&serde_json::to_string(&draft).unwrap()).unwrap();
    let shared = import_share(&export_share(&draft, 0)).unwrap();
    for d in [&reloaded, &shared] {
        let sorted = d.check_sorted(today());
        assert_eq!(sorted.active.len(), before.active.len() - 1);
        assert_eq!(sorted.set_aside.len(), 1);
        assert_eq!(sorted.set_aside[0].0.rule, RuleId::FirstResponsibleShufa);
        assert_eq!(sorted.errors_set_aside(), 0);
    }

    let mut restored = reloaded.clone();
    restored.restore_finding(&shufa);
    assert!(restored.set_aside.is_empty());
    assert_eq!(restored.check_sorted(today()).active.len(), before.active.len());
}

#[test]
fn a_finding_comes_back_when_its_text_changes_and_stale_entries_are_dropped() {
    let mut draft = Draft::from_report("d-2", parse(SEED), "seed", 2023, 0);
    let found = draft.check(today());
    let causes = found.iter().find(|f| f.rule == RuleId::ShortcomingsWithoutCauses).unwrap().clone();
    draft.set_finding_aside(&causes, "", today());
    assert_eq!(draft.check_sorted(today()).errors_set_aside(), 1);
    // The part it was about changes (still without causes): back.
    draft.report.sections[1].items[0].body.push_str("学习形式较为单一。");
    let sorted = draft.check_sorted(today());
    assert_eq!(sorted.errors_set_aside(), 0);
    assert!(sorted.active.iter().any(|f| f.rule == RuleId::ShortcomingsWithoutCauses));
    // Setting another aside drops the stale entry.
    let shufa = sorted.active.iter().find(|f| f.rule == RuleId::FirstResponsibleShufa).unwrap().clone();
    draft.set_finding_aside(&shufa, "", today());
    let rules: Vec<&str> = draft.set_aside.iter().map(|a| a.rule.as_str()).collect();
    assert_eq!(rules, ["first-responsible-shufa"]);
}

#[test]
fn drafts_stored_before_the_field_existed_load_with_nothing_set_aside() {
    let draft = Draft::from_report("d-3", parse(SEED), "seed", 2023, 0);
    let json = serde_json::to_string(&draft).unwrap();
    assert!(!json.contains("set_aside"), "nothing set aside: the stored JSON is as before");
    let loaded: Draft = serde_json::from_str(&json).unwrap();
    assert!(loaded.set_aside.is_empty());
}
