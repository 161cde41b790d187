//! The Leptos page: the symptom checker. The reader's pages (static pages and search) and
//! the journal's are the shell's (`aftercare_shell`).

pub mod check;
