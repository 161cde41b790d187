//! Aftercare's client app: thin Leptos components over the pure core (`aftercare_core`).
//!
//! `app` is the root and layout, `nav` owns the location, `pages/` holds one file per page
//! and `components/` the small pieces pages share; `window` holds the window-wide tools all
//! of them may use. The modules form a graph without circles (ARCHITECTURE.md, "Module
//! graph"); this file wires them together. Behaviour lives in the core; components read
//! signals, call methods and render.
//!
//! The crate builds two bundles. With the `full` feature (the default) it is the whole app.
//! Without it, it is the reader: the static pages, the header and the offline notes, small
//! enough for a first visit; it loads the whole app in place when someone starts a search
//! (`upgrade`), and leaves the interactive pages to ordinary links.

mod app;
mod components;
#[cfg(feature = "full")]
mod journal_store;
mod nav;
mod pages;
mod pwa;
mod region;
// The reader uses only the region's read and write; the journal uses the rest.
#[cfg_attr(not(feature = "full"), allow(dead_code))]
mod storage;
mod takeover;
#[cfg(not(feature = "full"))]
mod upgrade;
mod window;

/// Mounts the app on the page, taking over the prerendered markup if the page has some.
pub fn start() {
    region::start();
    if takeover::is_prerendered() {
        takeover::after_next_paint(mount);
    } else {
        mount();
    }
}

fn mount() {
    let prerendered = takeover::clear();
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return;
    };
    if let Some(prerendered) = &prerendered {
        prerendered.before_mount();
    }
    let handle = leptos::mount::mount_to(body, app::App);
    // The reader keeps its handle so that it can step aside for the whole app; the whole app
    // stays for the life of the page.
    #[cfg(not(feature = "full"))]
    upgrade::keep(handle);
    #[cfg(feature = "full")]
    handle.forget();
    if let Some(prerendered) = prerendered {
        prerendered.restore(search_started);
    }
}

/// Someone typed into the page taken over: the reader starts loading the whole app (which
/// has search, and takes the words over); the whole app shows their results itself.
fn search_started() {
    #[cfg(not(feature = "full"))]
    upgrade::start();
}
