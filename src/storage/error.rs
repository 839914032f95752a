//! What can go wrong with storage, and what we tell the user about it.

use std::fmt;

/// A draft this large (UTF-16 units of its JSON, as localStorage counts)
/// does not fit in Firefox's 5 MB per site, and half of Chromium's: when the
/// quota refuses it, it is told as too large, not as storage being full.
pub const LARGEST_DRAFT_UNITS: usize = 2_500_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// Storage is switched off (policy, private mode) or throws on access.
    Unavailable(String),
    /// The browser refused the write because its quota is full.
    QuotaExceeded,
    /// The quota refused a draft that alone is larger than browsers let one
    /// page keep ([`LARGEST_DRAFT_UNITS`]): freeing space would not help.
    TooLarge { units: usize },
    /// A stored entry could not be read as a draft.
    Corrupt { key: String, reason: String },
    /// The data was written by a newer version of the app; we must not overwrite it.
    NewerSchema { found: u32, supported: u32 },
    /// Another tab saved this draft since we loaded it: writing now would
    /// overwrite its text silently.
    Conflict { stored_revision: u64 },
    /// Anything else the storage reported.
    Other(String),
}

impl StoreError {
    /// A message for the user in Chinese: what happened and what to do next.
    pub fn message_zh(&self) -> String {
        match self {
            StoreError::Unavailable(_) => "浏览器禁止了本地存储（可能处于无痕模式或受单位策略限制），草稿只保存在当前页面中，关闭标签页后将会丢失。请及时点击“导出文本文件”保存到本机。".to_string(),
            StoreError::QuotaExceeded => "浏览器本地存储空间已满，最近的修改未能保存（内容仍在页面中）。请立即导出文本文件备份，再删除不需要的草稿以释放空间。".to_string(),
            StoreError::TooLarge { units } => format!(
                "这份草稿过大（约 {} MB），超过浏览器本地存储能为一个页面保存的上限，无法保存到本机；内容仍在页面中。请立即导出为 Word 或文本文件保存。如果它来自导入的文件，请确认文件内容是否正常（一份年度报告通常不超过 1 MB）。",
                (units * 2).div_ceil(1024 * 1024)
            ),
            StoreError::Corrupt { key, .. } if key == super::drafts::SCHEMA_KEY => "本机草稿的数据版本标记（fazhi-report/schema）无法识别，无法确认草稿由哪个版本保存。为避免覆盖，保存、新建和导入已暂停；现有草稿仍可打开查看、导出，“备份全部”也仍可使用。请先在草稿库点击“备份全部”下载备份，然后在浏览器设置中清除本页面的站点数据，再用“从备份恢复”导回全部草稿。".to_string(),
            StoreError::Corrupt { key, .. } => format!("有一份草稿数据已损坏（{key}），已跳过该条目，其余草稿不受影响。"),
            StoreError::NewerSchema { found, supported } => format!(
                "本机草稿由更新版本的法治报告助手保存（数据版本 {found}，本版本支持 {supported}）。为避免覆盖，当前只能查看和导出，请使用新版本继续编辑。"
            ),
            StoreError::Conflict { .. } => "这份草稿已在另一个浏览器标签页中被修改。为避免互相覆盖，本页的修改暂未保存，请选择保留哪一份内容。".to_string(),
            StoreError::Other(detail) => format!("保存草稿时出错：{detail}。内容仍在页面中，请先导出文本文件备份。"),
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Unavailable(d) => write!(f, "storage unavailable: {d}"),
            StoreError::QuotaExceeded => write!(f, "storage quota exceeded"),
            StoreError::TooLarge { units } => write!(f, "draft of {units} UTF-16 units is larger than storage can hold"),
            StoreError::Corrupt { key, reason } => write!(f, "corrupt entry {key}: {reason}"),
            StoreError::NewerSchema { found, supported } => {
                write!(f, "schema {found} is newer than supported {supported}")
            }
            StoreError::Conflict { stored_revision } => {
                write!(f, "another tab saved revision {stored_revision} of this draft")
            }
            StoreError::Other(d) => write!(f, "storage error: {d}"),
        }
    }
}

impl std::error::Error for StoreError {}
