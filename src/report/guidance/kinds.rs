//! Worked examples and guidance notes for two more kinds of unit: a 乡镇
//! (街道) and a 县级以上地方政府, beside the department example in
//! `example.rs`; and, for each of the three kinds, short notes on what is
//! particular to it.
//!
//! The units, their people and every figure are invented; no real unit is
//! described. As in `example.rs`, each example's sections answer each other:
//! each 不足 comes with its 原因 (主观 first, then 客观) and is answered, in
//! the same order, by a plan in 下一年度; 第一责任人 names the 主要负责人 by
//! title and what they did personally, with numbers that agree with 举措和成效
//! (the 镇: 2 major decisions, 1 lawsuit; the 县: 5 major decisions, 14
//! lawsuits against the county government, 47 problems found by 督察).
//!
//! Placeholders: `{year}` is the report's year, `{next}` the year after,
//! `{ordinance}` the example's passage on the 《行政执法监督条例》 from the
//! report on 2026 on (`TOWN_ORDINANCE`, `COUNTY_ORDINANCE`). No other year
//! is written as a number. Nothing here is quoted from a
//! regulation except the standard summary of the 第一责任人's duties, which
//! is [`super::FIRST_RESPONSIBLE_DUTIES`] word for word.

/// The fictional 镇 the 乡镇、街道 example is written for.
pub const TOWN_UNIT: &str = "青石市临溪区石门镇人民政府";

pub(super) const TOWN_MEASURES: &str = "\
1. 推进乡镇综合行政执法改革。一是依据区政府公布的赋权事项清单承接行政执法事项126项，编制本镇执法事项清单，在镇政务公开栏和区政府门户网站公布。二是整合组建镇综合行政执法队，在岗执法人员18名，全部持证上岗；组织执法人员专题培训3期、96人次。三是落实行政执法公示、执法全过程记录、重大执法决定法制审核制度，全年办结行政处罚案件43件，重大执法决定法制审核6件，审核率100%。{ordinance}全年发生行政复议案件2件、行政诉讼案件1件，均未被撤销或确认违法。
2. 实现合法性审查全覆盖。一是出台《石门镇重大行政决策程序规定》，明确镇党委、政府的重大决策和镇政府签订的合同未经合法性审查不得提交会议讨论或签署，由镇司法所牵头、镇政府法律顾问参与审查。二是全年作出重大行政决策2项，均履行公众参与、风险评估、合法性审查、集体讨论决定程序；审查镇党委、政府决策事项9件、合同47份，提出法律意见63条，审查覆盖率100%。三是清理本镇在履行的合同，纠正条款不规范问题11处。
3. 坚持和发展新时代“枫桥经验”化解矛盾纠纷。一是健全镇、村（社区）、网格三级调解网络，镇人民调解委员会和14个村（社区）人民调解委员会全年调解矛盾纠纷386件，调解成功372件，成功率96.4%。二是全镇划分网格62个，网格员每月入户排查，全年排查上报矛盾纠纷隐患312条，就地化解289条。三是依托镇综治中心对矛盾纠纷实行“一站式”受理，全年接待群众来访153批次，按期办结率100%。
4. 深化法治宣传和基层依法治理。一是落实“八五”普法规划，开展“法律进乡村”活动28场，培育“法律明白人”168名，每个村（社区）不少于10名。二是推行一村（居）一法律顾问，14个村（社区）法律顾问全年驻村（社区）服务392次，提供法律咨询615次，审核村级合同65份。三是开展民主法治示范村（社区）创建，新增市级民主法治示范村2个，全镇区级以上民主法治示范村（社区）达到9个。四是建成镇法治文化广场1处、村（社区）法治文化长廊6处。";

/// What the 镇 did under the 《行政执法监督条例》 (report on 2026 on).
pub(super) const TOWN_ORDINANCE: &str = "四是贯彻落实《行政执法监督条例》，镇综合行政执法队18名执法人员全部参加区司法局组织的条例专题培训，对照条例建立执法案卷每季度自查制度，全年自查案卷43件，整改问题9个。";

