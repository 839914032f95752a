//! The band of a tab that follows another tab's editing of the open draft
//! (see `session::tabs`): what is going on, and 在此标签页编辑 to take over.

use leptos::prelude::*;

use super::state::use_app;
use super::tabs::TabRole;
use crate::session::tabs::{FOLLOWING, WAITING};

#[component]
pub fn FollowBand() -> impl IntoView {
    let state = use_app();
    let role = Memo::new(move |_| if state.draft.with(|d| d.is_some()) { state.tab_role.get() } else { TabRole::Editing });
    let take_over = move |_| {
        if let Some(id) = state.draft.with_untracked(|d| d.as_ref().map(|d| d.id.clone())) {
            state.take_over(&id);
        }
    };
    view! {
        {move || match role.get() {
            TabRole::Editing => None,
            TabRole::Waiting => Some(view! {
                <div class="banner banner-warning" role="status" data-testid="follow-band">
                    <div class="wrap banner-row"><p>{WAITING}</p></div>
                </div>
            }.into_any()),
            TabRole::Following => Some(view! {
                <div class="banner banner-warning" role="status" data-testid="follow-band">
                    <div class="wrap banner-row">
                        <p>{FOLLOWING}</p>
                        <button type="button" class="btn" on:click=take_over>"在此标签页编辑"</button>
                    </div>
                </div>
            }.into_any()),
        }}
    }
}
