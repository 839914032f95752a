//! 快速开始: unit name, kind of unit, report year, (optionally) the
//! 主要负责人's title and the 公文's frame — the 主送机关 suggested from the
//! unit's kind, the 成文日期; shows the deadlines that apply, then creates
//! the draft with its title, the standard preamble and the unit as 署名.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::browser::{focus_by_id, focus_soon, likely_report_year, now_ms};
use super::from_last_year::FromLastYear;
use super::state::use_app;
use crate::report::deadline::{due_lines, parse_year_input, Date, UnitKind};
use crate::report::edit_frame::suggest_addressee;
use crate::session::create::QuickStart;
use crate::report::guidance::{FIVE_CONTENTS, PUBLICATION, REPORTING_DEADLINES};
use crate::report::template;

#[component]
pub fn Start() -> impl IntoView {
    let state = use_app();
    let unit = RwSignal::new(String::new());
    let year = RwSignal::new(likely_report_year().to_string());
    let kind = RwSignal::new(UnitKind::Department);
    let leader = RwSignal::new(String::new());
    // The 主送机关 follows the suggestion until the author types in it.
    let addressee_typed = RwSignal::new(None::<String>);
    let suggestion = move || unit.with(|u| suggest_addressee(u, Some(kind.get()))).unwrap_or_default();
    let addressee = move || addressee_typed.get().unwrap_or_else(suggestion);
    let date = RwSignal::new(String::new());
    // Errors by field id, in the form's order, shown beside each field and
    // listed in a summary at the top.
    let errors = RwSignal::new(Vec::<(&'static str, String)>::new());
    let error_for = move |id: &'static str| move || errors.with(|e| e.iter().find(|(f, _)| *f == id).map(|(_, m)| m.clone()));

    let preview = move || {
        let u = unit.get();
        let u = if u.trim().is_empty() { "（单位名称）".to_string() } else { u };
        match parse_year_input(&year.get()) {
            Some(y) => template::title(&u, y),
            None => format!("{u}（报告年度填写有误）年度法治政府建设情况报告"),
        }
    };
    let due = move || {
        let y = parse_year_input(&year.get())?;
        Some(due_lines(kind.get(), y, Date::from_unix_ms_china(now_ms())))
    };

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let u = unit.get_untracked();
        let y = parse_year_input(&year.get_untracked());
        let mut found = Vec::new();
        if u.trim().is_empty() {
            found.push(("unit", "请填写单位名称，例如“某某区司法局”。".to_string()));
        }
        if y.is_none() {
            found.push(("year", "请填写四位数的报告年度，例如 2026（全角数字也可以）。".to_string()));
        }
        if let (true, Some(year)) = (found.is_empty(), y) {
            let answers = QuickStart {
                unit: u,
                year,
                unit_kind: Some(kind.get_untracked()),
                leader_title: leader.get_untracked(),
                addressee: untrack(addressee),
                date: date.get_untracked(),
            };
            found = state.start(&answers);
        }
        if let Some((first, _)) = found.first() {
            let first = *first;
            // Where the user is looking: the first field to correct.
            focus_soon(&[first]);
        }
        errors.set(found);
    };

    view! {
        <section class="card start" aria-labelledby="start-title">
            <h1 id="start-title">"开始撰写法治政府建设年度报告"</h1>
            <p class="lead">
                "根据《法治政府建设与责任落实督察工作规定》，年度报告应当包括五项内容："
            </p>
            <p class="quote">{FIVE_CONTENTS}</p>
            // Two ways in, of equal weight; the blank report first, since a
            // first-time author has no last year's report of their own.
            <nav class="ways-in" aria-label="两种开始方式">
                <a class="btn" href="#new-blank-title" on:click=move |ev| { ev.prevent_default(); focus_by_id("unit"); }>"新建空白报告（第一次撰写）"</a>
                <a class="btn" href="#last-year-title" on:click=move |ev| { ev.prevent_default(); focus_by_id("last-year-file"); }>"从去年的报告开始（已有上一年度报告）"</a>
            </nav>
            <h2 class="new-blank-title" id="new-blank-title">"新建空白报告"</h2>
            <form on:submit=on_submit novalidate=true>
                <Show when=move || errors.with(|e| !e.is_empty())>
                    <div class="error-summary" role="alert" id="start-error" data-testid="start-errors">
                        <p>"请先改正以下问题："</p>
                        <ul>
                            {move || errors.get().into_iter().map(|(id, message)| view! {
                                <li><a href=format!("#{id}") on:click=move |ev| { ev.prevent_default(); focus_by_id(id); }>{message}</a></li>
                            }).collect_view()}
                        </ul>
                    </div>
                </Show>
                <div class="field" class:field-invalid=move || error_for("unit")().is_some()>
                    <label for="unit">"单位名称"</label>
                    <p class="field-hint" id="unit-hint">"写单位全称，将用于报告标题和开头段。"</p>
                    {move || error_for("unit")().map(|m| view! { <p class="field-error" id="unit-error">{m}</p> })}
                    <input id="unit" name="unit" type="text" autocomplete="organization"
                        aria-describedby=move || if error_for("unit")().is_some() { "unit-error unit-hint" } else { "unit-hint" }
                        aria-invalid=move || error_for("unit")().is_some().to_string()
                        prop:value=move || unit.get() on:input=move |ev| unit.set(event_target_value(&ev))/>
                </div>
                <fieldset class="field kind-field">
                    <legend>"单位类型"</legend>
                    <p class="field-hint">"决定报告的报送对象和截止时间。"</p>
                    {UnitKind::ALL.into_iter().map(|k| {
                        let id = format!("kind-{}", k.as_str());
                        view! {
                            <div class="radio">
                                <input type="radio" name="kind" id=id.clone() prop:checked=move || kind.get() == k
                                    on:change=move |_| kind.set(k)/>
                                <label for=id>{k.label()}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                <div class="field" class:field-invalid=move || error_for("year")().is_some()>
                    <label for="year">"报告年度"</label>
                    <p class="field-hint" id="year-hint">"报告的是哪一年的工作。每年年初报告上一年度情况。"</p>
                    {move || error_for("year")().map(|m| view! { <p class="field-error" id="year-error">{m}</p> })}
                    <input id="year" name="year" type="text" inputmode="numeric" maxlength="6" class="input-year"
                        aria-describedby=move || if error_for("year")().is_some() { "year-error year-hint" } else { "year-hint" }
                        aria-invalid=move || error_for("year")().is_some().to_string()
                        prop:value=move || year.get() on:input=move |ev| year.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="leader">"主要负责人职务（可选）"</label>
                    <p class="field-hint" id="leader-hint">"如“局党组书记、局长”。撰写第三部分时会提示写明其本人履职情况。"</p>
                    <input id="leader" type="text" aria-describedby="leader-hint"
                        prop:value=move || leader.get() on:input=move |ev| leader.set(event_target_value(&ev))/>
                </div>
                <div class="field" class:field-invalid=move || error_for("addressee")().is_some()>
                    <label for="addressee">"主送机关"</label>
                    <p class="field-hint" id="addressee-hint">"报告报送的上级机关，写在标题下一行。已按单位类型给出建议，可以修改；不需要写时请清空。"</p>
                    {move || error_for("addressee")().map(|m| view! { <p class="field-error" id="addressee-error">{m}</p> })}
                    <input id="addressee" name="addressee" type="text" autocomplete="off"
                        aria-describedby=move || if error_for("addressee")().is_some() { "addressee-error addressee-hint" } else { "addressee-hint" }
                        aria-invalid=move || error_for("addressee")().is_some().to_string()
                        prop:value=addressee on:input=move |ev| addressee_typed.set(Some(event_target_value(&ev)))/>
                </div>
                <div class="field" class:field-invalid=move || error_for("date")().is_some()>
                    <label for="date">"成文日期（可选）"</label>
                    <p class="field-hint" id="date-hint">"写在落款署名下方，如“2026年2月26日”。可以暂不填写，报送前在任务列表中补充。落款署名为单位名称。"</p>
                    {move || error_for("date")().map(|m| view! { <p class="field-error" id="date-error">{m}</p> })}
                    <input id="date" name="date" type="text" autocomplete="off"
                        aria-describedby=move || if error_for("date")().is_some() { "date-error date-hint" } else { "date-hint" }
                        aria-invalid=move || error_for("date")().is_some().to_string()
                        prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev))/>
                </div>
                <p class="title-preview" aria-live="polite">
                    "报告标题：" <strong>{preview}</strong>
                </p>
                <section class="deadlines" aria-labelledby="deadlines-title" data-testid="deadlines">
                    <h2 id="deadlines-title">"需要注意的时间"</h2>
                    <ul>
                        {move || due().unwrap_or_default().into_iter().map(|l| {
                            let late = l.late();
                            view! { <li class:late=late><strong>{l.by.clone()}</strong> " " {l.what.clone()} " （" {l.when()} "）"</li> }
                        }).collect_view()}
                    </ul>
                    <details class="sources">
                        <summary>"规定原文"</summary>
                        <blockquote class="quote"><p>{REPORTING_DEADLINES.text}</p><footer>"——" {REPORTING_DEADLINES.source}</footer></blockquote>
                        <blockquote class="quote"><p>{PUBLICATION.text}</p><footer>"——" {PUBLICATION.source}</footer></blockquote>
                    </details>
                    <p class="field-hint">"报告公开前须进行保密审查。"</p>
                </section>
                <div class="button-row">
                    <button type="submit" class="btn btn-primary">"开始撰写"</button>
                    <Show when=move || !state.library.with(|l| l.is_empty())>
                        <a class="btn btn-quiet" href="#/">"返回草稿库"</a>
                    </Show>
                </div>
                <p class="field-hint start-restore">
                    "同事发来的草稿，可到" <a href="#/">"草稿库"</a> "选择“导入文件”（支持 .txt、Word .docx 和分享文件）；在其他电脑上写过草稿，可在草稿库选择“从备份恢复”。"
                </p>
            </form>
            <FromLastYear/>
            <section class="card start-review" aria-labelledby="start-review-title">
                <h2 id="start-review-title">"审阅各单位的报告"</h2>
                <p class="field-hint">"负责审核的同志（如司法局、依法治区办）可一次选择多个单位报送的报告，逐份检查、查找雷同段落，并导出审核意见。"</p>
                <a class="btn" href="#/review">"审阅多份报告"</a>
            </section>
        </section>
    }
}
