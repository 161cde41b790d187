//! The one-time note after a person's first journal entry (see [`InstallNote`]).

use crate::pwa::{forget_install_offer, install_offer, prompt};
use crate::storage;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// The storage key that remembers the install note was shown once.
const INSTALL_NOTE_SHOWN: &str = "aftercare.install-note-shown";

/// Whether the app already runs installed (from the Home Screen or as an app window).
fn runs_installed() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let standalone = js_sys::Reflect::get(&window, &JsValue::from_str("matchMedia"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| {
            f.call1(&window, &JsValue::from_str("(display-mode: standalone)"))
                .ok()
        })
        .and_then(|list| js_sys::Reflect::get(&list, &JsValue::from_str("matches")).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    // Safari on iPhone says so with `navigator.standalone`.
    let ios = js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("standalone"))
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
            forget_install_offer();
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
