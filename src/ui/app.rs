//! The page frame: top bar, storage warnings, and the current screen.

use leptos::ev;
use leptos::prelude::*;

use super::editor::Editor;
use super::start::Start;
use super::state::AppState;
use super::storage_banner::StorageBanner;

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::init();
    provide_context(state);

    // Flush unsaved edits when the page is hidden or closed: the debounce
    // timer would never fire after that.
    let _ = window_event_listener(ev::pagehide, move |_| state.save_now());
    let _ = window_event_listener(ev::visibilitychange, move |_| state.save_now());

    // Switch screens only when a different draft is opened, not on every edit,
    // so typing never rebuilds the editor.
    let open_id = Memo::new(move |_| state.draft.with(|d| d.as_ref().map(|d| d.id.clone())));

    view! {
        <a class="skip-link" href="#main">"跳到主要内容"</a>
        <header class="topbar">
            <div class="wrap">
                <span class="brand">"法治报告助手"</span>
                <span class="brand-sub">"法治政府建设年度报告撰写工具"</span>
            </div>
        </header>
        <StorageBanner/>
        <main id="main" class="wrap" tabindex="-1">
            {move || match open_id.get() {
                Some(_) => view! { <Editor/> }.into_any(),
                None => view! { <Start/> }.into_any(),
            }}
        </main>
        <footer class="wrap footer">
            "草稿只保存在本机浏览器中，不会上传到任何服务器。"
        </footer>
    }
}
