//! `fzbg review`: a folder of reports as the reviewer's table, with the
//! passages two units copied from each other.

use std::process::Command;

fn fzbg(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_fzbg")).args(args).output().unwrap();
    (out.status.code().unwrap(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

const SHARED: &str = "强化行政执法监督。全年组织开展行政执法案卷评查2次，评查案卷86卷，发现问题12个，已全部整改到位。";

fn report(unit: &str, own: &str, shared: bool) -> String {
    format!(
        "{unit}2025年度法治政府建设情况报告\n一、2025年度推进法治政府建设的主要举措和成效\n1. {own}\n{}二、2025年度推进法治政府建设存在的不足和原因\n一是学习不够深入。主要原因是重视不够。\n三、2025年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况\n主要负责人带头学法。\n四、2026年度推进法治政府建设的主要安排\n继续推进依法行政。\n五、其他需要报告的情况\n无。\n",
        if shared { format!("2. {SHARED}\n") } else { String::new() }
    )
}

#[test]
fn a_folder_becomes_one_row_per_file_with_the_copied_pair_and_a_csv() {
    let dir = std::env::temp_dir().join(format!("fzbg-review-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a-甲局.txt"), report("甲局", "健全依法决策机制。全年提请集体讨论重大行政决策事项5项。", true)).unwrap();
    std::fs::write(dir.join("b-乙局.txt"), report("乙局", "推进政务公开。主动公开政府信息320条，办理依申请公开14件。", true)).unwrap();
    std::fs::write(dir.join("c-丙局.txt"), report("丙局", "开展普法宣传。组织法治讲座6场，发放宣传资料3000余份。", false)).unwrap();
    std::fs::write(dir.join("d-坏.txt"), [0u8, 1, 2, 0x1b].repeat(100)).unwrap();
    let csv = dir.join("review.csv");

    let (code, out, err) = fzbg(&["review", dir.to_str().unwrap(), "--json", "--csv", csv.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rows = v["reports"].as_array().unwrap();
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[0]["unit"], "甲局");
    assert_eq!(rows[0]["year"], 2025);
    assert_eq!(rows[0]["parts"], serde_json::json!(["有", "有", "有", "有", "有"]));
    assert_eq!(rows[0]["copied_with"], serde_json::json!(["乙局"]));
    assert_eq!(rows[2]["copied_paragraphs"], 0);
    assert_eq!(rows[3]["parts"], serde_json::Value::Null);
    assert!(rows[3]["worst"].as_str().unwrap().contains("不是文本文件"), "{}", rows[3]["worst"]);
    let copying = v["copying"].as_array().unwrap();
    assert_eq!(copying.len(), 1);
    assert_eq!(copying[0]["a"], "a-甲局.txt");
    assert_eq!(copying[0]["b"], "b-乙局.txt");
    assert_eq!(copying[0]["passages"][0]["a_place"], "第一部分 第2条");
    assert_eq!(copying[0]["passages"][0]["a_text"], SHARED);

    let csv = std::fs::read(&csv).unwrap();
    assert!(csv.starts_with("\u{feff}序号,单位,年度".as_bytes()));
    assert_eq!(String::from_utf8(csv).unwrap().matches("\r\n").count(), 5);

    let (code, out, _) = fzbg(&["review", dir.join("c-丙局.txt").to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(out.contains("c-丙局.txt  丙局 2025"), "{out}");
    let (code, _, err) = fzbg(&["review"]);
    assert_eq!(code, 2);
    assert!(err.contains("review 需要"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}
