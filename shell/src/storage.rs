//! The one module that touches the browser's storage: `localStorage` (read, write, remove,
//! list keys, the `storage` event other tabs cause), `sessionStorage` for settings that last
//! a session and `navigator.storage` (asking the
//! browser to keep the data).
//!
//! Every call returns a typed [`StorageError`] instead of panicking: storage may be turned
//! off or blocked (private modes, enterprise policy, a sandboxed frame), full, or failing for
//! some other reason, and the journal must say which. Availability is checked through
//! `window.localStorage` returning a storage object, never assumed (gloo-storage's
//! `LocalStorage::raw()` panics when it is missing, so it is not used here).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use aftercare_core::journal::store::Kv;
pub use aftercare_core::journal::store::StorageError;

/// The browser's `localStorage`, as the journal store's rules
/// ([`aftercare_core::journal::store`]) reach it.
pub struct LocalStorage;

impl Kv for LocalStorage {
    fn read(&self, key: &str) -> Result<Option<String>, StorageError> {
        read(key)
    }
    fn write(&self, key: &str, value: &str) -> Result<(), StorageError> {
        write(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        remove(key)
    }
    fn keys_with_prefix(&self, prefix: &str) -> Result<Vec<String>, StorageError> {
        keys_with_prefix(prefix)
    }
}

/// Reads a string property of a JavaScript value, if it has one.
fn string_property(value: &JsValue, name: &str) -> Option<String> {
    js_sys::Reflect::get(value, &JsValue::from_str(name))
        .ok()
        .and_then(|v| v.as_string())
}

/// Turns what a storage call threw into a [`StorageError`]. Browsers name a full storage
/// differently (Firefox used `NS_ERROR_DOM_QUOTA_REACHED`, old Safari only the legacy code
/// 22), so all of these count.
fn classify(error: &JsValue) -> StorageError {
    let name = string_property(error, "name").unwrap_or_default();
    let code = js_sys::Reflect::get(error, &JsValue::from_str("code"))
        .ok()
        .and_then(|v| v.as_f64());
    match name.as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StorageError::QuotaExceeded,
        _ if code == Some(22.0) => StorageError::QuotaExceeded,
        "SecurityError" | "InvalidAccessError" => StorageError::Unavailable,
        _ => StorageError::Other(
            string_property(error, "message")
                .filter(|m| !m.is_empty())
                .unwrap_or(name),
        ),
    }
}

/// The page's `localStorage`, or [`StorageError::Unavailable`] when the browser gives none
/// (the getter throws, or returns null).
fn local() -> Result<web_sys::Storage, StorageError> {
    match web_sys::window().map(|w| w.local_storage()) {
        Some(Ok(Some(storage))) => Ok(storage),
        _ => Err(StorageError::Unavailable),
    }
}

/// The path of the document's base URL, `document.baseURI` (the pages' relative
/// `<base href>` resolved), e.g. "/" or "/aftercare/": what tells one deployment of the app
/// from another on the same origin. `None` without a document.
#[must_use]
pub fn base_pathname() -> Option<String> {
    let uri = web_sys::window()?.document()?.base_uri().ok()??;
    web_sys::Url::new(&uri).ok().map(|url| url.pathname())
}

/// Whether this page can use `localStorage` at all (it may still be full).
#[must_use]
pub fn is_available() -> bool {
    local().is_ok_and(|s| s.get_item("aftercare.probe").is_ok())
}

/// The text stored under `key`, `None` when nothing is.
///
/// # Errors
///
/// [`StorageError::Unavailable`] without storage; [`StorageError::Other`] when reading
/// throws.
pub fn read(key: &str) -> Result<Option<String>, StorageError> {
    local()?.get_item(key).map_err(|e| classify(&e))
}

/// Stores `value` under `key`. When this fails, what was stored before is unchanged.
///
/// # Errors
///
/// [`StorageError::QuotaExceeded`] when the storage is full, [`StorageError::Unavailable`]
/// without storage, [`StorageError::Other`] for anything else.
pub fn write(key: &str, value: &str) -> Result<(), StorageError> {
    local()?.set_item(key, value).map_err(|e| classify(&e))
}

/// A small setting (not the journal): the text under `key`, `None` when there is none or
/// storage cannot be read. Why it failed does not matter for a preference, so this skips
/// the error classification (and keeps it out of the reader bundle).
#[must_use]
pub fn read_setting(key: &str) -> Option<String> {
    local().ok()?.get_item(key).ok().flatten()
}

/// Stores a small setting; `false` when it could not be stored (storage off or full).
#[must_use]
pub fn write_setting(key: &str, value: &str) -> bool {
    local().is_ok_and(|s| s.set_item(key, value).is_ok())
}

/// A setting kept for this tab's session only (`sessionStorage`): the text under `key`,
/// `None` when there is none or session storage cannot be read.
#[must_use]
pub fn read_session_setting(key: &str) -> Option<String> {
    web_sys::window()?
        .session_storage()
        .ok()
        .flatten()?
        .get_item(key)
        .ok()
        .flatten()
}

/// Stores a setting for this tab's session; `false` when it could not be stored.
#[must_use]
pub fn write_session_setting(key: &str, value: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.session_storage().ok().flatten())
        .is_some_and(|s| s.set_item(key, value).is_ok())
}

/// Removes whatever is stored under `key`.
///
/// # Errors
///
/// [`StorageError::Unavailable`] without storage, [`StorageError::Other`] when it throws.
pub fn remove(key: &str) -> Result<(), StorageError> {
    local()?.remove_item(key).map_err(|e| classify(&e))
}

