//! The web app's entry point: mounts the Leptos UI into the page.
//! Built for wasm32 by trunk; a native build only explains how to run it.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    fazhi_report::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("法治报告助手 is a web app: run `scripts/run.sh` and open the printed address.");
    eprintln!("For the command-line tool, use `cargo run --bin fzbg -- --help`.");
}
