//! The reader's own page: `search`. The static pages (home, side effects, readers'
//! questions, About, Get help now, not found) are written whole by the build, from the core
//! (`aftercare_core::pages`); the reader shows none of them itself (see `reader`).

pub mod search;
