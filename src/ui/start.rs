//! The start screen: unit name and report year, then the draft is created
//! with its title and the standard preamble.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::browser::current_year;
use super::state::use_app;
use crate::report::guidance::FIVE_CONTENTS;
use crate::report::template;

#[component]
pub fn Start() -> impl IntoView {
    let state = use_app();
    let unit = RwSignal::new(String::new());
    // The report is written early in the year about the year before.
    let year = RwSignal::new((current_year() - 1).to_string());
    let error = RwSignal::new(None::<&'static str>);

    let preview = move || {
        let u = unit.get();
        let u = if u.trim().is_empty() { "（单位名称）".to_string() } else { u };
        match year.get().trim().parse::<i32>() {
            Ok(y) => template::title(&u, y),
            Err(_) => String::new(),
        }
    };

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let u = unit.get_untracked();
        if u.trim().is_empty() {
            error.set(Some("请填写单位名称，例如“某某区司法局”。"));
            return;
        }
        match year.get_untracked().trim().parse::<i32>() {
            Ok(y) if (2000..=2100).contains(&y) => {
                error.set(None);
                state.create(&u, y);
            }
            _ => error.set(Some("请填写四位数的报告年度，例如 2025。")),
        }
    };

    view! {
        <section class="card start" aria-labelledby="start-title">
            <h1 id="start-title">"开始撰写法治政府建设年度报告"</h1>
            <p class="lead">
                "根据《法治政府建设与责任落实督察工作规定》，年度报告应当包括五项内容："
            </p>
            <p class="quote">{FIVE_CONTENTS}</p>
            <form on:submit=on_submit novalidate=true>
                <Show when=move || error.get().is_some()>
                    <div class="error-summary" role="alert" id="start-error">
                        {move || error.get().unwrap_or_default()}
                    </div>
                </Show>
                <div class="field">
                    <label for="unit">"单位名称"</label>
                    <p class="field-hint" id="unit-hint">"写单位全称，将用于报告标题和开头段。"</p>
                    <input
                        id="unit"
                        name="unit"
                        type="text"
                        autocomplete="organization"
                        aria-describedby="unit-hint"
                        prop:value=move || unit.get()
                        on:input=move |ev| unit.set(event_target_value(&ev))
                    />
                </div>
                <div class="field">
                    <label for="year">"报告年度"</label>
                    <p class="field-hint" id="year-hint">"报告的是哪一年的工作。每年年初报告上一年度情况。"</p>
                    <input
                        id="year"
                        name="year"
                        type="text"
                        inputmode="numeric"
                        maxlength="4"
                        class="input-year"
                        aria-describedby="year-hint"
                        prop:value=move || year.get()
                        on:input=move |ev| year.set(event_target_value(&ev))
                    />
                </div>
                <p class="title-preview" aria-live="polite">
                    "报告标题：" <strong>{preview}</strong>
                </p>
                <div class="button-row">
                    <button type="submit" class="btn btn-primary">"开始撰写"</button>
                    <Show when=move || !state.library.with(|l| l.is_empty())>
                        <a class="btn btn-quiet" href="#/">"返回草稿库"</a>
                    </Show>
                </div>
                <p class="field-hint start-restore">
                    "已有去年的报告或同事的草稿（.txt 文件）？可到" <a href="#/">"草稿库"</a> "选择“导入文本文件”；在其他电脑上写过草稿，可在草稿库选择“从备份恢复”。"
                </p>
            </form>
        </section>
    }
}
