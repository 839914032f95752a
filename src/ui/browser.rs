//! Small browser helpers: clock, randomness, and downloading a file.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// The current calendar year in the user's time zone.
/// The report year to offer today (see `Date::likely_report_year`).
pub fn likely_report_year() -> i32 {
    crate::report::deadline::Date::from_unix_ms_china(now_ms()).likely_report_year()
}

pub fn random_u32() -> u32 {
    (js_sys::Math::random() * u32::MAX as f64) as u32
}

/// Offer `bytes` to the user as a download named `file_name`, through a Blob
/// (no server, works from file://).
pub fn download(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), JsValue> {
    let parts = Array::of1(&Uint8Array::from(bytes));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let a: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(file_name);
    a.set_attribute("hidden", "")?;
    // Firefox only follows a click on an anchor that is in the document.
    let body = document.body().ok_or("no body")?;
    body.append_child(&a)?;
    a.click();
    body.remove_child(&a)?;
    // Revoke later: revoking at once can cancel the download in some browsers.
    let url_later = url.clone();
    leptos::prelude::set_timeout(
        move || {
            let _ = Url::revoke_object_url(&url_later);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}

/// A local date and time such as `2026-02-10 14:03`.
pub fn format_time(ms: i64) -> String {
    let d = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// The first file chosen in an `<input type="file">` change event.
pub fn picked_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    let file = input.files()?.get(0);
    // Let the same file be chosen again later.
    input.set_value("");
    file
}

/// A picked file's bytes. Read through a `Response` rather than
/// `Blob.arrayBuffer()`, which arrived only in Chromium 76: the Chromium 69
/// core of older 360/QQ browsers has `new Response(blob)` (since 42).
pub async fn read_file_bytes(file: &web_sys::File) -> Result<Vec<u8>, JsValue> {
    let response = web_sys::Response::new_with_opt_blob(Some(file))?;
    let buffer = wasm_bindgen_futures::JsFuture::from(response.array_buffer()?).await?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Remember how far the current screen is scrolled, in its own history
/// entry, before the app moves to another screen: the browser's back button
/// then returns to the same place ([`arrive`]).
pub fn remember_scroll() {
    let Some(w) = web_sys::window() else { return };
    let y = w.scroll_y().unwrap_or(0.0);
    if let Ok(history) = w.history() {
        let _ = history.replace_state(&wasm_bindgen::JsValue::from_f64(y), "");
    }
}

/// A screen has just been built: go back to where it was scrolled when the
/// user returns with the back button, or else to its top; and move keyboard
/// focus to the field a link asked for (`target`), or else to its main heading, so a screen never opens scrolled and focus is
/// never left behind on the screen that is gone.
pub fn arrive(target: Option<&str>) {
    let Some(w) = web_sys::window() else { return };
    let saved = w.history().ok().and_then(|h| h.state().ok()).and_then(|s| s.as_f64());
    w.scroll_to_with_x_and_y(0.0, saved.unwrap_or(0.0));
    let Some(doc) = w.document() else { return };
    // A link to a place (a finding's field): focus it and bring it into view.
    if let Some(el) = target.and_then(|id| doc.get_element_by_id(id)).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
        reveal(&el);
        return;
    }
    let Ok(Some(heading)) = doc.query_selector("main h1") else { return };
    let Ok(heading) = heading.dyn_into::<web_sys::HtmlElement>() else { return };
    if !heading.has_attribute("tabindex") {
        let _ = heading.set_attribute("tabindex", "-1");
    }
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = heading.focus_with_options(&options);
}

/// Bring a field the keyboard just moved to wholly into view. Chromium
/// scrolls a textarea only as far as its caret, which can leave the top of a
/// tall field above the window; `nearest` respects the page's scroll-padding,
/// so the field ends up clear of the sticky toolbar and the pinned messages.
pub fn reveal(el: &web_sys::Element) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Put keyboard focus on the element with this id, if it exists.
pub fn focus_by_id(id: &str) {
    focus_first([id]);
}

/// Put keyboard focus, once the change just made has reached the DOM (in
/// the next task), on the first of these ids that exists then: the field,
/// button or heading a click has just shown, or the one to go back to.
pub fn focus_soon(ids: &[&str]) {
    let ids: Vec<String> = ids.iter().map(|id| id.to_string()).collect();
    leptos::prelude::set_timeout(move || focus_first(ids.iter().map(String::as_str)), std::time::Duration::ZERO);
}

/// Focus the element with this id once it exists (rows that come in
/// later turns of the page included), and bring it to the middle of the
/// window; gives up after a second's worth of turns.
pub fn focus_when_there(id: String) {
    leptos::task::spawn_local(async move {
        for _ in 0..60 {
            next_tick().await;
            let el = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(&id));
            if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Center);
                el.scroll_into_view_with_scroll_into_view_options(&options);
                let _ = el.focus();
                return;
            }
        }
    });
}

