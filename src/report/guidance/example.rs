//! The worked examples: one fictional unit's report, section by section.
//!
//! The unit, its people and every figure are invented; no real unit is
//! described. The sections answer each other as a real report should: each
//! 不足 in 二 comes with its 原因 and is answered by a measure in 四; 三 names
//! what the 党组书记、局长 did personally, with numbers; the figures in 三
//! agree with those in 一 (e.g. 2 major decisions, 3 lawsuits).
//!
//! Placeholders: `{year}` is the report's year, `{next}` the year after;
//! `{ordinance}` takes [`ORDINANCE`] from the report on 2026 on.

use super::guide;
use crate::report::model::SectionKind;
use crate::report::template;

/// The fictional unit the examples are written for.
pub const EXAMPLE_UNIT: &str = "青石市临溪区市场监督管理局";

pub(super) const MEASURES: &str = "\
1. 依法全面履行市场监管职能。一是动态调整权责清单，梳理行政许可、行政处罚、行政检查等事项412项并向社会公布。二是深化“证照分离”改革，全年新设登记经营主体5863户，企业开办全程网办率达到98.6%，平均办理时间压缩至1个工作日。三是推行包容审慎监管，制定轻微违法行为不予处罚清单，对首次轻微违法行为依法不予处罚37件。四是推行证明事项告知承诺制，办理告知承诺事项1160件，事后核查合格率97.3%。
2. 严格规范公正文明执法。一是全面落实行政执法公示、执法全过程记录、重大执法决定法制审核制度，全年办结行政处罚案件286件，罚没款412.5万元，重大执法决定法制审核18件，审核率100%。二是统筹开展“双随机、一公开”监管，组织跨部门联合抽查46次，抽查经营主体1250户，抽查结果全部按时公示；推行信用风险分类监管，依法将312户经营主体列入经营异常名录。三是组织执法人员专题培训4期、216人次，执法人员持证上岗率100%。{ordinance}全年发生行政复议案件5件、行政诉讼案件3件，均未被撤销或确认违法。
3. 推进行政决策和规范性文件管理法治化。一是出台《临溪区市场监督管理局重大行政决策程序规定》，全年作出重大行政决策2项，均履行公众参与、专家论证、风险评估、合法性审查、集体讨论决定程序。二是发挥法律顾问和公职律师作用，审查合同31份、规范性文件3件，提出修改意见57条，全部被采纳。三是开展规范性文件清理，废止2件、修改1件，清理结果及时向社会公布；新制定的3件规范性文件均在印发后30日内报送备案。
4. 化解矛盾纠纷和深化普法宣传。一是畅通12315投诉举报渠道，全年受理投诉举报9742件，按时办结率99.2%，为消费者挽回经济损失386万元。二是推进消费纠纷在线解决，发展在线纠纷解决企业126家，通过和解、调解化解纠纷1430件。三是落实“谁执法谁普法”普法责任制，围绕“3·15”国际消费者权益日、民法典宣传月等开展普法活动23场，发放宣传资料1.2万份，发布以案释法典型案例8个。";

/// What the 局 did under the 《行政执法监督条例》 (report on 2026 on): in
/// 举措和成效's second item, before its 复议 and 诉讼 figures.
pub(super) const ORDINANCE: &str = "四是贯彻落实《行政执法监督条例》，组织全局执法人员专题学习2期、180人次，对照条例修订本局行政执法监督工作制度3项，开展执法自查，发现并整改问题13个。";

pub(super) const SHORTCOMINGS: &str = "\
1. 基层执法规范化水平不够均衡。全年案卷评查共抽查案卷150件，发现问题案卷21件，占14%，主要是文书制作不规范、证据收集不完整。究其原因，主观上部分执法人员重实体、轻程序，对程序性规定学习不深，局内案卷评查频次偏低、发现问题后跟踪整改不到位；客观上近三年新入职执法人员占比达35%，办案经验不足。
2. 普法针对性和实效性有待提高。普法活动仍以设点宣传、发放资料为主，面向经营主体的精准普法不足，抽样调查显示食品经营者对新修订法规的知晓率仅为62%。究其原因，主观上对“谁执法谁普法”责任研究不深，未按行业制定普法清单，以案释法运用不多；客观上全区经营主体达4.1万户，数量大、流动性强，普法覆盖难度较大。
3. 数字化监管支撑不足。执法办案、投诉举报、信用监管等系统数据尚未贯通，部分数据仍需人工重复录入，移动执法终端只覆盖12个市场监管所中的5个。究其原因，主观上对法治政府建设科技保障重视不够，未制定本局信息化建设计划；客观上相关系统分别由上级不同部门建设，接口标准不统一。";

