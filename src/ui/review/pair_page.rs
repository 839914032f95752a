//! Two reports' shared passages side by side, the characters that differ
//! marked (`<mark>`, with a word for screen readers), each side naming its
//! place in the author's terms.

use leptos::prelude::*;

use super::{use_review, Opening};
use crate::report::review::copying::marks;
use crate::ui::route::Screen;
use crate::ui::state::use_app;

fn marked(runs: Vec<(String, bool)>) -> impl IntoView {
    runs.into_iter()
        .map(|(text, changed)| {
            if changed {
                view! { <mark class="diff-mark"><span class="visually-hidden">"［不同："</span>{text}<span class="visually-hidden">"］"</span></mark> }.into_any()
            } else {
                view! { <span>{text}</span> }.into_any()
            }
        })
        .collect_view()
}

/// Waits for the stored review to be read (after a reload), then shows the pair.
#[component]
pub fn ReviewPair(a: usize, b: usize) -> impl IntoView {
    let app = use_app();
    let review = use_review();
    review.ensure_loaded(app);
    move || if review.ready.get() { untrack(|| pair_view(a, b)).into_any() } else { view! { <Opening/> }.into_any() }
}

fn pair_view(a: usize, b: usize) -> impl IntoView {
    let review = use_review();
    let content = review.desk.with_untracked(|d| {
        let pair = d.pairs.iter().find(|p| p.a == a && p.b == b)?;
        let name = |i: usize| d.records[i].who().to_string();
        let (na, nb) = (name(a), name(b));
        let (fa, fb) = (d.records[a].name.clone(), d.records[b].name.clone());
        Some(view! {
            <h1>{format!("{na} 与 {nb} 的雷同段落")}</h1>
            <p class="lead">{format!("两份报告中有 {} 段文字相似度在 90% 以上。左右两栏对照显示，标记的文字是两段不同之处。", pair.matches.len())}</p>
            <p class="button-row">
                <a class="btn" href=Screen::ReviewReport(a).to_hash()>{format!("查看 {fa}")}</a>
                <a class="btn" href=Screen::ReviewReport(b).to_hash()>{format!("查看 {fb}")}</a>
            </p>
            <ol class="pair-matches">
                {pair.matches.iter().map(|m| {
                    let (left, right) = marks(&m.a.text, &m.b.text);
                    // Each part named as its report numbers it.
                    let place = |i: usize, p: &crate::report::check::place::Place| d.report(i).map_or_else(|| p.label(), |r| p.label_in(r));
                    let (pa, pb) = (place(a, &m.a.place), place(b, &m.b.place));
                    let (na, nb) = (na.clone(), nb.clone());
                    view! {
                        <li class="pair-match">
                            <p class="pair-ratio">{format!("相似度 {}%", crate::report::review::near::similarity_percent(m.ratio))}</p>
                            <div class="pair-sides">
                                <div class="pair-side">
                                    <h2 class="pair-place">{format!("{na} · {pa}")}</h2>
                                    <p class="gw-body pair-text">{marked(left)}</p>
                                </div>
                                <div class="pair-side">
                                    <h2 class="pair-place">{format!("{nb} · {pb}")}</h2>
                                    <p class="gw-body pair-text">{marked(right)}</p>
                                </div>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ol>
        }.into_any())
    });
    view! {
        <p><a href=Screen::Review.to_hash()>"← 返回审阅列表"</a></p>
        {content.unwrap_or_else(|| view! {
            <h1>"没有找到这两份报告的雷同段落"</h1>
            <p>"审阅列表可能已经改变（移除或重新选择了文件）。请返回审阅列表查看。"</p>
        }.into_any())}
    }
}
