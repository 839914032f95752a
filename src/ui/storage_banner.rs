//! A warning band whenever drafts are not safely in storage: storage disabled,
//! quota full, a failed write, data from a newer version. It offers export —
//! the one way to keep the text when storage cannot — and, when the quota is
//! full, to free space by thinning the history.

use leptos::prelude::*;

use super::export::ExportButton;
use super::state::use_app;

#[component]
pub fn StorageBanner() -> impl IntoView {
    let state = use_app();
    let has_draft = Memo::new(move |_| state.draft.with(|d| d.is_some()));
    view! {
        {move || state.problem.get().map(|p| view! {
            <div class="banner banner-warning" role="alert" data-testid="storage-warning">
                <div class="wrap banner-row">
                    <p><strong>"注意："</strong>{p.message.clone()}</p>
                    <Show when=move || has_draft.get()>
                        <ExportButton/>
                    </Show>
                    {p.offer_free_space.then(|| view! {
                        <button type="button" class="btn" on:click=move |_| state.free_space()>"清理历史版本以释放空间"</button>
                    })}
                </div>
            </div>
        })}
    }
}
