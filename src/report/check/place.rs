//! Where a finding is, in the author's terms: "第一部分 第2条 正文",
//! "第三部分 导语", "报告标题" — not a line of a text the author never sees in
//! the app. Line numbers stay for imported text views and the CLI.

use super::finding::Finding;
use crate::report::model::Report;
use crate::report::template::cn_number;
use crate::report::text::render::LineMap;

/// The spot inside a part, or outside any part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Spot {
    Title,
    Preamble,
    /// A part's heading line.
    Heading,
    /// A part's text before its first item.
    Intro,
    /// An item's first line (its title, and the text on the same line).
    Item(usize),
    /// An item's further paragraphs.
    ItemBody(usize),
    /// A part as a whole.
    Part,
    /// The report as a whole.
    Whole,
    /// One of the 公文's frame elements (`text/frame.rs`).
    Frame(FrameField),
}

/// A frame element's field on the title card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameField {
    Addressee,
    DocNumber,
    Signature,
    Date,
}

impl FrameField {
    /// The id of its field on the title card.
    pub fn field_id(self) -> &'static str {
        match self {
            FrameField::Addressee => "frame-addressee",
            FrameField::DocNumber => "frame-doc-number",
            FrameField::Signature => "frame-signature",
            FrameField::Date => "frame-date",
        }
    }
}

/// A finding's place: the part (by position among the sections) and the spot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub section: Option<usize>,
    pub spot: Spot,
}

impl Place {
    /// 第一部分 第2条 正文 / 第三部分 导语 / 报告标题 / 全文.
    pub fn label(&self) -> String {
        let part = self.section.map(|i| format!("第{}部分", cn_number(i + 1)));
        let spot = match self.spot {
            Spot::Title => return "报告标题".to_string(),
            Spot::Preamble => return "开头段".to_string(),
            Spot::Whole => return "全文".to_string(),
            Spot::Frame(f) => {
                return match f {
                    FrameField::Addressee => "主送机关",
                    FrameField::DocNumber => "发文字号",
                    FrameField::Signature => "发文机关署名",
                    FrameField::Date => "成文日期",
                }
                .to_string()
            }
            // A finding at a part's heading is about the part as a whole.
            Spot::Heading => String::new(),
            Spot::Intro => "导语".to_string(),
            Spot::Item(k) => format!("第{}条", k + 1),
            Spot::ItemBody(k) => format!("第{}条 正文", k + 1),
            Spot::Part => String::new(),
        };
        match (part, spot.is_empty()) {
            (Some(p), true) => p,
            (Some(p), false) => format!("{p} {spot}"),
            (None, _) => spot,
        }
    }

    /// [`Place::label`] with the part named as `report` numbers it: in a
    /// report whose parts run 一、二、四、五, what is under “四、” is in
    /// 第四部分, not in the third part by position. Parts without a number
    /// of their own keep the position.
    pub fn label_in(&self, report: &Report) -> String {
        let label = self.label();
        let Some(i) = self.section else { return label };
        let Some(own) = report.sections.get(i).and_then(|s| part_number(&s.heading.marker)) else { return label };
        let by_position = format!("第{}部分", cn_number(i + 1));
        match label.strip_prefix(&by_position) {
            Some(rest) => format!("第{}部分{rest}", cn_number(own)),
            None => label,
        }
    }

    /// The id of the field in the app that holds this place, where there is one.
    pub fn field_id(&self) -> Option<String> {
        match self.spot {
            Spot::Title => Some("report-title".into()),
            Spot::Preamble => Some("preamble".into()),
            Spot::Intro => Some("section-intro".into()),
            Spot::Item(k) => Some(format!("item-{k}-title")),
            Spot::ItemBody(k) => Some(format!("item-{k}-body")),
            Spot::Frame(f) => Some(f.field_id().into()),
            Spot::Heading | Spot::Part | Spot::Whole => None,
        }
    }
}

/// Where findings are in one report: its line map built once, for a list of findings.
pub struct Places<'a> {
    report: &'a Report,
    lines: LineMap,
}