pub(super) const FIRST_RESPONSIBLE: &str = "\
局党组书记、局长认真履行推进法治建设第一责任人职责，做到重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办。
1. 亲自部署法治建设工作。一是主持召开局党组会议专题研究法治建设4次，审议通过年度法治政府建设工作要点和普法责任清单。二是调整充实局法治建设领导小组，由局长任组长，明确11个科室和12个市场监管所的工作责任，年底逐一听取落实情况。
2. 带头尊法学法讲法。一是落实会前学法制度，主持局党组会议会前学法12次，组织党组理论学习中心组专题学法4次。二是为全局干部讲授法治专题课2次，参训256人次。三是在年终述职中述法，向区委全面依法治区委员会办公室书面报告本人履行推进法治建设第一责任人职责情况，并在全局干部大会上述法，接受干部职工评议。
3. 亲自过问重大问题和重点环节。一是全年2项重大行政决策均在听取合法性审查意见后提交局务会议集体讨论决定。二是听取法治工作专题汇报6次，协调解决执法人员培训、案卷评查力量不足等问题5个。三是作为行政机关负责人出庭应诉行政诉讼案件2件（本局全年应诉案件3件）。";

pub(super) const NEXT_YEAR: &str = "\
{next}年，本局将针对{year}年度存在的不足，重点抓好以下工作。
1. 提升基层执法规范化水平。一是{next}年6月底前完成全部执法人员程序规范轮训，由法规科牵头、各市场监管所配合。二是案卷评查由每半年一次改为每季度一次，全年评查案卷不少于200件，问题案卷比例降至5%以下，问题案卷逐件跟踪整改。三是为新入职执法人员确定带教导师，实行“一对一”带教，年底前完成考核。
2. 增强普法针对性和实效性。一是{next}年3月底前按食品、特种设备、药品等行业制定普法责任清单，明确各科室、所的普法任务。二是开展“送法进企业”活动不少于30场，年底前食品经营者对新修订法规的知晓率提高到80%以上。三是每季度发布以案释法典型案例不少于2个。
3. 加强数字化监管支撑。一是{next}年3月底前制定本局信息化建设计划，由办公室牵头。二是主动对接上级主管部门，9月底前实现执法办案与投诉举报系统数据对接。三是年底前移动执法终端覆盖全部12个市场监管所。";

pub(super) const OTHER_MATTERS: &str = "\
1. 法治督察整改情况。针对{year}年区委全面依法治区委员会办公室法治督察反馈的执法案卷质量问题，本局制定整改措施5项，已完成4项，案卷评查常态化一项已纳入{next}年度安排。
2. 法治政府建设示范创建情况。本局“经营主体轻微违法行为不予处罚清单”被确定为全区法治政府建设示范项目。";

