//! Window-wide tools every module may use: listeners on the window, the handover between the
//! two bundles, and console warnings. A leaf: it imports no other module of the app, so any
//! module can use it without closing a circle (see ARCHITECTURE.md, "Module graph").
//!
//! The handover: a page runs one app at a time. When the reader bundle loads the whole app in
//! place (`upgrade`), the whole app sends [`TAKEOVER_EVENT`] just before it takes the page
//! over (`takeover`), and the reader [`retire`]s. Its window-wide listeners outlive its
//! components, so they all go through [`on_window`], which stops calling them from then on;
//! other long-lived handlers ask [`retired`] themselves.

use std::cell::Cell;
use wasm_bindgen::JsValue;

/// The event the whole app sends, just before it takes the page over, to the reader bundle
/// that was running it (see `upgrade`).
pub const TAKEOVER_EVENT: &str = "aftercare:takeover";

thread_local! {
    static RETIRED: Cell<bool> = const { Cell::new(false) };
}

/// Whether this app has handed the page to another (then its window-wide handlers, which
/// outlive it, must do nothing).
pub fn retired() -> bool {
    RETIRED.with(Cell::get)
}

/// Marks this app as having handed the page over.
#[cfg_attr(feature = "full", allow(dead_code))]
pub fn retire() {
    RETIRED.with(|r| r.set(true));
}

/// Listens to a window event for as long as this app runs the page: once it has handed the
/// page over (the reader stepping aside for the whole app), the handler is not called. Every
/// window-wide listener of the app goes through here.
pub fn on_window<E>(event: E, handler: impl Fn(E::EventType) + 'static)
where
    E: leptos::ev::EventDescriptor + 'static,
    E::EventType: wasm_bindgen::JsCast,
{
    let _ = leptos::prelude::window_event_listener(event, move |e| {
        if !retired() {
            handler(e);
        }
    });
}

/// A warning in the console, prefixed so it is clear where it comes from.
pub fn warn(message: &str, detail: Option<&JsValue>) {
    let message = JsValue::from_str(&format!("Aftercare: {message}"));
    match detail {
        Some(detail) => web_sys::console::warn_2(&message, detail),
        None => web_sys::console::warn_1(&message),
    }
}
