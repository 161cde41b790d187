//! Import: size and count limits checked before work, typed errors with plain messages, the
//! preview's counts, merge by id (newer copy wins), all-or-nothing apply, export → import
//! round trip, and hostile text accepted as plain text.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod journal_support;

use aftercare_core::journal::{
    apply_import, check_import_size, export_json, preview_import, save, DurationUnit,
    EntryDuration, EntryId, ImportError, Journal, IMPORT_FUTURE_SLACK_MS, IMPORT_MAX_BYTES,
    IMPORT_MAX_ENTRIES, MAX_EXTRA_BYTES,
};
use journal_support::{entry, fixture, typical, with_duration, with_notes};

/// The clock of every preview here: 1 January 2025, after every fixture's times.
const NOW: i64 = 1_735_689_600_000;

fn envelope(entries: &str) -> String {
    format!(r#"{{"app":"aftercare","kind":"journal","version":1,"entries":[{entries}]}}"#)
}

/// Previews `raw` against `existing` and compares the one-line summary, or the error's
/// message.
#[track_caller]
fn check(existing: &Journal, raw: &str, expected: &str) {
    let got = match preview_import(existing, raw, NOW) {
        Ok(preview) => preview.to_string(),
        Err(error) => error.to_string(),
    };
    assert_eq!(got, expected, "{raw:.60}");
}

fn here() -> Journal {
    Journal::from_entries(vec![
        entry("a", "2024-03-01T21:30", 6, &["fatigue"]),
        entry("b", "2024-03-02T09:00", 2, &["sleep"]),
        entry("c", "2024-03-03T09:00", 2, &["sleep"]),
    ])
}

#[test]
fn previews_and_errors() {
    let j = here();
    let a = save(&Journal::from_entries(vec![entry(
        "a",
        "2024-03-01T21:30",
        6,
        &["fatigue"],
    )]));
    check(
        &j,
        &a,
        "0 new, 1 already here (1 identical, 0 changed), 0 invalid",
    );
    check(
        &Journal::new(),
        &a,
        "1 new, 0 already here (0 identical, 0 changed), 0 invalid",
    );
    check(
        &j,
        &envelope(""),
        "0 new, 0 already here (0 identical, 0 changed), 0 invalid",
    );
    check(
        &j,
        "[]",
        "0 new, 0 already here (0 identical, 0 changed), 0 invalid",
    );
    check(
        &j,
        &fixture("v1-partial.json"),
        "2 new, 0 already here (0 identical, 0 changed), 6 invalid",
    );
    check(
        &j,
        &fixture("v0-legacy.json"),
        "3 new, 0 already here (0 identical, 0 changed), 0 invalid",
    );
    check(
        &j,
        "",
        "This file is not a journal export. Choose a .json file saved by Aftercare.",
    );
    check(
        &j,
        "<html>",
        "This file is not a journal export. Choose a .json file saved by Aftercare.",
    );
    check(
        &j,
        &fixture("corrupt-truncated.json"),
        "This file is not a journal export. Choose a .json file saved by Aftercare.",
    );
    check(
        &j,
        &fixture("not-ours.json"),
        "This file is not an Aftercare journal. Choose a file saved with \"Export as JSON\".",
    );
    check(
        &j,
        "{}",
        "This file is not an Aftercare journal. Choose a file saved with \"Export as JSON\".",
    );
    check(
        &j,
        "[1,2]",
        "This file is not an Aftercare journal. Choose a file saved with \"Export as JSON\".",
    );
    check(&j, &fixture("v2-future.json"), "This file was made by a newer version of Aftercare (format 2). Update the app, then import it again.");
    assert_eq!(
        preview_import(&j, &fixture("v2-future.json"), NOW),
        Err(ImportError::FutureVersion(2))
    );
}

#[test]
fn merge_counts_and_newer_copy_wins() {
    let j = here();
    let mut newer_b = with_notes(
        entry("b", "2024-03-02T09:00", 3, &["sleep"]),
        "edited on phone",
    );
    newer_b.updated_ms = 5_000;
    let mut older_c = with_notes(entry("c", "2024-03-03T09:00", 9, &["sleep"]), "old backup");
    older_c.updated_ms = 500;
    let file = save(&Journal::from_entries(vec![
        entry("a", "2024-03-01T21:30", 6, &["fatigue"]),
        newer_b.clone(),
        older_c,
        entry("d", "2024-03-04T09:00", 1, &[]),
        entry("e", "2024-03-05T09:00", 1, &["not a slug"]),
        with_notes(entry("f", "2024-03-05T09:00", 1, &[]), &"n".repeat(5_001)),
    ]));
    let preview = preview_import(&j, &file, NOW).unwrap();
    assert_eq!(
        preview.to_string(),
        "1 new, 3 already here (1 identical, 2 changed), 2 invalid"
    );
    assert_eq!(
        (
            preview.new_count(),
            preview.already_here(),
            preview.invalid_count()
        ),
        (1, 3, 2)
    );
    assert_eq!((preview.to_update.len(), preview.kept_local), (1, 1));
    let reasons = refusals(&preview);
    assert_eq!(
        reasons,
        [
            (4, "symptom \"not a slug\" is not a symptom name"),
            (5, "notes are 5,001 characters; the limit is 5,000"),
        ]
    );
    assert!(preview.changes_anything());

    let merged = apply_import(j.clone(), preview);
    let ids: Vec<&str> = merged.entries().iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c", "d"]);
    let id = |s: &str| EntryId::parse(s).unwrap();
    assert_eq!(merged.get(&id("b")), Some(&newer_b));
    assert_eq!(merged.get(&id("c")), j.get(&id("c")));

    // Importing the same file again changes nothing.
    let again = preview_import(&merged, &file, NOW).unwrap();
    assert!(!again.changes_anything());
    assert_eq!(apply_import(merged.clone(), again), merged);
}

#[test]
fn apply_rechecks_when_the_journal_changed_since_the_preview() {
    let preview = preview_import(&Journal::new(), &save(&here()), NOW).unwrap();
    assert_eq!(preview.new_count(), 3);
    // Meanwhile "a" was added locally with a newer edit: the local copy stays.
    let mut local_a = entry("a", "2024-03-01T21:30", 9, &[]);
    local_a.updated_ms = 9_999;
    let merged = apply_import(Journal::from_entries(vec![local_a.clone()]), preview);
    assert_eq!(merged.len(), 3);
    assert_eq!(merged.entries()[0], local_a);
}

#[test]
fn export_then_import_round_trips_identically() {
    let original = Journal::from_entries((0..200).map(typical).collect());
    for pretty in [false, true] {
        let file = export_json(&original, pretty);
        let preview = preview_import(&Journal::new(), &file, NOW).unwrap();
        assert_eq!(preview.invalid_count(), 0);
        assert_eq!(apply_import(Journal::new(), preview), original);
        let into_self = preview_import(&original, &file, NOW).unwrap();
        assert_eq!(into_self.identical, 200);
    }
}

#[test]
fn hostile_text_is_accepted_as_plain_text() {
    let preview = preview_import(&Journal::new(), &fixture("hostile.json"), NOW).unwrap();
    assert_eq!(preview.new_count(), 2);
    let e = &preview.to_add[0];
    assert_eq!(e.id.as_str(), "<img src=x onerror=alert(1)>");
    assert_eq!(e.other_symptoms, "<script>alert('other')</script>");
    assert!(e.notes.starts_with("</textarea><script>"));
    assert_eq!(e.extra["<b>extra</b>"], "<iframe src=javascript:alert(1)>");
    // Nothing is escaped or rewritten on the way through: it round-trips exactly.
    let journal = apply_import(Journal::new(), preview);
    let again = preview_import(&Journal::new(), &save(&journal), NOW).unwrap();
    assert_eq!(apply_import(Journal::new(), again), journal);
}

#[test]
fn size_is_checked_before_parsing() {
    assert_eq!(check_import_size(IMPORT_MAX_BYTES), Ok(()));
    assert_eq!(
        check_import_size(IMPORT_MAX_BYTES + 1),
        Err(ImportError::TooLarge {
            bytes: IMPORT_MAX_BYTES + 1,
            limit: IMPORT_MAX_BYTES
        })
    );
    // 20 MB of text that would take long to parse (and is not even JSON) is refused by
    // size: the answer is TooLarge, not NotJson.
    let huge = "[".repeat(20 * 1024 * 1024);
    let started = std::time::Instant::now();
    assert_eq!(
        preview_import(&Journal::new(), &huge, NOW),
        Err(ImportError::TooLarge {
            bytes: 20 * 1024 * 1024,
            limit: IMPORT_MAX_BYTES
        })
    );
    eprintln!("refusing 20 MB took {:?}", started.elapsed());
    assert_eq!(
        ImportError::TooLarge {
            bytes: 20 * 1024 * 1024,
            limit: IMPORT_MAX_BYTES
        }
        .to_string(),
        "This file is too big to import (20.0 MB). The limit is 10.0 MB."
    );
}

#[test]
fn too_many_entries_are_refused_within_the_size_cap() {
    // 100,000 minimal entries fit under 10 MB, so the entry cap is what refuses them.
    let one =
        r#"{"id":"i","started":"2024-03-01T21:30","severity":1,"created_ms":0,"updated_ms":0}"#;
    let items = vec![one; 100_000].join(",");
    let raw = envelope(&items);
    assert!(raw.len() as u64 <= IMPORT_MAX_BYTES, "{} bytes", raw.len());
    let error = preview_import(&Journal::new(), &raw, NOW).unwrap_err();
    assert_eq!(
        error,
        ImportError::TooManyEntries {
            count: 100_000,
            limit: IMPORT_MAX_ENTRIES
        }
    );
    assert_eq!(
        error.to_string(),
        "This file has 100,000 entries. The limit is 50,000."
    );
    // At the cap, the file is read; repeated ids are reported, not merged twice.
    let items = vec![one; IMPORT_MAX_ENTRIES].join(",");
    let preview = preview_import(&Journal::new(), &envelope(&items), NOW).unwrap();
    assert_eq!(
        (preview.new_count(), preview.invalid_count()),
        (1, IMPORT_MAX_ENTRIES - 1)
    );
}

#[test]
fn an_import_keeps_this_journals_envelope_keys_and_ignores_the_files() {
    // Regression guard: applying an import rebuilt the journal from its entries alone,
    // dropping the unknown envelope keys a load had kept.
    let aftercare_core::journal::LoadOutcome::Ok(local) =
        aftercare_core::journal::load(&fixture("v1-envelope-extra-keys.json"))
    else {
        panic!("v1-envelope-extra-keys must load")
    };
    let file = r#"{"app":"aftercare","kind":"journal","version":1,"device":"laptop","entries":[
        {"id":"n1","started":"2024-05-11T07:45","severity":2,"created_ms":1,"updated_ms":1}]}"#;
    let preview = preview_import(&local, file, NOW).unwrap();
    let merged = apply_import(local.clone(), preview);
    assert_eq!(merged.len(), 2);
    assert_eq!(merged.extra(), local.extra());
    assert_eq!(merged.extra()["device"], "phone");
}

