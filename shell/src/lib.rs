//! Aftercare's shell: what every page runs, in plain `web_sys` over the pure core
//! (`aftercare_core`), and the reader bundle.
//!
//! `router` owns the location; `frame` makes the prerendered header, footer and status notes
//! live where they stand (`pwa` keeps the notes); `storage` is the one module that touches the
//! browser's storage, `region` the region for the numbers to call, `prefetch` the polite
//! prefetch of other bundles, `takeover` what a bundle finds on a prerendered page, `window`
//! the window-wide tools every module may use. `reader` shows the static pages and the search
//! page (`pages/`) with no framework: it is what a first visit loads. The checker's and the
//! journal's bundles (the top-level `aftercare` package) mount their Leptos pages into this
//! shell through the same [`Shell`] table and [`start`].
//!
//! The modules form a graph without circles (ARCHITECTURE.md, "Module graph").

pub mod frame;
mod journal;
mod pages;
mod prefetch;
pub mod pwa;
mod reader;
mod region;
pub mod router;
pub mod storage;
pub mod takeover;
pub mod window;

use aftercare_core::route::Bundle;

/// A bundle's table: what the shell shows and sets up for it. The three tables are read
/// together in the top-level package's `bundles.rs`.
#[derive(Clone, Copy)]
pub struct Shell {
    /// Which bundle this is; pages of other bundles are left to the browser (a page load).
    pub bundle: Bundle,
    /// Shows the bundle's pages in the frame, from the page the address names on.
    pub show: fn(),
    /// Questions to put to the browser as soon as the bundle starts, before its pages show
    /// (which waits for the prerendered page's paint), so the first render has the answers.
    pub ask_early: fn(),
}

/// Reading and searching: every static page and the search page, with no framework (see
/// `reader`). Static pages load it first, so a first visit can search at once without a
/// second download.
pub const READER: Shell = Shell {
    bundle: Bundle::Reader,
    show: reader::show,
    ask_early: || {},
};

/// The journal: its list, the entry form and the summary, over one journal store, with no
/// framework (see `journal`). One bundle: when storage is unavailable the entries live only
/// in this page's memory, so the journal's pages must move between each other in place.
pub const JOURNAL: Shell = Shell {
    bundle: Bundle::Journal,
    show: journal::show,
    // Whether the browser keeps the data: the "Keep a copy" line says so from the first
    // render, instead of changing length (and moving the buttons below it) a moment later.
    ask_early: storage::ask_persisted_early,
};

/// Starts the bundle of `shell` on the page: navigation, the frame and the bundle's pages,
/// taking over the prerendered markup if the page has some.
pub fn start(shell: Shell) {
    (shell.ask_early)();
    region::start();
    router::install(shell.bundle);
    (shell.show)();
    prefetch::when_idle();
}
