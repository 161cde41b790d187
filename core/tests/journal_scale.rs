//! The journal at a scale no person reaches by hand but stored data can: 5,000 entries
//! holding 320,000 distinct symptom slugs this build does not know (about 3 MB), loaded,
//! listed and summarised. Guards against quadratic work on stored data; the time is
//! printed, not asserted (speed goals belong to `make bench`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod journal_support;

use std::time::Instant;

use aftercare_core::journal::{
    check_param, entry_flags, entry_level, flags_of, load, save, summary_range, summary_sentence,
    symptom_labels, Filter, Journal, LoadOutcome, SUMMARY_MAX_SYMPTOMS,
    SUMMARY_MAX_UNKNOWN_PER_ENTRY,
};
use journal_support::typical;

/// Entries in the journal.
const ENTRIES: usize = 5_000;
/// Distinct unknown slugs per entry: the form's limit.
const SLUGS_PER_ENTRY: usize = 64;

#[test]
fn five_thousand_entries_with_320_000_unknown_slugs() {
    // Regression guard: the summary searched a list once per slug (quadratic: it did not
    // finish in minutes at this size).
    let journal = Journal::from_entries(
        (0..ENTRIES)
            .map(|i| {
                let mut e = typical(i);
                // The red-flag matcher reads the person's words; this test is about slugs.
                e.notes.clear();
                e.other_symptoms.clear();
                e.symptoms = (0..SLUGS_PER_ENTRY)
                    .map(|k| format!("u{:x}", i * SLUGS_PER_ENTRY + k))
                    .collect();
                e
            })
            .collect(),
    );
    let text = save(&journal);
    let slug_bytes: usize = journal
        .entries()
        .iter()
        .flat_map(|e| &e.symptoms)
        .map(|s| s.len() + 3)
        .sum();
    let distinct = ENTRIES * SLUGS_PER_ENTRY;
    assert_eq!(distinct, 320_000);

    let t = Instant::now();
    let LoadOutcome::Ok(loaded) = load(&text) else {
        panic!("the journal must load")
    };
    let load_time = t.elapsed();
    assert_eq!(loaded.len(), ENTRIES);

    // What the list page builds: day groups newest first, each entry's labels, flags,
    // level and "Is this normal?" link, the care cards of the whole list, and a filter
    // by one unknown slug.
    let t = Instant::now();
    let groups = loaded.groups();
    let mut shown = 0;
    let mut labels = 0;
    for group in &groups {
        for &e in &group.entries {
            shown += 1;
            labels += symptom_labels(e).len();
            assert!(entry_flags(e).is_empty());
            assert_eq!(entry_level(e), None);
            assert_eq!(check_param(e), "");
        }
    }
    assert!(flags_of(loaded.entries()).is_empty());
    let one = Filter {
        symptom: Some("u4e1ff".into()),
        ..Filter::default()
    };
    assert_eq!(loaded.filter(&one).len(), 1);
    let list_time = t.elapsed();
    assert_eq!(shown, ENTRIES);
    // Every slug is shown.
    assert_eq!(labels, distinct);

    let t = Instant::now();
    let summary = loaded.summary(None);
    let range = summary_range("", "", &summary, None).unwrap();
    let sentence = summary_sentence(&summary, range);
    let summary_time = t.elapsed();
    assert_eq!(summary.entries, ENTRIES);
    assert_eq!(summary.symptom_counts.len(), SUMMARY_MAX_SYMPTOMS);
    assert_eq!(summary.symptoms_not_listed, distinct - SUMMARY_MAX_SYMPTOMS);
    // Each slug is in one entry; ties are listed by slug.
    assert!(summary.symptom_counts.iter().all(|(_, n)| *n == 1));
    assert_eq!(summary.symptom_counts[0].0, "u0");
    assert!(summary.symptom_counts.windows(2).all(|w| w[0].0 < w[1].0));
    assert!(
        sentence.contains("Most noted: u0 (1), u1 (1), u10 (1)."),
        "{sentence}"
    );

    eprintln!(
        "{ENTRIES} entries, {distinct} distinct unknown slugs ({:.1} MB of them), {:.1} MB \
         stored: load {load_time:?}, list view data {list_time:?}, summary {summary_time:?}",
        slug_bytes as f64 / 1_000_000.0,
        text.len() as f64 / 1_000_000.0
    );
}

#[test]
fn one_entry_with_320_000_slugs_opens_in_the_form_in_linear_time() {
    // Regression guard: the form's repeat check compared each slug with every one kept so
    // far, so opening such a stored entry to edit it took quadratic time before it could
    // say "Choose 64 symptoms or fewer".
    let mut e = typical(0);
    e.symptoms = (0..ENTRIES * SLUGS_PER_ENTRY)
        .map(|k| format!("u{k:x}"))
        .collect();
    let t = Instant::now();
    let draft = aftercare_core::journal::EntryDraft::from_entry(&e);
    let errors = draft.validate(e.id.clone(), e.created_ms).unwrap_err();
    let took = t.elapsed();
    let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(messages, ["Choose 64 symptoms or fewer"]);
    // The summary still counts 64 of its slugs, and the list shows the entry.
    let journal = Journal::from_entries(vec![e]);
    let summary = journal.summary(None);
    assert_eq!(
        (summary.symptom_counts.len(), summary.symptoms_not_listed),
        (SUMMARY_MAX_UNKNOWN_PER_ENTRY, 0)
    );
    assert_eq!(journal.groups().len(), 1);
    eprintln!("one entry with 320,000 slugs: draft and validation {took:?}");
}
