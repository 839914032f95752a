//! One report of the review, read-only in 公文 look, with its findings
//! beside it (each pointing at its paragraph, each tickable into the
//! opinion) and the reviewer's 审核意见 — autosaved, exported per unit as a
//! .docx in the report layout and as .txt.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{offer, use_review, Opening, DOCX_MIME};
use crate::report::check::place::Places;
use crate::report::check::Severity;
use crate::ui::browser::reveal;
use crate::ui::preview::{anchor_id, GongwenPreview};
use crate::ui::route::Screen;
use crate::ui::state::use_app;

/// Move focus to a paragraph of the preview and bring it into view.
fn point_at(id: &str) {
    let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) else { return };
    let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() else { return };
    let _ = el.set_attribute("tabindex", "-1");
    let _ = el.focus();
    reveal(&el);
}

/// Waits for the stored review to be read (after a reload), then shows the report.
#[component]
pub fn ReviewReport(index: usize) -> impl IntoView {
    let app = use_app();
    let review = use_review();
    review.ensure_loaded(app);
    move || if review.ready.get() { untrack(|| report_view(index)).into_any() } else { view! { <Opening/> }.into_any() }
}

fn report_view(index: usize) -> impl IntoView {
    let app = use_app();
    let review = use_review();
    let i = index;
    let known = review.desk.with_untracked(|d| i < d.records.len());
    if !known {
        return view! {
            <p><a href=Screen::Review.to_hash()>"← 返回审阅列表"</a></p>
            <h1>"没有这份报告"</h1>
            <p>"审阅列表中没有这一行（可能已被移除）。请返回审阅列表，点击文件名查看报告。"</p>
        }
        .into_any();
    }
    let (record, read, count) = review.desk.with_untracked(|d| (d.records[i].clone(), d.entries[i].read.clone(), d.records.len()));
    // Passages shared with other reports of the batch, linked to the side-by-side view.
    let copied = review.desk.with_untracked(|d| {
        d.pairs
            .iter()
            .filter(|p| p.a == i || p.b == i)
            .map(|p| {
                let other = &d.records[if p.a == i { p.b } else { p.a }];
                let who = other.who();
                view! { <li><a href=Screen::ReviewPair(p.a, p.b).to_hash()>{format!("与{who}的报告有 {} 段雷同", p.matches.len())}</a></li> }
            })
            .collect::<Vec<_>>()
    });
    let copied = (!copied.is_empty()).then(|| view! {
        <div class="card card-warning review-copied"><p>"雷同段落："</p><ul>{copied}</ul></div>
    });
    let heading = if record.unit.is_empty() { record.name.clone() } else { format!("{} · {}", record.unit, record.name) };
    let opinion = RwSignal::new(record.opinion.clone());
    let ticked = RwSignal::new(record.ticked.clone());
    // Another tab's words taken in: shown here (this tab changed nothing
    // of this report's since, or they would not have been taken in).
    Effect::watch(
        move || review.taken_in.get(),
        move |_, _, _| {
            if let Some((o, t)) = review.desk.with_untracked(|d| d.records.get(i).map(|r| (r.opinion.clone(), r.ticked.clone()))) {
                opinion.set(o);
                ticked.set(t);
            }
        },
        false,
    );
    let on_opinion = move |e: leptos::ev::Event| {
        let v = event_target_value(&e);
        opinion.set(v.clone());
        review.edit(app, |d| d.records[i].opinion = v);
    };
    let export = move |docx: bool| {
        review.save_now(app);
        let office = review.office.get_untracked();
        let today = crate::report::deadline::Date::from_unix_ms_china(crate::ui::browser::now_ms());
        let o = review.desk.with_untracked(|d| d.opinion(i)).signed(&office, today);
        if docx {
            offer(app, &format!("{}.docx", o.file_stem()), DOCX_MIME, o.docx());
        } else {
            offer(app, &format!("{}.txt", o.file_stem()), "text/plain;charset=utf-8", Ok(o.text_file().into_bytes()));
        }
    };
    // The opinion: beside the findings when the report could be read, so
    // ticking and writing happen in one place; under the notice otherwise.
    let opinion_box = move || view! {
            <section class="card" aria-labelledby="opinion-title">
                <h2 id="opinion-title">"审核意见"</h2>
                <label for="opinion-text" class="field-hint">"写给该单位的审核意见（自动保存）。勾选的检查结果会附在意见之后，并注明位置。"</label>
                <textarea id="opinion-text" rows="4" class="opinion-text" prop:value=move || opinion.get() on:input=on_opinion></textarea>
                <p class="count">{move || format!("已勾选 {} 条检查结果", ticked.with(Vec::len))}</p>
                <label for="opinion-office" class="inline-field office-field"><span class="nowrap">"署名（审核单位）"</span>
                    <input id="opinion-office" type="text" class="input-office" placeholder="如：某区司法局" aria-describedby="opinion-office-hint"
                        prop:value=move || review.office.get() on:change=move |e| review.set_office(app, event_target_value(&e))/>
                </label>
                <p id="opinion-office-hint" class="field-hint">"导出的审核意见在文末署名，并以导出当天为日期；署名用于本机所有审核意见。"</p>
                <div class="button-row">
                    <button type="button" class="btn btn-primary" on:click=move |_| export(true)>"导出审核意见（Word 文档）"</button>
                    <button type="button" class="btn" on:click=move |_| export(false)>"导出审核意见（文本文件）"</button>
                </div>
            </section>
    };
    // The table's row for this report is the one to come back to; the
    // neighbours are the table's, in the order and filter it was left in.
    review.table.opened.set_value(Some(i));
    let (before, after) = review.table.neighbours(i, count);
    let nav = view! {
        <nav class="pager" aria-label="上一份和下一份">
            {before.map(|p| view! { <a href=Screen::ReviewReport(p).to_hash()>"← 上一份"</a> })}
            <a href=Screen::Review.to_hash()>"返回审阅列表"</a>
            {after.map(|n| view! { <a href=Screen::ReviewReport(n).to_hash()>"下一份 →"</a> })}
        </nav>
    };
    let body = match read {
        Err(why) => view! { <div class="card card-warning" role="alert"><p>{why}</p></div> {opinion_box()} }.into_any(),
        Ok(r) => {
            let places = Places::new(&r.draft.report);
            let mut findings: Vec<_> = r.findings.iter().map(|f| (places.of(f), f.clone())).collect();
            crate::report::sort::by_key(&mut findings, |(_, f)| f.severity);
            let list = findings
                .into_iter()
                .enumerate()
                .map(|(k, (place, f))| {
                    let label = place.label_in(&r.draft.report);
                    let key = (label.clone(), f.message.clone());
                    let key2 = key.clone();
                    let checked = move || ticked.with(|t| t.contains(&key2));
                    let toggle = move |e: leptos::ev::Event| {
                        let on = event_target_checked(&e);
                        let key = key.clone();
                        ticked.update(|t| {
                            t.retain(|x| *x != key);
                            if on {
                                t.push(key);
                            }
                        });
                        let now = ticked.get_untracked();
                        review.edit(app, |d| d.records[i].ticked = now);
                    };
                    let target = anchor_id(&place);
                    let badge = if f.severity == Severity::Error { "badge badge-error" } else { "badge badge-warning" };
                    let cb = format!("tick-{k}");
                    view! {
                        <li class="review-finding">
                            <span class=badge>{f.severity.label()}</span>" "
                            <strong>{label.clone()}</strong>
                            <p class="review-finding-text">{f.message.clone()}</p>
                            <div class="button-row">
                                <span class="tick">
                                    <input type="checkbox" id=cb.clone() prop:checked=checked on:change=toggle/>
                                    <label for=cb>"写入审核意见"<span class="visually-hidden">{format!("（{label}）")}</span></label>
                                </span>
                                {target.map(|id| view! {
                                    <button type="button" class="btn btn-quiet btn-small" on:click=move |_| point_at(&id)>{format!("在报告中查看（{label}）")}</button>
                                })}
                            </div>
                        </li>
                    }
                })
                .collect_view();
            let summary = format!("{} · {} 字 · 错误 {} 项，提醒 {} 项", r.format_zh, r.chars, r.errors(), r.warnings());
            let not_report = r.not_a_report.then(|| view! {
                <p class="card card-warning">"未识别出年度报告的五项内容，这份文件可能不是法治政府建设年度报告。"</p>
            });
            let notes = r.notes.clone();
            view! {
                <p class="count">{summary}</p>
                {not_report}
                {copied}
                {notes.into_iter().map(|n| view! { <p class="field-hint">{n}</p> }).collect_view()}
                <div class="two-col review-two-col">
                    <div class="review-report-col">
                        <GongwenPreview report=r.draft.report.clone() anchors=true/>
                    </div>
                    <div class="review-side">
                        {opinion_box()}
                        <section aria-labelledby="review-findings-title">
                            <h2 id="review-findings-title">"检查结果"</h2>
                            {if r.findings.is_empty() {
                                view! { <p>"未发现问题。"</p> }.into_any()
                            } else {
                                view! { <ul class="review-findings">{list}</ul> }.into_any()
                            }}
                        </section>
                    </div>
                </div>
            }
            .into_any()
        }
    };
    view! {
        {nav}
        <h1>{heading}</h1>
        {body}
    }
    .into_any()
}
