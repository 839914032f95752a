//! The checker's findings: a summary with links to each place (the GOV.UK
//! error-summary pattern) for the check page, and the findings of one section
//! beside its editor. The rules live in `crate::report::check`.

use leptos::prelude::*;

use super::state::use_app;
use crate::report::check::place::{Place, Places, Spot};
use crate::report::check::{Finding, RuleId, Severity};

/// 忽略 for one finding: a button that opens a one-line reason (optional)
/// with 确定忽略 and 取消. `key` makes the field's id unique on the page.
#[component]
fn SetAsideControl(finding: Finding, label: String, key: String) -> impl IntoView {
    let state = use_app();
    let open = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let field = format!("aside-reason-{key}");
    let opener = format!("aside-open-{key}");
    let (field_for_open, opener_for_cancel) = (field.clone(), opener.clone());
    let show = move |_| {
        open.set(true);
        super::browser::focus_soon(&[&field_for_open]);
    };
    let cancel = move || {
        open.set(false);
        super::browser::focus_soon(&[&opener_for_cancel]);
    };
    let cancel_click = cancel.clone();
    let confirm = move |_| state.set_finding_aside(&finding, &reason.get_untracked());
    let field_label = field.clone();
    view! {
        <Show when=move || open.get() fallback={
            let label = label.clone();
            let opener = opener.clone();
            let show = show.clone();
            move || view! {
                <button type="button" class="btn-link finding-aside" id=opener.clone() aria-label=format!("忽略：{label}") on:click=show.clone()>"忽略"</button>
            }
        }>
            <span class="aside-form" role="group" aria-label="忽略这条检查结果"
                on:keydown={
                    let cancel = cancel.clone();
                    move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { cancel() }
                }>
                <label for=field_label.clone()>"忽略的理由（可不填）"</label>
                <input id=field.clone() type="text" maxlength="200" prop:value=move || reason.get()
                    on:input=move |ev| reason.set(event_target_value(&ev))/>
                <button type="button" class="btn" on:click=confirm.clone()>"确定忽略"</button>
                <button type="button" class="btn-link" on:click={
                    let cancel = cancel_click.clone();
                    move |_| cancel()
                }>"取消"</button>
            </span>
        </Show>
    }
}

/// The findings the author set aside, each with its reason and 恢复.
#[component]
fn SetAsideList() -> impl IntoView {
    let state = use_app();
    let count = Memo::new(move |_| state.set_aside.with(Vec::len));
    view! {
        <Show when=move || { count.get() > 0 }>
            <section class="findings-aside" aria-labelledby="aside-title" data-testid="findings-aside">
                <h3 id="aside-title">{move || format!("已忽略（{}）", count.get())}</h3>
                <p class="field-hint">"以下检查结果已由您核对后忽略，不计入错误和提醒数。所涉内容修改后，会重新列入检查结果。"</p>
                <ul>
                    {move || {
                        let aside = state.set_aside.get();
                        let findings: Vec<Finding> = aside.iter().map(|(f, _)| f.clone()).collect();
                        let at_each = places(state, &findings);
                        aside.into_iter().zip(at_each).map(|((f, entry), at)| {
                            let label = at.label();
                            let again = f.clone();
                            view! {
                                <li data-testid="finding-aside" data-rule=f.rule.as_str()>
                                    <span class=badge(f.severity)>{f.severity.label()}</span>
                                    " " {label.clone()} "：" {f.message.clone()}
                                    {(!entry.reason.is_empty()).then(|| view! { <span class="aside-reason">" 忽略理由：" {entry.reason.clone()}</span> })}
                                    " "
                                    <button type="button" class="btn-link" aria-label=format!("恢复：{label}") on:click=move |_| state.restore_finding(&again)>"恢复"</button>
                                </li>
                            }
                        }).collect_view()
                    }}
                </ul>
            </section>
        </Show>
    }
}

/// Where each finding is, as the author sees the draft (第一部分 第2条 正文):
/// the draft's line map is built once for the whole list.
fn places(state: super::state::AppState, findings: &[Finding]) -> Vec<Place> {
    state.draft.with_untracked(|d| match d {
        Some(d) => {
            let places = Places::new(&d.report);
            findings.iter().map(|f| places.of(f)).collect()
        }
        None => findings.iter().map(|f| Place { section: f.section_index, spot: Spot::Whole }).collect(),
    })
}

fn badge(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "badge badge-error",
        Severity::Warning => "badge badge-warning",
    }
}

/// Where a finding is fixed: its section's page, or the task list for the
/// title, preamble and whole-report findings.
fn href(draft_id: &str, f: &Finding) -> String {
    match f.section_index {
        Some(i) => format!("#/draft/{draft_id}/section/{i}"),
        None => format!("#/draft/{draft_id}"),
    }
}

