//! 历史版本: a draft's snapshots, newest first; preview one and restore it.

use leptos::prelude::*;

use super::browser::format_time;
use super::route::Screen;
use super::state::use_app;

#[component]
pub fn History(id: String) -> impl IntoView {
    let state = use_app();
    let snapshots = Memo::new({
        let id = id.clone();
        move |_| {
            state.generation.track();
            state.snapshots(&id)
        }
    });
    let selected = RwSignal::new(None::<usize>);
    let back_id = id.clone();

    view! {
        <section aria-labelledby="history-title">
            <div class="library-head">
                <h1 id="history-title">"历史版本"</h1>
                <button type="button" class="btn" on:click=move |_| state.go(Screen::Draft(back_id.clone()))>"返回编辑"</button>
            </div>
            <p class="field-hint">
                "编辑时每隔 10 分钟、以及删除、导入、恢复等操作之前，都会自动保存一个版本（每份草稿最多保留 20 个）。恢复某个版本前，当前内容也会先存为一个版本。"
            </p>
            <Show
                when=move || !snapshots.with(|s| s.is_empty())
                fallback=|| view! { <p class="card">"这份草稿还没有历史版本。"</p> }
            >
                <ol class="history-list" reversed=true>
                    {move || {
                        let list = snapshots.get();
                        list.iter().enumerate().rev().map(|(i, snap)| {
                            let chars = snap.text.chars().count();
                            view! {
                                <li class="card history-row" data-testid="snapshot">
                                    <span class="history-when">{format_time(snap.at)}</span>
                                    <span class="history-why">{snap.label()}</span>
                                    <span class="count">{chars} " 字"</span>
                                    <button type="button" class="btn" on:click=move |_| selected.set(Some(i))>"预览"</button>
                                    <button type="button" class="btn btn-primary" on:click=move |_| state.restore_snapshot(i)>"恢复此版本"</button>
                                </li>
                            }
                        }).collect_view()
                    }}
                </ol>
            </Show>
            {move || selected.get().and_then(|i| snapshots.with(|s| s.get(i).cloned())).map(|snap| view! {
                <section class="card" aria-labelledby="preview-title">
                    <h2 id="preview-title">"版本预览：" {format_time(snap.at)}</h2>
                    <pre class="preview-text" tabindex="0">{snap.text}</pre>
                </section>
            })}
        </section>
    }
}
