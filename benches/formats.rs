//! Native benchmarks of the export formats on a 30,000-character report (the
//! size the browser benchmark uses), each against a baseline of the same
//! size measured in the same run:
//!
//! - .docx export (zip of the XML parts, deflated) and import (unzip, read
//!   the paragraphs, parse) — baseline: deflating and inflating the report's
//!   own text with the same deflate code (flate2, miniz_oxide), the bulk of
//!   a .docx's work;
//! - .txt export as GBK with CRLF — baseline: the plain UTF-8 export;
//! - the share file written and read back — baseline: the report's text
//!   alone written as one JSON string and read back.
//!
//! Run with:
//!
//!     cargo bench --bench formats            full run
//!     cargo bench --bench formats -- --quick a few runs (scripts/test.sh)

mod common;

use std::io::{Read, Write};

use fazhi_report::report::draft::Draft;
use fazhi_report::report::formats::{
    export_docx, export_share, export_txt, import_docx, import_share, TxtEncoding, TxtOptions,
};
use fazhi_report::report::{parse, render};


fn deflate(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

fn inflate(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::DeflateDecoder::new(bytes).read_to_end(&mut out).unwrap();
    out
}

fn main() {
    let bench = common::Bench::from_args();
    let text = common::long_report(30_000);
    let chars = text.chars().count();
    let report = parse(&text);

    let docx = export_docx(&report).unwrap();
    let read_back = import_docx(&docx).unwrap();
    assert_eq!(render(&parse(&read_back.text)), text, "the benchmark text must survive a .docx round trip");
    let deflated = deflate(text.as_bytes());
    let deflate_baseline = bench.time(|| deflate(text.as_bytes()));
    let inflate_baseline = bench.time(|| inflate(&deflated));

    let exported = bench.time(|| export_docx(&report).unwrap());
    bench.report(&format!(".docx export, {chars} characters ({} bytes)", docx.len()), exported, deflate_baseline, "≤ 100 ms");
    let imported = bench.time(|| parse(&import_docx(&docx).unwrap().text));
    bench.report(&format!(".docx import and parse, {chars} characters"), imported, inflate_baseline, "—");

    let utf8 = bench.time(|| export_txt(&report, &TxtOptions::default()).unwrap());
    let gbk = TxtOptions { encoding: TxtEncoding::Gbk, crlf: true };
    let txt = bench.time(|| export_txt(&report, &gbk).unwrap());
    bench.report(&format!(".txt export as GBK with CRLF, {chars} characters"), txt, utf8, "—");

    let mut draft = Draft::new("bench", "基准测试局", 2025, 0);
    draft.report = report.clone();
    let share = export_share(&draft, 0);
    assert_eq!(import_share(&share).unwrap(), draft, "the share file must round-trip");
    let json_baseline = bench.time(|| serde_json::from_str::<String>(&serde_json::to_string(&text).unwrap()).unwrap());
    let shared = bench.time(|| import_share(&export_share(&draft, 0)).unwrap());
    bench.report(&format!("share file written and read back, {chars} characters ({} bytes)", share.len()), shared, json_baseline, "—");
}
