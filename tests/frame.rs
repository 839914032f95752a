//! The 公文's frame (主送机关, 发文字号, 附件说明, 署名, 成文日期, 附注)
//! recognised in team-written texts, kept out of the parts, and every text
//! rendered back byte for byte.

use fazhi_report::report::text::frame::{date_line, DateForm, Frame};
use fazhi_report::report::{parse, render, SectionKind};

const TITLE: &str = "青石市临溪区东门街道办事处2025年度法治政府建设情况报告";
const PARTS: &str = "一、主要举措和成效\n1. 强化学法。全年集体学法6次。\n二、存在的不足和原因\n1. 执法力量不足。原因是编制有限。\n三、党政主要负责人履行推进法治建设第一责任人职责情况\n1. 党工委书记专题研究法治建设4次。\n四、2026年度主要安排\n1. 推进综合执法。\n五、其他需要报告的情况\n";

struct Case {
    name: &'static str,
    text: String,
    frame: Frame,
    /// What the last part keeps: its intro lines and items.
    last_intro: Vec<&'static str>,
    last_items: usize,
}

fn f(addressee: Option<&str>, doc: Option<&str>, annex: Option<&str>, sig: Option<&str>, date: Option<&str>, note: Option<&str>) -> Frame {
    let s = |o: Option<&str>| o.map(str::to_string);
    Frame { addressee: s(addressee), doc_number: s(doc), annex: s(annex), signature: s(sig), date: s(date), note: s(note) }
}

fn cases() -> Vec<Case> {
    let body = |front: &str, last: &str, back: &str| format!("{front}{PARTS}{last}{back}");
    let title_pre = |addr: &str| format!("{TITLE}\n{addr}现将2025年度法治政府建设情况报告如下。\n");
    vec![
        Case { name: "full frame", text: body(&format!("临东街〔2026〕3号\n{}", title_pre("区人民政府：\n")), "无\n", "\n附件：1. 2025年度法治建设工作台账\n      2. 行政执法统计表\n\n东门街道办事处\n2026年2月26日\n（此件公开发布）\n"),
            frame: f(Some("区人民政府"), Some("临东街〔2026〕3号"), Some("附件：1. 2025年度法治建设工作台账\n2. 行政执法统计表"), Some("东门街道办事处"), Some("2026年2月26日"), Some("（此件公开发布）")),
            last_intro: vec!["无"], last_items: 0 },
        Case { name: "no frame at all (the seed's shape)", text: body(&title_pre(""), "无\n", ""),
            frame: f(None, None, None, None, None, None), last_intro: vec!["无"], last_items: 0 },
        Case { name: "addressee only", text: body(&title_pre("区人民政府：\n"), "无\n", ""),
            frame: f(Some("区人民政府"), None, None, None, None, None), last_intro: vec!["无"], last_items: 0 },
        Case { name: "two addressees, half-width colon", text: body(&title_pre("区委、区政府:\n"), "无\n", ""),
            frame: f(Some("区委、区政府"), None, None, None, None, None), last_intro: vec!["无"], last_items: 0 },
        Case { name: "signature and date without blank line, CRLF", text: body(&title_pre(""), "无\n", "东门街道办事处\n2026年3月1日\n").replace('\n', "\r\n"),
            frame: f(None, None, None, Some("东门街道办事处"), Some("2026年3月1日"), None), last_intro: vec!["无"], last_items: 0 },
        Case { name: "date only, no trailing newline", text: body(&title_pre(""), "无\n", "\n2026年2月6日"),
            frame: f(None, None, None, None, Some("2026年2月6日"), None), last_intro: vec!["无"], last_items: 0 },
        Case { name: "signature only, indented with full-width spaces", text: body(&title_pre(""), "无\n", "\n　　　　　　　　东门街道办事处\n"),
            frame: f(None, None, None, Some("东门街道办事处"), None, None), last_intro: vec!["无"], last_items: 0 },
        Case { name: "a date in the last part's sentence is no 成文日期", text: body(&title_pre(""), "2026年1月5日，街道召开法治建设推进会。\n", ""),
            frame: f(None, None, None, None, None, None), last_intro: vec!["2026年1月5日，街道召开法治建设推进会。"], last_items: 0 },
        Case { name: "closing lines that look like items stay out of the items", text: body(&title_pre(""), "1. 无其他事项。\n", "\n附件：1. 法治建设台账\n2. 执法统计表\n3. 复议应诉情况\n\n东门街道办事处\n二〇二六年二月二十六日\n"),
            frame: f(None, None, Some("附件：1. 法治建设台账\n2. 执法统计表\n3. 复议应诉情况"), Some("东门街道办事处"), Some("二〇二六年二月二十六日"), None), last_intro: vec![], last_items: 1 },
        Case { name: "a last item ending in a unit's name is no 署名", text: body(&title_pre(""), "1. 配合做好迎检工作。牵头单位：综合执法队\n", ""),
            frame: f(None, None, None, None, None, None), last_intro: vec![], last_items: 1 },
        Case { name: "dotted date and a doc number after the title", text: body(&format!("{TITLE}\n临东街[2026]3号\n区人民政府：\n现将情况报告如下。\n"), "无\n", "\n东门街道办事处\n2026.2.26\n"),
            frame: f(Some("区人民政府"), Some("临东街[2026]3号"), None, Some("东门街道办事处"), Some("2026.2.26"), None), last_intro: vec!["无"], last_items: 0 },
        Case { name: "joint signature line and padded date with a BOM", text: format!("\u{feff}{}", body(&title_pre("市人民政府：\n"), "本年度无其他需要报告的情况。\n", "\n中共东门街道工作委员会、东门街道办事处\n2026年02月06日\n")),
            frame: f(Some("市人民政府"), None, None, Some("中共东门街道工作委员会、东门街道办事处"), Some("2026年02月06日"), None), last_intro: vec!["本年度无其他需要报告的情况。"], last_items: 0 },
        Case { name: "preamble line ending with a colon is no 主送机关", text: body(&format!("{TITLE}\n现将有关情况报告如下：\n"), "无\n", ""),
            frame: f(None, None, None, None, None, None), last_intro: vec!["无"], last_items: 0 },
        Case { name: "a byline unit under the title without a colon is no 主送机关", text: body(&format!("{TITLE}\n东门街道办事处\n现将情况报告如下。\n"), "无\n", ""),
            frame: f(None, None, None, None, None, None), last_intro: vec!["无"], last_items: 0 },
        Case { name: "an empty last part (a new draft's) and the closing a blank line below", text: body(&title_pre("区人民政府：\n"), "", "\n东门街道办事处\n2026年2月26日"),
            frame: f(Some("区人民政府"), None, None, Some("东门街道办事处"), Some("2026年2月26日"), None), last_intro: vec![], last_items: 0 },
        Case { name: "a last part that is only a date stays a part", text: body(&title_pre(""), "2026年2月26日\n", ""),
            frame: f(None, None, None, None, None, None), last_intro: vec!["2026年2月26日"], last_items: 0 },
    ]
}

