//! Reading a report's front matter: which line is the title and what is
//! the preamble. A report copied from a government site starts with
//! web-page debris (breadcrumbs, 发布时间) before its title; the editor, the
//! inspector and the checker all read the front the same way from here.

use crate::report::model::Report;

/// How many lines of web-page debris may stand before a title.
const MAX_DEBRIS_LINES: usize = 8;

/// A title: short, names a 报告, not a sentence.
fn looks_like_title(t: &str) -> bool {
    t.chars().count() <= 60
        && t.contains("报告")
        && !t.ends_with(['。', '：', ':', '，', ','])
        // A breadcrumb (当前位置：首页>信息公开>…年度报告) names the report too.
        && !t.contains(['>', '＞', '»'])
        && !t.starts_with("当前位置")
}

/// A line a web page puts around an article: short and not a sentence
/// (breadcrumbs, 发布时间, 字体大小, 打印本页, 分享到).
pub(crate) fn is_debris(t: &str) -> bool {
    t.chars().count() <= 60 && !t.ends_with(['。', '；', ';', '！', '？']) && !t.contains('。')
}

impl Report {
    /// The front line that holds the title: the first line with text when
    /// it looks like one, or a later one when only web-page debris stands
    /// before it (a report copied from a government site starts with
    /// "首页 > 政务公开 > …" and "发布时间：…").
    pub fn title_index(&self) -> Option<usize> {
        for (i, line) in self.front.iter().enumerate().take(MAX_DEBRIS_LINES + 1) {
            let t = line.text.trim();
            if t.is_empty() {
                continue;
            }
            if looks_like_title(t) {
                return Some(i);
            }
            if !is_debris(t) {
                return None;
            }
        }
        None
    }

    /// The title line, trimmed.
    pub fn title(&self) -> Option<&str> {
        self.title_index().map(|i| self.front[i].text.trim())
    }

    /// The preamble: front lines after the title, joined by `\n`, without
    /// the frame's 发文字号 and 主送机关 lines (`frame.rs`).
    pub fn preamble(&self) -> String {
        self.preamble_start()
            .map(|skip| self.front[skip..].iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join("\n"))
            .unwrap_or_default()
    }

    /// The first front line of the preamble: after the title and the frame
    /// lines standing right after it.
    pub(crate) fn preamble_start(&self) -> Option<usize> {
        let skip = self.title_index().map_or(0, |i| i + 1);
        let frame = self.front_frame_lines().into_iter().filter(|&i| i >= skip).max();
        Some(frame.map_or(skip, |i| i + 1)).filter(|&s| s <= self.front.len())
    }
}
