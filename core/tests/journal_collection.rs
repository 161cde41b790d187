//! The journal list: add, update, remove and undo; newest-first day groups; filters by
//! symptom, text (case- and accent-insensitive) and date range; chart points and summary.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod journal_support;

use aftercare_core::journal::{
    edited_at, fold, DateRange, EntryId, Filter, Journal, JournalError, LocalDate,
    SUMMARY_MAX_SYMPTOMS, SUMMARY_MAX_UNKNOWN_PER_ENTRY,
};
use journal_support::{entry, with_notes, with_other};

fn id(text: &str) -> EntryId {
    EntryId::parse(text).unwrap()
}

fn date(text: &str) -> LocalDate {
    LocalDate::parse(text).unwrap()
}

/// Five entries over three days, added out of order on purpose.
fn sample() -> Journal {
    Journal::from_entries(vec![
        with_notes(
            entry("b", "2024-03-02T09:00", 2, &["sleep"]),
            "Slept badly, CAFÉ too late",
        ),
        with_other(
            entry("a", "2024-03-01T21:30", 6, &["fatigue", "dizzy"]),
            "Heavy legs",
        ),
        entry("d", "2024-03-03T08:00", 1, &["fatigue"]),
        with_notes(
            entry("c", "2024-03-02T18:45", 4, &["dizzy"]),
            "Naïve question: normal?",
        ),
        entry("e", "2024-03-02T09:00", 8, &["a-future-slug"]),
    ])
}

/// Ids of `filter`'s matches, newest first.
#[track_caller]
fn check(filter: &Filter, expected: &[&str]) {
    let journal = sample();
    let got: Vec<&str> = journal
        .filter(filter)
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(got, expected, "filter {filter:?}");
}

fn text(t: &str) -> Filter {
    Filter {
        text: t.to_owned(),
        ..Filter::default()
    }
}

#[test]
fn filters() {
    check(&Filter::default(), &["d", "c", "e", "b", "a"]);
    check(&text("   "), &["d", "c", "e", "b", "a"]);
    check(&text("cafe"), &["b"]);
    check(&text("Café"), &["b"]);
    check(&text("CAFE TOO"), &["b"]);
    check(&text("naive"), &["c"]);
    check(&text("NAÏVE"), &["c"]);
    check(&text("heavy legs"), &["a"]);
    check(&text("legs heavy"), &[]);
    check(&text("zzz"), &[]);
    let symptom = |s: &str| Filter {
        symptom: Some(s.to_owned()),
        ..Filter::default()
    };
    check(&symptom("fatigue"), &["d", "a"]);
    check(&symptom("dizzy"), &["c", "a"]);
    check(&symptom("a-future-slug"), &["e"]);
    check(&symptom("fat"), &[]);
    let range = |a: &str, b: &str| Filter {
        range: Some(DateRange::new(date(a), date(b))),
        ..Filter::default()
    };
    check(&range("2024-03-02", "2024-03-02"), &["c", "e", "b"]);
    check(
        &range("2024-03-03", "2024-03-01"),
        &["d", "c", "e", "b", "a"],
    );
    check(&range("2024-04-01", "2024-04-30"), &[]);
    check(
        &Filter {
            symptom: Some("dizzy".into()),
            text: "normal".into(),
            range: Some(DateRange::new(date("2024-03-02"), date("2024-03-03"))),
        },
        &["c"],
    );
}

#[test]
fn folding() {
    for (input, folded) in [
        ("Café", "cafe"),
        ("ÀÉÎÕÜ ÇÑ", "aeiou cn"),
        ("Straße", "strasse"),
        ("Œuvre Æsir", "oeuvre aesir"),
        ("Łódź Đakovo", "lodz dakovo"),
        // "e" + combining acute accent, as some keyboards type it.
        ("Cafe\u{301}", "cafe"),
        ("ΣΊΣΥΦΟΣ", "σίσυφοσ"),
        ("ΆΈΉΌΎΏ", "άέήόύώ"),
        ("ПРИВЕТ Ёж", "привет ёж"),
        ("3 × 4 ÷ 2", "3 × 4 ÷ 2"),
        ("<script>", "<script>"),
    ] {
        assert_eq!(fold(input), folded, "{input:?}");
    }
}

