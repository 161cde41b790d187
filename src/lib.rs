//! Aftercare's client app: thin views over the pure core (`aftercare_core`).
//!
//! `router` owns the location and `frame` makes the header, footer and status notes live on
//! every page, in plain `web_sys`. `reader` shows the static pages and search without a
//! framework; `app` mounts the Leptos pages (checker, journal) into `<main>`, reading the
//! router through `nav`. `pages/` holds one file per page and `components/` the small pieces
//! pages share; `window` holds the window-wide tools all of them may use. The modules form
//! a graph without circles (ARCHITECTURE.md, "Module graph"); this file wires them together.
//! Behaviour lives in the core; views read the location or signals, call methods and render.
//!
//! The library is one shell for several bundles. Each bundle is a thin binary in `src/bin/`
//! that starts the shell with one of [`bundles`]' tables: which pages it shows, and what it
//! sets up for them. Which page loads which bundle is the core's `Route::bundle`.

mod app;
pub mod bundles;
mod components;
mod frame;
mod journal_store;
mod nav;
mod pages;
mod prefetch;
mod pwa;
mod reader;
mod region;
mod router;
mod storage;
mod takeover;
mod window;

pub use bundles::Shell;

/// Starts the bundle of `shell` on the page: navigation, the frame and the bundle's pages,
/// taking over the prerendered markup if the page has some.
pub fn start(shell: Shell) {
    (shell.ask_early)();
    region::start();
    router::install(shell.bundle);
    (shell.show)();
    prefetch::when_idle();
}
