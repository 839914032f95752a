//! What must not leave the office in a published report: template leftovers
//! (`placeholder-left`), personal data (`personal-data`), and a report of
//! another kind altogether (`wrong-report-kind`: a 政府信息公开工作年度报告
//! imported by mistake).

use super::ctx::{At, Ctx, Findings};

/// A template's blanks: what the guidance and common templates leave for
/// the author to fill in.
fn placeholder_in(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let cn_digit = |c: char| "〇零一二三四五六七八九十".contains(c);
    for (i, w) in chars.windows(2).enumerate() {
        let found = match (w[0], w[1]) {
            ('X', 'X') | ('x', 'x') | ('Ｘ', 'Ｘ') | ('×', '×') | ('某', '某') => true,
            // 〇〇 is a blank, but 二〇〇八 is a year.
            ('〇', '〇') => !(i > 0 && cn_digit(chars[i - 1]) || chars.get(i + 2).is_some_and(|c| cn_digit(*c))),
            // *次, *件, *人: a figure still to be filled in.
            ('*' | '＊', unit) => "次件项个人场期条份家名户余批轮所篇部起%％".contains(unit),
            _ => false,
        };
        if found {
            return Some(w.iter().collect());
        }
    }
    for (open, close) in [('【', '】'), ('（', '）'), ('(', ')')] {
        let mut rest = text;
        while let Some(start) = rest.find(open) {
            let after = &rest[start + open.len_utf8()..];
            let Some(end) = after.find(close) else { break };
            let inner = &after[..end];
            if open == '【' || inner.contains("此处填写") || inner.contains("请填写") || inner.starts_with("填写") {
                return Some(format!("{open}{inner}{close}"));
            }
            rest = &after[end..];
        }
    }
    None
}

/// What a web page puts in 【】 beside an article (【字体：大 中 小】,
/// 【打印】【关闭】): copied along with a published report, not a blank of a
/// template — it must go too, but the message says what it is.
fn web_page_chrome(found: &str) -> bool {
    found.starts_with('【') && ["字体", "打印", "关闭", "分享", "收藏", "返回顶部"].iter().any(|w| found.contains(w))
}

pub(super) fn placeholder_left(ctx: &Ctx, out: &mut Findings) {
    for (line, section, item, text) in ctx.texts() {
        if let Some(found) = placeholder_in(text) {
            let message = if web_page_chrome(&found) {
                format!("“{found}”是从网页复制时带入的页面按钮文字，不属于报告内容。请删去这一处。")
            } else {
                format!("“{found}”像是模板中待填写的内容，还没有换成本单位的实际情况。请填写具体的名称、数字或日期，或删去这一处。")
            };
            out.push(At { section: *section, item: *item, line: Some(*line) }, message);
        }
    }
}

/// An 18-digit 居民身份证号码 (17 digits and a digit or X) whose digits 7–14
/// read as a date of birth, or an 11-digit mobile number (1, then 3–9) —
/// each standing alone, not inside a longer run of digits.
fn personal_number(text: &str) -> Option<&'static str> {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        let mut run: String = chars[start..i].iter().collect();
        if run.len() == 17 && matches!(chars.get(i), Some('X' | 'x')) {
            run.push('X');
        }
        if run.len() == 18 {
            let (y, m, d) = (&run[6..10], &run[10..12], &run[12..14]);
            let (y, m, d): (u32, u32, u32) = (y.parse().unwrap_or(0), m.parse().unwrap_or(0), d.parse().unwrap_or(0));
            if (1900..=2030).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d) {
                return Some("居民身份证号码");
            }
        }
        if run.len() == 11 && run.starts_with('1') && ('3'..='9').contains(&run.chars().nth(1).unwrap_or('0')) {
            return Some("手机号码");
        }
    }
    None
}

/// A party to a case named with a sex or age: 当事人张某某（男，45岁）.
fn case_details(text: &str) -> bool {
    const PARTIES: &[&str] = &["当事人", "申请人", "被申请人", "原告", "被告", "违法行为人", "被处罚人"];
    PARTIES.iter().any(|p| {
        text.match_indices(p).any(|(at, _)| {
            let after: String = text[at + p.len()..].chars().take(8).collect();
            let name_len = after.chars().take_while(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).count();
            (2..=4).contains(&name_len) && after.chars().skip(name_len).take(2).any(|c| "（(，,".contains(c))
                && (after.contains('男') || after.contains('女') || after.contains('岁'))
        })
    })
}

pub(super) fn personal_data(ctx: &Ctx, out: &mut Findings) {
    for (line, section, item, text) in ctx.texts() {
        let what = personal_number(text).or_else(|| case_details(text).then_some("个人案件信息（姓名、性别、年龄）"));
        if let Some(what) = what {
            out.push(At { section: *section, item: *item, line: Some(*line) },
                format!("这里写有{what}。年度报告要向社会公开，不得公开个人信息：请删去，或改为“当事人张某”等不能识别到个人的写法。"));
        }
    }
}

