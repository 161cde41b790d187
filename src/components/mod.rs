//! Small pieces the pages share.

pub mod care;
pub mod symptoms;
pub mod triage;
