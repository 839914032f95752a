//! 去年的安排: on the 举措和成效 section of a draft started from last year's
//! report, one row per plan of last year's 下一年度主要安排 — its status
//! (已完成 / 部分完成 / 未完成), the items of this year's section that report
//! on it, what the tool found by itself, and for an unfinished plan a
//! starting point in 存在的不足和原因. Also the read-only view of last year's
//! text for the section being written. Matching lives in `report::last_year`.

use leptos::prelude::*;

use super::state::use_app;
use crate::report::last_year::{item_key, shortcoming_starter, ItemRef, PlanIndex, PlanStatus};
use crate::report::render::render_section_text;
use crate::report::{Eol, SectionKind};

/// Last year's text of the section being written, folded, for reference
/// only; when last year's parts were not found, its whole text.
#[component]
pub fn PreviousSection(kind: SectionKind) -> impl IntoView {
    let state = use_app();
    let previous = state.draft.with_untracked(|d| {
        let p = d.as_ref()?.previous.as_ref()?;
        let year = p.year.map(|y| format!("{y}年度")).unwrap_or_else(|| "去年".into());
        let report = p.report();
        if report.sections.is_empty() {
            return Some((format!("{year}报告全文（未能识别各部分，仅供参考，不会复制到本报告）"), p.text().to_string()));
        }
        let section = report.section(kind)?;
        Some((format!("{year}报告的这一部分（仅供参考，不会复制到本报告）"), render_section_text(section, Eol::Lf)))
    });
    previous.map(|(summary, text)| {
        view! {
            <details class="previous-ref" data-testid="previous-section">
                <summary>{summary}</summary>
                <pre class="preview-text" tabindex="0">{text}</pre>
            </details>
        }
    })
}

