//! Small pieces the pages share.

pub mod care;
pub mod journal_files;
pub mod journal_notice;
pub mod layout;
pub mod symptoms;
pub mod triage;
