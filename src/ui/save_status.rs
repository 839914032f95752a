//! The 已保存 / 保存中 indicator, announced to screen readers.

use leptos::prelude::*;

use super::state::{use_app, SaveStatus};

#[component]
pub fn SaveStatusView() -> impl IntoView {
    let state = use_app();
    let text = move || match (state.status.get(), state.persistent) {
        (SaveStatus::Failed, _) => "未能保存",
        (SaveStatus::Pending, _) => "保存中…",
        (SaveStatus::Saved, true) => "已保存",
        (SaveStatus::Saved, false) => "仅保存在当前页面",
    };
    let class = move || match (state.status.get(), state.persistent) {
        (SaveStatus::Failed, _) | (_, false) => "save-status save-failed",
        (SaveStatus::Pending, _) => "save-status save-pending",
        (SaveStatus::Saved, true) => "save-status save-ok",
    };
    view! {
        <span class=class role="status" aria-live="polite" data-testid="save-status">{text}</span>
    }
}