/// The six parts of a 政府信息公开工作年度报告 (《政府信息公开条例》第五十条).
const DISCLOSURE_OUTLINE: &[&str] = &[
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
];

/// The text is a 政府信息公开工作年度报告: its title says so, or three of
/// its six headings are there.
pub(super) fn is_disclosure_report(ctx: &Ctx) -> bool {
    let title_says = ctx.report.title_index().and_then(|i| ctx.report.front.get(i)).is_some_and(|l| l.text.contains("政府信息公开工作年度报告"));
    let headings = ctx.texts().iter().filter(|(_, _, item, t)| {
        item.is_none() && t.chars().count() <= 40 && DISCLOSURE_OUTLINE.iter().any(|h| t.contains(h))
    });
    title_says || headings.count() >= 3
}

pub(super) fn wrong_report_kind(ctx: &Ctx, out: &mut Findings) {
    if is_disclosure_report(ctx) {
        out.push(At::default(),
            "这份文本是政府信息公开工作年度报告（总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况……），不是法治政府建设年度报告。请确认选择了正确的文件；法治政府建设年度报告应包括《法治政府建设与责任落实督察工作规定》第二十五条规定的五项内容。".into());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::check::{check, CheckContext, RuleId};
    use crate::report::parse;

    fn rules(text: &str) -> Vec<RuleId> {
        check(&parse(text), &CheckContext { report_year: Some(2026), ..Default::default() }).into_iter().map(|f| f.rule).collect()
    }

    #[test]
    fn template_blanks_are_found_and_real_text_is_not() {
        for blank in ["XX局", "开展执法检查*次", "〇〇镇", "某某同志", "××年", "（此处填写主要成效）", "【填写本单位数据】"] {
            assert!(placeholder_in(blank).is_some(), "{blank}");
        }
        for fine in ["二〇〇八年", "二〇二六年三月", "XML格式", "《行政复议法》（2023年修订）", "开展执法检查36次", "当事人张某"] {
            assert_eq!(placeholder_in(fine), None, "{fine}");
        }
    }

    #[test]
    fn web_page_buttons_are_named_as_such() {
        let found = |text: &str| {
            check(&parse(text), &CheckContext { report_year: Some(2026), ..Default::default() })
                .into_iter().filter(|f| f.rule == RuleId::PlaceholderLeft).map(|f| f.message).collect::<Vec<_>>()
        };
        let web = found("某局2026年度法治政府建设情况报告\n【字体：大 中 小】 打印本页\n一、主要举措和成效\n开展执法检查36次。\n【打印】【关闭】");
        assert_eq!(web.len(), 2, "{web:?}");
        assert!(web.iter().all(|m| m.contains("从网页复制") && !m.contains("模板")), "{web:?}");
        let blank = found("某局2026年度法治政府建设情况报告\n一、主要举措和成效\n开展执法检查【填写次数】次。");
        assert!(blank.len() == 1 && blank[0].contains("模板"), "{blank:?}");
    }

    #[test]
    fn identity_and_mobile_numbers_and_case_details_are_personal_data() {
        assert_eq!(personal_number("当事人身份证号11010519491231002X。"), Some("居民身份证号码"));
        assert_eq!(personal_number("联系电话13912345678。"), Some("手机号码"));
        assert_eq!(personal_number("统一社会信用代码913301001234567890，办件12345678901234567890件"), None);
        assert_eq!(personal_number("举报电话12345，咨询电话0571-88888888"), None);
        assert!(case_details("对当事人张三丰（男，45岁）作出罚款决定"));
        assert!(!case_details("对当事人依法作出罚款决定3件"));
    }

    #[test]
    fn a_disclosure_report_is_named_as_such_and_not_listed_as_missing_parts() {
        let text = "某局2026年政府信息公开工作年度报告\n一、总体情况\n本年度主动公开信息。\n二、主动公开政府信息情况\n略。\n三、收到和处理政府信息公开申请情况\n略。\n四、政府信息公开行政复议、行政诉讼情况\n略。\n五、存在的主要问题及改进情况\n略。\n六、其他需要报告的事项\n无。\n";
        let got = rules(text);
        assert!(got.contains(&RuleId::WrongReportKind), "{got:?}");
        assert!(!got.contains(&RuleId::MissingSection), "{got:?}");
        assert!(!rules("某局2026年度法治政府建设情况报告\n一、2026年度推进法治政府建设的主要举措和成效\n开展执法检查36次。\n").contains(&RuleId::WrongReportKind));
    }
}
