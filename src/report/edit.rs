//! Small named operations on a report, used by the editor.

use super::model::{Eol, Item, Line, Report, Section};
use super::parse::{split_items, split_lines};
use super::render::render_section_text;

impl Section {
    /// The section's body (everything under its heading) as plain text with
    /// `\n` between lines: what the free-text editor shows.
    pub fn body_text(&self) -> String {
        // Lines keep their own endings when rendered; a file with CR-only
        // (or CRLF) endings must still give `\n` here, or its body would
        // look empty to the checker (tests/check_corpus.rs, 20_cr_only).
        let full = render_section_text(self, Eol::Lf).replace("\r\n", "\n").replace('\r', "\n");
        match full.split_once('\n') {
            Some((_, body)) => body.to_string(),
            None => String::new(),
        }
    }

    /// The characters the author has written under the heading: intro,
    /// item titles and bodies, without the automatic numbers and without
    /// white space — an empty new item counts 0, not the "1. " before it.
    pub fn written_chars(&self) -> usize {
        let count = |t: &str| t.chars().filter(|c| !c.is_whitespace()).count();
        let intro: usize = self.intro.iter().map(|l| count(&l.text)).sum();
        let items: usize = self
            .items
            .iter()
            .map(|i| count(&i.title) + count(&i.sep) + count(&i.body) + i.more.iter().map(|l| count(&l.text)).sum::<usize>())
            .sum();
        intro + items
    }

    /// Replace the body with `text` (lines split on any line ending), sorting
    /// it into intro and items. New lines take the report's line ending.
    pub fn set_body_text(&mut self, text: &str) {
        let mut lines = split_lines(text);
        for l in &mut lines {
            l.eol = Eol::None;
        }
        // Items are numbered in any style other than the heading's own.
        let level = super::text::markers::line_marker(&format!("{}x", self.heading.marker)).map(|(style, _)| style);
        let (intro, items) = split_items(lines, level);
        self.intro = intro;
        self.items = items;
        // The heading may have been the last line of the file; its ending
        // comes from the report when something follows.
    }
}

impl Report {
    /// Set the title line (added as the first line when the report has none).
    pub fn set_title(&mut self, title: &str) {
        let line = title.trim().to_string();
        if let Some(i) = self.title_index() {
            self.front[i].text = line;
        } else if !line.is_empty() {
            self.front.insert(0, Line::new(line));
        }
    }

    /// Replace the preamble, keeping the title line and the 主送机关 (and a
    /// 发文字号) under it.
    pub fn set_preamble(&mut self, text: &str) {
        let keep = self.preamble_start().unwrap_or(self.front.len());
        self.front.truncate(keep);
        self.front.extend(split_lines(text).into_iter().map(|l| Line::new(l.text)));
    }
}

/// How a section numbers its items, taken from the first item's marker: the
/// text before the number, the kind of numeral, and the text after it, so
/// `1. `, `1、`, `（1）`, `(1)` and `（一）` all renumber in their own style.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemStyle {
    pub prefix: String,
    pub chinese: bool,
    pub suffix: String,
}

impl Default for ItemStyle {
    /// The seed's style: `1. `.
    fn default() -> Self {
        ItemStyle { prefix: String::new(), chinese: false, suffix: ". ".into() }
    }
}

impl ItemStyle {
    /// Read the style of a marker such as `"（三）"`; None if it has no number.
    pub fn of_marker(marker: &str) -> Option<ItemStyle> {
        let start = marker.find(|c: char| c.is_ascii_digit() || super::text::markers::is_cn_numeral(c))?;
        let first = marker[start..].chars().next()?;
        let chinese = !first.is_ascii_digit();
        let len: usize = marker[start..]
            .chars()
            .take_while(|c| if chinese { super::text::markers::is_cn_numeral(*c) } else { c.is_ascii_digit() })
            .map(char::len_utf8)
            .sum();
        Some(ItemStyle {
            prefix: marker[..start].to_string(),
            chinese,
            suffix: marker[start + len..].to_string(),
        })
    }

    /// The marker for item number `n` (1-based).
    pub fn marker(&self, n: usize) -> String {
        let number = if self.chinese { super::template::cn_number(n) } else { n.to_string() };
        format!("{}{}{}", self.prefix, number, self.suffix)
    }
}

impl Item {
    /// A new item with a title and a body (lines separated by `\n`).
    pub fn new(title: &str, body: &str) -> Item {
        let mut item = Item { eol: Eol::None, ..Item::default() };
        item.set_title(title);
        item.set_body_text(body);
        item
    }

