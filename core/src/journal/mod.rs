//! The symptom journal's pure core: the entry model, form validation, the [`Journal`] list
//! and its queries, the versioned storage format, CSV and JSON export, and import with a
//! preview and merge by id.
//!
//! The app's storage module is the only place that touches the browser: it passes in the
//! text it read, the clock (`Date.now()`) and random numbers, and stores the text this
//! module returns. Nothing here reads a clock, produces HTML, or panics on any input.
//!
//! Code map:
//! - `date`: [`LocalDate`], [`LocalDateTime`], [`DateRange`] and the day arithmetic.
//! - `model`: [`Entry`] and its values ([`EntryId`], [`Severity`], [`EntryDuration`]).
//! - `draft`: [`EntryDraft`] (the form's strings) → [`Entry`] or [`FieldError`]s.
//! - `collection`: [`Journal`] with add/update/remove/restore, listing, filter, statistics;
//!   it also carries the stored entries this build could not read
//!   ([`Journal::unreadable`]), so saving and exporting never drop them.
//! - `schema`: the stored format, every version of it, [`load`] and [`save`].
//! - `csv`: [`export_csv`]. `import`: [`preview_import`] and [`apply_import`].
//! - `view`: what the pages say about entries (day headings, "day N after your session",
//!   triage level, the summary's range, chart layout and text alternative, the notes
//!   after an export: [`export_note`], [`export_csv_note`]).
//!
//! A typical flow:
//!
//! ```
//! use aftercare_core::journal::{self, EntryDraft, EntryId, Journal, LoadOutcome};
//!
//! let mut journal = match journal::load(r#"{"app":"aftercare","kind":"journal","version":1,"entries":[]}"#) {
//!     LoadOutcome::Ok(journal) => journal,
//!     _ => Journal::new(),
//! };
//! let draft = EntryDraft {
//!     started: "2024-03-01T21:30".into(),
//!     session_date: "2024-03-01".into(),
//!     symptoms: vec!["fatigue".into()],
//!     severity: "4".into(),
//!     ..EntryDraft::default()
//! };
//! let now = 1_709_328_600_000;
//! let entry = draft.validate(EntryId::new(now, 42), now).map_err(|e| e[0].message.clone())?;
//! assert_eq!(entry.day_after_session(), Some(0));
//! journal.add(entry).map_err(|e| e.to_string())?;
//! let stored = journal::save(&journal);
//! assert_eq!(journal::load(&stored), LoadOutcome::Ok(journal));
//! # Ok::<(), String>(())
//! ```

mod collection;
mod csv;
mod date;
mod draft;
mod fast;
mod import;
mod json;
/// Appends text as a JSON string literal (also used by the build tool).
pub use json::write_str as write_json_str;
mod model;
mod schema;
mod share;
pub mod store;
mod view;

pub use collection::{
    edited_at, fold, fold_into, group_by_day, DayGroup, Filter, Journal, JournalError, Removed,
    SeverityPoint, Summary, SUMMARY_MAX_SYMPTOMS, SUMMARY_MAX_UNKNOWN_PER_ENTRY,
};
pub use csv::{export_csv, export_csv_entries, CSV_COLUMNS, UTF8_BOM};
pub use date::{civil_from_days, days_from_civil, DateRange, LocalDate, LocalDateTime};
pub use draft::{EntryDraft, Field, FieldError};
pub use import::{
    apply_import, check_import_size, preview_import, ImportError, ImportPreview,
    IMPORT_FUTURE_SLACK_MS, IMPORT_MAX_BYTES, IMPORT_MAX_ENTRIES,
};
pub use model::{
    group_digits, is_slug, ms_from_js, DurationUnit, Entry, EntryDuration, EntryId, Severity,
    MAX_DURATION_AMOUNT, MAX_EXTRA_BYTES, MAX_ID_CHARS, MAX_NOTES_CHARS, MAX_OTHER_SYMPTOMS_CHARS,
    MAX_SLUG_LEN, MAX_SYMPTOMS,
};
pub use schema::{export_json, load, save, BadEntry, LoadOutcome, APP, CURRENT_VERSION, KIND};
pub use share::{email_body, email_subject, share_file_name, share_text, summary_period};
pub use view::{
    chart, chart_plot, check_param, date_label, day_heading, duration_label, entry_flags,
    entry_level, entry_level_with, export_csv_note, export_file_name, export_note, flag_titles,
    flags_named, flags_of, import_reasons, import_replaced, red_flags_first, session_day_label,
    severity_label, severity_ticks, summary_range, summary_sentence, symptom_label, symptom_labels,
    time_label, Chart, ChartDot, ChartTick, FlaggedEntry,
};
