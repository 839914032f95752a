//! Guidance texts shown beside each section. Quotes are verbatim from the
//! sources in docs/sources/regulation/ (a test compares them).
//!
//! Everything here is static data: [`guide`] gives the full guide for a
//! section kind (the regulation's requirement, what to write, common mistakes,
//! a worked example and a suggested length); [`example_report`] assembles the
//! worked examples into a whole report for a fictional unit.
//!
//! Rules for the texts: UI text is Simplified Chinese with full-width
//! punctuation; a [`Quote`] is copied verbatim from
//! docs/sources/regulation/README.md and names an article only where the README
//! marks the article number verified.

mod content;
mod example;
mod kinds;
mod period;

use super::deadline::UnitKind;
use super::model::SectionKind;

pub use example::{example_report, EXAMPLE_UNIT};
pub use kinds::{COUNTY_UNIT, TOWN_UNIT};
pub use period::{is_new_period, period_notes, NamedSource, ENFORCEMENT_SUPERVISION, OUTLINE_LAST_YEAR};

/// A worked example's text for a report on `year`: `{year}` and `{next}`
/// filled in, and `{ordinance}` replaced by the example's passage on the
/// 《行政执法监督条例》 from the report on 2026 on (nothing before: the 条例
/// was not in force).
fn fill(template: &str, year: i32, ordinance: &str) -> String {
    let ordinance = if is_new_period(year) { ordinance } else { "" };
    template.replace("{ordinance}", ordinance).replace("{year}", &year.to_string()).replace("{next}", &(year + 1).to_string())
}

/// A worked example for one kind of unit: a fictional unit and the bodies of
/// its five parts (with the `{year}`, `{next}` and `{ordinance}` placeholders).
#[derive(Clone, Copy, Debug)]
pub struct Example {
    pub unit: &'static str,
    sections: [&'static str; 5],
    /// What the unit did to carry out the 《行政执法监督条例》, for `{ordinance}`.
    ordinance: &'static str,
}

impl Example {
    /// The body of one part for a report on `year` (empty for `Unknown`).
    pub fn section(&self, kind: SectionKind, year: i32) -> String {
        let Some(i) = SectionKind::REQUIRED.iter().position(|k| *k == kind) else { return String::new() };
        fill(self.sections[i], year, self.ordinance)
    }

    /// The whole example report on `year`, in the shape the parser reads.
    pub fn report(&self, year: i32) -> String {
        let mut lines = vec![super::template::title(self.unit, year), super::template::preamble(self.unit, year)];
        for (i, kind) in SectionKind::REQUIRED.iter().enumerate() {
            lines.push(format!("{}{}", super::template::section_marker(i + 1), super::template::heading_text(*kind, year)));
            lines.push(self.section(*kind, year));
        }
        lines.join("\n")
    }
}

/// The worked example for a kind of unit: a 镇 for 乡镇、街道, a 县政府 for
/// governments, the 市场监督管理局 for departments and other units.
pub fn example_for(kind: Option<UnitKind>) -> Example {
    match kind {
        Some(UnitKind::TownshipStreet) => Example {
            unit: kinds::TOWN_UNIT,
            sections: [kinds::TOWN_MEASURES, kinds::TOWN_SHORTCOMINGS, kinds::TOWN_FIRST_RESPONSIBLE, kinds::TOWN_NEXT_YEAR, kinds::TOWN_OTHER_MATTERS],
            ordinance: kinds::TOWN_ORDINANCE,
        },
        Some(UnitKind::LocalGovernment) => Example {
            unit: kinds::COUNTY_UNIT,
            sections: [kinds::COUNTY_MEASURES, kinds::COUNTY_SHORTCOMINGS, kinds::COUNTY_FIRST_RESPONSIBLE, kinds::COUNTY_NEXT_YEAR, kinds::COUNTY_OTHER_MATTERS],
            ordinance: kinds::COUNTY_ORDINANCE,
        },
        _ => Example {
            unit: EXAMPLE_UNIT,
            sections: [example::MEASURES, example::SHORTCOMINGS, example::FIRST_RESPONSIBLE, example::NEXT_YEAR, example::OTHER_MATTERS],
            ordinance: example::ORDINANCE,
        },
    }
}

/// What to write that is particular to a kind of unit.
pub fn kind_notes(kind: Option<UnitKind>) -> &'static [&'static str] {
    match kind {
        Some(UnitKind::TownshipStreet) => kinds::TOWN_NOTES,
        Some(UnitKind::LocalGovernment) => kinds::COUNTY_NOTES,
        Some(UnitKind::Department) => kinds::DEPARTMENT_NOTES,
        _ => &[],
    }
}

