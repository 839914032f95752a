//! Classifying sections by what their headings mean and where they stand.
//!
//! Real reports word the five headings many ways ("存在的问题及原因",
//! "主要负责人履行职责情况", "2024年工作打算", "下一步工作计划", "工作思路")
//! and order them differently (第一责任人 first is common). Many spread
//! 主要举措和成效 over thematic headings ("坚持依法行政，加快政府职能转变")
//! and use words that mislead when read one by one: 问题 in a measure's theme
//! (聚焦突出问题，开展专项整治), 部署 or 安排 in a measure (精心部署安排，狠抓任务落实),
//! 举措 in a plan (今后工作思路和举措).
//!
//! So a heading's words give each kind a score — decisive words
//! ([`Cue::Strong`]) far above words that only lean ([`Cue::Weak`]), and a
//! thematic shape (an action verb first, two phrases around a comma) leans to
//! a measure — and [`classify_sequence`] chooses the whole sequence of kinds
//! that best fits those scores together with the order real reports use
//! (Viterbi over six states): the regulation's order, with 第一责任人 first,
//! 不足 and 原因 merged or split, several measures headings, and 其他 last or
//! absent. Going back in that order costs more than any weak word can pay,
//! so a misleading word does not outvote a heading's place, while decisive
//! words still name a part that stands out of order.
//!
//! [`classify_heading`] is the one-heading reading (decisive and leaning
//! words only), used where a heading stands alone.

use crate::report::model::SectionKind;
use SectionKind::*;

/// How much a word says about a heading's kind.
#[derive(Clone, Copy)]
enum Cue {
    /// Names the part: 不足, 第一责任人, 下一步, 成效 …
    Strong,
    /// Leans to it, but also occurs in other parts' headings: 问题, 安排, 举措 …
    Weak,
}

const STRONG: i32 = 10;
const WEAK: i32 = 3;
/// A thematic shape (an action verb first, or two phrases around a comma).
const THEMATIC: i32 = 5;
/// What a heading with no cue scores as `Unknown`.
const UNKNOWN: i32 = 2;
/// Going back in the order (e.g. a measure after 下一年度).
const BACKWARD: i32 = 7;
/// The same part again where repeating is unusual (two 第一责任人 headings).
const REPEAT: i32 = 4;

const CUES: &[(&str, SectionKind, Cue)] = &[
    // 第一责任人
    ("第一责任人", FirstResponsible, Cue::Strong),
    ("主要负责人", FirstResponsible, Cue::Strong),
    ("主要负责同志", FirstResponsible, Cue::Strong),
    ("一把手", FirstResponsible, Cue::Strong),
    ("主要领导", FirstResponsible, Cue::Strong),
    ("履职", FirstResponsible, Cue::Strong),
    ("述法", FirstResponsible, Cue::Weak),
    // 其他需要报告的情况
    ("其他需要报告", OtherMatters, Cue::Strong),
    ("其它需要报告", OtherMatters, Cue::Strong),
    ("需要报告的其他", OtherMatters, Cue::Strong),
    ("其他情况", OtherMatters, Cue::Strong),
    ("其它情况", OtherMatters, Cue::Strong),
    ("其他事项", OtherMatters, Cue::Strong),
    ("其他需要说明", OtherMatters, Cue::Strong),
    // 不足和原因
    ("不足", Shortcomings, Cue::Strong),
    ("差距", Shortcomings, Cue::Strong),
    ("短板", Shortcomings, Cue::Strong),
    ("原因", Shortcomings, Cue::Strong),
    ("存在的问题", Shortcomings, Cue::Strong),
    ("存在问题", Shortcomings, Cue::Strong),
    ("问题与", Shortcomings, Cue::Strong),
    ("问题和", Shortcomings, Cue::Strong),
    ("问题及", Shortcomings, Cue::Strong),
    ("薄弱", Shortcomings, Cue::Weak),
    ("问题", Shortcomings, Cue::Weak),
    // 下一年度主要安排
    ("下一年度", NextYear, Cue::Strong),
    ("下一年", NextYear, Cue::Strong),
    ("下年度", NextYear, Cue::Strong),
    ("下一步", NextYear, Cue::Strong),
    ("明年", NextYear, Cue::Strong),
    ("今后", NextYear, Cue::Strong),
    ("打算", NextYear, Cue::Strong),
    ("工作思路", NextYear, Cue::Strong),
    ("工作计划", NextYear, Cue::Strong),
    ("工作安排", NextYear, Cue::Strong),
    ("主要安排", NextYear, Cue::Strong),
    ("展望", NextYear, Cue::Strong),
    ("努力方向", NextYear, Cue::Strong),
    ("计划", NextYear, Cue::Weak),
    ("安排", NextYear, Cue::Weak),
    ("思路", NextYear, Cue::Weak),
    ("部署", NextYear, Cue::Weak),
    // 主要举措和成效
    ("成效", Measures, Cue::Strong),
    ("成绩", Measures, Cue::Strong),
    ("主要工作", Measures, Cue::Strong),
    ("工作情况", Measures, Cue::Strong),
    ("开展情况", Measures, Cue::Strong),
    ("推进情况", Measures, Cue::Strong),
    ("建设情况", Measures, Cue::Strong),
    ("基本情况", Measures, Cue::Strong),
    ("工作开展", Measures, Cue::Strong),
    ("主要做法", Measures, Cue::Strong),
    ("主要措施", Measures, Cue::Strong),
    ("进展", Measures, Cue::Strong),
    ("举措", Measures, Cue::Weak),
    ("做法", Measures, Cue::Weak),
    ("措施", Measures, Cue::Weak),
];

