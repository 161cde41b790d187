//! Aftercare's client app: thin Leptos components over the pure core (`aftercare_core`).
//!
//! `app` is the root and layout, `nav` owns the location, `pages/` holds one file per page
//! and `components/` the small pieces pages share; `window` holds the window-wide tools all
//! of them may use. The modules form a graph without circles (ARCHITECTURE.md, "Module
//! graph"); this file wires them together. Behaviour lives in the core; components read
//! signals, call methods and render.
//!
//! The library is one shell for several bundles. Each bundle is a thin binary in `src/bin/`
//! that starts the shell with one of [`bundles`]' tables: which pages it shows, and what it
//! sets up for them. Which page loads which bundle is the core's `Route::bundle`.

mod app;
pub mod bundles;
mod components;
mod journal_store;
mod nav;
mod pages;
mod prefetch;
mod pwa;
mod region;
mod storage;
mod takeover;
mod window;

pub use bundles::Shell;

/// Mounts the app of `shell` on the page, taking over the prerendered markup if the page has
/// some.
pub fn start(shell: Shell) {
    (shell.ask_early)();
    region::start();
    // The app takes over a prerendered page after its paint, so the words show first. Someone
    // already typing has seen the page: a bundle with search shows their answer at once and
    // takes over after that paint; the others take over at once.
    let typed = takeover::typed();
    if takeover::is_prerendered()
        && (typed.is_empty() || (shell.answer_early)(&takeover::search_params(&typed)))
    {
        takeover::after_next_paint(move || mount(shell));
    } else {
        mount(shell);
    }
    prefetch::when_idle();
}

fn mount(shell: Shell) {
    let prerendered = takeover::clear();
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return;
    };
    if let Some(prerendered) = &prerendered {
        prerendered.before_mount(shell.bundle);
    }
    leptos::mount::mount_to(body, move || app::app(shell)).forget();
    if let Some(prerendered) = prerendered {
        prerendered.restore();
    }
}
