//! SHA-256 in the two spellings the build writes: lowercase hex for the precache list and the
//! reader bundle's file names (the service worker compares hex digests), and standard padded
//! base64 for the Content-Security-Policy's `'sha256-…'` sources.
//!
//! The hashing and encoding are the `sha2` and `base64` crates, already in `Cargo.lock`
//! through Leptos; this module only fixes which spelling each caller gets.

use base64::Engine as _;
use sha2::{Digest as _, Sha256};

/// The SHA-256 of `data` as 64 lowercase hexadecimal digits.
pub fn hex(data: &[u8]) -> String {
    format!("{:x}", Sha256::digest(data))
}

/// The SHA-256 of `data` in standard base64 with padding (44 characters), as CSP hash
/// sources are written.
pub fn base64(data: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(data))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(input: &[u8], expected_hex: &str) {
        assert_eq!(hex(input), expected_hex);
    }

    #[test]
    fn hex_matches_the_published_vectors() {
        check(
            b"",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        );
        check(
            b"abc",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        );
        check(
            b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
        );
        // A byte below 0x10 keeps its leading zero: always 64 digits.
        check(
            b"39",
            "0b918943df0962bc7a1824c0555a389347b4febdc7cf9d1254406d80ce44e3f9",
        );
    }

    #[test]
    fn base64_is_standard_and_padded() {
        // The CSP hash of an empty inline script, as browsers report it: `+` and `/`, not the
        // URL-safe alphabet, and one `=` of padding.
        assert_eq!(base64(b""), "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
        assert_eq!(
            base64(b"abc"),
            "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="
        );
    }
}
