//! A small benchmark harness: runs a closure many times and prints the
//! median and p95 next to a baseline measured in the same run, as a ratio.
//! `--quick` (or cargo's `--test`/`--bench` flags with `--quick`) runs each
//! a few times so the test command keeps the benchmarks from rotting; no
//! timing is ever asserted.

use std::hint::black_box;
use std::time::{Duration, Instant};

pub struct Bench {
    pub quick: bool,
}

impl Bench {
    pub fn from_args() -> Self {
        let args: Vec<String> = std::env::args().collect();
        Bench { quick: args.iter().any(|a| a == "--quick" || a == "--test") }
    }

    fn runs(&self) -> usize {
        if self.quick {
            3
        } else {
            60
        }
    }

    /// Time `f`, returning (median, p95).
    pub fn time<R>(&self, mut f: impl FnMut() -> R) -> (Duration, Duration) {
        black_box(f()); // warm up
        let mut xs: Vec<Duration> = (0..self.runs())
            .map(|_| {
                let t = Instant::now();
                black_box(f());
                t.elapsed()
            })
            .collect();
        xs.sort();
        let p95 = xs[((xs.len() as f64 * 0.95).ceil() as usize).saturating_sub(1).min(xs.len() - 1)];
        (xs[(xs.len() - 1) / 2], p95)
    }

    /// Print one figure against its baseline.
    pub fn report(&self, name: &str, (median, p95): (Duration, Duration), baseline: (Duration, Duration), target: &str) {
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!(
            "bench: {name}: median {:.3} ms, p95 {:.3} ms; baseline median {:.3} ms; ratio {:.1}; target {target}{}",
            ms(median),
            ms(p95),
            ms(baseline.0),
            ms(median) / ms(baseline.0).max(1e-9),
            if self.quick { " (quick run)" } else { "" }
        );
    }
}

/// The real published report every benchmark grows its text from.
pub const SEED: &str = include_str!("../../tests/fixtures/seed/000_7470bc842f3634e7.txt");

/// The seed's preamble, then its body repeated until the text has at least
/// `chars` characters; `edit` may change each body line of repetition `n`.
#[allow(dead_code)] // not every benchmark edits the lines
pub fn repeated(chars: usize, edit: impl Fn(usize, &str) -> String) -> String {
    let (preamble, body) = SEED.split_once('\n').unwrap();
    let mut text = preamble.to_string();
    let mut n = 0;
    while text.chars().count() < chars {
        for line in body.lines() {
            text.push('\n');
            text.push_str(&edit(n, line));
        }
        n += 1;
    }
    text
}

/// The seed's sections repeated until the report holds `chars` characters.
#[allow(dead_code)]
pub fn long_report(chars: usize) -> String {
    repeated(chars, |_, line| line.to_string())
}