#[test]
fn groups_newest_first_by_day() {
    let journal = sample();
    let groups: Vec<(String, Vec<&str>)> = journal
        .groups()
        .into_iter()
        .map(|g| {
            (
                g.date.to_string(),
                g.entries.iter().map(|e| e.id.as_str()).collect(),
            )
        })
        .collect();
    // Same start time ("b" and "e"): the later id first, so the order never flickers.
    assert_eq!(
        groups,
        [
            ("2024-03-03".to_owned(), vec!["d"]),
            ("2024-03-02".to_owned(), vec!["c", "e", "b"]),
            ("2024-03-01".to_owned(), vec!["a"]),
        ]
    );
    assert!(Journal::new().groups().is_empty());
}

#[test]
fn add_update_remove_restore() {
    let mut journal = sample();
    assert_eq!(
        journal.add(entry("a", "2024-05-01T10:00", 1, &[])),
        Err(JournalError::DuplicateId(id("a")))
    );
    assert_eq!(journal.len(), 5);
    journal.add(entry("f", "2024-05-01T10:00", 1, &[])).unwrap();
    assert_eq!(journal.len(), 6);

    // Update keeps the creation time and stored extra fields, and bumps the update time.
    let mut stored = journal.get(&id("a")).unwrap().clone();
    stored
        .extra
        .insert("mood".into(), serde_json::json!("calm"));
    journal.remove(&id("a")).unwrap();
    journal.add(stored).unwrap();
    let mut edited = entry("a", "2024-03-01T21:35", 7, &["fatigue"]);
    edited.created_ms = 555;
    journal.update(edited, 9_000).unwrap();
    let a = journal.get(&id("a")).unwrap();
    assert_eq!(
        (a.severity.get(), a.created_ms, a.updated_ms),
        (7, 1_000, 9_000)
    );
    assert_eq!(a.extra.get("mood"), Some(&serde_json::json!("calm")));
    assert_eq!(
        journal.update(entry("zz", "2024-03-01T21:35", 7, &[]), 9_000),
        Err(JournalError::NotFound(id("zz")))
    );

    // Remove then undo puts the entry back in its place.
    let before = journal.clone();
    let removed = journal.remove(&id("d")).unwrap();
    assert_eq!(removed.index, 1);
    assert_eq!(journal.get(&id("d")), None);
    assert_eq!(journal.remove(&id("d")), None);
    journal.restore(removed.clone()).unwrap();
    assert_eq!(journal, before);
    // Undo after the id was reused is refused and changes nothing.
    assert_eq!(
        journal.restore(removed),
        Err(JournalError::DuplicateId(id("d")))
    );
    assert_eq!(journal, before);
    // Undo after the journal shrank puts the entry at the end.
    let removed = journal.remove(&id("f")).unwrap();
    for i in ["b", "c", "e"] {
        journal.remove(&id(i)).unwrap();
    }
    journal.restore(removed).unwrap();
    assert_eq!(journal.entries().last().unwrap().id, id("f"));
}

#[test]
fn an_edit_never_goes_back_in_time() {
    // Regression guard: an edit on a device whose clock is behind stamped the entry with
    // an update time earlier than the stored one, so re-importing the older copy from a
    // backup would have "won" and undone the edit.
    let mut stored = entry("a", "2024-03-01T21:30", 6, &["fatigue"]);
    stored.updated_ms = 10_000;
    let mut journal = Journal::from_entries(vec![stored]);
    journal
        .update(entry("a", "2024-03-01T21:30", 7, &["fatigue"]), 5_000)
        .unwrap();
    let a = journal.get(&id("a")).unwrap();
    assert_eq!((a.severity.get(), a.updated_ms), (7, 10_001));
    // A second edit with the clock still behind moves on again.
    journal
        .update(entry("a", "2024-03-01T21:30", 8, &["fatigue"]), 5_001)
        .unwrap();
    assert_eq!(journal.get(&id("a")).unwrap().updated_ms, 10_002);
    // The same millisecond as the stored time still moves forward; a later clock wins.
    journal
        .update(entry("a", "2024-03-01T21:30", 8, &[]), 10_002)
        .unwrap();
    assert_eq!(journal.get(&id("a")).unwrap().updated_ms, 10_003);
    journal
        .update(entry("a", "2024-03-01T21:30", 8, &[]), 20_000)
        .unwrap();
    assert_eq!(journal.get(&id("a")).unwrap().updated_ms, 20_000);

    for (old, now, expected) in [
        (10_000, 5_000, 10_001),
        (10_000, 10_000, 10_001),
        (10_000, 10_001, 10_001),
        (10_000, 99_999, 99_999),
        (i64::MAX, 0, i64::MAX),
        (-5, -10, -4),
    ] {
        assert_eq!(edited_at(old, now), expected, "old {old}, now {now}");
    }
}

