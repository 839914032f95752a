//! The corpus (tests/corpus/): report texts written by the team and .docx
//! files made by a real office suite (tests/corpus/docx/), one per situation
//! the reader must handle. Like pulldown-cmark's spec tests, the cases are
//! the specification: each keeps its expected result beside it in
//! `NAME.expected` (format: tests/corpus/README.md), this one test reads them
//! all, and every case must come back without a lost character. A failing
//! case names the file and the heading.

use std::fs;
use std::path::{Path, PathBuf};

use fazhi_report::report::decode::{decode, Encoding};
use fazhi_report::report::formats::import_docx;
use fazhi_report::report::inspect::inspect;
use fazhi_report::report::{render, Report, SectionKind};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");

/// One case's expected result, read from its sidecar.
#[derive(Debug, Default)]
struct Expected {
    encoding: String,
    title: Option<bool>,
    unplaced: Option<usize>,
    /// (kind, heading as the reader sees it, items)
    sections: Vec<(String, String, usize)>,
    /// The 公文's frame, element by element: (key, value, `-` for none).
    frame: Vec<(String, String)>,
}

/// The frame keys a sidecar may name, as `Report::frame` gives them.
const FRAME_KEYS: [&str; 5] = ["addressee", "doc_number", "annex", "signature", "date"];

fn read_expected(path: &Path) -> Result<Expected, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut exp = Expected::default();
    let mut in_sections = false;
    for (n, raw) in text.lines().enumerate() {
        let line = raw.split_once(" #").map_or(raw, |(a, _)| a).trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = || format!("{}:{}: cannot read {raw:?}", path.display(), n + 1);
        if in_sections {
            let parts: Vec<&str> = line.split(" | ").map(str::trim).collect();
            let [kind, heading, items] = parts[..] else { return Err(bad()) };
            exp.sections.push((kind.to_string(), heading.to_string(), items.parse().map_err(|_| bad())?));
            continue;
        }
        match line.split_once(':').map(|(k, v)| (k.trim(), v.trim())) {
            Some(("encoding", v)) => exp.encoding = v.to_string(),
            Some(("title", v)) => exp.title = Some(v == "yes"),
            Some(("unplaced", v)) => exp.unplaced = Some(v.parse().map_err(|_| bad())?),
            Some(("sections", "")) => in_sections = true,
            Some((k, v)) if FRAME_KEYS.contains(&k) => exp.frame.push((k.to_string(), v.to_string())),
            _ => return Err(bad()),
        }
    }
    if !in_sections {
        return Err(format!("{}: no `sections:` line", path.display()));
    }
    Ok(exp)
}

fn encoding_name(e: Encoding) -> &'static str {
    match e {
        Encoding::Utf8 => "utf8",
        Encoding::Utf8Bom => "utf8-bom",
        Encoding::Gb18030 => "gb18030",
        Encoding::Utf16Le => "utf16le",
        Encoding::Utf16Be => "utf16be",
    }
}

