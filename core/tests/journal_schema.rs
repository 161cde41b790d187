//! The stored format: every fixture version loads (kept forever), saving is stable and
//! lossless, damaged storage loads what it can and reports the rest, and a newer version
//! opens read-only.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod journal_support;

use aftercare_core::journal::{
    export_json, load, save, DurationUnit, EntryDuration, Journal, LoadOutcome,
};
use journal_support::{fixture, typical};

/// Loads fixture `name` and checks the outcome's kind, the ids read and the bad indices.
#[track_caller]
fn check(name: &str, kind: &str, ids: &[&str], bad: &[usize]) -> LoadOutcome {
    let outcome = load(&fixture(name));
    let (got_kind, bad_got) = match &outcome {
        LoadOutcome::Ok(_) => ("ok", vec![]),
        LoadOutcome::Migrated { from, bad, .. } => {
            assert_eq!(*from, 0, "{name}");
            ("migrated", bad.iter().map(|b| b.index).collect())
        }
        LoadOutcome::Partial { bad, .. } => ("partial", bad.iter().map(|b| b.index).collect()),
        LoadOutcome::Corrupt { .. } => ("corrupt", vec![]),
        LoadOutcome::FutureVersion { .. } => ("future", vec![]),
    };
    assert_eq!(got_kind, kind, "{name}: {outcome:?}");
    assert_eq!(bad_got, bad, "{name}: bad entries");
    let got_ids: Vec<&str> = outcome
        .journal()
        .map(|j| j.entries().iter().map(|e| e.id.as_str()).collect())
        .unwrap_or_default();
    assert_eq!(got_ids, ids, "{name}: ids");
    outcome
}

#[test]
fn every_fixture() {
    check(
        "v0-legacy.json",
        "migrated",
        &["1709328600000-17", "1709400000000-3", "1709500000000-99"],
        &[],
    );
    check("v0-legacy-bad-entry.json", "migrated", &["a", "c"], &[1]);
    check(
        "v1-basic.json",
        "ok",
        &[
            "e-lt9x3k2a-0000002a",
            "e-lta2b9c0-9f3a11c2",
            "e-ltb5k0zz-00000001",
        ],
        &[],
    );
    check("v1-empty.json", "ok", &[], &[]);
    check("v1-extra-fields.json", "ok", &["x1", "x2"], &[]);
    check(
        "v1-partial.json",
        "partial",
        &["good-1", "good-2"],
        &[1, 2, 3, 4, 5, 6],
    );
    check("v0-legacy-key-collisions.json", "migrated", &["old-1"], &[]);
    check("v1-envelope-extra-keys.json", "ok", &["k1"], &[]);
    check("v1-unreadable.json", "ok", &["u1"], &[]);
    check("v1-version-float.json", "ok", &["f1"], &[]);
    check("v2-future.json", "future", &["f1"], &[]);
    check("v2-future-no-entries.json", "future", &[], &[]);
    check("corrupt-truncated.json", "corrupt", &[], &[]);
    check("not-ours.json", "corrupt", &[], &[]);
    check(
        "hostile.json",
        "ok",
        &[
            "<img src=x onerror=alert(1)>",
            "=HYPERLINK(\"http://evil.example\",\"click\")",
        ],
        &[],
    );
}

