//! Every regulation text the app quotes must match its source in
//! ../shared/regulation/README.md character for character.

use fazhi_report::report::guidance::FIVE_CONTENTS;

const SOURCE: &str = include_str!("../../shared/regulation/README.md");

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