/// Verbs a thematic measures heading starts with (坚持依法行政，…).
const THEME_VERBS: &[&str] = &[
    "坚持", "加强", "健全", "推进", "深化", "完善", "提升", "强化", "开展", "狠抓", "精心", "规范", "严格", "聚焦",
    "抓好", "落实", "推动", "全面", "着力", "持续", "创新", "优化", "夯实", "筑牢", "压实", "打造", "建立", "构建",
    "依法", "扎实", "加快", "突出", "注重", "坚决", "围绕", "服务", "提高", "增强", "狠抓", "拓展", "用好", "做实",
];

const KINDS: [SectionKind; 5] = SectionKind::REQUIRED;

/// Each required kind's score for a heading's words; `thematic` adds the
/// shape of a measure's theme.
fn scores(heading: &str, thematic: bool) -> [i32; 5] {
    let h = heading.trim();
    let mut best = [0i32; 5];
    let mut extra = [0i32; 5];
    for (word, kind, cue) in CUES {
        if h.contains(word) {
            let k = kind_index(*kind);
            let w = match cue {
                Cue::Strong => STRONG,
                Cue::Weak => WEAK,
            };
            if w > best[k] {
                extra[k] += best[k].min(1);
                best[k] = w;
            } else {
                extra[k] += 1;
            }
        }
    }
    if h.contains("履行") && h.contains("职责") {
        best[kind_index(FirstResponsible)] = STRONG;
    }
    if h == "其他" || h == "其它" {
        best[kind_index(OtherMatters)] = STRONG;
    }
    let mut out = [0i32; 5];
    for k in 0..5 {
        out[k] = if best[k] > 0 { best[k] + extra[k].min(2) } else { 0 };
    }
    if thematic && is_thematic(h) {
        out[kind_index(Measures)] += THEMATIC;
    }
    out
}

fn kind_index(kind: SectionKind) -> usize {
    KINDS.iter().position(|k| *k == kind).unwrap_or(0)
}

/// A measure's theme: starts with an action verb, or two short phrases
/// around a comma (党建引领，法治建设全面推进).
fn is_thematic(h: &str) -> bool {
    let h = h.trim_start_matches(|c: char| c.is_ascii_digit() || c == '年' || c == '度');
    THEME_VERBS.iter().any(|v| h.starts_with(v))
        || h.split_once(['，', ',']).is_some_and(|(a, b)| {
            let (a, b) = (a.chars().count(), b.chars().count());
            (2..=14).contains(&a) && (2..=14).contains(&b)
        })
}

/// The kind a heading announces by its words alone: the highest-scoring
/// kind, ties broken in the order 第一责任人, 其他, 不足, 下一年度, 举措.
pub fn classify_heading(heading: &str) -> SectionKind {
    best_kind(&scores(heading, false)).0
}

