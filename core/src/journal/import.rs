//! Importing a journal file: size checks before parsing, a preview that says what would
//! change ("3 new, 2 already here, 1 invalid"), and an all-or-nothing merge by id.
//!
//! Merge rule: an entry with a new id is added; an entry whose id is already here is left
//! alone when identical, and when it differs the copy changed most recently (larger
//! `updated_ms`) wins, so importing an old backup never undoes later edits. Nothing is ever
//! deleted by an import. Text in imported entries is plain text like any other: HTML or
//! script in a note is shown as those characters, never run.
//!
//! A clock cannot win by being wrong: an entry whose `created_ms` or `updated_ms` is more
//! than [`IMPORT_FUTURE_SLACK_MS`] (a day) ahead of the clock passed in is *dated in the
//! future* (the device that saved it had a wrong clock, or the file was edited). Such a copy
//! never replaces the one here by default: it is held back in
//! [`ImportPreview::held_future`], counted, and applied only if the person says so
//! ([`ImportPreview::accept_future`]). New entries dated in the future are added (nothing
//! here is replaced) and counted in [`ImportPreview::future_new`]. The preview also says how
//! many entries here the import would replace ([`ImportPreview::replaces`],
//! [`ImportPreview::warnings`]).
//!
//! Imported entries are held to the form's limits ([`Entry::check_limits`]): text lengths,
//! symptoms, durations, and the size of fields this version does not know
//! ([`MAX_EXTRA_BYTES`](super::MAX_EXTRA_BYTES)). An entry over a limit is not imported
//! (nothing in it is trimmed); it is listed with its reason in [`ImportPreview::invalid`].
//! Unknown top-level keys of the file's envelope are not imported: the journal here keeps
//! its own ([`Journal::extra`]). Nor are the entries the file keeps because the app that
//! saved it could not read them (its `unreadable` list, see [`export_json`]): each is
//! listed in [`ImportPreview::invalid`], counted in
//! [`ImportPreview::unreadable_in_file`] and named in [`ImportPreview::warnings`], and the
//! journal here keeps its own ([`Journal::unreadable`]).
//!
//! [`export_json`]: super::export_json

use std::collections::HashMap;
use std::fmt;

use serde_json::Value;

use super::collection::Journal;
use super::json::{entry_to_string, value_to_string};
use super::model::{group_digits, Entry};
use super::schema::{
    classify, entry_from_v0, entry_from_v1, read_entries, take_unreadable, BadEntry, EntryReader,
    Shape,
};

/// Largest import file accepted, in bytes (10 MiB: about 30,000 typical entries, and more
/// than a browser's storage for the site can hold anyway).
pub const IMPORT_MAX_BYTES: u64 = 10 * 1024 * 1024;
/// Most entries one import file may hold (its `unreadable` list included).
pub const IMPORT_MAX_ENTRIES: usize = 50_000;
/// How far ahead of the clock an imported entry's times may be before it counts as dated
/// in the future: one day, well beyond time zones (the times are UTC milliseconds anyway)
/// and ordinary clock drift.
pub const IMPORT_FUTURE_SLACK_MS: i64 = 24 * 60 * 60 * 1000;

/// Why a file cannot be imported at all. Entry-level faults are not errors: they are
/// counted in [`ImportPreview::invalid`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The file is not JSON text.
    NotJson,
    /// The file is JSON, but not an Aftercare journal.
    NotAJournal,
    /// The file was made by a newer version of the app, with this format version.
    FutureVersion(u64),
    /// The file is larger than the limit (checked before reading it).
    TooLarge {
        /// The file's size in bytes.
        bytes: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The file holds more entries than the limit.
    TooManyEntries {
        /// Entries in the file.
        count: usize,
        /// The limit.
        limit: usize,
    },
}