/// Cases: every `NAME.txt` / `docx/NAME.docx` with its sidecar.
fn cases() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in [PathBuf::from(DIR), Path::new(DIR).join("docx")] {
        let Ok(entries) = fs::read_dir(&dir) else { continue };
        for e in entries.flatten() {
            let p = e.path();
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            let is_case = (name.ends_with(".txt") && !name.ends_with(".lo.txt")) || name.ends_with(".docx");
            if is_case {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn sidecar(case: &Path) -> PathBuf {
    case.with_extension("expected")
}

/// Read a case as the app reads it: (report, text it was parsed from, encoding name).
fn read_case(path: &Path) -> Result<(Report, String, String), String> {
    let bytes = fs::read(path).map_err(|e| e.to_string())?;
    if path.extension().is_some_and(|e| e == "docx") {
        let d = import_docx(&bytes).map_err(|e| e.message_en())?;
        Ok((d.report(), d.text, "docx".to_string()))
    } else {
        let d = decode(&bytes).map_err(|e| e.message_en())?;
        let report = fazhi_report::report::parse(&d.text);
        // The file's own bytes come back too, for UTF-8.
        if matches!(d.encoding, Encoding::Utf8 | Encoding::Utf8Bom) && render(&report).as_bytes() != bytes.as_slice() {
            return Err("bytes do not round-trip".to_string());
        }
        Ok((report, d.text, encoding_name(d.encoding).to_string()))
    }
}

#[test]
fn every_corpus_case_is_read_as_its_sidecar_says_and_loses_nothing() {
    let mut failures = Vec::new();
    let (mut reports, mut reports_ok, mut headings, mut headings_ok) = (0, 0, 0, 0);
    for case in cases() {
        let name = case.strip_prefix(DIR).unwrap().display().to_string();
        reports += 1;
        let exp = match read_expected(&sidecar(&case)) {
            Ok(e) => e,
            Err(e) => {
                failures.push(format!("{name}: {e}"));
                continue;
            }
        };
        headings += exp.sections.len();
        let (report, text, encoding) = match read_case(&case) {
            Ok(r) => r,
            Err(e) => {
                failures.push(format!("{name}: {e}"));
                continue;
            }
        };
        let mut ok = true;
        let mut fail = |msg: String| {
            failures.push(format!("{name}: {msg}"));
            ok = false;
        };
        if render(&report) != text {
            fail("characters lost: render(parse(text)) != text".to_string());
        }
        if encoding != exp.encoding {
            fail(format!("encoding {encoding}, expected {}", exp.encoding));
        }
        if let Some(t) = exp.title {
            if report.title().is_some() != t {
                fail(format!("title found: {}, expected {t}", report.title().is_some()));
            }
        }
        if let Some(u) = exp.unplaced {
            let got = inspect(&report, Encoding::Utf8).unplaced_chars;
            if got != u {
                fail(format!("unplaced characters {got}, expected {u}"));
            }
        }
        let frame = report.frame();
        for (key, want) in &exp.frame {
            let got = match key.as_str() {
                "addressee" => frame.addressee.clone(),
                "doc_number" => frame.doc_number.clone(),
                "annex" => frame.annex.clone(),
                "signature" => frame.signature.clone(),
                _ => frame.date.clone(),
            };
            // An 附件说明 of several lines is one sidecar line, ` / ` between them.
            let got = got.map_or_else(|| "-".to_string(), |g| g.replace('\n', " / "));
            if &got != want {
                fail(format!("{key}: got {got:?}, expected {want:?}"));
            }
        }
        let got: Vec<(String, String, usize)> = report
            .sections
            .iter()
            .map(|s| {
                let heading = format!("{}{}", s.heading.marker, s.heading.text).trim().to_string();
                (s.kind.as_str().to_string(), heading, s.items.len())
            })
            .collect();
        for (i, want) in exp.sections.iter().enumerate() {
            match got.get(i) {
                Some(g) if g == want => headings_ok += 1,
                Some(g) => fail(format!("heading {}: got {} | {} | {}, expected {} | {} | {}", i + 1, g.0, g.1, g.2, want.0, want.1, want.2)),
                None => fail(format!("heading {} not found: expected {} | {} | {}", i + 1, want.0, want.1, want.2)),
            }
        }
        for g in got.iter().skip(exp.sections.len()) {
            fail(format!("unexpected heading: {} | {} | {}", g.0, g.1, g.2));
        }
        if ok {
            reports_ok += 1;
        }
    }
    println!("corpus: {reports_ok}/{reports} reports, {headings_ok}/{headings} headings");
    assert!(failures.is_empty(), "corpus: {reports_ok}/{reports} reports, {headings_ok}/{headings} headings\n{}", failures.join("\n"));
    assert!(reports >= 40, "the corpus has {reports} cases");
}

#[test]
fn every_case_has_a_sidecar_and_every_sidecar_a_case() {
    let mut problems = Vec::new();
    for case in cases() {
        if !sidecar(&case).exists() {
            problems.push(format!("{} has no .expected", case.display()));
        }
    }
    for dir in [PathBuf::from(DIR), Path::new(DIR).join("docx")] {
        let Ok(entries) = fs::read_dir(&dir) else { continue };
        for e in entries.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "expected") && !p.with_extension("txt").exists() && !p.with_extension("docx").exists() {
                problems.push(format!("{} has no case", p.display()));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn headings_with_years_are_captured() {
    let report = fazhi_report::report::parse(&decode(&fs::read(format!("{DIR}/01_seed_style.txt")).unwrap()).unwrap().text);
    let info = inspect(&report, Encoding::Utf8);
    let years: Vec<_> = info.sections.iter().map(|s| s.year).collect();
    assert_eq!(years, [Some(2024), Some(2024), Some(2024), Some(2025), None]);
}

#[test]
fn a_kind_name_in_a_sidecar_is_one_the_engine_knows() {
    let known: Vec<&str> = SectionKind::REQUIRED.iter().map(|k| k.as_str()).chain(["unknown"]).collect();
    for case in cases() {
        if let Ok(exp) = read_expected(&sidecar(&case)) {
            for (kind, heading, _) in &exp.sections {
                assert!(known.contains(&kind.as_str()), "{}: {heading}: unknown kind {kind}", case.display());
            }
        }
    }
}
