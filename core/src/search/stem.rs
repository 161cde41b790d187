//! Stemming: reduces a normalised word to its stem so "twitches", "twitched" and "twitch"
//! meet, using the English Snowball ("Porter 2") algorithm from `rust-stemmers`.
//!
//! Measured wasm cost (opt-level z, LTO, `wasm-opt -Oz`, gzip -9, a one-function cdylib with
//! and without the stemmer): `rust-stemmers` 1.2 adds 16.0 KB raw / 7.7 KB gzip,
//! `pagefind_stem` 1.0 (English feature only) 17.7 KB raw / 8.5 KB gzip; the smaller one
//! is used. Stems are only ever compared with stems: they are never shown.

use std::borrow::Cow;

use rust_stemmers::{Algorithm, Stemmer};

/// The stem of one normalised (lower-case, accent-folded) word.
#[must_use]
pub fn stem(word: &str) -> Cow<'_, str> {
    // Words with characters outside a–z (digits, other scripts) are left whole: the
    // English rules mean nothing there.
    if !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return Cow::Borrowed(word);
    }
    Stemmer::create(Algorithm::English).stem(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(word: &str, expected: &str) {
        assert_eq!(stem(word), expected, "stem of {word:?}");
    }

    #[test]
    fn english_stems() {
        check("twitches", "twitch");
        check("twitched", "twitch");
        check("twitching", "twitch");
        check("tingling", "tingl");
        check("tingles", "tingl");
        check("sensations", "sensat");
        check("sensation", "sensat");
        check("needles", "needl");
        check("crying", "cri");
        check("cries", "cri");
        check("fatigue", "fatigu");
        check("a5", "a5");
        check("שלום", "שלום");
    }
}