/// Megabytes with one decimal, for messages.
fn megabytes(bytes: u64) -> String {
    let tenths = bytes.saturating_mul(10) / (1024 * 1024);
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotJson => f.write_str(
                "This file is not a journal export. Choose a .json file saved by Aftercare.",
            ),
            Self::NotAJournal => f.write_str(
                "This file is not an Aftercare journal. Choose a file saved with \"Export as JSON\".",
            ),
            Self::FutureVersion(version) => write!(
                f,
                "This file was made by a newer version of Aftercare (format {version}). \
                 Update the app, then import it again."
            ),
            Self::TooLarge { bytes, limit } => write!(
                f,
                "This file is too big to import ({}). The limit is {}.",
                megabytes(*bytes),
                megabytes(*limit)
            ),
            Self::TooManyEntries { count, limit } => write!(
                f,
                "This file has {} entries. The limit is {}.",
                group_digits(*count),
                group_digits(*limit)
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// What an import would do, for the person to confirm before anything changes.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPreview {
    /// The file's format version (0 for the legacy format, migrated on the way in).
    pub from_version: u64,
    /// Entries whose id is not in the journal: they will be added.
    pub to_add: Vec<Entry>,
    /// Entries whose id is here, changed, with a newer `updated_ms` in the file: they will
    /// replace the copy here.
    pub to_update: Vec<Entry>,
    /// Entries already here exactly as in the file.
    pub identical: usize,
    /// Entries whose id is here, changed, where the copy here is as new or newer: kept.
    pub kept_local: usize,
    /// Entries that cannot be read, or break the form's limits, with reasons; the entries
    /// of the file's `unreadable` list come last, numbered on from the end of its entries.
    pub invalid: Vec<BadEntry>,
    /// How many of [`invalid`](Self::invalid) are in the file's `unreadable` list: entries
    /// the app that saved the file could not read either, kept there as they were stored.
    pub unreadable_in_file: usize,
    /// Entries whose id is here, changed, with a newer `updated_ms` in the file, but dated
    /// more than [`IMPORT_FUTURE_SLACK_MS`] ahead of the clock: the copy here is kept unless
    /// [`accept_future`](Self::accept_future) is called.
    pub held_future: Vec<Entry>,
    /// How many of [`to_add`](Self::to_add) are dated more than [`IMPORT_FUTURE_SLACK_MS`]
    /// ahead of the clock (added all the same: they replace nothing).
    pub future_new: usize,
    /// How many entries already here (identical, or not newer in the file) are dated more
    /// than [`IMPORT_FUTURE_SLACK_MS`] ahead of the clock in the file: nothing happens to
    /// them, but they are counted in [`future_count`](Self::future_count) all the same.
    pub future_unchanged: usize,
    /// The clock the preview was made with, in milliseconds since 1970; [`apply_import`]
    /// judges "dated in the future" by it too.
    pub now_ms: i64,
    /// Whether copies dated in the future may replace the ones here: false unless
    /// [`accept_future`](Self::accept_future) was called.
    pub replace_future: bool,
}

/// The reason given for each entry of an import file's `unreadable` list.
const UNREADABLE_IN_FILE: &str = "this entry could not be read when the file was saved";

/// Whether `entry` was created or updated more than [`IMPORT_FUTURE_SLACK_MS`] after
/// `now_ms`.
fn dated_in_future(entry: &Entry, now_ms: i64) -> bool {
    let limit = now_ms.saturating_add(IMPORT_FUTURE_SLACK_MS);
    entry.created_ms > limit || entry.updated_ms > limit
}

impl ImportPreview {
    /// Entries that are new to this journal.
    #[must_use]
    pub fn new_count(&self) -> usize {
        self.to_add.len()
    }

    /// Entries whose id is already here, identical or changed.
    #[must_use]
    pub fn already_here(&self) -> usize {
        self.identical + self.changed()
    }

    /// Entries already here but different in the file (replaced, kept, or held back as
    /// dated in the future).
    #[must_use]
    pub fn changed(&self) -> usize {
        self.to_update.len() + self.kept_local + self.held_future.len()
    }

    /// How many entries here the import would replace with the file's version.
    #[must_use]
    pub fn replaces(&self) -> usize {
        self.to_update.len()
    }

    /// Entries of the file dated more than a day ahead of the clock: held back, new, or
    /// already here.
    #[must_use]
    pub fn future_count(&self) -> usize {
        self.held_future.len() + self.future_new + self.future_unchanged
    }

    /// Lets the held-back copies dated in the future replace the ones here, when the person
    /// has seen the warning and chosen the file's versions.
    pub fn accept_future(&mut self) {
        self.replace_future = true;
        self.to_update.append(&mut self.held_future);
    }

    /// Keeps every entry here that the file would replace: only new entries are imported
    /// (the person chose "Keep mine"). The file's versions, and the held-back copies dated
    /// in the future, count as kept.
    pub fn keep_mine(&mut self) {
        self.replace_future = false;
        self.kept_local += self.to_update.len() + self.held_future.len();
        self.to_update.clear();
        self.held_future.clear();
    }

    /// What the person should know before confirming, one plain sentence each (empty when
    /// there is nothing to warn about): how many of their entries the file's versions
    /// would replace, which entries are dated in the future and what happens to them, and
    /// how many entries the file keeps that could not be read.
    #[must_use]
    pub fn warnings(&self) -> Vec<String> {
        let mut lines = Vec::new();
        match self.replaces() {
            0 => {}
            1 => lines.push("1 of your entries will be replaced by the file's version.".to_owned()),
            n => lines.push(format!(
                "{} of your entries will be replaced by the file's versions.",
                group_digits(n)
            )),
        }
        match self.held_future.len() {
            0 => {}
            1 => lines.push(
                "1 entry in the file is dated more than a day in the future (the device that \
                 saved it may have had a wrong clock): your version is kept."
                    .to_owned(),
            ),
            n => lines.push(format!(
                "{} entries in the file are dated more than a day in the future (the device \
                 that saved them may have had a wrong clock): your versions are kept.",
                group_digits(n)
            )),
        }
        match self.future_new {
            0 => {}
            1 => lines.push(
                "1 new entry is dated more than a day in the future; it will be added as it is."
                    .to_owned(),
            ),
            n => lines.push(format!(
                "{} new entries are dated more than a day in the future; they will be added \
                 as they are.",
                group_digits(n)
            )),
        }
        match self.unreadable_in_file {
            0 => {}
            1 => lines.push(
                "1 entry in this file could not be read; it will not be imported.".to_owned(),
            ),
            n => lines.push(format!(
                "{} entries in this file could not be read; they will not be imported.",
                group_digits(n)
            )),
        }
        lines
    }

    /// Entries that cannot be imported.
    #[must_use]
    pub fn invalid_count(&self) -> usize {
        self.invalid.len()
    }

    /// Whether applying would change the journal.
    #[must_use]
    pub fn changes_anything(&self) -> bool {
        !self.to_add.is_empty() || !self.to_update.is_empty()
    }
}

impl fmt::Display for ImportPreview {
    /// "3 new, 2 already here (1 identical, 1 changed), 1 invalid".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} new, {} already here ({} identical, {} changed), {} invalid",
            group_digits(self.new_count()),
            group_digits(self.already_here()),
            group_digits(self.identical),
            group_digits(self.changed()),
            group_digits(self.invalid_count())
        )
    }
}