pub(super) const TOWN_SHORTCOMINGS: &str = "\
1. 综合行政执法能力与承接事项还不够匹配。承接的126项执法事项中有41项全年未办理案件，自然资源、生态环境等专业领域的案件仍多依赖区级部门办理；执法人员中具有法律专业背景的仅3名。究其原因，主观上本镇对下放事项的业务学习不够深入，培训针对性不强，与区级部门的协作配合机制运行不够顺畅；客观上镇综合行政执法队人员有限，下放事项专业性较强，执法装备配备不足。
2. 村（社区）依法治理水平不够均衡。全镇14个村（社区）中尚有5个村未达到区级民主法治示范村标准，村务公开、村级重大事项民主决策还不够规范；抽查村级合同86份，未经法律顾问审核的有21份，占24.4%。究其原因，主观上本镇对村级事务的法治指导重部署、轻跟踪，对村法律顾问审核村级合同缺少明确要求和考核；客观上部分村干部法律知识较为薄弱，村法律顾问每月驻村时间有限。
3. “法律明白人”作用发挥不够充分。全镇168名“法律明白人”中，全年参与调解矛盾纠纷或开展普法活动的有71名，仅占42.3%。究其原因，主观上对“法律明白人”的培训以集中授课为主，缺少案例教学和实践带教，管理使用和激励机制不健全；客观上农村青壮年外出务工较多，部分“法律明白人”常年不在村。";

pub(super) const TOWN_FIRST_RESPONSIBLE: &str = "\
镇党委书记、镇长作为推进法治建设第一责任人，对法治建设做到重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办。
1. 镇党委书记统筹部署法治建设。一是主持召开镇党委会议专题研究法治建设3次，审议通过年度法治建设工作要点和乡镇综合行政执法改革实施方案。二是听取镇政府法治政府建设、矛盾纠纷化解工作汇报4次，协调解决执法队伍配备、人民调解经费保障等问题6个。三是在年终述职中向区委全面依法治区委员会办公室书面述法。
2. 镇长抓好法治政府建设具体工作。一是主持召开镇政府常务会议专题研究法治政府建设2次，全年2项重大行政决策均在听取合法性审查意见后提交集体讨论决定。二是带队督办综合行政执法重点案件5件，听取执法案卷评查情况汇报2次。三是作为行政机关负责人出庭应诉行政诉讼案件1件（本镇全年应诉案件1件），年终述职时在全镇干部大会上述法。
3. 带头尊法学法讲法。一是落实会前学法制度，镇党委会议会前学法10次，镇政府常务会议会前学法8次。二是镇党委书记、镇长分别为全镇干部和村（社区）干部讲授法治专题课各1次，参训共210人次。三是带头参加区委理论学习中心组专题学法2次。";

pub(super) const TOWN_NEXT_YEAR: &str = "\
{next}年，石门镇将针对{year}年度存在的不足，重点抓好以下工作。
1. 提升综合行政执法能力。一是{next}年6月底前会同区级有关部门，对全年未办理案件的下放事项逐项开展业务培训，全年培训执法人员不少于150人次。二是与区级部门建立案件移送、联合执法和业务指导机制，自然资源、生态环境等领域案件实行联合办案。三是年底前补充配备执法记录仪和移动执法终端，调配法律专业人员不少于2名充实执法队。
2. 提高村（社区）依法治理水平。一是{next}年3月底前制定村级合同审核办法，村级合同一律经村法律顾问审核后签订。二是每半年对村（社区）法律顾问履职情况考核一次，考核结果与续聘挂钩。三是对尚未达标的5个村逐村制定创建计划，年底前新增区级以上民主法治示范村不少于2个。
3. 发挥“法律明白人”作用。一是{next}年4月底前完成“法律明白人”分批轮训，增加案例教学和跟班调解。二是建立“法律明白人”履职记录和积分激励办法，年底前参与调解或普法的比例提高到70%以上。三是对常年不在村的“法律明白人”及时调整补充。";

pub(super) const TOWN_OTHER_MATTERS: &str = "\
1. 法治督察整改情况。针对{year}年区委全面依法治区委员会办公室法治督察反馈的村级合同管理不规范问题，本镇制定整改措施4项，已完成3项，村级合同审核一项已纳入{next}年度安排。";

/// The fictional county government the 县级以上地方政府 example is written for.
pub const COUNTY_UNIT: &str = "青石市溪口县人民政府";

