//! Reading a file the user picked, with the size limit and the browser's
//! read errors explained in Chinese, for every file input in the app.

use leptos::task::spawn_local;

use super::browser::{picked_file, read_file_bytes};
use super::state::AppState;
use crate::report::formats::{FormatError, MAX_IMPORT_BYTES};

/// What the import inputs accept: text, Word documents and share files.
pub const ACCEPT_REPORT_FILES: &str = ".txt,.docx,.json,text/plain,application/json,application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// Read the file picked in `ev`'s input and pass its name and bytes on. A
/// file over the import limit is refused before reading (a 50 MB file is
/// not a report); nothing else changes when reading fails.
pub fn read_picked(state: AppState, ev: &leptos::ev::Event, then: impl FnOnce(String, Vec<u8>) + 'static) {
    let Some(file) = picked_file(ev) else { return };
    let name = file.name();
    if file.size() > MAX_IMPORT_BYTES as f64 {
        let message = FormatError::TooLarge { size: file.size() as usize, limit: MAX_IMPORT_BYTES }.message_zh();
        state.warn(format!("“{name}”未能导入：{message}"));
        return;
    }
    spawn_local(async move {
        match read_file_bytes(&file).await {
            Ok(bytes) => then(name, bytes),
            Err(_) => state.warn(format!("浏览器未能读取“{name}”。请确认文件没有被其他程序占用，然后重试。")),
        }
    });
}
