//! Aftercare's client app: thin Leptos components over the pure core (`aftercare_core`).
//!
//! `app` is the root and layout, `nav` owns the location, `pages/` holds one file per page
//! and `components/` the small pieces pages share. Behaviour lives in the core; components
//! read signals, call methods and render.

mod app;
mod components;
mod journal_store;
mod nav;
mod pages;
mod pwa;
mod storage;
mod takeover;

/// Mounts the app on the page, taking over the prerendered markup if the page has some.
pub fn start() {
    if takeover::is_prerendered() {
        takeover::after_next_paint(mount);
    } else {
        mount();
    }
}

fn mount() {
    let prerendered = takeover::clear();
    leptos::mount::mount_to_body(app::App);
    if let Some(prerendered) = prerendered {
        prerendered.restore();
    }
}