#[component]
pub fn PlansChecklist(section: usize) -> impl IntoView {
    let state = use_app();
    let plans: Vec<(String, String)> = state.draft.with_untracked(|d| {
        d.as_ref()
            .and_then(|d| d.previous.as_ref())
            .map(|p| p.plans.iter().map(|p| (p.title.clone(), p.body.clone())).collect())
            .unwrap_or_default()
    });
    if plans.is_empty() {
        return None;
    }
    // This section's items, as (label, link key); changes only when a title does.
    let items = Memo::new(move |_| {
        state.draft.with(|d| {
            d.as_ref()
                .and_then(|d| d.report.sections.get(section))
                .map(|s| s.items.iter().map(|i| (format!("{}{}", i.marker.trim(), item_key(i)), item_key(i))).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    // What the matcher finds, recomputed with the findings (after each
    // debounced save), never on a keystroke.
    let found = Memo::new(move |_| {
        state.findings.track();
        state.draft.with_untracked(|d| {
            let Some(d) = d.as_ref() else { return Vec::new() };
            let Some(p) = d.previous.as_ref() else { return Vec::new() };
            let index = PlanIndex::new(&d.report);
            p.plans.iter().map(|plan| (index.addressing_items(plan), index.explaining_items(plan))).collect::<Vec<_>>()
        })
    });

    let rows = plans
        .into_iter()
        .enumerate()
        .map(|(i, (title, body))| view! { <PlanRow index=i title=title body=body items=items found=found/> })
        .collect_view();
    Some(view! {
        <section class="plans" aria-labelledby="plans-title" data-testid="plans">
            <h2 id="plans-title" class="items-title">"去年的安排"</h2>
            <p class="field-hint">
                "以下是去年报告“下一年度主要安排”中的各项。请逐项标记完成情况，并勾选本部分中报告该项工作的条目；未完成或部分完成的，应在“存在的不足和原因”中说明原因。"
            </p>
            <ol class="plan-list">{rows}</ol>
        </section>
    })
}

type Found = Vec<(Vec<ItemRef>, Vec<ItemRef>)>;

#[component]
fn PlanRow(
    index: usize,
    title: String,
    body: String,
    items: Memo<Vec<(String, String)>>,
    found: Memo<Found>,
) -> impl IntoView {
    let state = use_app();
    let status = Memo::new(move |_| {
        state.draft.with(|d| d.as_ref().and_then(|d| d.previous.as_ref()).and_then(|p| p.plans.get(index)).and_then(|p| p.status))
    });
    let links = Memo::new(move |_| {
        state.draft.with(|d| {
            d.as_ref().and_then(|d| d.previous.as_ref()).and_then(|p| p.plans.get(index)).map(|p| p.links.clone()).unwrap_or_default()
        })
    });
    let set_status = move |s: PlanStatus| {
        state.edit(|d| {
            if let Some(p) = d.previous.as_mut().and_then(|p| p.plans.get_mut(index)) {
                p.status = Some(s);
            }
        })
    };
    let set_link = move |key: String, on: bool| {
        state.edit(|d| {
            if let Some(p) = d.previous.as_mut().and_then(|p| p.plans.get_mut(index)) {
                p.links.retain(|k| *k != key);
                if on {
                    p.links.push(key);
                }
            }
        })
    };
    let write_shortcoming = move |_| {
        let plan = state.draft.with_untracked(|d| d.as_ref().and_then(|d| d.previous.as_ref()).and_then(|p| p.plans.get(index)).cloned());
        let Some(plan) = plan else { return };
        let has_section = state.draft.with_untracked(|d| d.as_ref().is_some_and(|d| d.report.section(SectionKind::Shortcomings).is_some()));
        if !has_section {
            state.warn("本报告还没有“存在的不足和原因”部分，无法写入。请先在任务列表中核对报告的五个部分。");
            return;
        }
        let title = plan.title.clone();
        state.restructure(None, move |d| {
            if let Some(s) = d.report.section_mut(SectionKind::Shortcomings) {
                s.add_item(shortcoming_starter(&plan));
            }
        });
        state.confirm(format!("已在“存在的不足和原因”末尾添加“{title}”一条，请补写具体情况，并在“原因：”后写明原因。"));
    };

    let name = format!("plan-{index}-status");
    let status_option = move |s: PlanStatus| {
        let id = format!("plan-{index}-{}", s.label());
        view! {
            <span class="radio-inline">
                <input type="radio" id=id.clone() name=name.clone() prop:checked=move || status.get() == Some(s)
                    on:change=move |_| set_status(s)/>
                <label for=id>{s.label()}</label>
            </span>
        }
    };
    let addressed = move || {
        found.with(|f| f.get(index).map(|(a, _)| a.iter().map(|r| r.title.clone()).collect::<Vec<_>>()).unwrap_or_default())
    };
    let explained = move || found.with(|f| f.get(index).is_some_and(|(_, e)| !e.is_empty()));
    let needs_cause = move || matches!(status.get(), Some(PlanStatus::NotDone | PlanStatus::Partial));

    view! {
        <li class="card plan" data-testid="plan">
            <h3 class="plan-title">{title.clone()}</h3>
            {(!body.trim().is_empty()).then(|| view! {
                <details class="plan-body"><summary>"去年报告中的原文"</summary><p>{body}</p></details>
            })}
            <fieldset class="plain-fieldset">
                <legend>"完成情况"</legend>
                {PlanStatus::ALL.into_iter().map(status_option).collect_view()}
            </fieldset>
            <fieldset class="plain-fieldset">
                <legend>"本部分中报告这项工作的条目"</legend>
                {move || {
                    let list = items.get();
                    if list.is_empty() {
                        return view! { <p class="field-hint">"本部分还没有条目。写好条目后可在这里勾选。"</p> }.into_any();
                    }
                    list.into_iter().map(|(label, key)| {
                        let k = key.clone();
                        view! {
                            <label class="check-option plan-link">
                                <input type="checkbox" prop:checked=move || links.with(|l| l.contains(&k))
                                    on:change=move |ev| set_link(key.clone(), event_target_checked(&ev))/>
                                {label}
                            </label>
                        }
                    }).collect_view().into_any()
                }}
                <p class="field-hint" aria-live="polite">{move || {
                    let found = addressed();
                    if found.is_empty() {
                        "检查结果：本年度报告中尚未找到报告这项工作的条目。".to_string()
                    } else {
                        format!("检查结果：“{}”报告了这项工作。", found.join("”“"))
                    }
                }}</p>
            </fieldset>
            <Show when=needs_cause>
                <div class="plan-cause">
                    {move || if explained() {
                        view! { <p class="field-hint">"“存在的不足和原因”中已说明这项工作。"</p> }.into_any()
                    } else {
                        view! {
                            <p class="field-hint">"未完成或部分完成的工作，应在“存在的不足和原因”中说明原因。"</p>
                            <button type="button" class="btn" on:click=write_shortcoming>"在“存在的不足和原因”中添加这一条"</button>
                        }.into_any()
                    }}
                </div>
            </Show>
        </li>
    }
}
