//! Entries the journal could not read travel with it (issue #12): a load with damaged
//! entries carries their text, saving and exporting write it back in the `unreadable`
//! list, edits never touch it, an import counts the list as entries it cannot read, and the
//! notes after an export say where those entries are.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod journal_support;

use aftercare_core::journal::{
    apply_import, export_csv_note, export_json, export_note, load, preview_import, save,
    ImportError, Journal, LoadOutcome, IMPORT_MAX_ENTRIES,
};
use journal_support::{entry, fixture, with_notes};
use serde_json::{json, Value};

/// The clock of every preview here: 1 January 2025, after every fixture's times.
const NOW: i64 = 1_735_689_600_000;

/// `text` parsed as JSON.
#[track_caller]
fn parse(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

/// Each unreadable entry of `journal`, parsed.
fn unreadable_values(journal: &Journal) -> Vec<Value> {
    journal.unreadable().iter().map(|raw| parse(raw)).collect()
}

/// The `unreadable` list of a stored or exported text, if it has one.
#[track_caller]
fn stored_list(text: &str) -> Option<Vec<Value>> {
    parse(text)
        .get("unreadable")
        .map(|list| list.as_array().expect("a list").clone())
}

/// The fixture with damaged entries, loaded: its journal and its bad entries' text.
fn partial() -> (Journal, Vec<String>) {
    let LoadOutcome::Partial { journal, bad } = load(&fixture("v1-partial.json")) else {
        panic!("v1-partial must be partial")
    };
    (journal, bad.into_iter().map(|b| b.raw_json).collect())
}

#[test]
fn a_partial_load_carries_the_text_of_every_entry_it_could_not_read() {
    let (journal, raw) = partial();
    assert_eq!(journal.len(), 2);
    assert_eq!(raw.len(), 6);
    assert_eq!(journal.unreadable(), raw.as_slice());
    // The items of the stored list, as JSON values, are the file's bad entries (the repeat
    // of an id is written as it was read).
    let file = parse(&fixture("v1-partial.json"));
    let items = file["entries"].as_array().unwrap();
    let values = unreadable_values(&journal);
    assert_eq!(values[..4], items[1..5]);
    assert_eq!(values[5], items[6]);
    // The repeat of an id (file index 5) is written as it was read.
    assert_eq!(values[4]["id"], "good-1");
    assert_eq!(values[4]["started"], "2024-03-02T09:00");
}

#[test]
fn a_migration_carries_the_entries_it_could_not_convert() {
    let LoadOutcome::Migrated { journal, bad, .. } = load(&fixture("v0-legacy-bad-entry.json"))
    else {
        panic!("v0-legacy-bad-entry must migrate")
    };
    assert_eq!(bad.len(), 1);
    assert_eq!(journal.unreadable(), [bad[0].raw_json.clone()]);
    // Saved as version 1, the unconverted entry is kept and the next load is Ok.
    let saved = save(&journal);
    assert_eq!(stored_list(&saved), Some(vec![parse(&bad[0].raw_json)]));
    assert_eq!(load(&saved), LoadOutcome::Ok(journal));
}

#[test]
fn saved_unreadable_entries_round_trip_as_the_same_json() {
    let (journal, raw) = partial();
    for text in [save(&journal), export_json(&journal, true)] {
        let list = stored_list(&text).expect("an unreadable list");
        let want: Vec<Value> = raw.iter().map(|r| parse(r)).collect();
        assert_eq!(list, want);
        // Known and kept: the next load is Ok (no new backup), with the same journal.
        assert_eq!(load(&text), LoadOutcome::Ok(journal.clone()));
    }
    // Saving what was loaded from a save gives the same text again.
    let saved = save(&journal);
    let LoadOutcome::Ok(again) = load(&saved) else {
        panic!("a saved journal loads Ok")
    };
    assert_eq!(save(&again), saved);
}

#[test]
fn a_version_1_text_with_an_unreadable_list_loads_ok_with_them_carried() {
    // What an older build writes back too: it keeps `unreadable` as an unknown key, after
    // `entries`, so both builds read each other's journals.
    let text = fixture("v1-unreadable.json");
    let LoadOutcome::Ok(journal) = load(&text) else {
        panic!("v1-unreadable must load Ok")
    };
    assert_eq!(journal.len(), 1);
    let file = parse(&text);
    assert_eq!(
        unreadable_values(&journal),
        *file["unreadable"].as_array().unwrap()
    );
    assert_eq!(journal.unreadable()[1], "42");
    // Not also an unknown key: it would be written twice.
    let keys: Vec<&str> = journal.extra().keys().map(String::as_str).collect();
    assert_eq!(keys, ["device"]);
    let saved = save(&journal);
    assert_eq!(saved.matches("\"unreadable\"").count(), 1, "{saved}");
    assert!(
        saved.contains(r#"],"unreadable":[{"#) && saved.ends_with(r#"],"device":"phone"}"#),
        "{saved}"
    );
    assert_eq!(parse(&saved)["unreadable"], file["unreadable"]);
    assert_eq!(load(&saved), LoadOutcome::Ok(journal));
}

#[test]
fn removing_an_entry_from_a_partial_journal_keeps_the_unreadable_ones() {
    // The case a full store forces: no room for a backup copy, and the person deletes an
    // entry to make room. The save must still hold what could not be read.
    let (mut journal, raw) = partial();
    let id = journal.entries()[0].id.clone();
    let removed = journal.remove(&id).unwrap();
    let saved = save(&journal);
    let list = stored_list(&saved).expect("an unreadable list");
    assert_eq!(list, raw.iter().map(|r| parse(r)).collect::<Vec<_>>());
    for r in &raw {
        assert!(saved.contains(r.as_str()), "{r} in {saved}");
    }
    let LoadOutcome::Ok(loaded) = load(&saved) else {
        panic!("saved after a delete, the journal loads Ok")
    };
    assert_eq!((loaded.len(), loaded.unreadable()), (1, raw.as_slice()));
    // Undo, add and edit leave them alone too.
    journal.restore(removed).unwrap();
    journal
        .add(entry("new", "2024-03-05T10:00", 2, &["sleep"]))
        .unwrap();
    let edited = with_notes(entry("new", "2024-03-05T10:00", 3, &["sleep"]), "worse");
    journal.update(edited, NOW).unwrap();
    assert_eq!(journal.unreadable(), raw.as_slice());
}

#[test]
fn export_json_holds_them_after_the_entries() {
    let (journal, raw) = partial();
    let journal = journal.with_extra(serde_json::Map::from_iter([(
        "device".to_owned(),
        json!("phone"),
    )]));
    let compact = export_json(&journal, false);
    let entries_end = compact.find(r#"],"unreadable":["#).expect("after entries");
    let extra_at = compact.find(r#""device""#).unwrap();
    assert!(entries_end < extra_at, "{compact}");
    let pretty = export_json(&journal, true);
    assert!(
        pretty.contains("\n  ],\n  \"unreadable\": [\n    {\"created_ms\":1709330400000,\"id\":\"bad-severity\""),
        "{pretty}"
    );
    // One compact line per entry that could not be read.
    assert!(pretty.contains("\n    42,\n"), "{pretty}");
    for text in [&compact, &pretty] {
        let list = stored_list(text).unwrap();
        assert_eq!(list.len(), raw.len());
    }
    // With nothing unreadable there is no list.
    assert_eq!(stored_list(&export_json(&Journal::new(), true)), None);
}

#[test]
fn an_import_of_such_an_export_counts_them_and_imports_only_the_good_ones() {
    let (journal, _) = partial();
    for pretty in [false, true] {
        let file = export_json(&journal, pretty);
        let preview = preview_import(&Journal::new(), &file, NOW).unwrap();
        assert_eq!(
            preview.to_string(),
            "2 new, 0 already here (0 identical, 0 changed), 6 invalid"
        );
        assert_eq!(preview.unreadable_in_file, 6);
        assert_eq!(
            preview.warnings(),
            ["6 entries in this file could not be read; they will not be imported."]
        );
        // Numbered on from the file's 2 entries, with a reason a person can read.
        let listed: Vec<(usize, &str)> = preview
            .invalid
            .iter()
            .map(|b| (b.index, b.reason.as_str()))
            .collect();
        assert_eq!(
            listed[0],
            (2, "this entry could not be read when the file was saved")
        );
        assert_eq!(listed[5].0, 7);
        assert_eq!(parse(&preview.invalid[3].raw_json), json!(42));
        let merged = apply_import(Journal::new(), preview);
        assert_eq!(merged.entries(), journal.entries());
        assert!(merged.unreadable().is_empty());
    }
    // Into the journal it came from: nothing new, and its own list stays as it was.
    let file = export_json(&journal, false);
    let preview = preview_import(&journal, &file, NOW).unwrap();
    assert_eq!((preview.identical, preview.new_count()), (2, 0));
    let merged = apply_import(journal.clone(), preview);
    assert_eq!(merged, journal);
}

#[test]
fn an_import_file_with_one_unreadable_entry_says_it_in_the_singular() {
    let mut file = parse(&fixture("v1-unreadable.json"));
    file["unreadable"].as_array_mut().unwrap().truncate(1);
    let preview = preview_import(&Journal::new(), &file.to_string(), NOW).unwrap();
    assert_eq!(
        (preview.new_count(), preview.invalid_count()),
        (1, preview.unreadable_in_file)
    );
    assert_eq!(
        preview.warnings(),
        ["1 entry in this file could not be read; it will not be imported."]
    );
}

#[test]
fn the_entry_cap_counts_the_unreadable_list() {
    let entry =
        r#"{"id":"i","started":"2024-03-01T21:30","severity":1,"created_ms":0,"updated_ms":0}"#;
    let list = vec!["0"; IMPORT_MAX_ENTRIES].join(",");
    let raw = format!(
        r#"{{"app":"aftercare","kind":"journal","version":1,"entries":[{entry}],"unreadable":[{list}]}}"#
    );
    assert_eq!(
        preview_import(&Journal::new(), &raw, NOW),
        Err(ImportError::TooManyEntries {
            count: IMPORT_MAX_ENTRIES + 1,
            limit: IMPORT_MAX_ENTRIES
        })
    );
}

#[test]
fn an_unreadable_value_that_is_not_a_list_is_an_unknown_key() {
    let text =
        r#"{"app":"aftercare","kind":"journal","version":1,"entries":[],"unreadable":{"n":1}}"#;
    let LoadOutcome::Ok(journal) = load(text) else {
        panic!("an odd unreadable value is only an unknown key")
    };
    assert!(journal.unreadable().is_empty());
    assert_eq!(journal.extra()["unreadable"], json!({"n": 1}));
    assert_eq!(save(&journal), text);

    // With entries that cannot be read as well, the list takes the name and the odd value
    // moves to the next free one: both are kept.
    let text = r#"{"app":"aftercare","kind":"journal","version":1,"entries":[7],"unreadable":"note","unreadable_2":0}"#;
    let LoadOutcome::Partial { journal, bad } = load(text) else {
        panic!("an entry that is a number is unreadable")
    };
    assert_eq!(
        (bad.len(), journal.unreadable()),
        (1, ["7".to_owned()].as_slice())
    );
    let keys: Vec<&str> = journal.extra().keys().map(String::as_str).collect();
    assert_eq!(keys, ["unreadable_2", "unreadable_3"]);
    assert_eq!(journal.extra()["unreadable_3"], "note");
    let saved = save(&journal);
    assert_eq!(
        parse(&saved),
        json!({"app":"aftercare","kind":"journal","version":1,"entries":[],
               "unreadable":[7],"unreadable_2":0,"unreadable_3":"note"})
    );
    assert_eq!(load(&saved), LoadOutcome::Ok(journal));
}

#[test]
fn a_newer_versions_unreadable_key_is_left_as_it_is() {
    // What `unreadable` means in a later version is not known here: it stays an unknown
    // key of the read-only journal.
    let text = r#"{"app":"aftercare","kind":"journal","version":2,"entries":[],"unreadable":[1]}"#;
    let LoadOutcome::FutureVersion {
        journal_if_readable: Some(journal),
        ..
    } = load(text)
    else {
        panic!("version 2 opens read-only")
    };
    assert!(journal.unreadable().is_empty());
    assert_eq!(journal.extra()["unreadable"], json!([1]));
}

#[test]
fn with_unreadable_never_lets_a_save_write_broken_json() {
    let journal = Journal::new().with_unreadable(vec![
        "{ \"a\" : [1, 2] }".to_owned(),
        "not json {".to_owned(),
        "\"text\"".to_owned(),
    ]);
    assert_eq!(
        journal.unreadable(),
        [r#"{"a":[1,2]}"#, r#""not json {""#, r#""text""#]
    );
    let saved = save(&journal);
    assert_eq!(
        stored_list(&saved),
        Some(vec![
            json!({"a": [1, 2]}),
            json!("not json {"),
            json!("text")
        ])
    );
    assert_eq!(load(&saved), LoadOutcome::Ok(journal));
}

#[test]
fn the_notes_after_an_export() {
    #[track_caller]
    fn check(n: usize, json: Option<&str>, csv: Option<&str>) {
        let journal = Journal::new().with_unreadable(vec!["0".to_owned(); n]);
        assert_eq!(export_note(&journal).as_deref(), json, "{n}");
        assert_eq!(export_csv_note(&journal).as_deref(), csv, "{n}");
    }
    check(0, None, None);
    check(
        1,
        Some("1 entry this version of Aftercare could not read is in the file as it was stored."),
        Some(
            "1 entry this version of Aftercare could not read is not in the CSV file; export \
             as JSON to keep it.",
        ),
    );
    check(
        2,
        Some(
            "2 entries this version of Aftercare could not read are in the file as they were \
             stored.",
        ),
        Some(
            "2 entries this version of Aftercare could not read are not in the CSV file; \
             export as JSON to keep them.",
        ),
    );
    check(
        1234,
        Some(
            "1,234 entries this version of Aftercare could not read are in the file as they \
             were stored.",
        ),
        Some(
            "1,234 entries this version of Aftercare could not read are not in the CSV file; \
             export as JSON to keep them.",
        ),
    );
    // A journal whose entries all loaded has nothing to say.
    let LoadOutcome::Ok(journal) = load(&fixture("v1-basic.json")) else {
        panic!("v1-basic must load")
    };
    assert_eq!(
        (export_note(&journal), export_csv_note(&journal)),
        (None, None)
    );
}