pub(super) const COUNTY_MEASURES: &str = "\
1. 统筹推进法治政府建设。一是将法治政府建设纳入县政府绩效考核，分值占比由5%提高到8%，对24个县政府部门和11个乡镇逐一考核，考核结果在全县通报。二是对县政府各部门和各乡镇开展法治督察2轮，实地督察单位35个，发现问题47个，已督促整改45个。三是开展法治政府建设示范创建，确定县级示范项目6个。四是组织县政府部门和乡镇主要负责人年度述法，24个县政府部门和11个乡镇的主要负责人全部书面述法。
2. 推进重大行政决策和规范性文件管理法治化。一是修订《溪口县人民政府重大行政决策程序规定》，向社会公布年度重大行政决策事项目录，全年作出重大行政决策5项，均履行公众参与、专家论证、风险评估、合法性审查、集体讨论决定程序。二是县政府制定行政规范性文件7件，均在印发后30日内报市政府和县人大常委会备案；审查县政府部门和乡镇报备的规范性文件32件，纠正4件。三是发挥政府法律顾问和公职律师作用，审查县政府合同协议126份，提出修改意见208条。
3. 强化行政执法协调监督。一是构建县级行政执法协调监督工作体系，由县司法局具体承担，在11个乡镇司法所设立行政执法协调监督联络点。二是组织全县行政执法案卷评查，评查县政府部门和乡镇案卷320件，发现问题案卷38件，均已反馈整改。三是加强行政执法人员资格管理，全县1386名执法人员全部持证上岗，组织公共法律知识轮训2期、1410人次。四是规范涉企行政检查，推行检查计划备案和“综合查一次”，全县涉企行政检查次数比上年下降21.3%。{ordinance}
4. 深化行政复议体制改革和政务公开。一是县政府统一行使行政复议职责，全年收到行政复议申请186件，受理172件，审结165件，直接纠错19件，纠错率11.5%，通过调解、和解结案31件。二是全年以县政府为被告的行政诉讼案件14件，败诉1件，行政机关负责人出庭应诉率100%。三是主动公开政府信息5300条，办理政府信息公开申请86件，按期答复率100%。";

/// What the 县政府 did under the 《行政执法监督条例》 (report on 2026 on).
pub(super) const COUNTY_ORDINANCE: &str = "五是贯彻落实《行政执法监督条例》，县政府常务会议专题学习条例1次，组织全县行政执法监督人员和执法人员专题培训3期、860人次，对照条例修订县政府行政执法监督工作制度2项。";

pub(super) const COUNTY_SHORTCOMINGS: &str = "\
1. 行政执法协调监督作用发挥不够充分。案卷评查中乡镇案卷86件，问题案卷16件，占18.6%，明显高于县政府部门的9.4%；乡镇承接的部分执法事项全年未办理案件。究其原因，主观上县政府对乡镇综合行政执法的指导监督偏重年终检查，日常监督和跟踪问效不够；客观上县司法局专职执法监督人员仅5名，监督对象涉及24个部门和11个乡镇。
2. 行政复议化解行政争议的主渠道作用有待加强。审结的165件复议案件中，申请人不服复议决定又提起诉讼的32件，占19.4%；个别被纠错的行政机关对复议意见书落实不及时。究其原因，主观上办理复议案件时调解和解运用不够充分，部分行政机关对复议意见书重视不够；客观上行政复议体制改革后县政府复议案件比上年增长58%，办案人员仅6名。
3. 法治政府建设考核结果运用不够充分。两轮法治督察中有6个单位同类问题重复出现，考核结果与单位绩效、评先评优的挂钩还不紧密。究其原因，主观上对考核结果运用的刚性要求落实不够，督察问题整改“回头看”不及时；客观上考核指标偏重台账材料，对执法质量、复议纠错等实绩的量化评价手段不多。";

pub(super) const COUNTY_FIRST_RESPONSIBLE: &str = "\
县委书记、县长认真履行推进法治建设第一责任人职责，县长对法治政府建设做到重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办。
1. 亲自部署法治政府建设。一是县长主持召开县政府常务会议专题研究法治建设4次，审议通过年度法治政府建设工作要点、法治督察方案和考核办法。二是县委书记主持召开县委全面依法治县委员会会议2次，听取县政府法治政府建设情况汇报，研究解决行政复议办案力量不足等问题3个。
2. 带头尊法学法讲法。一是县长落实县政府常务会议会前学法制度，全年主持会前学法12次。二是县长为全县领导干部讲授法治专题课1次，参训320人次。三是县长在年终述职中向市委全面依法治市委员会办公室书面述法，接受评议。
3. 亲自过问重大问题和重点环节。一是全年5项重大行政决策均在听取合法性审查意见后提交县政府常务会议集体讨论决定。二是听取行政复议、行政执法协调监督工作专题汇报3次，对法治督察发现的47个问题逐项签批督办。三是作为行政机关负责人出庭应诉行政诉讼案件2件（以县政府为被告的案件全年14件）。";

