//! The report in 公文 look: centred title, 黑体 for 一、 headings, 楷体 for
//! item titles, 仿宋 body — the fonts an office PC has, with CJK fallbacks.

use leptos::prelude::*;

use crate::report::Report;

#[component]
pub fn GongwenPreview(report: Report) -> impl IntoView {
    let title = report.title().map(str::to_string);
    let preamble = report.preamble();
    view! {
        <article class="gongwen" aria-label="报告预览">
            {title.map(|t| view! { <h2 class="gw-title">{t}</h2> })}
            {preamble.lines().map(|l| view! { <p class="gw-body">{l.to_string()}</p> }).collect_view()}
            {report.sections.iter().map(|s| view! {
                <h3 class="gw-heading">{format!("{}{}", s.heading.marker, s.heading.text)}</h3>
                {s.intro.iter().map(|l| view! { <p class="gw-body">{l.text.clone()}</p> }).collect_view()}
                {s.items.iter().map(|i| view! {
                    <p class="gw-body">
                        {i.marker.clone()}
                        <span class="gw-item-title">{format!("{}{}", i.title, i.sep)}</span>
                        {i.body.clone()}
                    </p>
                    {i.more.iter().map(|l| view! { <p class="gw-body">{l.text.clone()}</p> }).collect_view()}
                }).collect_view()}
            }).collect_view()}
        </article>
    }
}