/// A verbatim passage from an official text and where it comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The passage, character for character as in the source.
    pub text: &'static str,
    /// The document (in 《》), and the article only where it is verified.
    pub source: &'static str,
}

/// One area a 举措和成效 section is usually organised by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Area {
    /// The area's heading. Verbatim from the outline when `from_outline`.
    pub heading: &'static str,
    /// True for the headings of 《法治政府建设实施纲要（2021－2025年）》.
    pub from_outline: bool,
    /// What is typically reported under it and which figures back it.
    pub hint: &'static str,
}

/// Everything the guidance panel shows for one section kind.
#[derive(Clone, Copy, Debug)]
pub struct SectionGuide {
    pub kind: SectionKind,
    /// What the regulation requires of this section, verbatim.
    pub requirement: Quote,
    /// Concrete points of what to write, in the order to write them.
    pub what_to_write: &'static [&'static str],
    /// For `Measures`: the areas to organise it by. Empty for other kinds.
    pub areas: &'static [Area],
    /// Mistakes reviewers often flag in this section.
    pub mistakes: &'static [&'static str],
    /// The worked example for the fictional unit [`EXAMPLE_UNIT`], in the
    /// report's text shape (one item `1. 标题。一是…二是…` per line). It
    /// contains the placeholders `{year}` (the report's year), `{next}`
    /// (the year after) and, in 举措和成效, `{ordinance}` (what the unit did
    /// under the 《行政执法监督条例》, from the report on 2026 on); use
    /// [`SectionGuide::example`] to fill them in.
    pub example_template: &'static str,
    /// Suggested length of the section body, counted as the editor counts
    /// (characters of `Section::body_text()`, line breaks included).
    /// `(0, 0)` means no suggestion.
    pub suggested_chars: (usize, usize),
}

impl SectionGuide {
    /// The worked example for a report on `year`.
    pub fn example(&self, year: i32) -> String {
        fill(self.example_template, year, example::ORDINANCE)
    }
}

/// The full guide for a section kind.
pub fn guide(kind: SectionKind) -> &'static SectionGuide {
    match kind {
        SectionKind::Measures => &content::MEASURES,
        SectionKind::Shortcomings => &content::SHORTCOMINGS,
        SectionKind::FirstResponsible => &content::FIRST_RESPONSIBLE,
        SectionKind::NextYear => &content::NEXT_YEAR,
        SectionKind::OtherMatters => &content::OTHER_MATTERS,
        SectionKind::Unknown => &content::UNKNOWN,
    }
}

/// Publication: reports are published before 1 April (第二十四条, verified).
pub const PUBLICATION: Quote = Quote {
    text: "每年4月1日之前，地方各级政府和县级以上政府部门的法治政府建设年度报告，除涉及党和国家秘密的，应当通过报刊、网站等新闻媒体向社会公开，接受人民群众监督。",
    source: "《法治政府建设与责任落实督察工作规定》第二十四条",
};

/// Who reports to whom and by when, as the 陕西 provincial guide restates the
/// regulation (the regulation's article number is unverified, so none is named).
pub const REPORTING_DEADLINES: Quote = Quote {
    text: "每年4月1日之前，省委和省政府应当向党中央、国务院报告上一年度法治政府建设情况，同时抄送中央全面依法治国委员会办公室。每年3月1日之前，县级以上各级政府部门应当向本级党委和政府、上一级政府有关部门报告上一年度法治政府建设情况，同时抄送本级党委法治建设议事协调机构；省、市、县政府应当向同级党委、人大常委会报告上一年度法治政府建设情况；市、县、乡党委和政府应当向上一级党委和政府报告上一年度法治政府建设情况，同时抄送上一级党委法治建设议事协调机构。",
    source: "陕西省关于法治政府建设年度报告的工作指引（2023年）第四项，转述《法治政府建设与责任落实督察工作规定》",
};

/// The standard summary of the first-responsible person's duties.
pub const FIRST_RESPONSIBLE_DUTIES: Quote = Quote {
    text: "重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办",
    source: "《党政主要负责人履行推进法治建设第一责任人职责规定》",
};

/// The heading over the areas of 举措和成效: the outline's areas, named as
/// a way to organise the part — with the outline's period said to be over
/// in a report on a year after it.
pub fn areas_heading(year: i32) -> &'static str {
    if year > OUTLINE_LAST_YEAR {
        "可参照以下领域组织（《法治政府建设实施纲要（2021－2025年）》列出的领域，纲要实施期已于2025年结束）"
    } else {
        "可参照以下领域组织（《法治政府建设实施纲要（2021－2025年）》列出的领域）"
    }
}

