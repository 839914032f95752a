//! The reviewer's table as rows, and as a .csv file that Excel and WPS open
//! with the Chinese intact (UTF-8 with a byte-order mark, CRLF, RFC 4180
//! quoting).

use super::copying::{Pair, Shared};
use super::{Entry, PartMark};
use crate::report::model::SectionKind;

/// One row of the table: a file and what the reviewer sees of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub file_name: String,
    /// Unit and year as inferred, or as the reviewer corrected them.
    pub unit: String,
    pub year: Option<i32>,
    pub chars: usize,
    /// The five parts, or None when the file could not be read.
    pub parts: Option<[PartMark; 5]>,
    pub errors: usize,
    pub warnings: usize,
    /// The worst finding's message, or why the file could not be read.
    pub worst: String,
    /// Paragraphs shared with other reports of the batch, and with whom.
    pub copied: usize,
    pub copied_with: Vec<String>,
    /// Paragraphs alike in many reports of the batch ([`Shared`]).
    pub shared: usize,
    /// What the reviewer wrote to the unit (empty when nothing yet, and
    /// always from [`rows`]: the desk fills it in).
    pub opinion: String,
}

/// The table's rows, in batch order. `names` gives each entry's unit and
/// year as the reviewer has them (inferred unless corrected).
pub fn rows(entries: &[Entry], pairs: &[Pair], shared: &[Shared], names: &dyn Fn(usize) -> (String, Option<i32>)) -> Vec<Row> {
    entries.iter().enumerate().map(|(i, e)| {
        let shared = shared.iter().filter(|g| g.passages.iter().any(|(r, _)| *r == i)).count();
        let (unit, year) = names(i);
        // This report's own paragraphs shared (one shared with two reports counts once).
        let mut own = Vec::new();
        let mut copied_with = Vec::new();
        for p in pairs.iter().filter(|p| p.a == i || p.b == i) {
            for m in &p.matches {
                let place = if p.a == i { m.a.place } else { m.b.place };
                if !own.contains(&place) {
                    own.push(place);
                }
            }
            let other = if p.a == i { p.b } else { p.a };
            copied_with.push(names(other).0);
        }
        let copied = own.len();
        match &e.read {
            Ok(r) => Row {
                file_name: e.file_name.clone(),
                unit,
                year,
                chars: r.chars,
                parts: Some(r.parts),
                errors: r.errors(),
                warnings: r.warnings(),
                worst: if r.not_a_report {
                    "未识别出年度报告的五项内容，可能不是法治政府建设年度报告".to_string()
                } else {
                    r.worst().map(|f| f.message.clone()).unwrap_or_default()
                },
                copied,
                copied_with,
                shared,
                opinion: String::new(),
            },
            Err(why) => Row {
                file_name: e.file_name.clone(),
                unit,
                year,
                chars: 0,
                parts: None,
                errors: 0,
                warnings: 0,
                worst: why.clone(),
                copied,
                copied_with,
                shared,
                opinion: String::new(),
            },
        }
    }).collect()
}

fn field(out: &mut String, value: &str) {
    if value.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

/// The table as .csv bytes: a header row, then one row per file.
pub fn csv(rows: &[Row]) -> Vec<u8> {
    let mut header = vec!["序号", "单位", "年度", "文件名", "字数"];
    header.extend(SectionKind::REQUIRED.iter().map(|k| k.label()));
    header.extend(["错误", "提醒", "主要问题", "雷同段落", "雷同单位", "多份报告共有段落", "审核意见"]);
    let mut out = String::from("\u{feff}");
    let mut line = |cells: Vec<String>| {
        for (i, c) in cells.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            field(&mut out, c);
        }
        out.push_str("\r\n");
    };
    line(header.into_iter().map(String::from).collect());
    for (i, r) in rows.iter().enumerate() {
        let mut cells = vec![
            (i + 1).to_string(),
            r.unit.clone(),
            r.year.map(|y| y.to_string()).unwrap_or_default(),
            r.file_name.clone(),
            r.chars.to_string(),
        ];
        match r.parts {
            Some(parts) => cells.extend(parts.iter().map(|p| p.label().to_string())),
            None => cells.extend(std::iter::repeat_n("无法读取".to_string(), 5)),
        }
        cells.extend([r.errors.to_string(), r.warnings.to_string(), r.worst.clone(), r.copied.to_string(), r.copied_with.join("、"), r.shared.to_string(), r.opinion.clone()]);
        line(cells);
    }
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::deadline::Date;
    use crate::report::review::read_entry;

    #[test]
    fn csv_has_a_bom_crlf_and_quotes_what_needs_quoting() {
        let entries = vec![
            read_entry("甲局,2025.txt", "甲局2025年度法治政府建设情况报告\n一、2025年度推进法治政府建设的主要举措和成效\n开展执法检查36次。\n".as_bytes(), &|_| None, 2026, Date::new(2026, 1, 5)),
            read_entry("坏.txt", &[0, 1, 2, 3, 0xff, 0xfe, 0, 0, 9], &|_| None, 2026, Date::new(2026, 1, 5)),
        ];
        let rows = rows(&entries, &[], &[], &|i| (if i == 0 { "甲\"局\"".to_string() } else { "坏".to_string() }, Some(2025)));
        let text = String::from_utf8(csv(&rows)).unwrap();
        assert!(text.starts_with("\u{feff}序号,单位,年度,文件名,字数,主要举措和成效,"));
        let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines.len(), 4, "{text}");
        assert!(lines[1].starts_with("1,\"甲\"\"局\"\"\",2025,\"甲局,2025.txt\","), "{}", lines[1]);
        assert!(lines[1].contains(",有,缺,缺,缺,缺,"), "{}", lines[1]);
        assert!(lines[2].contains("无法读取"), "{}", lines[2]);
        assert!(lines[0].ends_with(",雷同单位,多份报告共有段落,审核意见"), "{}", lines[0]);
        let mut with_opinion = rows.clone();
        with_opinion[0].opinion = "请补充,谢谢".into();
        let text = String::from_utf8(csv(&with_opinion)).unwrap();
        assert!(text.split("\r\n").nth(1).unwrap().ends_with(",\"请补充,谢谢\""), "quoted like any field: {text}");
        assert_eq!(lines[3], "");
    }

    #[test]
    fn a_paragraph_shared_with_two_reports_counts_once() {
        use crate::report::check::place::{Place, Spot};
        use crate::report::review::copying::{Match, Pair, Passage};
        let e = |unit: &str| read_entry(&format!("{unit}.txt"), format!("{unit}2025年度法治政府建设情况报告\n").as_bytes(), &|_| None, 2026, Date::new(2026, 1, 5));
        let at = |k| Passage { place: Place { section: Some(0), spot: Spot::ItemBody(k) }, text: String::new() };
        let m = |a, b| Match { a: at(a), b: at(b), ratio: 1.0 };
        // Report 0's first paragraph in both others, its second in one.
        let pairs = vec![Pair { a: 0, b: 1, matches: vec![m(0, 0), m(1, 1)] }, Pair { a: 0, b: 2, matches: vec![m(0, 3)] }];
        let rows = rows(&[e("甲"), e("乙"), e("丙")], &pairs, &[], &|i| (["甲", "乙", "丙"][i].to_string(), None));
        assert_eq!((rows[0].copied, rows[0].copied_with.clone()), (2, vec!["乙".to_string(), "丙".to_string()]));
        assert_eq!((rows[1].copied, rows[2].copied), (2, 1));
    }
}
