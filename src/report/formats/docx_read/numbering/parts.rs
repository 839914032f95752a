//! Reading `styles.xml` and `numbering.xml` into the model: styles by
//! name, outline level, base style and numbering; abstract lists with their
//! levels; list instances with their overrides. Malformed XML is an error
//! the caller turns into "numbering not shown", never a lost paragraph.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::super::attr;
use super::{AbstractNum, Level, Num, Style, Suffix, Table, LEVELS};

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
pub(super) fn read_styles(xml: &str) -> Result<Table<Style>, ()> {
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

pub(super) type Lists = (Table<AbstractNum>, Table<Num>);

/// `numbering.xml`: abstract lists and their instances.
pub(super) fn read_numbering(xml: &str) -> Result<Lists, ()> {
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