/// A whole report for [`EXAMPLE_UNIT`] on `year`: title line, preamble line
/// and the five sections with their standard headings and example bodies,
/// in the shape `crate::report::parse` reads.
pub fn example_report(year: i32) -> String {
    let mut lines = vec![template::title(EXAMPLE_UNIT, year), template::preamble(EXAMPLE_UNIT, year)];
    for (i, kind) in SectionKind::REQUIRED.iter().enumerate() {
        lines.push(format!("{}{}", template::section_marker(i + 1), template::heading_text(*kind, year)));
        lines.push(guide(*kind).example(year));
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{parse, render};

    const YEAR: i32 = 2024;

    fn is_cjk(c: char) -> bool {
        matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}' | '“' | '”')
    }

    /// Half-width punctuation next to Chinese text, as (line, offending char).
    fn half_width_punctuation(text: &str) -> Vec<(String, char)> {
        let mut found = Vec::new();
        for line in text.lines() {
            let chars: Vec<char> = line.chars().collect();
            for (i, &c) in chars.iter().enumerate() {
                if !",;:()?!".contains(c) {
                    continue;
                }
                let before = i.checked_sub(1).map(|j| chars[j]);
                let after = chars.get(i + 1).copied();
                if before.is_some_and(is_cjk) || after.is_some_and(is_cjk) {
                    found.push((line.to_string(), c));
                }
            }
        }
        found
    }

    #[test]
    fn the_punctuation_check_catches_half_width_marks() {
        assert_eq!(half_width_punctuation("为推进,按照").len(), 1);
        assert_eq!(half_width_punctuation("原因:一是(主观)").len(), 3);
        assert!(half_width_punctuation("1. 标题。罚没款412.5万元，占14%。").is_empty());
    }

    #[test]
    fn examples_use_full_width_punctuation_only() {
        let text = example_report(YEAR);
        assert_eq!(half_width_punctuation(&text), vec![]);
        for kind in SectionKind::REQUIRED {
            let g = guide(kind);
            let hints = g.areas.iter().flat_map(|a| [a.heading, a.hint]);
            for line in g.what_to_write.iter().chain(g.mistakes).copied().chain(hints) {
                assert_eq!(half_width_punctuation(line), vec![], "{kind:?}");
            }
        }
    }

    fn section(kind: SectionKind) -> crate::report::Section {
        parse(&example_report(YEAR)).section(kind).cloned().expect("the example has every section")
    }

    #[test]
    fn every_measure_is_backed_by_figures() {
        let s = section(SectionKind::Measures);
        assert!((3..=4).contains(&s.items.len()));
        for item in &s.items {
            assert!(item.body.chars().any(|c| c.is_ascii_digit()), "no figures in {}", item.title);
            assert!(item.body.starts_with("一是") && item.body.contains("二是"), "{}", item.title);
        }
    }

    #[test]
    fn every_shortcoming_states_its_causes_subjective_first() {
        let s = section(SectionKind::Shortcomings);
        assert!(s.items.len() >= 2);
        for item in &s.items {
            let cause = item.body.find("原因").unwrap_or_else(|| panic!("no 原因 in {}", item.title));
            let subjective = item.body[cause..].find("主观").expect("a subjective cause");
            let objective = item.body[cause..].find("客观").unwrap_or(usize::MAX);
            assert!(subjective < objective, "主观原因 first in {}", item.title);
        }
    }

    #[test]
    fn the_plans_name_the_next_year_and_answer_each_shortcoming() {
        let plans = section(SectionKind::NextYear);
        assert!(plans.body_text().contains(&format!("{}年", YEAR + 1)));
        let shortcomings = section(SectionKind::Shortcomings);
        assert_eq!(plans.items.len(), shortcomings.items.len());
        // Each plan's title takes up the matter its shortcoming names.
        let matters = ["执法规范化", "普法", "数字化监管"];
        for ((s, p), matter) in shortcomings.items.iter().zip(&plans.items).zip(matters) {
            assert!(s.title.contains(matter) && p.title.contains(matter), "{} / {}", s.title, p.title);
        }
    }

    #[test]
    fn the_first_responsible_person_is_described_with_numbers() {
        let s = section(SectionKind::FirstResponsible);
        let body = s.body_text();
        for duty in ["专题研究法治建设", "听取", "会前学法", "法治专题课", "述法", "合法性审查", "出庭应诉"] {
            assert!(body.contains(duty), "missing {duty}");
        }
        assert!(s.items.iter().all(|i| i.body.chars().any(|c| c.is_ascii_digit())));
    }

    #[test]
    fn example_report_parses_into_the_five_sections_and_round_trips() {
        let text = example_report(YEAR);
        let report = parse(&text);
        assert_eq!(render(&report), text);
        let kinds: Vec<_> = report.sections.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, SectionKind::REQUIRED.to_vec());
        assert_eq!(report.title(), Some(template::title(EXAMPLE_UNIT, YEAR).as_str()));
        assert_eq!(report.preamble(), template::preamble(EXAMPLE_UNIT, YEAR));
        for s in &report.sections[..4] {
            assert!(!s.items.is_empty(), "{:?} has no items", s.kind);
        }
    }

    #[test]
    fn example_sections_are_of_suggested_length() {
        // 2026: with the passage on the 《行政执法监督条例》.
        for year in [YEAR, 2026] {
            let report = parse(&example_report(year));
            for s in &report.sections {
                let (lo, hi) = guide(s.kind).suggested_chars;
                let n = s.body_text().chars().count();
                assert!(lo <= n && n <= hi, "{:?}: {n} chars, suggested {lo}–{hi}", s.kind);
            }
            let measures = report.section(SectionKind::Measures).unwrap().body_text().chars().count();
            assert!((800..=1200).contains(&measures), "measures example has {measures} chars");
        }
        assert!(example_report(2026).contains(ORDINANCE) && !example_report(YEAR).contains("条例"));
    }
}
