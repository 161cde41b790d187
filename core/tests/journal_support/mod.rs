//! Shared helpers for the journal's integration tests: fixture files and a compact entry
//! builder, so each test table states only what it is about.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use aftercare_core::journal::{Entry, EntryDuration, EntryId, LocalDateTime, Severity};

/// The text of `core/tests/fixtures/journal/<name>`.
pub fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/journal/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("fixture {path}: {e}"))
}

/// An entry with the given id, start ("YYYY-MM-DDTHH:MM"), severity and symptom slugs;
/// everything else empty, created and updated at 1,000 ms.
pub fn entry(id: &str, started: &str, severity: u8, symptoms: &[&str]) -> Entry {
    Entry {
        id: EntryId::parse(id).expect("test id"),
        started: LocalDateTime::parse(started).expect("test start time"),
        session_date: None,
        symptoms: symptoms.iter().map(|s| (*s).to_owned()).collect(),
        other_symptoms: String::new(),
        severity: Severity::new(severity).expect("test severity"),
        duration: None,
        notes: String::new(),
        created_ms: 1_000,
        updated_ms: 1_000,
        extra: serde_json::Map::new(),
    }
}

/// `entry` with notes.
pub fn with_notes(mut e: Entry, notes: &str) -> Entry {
    notes.clone_into(&mut e.notes);
    e
}

/// `entry` with other symptoms text.
pub fn with_other(mut e: Entry, other: &str) -> Entry {
    other.clone_into(&mut e.other_symptoms);
    e
}

/// `entry` with a duration.
pub fn with_duration(mut e: Entry, duration: EntryDuration) -> Entry {
    e.duration = Some(duration);
    e
}

/// A realistic entry number `i` for size and speed figures: two symptoms, a short note,
/// a session date and a duration, spread over days and hours.
pub fn typical(i: usize) -> Entry {
    use aftercare_core::journal::{DurationUnit, LocalDate};
    let day = i64::try_from(i / 3).unwrap();
    let date = LocalDate::new(2024, 1, 1).unwrap().add_days(day).unwrap();
    let hour = u8::try_from(8 + (i % 3) * 5).unwrap();
    let started = LocalDateTime::new(date, hour, 30).unwrap();
    let slugs = [
        "fatigue", "dizzy", "soreness", "sleep", "tingling", "nausea",
    ];
    let created = 1_704_067_200_000 + i64::try_from(i).unwrap() * 3_600_000;
    Entry {
        id: EntryId::new(
            created,
            u32::try_from(i).unwrap().wrapping_mul(2_654_435_761),
        ),
        started,
        session_date: date.add_days(-1),
        symptoms: vec![slugs[i % 6].to_owned(), slugs[(i + 1) % 6].to_owned()],
        other_symptoms: if i % 4 == 0 {
            "heavy legs".to_owned()
        } else {
            String::new()
        },
        severity: Severity::new(u8::try_from(i % 11).unwrap()).unwrap(),
        duration: Some(EntryDuration::Lasted {
            amount: u16::try_from(1 + i % 5).unwrap(),
            unit: DurationUnit::Hours,
        }),
        notes: "Felt tired after the session, better after a nap and some water.".to_owned(),
        created_ms: created,
        updated_ms: created,
        extra: serde_json::Map::new(),
    }
}