/// Checks a file's size before reading it (in a browser, `File.size`), so a huge file is
/// refused without loading it into memory.
///
/// # Errors
///
/// [`ImportError::TooLarge`] above [`IMPORT_MAX_BYTES`].
pub fn check_import_size(bytes: u64) -> Result<(), ImportError> {
    if bytes > IMPORT_MAX_BYTES {
        Err(ImportError::TooLarge {
            bytes,
            limit: IMPORT_MAX_BYTES,
        })
    } else {
        Ok(())
    }
}

/// Reads an import file and compares it with `existing`, changing nothing. The size is
/// checked before parsing; a byte-order mark at the start is ignored. Files of version 0
/// are migrated. Entries that cannot be read, repeat an id within the file, or break the
/// form's limits are listed in [`ImportPreview::invalid`] and not imported, and so are the
/// entries of the file's `unreadable` list (read by nobody: they were unreadable when the
/// file was saved, and are counted in [`ImportPreview::unreadable_in_file`]). `now_ms` is the
/// clock (`Date.now()`): changed entries dated more than a day after it are held back
/// ([`ImportPreview::held_future`]) instead of replacing the ones here.
///
/// # Errors
///
/// [`ImportError::TooLarge`] over [`IMPORT_MAX_BYTES`], [`ImportError::NotJson`],
/// [`ImportError::NotAJournal`], [`ImportError::FutureVersion`] for a newer format, and
/// [`ImportError::TooManyEntries`] over [`IMPORT_MAX_ENTRIES`].
pub fn preview_import(
    existing: &Journal,
    raw: &str,
    now_ms: i64,
) -> Result<ImportPreview, ImportError> {
    check_import_size(u64::try_from(raw.len()).unwrap_or(u64::MAX))?;
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let mut value: Value = serde_json::from_str(raw).map_err(|_| ImportError::NotJson)?;
    let unreadable = match &mut value {
        Value::Object(map) => take_unreadable(map),
        _ => Vec::new(),
    };
    let (from_version, items) = match classify(&mut value) {
        Shape::Known { version, items } => (version, items),
        Shape::Future { version, .. } => return Err(ImportError::FutureVersion(version)),
        Shape::NotOurs(_) => return Err(ImportError::NotAJournal),
    };
    let listed = items.len();
    let count = listed + unreadable.len();
    if count > IMPORT_MAX_ENTRIES {
        return Err(ImportError::TooManyEntries {
            count,
            limit: IMPORT_MAX_ENTRIES,
        });
    }
    let reader: EntryReader = if from_version == 0 {
        entry_from_v0
    } else {
        entry_from_v1
    };
    let results = read_entries(items, reader);

    let here: HashMap<&str, &Entry> = existing
        .entries()
        .iter()
        .map(|e| (e.id.as_str(), e))
        .collect();
    let mut preview = ImportPreview {
        from_version,
        to_add: Vec::new(),
        to_update: Vec::new(),
        identical: 0,
        kept_local: 0,
        invalid: Vec::new(),
        unreadable_in_file: unreadable.len(),
        held_future: Vec::new(),
        future_new: 0,
        future_unchanged: 0,
        now_ms,
        replace_future: false,
    };
    for (index, result) in results.into_iter().enumerate() {
        let entry = match result {
            Ok(entry) => entry,
            Err(bad) => {
                preview.invalid.push(bad);
                continue;
            }
        };
        if let Err(reason) = entry.check_limits() {
            preview.invalid.push(BadEntry {
                index,
                reason,
                raw_json: entry_to_string(&entry),
            });
            continue;
        }
        let future = dated_in_future(&entry, now_ms);
        match here.get(entry.id.as_str()) {
            None => {
                preview.future_new += usize::from(future);
                preview.to_add.push(entry);
            }
            Some(local) if **local == entry => {
                preview.future_unchanged += usize::from(future);
                preview.identical += 1;
            }
            Some(local) if entry.updated_ms > local.updated_ms => {
                if future {
                    preview.held_future.push(entry);
                } else {
                    preview.to_update.push(entry);
                }
            }
            Some(_) => {
                preview.future_unchanged += usize::from(future);
                preview.kept_local += 1;
            }
        }
    }
    preview
        .invalid
        .extend(unreadable.iter().enumerate().map(|(i, item)| BadEntry {
            index: listed + i,
            reason: UNREADABLE_IN_FILE.to_owned(),
            raw_json: value_to_string(item),
        }));
    Ok(preview)
}

