//! The report in 公文 look: centred title, 黑体 for 一、 headings, 楷体 for
//! item titles, 仿宋 body — the fonts an office PC has, with CJK fallbacks.

use leptos::prelude::*;

use crate::report::Report;

/// `anchors`: give the title, each heading, intro and item an id
/// ([`anchor_id`]) so a list of findings beside the preview can point at its
/// place (the reviewer's read-only view).
#[component]
pub fn GongwenPreview(report: Report, #[prop(optional)] anchors: bool) -> impl IntoView {
    let title = report.title().map(str::to_string);
    let preamble = report.preamble();
    let id = move |s: String| anchors.then_some(s);
    view! {
        <article class="gongwen" aria-label="报告预览">
            {title.map(|t| view! { <h2 class="gw-title" id=id("gw-title".into())>{t}</h2> })}
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
