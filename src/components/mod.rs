//! Small pieces the pages share.

pub mod care;
pub mod install_note;
pub mod journal_files;
pub mod journal_notice;
pub mod symptoms;
pub mod triage;
