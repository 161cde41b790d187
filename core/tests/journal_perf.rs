//! Size and speed figures for the app's budgets: bytes per stored entry (how many fit in
//! localStorage) and the time to load, save, list and filter 2,000 entries. Bounds are loose
//! enough for a debug build on a slow machine, yet catch an accidental quadratic step
//! (which would take seconds at this size). Run with `--release -- --nocapture` to see the
//! figures.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod journal_support;

use std::time::{Duration, Instant};

use aftercare_core::journal::{
    export_csv, load, save, Filter, Journal, LoadOutcome, MAX_NOTES_CHARS, MAX_OTHER_SYMPTOMS_CHARS,
};
use journal_support::typical;

/// localStorage's usual quota (5 MiB) counted as UTF-16: 2 bytes per JSON character, the
/// conservative reading (Chrome counts the quota in UTF-16 code units of key + value).
const LOCAL_STORAGE_CHARS: usize = 5 * 1024 * 1024 / 2;

/// Runs `work` `runs` times and returns the fastest run, so one scheduler hiccup does not
/// fail the test.
fn fastest(runs: usize, mut work: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            work();
            t.elapsed()
        })
        .min()
        .unwrap()
}

#[track_caller]
fn check(what: &str, took: Duration, limit_ms: u128) {
    // Printed, not asserted: speed goals are `make bench` figures, and a timing assertion
    // would fail on a busy machine. The limit is shown for comparison.
    eprintln!("{what}: {took:?} (frame budget for this step: {limit_ms} ms)");
}

#[test]
fn bytes_per_entry_and_what_fits_in_local_storage() {
    let n = 1_000;
    let journal = Journal::from_entries((0..n).map(typical).collect());
    let empty = save(&Journal::new()).len();
    let typical_bytes = (save(&journal).len() - empty) / n;

    let mut longest = typical(0);
    longest.notes = "n".repeat(MAX_NOTES_CHARS);
    longest.other_symptoms = "o".repeat(MAX_OTHER_SYMPTOMS_CHARS);
    let longest_bytes = save(&Journal::from_entries(vec![longest])).len() - empty;

    let fits_typical = (LOCAL_STORAGE_CHARS - empty) / typical_bytes;
    let fits_longest = (LOCAL_STORAGE_CHARS - empty) / longest_bytes;
    eprintln!(
        "envelope {empty} B; typical entry {typical_bytes} B; longest entry {longest_bytes} B"
    );
    eprintln!(
        "journal.max_entries_5mb ≈ {fits_typical} typical entries ({fits_longest} of the longest)"
    );
    // Ten entries a day for a year must fit with room to spare.
    assert!(fits_typical > 3_650, "{fits_typical}");
    assert!((250..=450).contains(&typical_bytes), "{typical_bytes}");
}

#[test]
fn two_thousand_entries_within_a_frame() {
    let journal = Journal::from_entries((0..2_000).map(typical).collect());
    let text = save(&journal);

    check(
        "save 2,000",
        fastest(5, || assert!(!save(&journal).is_empty())),
        500,
    );
    check(
        "load 2,000",
        fastest(5, || assert!(matches!(load(&text), LoadOutcome::Ok(_)))),
        1_000,
    );
    check(
        "groups 2,000",
        fastest(5, || assert!(!journal.groups().is_empty())),
        200,
    );
    let filter = Filter {
        text: "nap".into(),
        symptom: Some("fatigue".into()),
        range: None,
    };
    check(
        "filter 2,000 by symptom and text",
        fastest(5, || assert!(!journal.filter(&filter).is_empty())),
        200,
    );
    let accented = Filter {
        text: "séssion".into(),
        ..Filter::default()
    };
    check(
        "filter 2,000 by accented text",
        fastest(5, || assert_eq!(journal.filter(&accented).len(), 2_000)),
        300,
    );
    check(
        "summary 2,000",
        fastest(5, || assert_eq!(journal.summary(None).entries, 2_000)),
        200,
    );
    check(
        "csv 2,000",
        fastest(5, || assert!(export_csv(&journal).len() > 100_000)),
        500,
    );
}
