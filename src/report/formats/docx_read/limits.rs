//! How much markup a document may hold for its text: limits checked as the
//! XML streams, so an amplification file (76 KB of repeated `<w:p/>` that
//! inflates to millions of empty lines, elements nested thousands deep) is
//! refused after a few thousand elements rather than after all of them.

use crate::report::formats::FormatError;

/// Paragraphs, runs and breaks a document may have beyond [`WORK_PER_CHAR`]
/// per character of its text: a real report (30,000 characters in 3,000
/// runs, a few hundred empty paragraphs for spacing) stays far below.
pub const WORK_BASE: usize = 20_000;
/// Paragraphs, runs and breaks allowed per character of text: a character
/// per run with a break after each is still only 3.
pub const WORK_PER_CHAR: usize = 4;
/// Any elements at all beyond [`ANY_PER_CHAR`] per character: a run per
/// character with its full run properties is about 8 per character.
pub const ANY_BASE: usize = 200_000;
pub const ANY_PER_CHAR: usize = 40;
/// Elements open at once: Word nests tables in tables a few levels deep,
/// never hundreds (each open element costs the parser memory).
pub const MAX_DEPTH: usize = 512;

/// The work a document has asked for so far.
#[derive(Default)]
pub(super) struct Budget {
    /// Paragraphs, runs, tabs and breaks met so far.
    work: usize,
    /// Every element met so far (properties, bookmarks, unknown markup):
    /// held to a looser bound than `work`.
    all: usize,
    /// Characters of text (whitespace between elements not counted).
    chars: usize,
}

impl Budget {
    /// Count one element (`work`: a paragraph, run, tab or break); refused
    /// when the document holds far more of them than its text explains.
    pub(super) fn element(&mut self, work: bool) -> Result<(), FormatError> {
        if work {
            self.work += 1;
            if self.work > WORK_BASE + WORK_PER_CHAR * self.chars {
                return Err(FormatError::TooMuchMarkup { elements: self.work, chars: self.chars });
            }
        }
        self.all += 1;
        if self.all > ANY_BASE + ANY_PER_CHAR * self.chars {
            return Err(FormatError::TooMuchMarkup { elements: self.all, chars: self.chars });
        }
        Ok(())
    }

    /// Count text: any text counts toward the work allowed (field codes too).
    pub(super) fn text(&mut self, content: &str) {
        self.chars += content.chars().filter(|c| !c.is_whitespace()).count();
    }

    /// Elements open at once, refused beyond [`MAX_DEPTH`].
    pub(super) fn depth(depth: usize) -> Result<(), FormatError> {
        if depth > MAX_DEPTH {
            return Err(FormatError::TooDeep { limit: MAX_DEPTH });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_and_any_elements_are_held_to_the_text() {
        let mut b = Budget::default();
        for _ in 0..WORK_BASE {
            b.element(true).unwrap();
        }
        assert!(matches!(b.element(true), Err(FormatError::TooMuchMarkup { .. })));
        let mut b = Budget::default();
        b.text("一二三四五 六七八九十\n");
        for _ in 0..WORK_BASE + 10 * WORK_PER_CHAR {
            b.element(true).unwrap();
        }
        assert!(b.element(true).is_err());
        let mut b = Budget::default();
        for _ in 0..ANY_BASE {
            b.element(false).unwrap();
        }
        assert!(b.element(false).is_err());
        assert!(Budget::depth(MAX_DEPTH).is_ok());
        assert!(matches!(Budget::depth(MAX_DEPTH + 1), Err(FormatError::TooDeep { limit: MAX_DEPTH })));
    }
}
