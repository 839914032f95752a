//! `fzbg merge MINE THEIRS [--base BASE] [--json] [--force]`: the merge
//! page's comparison on the command line (docs/CLI.md).

use std::io::Write;

use fazhi_report::report::merge::{three_way, Merge, MergeRow, PartKey, RowKind, Side, Slot};

use crate::cli::{read_report, usage, Read};

pub fn merge_cmd(args: &[&str], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let (mut json, mut force, mut base_path) = (false, false, None);
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match *arg {
            "--json" => json = true,
            "--force" => force = true,
            "--base" => match it.next() {
                Some(f) => base_path = Some(*f),
                None => return usage(err, "--base 需要发出时的版本 / --base takes the version that was sent"),
            },
            flag if flag.starts_with("--") => return usage(err, &format!("未知选项 {flag} / unknown option {flag}")),
            file => files.push(file),
        }
    }
    let [mine_path, theirs_path] = files.as_slice() else {
        return usage(err, "merge 需要两个文件：MINE THEIRS / merge takes two files: MINE THEIRS");
    };
    let (Some(mine), Some(theirs)) = (read_report(mine_path, err), read_report(theirs_path, err)) else { return 2 };
    let given = match base_path {
        Some(path) => match read_report(path, err) {
            Some(b) => Some(b),
            None => return 2,
        },
        None => None,
    };

    let mismatch = mine.identity.mismatch(&theirs.identity);
    if let Some(m) = &mismatch {
        if !force {
            let _ = writeln!(
                err,
                "fzbg: {theirs_path}: {}可作为新草稿导入；确认要合并请加 --force / {}; add --force to merge anyway",
                m.sentence(),
                m.sentence_en()
            );
            return 2;
        }
    }

    // The base: given; else MINE when it is the very revision THEIRS names.
    let (base, from) = match (&given, &theirs.base) {
        (Some(b), recorded) => {
            if let (Some(r), Some(gb)) = (recorded, &b.base) {
                if r != gb {
                    let _ = writeln!(err, "fzbg: {theirs_path}: 对方文件记录的基础版本不是 --base 给出的文件 / THEIRS names another base than --base");
                }
            }
            (Some(&b.draft.report), "base")
        }
        (None, Some(recorded)) if mine.base.as_ref() == Some(recorded) => (Some(&mine.draft.report), "mine"),
        (None, _) => (None, "none"),
    };
    let merge = three_way(base, &mine.draft.report, &theirs.draft.report);
    let undecidable = merge.rows().filter(|r| matches!(r.kind, RowKind::Conflict | RowKind::Differs)).count();

    if json {
        let value = to_json(&merge, &mine, &theirs, from, mismatch.as_ref());
        let _ = writeln!(out, "{}", serde_json::to_string_pretty(&value).expect("the merge serialises"));
    } else {
        print_table(out, &merge, theirs_path, base_path, from, mismatch.as_ref());
    }
    if undecidable > 0 {
        1
    } else {
        0
    }
}

fn slot_name(s: Slot) -> &'static str {
    match s {
        Slot::Part => "part",
        Slot::Heading => "heading",
        Slot::Line => "paragraph",
        Slot::Item => "item",
    }
}

fn to_json(m: &Merge, mine: &Read, theirs: &Read, from: &str, mismatch: Option<&fazhi_report::report::merge::Mismatch>) -> serde_json::Value {
    use serde_json::json;
    let text = |s: &Option<Side>| s.as_ref().map(|s| s.text.clone());
    let row = |r: &MergeRow| {
        json!({
            "slot": slot_name(r.slot), "summary": r.summary(),
            "base": text(&r.base), "mine": text(&r.mine), "theirs": text(&r.theirs),
            "mine_moved": r.mine_moved, "theirs_moved": r.theirs_moved,
        })
    };
    let parts: Vec<_> = m
        .parts
        .iter()
        .map(|p| {
            let (kind, nth) = match p.key {
                PartKey::Front => ("front", 0),
                PartKey::Section { kind, nth } => (kind.as_str(), nth),
            };
            let of = |k: RowKind| p.rows.iter().filter(|r| r.kind == k).map(row).collect::<Vec<_>>();
            json!({
                "part": kind, "nth": nth, "label": p.label,
                "theirs_only": of(RowKind::TheirsOnly), "mine_only": of(RowKind::MineOnly),
                "conflicts": of(RowKind::Conflict), "differs": of(RowKind::Differs),
                "same": p.rows.iter().filter(|r| r.kind == RowKind::Same).count(),
            })
        })
        .collect();
    let count = |k: RowKind| m.rows().filter(|r| r.kind == k).count();
    json!({
        "base": { "found": m.base_found, "from": (from != "none").then_some(from), "recorded": theirs.base },
        "mine_identity": mine.identity,
        "theirs_identity": theirs.identity,
        "mismatch": mismatch.map(|m| json!({ "unit": m.unit, "year": m.year, "draft": m.draft, "message": m.sentence() })),
        "parts": parts,
        "totals": {
            "theirs_only": count(RowKind::TheirsOnly), "mine_only": count(RowKind::MineOnly),
            "conflicts": count(RowKind::Conflict), "differs": count(RowKind::Differs),
        },
    })
}

