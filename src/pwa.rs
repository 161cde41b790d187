//! The app's side of being an installable, offline-first web app, and the only module that
//! touches the service worker, the connection state or the install prompt.
//!
//! [`PwaStatus`] registers `sw.js` (relative to the document's `<base>`, so it works under
//! any subpath) and shows three calm, non-blocking notes at the bottom of the window:
//! "A new version is ready" with a Reload button once a newer build has been downloaded
//! and verified, "You're offline" while the connection is gone (the person can hide it for
//! the rest of the session), and an Install button when the browser offers to install the
//! app (`beforeinstallprompt`). [`InstallNote`] is the journal's one-time note after a
//! person's first entry: why installing keeps the journal safer, and how.
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
use crate::window::{on_window, warn};
use leptos::ev;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// The message `sw.js` waits for before a new version takes over.
const SKIP_WAITING: &str = "skip-waiting";
/// How long after pressing Reload to reload anyway if the new version never takes over.
const RELOAD_FALLBACK: Duration = Duration::from_secs(4);
/// The shortest gap between two update checks when the app comes back to the foreground.
const CHECK_INTERVAL_MS: f64 = 10.0 * 60.0 * 1000.0;

/// The PWA state the notes show.
#[derive(Clone, Copy)]
struct Pwa {
    /// Whether the browser says it is online.
    online: RwSignal<bool>,
    /// Whether a service worker controls the page, so every page works offline.
    offline_ready: RwSignal<bool>,
    /// Whether a newer version is installed and waiting for the person's go-ahead.
    update_ready: RwSignal<bool>,
    /// Whether the browser has offered to install the app and the offer is still open.
    can_install: RwSignal<bool>,
    /// Whether the person hid the offline note for this session.
    offline_hidden: RwSignal<bool>,
    registration: StoredValue<Option<ServiceWorkerRegistration>, LocalStorage>,
    install_event: StoredValue<Option<web_sys::Event>, LocalStorage>,
    /// Set when the person pressed Reload: the next controller change reloads the page.
    reload_on_change: StoredValue<bool>,
    last_check: StoredValue<f64>,
}

/// The notes for updates, the connection and installing, fixed to the bottom of the window.
/// Mount once, after the footer (it is a polite live region, so its notes are announced).
#[component]
pub fn PwaStatus() -> impl IntoView {
    let pwa = Pwa::start();
    view! {
        <div class=aftercare_core::pages::STATUS_CLASS role="status">
            <Show when=move || pwa.update_ready.get()>
                <p class="pwa-note">
                    <span>"A new version is ready."</span>
                    <button type="button" on:click=move |_| pwa.apply_update()>"Reload"</button>
                </p>
            </Show>
            <Show when=move || !pwa.online.get() && !pwa.offline_hidden.get()>
                <p class="pwa-note pwa-offline">
                    <span>
                        {move || {
                            if pwa.offline_ready.get() {
                                "You’re offline. Aftercare still works."
                            } else {
                                "You’re offline."
                            }
                        }}
                    </span>
                    <button type="button" class="pwa-quiet" on:click=move |_| pwa.hide_offline()>
                        "Hide"
                    </button>
                </p>
            </Show>
            <Show when=move || pwa.can_install.get()>
                <p class="pwa-note">
                    <span>"Add Aftercare to this device as an app."</span>
                    <button type="button" on:click=move |_| pwa.install()>"Install"</button>
                    <button type="button" class="pwa-quiet" on:click=move |_| pwa.can_install.set(false)>
                        "Not now"
                    </button>
                </p>
            </Show>
        </div>
    }
}