#[test]
fn migration_0_to_1_converts_every_field() {
    let outcome = check(
        "v0-legacy.json",
        "migrated",
        &["1709328600000-17", "1709400000000-3", "1709500000000-99"],
        &[],
    );
    assert!(outcome.needs_backup() && outcome.is_writable());
    let j = outcome.journal().unwrap();
    let [a, b, c] = j.entries() else {
        panic!("three entries expected")
    };
    assert_eq!(a.started.to_string(), "2024-03-01T21:30");
    assert_eq!(a.day_after_session(), Some(0));
    assert_eq!(a.symptoms, ["fatigue", "dizzy"]);
    assert_eq!(a.other_symptoms, "heavy legs");
    assert_eq!(a.severity.get(), 6);
    assert_eq!(
        a.duration,
        Some(EntryDuration::Lasted {
            amount: 3,
            unit: DurationUnit::Hours
        })
    );
    assert_eq!(
        (a.created_ms, a.updated_ms),
        (1_709_328_600_000, 1_709_330_400_000)
    );
    assert!(a.extra.is_empty());

    assert_eq!(b.started.to_string(), "2024-03-02T09:15");
    assert_eq!(b.session_date, None);
    assert_eq!(b.symptoms, ["needle-sensation", "sleep"]);
    assert_eq!(b.severity.get(), 2);
    // Unreadable free-text duration and unknown keys are kept, not dropped.
    assert_eq!(b.duration, None);
    assert_eq!(b.extra["legacy_duration"], "most of the evening");
    assert_eq!(b.extra["mood"], "calm");
    assert_eq!(b.extra["severity_note"], "guessed");
    assert_eq!(b.extra["notes_v0_flag"], true);
    // Regression guard: an old key named like a current field was shadowed on save.
    assert_eq!(
        b.extra["legacy_started"],
        "an old field that shares a current name"
    );
    assert!(!b.extra.contains_key("started"));
    assert_eq!(b.updated_ms, b.created_ms);

    assert_eq!(c.symptoms, ["old-taxonomy-slug"]);
    assert_eq!(c.duration, Some(EntryDuration::Ongoing));
    assert_eq!(c.notes, "Line one\nLine two");
    assert_eq!(c.day_after_session(), Some(2));

    // Saved as version 1, it loads back as Ok with nothing lost.
    let saved = save(j);
    assert!(saved.starts_with(r#"{"app":"aftercare","kind":"journal","version":1,"#));
    assert_eq!(load(&saved), LoadOutcome::Ok(j.clone()));
}

#[test]
fn saving_the_v1_fixture_reproduces_it_byte_for_byte() {
    let text = fixture("v1-basic.json");
    let LoadOutcome::Ok(journal) = load(&text) else {
        panic!("v1-basic must load")
    };
    assert_eq!(export_json(&journal, true), text);
    let compact = save(&journal);
    assert!(!compact.contains('\n') || compact.contains("\\n"));
    assert_eq!(load(&compact), LoadOutcome::Ok(journal));
}

#[test]
fn unknown_entry_fields_survive_a_round_trip() {
    let LoadOutcome::Ok(journal) = load(&fixture("v1-extra-fields.json")) else {
        panic!("v1-extra-fields must load")
    };
    let x1 = &journal.entries()[0];
    assert_eq!(x1.symptoms, ["nausea", "a-slug-from-the-future"]);
    assert_eq!(
        x1.extra["mood"],
        serde_json::json!({"score":3,"tags":["tired"]})
    );
    assert_eq!(x1.extra["photo_count"], 2);
    let x2 = &journal.entries()[1];
    assert_eq!((x2.severity.get(), x2.created_ms), (1, 1_715_413_500_000));
    assert_eq!((x2.notes.as_str(), x2.session_date), ("", None));
    let saved = save(&journal);
    assert!(saved.contains(r#""mood":{"score":3,"tags":["tired"]},"photo_count":2"#));
    assert_eq!(load(&saved), LoadOutcome::Ok(journal));
}

#[test]
fn partial_corruption_keeps_good_entries_and_reports_the_rest() {
    let LoadOutcome::Partial { journal, bad } = load(&fixture("v1-partial.json")) else {
        panic!("v1-partial must be partial")
    };
    assert_eq!(journal.len(), 2);
    let reasons: Vec<(usize, &str)> = bad.iter().map(|b| (b.index, b.reason.as_str())).collect();
    assert_eq!(
        reasons,
        [
            (1, "severity is not a whole number from 0 to 10"),
            (2, "id is missing"),
            (3, "symptoms is not a list"),
            (4, "the entry is not a JSON object"),
            (5, "another entry already has the id \"good-1\""),
            (6, "started is not a date and time (YYYY-MM-DDTHH:MM)"),
        ]
    );
    // The raw text of each bad entry is handed back, and carried by the journal, so
    // nothing is lost.
    let raw: Vec<&str> = bad.iter().map(|b| b.raw_json.as_str()).collect();
    assert_eq!(journal.unreadable(), raw);
    assert!(bad[0].raw_json.contains(r#""severity":"six""#));
    assert_eq!(bad[3].raw_json, "42");
    for b in &bad {
        assert!(
            serde_json::from_str::<serde_json::Value>(&b.raw_json).is_ok(),
            "{}",
            b.raw_json
        );
    }
}

#[test]
fn a_newer_version_opens_read_only() {
    let outcome = load(&fixture("v2-future.json"));
    assert!(!outcome.is_writable());
    let LoadOutcome::FutureVersion {
        version,
        journal_if_readable,
        unreadable,
    } = outcome
    else {
        panic!("v2 must be a future version")
    };
    assert_eq!((version, unreadable), (2, 1));
    let journal = journal_if_readable.unwrap();
    assert_eq!(
        journal.entries()[0].extra["intensity_curve"],
        serde_json::json!([1, 3, 2])
    );

    let LoadOutcome::FutureVersion {
        journal_if_readable: None,
        ..
    } = load(&fixture("v2-future-no-entries.json"))
    else {
        panic!("v2 without entries has nothing readable")
    };
}

#[test]
fn damaged_storage_is_corrupt_with_a_reason() {
    for (raw, reason_start) in [
        ("", "not valid JSON"),
        ("   ", "not valid JSON"),
        ("null", "not an Aftercare journal"),
        ("\"text\"", "not an Aftercare journal"),
        ("{}", "not an Aftercare journal"),
        ("[1, 2, 3]", "a list that holds no journal entries"),
        (
            r#"{"app":"aftercare","kind":"journal","entries":[]}"#,
            "the version is missing",
        ),
        (
            r#"{"app":"aftercare","kind":"journal","version":"1","entries":[]}"#,
            "the version is missing",
        ),
        (
            r#"{"app":"aftercare","kind":"journal","version":-1,"entries":[]}"#,
            "the version is missing",
        ),
        (
            r#"{"app":"aftercare","kind":"journal","version":0,"entries":[]}"#,
            "version 0 was never",
        ),
        (
            r#"{"app":"aftercare","kind":"journal","version":1}"#,
            "the entries list is missing",
        ),
        (
            r#"{"app":"aftercare","kind":"journal","version":1,"entries":{}}"#,
            "the entries list is missing",
        ),
        (&"[".repeat(10_000), "not valid JSON"),
    ] {
        let outcome = load(raw);
        let LoadOutcome::Corrupt { reason } = &outcome else {
            panic!("{raw:.40}: {outcome:?}")
        };
        assert!(reason.starts_with(reason_start), "{raw:.40}: {reason}");
        assert!(outcome.needs_backup() && outcome.journal().is_none());
    }
}

#[test]
fn a_byte_order_mark_and_an_empty_legacy_list_load() {
    let text = format!("\u{feff}{}", fixture("v1-empty.json"));
    assert_eq!(load(&text), LoadOutcome::Ok(Journal::new()));
    let LoadOutcome::Migrated { journal, bad, .. } = load("[]") else {
        panic!("an empty list is an empty legacy journal")
    };
    assert!(journal.is_empty() && bad.is_empty());
}

#[test]
fn typical_journals_round_trip() {
    for n in [0, 1, 2, 50] {
        let journal = Journal::from_entries((0..n).map(typical).collect());
        for pretty in [false, true] {
            assert_eq!(
                load(&export_json(&journal, pretty)),
                LoadOutcome::Ok(journal.clone()),
                "{n} entries, pretty {pretty}"
            );
        }
    }
}

#[test]
fn every_character_survives_a_round_trip() {
    // Regression guard for JSON escaping: control characters, quotes, backslashes, the
    // line separators JavaScript once choked on, and astral characters.
    let tricky: String = (0u32..0x80)
        .filter_map(char::from_u32)
        .chain(['\u{2028}', '\u{2029}', '\u{feff}', 'é', '😀', '\u{10ffff}'])
        .collect();
    let mut e = typical(1);
    e.notes.clone_from(&tricky);
    e.other_symptoms.clone_from(&tricky);
    e.extra
        .insert(tricky.clone(), serde_json::Value::String(tricky.clone()));
    let journal = Journal::from_entries(vec![e]);
    assert_eq!(load(&save(&journal)), LoadOutcome::Ok(journal));
}

#[test]
fn migration_never_writes_over_a_legacy_field_the_old_data_had() {
    // Regression guard: the 0 → 1 migration stored a renamed `started` as `legacy_started`
    // and an unreadable duration as `legacy_duration`, overwriting keys of those names the
    // old entry already held.
    let outcome = check("v0-legacy-key-collisions.json", "migrated", &["old-1"], &[]);
    let j = outcome.journal().unwrap();
    let e = &j.entries()[0];
    let extra: Vec<(&str, serde_json::Value)> = e
        .extra
        .iter()
        .map(|(k, v)| (k.as_str(), v.clone()))
        .collect();
    assert_eq!(
        extra,
        [
            (
                "legacy_duration",
                serde_json::json!("a duration an earlier migration kept")
            ),
            ("legacy_duration_2", serde_json::json!("until lunch")),
            (
                "legacy_notes",
                serde_json::json!("notes an even older app kept")
            ),
            (
                "legacy_started",
                serde_json::json!("already here before the migration")
            ),
            ("legacy_started_2", serde_json::json!("also already here")),
            (
                "legacy_started_3",
                serde_json::json!("a v0 key named like a current field")
            ),
            (
                "legacy_symptoms",
                serde_json::json!(["a", "list", "under", "a", "current", "name"])
            ),
        ]
    );
    assert_eq!(e.symptoms, ["soreness"]);
    assert_eq!(e.duration, None);
    // Saved as version 1, everything is still there.
    assert_eq!(load(&save(j)), LoadOutcome::Ok(j.clone()));
}

#[test]
fn unknown_envelope_keys_survive_a_load_and_save() {
    // Regression guard: keys a newer version adds to the envelope beside `entries` were
    // dropped by the first save of an older build.
    let text = fixture("v1-envelope-extra-keys.json");
    let LoadOutcome::Ok(journal) = load(&text) else {
        panic!("v1-envelope-extra-keys must load")
    };
    let keys: Vec<&str> = journal.extra().keys().map(String::as_str).collect();
    assert_eq!(keys, ["device", "sync", "zz_note"]);
    assert_eq!(
        journal.extra()["sync"],
        serde_json::json!({"last_ms": 1_715_327_100_000_i64, "peers": ["laptop"]})
    );
    let saved = save(&journal);
    assert!(
        saved.ends_with(
            r#"],"device":"phone","sync":{"last_ms":1715327100000,"peers":["laptop"]},"zz_note":null}"#
        ),
        "{saved}"
    );
    assert_eq!(load(&saved), LoadOutcome::Ok(journal.clone()));
    let pretty = export_json(&journal, true);
    assert_eq!(load(&pretty), LoadOutcome::Ok(journal.clone()));
    // The envelope's own keys are never written twice, whatever `extra` holds.
    let mut clash = serde_json::Map::new();
    clash.insert("version".into(), serde_json::json!(7));
    clash.insert("entries".into(), serde_json::json!([]));
    let odd = journal.clone().with_extra(clash);
    assert_eq!(
        save(&odd),
        save(&journal.clone().with_extra(serde_json::Map::new()))
    );
}

#[test]
fn a_float_version_equal_to_one_is_version_one_and_nothing_else_is() {
    // Regression guard: `"version": 1.0` (a tool that writes every number as a float) read
    // as "no version", so the whole journal was treated as corrupt.
    let outcome = check("v1-version-float.json", "ok", &["f1"], &[]);
    let saved = save(outcome.journal().unwrap());
    assert!(saved.starts_with(r#"{"app":"aftercare","kind":"journal","version":1,"#));
    let envelope = |version: &str| {
        format!(r#"{{"app":"aftercare","kind":"journal","version":{version},"entries":[]}}"#)
    };
    assert_eq!(load(&envelope("1e0")), LoadOutcome::Ok(Journal::new()));
    // A fraction, text or a negative number never silently becomes 1: the text is kept as
    // corrupt (backed up by the caller), not loaded and saved over as version 1.
    for version in [
        "1.5", "0.9999", "\"1\"", "\"1.0\"", "-1", "-1.0", "true", "null",
    ] {
        let outcome = load(&envelope(version));
        let LoadOutcome::Corrupt { reason } = &outcome else {
            panic!("version {version}: {outcome:?}")
        };
        assert_eq!(
            reason, "the version is missing or not a whole number",
            "{version}"
        );
    }
    // A whole float above the current version is that newer version.
    assert!(matches!(
        load(&envelope("2.0")),
        LoadOutcome::FutureVersion { version: 2, .. }
    ));
}
