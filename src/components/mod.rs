//! Small pieces the pages share.

pub mod layout;
pub mod message;
pub mod symptoms;
pub mod triage;
