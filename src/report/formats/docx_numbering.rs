//! What Word shows that is not in the document's text: automatic numbering
//! (`word/numbering.xml`) and heading levels (`word/styles.xml`).
//!
//! A report written in Word or WPS usually has its "一、" and "（一）" from
//! automatic numbering, and its headings marked by heading styles. The text
//! of `document.xml` holds neither, so the reader asks this module, paragraph
//! by paragraph in document order, for the marker Word displays and for the
//! paragraph's outline level.
//!
//! Styles are known by what they are, never by their id: ids are localized
//! and differ by producer (Word's Chinese locale calls Heading 1 `1`, WPS
//! numbers its styles in order of definition). A heading is a style whose
//! `w:name` is a built-in heading (`heading 1`…, or the localized `标题 1`)
//! or that carries `w:outlineLvl`, directly or through `w:basedOn` (the chain
//! is followed with a guard against cycles and depth).
//!
//! Numbering reaches a paragraph directly (`w:pPr/w:numPr`) or through its
//! style; `w:numId w:val="0"` switches inherited numbering off. A `w:num`
//! points to an `w:abstractNum` (possibly through `w:numStyleLink` and a
//! numbering style), may override a level's start (`w:lvlOverride/
//! w:startOverride`) or the level itself; counters are kept per abstract
//! list, as Word keeps them, and deeper levels restart after a higher one
//! unless `w:lvlRestart` says otherwise.
//!
//! Bad input never loses text: a missing or malformed numbering part, or a
//! paragraph that points at an undefined list or level, gets no marker, and
//! [`Numbering::problems`] counts what could not be shown so the import can
//! say so.

/// A few dozen entries keyed by id, looked up by a scan: smaller in the wasm
/// than a hash map, and as fast at this size. A later entry with the same id
/// replaces the earlier one, as in a map.
#[derive(Debug)]
struct Table<T>(Vec<(String, T)>);

impl<T> Default for Table<T> {
    fn default() -> Self {
        Table(Vec::new())
    }
}

impl<T> Table<T> {
    fn get(&self, id: &str) -> Option<&T> {
        self.0.iter().rev().find(|(k, _)| k == id).map(|(_, v)| v)
    }

    fn insert(&mut self, id: String, value: T) {
        self.0.push((id, value));
    }

    fn get_or_insert(&mut self, id: &str, make: impl FnOnce() -> T) -> &mut T {
        let i = match self.0.iter().rposition(|(k, _)| k == id) {
            Some(i) => i,
            None => {
                self.0.push((id.to_string(), make()));
                self.0.len() - 1
            }
        };
        &mut self.0[i].1
    }
}

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::docx_read::attr;

/// The largest number a list shows (Word's own limit); a hostile start
/// value cannot make a marker grow without bound.
const MAX_NUMBER: u32 = 32_767;
/// Letters repeat (A … Z, AA … ZZ …) up to 30 times, as in Word; beyond, digits.
const MAX_LETTER_REPEAT: u32 = 30;
/// How deep a `w:basedOn` or `w:numStyleLink` chain is followed.
const MAX_CHAIN: usize = 16;
/// Word's nine list levels.
const LEVELS: usize = 9;

/// One list level of an abstract numbering definition.
#[derive(Clone, Debug, Default)]
struct Level {
    fmt: String,
    text: Option<String>,
    start: u32,
    /// `w:lvlRestart`: restart after this (1-based) level; 0 = never.
    restart: Option<u32>,
    /// `w:pStyle`: the paragraph style this level belongs to.
    style: Option<String>,
    /// `w:suff`: what follows the marker (tab, space, nothing).
    suffix: Suffix,
    /// `w:isLgl`: show every level's number as decimal.
    legal: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Suffix {
    #[default]
    Tab,
    Space,
    Nothing,
}

#[derive(Clone, Debug, Default)]
struct AbstractNum {
    levels: Vec<Option<Level>>,
    /// `w:numStyleLink`: the levels live in the list that defines this style.
    num_style_link: Option<String>,
    /// `w:styleLink`: this list defines the numbering style of this name.
    style_link: Option<String>,
}

#[derive(Clone, Debug, Default)]
struct Num {
    abstract_id: String,
    /// Per level: a start override and/or a whole replacement level.
    start_override: [Option<u32>; LEVELS],
    level_override: Vec<Option<Level>>,
}

/// A paragraph or numbering style, as far as this module needs it.
#[derive(Clone, Debug, Default)]
struct Style {
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    num_id: Option<String>,
    ilvl: Option<u8>,
}

/// A paragraph's own properties, as read from `w:pPr`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParaProps {
    pub style: Option<String>,
    pub num_id: Option<String>,
    pub ilvl: Option<u8>,
    pub outline: Option<u8>,
}

