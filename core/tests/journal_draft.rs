//! The entry form's validation: each faulty field gets its own plain-English message, good
//! drafts become entries, and editing round-trips through the form unchanged.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use aftercare_core::journal::{
    ms_from_js, DurationUnit, EntryDraft, EntryDuration, EntryId, Field, FieldError,
};

const NOW: i64 = 1_709_328_600_000;

/// A draft that validates: every case below changes one thing.
fn good() -> EntryDraft {
    EntryDraft {
        started: "2024-03-01T21:30".into(),
        session_date: "2024-03-01".into(),
        symptoms: vec!["fatigue".into(), "dizzy".into()],
        other_symptoms: "heavy legs".into(),
        severity: "6".into(),
        duration_amount: "3".into(),
        duration_unit: "hours".into(),
        notes: "Went to bed early.".into(),
    }
}

/// Validates `draft` and compares the (field, message) pairs with `expected`; empty means
/// the draft must validate.
#[track_caller]
fn check(draft: &EntryDraft, expected: &[(Field, &str)]) {
    let result = draft.validate(EntryId::new(NOW, 7), NOW);
    let got: Vec<(Field, String)> = match result {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .into_iter()
            .map(|FieldError { field, message }| (field, message))
            .collect(),
    };
    let expected: Vec<(Field, String)> = expected
        .iter()
        .map(|(f, m)| (*f, (*m).to_owned()))
        .collect();
    assert_eq!(got, expected, "draft {draft:?}");
}

