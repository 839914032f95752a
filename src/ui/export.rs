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
