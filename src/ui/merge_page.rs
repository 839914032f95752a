//! 合并同事修改的版本: read a colleague's file against the version sent
//! (`session::merge`), show per part what they changed — their changes
//! offered (采纳 / 不采纳), mine shown as kept, conflicts with the sent
//! version, mine and theirs side by side — and merge the author's choices.
//! A file of another report is named and offered as a new draft; merging it
//! needs an explicit choice. The comparison is `report::merge`; this file
//! only shows it.

use leptos::prelude::*;

use super::browser::focus_soon;
use super::pick::{read_picked, ACCEPT_REPORT_FILES};
use super::route::Screen;
use super::state::use_app;
use crate::report::merge::{Choice, MergePart, MergeRow, RowId, RowKind, Side};
use crate::session::merge::Incoming;

#[component]
pub fn MergePage() -> impl IntoView {
    let state = use_app();
    let Some(id) = state.draft.with_untracked(|d| d.as_ref().map(|d| d.id.clone())) else {
        return view! { <p class="card">"未能打开这份草稿。" <a href="#/">"返回草稿库"</a></p> }.into_any();
    };
    let loaded = RwSignal::new(None::<Incoming>);
    let choices = RwSignal::new(Vec::<(RowId, Choice)>::new());
    // Another report's file: compared only after 仍要合并 is chosen.
    let anyway = RwSignal::new(false);

    let pick = move |ev: leptos::ev::Event| {
        read_picked(state, &ev, move |file_name, bytes| {
            // A file that cannot be read leaves no earlier comparison to merge by mistake.
            loaded.set(None);
            choices.set(Vec::new());
            anyway.set(false);
            if let Some(incoming) = state.read_for_merge(&file_name, &bytes) {
                loaded.set(Some(incoming));
                focus_soon(&["merge-result"]);
            }
        });
    };

    // (rows, parts) still to choose.
    let undecided = move || {
        loaded.with(|l| {
            let Some(l) = l else { return (0, 0) };
            choices.with(|c| {
                let open = |p: &MergePart| p.rows.iter().filter(|r| r.needs_choice() && !c.iter().any(|(id, _)| *id == r.id)).count();
                let per_part: Vec<usize> = l.merge.parts.iter().map(open).filter(|n| *n > 0).collect();
                (per_part.iter().sum(), per_part.len())
            })
        })
    };

    let back_id = id.clone();
    let merge = move |_| {
        let chosen = choices.get_untracked();
        loaded.with_untracked(|l| l.as_ref().map(|l| state.merge_received(l, &chosen)));
    };
    let import_new = move |_| {
        loaded.with_untracked(|l| l.as_ref().map(|l| state.import_received(l)));
    };
    let merge_anyway = move |_| {
        anyway.set(true);
        focus_soon(&["merge-compared"]);
    };

    view! {
        <section class="merge-page" aria-labelledby="merge-title">
            <div class="library-head">
                <h1 id="merge-title">"合并同事修改的版本"</h1>
                <button type="button" class="btn" on:click=move |_| state.go(Screen::Draft(back_id.clone()))>"返回任务列表"</button>
            </div>
            <p class="lead">
                "同事或领导修改后发回的文件（分享文件、Word 文档或文本文件），可以在这里与当前草稿对比。从本工具导出的分享文件和 Word 文档记录了发出时的版本，只列出对方改动的地方，由您决定是否采纳；您自己在发出后的修改会保留。合并前的内容会先存入“历史版本”。"
            </p>
            <label class="btn file-button">
                "选择对方的文件"
                <input type="file" accept=ACCEPT_REPORT_FILES class="visually-hidden" on:change=pick/>
            </label>
            {move || loaded.get().map(|l| {
                let file = l.file_name.clone();
                match l.mismatch.clone() {
                    Some(m) if !anyway.get() => view! {
                        <h2 id="merge-result" tabindex="-1" class="merge-result">{format!("“{file}”不是当前草稿的报告，没有合并。")}</h2>
                        <div class="card merge-mismatch" data-testid="merge-mismatch">
                            <p><strong>{m.sentence()}</strong></p>
                            <p>"两份不同的报告合在一起，会把另一份报告的内容混入当前草稿。建议把这份文件作为新草稿导入，当前草稿不会改动。"</p>
                            <div class="button-row">
                                <button type="button" class="btn btn-primary" on:click=import_new>"作为新草稿导入"</button>
                                <button type="button" class="btn" on:click=merge_anyway>"仍要与当前草稿对比合并"</button>
                            </div>
                        </div>
                    }.into_any(),
                    _ => compared(l, choices, undecided, merge).into_any(),
                }
            })}
        </section>
    }
    .into_any()
}

