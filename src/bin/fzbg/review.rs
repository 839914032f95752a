//! `fzbg review DIR|FILE… [--csv OUT] [--json]`: the reviewer's table and
//! the passages copied between reports, for the engineer who helps the
//! reviewer (the reviewer themselves uses 审阅多份报告 in the app).

use std::io::Write;

use fazhi_report::report::deadline::Date;
use fazhi_report::report::review::desk::Desk;
use fazhi_report::report::review::{read_entry, table, Entry};

/// Largest file read; the app's import limit.
const MAX_FILE: u64 = 64 * 1024 * 1024;

pub fn run(args: &[&str], out: &mut dyn Write, err: &mut dyn Write) -> Result<(), String> {
    let (mut json, mut csv_out, mut paths) = (false, None, Vec::new());
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match *arg {
            "--json" => json = true,
            "--csv" => csv_out = Some(*it.next().ok_or_else(|| "--csv 需要输出文件 / --csv takes an output file".to_string())?),
            flag if flag.starts_with("--") => return Err(format!("未知选项 {flag} / unknown option {flag}")),
            path => paths.push(path.to_string()),
        }
    }
    if paths.is_empty() {
        return Err("review 需要一个文件夹或若干文件 / review takes a folder or files".into());
    }
    let mut files = Vec::new();
    for p in paths {
        match std::fs::read_dir(&p) {
            Ok(dir) => {
                let mut inside: Vec<String> = dir
                    .filter_map(Result::ok)
                    .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                    .map(|e| e.path().to_string_lossy().into_owned())
                    .collect();
                inside.sort();
                files.extend(inside);
            }
            Err(_) => files.push(p),
        }
    }
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0);
    let today = Date::from_unix_ms_china(now);
    let gb = |b: &[u8]| encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(b).map(|t| t.into_owned());
    let entries: Vec<Entry> = files
        .iter()
        .map(|path| {
            let name = std::path::Path::new(path).file_name().map_or(path.clone(), |n| n.to_string_lossy().into_owned());
            match std::fs::metadata(path) {
                Ok(m) if m.len() > MAX_FILE => Entry {
                    file_name: name,
                    bytes: m.len() as usize,
                    hash: String::new(),
                    read: Err(format!("文件过大（{} MB），不像是一份年度报告。", m.len() / 1_048_576)),
                },
                _ => match std::fs::read(path) {
                    Ok(bytes) => read_entry(&name, &bytes, &gb, today.year, today),
                    Err(e) => Entry { file_name: name, bytes: 0, hash: String::new(), read: Err(format!("无法读取文件（{e}）")) },
                },
            }
        })
        .collect();
    // The app's desk: the same file twice is one row; pairs and shared
    // paragraphs found as the app finds them.
    let mut desk = Desk::default();
    desk.add(entries);
    let (entries, pairs, rows) = (&desk.entries, &desk.pairs, desk.rows());
    if let Some(path) = csv_out {
        std::fs::write(path, table::csv(&rows)).map_err(|e| format!("无法写入 {path}（{e}） / cannot write: {e}"))?;
    }
    if json {
        let value = serde_json::json!({
            "reports": rows.iter().map(|r| serde_json::json!({
                "file": r.file_name, "unit": r.unit, "year": r.year, "chars": r.chars,
                "parts": r.parts.map(|p| p.iter().map(|m| m.label()).collect::<Vec<_>>()),
                "errors": r.errors, "warnings": r.warnings, "worst": r.worst,
                "copied_paragraphs": r.copied, "copied_with": r.copied_with, "shared_paragraphs": r.shared,
            })).collect::<Vec<_>>(),
            "shared": desk.shared.iter().map(|g| serde_json::json!({
                "passages": g.passages.iter().map(|(i, p)| serde_json::json!({
                    "file": entries[*i].file_name, "place": p.place.label(), "text": p.text,
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "copying": pairs.iter().map(|p| serde_json::json!({
                "a": entries[p.a].file_name, "b": entries[p.b].file_name,
                "passages": p.matches.iter().map(|m| serde_json::json!({
                    "a_place": m.a.place.label(), "a_text": m.a.text,
                    "b_place": m.b.place.label(), "b_text": m.b.text,
                    "similarity": (m.ratio * 100.0).round() / 100.0,
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        });
        let _ = writeln!(out, "{}", serde_json::to_string_pretty(&value).expect("review serialises"));
    } else {
        for (i, r) in rows.iter().enumerate() {
            let parts = r.parts.map_or("无法读取".to_string(), |p| p.iter().map(|m| m.label()).collect::<String>());
            let year = r.year.map_or(String::new(), |y| y.to_string());
            let _ = writeln!(
                out,
                "{:>3}  {}  {} {}  {} 字  五部分 {}  错误 {} 提醒 {}  雷同 {}  共有 {}  {}",
                i + 1, r.file_name, r.unit, year, r.chars, parts, r.errors, r.warnings, r.copied, r.shared, r.worst
            );
        }
        for p in pairs {
            let _ = writeln!(out, "\n雷同 copied: {} ↔ {}（{} 段）", entries[p.a].file_name, entries[p.b].file_name, p.matches.len());
            for m in &p.matches {
                let _ = writeln!(out, "  {}：{}\n  {}：{}", m.a.place.label(), m.a.text, m.b.place.label(), m.b.text);
            }
        }
        for g in &desk.shared {
            let _ = writeln!(out, "\n多份报告共有 shared by {}:", g.passages.len());
            for (i, p) in &g.passages {
                let _ = writeln!(out, "  {} {}：{}", entries[*i].file_name, p.place.label(), p.text);
            }
        }
    }
    let _ = err.flush();
    Ok(())
}