/// One case: a change to the good draft, and the errors it must produce.
type Case = (fn(&mut EntryDraft), Vec<(Field, &'static str)>);

/// Applies each case's change to [`good`] and checks the messages.
#[track_caller]
fn run(cases: Vec<Case>) {
    for (change, expected) in cases {
        let mut draft = good();
        change(&mut draft);
        check(&draft, &expected);
    }
}

#[test]
fn started_and_session_messages() {
    run(vec![
        (|_| {}, vec![]),
        (
            |d| d.started.clear(),
            vec![(Field::Started, "Enter when it started")],
        ),
        (
            |d| d.started = "2024-02-30T10:00".into(),
            vec![(Field::Started, "Start time is not a valid date and time")],
        ),
        (
            |d| d.started = "yesterday".into(),
            vec![(Field::Started, "Start time is not a valid date and time")],
        ),
        (|d| d.session_date.clear(), vec![]),
        (
            |d| d.session_date = "2024-13-01".into(),
            vec![(Field::SessionDate, "Session date is not a valid date")],
        ),
    ]);
}

#[test]
fn symptoms_messages() {
    run(vec![
        (|d| d.symptoms.clear(), vec![]),
        (
            |d| {
                d.symptoms.clear();
                d.other_symptoms = "   ".into();
            },
            vec![(
                Field::Symptoms,
                "Choose at least one symptom, or describe it in your own words",
            )],
        ),
        (
            |d| d.symptoms.push("Fatigue!".into()),
            vec![(
                Field::Symptoms,
                "One of the chosen symptoms is not recognised. Untick it and try again",
            )],
        ),
        (
            |d| d.symptoms = (0..65).map(|i| format!("s{i}")).collect(),
            vec![(Field::Symptoms, "Choose 64 symptoms or fewer")],
        ),
    ]);
}

#[test]
fn severity_messages() {
    run(vec![
        (|d| d.severity = "0".into(), vec![]),
        (|d| d.severity = " 10 ".into(), vec![]),
        (
            |d| d.severity.clear(),
            vec![(Field::Severity, "Choose how bad it is, from 0 to 10")],
        ),
        (
            |d| d.severity = "11".into(),
            vec![(
                Field::Severity,
                "Severity must be a whole number from 0 to 10",
            )],
        ),
        (
            |d| d.severity = "-1".into(),
            vec![(
                Field::Severity,
                "Severity must be a whole number from 0 to 10",
            )],
        ),
        (
            |d| d.severity = "5.5".into(),
            vec![(
                Field::Severity,
                "Severity must be a whole number from 0 to 10",
            )],
        ),
        (
            |d| d.severity = "bad".into(),
            vec![(
                Field::Severity,
                "Severity must be a whole number from 0 to 10",
            )],
        ),
    ]);
}

#[test]
fn duration_messages() {
    run(vec![
        (
            |d| {
                d.duration_amount.clear();
                d.duration_unit.clear();
            },
            vec![],
        ),
        (
            |d| {
                d.duration_amount.clear();
                d.duration_unit = "ongoing".into();
            },
            vec![],
        ),
        (
            |d| d.duration_unit.clear(),
            vec![(
                Field::Duration,
                "Choose minutes, hours or days, or say it is still going on",
            )],
        ),
        (
            |d| d.duration_unit = "weeks".into(),
            vec![(
                Field::Duration,
                "Choose minutes, hours or days, or say it is still going on",
            )],
        ),
        (
            |d| d.duration_amount.clear(),
            vec![(
                Field::Duration,
                "Enter how long it lasted, as a whole number",
            )],
        ),
        (
            |d| d.duration_amount = "1000".into(),
            vec![(
                Field::Duration,
                "How long it lasted must be a whole number from 0 to 999",
            )],
        ),
        (
            |d| d.duration_amount = "two".into(),
            vec![(
                Field::Duration,
                "How long it lasted must be a whole number from 0 to 999",
            )],
        ),
    ]);
}

#[test]
fn text_limits_messages() {
    run(vec![
        (
            |d| d.other_symptoms = "x".repeat(201),
            vec![(
                Field::OtherSymptoms,
                "Other symptoms must be 200 characters or fewer (now 201)",
            )],
        ),
        (|d| d.other_symptoms = "é".repeat(200), vec![]),
        (|d| d.notes = "n".repeat(5_000), vec![]),
        (
            |d| d.notes = "n".repeat(5_312),
            vec![(
                Field::Notes,
                "Notes must be 5,000 characters or fewer (now 5,312)",
            )],
        ),
        // Trimmed before counting: spaces around a full note are not held against it.
        (|d| d.notes = format!("  {}  \n", "n".repeat(5_000)), vec![]),
    ]);
}

#[test]
fn everything_messages() {
    run(vec![(
        |d| *d = EntryDraft::default(),
        vec![
            (Field::Started, "Enter when it started"),
            (
                Field::Symptoms,
                "Choose at least one symptom, or describe it in your own words",
            ),
            (Field::Severity, "Choose how bad it is, from 0 to 10"),
        ],
    )]);
}

#[test]
fn a_good_draft_becomes_an_entry() {
    let mut draft = good();
    draft.symptoms = vec![" fatigue".into(), "dizzy".into(), "fatigue".into()];
    draft.notes = "  Went to bed early.\n".into();
    let e = draft.validate(EntryId::new(NOW, 7), NOW).unwrap();
    assert_eq!(e.id.as_str(), "e-lt9644w0-00000007");
    assert_eq!(e.started.to_string(), "2024-03-01T21:30");
    assert_eq!(e.day_after_session(), Some(0));
    assert_eq!(e.symptoms, ["fatigue", "dizzy"]);
    assert_eq!(e.notes, "Went to bed early.");
    assert_eq!(e.severity.get(), 6);
    assert_eq!(
        e.duration,
        Some(EntryDuration::Lasted {
            amount: 3,
            unit: DurationUnit::Hours
        })
    );
    assert_eq!((e.created_ms, e.updated_ms), (NOW, NOW));
    assert!(e.extra.is_empty());
}

#[test]
fn unknown_but_well_formed_slugs_are_kept() {
    let mut draft = good();
    draft.symptoms = vec!["a-symptom-from-a-newer-taxonomy".into()];
    let e = draft.validate(EntryId::new(NOW, 1), NOW).unwrap();
    assert_eq!(e.symptoms, ["a-symptom-from-a-newer-taxonomy"]);
}

#[test]
fn editing_round_trips_through_the_form() {
    for (amount, unit) in [("3", "hours"), ("", "ongoing"), ("", ""), ("0", "minutes")] {
        let mut draft = good();
        draft.duration_amount = amount.into();
        draft.duration_unit = unit.into();
        let e = draft.validate(EntryId::new(NOW, 1), NOW).unwrap();
        let again = EntryDraft::from_entry(&e);
        assert_eq!(again, draft, "{amount} {unit}");
        assert_eq!(again.validate(e.id.clone(), NOW).unwrap(), e);
    }
}

#[test]
fn clock_values_from_javascript() {
    for (js, ms) in [
        (1_709_328_600_000.0, 1_709_328_600_000),
        (1_709_328_600_000.9, 1_709_328_600_000),
        (-0.5, 0),
        (f64::NAN, 0),
        (f64::INFINITY, i64::MAX),
        (f64::NEG_INFINITY, i64::MIN),
    ] {
        assert_eq!(ms_from_js(js), ms, "{js}");
    }
}

#[test]
fn ids_are_deterministic_and_distinct() {
    assert_eq!(EntryId::new(NOW, 1), EntryId::new(NOW, 1));
    assert_ne!(EntryId::new(NOW, 1), EntryId::new(NOW, 2));
    assert_ne!(EntryId::new(NOW, 1), EntryId::new(NOW + 1, 1));
    assert_eq!(EntryId::new(0, 0).as_str(), "e-0-00000000");
    assert_eq!(EntryId::new(-36, u32::MAX).as_str(), "e-n10-ffffffff");
    assert_eq!(
        EntryId::new(i64::MIN, 0).as_str(),
        "e-n1y2p0ij32e8e8-00000000"
    );
    for text in ["", "a\nb", &"x".repeat(101)] {
        assert_eq!(EntryId::parse(text), None, "{text:?}");
    }
    assert!(EntryId::parse(&"x".repeat(100)).is_some());
}

#[test]
fn field_names_are_stable_for_element_ids() {
    let names: Vec<&str> = Field::ALL.iter().map(|f| f.as_str()).collect();
    assert_eq!(
        names,
        [
            "started",
            "session-date",
            "symptoms",
            "other-symptoms",
            "severity",
            "duration",
            "notes"
        ]
    );
}
