//! Aftercare's Leptos pages: the symptom checker and the journal, thin components over the
//! pure core (`aftercare_core`), mounted into the plain shell (`aftercare_shell`: router,
//! frame, status notes, storage, and the reader bundle).
//!
//! `app` mounts a bundle's pages into `<main>`, reading the shell's router through `nav`.
//! `pages/` holds one module per page and `components/` the small pieces pages share;
//! `journal_store` owns the journal's state. The modules form a graph without circles
//! (ARCHITECTURE.md, "Module graph"). Behaviour lives in the core; components read signals,
//! call methods and render.
//!
//! Each bundle is a thin binary that starts the shell with one of [`bundles`]' tables: which
//! pages it shows, and what it sets up for them (the reader's binary is the shell's own).
//! Which page loads which bundle is the core's `Route::bundle`.

mod app;
pub mod bundles;
mod components;
mod nav;
mod pages;

// The shell's modules these pages use, under the names they had when they lived here.
use aftercare_shell::{frame, router, takeover};

pub use aftercare_shell::{start, Shell};
