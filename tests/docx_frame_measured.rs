//! The 公文's frame as LibreOffice lays it out (issue #24), from the figures
//! `scripts/docx-frame-preview.sh --fixtures` measured on the rendered pages
//! and committed in tests/fixtures/docx-frame-measured/, so no office suite is
//! needed here. The document.xml kept beside them must be the one the writer
//! makes today: when the layout changes, the test says to measure again.

use std::io::{Cursor, Read};

use fazhi_report::report::formats::gongwen::title_lines;
use fazhi_report::report::formats::{export_docx_laid_out, DocxLayout, Seal};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/docx-frame-measured");
const TEXT: &str = include_str!("corpus/49_frame_sealed_annex.txt");
const UNIT: &str = "青石市临溪区司法局";

/// The document examples/framed_docx.rs writes, as the script renders it.
fn document_xml(seal: Seal) -> String {
    let layout = DocxLayout { seal, unit: Some(UNIT.to_string()) };
    let bytes = export_docx_laid_out(&fazhi_report::report::parse(TEXT), None, &layout).unwrap();
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml").unwrap().read_to_string(&mut xml).unwrap();
    xml
}

/// (measure, got, standard, tolerance)
type Measure = (String, f64, f64, f64);

/// (title lines, measures) from a .tsv.
fn measured(name: &str) -> (Vec<String>, Vec<Measure>) {
    let text = std::fs::read_to_string(format!("{DIR}/{name}.measured.tsv")).unwrap();
    let mut title = Vec::new();
    let mut rows = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split('\t').collect();
        match f[0] {
            "title lines" => title = f[1].split(" / ").map(str::to_string).collect(),
            "measure" => {}
            _ => rows.push((f[0].to_string(), f[1].parse().unwrap(), f[2].parse().unwrap(), f[3].parse().unwrap())),
        }
    }
    (title, rows)
}

#[test]
fn the_measured_documents_are_the_ones_the_writer_makes() {
    for (seal, name) in [(Seal::Sealed, "sealed"), (Seal::Unsealed, "unsealed")] {
        let kept = std::fs::read_to_string(format!("{DIR}/{name}.document.xml")).unwrap();
        assert!(
            kept == document_xml(seal),
            "the .docx writer changed since the {name} layout was measured: run scripts/docx-frame-preview.sh --fixtures and look at the figures"
        );
    }
}

#[test]
fn libreoffice_puts_the_frame_where_gb_t_9704_does() {
    for name in ["sealed", "unsealed"] {
        let (title, rows) = measured(name);
        // §7.3.1: the lines LibreOffice broke are the writer's balanced ones.
        let title_text = TEXT.lines().nth(1).unwrap();
        assert_eq!(title, title_lines(title_text, Some(UNIT)), "{name}");
        let expect: &[&str] = if name == "sealed" {
            &["(7.3.2)", "右空四字 (7.3.5.1)", "centre (7.3.5.1)", "room for the seal", "one line below"]
        } else {
            &["(7.3.2)", "右空二字 (7.3.5.2)", "first char (7.3.5.2)", "署名 (7.3.5.2)", "one line below"]
        };
        for what in expect {
            assert!(rows.iter().any(|r| r.0.contains(what)), "{name}: {what} measured");
        }
        for (measure, got, standard, tolerance) in rows {
            assert!((got - standard).abs() <= tolerance, "{name}: {measure}: {got} against {standard} ± {tolerance}");
        }
        // 主送机关 居左顶格 within 1 mm (the bound).
        let (_, rows) = measured(name);
        let a = rows.iter().find(|r| r.0.contains("(7.3.2)")).unwrap();
        assert!(a.1.abs() <= 1.0 && a.3 <= 1.0);
    }
}
