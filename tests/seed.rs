//! The seed report (tests/fixtures/seed) is the reference shape: reading it and
//! writing it back, or building it from its five sections, gives its bytes.

use fazhi_report::report::template::section_marker;
use fazhi_report::report::{parse, render, Eol, Heading, Line, Report, Section, SectionKind};

const SEED: &str = include_str!("fixtures/seed/000_7470bc842f3634e7.txt");

#[test]
fn seed_round_trips_byte_for_byte() {
    let report = parse(SEED);
    assert_eq!(render(&report).as_bytes(), SEED.as_bytes());
}

#[test]
fn seed_has_five_sections_of_the_right_kinds_and_items() {
    let report = parse(SEED);
    let kinds: Vec<_> = report.sections.iter().map(|s| s.kind).collect();
    assert_eq!(kinds, SectionKind::REQUIRED.to_vec());
    let items: Vec<_> = report.sections.iter().map(|s| s.items.len()).collect();
    assert_eq!(items, vec![3, 3, 4, 3, 0]);
    assert_eq!(report.title(), None);
    assert!(report.preamble().starts_with("为推进法治政府建设"));
}

/// Build the report the way the editor does — preamble and five sections of
/// free text — and export it: the seed's exact bytes.
#[test]
fn report_built_from_seed_sections_exports_seed_bytes() {
    let mut lines = SEED.split('\n');
    let preamble = lines.next().unwrap();
    let mut sections: Vec<(String, Vec<&str>)> = Vec::new();
    for line in lines {
        if let Some(rest) = ["一、", "二、", "三、", "四、", "五、"].iter().find_map(|m| line.strip_prefix(m)) {
            sections.push((rest.to_string(), Vec::new()));
        } else {
            sections.last_mut().unwrap().1.push(line);
        }
    }
    assert_eq!(sections.len(), 5);

    let mut report = Report { bom: false, eol: Eol::Lf, front: vec![Line::new(preamble)], sections: Vec::new(), back: Vec::new() };
    for (i, ((heading, body), kind)) in sections.iter().zip(SectionKind::REQUIRED).enumerate() {
        let mut section = Section {
            kind,
            heading: Heading { marker: section_marker(i + 1), text: heading.clone(), eol: Eol::None },
            intro: Vec::new(),
            items: Vec::new(),
        };
        section.set_body_text(&body.join("\n"));
        report.sections.push(section);
    }
    assert_eq!(render(&report).as_bytes(), SEED.as_bytes());
}
