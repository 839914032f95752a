//! Native benchmark of the checker on a 100,000-character report (target
//! ≤ 10 ms), against a baseline of the same size measured in the same run.
//!
//!     cargo bench --bench check            full run
//!     cargo bench --bench check -- --quick a few runs (scripts/test.sh)

mod common;

use fazhi_report::report::check::{check, CheckContext};
use fazhi_report::report::parse;

const SEED: &str = include_str!("../../shared/seed/000_7470bc842f3634e7.txt");

fn main() {
    let bench = common::Bench::from_args();
    let (preamble, body) = SEED.split_once('\n').unwrap();
    let mut text = preamble.to_string();
    while text.chars().count() < 100_000 {
        text.push('\n');
        text.push_str(body);
    }
    let report = parse(&text);
    let chars = text.chars().count();
    let baseline = bench.time(|| text.lines().map(str::to_owned).collect::<Vec<_>>());
    let checked = bench.time(|| check(&report, &CheckContext::default()));
    bench.report(&format!("check, {chars} characters ({} findings)", check(&report, &CheckContext::default()).len()), checked, baseline, "≤ 10 ms");
}
