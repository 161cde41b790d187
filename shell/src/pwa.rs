//! The app's side of being an installable, offline-first web app, and the only module that
//! touches the service worker, the connection state or the install prompt.
//!
//! [`start`] registers `sw.js` (relative to the document's `<base>`, so it works under
//! any subpath) and shows three calm, non-blocking notes at the bottom of the window (the
//! core's `StatusNote`s, in the frame's status region):
//! "A new version is ready" with a Reload button once a newer build has been downloaded
//! and verified, "You're offline" while the connection is gone (the person can hide it for
//! the rest of the session), and an Install button when the browser offers to install the
//! app (`beforeinstallprompt`). The journal's one-time note after a person's first entry
//! (`components::install_note`) uses [`install_offer`] and [`prompt`] from here.
//!
//! Plain `web_sys`, no framework: every bundle shows these notes, the reader included.
//!
//! Only release builds register the worker: in development (`trunk serve`, a debug build)
//! every save is a new build, and a cache-first worker would keep showing the previous one.
//!
//! A service worker that cannot register or update (private windows, storage turned off,
//! plain `http://`) leaves the app exactly as it is online: failures are logged with
//! `console.warn`, not `console.error`, because they are an expected, degraded-but-working
//! state of the browser, not a fault of the app; nothing here can panic or stop the page.
//!
//! The update protocol: a new build's worker installs in the background and waits. Only when
//! the person presses Reload does the app tell it to take over (`"skip-waiting"`), and the
//! page reloads on `controllerchange`. A tab that did not ask keeps running and keeps its
//! note; nothing reloads under someone typing a journal entry.

use crate::storage;
use crate::window::{document, listen, on_window, warn};
use aftercare_core::pages::{StatusNote, ACTION_ATTR, NOTE_ATTR};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// The message `sw.js` waits for before a new version takes over.
const SKIP_WAITING: &str = "skip-waiting";
/// How long after pressing Reload to reload anyway if the new version never takes over.
const RELOAD_FALLBACK_MS: i32 = 4000;
/// The shortest gap between two update checks when the app comes back to the foreground.
const CHECK_INTERVAL_MS: f64 = 10.0 * 60.0 * 1000.0;

/// The PWA state the notes show, and the status region that shows them.
// Five independent facts the browser reports or the person decides, each a yes or no.
#[allow(clippy::struct_excessive_bools)]
struct Pwa {
    /// Where the notes go (the frame's status region, a polite live region).
    region: web_sys::Element,
    /// Whether the browser says it is online.
    online: bool,
    /// Whether a service worker controls the page, so every page works offline.
    offline_ready: bool,
    /// Whether a newer version is installed and waiting for the person's go-ahead.
    update_ready: bool,
    /// Whether the person hid the offline note for this session.
    offline_hidden: bool,
    /// The browser's open offer to install the app, kept until it is used or withdrawn.
    install_event: Option<web_sys::Event>,
    registration: Option<ServiceWorkerRegistration>,
    /// Set when the person pressed Reload: the next controller change reloads the page.
    reload_on_change: bool,
    last_check: f64,
}

thread_local! {
    static PWA: RefCell<Option<Pwa>> = const { RefCell::new(None) };
}

/// Changes the state with `change` and redraws the notes. Nothing else is borrowed while the
/// notes are drawn, and no browser call that could call back here runs under the borrow.
fn update(change: impl FnOnce(&mut Pwa)) {
    PWA.with_borrow_mut(|pwa| {
        if let Some(pwa) = pwa {
            change(pwa);
            pwa.draw();
        }
    });
}

/// Reads the state.
fn read<T>(read: impl FnOnce(&Pwa) -> T) -> Option<T> {
    PWA.with_borrow(|pwa| pwa.as_ref().map(read))
}

