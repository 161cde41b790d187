//! What each bundle includes: the one place a newcomer reads to see what a page loads.
//!
//! A bundle is a binary (`src/bin/`, the reader's `shell/src/bin/`) that calls [`crate::start`]
//! with one of the tables below. Each names how its pages show (matching the core's `Route::bundle`, which the build
//! uses to give every page its bundle) and what those pages share. Only what a table names is
//! linked into its binary: the reader carries no journal and no Leptos, the journal no search.

use crate::pages;
use aftercare_core::route::{Bundle, Route};
use aftercare_shell::Shell;
use leptos::prelude::*;

/// Reading and searching: every static page and the search page, with no framework. Its
/// binary is the shell's own (`shell/src/bin/reader.rs`): the reader's build resolves no
/// Leptos at all.
pub use aftercare_shell::READER;

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
