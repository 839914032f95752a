//! 法治报告助手 — library crate shared by the web app and the `fzbg` tool.
//!
//! - [`report`]: the pure domain core (model, text parse/render, checks, formats).
//! - [`session`]: what a user does to drafts (create, import, save, two tabs,
//!   merge, delete/restore …), over any storage, with what to tell the user.
//! - [`storage`]: the drafts store behind a small trait (localStorage, memory).
//! - `ui`: the Leptos views, compiled only for the browser (wasm32).

pub mod report;
pub mod session;
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;