/// Keep room at the end of the page for the bands pinned to the bottom
/// of the window (`.alerts`): at least the style sheet's 120 px.
pub fn room_for_alerts() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let (Some(body), Some(alerts)) = (doc.body(), doc.query_selector(".alerts").ok().flatten()) else { return };
    let height = alerts.client_height() + 16;
    let _ = body.style().set_property("padding-bottom", &format!("{}px", height.max(120)));
}

/// The id of the element with keyboard focus, if it has one.
pub fn focused_id() -> Option<String> {
    let id = web_sys::window()?.document()?.active_element()?.id();
    (!id.is_empty()).then_some(id)
}

fn focus_first<'a>(ids: impl IntoIterator<Item = &'a str>) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(el) = ids.into_iter().find_map(|id| doc.get_element_by_id(id)).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Time `f` as a User Timing measure named `name` (visible in DevTools'
/// Performance panel and read by the benchmark, scripts/bench.mjs). Costs two
/// marks and a measure.
pub fn timed<R>(name: &str, f: impl FnOnce() -> R) -> R {
    mark_start(name);
    let result = f();
    measure_from_start(name);
    result
}

/// The start of a User Timing measure that spans awaits ([`measure_from_start`] ends it).
pub fn mark_start(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(&format!("{name}:start"));
    }
}

/// Record the measure `name` from its [`mark_start`] until now.
pub fn measure_from_start(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let (start, end) = (format!("{name}:start"), format!("{name}:end"));
        let _ = p.mark(&end);
        let _ = p.measure_with_start_mark_and_end_mark(name, &start, &end);
        p.clear_marks_with_mark_name(&start);
        p.clear_marks_with_mark_name(&end);
    }
}

/// Strict GB18030 decoding with the browser's own tables (None on invalid
/// bytes), for `report::decode::decode_with`.
pub fn gb18030(bytes: &[u8]) -> Option<String> {
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    let decoder = web_sys::TextDecoder::new_with_label_and_options("gb18030", &options).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}

thread_local! {
    /// GBK encoding table read once from the browser's GBK decoder.
    static GBK_TABLE: std::cell::OnceCell<Option<std::collections::HashMap<char, [u8; 2]>>> = const { std::cell::OnceCell::new() };
}

/// Encode text as GBK with a table read from the browser's own decoder
/// (`report::formats::gbk_table`), built on first use (a few milliseconds).
/// `None` when this browser has no GBK decoder.
pub fn gbk(text: &str) -> Option<Result<Vec<u8>, crate::report::formats::FormatError>> {
    GBK_TABLE.with(|cell| {
        let table = cell.get_or_init(|| {
            let decoder = web_sys::TextDecoder::new_with_label("gbk").ok()?;
            let probe = crate::report::formats::gbk_probe();
            let decoded = decoder.decode_with_u8_array(&probe).ok()?;
            crate::report::formats::gbk_table(&decoded)
        });
        table.as_ref().map(|t| crate::report::formats::encode_gbk_with(t, text))
    })
}

/// Every file chosen in an `<input type="file" multiple>` change event (or
/// a folder's files, with `webkitdirectory`), the input then emptied so the
/// same files can be chosen again.
pub fn picked_files(ev: &leptos::ev::Event) -> Vec<web_sys::File> {
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return Vec::new() };
    let files = input.files().map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect()).unwrap_or_default();
    input.set_value("");
    files
}

/// The files dropped on an element.
pub fn dropped_files(ev: &web_sys::DragEvent) -> Vec<web_sys::File> {
    ev.data_transfer()
        .and_then(|t| t.files())
        .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
        .unwrap_or_default()
}

/// Let the page paint and answer input before going on: a long job awaits
/// this between slices (a `setTimeout` of 0, so input events run first).
pub async fn next_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
