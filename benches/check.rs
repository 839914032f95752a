//! Native benchmarks of the checker, each against a baseline of the same
//! size measured in the same run:
//!
//! - `check` on a 100,000-character report (target ≤ 10 ms);
//! - `check_previous` on a 30,000-character report against a
//!   30,000-character previous one in which every item paragraph was carried
//!   over with two characters changed — the worst case for copy detection,
//!   since every sentence survives the pre-filter (target ≤ 100 ms).
//!
//! Run with:
//!
//!     cargo bench --bench check            full run
//!     cargo bench --bench check -- --quick a few runs (scripts/test.sh)

mod common;

use fazhi_report::report::check::{check, check_previous, CheckContext, RuleId};
use fazhi_report::report::parse;
use fazhi_report::report::last_year::PreviousYear;


/// Two characters of an item line changed, at places that differ between repetitions.
fn two_changed(n: usize, line: &str) -> String {
    if !line.starts_with(|c: char| c.is_ascii_digit()) {
        return line.to_string();
    }
    line.chars().enumerate().map(|(i, c)| if i == 12 + n || i == 40 + 2 * n { '改' } else { c }).collect()
}

fn main() {
    let bench = common::Bench::from_args();
    let text = common::long_report(100_000);
    let report = parse(&text);
    let chars = text.chars().count();
    let baseline = bench.time(|| text.lines().map(str::to_owned).collect::<Vec<_>>());
    let checked = bench.time(|| check(&report, &CheckContext::default()));
    bench.report(&format!("check, {chars} characters ({} findings)", check(&report, &CheckContext::default()).len()), checked, baseline, "≤ 10 ms");

    let last = common::long_report(30_000);
    let this = common::repeated(30_000, two_changed);
    let previous = PreviousYear::from_report(&parse(&last));
    let report = parse(&this);
    let findings = check_previous(&report, &previous);
    let copied = findings.iter().filter(|f| f.rule == RuleId::CopiedFromPrevious).count();
    let baseline = bench.time(|| this.lines().chain(last.lines()).map(str::to_owned).collect::<Vec<_>>());
    let timed = bench.time(|| check_previous(&report, &previous));
    bench.report(
        &format!(
            "check_previous, {} vs {} characters ({copied} paragraphs copied)",
            this.chars().count(),
            last.chars().count()
        ),
        timed,
        baseline,
        "≤ 100 ms",
    );
}
