//! Rendering a [`Report`] back to text.
//!
//! Unedited content comes out exactly as it was read; lines created by editing
//! (with [`Eol::None`]) take the report's dominant line ending whenever another
//! line follows them, so a file never ends up with lines run together.

use crate::report::model::{Eol, Item, Line, Report, Section};

/// The report as text, in the shape it was read (or, for new content, the
/// seed's shape: preamble line, `一、` headings, one line per paragraph).
pub fn render(report: &Report) -> String {
    let mut out = Writer { buf: String::new(), pending: None, dominant: report.eol };
    write_report(&mut out, report);
    out.finish()
}

/// `render(report).chars().count()` without building the text: the drafts
/// index records it on every autosave, where rendering a long report only to
/// count it would allocate and copy the whole report once more per save.
pub fn rendered_chars(report: &Report) -> usize {
    let mut out = Writer { buf: Chars(0), pending: None, dominant: report.eol };
    write_report(&mut out, report);
    out.buf.0
}

fn write_report<S: Sink>(out: &mut Writer<S>, report: &Report) {
    if report.bom {
        out.buf.push("\u{feff}");
    }
    for line in &report.front {
        out.line(&line.text, line.eol);
    }
    for section in &report.sections {
        render_section(out, section);
    }
    for line in &report.back {
        out.line(&line.text, line.eol);
    }
}

/// One section as text (heading, intro, items), using `eol` between lines and
/// no terminator after the last one. Used for previews and per-section counts.
pub fn render_section_text(section: &Section, eol: Eol) -> String {
    let mut out = Writer { buf: String::new(), pending: None, dominant: eol };
    render_section(&mut out, section);
    out.finish_without_terminator()
}

fn render_section<S: Sink>(out: &mut Writer<S>, section: &Section) {
    let h = &section.heading;
    out.line_parts(&[&h.marker, &h.text], h.eol);
    for line in &section.intro {
        out.line(&line.text, line.eol);
    }
    for item in &section.items {
        render_item(out, item);
    }
}

fn render_item<S: Sink>(out: &mut Writer<S>, item: &Item) {
    out.line_parts(&[&item.marker, &item.title, &item.sep, &item.body], item.eol);
    for Line { text, eol } in &item.more {
        out.line(text, *eol);
    }
}

/// Where the [`Writer`] puts the text: a `String`, or a count of its
/// characters ([`rendered_chars`]).
trait Sink {
    fn push(&mut self, s: &str);
}

impl Sink for String {
    fn push(&mut self, s: &str) {
        self.push_str(s);
    }
}

/// Counts the characters instead of keeping them.
struct Chars(usize);

impl Sink for Chars {
    fn push(&mut self, s: &str) {
        self.0 += s.chars().count();
    }
}

/// Accumulates lines; holds back the terminator of a line without one until
/// we know whether anything follows it.
struct Writer<S> {
    buf: S,
    /// A line ended with `Eol::None` is waiting: it gets `dominant` if another line comes.
    pending: Option<()>,
    dominant: Eol,
}

impl<S: Sink> Writer<S> {
    fn line(&mut self, text: &str, eol: Eol) {
        self.line_parts(&[text], eol);
    }

    fn line_parts(&mut self, parts: &[&str], eol: Eol) {
        if self.pending.take().is_some() {
            let d = if self.dominant == Eol::None { Eol::Lf } else { self.dominant };
            self.buf.push(d.as_str());
        }
        for p in parts {
            self.buf.push(p);
        }
        match eol {
            Eol::None => self.pending = Some(()),
            e => self.buf.push(e.as_str()),
        }
    }
}

impl Writer<String> {
    fn finish(self) -> String {
        self.buf
    }

    fn finish_without_terminator(mut self) -> String {
        for e in ["\r\n", "\n", "\r"] {
            if self.pending.is_none() && self.buf.ends_with(e) {
                self.buf.truncate(self.buf.len() - e.len());
                break;
            }
        }
        self.buf
    }
}

/// 1-based line numbers of every part of the report as [`render`] writes it:
/// what the checker and copy detection point at. It lives beside the
/// renderer because it counts the lines the renderer writes.
pub struct LineMap {
    /// Line of each section heading.
    pub headings: Vec<usize>,
    /// Line of each item's first line, per section.
    pub items: Vec<Vec<usize>>,
    /// Line of each intro line, per section.
    pub intros: Vec<Vec<usize>>,
    /// Lines of each item's further paragraphs, per section and item.
    pub mores: Vec<Vec<Vec<usize>>>,
}

impl LineMap {
    pub fn new(report: &Report) -> LineMap {
        let mut n = report.front.len();
        let mut map = LineMap { headings: vec![], items: vec![], intros: vec![], mores: vec![] };
        for s in &report.sections {
            n += 1;
            map.headings.push(n);
            map.intros.push(s.intro.iter().map(|_| { n += 1; n }).collect());
            let mut items = Vec::new();
            let mut mores = Vec::new();
            for item in &s.items {
                n += 1;
                items.push(n);
                mores.push(item.more.iter().map(|_| { n += 1; n }).collect());
            }
            map.items.push(items);
            map.mores.push(mores);
        }
        map
    }
}
