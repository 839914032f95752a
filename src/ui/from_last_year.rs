//! 从去年的报告开始: pick last year's report as a file (.txt in any
//! encoding, .docx or a share file) or from the drafts library; the new
//! draft is made by `AppState::start_from_previous`.

use leptos::prelude::*;

use super::pick::{read_picked, ACCEPT_REPORT_FILES};
use super::state::use_app;

#[component]
pub fn FromLastYear() -> impl IntoView {
    let state = use_app();
    let chosen = RwSignal::new(String::new());

    let pick = move |ev: leptos::ev::Event| {
        read_picked(state, &ev, move |name, bytes| {
            if let Some(report) = state.read_report_file(&name, &bytes) {
                state.start_from_previous(&name, &report);
            }
        });
    };
    let from_library = move |_| {
        let id = chosen.get_untracked();
        if id.is_empty() {
            return;
        }
        state.start_from_library(&id);
    };

    view! {
        <section class="card from-last-year" aria-labelledby="last-year-title">
            <h2 id="last-year-title">"从去年的报告开始"</h2>
            <p class="field-hint">
                "选择去年的年度报告，工具将新建下一年度的报告：标题和开头段中标明报告年度的年份改为新年度，文件名称、起止年份、具体日期等其他年份保持原样并列出供核对，各部分留空待写；去年报告“下一年度主要安排”中的各项列为清单，供您逐项说明完成情况。去年的原文只作参考显示，不会复制到新报告中。"
            </p>
            <div class="button-row">
                <label class="btn file-button">
                    "选择去年的报告文件（.txt / .docx / 分享文件）"
                    <input type="file" id="last-year-file" accept=ACCEPT_REPORT_FILES class="visually-hidden" on:change=pick/>
                </label>
            </div>
            <Show when=move || !state.library.with(|l| l.is_empty())>
                <div class="field last-year-library">
                    <label for="last-year-draft">"或从草稿库中选择去年的报告"</label>
                    <div class="button-row">
                        <select id="last-year-draft" on:change=move |ev| chosen.set(event_target_value(&ev))>
                            <option value="" selected=true>"（请选择）"</option>
                            {move || state.library.get().into_iter().map(|s| {
                                let label = format!("{}（{} 字）", s.name, s.chars);
                                view! { <option value=s.id>{label}</option> }
                            }).collect_view()}
                        </select>
                        <button type="button" class="btn" on:click=from_library
                            disabled=move || chosen.with(|c| c.is_empty())>"以此为去年的报告开始"</button>
                    </div>
                </div>
            </Show>
        </section>
    }
}
