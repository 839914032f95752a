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