/// The highest-scoring kind and its score (`Unknown` when nothing scores).
fn best_kind(s: &[i32; 5]) -> (SectionKind, i32) {
    let precedence = [FirstResponsible, OtherMatters, Shortcomings, NextYear, Measures];
    let best = s.iter().copied().max().unwrap_or(0);
    if best == 0 {
        return (Unknown, 0);
    }
    (precedence.into_iter().find(|k| s[kind_index(*k)] == best).unwrap_or(Unknown), best)
}

/// The kind a heading names with a decisive word, if one does; for lines
/// without a number, which are headings only when their words say so.
pub fn strong_kind(heading: &str) -> Option<SectionKind> {
    let (kind, best) = best_kind(&scores(heading, false));
    (best >= STRONG).then_some(kind)
}

/// Where the sequence stands: nothing yet, or the last part placed
/// (第一责任人 first is its own state: measures may still follow it).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum State {
    Start,
    LeaderFirst,
    Kind(SectionKind),
}

impl State {
    const ALL: [State; 7] = [
        State::Start,
        State::LeaderFirst,
        State::Kind(Measures),
        State::Kind(Shortcomings),
        State::Kind(FirstResponsible),
        State::Kind(NextYear),
        State::Kind(OtherMatters),
    ];

    fn index(self) -> usize {
        State::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// The position in the regulation's order (LeaderFirst stands before measures).
    fn rank(self) -> i32 {
        match self {
            State::Start => -2,
            State::LeaderFirst => -1,
            State::Kind(k) => kind_index(k) as i32,
        }
    }
}

/// The cost of labelling the next heading `kind` after `state`, and the state after it.
fn step(state: State, kind: SectionKind) -> (i32, State) {
    if kind == Unknown {
        return (0, state);
    }
    let next = if state == State::Start && kind == FirstResponsible { State::LeaderFirst } else { State::Kind(kind) };
    let (from, to) = (state.rank(), next.rank());
    let cost = if state == State::Kind(kind) || (state == State::LeaderFirst && kind == FirstResponsible) {
        // Several measures headings and 不足 / 原因 apart are usual; other repeats are not.
        if matches!(kind, Measures | Shortcomings) { 0 } else { REPEAT }
    } else if to >= from || state == State::LeaderFirst {
        0
    } else {
        BACKWARD
    };
    (cost, next)
}

/// The kinds of a report's top-level headings, chosen together: the
/// sequence with the highest total of word scores less order costs.
pub fn classify_sequence(headings: &[&str]) -> Vec<SectionKind> {
    const NEG: i32 = i32::MIN / 4;
    let n = headings.len();
    let states = State::ALL.len();
    // best[s]: the best score of a labelling of the headings so far ending in state s.
    let mut best = vec![NEG; states];
    best[State::Start.index()] = 0;
    // back[i][s]: (previous state, label) for heading i ending in state s.
    let mut back: Vec<Vec<(usize, SectionKind)>> = Vec::with_capacity(n);
    // The report's own year is the earliest its headings name; a heading
    // naming the year after it is about next year (2025年度…主要举措 in a 2024 report).
    let report_year = headings.iter().filter_map(|h| heading_year(h)).min();
    for heading in headings {
        let mut s = scores(heading, true);
        if report_year.is_some_and(|y| heading_year(heading) == Some(y + 1)) {
            s[kind_index(NextYear)] += STRONG;
        }
        let mut next = vec![NEG; states];
        let mut from = vec![(0usize, Unknown); states];
        for (si, score) in best.iter().enumerate() {
            if *score == NEG {
                continue;
            }
            let state = State::ALL[si];
            let labels = KINDS.iter().map(|k| (*k, s[kind_index(*k)])).chain([(Unknown, UNKNOWN)]);
            for (kind, emission) in labels {
                // A kind its words do not name at all is only ever a measure's theme.
                if kind != Unknown && emission == 0 {
                    continue;
                }
                let (cost, to) = step(state, kind);
                let total = score + emission - cost;
                let ti = to.index();
                if total > next[ti] {
                    next[ti] = total;
                    from[ti] = (si, kind);
                }
            }
        }
        best = next;
        back.push(from);
    }
    // Trace the best path back.
    let mut si = (0..states).max_by_key(|s| (best[*s], std::cmp::Reverse(*s))).unwrap_or(0);
    let mut kinds = vec![Unknown; n];
    for i in (0..n).rev() {
        let (prev, kind) = back[i][si];
        kinds[i] = kind;
        si = prev;
    }
    kinds
}

/// The first year written in a heading, e.g. 2023 in `2023年度推进…`.
pub fn heading_year(heading: &str) -> Option<i32> {
    let bytes = heading.as_bytes();
    let mut i = 0;
    while i + 4 <= bytes.len() {
        let window = &bytes[i..i + 4];
        let before_is_digit = i > 0 && bytes[i - 1].is_ascii_digit();
        // Bytes, not a str slice: i + 4 may fall inside a Chinese character.
        let after = &bytes[i + 4..];
        if !before_is_digit && window.iter().all(u8::is_ascii_digit) && after.starts_with("年".as_bytes()) {
            let year: i32 = std::str::from_utf8(window).ok()?.parse().ok()?;
            if (1990..=2100).contains(&year) {
                return Some(year);
            }
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misleading_words_do_not_outvote_place() {
        let seq = |h: &[&str]| classify_sequence(h);
        assert_eq!(
            seq(&["坚持依法行政，加快政府职能转变", "聚焦突出问题，开展专项整治", "精心部署安排，狠抓任务落实", "存在的不足和原因", "党政主要负责人履行推进法治建设第一责任人职责情况", "今后工作思路和举措", "其他需要报告的情况"]),
            [Measures, Measures, Measures, Shortcomings, FirstResponsible, NextYear, OtherMatters]
        );
        // 第一责任人 first, 不足 and 原因 apart, no 其他.
        assert_eq!(
            seq(&["主要负责人履行职责情况", "2024年法治政府建设工作开展情况", "存在的问题", "问题产生的原因", "2025年工作打算"]),
            [FirstResponsible, Measures, Shortcomings, Shortcomings, NextYear]
        );
        // A theme after 下一年度 is not a measure; an unrelated heading stays unknown.
        assert_eq!(seq(&["主要举措和成效", "下一年度主要安排", "附件说明"]), [Measures, NextYear, Unknown]);
        // Decisive words still name a part out of order.
        assert_eq!(seq(&["存在的不足和原因", "主要举措和成效"]), [Shortcomings, Measures]);
        assert_eq!(seq(&[]), Vec::<SectionKind>::new());
    }

    #[test]
    fn strong_words_only_for_unnumbered_lines() {
        assert_eq!(strong_kind("工作开展情况及成效"), Some(Measures));
        assert_eq!(strong_kind("问题与不足"), Some(Shortcomings));
        assert_eq!(strong_kind("今后工作打算"), Some(NextYear));
        assert_eq!(strong_kind("主要领导履职情况"), Some(FirstResponsible));
        assert_eq!(strong_kind("加强组织领导"), None);
        assert_eq!(strong_kind("聚焦突出问题"), None);
    }

    #[test]
    fn headings_as_real_reports_word_them() {
        let table = [
            ("2023年度推进法治政府建设的主要工作举措及成效", Measures),
            ("主要举措和成效", Measures),
            ("2024年法治政府建设工作开展情况", Measures),
            ("主要做法和成效", Measures),
            ("存在的不足和原因", Shortcomings),
            ("存在的问题及原因", Shortcomings),
            ("2023年度推进法治政府建设存在的不足和问题", Shortcomings),
            ("问题产生的原因", Shortcomings),
            ("原因分析", Shortcomings),
            ("2023年党政主要负责人履行推进法治建设第一责任人职责", FirstResponsible),
            ("主要负责人履行职责情况", FirstResponsible),
            ("党政主要负责同志履行推进法治建设职责情况", FirstResponsible),
            ("下一年度推进法治政府建设的主要安排", NextYear),
            ("2024年工作打算", NextYear),
            ("下一步工作计划", NextYear),
            ("工作思路", NextYear),
            ("其他需要报告的情况", OtherMatters),
            ("其他", OtherMatters),
            ("附件说明", Unknown),
            ("加强组织领导", Unknown),
        ];
        for (heading, kind) in table {
            assert_eq!(classify_heading(heading), kind, "{heading}");
        }
    }

    #[test]
    fn years_in_headings() {
        assert_eq!(heading_year("2023年度推进法治政府建设的主要举措"), Some(2023));
        assert_eq!(heading_year("2024年工作打算"), Some(2024));
        assert_eq!(heading_year("下一年度主要安排"), None);
        assert_eq!(heading_year("文件12023年"), None);
        assert_eq!(heading_year("共3000年"), None);
    }
}
