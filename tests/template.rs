//! A new draft: title, preamble and the five sections in the regulation's order.

use fazhi_report::report::draft::safe_file_stem;
use fazhi_report::report::template::cn_number;
use fazhi_report::report::{parse, render, Draft, SectionKind};

#[test]
fn new_draft_renders_title_preamble_and_five_headings() {
    let d = Draft::new("x", " 某某区司法局 ", 2025, 0);
    let text = render(&d.report);
    let expected = "某某区司法局2025年度法治政府建设情况报告\n\
为深入推进法治政府建设，按照《法治政府建设与责任落实督察工作规定》要求，现将某某区司法局2025年度法治政府建设工作情况报告如下。\n\
一、2025年度推进法治政府建设的主要举措和成效\n\
二、2025年度推进法治政府建设存在的不足和原因\n\
三、2025年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况\n\
四、2026年度推进法治政府建设的主要安排\n\
五、其他需要报告的情况";
    assert_eq!(text, expected);
    assert_eq!(d.report.title(), Some("某某区司法局2025年度法治政府建设情况报告"));
}

#[test]
fn a_new_report_reads_back_as_the_same_five_kinds() {
    let d = Draft::new("x", "某某县人民政府", 2024, 0);
    let reparsed = parse(&render(&d.report));
    let kinds: Vec<_> = reparsed.sections.iter().map(|s| s.kind).collect();
    assert_eq!(kinds, SectionKind::REQUIRED.to_vec());
    assert_eq!(render(&reparsed), render(&d.report));
}

#[test]
fn edited_sections_and_preamble_render_in_the_seed_shape() {
    let mut d = Draft::new("x", "某某局", 2025, 0);
    d.report.sections[0].set_body_text("1. 健全制度。一是制定规范性文件3件。\r\n2. 严格执法。一是开展执法检查12次。");
    d.report.sections[4].set_body_text("无");
    d.report.set_preamble("根据要求，现报告如下。");
    let text = render(&d.report);
    assert!(text.contains("\n一、2025年度推进法治政府建设的主要举措和成效\n1. 健全制度。一是制定规范性文件3件。\n2. 严格执法。"));
    assert!(text.ends_with("五、其他需要报告的情况\n无"));
    assert_eq!(d.report.preamble(), "根据要求，现报告如下。");
    assert_eq!(d.report.sections[0].items.len(), 2);
    assert_eq!(d.report.sections[0].body_text(), "1. 健全制度。一是制定规范性文件3件。\n2. 严格执法。一是开展执法检查12次。");
}

#[test]
fn file_names_are_safe_on_windows() {
    assert_eq!(safe_file_stem("某局/科室:2025?"), "某局_科室_2025_");
    assert_eq!(safe_file_stem(" ... "), "法治政府建设情况报告");
    assert_eq!(Draft::new("x", "某某局", 2025, 0).file_stem(), "某某局2025年度法治政府建设情况报告");
}

#[test]
fn chinese_numerals() {
    let got: Vec<_> = [1, 5, 10, 11, 20, 23].iter().map(|n| cn_number(*n)).collect();
    assert_eq!(got, ["一", "五", "十", "十一", "二十", "二十三"]);
}

#[test]
fn section_status_is_read_from_text_until_marked_done() {
    use fazhi_report::report::draft::SectionStatus;
    let mut d = Draft::new("x", "某某局", 2025, 0);
    assert_eq!(d.status(SectionKind::Measures), SectionStatus::NotStarted);
    d.report.sections[0].set_body_text("1. 健全制度。");
    assert_eq!(d.status(SectionKind::Measures), SectionStatus::InProgress);
    d.set_done(SectionKind::Measures, true);
    assert_eq!(d.status(SectionKind::Measures), SectionStatus::Done);
    assert_eq!(d.sections_done(), 1);
    let json = serde_json::to_string(&d).unwrap();
    assert!(json.contains("\"statuses\":{\"measures\":\"done\"}"), "{json}");
    assert_eq!(serde_json::from_str::<Draft>(&json).unwrap(), d);
    d.set_done(SectionKind::Measures, false);
    assert_eq!(d.status(SectionKind::Measures), SectionStatus::InProgress);
    // Emptied (an older version restored): not 已完成, whatever the mark.
    d.set_done(SectionKind::Measures, true);
    d.report.sections[0].set_body_text("");
    assert_eq!(d.status(SectionKind::Measures), SectionStatus::NotStarted);
    assert_eq!(d.sections_done(), 0);
}