/// Styles and numbering of one document, and the counters while its
/// paragraphs are read in order.
#[derive(Debug, Default)]
pub struct Numbering {
    styles: Table<Style>,
    abstracts: Table<AbstractNum>,
    nums: Table<Num>,
    /// Counters per abstract list, per level (None: not used yet).
    counters: Table<[Option<u32>; LEVELS]>,
    /// `w:num` instances whose start overrides have been applied.
    started: Vec<String>,
    /// The numbering part was present (even if empty).
    has_numbering: bool,
    /// Paragraphs whose numbering could not be shown (missing part, unknown list or level).
    unresolved: usize,
    /// The numbering or styles part could not be read.
    malformed: bool,
}

/// What Word shows for one paragraph.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shown {
    /// The marker Word displays before the text (`一、`, `（一）`, `1.`), with a
    /// space when the level's suffix is a space; empty when not numbered.
    pub marker: String,
    /// Outline level 0–8 (Heading 1 = 0) from the paragraph or its style.
    pub outline: Option<u8>,
}

impl Numbering {
    /// Read `styles.xml` and `numbering.xml` (either may be absent). A part
    /// that is not well formed is ignored and remembered as a problem.
    pub fn new(styles: Option<&str>, numbering: Option<&str>) -> Numbering {
        let mut n = Numbering::default();
        if let Some(xml) = styles {
            match read_styles(xml) {
                Ok(s) => n.styles = s,
                Err(()) => n.malformed = true,
            }
        }
        if let Some(xml) = numbering {
            n.has_numbering = true;
            match read_numbering(xml) {
                Ok((a, m)) => {
                    n.abstracts = a;
                    n.nums = m;
                }
                Err(()) => n.malformed = true,
            }
        }
        n
    }

    /// How many numbered paragraphs were shown without their number, and
    /// whether a part was unreadable: for the import notice.
    pub fn problems(&self) -> (usize, bool) {
        (self.unresolved, self.malformed)
    }

    /// The next paragraph in document order: its marker and outline level.
    pub fn paragraph(&mut self, p: &ParaProps) -> Shown {
        let outline = p.outline.filter(|l| (*l as usize) < LEVELS).or_else(|| self.style_outline(p.style.as_deref()));
        let marker = self.marker(p).unwrap_or_default();
        Shown { marker, outline }
    }

    fn style_chain(&self, id: Option<&str>) -> Vec<&Style> {
        let mut chain = Vec::new();
        let mut next = id;
        while let Some(id) = next {
            let Some(style) = self.styles.get(id) else { break };
            if chain.len() >= MAX_CHAIN || chain.iter().any(|s: &&Style| std::ptr::eq(*s, style)) {
                break;
            }
            chain.push(style);
            next = style.based_on.as_deref();
        }
        chain
    }

    fn style_outline(&self, id: Option<&str>) -> Option<u8> {
        for style in self.style_chain(id) {
            if let Some(l) = style.outline {
                // 9 is "body text": not a heading.
                return (l < LEVELS as u8).then_some(l);
            }
            if let Some(l) = heading_name_level(&style.name) {
                return Some(l);
            }
        }
        None
    }