#[test]
fn range_chart_and_summary() {
    let journal = sample();
    let range = DateRange::new(date("2024-03-01"), date("2024-03-02"));
    let ids: Vec<&str> = journal
        .in_range(range)
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(ids, ["a", "b", "e", "c"]);

    let points: Vec<(String, u8)> = journal
        .severity_points(None)
        .iter()
        .map(|p| (p.at.to_string(), p.severity))
        .collect();
    assert_eq!(
        points,
        [
            ("2024-03-01T21:30".to_owned(), 6),
            ("2024-03-02T09:00".to_owned(), 2),
            ("2024-03-02T09:00".to_owned(), 8),
            ("2024-03-02T18:45".to_owned(), 4),
            ("2024-03-03T08:00".to_owned(), 1),
        ]
    );
    assert_eq!(journal.severity_points(Some(range)).len(), 4);

    let s = journal.summary(None);
    assert_eq!(s.entries, 5);
    assert_eq!(s.days_with_entries, 3);
    assert_eq!(s.first.unwrap().to_string(), "2024-03-01T21:30");
    assert_eq!(s.last.unwrap().to_string(), "2024-03-03T08:00");
    assert_eq!((s.min_severity, s.max_severity), (Some(1), Some(8)));
    assert_eq!(s.mean_severity, Some(4.2));
    let counts: Vec<(&str, usize)> = s
        .symptom_counts
        .iter()
        .map(|(slug, n)| (slug.as_str(), *n))
        .collect();
    assert_eq!(
        counts,
        [
            ("dizzy", 2),
            ("fatigue", 2),
            ("a-future-slug", 1),
            ("sleep", 1)
        ]
    );
    let empty = journal.summary(Some(DateRange::new(date("2025-01-01"), date("2025-01-02"))));
    assert_eq!(
        (empty.entries, empty.first, empty.mean_severity),
        (0, None, None)
    );
}

#[test]
fn summary_caps_unknown_slugs_per_entry_and_in_its_list() {
    // Regression guard: the summary searched its list of counts once per slug, so a
    // journal with many distinct unknown slugs took quadratic time (minutes for 320,000).
    assert_eq!(
        (SUMMARY_MAX_UNKNOWN_PER_ENTRY, SUMMARY_MAX_SYMPTOMS),
        (64, 100)
    );
    // One entry stored elsewhere with 70 unknown slugs, then a known one: the first 64
    // unknown ones and the known one are counted; the entry itself keeps all 71.
    let mut slugs: Vec<String> = (0..70).map(|i| format!("new-{i:02}")).collect();
    slugs.push("fatigue".to_owned());
    let mut many = entry("many", "2024-03-01T10:00", 3, &[]);
    many.symptoms.clone_from(&slugs);
    let journal = Journal::from_entries(vec![
        many,
        entry("b", "2024-03-02T10:00", 3, &["fatigue", "new-00"]),
    ]);
    let s = journal.summary(None);
    assert_eq!(journal.entries()[0].symptoms.len(), 71);
    assert_eq!(s.symptoms_not_listed, 0);
    assert_eq!(s.symptom_counts.len(), 65);
    assert_eq!(s.symptom_counts[0], ("fatigue".to_owned(), 2));
    assert_eq!(s.symptom_counts[1], ("new-00".to_owned(), 2));
    assert_eq!(s.symptom_counts[2], ("new-01".to_owned(), 1));
    assert_eq!(s.symptom_counts[64], ("new-63".to_owned(), 1));
    assert!(!s.symptom_counts.iter().any(|(slug, _)| slug == "new-64"));

    // 150 entries with 3 distinct unknown slugs each: 450 distinct, the 100 most frequent
    // (then by slug) listed, the other 350 counted as not listed.
    let entries = (0..150)
        .map(|i| {
            let mut e = entry(&format!("e{i}"), "2024-03-01T10:00", 1, &[]);
            e.symptoms = (0..3).map(|k| format!("s{:03}", i * 3 + k)).collect();
            if i < 5 {
                e.symptoms.push("common".to_owned());
            }
            e
        })
        .collect();
    let s = Journal::from_entries(entries).summary(None);
    assert_eq!((s.symptom_counts.len(), s.symptoms_not_listed), (100, 351));
    assert_eq!(s.symptom_counts[0], ("common".to_owned(), 5));
    assert_eq!(s.symptom_counts[1], ("s000".to_owned(), 1));
    assert_eq!(s.symptom_counts[99], ("s098".to_owned(), 1));
}