/// Every stored key that starts with `prefix`, in storage order.
///
/// # Errors
///
/// [`StorageError::Unavailable`] without storage, [`StorageError::Other`] when listing
/// throws.
pub fn keys_with_prefix(prefix: &str) -> Result<Vec<String>, StorageError> {
    let storage = local()?;
    let count = storage.length().map_err(|e| classify(&e))?;
    let mut keys = Vec::new();
    for index in 0..count {
        if let Some(key) = storage.key(index).map_err(|e| classify(&e))? {
            if key.starts_with(prefix) {
                keys.push(key);
            }
        }
    }
    Ok(keys)
}

/// Calls `changed` with the key whenever another tab of this site changes `localStorage`
/// (`None` when it cleared everything). The browser sends this event only to the other tabs,
/// never to the one that wrote.
pub fn on_change(changed: impl Fn(Option<String>) + 'static) {
    crate::window::on_window("storage", move |event: web_sys::StorageEvent| {
        changed(event.key());
    });
}

/// What the browser said about keeping this site's data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Persistence {
    /// Not asked yet, or no answer yet.
    Unknown,
    /// The browser will not clear the data on its own.
    Persisted,
    /// The browser may clear the data when space runs low.
    NotPersisted,
    /// This browser cannot be asked (no `navigator.storage`).
    Unsupported,
}

/// `navigator.storage`, when this browser has it (it is missing on insecure origins).
fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    let manager = js_sys::Reflect::get(&navigator, &JsValue::from_str("storage")).ok()?;
    if manager.is_undefined() || manager.is_null() {
        return None;
    }
    manager.dyn_into::<web_sys::StorageManager>().ok()
}

/// Calls `done` once with the value `promise` resolves to, or `None` when it rejects.
/// Uses the promise's own `then` with two one-shot functions, so nothing is leaked.
pub fn when_settled(promise: &js_sys::Promise, done: impl FnOnce(Option<JsValue>) + 'static) {
    let done = Rc::new(RefCell::new(Some(done)));
    let on_error = Rc::clone(&done);
    let resolve = Closure::once_into_js(move |value: JsValue| {
        if let Some(done) = done.borrow_mut().take() {
            done(Some(value));
        }
    });
    let reject = Closure::once_into_js(move |_: JsValue| {
        if let Some(done) = on_error.borrow_mut().take() {
            done(None);
        }
    });
    let then = js_sys::Reflect::get(promise, &JsValue::from_str("then"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(then) = then {
        let _ = then.call2(promise, &resolve, &reject);
    }
}

/// Turns the boolean a persistence promise resolves to into a [`Persistence`].
fn answer(value: Option<JsValue>) -> Persistence {
    match value.and_then(|v| v.as_bool()) {
        Some(true) => Persistence::Persisted,
        Some(false) => Persistence::NotPersisted,
        None => Persistence::Unknown,
    }
}

thread_local! {
    /// The answer to [`ask_persisted_early`], until [`persisted`] takes it.
    static EARLY: std::cell::Cell<Option<Persistence>> = const { std::cell::Cell::new(None) };
}

/// Asks `navigator.storage.persisted()` now, so the first [`persisted`] call (when the app
/// mounts, a few frames later) has the answer at once.
pub fn ask_persisted_early() {
    if let Some(promise) = storage_manager().and_then(|m| m.persisted().ok()) {
        when_settled(&promise, |v| EARLY.with(|e| e.set(Some(answer(v)))));
    }
}

/// Asks whether the browser already keeps this site's data (`navigator.storage.persisted()`),
/// and calls `done` with the answer: at once when [`ask_persisted_early`] already has it (used
/// once: later calls ask again).
pub fn persisted(done: impl FnOnce(Persistence) + 'static) {
    if let Some(early) = EARLY.with(std::cell::Cell::take) {
        done(early);
        return;
    }
    match storage_manager().and_then(|m| m.persisted().ok()) {
        Some(promise) => when_settled(&promise, move |v| done(answer(v))),
        None => done(Persistence::Unsupported),
    }
}

/// Asks the browser to keep this site's data even when space runs low
/// (`navigator.storage.persist()`), and calls `done` with its answer.
pub fn persist(done: impl FnOnce(Persistence) + 'static) {
    match storage_manager().and_then(|m| m.persist().ok()) {
        Some(promise) => when_settled(&promise, move |v| done(answer(v))),
        None => done(Persistence::Unsupported),
    }
}

/// Runs `f` once while holding the Web Lock `name` (`navigator.locks.request`), so no other
/// tab of this site runs its own `f` for the same name at the same time: two tabs' reads and
/// writes of the journal never interleave. Where the browser has no Web Locks (or refuses the
/// request), `f` runs at once instead, and the store's re-read before writing still keeps
/// other tabs' entries. `f` runs exactly once either way, usually a moment later.
pub fn with_lock(name: &str, f: impl FnOnce() + 'static) {
    let slot = Rc::new(RefCell::new(Some(f)));
    let run = move || {
        let f = slot.borrow_mut().take();
        if let Some(f) = f {
            f();
        }
    };
    let locks = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &JsValue::from_str("locks")).ok())
        .filter(JsValue::is_object);
    let request = locks.as_ref().and_then(|locks| {
        js_sys::Reflect::get(locks, &JsValue::from_str("request"))
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()
    });
    let (Some(locks), Some(request)) = (locks, request) else {
        run();
        return;
    };
    let granted = {
        let run = run.clone();
        Closure::once_into_js(move |_lock: JsValue| run())
    };
    match request.call2(&locks, &JsValue::from_str(name), &granted) {
        // A request that fails later (the page is being closed, say) still saves.
        Ok(promise) => match promise.dyn_into::<js_sys::Promise>() {
            Ok(promise) => when_settled(&promise, move |_| run()),
            Err(_) => run(),
        },
        Err(_) => run(),
    }
}