/// Starts the notes in `region` (the frame's status region): listens to the connection and
/// the install offer, and registers the service worker. Call once per page.
pub fn start(region: web_sys::Element) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let pwa = Pwa {
        region: region.clone(),
        online: window.navigator().on_line(),
        offline_ready: false,
        update_ready: false,
        offline_hidden: storage::read_session_setting(OFFLINE_HIDDEN).is_some(),
        install_event: install_offer(),
        registration: None,
        reload_on_change: false,
        last_check: js_sys::Date::now(),
    };
    PWA.with_borrow_mut(|p| *p = Some(pwa));
    update(|_| {});
    listen(&region, "click", |event: web_sys::MouseEvent| {
        let action = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest(&format!("[{ACTION_ATTR}]")).ok().flatten())
            .and_then(|el| el.get_attribute(ACTION_ATTR));
        match action.as_deref() {
            Some("reload") => apply_update(),
            Some("hide-offline") => hide_offline(),
            Some("install") => install(),
            Some("not-now") => update(|p| p.install_event = None),
            _ => {}
        }
    });
    on_window("online", |_: web_sys::Event| {
        update(|p| p.online = true);
        check_for_update(true);
    });
    on_window("offline", |_: web_sys::Event| update(|p| p.online = false));
    on_window("beforeinstallprompt", |event: web_sys::Event| {
        // Keep the browser's own mini-infobar away; offer it from our note instead.
        event.prevent_default();
        // Kept on the window too: the browser offers it once per page, and the journal's
        // install note needs it as well.
        if let Some(window) = web_sys::window() {
            let _ = js_sys::Reflect::set(&window, &JsValue::from_str(INSTALL_OFFER), &event);
        }
        update(|p| p.install_event = Some(event));
    });
    on_window("appinstalled", |_: web_sys::Event| {
        forget_install_offer();
        update(|p| p.install_event = None);
    });
    if let Some(page) = document() {
        listen(&page, "visibilitychange", |_: web_sys::Event| {
            if document().is_some_and(|d| !d.hidden()) {
                check_for_update(false);
            }
        });
    }
    register();
}

impl Pwa {
    /// Every note, in the order they stack, and whether it shows.
    fn notes(&self) -> [(StatusNote, bool); 3] {
        [
            (StatusNote::Update, self.update_ready),
            (
                StatusNote::Offline {
                    ready: self.offline_ready,
                },
                !self.online && !self.offline_hidden,
            ),
            (StatusNote::Install, self.install_event.is_some()),
        ]
    }

    /// The note named `name`, if the region shows it.
    fn shown(&self, name: &str) -> Option<web_sys::Element> {
        self.region
            .query_selector(&format!("[{NOTE_ATTR}=\"{name}\"]"))
            .ok()
            .flatten()
    }

    /// Puts the notes that should show into the region and takes out the others; a note that
    /// stays is left as it is (only its words change), so it is not announced again.
    fn draw(&self) {
        let mut before: Option<web_sys::Element> = None;
        for (note, wanted) in self.notes() {
            match (wanted, self.shown(note.name())) {
                (true, Some(shown)) => {
                    if let Some(words) = shown.query_selector("span").ok().flatten() {
                        if words.text_content().as_deref() != Some(note.text()) {
                            words.set_text_content(Some(note.text()));
                        }
                    }
                    before = Some(shown);
                }
                (true, None) => {
                    let _ = match &before {
                        Some(el) => el.insert_adjacent_html("afterend", &note.html()),
                        None => self.region.insert_adjacent_html("afterbegin", &note.html()),
                    };
                    before = self.shown(note.name());
                }
                (false, Some(shown)) => shown.remove(),
                (false, None) => {}
            }
        }
    }
}

/// Registers `sw.js` with the document's base as its scope and watches for updates.
fn register() {
    // Development builds (`trunk serve`) change on every save; a worker serving the last
    // build from its cache would only get in the way. Release builds register.
    if cfg!(debug_assertions) {
        return;
    }
    let Some(container) = container() else {
        warn(
            "service workers are not available here; the app works online only",
            None,
        );
        return;
    };
    let controlled = container.controller().is_some();
    update(|p| p.offline_ready = controlled);
    listen(&container, "controllerchange", |_: web_sys::Event| {
        on_controller_change();
    });

    let base = crate::router::base_path();
    let options = web_sys::RegistrationOptions::new();
    options.set_scope(&base);
    let promise = container.register_with_options(&format!("{base}sw.js"), &options);
    on_settled(
        &promise,
        move |registration| {
            if let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() {
                watch(registration);
            }
        },
        "could not register the service worker; the app works online only",
    );
}

/// Shows the update note for a version already waiting, and for each one that finishes
/// installing later.
fn watch(registration: ServiceWorkerRegistration) {
    if registration.waiting().is_some() && has_controller() {
        update(|p| p.update_ready = true);
    }
    let found = registration.clone();
    listen(&registration, "updatefound", move |_: web_sys::Event| {
        let Some(worker) = found.installing() else {
            return;
        };
        let installing = worker.clone();
        listen(&worker, "statechange", move |_: web_sys::Event| {
            // "installed" with a controller already in place means an update is waiting;
            // without one it is the first install, which simply takes over.
            if installing.state() == ServiceWorkerState::Installed && has_controller() {
                update(|p| p.update_ready = true);
            }
        });
    });
    update(|p| p.registration = Some(registration));
}