    /// (numId, ilvl) in force: the paragraph's own, else its style chain's.
    fn num_ref(&self, p: &ParaProps) -> Option<(String, Option<u8>, Option<String>)> {
        if let Some(id) = &p.num_id {
            return Some((id.clone(), p.ilvl, None));
        }
        for (i, style) in self.style_chain(p.style.as_deref()).into_iter().enumerate() {
            if let Some(id) = &style.num_id {
                let style_id = if i == 0 { p.style.clone() } else { None };
                return Some((id.clone(), p.ilvl.or(style.ilvl), style_id));
            }
        }
        None
    }

    fn marker(&mut self, p: &ParaProps) -> Option<String> {
        let (num_id, ilvl, via_style) = self.num_ref(p)?;
        if num_id == "0" {
            return None; // numbering switched off
        }
        let Some(num) = self.nums.get(&num_id).cloned() else {
            self.unresolved += 1;
            return None;
        };
        let Some((abs_id, abs)) = self.resolve_abstract(&num.abstract_id) else {
            self.unresolved += 1;
            return None;
        };
        // A style's numbering without an ilvl: the level whose pStyle is the style.
        let ilvl = ilvl
            .or_else(|| {
                let style = via_style.as_deref().or(p.style.as_deref())?;
                abs.levels.iter().position(|l| l.as_ref().and_then(|l| l.style.as_deref()) == Some(style)).map(|i| i as u8)
            })
            .unwrap_or(0) as usize;
        let level_of = |i: usize| num.level_override.get(i).cloned().flatten().or_else(|| abs.levels.get(i).cloned().flatten());
        let Some(level) = (ilvl < LEVELS).then(|| level_of(ilvl)).flatten() else {
            self.unresolved += 1;
            return None;
        };
        let levels: Vec<Option<Level>> = (0..LEVELS).map(level_of).collect();
        let counters = self.counters.get_or_insert(&abs_id, || [None; LEVELS]);
        if !self.started.contains(&num_id) {
            self.started.push(num_id.clone());
            for (i, start) in num.start_override.iter().enumerate() {
                if let Some(s) = start {
                    counters[i] = Some(s.saturating_sub(1));
                    for c in counters.iter_mut().skip(i + 1) {
                        *c = None;
                    }
                }
            }
        }
        counters[ilvl] = Some(counters[ilvl].map_or(level.start, |c| c.saturating_add(1)).min(MAX_NUMBER));
        // Deeper levels restart after this one unless their lvlRestart says otherwise.
        for (d, c) in counters.iter_mut().enumerate().skip(ilvl + 1) {
            let restart = levels[d].as_ref().and_then(|l| l.restart);
            match restart {
                Some(0) => {}
                Some(r) if (ilvl as u32) >= r => {}
                _ => *c = None,
            }
        }
        if level.fmt == "bullet" || level.fmt == "none" {
            return None;
        }
        let template = level.text.clone().unwrap_or_default();
        let mut out = String::new();
        let mut chars = template.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%' {
                if let Some(d) = chars.peek().and_then(|d| d.to_digit(10)).filter(|d| (1..=9).contains(d)) {
                    chars.next();
                    let k = d as usize - 1;
                    let lvl = levels[k].clone().unwrap_or_default();
                    let value = counters[k].unwrap_or(lvl.start);
                    let fmt = if level.legal && k < ilvl { "decimal" } else { lvl.fmt.as_str() };
                    out.push_str(&format_number(value, fmt));
                    continue;
                }
            }
            out.push(c);
        }
        if out.is_empty() {
            return None;
        }
        if level.suffix == Suffix::Space {
            out.push(' ');
        }
        Some(out)
    }

    /// The abstract list a `w:num` points at, through `w:numStyleLink`.
    fn resolve_abstract(&self, id: &str) -> Option<(String, AbstractNum)> {
        let mut id = id.to_string();
        for _ in 0..MAX_CHAIN {
            let abs = self.abstracts.get(&id)?;
            let Some(link) = &abs.num_style_link else { return Some((id, abs.clone())) };
            // The list that defines the style (styleLink), or the style's own numId.
            if let Some((other, _)) = self.abstracts.0.iter().find(|(_, a)| a.style_link.as_deref() == Some(link.as_str())) {
                if *other != id {
                    id = other.clone();
                    continue;
                }
            }
            let num = self.styles.get(link)?.num_id.as_ref()?;
            let next = self.nums.get(num)?.abstract_id.clone();
            if next == id {
                return None;
            }
            id = next;
        }
        None
    }
}

