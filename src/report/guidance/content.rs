//! The guide for each section kind. Requirements are the clauses of
//! [`super::FIVE_CONTENTS`]; the regulation's article number for them is
//! unverified, so the source names the document only.

use super::example;
use super::{Area, Quote, SectionGuide, FIVE_CONTENTS};
use crate::report::model::SectionKind;
use crate::report::template::REGULATION as SUPERVISION;

const fn requirement(text: &'static str) -> Quote {
    Quote { text, source: SUPERVISION }
}

/// The areas of 《法治政府建设实施纲要（2021－2025年）》 (headings verbatim from
/// docs/sources/regulation/README.md), plus 普法, which reports usually give an
/// item of its own.
const MEASURE_AREAS: &[Area] = &[
    Area {
        heading: "健全政府机构职能体系",
        from_outline: true,
        hint: "权责清单调整、“放管服”改革、“证照分离”、优化营商环境；写明事项数、办理时限压缩多少、网办率。",
    },
    Area {
        heading: "健全依法行政制度体系",
        from_outline: true,
        hint: "规范性文件制定、合法性审核、备案和清理；写明审核件数、废止和修改件数。",
    },
    Area {
        heading: "健全行政决策制度体系",
        from_outline: true,
        hint: "重大行政决策程序、合法性审查、法律顾问和公职律师作用；写明决策项数、审查合同和文件数、提出意见条数。",
    },
    Area {
        heading: "健全行政执法工作体系",
        from_outline: true,
        hint: "行政执法“三项制度”、执法人员培训和持证、包容审慎监管，2026年度起还有贯彻《行政执法监督条例》的情况；写明办案件数、法制审核件数、培训人次、复议纠错和诉讼败诉件数。",
    },
    Area {
        heading: "健全突发事件应对体系",
        from_outline: true,
        hint: "应急预案修订、应急演练、依法处置突发事件；写明预案件数、演练次数、处置情况。",
    },
    Area {
        heading: "健全社会矛盾纠纷行政预防调处化解体系",
        from_outline: true,
        hint: "信访、投诉举报、行政调解、行政复议和应诉；写明受理和办结件数、办结率、化解纠纷数。",
    },
    Area {
        heading: "健全行政权力制约和监督体系",
        from_outline: true,
        hint: "自觉接受人大监督、政协监督和司法监督，政务公开，审计和内部监督；写明办理建议提案件数、主动公开信息条数。",
    },
    Area {
        heading: "健全法治政府建设科技保障体系",
        from_outline: true,
        hint: "“互联网+政务服务”、“互联网+监管”、移动执法、数据共享；写明上线事项数、覆盖率。",
    },
    Area {
        heading: "加强党的领导，完善法治政府建设推进机制",
        from_outline: true,
        hint: "党委（党组）研究部署、法治建设领导机构、考核督察；第一责任人本人的履职情况写在第三部分。",
    },
    Area {
        heading: "普法和法治宣传教育",
        from_outline: false,
        hint: "“谁执法谁普法”普法责任制、领导干部学法、以案释法；写明活动场次、覆盖人数、发布案例数。",
    },
];

pub(super) const MEASURES: SectionGuide = SectionGuide {
    kind: SectionKind::Measures,
    requirement: requirement("上一年度推进法治政府建设的主要举措和成效"),
    what_to_write: &[
        "按工作领域分条撰写，每条先写小标题（概括这一领域的做法和成效），再用“一是……二是……”写具体举措。",
        "写本单位职责范围内的工作，选取本单位有实际工作的领域分条撰写（可参照下方列出的领域），不必每个领域都写。",
        "每项举措都要写成效，成效要有数字支撑：办理件数、审查件数、培训人次、办结率、同比变化等。",
        "行政复议和行政诉讼情况要如实写明件数和结果（被纠错、败诉的也要写）。",
        "第一责任人本人的履职情况写在第三部分，此处写单位整体工作。",
        "一般写3至6条，每条二三百字。",
    ],
    areas: MEASURE_AREAS,
    mistakes: &[
        "写成流水账：只罗列开了什么会、发了什么文件，没有写取得了什么成效。",
        "成效没有数字，只有“明显提升”“显著增强”等定性描述。",
        "照搬上级文件或去年的报告，看不出本年度本单位做了什么。",
        "把本单位全部业务工作都写进来，与法治政府建设关系不大的内容过多。",
        "只写成绩，回避行政复议被纠错、行政诉讼败诉等情况。",
    ],
    example_template: example::MEASURES,
    suggested_chars: (800, 4000),
};

