//! Window-wide tools every module may use: listeners on the window and console warnings. A
//! leaf: it imports no other module of the app, so any module can use it without closing a
//! circle (see ARCHITECTURE.md, "Module graph").

use wasm_bindgen::JsValue;

/// Listens to a window event for the life of the page (the app runs the page until it
/// unloads). Every window-wide listener of the app goes through here.
pub fn on_window<E>(event: E, handler: impl Fn(E::EventType) + 'static)
where
    E: leptos::ev::EventDescriptor + 'static,
    E::EventType: wasm_bindgen::JsCast,
{
    let _ = leptos::prelude::window_event_listener(event, handler);
}

/// A warning in the console, prefixed so it is clear where it comes from.
pub fn warn(message: &str, detail: Option<&JsValue>) {
    let message = JsValue::from_str(&format!("Aftercare: {message}"));
    match detail {
        Some(detail) => web_sys::console::warn_2(&message, detail),
        None => web_sys::console::warn_1(&message),
    }
}
