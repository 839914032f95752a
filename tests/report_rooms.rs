//! The domain core's rooms import one another in one direction only
//! (issue #18): no module of `src/report/` imports one that imports it back.
//!
//! A room is a child of a module folder: `src/report/check/` and
//! `src/report/draft.rs` are rooms of the core, `check/structure.rs` and
//! `check/content.rs` rooms of `check`. Every path a file names —
//! `use crate::report::…`, `use super::…`, and the same paths written inline
//! in code — is resolved to the module it reaches, through the re-exports
//! (`pub use`) of the modules on the way, and counted as an edge between the
//! two rooms that hold the importing file and the module reached, at the
//! level where their paths part. A folder's own `mod.rs` is the room's
//! front door, not a room of its own: it declares and re-exports its
//! children, and children use the items it defines. Test modules count like
//! any other code: a test that needs a room the code does not is a cycle
//! waiting for its first caller.
//!
//! A failure prints each cycle with the file and line of every edge in it.
//! The core also never names `crate::storage` or `crate::ui`: they build on
//! it, not it on them.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const CORE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/report");

type ModPath = Vec<String>;

struct Source {
    file: PathBuf,
    /// The module the file is (`[check, structure]`; `[check]` for check/mod.rs).
    module: ModPath,
    /// The text with comments and literals blanked out, newlines kept.
    code: String,
}

fn sources(dir: &Path, module: &ModPath, out: &mut Vec<Source>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir).expect("src/report is readable").flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        if path.is_dir() {
            let mut sub = module.clone();
            sub.push(stem);
            sources(&path, &sub, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let mut m = module.clone();
            if stem != "mod" {
                m.push(stem);
            }
            let code = blank_comments_and_literals(&fs::read_to_string(&path).unwrap());
            out.push(Source { file: path, module: m, code });
        }
    }
}

