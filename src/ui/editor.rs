//! The draft editor: title, preamble and the five sections, each edited as
//! free text, with the save status and export.

use leptos::prelude::*;

use super::export::ExportButton;
use super::route::Screen;
use super::save_status::SaveStatusView;
use super::section_editor::SectionEditor;
use super::state::use_app;

#[component]
pub fn Editor() -> impl IntoView {
    let state = use_app();
    // The editor is rebuilt only when another draft opens or its text is
    // replaced (see app.rs), so the initial values are read once, untracked.
    let Some((id, preamble, sections)) = state.draft.with_untracked(|d| {
        d.as_ref().map(|d| (d.id.clone(), d.report.preamble(), (0..d.report.sections.len()).collect::<Vec<_>>()))
    }) else {
        return view! { <p class="card">"未能打开这份草稿。" <a href="#/">"返回草稿库"</a></p> }.into_any();
    };
    let title = Memo::new(move |_| {
        state.draft.with(|d| d.as_ref().and_then(|d| d.report.title().map(str::to_string)).unwrap_or_default())
    });
    let total_chars = Memo::new(move |_| {
        state.draft.with(|d| d.as_ref().map(|d| crate::report::render(&d.report).chars().count()).unwrap_or(0))
    });

    view! {
        <div class="editor">
            <div class="toolbar" role="region" aria-label="保存与导出">
                <button type="button" class="btn btn-quiet" on:click=move |_| state.go(Screen::Library)>"← 草稿库"</button>
                <SaveStatusView/>
                <span class="count">"全文 " {move || total_chars.get()} " 字"</span>
                <button type="button" class="btn" on:click=move |_| state.go(Screen::History(id.clone()))>"历史版本"</button>
                <ExportButton primary=true/>
            </div>
            <h1 class="doc-title" data-testid="doc-title">{move || title.get()}</h1>
            <section class="card" aria-labelledby="preamble-label">
                <label id="preamble-label" for="preamble" class="section-heading">"开头段"</label>
                <p class="field-hint" id="preamble-hint">
                    "说明报告依据和对象。已按规定格式生成，可按本单位情况修改。"
                </p>
                <textarea
                    id="preamble"
                    rows="3"
                    aria-describedby="preamble-hint"
                    prop:value=preamble
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        state.edit(|d| d.report.set_preamble(&text));
                    }
                ></textarea>
            </section>
            {sections.into_iter().map(|index| view! { <SectionEditor index=index/> }).collect_view()}
            <div class="toolbar toolbar-bottom">
                <ExportButton primary=true/>
            </div>
        </div>
    }
    .into_any()
}
