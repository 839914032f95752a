//! Sentences of this year's report copied from last year's: a per-sentence
//! character diff behind a length and shared-pair filter. The checker's
//! `copied-from-previous` rule reports them; the plan matcher never takes a
//! copied sentence as evidence that a plan was carried out.

use std::collections::HashMap;

use serde::Serialize;

use crate::report::diff;
use crate::report::model::{Report, SectionKind};
use crate::report::text::markers::without_marker;
use crate::report::text::render::LineMap;

/// A sentence of this year's report that (nearly) repeats one of last year's.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Copied {
    pub section: SectionKind,
    /// Position among this year's sections.
    pub section_index: usize,
    /// The item, 0-based; None for a section's intro paragraph.
    pub item: Option<usize>,
    /// 1-based line in this year's rendered text.
    pub line: usize,
    /// The sentence as written this year (without its closing punctuation).
    pub sentence: String,
    /// 1-based line in last year's rendered text ([`PreviousYear::text`](super::PreviousYear::text)).
    pub previous_line: usize,
    /// The sentence of last year's it resembles most.
    pub previous: String,
    /// 0.0–1.0: the character-diff ratio of the two sentences' letters and
    /// digits (1.0: identical).
    pub similarity: f32,
}

/// Sentences shorter than this (letters and digits only) are not compared:
/// short ones (`严格落实领导干部学法制度`, item titles) recur every year
/// legitimately.
pub const MIN_SENTENCE_CHARS: usize = 15;

/// A sentence is copied when its similarity to one of last year's reaches
/// this. The ratio is 2 × matching characters / total characters, so 0.9
/// allows about one changed character in ten: a 40-character sentence with
/// two characters changed (0.95) or a year moved forward is caught, a
/// sentence keeping only its frame while the facts and figures change is not.
pub const COPY_SIMILARITY: f32 = 0.9;

/// Similarity of two strings by character (see [`diff::ratio`]).
fn char_ratio(a: &str, b: &str) -> f32 {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    diff::ratio(&a, &b)
}

/// One body sentence, where it stands and what is compared.
struct Sentence {
    section: usize,
    item: Option<usize>,
    line: usize,
    text: String,
    /// Letters and digits only: punctuation (half-width or full-width) and
    /// spaces do not make a sentence new.
    key: String,
    len: usize,
}

/// The body sentences of a report: section intro paragraphs, items (title
/// and body) and their further paragraphs — never the front matter (title,
/// preamble) or a heading — split at 。！？； and their half-width forms.
fn sentences(report: &Report) -> Vec<Sentence> {
    let map = LineMap::new(report);
    let mut out = Vec::new();
    let mut push = |section: usize, item: Option<usize>, line: usize, paragraph: &str| {
        for part in paragraph.split(['。', '！', '？', '；', '!', '?', ';']) {
            let key: String = part.chars().filter(|c| c.is_alphanumeric()).collect();
            let len = key.chars().count();
            if len >= MIN_SENTENCE_CHARS {
                out.push(Sentence { section, item, line, text: part.trim().to_string(), key, len });
            }
        }
    };
    for (si, s) in report.sections.iter().enumerate() {
        for (k, l) in s.intro.iter().enumerate() {
            push(si, None, map.intros[si][k], without_marker(&l.text));
        }
        for (ii, item) in s.items.iter().enumerate() {
            push(si, Some(ii), map.items[si][ii], &format!("{}{}{}", item.title, item.sep, item.body));
            for (k, l) in item.more.iter().enumerate() {
                push(si, Some(ii), map.mores[si][ii][k], without_marker(&l.text));
            }
        }
    }
    out
}

/// Distinct adjacent character pairs of a key, packed for hashing.
fn key_pairs(key: &str) -> Vec<u64> {
    let chars: Vec<char> = key.chars().collect();
    let mut v: Vec<u64> = chars.windows(2).map(|w| (u64::from(w[0]) << 32) | u64::from(w[1])).collect();
    crate::report::sort::numbers(&mut v);
    v.dedup();
    v
}

