//! What each bundle includes: the one place a newcomer reads to see what a page loads.
//!
//! A bundle is a binary (`src/bin/`, the reader's `shell/src/bin/`) that calls [`crate::start`]
//! with one of the tables below. Each names how its pages show (matching the core's `Route::bundle`, which the build
//! uses to give every page its bundle) and what those pages share. Only what a table names is
//! linked into its binary: the reader carries no journal and no Leptos, the journal no search.

use crate::pages;
use aftercare_core::route::Bundle;
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

/// The journal: its list, the entry form and the summary, with no framework. Its binary is
/// the shell's own (`shell/src/bin/journal.rs`).
pub use aftercare_shell::JOURNAL;