    /// The body as the editor shows it: the rest of the first line, then the
    /// item's further paragraphs, separated by `\n`.
    pub fn body_text(&self) -> String {
        let mut parts = vec![self.body.as_str()];
        parts.extend(self.more.iter().map(|l| l.text.as_str()));
        parts.join("\n")
    }

    /// Set the title; a trailing 。 is dropped (the separator supplies it).
    pub fn set_title(&mut self, title: &str) {
        self.title = title.trim().trim_end_matches('。').to_string();
        self.fix_separator();
    }

    /// Set the body: its first line continues the title's line, the rest
    /// become the item's further paragraphs.
    pub fn set_body_text(&mut self, text: &str) {
        let mut lines = split_lines(text).into_iter();
        self.body = lines.next().map(|l| l.text).unwrap_or_default();
        self.more = lines.map(|l| Line::new(l.text)).collect();
        self.fix_separator();
    }

    /// A title ends with a full stop — before the body (`1. 标题。正文`) or
    /// alone (`1. 加强组织领导。`); with no title there is nothing to separate.
    fn fix_separator(&mut self) {
        self.sep = if self.title.is_empty() { String::new() } else { "。".into() };
    }
}

impl Section {
    /// The numbering style of this section's items.
    pub fn item_style(&self) -> ItemStyle {
        self.items.first().and_then(|i| ItemStyle::of_marker(&i.marker)).unwrap_or_default()
    }

    /// Number the items 1, 2, 3 … in the section's own style.
    pub fn renumber(&mut self) {
        let style = self.item_style();
        for (i, item) in self.items.iter_mut().enumerate() {
            item.marker = style.marker(i + 1);
        }
    }

    /// Append an item and renumber.
    pub fn add_item(&mut self, item: Item) {
        self.items.push(item);
        self.renumber();
    }

    /// Remove item `index` (if there is one) and renumber.
    pub fn remove_item(&mut self, index: usize) -> Option<Item> {
        if index >= self.items.len() {
            return None;
        }
        let item = self.items.remove(index);
        self.renumber();
        Some(item)
    }

    /// Put a removed item back at `index` (at the end when the part has
    /// fewer items now) and renumber; where it went.
    pub fn restore_item(&mut self, index: usize, item: Item) -> usize {
        let at = index.min(self.items.len());
        self.items.insert(at, item);
        self.renumber();
        at
    }

    /// Move item `from` to position `to` and renumber. Out-of-range moves do nothing.
    pub fn move_item(&mut self, from: usize, to: usize) -> bool {
        if from >= self.items.len() || to >= self.items.len() || from == to {
            return false;
        }
        let item = self.items.remove(from);
        self.items.insert(to, item);
        self.renumber();
        true
    }
}

/// Where the points of a body start: `一是`, `二是` … at the start of the
/// text or right after a sentence or clause ends (。；：). Returns the byte
/// ranges of the numerals.
pub fn point_numerals(body: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut at_start = true;
    let mut iter = body.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if at_start && super::text::markers::is_cn_numeral(c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = iter.peek() {
                if super::text::markers::is_cn_numeral(d) {
                    end = j + d.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            }
            if body[end..].starts_with('是') {
                out.push(i..end);
            }
        }
        at_start = matches!(c, '。' | '；' | '：' | ';' | ':' | '\n');
    }
    out
}

/// Renumber the points of a body 一是, 二是, 三是 … in order, e.g. after a
/// point was deleted or moved. Returns the body unchanged when it has none.
pub fn renumber_points(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut last = 0;
    for (n, range) in point_numerals(body).into_iter().enumerate() {
        out.push_str(&body[last..range.start]);
        out.push_str(&super::template::cn_number(n + 1));
        last = range.end;
    }
    out.push_str(&body[last..]);
    out
}

impl Item {
    /// Renumber this item's 一是/二是 points across all its paragraphs.
    pub fn renumber_points(&mut self) {
        let text = renumber_points(&self.body_text());
        self.set_body_text(&text);
    }
}

#[cfg(test)]
mod written_chars_tests {
    use crate::report::{parse, Item};

    #[test]
    fn an_empty_item_counts_nothing_and_numbers_never_count() {
        let mut report = parse("一、主要举措和成效\n1. 标题。正文十个字整整十个");
        let s = &mut report.sections[0];
        assert_eq!(s.written_chars(), "标题。正文十个字整整十个".chars().count());
        s.items.push(Item { marker: "2. ".into(), ..Item::default() });
        assert_eq!(s.written_chars(), "标题。正文十个字整整十个".chars().count());
        // A new section with one new, empty item (what 添加一条 makes).
        let mut empty = parse("一、主要举措和成效\n");
        empty.sections[0].items.push(Item { marker: "1. ".into(), ..Item::default() });
        assert_eq!(empty.sections[0].written_chars(), 0);
    }
}

