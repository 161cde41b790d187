//! Generates `triage_data.rs` from `content/triage.toml`. (Placeholder until triage lands.)
pub fn run() {}
