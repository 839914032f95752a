//! Editing the 公文's frame (`text/frame.rs`): the 主送机关, 发文字号,
//! 发文机关署名 and 成文日期 set from the title card or the quick start, and
//! the 主送机关 suggested from the unit's name and kind.
//!
//! A setter refuses what would not be read back as the element it sets (a
//! 署名 that is no unit's name would be read as the last part's text next
//! time), with a sentence saying what to write; the report is then unchanged.

use crate::report::deadline::{Date, UnitKind};
use crate::report::model::{Line, Report};
use crate::report::text::frame::{date_line, is_doc_number_line, is_signature_line};

fn clean(text: &str) -> String {
    text.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}').to_string()
}

/// A date as GB/T 9704-2012 §7.3.5.4 writes it: `2026年2月26日`.
pub fn standard_date(d: Date) -> String {
    format!("{}年{}月{}日", d.year, d.month, d.day)
}

/// Characters that end one level of a unit's place name (青石市, 临溪区).
const PLACE_ENDINGS: [char; 7] = ['省', '市', '州', '盟', '区', '县', '旗'];

/// The place names a unit's name starts with (青石市临溪区司法局 →
/// [青石市, 临溪区]): each 2 to 6 characters ending in a place level, so the
/// 市 of 市场监督管理局 is not taken for a city.
fn places(unit: &str) -> Vec<String> {
    let chars: Vec<char> = unit.trim().chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(len) = (2..=6).find(|&l| i + l <= chars.len() && PLACE_ENDINGS.contains(&chars[i + l - 1])) {
        // A place level right after the name's start is a department (市场…).
        if len < chars.len() - i || out.is_empty() {
            out.push(chars[i..i + len].iter().collect());
        }
        i += len;
    }
    out
}

/// The 主送机关 a unit of this kind usually reports to: a 乡镇 or 街道 to the
/// county's or district's 人民政府, a department to its own 人民政府, a
/// government to the one above it. `None` when nothing sensible follows.
pub fn suggest_addressee(unit: &str, kind: Option<UnitKind>) -> Option<String> {
    let unit = clean(unit);
    let places = places(&unit);
    let joined = places.concat();
    match kind? {
        UnitKind::TownshipStreet if !places.is_empty() => Some(format!("{joined}人民政府")),
        UnitKind::TownshipStreet if unit.contains("街道") => Some("区人民政府".to_string()),
        UnitKind::TownshipStreet => Some("县人民政府".to_string()),
        UnitKind::Department if !places.is_empty() => Some(format!("{joined}人民政府")),
        UnitKind::Department => None,
        UnitKind::LocalGovernment if places.len() >= 2 => Some(format!("{}人民政府", places[..places.len() - 1].concat())),
        UnitKind::LocalGovernment => match places.first().and_then(|p| p.chars().last()) {
            Some('区' | '县' | '旗') => Some("市人民政府".to_string()),
            Some('市' | '州' | '盟') => Some("省人民政府".to_string()),
            _ => None,
        },
        UnitKind::Other => None,
    }
}

impl Report {
    /// Set the 主送机关 (the colon is added; empty removes the line). Placed
    /// right after the title (and a 发文字号 standing there).
    pub fn set_addressee(&mut self, names: &str) -> Result<(), String> {
        let names = clean(names).trim_end_matches(['：', ':']).to_string();
        if names.is_empty() {
            if let Some(i) = self.addressee_index() {
                self.front.remove(i);
            }
            return Ok(());
        }
        let line = format!("{names}：");
        if !crate::report::text::frame::is_addressee_line(&line) {
            return Err(format!("“{names}”不像机关名称。主送机关请写机关全称或规范化简称，如“区人民政府”，多个机关之间用顿号隔开。"));
        }
        match self.addressee_index() {
            Some(i) => self.front[i].text = line,
            None => {
                let at = match (self.title_index(), self.doc_number_index()) {
                    (Some(t), Some(d)) if d > t => d + 1,
                    (Some(t), _) => t + 1,
                    (None, _) => 0,
                };
                self.front.insert(at, Line::new(line));
            }
        }
        Ok(())
    }

    /// Set the 发文字号 (empty removes it); a new one goes above the title.
    pub fn set_doc_number(&mut self, number: &str) -> Result<(), String> {
        let number = clean(number);
        let existing = self.doc_number_index();
        if number.is_empty() {
            if let Some(i) = existing {
                self.front.remove(i);
            }
            return Ok(());
        }
        if !is_doc_number_line(&number) {
            return Err(format!("“{number}”不像发文字号。发文字号由发文机关代字、年份和发文顺序号组成，如“某司〔2026〕3号”。"));
        }
        match existing {
            Some(i) => self.front[i].text = number,
            None => self.front.insert(self.title_index().unwrap_or(0), Line::new(number)),
        }
        Ok(())
    }

