//! Calendar arithmetic and date parsing for the journal: known day numbers, round trips
//! across every day of four centuries, the exact strings the date inputs send, and "day N
//! after your session".
#![allow(clippy::unwrap_used, clippy::expect_used)]

use aftercare_core::journal::{
    civil_from_days, days_from_civil, DateRange, LocalDate, LocalDateTime,
};

#[track_caller]
fn check(text: &str, expected: Option<&str>) {
    let parsed = LocalDateTime::parse(text).map(|t| t.to_string());
    assert_eq!(parsed.as_deref(), expected, "parsing {text:?}");
}

fn date(text: &str) -> LocalDate {
    LocalDate::parse(text).expect("test date")
}

#[test]
fn known_day_numbers() {
    for (y, m, d, days) in [
        (1970, 1, 1, 0),
        (1969, 12, 31, -1),
        (2000, 3, 1, 11_017),
        (2024, 2, 29, 19_782),
        (2024, 3, 1, 19_783),
        (1000, 1, 1, -354_285),
        (9999, 12, 31, 2_932_896),
    ] {
        assert_eq!(days_from_civil(y, m, d), days, "{y}-{m}-{d}");
        assert_eq!(civil_from_days(days), (y, m, d), "day {days}");
    }
}

#[test]
fn every_day_round_trips_and_follows_the_previous() {
    let start = days_from_civil(1900, 1, 1);
    let end = days_from_civil(2300, 12, 31);
    let mut previous = LocalDate::from_days_since_epoch(start - 1).unwrap();
    for n in start..=end {
        let d = LocalDate::from_days_since_epoch(n).unwrap();
        assert_eq!(d.days_since_epoch(), n);
        assert!(d > previous, "{d} after {previous}");
        assert_eq!(d.days_since(previous), 1);
        assert_eq!(LocalDate::parse(&d.to_string()), Some(d));
        previous = d;
    }
}

#[test]
fn datetime_local_values() {
    check("2024-03-01T21:30", Some("2024-03-01T21:30"));
    check(" 2024-03-01T21:30 ", Some("2024-03-01T21:30"));
    check("2024-03-01 21:30", Some("2024-03-01T21:30"));
    check("2024-03-01t00:00", Some("2024-03-01T00:00"));
    // The input sends seconds when its step is under a minute; the journal keeps minutes.
    check("2024-03-01T21:30:59", Some("2024-03-01T21:30"));
    check("2024-03-01T21:30:05.123", Some("2024-03-01T21:30"));
    check("2024-02-29T12:00", Some("2024-02-29T12:00"));
    check("2023-02-29T12:00", None);
    check("1900-02-29T12:00", None);
    check("2000-02-29T12:00", Some("2000-02-29T12:00"));
    check("2024-04-31T12:00", None);
    check("2024-13-01T12:00", None);
    check("2024-00-01T12:00", None);
    check("2024-03-00T12:00", None);
    check("2024-03-01T24:00", None);
    check("2024-03-01T23:60", None);
    check("2024-03-01T21:30:60", None);
    check("2024-03-01T21:30:5", None);
    check("2024-03-01T21:30Z", None);
    check("2024-03-01T21:30+01:00", None);
    check("2024-03-01", None);
    check("2024-3-1T9:30", None);
    check("0999-12-31T12:00", None);
    check("+02024-03-01T12:00", None);
    check("２０２４-03-01T12:00", None);
    check("", None);
    check("not a date", None);
}

#[test]
fn date_values() {
    for (text, ok) in [
        ("2024-03-01", true),
        ("9999-12-31", true),
        ("1000-01-01", true),
        ("2024-02-30", false),
        ("2024/03/01", false),
        ("20240301", false),
        ("", false),
        ("2024-03-01T10:00", false),
    ] {
        assert_eq!(LocalDate::parse(text).is_some(), ok, "{text:?}");
    }
}

#[test]
fn epoch_ms_at_an_offset() {
    for (ms, offset, expected) in [
        (0, 0, "1970-01-01T00:00"),
        (1_709_328_600_000, 0, "2024-03-01T21:30"),
        (1_709_328_600_000, 60, "2024-03-01T22:30"),
        (1_709_328_600_000, 180, "2024-03-02T00:30"),
        (1_709_328_600_000, -600, "2024-03-01T11:30"),
        (-1, 0, "1969-12-31T23:59"),
    ] {
        let t = LocalDateTime::from_epoch_ms(ms, offset).unwrap();
        assert_eq!(t.to_string(), expected, "{ms} at {offset}");
    }
    assert_eq!(LocalDateTime::from_epoch_ms(i64::MAX, 0), None);
    assert_eq!(LocalDateTime::from_epoch_ms(i64::MIN, -720), None);
}

#[test]
fn weekdays() {
    // 2024-03-01 was a Friday; 1970-01-01 a Thursday.
    assert_eq!(date("2024-03-01").weekday(), 4);
    assert_eq!(date("1970-01-01").weekday(), 3);
    assert_eq!(date("2024-03-04").weekday(), 0);
    assert_eq!(date("2024-03-03").weekday(), 6);
}

#[test]
fn day_after_session() {
    let mut e = aftercare_core::journal::Entry {
        session_date: None,
        ..journal_support::entry("a", "2024-03-01T21:30", 3, &["fatigue"])
    };
    assert_eq!(e.day_after_session(), None);
    for (session, day) in [
        ("2024-03-01", 0),
        ("2024-02-29", 1),
        ("2024-02-01", 29),
        ("2023-03-01", 366),
        ("2024-03-02", -1),
    ] {
        e.session_date = Some(date(session));
        assert_eq!(e.day_after_session(), Some(day), "session {session}");
    }
}

#[test]
fn ranges_are_inclusive_and_ordered() {
    let r = DateRange::new(date("2024-03-05"), date("2024-03-01"));
    assert_eq!(r.from, date("2024-03-01"));
    assert_eq!(r.days(), 5);
    assert!(r.contains(date("2024-03-01")));
    assert!(r.contains(date("2024-03-05")));
    assert!(!r.contains(date("2024-03-06")));
    assert!(!r.contains(date("2024-02-29")));
    assert_eq!(date("2024-12-31").add_days(1), Some(date("2025-01-01")));
    assert_eq!(date("9999-12-31").add_days(1), None);
}

mod journal_support;