/// All findings, errors first, each linking to its place, with the one-click
/// punctuation fix when it applies.
#[component]
pub fn FindingsSummary() -> impl IntoView {
    let state = use_app();
    let id = state.draft.with_untracked(|d| d.as_ref().map(|d| d.id.clone()).unwrap_or_default());
    let counts = Memo::new(move |_| {
        state.findings.with(|f| {
            let errors = f.iter().filter(|x| x.severity == Severity::Error).count();
            let half = f.iter().filter(|x| x.rule == RuleId::HalfWidthPunctuation).count();
            (errors, f.len() - errors, half)
        })
    });
    let fix = move |_| state.fix_punctuation();
    view! {
        <section class=move || {
                let (e, w, _) = counts.get();
                if e > 0 { "findings-summary" } else if w > 0 { "findings-summary findings-warn" } else { "findings-summary findings-ok" }
            } aria-labelledby="findings-title" data-testid="findings-summary" tabindex="-1">
            <h2 id="findings-title">
                {move || {
                    let (e, w, _) = counts.get();
                    if e + w == 0 { "检查结果：未发现问题".to_string() } else { format!("检查结果：{e} 个错误，{w} 个提醒") }
                }}
            </h2>
            <p class="field-hint">"“错误”须在报送前改正；“提醒”请逐条核对。点击每条说明可转到对应位置修改；核对后确认无须修改的，可以“忽略”。"</p>
            {move || {
                let errors = state.set_aside.with(|a| a.iter().filter(|(f, _)| f.severity == Severity::Error).count());
                (errors > 0).then(|| view! {
                    <p class="aside-errors" data-testid="aside-errors">{format!("另有 {errors} 个错误已被忽略，报送前请再次确认。")}</p>
                })
            }}
            <Show when=move || { counts.get().2 > 0 }>
                <button type="button" class="btn" on:click=fix>
                    {move || format!("一键改为全角标点（{} 行）", counts.get().2)}
                </button>
            </Show>
            <ol class="findings-list">
                {move || {
                    let id = id.clone();
                    let findings = state.findings.get();
                    let at_each = places(state, &findings);
                    findings.into_iter().zip(at_each).enumerate().map(|(n, (f, at))| {
                        let href = href(&id, &f);
                        // The link goes to the field itself: the next screen focuses it.
                        let field = at.field_id();
                        let label = at.label();
                        view! {
                            <li data-testid="finding" data-rule=f.rule.as_str()>
                                <span class=badge(f.severity)>{f.severity.label()}</span>
                                " "
                                <a href=href on:click=move |_| state.focus_after(field.clone())>{label.clone()} "：" {f.message.clone()}</a>
                                {f.article.map(|a| view! { <span class="finding-article">" 依据：" {a}</span> })}
                                " "
                                <SetAsideControl finding=f.clone() label=label key=format!("all-{n}")/>
                            </li>
                        }
                    }).collect_view()
                }}
            </ol>
            <SetAsideList/>
        </section>
    }
}

/// The findings of one section, shown above its editor.
#[component]
pub fn SectionFindings(index: usize) -> impl IntoView {
    let state = use_app();
    let mine = Memo::new(move |_| state.findings.with(|f| f.iter().filter(|x| x.section_index == Some(index)).cloned().collect::<Vec<_>>()));
    view! {
        <Show when=move || mine.with(|m| !m.is_empty())>
            <section class="section-findings" aria-labelledby="section-findings-title" data-testid="section-findings">
                <h2 id="section-findings-title">"本部分检查结果"</h2>
                <ul>
                    {move || {
                        let mine = mine.get();
                        let at_each = places(state, &mine);
                        mine.into_iter().zip(at_each).enumerate().map(|(n, (f, at))| {
                        let field = at.field_id();
                        let label = at.label();
                        let aside = view! { <SetAsideControl finding=f.clone() label=label.clone() key=format!("s{index}-{n}")/> };
                        // Here the field is on this page: a button takes focus to it.
                        view! {
                            <li>
                                <span class=badge(f.severity)>{f.severity.label()}</span> " "
                                {match field {
                                    Some(id) => view! { <button type="button" class="btn-link finding-place" on:click=move |_| super::browser::focus_by_id(&id)>{label}</button> }.into_any(),
                                    None => view! { <span>{label}</span> }.into_any(),
                                }}
                                "：" {f.message} " " {aside}
                            </li>
                        }
                    }).collect_view()
                    }}
                </ul>
                <p class="field-hint">"检查结果在停止输入约半秒后更新。"</p>
            </section>
        </Show>
    }
}

/// Counts for the task list's badges: (errors, warnings) of section `index`.
pub fn section_counts(findings: &[Finding], index: usize) -> (usize, usize) {
    let mine = findings.iter().filter(|f| f.section_index == Some(index));
    mine.fold((0, 0), |(e, w), f| if f.severity == Severity::Error { (e + 1, w) } else { (e, w + 1) })
}
