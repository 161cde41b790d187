//! The curated lay-word map: everyday words people type ("tired", "pins and needles") and
//! the words the guide uses for the same thing ("fatigue", "tingling").
//!
//! The data lives in `content/lay-words.toml`; `core/build/search_gen.rs` validates it and
//! compiles it into `OUT_DIR/search_lay.rs`, included below.

/// One group of the map: any of `lay` also searches for the `guide` terms.
#[derive(Debug)]
pub struct LayGroup {
    /// Words and phrases as people type them, lower case.
    pub lay: &'static [&'static str],
    /// Words and phrases of the guide; the first is the one shown to the reader.
    pub guide: &'static [&'static str],
}

include!(concat!(env!("OUT_DIR"), "/search_lay.rs"));

/// The whole map, in file order.
#[must_use]
pub fn groups() -> &'static [LayGroup] {
    LAY_GROUPS
}
