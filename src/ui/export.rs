//! Exporting the open draft as a file the user keeps.

use leptos::prelude::*;

use super::browser::download;
use super::state::{use_app, AppState, Problem};
use crate::report::render;

/// Download the open draft as UTF-8 text in the seed's shape.
pub fn export_txt(state: AppState) {
    state.save_now();
    let failed = super::browser::timed("fzbg:export", || {
        let file = state.draft.with_untracked(|d| d.as_ref().map(|d| (d.file_stem(), render(&d.report))));
        file.is_some_and(|(stem, text)| download(&format!("{stem}.txt"), "text/plain;charset=utf-8", text.as_bytes()).is_err())
    });
    {
        if failed {
            state.problem.set(Some(Problem {
                message: "浏览器未能生成下载文件。请复制页面中的文字保存到 Word 或记事本中。".into(),
                offer_free_space: false,
            }));
        }
    }
}

/// The export button; used in the editor and in the storage warning.
#[component]
pub fn ExportButton(#[prop(optional)] primary: bool) -> impl IntoView {
    let state = use_app();
    let class = if primary { "btn btn-primary" } else { "btn" };
    view! {
        <button type="button" class=class on:click=move |_| export_txt(state)>
            "导出文本文件（.txt）"
        </button>
    }
}

/// Download the open draft as a Word document in 公文 layout (GB/T 9704).
pub fn export_docx(state: AppState) {
    state.save_now();
    let result = super::browser::timed("fzbg:export-docx", || {
        state.draft.with_untracked(|d| d.as_ref().map(|d| (d.file_stem(), crate::report::formats::export_docx(&d.report))))
    });
    let failed = match result {
        Some((stem, Ok(bytes))) => {
            download(&format!("{stem}.docx"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", &bytes).is_err()
        }
        Some((_, Err(e))) => {
            state.problem.set(Some(Problem { message: e.message_zh(), offer_free_space: false }));
            false
        }
        None => false,
    };
    if failed {
        state.problem.set(Some(Problem { message: "浏览器未能生成下载文件。请先导出文本文件保存。".into(), offer_free_space: false }));
    }
}

/// Download the open draft as a share file: lossless, for a colleague.
pub fn export_share(state: AppState) {
    state.save_now();
    let file = state.draft.with_untracked(|d| {
        d.as_ref().map(|d| (d.file_stem(), crate::report::formats::export_share(d, super::browser::now_ms())))
    });
    if let Some((stem, bytes)) = file {
        if download(&format!("{stem}.fzbg.json"), "application/json", &bytes).is_err() {
            state.problem.set(Some(Problem { message: "浏览器未能生成下载文件。请先导出文本文件保存。".into(), offer_free_space: false }));
        }
    }
}

/// The other formats, beside the .txt button.
#[component]
pub fn MoreExports() -> impl IntoView {
    let state = use_app();
    view! {
        <button type="button" class="btn" on:click=move |_| export_docx(state)>"导出 Word（.docx）"</button>
        <button type="button" class="btn" on:click=move |_| export_share(state)
            title="包含全部内容和状态，发给同事后可在本工具中“导入文件”打开">"导出分享文件"</button>
        <button type="button" class="btn btn-quiet" on:click=move |_| {
            if let Some(w) = web_sys::window() { let _ = w.print(); }
        }>"打印 / 另存为 PDF"</button>
    }
}
