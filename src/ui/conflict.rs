//! Two tabs edited the same draft: say so, and let the user choose. Either
//! way nothing is lost (the other text goes to history or to a copy).

use leptos::prelude::*;

use super::state::use_app;
use crate::report::text::render::rendered_chars;

#[component]
pub fn ConflictDialog() -> impl IntoView {
    let state = use_app();
    // Move focus into the dialog when it opens, so keyboard and screen-reader
    // users land on the choice instead of typing on into a page that cannot save.
    let first_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if state.conflict.with(|c| c.is_some()) {
            if let Some(b) = first_button.get() {
                let _ = b.focus();
            }
        }
    });
    view! {
        <Show when=move || state.conflict.with(|c| c.is_some())>
            <div class="modal-backdrop">
            <div class="conflict card" role="alertdialog" aria-modal="true" aria-labelledby="conflict-title" aria-describedby="conflict-desc" data-testid="conflict">
                <h2 id="conflict-title">"这份草稿在另一个标签页中也被修改了"</h2>
                <p id="conflict-desc">
                    "同一份草稿同时在两个浏览器标签页中编辑。为避免互相覆盖，本页的修改暂未保存。请选择保留哪一份；另一份不会丢失。"
                </p>
                <p class="field-hint">
                    "另一标签页的版本共 "
                    {move || state.conflict.with(|c| c.as_ref().map(|d| rendered_chars(&d.report)).unwrap_or(0))}
                    " 字；本页的版本共 "
                    {move || state.draft.with(|d| d.as_ref().map(|d| rendered_chars(&d.report)).unwrap_or(0))}
                    " 字。"
                </p>
                <div class="button-row">
                    <button type="button" class="btn btn-primary" node_ref=first_button on:click=move |_| state.keep_mine()>
                        "保留本页内容（另一标签页的内容另存为副本）"
                    </button>
                    <button type="button" class="btn" on:click=move |_| state.take_theirs()>
                        "采用另一标签页的内容（本页内容存入历史版本）"
                    </button>
                </div>
            </div>
            </div>
        </Show>
    }
}
