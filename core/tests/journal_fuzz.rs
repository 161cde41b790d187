//! Fuzz-style properties for storage and import: for pseudo-random bytes, mutated fixtures
//! and entries with random field values, `load` and `preview_import` always return a value
//! or a typed error (a panic fails the test), and whatever they read saves and loads back
//! unchanged. A tiny xorshift generator keeps runs reproducible without a fuzzing crate.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod journal_support;

use aftercare_core::journal::{apply_import, load, preview_import, save, Journal, LoadOutcome};
use journal_support::fixture;
use serde_json::{json, Value};

/// Marsaglia's xorshift64: plenty for test inputs, one line of state.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).unwrap()
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Runs both entry points on `raw` and checks the properties that must hold for any input.
#[track_caller]
fn check(raw: &str) {
    let outcome = load(raw);
    if let Some(journal) = outcome.journal() {
        // Whatever was read saves and loads back identically.
        assert_eq!(
            load(&save(journal)),
            LoadOutcome::Ok(journal.clone()),
            "input {raw:.80}"
        );
    }
    if let Ok(preview) = preview_import(&Journal::new(), raw, 1_735_689_600_000) {
        let journal = apply_import(Journal::new(), preview);
        assert_eq!(
            load(&save(&journal)),
            LoadOutcome::Ok(journal.clone()),
            "import {raw:.80}"
        );
    }
}

#[test]
fn random_bytes() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..3_000 {
        let len = rng.below(300);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next().to_le_bytes()[0]).collect();
        check(&String::from_utf8_lossy(&bytes));
    }
}

#[test]
fn random_json_alphabet() {
    // Mostly JSON punctuation and keywords, so the parser gets past the first byte.
    let pieces = [
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"",
        "\"id\"",
        "\"app\"",
        "\"aftercare\"",
        "\"kind\"",
        "\"journal\"",
        "\"version\"",
        "1",
        "0",
        "2",
        "-1",
        "1e400",
        "null",
        "true",
        "\"entries\"",
        "\"severity\"",
        "\"started\"",
        "\"2024-03-01T21:30\"",
        " ",
        "\\",
        "\\u0000",
        "é",
    ];
    let mut rng = Rng(42);
    for _ in 0..5_000 {
        let n = rng.below(40);
        let raw: String = (0..n).map(|_| *rng.pick(&pieces)).collect();
        check(&raw);
    }
}

#[test]
fn mutated_fixtures() {
    let names = [
        "v0-legacy.json",
        "v0-legacy-key-collisions.json",
        "v1-basic.json",
        "v1-envelope-extra-keys.json",
        "v1-extra-fields.json",
        "v1-partial.json",
        "v2-future.json",
        "hostile.json",
    ];
    let mut rng = Rng(7);
    for name in names {
        let original = fixture(name).into_bytes();
        for _ in 0..800 {
            let mut bytes = original.clone();
            for _ in 0..=rng.below(4) {
                let at = rng.below(bytes.len().max(1));
                match rng.below(5) {
                    0 if !bytes.is_empty() => {
                        bytes.remove(at.min(bytes.len() - 1));
                    }
                    1 => bytes.insert(at, *rng.pick(b"{}[],:\"0123456789-.eE \\nul")),
                    2 if !bytes.is_empty() => {
                        let i = at.min(bytes.len() - 1);
                        bytes[i] = rng.next().to_le_bytes()[0];
                    }
                    3 => bytes.truncate(at),
                    _ => {
                        let end = (at + rng.below(40)).min(bytes.len());
                        let slice = bytes[at.min(end)..end].to_vec();
                        bytes.splice(at..at, slice);
                    }
                }
            }
            check(&String::from_utf8_lossy(&bytes));
        }
    }
}

#[test]
fn entries_with_random_field_values() {
    let values = [
        json!(null),
        json!(true),
        json!(0),
        json!(-1),
        json!(10),
        json!(11),
        json!(1.5),
        json!(1e300),
        json!(9_007_199_254_740_993_i64),
        json!(i64::MIN),
        json!(u64::MAX),
        json!(""),
        json!("6"),
        json!("2024-03-01"),
        json!("2024-03-01T21:30"),
        json!("2024-02-30T21:30"),
        json!("<script>alert(1)</script>"),
        json!("x".repeat(6_000)),
        json!([]),
        json!(["fatigue"]),
        json!(["fatigue", 1]),
        json!({}),
        json!({"unit": "hours", "amount": 3}),
        json!({"unit": "hours", "amount": 70_000}),
        json!({"unit": "ongoing"}),
        json!({"unit": "weeks", "amount": 1}),
    ];
    let keys = [
        "id",
        "started",
        "session_date",
        "symptoms",
        "other_symptoms",
        "severity",
        "duration",
        "notes",
        "created_ms",
        "updated_ms",
        "extra_field",
    ];
    let mut rng = Rng(2024);
    let mut loaded_any = false;
    for round in 0..3_000 {
        let mut entries = Vec::new();
        for i in 0..rng.below(4) {
            let mut e = json!({
                "id": format!("id-{round}-{i}"), "started": "2024-03-01T21:30",
                "severity": 3, "created_ms": 1, "updated_ms": 2
            });
            for _ in 0..rng.below(4) {
                e[*rng.pick(&keys)] = rng.pick(&values).clone();
            }
            entries.push(e);
        }
        let raw = if rng.below(4) == 0 {
            Value::Array(entries).to_string()
        } else {
            json!({"app": "aftercare", "kind": "journal", "version": 1, "entries": entries})
                .to_string()
        };
        check(&raw);
        loaded_any |= load(&raw).journal().is_some_and(|j| !j.is_empty());
    }
    assert!(
        loaded_any,
        "the generator must also produce readable entries"
    );
}
