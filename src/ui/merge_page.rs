//! 合并同事修改的版本: read a colleague's file, show each part that differs
//! side by side, and let the author choose 用我的 / 用对方的 / 都保留 for
//! each. The comparison and the merge are `report::merge`; this file only
//! shows them. The draft goes to its history before it is changed.

use leptos::prelude::*;

use super::browser::focus_by_id;
use super::pick::{read_picked, ACCEPT_REPORT_FILES};
use super::route::Screen;
use super::state::use_app;
use crate::report::merge::{apply, compare, Choice, Part, PartKey, Row, Span};
use crate::report::Report;

/// The colleague's version once its file has been read.
#[derive(Clone)]
struct Loaded {
    file_name: String,
    theirs: Report,
    parts: Vec<Part>,
}

#[component]
pub fn MergePage() -> impl IntoView {
    let state = use_app();
    let Some(id) = state.draft.with_untracked(|d| d.as_ref().map(|d| d.id.clone())) else {
        return view! { <p class="card">"未能打开这份草稿。" <a href="#/">"返回草稿库"</a></p> }.into_any();
    };
    let loaded = RwSignal::new(None::<Loaded>);
    // One entry per part of `loaded.parts`; parts that do not differ need none.
    let choices = RwSignal::new(Vec::<Option<Choice>>::new());

    let pick = move |ev: leptos::ev::Event| {
        read_picked(state, &ev, move |file_name, bytes| {
            let Some(theirs) = state.read_report_file(&file_name, &bytes) else { return };
            let parts = state.draft.with_untracked(|d| d.as_ref().map(|d| compare(&d.report, &theirs))).unwrap_or_default();
            choices.set(vec![None; parts.len()]);
            loaded.set(Some(Loaded { file_name, theirs, parts }));
            state.problem.set(None);
            set_timeout(|| focus_by_id("merge-result"), std::time::Duration::from_millis(0));
        });
    };

    let undecided = move || {
        loaded.with(|l| {
            l.as_ref().map_or(0, |l| choices.with(|c| l.parts.iter().zip(c).filter(|(p, c)| p.differs() && c.is_none()).count()))
        })
    };

    let back_id = id.clone();
    let merge = move |_| {
        let Some(l) = loaded.get_untracked() else { return };
        let chosen: Vec<(PartKey, Choice)> =
            l.parts.iter().zip(choices.get_untracked()).filter_map(|(p, c)| c.map(|c| (p.key, c))).collect();
        let merged = state.draft.with_untracked(|d| d.as_ref().map(|d| apply(&d.report, &l.theirs, &chosen)));
        if let Some(merged) = merged {
            state.apply_merge(merged, &l.file_name);
        }
    };

    view! {
        <section class="merge-page" aria-labelledby="merge-title">
            <div class="library-head">
                <h1 id="merge-title">"合并同事修改的版本"</h1>
                <button type="button" class="btn" on:click=move |_| state.go(Screen::Draft(back_id.clone()))>"返回任务列表"</button>
            </div>
            <p class="lead">
                "同事或领导修改后发回的文件（文本文件、Word 文档或分享文件），可以在这里与当前草稿逐部分对比，由您决定每一部分保留哪个版本。合并前的内容会先存入“历史版本”。"
            </p>
            <label class="btn file-button">
                "选择对方的文件"
                <input type="file" accept=ACCEPT_REPORT_FILES class="visually-hidden" on:change=pick/>
            </label>
            {move || loaded.get().map(|l| {
                let differing = l.parts.iter().filter(|p| p.differs()).count();
                let same: Vec<String> = l.parts.iter().filter(|p| !p.differs()).map(|p| p.label.clone()).collect();
                let heading = if differing == 0 {
                    format!("“{}”与当前草稿内容相同，无需合并。", l.file_name)
                } else {
                    format!("“{}”与当前草稿相比，有 {} 个部分不同。请逐一选择保留哪个版本。", l.file_name, differing)
                };
                let file_name = l.file_name.clone();
                view! {
                    <h2 id="merge-result" tabindex="-1" class="merge-result">{heading}</h2>
                    {(!same.is_empty()).then(|| view! { <p class="field-hint">"两个版本相同、无需选择的部分：" {same.join("；")}</p> })}
                    {l.parts.into_iter().enumerate().filter(|(_, p)| p.differs()).map(|(i, p)| {
                        view! { <PartChoice index=i part=p their_file=file_name.clone() choices=choices/> }
                    }).collect_view()}
                    {(differing > 0).then(|| view! {
                        <div class="toolbar toolbar-bottom">
                            <button type="button" class="btn btn-primary" on:click=merge
                                disabled=move || { undecided() > 0 }>"合并"</button>
                            <span class="field-hint" aria-live="polite">{move || match undecided() {
                                0 => "已全部选择。点击“合并”完成。".to_string(),
                                n => format!("还有 {n} 个部分没有选择。"),
                            }}</span>
                        </div>
                    })}
                }
            })}
        </section>
    }
    .into_any()
}

