//! Generates `content_data.rs` from `content/article.toml`, `content/faq.toml` and
//! `content/symptoms.toml`. (Placeholder until the content model lands.)
pub fn run() {}
