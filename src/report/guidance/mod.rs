//! Guidance texts shown beside each section. Quotes are verbatim from the
//! sources in ../shared/regulation/ (a test compares them).

use super::model::SectionKind;

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
}