/// `e` last changed at `updated_ms`.
fn changed_at(
    mut e: aftercare_core::journal::Entry,
    updated_ms: i64,
) -> aftercare_core::journal::Entry {
    e.updated_ms = updated_ms;
    e
}

#[test]
fn a_future_clock_never_replaces_an_entry_by_default() {
    // Regression guard: a copy saved on a device whose clock ran a year ahead had the
    // larger `updated_ms`, so importing it silently replaced the person's own edits.
    let day = IMPORT_FUTURE_SLACK_MS;
    let local = here();
    let file = save(&Journal::from_entries(vec![
        // Changed, a year ahead: held back.
        changed_at(
            with_notes(
                entry("a", "2024-03-01T21:30", 6, &["fatigue"]),
                "from the future",
            ),
            NOW + 365 * day,
        ),
        // Changed, created in the future but updated in the past: held back too (only
        // newer copies are at stake; this one is newer than the local 1,000 ms).
        {
            let mut b = changed_at(
                with_notes(entry("b", "2024-03-02T09:00", 2, &["sleep"]), "odd clock"),
                2_000,
            );
            b.created_ms = NOW + 2 * day;
            b
        },
        // Changed, under a day ahead (time zones, drift): replaces as usual.
        changed_at(
            with_notes(
                entry("c", "2024-03-03T09:00", 2, &["sleep"]),
                "slightly ahead",
            ),
            NOW + day - 1,
        ),
        // New and in the future: added, and flagged.
        changed_at(entry("n", "2024-03-04T09:00", 1, &[]), NOW + 2 * day),
        entry("m", "2024-03-04T10:00", 1, &[]),
    ]));
    let preview = preview_import(&local, &file, NOW).unwrap();
    assert_eq!(
        preview.to_string(),
        "2 new, 3 already here (0 identical, 3 changed), 0 invalid"
    );
    let held: Vec<&str> = preview.held_future.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(held, ["a", "b"]);
    assert_eq!(
        (
            preview.replaces(),
            preview.future_new,
            preview.future_count()
        ),
        (1, 1, 3)
    );
    assert_eq!(
        preview.warnings(),
        [
            "1 of your entries will be replaced by the file's version.",
            "2 entries in the file are dated more than a day in the future (the device that \
             saved them may have had a wrong clock): your versions are kept.",
            "1 new entry is dated more than a day in the future; it will be added as it is.",
        ]
    );

    // By default the local copies of a and b stay; c is replaced; n and m are added.
    let merged = apply_import(local.clone(), preview.clone());
    let id = |s: &str| EntryId::parse(s).unwrap();
    assert_eq!(merged.get(&id("a")), local.get(&id("a")));
    assert_eq!(merged.get(&id("b")), local.get(&id("b")));
    assert_eq!(merged.get(&id("c")).unwrap().notes, "slightly ahead");
    assert_eq!(merged.len(), 5);

    // Only when the person chooses the file's versions do they replace.
    let mut accepted = preview;
    accepted.accept_future();
    assert_eq!((accepted.replaces(), accepted.held_future.len()), (3, 0));
    assert_eq!(
        accepted.warnings()[0],
        "3 of your entries will be replaced by the file's versions."
    );
    let merged = apply_import(local, accepted);
    assert_eq!(merged.get(&id("a")).unwrap().notes, "from the future");
    assert_eq!(merged.get(&id("b")).unwrap().notes, "odd clock");

    // A new entry dated in the future that meanwhile exists here does not replace it when
    // applied either.
    let only_n = save(&Journal::from_entries(vec![changed_at(
        entry("n", "2024-03-04T09:00", 9, &[]),
        NOW + 2 * day,
    )]));
    let preview = preview_import(&Journal::new(), &only_n, NOW).unwrap();
    assert_eq!((preview.new_count(), preview.future_new), (1, 1));
    let mine = Journal::from_entries(vec![entry("n", "2024-03-04T09:00", 1, &[])]);
    assert_eq!(apply_import(mine.clone(), preview), mine);

    // Nothing to warn about: no sentences.
    let plain = preview_import(&Journal::new(), &save(&here()), NOW).unwrap();
    assert!(plain.warnings().is_empty());

    // Dated in the future but identical, or older than the copy here: counted, nothing
    // replaced, nothing to warn about.
    let mut ahead = entry("x", "2024-03-04T09:00", 1, &[]);
    ahead.created_ms = NOW + 2 * day;
    let mut newer_here = ahead.clone();
    newer_here.updated_ms = 9_999;
    let mut older_in_file = ahead.clone();
    older_in_file.id = EntryId::parse("y").unwrap();
    older_in_file.severity = aftercare_core::journal::Severity::new(5).unwrap();
    newer_here.id = EntryId::parse("y").unwrap();
    let mine = Journal::from_entries(vec![ahead.clone(), newer_here]);
    let file = save(&Journal::from_entries(vec![ahead, older_in_file]));
    let preview = preview_import(&mine, &file, NOW).unwrap();
    assert_eq!(
        (
            preview.identical,
            preview.kept_local,
            preview.future_unchanged,
            preview.future_count()
        ),
        (1, 1, 2, 2)
    );
    assert!(preview.warnings().is_empty() && !preview.changes_anything());
}

