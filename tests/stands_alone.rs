//! The project stands alone: no source, test, benchmark, example or script
//! names a path that leaves the repository root. Whoever receives the
//! repository — a 司法局's IT office, a contributor, the next maintainer —
//! has only the repository; a test that reads `../shared/` works on the
//! team's machines and nowhere else.
//!
//! Two kinds of escape are found:
//! - a relative path whose `../` steps climb above the root when read from
//!   the file's own folder (`include_str!("../../x")` in `tests/` climbs one
//!   level too many), or from the root itself where the path is anchored
//!   there (`CARGO_MANIFEST_DIR`, `$ROOT`, `ROOT, '..'`);
//! - any mention of the team's folder beside the clone, however spelt.
//!
//! A failure names the file, the line and the text.

use std::fs;
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
/// Folders whose files must stay inside the repository, and the single files.
const DIRS: &[&str] = &["src", "tests", "benches", "examples", "scripts", ".ci", ".cargo", "fuzz"];
const FILES: &[&str] = &["Cargo.toml", "Trunk.toml", "index.html", "package.json", "build.rs"];
/// What counts as code or build text (data such as the corpus is not read).
const EXTENSIONS: &[&str] = &["rs", "mjs", "js", "cjs", "sh", "toml", "html", "json", "py", "conf"];

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if path.is_dir() {
            if !matches!(name.as_ref(), "node_modules" | "target" | "out" | "corpus" | "artifacts") {
                files(&path, out);
            }
        } else if path.extension().is_some_and(|e| EXTENSIONS.contains(&e.to_string_lossy().as_ref()))
            || (dir.file_name().is_some_and(|d| d == ".ci") && !name.contains('.'))
        {
            out.push(path);
        }
    }
}

/// Escapes in one line of a file `depth` folders below the root.
fn escapes(line: &str, depth: usize) -> Vec<String> {
    let mut found = Vec::new();
    // The team's folder beside the clone, in any spelling.
    let team = ["shared"];
    for t in team {
        for pattern in [format!("../{t}"), format!("..\\{t}"), format!("'..', '{t}'"), format!("\"..\", \"{t}\"")] {
            if line.contains(&pattern) {
                found.push(format!("names {pattern}"));
            }
        }
    }
    // Chains of ../ climbing past the root.
    let anchored_at_root = ["CARGO_MANIFEST_DIR", "$ROOT", "${ROOT}", "ROOT,", "ROOT/"].iter().any(|a| line.contains(a));
    let bytes = line.as_bytes();
    let mut i = 0;
    while i + 3 <= bytes.len() {
        if &bytes[i..i + 3] == b"../" && (i == 0 || !matches!(bytes[i - 1], b'.' | b'/' | b'\\') || bytes[i - 1] == b'/') {
            let start = i;
            let mut ups = 0;
            while i + 3 <= bytes.len() && &bytes[i..i + 3] == b"../" {
                ups += 1;
                i += 3;
            }
            // A leading "/" means the chain hangs off something before it,
            // such as `$ROOT/../x` or `concat!(DIR, "/../x")`.
            let off_root = start > 0 && bytes[start - 1] == b'/' && anchored_at_root;
            let allowed = if off_root { 0 } else { depth };
            if ups > allowed {
                found.push(format!("climbs {ups} level(s) from a folder {allowed} below the root"));
            }
        } else {
            i += 1;
        }
    }
    // path.join(ROOT, '..') in the e2e scripts.
    if line.contains("ROOT, '..'") || line.contains("ROOT, \"..\"") {
        found.push("joins the root with '..'".to_string());
    }
    found
}

fn scan(root: &Path) -> Vec<String> {
    let mut all = Vec::new();
    for d in DIRS {
        files(&root.join(d), &mut all);
    }
    for f in FILES {
        let p = root.join(f);
        if p.is_file() {
            all.push(p);
        }
    }
    let me = Path::new(file!()).file_name().unwrap().to_owned();
    let mut problems = Vec::new();
    for path in all {
        if path.file_name() == Some(me.as_os_str()) {
            continue; // this file spells the patterns it looks for
        }
        let Ok(text) = fs::read_to_string(&path) else { continue };
        let rel = path.strip_prefix(root).unwrap();
        let depth = rel.components().count() - 1;
        for (n, line) in text.lines().enumerate() {
            for why in escapes(line, depth) {
                problems.push(format!("{}:{}: {} — {}", rel.display(), n + 1, why, line.trim()));
            }
        }
    }
    problems
}

#[test]
fn nothing_reaches_outside_the_repository() {
    let problems = scan(Path::new(ROOT));
    assert!(
        problems.is_empty(),
        "paths that leave the repository root (copy what they use into the repository):\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_check_sees_each_kind_of_escape() {
    let up = "../";
    let team = "shared";
    // From tests/ (depth 1): two steps climb out, one does not.
    assert!(!escapes(&format!("include_str!(\"{up}{up}{team}/seed/x.txt\")"), 1).is_empty());
    assert!(!escapes(&format!("include_str!(\"{up}{up}other/x.txt\")"), 1).is_empty());
    assert!(escapes(&format!("include_str!(\"{up}docs/x.md\")"), 1).is_empty());
    // From src/report/ (depth 2): three steps climb out.
    assert!(!escapes(&format!("include_str!(\"{up}{up}{up}x.txt\")"), 2).is_empty());
    assert!(escapes(&format!("include_str!(\"{up}{up}{up}x.txt\")"), 3).is_empty());
    // Anchored at the root.
    assert!(!escapes(&format!("concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/{up}x\")"), 1).is_empty());
    assert!(!escapes(&format!("path.join(ROOT, '..', '{team}', 'x')"), 2).is_empty());
    assert!(!escapes(&format!("cat \"$ROOT/{up}x\""), 1).is_empty());
    // Inside the repository: fine.
    assert!(escapes("path.join(ROOT, 'tests', 'fixtures', 'seed')", 2).is_empty());
    assert!(escapes("cd \"$(dirname \"$0\")/..\"", 1).is_empty());
}

#[test]
fn the_reference_report_is_the_published_bytes() {
    // sha256 of the published report as the team received it; a changed byte
    // here changes every byte-exact test's meaning.
    use sha2::{Digest, Sha256};
    let bytes = fs::read(Path::new(ROOT).join("tests/fixtures/seed/000_7470bc842f3634e7.txt")).unwrap();
    let hex: String = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(hex, "f7ea787e7cf30f22c6d5a15e92aba7403b9796f830c6998af7a57a1cc38173ec");
}