pub(super) const COUNTY_NEXT_YEAR: &str = "\
{next}年，县政府将针对{year}年度存在的不足，重点抓好以下工作。
1. 健全行政执法协调监督机制。一是{next}年3月底前出台乡镇行政执法日常监督办法，县司法局每季度对乡镇执法情况抽查一次。二是案卷评查由每年一次改为每半年一次，年底前乡镇问题案卷比例降至10%以下。三是统筹调配编制，充实专职执法监督人员不少于3名。
2. 发挥行政复议化解行政争议主渠道作用。一是{next}年6月底前建立复议案件调解和解工作规则，调解和解结案比例提高到25%以上。二是对复议意见书、建议书落实情况实行台账管理，逐件跟踪至整改完成。三是增加复议办案人员不少于3名，推行繁简分流，案件按期审结率保持100%。
3. 强化法治政府建设考核结果运用。一是{next}年3月底前修订法治政府建设考核指标，提高执法质量、复议纠错等实绩指标权重。二是将考核结果与单位绩效、评先评优挂钩，对考核排名末位的单位约谈主要负责人。三是9月底前完成督察问题整改“回头看”，同类问题重复出现的单位列为下一轮督察重点。";

pub(super) const COUNTY_OTHER_MATTERS: &str = "\
1. 法治政府建设示范创建情况。本县“县乡两级行政执法协调监督联动机制”被确定为全市法治政府建设示范项目。
2. 法治督察整改情况。针对{year}年市委全面依法治市委员会办公室法治督察反馈的问题，县政府制定整改措施8项，已完成7项，考核结果运用一项已纳入{next}年度安排。";

/// What to write that is particular to each kind of unit (shown in the guidance panel).
pub const TOWN_NOTES: &[&str] = &[
    "写本级党委、政府自己的工作，不要转述区县部门的工作；重点写综合行政执法、合法性审查、矛盾纠纷化解、普法和基层依法治理。",
    "综合行政执法：写承接的执法事项清单有多少项、是否公布，执法人员人数和持证情况，全年办案数量，说明下放事项接得住、管得好。",
    "合法性审查：写镇（街道）党委、政府的重大决策和合同是否全部经过合法性审查，由谁审查（司法所、法律顾问），审查件数和提出意见条数。",
    "基层治理：写人民调解、网格排查、民主法治示范村（社区）创建、一村（居）一法律顾问和“法律明白人”培育，用调解件数和成功率、示范村数量、驻村服务次数说明成效。",
    "第一责任人：党委书记和乡镇长（街道办事处主任）都是第一责任人，分别写明各自主持、研究、听取、述法、讲授法治课、出庭应诉等事项和次数。",
    "报告于每年3月1日前报送上一级党委和政府，同时抄送上一级党委法治建设议事协调机构；4月1日前向社会公开。",
];

pub const COUNTY_NOTES: &[&str] = &[
    "写全县（市、区）面上的统筹推进情况：县政府各部门和各乡镇（街道）是督察、考核的对象，不要把各部门的具体业务逐项罗列。",
    "统筹推进：写法治政府建设纳入政府绩效考核的分值，考核、督察覆盖多少部门和乡镇，发现问题多少、整改多少。",
    "决策和文件：写重大行政决策事项目录和决策程序履行情况，本级政府规范性文件的制定和报备，以及对部门、乡镇规范性文件备案审查和纠错的件数。",
    "执法和复议：写县级行政执法协调监督工作体系和案卷评查，县政府统一行使行政复议职责后的收案、审结、纠错、调解和解，行政诉讼败诉和负责人出庭应诉情况，以及政务公开。",
    "第一责任人：写县长（区长、市长）主持政府常务会议专题研究法治建设、会前学法、讲授法治课、述法、出庭应诉的次数，必要时写党委书记主持研究和听取汇报的情况。",
    "报告于每年3月1日前向同级党委、人大常委会和上一级党委、政府报告，4月1日前向社会公开。",
];

