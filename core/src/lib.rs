//! Aftercare's pure core: everything the app knows and decides, with no browser types.
//!
//! Invariant: nothing in this crate touches the outside world (no `web_sys`, no `leptos`,
//! no I/O), so every function here is tested natively with `cargo test -p aftercare-core`.
pub mod clinic;
pub mod content;
pub mod filter;
pub mod html;
pub mod journal;
pub mod order;
pub mod pages;
pub mod route;
pub mod search;
pub mod triage;
