//! 快速开始 with the 公文's frame (issue #24): the 主送机关 as suggested or
//! changed, the 署名 from the unit's name, the 成文日期 as given; what would
//! not read back is refused field by field and nothing is stored; a full
//! quota keeps the draft in the page.

use fazhi_report::report::deadline::UnitKind;
use fazhi_report::report::edit_frame::suggest_addressee;
use fazhi_report::report::{parse, render};
use fazhi_report::session::create::QuickStart;
use fazhi_report::storage::instrument::FailingWrite;
use fazhi_report::storage::memory::MemoryStore;

mod common;
use common::session;

const NOW: i64 = 1_770_700_000_000;

fn street() -> QuickStart {
    let unit = "青石市临溪区东门街道办事处";
    QuickStart {
        unit: unit.into(),
        year: 2025,
        unit_kind: Some(UnitKind::TownshipStreet),
        leader_title: "党工委书记".into(),
        addressee: suggest_addressee(unit, Some(UnitKind::TownshipStreet)).unwrap(),
        date: "2026年2月26日".into(),
    }
}

#[test]
fn a_street_starts_framed_and_the_frame_reads_back() {
    let s = session(MemoryStore::new());
    let (draft, stored) = s.start(&street(), NOW).unwrap();
    stored.unwrap();
    let frame = draft.report.frame();
    assert_eq!(frame.addressee.as_deref(), Some("青石市临溪区人民政府"));
    assert_eq!(frame.signature.as_deref(), Some("青石市临溪区东门街道办事处"));
    assert_eq!(frame.date.as_deref(), Some("2026年2月26日"));
    let text = render(&draft.report);
    assert!(text.starts_with("青石市临溪区东门街道办事处2025年度法治政府建设情况报告\n青石市临溪区人民政府：\n"), "{text}");
    assert!(text.ends_with("\n\n青石市临溪区东门街道办事处\n2026年2月26日"), "{text}");
    // The empty parts stay empty: the closing lines are no part's content.
    let back = parse(&text);
    assert_eq!(render(&back), text);
    assert_eq!(back.frame(), frame);
    assert!(back.sections.iter().all(|s| s.body_text().trim().is_empty()));
    assert_eq!(s.open(&draft.id).unwrap(), draft, "stored as built");
}

#[test]
fn an_empty_addressee_and_date_leave_only_the_signature() {
    let s = session(MemoryStore::new());
    let answers = QuickStart { addressee: " ".into(), date: String::new(), ..street() };
    let (draft, _) = s.start(&answers, NOW).unwrap();
    let frame = draft.report.frame();
    assert_eq!((frame.addressee, frame.date), (None, None));
    assert_eq!(frame.signature.as_deref(), Some("青石市临溪区东门街道办事处"));
    assert_eq!(render(&parse(&render(&draft.report))), render(&draft.report));
}

#[test]
fn what_would_not_read_back_is_refused_field_by_field_and_nothing_is_stored() {
    let s = session(MemoryStore::new());
    let answers = QuickStart { addressee: "现将情况报告如下".into(), date: "下周一".into(), ..street() };
    let problems = s.start(&answers, NOW).unwrap_err();
    let fields: Vec<&str> = problems.iter().map(|p| p.0).collect();
    assert_eq!(fields, ["addressee", "date"]);
    assert!(problems[0].1.contains("主送机关") && problems[1].1.contains("2026年2月26日"), "{problems:?}");
    assert!(s.list().unwrap().is_empty());
    // A unit name that is no 署名 leaves it empty, for the title card to ask.
    let odd = QuickStart { unit: "某局（筹）。".into(), addressee: "区人民政府".into(), ..street() };
    let (draft, _) = s.start(&odd, NOW).unwrap();
    assert_eq!(draft.report.frame().signature, None);
}

#[test]
fn a_full_quota_keeps_the_framed_draft_in_the_page() {
    let kv = FailingWrite::new(MemoryStore::new());
    kv.fail_write(1);
    let s = session(&kv);
    let (draft, stored) = s.start(&street(), NOW).unwrap();
    assert!(stored.is_err());
    assert_eq!(draft.report.frame().addressee.as_deref(), Some("青石市临溪区人民政府"));
}
