//! The Leptos views (browser only). Thin: each file one concern; the rules
//! live in `crate::report`, storage in `crate::storage`.

mod actions;
mod app;
mod autosave;
mod conflict;
mod deadline_line;
mod history;
mod library;
mod merge_page;
mod notice;
mod pick;
mod plans_checklist;
mod route;
mod browser;
mod check_page;
mod export;
mod findings;
mod first_paint;
mod follow_band;
mod from_last_year;
mod guidance_panel;
mod help;
mod preview;
mod review;
mod save_status;
mod section_editor;
mod start;
mod state;
mod storage_banner;
mod tabs;
mod tasklist;

/// Strict GB18030 decoding with the browser's tables (for `report::decode::decode_with`).
pub use browser::gb18030;

/// Mount the app into `<body>`.
pub fn mount() {
    // The wasm is compiled and instantiated by now; the single file's loader
    // marks the phases before this one (scripts/bench.mjs reads them).
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark("fzbg:boot-main");
    }
    // The loading notice in index.html is the fallback for browsers that
    // cannot run the app; once we are running it goes.
    if let Some(boot) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("boot")) {
        boot.remove();
    }
    leptos::mount::mount_to_body(app::App);
    first_paint::mounted();
}