/// What a block of text pasted into a part holds, for 粘贴整段文字，自动拆分为条目.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PasteShape {
    /// Lines numbered `1.` `（一）` …: this many items.
    Numbered(usize),
    /// No numbered lines, but 一是……二是……: this many points, which can be
    /// items or the points of one item.
    Points(usize),
    /// Neither: the text stays one block.
    Plain,
}

const POINT_NUMERALS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/// Where each 一是 / 二是 / … starts (byte offsets), in order; empty unless
/// at least 一是 and 二是 are found. A point starts the text, a line, or
/// follows a sentence or clause mark.
fn point_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut from = 0;
    for n in POINT_NUMERALS {
        let key = format!("{n}是");
        let found = text[from..].match_indices(&key).map(|(i, _)| from + i).find(|&i| {
            let before = text[..i].chars().next_back();
            before.is_none_or(|c| matches!(c, '。' | '；' | '，' | '：' | '\n' | '\r' | ' ' | '\u{3000}' | ';'))
        });
        match found {
            Some(i) => {
                starts.push(i);
                from = i + key.len();
            }
            None => break,
        }
    }
    if starts.len() < 2 {
        starts.clear();
    }
    starts
}

/// How a pasted block can be split.
pub fn paste_shape(text: &str) -> PasteShape {
    let numbered = split_lines(text).iter().filter(|l| super::text::markers::line_marker(&l.text).is_some()).count();
    if numbered > 0 {
        return PasteShape::Numbered(numbered);
    }
    match point_starts(text).len() {
        0 => PasteShape::Plain,
        n => PasteShape::Points(n),
    }
}

/// 一是……二是…… written as numbered items (`1. ……`), one per line, with
/// any text before 一是 kept as the intro. Every character but the
/// "一是" words is kept.
pub fn points_as_items(text: &str) -> String {
    let starts = point_starts(text);
    if starts.is_empty() {
        return text.to_string();
    }
    let mut out = String::new();
    let intro = text[..starts[0]].trim();
    if !intro.is_empty() {
        out.push_str(intro);
        out.push('\n');
    }
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(text.len());
        let point = text[start + POINT_NUMERALS[k].len() + "是".len()..end].trim();
        // A point ending in a clause mark becomes a sentence of its own.
        let point = point.strip_suffix(['；', '，', ';']).map_or_else(|| point.to_string(), |p| format!("{p}。"));
        out.push_str(&format!("{}. {}\n", k + 1, point.replace(['\n', '\r'], "")));
    }
    out.trim_end().to_string()
}

#[cfg(test)]
mod paste_tests {
    use super::*;

    #[test]
    fn points_become_items_or_stay_points() {
        let text = "今年重点抓了四项工作。一是加强组织领导，成立领导小组；二是健全制度，出台办法3项；三是强化培训，培训120人次；四是严格考核。";
        assert_eq!(paste_shape(text), PasteShape::Points(4));
        assert_eq!(
            points_as_items(text),
            "今年重点抓了四项工作。\n1. 加强组织领导，成立领导小组。\n2. 健全制度，出台办法3项。\n3. 强化培训，培训120人次。\n4. 严格考核。"
        );
        let lines = "一是加强组织领导。\n二是健全制度。";
        assert_eq!(points_as_items(lines), "1. 加强组织领导。\n2. 健全制度。");
    }

    #[test]
    fn numbered_lines_win_and_plain_text_is_plain() {
        assert_eq!(paste_shape("1. 甲。一是乙；二是丙。\n2. 丁。"), PasteShape::Numbered(2));
        assert_eq!(paste_shape("全年开展执法检查12次，统一是非标准。"), PasteShape::Plain);
        // 一是 alone, or 二是 inside a word, is not a list of points.
        assert_eq!(paste_shape("一是加强领导。"), PasteShape::Plain);
        assert_eq!(paste_shape("一是加强领导，唯一是非标准。"), PasteShape::Plain);
    }
}

#[cfg(test)]
mod tests {
    use crate::report::text::parse::parse;

    #[test]
    fn the_body_has_lf_between_lines_whatever_the_file_used() {
        for eol in ["\n", "\r\n", "\r"] {
            let text = ["一、主要举措和成效", "1. 推进公正司法。办结案件30件。", "续段。", "二、其他需要报告的情况", "无"].join(eol);
            let report = parse(&text);
            assert_eq!(report.sections[0].body_text(), "1. 推进公正司法。办结案件30件。\n续段。", "{eol:?}");
            assert_eq!(report.sections[1].body_text(), "无", "{eol:?}");
        }
    }
}