pub(super) const SHORTCOMINGS: SectionGuide = SectionGuide {
    kind: SectionKind::Shortcomings,
    requirement: requirement("上一年度推进法治政府建设存在的不足和原因"),
    what_to_write: &[
        "每条写一项不足：先写小标题，再写具体表现，最好有事实或数字（如案卷评查发现的问题比例）。",
        "每一项不足都要紧接着写原因，可用“究其原因，主观上……客观上……”的写法。",
        "先写主观原因（思想认识、工作作风、制度落实、能力素质），再写客观原因，不能只写客观原因。",
        "不足要具体、真实，能与第四部分的下一年度安排一一对应。",
        "一般写2至4条。",
    ],
    areas: &[],
    mistakes: &[
        "只列问题，不写原因；规定要求的是“不足和原因”。",
        "原因只写客观原因，如人员少、任务重、经费不足，回避主观原因。",
        "不足写得空泛，如“法治意识有待进一步增强”，放在任何单位、任何年度都能用。",
        "每年照抄去年的不足，看不出问题是否已经解决。",
        "不足与第四部分的安排对不上，提出的问题没有相应的改进措施。",
    ],
    example_template: example::SHORTCOMINGS,
    suggested_chars: (300, 1500),
};

pub(super) const FIRST_RESPONSIBLE: SectionGuide = SectionGuide {
    kind: SectionKind::FirstResponsible,
    requirement: requirement(
        "上一年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况",
    ),
    what_to_write: &[
        "写党政主要负责人本人做了什么，而不是单位做了什么；主语是主要负责人。",
        "按“重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办”组织内容。",
        "专题研究法治建设：主持召开党委（党组）会、常务会、局务会专题研究法治建设的次数和研究的事项。",
        "听取汇报：听取法治工作汇报的次数，协调解决的问题个数。",
        "带头学法讲法：会前学法、理论学习中心组学法的次数，本人讲法治课的次数和参加人次。",
        "述法：党政主要负责人在年终述职中述法，报告本人履行推进法治建设第一责任人职责的情况；写明向谁述法、采取什么方式（书面述法、会议述法）、是否接受评议。",
        "重大决策合法性审查：重大行政决策是否均经合法性审查、集体讨论决定，写明项数。",
        "出庭应诉：本人作为行政机关负责人出庭应诉的件数，与本单位应诉案件总数一起写。",
    ],
    areas: &[],
    mistakes: &[
        "写成单位工作的重复，看不出主要负责人本人做了什么。",
        "只写“高度重视”“亲自抓”，没有次数、事项等具体内容。",
        "漏写述法、出庭应诉等规定动作；没有发生的可如实说明原因。",
        "与第一部分的数字不一致，如重大决策项数、应诉案件数前后不符。",
    ],
    example_template: example::FIRST_RESPONSIBLE,
    suggested_chars: (300, 1500),
};

pub(super) const NEXT_YEAR: SectionGuide = SectionGuide {
    kind: SectionKind::NextYear,
    requirement: requirement("下一年度推进法治政府建设的主要安排"),
    what_to_write: &[
        "先回应第二部分的每一项不足，逐条提出改进措施，再写下一年度的其他重点工作。",
        "措施要具体、可检查：写明数量（如培训多少人次、评查多少件）、时限（如6月底前）和责任（由哪个科室牵头）。",
        "与上级下一年度法治政府建设工作要点衔接，但要落到本单位的具体工作上。",
        "一般写3至5条。",
    ],
    areas: &[],
    mistakes: &[
        "只写“进一步加强”“持续深化”等口号，没有可检查的措施。",
        "与第二部分的不足脱节，提出的问题没有对应的措施。",
        "照抄上级文件的工作要点，看不出本单位怎么落实。",
        "照搬去年的安排，年份改了内容没改。",
        "2026年度起的报告仍把《法治政府建设实施纲要（2021－2025年）》当作现行部署依据，或安排中写着已经过去的“到2025年”。",
    ],
    example_template: example::NEXT_YEAR,
    suggested_chars: (300, 1500),
};

pub(super) const OTHER_MATTERS: SectionGuide = SectionGuide {
    kind: SectionKind::OtherMatters,
    requirement: requirement("其他需要报告的情况"),
    what_to_write: &[
        "可写前四部分不便归入的情况，例如：法治政府建设示范创建情况、法治督察或上级检查反馈问题的整改情况、本年度发生的重大事件及依法处置情况、受到的表彰或通报。",
        "没有需要报告的情况，写“无”即可。",
        "本部分不可删除：没有内容也要保留标题并写“无”。",
    ],
    areas: &[],
    mistakes: &[
        "删除本部分，报告只剩四个部分。",
        "把第一部分的举措在这里再写一遍。",
        "督察或检查反馈的问题没有交代整改结果。",
    ],
    example_template: example::OTHER_MATTERS,
    suggested_chars: (1, 600),
};

pub(super) const UNKNOWN: SectionGuide = SectionGuide {
    kind: SectionKind::Unknown,
    requirement: Quote { text: FIVE_CONTENTS, source: SUPERVISION },
    what_to_write: &[
        "此部分的标题不属于规定要求的五项内容。",
        "请把其中的内容移到相应的部分，或者把标题改为规定的五项内容之一。",
        "确需单独报告的内容，可写在“其他需要报告的情况”中。",
    ],
    areas: &[],
    mistakes: &["在五项内容之外另起部分，打乱报告的结构。"],
    example_template: "",
    suggested_chars: (0, 0),
};