fn on_controller_change() {
    if read(|p| p.reload_on_change).unwrap_or(false) {
        reload();
        return;
    }
    // Controlled before: another tab accepted a new version, which now serves this page
    // too, while this tab still runs the old code. Offer the reload here as well.
    update(|p| {
        if p.offline_ready {
            p.update_ready = true;
        }
        p.offline_ready = true;
    });
}

/// Lets the waiting version take over; the page reloads when it has.
fn apply_update() {
    update(|p| p.reload_on_change = true);
    let waiting = read(|p| {
        p.registration
            .as_ref()
            .and_then(ServiceWorkerRegistration::waiting)
    })
    .flatten();
    match waiting {
        Some(worker) => {
            if let Err(error) = worker.post_message(&JsValue::from_str(SKIP_WAITING)) {
                warn("could not message the new version", Some(&error));
            }
            // Should the new version never take over, reloading still shows whatever
            // version is current rather than leaving the button dead.
            crate::window::after(RELOAD_FALLBACK_MS, reload);
        }
        // Already active (another tab accepted it): reloading runs it here.
        None => reload(),
    }
}

/// Asks the browser to look for a new `sw.js` (when `now`, else at most every ten
/// minutes). The browser also checks on every page load by itself.
fn check_for_update(now: bool) {
    let time = js_sys::Date::now();
    let due = read(|p| now || time - p.last_check >= CHECK_INTERVAL_MS).unwrap_or(false);
    if !due {
        return;
    }
    update(|p| p.last_check = time);
    let Some(registration) = read(|p| p.registration.clone()).flatten() else {
        return;
    };
    match registration.update() {
        Ok(promise) => on_settled(&promise, |_| {}, "could not check for a new version"),
        Err(error) => warn("could not check for a new version", Some(&error)),
    }
}

/// Shows the browser's install dialog (the offer can be used once).
fn install() {
    let mut offer = None;
    update(|p| offer = p.install_event.take());
    forget_install_offer();
    if let Some(event) = offer {
        prompt(&event);
    }
}

/// Hides the offline note until this tab's session ends.
fn hide_offline() {
    update(|p| p.offline_hidden = true);
    // Not remembered when session storage is off: the note is only hidden on this page.
    let _ = storage::write_session_setting(OFFLINE_HIDDEN, "1");
}

/// Drops the install offer kept on the window (used, or the app was installed).
pub fn forget_install_offer() {
    if let Some(window) = web_sys::window() {
        let _ = js_sys::Reflect::delete_property(&window, &JsValue::from_str(INSTALL_OFFER));
    }
}

/// The session-storage key that remembers the offline note was hidden.
const OFFLINE_HIDDEN: &str = "aftercare.offline-note-hidden";
/// Calls the browser's install offer's `prompt()` (its dialog).
pub fn prompt(event: &web_sys::Event) {
    let prompt = js_sys::Reflect::get(event, &JsValue::from_str("prompt"))
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Function>().ok());
    match prompt.map(|prompt| prompt.call0(event)) {
        Some(Ok(result)) => {
            if let Ok(promise) = result.dyn_into::<js_sys::Promise>() {
                on_settled(&promise, |_| {}, "the install dialog failed");
            }
        }
        Some(Err(error)) => warn("the install dialog failed", Some(&error)),
        None => warn("the browser's install offer has no prompt()", None),
    }
}

/// The browser's open install offer (`beforeinstallprompt`, kept on the window by
/// [`start`]), if there is one.
#[must_use]
pub fn install_offer() -> Option<web_sys::Event> {
    let window: JsValue = web_sys::window()?.into();
    js_sys::Reflect::get(&window, &JsValue::from_str(INSTALL_OFFER))
        .ok()?
        .dyn_into::<web_sys::Event>()
        .ok()
}

/// `navigator.serviceWorker`, when the browser offers it here (secure contexts only).
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let value = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker")).ok()?;
    value.dyn_into::<ServiceWorkerContainer>().ok()
}

fn has_controller() -> bool {
    container().is_some_and(|c| c.controller().is_some())
}

fn reload() {
    if let Some(Err(error)) = web_sys::window().map(|w| w.location().reload()) {
        warn("could not reload", Some(&error));
    }
}

/// The window property that keeps the browser's install offer for the life of the page.
const INSTALL_OFFER: &str = "aftercareInstallOffer";

/// Runs `ok` with the promise's value; logs `context` as a warning when it rejects, so no
/// rejection goes unhandled (an unhandled one is reported as an error).
fn on_settled(
    promise: &js_sys::Promise,
    ok: impl FnOnce(JsValue) + 'static,
    context: &'static str,
) {
    crate::window::on_settled(promise, ok, move |error: JsValue| {
        warn(context, Some(&error));
    });
}