#[test]
fn imported_unknown_fields_and_durations_are_held_to_the_forms_limits() {
    // Regression guard: an entry carrying a 3 MB field this version does not show (or a
    // 5,000-hour duration the form cannot make) imported into storage unseen.
    let mut huge = entry("huge", "2024-03-01T21:30", 3, &[]);
    huge.extra.insert(
        "invisible".into(),
        serde_json::Value::String("x".repeat(3 * 1024 * 1024)),
    );
    let mut fits = entry("fits", "2024-03-01T21:30", 3, &[]);
    fits.extra.insert(
        "mood".into(),
        serde_json::Value::String("y".repeat(MAX_EXTRA_BYTES - 100)),
    );
    let mut just_over = entry("over", "2024-03-01T21:30", 3, &[]);
    just_over.extra.insert(
        "mood".into(),
        serde_json::Value::String("y".repeat(MAX_EXTRA_BYTES)),
    );
    let long = |amount| {
        with_duration(
            entry("long", "2024-03-01T21:30", 3, &[]),
            EntryDuration::Lasted {
                amount,
                unit: DurationUnit::Hours,
            },
        )
    };
    let mut longest_ok = long(999);
    longest_ok.id = EntryId::parse("999").unwrap();
    let file = save(&Journal::from_entries(vec![
        huge,
        fits,
        just_over,
        long(5_000),
        longest_ok,
    ]));
    assert!(file.len() > 3_000_000 && file.len() as u64 <= IMPORT_MAX_BYTES);
    let started = std::time::Instant::now();
    let preview = preview_import(&Journal::new(), &file, NOW).unwrap();
    eprintln!("preview of a 3 MB file: {:?}", started.elapsed());
    let added: Vec<&str> = preview.to_add.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(added, ["fits", "999"]);
    let reasons = refusals(&preview);
    assert_eq!(
        reasons,
        [
            (
                0,
                "fields this version does not show take 3,145,742 bytes; the limit is 5,000"
            ),
            (
                2,
                "fields this version does not show take 5,009 bytes; the limit is 5,000"
            ),
            (3, "the duration is 5,000 hours; the limit is 999"),
        ]
    );
    assert_eq!(
        preview.to_string(),
        "2 new, 0 already here (0 identical, 0 changed), 3 invalid"
    );
    // Nothing of the refused entries reaches the journal.
    let journal = apply_import(Journal::new(), preview);
    assert!(save(&journal).len() < 20_000);
}

