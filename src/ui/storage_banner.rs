//! A warning band whenever drafts are not safely in storage: storage disabled,
//! quota full, a failed write, data from a newer version. It offers export,
//! the one way to keep the text when storage cannot.

use leptos::prelude::*;

use super::export::ExportButton;
use super::state::use_app;

#[component]
pub fn StorageBanner() -> impl IntoView {
    let state = use_app();
    let has_draft = Memo::new(move |_| state.draft.with(|d| d.is_some()));
    view! {
        <Show when=move || state.problem.with(|p| p.is_some())>
            <div class="banner banner-warning" role="alert" data-testid="storage-warning">
                <div class="wrap banner-row">
                    <p>
                        <strong>"注意："</strong>
                        {move || state.problem.get().unwrap_or_default()}
                    </p>
                    <Show when=move || has_draft.get()>
                        <ExportButton/>
                    </Show>
                </div>
            </div>
        </Show>
    }
}
