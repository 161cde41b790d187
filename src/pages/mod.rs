//! One module per page. Each page is a component that reads the core and renders.

pub mod about;
pub mod check;
pub mod effect;
pub mod faq;
pub mod help;
pub mod home;
pub mod journal;
pub mod journal_entry;
pub mod journal_summary;
pub mod not_found;
pub mod search;
pub mod thread;