impl Pwa {
    /// Creates the state, starts listening and registers the service worker.
    fn start() -> Pwa {
        let pwa = Pwa {
            online: RwSignal::new(window().navigator().on_line()),
            offline_ready: RwSignal::new(false),
            update_ready: RwSignal::new(false),
            can_install: RwSignal::new(false),
            offline_hidden: RwSignal::new(storage::read_session_setting(OFFLINE_HIDDEN).is_some()),
            registration: StoredValue::new_local(None),
            install_event: StoredValue::new_local(None),
            reload_on_change: StoredValue::new(false),
            last_check: StoredValue::new(js_sys::Date::now()),
        };
        on_window(ev::online, move |_| {
            pwa.online.set(true);
            pwa.check_for_update(true);
        });
        on_window(ev::offline, move |_| pwa.online.set(false));
        on_window(
            ev::Custom::<web_sys::Event>::new("beforeinstallprompt"),
            move |event| {
                // Keep the browser's own mini-infobar away; offer it from our note instead.
                event.prevent_default();
                // Kept on the window too: the browser offers it once per page, and the whole app
                // that may take this page over from the reader bundle needs it as well.
                let _ = js_sys::Reflect::set(&window(), &JsValue::from_str(INSTALL_OFFER), &event);
                pwa.install_event.set_value(Some(event));
                pwa.can_install.set(true);
            },
        );
        on_window(
            ev::Custom::<web_sys::Event>::new("appinstalled"),
            move |_| {
                let _ =
                    js_sys::Reflect::delete_property(&window(), &JsValue::from_str(INSTALL_OFFER));
                pwa.install_event.set_value(None);
                pwa.can_install.set(false);
            },
        );
        let on_visible = Closure::<dyn Fn()>::new(move || {
            if !document().hidden() {
                pwa.check_for_update(false);
            }
        });
        let _ = document().add_event_listener_with_callback(
            "visibilitychange",
            on_visible.as_ref().unchecked_ref(),
        );
        // Lives as long as the page, like the app itself.
        on_visible.forget();
        if let Ok(offer) = js_sys::Reflect::get(&window(), &JsValue::from_str(INSTALL_OFFER)) {
            if let Ok(offer) = offer.dyn_into::<web_sys::Event>() {
                pwa.install_event.set_value(Some(offer));
                pwa.can_install.set(true);
            }
        }
        pwa.register();
        pwa
    }

    /// Registers `sw.js` with the document's base as its scope and watches for updates.
    fn register(self) {
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
        self.offline_ready.set(container.controller().is_some());

        let on_change = Closure::<dyn Fn()>::new(move || self.on_controller_change());
        let _ = container.add_event_listener_with_callback(
            "controllerchange",
            on_change.as_ref().unchecked_ref(),
        );
        on_change.forget();

        let base = crate::nav::base_path();
        let options = web_sys::RegistrationOptions::new();
        options.set_scope(&base);
        let promise = container.register_with_options(&format!("{base}sw.js"), &options);
        on_settled(
            &promise,
            move |registration| {
                if let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() {
                    self.watch(registration);
                }
            },
            "could not register the service worker; the app works online only",
        );
    }

    /// Shows the update note for a version already waiting, and for each one that finishes
    /// installing later.
    fn watch(self, registration: ServiceWorkerRegistration) {
        if registration.waiting().is_some() && has_controller() {
            self.update_ready.set(true);
        }
        let found = registration.clone();
        let on_found = Closure::<dyn Fn()>::new(move || {
            let Some(worker) = found.installing() else {
                return;
            };
            let installing = worker.clone();
            let on_state = Closure::<dyn Fn()>::new(move || {
                // "installed" with a controller already in place means an update is waiting;
                // without one it is the first install, which simply takes over.
                if installing.state() == ServiceWorkerState::Installed && has_controller() {
                    self.update_ready.set(true);
                }
            });
            let _ = worker
                .add_event_listener_with_callback("statechange", on_state.as_ref().unchecked_ref());
            on_state.forget();
        });
        let _ = registration
            .add_event_listener_with_callback("updatefound", on_found.as_ref().unchecked_ref());
        on_found.forget();
        self.registration.set_value(Some(registration));
    }

    fn on_controller_change(self) {
        if self.reload_on_change.get_value() {
            reload();
            return;
        }
        // Controlled before: another tab accepted a new version, which now serves this page
        // too, while this tab still runs the old code. Offer the reload here as well.
        if self.offline_ready.get_untracked() {
            self.update_ready.set(true);
        }
        self.offline_ready.set(true);
    }

    /// Lets the waiting version take over; the page reloads when it has.
    fn apply_update(self) {
        self.reload_on_change.set_value(true);
        let waiting = self
            .registration
            .with_value(|r| r.as_ref().and_then(ServiceWorkerRegistration::waiting));
        match waiting {
            Some(worker) => {
                if let Err(error) = worker.post_message(&JsValue::from_str(SKIP_WAITING)) {
                    warn("could not message the new version", Some(&error));
                }
                // Should the new version never take over, reloading still shows whatever
                // version is current rather than leaving the button dead.
                set_timeout(reload, RELOAD_FALLBACK);
            }
            // Already active (another tab accepted it): reloading runs it here.
            None => reload(),
        }
    }