/// Comments, strings and character literals become spaces, so a path in a
/// doc comment or a message is not an import.
fn blank_comments_and_literals(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let blank = |out: &mut String, s: &[char]| out.extend(s.iter().map(|&ch| if ch == '\n' { '\n' } else { ' ' }));
    let ident = |ch: char| ch.is_alphanumeric() || ch == '_';
    let mut i = 0;
    while i < c.len() {
        let start = i;
        if c[i] == '/' && c.get(i + 1) == Some(&'/') {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if c[i] == '/' && c.get(i + 1) == Some(&'*') {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if c[i] == 'r' && (i == 0 || !ident(c[i - 1])) && matches!(c.get(i + 1), Some('#' | '"')) {
            // A raw string: r"…" or r#"…"#.
            let hashes = c[i + 1..].iter().take_while(|&&ch| ch == '#').count();
            if c.get(i + 1 + hashes) != Some(&'"') {
                out.push(c[i]);
                i += 1;
                continue;
            }
            i += hashes + 2;
            while i < c.len() && !(c[i] == '"' && c[i + 1..].iter().take(hashes).filter(|&&ch| ch == '#').count() == hashes) {
                i += 1;
            }
            i = (i + 1 + hashes).min(c.len());
        } else if c[i] == '"' {
            i += 1;
            while i < c.len() && c[i] != '"' {
                i += if c[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
        } else if c[i] == '\'' && (c.get(i + 1) == Some(&'\\') || c.get(i + 2) == Some(&'\'')) {
            // A character literal ('x', '\n', '\u{3000}'), not a lifetime.
            i += 2;
            while i < c.len() && c[i] != '\'' {
                i += 1;
            }
            i += 1;
        } else {
            out.push(c[i]);
            i += 1;
            continue;
        }
        blank(&mut out, &c[start..i.min(c.len())]);
    }
    out
}

/// The paths of a use tree at `at` (`a::b`, `a::{b, c::d}`, `*`), each as
/// its segments (`as` renames dropped), and where the tree ends.
fn use_tree(code: &[char], mut at: usize) -> (Vec<ModPath>, usize) {
    let skip_ws = |at: &mut usize| {
        while *at < code.len() && code[*at].is_whitespace() {
            *at += 1;
        }
    };
    let mut prefix: ModPath = Vec::new();
    loop {
        skip_ws(&mut at);
        if code.get(at) == Some(&'{') {
            at += 1;
            let mut out = Vec::new();
            loop {
                skip_ws(&mut at);
                match code.get(at) {
                    Some('}') => return (out, at + 1),
                    Some(',') => at += 1,
                    None => return (out, at),
                    _ => {
                        let (paths, end) = use_tree(code, at);
                        out.extend(paths.into_iter().map(|p| [prefix.clone(), p].concat()));
                        at = end;
                    }
                }
            }
        }
        let start = at;
        while at < code.len() && (code[at].is_alphanumeric() || code[at] == '_' || code[at] == '*') {
            at += 1;
        }
        let segment: String = code[start..at].iter().collect();
        if segment.is_empty() {
            return (vec![prefix], at);
        }
        if segment != "self" {
            prefix.push(segment);
        }
        if code[at..].starts_with(&[':', ':']) {
            at += 2;
            continue;
        }
        // `as name` renames the leaf; the path reached is the same.
        let mut after = at;
        skip_ws(&mut after);
        if code[after..].starts_with(&['a', 's', ' ']) {
            after += 3;
            skip_ws(&mut after);
            while after < code.len() && (code[after].is_alphanumeric() || code[after] == '_') {
                after += 1;
            }
            at = after;
        }
        return (vec![prefix], at);
    }
}

/// A path named in a file: where it points (relative to `report`, not yet
/// through re-exports), the leaf name it is known by, and its line.
struct Named {
    target: ModPath,
    line: usize,
    text: String,
}

/// Every `crate::…` and `super::…` path in a file, resolved against the
/// module the code stands in (inline `mod x { … }` blocks included).
fn named_paths(src: &Source, outside: &mut Vec<String>) -> Vec<Named> {
    let code: Vec<char> = src.code.chars().collect();
    let ident = |ch: char| ch.is_alphanumeric() || ch == '_';
    let mut out = Vec::new();
    // Inline modules open at the current brace depth: (name, depth).
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut pending_mod: Option<String> = None;
    let mut depth = 0;
    let mut line = 1;
    let mut i = 0;
    while i < code.len() {
        let ch = code[i];
        match ch {
            '\n' => line += 1,
            '{' => {
                depth += 1;
                if let Some(name) = pending_mod.take() {
                    inline.push((name, depth));
                }
            }
            '}' => {
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
                depth -= 1;
            }
            ';' => pending_mod = None,
            _ => {}
        }
        if !ident(ch) || (i > 0 && (ident(code[i - 1]) || code[i - 1] == ':')) {
            i += 1;
            continue;
        }
        let word_end = (i..code.len()).find(|&k| !ident(code[k])).unwrap_or(code.len());
        let word: String = code[i..word_end].iter().collect();
        if word == "mod" {
            let mut k = word_end;
            while k < code.len() && code[k].is_whitespace() {
                k += 1;
            }
            let name_end = (k..code.len()).find(|&n| !ident(code[n])).unwrap_or(code.len());
            pending_mod = Some(code[k..name_end].iter().collect());
            i = name_end;
            continue;
        }
        if (word != "crate" && word != "super") || !code[word_end..].starts_with(&[':', ':']) {
            i = word_end;
            continue;
        }
        let mut here: ModPath = src.module.clone();
        here.extend(inline.iter().map(|(n, _)| n.clone()));
        let (base, tree_at) = if word == "crate" {
            (None, word_end + 2)
        } else {
            // super::super::… climbs one module per step.
            let mut at = i;
            while code[at..].starts_with(&['s', 'u', 'p', 'e', 'r', ':', ':']) {
                here.pop();
                at += 7;
            }
            (Some(here), at)
        };
        let (paths, end) = use_tree(&code, tree_at);
        let text: String = code[i..end].iter().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ");
        for p in paths {
            let target = match &base {
                Some(b) => [b.clone(), p].concat(),
                None if p.first().is_some_and(|s| s == "report") => p[1..].to_vec(),
                None => {
                    if p.first().is_some_and(|s| s == "storage" || s == "ui") {
                        outside.push(format!("{}:{line}: {text}", src.file.display()));
                    }
                    continue;
                }
            };
            out.push(Named { target, line, text: text.clone() });
        }
        line += code[i..end].iter().filter(|&&c| c == '\n').count();
        i = end;
    }
    out
}

/// Modules of the core: each module path and its children's names.
fn children(sources: &[Source]) -> BTreeMap<ModPath, BTreeSet<String>> {
    let mut out: BTreeMap<ModPath, BTreeSet<String>> = BTreeMap::new();
    for s in sources {
        for k in 0..s.module.len() {
            out.entry(s.module[..k].to_vec()).or_default().insert(s.module[k].clone());
        }
    }
    out
}

/// What each module re-exports (`pub use x::Y;` in check/mod.rs: `[check, Y]`
/// → `[check, x, Y]`).
fn reexports(sources: &[Source]) -> BTreeMap<ModPath, ModPath> {
    let mut out = BTreeMap::new();
    for s in sources {
        let code: Vec<char> = s.code.chars().collect();
        let text = &s.code;
        for (at, _) in text.match_indices("pub use ").chain(text.match_indices("pub(crate) use ")) {
            // The statement's words are ASCII: bytes and characters agree after `at`.
            let start = text[..at].chars().count() + text[at..].find("use ").expect("a use") + 4;
            let (paths, _) = use_tree(&code, start);
            for p in paths {
                let Some(leaf) = p.last().cloned() else { continue };
                let target = match p[0].as_str() {
                    "crate" if p.get(1).is_some_and(|r| r == "report") => p[2..].to_vec(),
                    "super" => [s.module[..s.module.len() - 1].to_vec(), p[1..].to_vec()].concat(),
                    _ => [s.module.clone(), p].concat(),
                };
                let mut name = s.module.clone();
                name.push(leaf);
                out.entry(name).or_insert(target);
            }
        }
    }
    out
}

/// A path through every re-export on its way: `[parse, without_marker]` →
/// `[text, parse, without_marker]`.
fn canonical(mut path: ModPath, reexports: &BTreeMap<ModPath, ModPath>) -> ModPath {
    for _ in 0..16 {
        let Some(k) = (1..=path.len()).find(|&k| reexports.get(&path[..k]).is_some_and(|t| t[..] != path[..k])) else {
            break;
        };
        path = [reexports[&path[..k]].clone(), path[k..].to_vec()].concat();
    }
    path
}

/// One import between two rooms of a module, with where it is written.
type Edges = BTreeMap<(String, String), Vec<String>>;

/// The cycles among `edges`: for each group of rooms that reach one another,
/// one shortest way round it, the first room repeated last.
fn cycles(edges: &Edges) -> Vec<Vec<String>> {
    let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (a, b) in edges.keys() {
        next.entry(a).or_default().push(b);
    }
    // The shortest path from `from` to `to` (breadth first), both included.
    let path = |from: &str, to: &str| -> Option<Vec<String>> {
        let mut came: BTreeMap<&str, &str> = BTreeMap::new();
        let mut queue = std::collections::VecDeque::from([from]);
        while let Some(n) = queue.pop_front() {
            for &m in next.get(n).into_iter().flatten() {
                if m == to {
                    let mut out = vec![to.to_string(), n.to_string()];
                    let mut at = n;
                    while at != from {
                        at = came[at];
                        out.push(at.to_string());
                    }
                    out.reverse();
                    return Some(out);
                }
                if m != from && !came.contains_key(m) {
                    came.insert(m, n);
                    queue.push_back(m);
                }
            }
        }
        None
    };
    let mut covered: BTreeSet<String> = BTreeSet::new();
    let mut out = Vec::new();
    for &n in next.keys() {
        if covered.contains(n) {
            continue;
        }
        if let Some(c) = path(n, n) {
            // Every room that reaches n and is reached from it is in this group.
            for &m in next.keys() {
                if path(n, m).is_some() && path(m, n).is_some() {
                    covered.insert(m.to_string());
                }
            }
            out.push(c);
        }
    }
    out
}

/// The import edges between rooms, per module.
fn room_edges(sources: &[Source], outside: &mut Vec<String>) -> BTreeMap<ModPath, Edges> {
    let kids = children(sources);
    let reexports = reexports(sources);
    let mut out: BTreeMap<ModPath, Edges> = BTreeMap::new();
    for s in sources {
        for n in named_paths(s, outside) {
            let target = canonical(n.target, &reexports);
            let common = s.module.iter().zip(&target).take_while(|(a, b)| a == b).count();
            let parent = s.module[..common].to_vec();
            // The parent's own file uses its children; children use the parent's items.
            let (Some(from), Some(to)) = (s.module.get(common), target.get(common)) else { continue };
            if !kids.get(&parent).is_some_and(|k| k.contains(to)) {
                continue;
            }
            let evidence = format!("{}:{}: {}", s.file.strip_prefix(CORE).unwrap_or(&s.file).display(), n.line, n.text);
            let seen = out.entry(parent).or_default().entry((from.clone(), to.clone())).or_default();
            if !seen.contains(&evidence) {
                seen.push(evidence);
            }
        }
    }
    out
}

fn core() -> Vec<Source> {
    let mut all = Vec::new();
    sources(Path::new(CORE), &Vec::new(), &mut all);
    all
}

#[test]
fn no_room_of_the_core_imports_one_that_imports_it_back() {
    let sources = core();
    let mut outside = Vec::new();
    let mut failures = Vec::new();
    for (module, edges) in room_edges(&sources, &mut outside) {
        for c in cycles(&edges) {
            let name = if module.is_empty() { "report".to_string() } else { format!("report::{}", module.join("::")) };
            let mut msg = format!("cycle among the rooms of {name}: {}", c.join(" → "));
            for pair in c.windows(2) {
                for e in edges[&(pair[0].clone(), pair[1].clone())].iter().take(3) {
                    msg.push_str(&format!("\n    {} → {}: {e}", pair[0], pair[1]));
                }
            }
            failures.push(msg);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(outside.is_empty(), "the core names the layers built on it:\n{}", outside.join("\n"));
}

#[test]
fn the_reader_finds_imports_and_cycles() {
    let code = blank_comments_and_literals("use super::{a, b::{c, d as e}}; // crate::report::x\nlet s = \"super::z\"; let c = '{'; fn f<'a>() {}");
    assert!(!code.contains("crate::report") && !code.contains("super::z") && code.contains("fn f<'a>()"), "{code}");
    let chars: Vec<char> = code.chars().collect();
    let (paths, _) = use_tree(&chars, code.find('{').unwrap());
    assert_eq!(paths, [vec!["a"], vec!["b", "c"], vec!["b", "d"]]);
    // A path inside `mod tests { … }` climbs from the test module.
    let src = Source {
        file: "check/plans.rs".into(),
        module: vec!["check".into(), "plans".into()],
        code: blank_comments_and_literals("use super::Ctx;\nmod tests {\n    use super::*;\n    use crate::report::parse;\n}"),
    };
    let got: Vec<(ModPath, usize)> = named_paths(&src, &mut Vec::new()).into_iter().map(|n| (n.target, n.line)).collect();
    let path = |p: &[&str]| p.iter().map(|s| s.to_string()).collect::<ModPath>();
    assert_eq!(got, [(path(&["check", "Ctx"]), 1), (path(&["check", "plans", "*"]), 3), (path(&["parse"]), 4)]);
    let mut edges = Edges::new();
    edges.insert(("a".into(), "b".into()), vec![]);
    edges.insert(("b".into(), "c".into()), vec![]);
    assert_eq!(cycles(&edges), Vec::<ModPath>::new());
    edges.insert(("c".into(), "a".into()), vec![]);
    edges.insert(("d".into(), "e".into()), vec![]);
    edges.insert(("e".into(), "d".into()), vec![]);
    assert_eq!(cycles(&edges), [path(&["a", "b", "c", "a"]), path(&["d", "e", "d"])]);
    // The re-exports of the core's front door are followed.
    let sources = core();
    let reexports = reexports(&sources);
    assert_eq!(canonical(path(&["parse", "without_marker"]), &reexports)[0], "text");
    assert_eq!(canonical(path(&["Report"]), &reexports), path(&["model", "Report"]));
}