/// `heading 1` … `heading 9` (Word's built-in names, any case) and the
/// localized `标题 1` …: outline level 0–8.
fn heading_name_level(name: &str) -> Option<u8> {
    let n = name.trim().to_lowercase();
    let rest = n.strip_prefix("heading").or_else(|| n.strip_prefix("标题"))?;
    let d: u8 = rest.trim().parse().ok()?;
    (1..=9).contains(&d).then(|| d - 1)
}

/// A number as a list format shows it.
pub fn format_number(n: u32, fmt: &str) -> String {
    let n = n.min(MAX_NUMBER);
    match fmt {
        "decimalZero" if n < 10 => format!("0{n}"),
        "decimalFullWidth" | "decimalFullWidth2" => n.to_string().chars().map(|c| char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap_or(c)).collect(),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => char::from_u32(0x2460 + n - 1).map(String::from).unwrap_or_default(),
        "decimalEnclosedFullstop" if (1..=20).contains(&n) => char::from_u32(0x2488 + n - 1).map(String::from).unwrap_or_default(),
        "decimalEnclosedParen" if (1..=20).contains(&n) => char::from_u32(0x2474 + n - 1).map(String::from).unwrap_or_default(),
        "chineseCounting" | "chineseCountingThousand" | "taiwaneseCounting" | "taiwaneseCountingThousand" | "chineseLegalSimplified" => chinese(n, fmt == "chineseLegalSimplified"),
        "ideographDigital" | "taiwaneseDigital" => n.to_string().chars().map(|c| DIGITS[c as usize - '0' as usize]).collect(),
        "ideographTraditional" if (1..=10).contains(&n) => STEMS[n as usize - 1].to_string(),
        "ideographZodiac" if (1..=12).contains(&n) => BRANCHES[n as usize - 1].to_string(),
        "upperLetter" | "lowerLetter" if n > 0 && (n - 1) / 26 < MAX_LETTER_REPEAT => {
            // Word repeats the letter: A … Z, AA … ZZ, AAA …
            let letter = char::from(b'A' + ((n - 1) % 26) as u8);
            let s = letter.to_string().repeat(((n - 1) / 26 + 1) as usize);
            if fmt == "lowerLetter" { s.to_lowercase() } else { s }
        }
        "upperRoman" | "lowerRoman" if (1..4000).contains(&n) => {
            let s = roman(n);
            if fmt == "lowerRoman" { s.to_lowercase() } else { s }
        }
        _ => n.to_string(),
    }
}

const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const LEGAL: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const STEMS: [&str; 10] = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"];
const BRANCHES: [&str; 12] = ["子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥"];

/// 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五.
fn chinese(n: u32, legal: bool) -> String {
    let digits = if legal { LEGAL } else { DIGITS };
    let units: [&str; 4] = if legal { ["", "拾", "佰", "仟"] } else { ["", "十", "百", "千"] };
    if n == 0 {
        return (if legal { "零" } else { "〇" }).to_string();
    }
    if n >= 10_000 {
        return n.to_string();
    }
    let ds: Vec<u32> = (0..4).rev().map(|p| n / 10u32.pow(p) % 10).collect();
    let mut out = String::new();
    let mut zero = false;
    let mut started = false;
    for (i, d) in ds.iter().enumerate() {
        let unit = units[3 - i];
        if *d == 0 {
            zero = started;
            continue;
        }
        if zero {
            out.push(digits[0]);
            zero = false;
        }
        // 十一, not 一十一, when the number starts at the tens.
        if unit != units[1] || *d != 1 || started || legal {
            out.push(digits[*d as usize]);
        }
        out.push_str(unit);
        started = true;
    }
    out
}

fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ];
    let mut s = String::new();
    for (v, r) in TABLE {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

fn val(e: &BytesStart) -> Option<String> {
    attr(e, "val")
}

fn number(e: &BytesStart) -> Option<u32> {
    val(e)?.trim().parse().ok()
}

/// The `w:ilvl` attribute of a `w:lvl` or `w:lvlOverride`.
fn ilvl_attr(e: &BytesStart) -> Option<usize> {
    attr(e, "ilvl")?.trim().parse().ok().filter(|n| *n < LEVELS)
}

/// One element event while walking a part.
enum Tag<'a, 'b> {
    /// A start tag, and whether it is empty (`<x/>`).
    Open(&'a BytesStart<'b>, bool),
    Close(&'a str),
}

/// Walk a part's elements in order. `on` sees every start and end tag; for
/// a non-empty start tag it returns whether to skip the element's whole
/// subtree (its children and its end tag are then not seen). Malformed XML
/// is an error.
fn walk(xml: &str, mut on: impl FnMut(Tag<'_, '_>) -> bool) -> Result<(), ()> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut skipping = 0usize;
    loop {
        match reader.read_event().map_err(|_| ())? {
            Event::Start(_) if skipping > 0 => skipping += 1,
            Event::End(_) if skipping > 0 => skipping -= 1,
            Event::Start(e) if on(Tag::Open(&e, false)) => skipping = 1,
            Event::Start(_) => {}
            Event::Empty(e) if skipping == 0 => {
                on(Tag::Open(&e, true));
            }
            Event::End(e) => {
                on(Tag::Close(e.local_name().as_ref()));
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// `styles.xml`: paragraph and numbering styles.
fn read_styles(xml: &str) -> Result<Table<Style>, ()> {
    let mut styles = Table::default();
    let mut current: Option<(String, Style)> = None;
    walk(xml, |tag| {
        match tag {
            Tag::Close("style") => {
                if let Some((id, style)) = current.take() {
                    styles.insert(id, style);
                }
            }
            Tag::Close(_) => {}
            Tag::Open(e, empty) => match e.local_name().as_ref() {
                "style" => {
                    current = Some((attr(e, "styleId").unwrap_or_default(), Style::default()));
                    if empty {
                        if let Some((id, style)) = current.take() {
                            styles.insert(id, style);
                        }
                    }
                }
                // Run, table and earlier (tracked) properties are not the style's own.
                "rPr" | "pPrChange" | "rPrChange" | "tblPr" | "tcPr" | "trPr" | "tblStylePr" if !empty => return true,
                name => {
                    if let Some((_, style)) = current.as_mut() {
                        match name {
                            "name" => style.name = val(e).unwrap_or_default(),
                            "basedOn" => style.based_on = val(e),
                            "outlineLvl" => style.outline = number(e).map(|n| n.min(9) as u8),
                            "numId" => style.num_id = val(e),
                            "ilvl" => style.ilvl = number(e).map(|n| n.min(255) as u8),
                            _ => {}
                        }
                    }
                }
            },
        }
        false
    })?;
    Ok(styles)
}

type Lists = (Table<AbstractNum>, Table<Num>);

/// `numbering.xml`: abstract lists and their instances.
fn read_numbering(xml: &str) -> Result<Lists, ()> {
    let mut abstracts = Table::default();
    let mut nums = Table::default();
    let mut abs: Option<(String, AbstractNum)> = None;
    let mut num: Option<(String, Num)> = None;
    // The level being read and its index; the w:lvlOverride it is inside, if any.
    let mut level: Option<(usize, Level)> = None;
    let mut override_lvl: Option<usize> = None;
    walk(xml, |tag| {
        match tag {
            Tag::Close("lvl") => {
                if let Some((i, l)) = level.take() {
                    let target = if override_lvl.is_some() {
                        num.as_mut().map(|(_, n)| &mut n.level_override)
                    } else {
                        abs.as_mut().map(|(_, a)| &mut a.levels)
                    };
                    if let Some(levels) = target {
                        if levels.len() <= i {
                            levels.resize(i + 1, None);
                        }
                        levels[i] = Some(l);
                    }
                }
            }
            Tag::Close("lvlOverride") => override_lvl = None,
            Tag::Close("abstractNum") => {
                if let Some((id, a)) = abs.take() {
                    abstracts.insert(id, a);
                }
            }
            Tag::Close("num") => {
                if let Some((id, n)) = num.take() {
                    nums.insert(id, n);
                }
            }
            Tag::Close(_) => {}
            Tag::Open(e, empty) => match e.local_name().as_ref() {
                "abstractNum" if !empty => abs = Some((attr(e, "abstractNumId").unwrap_or_default(), AbstractNum::default())),
                "num" if !empty => num = Some((attr(e, "numId").unwrap_or_default(), Num::default())),
                "abstractNumId" => {
                    if let Some((_, n)) = num.as_mut() {
                        n.abstract_id = val(e).unwrap_or_default();
                    }
                }
                "numStyleLink" => {
                    if let Some((_, a)) = abs.as_mut() {
                        a.num_style_link = val(e);
                    }
                }
                "styleLink" => {
                    if let Some((_, a)) = abs.as_mut() {
                        a.style_link = val(e);
                    }
                }
                "lvlOverride" if !empty => override_lvl = ilvl_attr(e),
                "startOverride" => {
                    if let (Some(i), Some((_, n))) = (override_lvl, num.as_mut()) {
                        n.start_override[i] = number(e);
                    }
                }
                "lvl" if !empty => {
                    level = ilvl_attr(e).map(|i| (i, Level { start: 1, ..Level::default() }));
                    // A level without a valid index is skipped whole.
                    return level.is_none();
                }
                // A level's paragraph and run properties: only its pStyle
                // matters, and that is a sibling, not inside them.
                "rPr" | "pPr" if !empty && level.is_some() => return true,
                name => {
                    if let Some((_, l)) = level.as_mut() {
                        match name {
                            "start" => l.start = number(e).unwrap_or(1),
                            "numFmt" => l.fmt = val(e).unwrap_or_default(),
                            "lvlText" => l.text = val(e),
                            "lvlRestart" => l.restart = number(e),
                            "pStyle" => l.style = val(e),
                            "isLgl" => l.legal = val(e).is_none_or(|v| v != "0" && v != "false"),
                            "suff" => {
                                l.suffix = match val(e).as_deref() {
                                    Some("space") => Suffix::Space,
                                    Some("nothing") => Suffix::Nothing,
                                    _ => Suffix::Tab,
                                }
                            }
                            _ => {}
                        }
                    }
                }
            },
        }
        false
    })?;
    Ok((abstracts, nums))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_every_format() {
        let cases = [
            (1, "chineseCounting", "一"),
            (10, "chineseCounting", "十"),
            (11, "chineseCountingThousand", "十一"),
            (20, "taiwaneseCountingThousand", "二十"),
            (105, "chineseCountingThousand", "一百〇五"),
            (3, "decimal", "3"),
            (12, "decimalFullWidth", "１２"),
            (3, "decimalEnclosedCircleChinese", "③"),
            (2, "decimalEnclosedParen", "⑵"),
            (3, "ideographTraditional", "丙"),
            (10, "ideographDigital", "一〇"),
            (28, "upperLetter", "BB"),
            (781, "upperLetter", "781"),
            (u32::MAX, "decimal", "32767"),
            (4, "lowerRoman", "iv"),
            (7, "decimalZero", "07"),
            (3, "chineseLegalSimplified", "叁"),
        ];
        for (n, fmt, want) in cases {
            assert_eq!(format_number(n, fmt), want, "{n} {fmt}");
        }
    }

    #[test]
    fn heading_names() {
        assert_eq!(heading_name_level("heading 1"), Some(0));
        assert_eq!(heading_name_level("Heading 2"), Some(1));
        assert_eq!(heading_name_level("标题 3"), Some(2));
        assert_eq!(heading_name_level("标题"), None);
        assert_eq!(heading_name_level("Normal"), None);
    }
}
