//! The page frame: top bar, storage warnings, notices, and the current screen.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::conflict::ConflictDialog;
use super::follow_band::FollowBand;
use super::check_page::CheckPage;
use super::help::Help;
use super::history::History;
use super::library::Library;
use super::merge_page::MergePage;
use super::notice::NoticeBar;
use super::section_editor::SectionPage;
use super::review::{ReviewDesk, ReviewPair, ReviewReport, ReviewState};
use super::route::{self, Screen};
use super::start::Start;
use super::state::AppState;
use super::storage_banner::StorageBanner;
use super::tasklist::TaskList;
use crate::session::review::{REVIEW_KEY, REVIEW_TEXT_PREFIX};
use crate::storage::drafts::{DRAFT_PREFIX, EDITOR_PREFIX, HANDOVER_PREFIX};

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::init();
    provide_context(state);
    let review = ReviewState::new();
    provide_context(review);

    // Flush unsaved edits when the page is hidden or closed: the debounce
    // timer would never fire after that.
    let _ = window_event_listener(ev::pagehide, move |_| {
        state.save_now();
        state.release_draft();
        review.flush(state);
    });
    let _ = window_event_listener(ev::visibilitychange, move |_| {
        state.save_now();
        review.flush(state);
    });
    // Back/forward buttons and links change the hash.
    let _ = window_event_listener(ev::hashchange, move |_| {
        let target = route::current();
        if target != state.screen.get_untracked() {
            state.go(target);
        }
    });
    // A link to another screen: remember this one's scroll position first
    // (the click runs before the hash changes).
    let _ = window_event_listener(ev::click, move |e| {
        let link = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|el| el.closest("a[href^='#']").ok().flatten());
        if link.is_some() {
            super::browser::remember_scroll();
        }
    });
    // Focus moved by the keyboard (Tab) lands on a field wholly in view
    // (WCAG 2.4.11): remember when Tab was last pressed, and on the focus that
    // follows bring the field into view.
    let tabbed = StoredValue::new(0.0f64);
    let _ = window_event_listener(ev::keydown, move |e| {
        if e.key() == "Tab" {
            tabbed.set_value(js_sys::Date::now());
        }
    });
    let _ = window_event_listener(ev::focusin, move |e| {
        if js_sys::Date::now() - tabbed.get_value() < 500.0 {
            // Only what Tab reaches: not a heading the app focused on arrival
            // (tabindex -1), which must not undo a restored scroll position.
            if let Some(el) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()).filter(|el| el.tab_index() >= 0) {
                super::browser::reveal(&el);
            }
        }
    });
    // Another tab wrote to storage: a draft we show may have changed.
    let _ = window_event_listener(ev::storage, move |e| {
        let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() else { return };
        match e.key() {
            Some(key) => {
                if let Some(id) = key.strip_prefix(DRAFT_PREFIX) {
                    state.on_external_change(id);
                } else if let Some(id) = key.strip_prefix(EDITOR_PREFIX) {
                    state.on_editor_change(id);
                } else if let Some(id) = key.strip_prefix(HANDOVER_PREFIX) {
                    state.on_handover(id);
                } else if key == REVIEW_KEY || key.starts_with(REVIEW_TEXT_PREFIX) {
                    review.on_external_change(state, &key);
                }
            }
            // clear() in another tab
            None => state.refresh_library(),
        }
    });

    // Rebuild the screen only when the screen or the open draft's text is
    // replaced — never on an edit, so typing never rebuilds the editor.
    let view_key = Memo::new(move |_| (state.screen.get(), state.generation.get()));
    // A new screen opens at its top (or where the back button left it) with
    // focus on its heading; not on the first screen after load, where focus
    // starts at the top of the page.
    let _ = Effect::watch(
        move || state.screen.get(),
        move |_, _, _| {
            let target = state.take_focus_after();
            set_timeout(move || super::browser::arrive(target.as_deref()), std::time::Duration::from_millis(0))
        },
        false,
    );

    // The bands pinned to the bottom of the window never hide the end of
    // the page: the page keeps room below it for them, however tall a
    // notice is (a long list of files, at 200 % zoom).
    Effect::new(move |_| {
        state.notice.track();
        state.problem.track();
        state.tab_role.track();
        set_timeout(super::browser::room_for_alerts, std::time::Duration::ZERO);
    });
    let _ = window_event_listener(ev::resize, move |_| super::browser::room_for_alerts());
    // The reviewer's screens are as wide as the window allows: header, page and footer alike.
    let wide = move || state.screen.get().is_review();
    view! {
        // The address is the screen (#/…): the link moves the focus
        // itself instead of changing the address, which would open another screen.
        <a class="skip-link" href="#main" on:click=move |e| {
            e.prevent_default();
            super::browser::focus_by_id("main");
        }>"跳到主要内容"</a>
        <header class="topbar">
            // As wide as the page below it: the reviewer's screens are wider.
            <div class="wrap" class:wrap-wide=wide>
                <a class="brand" href="#/">"法治报告助手"</a>
                <span class="brand-sub">"法治政府建设年度报告撰写工具"</span>
                <nav class="topnav" aria-label="主导航">
                    <a href="#/">"草稿库"</a>
                    <a href="#/new">"新建报告"</a>
                    <a href="#/review">"审阅多份报告"</a>
                    <a href="#/help">"帮助"</a>
                </nav>
            </div>
        </header>
        // The reviewer's table needs the width of the window.
        <main id="main" class="wrap" class:wrap-wide=wide tabindex="-1">
            <ConflictDialog/>
            {move || match view_key.get().0 {
                Screen::Library => view! { <Library/> }.into_any(),
                Screen::New => view! { <Start/> }.into_any(),
                Screen::Draft(_) => view! { <TaskList/> }.into_any(),
                Screen::Section(_, n) => view! { <SectionPage index=n/> }.into_any(),
                Screen::Check(_) => view! { <CheckPage/> }.into_any(),
                Screen::History(id) => view! { <History id=id/> }.into_any(),
                Screen::Merge(_) => view! { <MergePage/> }.into_any(),
                Screen::Help => view! { <Help/> }.into_any(),
                Screen::Review => view! { <ReviewDesk/> }.into_any(),
                Screen::ReviewReport(n) => view! { <ReviewReport index=n/> }.into_any(),
                Screen::ReviewPair(a, b) => view! { <ReviewPair a=a b=b/> }.into_any(),
            }}
        </main>
        // Warnings and notices stay in view at the bottom of the window
        // wherever the user has scrolled to.
        <div class="alerts">
            <FollowBand/>
            <StorageBanner/>
            <NoticeBar/>
        </div>
        <footer class="wrap footer" class:wrap-wide=wide>
            "草稿和审阅记录只保存在本机浏览器中，不会上传到任何服务器。"
        </footer>
    }
}
