//! Small named operations on a report, used by the editor.

use super::model::{Eol, Line, Report, Section};
use super::parse::{split_items, split_lines};
use super::render::render_section_text;

impl Section {
    /// The section's body (everything under its heading) as plain text with
    /// `\n` between lines: what the free-text editor shows.
    pub fn body_text(&self) -> String {
        let full = render_section_text(self, Eol::Lf);
        match full.split_once('\n') {
            Some((_, body)) => body.to_string(),
            None => String::new(),
        }
    }

    /// Replace the body with `text` (lines split on any line ending), sorting
    /// it into intro and items. New lines take the report's line ending.
    pub fn set_body_text(&mut self, text: &str) {
        let mut lines = split_lines(text);
        for l in &mut lines {
            l.eol = Eol::None;
        }
        let (intro, items) = split_items(lines);
        self.intro = intro;
        self.items = items;
        // The heading may have been the last line of the file; its ending
        // comes from the report when something follows.
    }
}

impl Report {
    /// The front line that holds the title, when the first line looks like one.
    pub fn title(&self) -> Option<&str> {
        let first = self.front.first()?;
        let t = first.text.trim();
        let looks_like_title = !t.is_empty()
            && t.chars().count() <= 60
            && t.contains("报告")
            && !t.ends_with(['。', '：', ':', '，', ',']);
        looks_like_title.then_some(t)
    }

    /// The preamble: front lines after the title, joined by `\n`.
    pub fn preamble(&self) -> String {
        let skip = usize::from(self.title().is_some());
        self.front[skip.min(self.front.len())..]
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Replace the preamble, keeping the title line.
    pub fn set_preamble(&mut self, text: &str) {
        let keep = usize::from(self.title().is_some()).min(self.front.len());
        self.front.truncate(keep);
        self.front.extend(split_lines(text).into_iter().map(|l| Line::new(l.text)));
    }
}
