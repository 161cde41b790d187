//! One module per interactive page. The static pages (home, side effects, readers'
//! questions, About, Get help now, not found) are written once in the core
//! (`aftercare_core::pages`) and shown by `static_page`.

#[cfg(feature = "full")]
pub mod check;
#[cfg(feature = "full")]
pub mod journal;
#[cfg(feature = "full")]
pub mod search;
pub mod static_page;
