//! 检查并导出: the whole report as it will be exported, section by section,
//! each with a link back to edit it (the GOV.UK "check answers" pattern),
//! the 公文 preview and the export button.

use leptos::prelude::*;

use super::deadline_line::DeadlineLine;
use super::export::{ExportButton, MoreExports, SealPicker, TxtOptionsPicker};
use super::findings::FindingsSummary;
use super::preview::GongwenPreview;
use super::route::Screen;
use super::save_status::SaveStatusView;
use super::state::use_app;

#[component]
pub fn CheckPage() -> impl IntoView {
    let state = use_app();
    let Some(draft) = state.draft.get_untracked() else {
        return view! { <p class="card">"未能打开这份草稿。" <a href="#/">"返回草稿库"</a></p> }.into_any();
    };
    let id = draft.id.clone();
    let home_id = id.clone();
    // The author has run the check: the task list now shows every part's findings.
    if !state.checked.with_untracked(|c| c.contains(&id)) {
        state.checked.update(|c| c.push(id.clone()));
    }
    let rows: Vec<_> = draft
        .report
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| (i, format!("{}{}", s.heading.marker, s.heading.text), s.body_text()))
        .collect();

    view! {
        <div class="check-page">
            <div class="toolbar" role="region" aria-label="保存与导出">
                <button type="button" class="btn btn-quiet" on:click=move |_| state.go(Screen::Draft(home_id.clone()))>"← 返回任务列表"</button>
                <SaveStatusView/>
                <ExportButton primary=true/>
            </div>
            <h1>"检查并导出"</h1>
            <FindingsSummary/>
            <DeadlineLine/>
            <h2>"逐部分核对"</h2>
            <p class="lead">"请逐部分核对报告内容。需要修改时，点击该部分右侧的“修改”。"</p>
            <dl class="check-list">
                {rows.into_iter().map(|(i, heading, body)| {
                    let empty = body.trim().is_empty();
                    view! {
                        <div class="check-row" data-testid="check-row">
                            <dt>{heading.clone()}</dt>
                            <dd class="check-text">
                                {if empty { view! { <span class="missing">"（尚未填写）"</span> }.into_any() }
                                 else {
                                     // A long part scrolls inside its box: keyboard users can focus it to scroll.
                                     let label = format!("{heading}的内容");
                                     view! { <pre class="preview-text" tabindex="0" role="region" aria-label=label>{body}</pre> }.into_any()
                                 }}
                            </dd>
                            <dd class="check-action">
                                <a href=format!("#/draft/{}/section/{}", id, i)>"修改" <span class="visually-hidden">{heading}</span></a>
                            </dd>
                        </div>
                    }
                }).collect_view()}
            </dl>
            <h2>"公文格式预览"</h2>
            <GongwenPreview report=draft.report.clone() unit=draft.unit.clone()/>
            <div class="toolbar toolbar-bottom export-row">
                <ExportButton primary=true/>
                <MoreExports/>
            </div>
            <SealPicker/>
            <TxtOptionsPicker/>
        </div>
    }
    .into_any()
}
