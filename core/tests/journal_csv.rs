//! CSV export: RFC 4180 quoting, formula-injection defusing, the documented columns, and
//! rows in date order.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod journal_support;

use aftercare_core::journal::{
    export_csv, export_csv_entries, DurationUnit, EntryDuration, Journal, LocalDate, CSV_COLUMNS,
};
use journal_support::{entry, fixture, with_duration, with_notes};

/// The CSV row (without header and CRLF) for an entry whose notes are `notes`.
fn notes_cell(notes: &str) -> String {
    let e = with_notes(entry("a", "2024-03-01T21:30", 3, &[]), notes);
    let csv = export_csv_entries(&[&e]);
    let row = csv.split_once("\r\n").unwrap().1;
    let row = row.strip_suffix("\r\n").unwrap();
    // Notes is the tenth column; the last two are fixed-width timestamps.
    let before = "a,2024-03-01 21:30,,,,,,3,,";
    let after = ",1970-01-01T00:00Z,1970-01-01T00:00Z";
    row.strip_prefix(before)
        .and_then(|r| r.strip_suffix(after))
        .unwrap_or_else(|| panic!("row shape: {row}"))
        .to_owned()
}

#[track_caller]
fn check(notes: &str, cell: &str) {
    assert_eq!(notes_cell(notes), cell, "notes {notes:?}");
}

#[test]
fn quoting_and_defusing() {
    check("plain", "plain");
    check("", "");
    check("a, b", "\"a, b\"");
    check("say \"hi\"", "\"say \"\"hi\"\"\"");
    check("line one\nline two", "\"line one\nline two\"");
    check("cr\rlf", "\"cr\rlf\"");
    check("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0");
    check("+1", "'+1");
    check("-2", "'-2");
    check("@x", "'@x");
    check("\tTab", "'\tTab");
    check("\rCR first", "\"'\rCR first\"");
    check("=SUM(1,2)", "\"'=SUM(1,2)\"");
    check("=\"quoted\"", "\"'=\"\"quoted\"\"\"");
    check("a=b", "a=b");
    check(" =not first", " =not first");
    check("<script>alert(1)</script>", "<script>alert(1)</script>");
    check("Café ☕", "Café ☕");
}

#[test]
fn formulas_after_a_semicolon_are_defused_too() {
    // Regression guard: Excel in semicolon locales splits "a;=HYPERLINK(…)" into two
    // cells, and the second ran as a formula because only a cell's first character was
    // checked.
    check(
        "a;=HYPERLINK(\"http://evil.example\")",
        "\"a;'=HYPERLINK(\"\"http://evil.example\"\")\"",
    );
    check("a;=1+1", "a;'=1+1");
    check("=a;=b", "'=a;'=b");
    check("a;+1;-2;@x", "a;'+1;'-2;'@x");
    check("a;;=b", "a;;'=b");
    check(";=x", ";'=x");
    check(";", ";");
    check("a;", "a;");
    check("a;\tb", "a;'\tb");
    check("a;\rb", "\"a;'\rb\"");
    check("a;=SUM(1,2)", "\"a;'=SUM(1,2)\"");
    // As at a cell's start, only the character right after the `;` counts.
    check("a; =b", "a; =b");
    check("a;b=c", "a;b=c");
    check("a;b;c", "a;b;c");
    check("a;é=", "a;é=");
    // Symptom slugs are joined by "; " and a slug may start with "-": the cell's first
    // slug is defused like any cell start.
    let e = entry("s", "2024-03-01T21:30", 3, &["-x", "fatigue"]);
    let csv = export_csv_entries(&[&e]);
    assert!(csv.contains(",'-x; fatigue,"), "{csv}");
    // An unknown slug is named as written, so its name cell is defused too.
    assert!(csv.contains(",'-x; Tired or drained,"), "{csv}");
    let e = entry("s", "2024-03-01T21:30", 3, &["fatigue"]);
    let mut e = with_notes(e, "ok");
    e.other_symptoms = "legs;@SUM(1+1)".into();
    let csv = export_csv_entries(&[&e]);
    assert!(csv.contains(",legs;'@SUM(1+1),"), "{csv}");
}

#[test]
fn header_and_columns() {
    assert_eq!(
        CSV_COLUMNS.join(","),
        "id,started,session_date,day_after_session,symptoms,symptom_names,other_symptoms,severity,duration,notes,created_utc,updated_utc"
    );
    let mut e = with_duration(
        entry("e-1", "2024-03-02T09:05", 7, &["fatigue", "dizzy"]),
        EntryDuration::Lasted {
            amount: 1,
            unit: DurationUnit::Days,
        },
    );
    e.session_date = LocalDate::new(2024, 3, 1);
    e.other_symptoms = "heavy legs".into();
    e.created_ms = 1_709_370_300_000;
    e.updated_ms = 1_709_373_900_000;
    let ongoing = with_duration(
        entry("e-0", "2024-02-28T23:59", 0, &[]),
        EntryDuration::Ongoing,
    );
    let csv = export_csv(&Journal::from_entries(vec![e, ongoing]));
    let lines: Vec<&str> = csv.split_terminator("\r\n").collect();
    assert_eq!(
        lines,
        [
            CSV_COLUMNS.join(",").as_str(),
            "e-0,2024-02-28 23:59,,,,,,0,ongoing,,1970-01-01T00:00Z,1970-01-01T00:00Z",
            "e-1,2024-03-02 09:05,2024-03-01,1,fatigue; dizzy,Tired or drained; Dizzy or light-headed,heavy legs,7,1 day,,2024-03-02T09:05Z,2024-03-02T10:05Z",
        ]
    );
    assert!(csv.ends_with("\r\n"));
}

#[test]
fn hostile_fixture_exports_inertly() {
    let journal = aftercare_core::journal::load(&fixture("hostile.json"));
    let csv = export_csv(journal.journal().unwrap());
    // Every row of text-from-outside starting with a formula character is defused.
    assert!(csv.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\""));
    assert!(csv.contains(",'+cmd|' /C calc'!A0,"));
    assert!(csv.contains(",'@SUM(1+1)*cmd|' /C calc'!A0,"));
    // Rows: header plus two entries; the quoted cells keep the column count right.
    assert_eq!(csv.matches("\r\n").count(), 3);
}

/// Issue #13: the CSV named symptoms only by code ("fatigue"); a person or a practitioner
/// reading it needs the words, next to the codes, which stay for anything that reads them.
#[test]
fn symptoms_are_named_in_words_beside_their_codes() {
    let mut e = entry(
        "w",
        "2024-03-01T08:00",
        4,
        &["fatigue", "from-a-newer-build"],
    );
    e.other_symptoms = "stiff neck".into();
    let csv = export_csv_entries(&[&e]);
    let header: Vec<&str> = csv.lines().next().unwrap_or_default().split(',').collect();
    let codes = header.iter().position(|c| *c == "symptoms");
    let names = header.iter().position(|c| *c == "symptom_names");
    assert_eq!((codes, names), (Some(4), Some(5)));
    assert!(
        csv.contains(
            ",fatigue; from-a-newer-build,Tired or drained; from-a-newer-build,stiff neck,"
        ),
        "{csv}"
    );
}
