//! CSV export for spreadsheets and clinicians: one row per entry, oldest first, with a
//! header row.
//!
//! # Columns
//!
//! | column | content |
//! |---|---|
//! | `id` | the entry's id |
//! | `started` | start, "YYYY-MM-DD HH:MM" (local wall clock; spreadsheets read this as a date) |
//! | `session_date` | "YYYY-MM-DD", or empty |
//! | `day_after_session` | 0 on the session day, 1 the day after…, or empty |
//! | `symptoms` | taxonomy slugs joined by "; " (e.g. "fatigue; dizzy") |
//! | `symptom_names` | the same symptoms in words, in the same order (e.g. "Tired or drained; Dizzy or light-headed"); a slug this build does not know is written as it is |
//! | `other_symptoms` | the person's own words |
//! | `severity` | 0–10 |
//! | `duration` | "3 hours", "1 day", "ongoing", or empty |
//! | `notes` | free notes, line breaks kept inside the quoted cell |
//! | `created_utc`, `updated_utc` | "YYYY-MM-DDTHH:MMZ" |
//!
//! Cells follow RFC 4180: a cell holding a comma, a double quote, CR or LF is quoted, with
//! quotes doubled; rows end with CRLF. For spreadsheet safety (CSV injection), every cell
//! made from text the person or an import file supplied that starts with `=`, `+`, `-`, `@`,
//! a tab or CR gets a leading `'`, so a spreadsheet shows it as text instead of running it as
//! a formula. The same goes for every part of such a cell after a `;`: Excel in locales
//! whose list separator is `;` splits "a;=HYPERLINK(…)" into two cells, the second a
//! formula, so it is written "a;'=HYPERLINK(…)". Only the character right after the `;`
//! counts, as only the first character of a cell does (" =x" is text). Number and date
//! cells the core writes itself are left alone.
//!
//! `symptom_names` came after the first release (version 1 of the format): the slugs stay in
//! `symptoms`, unchanged, for anything that reads them, and the names sit next to them for the
//! people who read the file. Columns are found by their header name; the app itself never
//! reads CSV back (imports are JSON).
//!
//! No byte-order mark is written; prepend [`UTF8_BOM`] for Excel to read accents right.

use std::fmt::Write as _;

use super::collection::Journal;
use super::date::LocalDateTime;
use super::model::Entry;
use super::view::symptom_label;

/// The header row's column names, in order.
pub const CSV_COLUMNS: [&str; 12] = [
    "id",
    "started",
    "session_date",
    "day_after_session",
    "symptoms",
    "symptom_names",
    "other_symptoms",
    "severity",
    "duration",
    "notes",
    "created_utc",
    "updated_utc",
];

/// The UTF-8 byte-order mark, which Excel needs to read a CSV file as UTF-8.
pub const UTF8_BOM: &str = "\u{feff}";

/// Whether a cell (or a part of one after a `;`) starting with `c` would be read as a
/// formula.
fn starts_formula(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r')
}

/// Appends one cell, quoted when needed. `text_cell` marks text from outside the core,
/// which is defused against formula injection at its start and after every `;`.
fn cell(out: &mut String, value: &str, text_cell: bool) {
    let quote = value.contains([',', '"', '\r', '\n']);
    if quote {
        out.push('"');
    }
    // True at the start of the cell and right after a `;`: where a spreadsheet that splits
    // on semicolons starts a new cell.
    let mut part_start = true;
    for c in value.chars() {
        if text_cell && part_start && starts_formula(c) {
            out.push('\'');
        }
        part_start = c == ';';
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quote {
        out.push('"');
    }
}

/// Epoch milliseconds as "YYYY-MM-DDTHH:MMZ", or the raw number when out of range.
fn utc(ms: i64) -> String {
    LocalDateTime::from_epoch_ms(ms, 0).map_or_else(|| ms.to_string(), |t| format!("{t}Z"))
}

/// Appends one entry's row, ending with CRLF.
fn row(out: &mut String, e: &Entry) {
    cell(out, e.id.as_str(), true);
    out.push(',');
    let _ = write!(
        out,
        "{} {:02}:{:02},",
        e.started.date(),
        e.started.hour(),
        e.started.minute()
    );
    if let Some(date) = e.session_date {
        let _ = write!(out, "{date}");
    }
    out.push(',');
    if let Some(day) = e.day_after_session() {
        let _ = write!(out, "{day}");
    }
    out.push(',');
    cell(out, &e.symptoms.join("; "), true);
    out.push(',');
    let names: Vec<&str> = e.symptoms.iter().map(|s| symptom_label(s)).collect();
    // Unknown slugs come back as written, from outside: defused like every such cell.
    cell(out, &names.join("; "), true);
    out.push(',');
    cell(out, &e.other_symptoms, true);
    let _ = write!(out, ",{},", e.severity.get());
    if let Some(duration) = e.duration {
        out.push_str(&duration.describe());
    }
    out.push(',');
    cell(out, &e.notes, true);
    let _ = write!(out, ",{},{}\r\n", utc(e.created_ms), utc(e.updated_ms));
}

/// `entries` as CSV text in the given order, with the header row.
#[must_use]
pub fn export_csv_entries(entries: &[&Entry]) -> String {
    let mut out = String::with_capacity(128 + entries.len() * 200);
    out.push_str(&CSV_COLUMNS.join(","));
    out.push_str("\r\n");
    for entry in entries {
        row(&mut out, entry);
    }
    out
}

/// The whole journal as CSV text, oldest entry first, with the header row.
#[must_use]
pub fn export_csv(journal: &Journal) -> String {
    let mut entries = journal.newest_first();
    entries.reverse();
    export_csv_entries(&entries)
}
