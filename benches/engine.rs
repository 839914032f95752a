//! Native benchmark of the text engine: decode + parse + classify of a
//! 100,000-character report (target ≤ 20 ms), and render, each against a
//! baseline of the same size measured in the same run (splitting the text
//! into lines and copying it, the least any reader of the text must do).
//!
//!     cargo bench --bench engine            full run
//!     cargo bench --bench engine -- --quick a few runs (scripts/test.sh)

mod common;

use fazhi_report::report::decode::decode;
use fazhi_report::report::{parse, render};


fn main() {
    let bench = common::Bench::from_args();
    let text = common::long_report(100_000);
    let bytes = text.as_bytes().to_vec();
    let chars = text.chars().count();
    let baseline = bench.time(|| text.lines().map(str::to_owned).collect::<Vec<_>>());

    let parsed = bench.time(|| parse(&decode(&bytes).unwrap().text));
    bench.report(&format!("decode + parse + classify, {chars} characters"), parsed, baseline, "≤ 20 ms");

    let report = parse(&text);
    assert_eq!(render(&report), text, "the benchmark text must round-trip");
    let rendered = bench.time(|| render(&report));
    bench.report(&format!("render, {chars} characters"), rendered, baseline, "—");
}