/// Sentences of this year's body that repeat, or nearly repeat, a sentence
/// of last year's (similarity ≥ [`COPY_SIMILARITY`], sentences of at least
/// [`MIN_SENTENCE_CHARS`] letters and digits), in the order of the text.
///
/// The title, preamble and headings are not compared: they are the same
/// every year by design. Cost: identical sentences are found by hash; for
/// the rest the character diff runs only on pairs of last year's sentences
/// that pass two necessary conditions of similarity ≥ 0.9 — lengths within
/// 2·min/(a+b) ≥ 0.9, and at least 40% of the shorter one's distinct
/// character pairs shared (a pair of sentences at 0.9 shares over 60%, since
/// each changed character breaks at most two pairs and each gap one more).
pub fn copied_sentences(this_year: &Report, last_year: &Report) -> Vec<Copied> {
    let old = sentences(last_year);
    // Last year's distinct sentences (by key), with their pairs.
    let mut first_of: HashMap<&str, usize> = HashMap::new();
    let mut distinct: Vec<usize> = Vec::new();
    for (i, s) in old.iter().enumerate() {
        first_of.entry(&s.key).or_insert_with(|| {
            distinct.push(i);
            i
        });
    }
    let old_pairs: Vec<Vec<u64>> = distinct.iter().map(|&i| key_pairs(&old[i].key)).collect();
    let mut index: HashMap<u64, Vec<u32>> = HashMap::new();
    for (d, pairs) in old_pairs.iter().enumerate() {
        for p in pairs {
            index.entry(*p).or_default().push(d as u32);
        }
    }

    let mut shared = vec![0u32; distinct.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut out = Vec::new();
    for s in sentences(this_year) {
        let best = match first_of.get(s.key.as_str()) {
            Some(&i) => Some((i, 1.0)),
            None => {
                let pairs = key_pairs(&s.key);
                for p in &pairs {
                    for &d in index.get(p).map(Vec::as_slice).unwrap_or(&[]) {
                        if shared[d as usize] == 0 {
                            touched.push(d);
                        }
                        shared[d as usize] += 1;
                    }
                }
                let mut best: Option<(usize, f32)> = None;
                for d in touched.drain(..) {
                    let d = d as usize;
                    let common = std::mem::take(&mut shared[d]) as usize;
                    let o = &old[distinct[d]];
                    let (short, long) = (s.len.min(o.len), s.len.max(o.len));
                    if (2 * short) as f32 / ((short + long) as f32) < COPY_SIMILARITY
                        || common * 5 < 2 * pairs.len().min(old_pairs[d].len())
                    {
                        continue;
                    }
                    let ratio = char_ratio(&o.key, &s.key);
                    if ratio >= COPY_SIMILARITY && best.is_none_or(|(_, r)| ratio > r) {
                        best = Some((distinct[d], ratio));
                    }
                }
                best
            }
        };
        if let Some((i, similarity)) = best {
            let o = &old[i];
            out.push(Copied {
                section: this_year.sections[s.section].kind,
                section_index: s.section,
                item: s.item,
                line: s.line,
                sentence: s.text,
                previous_line: o.line,
                previous: o.text.clone(),
                similarity,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::text::parse::parse;

    const SEED: &str = include_str!("../../../tests/fixtures/seed/000_7470bc842f3634e7.txt");

    const PARAGRAPH: &str = "1. 加强组织领导。建立区国资委法治建设工作领导小组并根据工作需要和人事变动及时调整领导小组成员。充分发挥领导小组在法治学习、普法宣传等具体工作方面的重要作用。";

    #[test]
    fn copied_sentences_are_found_with_their_lines() {
        let last = parse(&format!("开头。\n一、主要举措和成效\n{PARAGRAPH}"));
        let edited = PARAGRAPH.replace("及时调整", "适时调整");
        let this = parse(&format!("标题报告\n开头。\n一、主要举措和成效\n1. 新的工作。今年开展了全新的普法活动共计五场次。\n{}", edited.replacen("1.", "2.", 1)));
        let found = copied_sentences(&this, &last);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!((found[0].line, found[0].previous_line, found[0].item), (5, 3, Some(1)));
        assert!(found[0].similarity > 0.95 && found[0].similarity < 1.0, "{}", found[0].similarity);
        assert!(found[0].sentence.contains("适时调整") && found[0].previous.contains("及时调整"));
        assert_eq!(found[1].similarity, 1.0);
    }

    #[test]
    fn short_sentences_headings_and_the_preamble_are_not_compared() {
        let last = parse("为推进法治政府建设，按照《法治政府建设与责任落实督察工作规定》要求，现将工作情况报告如下。\n一、2023年度推进法治政府建设的主要举措和成效\n1. 加强组织领导。严格落实领导干部学法制度。");
        let this = parse("为推进法治政府建设，按照《法治政府建设与责任落实督察工作规定》要求，现将工作情况报告如下。\n一、2023年度推进法治政府建设的主要举措和成效\n1. 加强组织领导。严格落实领导干部学法制度。");
        assert!(copied_sentences(&this, &last).is_empty());
    }

    #[test]
    fn punctuation_alone_does_not_make_a_sentence_new() {
        let last = parse("一、主要举措和成效\n1. 学习。组织机关工作人员认真参加网上学法用法考试,考试通过率达到100%。");
        let this = parse("一、主要举措和成效\n1. 学习。组织机关工作人员认真参加网上学法用法考试，考试通过率达到100%。");
        assert_eq!(copied_sentences(&this, &last)[0].similarity, 1.0);
    }

    /// The pre-filter never drops a pair the diff would accept: every seed
    /// sentence with one to six characters changed is compared with the
    /// whole seed by brute force and by `copied_sentences`.
    #[test]
    fn the_pre_filter_agrees_with_brute_force() {
        let seed = parse(SEED);
        let old = sentences(&seed);
        let mut lines = Vec::new();
        for (n, s) in old.iter().enumerate() {
            let mut chars: Vec<char> = s.text.chars().collect();
            // Change `k` characters spread over the sentence.
            let k = 1 + n % 6;
            for j in 0..k {
                let at = (j * chars.len()) / k + 1;
                if at < chars.len() {
                    chars[at] = '改';
                }
            }
            lines.push(format!("{}. 标题。{}", n + 1, chars.into_iter().collect::<String>()));
        }
        let this = parse(&format!("一、主要举措和成效\n{}", lines.join("\n")));
        let fast: Vec<(usize, String)> = copied_sentences(&this, &seed).into_iter().map(|c| (c.line, c.sentence)).collect();
        let brute: Vec<(usize, String)> = sentences(&this)
            .into_iter()
            .filter(|s| old.iter().any(|o| char_ratio(&o.key, &s.key) >= COPY_SIMILARITY))
            .map(|s| (s.line, s.text))
            .collect();
        assert_eq!(fast, brute);
        assert!(brute.len() > 10 && brute.len() < old.len(), "{} of {}", brute.len(), old.len());
    }
}