/// The entries a preview refused: (index in the file, reason).
fn refusals(preview: &aftercare_core::journal::ImportPreview) -> Vec<(usize, &str)> {
    preview
        .invalid
        .iter()
        .map(|b| (b.index, b.reason.as_str()))
        .collect()
}

#[test]
fn keep_mine_imports_only_the_new_entries() {
    let local = here();
    let file = save(&Journal::from_entries(vec![
        // Changed and newer: would replace the person's "a".
        changed_at(
            with_notes(
                entry("a", "2024-03-01T21:30", 6, &["fatigue"]),
                "the file's",
            ),
            NOW - 1,
        ),
        // Changed, dated a year ahead: held back.
        changed_at(
            with_notes(entry("b", "2024-03-02T09:00", 2, &["sleep"]), "future"),
            NOW + 365 * IMPORT_FUTURE_SLACK_MS,
        ),
        entry("n", "2024-03-04T09:00", 1, &[]),
    ]));
    let mut preview = preview_import(&local, &file, NOW).unwrap();
    assert_eq!((preview.replaces(), preview.held_future.len()), (1, 1));
    preview.keep_mine();
    assert_eq!((preview.replaces(), preview.held_future.len()), (0, 0));
    assert_eq!(preview.new_count(), 1);
    assert!(preview.changes_anything());
    assert!(preview.warnings().iter().all(|w| !w.contains("replaced")));
    let merged = apply_import(local.clone(), preview);
    let id = |s: &str| EntryId::parse(s).unwrap();
    for kept in ["a", "b"] {
        assert_eq!(merged.get(&id(kept)), local.get(&id(kept)), "{kept} kept");
    }
    assert!(merged.get(&id("n")).is_some());
    assert_eq!(merged.len(), local.len() + 1);
}

