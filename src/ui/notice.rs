//! A confirmation line (saved as copy, deleted — with 撤销, restored …).

use leptos::prelude::*;

use super::state::use_app;

#[component]
pub fn NoticeBar() -> impl IntoView {
    let state = use_app();
    view! {
        {move || state.notice.get().map(|n| {
            let undo = n.undo_delete.clone();
            view! {
                <div class="notice" role="status" data-testid="notice">
                    <div class="wrap banner-row">
                        <p>{n.message.clone()}</p>
                        {undo.map(|id| view! {
                            <button type="button" class="btn" on:click=move |_| state.undo_delete(&id)>"撤销删除"</button>
                        })}
                        <button type="button" class="btn btn-quiet" aria-label="关闭提示" on:click=move |_| state.notice.set(None)>"知道了"</button>
                    </div>
                </div>
            }
        })}
    }
}
