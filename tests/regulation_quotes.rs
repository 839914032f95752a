//! Every regulation text the app quotes must match its source in
//! docs/sources/regulation/README.md character for character.

use fazhi_report::report::guidance::FIVE_CONTENTS;

const SOURCE: &str = include_str!("../docs/sources/regulation/README.md");

#[test]
fn five_contents_quote_matches_source() {
    // The source quotes it as a Markdown block quote: "> 一是…".
    let quoted = SOURCE
        .lines()
        .filter_map(|l| l.strip_prefix("> "))
        .find(|l| l.starts_with("一是上一年度"))
        .expect("the five contents are quoted in the source");
    assert_eq!(quoted.trim_end(), FIVE_CONTENTS);
}

use fazhi_report::report::guidance::{guide, quotes, Quote, PUBLICATION, REPORTING_DEADLINES};
use fazhi_report::report::SectionKind;

/// The source's lines, each with the `## ` document heading it stands under.
fn lines_by_document() -> Vec<(&'static str, &'static str)> {
    let mut doc = "";
    let mut out = Vec::new();
    for line in SOURCE.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            doc = h;
        }
        out.push((doc, line));
    }
    out
}

/// The 《…》 title in a document heading such as `《法治政府建设实施纲要（2021－2025年）》 (中共中央…)`.
fn title_of(heading: &str) -> Option<&str> {
    let start = heading.find('《')?;
    let end = heading[start..].find('》')? + start + '》'.len_utf8();
    Some(&heading[start..end])
}

#[test]
fn every_quote_is_verbatim_under_the_document_it_cites() {
    for q in quotes() {
        assert!(!q.text.is_empty());
        let homes: Vec<_> = lines_by_document().into_iter().filter(|(_, l)| l.contains(q.text)).collect();
        assert!(!homes.is_empty(), "not verbatim in the source: {}", q.text);
        assert!(
            homes.iter().any(|(doc, _)| title_of(doc).is_some_and(|t| q.source.contains(t))),
            "{} does not cite the document it is quoted under: {}",
            q.source,
            q.text
        );
    }
}

#[test]
fn regulation_quotes_come_from_quoted_passages() {
    // Quotes of the supervision regulation (direct or restated) are copied from
    // the source's block quotes, not from its prose.
    for q in quotes().into_iter().filter(|q| q.source.contains("《法治政府建设与责任落实督察工作规定》")) {
        assert!(
            SOURCE.lines().filter_map(|l| l.strip_prefix("> ")).any(|l| l.contains(q.text)),
            "not inside a quoted passage: {}",
            q.text
        );
    }
}

/// Every `第…条` named in a text.
fn articles(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find('第') {
        let after = &rest[i..];
        let len: usize = after.chars().skip(1).take_while(|c| "一二三四五六七八九十百零".contains(*c)).map(char::len_utf8).sum();
        let tail = &after['第'.len_utf8() + len..];
        if len > 0 && tail.starts_with('条') {
            found.push(&after[..'第'.len_utf8() + len + '条'.len_utf8()]);
        }
        rest = &after['第'.len_utf8()..];
    }
    found
}

#[test]
fn articles_are_cited_only_where_verified() {
    assert_eq!(articles("见第二十四条和第五项，第二十五条"), ["第二十四条", "第二十五条"]);
    for q in quotes() {
        for article in articles(q.source) {
            let heading = SOURCE
                .lines()
                .find(|l| l.starts_with("### ") && l.contains(article))
                .unwrap_or_else(|| panic!("{article} has no heading of its own in the source"));
            assert!(
                heading.contains("(verified") && !heading.contains("unverified"),
                "{article} is not marked verified: {heading}"
            );
        }
    }
    assert!(PUBLICATION.source.ends_with("第二十四条"));
    assert!(articles(REPORTING_DEADLINES.source).is_empty());
}

#[test]
fn the_five_contents_cite_the_regulation_by_name_only() {
    // Their article number is unverified in the source.
    for kind in SectionKind::REQUIRED {
        let Quote { source, .. } = guide(kind).requirement;
        assert_eq!(source, "《法治政府建设与责任落实督察工作规定》");
    }
}

#[test]
fn outline_areas_are_the_outline_headings_verbatim() {
    let outline = SOURCE
        .lines()
        .find(|l| l.starts_with("健全政府机构职能体系"))
        .expect("the outline's headings are listed in the source");
    let headings: Vec<_> = outline.trim_end_matches('。').split('；').collect();
    let areas = guide(SectionKind::Measures).areas;
    let from_outline: Vec<_> = areas.iter().filter(|a| a.from_outline).map(|a| a.heading).collect();
    assert_eq!(from_outline, headings, "all of the outline's areas, in its order");
    assert!(areas.iter().any(|a| !a.from_outline && a.heading.contains("普法")));
}