pub const DEPARTMENT_NOTES: &[&str] = &[
    "写本部门职责范围内的工作，不要写成全县（区）面上的统筹情况，也不要把其他部门的工作写进来。",
    "权责清单：写动态调整的情况、各类事项数量和向社会公布的情况，说明依法全面履行了哪些职能。",
    "行政执法：写本部门办案数量，行政执法公示、执法全过程记录、重大执法决定法制审核制度的落实，案卷评查和执法人员持证、培训情况，以及行政复议、行政诉讼案件数和被纠错情况。",
    "规范性文件：写本部门制定、合法性审核、报送备案和清理规范性文件的件数，以及公平竞争审查情况。",
    "普法：按“谁执法谁普法”写本部门普法责任清单、以案释法和面向管理服务对象的精准普法，用场次、人次、典型案例数说明成效。",
    "报告于每年3月1日前报本级党委和政府、上一级政府有关部门，同时抄送本级党委法治建设议事协调机构；4月1日前向社会公开。",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::guidance::{guide, FIRST_RESPONSIBLE_DUTIES};
    use crate::report::model::SectionKind;
    use crate::report::{parse, template};

    const YEAR: i32 = 2024;

    struct Example {
        unit: &'static str,
        sections: [&'static str; 5],
        ordinance: &'static str,
        /// The matter each 不足 and its plan name, in order.
        matters: &'static [&'static str],
        /// The leader titles 第一责任人 must name.
        leaders: &'static [&'static str],
    }

    const EXAMPLES: [Example; 2] = [
        Example {
            unit: TOWN_UNIT,
            sections: [TOWN_MEASURES, TOWN_SHORTCOMINGS, TOWN_FIRST_RESPONSIBLE, TOWN_NEXT_YEAR, TOWN_OTHER_MATTERS],
            ordinance: TOWN_ORDINANCE,
            matters: &["综合行政执法能力", "依法治理水平", "法律明白人"],
            leaders: &["镇党委书记", "镇长"],
        },
        Example {
            unit: COUNTY_UNIT,
            sections: [COUNTY_MEASURES, COUNTY_SHORTCOMINGS, COUNTY_FIRST_RESPONSIBLE, COUNTY_NEXT_YEAR, COUNTY_OTHER_MATTERS],
            ordinance: COUNTY_ORDINANCE,
            matters: &["执法协调监督", "行政复议", "考核结果运用"],
            leaders: &["县长", "县委书记"],
        },
    ];

    fn report_text(e: &Example, year: i32) -> String {
        let mut lines = vec![template::title(e.unit, year), template::preamble(e.unit, year)];
        for (i, kind) in SectionKind::REQUIRED.iter().enumerate() {
            lines.push(format!("{}{}", template::section_marker(i + 1), template::heading_text(*kind, year)));
            lines.push(crate::report::guidance::fill(e.sections[i], year, e.ordinance));
        }
        lines.join("\n")
    }

    /// From the report on 2026 on, each example's 行政执法 item says what
    /// the unit did under the 《行政执法监督条例》, by title only; before, nothing.
    #[test]
    fn the_ordinance_appears_from_the_report_on_2026() {
        for e in &EXAMPLES {
            for (year, present) in [(2024, false), (2025, false), (2026, true), (2027, true)] {
                let report = parse(&report_text(e, year));
                let measures = report.section(SectionKind::Measures).unwrap();
                let items: Vec<_> = measures.items.iter().filter(|i| i.body.contains("《行政执法监督条例》")).collect();
                assert_eq!(items.len(), usize::from(present), "{} {year}", e.unit);
                if present {
                    assert!(items[0].title.contains("执法"), "{}: in the 执法 item, not {}", e.unit, items[0].title);
                }
                assert!(!report_text(e, year).contains('{'), "{} {year}: a placeholder left", e.unit);
            }
            assert!(!e.ordinance.contains('第'), "no article named or quoted: {}", e.ordinance);
        }
    }

    #[test]
    fn the_examples_have_the_shape_and_length_of_the_department_example() {
        for (e, year) in EXAMPLES.iter().flat_map(|e| [(e, YEAR), (e, 2026)]) {
            let report = parse(&report_text(e, year));
            let kinds: Vec<_> = report.sections.iter().map(|s| s.kind).collect();
            assert_eq!(kinds, SectionKind::REQUIRED.to_vec(), "{}", e.unit);
            for s in &report.sections {
                let (lo, hi) = guide(s.kind).suggested_chars;
                let n = s.body_text().chars().count();
                assert!(lo <= n && n <= hi, "{} {:?}: {n} chars, suggested {lo}–{hi}", e.unit, s.kind);
            }
            let measures = report.section(SectionKind::Measures).unwrap();
            assert!((3..=4).contains(&measures.items.len()), "{}", e.unit);
            assert!((800..=1200).contains(&measures.body_text().chars().count()), "{}", e.unit);
            for item in &measures.items {
                let body = &item.body;
                assert!(body.starts_with("一是") && body.contains("二是"), "{}", item.title);
                assert!(body.chars().any(|c| c.is_ascii_digit()), "{}", item.title);
            }
            assert_eq!(report.section(SectionKind::FirstResponsible).unwrap().items.len(), 3, "{}", e.unit);
        }
    }

    #[test]
    fn each_shortcoming_has_its_causes_and_its_plan() {
        for e in &EXAMPLES {
            let report = parse(&report_text(e, YEAR));
            let shortcomings = report.section(SectionKind::Shortcomings).unwrap();
            let plans = report.section(SectionKind::NextYear).unwrap();
            assert!((2..=3).contains(&shortcomings.items.len()), "{}", e.unit);
            assert_eq!(plans.items.len(), shortcomings.items.len(), "{}", e.unit);
            assert_eq!(e.matters.len(), shortcomings.items.len(), "{}", e.unit);
            for ((s, p), matter) in shortcomings.items.iter().zip(&plans.items).zip(e.matters) {
                let body = &s.body;
                let cause = body.find("原因").unwrap_or_else(|| panic!("no 原因 in {}", s.title));
                let subjective = body[cause..].find("主观").expect("a subjective cause");
                let objective = body[cause..].find("客观").expect("an objective cause");
                assert!(subjective < objective, "{}", s.title);
                assert!(s.title.contains(matter) && p.title.contains(matter), "{} / {}", s.title, p.title);
            }
            assert!(plans.body_text().contains(&format!("{}年", YEAR + 1)), "{}", e.unit);
        }
    }

    #[test]
    fn the_leaders_are_named_with_what_they_did() {
        for e in &EXAMPLES {
            let text = crate::report::guidance::fill(e.sections[2], YEAR, e.ordinance);
            assert!(text.contains("年终述职"), "{}: 述法 in the 年终述职", e.unit);
            assert!(text.contains(FIRST_RESPONSIBLE_DUTIES.text), "{}", e.unit);
            for who in e.leaders {
                assert!(text.contains(who), "{} does not name {who}", e.unit);
            }
            for duty in ["专题研究法治建设", "听取", "会前学法", "法治专题课", "述法", "合法性审查", "出庭应诉"] {
                assert!(text.contains(duty), "{} misses {duty}", e.unit);
            }
        }
    }

    #[test]
    fn no_other_year_placeholder_or_half_width_mark() {
        let notes = TOWN_NOTES.iter().chain(COUNTY_NOTES).chain(DEPARTMENT_NOTES);
        let texts = EXAMPLES.iter().flat_map(|e| e.sections.into_iter().chain([e.ordinance])).chain(notes.copied());
        for text in texts {
            for bad in ["XX", "xx", "××", "某某", "内部", "秘密", "机密", "涉密"] {
                assert!(!text.contains(bad), "{bad} in {text}");
            }
            let chars: Vec<char> = text.chars().collect();
            // Years are written only as {year} and {next}: no 19xx年 or 20xx年.
            for w in chars.windows(5) {
                let year = w[..4].iter().all(|c| c.is_ascii_digit()) && matches!(w[0..2], ['1', '9'] | ['2', '0']);
                assert!(!(year && w[4] == '年'), "a literal year in {text}");
            }
            for (i, &c) in chars.iter().enumerate() {
                if ",;:()?!".contains(c) {
                    panic!("half-width {c} in {text}");
                }
                // A '.' only in an item marker at the start of a line or between digits.
                if c == '.' {
                    let digit = |j: Option<usize>| j.and_then(|j| chars.get(j)).is_some_and(|c| c.is_ascii_digit());
                    let marker = digit(i.checked_sub(1)) && chars.get(i + 1) == Some(&' ');
                    assert!(marker || (digit(i.checked_sub(1)) && digit(Some(i + 1))), "stray . in {text}");
                }
            }
        }
    }

    #[test]
    fn the_notes_are_a_few_short_points() {
        for notes in [TOWN_NOTES, COUNTY_NOTES, DEPARTMENT_NOTES] {
            assert!((4..=6).contains(&notes.len()));
            for n in notes {
                assert!(n.chars().count() <= 120 && n.ends_with('。'), "{n}");
            }
        }
        assert!(DEPARTMENT_NOTES.iter().any(|n| n.contains("谁执法谁普法")));
        assert!(DEPARTMENT_NOTES.iter().any(|n| n.contains("权责清单")));
    }
}