/// The journal with the preview applied: new entries added at the end in file order,
/// newer copies replacing older ones; held-back copies dated in the future are left out.
/// Pure and total, so the caller swaps in the result only once it is complete (all or
/// nothing). If the journal changed since the preview, the same rule is applied again entry
/// by entry: a new id is added, a known id is replaced only by a newer copy, and never by
/// one dated in the future unless [`ImportPreview::accept_future`] was called. The
/// journal's own envelope keys ([`Journal::extra`]) and unreadable entries
/// ([`Journal::unreadable`]) are kept; the file's are not added.
#[must_use]
pub fn apply_import(mut journal: Journal, preview: ImportPreview) -> Journal {
    let may_replace = |entry: &Entry, local: &Entry| {
        entry.updated_ms > local.updated_ms
            && (preview.replace_future || !dated_in_future(entry, preview.now_ms))
    };
    let entries = journal.entries_mut();
    let mut position: HashMap<String, usize> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str().to_owned(), i))
        .collect();
    for entry in preview.to_update.into_iter().chain(preview.to_add) {
        if let Some(&i) = position.get(entry.id.as_str()) {
            if may_replace(&entry, &entries[i]) {
                entries[i] = entry;
            }
        } else {
            position.insert(entry.id.as_str().to_owned(), entries.len());
            entries.push(entry);
        }
    }
    journal
}
