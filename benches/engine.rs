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

const SEED: &str = include_str!("../../shared/seed/000_7470bc842f3634e7.txt");

/// The seed's sections repeated until the report holds `chars` characters.
fn long_report(chars: usize) -> String {
    let (preamble, body) = SEED.split_once('\n').unwrap();
    let mut text = preamble.to_string();
    while text.chars().count() < chars {
        text.push('\n');
        text.push_str(body);
    }
    text
}

fn main() {
    let bench = common::Bench::from_args();
    let text = long_report(100_000);
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
