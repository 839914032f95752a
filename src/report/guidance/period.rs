//! What is new for the reports on 2026 and after (the report written now,
//! due early 2027): the 《行政执法监督条例》 in force from 1 February 2026,
//! the 2021–2025 implementation outline ended, and the 主要负责人's 述法 in
//! the 年终述职.
//!
//! Nothing here quotes an article: the 条例 is named by title, issuing body
//! and number (docs/sources/regulation/README.md marks its article text as
//! not quoted), and no successor to the outline is named, since none is in
//! the sources. The notes are filled in for the report's year: `{year}` the
//! year reported on, `{next}` the year planned.

use crate::report::model::SectionKind;

/// A regulation the guidance names but does not quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NamedSource {
    /// The title in 《》.
    pub title: &'static str,
    pub issued_by: &'static str,
    pub number: &'static str,
    /// In force from, as written in Chinese.
    pub in_force_from: &'static str,
    /// The first report year it applies to (the whole year under it or most of it).
    pub first_report_year: i32,
}

/// 《行政执法监督条例》, 国务院令第825号, in force from 2026-02-01.
pub const ENFORCEMENT_SUPERVISION: NamedSource = NamedSource {
    title: "《行政执法监督条例》",
    issued_by: "国务院",
    number: "国务院令第825号",
    in_force_from: "2026年2月1日",
    first_report_year: 2026,
};

/// The last year of 《法治政府建设实施纲要（2021－2025年）》.
pub const OUTLINE_LAST_YEAR: i32 = 2025;

/// Whether a report on `year` is written after the outline ended and under
/// the 条例: the notes of [`period_notes`] and the 条例 passages of the
/// worked examples apply.
pub fn is_new_period(year: i32) -> bool {
    // The 条例's first report year comes after the outline's last year (held
    // at compile time below), so that year alone decides.
    year >= ENFORCEMENT_SUPERVISION.first_report_year
}

const _: () = assert!(ENFORCEMENT_SUPERVISION.first_report_year > OUTLINE_LAST_YEAR);

const MEASURES_NOTES: &[&str] = &[
    "《行政执法监督条例》（国务院令第825号）自2026年2月1日起施行，{year}年是施行的第一年。在写行政执法的一条中写明本单位贯彻落实的情况：组织学习培训的期数和人次，对照条例建立或修订的行政执法监督制度件数，开展执法自查、案卷评查和接受监督的情况，发现问题的个数和整改结果。",
    "只写本单位做了什么，不要转述或概括条例的具体条文；确需引用的，以国务院公布的正式文本为准，并写明条例名称和文号。",
    "《法治政府建设实施纲要（2021－2025年）》的实施期已于2025年结束。{year}年的举措可以参照纲要列出的领域分条组织，但不要写成“深入实施纲要”“对标纲要”，也不要再写纲要的阶段目标。",
];

const FIRST_RESPONSIBLE_NOTES: &[&str] = &[
    "述法：写党政主要负责人在{year}年年终述职中述法的情况，即报告本人履行推进法治建设第一责任人职责的情况；写明向谁述法、采取什么方式（书面述法、会议述法）、是否接受评议。{year}年没有述法的，如实说明原因和安排。",
];

const NEXT_YEAR_NOTES: &[&str] = &[
    "本部分写{next}年的安排。《法治政府建设实施纲要（2021－2025年）》的实施期已于2025年结束：不要再写“到2025年”“‘十四五’期间”，也不要把纲要当作现行的部署依据。",
    "按上级{next}年法治政府建设工作部署，落到本单位的具体事项、数量和时限上；上级尚未印发的新规划、新纲要，不要自拟名称或内容。",
    "可把贯彻《行政执法监督条例》的后续工作写入安排，如{next}年完成哪项执法监督制度的修订、评查多少案卷。",
];

/// What a report on `year` must take into account beyond the general
/// guidance, for one section kind; empty for years before the new period
/// and for the kinds it does not touch.
pub fn period_notes(kind: SectionKind, year: i32) -> Vec<String> {
    if !is_new_period(year) {
        return Vec::new();
    }
    let notes = match kind {
        SectionKind::Measures => MEASURES_NOTES,
        SectionKind::FirstResponsible => FIRST_RESPONSIBLE_NOTES,
        SectionKind::NextYear => NEXT_YEAR_NOTES,
        _ => &[],
    };
    notes.iter().map(|n| n.replace("{year}", &year.to_string()).replace("{next}", &(year + 1).to_string())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every note template, unfilled.
    fn all_note_templates() -> impl Iterator<Item = &'static str> {
        MEASURES_NOTES.iter().chain(FIRST_RESPONSIBLE_NOTES).chain(NEXT_YEAR_NOTES).copied()
    }

    #[test]
    fn the_notes_speak_of_the_report_year_and_the_next_from_2026_on() {
        for kind in SectionKind::REQUIRED {
            assert!(period_notes(kind, 2025).is_empty(), "{kind:?}: nothing new for the 2025 report");
        }
        let measures = period_notes(SectionKind::Measures, 2026).join("");
        assert!(measures.contains("《行政执法监督条例》（国务院令第825号）自2026年2月1日起施行，2026年是施行的第一年"), "{measures}");
        assert!(measures.contains("实施期已于2025年结束"));
        let plans = period_notes(SectionKind::NextYear, 2026).join("");
        assert!(plans.contains("本部分写2027年的安排") && plans.contains("实施期已于2025年结束") && plans.contains("不要自拟"), "{plans}");
        let leader = period_notes(SectionKind::FirstResponsible, 2026).join("");
        assert!(leader.contains("2026年年终述职中述法"), "{leader}");
        assert!(period_notes(SectionKind::Shortcomings, 2026).is_empty());
        assert!(period_notes(SectionKind::NextYear, 2027).join("").contains("2028年"));
    }

    #[test]
    fn the_ordinance_is_named_as_issued() {
        let n = ENFORCEMENT_SUPERVISION;
        let named = format!("{}（{}）自{}起施行", n.title, n.number, n.in_force_from);
        assert!(MEASURES_NOTES[0].contains(&named), "the note names it as the constant does");
        assert!(n.number.starts_with(n.issued_by));
        // No article is cited: no 第…条 anywhere in the notes.
        for t in all_note_templates() {
            let chars: Vec<char> = t.chars().collect();
            for (i, _) in chars.iter().enumerate().filter(|(_, c)| **c == '第') {
                let numeral = chars[i + 1..].iter().take_while(|c| "一二三四五六七八九十百零".contains(**c)).count();
                assert!(numeral == 0 || chars.get(i + 1 + numeral) != Some(&'条'), "an article cited in {t}");
            }
        }
    }
}