    /// Asks the browser to look for a new `sw.js` (when `now`, else at most every ten
    /// minutes). The browser also checks on every page load by itself.
    fn check_for_update(self, now: bool) {
        let time = js_sys::Date::now();
        if !now && time - self.last_check.get_value() < CHECK_INTERVAL_MS {
            return;
        }
        self.last_check.set_value(time);
        let Some(registration) = self.registration.get_value() else {
            return;
        };
        match registration.update() {
            Ok(promise) => on_settled(&promise, |_| {}, "could not check for a new version"),
            Err(error) => warn("could not check for a new version", Some(&error)),
        }
    }

    /// Shows the browser's install dialog (the event can be used once).
    fn install(self) {
        self.can_install.set(false);
        let _ = js_sys::Reflect::delete_property(&window(), &JsValue::from_str(INSTALL_OFFER));
        if let Some(event) = self.install_event.try_update_value(Option::take).flatten() {
            prompt(&event);
        }
    }

    /// Hides the offline note until this tab's session ends.
    fn hide_offline(self) {
        self.offline_hidden.set(true);
        // Not remembered when session storage is off: the note is only hidden on this page.
        let _ = storage::write_session_setting(OFFLINE_HIDDEN, "1");
    }
}

/// The session-storage key that remembers the offline note was hidden.
const OFFLINE_HIDDEN: &str = "aftercare.offline-note-hidden";
/// The storage key that remembers the install note was shown once.
const INSTALL_NOTE_SHOWN: &str = "aftercare.install-note-shown";

/// Calls the browser's install offer's `prompt()` (its dialog).
fn prompt(event: &web_sys::Event) {
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
/// [`PwaStatus`]), if there is one.
fn install_offer() -> Option<web_sys::Event> {
    js_sys::Reflect::get(&window(), &JsValue::from_str(INSTALL_OFFER))
        .ok()?
        .dyn_into::<web_sys::Event>()
        .ok()
}

/// Whether the app already runs installed (from the Home Screen or as an app window).
fn runs_installed() -> bool {
    let standalone = js_sys::Reflect::get(&window(), &JsValue::from_str("matchMedia"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| {
            f.call1(&window(), &JsValue::from_str("(display-mode: standalone)"))
                .ok()
        })
        .and_then(|list| js_sys::Reflect::get(&list, &JsValue::from_str("matches")).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    // Safari on iPhone says so with `navigator.standalone`.
    let ios = js_sys::Reflect::get(&window().navigator(), &JsValue::from_str("standalone"))
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    standalone || ios
}

/// The one-time note after a person's first journal entry: why installing the app keeps the
/// journal safer from browser clean-ups and how to install it (the core's words, the same as
/// About's), with an Install button when the browser has offered to install. Shown once, ever:
/// that it was shown is stored as soon as it appears, and "Got it" hides it.
#[component]
pub fn InstallNote(
    /// Whether the person has just saved their first entry (read once, when mounted).
    first_entry: bool,
) -> impl IntoView {
    let due = first_entry
        && !runs_installed()
        && storage::read_setting(INSTALL_NOTE_SHOWN).is_none()
        // Where nothing can be remembered the note would come back every time: leave it to
        // the About page.
        && storage::write_setting(INSTALL_NOTE_SHOWN, "1");
    let shown = RwSignal::new(due);
    let offer = RwSignal::new(due && install_offer().is_some());
    let install = move |_| {
        offer.set(false);
        if let Some(event) = install_offer() {
            let _ = js_sys::Reflect::delete_property(&window(), &JsValue::from_str(INSTALL_OFFER));
            prompt(&event);
        }
    };
    view! {
        <Show when=move || shown.get()>
            <section class="install-note" aria-labelledby="install-note-title">
                <h2 id="install-note-title">{aftercare_core::pages::INSTALL_TITLE}</h2>
                <div inner_html=aftercare_core::pages::install_help_inner()></div>
                <p class="button-row">
                    <button type="button" hidden=move || !offer.get() on:click=install>
                        "Install"
                    </button>
                    <button type="button" class="secondary" on:click=move |_| shown.set(false)>
                        "Got it"
                    </button>
                </p>
            </section>
        </Show>
    }
}

/// `navigator.serviceWorker`, when the browser offers it here (secure contexts only).
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = window().navigator();
    let value = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker")).ok()?;
    value.dyn_into::<ServiceWorkerContainer>().ok()
}

fn has_controller() -> bool {
    container().is_some_and(|c| c.controller().is_some())
}

fn reload() {
    if let Err(error) = window().location().reload() {
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
    let ok = Closure::once(ok);
    let failed = Closure::once(move |error: JsValue| warn(context, Some(&error)));
    let _ = promise.then2(&ok, &failed);
    // One of the two runs, once; both are small and few (registration, update checks).
    ok.forget();
    failed.forget();
}
