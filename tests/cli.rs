//! The `fzbg` command-line tool, run as a reviewer would run it.

use std::process::Command;

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed/000_7470bc842f3634e7.txt");

fn fzbg(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_fzbg")).args(args).output().unwrap();
    (out.status.code().unwrap(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn temp(name: &str, bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("fzbg-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn inspect_json_on_the_seed_is_the_documented_interface() {
    let (code, out, _) = fzbg(&["inspect", SEED, "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["encoding"], "utf-8");
    assert_eq!(v["chars"], 2792);
    assert_eq!(v["title"], serde_json::Value::Null);
    assert_eq!(v["missing"], serde_json::json!([]));
    assert_eq!(v["unplaced_chars"], 0);
    let sections = v["sections"].as_array().unwrap();
    let got: Vec<(String, usize, usize)> = sections
        .iter()
        .map(|s| (s["kind"].as_str().unwrap().to_string(), s["items"].as_u64().unwrap() as usize, s["chars"].as_u64().unwrap() as usize))
        .collect();
    let want = [("measures", 3, 1396), ("shortcomings", 3, 342), ("first_responsible", 4, 573), ("next_year", 3, 392), ("other_matters", 0, 13)];
    assert_eq!(got, want.map(|(k, i, c)| (k.to_string(), i, c)));
    assert_eq!(sections[0]["heading"], "一、2023年度推进法治政府建设的主要工作举措及成效");
    assert_eq!(sections[0]["year"], 2023);
    assert_eq!(sections[3]["year"], serde_json::Value::Null);
}

#[test]
fn inspect_table_and_render() {
    let (code, out, _) = fzbg(&["inspect", SEED]);
    assert_eq!(code, 0);
    assert!(out.contains("first_responsible") && out.contains("缺少 missing:    无 none"), "{out}");
    let (code, out, _) = fzbg(&["render", SEED]);
    assert_eq!(code, 0);
    assert_eq!(out.as_bytes(), std::fs::read(SEED).unwrap().as_slice());
}

#[test]
fn a_gbk_file_is_rendered_as_utf8() {
    let text = "一、主要举措和成效\r\n1. 健全制度。";
    let (gbk, _, _) = encoding_rs::GBK.encode(text);
    let path = temp("gbk.txt", &gbk);
    let (code, out, _) = fzbg(&["render", &path]);
    assert_eq!((code, out.as_str()), (0, text));
    let (_, json, _) = fzbg(&["inspect", &path, "--json"]);
    assert!(json.contains("\"encoding\": \"gb18030\""), "{json}");
}

#[test]
fn unreadable_input_exits_2_with_one_line_in_chinese_and_english() {
    let cases = [
        (temp("empty.txt", b""), "空的"),
        (temp("renamed.txt", b"PK\x03\x04 a docx renamed"), "Word"),
        (temp("renamed-pdf.txt", b"%PDF-1.7"), "PDF"),
        (temp("binary.txt", &[0u8, 1, 2, 3, 0, 0]), "不是文本文件"),
        ("/nonexistent/file.txt".to_string(), "无法读取"),
    ];
    for (path, zh) in cases {
        let (code, out, err) = fzbg(&["inspect", &path]);
        assert_eq!(code, 2, "{path}");
        assert!(out.is_empty());
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(zh) && err.contains(" / "), "{err}");
    }
    // 50 MB is refused before it is read.
    let big = temp("big.txt", &vec![b'a'; 50 * 1024 * 1024]);
    let (code, _, err) = fzbg(&["render", &big]);
    assert_eq!(code, 2);
    assert!(err.contains("过大") && err.contains("too large"), "{err}");
    std::fs::remove_file(big).unwrap();
}

#[test]
fn usage_errors_exit_2_and_help_exits_0() {
    assert_eq!(fzbg(&["frobnicate"]).0, 2);
    assert_eq!(fzbg(&["inspect"]).0, 2);
    let (code, out, _) = fzbg(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("fzbg inspect FILE [--json]"));
}

#[test]
fn check_many_files_as_a_table_or_json_with_exit_codes() {
    let clean = temp("clean.txt", fazhi_report::report::guidance::example_report(2025).as_bytes());
    let (code, out, _) = fzbg(&["check", &clean]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("0 个错误 errors, 0 个提醒 warnings"), "{out}");

    let (code, out, _) = fzbg(&["check", SEED, &clean]);
    assert_eq!(code, 1);
    assert!(out.contains("shortcomings-without-causes") && out.contains("half-width-punctuation"), "{out}");

    let (code, out, _) = fzbg(&["check", SEED, "--json"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["file"], SEED);
    let first = &v["findings"][0];
    assert_eq!((first["rule"].as_str(), first["severity"].as_str(), first["line"].as_u64()), (Some("half-width-punctuation"), Some("warning"), Some(1)));

    let missing = "/nonexistent/report.txt";
    let (code, out, err) = fzbg(&["check", &clean, missing, SEED, "--json"]);
    assert_eq!(code, 2, "an unreadable file wins, and the others are still checked");
    assert!(err.contains(missing));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);

    let (code, out, _) = fzbg(&["check", &clean, "--kind", "department", "--today", "2026-03-10"]);
    assert_eq!(code, 1);
    assert!(out.contains("deadline") && out.contains("报送时限已过"), "{out}");
    assert_eq!(fzbg(&["check", &clean, "--kind", "ministry"]).0, 2);
}

#[test]
fn export_converts_between_formats_without_losing_a_character() {
    let dir = std::env::temp_dir().join(format!("fzbg-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = |name: &str| dir.join(name).to_string_lossy().into_owned();
    assert_eq!(fzbg(&["export", SEED, "--to", "docx", "-o", &out("seed.docx")]).0, 0);
    assert_eq!(fzbg(&["export", &out("seed.docx"), "--to", "share", "-o", &out("seed.fzbg.json")]).0, 0);
    assert_eq!(fzbg(&["export", &out("seed.fzbg.json"), "--to", "txt", "-o", &out("seed.txt")]).0, 0);
    assert_eq!(std::fs::read(out("seed.txt")).unwrap(), std::fs::read(SEED).unwrap());
    assert_eq!(fzbg(&["export", SEED, "--to", "txt", "--gbk", "--crlf", "-o", &out("seed-gbk.txt")]).0, 0);
    let gbk = std::fs::read(out("seed-gbk.txt")).unwrap();
    let (text, _, bad) = encoding_rs::GBK.decode(&gbk);
    assert!(!bad);
    assert_eq!(text.replace("\r\n", "\n"), std::fs::read_to_string(SEED).unwrap());
    assert_eq!(fzbg(&["export", SEED, "--to", "pdf", "-o", &out("x")]).0, 2);
    let (code, _, err) = fzbg(&["export", &temp("bad.docx", b"PK\x03\x04 broken"), "--to", "txt", "-o", &out("y")]);
    assert_eq!(code, 2);
    assert!(err.contains("fzbg:"), "{err}");
}

#[test]
fn check_against_last_years_report() {
    let following = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/previous/2024-following.txt");
    let (code, out, err) = fzbg(&["check", "--previous", SEED, following]);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    assert!(out.contains("0 个错误 errors, 2 个提醒 warnings"), "{out}");
    assert!(out.contains("“统筹推进法治建设工作”") && out.contains("“加大单位制度执行力度”"), "{out}");
    assert!(!out.contains("认真抓好普法工作落实"), "reported on in 主要举措和成效: {out}");

    // Last year's report as .docx or a GBK text gives the same findings, as JSON too.
    let dir = std::env::temp_dir().join(format!("fzbg-previous-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let docx = dir.join("last.docx").to_string_lossy().into_owned();
    assert_eq!(fzbg(&["export", SEED, "--to", "docx", "-o", &docx]).0, 0);
    let gbk = dir.join("last-gbk.txt").to_string_lossy().into_owned();
    assert_eq!(fzbg(&["export", SEED, "--to", "txt", "--gbk", "-o", &gbk]).0, 0);
    for last in [&docx, &gbk] {
        let (code, json, _) = fzbg(&["check", following, "--json", "--previous", last]);
        assert_eq!(code, 0);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let findings = v["findings"].as_array().unwrap();
        let rules: Vec<&str> = findings.iter().map(|f| f["rule"].as_str().unwrap()).collect();
        assert_eq!(rules, ["previous-plan-unaddressed", "previous-plan-unaddressed"], "{last}");
        assert_eq!((findings[0]["severity"].as_str(), findings[0]["section"].as_str(), findings[0]["line"].as_u64()), (Some("warning"), Some("measures"), Some(2)));
    }

    // A paragraph carried over from last year; the other rules still decide the exit status.
    let copied = std::fs::read_to_string(following).unwrap().replace(
        "3. 督促整改落实。听取督察反馈问题整改情况汇报2次，督办整改事项6项，推动整改任务按期完成。",
        std::fs::read_to_string(SEED).unwrap().lines().nth(12).unwrap(),
    );
    let copied = temp("copied.txt", copied.as_bytes());
    let (code, out, _) = fzbg(&["check", &copied, "--previous", SEED]);
    assert_eq!(code, 0);
    assert!(out.contains("  12  提醒  copied-from-previous") && out.contains("见去年报告第 13 行"), "{out}");
    let (code, out, _) = fzbg(&["check", "--previous", following, SEED]);
    assert_eq!(code, 1, "the seed's own error: {out}");

    // Without a readable LAST nothing is checked.
    let (code, out, err) = fzbg(&["check", following, "--previous", "/nonexistent/last.txt"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("/nonexistent/last.txt") && err.contains("无法读取"), "{err}");
    assert_eq!(fzbg(&["check", following, "--previous"]).0, 2);
}

/// The sections `fzbg inspect --json` reports, with white space dropped from
/// the headings (a text export puts spaces or tabs after a marker; Word's
/// own marker is followed by a tab).
fn sections_of(path: &str) -> Vec<(String, String, u64)> {
    let (code, out, err) = fzbg(&["inspect", path, "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    v["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let heading: String = s["heading"].as_str().unwrap().chars().filter(|c| !c.is_whitespace()).collect();
            (s["kind"].as_str().unwrap().to_string(), heading, s["items"].as_u64().unwrap())
        })
        .collect()
}

#[test]
fn inspect_reads_word_numbering_as_the_same_report_with_typed_numbers() {
    // The .docx has Word-style automatic numbering (no 一、 in its text); the
    // .lo.txt is LibreOffice's own text export of it, numbers typed in.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/docx");
    for case in ["01_lo_five_parts_nested", "03_lo_heading_outline_numbered", "12_word_cn_style_numbering", "15_word_numstylelink"] {
        let docx = sections_of(&format!("{dir}/{case}.docx"));
        let txt = sections_of(&format!("{dir}/{case}.lo.txt"));
        assert_eq!(docx.len(), 5, "{case}: {docx:?}");
        assert!(docx[0].1.starts_with("一、"), "{case}: the marker Word shows: {docx:?}");
        assert_eq!(docx, txt, "{case}");
    }
    let (_, out, _) = fzbg(&["inspect", &format!("{dir}/01_lo_five_parts_nested.docx"), "--json"]);
    assert!(out.contains("\"encoding\": \"docx\""), "{out}");
}

#[test]
fn check_and_render_read_docx_and_share_files() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/docx");
    let (code, out, err) = fzbg(&["check", &format!("{dir}/12_word_cn_style_numbering.docx"), "--json"]);
    assert!(code == 0 || code == 1, "{err}");
    assert!(!out.contains("missing-section"), "all five parts found in the .docx: {out}");
    let (code, out, _) = fzbg(&["render", &format!("{dir}/12_word_cn_style_numbering.docx")]);
    assert_eq!(code, 0);
    assert!(out.contains("\n一、2024年度推进法治政府建设的主要举措和成效\n"), "{out}");
    // A share file: the report inside, not its JSON.
    let share = temp("seed.fzbg.json", &{
        let (_, _, _) = fzbg(&["export", SEED, "--to", "share", "-o", &temp("seed-share-out.fzbg.json", b"")]);
        std::fs::read(temp_path("seed-share-out.fzbg.json")).unwrap()
    });
    let (code, out, _) = fzbg(&["render", &share]);
    assert_eq!(code, 0);
    assert_eq!(out.as_bytes(), std::fs::read(SEED).unwrap().as_slice());
    let (_, out, _) = fzbg(&["check", &share, "--json"]);
    assert!(!out.contains("missing-section"), "{out}");
}

fn temp_path(name: &str) -> String {
    std::env::temp_dir().join(format!("fzbg-cli-{}", std::process::id())).join(name).to_string_lossy().into_owned()
}

#[test]
fn each_subcommand_has_its_own_help() {
    for (command, expect) in [("inspect", "fzbg inspect FILE"), ("render", "fzbg render FILE"), ("check", "--previous"), ("export", "--to txt|docx|share")] {
        for flag in ["--help", "-h"] {
            let (code, out, err) = fzbg(&[command, flag]);
            assert_eq!(code, 0, "{command} {flag}: {err}");
            assert!(out.contains(expect), "{command} {flag}: {out}");
            assert!(out.contains("退出状态"), "{command}: {out}");
            // Only this subcommand's lines.
            let others = ["fzbg inspect", "fzbg render", "fzbg check", "fzbg export"].iter().filter(|o| !o.ends_with(command)).filter(|o| out.contains(**o)).count();
            assert_eq!(others, 0, "{command}: {out}");
        }
    }
    // Still an error for an unknown command.
    let (code, _, _) = fzbg(&["nosuch", "--help"]);
    assert_eq!(code, 2);
}

/// Issue #17: what the author set aside in the app travels in the share
/// file; `check` lists it apart and does not count it; `--ignore` leaves
/// whole rules out; an unknown rule name is a usage error.
#[test]
fn check_lists_findings_set_aside_in_a_share_file_apart() {
    use fazhi_report::report::deadline::Date;
    use fazhi_report::report::formats::export_share;
    use fazhi_report::report::{check::RuleId, parse, Draft};

    let today = Date::parse("2024-02-01").unwrap();
    let mut draft = Draft::from_report("d-aside", parse(&std::fs::read_to_string(SEED).unwrap()), "seed", 2023, 0);
    let found = draft.check(today);
    let causes = found.iter().find(|f| f.rule == RuleId::ShortcomingsWithoutCauses).unwrap().clone();
    let shufa = found.iter().find(|f| f.rule == RuleId::FirstResponsibleShufa).unwrap().clone();
    draft.set_finding_aside(&causes, "原因已在第五部分集中说明", today);
    draft.set_finding_aside(&shufa, "", today);
    let share = temp("aside.fzbg.json", &export_share(&draft, 0));

    let (code, out, _) = fzbg(&["check", "--json", &share]);
    assert_eq!(code, 0, "the only error is set aside: {out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rules = |key: &str| -> Vec<String> {
        v[key].as_array().unwrap().iter().map(|f| f["finding"].get("rule").unwrap_or(&f["rule"]).as_str().unwrap().to_string()).collect()
    };
    assert_eq!(rules("set_aside"), ["shortcomings-without-causes", "first-responsible-shufa"]);
    assert_eq!(v["set_aside"][0]["reason"], "原因已在第五部分集中说明");
    assert!(!rules("findings").contains(&"shortcomings-without-causes".to_string()));
    assert_eq!(rules("findings").len(), found.len() - 2);

    let (_, table, _) = fzbg(&["check", &share]);
    assert!(table.contains("另有 2 条已由作者忽略（其中 1 个错误）"), "{table}");
    assert!(table.contains("（理由：原因已在第五部分集中说明）"), "{table}");

    let (code, out, _) = fzbg(&["check", "--json", "--ignore", "half-width-punctuation,shortcoming-without-remedy", SEED]);
    assert_eq!(code, 1, "the seed's causes error is not set aside in a text file");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let kept: Vec<&str> = v["findings"].as_array().unwrap().iter().map(|f| f["rule"].as_str().unwrap()).collect();
    assert_eq!(kept, ["shortcomings-without-causes", "first-responsible-shufa"]);
    assert_eq!(v["ignored"].as_array().unwrap().len(), 15);
    assert_eq!(v["set_aside"], serde_json::json!([]));

    let (code, _, err) = fzbg(&["check", "--ignore", "no-such-rule", SEED]);
    assert_eq!(code, 2);
    assert!(err.contains("没有名为 no-such-rule 的规则"), "{err}");
}

/// Issue #24: `inspect --json` names the 公文's frame, and `export --to docx`
/// lays the closing out sealed or unsealed as the author chooses.
#[test]
fn the_frame_in_inspect_and_the_seal_in_export() {
    let framed = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/49_frame_sealed_annex.txt");
    let (code, out, _) = fzbg(&["inspect", framed, "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let f = &v["frame"];
    assert_eq!((f["addressee"].as_str(), f["doc_number"].as_str()), (Some("区人民政府"), Some("临司〔2026〕5号")));
    assert_eq!((f["signature"].as_str(), f["date"].as_str()), (Some("青石市临溪区司法局"), Some("2026年2月26日")));
    assert!(f["annex"].as_str().unwrap().starts_with("附件："));
    assert_eq!(v["sections"][4]["items"], 1, "the closing lines are not 其他需要报告的情况's");
    assert!(!v["preamble"].as_str().unwrap().contains("区人民政府："));

    let dir = std::env::temp_dir().join(format!("fzbg-seal-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = |name: &str| dir.join(name).to_string_lossy().into_owned();
    let xml = |path: &str| {
        use std::io::Read;
        let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
        let mut s = String::new();
        zip.by_name("word/document.xml").unwrap().read_to_string(&mut s).unwrap();
        s
    };
    assert_eq!(fzbg(&["export", framed, "--to", "docx", "--sealed", "-o", &out("sealed.docx")]).0, 0);
    assert_eq!(fzbg(&["export", framed, "--to", "docx", "--unsealed", "-o", &out("unsealed.docx")]).0, 0);
    // 成文日期右空四字 with a seal (1260 twip), 右空二字 or more without.
    assert!(xml(&out("sealed.docx")).contains(r#"<w:ind w:right="1260" w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="right"/></w:pPr><w:r><w:t xml:space="preserve">2026年2月26日"#));
    assert!(!xml(&out("unsealed.docx")).contains(r#"w:right="1260" w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="right"/></w:pPr><w:r><w:t xml:space="preserve">2026年2月26日"#));
    let (code, _, err) = fzbg(&["export", framed, "--to", "txt", "--sealed", "-o", &out("x.txt")]);
    assert_eq!(code, 2);
    assert!(err.contains("--to docx"), "{err}");
    let (code, _, err) = fzbg(&["export", framed, "--to", "docx", "--sealed", "--unsealed", "-o", &out("x.docx")]);
    assert_eq!(code, 2);
    assert!(err.contains("只能选一个"), "{err}");
}