/// The comparison: notes on how it was made, the parts with something to
/// see, and the 合并 button once every offered change is decided.
fn compared(l: Incoming, choices: RwSignal<Vec<(RowId, Choice)>>, undecided: impl Fn() -> (usize, usize) + Copy + Send + Sync + 'static, merge: impl Fn(leptos::ev::MouseEvent) + 'static) -> impl IntoView {
    let m = &l.merge;
    let file = l.file_name.clone();
    let (rows, parts) = (m.to_decide(), m.parts.iter().filter(|p| p.rows.iter().any(MergeRow::needs_choice)).count());
    let all_same = m.rows().all(|r| r.kind == RowKind::Same);
    let in_all = if rows == parts { String::new() } else { format!("（共 {rows} 处）") };
    let conflicts = match m.conflicts() {
        0 => String::new(),
        n => format!("其中 {n} 处双方都作了修改。"),
    };
    let heading = if all_same {
        format!("“{file}”与当前草稿内容相同，无需合并。")
    } else if m.is_noop() {
        format!("“{file}”中没有对方的修改，您在发出后的修改都保留，无需合并。")
    } else if m.base_found {
        format!("与发出时的版本相比，对方在“{file}”中修改了 {parts} 个部分{in_all}。{conflicts}请逐一选择是否采纳。")
    } else {
        format!("“{file}”与当前草稿相比，有 {parts} 个部分不同{in_all}。请逐一选择保留哪个版本。")
    };
    let notes: Vec<String> = l.no_base.iter().cloned().chain(l.received.warnings.iter().map(|w| format!("对方的文件：{w}。"))).collect();
    let mismatch = l.mismatch.as_ref().map(|m| m.sentence());
    let shown: Vec<(usize, MergePart)> = l.merge.parts.iter().cloned().enumerate().filter(|(_, p)| p.rows.iter().any(|r| r.kind != RowKind::Same)).collect();
    let noop = m.is_noop();
    view! {
        <h2 id="merge-result" tabindex="-1" class="merge-result">{heading}</h2>
        {mismatch.map(|s| view! { <p id="merge-compared" tabindex="-1" class="merge-note" data-testid="merge-note">{format!("您选择了仍要合并：{s}")}</p> })}
        {notes.into_iter().map(|n| view! { <p class="merge-note" data-testid="merge-note">{n}</p> }).collect_view()}
        {shown.into_iter().map(|(i, p)| part_view(i, p, &file, choices)).collect_view()}
        {(!noop).then(|| view! {
            <div class="toolbar toolbar-bottom">
                <button type="button" class="btn btn-primary" on:click=merge disabled=move || { undecided().0 > 0 }>"合并"</button>
                <span class="field-hint" aria-live="polite">{move || match undecided() {
                    (0, _) => "已全部选择。点击“合并”完成。".to_string(),
                    (n, k) if n == k => format!("还有 {k} 个部分没有选择。"),
                    (n, k) => format!("还有 {k} 个部分没有选择（共 {n} 处）。"),
                }}</span>
            </div>
        })}
    }
}

/// One part with changes: its rows; rows nobody changed are folded.
fn part_view(index: usize, part: MergePart, file: &str, choices: RwSignal<Vec<(RowId, Choice)>>) -> impl IntoView {
    let legend_id = format!("merge-part-{index}");
    let labelled_by = legend_id.clone();
    let mut out = Vec::new();
    let mut same = 0usize;
    let flush = |out: &mut Vec<AnyView>, n: &mut usize| {
        if *n > 0 {
            out.push(view! { <p class="diff-same">{format!("（{} 处两个版本相同，未列出）", *n)}</p> }.into_any());
            *n = 0;
        }
    };
    for row in part.rows {
        if row.kind == RowKind::Same {
            same += 1;
            continue;
        }
        flush(&mut out, &mut same);
        out.push(row_view(index, row, file, choices));
    }
    flush(&mut out, &mut same);
    view! {
        <fieldset class="card merge-part" data-testid="merge-part" aria-labelledby=labelled_by>
            <legend id=legend_id class="merge-legend">{part.label}</legend>
            {out}
        </fieldset>
    }
}

