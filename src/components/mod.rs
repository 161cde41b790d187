//! Small pieces the pages share.

#[cfg(feature = "full")]
pub mod care;
#[cfg(feature = "full")]
pub mod journal_files;
#[cfg(feature = "full")]
pub mod journal_notice;
pub mod layout;
#[cfg(feature = "full")]
pub mod symptoms;
#[cfg(feature = "full")]
pub mod triage;