impl<'a> Places<'a> {
    pub fn new(report: &'a Report) -> Places<'a> {
        Places { report, lines: LineMap::new(report) }
    }

    /// Where `finding` is.
    pub fn of(&self, finding: &Finding) -> Place {
        let (report, lines) = (self.report, &self.lines);
        let Some(i) = finding.section_index.filter(|i| *i < report.sections.len()) else {
            let back = super::format::back_first_line(report);
            let roles = report.back_roles();
            let spot = match finding.line {
                Some(line) if report.addressee_index() == line.checked_sub(1) => Spot::Frame(FrameField::Addressee),
                Some(line) if report.doc_number_index() == line.checked_sub(1) => Spot::Frame(FrameField::DocNumber),
                Some(line) if line <= report.front.len() => {
                    if report.title_index() == Some(line - 1) { Spot::Title } else { Spot::Preamble }
                }
                Some(line) if line >= back && roles.date == Some(line - back) => Spot::Frame(FrameField::Date),
                Some(line) if line >= back && roles.signature == Some(line - back) => Spot::Frame(FrameField::Signature),
                // Missing, so on no line: the field where it is filled in
                // (the signature's when both are missing).
                None if finding.rule == super::RuleId::SignatureMissing => {
                    Spot::Frame(if report.frame().signature.is_none() { FrameField::Signature } else { FrameField::Date })
                }
                _ => Spot::Whole,
            };
            return Place { section: None, spot };
        };
        let spot = match (finding.item, finding.line) {
            (Some(k), Some(line)) if lines.mores[i].get(k).is_some_and(|m| m.contains(&line)) => Spot::ItemBody(k),
            (Some(k), _) => Spot::Item(k),
            (None, Some(line)) if line == lines.headings[i] => Spot::Heading,
            (None, Some(line)) if lines.intros[i].contains(&line) => Spot::Intro,
            (None, Some(line)) => match lines.items[i].iter().rposition(|first| *first <= line) {
                Some(k) if lines.items[i][k] == line => Spot::Item(k),
                Some(k) => Spot::ItemBody(k),
                None => Spot::Part,
            },
            (None, None) => Spot::Part,
        };
        Place { section: Some(i), spot }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::check::Severity;
    use crate::report::text::parse::parse;

    fn at(section: Option<usize>, item: Option<usize>, line: Option<usize>) -> Finding {
        Finding { rule: crate::report::check::RuleId::EmptyItem, severity: Severity::Warning, section: None, section_index: section, item, line, message: String::new(), article: None }
    }

    #[test]
    fn each_part_item_title_and_preamble() {
        let report = parse("某局2024年度法治政府建设情况报告\n现将情况报告如下.\n一、主要举措和成效\n导语一句\n1. 标题甲。正文\n又一段\n2. 标题乙。正文\n二、存在的不足和原因\n1. 不足。原因是……\n三、其他需要报告的情况\n无");
        let cases = [
            (at(None, None, Some(1)), "报告标题", Some("report-title")),
            (at(None, None, Some(2)), "开头段", Some("preamble")),
            (at(None, None, None), "全文", None),
            (at(Some(0), None, Some(3)), "第一部分", None),
            (at(Some(0), None, Some(4)), "第一部分 导语", Some("section-intro")),
            (at(Some(0), Some(0), Some(5)), "第一部分 第1条", Some("item-0-title")),
            (at(Some(0), Some(0), Some(6)), "第一部分 第1条 正文", Some("item-0-body")),
            (at(Some(0), None, Some(6)), "第一部分 第1条 正文", Some("item-0-body")),
            (at(Some(0), Some(1), Some(7)), "第一部分 第2条", Some("item-1-title")),
            (at(Some(1), Some(0), Some(9)), "第二部分 第1条", Some("item-0-title")),
            (at(Some(2), None, None), "第三部分", None),
            (at(Some(2), None, Some(11)), "第三部分 导语", Some("section-intro")),
        ];
        let framed = parse("某局2024年度法治政府建设情况报告\n区人民政府:\n一、主要举措和成效\n1. 学法。\n\n某局\n2025年02月06日\n");
        let framed_places = Places::new(&framed);
        assert_eq!(framed_places.of(&at(None, None, Some(2))).label(), "主送机关");
        assert_eq!(framed_places.of(&at(None, None, Some(2))).field_id().as_deref(), Some("frame-addressee"));
        assert_eq!(framed_places.of(&at(None, None, Some(7))).label(), "成文日期");
        assert_eq!(framed_places.of(&at(None, None, Some(6))).field_id().as_deref(), Some("frame-signature"));
        let places = Places::new(&report);
        for (f, label, field) in cases {
            let p = places.of(&f);
            assert_eq!(p.label(), label, "{f:?}");
            assert_eq!(p.field_id().as_deref(), field, "{f:?}");
        }
    }
}

/// The number a part heading's marker gives it: 4 for “四、”, “第四部分 ”,
/// “4.”; None for an unnumbered heading or a number past 99.
fn part_number(marker: &str) -> Option<usize> {
    let m = marker.trim();
    let m = m.strip_prefix('第').unwrap_or(m);
    let digits: String = m.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        return digits.parse().ok().filter(|n| (1..100).contains(n));
    }
    // The numeral as dates and years are read (三, 十二, 二十六).
    let cn: String = m.chars().take_while(|c| "〇零一二三四五六七八九十".contains(*c)).collect();
    crate::report::text::frame::cn_small_number(&cn).map(|n| n as usize)
}

#[cfg(test)]
mod part_number_tests {
    use super::*;

    #[test]
    fn a_part_is_named_by_its_own_number() {
        assert_eq!(part_number("四、"), Some(4));
        assert_eq!(part_number(" 第十二部分 "), Some(12));
        assert_eq!(part_number("二十、"), Some(20));
        assert_eq!(part_number("3."), Some(3));
        assert_eq!(part_number(""), None);
        assert_eq!(part_number("〇、"), None);
        let report = crate::report::parse("某局2025年度法治政府建设情况报告\n一、2025年度推进法治政府建设的主要举措和成效\n1. 甲。\n二、2025年度推进法治政府建设存在的不足和原因\n1. 乙。\n四、2026年度推进法治政府建设的主要安排\n1. 丙。\n");
        let place = Place { section: Some(2), spot: Spot::ItemBody(0) };
        assert_eq!(place.label(), "第三部分 第1条 正文");
        assert_eq!(place.label_in(&report), "第四部分 第1条 正文");
        assert_eq!(Place { section: None, spot: Spot::Title }.label_in(&report), "报告标题");
    }
}
