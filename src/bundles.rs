//! What each bundle includes: the one place a newcomer reads to see what a page loads.
//!
//! A bundle is a binary in `src/bin/` that calls [`crate::start`] with one of the tables
//! below. Each names its pages (matching the core's `Route::bundle`, which the build uses to
//! give every page its bundle) and what those pages share. Only what a table names is linked
//! into its binary: the reader carries no journal, the journal no search.

use crate::pages;
use aftercare_core::route::{Bundle, Params, Route};
use leptos::prelude::*;

/// A bundle's table: what the shell shows and sets up for it.
#[derive(Clone, Copy)]
pub struct Shell {
    /// Which bundle this is; pages of other bundles are left to the browser (a page load).
    pub bundle: Bundle,
    /// The view of each page of this bundle (only called for pages it shows).
    pub page: fn(Route) -> AnyView,
    /// State the bundle's pages share, set up once inside the app before the first page.
    pub install: fn(),
    /// Questions to put to the browser as soon as the bundle starts, before the app mounts
    /// (which waits for the prerendered page's paint), so the first render has the answers.
    pub ask_early: fn(),
    /// For words typed into a prerendered page before the bundle arrived (the search page's
    /// parameters, the words as `q`): shows their answer at once, before the app mounts, and
    /// says whether it did (only a bundle with search can).
    pub answer_early: fn(&Params) -> bool,
}

/// Reading and searching: every static page and the search page. Static pages load it
/// first, so a first visit can search at once without a second download.
pub const READER: Shell = Shell {
    bundle: Bundle::Reader,
    page: |route| match route {
        Route::Search => pages::search::Search().into_any(),
        route => pages::static_page::static_page(route),
    },
    // The search index is built while the person reads (a few milliseconds, tens on a slow
    // phone), so the first letter typed is answered at once.
    install: || {
        crate::window::when_idle(|| {
            let _ = aftercare_core::search::guide_index();
        });
    },
    ask_early: || {},
    answer_early: pages::search::answer_early,
};

/// The symptom checker.
pub const CHECK: Shell = Shell {
    bundle: Bundle::Check,
    page: |_| pages::check::Check().into_any(),
    install: || {},
    ask_early: || {},
    answer_early: |_| false,
};

/// The journal: its list, the entry form and the summary, over one journal store. One
/// bundle: when storage is unavailable the entries live only in this page's memory, so the
/// journal's pages must move between each other in place (split into a bundle per page,
/// they weighed 242, 202 and 191 KB gzip, not much less than together).
pub const JOURNAL: Shell = Shell {
    bundle: Bundle::Journal,
    page: |route| match route {
        Route::JournalEntry => pages::journal::JournalEntryPage().into_any(),
        Route::JournalSummary => pages::journal::JournalSummaryPage().into_any(),
        _ => pages::journal::JournalList().into_any(),
    },
    install: || {
        crate::journal_store::JournalStore::install();
    },
    // Whether the browser keeps the data: the "Keep a copy" line says so from the first
    // render, instead of changing length (and moving the buttons below it) a moment later.
    ask_early: crate::storage::ask_persisted_early,
    answer_early: |_| false,
};
