//! 任务列表: a draft's home — title and preamble, the five sections in the
//! regulation's order with their status and length, and overall progress.
//! A part spread over several thematic headings is one row listing its themes.

use leptos::prelude::*;

use super::deadline_line::DeadlineLine;
use super::export::ExportButton;
use super::route::Screen;
use super::save_status::SaveStatusView;
use super::state::use_app;
use crate::report::check::place::FrameField;
use crate::report::draft::SectionStatus;
use crate::report::text::render::rendered_chars;
use crate::report::SectionKind;

#[derive(Clone, PartialEq)]
struct Row {
    index: usize,
    heading: String,
    /// A part spread over thematic headings: each theme (section index, heading).
    themes: Vec<(usize, String)>,
    status: SectionStatus,
    chars: usize,
    required: bool,
    /// (errors, warnings) found in this section.
    findings: (usize, usize),
}

#[component]
pub fn TaskList() -> impl IntoView {
    let state = use_app();
    // Read once: the screen is rebuilt when the draft is replaced.
    let Some((id, title, preamble, frame)) = state.draft.with_untracked(|d| {
        d.as_ref().map(|d| (d.id.clone(), d.report.title().unwrap_or_default().to_string(), d.report.preamble(), d.report.frame()))
    }) else {
        return view! { <p class="card">"未能打开这份草稿。" <a href="#/">"返回草稿库"</a></p> }.into_any();
    };
    let checked_id = id.clone();
    let rows = Memo::new(move |_| {
        let findings = state.findings.get();
        let checked = state.checked.with(|c| c.contains(&checked_id));
        state.draft.with(|d| {
            let Some(d) = d else { return Vec::new() };
            // One row per part: thematic measures headings show once, with their themes.
            d.report
                .parts()
                .into_iter()
                .map(|part| {
                    let index = part.sections[0];
                    let s = &d.report.sections[index];
                    let heading_of = |i: usize| {
                        let s = &d.report.sections[i];
                        format!("{}{}", s.heading.marker, s.heading.text)
                    };
                    let chars = part.sections.iter().map(|i| d.report.sections[*i].written_chars()).sum();
                    let status = if s.kind == SectionKind::Unknown {
                        if chars == 0 { SectionStatus::NotStarted } else { SectionStatus::InProgress }
                    } else {
                        d.status(s.kind)
                    };
                    let counts = part.sections.iter().map(|i| super::findings::section_counts(&findings, *i));
                    // A calm start: a part nobody has started is 未开始, not an
                    // error, until the author runs the check (the check page
                    // still lists every missing and empty part).
                    let calm = status == SectionStatus::NotStarted && !checked;
                    let findings = if calm { (0, 0) } else { counts.fold((0, 0), |a, c| (a.0 + c.0, a.1 + c.1)) };
                    let themes = if part.sections.len() > 1 { part.sections.iter().map(|i| (*i, heading_of(*i))).collect() } else { Vec::new() };
                    let heading = if themes.is_empty() { heading_of(index) } else { s.kind.label().to_string() };
                    Row { index, heading, themes, status, chars, required: s.kind != SectionKind::Unknown, findings }
                })
                .collect()
        })
    });
    let done = Memo::new(move |_| state.draft.with(|d| d.as_ref().map(|d| d.sections_done()).unwrap_or(0)));
    let total_chars =
        Memo::new(move |_| state.draft.with(|d| d.as_ref().map(|d| rendered_chars(&d.report)).unwrap_or(0)));
    let missing = Memo::new(move |_| state.draft.with(|d| d.as_ref().map(|d| d.report.missing()).unwrap_or_default()));
    let (history_id, check_id, merge_id) = (id.clone(), id.clone(), id.clone());

    view! {
        <div class="tasklist">
            <div class="toolbar" role="region" aria-label="保存与导出">
                <button type="button" class="btn btn-quiet" on:click=move |_| state.go(Screen::Library)>"← 草稿库"</button>
                <SaveStatusView/>
                <span class="count">"全文 " {move || total_chars.get()} " 字"</span>
                <button type="button" class="btn" on:click=move |_| state.go(Screen::History(history_id.clone()))>"历史版本"</button>
                <button type="button" class="btn" on:click=move |_| state.go(Screen::Merge(merge_id.clone()))>"合并同事的修改"</button>
                <button type="button" class="btn btn-primary" on:click=move |_| state.go(Screen::Check(check_id.clone()))>"检查并导出"</button>
            </div>
            <h1 class="doc-title" data-testid="doc-title">{move || state.draft.with(|d| d.as_ref().map(|d| d.display_name()).unwrap_or_default())}</h1>
            <div class="progress-line">
                <label for="progress">"进度：已完成 " {move || done.get()} " / 5 部分"</label>
                <progress id="progress" max="5" value=move || done.get()></progress>
            </div>
            <Show when=move || !missing.with(|m| m.is_empty())>
                <p class="error-summary" role="alert">
                    "缺少规定要求的部分："
                    {move || missing.get().iter().map(|k| k.label()).collect::<Vec<_>>().join("、")}
                </p>
            </Show>
            <DeadlineLine editable=true/>
            <section class="card" aria-labelledby="front-title">
                <h2 id="front-title">"标题和开头段"</h2>
                <FrameInput field=FrameField::DocNumber label="发文字号（可选）" value=frame.doc_number.clone()
                    hint="如“某司〔2026〕3号”，写在标题上方；没有时留空。"/>
                <div class="field">
                    <label for="report-title">"报告标题"</label>
                    <input id="report-title" type="text" prop:value=title readonly=move || state.read_only()
                        on:input=move |ev| { let t = event_target_value(&ev); state.edit(|d| d.report.set_title(&t)); }/>
                </div>
                <FrameInput field=FrameField::Addressee label="主送机关" value=frame.addressee.clone()
                    hint="报告报送的上级机关，如“区人民政府”，写在标题下一行；冒号自动加上。"/>
                <div class="field">
                    <label for="preamble">"开头段"</label>
                    <p class="field-hint" id="preamble-hint">"说明报告依据和对象。已按规定格式生成，可按本单位情况修改。"</p>
                    <textarea id="preamble" rows="3" aria-describedby="preamble-hint" prop:value=preamble readonly=move || state.read_only()
                        on:input=move |ev| { let t = event_target_value(&ev); state.edit(|d| d.report.set_preamble(&t)); }></textarea>
                </div>
                <FrameInput field=FrameField::Signature label="发文机关署名" value=frame.signature.clone()
                    hint="落款的单位名称，写全称或规范化简称。"/>
                <FrameInput field=FrameField::Date label="成文日期" value=frame.date.clone()
                    hint="如“2026年2月26日”，用阿拉伯数字，年份写全。"/>
            </section>
            <section class="card" aria-labelledby="sections-title">
                <h2 id="sections-title">"报告的五个部分"</h2>
                <p class="field-hint">"按规定顺序逐项撰写。点击标题进入编辑；写完一部分后，在编辑页标记为“已完成”。"</p>
                <ol class="task-rows">
                    <For each=move || rows.get() key=|r| (r.index, r.heading.clone(), r.themes.len(), r.status, r.chars, r.findings) children=move |r| {
                        let href = format!("#/draft/{}/section/{}", id, r.index);
                        let themes = (!r.themes.is_empty()).then(|| {
                            let id = id.clone();
                            view! {
                                <ul class="task-themes" aria-label=format!("“{}”的各个主题", r.heading)>
                                    {r.themes.iter().map(|(i, h)| view! {
                                        <li><a href=format!("#/draft/{}/section/{}", id, i) data-testid="task-theme">{h.clone()}</a></li>
                                    }).collect_view()}
                                </ul>
                            }
                        });
                        let badge = format!("badge badge-{}", match r.status {
                            SectionStatus::NotStarted => "todo",
                            SectionStatus::InProgress => "doing",
                            SectionStatus::Done => "done",
                        });
                        view! {
                            <li class="task-row" data-testid="task-row">
                                <a href=href class="task-link">{r.heading.clone()}</a>
                                {(!r.required).then(|| view! { <span class="badge badge-todo">"非规定部分"</span> })}
                                <span class=badge>{r.status.label()}</span>
                                {(r.findings.0 > 0).then(|| view! { <span class="badge badge-error">{format!("{} 个错误", r.findings.0)}</span> })}
                                {(r.findings.1 > 0).then(|| view! { <span class="badge badge-warning">{format!("{} 个提醒", r.findings.1)}</span> })}
                                <span class="count">{r.chars} " 字"</span>
                                {themes}
                            </li>
                        }
                    }/>
                </ol>
            </section>
            <div class="toolbar toolbar-bottom">
                <ExportButton/>
            </div>
        </div>
    }
    .into_any()
}

/// One element of the 公文's frame on the title card, applied when the
/// author leaves the field (a half-typed date is no date yet). What would
/// not read back stays in the field with what to write; the draft keeps
/// its last good value.
#[component]
fn FrameInput(field: FrameField, label: &'static str, hint: &'static str, value: Option<String>) -> impl IntoView {
    let state = use_app();
    let id = field.field_id();
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let error = RwSignal::new(None::<String>);
    let described = {
        let (h, e) = (hint_id.clone(), error_id.clone());
        move || if error.with(Option::is_some) { format!("{e} {h}") } else { h.clone() }
    };
    view! {
        <div class="field" class:field-invalid=move || error.with(Option::is_some)>
            <label for=id>{label}</label>
            <p class="field-hint" id=hint_id>{hint}</p>
            {move || error.get().map(|m| view! { <p class="field-error" id=error_id.clone()>{m}</p> })}
            <input id=id type="text" autocomplete="off" prop:value=value.unwrap_or_default()
                aria-describedby=described aria-invalid=move || error.with(Option::is_some).to_string()
                on:change=move |ev| error.set(state.set_frame(field, &event_target_value(&ev)).err())/>
        </div>
    }
}