#[test]
fn the_frame_is_recognised_kept_out_of_the_parts_and_round_trips() {
    let cases = cases();
    assert!(cases.len() >= 12);
    for c in &cases {
        let r = parse(&c.text);
        assert_eq!(render(&r), c.text, "{}: byte for byte", c.name);
        assert_eq!(r.frame(), c.frame, "{}", c.name);
        assert_eq!(r.sections.len(), 5, "{}", c.name);
        let last = r.section(SectionKind::OtherMatters).unwrap();
        let intro: Vec<&str> = last.intro.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(intro, c.last_intro, "{}: the last part keeps only its own text", c.name);
        assert_eq!(last.items.len(), c.last_items, "{}", c.name);
        if c.frame.addressee.is_some() {
            assert!(!r.preamble().contains(c.frame.addressee.as_deref().unwrap()), "{}: the 主送机关 is no preamble", c.name);
        }
    }
}

#[test]
fn the_seed_has_no_frame() {
    let seed = include_str!("fixtures/seed/000_7470bc842f3634e7.txt");
    let r = parse(seed);
    assert_eq!(r.frame(), Frame::default());
    assert!(r.back.is_empty());
    assert_eq!(render(&r), seed);
}

#[test]
fn date_forms() {
    let form = |s| date_line(s).map(|d| d.form);
    assert_eq!(form("2026年2月26日"), Some(DateForm::Standard));
    assert_eq!(form("　2026年12月1日 "), Some(DateForm::Standard));
    assert_eq!(form("二〇二六年二月二十六日"), Some(DateForm::ChineseNumerals));
    assert_eq!(form("2026.2.26"), Some(DateForm::Separated));
    assert_eq!(form("2026-02-26"), Some(DateForm::Separated));
    assert_eq!(form("2026年02月06日"), Some(DateForm::Padded));
    assert_eq!(form("26年2月6日"), Some(DateForm::ShortYear));
    assert_eq!(form("2026年1月5日，街道召开推进会。"), None);
    assert_eq!(form("2026年13月5日"), None);
    assert_eq!(form("2026年度"), None);
}
