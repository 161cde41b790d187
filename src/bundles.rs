//! What each bundle includes: the one place a newcomer reads to see what a page loads.
//!
//! A bundle is a binary in `src/bin/` that calls [`crate::start`] with one of the tables
//! below. Each names how its pages show (matching the core's `Route::bundle`, which the build
//! uses to give every page its bundle) and what those pages share. Only what a table names is
//! linked into its binary: the reader carries no journal and no Leptos, the journal no search.

use crate::pages;
use aftercare_core::route::{Bundle, Route};
use leptos::prelude::*;

/// A bundle's table: what the shell shows and sets up for it.
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
    show: crate::reader::show,
    ask_early: || {},
};

/// The symptom checker.
pub const CHECK: Shell = Shell {
    bundle: Bundle::Check,
    show: || crate::app::mount(|_| pages::check::Check().into_any(), || {}),
    ask_early: || {},
};

/// The journal: its list, the entry form and the summary, over one journal store. One
/// bundle: when storage is unavailable the entries live only in this page's memory, so the
/// journal's pages must move between each other in place (split into a bundle per page,
/// they weighed 242, 202 and 191 KB gzip, not much less than together).
pub const JOURNAL: Shell = Shell {
    bundle: Bundle::Journal,
    show: || {
        crate::app::mount(
            |route| match route {
                Route::JournalEntry => pages::journal::JournalEntryPage().into_any(),
                Route::JournalSummary => pages::journal::JournalSummaryPage().into_any(),
                _ => pages::journal::JournalList().into_any(),
            },
            || {
                crate::journal_store::JournalStore::install();
            },
        );
    },
    // Whether the browser keeps the data: the "Keep a copy" line says so from the first
    // render, instead of changing length (and moving the buttons below it) a moment later.
    ask_early: crate::storage::ask_persisted_early,
};
