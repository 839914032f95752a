//! The report in 公文 look: centred title in balanced lines (GB/T 9704
//! §7.3.1), 黑体 for 一、 headings, 楷体 for item titles, 仿宋 body — the
//! fonts an office PC has, with CJK fallbacks — and the frame: 发文字号
//! above the title, 主送机关 顶格 below it, and the closing (附件说明, 署名,
//! 成文日期, 附注) where the .docx puts them for the chosen seal.

use leptos::prelude::*;

use super::state::use_app;
use crate::report::formats::gongwen::{closing_indents, in_chars, title_lines};
use crate::report::Report;

/// `anchors`: give the title, each heading, intro and item an id
/// ([`anchor_id`]) so a list of findings beside the preview can point at its
/// place (the reviewer's read-only view).
#[component]
pub fn GongwenPreview(report: Report, #[prop(optional)] unit: Option<String>, #[prop(optional)] anchors: bool) -> impl IntoView {
    let state = use_app();
    let title = report.title().map(|t| title_lines(t, unit.as_deref()));
    let preamble = report.preamble();
    let frame = report.frame();
    let roles = report.back_roles();
    let back = report.back.clone();
    let (signature, date) = (frame.signature.clone().unwrap_or_default(), frame.date.clone().unwrap_or_default());
    let id = move |s: String| anchors.then_some(s);
    // Right indents in characters, as the .docx has them in twip. Set
    // through the element's style object (`style:`), which the page's CSP
    // allows; a `style` attribute it blocks.
    let closing = move |i: usize| {
        let (sig, date_right) = closing_indents(&signature, &date, state.seal.get());
        let em = |twip: u32| format!("{}em", in_chars(twip));
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
                <h2 class="gw-title" id=id("gw-title".into())>{lines.into_iter().enumerate().map(|(i, l)| view! { {(i > 0).then(|| view! { <br/> })} {l} }).collect_view()}</h2>
            })}
            {frame.addressee.map(|a| view! { <p class="gw-addressee">{format!("{a}：")}</p> })}
            {preamble.lines().enumerate().map(|(k, l)| view! { <p class="gw-body" id=id(if k == 0 { "gw-preamble".into() } else { String::new() }).filter(|s| !s.is_empty())>{l.to_string()}</p> }).collect_view()}
            {report.sections.iter().enumerate().map(|(si, s)| view! {
                <h3 class="gw-heading" id=id(format!("gw-s{si}"))>{format!("{}{}", s.heading.marker, s.heading.text)}</h3>
                {s.intro.iter().enumerate().map(|(k, l)| view! { <p class="gw-body" id=id(format!("gw-s{si}-intro")).filter(|_| k == 0)>{l.text.clone()}</p> }).collect_view()}
                {s.items.iter().enumerate().map(|(k, i)| view! {
                    <p class="gw-body" id=id(format!("gw-s{si}-i{k}"))>
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
                view! { <p class=move || class(i).0 style:padding-right=move || style(i).1 data-testid="gw-closing">{text}</p> }
            }).collect_view()}
        </article>
    }
}

/// The id [`GongwenPreview`] (with `anchors`) gives the paragraph at `place`.
pub fn anchor_id(place: &crate::report::check::place::Place) -> Option<String> {
    use crate::report::check::place::Spot;
    match (place.spot, place.section) {
        (Spot::Title, _) => Some("gw-title".into()),
        (Spot::Preamble, _) => Some("gw-preamble".into()),
        (Spot::Intro, Some(si)) => Some(format!("gw-s{si}-intro")),
        (Spot::Item(k) | Spot::ItemBody(k), Some(si)) => Some(format!("gw-s{si}-i{k}")),
        (_, Some(si)) => Some(format!("gw-s{si}")),
        (_, None) => None,
    }
}