    /// Set the 发文机关署名 (empty removes it).
    pub fn set_signature(&mut self, unit: &str) -> Result<(), String> {
        let unit = clean(unit);
        if !unit.is_empty() && !is_signature_line(&unit) {
            return Err(format!("“{unit}”不像机关名称。署名请写发文机关全称或规范化简称，如“某某区司法局”，不加标点。"));
        }
        let roles = self.back_roles();
        let at = roles.date.or(roles.note).unwrap_or(self.back.len());
        self.set_closing(roles.signature, at, unit);
        Ok(())
    }

    /// Set the 成文日期 (empty removes it). Any date form that reads back is
    /// taken as written; the checker's `date-format` asks for the standard one.
    pub fn set_date(&mut self, date: &str) -> Result<(), String> {
        let date = clean(date);
        if !date.is_empty() && date_line(&date).is_none() {
            return Err(format!("无法识别日期“{date}”。成文日期请按“2026年2月26日”的格式填写。"));
        }
        let roles = self.back_roles();
        let at = roles.note.unwrap_or(self.back.len());
        self.set_closing(roles.date, at, date);
        Ok(())
    }

    /// Replace, remove or insert one closing line. A new frame starts after
    /// a blank line, as a 署名 stands apart from the text.
    fn set_closing(&mut self, existing: Option<usize>, at: usize, text: String) {
        match (existing, text.is_empty()) {
            (Some(i), true) => {
                self.back.remove(i);
            }
            (Some(i), false) => self.back[i].text = text,
            (None, true) => {}
            (None, false) => {
                if self.back.is_empty() {
                    self.back.push(Line::new(""));
                    self.back.push(Line::new(text));
                } else {
                    self.back.insert(at.min(self.back.len()), Line::new(text));
                }
            }
        }
        if self.back.iter().all(|l| l.text.trim().is_empty()) {
            self.back.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{parse, render};

    #[test]
    fn suggestions_by_unit_kind() {
        use UnitKind::*;
        let s = |u, k| suggest_addressee(u, Some(k));
        assert_eq!(s("青石市临溪区东门街道办事处", TownshipStreet).as_deref(), Some("青石市临溪区人民政府"));
        assert_eq!(s("东门街道办事处", TownshipStreet).as_deref(), Some("区人民政府"));
        assert_eq!(s("柳河镇人民政府", TownshipStreet).as_deref(), Some("县人民政府"));
        assert_eq!(s("临溪区市场监督管理局", Department).as_deref(), Some("临溪区人民政府"));
        assert_eq!(s("青石市临溪区司法局", Department).as_deref(), Some("青石市临溪区人民政府"));
        assert_eq!(s("青石市临溪区人民政府", LocalGovernment).as_deref(), Some("青石市人民政府"));
        assert_eq!(s("青石县人民政府", LocalGovernment).as_deref(), Some("市人民政府"));
        assert_eq!(s("某协会", Other), None);
        assert_eq!(suggest_addressee("某局", None), None);
    }

    #[test]
    fn setting_the_frame_reads_back_and_bad_input_changes_nothing() {
        let mut r = parse("某区司法局2025年度法治政府建设情况报告\n现将情况报告如下。\n一、主要举措和成效\n1. 学法。正文。\n");
        r.set_addressee("区人民政府").unwrap();
        r.set_signature("某区司法局").unwrap();
        r.set_date("2026年2月26日").unwrap();
        r.set_doc_number("某司〔2026〕3号").unwrap();
        let text = render(&r);
        assert_eq!(text, "某司〔2026〕3号\n某区司法局2025年度法治政府建设情况报告\n区人民政府：\n现将情况报告如下。\n一、主要举措和成效\n1. 学法。正文。\n\n某区司法局\n2026年2月26日");
        let back = parse(&text);
        assert_eq!(back.frame(), r.frame());
        assert_eq!(back.preamble(), "现将情况报告如下。");
        assert_eq!(back.sections[0].items.len(), 1);
        let before = r.clone();
        assert!(r.set_signature("张三。").unwrap_err().contains("署名"));
        assert!(r.set_date("下周一").unwrap_err().contains("2026年2月26日"));
        assert!(r.set_addressee("现将情况报告如下").unwrap_err().contains("主送机关"));
        assert!(r.set_doc_number("三号").unwrap_err().contains("〔2026〕"));
        assert_eq!(r, before);
        r.set_signature("").unwrap();
        r.set_date("").unwrap();
        r.set_addressee("").unwrap();
        r.set_doc_number("").unwrap();
        assert_eq!(render(&r), "某区司法局2025年度法治政府建设情况报告\n现将情况报告如下。\n一、主要举措和成效\n1. 学法。正文。\n");
    }
}
