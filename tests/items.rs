//! Structured editing: items are added, removed and moved, and numbering
//! follows in the section's own style.

use fazhi_report::report::edit::ItemStyle;
use fazhi_report::report::{parse, render, Draft, Item};

#[test]
fn items_added_moved_and_removed_are_renumbered() {
    let mut d = Draft::new("x", "某某局", 2025, 0);
    let s = &mut d.report.sections[0];
    s.add_item(Item::new("健全制度", "一是制定文件3件。二是清理文件12件。"));
    s.add_item(Item::new("严格执法。", "开展执法检查36次。"));
    s.add_item(Item::new("加强普法", ""));
    assert_eq!(
        s.body_text(),
        "1. 健全制度。一是制定文件3件。二是清理文件12件。\n2. 严格执法。开展执法检查36次。\n3. 加强普法。"
    );
    assert!(s.move_item(2, 0));
    assert_eq!(s.body_text().lines().next(), Some("1. 加强普法。"));
    assert_eq!(s.remove_item(1).unwrap().title, "健全制度");
    assert_eq!(s.body_text(), "1. 加强普法。\n2. 严格执法。开展执法检查36次。");
    assert!(!s.move_item(0, 5));
    assert!(s.remove_item(9).is_none());
}

#[test]
fn numbering_keeps_the_style_the_author_used() {
    for (marker, third) in [("1、", "3、"), ("（1）", "（3）"), ("(1)", "(3)"), ("（一）", "（三）"), ("1. ", "3. ")] {
        let style = ItemStyle::of_marker(marker).unwrap();
        assert_eq!(style.marker(3), third, "{marker}");
    }
    assert_eq!(ItemStyle::of_marker("无"), None);
    let mut r = parse("一、2025年度主要举措和成效\n1、甲。正文\n3、乙。正文");
    r.sections[0].renumber();
    assert_eq!(render(&r), "一、2025年度主要举措和成效\n1、甲。正文\n2、乙。正文");
}

#[test]
fn item_body_spans_paragraphs() {
    let mut item = Item::new("标题", "第一段。\n第二段。");
    assert_eq!(item.body_text(), "第一段。\n第二段。");
    item.set_body_text("");
    assert_eq!((item.title.as_str(), item.sep.as_str(), item.body.as_str()), ("标题", "。", ""));
    item.set_title("");
    item.set_body_text("只有正文。");
    assert_eq!(item.sep, "");
}

#[test]
fn points_are_renumbered_in_order() {
    use fazhi_report::report::edit::{point_numerals, renumber_points};
    let body = "一是制定文件3件。三是清理文件12件；四是培训2期。其中一是指……";
    assert_eq!(point_numerals(body).len(), 3, "一是 inside a sentence is not a point");
    assert_eq!(renumber_points(body), "一是制定文件3件。二是清理文件12件；三是培训2期。其中一是指……");
    assert_eq!(renumber_points("没有分点的正文。"), "没有分点的正文。");
    let many: String = (1..=12).map(|_| "五是甲。").collect();
    assert!(renumber_points(&many).ends_with("十一是甲。十二是甲。"));
    let mut item = Item::new("标题", "一是甲。\n三是乙。");
    item.renumber_points();
    assert_eq!(item.body_text(), "一是甲。\n二是乙。");
}