/// One changed row: what happened, the versions side by side, and the
/// choices when the author has one.
fn row_view(part: usize, row: MergeRow, file: &str, choices: RwSignal<Vec<(RowId, Choice)>>) -> AnyView {
    let summary_id = format!("merge-row-{}", row.id.0);
    let (testid, kind_class) = match row.kind {
        RowKind::TheirsOnly => ("merge-theirs", "merge-kind merge-kind-theirs"),
        RowKind::MineOnly => ("merge-mine", "merge-kind merge-kind-mine"),
        RowKind::Conflict => ("merge-conflict", "merge-kind merge-kind-conflict"),
        _ => ("merge-differs", "merge-kind"),
    };
    let mut cells: Vec<(String, Option<Side>, &'static str)> = Vec::new();
    match row.kind {
        RowKind::TheirsOnly => {
            cells.push(("我的（与发出时相同）".into(), row.base.clone(), "diff-del"));
            cells.push((format!("对方的：{file}"), row.theirs.clone(), "diff-ins"));
        }
        RowKind::MineOnly => {
            cells.push(("发出时".into(), row.base.clone(), "diff-del"));
            cells.push(("我的（保留）".into(), row.mine.clone(), "diff-ins"));
        }
        RowKind::Conflict => {
            cells.push(("发出时".into(), row.base.clone(), "diff-del"));
            cells.push(("我的".into(), row.mine.clone(), "diff-ins"));
            cells.push((format!("对方的：{file}"), row.theirs.clone(), "diff-ins"));
        }
        _ => {
            cells.push(("我的（当前草稿）".into(), row.mine.clone(), "diff-del"));
            cells.push((format!("对方的：{file}"), row.theirs.clone(), "diff-ins"));
        }
    }
    let had = row.base.is_some();
    let three = cells.len() == 3;
    let cells = cells
        .into_iter()
        .map(|(who, side, mark)| {
            view! {
                <div class="diff-cell"><span class="diff-cap">{who}</span>{side_view(side, mark, had)}</div>
            }
        })
        .collect_view();
    let name = format!("merge-choice-{part}-{}", row.id.0);
    let id = row.id;
    let offered = row.kind == RowKind::TheirsOnly;
    let options = row
        .choices()
        .iter()
        .map(|&choice| {
            let (label, hint) = choice_text(choice, offered);
            let name = name.clone();
            view! {
                <label class="merge-option">
                    <input type="radio" name=name value=choice.label()
                        prop:checked=move || choices.with(|c| c.iter().any(|(r, ch)| *r == id && *ch == choice))
                        on:change=move |_| choices.update(|c| {
                            c.retain(|(r, _)| *r != id);
                            c.push((id, choice));
                        })/>
                    <span>{label}</span>
                    <span class="field-hint">{hint}</span>
                </label>
            }
        })
        .collect_view();
    let needs = row.needs_choice();
    let (group_by, options_by) = (summary_id.clone(), summary_id.clone());
    view! {
        <div class="merge-row" data-testid=testid>
            <p id=summary_id class=kind_class>{row.summary()}</p>
            <div class=if three { "diff-row diff-three" } else { "diff-row" } role="group" aria-labelledby=group_by>{cells}</div>
            {needs.then(|| view! { <div class="merge-options" role="radiogroup" aria-labelledby=options_by>{options}</div> })}
        </div>
    }
    .into_any()
}

/// A choice's words: 采纳 / 不采纳 for a change only the colleague made.
fn choice_text(choice: Choice, offered: bool) -> (&'static str, &'static str) {
    match (choice, offered) {
        (Choice::Theirs, true) => ("采纳", "改用对方修改后的内容"),
        (Choice::Mine, true) => ("不采纳", "保持当前草稿的内容不变"),
        (Choice::Mine, false) => ("用我的", "保持当前草稿的内容不变"),
        (Choice::Theirs, false) => ("用对方的", "改用对方的内容"),
        (Choice::Both, _) => ("都保留", "我的在前，对方的紧接其后，标明“（对方的版本）”，再手工整理"),
    }
}

/// One version's text with its changes marked; a version without the row
/// says whether it was deleted or never there.
fn side_view(side: Option<Side>, mark_class: &'static str, had: bool) -> AnyView {
    match side {
        None if had => view! { <span class="diff-none">"（已删除）"</span> }.into_any(),
        None => view! { <span class="diff-none">"（没有这一处）"</span> }.into_any(),
        Some(side) => side
            .spans
            .into_iter()
            .map(|s| {
                if s.changed {
                    view! { <mark class=mark_class>{s.text}</mark> }.into_any()
                } else {
                    view! { <span>{s.text}</span> }.into_any()
                }
            })
            .collect_view()
            .into_any(),
    }
}