/// Changed stretches in 【】; unchanged ones longer than 40 characters cut
/// to their ends around …; a missing side is 已删除 or 无.
fn marked(side: Option<&Side>, absent: &str) -> String {
    let Some(s) = side else { return format!("（{absent}）") };
    let cut = |t: &str| {
        let cs: Vec<char> = t.chars().collect();
        if cs.len() <= 40 {
            t.to_string()
        } else {
            format!("{}…{}", cs[..12].iter().collect::<String>(), cs[cs.len() - 12..].iter().collect::<String>())
        }
    };
    let text: String = s.spans.iter().map(|sp| if sp.changed { format!("【{}】", sp.text) } else { cut(&sp.text) }).collect();
    text.replace('\n', "\n            ")
}

fn print_table(out: &mut dyn Write, m: &Merge, theirs_path: &str, base_path: Option<&str>, from: &str, mismatch: Option<&fazhi_report::report::merge::Mismatch>) {
    if let Some(mm) = mismatch {
        let _ = writeln!(out, "注意 note: {}（按 --force 合并 merged with --force）", mm.sentence());
    }
    let _ = match from {
        "base" => writeln!(out, "基础版本 base: {}", base_path.unwrap_or_default()),
        "mine" => writeln!(out, "基础版本 base: MINE（正是对方文件记录的版本 the revision THEIRS names）"),
        _ => writeln!(out, "基础版本 base: 未找到，按两个版本对比 not found: two-way comparison"),
    };
    let _ = writeln!(out, "对方 theirs: {theirs_path}");
    for p in &m.parts {
        let changed: Vec<&MergeRow> = p.rows.iter().filter(|r| r.kind != RowKind::Same).collect();
        if changed.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n== {} ==", p.label);
        for r in changed {
            let tag = match r.kind {
                RowKind::TheirsOnly => "对方 theirs-only",
                RowKind::MineOnly => "我的 mine-only",
                RowKind::Conflict => "冲突 conflict",
                RowKind::Differs => "不同 differs",
                RowKind::Same => "相同 same",
            };
            let _ = writeln!(out, "  [{tag}] {}", r.summary());
            let absent = if r.base.is_some() { "已删除" } else { "无" };
            let same_as_base = |side: &Option<Side>| r.base.is_some() && side.as_ref().map(|s| &s.text) == r.base.as_ref().map(|b| &b.text);
            if let Some(b) = &r.base {
                let _ = writeln!(out, "    原 base:     {}", marked(Some(b), "无"));
            }
            for (who, side) in [("我 mine:    ", &r.mine), ("对方 theirs:", &r.theirs)] {
                let shown = if same_as_base(side) { "（同原文 as base）".to_string() } else { marked(side.as_ref(), absent) };
                let _ = writeln!(out, "    {who} {shown}");
            }
        }
    }
    let count = |k: RowKind| m.rows().filter(|r| r.kind == k).count();
    let _ = writeln!(
        out,
        "\n合计 total: 对方的修改 theirs-only {}，我的修改 mine-only {}，冲突 conflicts {}{}",
        count(RowKind::TheirsOnly),
        count(RowKind::MineOnly),
        count(RowKind::Conflict),
        if m.base_found { String::new() } else { format!("，不同 differs {}", count(RowKind::Differs)) }
    );
}
