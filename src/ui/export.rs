//! Exporting the open draft as a file the user keeps.

use leptos::prelude::*;

use super::browser::download;
use super::state::{use_app, AppState};
use crate::report::formats::{export_docx_laid_out, export_txt_with, DocxLayout, FormatError, Seal, TxtEncoding};
use crate::report::merge::Base;

/// Download the open draft as a text file: by default UTF-8 in the seed's
/// shape; encoding and line endings as chosen in [`TxtOptionsPicker`].
pub fn export_txt(state: AppState) {
    state.save_now();
    let opts = state.txt_options.get_untracked();
    let result = super::browser::timed("fzbg:export", || {
        state.draft.with_untracked(|d| {
            d.as_ref().map(|d| {
                let bytes = export_txt_with(&d.report, &opts, &|text| {
                    super::browser::gbk(text).unwrap_or(Err(FormatError::GbkUnavailable))
                });
                (d.file_stem(), bytes)
            })
        })
    });
    let failed = match result {
        Some((stem, Ok(bytes))) => {
            let mime = if opts.encoding == TxtEncoding::Gbk { "text/plain;charset=gbk" } else { "text/plain;charset=utf-8" };
            download(&format!("{stem}.txt"), mime, &bytes).is_err()
        }
        Some((_, Err(e))) => {
            state.warn(e.message_zh());
            false
        }
        None => false,
    };
    if failed {
        state.warn("浏览器未能生成下载文件。请复制页面中的文字保存到 Word 或记事本中。");
    }
}

/// 文本文件格式: the encoding and line endings of the .txt export. UTF-8 is
/// the default and what this tool reads back best; the others are for
/// older office software.
#[component]
pub fn TxtOptionsPicker() -> impl IntoView {
    let state = use_app();
    let encoding = move |enc: TxtEncoding, label: &'static str, hint: &'static str| {
        view! {
            <label class="merge-option">
                <input type="radio" name="txt-encoding"
                    prop:checked=move || state.txt_options.with(|o| o.encoding == enc)
                    on:change=move |_| state.txt_options.update(|o| o.encoding = enc)/>
                <span>{label}</span>
                <span class="field-hint">{hint}</span>
            </label>
        }
    };
    view! {
        <details class="txt-options">
            <summary>"文本文件格式选项"</summary>
            <fieldset class="plain-fieldset">
                <legend>"编码"</legend>
                <div class="merge-options">
                    {encoding(TxtEncoding::Utf8, "UTF-8（推荐）", "通用格式，本工具和新版办公软件都能直接打开")}
                    {encoding(TxtEncoding::Utf8Bom, "UTF-8 带签名（BOM）", "旧版 Windows 记事本打开不乱码")}
                    {encoding(TxtEncoding::Gbk, "GBK", "供只认“ANSI”中文的旧系统使用")}
                </div>
            </fieldset>
            <label class="check-option">
                <input type="checkbox"
                    prop:checked=move || state.txt_options.with(|o| o.crlf)
                    on:change=move |ev| state.txt_options.update(|o| o.crlf = event_target_checked(&ev))/>
                " 使用 Windows 换行（CRLF）"
            </label>
        </details>
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

/// Download the open draft as a Word document in 公文 layout (GB/T 9704),
/// and keep the version sent (a .docx usually goes to a colleague).
pub fn export_docx(state: AppState) {
    state.save_now();
    let result = super::browser::timed("fzbg:export-docx", || {
        // The version it was made from goes into the document's custom
        // properties, so the colleague's edited copy merges three-way.
        state.draft.with_untracked(|d| {
            d.as_ref().map(|d| {
                let unit = Some(d.unit.trim().to_string()).filter(|u| !u.is_empty());
                let layout = DocxLayout { seal: state.seal.get_untracked(), unit };
                (d.file_stem(), export_docx_laid_out(&d.report, Some(&Base::for_export(d)), &layout))
            })
        })
    });
    let failed = match result {
        Some((stem, Ok(bytes))) => {
            let failed = download(&format!("{stem}.docx"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", &bytes).is_err();
            if !failed {
                state.sent();
            }
            failed
        }
        Some((_, Err(e))) => {
            state.warn(e.message_zh());
            false
        }
        None => false,
    };
    if failed {
        state.warn("浏览器未能生成下载文件。请先导出文本文件保存。");
    }
}

/// Download the open draft as a share file: lossless, for a colleague; the
/// version sent is kept so their reply merges from it.
pub fn export_share(state: AppState) {
    state.save_now();
    let file = state.draft.with_untracked(|d| {
        d.as_ref().map(|d| (d.file_stem(), crate::report::formats::export_share(d, super::browser::now_ms())))
    });
    if let Some((stem, bytes)) = file {
        if download(&format!("{stem}.fzbg.json"), "application/json", &bytes).is_err() {
            state.warn("浏览器未能生成下载文件。请先导出文本文件保存。");
        } else {
            state.sent();
        }
    }
}

/// Word 文档的落款: with the seal (§7.3.5.1: the date 右空四字, the 署名
/// centred over it, room above for the seal) or without (§7.3.5.2).
#[component]
pub fn SealPicker() -> impl IntoView {
    let state = use_app();
    let option = move |seal: Seal, id: &'static str, label: &'static str, hint: &'static str| {
        view! {
            <label class="merge-option">
                <input type="radio" name="docx-seal" data-testid=id
                    prop:checked=move || state.seal.get() == seal
                    on:change=move |_| state.seal.set(seal)/>
                <span>{label}</span>
                <span class="field-hint">{hint}</span>
            </label>
        }
    };
    view! {
        <fieldset class="plain-fieldset seal-picker">
            <legend>"Word 文档的落款"</legend>
            <div class="merge-options">
                {option(Seal::Unsealed, "seal-unsealed", "不加盖印章", "署名右空二字，成文日期在署名下一行、首字比署名首字右移二字")}
                {option(Seal::Sealed, "seal-sealed", "加盖印章", "成文日期右空四字，署名以成文日期为准居中，上方留出用印位置")}
            </div>
        </fieldset>
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
