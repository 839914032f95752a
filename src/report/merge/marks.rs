//! Which characters of two versions of a paragraph differ, marked the way a
//! reader checks a change: first by sentence, then — only inside the
//! sentences that changed — by character, with a number or a Latin word
//! as one unit, so `150` → `200` is one marked span on each side rather
//! than `15` and `2` with a shared `0` between them.

use super::super::diff::{self, DiffOp};

/// A stretch of one paragraph, marked when it differs from the other side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub changed: bool,
}

/// The two texts with their differences marked. Sentences present on one
/// side only are marked whole; a pair of replaced sentences is compared by
/// character (numbers and Latin words as units), unless they have less than
/// 40 % in common, when each is marked whole: highlighting scattered shared
/// characters helps nobody.
pub fn marks(a: &str, b: &str) -> (Vec<Span>, Vec<Span>) {
    let (sa, sb) = (sentences(a), sentences(b));
    let (mut ma, mut mb) = (Vec::new(), Vec::new());
    for op in diff::ops(&sa, &sb) {
        match op {
            DiffOp::Equal { old_index, new_index, len } => {
                push(&mut ma, &sa[old_index..old_index + len].concat(), false);
                push(&mut mb, &sb[new_index..new_index + len].concat(), false);
            }
            DiffOp::Delete { old_index, old_len, .. } => push(&mut ma, &sa[old_index..old_index + old_len].concat(), true),
            DiffOp::Insert { new_index, new_len, .. } => push(&mut mb, &sb[new_index..new_index + new_len].concat(), true),
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                let x = sa[old_index..old_index + old_len].concat();
                let y = sb[new_index..new_index + new_len].concat();
                inside(&mut ma, &mut mb, &x, &y);
            }
        }
    }
    (ma, mb)
}

/// A text as its one unchanged span (a paragraph both sides share).
pub fn plain(text: &str) -> Vec<Span> {
    if text.is_empty() {
        Vec::new()
    } else {
        vec![Span { text: text.to_string(), changed: false }]
    }
}

/// A text marked whole (a paragraph only one side has).
pub fn whole(text: &str) -> Vec<Span> {
    if text.is_empty() {
        Vec::new()
    } else {
        vec![Span { text: text.to_string(), changed: true }]
    }
}

/// Sentences with their closing punctuation (and any closing quote or
/// bracket after it); a line break ends a sentence too.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n') {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if matches!(d, '”' | '’' | '」' | '』' | '）' | ')' | '》') && c != '\n' {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            out.push(&text[start..end]);
            start = end;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// Units of the character comparison: a run of digits (with a decimal point
/// between digits), a run of Latin letters, or one character.
fn tokens(text: &str) -> Vec<&str> {
    let kind = |c: char| {
        if c.is_ascii_digit() || ('０'..='９').contains(&c) {
            1
        } else if c.is_ascii_alphabetic() {
            2
        } else {
            0
        }
    };
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let k = kind(c);
        let mut end = i + c.len_utf8();
        if k != 0 {
            while let Some(&(j, d)) = chars.peek() {
                let decimal = k == 1 && matches!(d, '.' | '．') && text[j + d.len_utf8()..].chars().next().is_some_and(|n| kind(n) == 1);
                if kind(d) == k || decimal {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
        }
        out.push(&text[i..end]);
    }
    out
}

/// Replaced sentences compared unit by unit.
fn inside(ma: &mut Vec<Span>, mb: &mut Vec<Span>, x: &str, y: &str) {
    let (tx, ty) = (tokens(x), tokens(y));
    let ops = diff::ops(&tx, &ty);
    if 2 * diff::matched(&ops) * 10 < 4 * (tx.len() + ty.len()) {
        push(ma, x, true);
        push(mb, y, true);
        return;
    }
    for op in ops {
        match op {
            DiffOp::Equal { old_index, new_index, len } => {
                push(ma, &tx[old_index..old_index + len].concat(), false);
                push(mb, &ty[new_index..new_index + len].concat(), false);
            }
            DiffOp::Delete { old_index, old_len, .. } => push(ma, &tx[old_index..old_index + old_len].concat(), true),
            DiffOp::Insert { new_index, new_len, .. } => push(mb, &ty[new_index..new_index + new_len].concat(), true),
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                push(ma, &tx[old_index..old_index + old_len].concat(), true);
                push(mb, &ty[new_index..new_index + new_len].concat(), true);
            }
        }
    }
}

fn push(spans: &mut Vec<Span>, text: &str, changed: bool) {
    if text.is_empty() {
        return;
    }
    match spans.last_mut() {
        Some(last) if last.changed == changed => last.text.push_str(text),
        _ => spans.push(Span { text: text.to_string(), changed }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(spans: &[Span]) -> Vec<&str> {
        spans.iter().filter(|s| s.changed).map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn a_deleted_sentence_is_the_only_mark() {
        let (a, b) = marks("健全制度。开展培训3次。完善机制。", "健全制度。完善机制。");
        assert_eq!(marked(&a), ["开展培训3次。"]);
        assert!(marked(&b).is_empty());
        assert_eq!(b, plain("健全制度。完善机制。"));
    }

    #[test]
    fn a_number_change_is_one_span_on_each_side() {
        let (a, b) = marks("共培训150人次。另有说明。", "共培训200人次。另有说明。");
        assert_eq!(marked(&a), ["150"]);
        assert_eq!(marked(&b), ["200"]);
        let (a, b) = marks("增长3.5%。", "增长12.25%。");
        assert_eq!((marked(&a), marked(&b)), (vec!["3.5"], vec!["12.25"]));
        let (a, b) = marks("办理１５件。", "办理１６件。");
        assert_eq!((marked(&a), marked(&b)), (vec!["１５"], vec!["１６"]));
    }

    #[test]
    fn a_word_inside_a_changed_sentence_only() {
        let (a, b) = marks("甲。营造良好氛围。乙。", "甲。营造浓厚氛围。乙。");
        assert_eq!((marked(&a), marked(&b)), (vec!["良好"], vec!["浓厚"]));
        assert_eq!(a.iter().map(|s| s.text.as_str()).collect::<String>(), "甲。营造良好氛围。乙。");
    }

    #[test]
    fn unrelated_sentences_are_marked_whole_and_quotes_stay_with_their_sentence() {
        let (a, b) = marks("加强组织领导，压实工作责任。", "完善执法程序。");
        assert_eq!((marked(&a), marked(&b)), (vec!["加强组织领导，压实工作责任。"], vec!["完善执法程序。"]));
        assert_eq!(sentences("他说“好。”然后。\n下一行"), ["他说“好。”", "然后。", "\n", "下一行"]);
    }
}
