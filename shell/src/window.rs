//! Window-wide tools every module may use: listeners on the window, work for idle time,
//! console warnings and the elements of a query's result. A leaf: it imports no other module
//! of the app, so any module can use it without closing a circle (see ARCHITECTURE.md,
//! "Module graph").

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The page's document (there is always one where the app runs; `None` keeps callers honest).
#[must_use]
pub fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Calls `handler` with each `event` of `target` that is an `E`, for as long as the page
/// lives. Every long-lived listener of the app goes through here or [`on_window`].
pub fn listen<E: JsCast>(
    target: &web_sys::EventTarget,
    event: &str,
    mut handler: impl FnMut(E) + 'static,
) {
    let closure = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        if let Ok(event) = event.dyn_into::<E>() {
            handler(event);
        }
    });
    let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    closure.forget();
}

/// Listens to a window event for the life of the page (the app runs the page until it
/// unloads).
pub fn on_window<E: JsCast>(event: &str, handler: impl FnMut(E) + 'static) {
    if let Some(window) = web_sys::window() {
        listen(&window, event, handler);
    }
}

/// Hands `task` to the browser with `schedule` (which says whether the browser took it), or
/// runs it at once where the browser refuses: the task runs once either way.
fn schedule_or_run(
    task: impl FnOnce() + 'static,
    schedule: impl FnOnce(&web_sys::Window, &Function) -> bool,
) {
    let task = std::rc::Rc::new(std::cell::Cell::new(Some(task)));
    let run = {
        let task = std::rc::Rc::clone(&task);
        move || {
            if let Some(task) = task.take() {
                task();
            }
        }
    };
    let scheduled = web_sys::window().is_some_and(|w| {
        let callback = Closure::once_into_js(run.clone());
        schedule(&w, callback.unchecked_ref())
    });
    if !scheduled {
        run();
    }
}

/// Runs `task` before the next frame is painted (`requestAnimationFrame`), or at once where
/// the browser refuses.
pub fn next_frame(task: impl FnOnce() + 'static) {
    schedule_or_run(task, |w, f| w.request_animation_frame(f).is_ok());
}

/// Runs `task` after `ms` milliseconds (`setTimeout`), or at once where the browser refuses.
pub fn after(ms: i32, task: impl FnOnce() + 'static) {
    schedule_or_run(task, |w, f| {
        w.set_timeout_with_callback_and_timeout_and_arguments_0(f, ms)
            .is_ok()
    });
}

/// The nodes of `list` that are `T`s, in document order.
pub fn nodes<T: JsCast>(list: &web_sys::NodeList) -> impl Iterator<Item = T> + '_ {
    (0..list.length()).filter_map(move |i| list.item(i).and_then(|n| n.dyn_into::<T>().ok()))
}

/// A warning in the console, prefixed so it is clear where it comes from.
pub fn warn(message: &str, detail: Option<&JsValue>) {
    let message = JsValue::from_str(&format!("Aftercare: {message}"));
    match detail {
        Some(detail) => web_sys::console::warn_2(&message, detail),
        None => web_sys::console::warn_1(&message),
    }
}

/// Runs `task` once the page has loaded and the browser is idle (`requestIdleCallback`, at
/// most 5 s later; or a second after the load where there is none, as in Safari): work that
/// must never delay the first paint or the first answer.
pub fn when_idle(task: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let loaded = window
        .document()
        .and_then(|d| Reflect::get(&d, &"readyState".into()).ok())
        .and_then(|s| s.as_string())
        .is_some_and(|s| s == "complete");
    if loaded {
        after_idle(&window, task);
    } else {
        let on_load = Closure::once_into_js(move || {
            if let Some(window) = web_sys::window() {
                after_idle(&window, task);
            }
        });
        let _ = window.add_event_listener_with_callback("load", on_load.unchecked_ref());
    }
}

fn after_idle(window: &web_sys::Window, task: impl FnOnce() + 'static) {
    let task = Closure::once_into_js(task);
    let idle = Reflect::get(window, &"requestIdleCallback".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok());
    let scheduled = idle.is_some_and(|idle| {
        let options = Object::new();
        let _ = Reflect::set(&options, &"timeout".into(), &JsValue::from(5000));
        idle.call2(window, &task, &options).is_ok()
    });
    if !scheduled {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(task.unchecked_ref(), 1000);
    }
}

/// Runs `ok` with what `promise` resolves to, or `failed` with why it was rejected: one of
/// the two runs, once (so no rejection goes unhandled).
pub fn on_settled(
    promise: &js_sys::Promise,
    ok: impl FnOnce(JsValue) + 'static,
    failed: impl FnOnce(JsValue) + 'static,
) {
    // Boxed: one closure type for every caller, so its glue is in the wasm once.
    let ok: Box<dyn FnOnce(JsValue)> = Box::new(ok);
    let failed: Box<dyn FnOnce(JsValue)> = Box::new(failed);
    let ok = Closure::once(ok);
    let failed = Closure::once(failed);
    let _ = promise.then2(&ok, &failed);
    // One of the two runs, once; both are small, and made only for a rare event (a page
    // asked for, a registration, an update check).
    ok.forget();
    failed.forget();
}

/// The text of this site's page at `url` (the HTTP cache, the offline copy or the network),
/// for `done`; `None` when it cannot be had (offline with no copy, or not a 200 answer).
pub fn fetch_text(url: &str, done: impl FnOnce(Option<String>) + 'static) {
    let Some(window) = web_sys::window() else {
        done(None);
        return;
    };
    let done = std::rc::Rc::new(std::cell::Cell::new(Some(done)));
    let finish = {
        let done = std::rc::Rc::clone(&done);
        move |text: Option<String>| {
            if let Some(done) = done.take() {
                done(text);
            }
        }
    };
    let failed = finish.clone();
    // `Response` is read through `Reflect`: its web-sys feature would add bindings for two
    // calls.
    let read = move |response: JsValue| {
        let ok = Reflect::get(&response, &JsValue::from_str("ok"))
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        let text = Reflect::get(&response, &JsValue::from_str("text"))
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .and_then(|f| f.call0(&response).ok())
            .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
        match (ok, text) {
            (true, Some(text)) => {
                let failed = finish.clone();
                on_settled(&text, move |t| finish(t.as_string()), move |_| failed(None));
            }
            _ => finish(None),
        }
    };
    on_settled(&window.fetch_with_str(url), read, move |_| failed(None));
}
