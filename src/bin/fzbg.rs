//! `fzbg` — the reviewers' command-line tool, built from the same core as the
//! web app (src/report). Native only. See docs/CLI.md.
//!
//! Exit status: 0 success; 1 findings with errors (check); 2 unreadable input
//! or bad usage, with a one-line message in Chinese and English on stderr.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = cli::run(&args, &mut std::io::stdout().lock(), &mut std::io::stderr().lock());
    std::process::exit(code);
}

#[cfg(not(target_arch = "wasm32"))]
#[path = "fzbg/review.rs"]
mod review;

#[cfg(not(target_arch = "wasm32"))]
#[path = "fzbg/merge.rs"]
mod merge_cmd;

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::io::Write;

    use fazhi_report::report::decode::{decode, MAX_TEXT_BYTES};
    use fazhi_report::report::inspect::inspect_as;
    use fazhi_report::report::{parse, render};

    const USAGE: &str = "\
fzbg — 法治政府建设年度报告 命令行工具 (command-line tool for annual rule-of-law reports)

用法 Usage:
  fzbg inspect FILE [--json]   编码、字数、标题、开头段和各部分 / encoding, size, title, preamble, sections
  fzbg render FILE             规范化后的全文（UTF-8）/ the normalised text, UTF-8, on stdout
  fzbg check FILE... [--json] [--year N] [--kind KIND] [--today YYYY-MM-DD] [--previous LAST] [--ignore RULE[,RULE]]
                               对照规定检查，可一次检查多个文件 / check against the regulation, many files at once
                               --ignore 不计这些规则的结果（另行列出）；分享文件中作者已忽略的也另行列出、不计入
                               / leave these rules out (listed apart); what the author set aside in a share file likewise
                               KIND: department | local_government | township_street | other
                               (--kind 时按今天的日期检查报送时限 / with --kind, deadlines are checked against today)
                               --previous 上一年度报告（.txt、.docx 或分享文件）：检查去年安排的落实情况和照抄去年的内容
                               / last year's report: its plans reported on, sentences copied from it
  fzbg export FILE --to txt|docx|share -o OUT [--gbk] [--bom] [--crlf] [--sealed|--unsealed]
                               转换格式（FILE 可为 .txt、.docx 或分享文件）/ convert (FILE: .txt, .docx or a share file)
                               docx 落款：--sealed 加盖印章（GB/T 9704 7.3.5.1），--unsealed 不加盖印章（7.3.5.2，默认）
                               / the .docx closing: sealed (7.3.5.1) or unsealed (7.3.5.2, the default)
  fzbg review DIR|FILE... [--csv OUT] [--json]
                               审阅多份报告：每份一行（五部分、错误、提醒），并找出报告之间雷同的段落
                               / many reports: one row each (parts, errors, warnings) and passages copied between them
  fzbg merge MINE THEIRS [--base BASE] [--json] [--force]
                               三方对比：对方改的、我改的、双方都改的（冲突），逐部分列出 / three-way comparison per part:
                               theirs-only, mine-only, conflicts. BASE: 发给对方的那一版；不给出时，若 MINE 正是对方
                               文件记录的版本则用 MINE，否则按两个版本对比 / the version sent; without it MINE when it is
                               the version THEIRS records, else a two-way comparison. 不是同一份报告（单位、年度或草稿不同）
                               时拒绝，除非 --force / refuses another report (unit, year, draft) unless --force
  fzbg --help | --version

退出状态 Exit status: 0 成功、无错误 success, no errors; 1 有文件存在错误 a file has errors (merge: 有冲突 conflicts);
                      2 有文件无法读取或用法错误（其余文件照常检查）unreadable file or bad usage (the others are still checked).
