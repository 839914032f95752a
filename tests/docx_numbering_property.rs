//! Property: whatever a .docx's styles and numbering say — random formats,
//! templates, starts, restarts, overrides, undefined lists and levels, style
//! chains with cycles, numbering through styles — the reader never panics,
//! never loses or reorders a paragraph, and only ever adds a marker before a
//! paragraph's own text. (Fuzzing the reader's input on stable, with proptest.)

use std::io::{Cursor, Write};

use fazhi_report::report::formats::import_docx;
use fazhi_report::report::render;
use proptest::prelude::*;

const FORMATS: &[&str] = &[
    "decimal", "chineseCounting", "chineseCountingThousand", "taiwaneseCountingThousand", "ideographTraditional",
    "decimalFullWidth", "decimalEnclosedCircleChinese", "upperLetter", "lowerRoman", "bullet", "none", "ideographZodiac",
    "decimalZero", "chineseLegalSimplified", "nonsense",
];
const TEXTS: &[&str] = &["%1、", "（%2）", "%3.", "%1．", "第%1部分", "%1.%2.%3", "%9", "%", "%0", "", "(%1)", "%1%1%1"];

#[derive(Debug, Clone)]
struct Lvl {
    ilvl: u8,
    fmt: usize,
    text: usize,
    start: u32,
    restart: Option<u8>,
    style: Option<u8>,
}

#[derive(Debug, Clone)]
struct Para {
    style: Option<u8>,
    num: Option<(u8, Option<u8>)>,
    outline: Option<u8>,
    text: String,
}

fn lvl() -> impl Strategy<Value = Lvl> {
    (0u8..11, 0..FORMATS.len(), 0..TEXTS.len(), prop_oneof![Just(0u32), Just(1), 0u32..30, Just(u32::MAX)], proptest::option::of(0u8..10), proptest::option::of(0u8..6))
        .prop_map(|(ilvl, fmt, text, start, restart, style)| Lvl { ilvl, fmt, text, start, restart, style })
}

fn para() -> impl Strategy<Value = Para> {
    (proptest::option::of(0u8..6), proptest::option::of((0u8..6, proptest::option::of(0u8..12))), proptest::option::of(0u8..11), "[一二主要举措成效不足原因安排 ，。a1]{0,12}")
        .prop_map(|(style, num, outline, text)| Para { style, num, outline, text })
}

/// A style: basedOn, numId, outline level, named as a built-in heading.
type StyleSpec = (Option<u8>, Option<u8>, Option<u8>, bool);

