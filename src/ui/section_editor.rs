//! One section: its heading, what the regulation asks for, and its text.

use leptos::prelude::*;

use super::state::use_app;
use crate::report::guidance::{required_clause, short_hint};

#[component]
pub fn SectionEditor(index: usize) -> impl IntoView {
    let state = use_app();
    let (kind, heading, body) = state.draft.with_untracked(|d| {
        let s = &d.as_ref().expect("a draft is open").report.sections[index];
        (s.kind, format!("{}{}", s.heading.marker, s.heading.text), s.body_text())
    });
    let chars = Memo::new(move |_| {
        state.draft.with(|d| {
            d.as_ref().and_then(|d| d.report.sections.get(index)).map(|s| s.body_text().chars().count()).unwrap_or(0)
        })
    });
    let field_id = format!("section-{index}");
    let hint_id = format!("section-{index}-hint");
    let heading_id = format!("section-{index}-heading");
    let labelled_by = heading_id.clone();
    let clause = required_clause(kind);

    view! {
        <section class="card section" aria-labelledby=labelled_by data-kind=kind.as_str()>
            <h2 class="section-heading" id=heading_id.clone()>
                <label for=field_id.clone()>{heading}</label>
            </h2>
            <div class="guidance" id=hint_id.clone()>
                {clause.map(|c| view! { <p class="quote-line">"规定要求：" {c} "。"</p> })}
                <p>{short_hint(kind)}</p>
            </div>
            <textarea
                id=field_id
                rows="8"
                aria-describedby=hint_id
                prop:value=body
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    state.edit(|d| {
                        if let Some(s) = d.report.sections.get_mut(index) {
                            s.set_body_text(&text);
                        }
                    });
                }
            ></textarea>
            <p class="count">"本部分 " {move || chars.get()} " 字"</p>
        </section>
    }
}