use fazhi_report::report::guidance::{
    example_report, kind_notes, period_notes, areas_heading, ENFORCEMENT_SUPERVISION, OUTLINE_LAST_YEAR,
};
use fazhi_report::report::deadline::UnitKind;

/// Every 《…》 title in a text.
fn titles(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('《') {
        let Some(len) = rest[start..].find('》') else { break };
        out.push(&rest[start..start + len + '》'.len_utf8()]);
        rest = &rest[start + len..];
    }
    out
}

/// Everything the guidance panel says in its own voice, for a report on `year`.
fn panel_texts(year: i32) -> Vec<String> {
    let mut texts = vec![areas_heading(year).to_string()];
    for kind in SectionKind::REQUIRED {
        let g = guide(kind);
        texts.extend(g.what_to_write.iter().chain(g.mistakes).map(|t| t.to_string()));
        texts.extend(g.areas.iter().flat_map(|a| [a.heading.to_string(), a.hint.to_string()]));
        texts.extend(period_notes(kind, year));
    }
    for kind in [UnitKind::TownshipStreet, UnitKind::LocalGovernment, UnitKind::Department] {
        texts.extend(kind_notes(Some(kind)).iter().map(|t| t.to_string()));
    }
    texts
}

/// The guidance names only documents the sources record under a heading of
/// their own — so no successor to the outline is invented, and the
/// 《行政执法监督条例》 is there, marked as not quoted.
#[test]
fn every_document_the_guidance_names_is_in_the_sources() {
    let headings: Vec<&str> = SOURCE.lines().filter_map(|l| l.strip_prefix("## ")).filter_map(title_of).collect();
    for year in [2025, 2026] {
        for text in panel_texts(year) {
            for title in titles(&text) {
                assert!(headings.contains(&title), "{title} is named in the guidance but has no entry in the sources: {text}");
            }
        }
    }
    let entry = SOURCE.lines().find(|l| l.starts_with("## 《行政执法监督条例》")).expect("the 条例 has an entry");
    assert!(entry.contains(ENFORCEMENT_SUPERVISION.number), "{entry}");
    let body = SOURCE.split(entry).nth(1).unwrap().split("\n## ").next().unwrap();
    assert!(body.contains(&format!("{}公布，自{}起施行", ENFORCEMENT_SUPERVISION.issued_by, ENFORCEMENT_SUPERVISION.in_force_from)), "{body}");
    assert!(body.contains("Article text not quoted"), "{body}");
}

/// The 条例 is named with its number wherever the panel introduces it, and
/// never with an article; the outline is said to have ended, not to be in force.
#[test]
fn the_2026_guidance_names_the_ordinance_and_the_outline_as_ended() {
    let texts = panel_texts(2026);
    let naming: Vec<&String> = texts.iter().filter(|t| t.contains(ENFORCEMENT_SUPERVISION.title)).collect();
    assert!(naming.len() >= 2, "{naming:?}");
    assert!(naming.iter().any(|t| t.contains(ENFORCEMENT_SUPERVISION.number) && t.contains(ENFORCEMENT_SUPERVISION.in_force_from)));
    for t in &texts {
        assert!(articles(t).is_empty() || !t.contains(ENFORCEMENT_SUPERVISION.title), "an article of the 条例 cited: {t}");
        if t.contains("2021－2025") && t.contains("纲要") {
            assert!(t.contains(&format!("已于{OUTLINE_LAST_YEAR}年结束")) || t.contains("当作现行部署依据"), "the outline not said to have ended: {t}");
        }
    }
    assert!(example_report(2026).contains(ENFORCEMENT_SUPERVISION.title));
    assert!(!example_report(2025).contains(ENFORCEMENT_SUPERVISION.title), "not in force in 2025");
}

/// A report on a year before the 条例 (from last year's report, a 2024
/// report is begun) is not told about the 条例 or the outline's end.
#[test]
fn the_guidance_for_a_year_before_the_ordinance_says_nothing_of_it() {
    for t in panel_texts(2024) {
        assert!(!t.contains(ENFORCEMENT_SUPERVISION.title) || t.contains("2026年度起"), "{t}");
        assert!(!t.contains("已于2025年结束"), "{t}");
    }
}
