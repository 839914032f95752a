//! The report in 公文 look: centred title in balanced lines (GB/T 9704
//! §7.3.1), 黑体 for 一、 headings, 楷体 for item titles, 仿宋 body — the
//! fonts an office PC has, with CJK fallbacks — and the frame: 发文字号
//! above the title, 主送机关 顶格 below it, and the closing (附件说明, 署名,
//! 成文日期, 附注) where the .docx puts them for the chosen seal.

use leptos::prelude::*;

use super::state::use_app;
use crate::report::formats::gongwen::{closing_indents, title_lines, CHAR};
use crate::report::Report;

#[component]
pub fn GongwenPreview(report: Report, #[prop(optional)] unit: Option<String>) -> impl IntoView {
    let state = use_app();
    let title = report.title().map(|t| title_lines(t, unit.as_deref()));
    let preamble = report.preamble();
    let frame = report.frame();
    let roles = report.back_roles();
    let back = report.back.clone();
    let (signature, date) = (frame.signature.clone().unwrap_or_default(), frame.date.clone().unwrap_or_default());
    // Right indents in characters, as the .docx has them in twip.
    let closing = move |i: usize| {
        let (sig, date_right) = closing_indents(&signature, &date, state.seal.get());
        let em = |twip: u32| format!("padding-right: {:.2}em", twip as f32 / CHAR as f32);
        if Some(i) == roles.signature {
            ("gw-closing", em(sig))
        } else if Some(i) == roles.date {
            ("gw-closing", em(date_right))
        } else if roles.annex.as_ref().is_some_and(|r| r.contains(&i)) {
            ("gw-body", String::new())
        } else {
            ("gw-plain", String::new())
        }
    };
    view! {
        <article class="gongwen" aria-label="报告预览">
            {frame.doc_number.map(|n| view! { <p class="gw-doc-number">{n}</p> })}
            {title.map(|lines| view! {
                <h2 class="gw-title">{lines.into_iter().enumerate().map(|(i, l)| view! { {(i > 0).then(|| view! { <br/> })} {l} }).collect_view()}</h2>
            })}
            {frame.addressee.map(|a| view! { <p class="gw-addressee">{format!("{a}：")}</p> })}
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
            {back.into_iter().enumerate().map(|(i, l)| {
                let text = if l.text.trim().is_empty() { "\u{a0}".to_string() } else { l.text };
                let (class, style) = (closing.clone(), closing.clone());
                view! { <p class=move || class(i).0 style=move || style(i).1 data-testid="gw-closing">{text}</p> }
            }).collect_view()}
        </article>
    }
}
