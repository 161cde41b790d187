//! The reader bundle's way to the whole app (reader only).
//!
//! The static pages load the small reader bundle. When someone focuses the search box or
//! starts typing, the reader loads the whole app in place, with no page load: it marks the
//! page as prerendered and imports the whole app's module, whose start takes the page over
//! exactly as it takes over a prerendered page (the typed words, the focus and the scroll go
//! with it). Just before it does, it sends `window::TAKEOVER_EVENT`; the reader then unmounts
//! and retires, so from then on only the whole app handles the page.
//!
//! The whole app's two files are named by the build in `<meta name="aftercare-app">` (paths
//! relative to `<base>`). If loading fails (say, offline before the first full visit) the
//! page stays as it is, a working reader, and a plain form submit still reaches the search.

use crate::window::{retire, warn, TAKEOVER_EVENT};
use std::cell::{Cell, RefCell};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;

// Dynamic import() has no Rust equivalent: this is the one place the platform demands script.
#[wasm_bindgen(inline_js = "export function load_app(js, wasm) {
  return import(js).then((app) => app.default({ module_or_path: wasm }));
}")]
extern "C" {
    fn load_app(js: &str, wasm: &str) -> js_sys::Promise;
}

/// The meta tag naming the whole app's script and WebAssembly.
const META: &str = "meta[name=\"aftercare-app\"]";

thread_local! {
    static HANDLE: RefCell<Option<Box<dyn std::any::Any>>> = const { RefCell::new(None) };
    static STARTED: Cell<bool> = const { Cell::new(false) };
}

/// Keeps the reader's mount handle, and drops it (unmounting the reader) when the whole app
/// takes over.
pub fn keep<T: 'static>(handle: T) {
    HANDLE.with(|h| *h.borrow_mut() = Some(Box::new(handle)));
    let on_takeover = Closure::<dyn Fn()>::new(|| {
        retire();
        HANDLE.with(|h| h.borrow_mut().take());
    });
    if let Some(window) = web_sys::window() {
        let _ = window
            .add_event_listener_with_callback(TAKEOVER_EVENT, on_takeover.as_ref().unchecked_ref());
    }
    // Lives as long as the page.
    on_takeover.forget();
}

/// Starts loading the whole app (once).
pub fn start() {
    if STARTED.with(|s| s.replace(true)) {
        return;
    }
    let Some((js, wasm)) = app_urls() else {
        warn("this page does not name the whole app", None);
        return;
    };
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return;
    };
    let _ = body.set_attribute("data-prerendered", "");
    let failed = Closure::once(move |error: JsValue| {
        let _ = body.remove_attribute("data-prerendered");
        STARTED.with(|s| s.set(false));
        warn("could not load the whole app", Some(&error));
    });
    let _ = load_app(&js, &wasm).catch(&failed);
    failed.forget();
}

/// The whole app's script and WebAssembly, as absolute URLs (an import from the snippet
/// module would otherwise resolve against the snippet's own address).
fn app_urls() -> Option<(String, String)> {
    let document = web_sys::window()?.document()?;
    let content = document
        .query_selector(META)
        .ok()??
        .get_attribute("content")?;
    let base = document.base_uri().ok()??;
    let mut parts = content.split_whitespace();
    let absolute = |path: &str| {
        web_sys::Url::new_with_base(path, &base)
            .ok()
            .map(|u| u.href())
    };
    let js = absolute(parts.next()?)?;
    let wasm = absolute(parts.next()?)?;
    Some((js, wasm))
}