/// One differing part: the two versions side by side and the three choices.
#[component]
fn PartChoice(index: usize, part: Part, their_file: String, choices: RwSignal<Vec<Option<Choice>>>) -> impl IntoView {
    let summary = match (&part.mine, &part.theirs) {
        (None, _) => "当前草稿没有这一部分，对方的版本有。".to_string(),
        (_, None) => "对方的版本没有这一部分（可能已删除）。".to_string(),
        _ => format!("有 {} 段不同。", part.changed_rows()),
    };
    let name = format!("merge-choice-{index}");
    let legend_id = format!("merge-part-{index}");
    let labelled_by = legend_id.clone();
    let option = move |choice: Choice, hint: &'static str| {
        let name = name.clone();
        view! {
            <label class="merge-option">
                <input type="radio" name=name value=choice.label()
                    prop:checked=move || choices.with(|c| c.get(index).copied().flatten() == Some(choice))
                    on:change=move |_| choices.update(|c| if let Some(slot) = c.get_mut(index) { *slot = Some(choice) })/>
                <span>{choice.label()}</span>
                <span class="field-hint">{hint}</span>
            </label>
        }
    };
    let both_hint = if part.mine.is_some() && part.theirs.is_some() { "保留我的内容，并在后面补上对方新增的段落和事项" } else { "保留有内容的一方" };
    view! {
        <fieldset class="card merge-part" data-testid="merge-part" aria-labelledby=labelled_by>
            <legend id=legend_id class="merge-legend">{part.label.clone()}</legend>
            <p class="field-hint">{summary}</p>
            <div class="diff" role="group" aria-label="两个版本对比">
                <div class="diff-row diff-head" aria-hidden="true">
                    <div>"我的版本（当前草稿）"</div>
                    <div>"对方的版本：" {their_file}</div>
                </div>
                {rows_view(&part.rows)}
            </div>
            <div class="merge-options" role="radiogroup" aria-labelledby=format!("merge-part-{index}")>
                {option(Choice::Mine, "保持当前草稿的这一部分不变")}
                {option(Choice::Theirs, "改用对方的这一部分")}
                {option(Choice::Both, both_hint)}
            </div>
        </fieldset>
    }
}

/// Rows of the comparison; runs of unchanged paragraphs are folded into one
/// line so the changes stand out in a long section.
fn rows_view(rows: &[Row]) -> impl IntoView {
    let mut out = Vec::new();
    let mut same_run = 0usize;
    let flush = |out: &mut Vec<AnyView>, n: &mut usize| {
        if *n > 0 {
            out.push(view! { <p class="diff-same">{format!("（{} 段两个版本相同，未列出）", *n)}</p> }.into_any());
            *n = 0;
        }
    };
    for row in rows {
        if row.is_equal() {
            same_run += 1;
            continue;
        }
        flush(&mut out, &mut same_run);
        out.push(
            view! {
                <div class="diff-row" data-testid="diff-row">
                    <div class="diff-cell diff-mine"><span class="diff-who">"我的："</span>{side_view(row.mine.as_deref(), "diff-del")}</div>
                    <div class="diff-cell diff-theirs"><span class="diff-who">"对方："</span>{side_view(row.theirs.as_deref(), "diff-ins")}</div>
                </div>
            }
            .into_any(),
        );
    }
    flush(&mut out, &mut same_run);
    out
}

fn side_view(spans: Option<&[Span]>, mark_class: &'static str) -> AnyView {
    match spans {
        None => view! { <span class="diff-none">"（无此段）"</span> }.into_any(),
        Some(spans) => spans
            .iter()
            .map(|s| {
                if s.changed {
                    view! { <mark class=mark_class>{s.text.clone()}</mark> }.into_any()
                } else {
                    view! { <span>{s.text.clone()}</span> }.into_any()
                }
            })
            .collect_view()
            .into_any(),
    }
}