/// Every quote the guidance shows, for checking against the sources.
pub fn quotes() -> Vec<Quote> {
    let mut all: Vec<Quote> = SectionKind::REQUIRED.iter().map(|k| guide(*k).requirement).collect();
    all.push(guide(SectionKind::Unknown).requirement);
    all.extend([PUBLICATION, REPORTING_DEADLINES, FIRST_RESPONSIBLE_DUTIES]);
    all
}

/// The regulation's five required contents, verbatim (《法治政府建设与责任落实督察工作规定》).
pub const FIVE_CONTENTS: &str = "一是上一年度推进法治政府建设的主要举措和成效；二是上一年度推进法治政府建设存在的不足和原因；三是上一年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况；四是下一年度推进法治政府建设的主要安排；五是其他需要报告的情况。";

/// The clause of [`FIVE_CONTENTS`] a section answers, verbatim.
pub fn required_clause(kind: SectionKind) -> Option<&'static str> {
    let clause = match kind {
        SectionKind::Measures => "上一年度推进法治政府建设的主要举措和成效",
        SectionKind::Shortcomings => "上一年度推进法治政府建设存在的不足和原因",
        SectionKind::FirstResponsible => {
            "上一年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况"
        }
        SectionKind::NextYear => "下一年度推进法治政府建设的主要安排",
        SectionKind::OtherMatters => "其他需要报告的情况",
        SectionKind::Unknown => return None,
    };
    Some(clause)
}

/// One line telling a first-time author what to write in a section.
pub fn short_hint(kind: SectionKind) -> &'static str {
    match kind {
        SectionKind::Measures => "按工作领域分条撰写，每条先写小标题，再写具体做法，并用数字说明成效（如办理件数、培训人次、审查文件数）。",
        SectionKind::Shortcomings => "每一项不足都要写明原因，既查找客观原因，更要剖析主观原因，不能只列问题。",
        SectionKind::FirstResponsible => "写明党政主要负责人亲自部署、亲自过问、亲自协调、亲自督办的具体事项，如专题研究法治建设的次数、带头学法、述法等。",
        SectionKind::NextYear => "针对本年度的不足提出下一年度的具体安排，措施要可落实、可检查。",
        SectionKind::OtherMatters => "如无其他需要报告的情况，写“无”。本部分不可删除。",
        SectionKind::Unknown => "此部分不属于规定要求的五项内容，请确认是否需要保留。",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_required_clause_is_quoted_from_the_five_contents() {
        for kind in SectionKind::REQUIRED {
            let clause = required_clause(kind).unwrap();
            assert!(FIVE_CONTENTS.contains(clause), "{clause} is not in the regulation text");
        }
        assert_eq!(required_clause(SectionKind::Unknown), None);
    }

    #[test]
    fn each_guide_is_for_its_kind_and_quotes_its_clause() {
        for kind in SectionKind::REQUIRED {
            let g = guide(kind);
            assert_eq!(g.kind, kind);
            assert_eq!(Some(g.requirement.text), required_clause(kind));
            assert!(!g.what_to_write.is_empty() && !g.mistakes.is_empty(), "{kind:?}");
            assert!(!g.example_template.is_empty(), "{kind:?}");
            let (lo, hi) = g.suggested_chars;
            assert!(0 < lo && lo < hi, "{kind:?}");
        }
        assert_eq!(guide(SectionKind::Unknown).kind, SectionKind::Unknown);
    }

    #[test]
    fn only_measures_lists_areas() {
        assert!(guide(SectionKind::Measures).areas.len() >= 9);
        for kind in SectionKind::REQUIRED.into_iter().skip(1) {
            assert!(guide(kind).areas.is_empty(), "{kind:?}");
        }
    }

    #[test]
    fn examples_fill_in_both_years() {
        let text = guide(SectionKind::NextYear).example(2024);
        assert!(text.contains("2025年") && text.contains("2024年度"));
        for kind in SectionKind::REQUIRED {
            assert!(!guide(kind).example(2024).contains('{'), "{kind:?} left a placeholder");
        }
    }

    #[test]
    fn first_responsible_example_uses_the_standard_summary() {
        assert!(guide(SectionKind::FirstResponsible).example(2024).contains(FIRST_RESPONSIBLE_DUTIES.text));
    }
}
