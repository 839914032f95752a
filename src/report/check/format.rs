//! The 公文's frame as an 办公室 checks it before a report leaves the
//! building (GB/T 9704-2012): the 成文日期's form and whether it is after
//! the 报送 deadline, a 署名 and 成文日期 present, the 发文字号's brackets and
//! number, the 主送机关's colon. The frame is read by `text/frame.rs`.

use super::ctx::{At, Ctx, Findings};
use crate::report::deadline::{deadlines, Date, UnitKind};
use crate::report::model::Report;
use crate::report::text::frame::{date_line, DateForm};

/// The 1-based rendered line of the first closing line (`Report::back`).
pub(crate) fn back_first_line(report: &Report) -> usize {
    let sections: usize = report
        .sections
        .iter()
        .map(|s| 1 + s.intro.len() + s.items.iter().map(|i| 1 + i.more.len()).sum::<usize>())
        .sum();
    report.front.len() + sections + 1
}

fn date_at(report: &Report) -> Option<(usize, &str)> {
    let i = report.back_roles().date?;
    Some((back_first_line(report) + i, report.back[i].text.trim()))
}

/// `date-format`: 二〇二六年二月二十六日, 2026.2.26, 2026年02月06日, 26年….
pub(super) fn date_format(ctx: &Ctx, out: &mut Findings) {
    let Some((line, text)) = date_at(ctx.report) else { return };
    let Some(d) = date_line(text) else { return };
    let right = format!("{}年{}月{}日", d.year, d.month, d.day);
    let what = match d.form {
        DateForm::Standard => return,
        DateForm::ChineseNumerals => "用了汉字数字",
        DateForm::Separated => "用了点号、横线或斜线分隔",
        DateForm::Padded => "月、日前补了“0”（虚位）",
        DateForm::ShortYear => "年份没有写全",
    };
    out.push(At { line: Some(line), ..At::default() }, format!("成文日期“{text}”{what}。成文日期应用阿拉伯数字将年、月、日标全，年份写全，月、日不编虚位，请改为“{right}”。"));
}

/// The 报送 deadline (not the publication one) for the unit's kind.
fn report_deadline(kind: UnitKind, year: i32) -> Option<Date> {
    (kind != UnitKind::Other).then(|| deadlines(kind, year)).and_then(|d| d.first().map(|d| d.by))
}

/// `date-after-deadline`: a 成文日期 later than the day the report is due.
pub(super) fn date_after_deadline(ctx: &Ctx, out: &mut Findings) {
    let (Some(kind), Some(year)) = (ctx.outer.unit_kind, ctx.year) else { return };
    let Some((line, text)) = date_at(ctx.report) else { return };
    let (Some(d), Some(by)) = (date_line(text), report_deadline(kind, year)) else { return };
    if (d.year, d.month, d.day) >= (by.year, by.month, by.day) {
        out.push(
            At { line: Some(line), ..At::default() },
            format!("成文日期“{text}”不早于报送时限（{}之前）。请核对成文日期；确已逾期报送的，请在报送时说明情况。", by.label_zh()),
        );
    }
}

/// `signature-missing`: a report laid out as a 公文 (a 主送机关, 发文字号,
/// 署名 or 成文日期 written) without its 署名 or its 成文日期.
pub(super) fn signature_missing(ctx: &Ctx, out: &mut Findings) {
    let frame = ctx.report.frame();
    let is_document = frame.addressee.is_some() || frame.doc_number.is_some() || frame.signature.is_some() || frame.date.is_some();
    if !is_document || ctx.report.sections.is_empty() {
        return;
    }
    let missing: Vec<&str> =
        [(frame.signature.is_none(), "发文机关署名"), (frame.date.is_none(), "成文日期")].into_iter().filter(|m| m.0).map(|m| m.1).collect();
    if missing.is_empty() {
        return;
    }
    out.push(At::default(), format!("作为公文报送，正文之后缺少{}。请在“标题和开头段”中填写，导出时排在正文之后。", missing.join("和")));
}

/// `doc-number-format`: 【】 or [] for 〔〕, a 第 before the number, a padded 01号.
pub(super) fn doc_number_format(ctx: &Ctx, out: &mut Findings) {
    let Some(i) = ctx.report.doc_number_index() else { return };
    let text = ctx.report.front[i].text.trim();
    let mut wrong = Vec::new();
    if text.contains(['【', '[', '［', '（', '(']) {
        wrong.push("年份应用六角括号“〔〕”括入");
    }
    let after = text.rfind(['〕', '】', ']', '］', '）', ')']).map_or("", |p| &text[p..]);
    let number: String = after.chars().skip(1).collect();
    if number.starts_with('第') {
        wrong.push("发文顺序号前不加“第”字");
    }
    if number.trim_start_matches('第').starts_with('0') {
        wrong.push("发文顺序号不编虚位（写“1号”，不写“01号”）");
    }
    if wrong.is_empty() {
        return;
    }
    out.push(At { line: Some(i + 1), ..At::default() }, format!("发文字号“{text}”：{}。规范写法如“某司〔2026〕3号”。", wrong.join("；")));
}

