//! The checker's findings: a summary with links to each place (the GOV.UK
//! error-summary pattern) for the check page, and the findings of one section
//! beside its editor. The rules live in `crate::report::check`.

use leptos::prelude::*;

use super::state::use_app;
use crate::report::check::place::{Place, Places, Spot};
use crate::report::check::{fix_report_punctuation, Finding, RuleId, Severity};

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
    let fix = move |_| {
        state.restructure(None, |d| {
            fix_report_punctuation(&mut d.report);
        });
        state.save_now();
    };
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
            <p class="field-hint">"“错误”须在报送前改正；“提醒”请逐条核对。点击每条说明可转到对应位置修改。"</p>
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
                    findings.into_iter().zip(at_each).map(|(f, at)| {
                        let href = href(&id, &f);
                        // The link goes to the field itself: the next screen focuses it.
                        let field = at.field_id();
                        view! {
                            <li data-testid="finding" data-rule=f.rule.as_str()>
                                <span class=badge(f.severity)>{f.severity.label()}</span>
                                " "
                                <a href=href on:click=move |_| state.focus_after(field.clone())>{at.label()} "：" {f.message.clone()}</a>
                                {f.article.map(|a| view! { <span class="finding-article">" 依据：" {a}</span> })}
                            </li>
                        }
                    }).collect_view()
                }}
            </ol>
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
                        mine.into_iter().zip(at_each).map(|(f, at)| {
                        let field = at.field_id();
                        let label = at.label();
                        // Here the field is on this page: a button takes focus to it.
                        view! {
                            <li>
                                <span class=badge(f.severity)>{f.severity.label()}</span> " "
                                {match field {
                                    Some(id) => view! { <button type="button" class="btn-link finding-place" on:click=move |_| super::browser::focus_by_id(&id)>{label}</button> }.into_any(),
                                    None => view! { <span>{label}</span> }.into_any(),
                                }}
                                "：" {f.message}
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
