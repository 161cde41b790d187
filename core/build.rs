//! Placeholder: replaced by the content code generator.
fn main() {}
