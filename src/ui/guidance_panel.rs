//! The guidance beside a section: what the regulation requires (quoted with
//! its source), what to write, the areas to cover, common mistakes, a worked
//! example and the suggested length. Content lives in `crate::report::guidance`.

use leptos::prelude::*;

use super::state::use_app;
use crate::report::guidance::{example_for, guide, kind_notes, period_notes, areas_heading, FIRST_RESPONSIBLE_DUTIES};
use crate::report::SectionKind;

#[component]
pub fn GuidancePanel(kind: SectionKind) -> impl IntoView {
    let state = use_app();
    let g = guide(kind);
    let (year, leader, unit_kind) = state
        .draft
        .with_untracked(|d| d.as_ref().map(|d| (d.year, d.leader_title.clone(), d.unit_kind)).unwrap_or((2025, String::new(), None)));
    // The example and the notes fit the unit's kind: a 镇 for 乡镇、街道, a
    // 县政府 for governments, a 局 for departments.
    let worked = example_for(unit_kind);
    let example = worked.section(kind, year);
    let notes = kind_notes(unit_kind);
    let this_year = period_notes(kind, year);
    let kind_name = unit_kind.map(|k| k.label()).unwrap_or_default();
    let (min, max) = g.suggested_chars;
    view! {
        <aside class="guidance-panel" aria-labelledby="guidance-title" data-testid="guidance">
            <h2 id="guidance-title">"撰写指引"</h2>
            {(kind != SectionKind::Unknown).then(|| view! {
                <section>
                    <h3>"规定要求"</h3>
                    <blockquote class="quote">
                        <p>{g.requirement.text}</p>
                        <footer>"——" {g.requirement.source}</footer>
                    </blockquote>
                </section>
            })}
            {(kind == SectionKind::FirstResponsible).then(|| view! {
                <blockquote class="quote">
                    <p>{FIRST_RESPONSIBLE_DUTIES.text}</p>
                    <footer>"——" {FIRST_RESPONSIBLE_DUTIES.source}</footer>
                </blockquote>
                {(!leader.is_empty()).then(|| view! { <p class="leader-hint">"请写明" <strong>{leader.clone()}</strong> "本人亲自做了哪些事、做了几次。"</p> })}
            })}
            <section>
                <h3>"写什么"</h3>
                <ul>{g.what_to_write.iter().map(|t| view! { <li>{*t}</li> }).collect_view()}</ul>
            </section>
            {(!this_year.is_empty()).then(|| view! {
                <section data-testid="period-notes">
                    <h3>{format!("{year}年度报告还要注意")}</h3>
                    <ul>{this_year.iter().map(|t| view! { <li>{t.clone()}</li> }).collect_view()}</ul>
                </section>
            })}
            {(!notes.is_empty() && kind == SectionKind::Measures).then(|| view! {
                <section data-testid="kind-notes">
                    <h3>{format!("{kind_name}还可以写")}</h3>
                    <ul>{notes.iter().map(|t| view! { <li>{*t}</li> }).collect_view()}</ul>
                </section>
            })}
            {(!g.areas.is_empty()).then(|| view! {
                <section>
                    <h3>{areas_heading(year)}</h3>
                    <ul class="areas">{g.areas.iter().map(|a| view! { <li><strong>{a.heading}</strong> "：" {a.hint}</li> }).collect_view()}</ul>
                </section>
            })}
            {(!g.mistakes.is_empty()).then(|| view! {
                <section>
                    <h3>"常见问题"</h3>
                    <ul>{g.mistakes.iter().map(|t| view! { <li>{*t}</li> }).collect_view()}</ul>
                </section>
            })}
            {(max > 0).then(|| view! { <p class="field-hint">"建议篇幅：" {min} "–" {max} " 字。"</p> })}
            {(!example.is_empty()).then(|| view! {
                <details class="example">
                    <summary>{format!("查看示例（虚构单位：{}）", worked.unit)}</summary>
                    <pre class="preview-text" tabindex="0" role="region" aria-label="示例全文">{example.clone()}</pre>
                </details>
            })}
        </aside>
    }
}
