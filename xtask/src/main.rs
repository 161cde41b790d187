//! Aftercare's host-side build tool.
fn main() {}
