//! `fzbg merge MINE THEIRS [--base BASE] [--json] [--force]` on the cases of
//! tests/merge_three_way.rs, and `fzbg check`/`render` reading share files.

use std::process::Command;

const BASE: &str = "\
区国资委2023年度法治政府建设情况报告
现将有关情况报告如下。
一、2023年度推进法治政府建设的主要举措和成效
1. 加强组织领导。成立领导小组，召开专题会议3次。
2. 强化普法教育。开展普法活动150场次。营造良好氛围。
3. 规范行政执法。全面推行三项制度。
二、2023年度推进法治政府建设存在的不足和原因
存在的不足：学习不够深入。原因：重视不够。
三、2024年度推进法治政府建设的主要安排
1. 完善制度建设。
2. 加强执法培训。
";

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed/000_7470bc842f3634e7.txt");
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/merge");

fn fzbg(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_fzbg")).args(args).output().unwrap();
    (out.status.code().unwrap(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn temp(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("fzbg-merge-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

/// `fzbg merge … --json` with BASE as the base: exit status and the JSON.
fn merge_json(name: &str, mine: &str, theirs: &str) -> (i32, serde_json::Value) {
    let (b, m, t) = (temp(&format!("{name}-base.txt"), BASE), temp(&format!("{name}-mine.txt"), mine), temp(&format!("{name}-theirs.txt"), theirs));
    let (code, out, err) = fzbg(&["merge", &m, &t, "--base", &b, "--json"]);
    assert_eq!(err, "", "{name}");
    (code, serde_json::from_str(&out).unwrap())
}

fn totals(v: &serde_json::Value) -> [u64; 4] {
    let t = &v["totals"];
    ["theirs_only", "mine_only", "conflicts", "differs"].map(|k| t[k].as_u64().unwrap())
}

/// Every row of one kind, over all parts.
fn rows<'a>(v: &'a serde_json::Value, kind: &str) -> Vec<&'a serde_json::Value> {
    v["parts"].as_array().unwrap().iter().flat_map(|p| p[kind].as_array().unwrap()).collect()
}

#[test]
fn theirs_only_mine_only_and_the_same_change() {
    let (code, v) = merge_json("theirs", BASE, &BASE.replace("营造良好氛围", "营造浓厚氛围"));
    assert_eq!((code, totals(&v)), (0, [1, 0, 0, 0]));
    assert_eq!(v["base"]["found"], true);
    let row = rows(&v, "theirs_only")[0];
    assert_eq!(row["summary"], "对方修改了这一条");
    assert_eq!(row["theirs"], "强化普法教育。开展普法活动150场次。营造浓厚氛围。");
    assert_eq!(row["base"], "强化普法教育。开展普法活动150场次。营造良好氛围。");

    let (code, v) = merge_json("mine", &BASE.replace("召开专题会议3次", "召开专题会议5次"), BASE);
    assert_eq!((code, totals(&v)), (0, [0, 1, 0, 0]));
    assert_eq!(rows(&v, "mine_only")[0]["summary"], "我修改了这一条（保留）");

    let same = BASE.replace("150场次", "200场次");
    let (code, v) = merge_json("same", &same, &same);
    assert_eq!((code, totals(&v)), (0, [0, 0, 0, 0]));
}

#[test]
fn a_conflict_shows_three_versions_and_exits_1() {
    let (code, v) = merge_json("conflict", &BASE.replace("150场次", "180场次"), &BASE.replace("营造良好氛围。", "营造浓厚的法治氛围。"));
    assert_eq!((code, totals(&v)), (1, [0, 0, 1, 0]));
    let row = rows(&v, "conflicts")[0];
    assert_eq!(
        [&row["base"], &row["mine"], &row["theirs"]],
        [
            "强化普法教育。开展普法活动150场次。营造良好氛围。",
            "强化普法教育。开展普法活动180场次。营造良好氛围。",
            "强化普法教育。开展普法活动150场次。营造浓厚的法治氛围。"
        ]
    );
    // The table marks the changed stretches.
    let (b, m, t) = (temp("c-base.txt", BASE), temp("c-mine.txt", &BASE.replace("150场次", "180场次")), temp("c-theirs.txt", &BASE.replace("营造良好氛围。", "营造浓厚的法治氛围。")));
    let (code, out, _) = fzbg(&["merge", &m, &t, "--base", &b]);
    assert_eq!(code, 1);
    assert!(out.contains("[冲突 conflict] 双方都修改了这一条，修改不同"), "{out}");
    assert!(out.contains("我 mine:     强化普法教育。开展普法活动【180】场次。营造良好氛围。"), "{out}");
    assert!(out.contains("合计 total: 对方的修改 theirs-only 0，我的修改 mine-only 0，冲突 conflicts 1"), "{out}");
}

#[test]
fn added_deleted_reordered_and_a_part_added() {
    let theirs = BASE
        .replace(
            "1. 加强组织领导。成立领导小组，召开专题会议3次。\n2. 强化普法教育。开展普法活动150场次。营造良好氛围。\n3. 规范行政执法。全面推行三项制度。\n",
            "1. 强化普法教育。开展普法活动150场次。营造良好氛围。\n2. 加强组织领导。成立领导小组，召开专题会议3次。\n",
        )
        .replace("2. 加强执法培训。\n", "2. 加强执法培训。\n3. 推进数字法治建设。\n");
    let (code, v) = merge_json("moves", BASE, &theirs);
    assert_eq!(code, 0);
    let summaries: Vec<&str> = rows(&v, "theirs_only").iter().map(|r| r["summary"].as_str().unwrap()).collect();
    assert_eq!(summaries, ["对方调整了顺序：这一条", "对方删除了这一条", "对方新增了这一条"]);
    assert_eq!(rows(&v, "theirs_only")[0]["theirs_moved"], true);
    assert_eq!(rows(&v, "theirs_only")[1]["theirs"], serde_json::Value::Null);

    let with_part = format!("{BASE}四、其他需要报告的情况\n无。\n");
    let (code, v) = merge_json("part", BASE, &with_part);
    assert_eq!((code, totals(&v)), (0, [1, 0, 0, 0]));
    let part = v["parts"].as_array().unwrap().iter().find(|p| p["part"] == "other_matters").unwrap();
    assert_eq!(part["theirs_only"][0]["slot"], "part");
    assert_eq!(part["theirs_only"][0]["theirs"], "四、其他需要报告的情况\n无。");
}

#[test]
fn without_a_base_the_comparison_is_two_way_and_says_so() {
    let m = temp("nb-mine.txt", &BASE.replace("召开专题会议3次", "召开专题会议5次"));
    let t = temp("nb-theirs.txt", &BASE.replace("营造良好氛围", "营造浓厚氛围"));
    let (code, out, _) = fzbg(&["merge", &m, &t, "--json"]);
    assert_eq!(code, 1, "differences nobody can attribute are the author's to decide");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["base"]["found"], false);
    assert_eq!(totals(&v), [0, 0, 0, 2]);
    assert!(rows(&v, "differs").iter().all(|r| r["base"].is_null()));
    let (_, out, _) = fzbg(&["merge", &m, &t]);
    assert!(out.starts_with("基础版本 base: 未找到，按两个版本对比 not found: two-way comparison"), "{out}");
}

#[test]
fn a_docx_that_names_mine_as_its_base_merges_three_way() {
    let sent = format!("{FIXTURES}/sent.fzbg.json");
    let theirs = format!("{FIXTURES}/colleague-libreoffice.docx");
    let (code, out, err) = fzbg(&["merge", &sent, &theirs, "--json"]);
    assert_eq!((code, err.as_str()), (0, ""));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!((&v["base"]["found"], &v["base"]["from"]), (&serde_json::json!(true), &serde_json::json!("mine")));
    assert_eq!(v["base"]["recorded"]["unit"], "区国资委");
    assert_eq!(totals(&v), [1, 0, 0, 0]);
    assert!(rows(&v, "theirs_only")[0]["theirs"].as_str().unwrap().contains("营造浓厚氛围"));
}

#[test]
fn another_units_report_is_refused_unless_forced() {
    let other = BASE.replace("区国资委2023年度", "某县市场监管局2022年度");
    let (m, t) = (temp("id-mine.txt", BASE), temp("id-other.txt", &other));
    let (code, out, err) = fzbg(&["merge", &m, &t]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("这是某县市场监管局 2022 年度的报告，当前草稿是区国资委 2023 年度。") && err.contains("--force"), "{err}");
    assert_eq!(err.lines().count(), 1);
    let (code, out, _) = fzbg(&["merge", &m, &t, "--force", "--json"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["mismatch"]["message"], "这是某县市场监管局 2022 年度的报告，当前草稿是区国资委 2023 年度。");
    assert_eq!((&v["mismatch"]["unit"], &v["mismatch"]["year"]), (&serde_json::json!(true), &serde_json::json!(true)));
}

#[test]
fn usage_errors() {
    let m = temp("u.txt", BASE);
    assert_eq!(fzbg(&["merge", &m]).0, 2);
    assert_eq!(fzbg(&["merge", &m, &m, "--base"]).0, 2);
    assert_eq!(fzbg(&["merge", &m, &m, "--frobnicate"]).0, 2);
    assert_eq!(fzbg(&["merge", &m, "/nonexistent/theirs.txt"]).0, 2);
    let (code, out, _) = fzbg(&["merge", "--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("fzbg merge MINE THEIRS [--base BASE] [--json] [--force]"), "{out}");
}

#[test]
fn check_and_render_read_the_report_inside_a_share_file() {
    let share = format!("{FIXTURES}/sent.fzbg.json");
    let (code, out, _) = fzbg(&["render", &share]);
    assert_eq!(code, 0);
    assert_eq!(out.as_bytes(), std::fs::read(SEED).unwrap().as_slice());
    let (code_share, share_json, _) = fzbg(&["check", &share, "--json"]);
    let (code_seed, seed_json, _) = fzbg(&["check", SEED, "--json"]);
    assert_eq!(code_share, code_seed);
    let findings = |s: &str| serde_json::from_str::<serde_json::Value>(s).unwrap()["findings"].clone();
    assert_eq!(findings(&share_json), findings(&seed_json), "the same findings as the text it holds");
    assert!(!findings(&share_json).as_array().unwrap().is_empty());
    // Cut short: named as such, exit 2.
    let bytes = std::fs::read(&share).unwrap();
    let cut = temp("cut.fzbg.json", "");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let (code, _, err) = fzbg(&["check", &cut]);
    assert_eq!(code, 2);
    assert!(err.contains("分享文件不完整或已损坏，可能没有下载完"), "{err}");
}
