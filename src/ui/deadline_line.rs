//! The 报送 deadline and the publication date for the open draft's unit kind
//! and year, kept in view on the task list and the check page (还有 N 天, or
//! 已超过 N 天 in red), with the rule they come from. On the task list the
//! unit kind can be changed here, and the dates follow.

use leptos::prelude::*;

use super::browser::now_ms;
use super::state::use_app;
use crate::report::deadline::{due_lines, Date, UnitKind};
use crate::report::guidance::{PUBLICATION, REPORTING_DEADLINES};

#[component]
pub fn DeadlineLine(#[prop(optional)] editable: bool) -> impl IntoView {
    let state = use_app();
    let info = Memo::new(move |_| state.draft.with(|d| d.as_ref().map(|d| (d.unit_kind, d.year))));
    let lines = move || {
        let (kind, year) = info.get()?;
        Some(due_lines(kind?, year, Date::from_unix_ms_china(now_ms())))
    };
    let kind_name = move || info.get().and_then(|(k, _)| k).map(UnitKind::label).unwrap_or("（未选择）");
    view! {
        <section class="card deadline-line" aria-labelledby="deadline-title" data-testid="deadline-line">
            <h2 id="deadline-title">"报送和公开时间"</h2>
            {editable.then(|| view! {
                <div class="field kind-select">
                    <label for="draft-kind">"单位类型"</label>
                    <select id="draft-kind" on:change=move |ev| {
                        let k = UnitKind::parse(&event_target_value(&ev));
                        state.edit(|d| d.unit_kind = k);
                    }>
                        <option value="" selected=move || info.get().and_then(|(k, _)| k).is_none()>"（请选择）"</option>
                        {UnitKind::ALL.into_iter().map(|k| view! {
                            <option value=k.as_str() selected=move || info.get().and_then(|(k, _)| k) == Some(k)>{k.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
            })}
            {move || match lines() {
                Some(lines) => view! {
                    <ul class="due-lines">
                        {lines.into_iter().map(|l| {
                            let late = l.late();
                            view! { <li class:late=late><strong>{l.by.clone()}</strong> " " {l.what.clone()} " （" {l.when()} "）"</li> }
                        }).collect_view()}
                    </ul>
                }.into_any(),
                None => view! {
                    <p class="field-hint">"选择单位类型后，这里显示本单位的报送截止时间和公开时间。"</p>
                }.into_any(),
            }}
            {(!editable).then(|| view! { <p class="field-hint">"单位类型：" {kind_name}</p> })}
            <details class="sources">
                <summary>"依据"</summary>
                <blockquote class="quote"><p>{REPORTING_DEADLINES.text}</p><footer>"——" {REPORTING_DEADLINES.source}</footer></blockquote>
                <blockquote class="quote"><p>{PUBLICATION.text}</p><footer>"——" {PUBLICATION.source}</footer></blockquote>
            </details>
        </section>
    }
}
