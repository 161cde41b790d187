//! What each bundle includes: the one place a newcomer reads to see what a page loads.
//!
//! A bundle is a binary in `src/bin/` that calls [`crate::start`] with one of the tables
//! below. Each names its pages (matching the core's `Route::bundle`, which the build uses to
//! give every page its bundle) and what those pages share. Only what a table names is linked
//! into its binary: the reader carries no journal, the journal no search.

use crate::pages;
use aftercare_core::route::{Bundle, Route};
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
}

/// Reading and searching: every static page and the search page. Static pages load it
/// first, so a first visit can search at once without a second download.
pub const READER: Shell = Shell {
    bundle: Bundle::Reader,
    page: |route| match route {
        Route::Search => pages::search::Search().into_any(),
        route => pages::static_page::static_page(route),
    },
    install: || {},
};

/// The symptom checker.
pub const CHECK: Shell = Shell {
    bundle: Bundle::Check,
    page: |_| pages::check::Check().into_any(),
    install: || {},
};

/// The journal's list and its "Keep a copy" section. Each journal page is a bundle of its
/// own (measured: together they were 289 KB gzip, more than any one page needs); all three
/// share the one journal store.
pub const JOURNAL: Shell = Shell {
    bundle: Bundle::Journal,
    page: |_| pages::journal::JournalList().into_any(),
    install: install_journal,
};

/// The journal's entry form.
pub const ENTRY: Shell = Shell {
    bundle: Bundle::Entry,
    page: |_| pages::journal::JournalEntryPage().into_any(),
    install: install_journal,
};

/// The journal's summary for a practitioner.
pub const SUMMARY: Shell = Shell {
    bundle: Bundle::Summary,
    page: |_| pages::journal::JournalSummaryPage().into_any(),
    install: install_journal,
};

fn install_journal() {
    crate::journal_store::JournalStore::install();
}
