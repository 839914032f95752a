//! docs/CHECKS.md's rule table is the code's table (issue #18): the same
//! rules in the same order, each with the same name, title, severity and
//! provision as its row in `check::RULES`. The doc had drifted from the code
//! before; now a change to one without the other fails here.

use fazhi_report::report::check::{Rule, RuleId, RULES};

const CHECKS: &str = include_str!("../docs/CHECKS.md");

/// One row of the doc's rule table, its cells trimmed.
#[derive(Debug)]
struct Row<'a> {
    name: &'a str,
    title: &'a str,
    severity: &'a str,
    provision: &'a str,
}

/// The rows of the first table whose header starts `| rule |`.
fn doc_rows() -> Vec<Row<'static>> {
    let mut lines = CHECKS.lines().skip_while(|l| !l.starts_with("| rule |"));
    let header: Vec<&str> = cells(lines.next().expect("docs/CHECKS.md has a rule table"));
    assert_eq!(header, ["rule", "title", "severity", "what it finds", "provision"], "the table's columns");
    lines
        .skip(1)
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            let c = cells(l);
            assert_eq!(c.len(), 5, "five cells: {l}");
            let name = c[0].strip_prefix('`').and_then(|n| n.strip_suffix('`')).unwrap_or_else(|| panic!("a `name` first: {l}"));
            Row { name, title: c[1], severity: c[2], provision: c[4] }
        })
        .collect()
}

fn cells(line: &str) -> Vec<&str> {
    line.trim().trim_start_matches('|').trim_end_matches('|').split(" | ").map(str::trim).collect()
}

#[test]
fn the_docs_table_is_the_code_table() {
    let rows = doc_rows();
    let names = |rules: &mut dyn Iterator<Item = &str>| rules.collect::<Vec<_>>().join(", ");
    assert_eq!(
        names(&mut rows.iter().map(|r| r.name)),
        names(&mut RULES.iter().map(|r| r.name)),
        "the same rules in the same order"
    );
    for (row, rule) in rows.iter().zip(&RULES) {
        let Rule { name, title, severity, provision, .. } = rule;
        assert_eq!(row.title, *title, "{name}: title");
        // The severity the rule's findings carry comes first; a rule whose
        // findings can be milder says so after it (deadline).
        let first = row.severity.split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
        assert_eq!(first, severity.as_str(), "{name}: severity {:?}", row.severity);
        assert_eq!(row.provision, provision.unwrap_or("—"), "{name}: provision");
    }
}

#[test]
fn a_name_leads_to_one_rule() {
    for rule in &RULES {
        assert_eq!(rule.id.rule().name, rule.name);
        assert_eq!(RULES.iter().filter(|r| r.name == rule.name).count(), 1, "{}", rule.name);
    }
    assert_eq!(RuleId::HalfWidthPunctuation.as_str(), "half-width-punctuation");
    assert_eq!(RuleId::CopiedFromPrevious.rule().title, "与去年报告雷同");
}