#[test]
fn the_preview_names_what_it_replaces_and_why_entries_cannot_come_in() {
    use aftercare_core::journal::{import_reasons, import_replaced};
    use aftercare_core::pages::text_items;
    let j = Journal::from_entries(vec![entry("a", "2024-03-01T21:30", 6, &["fatigue"])]);
    let mut newer_a = with_notes(entry("a", "2024-03-01T21:30", 2, &["fatigue"]), "edited");
    newer_a.updated_ms = 5_000;
    let mut entries = vec![newer_a];
    // 25 entries past the notes' limit: 20 reasons, then how many more.
    for i in 0..25 {
        entries.push(with_notes(
            entry(&format!("x{i}"), "2024-03-05T09:00", 1, &[]),
            &"n".repeat(5_001),
        ));
    }
    let preview = preview_import(&j, &save(&Journal::from_entries(entries)), NOW).unwrap();
    assert_eq!(
        import_replaced(&j, &preview),
        vec!["1 March 2024 at 21:30: Tired or drained".to_owned()]
    );
    let reasons = import_reasons(&preview);
    assert_eq!(reasons.len(), 21);
    assert!(reasons[0].starts_with("Entry 2: "), "{}", reasons[0]);
    assert_eq!(reasons[20], "and 5 more");
    assert_eq!(
        text_items(&["<b>&".to_owned(), "two".to_owned()]),
        "<li>&lt;b&gt;&amp;</li><li>two</li>"
    );
}
