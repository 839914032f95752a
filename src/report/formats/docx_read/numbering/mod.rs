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
//!
//! The rooms: this file (the model and the marker each paragraph gets),
//! `parts.rs` (reading `styles.xml` and `numbering.xml` into it) and
//! `number_format.rs` (a number as each list format writes it).

mod number_format;
mod parts;

use number_format::format_number;
use parts::{read_numbering, read_styles};

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_names() {
        assert_eq!(heading_name_level("heading 1"), Some(0));
        assert_eq!(heading_name_level("Heading 2"), Some(1));
        assert_eq!(heading_name_level("标题 3"), Some(2));
        assert_eq!(heading_name_level("标题"), None);
        assert_eq!(heading_name_level("Normal"), None);
    }
}