/// `addressee-format`: a 主送机关 without its full-width colon.
pub(super) fn addressee_format(ctx: &Ctx, out: &mut Findings) {
    let Some(i) = ctx.report.addressee_index() else { return };
    let text = ctx.report.front[i].text.trim();
    if text.ends_with('：') {
        return;
    }
    let names = text.trim_end_matches(':');
    out.push(At { line: Some(i + 1), ..At::default() }, format!("主送机关“{text}”后应标全角冒号“：”，请改为“{names}：”。"));
}

#[cfg(test)]
mod tests {
    use crate::report::check::{check, CheckContext};
    use crate::report::deadline::{Date, UnitKind};
    use crate::report::text::parse::parse;

    const BODY: &str = "一、主要举措和成效\n1. 学法。学法6次。\n五、其他需要报告的情况\n无\n";

    fn report(front: &str, back: &str) -> String {
        format!("某区司法局2025年度法治政府建设情况报告\n{front}现将情况报告如下。\n{BODY}{back}")
    }

    fn fired(rule: &str, text: &str, ctx: CheckContext) -> Vec<(Option<usize>, String)> {
        check(&parse(text), &ctx).into_iter().filter(|f| f.rule.as_str() == rule).map(|f| (f.line, f.message)).collect()
    }

    fn none() -> CheckContext {
        CheckContext::default()
    }

    #[test]
    fn date_format() {
        let good = report("区人民政府：\n", "\n某区司法局\n2026年2月26日\n");
        assert!(fired("date-format", &good, none()).is_empty());
        for (bad, right) in [("二〇二六年二月二十六日", "2026年2月26日"), ("2026.2.26", "2026年2月26日"), ("2026年02月06日", "2026年2月6日"), ("26年2月6日", "2026年2月6日")] {
            let got = fired("date-format", &good.replace("2026年2月26日", bad), none());
            assert_eq!(got.len(), 1, "{bad}");
            assert_eq!(got[0].0, Some(10), "{bad}: at the date's line");
            assert!(got[0].1.contains(&format!("请改为“{right}”")), "{}", got[0].1);
        }
        // A date inside the last part's sentence is no 成文日期.
        assert!(fired("date-format", &report("", "").replace("无\n", "二〇二六年一月，召开推进会。\n"), none()).is_empty());
    }

    #[test]
    fn date_after_deadline() {
        let ctx = CheckContext { unit_kind: Some(UnitKind::Department), report_year: Some(2025), today: Some(Date::new(2026, 2, 1)) };
        let on_time = report("", "\n某区司法局\n2026年2月26日\n");
        assert!(fired("date-after-deadline", &on_time, ctx).is_empty());
        let late = on_time.replace("2026年2月26日", "2026年3月5日");
        let got = fired("date-after-deadline", &late, ctx);
        assert_eq!(got.len(), 1);
        assert!(got[0].1.contains("3月1日"), "{}", got[0].1);
        // Without the unit's kind there is no deadline to compare with.
        assert!(fired("date-after-deadline", &late, CheckContext { unit_kind: None, ..ctx }).is_empty());
        assert!(fired("date-after-deadline", &late, CheckContext { unit_kind: Some(UnitKind::Other), ..ctx }).is_empty());
    }

    #[test]
    fn signature_missing() {
        assert!(fired("signature-missing", &report("", ""), none()).is_empty(), "no frame: not laid out as a 公文");
        assert!(fired("signature-missing", &report("区人民政府：\n", "\n某区司法局\n2026年2月26日\n"), none()).is_empty());
        let got = fired("signature-missing", &report("区人民政府：\n", ""), none());
        assert_eq!(got.len(), 1);
        assert!(got[0].1.contains("发文机关署名和成文日期"), "{}", got[0].1);
        let got = fired("signature-missing", &report("", "\n某区司法局\n"), none());
        assert!(got[0].1.contains("缺少成文日期"), "{}", got[0].1);
    }

    #[test]
    fn doc_number_format() {
        let with = |n: &str| format!("{n}\n{}", report("", ""));
        assert!(fired("doc-number-format", &with("某司〔2026〕3号"), none()).is_empty());
        assert!(fired("doc-number-format", &with("某司〔2026〕10号"), none()).is_empty());
        for (bad, says) in [("某司【2026】3号", "六角括号"), ("某司[2026]3号", "六角括号"), ("某司〔2026〕第3号", "不加“第”"), ("某司〔2026〕03号", "虚位")] {
            let got = fired("doc-number-format", &with(bad), none());
            assert_eq!(got.len(), 1, "{bad}");
            assert_eq!(got[0].0, Some(1));
            assert!(got[0].1.contains(says), "{}", got[0].1);
        }
    }

    #[test]
    fn addressee_format() {
        assert!(fired("addressee-format", &report("区人民政府：\n", ""), none()).is_empty());
        assert!(fired("addressee-format", &report("", ""), none()).is_empty());
        let got = fired("addressee-format", &report("区人民政府:\n", ""), none());
        assert_eq!(got, vec![(Some(2), "主送机关“区人民政府:”后应标全角冒号“：”，请改为“区人民政府：”。".to_string())]);
    }
}