";

    /// One subcommand's lines of [`USAGE`]: from its `fzbg NAME` line up to
    /// the next command's, plus the exit status paragraph.
    fn subcommand_usage(name: &str) -> Option<String> {
        let lines: Vec<&str> = USAGE.lines().collect();
        let start = lines.iter().position(|l| l.trim_start().starts_with(&format!("fzbg {name} ")))?;
        let end = lines[start + 1..].iter().position(|l| l.trim_start().starts_with("fzbg ")).map_or(lines.len(), |p| start + 1 + p);
        let status = lines.iter().position(|l| l.starts_with("退出状态")).map(|i| lines[i..].join("\n")).unwrap_or_default();
        Some(format!("用法 Usage:\n{}\n\n{status}\n", lines[start..end].join("\n")))
    }

    pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        // `fzbg SUBCOMMAND --help` (or -h): that subcommand's usage, exit 0.
        if let [command, rest @ ..] = args.as_slice() {
            if rest.iter().any(|a| matches!(*a, "--help" | "-h")) {
                if let Some(text) = subcommand_usage(command) {
                    let _ = write!(out, "{text}");
                    return 0;
                }
            }
        }
        match args.as_slice() {
            [] | ["--help"] | ["-h"] | ["help"] => {
                let _ = write!(out, "{USAGE}");
                0
            }
            ["--version"] | ["-V"] => {
                let _ = writeln!(out, "fzbg {}", env!("CARGO_PKG_VERSION"));
                0
            }
            ["inspect", rest @ ..] => {
                let json = rest.contains(&"--json");
                let files: Vec<&str> = rest.iter().copied().filter(|a| *a != "--json").collect();
                match files.as_slice() {
                    [file] => inspect_cmd(file, json, out, err),
                    _ => usage(err, "inspect 需要一个文件 / inspect takes one FILE"),
                }
            }
            ["render", file] => render_cmd(file, out, err),
            ["check", rest @ ..] => check_cmd(rest, out, err),
            ["export", rest @ ..] => export_cmd(rest, err),
            ["review", rest @ ..] => match super::review::run(rest, out, err) {
                Ok(()) => 0,
                Err(problem) => usage(err, &problem),
            },
            ["merge", rest @ ..] => crate::merge_cmd::merge_cmd(rest, out, err),
            [other, ..] => usage(err, &format!("未知命令 {other} / unknown command {other}")),
        }
    }

    pub fn usage(err: &mut dyn Write, problem: &str) -> i32 {
        let _ = writeln!(err, "fzbg: {problem}");
        let _ = write!(err, "{USAGE}");
        2
    }

    /// A report read from a file in any form the app imports.
    pub struct Read {
        /// The report as a draft: a share file's whole draft, or one made
        /// from the text or .docx.
        pub draft: fazhi_report::report::Draft,
        /// `utf-8`, `gb18030` …, `docx` or `share`: the JSON's `encoding`.
        pub format: &'static str,
        /// The same for people.
        pub format_zh: &'static str,
        /// The draft and revision the file names as its base (a share
        /// file's, or a .docx's custom properties).
        pub base: Option<fazhi_report::report::merge::Base>,
        /// Unit, year and drafts: a share file's draft, the base, or what the text says.
        pub identity: fazhi_report::report::merge::Identity,
    }

    /// Read a report as the app does — .txt in any encoding, .docx (with
    /// Word's automatic numbering and heading styles) or a share file,
    /// recognised by content — or print why not (one line, Chinese and
    /// English). Import notes such as flattened tables go to stderr.
    pub fn read_report(path: &str, err: &mut dyn Write) -> Option<Read> {
        use fazhi_report::report::formats::{import_any_based, Imported, MAX_IMPORT_BYTES};
        use fazhi_report::report::merge::Identity;
        let text_read = |path: &str, report: fazhi_report::report::Report, format, format_zh| {
            let identity = Identity::of_report(&report, None);
            Read { draft: draft_of(path, report), format, format_zh, base: None, identity }
        };
        // Refuse huge files before reading them whole.
        if let Ok(meta) = std::fs::metadata(path) {
            if meta.len() > MAX_IMPORT_BYTES.max(MAX_TEXT_BYTES) as u64 {
                let e = fazhi_report::report::decode::DecodeError::TooLarge { bytes: meta.len() as usize };
                let _ = writeln!(err, "fzbg: {path}: {} / {}", e.message_zh(), e.message_en());
                return None;
            }
        }
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                let _ = writeln!(err, "fzbg: {path}: 无法读取文件（{e}） / cannot read the file: {e}");
                return None;
            }
        };
        let gb = |b: &[u8]| encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(b).map(|t| t.into_owned());
        let is_text = !bytes.starts_with(b"PK") && !bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]);
        let looks_like_share = bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
        if is_text && !looks_like_share {
            // Text keeps decode's own messages in both languages (size, binary, encoding).
            return match decode(&bytes) {
                Ok(d) => Some(text_read(path, parse(&d.text), d.encoding.name(), d.encoding.label_zh())),
                Err(e) => {
                    let _ = writeln!(err, "fzbg: {path}: {} / {}", e.message_zh(), e.message_en());
                    None
                }
            };
        }
        match import_any_based(&bytes, &gb) {
            Ok((Imported::Text(d), _)) => Some(text_read(path, parse(&d.text), d.encoding.name(), d.encoding.label_zh())),
            Ok((Imported::Docx(d), base)) => {
                for w in &d.warnings {
                    let _ = writeln!(err, "fzbg: {path}: {w}");
                }
                let report = d.report();
                let identity = Identity::of_report(&report, base.as_ref());
                Some(Read { draft: draft_of(path, report), format: "docx", format_zh: "Word 文档", base, identity })
            }
            Ok((Imported::Share(d), base)) => {
                let mut identity = Identity::of_draft(&d);
                identity.drafts.extend(base.as_ref().map(|b| b.draft.clone()).filter(|b| !identity.drafts.contains(b)));
                Some(Read { draft: *d, format: "share", format_zh: "分享文件", base, identity })
            }
            Err(message) => {
                let _ = writeln!(err, "fzbg: {path}: {message} / the file cannot be read");
                None
            }
        }
    }

    fn inspect_cmd(path: &str, json: bool, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
        let Some(read) = read_report(path, err) else { return 2 };
        let info = inspect_as(&read.draft.report, read.format);
        if json {
            let _ = writeln!(out, "{}", serde_json::to_string_pretty(&info).expect("inspection serialises"));
            return 0;
        }
        let _ = writeln!(out, "文件 file:       {path}");
        let _ = writeln!(out, "编码 encoding:   {} ({})", info.encoding, read.format_zh);
        let _ = writeln!(out, "字数 chars:      {}", info.chars);
        let _ = writeln!(out, "标题 title:      {}", info.title.as_deref().unwrap_or("（无 none）"));
        let preamble: String = info.preamble.chars().take(60).collect();
        let more = if info.preamble.chars().count() > 60 { "…" } else { "" };
        let _ = writeln!(out, "开头段 preamble: {preamble}{more}");
        let _ = writeln!(out, "部分 sections:");
        for s in &info.sections {
            let year = s.year.map(|y| y.to_string()).unwrap_or_else(|| "-".into());
            let _ = writeln!(out, "  {:<18} {:>4} {:>3}条 {:>6}字  {}", s.kind, year, s.items, s.chars, s.heading);
        }
        if info.missing.is_empty() {
            let _ = writeln!(out, "缺少 missing:    无 none");
        } else {
            let _ = writeln!(out, "缺少 missing:    {}", info.missing.join(", "));
        }
        let _ = writeln!(out, "未归属 unplaced: {} 字 chars", info.unplaced_chars);
        0
    }

    fn check_cmd(args: &[&str], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
        use fazhi_report::report::check::{check_with_previous, format_table, sort_out, without_rules, CheckContext, RuleId, Severity};
        use fazhi_report::report::deadline::{Date, UnitKind};
        use fazhi_report::report::last_year::PreviousYear;

        let mut ctx = CheckContext::default();
        let mut json = false;
        let mut previous_file = None;
        let mut files = Vec::new();
        let mut ignore: Vec<String> = Vec::new();
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            match *arg {
                "--json" => json = true,
                "--ignore" => match it.next() {
                    Some(list) => {
                        for rule in list.split(',').map(str::trim).filter(|r| !r.is_empty()) {
                            if RuleId::parse(rule).is_none() {
                                return usage(err, &format!("--ignore：没有名为 {rule} 的规则，规则名见 docs/CHECKS.md / --ignore: no rule named {rule}"));
                            }
                            ignore.push(rule.to_string());
                        }
                    }
                    None => return usage(err, "--ignore 需要规则名，多个以逗号分隔 / --ignore takes RULE[,RULE]"),
                },
                "--previous" => match it.next() {
                    Some(f) => previous_file = Some(*f),
                    None => return usage(err, "--previous 需要上一年度报告文件 / --previous takes last year's report"),
                },
                "--year" => match it.next().and_then(|v| v.parse().ok()) {
                    Some(y) => ctx.report_year = Some(y),
                    None => return usage(err, "--year 需要四位年份 / --year takes a year"),
                },
                "--kind" => match it.next().and_then(|v| UnitKind::parse(v)) {
                    Some(k) => ctx.unit_kind = Some(k),
                    None => return usage(err, "--kind 取值见下 / --kind takes one of the kinds below"),
                },
                "--today" => match it.next().and_then(|v| Date::parse(v)) {
                    Some(d) => ctx.today = Some(d),
                    None => return usage(err, "--today 格式为 YYYY-MM-DD / --today takes YYYY-MM-DD"),
                },
                flag if flag.starts_with("--") => return usage(err, &format!("未知选项 {flag} / unknown option {flag}")),
                file => files.push(file),
            }
        }
        if files.is_empty() {
            return usage(err, "check 需要至少一个文件 / check takes at least one FILE");
        }
        // Without last year's report there is nothing to compare: no check at all.
        let previous = match previous_file {
            Some(path) => match import_draft(path, err) {
                Some(draft) => Some(PreviousYear::from_report(&draft.report)),
                None => return 2,
            },
            None => None,
        };
        if ctx.unit_kind.is_some() && ctx.today.is_none() {
            let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0);
            ctx.today = Some(Date::from_unix_ms_china(now));
        }
        let (mut any_errors, mut unreadable) = (false, false);
        let mut results = Vec::new();
        for file in &files {
            let Some(read) = read_report(file, err) else {
                unreadable = true;
                continue;
            };
            let all = check_with_previous(&read.draft.report, &ctx, previous.as_ref());
            // Set aside in the app (a share file carries them) or by --ignore:
            // listed apart, never counted.
            let sorted = sort_out(&read.draft.report, all, &read.draft.set_aside);
            let (findings, ignored) = without_rules(sorted.active, &ignore);
            any_errors |= findings.iter().any(|f| f.severity == Severity::Error);
            if json {
                let aside: Vec<_> = sorted
                    .set_aside
                    .iter()
                    .map(|(f, entry)| serde_json::json!({ "finding": f, "reason": entry.reason }))
                    .collect();
                results.push(serde_json::json!({ "file": file, "findings": findings, "set_aside": aside, "ignored": ignored }));
            } else {
                let _ = write!(out, "{}", format_table(file, &findings));
                if !sorted.set_aside.is_empty() {
                    let errors = sorted.set_aside.iter().filter(|(f, _)| f.severity == Severity::Error).count();
                    let _ = writeln!(out, "  另有 {} 条已由作者忽略（其中 {errors} 个错误）/ {} set aside by the author ({errors} errors):", sorted.set_aside.len(), sorted.set_aside.len());
                    for (f, entry) in &sorted.set_aside {
                        let reason = if entry.reason.is_empty() { String::new() } else { format!("（理由：{}）", entry.reason) };
                        let _ = writeln!(out, "    {:>4}  {}  {}{reason}", f.line.map(|l| l.to_string()).unwrap_or_else(|| "-".into()), f.rule.as_str(), f.message);
                    }
                }
                if !ignored.is_empty() {
                    let _ = writeln!(out, "  --ignore 略去 {} 条 / {} left out by --ignore", ignored.len(), ignored.len());
                }
            }
        }
        if json {
            let value = if files.len() == 1 && results.len() == 1 { results.remove(0) } else { serde_json::Value::Array(results) };
            let _ = writeln!(out, "{}", serde_json::to_string_pretty(&value).expect("findings serialise"));
        }
        if unreadable {
            2
        } else if any_errors {
            1
        } else {
            0
        }
    }

    /// A draft around a report read from a file (the CLI keeps no store).
    /// Its id is made from the text, so two different texts never pass for
    /// one draft (a share or .docx exported from it names this id as base).
    fn draft_of(path: &str, report: fazhi_report::report::Report) -> fazhi_report::report::Draft {
        // FNV-1a, 64 bits: stable across runs and builds.
        let hash = render(&report).bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
        fazhi_report::report::Draft::from_report(format!("fzbg-{hash:016x}"), report, path, 0, 0)
    }

    /// Read a report in any form the app imports as a draft, or print why not.
    fn import_draft(path: &str, err: &mut dyn Write) -> Option<fazhi_report::report::Draft> {
        read_report(path, err).map(|r| r.draft)
    }

    fn export_cmd(args: &[&str], err: &mut dyn Write) -> i32 {
        use fazhi_report::report::formats::{export_docx_laid_out, export_share, export_txt, DocxLayout, Seal, TxtEncoding, TxtOptions};
        use fazhi_report::report::merge::Base;

        let (mut input, mut to, mut output) = (None, None, None);
        let mut txt = TxtOptions::default();
        let mut seal: Option<Seal> = None;
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            match *arg {
                "--to" => to = it.next().copied(),
                "-o" | "--output" => output = it.next().copied(),
                "--gbk" => txt.encoding = TxtEncoding::Gbk,
                "--bom" => txt.encoding = TxtEncoding::Utf8Bom,
                "--crlf" => txt.crlf = true,
                "--sealed" | "--unsealed" => {
                    let chosen = if *arg == "--sealed" { Seal::Sealed } else { Seal::Unsealed };
                    if seal.is_some_and(|s| s != chosen) {
                        return usage(err, "--sealed 与 --unsealed 只能选一个 / --sealed and --unsealed exclude each other");
                    }
                    seal = Some(chosen);
                }
                flag if flag.starts_with('-') => return usage(err, &format!("未知选项 {flag} / unknown option {flag}")),
                file if input.is_none() => input = Some(file),
                extra => return usage(err, &format!("多余的参数 {extra} / unexpected argument {extra}")),
            }
        }
        let (Some(input), Some(to), Some(output)) = (input, to, output) else {
            return usage(err, "export 需要 FILE、--to 和 -o / export takes FILE, --to and -o");
        };
        if !matches!(to, "txt" | "docx" | "share") {
            return usage(err, "--to 取 txt、docx 或 share / --to takes txt, docx or share");
        }
        if seal.is_some() && to != "docx" {
            return usage(err, "--sealed、--unsealed 只用于 --to docx / --sealed and --unsealed are for --to docx");
        }
        let Some(read) = read_report(input, err) else { return 2 };
        let mut draft = read.draft;
        // A file that names its base passes it on: a reply names what the sender keeps.
        if draft.base.is_none() && read.base.as_ref().is_some_and(|b| *b != Base::of(&draft)) {
            draft.base = read.base.clone();
        }
        let result = match to {
            "txt" => export_txt(&draft.report, &txt).map_err(|e| format!("{} / {}", e.message_zh(), e.message_en())),
            "docx" => {
                let unit = Some(draft.unit.trim().to_string()).filter(|u| !u.is_empty());
                let layout = DocxLayout { seal: seal.unwrap_or_default(), unit };
                export_docx_laid_out(&draft.report, read.base.as_ref(), &layout).map_err(|e| format!("{} / {}", e.message_zh(), e.message_en()))
            }
            _ => Ok(export_share(&draft, 0)),
        };
        match result.and_then(|b| std::fs::write(output, b).map_err(|e| format!("无法写入 {output}（{e}） / cannot write: {e}"))) {
            Ok(()) => 0,
            Err(message) => {
                let _ = writeln!(err, "fzbg: {message}");
                2
            }
        }
    }

    fn render_cmd(path: &str, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
        let Some(read) = read_report(path, err) else { return 2 };
        let _ = out.write_all(render(&read.draft.report).as_bytes());
        0
    }
}