fn package(abstracts: &[Vec<Lvl>], nums: &[(u8, Option<(u8, u32)>)], styles: &[StyleSpec], paras: &[Para]) -> Vec<u8> {
    let mut numbering = String::from(r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#);
    for (a, levels) in abstracts.iter().enumerate() {
        numbering.push_str(&format!(r#"<w:abstractNum w:abstractNumId="{a}">"#));
        if a == 3 {
            numbering.push_str(r#"<w:numStyleLink w:val="s2"/>"#);
        }
        if a == 1 {
            numbering.push_str(r#"<w:styleLink w:val="s2"/>"#);
        }
        for l in levels {
            numbering.push_str(&format!(
                r#"<w:lvl w:ilvl="{}"><w:start w:val="{}"/><w:numFmt w:val="{}"/><w:lvlText w:val="{}"/>{}{}<w:pPr><w:ind w:left="1"/></w:pPr></w:lvl>"#,
                l.ilvl, l.start, FORMATS[l.fmt], TEXTS[l.text],
                l.restart.map(|r| format!(r#"<w:lvlRestart w:val="{r}"/>"#)).unwrap_or_default(),
                l.style.map(|s| format!(r#"<w:pStyle w:val="s{s}"/>"#)).unwrap_or_default(),
            ));
        }
        numbering.push_str("</w:abstractNum>");
    }
    for (n, (a, over)) in nums.iter().enumerate() {
        numbering.push_str(&format!(r#"<w:num w:numId="{}"><w:abstractNumId w:val="{a}"/>"#, n + 1));
        if let Some((ilvl, start)) = over {
            numbering.push_str(&format!(r#"<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>"#));
        }
        numbering.push_str("</w:num>");
    }
    numbering.push_str("</w:numbering>");
    let mut styles_xml = String::from(r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#);
    for (i, (based, num, outline, heading)) in styles.iter().enumerate() {
        styles_xml.push_str(&format!(
            r#"<w:style w:type="paragraph" w:styleId="s{i}"><w:name w:val="{}"/>{}<w:pPr>{}{}</w:pPr></w:style>"#,
            if *heading { format!("heading {}", i + 1) } else { format!("style {i}") },
            based.map(|b| format!(r#"<w:basedOn w:val="s{b}"/>"#)).unwrap_or_default(),
            num.map(|n| format!(r#"<w:numPr><w:numId w:val="{n}"/></w:numPr>"#)).unwrap_or_default(),
            outline.map(|o| format!(r#"<w:outlineLvl w:val="{o}"/>"#)).unwrap_or_default(),
        ));
    }
    styles_xml.push_str("</w:styles>");
    let mut body = String::new();
    for p in paras {
        let mut ppr = String::new();
        if let Some(s) = p.style {
            ppr.push_str(&format!(r#"<w:pStyle w:val="s{s}"/>"#));
        }
        if let Some((n, ilvl)) = p.num {
            ppr.push_str("<w:numPr>");
            if let Some(i) = ilvl {
                ppr.push_str(&format!(r#"<w:ilvl w:val="{i}"/>"#));
            }
            ppr.push_str(&format!(r#"<w:numId w:val="{n}"/></w:numPr>"#));
        }
        if let Some(o) = p.outline {
            ppr.push_str(&format!(r#"<w:outlineLvl w:val="{o}"/>"#));
        }
        body.push_str(&format!(r#"<w:p><w:pPr>{ppr}</w:pPr><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#, p.text));
    }
    let document = format!(r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#);
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in [("word/document.xml", document), ("word/numbering.xml", numbering), ("word/styles.xml", styles_xml)] {
        w.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        w.write_all(data.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]
    #[test]
    fn any_numbering_keeps_every_paragraph_in_order(
        abstracts in proptest::collection::vec(proptest::collection::vec(lvl(), 0..6), 0..5),
        nums in proptest::collection::vec((0u8..6, proptest::option::of((0u8..10, 0u32..20))), 0..6),
        styles in proptest::collection::vec((proptest::option::of(0u8..6), proptest::option::of(0u8..7), proptest::option::of(0u8..11), any::<bool>()), 0..6),
        paras in proptest::collection::vec(para(), 1..25),
    ) {
        let bytes = package(&abstracts, &nums, &styles, &paras);
        let import = import_docx(&bytes).expect("a well-formed package always imports");
        let lines: Vec<&str> = import.text.split('\n').collect();
        prop_assert_eq!(lines.len(), paras.len());
        prop_assert_eq!(import.levels.len(), paras.len());
        for (line, p) in lines.iter().zip(&paras) {
            prop_assert!(line.ends_with(p.text.as_str()), "{:?} lost {:?}", line, p.text);
            prop_assert!(line.chars().count() <= p.text.chars().count() + 200, "marker too long: {:?}", line);
        }
        prop_assert_eq!(render(&import.report()), import.text);
    }

    #[test]
    fn garbage_styles_and_numbering_parts_never_panic(numbering in proptest::collection::vec(any::<u8>(), 0..400), styles in "[<>/=\"a-zA-Z: ]{0,300}") {
        let document = r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:pPr><w:pStyle w:val="a"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>一段正文</w:t></w:r></w:p></w:body></w:document>"#;
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, data) in [("word/document.xml", document.as_bytes()), ("word/numbering.xml", numbering.as_slice()), ("word/styles.xml", styles.as_bytes())] {
            w.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
            w.write_all(data).unwrap();
        }
        let import = import_docx(&w.finish().unwrap().into_inner()).expect("the body is fine");
        prop_assert!(import.text.ends_with("一段正文"));
    }
}
