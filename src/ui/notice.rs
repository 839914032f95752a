//! A confirmation line (saved as copy, deleted — with 撤销, restored …),
//! with optional detail lines that take focus to the field they are about.

use leptos::prelude::*;

use super::state::use_app;

#[component]
pub fn NoticeBar() -> impl IntoView {
    let state = use_app();
    view! {
        {move || state.notice.get().map(|n| {
            let undo = n.undo_delete.clone();
            let undo_start = n.undo_start.clone();
            let undo_item = n.undo_item.clone();
            let undo_report = n.undo_report.clone();
            let details = (!n.details.is_empty()).then(|| view! {
                <ul class="notice-details" data-testid="notice-details">
                    {n.details.iter().map(|(text, target)| {
                        let text = text.clone();
                        match *target {
                            Some(id) => view! {
                                <li><button type="button" class="btn-link" on:click=move |_| super::browser::focus_by_id(id)>{text}</button></li>
                            }.into_any(),
                            None => view! { <li>{text}</li> }.into_any(),
                        }
                    }).collect_view()}
                </ul>
            });
            view! {
                <div class="notice" role="status" data-testid="notice">
                    <div class="wrap banner-row">
                        <div class="notice-body">
                            <p>{n.message.clone()}</p>
                            {details}
                        </div>
                        {undo.map(|id| view! {
                            <button type="button" id="notice-undo" class="btn" on:click=move |_| state.undo_delete(&id)>"撤销删除"</button>
                        })}
                        {undo_item.map(|removed| view! {
                            <button type="button" class="btn" on:click=move |_| state.undo_remove_item((*removed).clone())>"撤销删除"</button>
                        })}
                        {undo_report.map(|before| view! {
                            <button type="button" class="btn" on:click=move |_| state.undo_report_change((*before).clone())>"撤销改正"</button>
                        })}
                        {undo_start.map(|id| view! {
                            <button type="button" class="btn" on:click=move |_| state.undo_start(&id)>"撤销新建"</button>
                        })}
                        <button type="button" class="btn btn-quiet" aria-label="知道了，关闭提示" on:click=move |_| state.notice.set(None)>"知道了"</button>
                    </div>
                </div>
            }
        })}
    }
}
