//! Screens and the address hash, so a reload returns to the same screen and
//! the browser's back button works. No server is involved: only `#…` changes.

/// The app's screens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    /// 草稿库: the drafts on this computer (`#/`).
    Library,
    /// 快速开始: a new draft (`#/new`).
    New,
    /// A draft's task list: its five sections and progress (`#/draft/<id>`).
    Draft(String),
    /// One section of a draft, by position (`#/draft/<id>/section/<n>`).
    Section(String, usize),
    /// 检查并导出 (`#/draft/<id>/check`).
    Check(String),
    /// A draft's history (`#/draft/<id>/history`).
    History(String),
    /// 合并同事修改的版本 into a draft (`#/draft/<id>/merge`).
    Merge(String),
    /// 帮助/关于 (`#/help`).
    Help,
    /// 审阅多份报告: the reviewer's table (`#/review`).
    Review,
    /// One report of the review, read-only, with the opinion (`#/review/report/<n>`).
    ReviewReport(usize),
    /// The passages two reports of the review share (`#/review/pair/<a>/<b>`).
    ReviewPair(usize, usize),
}

impl Screen {
    /// One of the reviewer's desk's screens.
    pub fn is_review(&self) -> bool {
        matches!(self, Screen::Review | Screen::ReviewReport(_) | Screen::ReviewPair(..))
    }

    pub fn draft_id(&self) -> Option<&str> {
        match self {
            Screen::Draft(id) | Screen::Section(id, _) | Screen::Check(id) | Screen::History(id) | Screen::Merge(id) => Some(id),
            _ => None,
        }
    }

    pub fn to_hash(&self) -> String {
        match self {
            Screen::Library => "#/".into(),
            Screen::New => "#/new".into(),
            Screen::Help => "#/help".into(),
            Screen::Draft(id) => format!("#/draft/{id}"),
            Screen::Section(id, n) => format!("#/draft/{id}/section/{n}"),
            Screen::Check(id) => format!("#/draft/{id}/check"),
            Screen::History(id) => format!("#/draft/{id}/history"),
            Screen::Merge(id) => format!("#/draft/{id}/merge"),
            Screen::Review => "#/review".into(),
            Screen::ReviewReport(n) => format!("#/review/report/{n}"),
            Screen::ReviewPair(a, b) => format!("#/review/pair/{a}/{b}"),
        }
    }

    pub fn from_hash(hash: &str) -> Screen {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            ["new"] => Screen::New,
            ["help"] => Screen::Help,
            ["review"] => Screen::Review,
            ["review", "report", n] => n.parse().map_or(Screen::Review, Screen::ReviewReport),
            ["review", "pair", a, b] => match (a.parse(), b.parse()) {
                (Ok(a), Ok(b)) => Screen::ReviewPair(a, b),
                _ => Screen::Review,
            },
            ["draft", id] => Screen::Draft((*id).to_string()),
            ["draft", id, "history"] => Screen::History((*id).to_string()),
            ["draft", id, "check"] => Screen::Check((*id).to_string()),
            ["draft", id, "merge"] => Screen::Merge((*id).to_string()),
            ["draft", id, "section", n] => match n.parse() {
                Ok(n) => Screen::Section((*id).to_string(), n),
                Err(_) => Screen::Draft((*id).to_string()),
            },
            _ => Screen::Library,
        }
    }
}

/// The screen named in the current address.
pub fn current() -> Screen {
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    Screen::from_hash(&hash)
}

/// Put the screen in the address without adding to history twice.
pub fn set(screen: &Screen) {
    let hash = screen.to_hash();
    if let Some(location) = web_sys::window().map(|w| w.location()) {
        if location.hash().ok().as_deref() != Some(hash.as_str()) {
            let _ = location.set_hash(&hash);
        }
    }
}
