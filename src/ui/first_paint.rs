//! The first screen after the page loads, built in two steps (issue #20):
//! what the window shows at once, and the rest of a long list right after
//! the first paint. Opening a 30,000-character draft on one of its sections
//! built some 60 items (a title field, a body field and four buttons each)
//! before anything was shown; the window holds about four.
//!
//! Only the first screen of a page load is built this way, and only when it
//! opens at its top: a screen reached later (a link, a structural edit that
//! rebuilds the page and then focuses an item) or a reload that returns to
//! a scrolled position is built whole at once, as before, so focus and
//! scroll always find what they look for. What comes after the first paint
//! is only appended below what is shown: nothing shown is rebuilt, so focus
//! and what is typed in the meantime stay where they are.

use std::cell::Cell;
use std::time::Duration;

use leptos::prelude::*;

thread_local! {
    /// Whether the page has painted its first screen.
    static PAINTED: Cell<bool> = const { Cell::new(false) };
}

/// How many rows of a long list the first screen builds before the first
/// paint: more than the window holds at 1366×768 (about four items of a
/// section, twelve drafts of the library), with room for a taller screen.
pub const FIRST_ROWS: usize = 10;

/// Whether a list being built shows all its rows: true at once, except on
/// the first screen of the page load opened at its top, where it turns true
/// after the first paint — until then the list builds only its first
/// [`FIRST_ROWS`].
pub fn all_rows() -> ReadSignal<bool> {
    let (all, set) = signal(!deferring());
    if !all.get_untracked() {
        // Set once: the frame and the timer both call this, and a list that
        // appends its rest on the change must see exactly one.
        on_first_paint(move || {
            if all.try_get_untracked() == Some(false) {
                set.try_set(true);
            }
        });
    }
    all
}

/// Whether the screen being built is the first of the page load, opened at
/// its top.
fn deferring() -> bool {
    if PAINTED.with(Cell::get) {
        return false;
    }
    // A reload keeps the scroll position in the history entry (see
    // `browser::remember_scroll`); the browser may restore it as well.
    let scrolled = web_sys::window().and_then(|w| w.history().ok()).and_then(|h| h.state().ok()).and_then(|s| s.as_f64()).is_some_and(|y| y > 0.0);
    !scrolled
}

/// Called once, when the app has mounted: after the next frame (the first
/// paint), mark the page painted.
pub fn mounted() {
    on_first_paint(|| PAINTED.with(|p| p.set(true)));
}

/// Run `f` after the next paint: a task queued from an animation frame runs
/// after that frame is drawn. A tab in the background draws no frames, so
/// a timer runs it too; whichever comes first wins.
fn on_first_paint(f: impl Fn() + Clone + 'static) {
    let from_frame = f.clone();
    request_animation_frame(move || set_timeout(from_frame, Duration::ZERO));
    set_timeout(f, Duration::from_millis(250));
}
