//! The Leptos pages: the symptom checker and the journal's pages. The reader's pages (static
//! pages and search) are the shell's (`aftercare_shell`).

pub mod check;
pub mod journal;
