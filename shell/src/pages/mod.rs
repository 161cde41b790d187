//! The reader's pages. The static pages (home, side effects, readers' questions, About, Get
//! help now, not found) are written once in the core (`aftercare_core::pages`) and shown by
//! `static_page`; `search` is the search page.

pub mod search;
pub mod static_page;
