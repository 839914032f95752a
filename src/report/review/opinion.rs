//! A unit's 审核意见: the reviewer's own words and the findings they ticked,
//! with the place of each, as the text they send back and as a .docx in the
//! same GB/T 9704 layout as a report.

use crate::report::formats::{export_docx, FormatError};
use crate::report::model::{Eol, Line, Report};
use crate::report::template::cn_number;
use crate::report::render;

/// What the reviewer writes to one unit about one report.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Opinion {
    /// The unit the opinion goes to (主送).
    pub unit: String,
    /// The report's own title, quoted in the opinion's.
    pub report_title: String,
    /// The reviewer's text; paragraphs on their own lines.
    pub text: String,
    /// Ticked findings: (place, what is wrong and what to do).
    pub ticked: Vec<(String, String)>,
    /// Who sends it (the reviewing office, 署名) and when (成文日期, e.g.
    /// 2026年3月5日): the closing, where given, laid out as a report's.
    pub signature: String,
    pub date: String,
}

impl Opinion {
    /// 关于《…》的审核意见.
    pub fn title(&self) -> String {
        let quoted = self.report_title.trim().trim_start_matches('《').trim_end_matches('》');
        if quoted.is_empty() { "审核意见".to_string() } else { format!("关于《{quoted}》的审核意见") }
    }

    /// The opinion as a report model: title, 主送 line, the reviewer's
    /// paragraphs, then the ticked findings numbered 一、二、….
    pub fn report(&self) -> Report {
        let mut lines = vec![self.title()];
        if !self.unit.trim().is_empty() {
            lines.push(format!("{}：", self.unit.trim()));
        }
        lines.extend(self.text.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from));
        if !self.ticked.is_empty() {
            lines.push("具体问题如下：".to_string());
            for (i, (place, message)) in self.ticked.iter().enumerate() {
                lines.push(format!("{}、{place}：{message}", cn_number(i + 1)));
            }
        }
        let closing: Vec<String> = [self.signature.trim(), self.date.trim()].into_iter().filter(|l| !l.is_empty()).map(String::from).collect();
        let back = if closing.is_empty() { Vec::new() } else { std::iter::once(String::new()).chain(closing).collect() };
        let line = |text: String| Line { text, eol: Eol::Lf };
        Report { bom: false, eol: Eol::Lf, front: lines.into_iter().map(line).collect(), sections: Vec::new(), back: back.into_iter().map(line).collect() }
    }

    /// Closed with the reviewing office (when given) and the day it is sent.
    pub fn signed(self, office: &str, on: crate::report::deadline::Date) -> Opinion {
        Opinion { signature: office.trim().to_string(), date: on.label_zh(), ..self }
    }

    /// The opinion as UTF-8 text, one paragraph a line.
    pub fn text_file(&self) -> String {
        render(&self.report())
    }

    /// The opinion as a .docx in the report's layout.
    pub fn docx(&self) -> Result<Vec<u8>, FormatError> {
        export_docx(&self.report())
    }

    /// The file name stem: the opinion's title, safe for a file system.
    pub fn file_stem(&self) -> String {
        crate::report::draft::safe_file_stem(&self.title())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::formats::import_docx;

    fn sample() -> Opinion {
        Opinion {
            unit: "区市场监管局".into(),
            report_title: "区市场监管局2025年度法治政府建设情况报告".into(),
            text: "经审核，报告五项内容齐全。\n\n请按以下意见修改后于3月1日前报送。".into(),
            ticked: vec![("第二部分 第1条 正文".into(), "只写了不足，没有分析原因。".into())],
            ..Opinion::default()
        }
    }

    #[test]
    fn the_text_has_title_addressee_paragraphs_and_numbered_findings() {
        assert_eq!(
            sample().text_file(),
            "关于《区市场监管局2025年度法治政府建设情况报告》的审核意见\n区市场监管局：\n经审核，报告五项内容齐全。\n请按以下意见修改后于3月1日前报送。\n具体问题如下：\n一、第二部分 第1条 正文：只写了不足，没有分析原因。\n"
        );
        assert_eq!(Opinion::default().title(), "审核意见");
    }

    #[test]
    fn a_signed_opinion_closes_with_the_office_and_the_date_in_the_report_layout() {
        let o = Opinion { signature: "某区司法局".into(), date: "2026年3月5日".into(), ..sample() };
        assert!(o.text_file().ends_with("没有分析原因。\n\n某区司法局\n2026年3月5日\n"), "{}", o.text_file());
        let back = import_docx(&o.docx().unwrap()).unwrap().report();
        let frame = back.frame();
        assert_eq!((frame.signature.as_deref(), frame.date.as_deref()), (Some("某区司法局"), Some("2026年3月5日")));
    }

    #[test]
    fn the_docx_reads_back_with_every_paragraph() {
        let o = sample();
        let back = import_docx(&o.docx().unwrap()).unwrap();
        let text = render(&back.report());
        for line in o.text_file().lines() {
            assert!(text.contains(line), "missing {line:?} in {text:?}");
        }
    }
}
